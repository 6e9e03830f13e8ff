from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DokumenConfig(AppConfig):
    """App configuration for dokumen."""

    name = "kinerja.dokumen"
    verbose_name = _("Dokumen")

    def ready(self) -> None:
        # Register the document permission predicates with django-rules.
        from kinerja.dokumen import permissions  # noqa: F401
