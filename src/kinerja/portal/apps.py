from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """App configuration for portal: the public, login-free view of published, signed results."""

    name = "kinerja.portal"
    verbose_name = _("Portal publik")

    def ready(self) -> None:
        # Register the publishing permission predicate with django-rules.
        from kinerja.portal import permissions  # noqa: F401
