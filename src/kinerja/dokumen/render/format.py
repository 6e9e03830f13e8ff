"""Display strings made in Python before they reach a template (templates never format data)."""

from __future__ import annotations

import datetime as dt

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def tanggal_id(nilai: dt.date | str | None, kosong: str = "-") -> str:
    """Print a date the Indonesian way: 2024-01-11 → "11 Januari 2024".

    Accepts a `date`, a `datetime` (its date part) or an ISO text ("2024-01-11"); `None` or empty
    text gives `kosong`. Any other text raises `ValueError` so a typo never prints as a date.
    """
    if nilai is None or nilai == "":
        return kosong
    if isinstance(nilai, str):
        nilai = dt.date.fromisoformat(nilai.strip()[:10])
    if isinstance(nilai, dt.datetime):
        nilai = nilai.date()
    return f"{nilai.day} {BULAN[nilai.month - 1]} {nilai.year}"
