"""The rating rules of PermenPAN-RB 6/2022, as pure functions (no Django, `Decimal` only).

- `predikat_kinerja(hasil_kerja, perilaku)`: the 3 × 3 matrix (Lampiran, *Kurva Predikat
  Kinerja Pegawai*) from the rating of hasil kerja and the rating of perilaku kerja to the
  employee's predikat.
- `predikat_organisasi(capaian)`: the organisation's (unit's) predikat from its capaian; the
  regulation leaves the bands to the agency, so the defaults below are a documented choice
  (docs/skp.md).
- `rating_hasil_kerja_pimpinan(capaian)`: a unit head's rating of hasil kerja *is* the unit's
  performance ("capaian kinerja satuan organisasi yang dipimpin ditetapkan sebagai rating hasil
  kerja"): Istimewa → di atas ekspektasi, Baik → sesuai ekspektasi, otherwise di bawah.
- `periksa_distribusi(predikat_organisasi, jumlah)`: the *pola distribusi* of employees'
  predikat allowed for each organisation predikat; returns the rules a unit breaks.
- `rating_gabungan(bagian)`: one annual rating from several (rating, days) parts, the
  day-weighted mean of the scores 3/2/1 (Kinerja's documented choice, the regulation is silent).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Rating(StrEnum):
    """A rating of hasil kerja or of perilaku kerja against the superior's expectation."""

    DI_ATAS = "di_atas"
    SESUAI = "sesuai"
    DI_BAWAH = "di_bawah"


class Predikat(StrEnum):
    """The employee's predikat kinerja (the lampiran writes "Kurang/misconduct")."""

    SANGAT_BAIK = "sangat_baik"
    BAIK = "baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan"
    KURANG = "kurang"
    SANGAT_KURANG = "sangat_kurang"


class PredikatOrganisasi(StrEnum):
    """The organisation's (unit's) predikat kinerja, which sets the allowed distribution."""

    ISTIMEWA = "istimewa"
    BAIK = "baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan"
    KURANG = "kurang"
    SANGAT_KURANG = "sangat_kurang"


LABEL_RATING = {
    Rating.DI_ATAS: "Di atas ekspektasi",
    Rating.SESUAI: "Sesuai ekspektasi",
    Rating.DI_BAWAH: "Di bawah ekspektasi",
}
LABEL_PREDIKAT = {
    Predikat.SANGAT_BAIK: "Sangat Baik",
    Predikat.BAIK: "Baik",
    Predikat.BUTUH_PERBAIKAN: "Butuh Perbaikan",
    Predikat.KURANG: "Kurang/Misconduct",
    Predikat.SANGAT_KURANG: "Sangat Kurang",
}
LABEL_PREDIKAT_ORGANISASI = {
    PredikatOrganisasi.ISTIMEWA: "Istimewa",
    PredikatOrganisasi.BAIK: "Baik",
    PredikatOrganisasi.BUTUH_PERBAIKAN: "Butuh Perbaikan/Cukup",
    PredikatOrganisasi.KURANG: "Kurang",
    PredikatOrganisasi.SANGAT_KURANG: "Sangat Kurang",
}

# (rating hasil kerja, rating perilaku kerja) → predikat. Rows: hasil kerja; columns: perilaku.
#                     perilaku:  di bawah                 sesuai                 di atas
#   hasil di atas             Kurang/Misconduct        Baik                   Sangat Baik
#   hasil sesuai              Kurang/Misconduct        Baik                   Baik
#   hasil di bawah            Sangat Kurang            Butuh Perbaikan        Butuh Perbaikan
MATRIKS: Mapping[tuple[Rating, Rating], Predikat] = {
    (Rating.DI_ATAS, Rating.DI_ATAS): Predikat.SANGAT_BAIK,
    (Rating.DI_ATAS, Rating.SESUAI): Predikat.BAIK,
    (Rating.DI_ATAS, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.SESUAI, Rating.DI_ATAS): Predikat.BAIK,
    (Rating.SESUAI, Rating.SESUAI): Predikat.BAIK,
    (Rating.SESUAI, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.DI_BAWAH, Rating.DI_ATAS): Predikat.BUTUH_PERBAIKAN,
    (Rating.DI_BAWAH, Rating.SESUAI): Predikat.BUTUH_PERBAIKAN,
    (Rating.DI_BAWAH, Rating.DI_BAWAH): Predikat.SANGAT_KURANG,
}


