"""Capaian (achievement, %) of one indicator in one period: `hitung_capaian`.

Formulas (METHODOLOGY.md, docs/metodologi.md §2):

- positif: R / T × 100
- negatif: (2T − R) / T × 100 by default; T / R × 100 only when `MetodeNegatif.RASIO` is chosen
- rentang: 100 inside [Tmin, Tmax]; below, positif against Tmin; above, negatif against Tmax
- biner: 100 when the realisation equals the target (ya/tidak), else 0
- ordinal: the formula of the polarity applied to the levels' scores, skor(R) / skor(T) × 100

A negative target (allowed only with `boleh_negatif`, e.g. a growth rate) uses the general form
of the same formulas, (1 ± (R − T) / |T|) × 100, which equals the usual form when T > 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import suppress
from decimal import Decimal
from typing import TypeVar, cast

from kinerja.rumus.angka import NOL, SERATUS, bagi, kali, kurang, sebagai_angka, tambah
from kinerja.rumus.bendera import (
    AMBANG_JAUH,
    AMBANG_PENCILAN,
    BENDERA_DARI_BIT,
    ProfilRiwayat,
    bit_bendera,
    bit_capaian,
    kumpulkan_bendera,
    pencilan,
)
from kinerja.rumus.hasil import TANPA_BENDERA, HasilCapaian, Masukan, buat_capaian
from kinerja.rumus.jenis import Alasan, Bendera, JenisNilai, MetodeNegatif, Polaritas
from kinerja.rumus.skala import LevelOrdinal, SkalaOrdinal

#: A value an indicator can take: a number, yes/no, or a level of an ordinal scale.
Nilai = Decimal | int | str | LevelOrdinal

M_POSITIF = "positif: R / T × 100"
M_POSITIF_T_NEGATIF = "positif, target negatif: (1 + (R − T) / |T|) × 100"
M_NEGATIF = "negatif: (2T − R) / T × 100"
M_NEGATIF_T_NEGATIF = "negatif, target negatif: (1 − (R − T) / |T|) × 100"
M_NEGATIF_RASIO = "negatif (alternatif): T / R × 100"
M_RENTANG_DALAM = "rentang: di dalam rentang → 100"
M_RENTANG_BAWAH = "rentang: di bawah batas bawah → R / Tmin × 100"
M_RENTANG_ATAS = "rentang: di atas batas atas → (2Tmax − R) / Tmax × 100"
M_RENTANG_ATAS_RASIO = "rentang: di atas batas atas → Tmax / R × 100"
M_BINER = "biner: 100 bila realisasi sama dengan target (ya/tidak), selain itu 0"
_AWALAN_ORDINAL = "ordinal (skor level), "

_SERATUS = SERATUS
_NOL_PERSEN = Decimal(0)


# The formulas themselves, each in one place: the per-call API (`hitung_capaian`, its short
# path and its general path) and the batch API (`kinerja.rumus.massal`) all call these.


def rumus_rasio(a: Decimal, b: Decimal) -> Decimal:
    """a × 100 / b: positif R / T (T > 0), negatif T / R, negatif with T < 0 (R / T)."""
    return bagi(kali(a, _SERATUS), b)


def rumus_selisih(r: Decimal, t: Decimal) -> Decimal:
    """(2T − R) × 100 / T: negatif (T > 0), positif with T < 0."""
    return bagi(kali(kurang(tambah(t, t), r), _SERATUS), t)


def _positif(r: Decimal, t: Decimal) -> tuple[Decimal, str]:
    """Higher is better; `t` is not 0."""
    if t > NOL:
        return rumus_rasio(r, t), M_POSITIF
    # (1 + (R − T)/|T|) × 100 with |T| = −T is (2T − R) / T × 100.
    return rumus_selisih(r, t), M_POSITIF_T_NEGATIF


def _negatif(
    r: Decimal, t: Decimal, metode: MetodeNegatif
) -> tuple[Decimal | None, str, Alasan | None]:
    """Lower is better; `t` is not 0."""
    if metode is MetodeNegatif.RASIO:
        if t < NOL or r < NOL:
            return None, M_NEGATIF_RASIO, Alasan.METODE_TIDAK_BERLAKU
        if not r:
            return None, M_NEGATIF_RASIO, Alasan.PEMBAGI_NOL
        return rumus_rasio(t, r), M_NEGATIF_RASIO, None
    if t > NOL:
        return rumus_selisih(r, t), M_NEGATIF, None
    # (1 − (R − T)/|T|) × 100 with |T| = −T is R / T × 100.
    return rumus_rasio(r, t), M_NEGATIF_T_NEGATIF, None


_E = TypeVar("_E", Polaritas, JenisNilai, MetodeNegatif)


def _enum_atau_none(cls: type[_E], x: object) -> _E | None:
    """`x` as a member of `cls` (a Django TextChoices value converts), None if it is not one."""
    if type(x) is cls:
        return x
    try:
        return cls(cast(str, x))
    except (ValueError, TypeError):
        return None


def _metode_awal(pol: Polaritas, mn: MetodeNegatif) -> str:
    """The formula a polarity would use, named on results that could not be computed."""
    if pol is Polaritas.POSITIF:
        return M_POSITIF
    if pol is Polaritas.NEGATIF:
        return M_NEGATIF_RASIO if mn is MetodeNegatif.RASIO else M_NEGATIF
    return M_RENTANG_DALAM


# (nilai, metode, alasan, rincian): what each formula step hands back.
_Langkah = tuple[Decimal | None, str, Alasan | None, str]


def _rumus(
    r: Decimal,
    t: Decimal | None,
    lo: Decimal | None,
    hi: Decimal | None,
    pol: Polaritas,
    mn: MetodeNegatif,
) -> _Langkah:
    """Apply the polarity's formula to validated numbers (or ordinal scores)."""
    if pol is Polaritas.RENTANG:
        assert lo is not None and hi is not None
        if r < lo:
            if not lo:
                return None, M_RENTANG_BAWAH, Alasan.TARGET_NOL, "batas bawah"
            return _positif(r, lo)[0], M_RENTANG_BAWAH, None, ""
        if r > hi:
            metode = M_RENTANG_ATAS_RASIO if mn is MetodeNegatif.RASIO else M_RENTANG_ATAS
            if not hi:
                return None, metode, Alasan.TARGET_NOL, "batas atas"
            nilai, _, alasan = _negatif(r, hi, mn)
            return nilai, metode, alasan, ""
        return _SERATUS, M_RENTANG_DALAM, None, ""
    assert t is not None
    if not t:
        return None, _metode_awal(pol, mn), Alasan.TARGET_NOL, ""
    if pol is Polaritas.POSITIF:
        nilai, metode = _positif(r, t)
        return nilai, metode, None, ""
    nilai, metode, alasan = _negatif(r, t, mn)
    return nilai, metode, alasan, ""


