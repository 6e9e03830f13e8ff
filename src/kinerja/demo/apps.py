from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """App configuration for demo."""

    name = "kinerja.demo"
    verbose_name = _("Data contoh")