def predikat_kinerja(hasil_kerja: Rating | str, perilaku: Rating | str) -> Predikat:
    """The employee's predikat from the two ratings (3 × 3 matrix of PermenPAN-RB 6/2022).

    >>> predikat_kinerja("sesuai", "di_atas")
    <Predikat.BAIK: 'baik'>

    Raises ValueError for a value that is not a rating.
    """
    return MATRIKS[(Rating(hasil_kerja), Rating(perilaku))]


# Lower bounds (capaian %, inclusive) of the organisation predikat bands. The regulation does not
# fix numbers; these follow the capaian scale of Permendagri 86/2017 used for the agency
# (METHODOLOGY.md: ≥ 91 Sangat Tinggi, ≥ 76 Tinggi, ≥ 51 Rendah) and call Istimewa only a unit
# that exceeded its PK targets (> 100).
BATAS_ISTIMEWA = Decimal("100")  # strictly above
BATAS_BAIK = Decimal("91")
BATAS_BUTUH_PERBAIKAN = Decimal("76")
BATAS_KURANG = Decimal("51")


def predikat_organisasi(capaian: Decimal | None) -> PredikatOrganisasi | None:
    """The organisation predikat for a unit's capaian (%); None when it cannot be computed.

    > 100 Istimewa; ≥ 91 Baik; ≥ 76 Butuh Perbaikan; ≥ 51 Kurang; otherwise Sangat Kurang.

    >>> predikat_organisasi(Decimal("100.00"))
    <PredikatOrganisasi.BAIK: 'baik'>
    """
    if capaian is None:
        return None
    if not isinstance(capaian, Decimal) or not capaian.is_finite():
        raise ValueError("capaian harus Decimal yang terhingga")
    if capaian > BATAS_ISTIMEWA:
        return PredikatOrganisasi.ISTIMEWA
    if capaian >= BATAS_BAIK:
        return PredikatOrganisasi.BAIK
    if capaian >= BATAS_BUTUH_PERBAIKAN:
        return PredikatOrganisasi.BUTUH_PERBAIKAN
    if capaian >= BATAS_KURANG:
        return PredikatOrganisasi.KURANG
    return PredikatOrganisasi.SANGAT_KURANG


RATING_DARI_ORGANISASI: Mapping[PredikatOrganisasi, Rating] = {
    PredikatOrganisasi.ISTIMEWA: Rating.DI_ATAS,
    PredikatOrganisasi.BAIK: Rating.SESUAI,
    PredikatOrganisasi.BUTUH_PERBAIKAN: Rating.DI_BAWAH,
    PredikatOrganisasi.KURANG: Rating.DI_BAWAH,
    PredikatOrganisasi.SANGAT_KURANG: Rating.DI_BAWAH,
}


def rating_hasil_kerja_pimpinan(capaian: Decimal | None) -> Rating | None:
    """A unit head's rating of hasil kerja from the unit's capaian; None if not computable.

    >>> rating_hasil_kerja_pimpinan(Decimal("104.2"))
    <Rating.DI_ATAS: 'di_atas'>
    """
    p = predikat_organisasi(capaian)
    return None if p is None else RATING_DARI_ORGANISASI[p]


@dataclass(frozen=True)
class Pelanggaran:
    """One distribution rule a unit breaks: a stable code and the Indonesian explanation."""

    kode: str
    pesan: str


def _persen(n: int, total: int) -> Decimal:
    return Decimal(n) * 100 / Decimal(total)


