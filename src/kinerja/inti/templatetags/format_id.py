"""Template filters that print numbers the Indonesian way: {{ x|angka }}, {{ x|rupiah }}."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.html import format_html

from kinerja.inti.angka import format_angka, format_rupiah

register = template.Library()


@register.filter
def angka(nilai: Any, desimal: int = 2) -> str:
    """1234.565 → "1.234,57"; None → "–". Integers-valued numbers keep `desimal` places."""
    if nilai is None or nilai == "":
        return "–"
    try:
        return format_angka(Decimal(str(nilai)), int(desimal))
    except (ArithmeticError, ValueError):
        return str(nilai)


@register.filter
def angka_ringkas(nilai: Any) -> str:
    """A realisation or target as typed: up to 2 decimals, without trailing zeros."""
    if nilai is None or nilai == "":
        return "–"
    d = Decimal(str(nilai))
    desimal = 0 if d == d.to_integral_value() else 2
    return format_angka(d, desimal)


@register.filter
def rupiah(nilai: Any) -> str:
    """Rp 1.250.000."""
    return format_rupiah(None if nilai in (None, "") else Decimal(str(nilai)))


@register.filter
def hasil(h: Any) -> str:
    """A rumus result for display: the rounded number, or a dash explaining why not."""
    if h is None:
        return "–"
    if getattr(h, "nilai", None) is None:
        return format_html('<span class="text-muted" title="{}">–</span>', h.pesan or "")
    return format_angka(h.nilai, 2)


@register.filter
def durasi(nilai: Any) -> str:
    """A duration in Indonesian: "2 hari 3 jam", "1 jam 48 menit", "6 menit", "< 1 menit"."""
    if nilai is None:
        return "–"
    detik = int(nilai.total_seconds())
    if detik < 60:
        return "< 1 menit"
    hari, sisa = divmod(detik, 86400)
    jam, sisa = divmod(sisa, 3600)
    menit = sisa // 60
    bagian = [f"{hari} hari"] if hari else []
    if jam:
        bagian.append(f"{jam} jam")
    if menit and not hari:
        bagian.append(f"{menit} menit")
    return " ".join(bagian) or f"{hari} hari"
