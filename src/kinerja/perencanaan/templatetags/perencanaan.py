"""Template filters of the planning pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(peta: Any, kunci: Any) -> Any:
    """`{{ peta|get_item:kunci }}`: a dict lookup by a variable key (None when absent)."""
    if not peta:
        return None
    return peta.get(kunci)


@register.filter
def nama_singkat(instansi: Any) -> str:
    """An Instansi's abbreviation, else its name; "" for None."""
    if instansi is None:
        return ""
    return str(getattr(instansi, "singkatan", "") or getattr(instansi, "nama", ""))