def _angka_masukan(
    x: object, nama: str, boleh_negatif: bool
) -> tuple[Decimal | None, Alasan | None, str]:
    """A validated number from an input: (value, None, "") or (None, why, which input)."""
    d = sebagai_angka(x)
    if isinstance(d, Alasan):
        return None, d, nama
    if d < NOL and not boleh_negatif:
        return None, Alasan.NILAI_NEGATIF, nama
    return d, None, ""


def _numerik(
    target: object,
    realisasi: object,
    target_min: object,
    target_max: object,
    pol: Polaritas,
    mn: MetodeNegatif,
    boleh_negatif: bool,
) -> tuple[Decimal | None, str, Alasan | None, str, Decimal | None, Decimal | None]:
    """Capaian of a number or percentage; also returns (R, T) as numbers for the flags."""
    t: Decimal | None = None
    lo: Decimal | None = None
    hi: Decimal | None = None
    metode = _metode_awal(pol, mn)
    r, alasan_r, rincian_r = (
        (None, Alasan.REALISASI_KOSONG, "")
        if realisasi is None
        else _angka_masukan(realisasi, "realisasi", boleh_negatif)
    )
    if pol is Polaritas.RENTANG:
        if target_min is None or target_max is None:
            return None, metode, Alasan.RENTANG_TIDAK_VALID, "batas rentang belum lengkap", r, t
        lo, alasan, rincian = _angka_masukan(target_min, "batas bawah", boleh_negatif)
        if lo is None:
            return None, metode, alasan, rincian, r, t
        hi, alasan, rincian = _angka_masukan(target_max, "batas atas", boleh_negatif)
        if hi is None:
            return None, metode, alasan, rincian, r, t
        if lo > hi:
            return None, metode, Alasan.RENTANG_TIDAK_VALID, "batas bawah > batas atas", r, t
    else:
        if target is None:
            return None, metode, Alasan.TARGET_KOSONG, "", r, t
        t, alasan, rincian = _angka_masukan(target, "target", boleh_negatif)
        if t is None:
            return None, metode, alasan, rincian, r, t
    if r is None:
        return None, metode, alasan_r, rincian_r, r, t
    nilai, metode, alasan, rincian = _rumus(r, t, lo, hi, pol, mn)
    return nilai, metode, alasan, rincian, r, t


