"""Decimal arithmetic with fixed contexts, and the one display-rounding rule.

The formulas never use the thread's current decimal context, which a caller may have changed:
sums, differences and products run in `EKSAK` (wide enough to be exact for any realistic input),
and the one division of each formula runs in `PRESISI` (28 significant digits, the "full
precision" a result carries). Rounding to 2 decimals happens only in `bulatkan`, for display.
"""

from __future__ import annotations

from decimal import (
    MAX_EMAX,
    MIN_EMIN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)

from kinerja.rumus.jenis import Alasan

#: Significant digits of a result ("full precision").
DIGIT_PRESISI = 28

_JEBAKAN = [InvalidOperation, DivisionByZero, Overflow]

#: Context of the final division of every formula.
PRESISI = Context(
    prec=DIGIT_PRESISI, rounding=ROUND_HALF_EVEN, Emin=MIN_EMIN, Emax=MAX_EMAX, traps=_JEBAKAN
)
#: Context of sums, differences and products: exact for inputs of up to 40 digits.
EKSAK = Context(prec=80, rounding=ROUND_HALF_EVEN, Emin=MIN_EMIN, Emax=MAX_EMAX, traps=_JEBAKAN)

NOL = Decimal(0)
SATU = Decimal(1)
DUA = Decimal(2)
SERATUS = Decimal(100)
_SEN = Decimal("0.01")

# Bound methods: the hot path calls them millions of times.
bagi = PRESISI.divide
kali = EKSAK.multiply
tambah = EKSAK.add
kurang = EKSAK.subtract

# Values this far from 1 are printed as they are: rounding them to cents would need a
# context of that many digits, and no capaian or rupiah amount is this large.
_DIGIT_BULAT_MAKS = 60
_KONTEKS_BULAT = Context(
    prec=_DIGIT_BULAT_MAKS + 4,
    rounding=ROUND_HALF_UP,
    Emin=MIN_EMIN,
    Emax=MAX_EMAX,
    traps=_JEBAKAN,
)
_kuantisasi = _KONTEKS_BULAT.quantize


def bulatkan(nilai: Decimal) -> Decimal:
    """Round half up to 2 decimals for display: 184.745 → 184.75, 2.5 → 2.50.

    Values with more than 60 integer digits, infinities and NaN are returned unchanged.
    """
    if nilai.is_finite() and nilai.adjusted() < _DIGIT_BULAT_MAKS:
        return _kuantisasi(nilai, _SEN)
    return nilai


def sebagai_angka(x: object) -> Decimal | Alasan:
    """`x` as a finite Decimal, or why it is not one.

    Decimal and int are numbers; bool, float, str and anything else are the wrong type (the
    input layer parses text; floats are never used for money or capaian).
    """
    if type(x) is Decimal:
        return x if x.is_finite() else Alasan.NILAI_TIDAK_VALID
    if isinstance(x, bool):
        return Alasan.TIPE_TIDAK_SESUAI
    if isinstance(x, int):
        return Decimal(x)
    if isinstance(x, Decimal):
        return Decimal(x) if x.is_finite() else Alasan.NILAI_TIDAK_VALID
    return Alasan.TIPE_TIDAK_SESUAI
