"""Scales: ordinal scales for indicator values, and predikat scales for capaian values.

An *ordinal scale* (`SkalaOrdinal`) turns a level code such as WTP into a score, so an ordinal
indicator's capaian is skor(R) / skor(T) × 100. A *predikat scale* (`SkalaPredikat`) turns a
number (a capaian, an AKIP evaluation score) into a band such as "Sangat Tinggi" or "BB".
Both are configurable; the module-level constants are the defaults from METHODOLOGY.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.rumus.angka import _SEN, _kuantisasi
from kinerja.rumus.hasil import Hasil


@dataclass(frozen=True, slots=True)
class LevelOrdinal:
    """One level of an ordinal scale: its code (WTP), label and score (higher is better)."""

    kode: str
    label: str
    skor: Decimal


def _kunci(kode: str) -> str:
    """Codes are matched ignoring case and surrounding spaces: " wtp" is WTP."""
    return kode.strip().casefold()


@dataclass(frozen=True, slots=True)
class SkalaOrdinal:
    """An ordered list of levels with scores (opini BPK, predikat AKIP, maturity levels 1–5).

    Levels are listed best first. Raises ValueError when built with duplicate codes or a score
    that is not a finite Decimal: a scale is configuration, checked once when it is made.
    """

    kode: str
    nama: str
    level: tuple[LevelOrdinal, ...]
    _indeks: dict[str, LevelOrdinal] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        indeks: dict[str, LevelOrdinal] = {}
        for lv in self.level:
            if not isinstance(lv.skor, Decimal) or not lv.skor.is_finite():
                raise ValueError(f"Skor level {lv.kode!r} harus Decimal terhingga.")
            kunci = _kunci(lv.kode)
            if kunci in indeks:
                raise ValueError(f"Kode level {lv.kode!r} ganda pada skala {self.kode!r}.")
            indeks[kunci] = lv
        # The codes as written are keys too: the usual lookup then needs no casefold.
        for lv in self.level:
            indeks.setdefault(lv.kode, lv)
        object.__setattr__(self, "_indeks", indeks)

    def cari(self, kode: object) -> LevelOrdinal | None:
        """The level with this code (or this very level), None when the scale has no such level."""
        if isinstance(kode, str):
            lv = self._indeks.get(kode)
            if lv is None:
                lv = self._indeks.get(_kunci(kode))
            return lv
        if isinstance(kode, LevelOrdinal):
            lv = self._indeks.get(_kunci(kode.kode))
            return lv if lv == kode else None
        return None


def _skala_ordinal(kode: str, nama: str, *level: tuple[str, str, int]) -> SkalaOrdinal:
    return SkalaOrdinal(kode, nama, tuple(LevelOrdinal(k, lb, Decimal(s)) for k, lb, s in level))


#: Opini BPK on the financial statements, best first.
SKALA_OPINI_BPK = _skala_ordinal(
    "opini_bpk",
    "Opini BPK",
    ("WTP", "Wajar Tanpa Pengecualian", 4),
    ("WDP", "Wajar Dengan Pengecualian", 3),
    ("TW", "Tidak Wajar", 2),
    ("TMP", "Tidak Menyatakan Pendapat", 1),
)

#: Predikat of the Evaluasi AKIP used as an indicator value (target "BB", realisasi "A").
SKALA_PREDIKAT_AKIP = _skala_ordinal(
    "predikat_akip",
    "Predikat Evaluasi AKIP",
    ("AA", "Sangat Memuaskan", 7),
    ("A", "Memuaskan", 6),
    ("BB", "Sangat Baik", 5),
    ("B", "Baik", 4),
    ("CC", "Cukup", 3),
    ("C", "Kurang", 2),
    ("D", "Sangat Kurang", 1),
)


@dataclass(frozen=True, slots=True)
class Predikat:
    """A band of a predikat scale: its code, label and lower bound (None for the lowest band)."""

    kode: str
    label: str
    batas_bawah: Decimal | None


@dataclass(frozen=True, slots=True)
class SkalaPredikat:
    """Bands from the highest down; the last band has no lower bound and takes the rest.

    `inklusif` says whether a value equal to a lower bound belongs to the band (≥, Permendagri
    86/2017) or to the band below (>, the AKIP scale). Raises ValueError when the bounds do not
    strictly descend or the last band has a bound.
    """

    kode: str
    nama: str
    tingkat: tuple[Predikat, ...]
    inklusif: bool = True

    def __post_init__(self) -> None:
        if not self.tingkat or self.tingkat[-1].batas_bawah is not None:
            raise ValueError("Tingkat terakhir skala predikat tidak boleh memiliki batas bawah.")
        sebelumnya: Decimal | None = None
        for t in self.tingkat[:-1]:
            b = t.batas_bawah
            if not isinstance(b, Decimal) or not b.is_finite():
                raise ValueError(f"Batas bawah {t.kode!r} harus Decimal terhingga.")
            if sebelumnya is not None and not b < sebelumnya:
                raise ValueError("Batas bawah skala predikat harus menurun.")
            sebelumnya = b

    def cari(self, nilai: Decimal) -> Predikat:
        """The band a finite value falls in (the value is compared as given, not rounded)."""
        tingkat = self.tingkat
        if self.inklusif:
            for t in tingkat:
                b = t.batas_bawah
                if b is None or nilai >= b:
                    return t
        else:
            for t in tingkat:
                b = t.batas_bawah
                if b is None or nilai > b:
                    return t
        return tingkat[-1]  # pragma: no cover - the last band always matches


def _skala_predikat(
    kode: str, nama: str, inklusif: bool, *tingkat: tuple[str, str, int | None]
) -> SkalaPredikat:
    return SkalaPredikat(
        kode,
        nama,
        tuple(Predikat(k, lb, None if b is None else Decimal(b)) for k, lb, b in tingkat),
        inklusif,
    )


#: Capaian kinerja, Permendagri 86/2017: bounds are inclusive lower bounds; > 100 stays ST.
PREDIKAT_PERMENDAGRI_86 = _skala_predikat(
    "permendagri_86_2017",
    "Kriteria capaian kinerja (Permendagri 86/2017)",
    True,
    ("ST", "Sangat Tinggi", 91),
    ("T", "Tinggi", 76),
    ("S", "Sedang", 66),
    ("R", "Rendah", 51),
    ("SR", "Sangat Rendah", None),
)

#: Evaluasi AKIP score 0–100, PermenPAN-RB 88/2021: strictly above each bound.
PREDIKAT_AKIP = _skala_predikat(
    "akip_permenpanrb_88_2021",
    "Predikat evaluasi AKIP (PermenPAN-RB 88/2021)",
    False,
    ("AA", "Sangat Memuaskan", 90),
    ("A", "Memuaskan", 80),
    ("BB", "Sangat Baik", 70),
    ("B", "Baik", 60),
    ("CC", "Cukup", 50),
    ("C", "Kurang", 30),
    ("D", "Sangat Kurang", None),
)


def predikat(
    nilai: Decimal | Hasil | None,
    skala: SkalaPredikat = PREDIKAT_PERMENDAGRI_86,
    *,
    bulatkan_dulu: bool = True,
) -> Predikat | None:
    """The predikat of a value (a Decimal or any result), None when there is no finite value.

    By default the value is first rounded half up to 2 decimals, so the predikat always agrees
    with the number printed beside it: 90.995 prints as 91.00 and is Sangat Tinggi.

    >>> predikat(Decimal("184.75")).label
    'Sangat Tinggi'
    """
    if type(nilai) is not Decimal:
        if isinstance(nilai, Hasil):
            nilai = nilai.nilai
        if not isinstance(nilai, Decimal):
            return None
    if not nilai.is_finite() or not isinstance(skala, SkalaPredikat):
        return None
    if bulatkan_dulu:
        return predikat_angka(nilai, skala)
    return skala.cari(nilai)


def predikat_angka(nilai: Decimal, skala: SkalaPredikat) -> Predikat:
    """The band of a finite value read on its display rounding (half up, 2 decimals).

    The one place the rule is written: `predikat` and the batch API both call it.
    """
    if nilai.adjusted() < 60:
        nilai = _kuantisasi(nilai, _SEN)
    return skala.cari(nilai)