_YA = frozenset({"ya", "y", "1", "true"})
_TIDAK = frozenset({"tidak", "t", "0", "false"})


def _ya_tidak(x: object, nama: str) -> tuple[bool | None, Alasan | None, str]:
    """A yes/no value: True/False, 1/0 (int or Decimal), or the words ya/tidak."""
    if isinstance(x, bool):
        return x, None, ""
    if isinstance(x, str):
        kata = x.strip().casefold()
        if kata in _YA:
            return True, None, ""
        if kata in _TIDAK:
            return False, None, ""
        return None, Alasan.NILAI_TIDAK_VALID, f"{nama}: {x!r} bukan ya/tidak"
    d = sebagai_angka(x)
    if isinstance(d, Alasan):
        return None, d, nama
    if d == 1:
        return True, None, ""
    if d == 0:
        return False, None, ""
    return None, Alasan.NILAI_TIDAK_VALID, f"{nama}: nilai ya/tidak harus 1 atau 0"


def _biner(target: object, realisasi: object) -> _Langkah:
    if target is None:
        return None, M_BINER, Alasan.TARGET_KOSONG, ""
    t, alasan, rincian = _ya_tidak(target, "target")
    if t is None:
        return None, M_BINER, alasan, rincian
    if realisasi is None:
        return None, M_BINER, Alasan.REALISASI_KOSONG, ""
    r, alasan, rincian = _ya_tidak(realisasi, "realisasi")
    if r is None:
        return None, M_BINER, alasan, rincian
    return (_SERATUS if r == t else _NOL_PERSEN), M_BINER, None, ""


def _skor(skala: SkalaOrdinal, x: object, nama: str) -> tuple[Decimal | None, Alasan | None, str]:
    if not isinstance(x, str | LevelOrdinal):
        return None, Alasan.TIPE_TIDAK_SESUAI, nama
    lv = skala.cari(x)
    if lv is None:
        kode = x if isinstance(x, str) else x.kode
        return None, Alasan.LEVEL_TIDAK_DIKENAL, f"{nama} {kode!r} pada skala {skala.nama}"
    return lv.skor, None, ""


_METODE_ORDINAL: dict[str, str] = {}


def _ordinal(
    target: object,
    realisasi: object,
    target_min: object,
    target_max: object,
    skala: object,
    pol: Polaritas,
    mn: MetodeNegatif,
) -> _Langkah:
    metode = _metode_awal(pol, mn)
    if not isinstance(skala, SkalaOrdinal):
        return None, metode, Alasan.SKALA_KOSONG, ""
    t = lo = hi = None
    if pol is Polaritas.RENTANG:
        if target_min is None or target_max is None:
            return None, metode, Alasan.RENTANG_TIDAK_VALID, "batas rentang belum lengkap"
        lo, alasan, rincian = _skor(skala, target_min, "batas bawah")
        if lo is None:
            return None, metode, alasan, rincian
        hi, alasan, rincian = _skor(skala, target_max, "batas atas")
        if hi is None:
            return None, metode, alasan, rincian
        if lo > hi:
            return None, metode, Alasan.RENTANG_TIDAK_VALID, "batas bawah > batas atas"
    else:
        if target is None:
            return None, metode, Alasan.TARGET_KOSONG, ""
        t, alasan, rincian = _skor(skala, target, "target")
        if t is None:
            return None, metode, alasan, rincian
    if realisasi is None:
        return None, metode, Alasan.REALISASI_KOSONG, ""
    r, alasan, rincian = _skor(skala, realisasi, "realisasi")
    if r is None:
        return None, metode, alasan, rincian
    nilai, metode, alasan, rincian = _rumus(r, t, lo, hi, pol, mn)
    metode_ordinal = _METODE_ORDINAL.get(metode)
    if metode_ordinal is None:
        metode_ordinal = _METODE_ORDINAL.setdefault(metode, _AWALAN_ORDINAL + metode)
    return nilai, metode_ordinal, alasan, rincian


