"""Template context every page needs."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from kinerja import __version__


def umum(request: HttpRequest) -> dict[str, Any]:
    """Expose the version for the footer."""
    return {"kinerja_versi": __version__}
