"""Deadlines from a step's standard time on the Pemda's working calendar.

Minutes and hours count office time only (e.g. a 2-hour step started at 15.00 with offices
closing at 16.00 is due at 08.30 the next working day when offices open at 07.30). Days count
working days at the same clock time. Non-working weekdays and holidays (`HariLibur`) are
skipped. A text rule ("Sesuai dengan Surat Perjanjian Kontrak") has no computable deadline.
All computation is in the local time zone (Asia/Jakarta by default).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal

from django.utils import timezone


@dataclass(frozen=True)
class Kalender:
    """Working weekdays (ISO: 1 = Monday), office hours and holidays."""

    hari_kerja: frozenset[int] = frozenset({1, 2, 3, 4, 5})
    jam_mulai: dt.time = dt.time(7, 30)
    jam_selesai: dt.time = dt.time(16, 0)
    libur: frozenset[dt.date] = field(default_factory=frozenset)

    def hari_kerja_p(self, tanggal: dt.date) -> bool:
        """True if `tanggal` is a working day."""
        return tanggal.isoweekday() in self.hari_kerja and tanggal not in self.libur


def _hari_kerja_berikut(kal: Kalender, tanggal: dt.date) -> dt.date:
    hasil = tanggal
    for _ in range(400):
        if kal.hari_kerja_p(hasil):
            return hasil
        hasil += dt.timedelta(days=1)
    raise ValueError("kalender kerja tanpa hari kerja")


def tambah_hari_kerja(
    mulai: dt.datetime, hari: int, libur: Iterable[dt.date] = (), kalender: Kalender | None = None
) -> dt.datetime:
    """`mulai` moved forward by `hari` working days (same clock time)."""
    kal = kalender or Kalender(libur=frozenset(libur))
    lokal = timezone.localtime(mulai) if timezone.is_aware(mulai) else mulai
    tanggal = lokal.date()
    sisa = hari
    while sisa > 0:
        tanggal += dt.timedelta(days=1)
        if kal.hari_kerja_p(tanggal):
            sisa -= 1
    return lokal.replace(year=tanggal.year, month=tanggal.month, day=tanggal.day)


def tambah_menit_kerja(mulai: dt.datetime, menit: Decimal, kalender: Kalender) -> dt.datetime:
    """`mulai` moved forward by `menit` minutes of office time."""
    kal = kalender
    lokal = timezone.localtime(mulai) if timezone.is_aware(mulai) else mulai
    sisa = dt.timedelta(minutes=float(menit))
    saat = lokal
    for _ in range(1000):
        tanggal = saat.date()
        if not kal.hari_kerja_p(tanggal) or saat.time() >= kal.jam_selesai:
            tanggal = _hari_kerja_berikut(kal, tanggal + dt.timedelta(days=1))
            saat = saat.replace(
                year=tanggal.year,
                month=tanggal.month,
                day=tanggal.day,
                hour=kal.jam_mulai.hour,
                minute=kal.jam_mulai.minute,
                second=0,
                microsecond=0,
            )
            continue
        if saat.time() < kal.jam_mulai:
            saat = saat.replace(hour=kal.jam_mulai.hour, minute=kal.jam_mulai.minute, second=0)
        tutup = saat.replace(hour=kal.jam_selesai.hour, minute=kal.jam_selesai.minute, second=0)
        tersedia = tutup - saat
        if sisa <= tersedia:
            return saat + sisa
        sisa -= tersedia
        saat = tutup
    raise ValueError("waktu baku terlalu panjang")


def hitung_tenggat(
    mulai: dt.datetime,
    jumlah: Decimal | None,
    satuan: str,
    libur: Iterable[dt.date] = (),
    kalender: Kalender | None = None,
) -> dt.datetime | None:
    """The deadline of a step started at `mulai`, or None when the time is a text rule."""
    if jumlah is None or satuan == "teks":
        return None
    kal = kalender or Kalender(libur=frozenset(libur))
    if satuan == "menit":
        return tambah_menit_kerja(mulai, jumlah, kal)
    if satuan == "jam":
        return tambah_menit_kerja(mulai, jumlah * 60, kal)
    if satuan == "hari":
        hari = int(jumlah.to_integral_value(rounding=ROUND_CEILING))
        return tambah_hari_kerja(mulai, hari, kalender=kal)
    raise ValueError(f"satuan waktu tidak dikenal: {satuan}")
