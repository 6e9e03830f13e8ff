"""Data-quality checks: far above target, outliers against history, evidence, units.

A flag never changes a number; it tells a reviewer which numbers to look at first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.rumus.angka import NOL, SATU, SERATUS, bagi, kali, kurang, tambah
from kinerja.rumus.hasil import TANPA_BENDERA
from kinerja.rumus.jenis import Bendera

#: A capaian above this (%) is flagged JAUH_DI_ATAS_TARGET.
AMBANG_JAUH = Decimal(150)
#: A |modified z-score| above this is flagged PENCILAN (Iglewicz & Hoaglin 1993).
AMBANG_PENCILAN = Decimal("3.5")
#: Fewer history values than this give no z-score.
MIN_RIWAYAT = 3

_K_MAD = Decimal("0.6745")  # the 0.75 quantile of the standard normal: MAD → σ
_K_MEANAD = Decimal("1.253314")  # √(π/2): mean absolute deviation → σ
_SETENGAH = Decimal("0.5")
_DUA = Decimal(2)


def _median(urut: list[Decimal]) -> Decimal:
    n = len(urut)
    tengah = n // 2
    if n % 2:
        return urut[tengah]
    return bagi(tambah(urut[tengah - 1], urut[tengah]), _DUA)


@dataclass(frozen=True, slots=True)
class ProfilRiwayat:
    """An indicator's history reduced to what the modified z-score needs, computed once.

    M = `faktor` × (x − `median`) / `pembagi`: (0.6745, MAD) normally, (1, 1.253314 × MeanAD)
    when MAD is 0. `median` is None when the history gives no score (fewer than 3 values, or
    all equal). Build it with `profil_riwayat`; pass it as `riwayat` to `hitung_capaian` when
    the same history serves several periods.
    """

    median: Decimal | None
    faktor: Decimal
    pembagi: Decimal
    jumlah: int
    # ambang_pencilan bawaan × pembagi, made once: the flag test then needs no division.
    _batas_bawaan: Decimal = field(default=NOL, repr=False, compare=False)

    def __post_init__(self) -> None:
        try:
            batas = kali(AMBANG_PENCILAN, self.pembagi)
        except ArithmeticError:
            batas = NOL
        object.__setattr__(self, "_batas_bawaan", batas)

    def pencilan(self, nilai: object, ambang: Decimal = AMBANG_PENCILAN) -> bool:
        """True when |M| of `nilai` exceeds `ambang`.

        Decided exactly, without the division: |faktor × (x − median)| > ambang × pembagi.
        """
        med = self.median
        if med is None or type(nilai) is not Decimal or not nilai.is_finite():
            return False
        try:
            batas = self._batas_bawaan if ambang is AMBANG_PENCILAN else kali(ambang, self.pembagi)
            return lewat_batas(nilai, med, self.faktor, batas)
        except ArithmeticError:
            return False

    def skor_z(self, nilai: object) -> Decimal | None:
        """The modified z-score of `nilai`, None when there is none."""
        med = self.median
        if med is None or type(nilai) is not Decimal or not nilai.is_finite():
            return None
        try:
            return bagi(kali(self.faktor, kurang(nilai, med)), self.pembagi)
        except ArithmeticError:
            return None


def lewat_batas(nilai: Decimal, median: Decimal, faktor: Decimal, batas: Decimal) -> bool:
    """The outlier test itself: |faktor × (nilai − median)| > batas (= ambang × pembagi).

    One place for it: `ProfilRiwayat.pencilan` and the batch API both call it.
    """
    return kali(faktor, kurang(nilai, median)).copy_abs() > batas


_TANPA_PROFIL = ProfilRiwayat(None, SATU, SATU, 0)
_SLOT_PROFIL = vars(ProfilRiwayat)
_set_profil = tuple(
    _SLOT_PROFIL[nama].__set__
    for nama in ("median", "faktor", "pembagi", "jumlah", "_batas_bawaan")
)


#: (median, faktor, pembagi, AMBANG_PENCILAN × pembagi, jumlah) of a history with a score.
Ringkasan = tuple[Decimal, Decimal, Decimal, Decimal, int]


def ringkas_riwayat(riwayat: Iterable[object]) -> Ringkasan | int:
    """What the modified z-score needs from a history.

    The one place the median and the robust spread are computed: `profil_riwayat` wraps the
    result in a `ProfilRiwayat`, the batch API uses it as it is. When the history gives no
    score (fewer than 3 finite Decimals, all equal, or out of range) only the number of its
    values is returned (-1 when it is not iterable). Never raises.
    """
    try:
        data = [x for x in riwayat if type(x) is Decimal and x.is_finite()]
    except TypeError:
        return -1
    n = len(data)
    if n < MIN_RIWAYAT:
        return n
    data.sort()
    try:
        ganjil = n % 2
        med = data[n // 2] if ganjil else _median(data)
        simpangan = [kurang(x, med).copy_abs() for x in data]
        simpangan.sort()
        mad = simpangan[n // 2] if ganjil else _median(simpangan)
        if mad:
            return med, _K_MAD, mad, kali(AMBANG_PENCILAN, mad), n
        total = NOL
        for s in simpangan:
            total = tambah(total, s)
        if total:
            pembagi = kali(_K_MEANAD, bagi(total, Decimal(n)))
            return med, SATU, pembagi, kali(AMBANG_PENCILAN, pembagi), n
    except ArithmeticError:
        pass
    return n


def profil_riwayat(riwayat: Iterable[object] | ProfilRiwayat) -> ProfilRiwayat:
    """The median and robust spread of a history (entries that are not finite Decimals, such
    as None for a missing year, are skipped). Never raises."""
    if type(riwayat) is ProfilRiwayat or isinstance(riwayat, ProfilRiwayat):
        return riwayat
    ringkas = ringkas_riwayat(riwayat)
    if type(ringkas) is int:
        return _TANPA_PROFIL if ringkas < 0 else ProfilRiwayat(None, SATU, SATU, ringkas)
    p: ProfilRiwayat = object.__new__(ProfilRiwayat)
    a, b, c, d, e = _set_profil
    med, faktor, pembagi, batas, n = ringkas  # type: ignore[misc]
    a(p, med)
    b(p, faktor)
    c(p, pembagi)
    d(p, n)
    e(p, batas)
    return p


def skor_z_termodifikasi(
    nilai: Decimal, riwayat: Iterable[object] | ProfilRiwayat
) -> Decimal | None:
    """The modified z-score of `nilai` against an indicator's history, or None.

    M = 0.6745 × (x − median) / MAD, where MAD is the median absolute deviation of the history.
    When MAD is 0 (more than half the history is one value) the mean absolute deviation is used
    instead: M = (x − median) / (1.253314 × MeanAD). History entries that are not finite
    Decimals (None for a missing year) are skipped; with fewer than 3 values, or a constant
    history, there is no score. `riwayat` may also be a `ProfilRiwayat`.

    >>> skor_z_termodifikasi(Decimal(100), [Decimal(10), Decimal(12), Decimal(11), Decimal(13)])
    Decimal('59.69325')
    """
    return profil_riwayat(riwayat).skor_z(nilai)


def pencilan(nilai: Decimal, riwayat: object, ambang: Decimal) -> bool:
    """True when |modified z-score| of `nilai` against `riwayat` exceeds `ambang` (decided
    exactly, see `ProfilRiwayat.pencilan`)."""
    profil = riwayat if type(riwayat) is ProfilRiwayat else profil_riwayat(riwayat)  # type: ignore[arg-type]
    return profil.pencilan(nilai, ambang)


_ALIAS_SATUAN = {"persen": "%", "prosen": "%", "percent": "%"}


def _satuan_baku(satuan: str) -> str:
    s = "".join(satuan.split()).casefold().rstrip(".")
    return _ALIAS_SATUAN.get(s, s)


def satuan_berbeda(satuan_target: object, satuan_realisasi: object) -> bool:
    """True when both units are given and differ after normalising case, spaces and aliases."""
    if not isinstance(satuan_target, str) or not isinstance(satuan_realisasi, str):
        return False
    a = _satuan_baku(satuan_target)
    b = _satuan_baku(satuan_realisasi)
    return bool(a) and bool(b) and a != b


def tampak_pecahan(target: Decimal, realisasi: Decimal) -> bool:
    """True when a percentage realisation looks typed as a fraction (0.87 for a target of 85 %).

    Detected when the target is above 1, the realisation is in (0, 1], and 100 × realisation is
    within a factor 2 of the target.
    """
    if not (target > SATU and NOL < realisasi <= SATU):
        return False
    seratus_r = kali(realisasi, SERATUS)
    return kali(target, _SETENGAH) <= seratus_r <= kali(target, _DUA)


#: The bit of each flag in a flag bitmask (the batch API's compact form of a flag set).
BIT_BENDERA: dict[Bendera, int] = {b: 1 << i for i, b in enumerate(Bendera)}
#: The flag set of each bitmask: `BENDERA_DARI_BIT[mask]` (index 0 is the shared empty set).
BENDERA_DARI_BIT: tuple[frozenset[Bendera], ...] = (TANPA_BENDERA,) + tuple(
    frozenset(b for b, bit in BIT_BENDERA.items() if m & bit) for m in range(1, 1 << len(Bendera))
)
_BIT_JAUH = BIT_BENDERA[Bendera.JAUH_DI_ATAS_TARGET]
_BIT_PENCILAN = BIT_BENDERA[Bendera.PENCILAN]
_BIT_TANPA_BUKTI = BIT_BENDERA[Bendera.TANPA_BUKTI]
_BIT_SATUAN = BIT_BENDERA[Bendera.SATUAN_TIDAK_COCOK]
_BIT_DARI_BENDERA: dict[frozenset[Bendera], int] = {f: m for m, f in enumerate(BENDERA_DARI_BIT)}


def bit_bendera(bendera: Iterable[object]) -> int:
    """The bitmask of a set of flags (entries that are not `Bendera` are ignored)."""
    if type(bendera) is frozenset:
        m = _BIT_DARI_BENDERA.get(bendera)
        if m is not None:
            return m
    bit = 0
    for b in bendera:
        if isinstance(b, Bendera):
            bit |= BIT_BENDERA[b]
    return bit


def bit_capaian(
    nilai: Decimal | None, tanpa_bukti: bool, pencilan: bool, ambang_jauh: Decimal
) -> int:
    """The flags every capaian can get, as a bitmask: far above target, no evidence, outlier.

    One function for the per-call API and the batch API, so the two cannot decide differently
    (the outlier test itself is `lewat_batas`, also shared).
    """
    bit = _BIT_JAUH if nilai is not None and nilai > ambang_jauh else 0
    if tanpa_bukti:
        bit |= _BIT_TANPA_BUKTI
    if pencilan:
        bit |= _BIT_PENCILAN
    return bit


def bit_satuan(
    persen: bool,
    realisasi: Decimal | None,
    target: Decimal | None,
    satuan_target: object,
    satuan_realisasi: object,
) -> int:
    """The unit-mismatch flag as a bitmask: differing units, or a percentage typed as a fraction."""
    if (satuan_target is not None and satuan_realisasi is not None) and satuan_berbeda(
        satuan_target, satuan_realisasi
    ):
        return _BIT_SATUAN
    if (
        persen
        and realisasi is not None
        and target is not None
        and tampak_pecahan(target, realisasi)
    ):
        return _BIT_SATUAN
    return 0


def kumpulkan_bendera(
    *,
    nilai: Decimal | None,
    realisasi: Decimal | None,
    target: Decimal | None,
    ada_realisasi: bool,
    persen: bool,
    ada_bukti: bool,
    riwayat: object,
    satuan_target: object,
    satuan_realisasi: object,
    ambang_jauh: Decimal,
    ambang_pencilan: Decimal,
) -> int:
    """The flags of one capaian as a bitmask (0 when there are none, the common case)."""
    return bit_capaian(
        nilai,
        ada_realisasi and ada_bukti is False,
        bool(riwayat) and realisasi is not None and pencilan(realisasi, riwayat, ambang_pencilan),
        ambang_jauh,
    ) | bit_satuan(persen, realisasi, target, satuan_target, satuan_realisasi)
