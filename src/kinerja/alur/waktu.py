"""Deadlines from a step's standard time: minutes and hours on the clock, days as working days.

Working days skip Saturdays, Sundays and the `HariLibur` dates. A text rule ("Sesuai dengan
Surat Perjanjian Kontrak") has no computable deadline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal


def tambah_hari_kerja(mulai: dt.datetime, hari: int, libur: Iterable[dt.date] = ()) -> dt.datetime:
    """`mulai` moved forward by `hari` working days (same time of day)."""
    libur_set = set(libur)
    hasil = mulai
    sisa = hari
    while sisa > 0:
        hasil += dt.timedelta(days=1)
        if hasil.weekday() < 5 and hasil.date() not in libur_set:
            sisa -= 1
    return hasil


def hitung_tenggat(
    mulai: dt.datetime,
    jumlah: Decimal | None,
    satuan: str,
    libur: Iterable[dt.date] = (),
) -> dt.datetime | None:
    """The deadline of a step started at `mulai`, or None when the time is a text rule."""
    if jumlah is None or satuan == "teks":
        return None
    if satuan == "menit":
        return mulai + dt.timedelta(minutes=float(jumlah))
    if satuan == "jam":
        return mulai + dt.timedelta(hours=float(jumlah))
    if satuan == "hari":
        hari = int(jumlah.to_integral_value(rounding="ROUND_CEILING"))
        return tambah_hari_kerja(mulai, hari, libur)
    raise ValueError(f"satuan waktu tidak dikenal: {satuan}")
