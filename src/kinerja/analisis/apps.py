from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalisisConfig(AppConfig):
    """App configuration for analisis."""

    name = "kinerja.analisis"
    verbose_name = _("Analisis")