def _teks_persen(n: int, total: int) -> str:
    nilai = _persen(n, total).quantize(Decimal("0.1"))
    return f"{nilai}".replace(".", ",") + "%"


def periksa_distribusi(
    predikat_org: PredikatOrganisasi | str | None, jumlah: Mapping[Predikat | str, int]
) -> list[Pelanggaran]:
    """The *pola distribusi* rules (Lampiran PermenPAN-RB 6/2022) that `jumlah` breaks.

    `jumlah` counts the unit's employees per predikat (only those already rated). Rules:

    - Istimewa: at most 70 % Sangat Baik.
    - Baik: at most 70 % Baik, and at least one Butuh Perbaikan or Kurang/Misconduct.
    - Butuh Perbaikan: at least 60 % Butuh Perbaikan, at most 10 % Sangat Baik.
    - Kurang: at least 60 % Kurang/Misconduct, at least 10 % Butuh Perbaikan, at most 10 %
      Sangat Baik.
    - Sangat Kurang: at least 60 % Sangat Kurang, at least 10 % Kurang/Misconduct or Butuh
      Perbaikan, no Sangat Baik.

    An empty unit or an unknown organisation predikat breaks nothing (there is nothing to check).
    """
    if predikat_org is None:
        return []
    org = PredikatOrganisasi(predikat_org)
    n = {p: int(jumlah.get(p, 0) or 0) for p in Predikat}  # StrEnum keys equal their text
    total = sum(n.values())
    if total == 0:
        return []
    hasil: list[Pelanggaran] = []
    nama_org = LABEL_PREDIKAT_ORGANISASI[org]

    def paling_banyak(p: Predikat, batas: int) -> None:
        if _persen(n[p], total) > batas:
            hasil.append(
                Pelanggaran(
                    f"{p.value}_maks_{batas}",
                    f"Predikat organisasi {nama_org}: pegawai berpredikat {LABEL_PREDIKAT[p]} "
                    f"paling banyak {batas}%, sekarang {n[p]} dari {total} "
                    f"({_teks_persen(n[p], total)}).",
                )
            )

    def paling_sedikit(daftar: tuple[Predikat, ...], batas: int) -> None:
        jml = sum(n[p] for p in daftar)
        if _persen(jml, total) < batas:
            nama = " atau ".join(LABEL_PREDIKAT[p] for p in daftar)
            hasil.append(
                Pelanggaran(
                    "_".join(p.value for p in daftar) + f"_min_{batas}",
                    f"Predikat organisasi {nama_org}: pegawai berpredikat {nama} paling sedikit "
                    f"{batas}%, sekarang {jml} dari {total} ({_teks_persen(jml, total)}).",
                )
            )

    if org is PredikatOrganisasi.ISTIMEWA:
        paling_banyak(Predikat.SANGAT_BAIK, 70)
    elif org is PredikatOrganisasi.BAIK:
        paling_banyak(Predikat.BAIK, 70)
        if n[Predikat.BUTUH_PERBAIKAN] + n[Predikat.KURANG] == 0:
            hasil.append(
                Pelanggaran(
                    "harus_ada_butuh_perbaikan_kurang",
                    f"Predikat organisasi {nama_org}: harus ada pegawai berpredikat Butuh "
                    "Perbaikan dan/atau Kurang/Misconduct.",
                )
            )
    elif org is PredikatOrganisasi.BUTUH_PERBAIKAN:
        paling_sedikit((Predikat.BUTUH_PERBAIKAN,), 60)
        paling_banyak(Predikat.SANGAT_BAIK, 10)
    elif org is PredikatOrganisasi.KURANG:
        paling_sedikit((Predikat.KURANG,), 60)
        paling_sedikit((Predikat.BUTUH_PERBAIKAN,), 10)
        paling_banyak(Predikat.SANGAT_BAIK, 10)
    else:
        paling_sedikit((Predikat.SANGAT_KURANG,), 60)
        paling_sedikit((Predikat.KURANG, Predikat.BUTUH_PERBAIKAN), 10)
        paling_banyak(Predikat.SANGAT_BAIK, 0)
    return hasil


