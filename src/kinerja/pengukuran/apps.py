from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PengukuranConfig(AppConfig):
    """App configuration for pengukuran."""

    name = "kinerja.pengukuran"
    verbose_name = _("Pengukuran")
