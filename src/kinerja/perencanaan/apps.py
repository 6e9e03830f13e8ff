from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerencanaanConfig(AppConfig):
    """App configuration for perencanaan."""

    name = "kinerja.perencanaan"
    verbose_name = _("Perencanaan")