def _ambang_valid(x: object) -> bool:
    return type(x) is Decimal and x.is_finite()


class MasukanCapaian(Masukan):
    """The inputs of `hitung_capaian`."""

    __slots__ = ()
    NAMA = (
        "target",
        "realisasi",
        "polaritas",
        "jenis",
        "metode_negatif",
        "target_min",
        "target_max",
        "skala",
        "boleh_negatif",
        "ada_bukti",
    )


_masukan = tuple.__new__
_POSITIF = Polaritas.POSITIF
_NEGATIF = Polaritas.NEGATIF
_ANGKA = JenisNilai.ANGKA
_PERSEN = JenisNilai.PERSEN
_SELISIH = MetodeNegatif.SELISIH
_RASIO = MetodeNegatif.RASIO
_TEKS_ENUM: dict[tuple[str, str], object] = {
    **{("p", m.value): m for m in Polaritas},
    **{("j", m.value): m for m in JenisNilai},
    **{("m", m.value): m for m in MetodeNegatif},
}


def hitung_capaian(
    *,
    target: Nilai | bool | None = None,
    realisasi: Nilai | bool | None,
    polaritas: Polaritas | str = Polaritas.POSITIF,
    jenis: JenisNilai | str = JenisNilai.ANGKA,
    metode_negatif: MetodeNegatif | str = MetodeNegatif.SELISIH,
    target_min: Nilai | None = None,
    target_max: Nilai | None = None,
    skala: SkalaOrdinal | None = None,
    boleh_negatif: bool = False,
    ada_bukti: bool = True,
    riwayat: Sequence[Decimal | None] | ProfilRiwayat = (),
    satuan_target: str | None = None,
    satuan_realisasi: str | None = None,
    ambang_jauh: Decimal = AMBANG_JAUH,
    ambang_pencilan: Decimal = AMBANG_PENCILAN,
    bendera_tambahan: Iterable[Bendera] = (),
) -> HasilCapaian:
    """The capaian (%) of one indicator in one period, at full precision, with its flags.

    Never raises and never returns a fake 0: when the capaian cannot be computed (target 0 or
    missing, no realisation yet, a value of the wrong type, a negative value where
    `boleh_negatif` is False, a level the scale does not have, …) the result has `nilai` None
    and `alasan` says why.

    - `target` / `realisasi`: Decimal (or int) numbers; for `JenisNilai.BINER` also
      True/False, 1/0 or "ya"/"tidak"; for `JenisNilai.ORDINAL` a level code or `LevelOrdinal`
      of `skala`.
    - `polaritas`, `jenis`, `metode_negatif`: the enums or their stored string values.
    - `target_min` / `target_max`: the bounds of a `Polaritas.RENTANG` target.
    - Flags: `ada_bukti=False` → TANPA_BUKTI; `riwayat` (earlier values of the same indicator,
      or their `profil_riwayat` computed once for several periods) → PENCILAN when
      |modified z| > `ambang_pencilan`; `satuan_target` / `satuan_realisasi` →
      SATUAN_TIDAK_COCOK; capaian > `ambang_jauh` → JAUH_DI_ATAS_TARGET.
    - `bendera_tambahan`: flags carried from an earlier step (e.g. an incomplete aggregation).

    >>> hitung_capaian(target=Decimal("32"), realisasi=Decimal("4.88"),
    ...                polaritas=Polaritas.NEGATIF).nilai
    Decimal('184.75')
    """
    return capaian(
        target,
        realisasi,
        polaritas,
        jenis,
        metode_negatif,
        target_min,
        target_max,
        skala,
        boleh_negatif,
        ada_bukti,
        riwayat,
        satuan_target,
        satuan_realisasi,
        ambang_jauh,
        ambang_pencilan,
        bendera_tambahan,
    )


