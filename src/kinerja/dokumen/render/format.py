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


def format_nip(nip: str | None, kosong: str = "-") -> str:
    """A civil-servant NIP as printed: "197209251998031003" → "19720925 199803 1 003".

    Eighteen digits (with or without spaces) are grouped birth date / appointment month / sex /
    serial number; anything else is returned as written, so a PPPK number or a typo is not lost.
    """
    if nip is None or str(nip).strip() == "":
        return kosong
    angka = "".join(str(nip).split())
    if len(angka) != 18 or not angka.isdigit():
        return str(nip).strip()
    return f"{angka[:8]} {angka[8:14]} {angka[14]} {angka[15:]}"
