from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisasiConfig(AppConfig):
    """App configuration for organisasi."""

    name = "kinerja.organisasi"
    verbose_name = _("Organisasi")

    def ready(self) -> None:
        # Register the permission predicates with django-rules.
        from kinerja.organisasi import permissions  # noqa: F401
