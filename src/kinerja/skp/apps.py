from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkpConfig(AppConfig):
    """App configuration for skp: employee performance plans and ratings."""

    name = "kinerja.skp"
    verbose_name = _("Kinerja pegawai (SKP)")

    def ready(self) -> None:
        # Register the permission predicates with django-rules.
        from kinerja.skp import permissions, permissions_keberatan, permissions_tahunan  # noqa: F401
