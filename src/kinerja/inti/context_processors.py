"""Template context every page needs."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from kinerja import __version__


def umum(request: HttpRequest) -> dict[str, Any]:
    """The version for the footer and, for a logged-in user, the unread notification count."""
    konteks: dict[str, Any] = {"kinerja_versi": __version__}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from kinerja.alur.selectors import notifikasi_belum_dibaca

        # Lazy: the query runs only when a template shows the badge.
        konteks["notifikasi_baru"] = lambda: notifikasi_belum_dibaca(user)
    return konteks