def capaian(
    target: object,
    realisasi: object,
    polaritas: object,
    jenis: object,
    metode_negatif: object,
    target_min: object,
    target_max: object,
    skala: object,
    boleh_negatif: object,
    ada_bukti: object,
    riwayat: object,
    satuan_target: object,
    satuan_realisasi: object,
    ambang_jauh: object,
    ambang_pencilan: object,
    bendera_tambahan: object,
) -> HasilCapaian:
    """`hitung_capaian` with positional arguments, for callers inside the package.

    Keyword arguments cost more than the formula itself when sixteen are passed, so the
    package's own pipelines call this. The common case (numbers, positif or negatif with the
    default formula, a positive target) takes a short path; everything else, and every input
    that needs checking, goes through `_capaian_umum`, which gives the same result.
    """
    masukan = _masukan(
        MasukanCapaian,
        (
            target,
            realisasi,
            polaritas,
            jenis,
            metode_negatif,
            target_min,
            target_max,
            skala,
            boleh_negatif,
            ada_bukti,
        ),
    )
    # Stored values arrive as plain strings ("negatif"): the short path wants the members.
    if type(polaritas) is str:
        polaritas = _TEKS_ENUM.get(("p", polaritas), polaritas)
    if type(jenis) is str:
        jenis = _TEKS_ENUM.get(("j", jenis), jenis)
    if type(metode_negatif) is str:
        metode_negatif = _TEKS_ENUM.get(("m", metode_negatif), metode_negatif)
    if (
        type(target) is Decimal
        and type(realisasi) is Decimal
        and (jenis is _ANGKA or jenis is _PERSEN)
        and (polaritas is _POSITIF or polaritas is _NEGATIF)
        and (metode_negatif is _SELISIH or (metode_negatif is _RASIO and polaritas is _POSITIF))
        and (boleh_negatif is False or boleh_negatif is True)
        and (ada_bukti is True or ada_bukti is False)
        and (ambang_jauh is AMBANG_JAUH or _ambang_valid(ambang_jauh))
        and (ambang_pencilan is AMBANG_PENCILAN or _ambang_valid(ambang_pencilan))
        and target.is_finite()
        and realisasi.is_finite()
        and target > NOL
        and realisasi >= NOL
    ):
        try:
            if polaritas is _POSITIF:
                nilai = rumus_rasio(realisasi, target)
                metode = M_POSITIF
            else:
                nilai = rumus_selisih(realisasi, target)
                metode = M_NEGATIF
        except ArithmeticError:
            pass
        else:
            if satuan_target is None and jenis is _ANGKA and not bendera_tambahan:
                # The flags that can arise here, looked up rather than built.
                bit = bit_capaian(
                    nilai,
                    ada_bukti is False,
                    bool(riwayat) and pencilan(realisasi, riwayat, ambang_pencilan),  # type: ignore[arg-type]
                    ambang_jauh,  # type: ignore[arg-type]
                )
                return buat_capaian(nilai, metode, masukan, BENDERA_DARI_BIT[bit], None, "")
            return _dengan_bendera(
                nilai,
                metode,
                None,
                "",
                masukan,
                realisasi,
                target,
                realisasi,
                jenis,
                ada_bukti,
                riwayat,
                satuan_target,
                satuan_realisasi,
                ambang_jauh,
                ambang_pencilan,
                bendera_tambahan,
            )
    return _capaian_umum(
        masukan,
        target,
        realisasi,
        polaritas,
        jenis,
        metode_negatif,
        target_min,
        target_max,
        skala,
        boleh_negatif,
        ada_bukti,
        riwayat,
        satuan_target,
        satuan_realisasi,
        ambang_jauh,
        ambang_pencilan,
        bendera_tambahan,
    )


