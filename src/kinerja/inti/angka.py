"""Reading numbers as Indonesian users type them, and printing them the Indonesian way.

Accepted: "1.234,5", "1234,5", "1234.5", "0,75", "-2,5", "85%", "1,234.5" (an English-style
number with both separators is unambiguous). Refused with a message: "1.234" (a dot followed by
exactly three digits could be a thousands separator or a decimal point), "12,3,4", "abc",
"1e999", exponents, empty text, more digits than the field holds.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

PESAN_KOSONG = "Nilai wajib diisi."
PESAN_BUKAN_ANGKA = "“{teks}” bukan angka. Contoh penulisan yang benar: 1.234,56 atau 1234,56."
PESAN_AMBIGU = (
    "“{teks}” bisa berarti ribuan atau desimal. Tulis {ribuan} untuk ribuan "
    "atau {desimal} untuk desimal."
)
PESAN_TERLALU_PANJANG = (
    "Angka terlalu panjang: paling banyak {bulat} digit sebelum koma "
    "dan {desimal} digit sesudahnya."
)
PESAN_NEGATIF = "Nilai tidak boleh negatif untuk indikator ini."

_POLA_DIGIT = re.compile(r"^\d+$")
_POLA_RIBUAN_TITIK = re.compile(r"^\d{1,3}(\.\d{3})+$")
_POLA_RIBUAN_KOMA = re.compile(r"^\d{1,3}(,\d{3})+$")


class AngkaTidakSah(ValueError):
    """The text is not a number Kinerja can read unambiguously; the message says why."""


def _ke_decimal(bulat: str, pecahan: str, negatif: bool, teks: str) -> Decimal:
    if not _POLA_DIGIT.match(bulat) or (pecahan and not _POLA_DIGIT.match(pecahan)):
        raise AngkaTidakSah(PESAN_BUKAN_ANGKA.format(teks=teks))
    try:
        nilai = Decimal(f"{bulat}.{pecahan}" if pecahan else bulat)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the patterns above
        raise AngkaTidakSah(PESAN_BUKAN_ANGKA.format(teks=teks)) from exc
    return -nilai if negatif else nilai


def baca_angka(
    teks: str | None,
    *,
    wajib: bool = True,
    boleh_negatif: bool = True,
    digit_bulat: int = 16,
    digit_desimal: int = 4,
) -> Decimal | None:
    """Parse Indonesian-typed text into a Decimal, or raise `AngkaTidakSah` with a message.

    Returns None for empty text when `wajib` is False.
    """
    asli = "" if teks is None else str(teks)
    s = asli.strip().replace("\u00a0", "").replace(" ", "")
    if s.endswith("%"):
        s = s[:-1]
    if not s:
        if wajib:
            raise AngkaTidakSah(PESAN_KOSONG)
        return None
    negatif = s.startswith(("-", "−"))
    if s[0] in "+-−":
        s = s[1:]
    if not s:
        raise AngkaTidakSah(PESAN_BUKAN_ANGKA.format(teks=asli))
    titik, koma = s.count("."), s.count(",")
    if titik and koma:
        # Both separators: the last one is the decimal mark, the other must group thousands.
        if s.rfind(",") > s.rfind("."):
            bulat, _, pecahan = s.rpartition(",")
            if not _POLA_RIBUAN_TITIK.match(bulat):
                raise AngkaTidakSah(PESAN_BUKAN_ANGKA.format(teks=asli))
            bulat = bulat.replace(".", "")
        else:
            bulat, _, pecahan = s.rpartition(".")
            if not _POLA_RIBUAN_KOMA.match(bulat):
                raise AngkaTidakSah(PESAN_BUKAN_ANGKA.format(teks=asli))
            bulat = bulat.replace(",", "")
    elif koma:
        if koma > 1:
            raise AngkaTidakSah(PESAN_BUKAN_ANGKA.format(teks=asli))
        bulat, _, pecahan = s.partition(",")
    elif titik:
        if titik > 1:
            if not _POLA_RIBUAN_TITIK.match(s):
                raise AngkaTidakSah(PESAN_BUKAN_ANGKA.format(teks=asli))
            bulat, pecahan = s.replace(".", ""), ""
        else:
            bulat, _, pecahan = s.partition(".")
            if len(pecahan) == 3 and bulat != "0":
                raise AngkaTidakSah(
                    PESAN_AMBIGU.format(
                        teks=asli, ribuan=bulat + pecahan, desimal=f"{bulat},{pecahan}"
                    )
                )
    else:
        bulat, pecahan = s, ""
    if bulat == "" and pecahan:
        bulat = "0"
    nilai = _ke_decimal(bulat, pecahan, negatif, asli)
    if len(bulat.lstrip("0")) > digit_bulat or len(pecahan) > digit_desimal:
        raise AngkaTidakSah(PESAN_TERLALU_PANJANG.format(bulat=digit_bulat, desimal=digit_desimal))
    if nilai < 0 and not boleh_negatif:
        raise AngkaTidakSah(PESAN_NEGATIF)
    return nilai


def format_angka(nilai: Decimal | int | None, desimal: int = 2, kosong: str = "–") -> str:
    """Print a number the Indonesian way, rounded half-up: 1234.565 → "1.234,57"."""
    if nilai is None:
        return kosong
    d = Decimal(nilai)
    if desimal > 0:
        d = d.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    else:
        d = d.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    tanda = "-" if d < 0 else ""
    bulat, _, pecahan = f"{abs(d):f}".partition(".")
    kelompok = []
    while len(bulat) > 3:
        kelompok.insert(0, bulat[-3:])
        bulat = bulat[:-3]
    kelompok.insert(0, bulat)
    teks = ".".join(kelompok)
    return f"{tanda}{teks},{pecahan}" if pecahan else f"{tanda}{teks}"


def format_rupiah(nilai: Decimal | int | None) -> str:
    """Rp with thousands separators and no decimals: "Rp 1.250.000"."""
    return "–" if nilai is None else f"Rp {format_angka(nilai, 0)}"
