"""Projection of the year-end realisation, and its capaian, from the periods so far.

The periods that have not run yet are filled by one stated method, then the year is
aggregated by the indicator's own rule (docs/metodologi.md §7):

- `LAJU` (run rate): each remaining period gets the mean of the filled periods; default for
  kumulatif (year = Σ so far / n × N) and rata-rata indicators.
- `TREN_LINEAR`: the least-squares line through the filled periods, extended; default for
  nilai akhir indicators with at least two filled periods.
- `NILAI_TERAKHIR`: the last value carries on; default for nilai akhir with one filled period,
  and the only method for yes/no and ordinal values.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from types import MappingProxyType

from kinerja.rumus.angka import NOL, bagi, kali, kurang, tambah
from kinerja.rumus.capaian import Nilai, _enum_atau_none, hitung_capaian
from kinerja.rumus.hasil import HasilProyeksi
from kinerja.rumus.jenis import (
    Agregasi,
    Alasan,
    JenisNilai,
    MetodeNegatif,
    MetodeProyeksi,
    Polaritas,
)
from kinerja.rumus.periode import _agregasi, _agregasi_enum
from kinerja.rumus.skala import SkalaOrdinal

_LABEL = {
    MetodeProyeksi.LAJU: "laju rata-rata (periode yang belum berjalan = rata-rata periode terisi)",
    MetodeProyeksi.TREN_LINEAR: "tren linear (garis kuadrat terkecil melalui periode terisi)",
    MetodeProyeksi.NILAI_TERAKHIR: "nilai terakhir dibawa sampai akhir tahun",
}
M_AKTUAL = "nilai aktual: semua periode sudah terisi"


def _jumlah(data: Sequence[Decimal]) -> Decimal:
    total = NOL
    for d in data:
        total = tambah(total, d)
    return total


def _isi_sisa(x: list[int], y: list[Decimal], sisa: range, metode: MetodeProyeksi) -> list[Decimal]:
    """Values of the periods in `sisa` under `metode`, from the filled points (x, y)."""
    if metode is MetodeProyeksi.NILAI_TERAKHIR:
        return [y[-1]] * len(sisa)
    k = Decimal(len(y))
    rata_y = bagi(_jumlah(y), k)
    if metode is not MetodeProyeksi.TREN_LINEAR:
        return [rata_y] * len(sisa)
    rata_x = bagi(Decimal(sum(x)), k)
    sxx = sxy = NOL
    for xi, yi in zip(x, y, strict=True):
        dx = kurang(Decimal(xi), rata_x)
        sxx = tambah(sxx, kali(dx, dx))
        sxy = tambah(sxy, kali(dx, kurang(yi, rata_y)))
    miring = bagi(sxy, sxx)
    return [tambah(rata_y, kali(miring, kurang(Decimal(j), rata_x))) for j in sisa]


def proyeksi(
    *,
    realisasi: Sequence[Nilai | bool | None],
    agregasi: Agregasi | str = Agregasi.NILAI_AKHIR,
    jumlah_periode: int = 4,
    metode: MetodeProyeksi | str | None = None,
    jenis: JenisNilai | str = JenisNilai.ANGKA,
    skala: SkalaOrdinal | None = None,
    target_tahunan: Nilai | bool | None = None,
    polaritas: Polaritas | str = Polaritas.POSITIF,
    metode_negatif: MetodeNegatif | str = MetodeNegatif.SELISIH,
    target_min: Nilai | None = None,
    target_max: Nilai | None = None,
    boleh_negatif: bool = False,
) -> HasilProyeksi:
    """The expected year-end realisation from the periods so far, and the capaian it would give.

    `realisasi` holds each period's own value so far (index 0 = period 1; trailing None are
    periods not yet reported); `jumlah_periode` is N (4 quarters, 12 months). `metode` defaults
    by aggregation type (module docstring); the method used is stated in `metode` of the
    result. A projection below 0 for an indicator that cannot be negative is raised to 0 and
    says so. `capaian` is filled when a target (or range) is given. Never raises.

    >>> proyeksi(realisasi=[Decimal(10), Decimal(12)], agregasi=Agregasi.KUMULATIF).nilai
    Decimal('44')
    """
    masukan = MappingProxyType(
        {
            "realisasi": tuple(realisasi) if isinstance(realisasi, list) else realisasi,
            "agregasi": agregasi,
            "jumlah_periode": jumlah_periode,
            "metode": metode,
            "jenis": jenis,
            "target_tahunan": target_tahunan,
        }
    )

    def gagal(alasan: Alasan, rincian: str = "", nama_metode: str = "") -> HasilProyeksi:
        return HasilProyeksi(
            nilai=None, metode=nama_metode, masukan=masukan, alasan=alasan, rincian=rincian
        )

    agr = _agregasi_enum(agregasi)
    jn = _enum_atau_none(JenisNilai, jenis)
    mt: MetodeProyeksi | None = None
    if metode is not None:
        try:
            mt = metode if type(metode) is MetodeProyeksi else MetodeProyeksi(metode)
        except (ValueError, TypeError):
            return gagal(Alasan.PARAMETER_TIDAK_VALID, "metode")
    if agr is None or jn is None:
        return gagal(Alasan.PARAMETER_TIDAK_VALID, "agregasi" if agr is None else "jenis")
    if not isinstance(realisasi, list | tuple):
        return gagal(Alasan.PARAMETER_TIDAK_VALID, "realisasi")
    if type(jumlah_periode) is not int or jumlah_periode < 1:
        return gagal(Alasan.PARAMETER_TIDAK_VALID, "jumlah_periode")
    n = len(realisasi)
    while n and realisasi[n - 1] is None:
        n -= 1
    if not n:
        return gagal(Alasan.REALISASI_KOSONG)
    if n > jumlah_periode:
        return gagal(Alasan.PARAMETER_TIDAK_VALID, "lebih banyak periode daripada jumlah_periode")

    kualitatif = jn is JenisNilai.BINER or jn is JenisNilai.ORDINAL
    if kualitatif and mt not in (None, MetodeProyeksi.NILAI_TERAKHIR):
        return gagal(Alasan.METODE_TIDAK_BERLAKU, "ya/tidak dan ordinal hanya nilai terakhir")
    sekarang = _agregasi(
        list(realisasi[:n]), agr, jn, n, skala, boleh_negatif, Alasan.REALISASI_KOSONG, "realisasi"
    )
    if sekarang.nilai is None:
        return gagal(sekarang.alasan or Alasan.TIDAK_ADA_NILAI, sekarang.rincian, sekarang.metode)

    if n == jumlah_periode:
        nilai: Decimal = sekarang.nilai
        asli: object = sekarang.nilai_asli
        nama_metode = M_AKTUAL
    elif kualitatif:
        nilai, asli = sekarang.nilai, sekarang.nilai_asli
        nama_metode = _LABEL[MetodeProyeksi.NILAI_TERAKHIR]
    else:
        x = list(sekarang.periode_terisi)
        y = [realisasi[i - 1] for i in x]
        assert all(isinstance(v, Decimal | int) for v in y)
        y_angka = [Decimal(v) for v in y]
        if mt is None:
            if agr is Agregasi.NILAI_AKHIR:
                mt = MetodeProyeksi.TREN_LINEAR if len(x) >= 2 else MetodeProyeksi.NILAI_TERAKHIR
            else:
                mt = MetodeProyeksi.LAJU
        catatan = ""
        if mt is MetodeProyeksi.TREN_LINEAR and len(x) < 2:
            mt = MetodeProyeksi.NILAI_TERAKHIR
            catatan = "; tren linear perlu dua periode terisi"
        sisa = range(n + 1, jumlah_periode + 1)
        try:
            nilai_sisa = _isi_sisa(x, y_angka, sisa, mt)
            if agr is Agregasi.KUMULATIF:
                nilai = tambah(sekarang.nilai, _jumlah(nilai_sisa))
            elif agr is Agregasi.NILAI_AKHIR:
                nilai = nilai_sisa[-1]
            else:
                nilai = bagi(
                    tambah(_jumlah(y_angka), _jumlah(nilai_sisa)),
                    Decimal(len(y_angka) + len(nilai_sisa)),
                )
        except ArithmeticError:
            return gagal(Alasan.DI_LUAR_JANGKAUAN, "", _LABEL[mt])
        nama_metode = f"{_LABEL[mt]}; {len(x)} dari {jumlah_periode} periode terisi{catatan}"
        if nilai < NOL and not boleh_negatif:
            nilai = NOL
            nama_metode += "; hasil negatif dinaikkan ke 0 karena indikator tidak boleh negatif"
        asli = nilai

    capaian = None
    if target_tahunan is not None or target_min is not None or target_max is not None:
        capaian = hitung_capaian(
            target=target_tahunan,
            realisasi=asli,  # type: ignore[arg-type]
            polaritas=polaritas,
            jenis=jn,
            metode_negatif=metode_negatif,
            target_min=target_min,
            target_max=target_max,
            skala=skala,
            boleh_negatif=boleh_negatif,
            bendera_tambahan=sekarang.bendera,
        )
    return HasilProyeksi(
        nilai=nilai,
        metode=nama_metode,
        masukan=masukan,
        bendera=sekarang.bendera,
        nilai_asli=asli,
        capaian=capaian,
    )
