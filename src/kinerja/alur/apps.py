from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _muat_templat_bawaan(sender, **kwargs):  # type: ignore[no-untyped-def]
    """After `migrate`, make sure the four built-in seed SOP templates exist (idempotent)."""
    from kinerja.alur.services import template_muat_bawaan

    template_muat_bawaan()


class AlurConfig(AppConfig):
    """App configuration for alur: SOP templates and measurement cycles."""

    name = "kinerja.alur"
    verbose_name = _("Alur SOP")

    def ready(self) -> None:
        # Like contenttypes and permissions, the built-in templates are data every install has.
        post_migrate.connect(_muat_templat_bawaan, sender=self)