# -- annual evaluation: combining the ratings of a year's SKP ---------------------------------

# Scores of the ratings for the day-weighted mean. The regulation does not say how the periodic
# evaluations of a year (or the two SKP of an employee who moved unit) become one annual rating;
# this is Kinerja's documented choice (docs/skp.md, *Evaluasi kinerja tahunan*, [open]).
SKOR_RATING: Mapping[Rating, int] = {Rating.DI_ATAS: 3, Rating.SESUAI: 2, Rating.DI_BAWAH: 1}
# Lower bounds (inclusive) of the weighted mean: ≥ 2.5 di atas, ≥ 1.5 sesuai, else di bawah.
BATAS_GABUNGAN_DI_ATAS = Decimal("2.5")
BATAS_GABUNGAN_SESUAI = Decimal("1.5")


def _bagian_sah(bagian: Sequence[tuple[Rating | str, int]]) -> list[tuple[Rating, int]]:
    """The parts as (Rating, days); ValueError for an unknown rating or days that are not a
    positive integer."""
    hasil = []
    for rating, hari in bagian:
        if isinstance(hari, bool) or not isinstance(hari, int) or hari < 1:
            raise ValueError("jumlah hari harus bilangan bulat positif")
        hasil.append((Rating(rating), hari))
    return hasil


def skor_gabungan(bagian: Sequence[tuple[Rating | str, int]]) -> Decimal | None:
    """The day-weighted mean score (di atas 3, sesuai 2, di bawah 1) of `bagian`, a sequence of
    (rating, days); None when empty. Exact to 28 significant digits, for display.

    >>> skor_gabungan([("sesuai", 1), ("di_atas", 1)])
    Decimal('2.5')
    """
    sah = _bagian_sah(bagian)
    if not sah:
        return None
    jumlah = sum(SKOR_RATING[r] * h for r, h in sah)
    return Decimal(jumlah) / Decimal(sum(h for _r, h in sah))


def rating_gabungan(bagian: Sequence[tuple[Rating | str, int]]) -> Rating | None:
    """One rating for several parts of a year, weighted by the days each part covers.

    Each part is (rating, days). Scores di atas = 3, sesuai = 2, di bawah = 1; the weighted
    mean ≥ 2.5 gives di atas, ≥ 1.5 sesuai, otherwise di bawah; no parts give None. The bounds
    are compared exactly (integers), so a mean of exactly 2.5 is di atas.

    Worked example (docs/skp.md): an employee moved unit on 1 July 2026. The first SKP
    (1 January – 30 June, 181 days) was last rated sesuai, the second (1 July – 31 December,
    184 days) di atas: (2 × 181 + 3 × 184) / 365 = 914 / 365 ≈ 2.504 → di atas. Had the first
    half been di atas and the second sesuai: 911 / 365 ≈ 2.496 → sesuai (the longer part wins).

    >>> rating_gabungan([("sesuai", 181), ("di_atas", 184)])
    <Rating.DI_ATAS: 'di_atas'>
    >>> rating_gabungan([("di_atas", 181), ("sesuai", 184)])
    <Rating.SESUAI: 'sesuai'>

    Raises ValueError for a value that is not a rating or days that are not a positive integer.
    """
    sah = _bagian_sah(bagian)
    if not sah:
        return None
    jumlah = sum(SKOR_RATING[r] * h for r, h in sah)
    total = sum(h for _r, h in sah)
    # mean ≥ 2.5  ⇔  2 × jumlah ≥ 5 × total (and likewise for 1.5), without rounding.
    if 2 * jumlah >= 5 * total:
        return Rating.DI_ATAS
    if 2 * jumlah >= 3 * total:
        return Rating.SESUAI
    return Rating.DI_BAWAH
