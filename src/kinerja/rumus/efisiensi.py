"""Efficiency: capaian kinerja against serapan anggaran (no official formula: selectable)."""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType

from kinerja.rumus.angka import NOL, SATU, bagi, kurang, sebagai_angka, tambah
from kinerja.rumus.hasil import Hasil, HasilEfisiensi
from kinerja.rumus.jenis import Alasan, KategoriEfisiensi, MetodeEfisiensi

M_SELISIH = "selisih: capaian kinerja − serapan anggaran (poin persen)"
M_RASIO = "rasio (BPKP): capaian kinerja (output) / serapan anggaran (input)"

#: Banjarnegara: more than 5 points above serapan is efisien, within ±5 cukup efisien.
AMBANG_SELISIH = Decimal(5)
#: BPKP ratio: above 1 is efisien, below 1 tidak efisien (no tolerance band by default).
AMBANG_RASIO = Decimal(0)

_METODE = {MetodeEfisiensi.SELISIH: M_SELISIH, MetodeEfisiensi.RASIO: M_RASIO}


def _masukan_angka(x: object, nama: str) -> tuple[Decimal | None, Alasan | None, str]:
    if isinstance(x, Hasil):
        if x.nilai is None:
            return None, x.alasan or Alasan.TIDAK_ADA_NILAI, nama
        return x.nilai, None, ""
    if x is None:
        return None, Alasan.TIDAK_ADA_NILAI, nama
    d = sebagai_angka(x)
    if isinstance(d, Alasan):
        return None, d, nama
    return d, None, ""


def efisiensi(
    *,
    capaian: Decimal | Hasil | None,
    serapan: Decimal | Hasil | None,
    metode: MetodeEfisiensi | str = MetodeEfisiensi.SELISIH,
    ambang: Decimal | None = None,
) -> HasilEfisiensi:
    """Efficiency of a unit or program from its capaian kinerja (%) and serapan anggaran (%).

    - `MetodeEfisiensi.SELISIH` (default): d = capaian − serapan; d > ambang (default 5) is
      Efisien, −ambang ≤ d ≤ ambang Cukup Efisien, below that Tidak Efisien.
    - `MetodeEfisiensi.RASIO` (BPKP): q = capaian / serapan; q > 1 + ambang (default 0) is
      Efisien, q < 1 − ambang Tidak Efisien, otherwise Cukup Efisien.

    Inputs may be results (`hitung_capaian`, `rollup`, `serapan`); a result that could not be
    computed makes this one not computable with the same reason. Never raises.

    >>> efisiensi(capaian=Decimal("95"), serapan=Decimal("80")).kategori.label
    'Efisien'
    """
    masukan = MappingProxyType(
        {"capaian": capaian, "serapan": serapan, "metode": metode, "ambang": ambang}
    )
    try:
        mt = metode if type(metode) is MetodeEfisiensi else MetodeEfisiensi(metode)
    except (ValueError, TypeError):
        return HasilEfisiensi(
            nilai=None,
            metode="",
            masukan=masukan,
            alasan=Alasan.PARAMETER_TIDAK_VALID,
            rincian="metode",
        )
    nama_metode = _METODE[mt]

    def gagal(alasan: Alasan, rincian: str = "") -> HasilEfisiensi:
        return HasilEfisiensi(
            nilai=None, metode=nama_metode, masukan=masukan, alasan=alasan, rincian=rincian
        )

    if ambang is None:
        batas = AMBANG_SELISIH if mt is MetodeEfisiensi.SELISIH else AMBANG_RASIO
    elif type(ambang) is Decimal and ambang.is_finite() and ambang >= NOL:
        batas = ambang
    else:
        return gagal(Alasan.PARAMETER_TIDAK_VALID, "ambang")
    c, alasan, rincian = _masukan_angka(capaian, "capaian kinerja")
    if c is None:
        return gagal(alasan or Alasan.TIDAK_ADA_NILAI, rincian)
    s, alasan, rincian = _masukan_angka(serapan, "serapan anggaran")
    if s is None:
        return gagal(alasan or Alasan.TIDAK_ADA_NILAI, rincian)
    if s < NOL:
        return gagal(Alasan.NILAI_NEGATIF, "serapan anggaran")
    try:
        if mt is MetodeEfisiensi.SELISIH:
            nilai = kurang(c, s)
            pusat = NOL
        else:
            if not s:
                return gagal(Alasan.PEMBAGI_NOL, "serapan anggaran 0")
            nilai = bagi(c, s)
            pusat = SATU
        if nilai > tambah(pusat, batas):
            kategori = KategoriEfisiensi.EFISIEN
        elif nilai < kurang(pusat, batas):
            kategori = KategoriEfisiensi.TIDAK_EFISIEN
        else:
            kategori = KategoriEfisiensi.CUKUP_EFISIEN
    except ArithmeticError:
        return gagal(Alasan.DI_LUAR_JANGKAUAN)
    return HasilEfisiensi(nilai=nilai, metode=nama_metode, masukan=masukan, kategori=kategori)
