from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlurConfig(AppConfig):
    """App configuration for alur."""

    name = "kinerja.alur"
    verbose_name = _("Alur SOP")
