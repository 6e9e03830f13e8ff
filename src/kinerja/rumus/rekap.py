"""Roll-up of capaian to sasaran / program / agency / Pemda, and budget absorption (serapan)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from kinerja.rumus.angka import NOL, SERATUS, bagi, kali, sebagai_angka, tambah
from kinerja.rumus.bendera import BENDERA_DARI_BIT, BIT_BENDERA
from kinerja.rumus.hasil import (
    TANPA_BENDERA,
    Hasil,
    HasilCapaian,
    HasilRollup,
    HasilSerapan,
    Masukan,
    buat_rollup,
)
from kinerja.rumus.jenis import Alasan, Bendera

M_RATA_RATA = "rata-rata sederhana capaian yang dapat dihitung"
M_RATA_RATA_BOBOT = "rata-rata tertimbang Σ(bobot × capaian) / Σbobot yang dapat dihitung"
_M_BATAS = "; tiap capaian dibatasi paling tinggi {batas} sebelum dirata-ratakan"
M_SERAPAN = "serapan: Σrealisasi anggaran / Σpagu × 100"


def _nilai_hasil(x: object) -> Decimal | None:
    """The number of a roll-up item: a result's value, or a finite Decimal; else None."""
    if isinstance(x, Hasil):
        return x.nilai
    if type(x) is Decimal:
        return x if x.is_finite() else None
    if isinstance(x, Decimal | int) and not isinstance(x, bool):
        d = sebagai_angka(x)
        return d if isinstance(d, Decimal) else None
    return None


class MasukanRollup(Masukan):
    """The inputs of a roll-up."""

    __slots__ = ()
    NAMA = ("hasil", "bobot", "batas")


class MasukanSerapan(Masukan):
    """The inputs of a budget absorption."""

    __slots__ = ()
    NAMA = ("realisasi", "pagu")


_masukan = tuple.__new__
_BIT_TIDAK = BIT_BENDERA[Bendera.ADA_TIDAK_DAPAT_DIHITUNG]
_BIT_DIBATASI = BIT_BENDERA[Bendera.DIBATASI]


def bit_rollup(tidak_dihitung: int, dibatasi: int) -> int:
    """The flags of a roll-up as a bitmask: some results left out, some capped."""
    return (_BIT_TIDAK if tidak_dihitung else 0) | (_BIT_DIBATASI if dibatasi else 0)


_METODE_BATAS: dict[tuple[str, Decimal], str] = {}


def _metode_batas(metode: str, batas: Decimal) -> str:
    """The method text with the cap (kept: an agency uses one cap for all its roll-ups)."""
    kunci = (metode, batas)
    teks = _METODE_BATAS.get(kunci)
    if teks is None:
        teks = metode + _M_BATAS.format(batas=batas)
        if len(_METODE_BATAS) < 256:
            _METODE_BATAS[kunci] = teks
    return teks


def _rollup_gagal(
    alasan: Alasan,
    metode: str,
    masukan: MasukanRollup,
    rincian: str = "",
    tidak_dihitung: int = 0,
) -> HasilRollup:
    return buat_rollup(
        None,
        metode,
        masukan,
        BENDERA_DARI_BIT[bit_rollup(tidak_dihitung, 0)],
        alasan,
        rincian,
        0,
        tidak_dihitung,
        0,
    )


