from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntiConfig(AppConfig):
    """App configuration for inti."""

    name = "kinerja.inti"
    verbose_name = _("Inti")