def _dengan_bendera(
    nilai: Decimal | None,
    metode: str,
    alasan: Alasan | None,
    rincian: str,
    masukan: MasukanCapaian,
    realisasi_mentah: object,
    t: Decimal | None,
    r: Decimal | None,
    jenis: object,
    ada_bukti: object,
    riwayat: object,
    satuan_target: object,
    satuan_realisasi: object,
    ambang_jauh: object,
    ambang_pencilan: object,
    bendera_tambahan: object,
) -> HasilCapaian:
    """The result with its flags (inputs already checked)."""
    assert type(ambang_jauh) is Decimal and type(ambang_pencilan) is Decimal
    bendera = kumpulkan_bendera(
        nilai=nilai,
        realisasi=r,
        target=t,
        ada_realisasi=realisasi_mentah is not None,
        persen=jenis is JenisNilai.PERSEN,
        ada_bukti=ada_bukti is True,
        riwayat=riwayat,
        satuan_target=satuan_target,
        satuan_realisasi=satuan_realisasi,
        ambang_jauh=ambang_jauh,
        ambang_pencilan=ambang_pencilan,
    )
    if bendera_tambahan:
        with suppress(TypeError):  # not iterable: nothing to carry
            bendera |= bit_bendera(bendera_tambahan)  # type: ignore[arg-type]
    return buat_capaian(nilai, metode, masukan, BENDERA_DARI_BIT[bendera], alasan, rincian)


def _capaian_umum(
    masukan: MasukanCapaian,
    target: object,
    realisasi: object,
    polaritas: object,
    jenis: object,
    metode_negatif: object,
    target_min: object,
    target_max: object,
    skala: object,
    boleh_negatif: object,
    ada_bukti: object,
    riwayat: object,
    satuan_target: object,
    satuan_realisasi: object,
    ambang_jauh: object,
    ambang_pencilan: object,
    bendera_tambahan: object,
) -> HasilCapaian:
    """Every case, with every input checked."""
    pol = polaritas if type(polaritas) is Polaritas else _enum_atau_none(Polaritas, polaritas)
    jn = jenis if type(jenis) is JenisNilai else _enum_atau_none(JenisNilai, jenis)
    mn = (
        metode_negatif
        if type(metode_negatif) is MetodeNegatif
        else _enum_atau_none(MetodeNegatif, metode_negatif)
    )
    salah = (
        "polaritas"
        if pol is None
        else "jenis"
        if jn is None
        else "metode_negatif"
        if mn is None
        else "boleh_negatif"
        if type(boleh_negatif) is not bool
        else "ada_bukti"
        if type(ada_bukti) is not bool
        else "ambang_jauh"
        if not _ambang_valid(ambang_jauh)
        else "ambang_pencilan"
        if not _ambang_valid(ambang_pencilan)
        else ""
    )
    if salah or pol is None or jn is None or mn is None or type(boleh_negatif) is not bool:
        return buat_capaian(None, "", masukan, TANPA_BENDERA, Alasan.PARAMETER_TIDAK_VALID, salah)

    r: Decimal | None = None
    t: Decimal | None = None
    try:
        if jn is JenisNilai.ANGKA or jn is JenisNilai.PERSEN:
            nilai, metode, alasan, rincian, r, t = _numerik(
                target, realisasi, target_min, target_max, pol, mn, boleh_negatif
            )
        elif jn is JenisNilai.BINER:
            nilai, metode, alasan, rincian = _biner(target, realisasi)
        else:
            nilai, metode, alasan, rincian = _ordinal(
                target, realisasi, target_min, target_max, skala, pol, mn
            )
    except ArithmeticError:
        nilai, metode, alasan, rincian = None, _metode_awal(pol, mn), Alasan.DI_LUAR_JANGKAUAN, ""
    return _dengan_bendera(
        nilai,
        metode,
        alasan,
        rincian,
        masukan,
        realisasi,
        t,
        r,
        jn,
        ada_bukti,
        riwayat,
        satuan_target,
        satuan_realisasi,
        ambang_jauh,
        ambang_pencilan,
        bendera_tambahan,
    )