def rollup(
    hasil: Iterable[Hasil | Decimal | None],
    *,
    bobot: Sequence[Decimal | int] | None = None,
    batas: Decimal | None = None,
) -> HasilRollup:
    """The mean capaian of a group: simple by default, weighted when `bobot` is given.

    Results that are not computable (None, or a result with no value) are left out and counted
    in `jumlah_tidak_dihitung`, never taken as 0. `batas` (e.g. 120, an agency setting) caps
    each capaian before averaging, only here: the results passed in keep their raw values.
    Weights are renormalised over the computable results. Works on the results of any level,
    so a program's roll-up can itself be rolled up into the agency's. Never raises.

    >>> rollup([Decimal(80), Decimal("184.75"), None], batas=Decimal(120)).nilai
    Decimal('100')
    """
    item: tuple[object, ...] | None
    if type(hasil) is tuple:
        item = hasil
    else:
        try:
            item = tuple(hasil)
        except TypeError:
            item = None
    masukan = _masukan(MasukanRollup, (hasil if item is None else item, bobot, batas))
    metode = M_RATA_RATA if bobot is None else M_RATA_RATA_BOBOT
    if item is None:
        return _rollup_gagal(Alasan.PARAMETER_TIDAK_VALID, metode, masukan, "hasil")
    if not batas_sah(batas):
        return _rollup_gagal(Alasan.PARAMETER_TIDAK_VALID, metode, masukan, "batas")
    if batas is not None:
        metode = _metode_batas(metode, batas)
    berat, salah = periksa_bobot(bobot, len(item))
    if salah:
        return _rollup_gagal(Alasan.PARAMETER_TIDAK_VALID, metode, masukan, salah)
    nilai, alasan, rincian, dihitung, tidak, dibatasi = rata_rata(item, berat, batas)
    if nilai is None:
        assert alasan is not None
        return _rollup_gagal(alasan, metode, masukan, rincian, tidak)
    return buat_rollup(
        nilai,
        metode,
        masukan,
        BENDERA_DARI_BIT[bit_rollup(tidak, dibatasi)],
        None,
        "",
        dihitung,
        tidak,
        dibatasi,
    )


def batas_sah(batas: object) -> bool:
    """A roll-up cap is None or a positive finite Decimal."""
    return batas is None or (type(batas) is Decimal and batas.is_finite() and batas > NOL)


def periksa_bobot(bobot: object, jumlah: int) -> tuple[list[Decimal] | None, str]:
    """The weights of `jumlah` results as numbers, or why they are not valid (the detail text)."""
    if bobot is None:
        return None, ""
    if not isinstance(bobot, list | tuple) or len(bobot) != jumlah:
        return None, "jumlah bobot ≠ jumlah hasil"
    berat = []
    for w in bobot:
        d = sebagai_angka(w)
        if isinstance(d, Alasan) or d < NOL:
            return None, "bobot"
        berat.append(d)
    return berat, ""


# Counts as Decimals, made once: a roll-up divides by its count every time.
_N_CACAH = 256
_CACAH = tuple(Decimal(n) for n in range(_N_CACAH))

#: (nilai, alasan, rincian, dihitung, tidak dihitung, dibatasi)
_Rata = tuple[Decimal | None, Alasan | None, str, int, int, int]


def rata_rata(item: Iterable[object], berat: list[Decimal] | None, batas: Decimal | None) -> _Rata:
    """The roll-up mean of validated parameters: the one place its formula is written.

    `rollup` and the batch API both call it. Each item is a result, a Decimal or None; the
    not-computable ones are counted and left out, each value is capped at `batas` first.
    """
    total = NOL
    total_bobot = NOL
    dihitung = tidak = dibatasi = 0
    try:
        for i, x in enumerate(item):
            if type(x) is Decimal:
                v: Decimal | None = x if x.is_finite() else None
            elif type(x) is HasilCapaian or type(x) is HasilRollup:
                v = x.nilai
            else:
                v = _nilai_hasil(x)
            if v is None:
                tidak += 1
                continue
            if batas is not None and v > batas:
                v = batas
                dibatasi += 1
            dihitung += 1
            if berat is None:
                total = tambah(total, v)
            else:
                w = berat[i]
                total = tambah(total, kali(w, v))
                total_bobot = tambah(total_bobot, w)
        if not dihitung:
            return None, Alasan.TIDAK_ADA_NILAI, "", 0, tidak, 0
        if berat is None:
            nilai = bagi(total, _CACAH[dihitung] if dihitung < _N_CACAH else Decimal(dihitung))
        elif not total_bobot:
            return None, Alasan.TIDAK_ADA_NILAI, "jumlah bobot 0", 0, tidak, 0
        else:
            nilai = bagi(total, total_bobot)
    except ArithmeticError:
        return None, Alasan.DI_LUAR_JANGKAUAN, "", 0, tidak, 0
    return nilai, None, "", dihitung, tidak, dibatasi


