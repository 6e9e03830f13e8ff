from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DokumenConfig(AppConfig):
    """App configuration for dokumen."""

    name = "kinerja.dokumen"
    verbose_name = _("Dokumen")
