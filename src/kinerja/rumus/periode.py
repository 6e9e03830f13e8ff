"""Periods: aggregating period values "s.d. periode n", and capaian s.d. triwulan n.

Each period holds its own value: for a kumulatif indicator the amount of that quarter (not the
running total), for the others the value measured in that quarter. Rencana Aksi targets per
quarter are written the same way, so targets and realisations aggregate by the same rule.

Missing periods (docs/metodologi.md §3):

- kumulatif: every period 1..n must have a value, otherwise *tidak dapat dihitung*
  (PERIODE_KOSONG): a sum with a hole would silently count the hole as 0. A quarter with no
  activity is entered as 0.
- nilai akhir: the last period that has a value; when it is earlier than n the result carries
  the flag NILAI_PERIODE_SEBELUMNYA.
- rata-rata: the mean of the periods that have a value; when some are missing the result
  carries DATA_TIDAK_LENGKAP.
- yes/no and ordinal values always aggregate as nilai akhir.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from types import MappingProxyType

from kinerja.rumus.angka import NOL, SATU, bagi, tambah
from kinerja.rumus.bendera import AMBANG_JAUH, AMBANG_PENCILAN
from kinerja.rumus.capaian import (
    Nilai,
    _angka_masukan,
    _enum_atau_none,
    _skor,
    _ya_tidak,
    hitung_capaian,
)
from kinerja.rumus.hasil import (
    TANPA_BENDERA,
    HasilAgregasi,
    HasilCapaian,
    HasilSdTriwulan,
    buat_capaian,
)
from kinerja.rumus.jenis import Agregasi, Alasan, Bendera, JenisNilai, MetodeNegatif, Polaritas
from kinerja.rumus.skala import SkalaOrdinal

M_KUMULATIF = "kumulatif: jumlah nilai periode 1 s.d. n"
M_NILAI_AKHIR = "nilai akhir: nilai periode terakhir yang terisi s.d. periode n"
M_RATA_RATA = "rata-rata: rata-rata nilai periode yang terisi s.d. periode n"
M_AKHIR_KUALITATIF = "nilai akhir (ya/tidak dan ordinal): nilai periode terakhir yang terisi"

_METODE = {
    Agregasi.KUMULATIF: M_KUMULATIF,
    Agregasi.NILAI_AKHIR: M_NILAI_AKHIR,
    Agregasi.RATA_RATA: M_RATA_RATA,
}
_BENDERA_AKHIR = frozenset({Bendera.NILAI_PERIODE_SEBELUMNYA})
_BENDERA_KURANG = frozenset({Bendera.DATA_TIDAK_LENGKAP})


def _daftar_periode(nomor: Sequence[int]) -> str:
    return ", ".join(f"ke-{i}" for i in nomor)


def _agregasi_enum(x: object) -> Agregasi | None:
    if type(x) is Agregasi:
        return x
    try:
        return Agregasi(x)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return None


def _gagal(
    alasan: Alasan,
    metode: str,
    masukan: MappingProxyType[str, object],
    rincian: str = "",
    terisi: tuple[int, ...] = (),
    kosong: tuple[int, ...] = (),
) -> HasilAgregasi:
    return HasilAgregasi(
        nilai=None,
        metode=metode,
        masukan=masukan,
        alasan=alasan,
        rincian=rincian,
        periode_terisi=terisi,
        periode_kosong=kosong,
    )


def _agregasi(
    nilai: object,
    agregasi: object,
    jenis: object,
    sampai: object,
    skala: object,
    boleh_negatif: object,
    kosong_alasan: Alasan,
    nama: str,
) -> HasilAgregasi:
    masukan = MappingProxyType(
        {
            "nilai": tuple(nilai) if isinstance(nilai, list | tuple) else nilai,
            "agregasi": agregasi,
            "jenis": jenis,
            "sampai": sampai,
            "skala": skala,
            "boleh_negatif": boleh_negatif,
        }
    )
    agr = _agregasi_enum(agregasi)
    jn = _enum_atau_none(JenisNilai, jenis)
    if agr is None or jn is None or not isinstance(nilai, list | tuple):
        salah = "agregasi" if agr is None else "jenis" if jn is None else "nilai"
        return _gagal(Alasan.PARAMETER_TIDAK_VALID, "", masukan, salah)
    if type(boleh_negatif) is not bool:
        return _gagal(Alasan.PARAMETER_TIDAK_VALID, "", masukan, "boleh_negatif")
    if sampai is None:
        n = len(nilai)
    elif type(sampai) is int and sampai >= 1:
        n = sampai
    else:
        return _gagal(Alasan.PARAMETER_TIDAK_VALID, "", masukan, "sampai")
    kualitatif = jn is JenisNilai.BINER or jn is JenisNilai.ORDINAL
    metode = M_AKHIR_KUALITATIF if kualitatif else _METODE[agr]

    jumlah = len(nilai)
    terisi = tuple(i + 1 for i in range(min(n, jumlah)) if nilai[i] is not None)
    if len(terisi) == n:
        kosong: tuple[int, ...] = ()
    else:
        ada = set(terisi)
        kosong = tuple(i for i in range(1, n + 1) if i not in ada)
    if not terisi:
        return _gagal(kosong_alasan, metode, masukan, "", terisi, kosong)
    akhir = terisi[-1]
    bendera_akhir = _BENDERA_AKHIR if akhir < n else TANPA_BENDERA

    if kualitatif:
        x = nilai[akhir - 1]
        label = f"{nama} periode ke-{akhir}"
        if jn is JenisNilai.BINER:
            b, alasan, rincian = _ya_tidak(x, label)
            if b is None:
                assert alasan is not None
                return _gagal(alasan, metode, masukan, rincian, terisi, kosong)
            angka: Decimal = SATU if b else NOL
            asli: object = b
        else:
            if not isinstance(skala, SkalaOrdinal):
                return _gagal(Alasan.SKALA_KOSONG, metode, masukan, "", terisi, kosong)
            skor, alasan, rincian = _skor(skala, x, label)
            if skor is None:
                assert alasan is not None
                return _gagal(alasan, metode, masukan, rincian, terisi, kosong)
            angka, asli = skor, skala.cari(x)
        return HasilAgregasi(
            nilai=angka,
            metode=metode,
            masukan=masukan,
            bendera=bendera_akhir,
            nilai_asli=asli,
            periode_terisi=terisi,
            periode_kosong=kosong,
        )

    if agr is Agregasi.KUMULATIF and kosong:
        rincian = f"{nama} periode {_daftar_periode(kosong)} belum diisi"
        return _gagal(Alasan.PERIODE_KOSONG, metode, masukan, rincian, terisi, kosong)
    angka_periode: list[Decimal] = []
    for i in terisi:
        d, alasan, rincian = _angka_masukan(nilai[i - 1], f"{nama} periode ke-{i}", boleh_negatif)
        if d is None:
            assert alasan is not None
            return _gagal(alasan, metode, masukan, rincian, terisi, kosong)
        angka_periode.append(d)

    try:
        if agr is Agregasi.NILAI_AKHIR:
            hasil = angka_periode[-1]
            bendera = bendera_akhir
        else:
            total = angka_periode[0]
            for d in angka_periode[1:]:
                total = tambah(total, d)
            if agr is Agregasi.KUMULATIF:
                hasil, bendera = total, TANPA_BENDERA
            else:
                hasil = bagi(total, Decimal(len(angka_periode)))
                bendera = _BENDERA_KURANG if kosong else TANPA_BENDERA
    except ArithmeticError:
        return _gagal(Alasan.DI_LUAR_JANGKAUAN, metode, masukan, "", terisi, kosong)
    return HasilAgregasi(
        nilai=hasil,
        metode=metode,
        masukan=masukan,
        bendera=bendera,
        nilai_asli=hasil,
        periode_terisi=terisi,
        periode_kosong=kosong,
    )


def hitung_agregasi(
    nilai: Sequence[Nilai | bool | None],
    *,
    agregasi: Agregasi | str = Agregasi.NILAI_AKHIR,
    jenis: JenisNilai | str = JenisNilai.ANGKA,
    sampai: int | None = None,
    skala: SkalaOrdinal | None = None,
    boleh_negatif: bool = False,
) -> HasilAgregasi:
    """The value "s.d. periode n" of a list of period values (index 0 is period 1, None = empty).

    `sampai` is n (default: the length of the list; periods beyond the list count as empty).
    kumulatif sums, nilai akhir takes the last filled period, rata-rata averages the filled
    periods; see the module docstring for missing periods. Never raises.

    >>> hitung_agregasi([Decimal(10), Decimal(12), None], agregasi=Agregasi.KUMULATIF).alasan
    <Alasan.PERIODE_KOSONG: 'periode_kosong'>
    """
    return _agregasi(
        nilai, agregasi, jenis, sampai, skala, boleh_negatif, Alasan.REALISASI_KOSONG, "realisasi"
    )


def _turunan(sumber: HasilAgregasi, masukan: MappingProxyType[str, object]) -> HasilCapaian:
    """A capaian that cannot be computed because its aggregated input could not be."""
    return buat_capaian(
        None,
        sumber.metode,
        masukan,
        sumber.bendera,
        sumber.alasan or Alasan.TIDAK_ADA_NILAI,
        sumber.rincian,
    )


def hitung_capaian_sd_triwulan(
    *,
    realisasi: Sequence[Nilai | bool | None],
    triwulan: int | None = None,
    target_triwulan: Sequence[Nilai | bool | None] = (),
    target_tahunan: Nilai | bool | None = None,
    agregasi: Agregasi | str = Agregasi.NILAI_AKHIR,
    polaritas: Polaritas | str = Polaritas.POSITIF,
    jenis: JenisNilai | str = JenisNilai.ANGKA,
    metode_negatif: MetodeNegatif | str = MetodeNegatif.SELISIH,
    target_min: Nilai | None = None,
    target_max: Nilai | None = None,
    skala: SkalaOrdinal | None = None,
    boleh_negatif: bool = False,
    ada_bukti: bool = True,
    riwayat: Sequence[Decimal | None] = (),
    satuan_target: str | None = None,
    satuan_realisasi: str | None = None,
    ambang_jauh: Decimal = AMBANG_JAUH,
    ambang_pencilan: Decimal = AMBANG_PENCILAN,
) -> HasilSdTriwulan:
    """Capaian "s.d. triwulan n" against the Rencana Aksi target and against the annual target.

    `realisasi` and `target_triwulan` hold each quarter's own value (index 0 = TW I). Both are
    aggregated to quarter n (`triwulan`, default the length of `realisasi`) by the indicator's
    `agregasi`; the aggregated realisation is then compared with the aggregated RA target and
    with `target_tahunan` by `hitung_capaian` (all other keywords are passed on to it; the
    flags of an incomplete aggregation are carried onto both capaian). A range indicator
    compares with its range (`target_min`/`target_max`) in both cases, and its
    `target_triwulan` part is None. Never raises.
    """
    n = len(realisasi) if triwulan is None and isinstance(realisasi, list | tuple) else triwulan
    real = _agregasi(
        realisasi, agregasi, jenis, n, skala, boleh_negatif, Alasan.REALISASI_KOSONG, "realisasi"
    )
    rentang = _enum_atau_none(Polaritas, polaritas) is Polaritas.RENTANG
    tgt = (
        None
        if rentang
        else _agregasi(
            target_triwulan,
            agregasi,
            jenis,
            n,
            skala,
            boleh_negatif,
            Alasan.TARGET_KOSONG,
            "target",
        )
    )

    def banding(target: object, masukan_target: HasilAgregasi | None) -> HasilCapaian:
        if not real.dapat_dihitung:
            return _turunan(real, MappingProxyType({"realisasi": real, "target": target}))
        if masukan_target is not None and not masukan_target.dapat_dihitung:
            return _turunan(masukan_target, MappingProxyType({"realisasi": real, "target": target}))
        return hitung_capaian(
            target=target,  # type: ignore[arg-type]
            realisasi=real.nilai_asli,  # type: ignore[arg-type]
            polaritas=polaritas,
            jenis=jenis,
            metode_negatif=metode_negatif,
            target_min=target_min,
            target_max=target_max,
            skala=skala,
            boleh_negatif=boleh_negatif,
            ada_bukti=ada_bukti,
            riwayat=riwayat,
            satuan_target=satuan_target,
            satuan_realisasi=satuan_realisasi,
            ambang_jauh=ambang_jauh,
            ambang_pencilan=ambang_pencilan,
            bendera_tambahan=real.bendera
            | (masukan_target.bendera if masukan_target else TANPA_BENDERA),
        )

    terhadap_triwulan = banding(None, None) if tgt is None else banding(tgt.nilai_asli, tgt)
    terhadap_tahunan = banding(target_tahunan, None)
    return HasilSdTriwulan(
        triwulan=n if type(n) is int else 0,
        realisasi=real,
        target_triwulan=tgt,
        terhadap_target_triwulan=terhadap_triwulan,
        terhadap_target_tahunan=terhadap_tahunan,
    )


def hitung_capaian_renstra(
    *,
    realisasi_tahunan: Sequence[Nilai | bool | None],
    target_akhir: Nilai | bool | None,
    agregasi: Agregasi | str = Agregasi.NILAI_AKHIR,
    polaritas: Polaritas | str = Polaritas.POSITIF,
    jenis: JenisNilai | str = JenisNilai.ANGKA,
    metode_negatif: MetodeNegatif | str = MetodeNegatif.SELISIH,
    target_min: Nilai | None = None,
    target_max: Nilai | None = None,
    skala: SkalaOrdinal | None = None,
    boleh_negatif: bool = False,
) -> HasilCapaian:
    """Capaian against the Renstra end target (Permendagri 86/2017 columns 14 and 15).

    `realisasi_tahunan` holds each Renstra year's realisation so far (index 0 = the first
    year). For a kumulatif indicator the years are summed (column 14 = realisation up to last
    year + this year's); otherwise the latest year counts (nilai akhir) or their mean. Column
    15 = column 14 against `target_akhir`.
    """
    real = _agregasi(
        realisasi_tahunan,
        agregasi,
        jenis,
        None,
        skala,
        boleh_negatif,
        Alasan.REALISASI_KOSONG,
        "realisasi tahun",
    )
    if not real.dapat_dihitung:
        return _turunan(real, MappingProxyType({"realisasi": real, "target": target_akhir}))
    return hitung_capaian(
        target=target_akhir,
        realisasi=real.nilai_asli,  # type: ignore[arg-type]
        polaritas=polaritas,
        jenis=jenis,
        metode_negatif=metode_negatif,
        target_min=target_min,
        target_max=target_max,
        skala=skala,
        boleh_negatif=boleh_negatif,
        bendera_tambahan=real.bendera,
    )