def _serapan_gagal(alasan: Alasan, masukan: MasukanSerapan, rincian: str = "") -> HasilSerapan:
    return HasilSerapan(
        nilai=None, metode=M_SERAPAN, masukan=masukan, alasan=alasan, rincian=rincian
    )


def serapan(
    *,
    realisasi: Decimal | Sequence[Decimal | None] | None,
    pagu: Decimal | Sequence[Decimal | None] | None,
) -> HasilSerapan:
    """Budget absorption Σrealisasi / Σpagu × 100 of one budget line or of several.

    For several lines (two lists of the same length) a line without pagu or without realisation
    is left out of both sums and counted in `jumlah_baris_tidak_lengkap` (flag
    DATA_TIDAK_LENGKAP). `rata_rata_persentase` keeps the mean of the lines' own percentages,
    the figure many reports print instead, to explain the difference. Never raises.

    >>> serapan(realisasi=[Decimal(90), Decimal(10)], pagu=[Decimal(100), Decimal(100)]).nilai
    Decimal('50')
    """
    masukan = _masukan(
        MasukanSerapan,
        (
            tuple(realisasi) if isinstance(realisasi, list) else realisasi,
            tuple(pagu) if isinstance(pagu, list) else pagu,
        ),
    )
    tunggal = not isinstance(realisasi, list | tuple) and not isinstance(pagu, list | tuple)
    if tunggal:
        if pagu is None:
            return _serapan_gagal(Alasan.PAGU_KOSONG, masukan)
        if realisasi is None:
            return _serapan_gagal(Alasan.REALISASI_KOSONG, masukan)
        baris_realisasi: Sequence[object] = (realisasi,)
        baris_pagu: Sequence[object] = (pagu,)
    elif (
        isinstance(realisasi, list | tuple)
        and isinstance(pagu, list | tuple)
        and len(realisasi) == len(pagu)
    ):
        baris_realisasi, baris_pagu = realisasi, pagu
    else:
        return _serapan_gagal(
            Alasan.PARAMETER_TIDAK_VALID, masukan, "realisasi dan pagu harus sepasang"
        )

    total_r = total_p = total_persen = NOL
    lengkap = tidak_lengkap = berpersen = 0
    try:
        for i, (r_mentah, p_mentah) in enumerate(zip(baris_realisasi, baris_pagu, strict=True)):
            if r_mentah is None or p_mentah is None:
                tidak_lengkap += 1
                continue
            r = sebagai_angka(r_mentah)
            p = sebagai_angka(p_mentah)
            for d, nama in ((r, "realisasi"), (p, "pagu")):
                label = nama if tunggal else f"{nama} baris ke-{i + 1}"
                if isinstance(d, Alasan):
                    return _serapan_gagal(d, masukan, label)
                if d < NOL:
                    return _serapan_gagal(Alasan.NILAI_NEGATIF, masukan, label)
            assert isinstance(r, Decimal) and isinstance(p, Decimal)
            lengkap += 1
            total_r = tambah(total_r, r)
            total_p = tambah(total_p, p)
            if p:
                berpersen += 1
                total_persen = tambah(total_persen, bagi(kali(r, SERATUS), p))
        if not lengkap:
            return _serapan_gagal(Alasan.TIDAK_ADA_NILAI, masukan, "tidak ada baris lengkap")
        if not total_p:
            return _serapan_gagal(Alasan.PAGU_NOL, masukan)
        nilai = bagi(kali(total_r, SERATUS), total_p)
        rata = bagi(total_persen, Decimal(berpersen)) if berpersen else None
    except ArithmeticError:
        return _serapan_gagal(Alasan.DI_LUAR_JANGKAUAN, masukan)
    return HasilSerapan(
        nilai=nilai,
        metode=M_SERAPAN,
        masukan=masukan,
        bendera=frozenset({Bendera.DATA_TIDAK_LENGKAP}) if tidak_lengkap else TANPA_BENDERA,
        total_realisasi=total_r,
        total_pagu=total_p,
        rata_rata_persentase=rata,
        jumlah_baris=lengkap + tidak_lengkap,
        jumlah_baris_tidak_lengkap=tidak_lengkap,
    )
