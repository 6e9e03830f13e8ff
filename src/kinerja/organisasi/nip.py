"""NIP (Nomor Induk Pegawai) validation.

An 18-digit NIP encodes: birth date (YYYYMMDD), TMT as ASN (YYYYMM), sex (1 male, 2 female) and a
3-digit sequence — e.g. 197209251998031003 is born 25-09-1972, TMT March 1998, male, number 003.
Spaces in the printed form ("19720925 199803 1 003") are accepted and removed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PESAN_NIP_PANJANG = "NIP harus 18 angka (boleh ditulis dengan spasi)."
PESAN_NIP_LAHIR = "8 angka pertama NIP harus tanggal lahir yang sah (TTTTBBHH)."
PESAN_NIP_TMT = "Angka ke-9 s.d. 14 NIP harus tahun dan bulan TMT yang sah (TTTTBB)."
PESAN_NIP_TMT_SEBELUM_LAHIR = "TMT pada NIP tidak mungkin sebelum umur 18 tahun."
PESAN_NIP_JENIS_KELAMIN = "Angka ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan)."


@dataclass(frozen=True, slots=True)
class InfoNIP:
    """What an NIP encodes."""

    nip: str
    tanggal_lahir: dt.date
    tmt: dt.date
    jenis_kelamin: str  # "L" or "P"
    nomor_urut: int


def normalkan_nip(teks: str) -> str:
    """Remove spaces and dots from a printed NIP."""
    return "".join(ch for ch in str(teks) if ch not in " .\u00a0")


def urai_nip(teks: str) -> InfoNIP:
    """Return what the NIP encodes, or raise ValueError with an Indonesian message."""
    nip = normalkan_nip(teks)
    if len(nip) != 18 or not nip.isdigit():
        raise ValueError(PESAN_NIP_PANJANG)
    try:
        lahir = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError as exc:
        raise ValueError(PESAN_NIP_LAHIR) from exc
    try:
        tmt = dt.date(int(nip[8:12]), int(nip[12:14]), 1)
    except ValueError as exc:
        raise ValueError(PESAN_NIP_TMT) from exc
    if tmt.year - lahir.year < 18:
        raise ValueError(PESAN_NIP_TMT_SEBELUM_LAHIR)
    if nip[14] not in "12":
        raise ValueError(PESAN_NIP_JENIS_KELAMIN)
    return InfoNIP(nip, lahir, tmt, "L" if nip[14] == "1" else "P", int(nip[15:18]))


def format_nip(nip: str) -> str:
    """Print an NIP the official way: 19720925 199803 1 003."""
    n = normalkan_nip(nip)
    if len(n) != 18:
        return n
    return f"{n[0:8]} {n[8:14]} {n[14]} {n[15:18]}"
