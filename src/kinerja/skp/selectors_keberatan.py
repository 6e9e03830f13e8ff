"""Reads for the keberatan part of the SKP pages."""

from __future__ import annotations

from typing import Any


def konteks_detail(user: Any, skp: Any) -> dict[str, Any]:
    """Extra context for the SKP detail page (`skp/_detail_keberatan.html`)."""
    return {}
