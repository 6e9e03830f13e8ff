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

from kinerja.rumus.angka import NOL, SATU, bagi, tambah
from kinerja.rumus.bendera import AMBANG_JAUH, AMBANG_PENCILAN, ProfilRiwayat, pencilan
from kinerja.rumus.capaian import (
    Nilai,
    _angka_masukan,
    _enum_atau_none,
    _skor,
    _ya_tidak,
    capaian,
)
from kinerja.rumus.hasil import (
    TANPA_BENDERA,
    HasilAgregasi,
    HasilCapaian,
    HasilSdTriwulan,
    Masukan,
    buat_agregasi,
    buat_capaian,
    buat_sd_triwulan,
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


class MasukanAgregasi(Masukan):
    """The inputs of an aggregation."""

    __slots__ = ()
    NAMA = ("nilai", "agregasi", "jenis", "sampai", "skala", "boleh_negatif")


class MasukanTurunan(Masukan):
    """The inputs of a capaian whose aggregated input could not be computed."""

    __slots__ = ()
    NAMA = ("realisasi", "target")


_masukan = tuple.__new__
# Period numbers 1..n and their counts, made once.
_URUT = tuple(tuple(range(1, n + 1)) for n in range(16))


class _Jumlah(dict[int, Decimal]):
    def __missing__(self, n: int) -> Decimal:
        return Decimal(n)


_JUMLAH = _Jumlah({n: Decimal(n) for n in range(1, 16)})
_TEKS_AGREGASI: dict[str, Agregasi] = {m.value: m for m in Agregasi}
_TEKS_JENIS: dict[str, JenisNilai] = {m.value: m for m in JenisNilai}
_KUMULATIF = Agregasi.KUMULATIF
_NILAI_AKHIR = Agregasi.NILAI_AKHIR
_ANGKA = JenisNilai.ANGKA
_PERSEN = JenisNilai.PERSEN


def nilai_agregat(angka: Sequence[Decimal], agregasi: Agregasi) -> Decimal:
    """The aggregate of the filled periods' numbers (at least one), in period order.

    nilai akhir: the last; kumulatif: the sum (exact); rata-rata: the sum / their count. The one
    place these formulas are written: `hitung_agregasi` and the batch API both call it.
    """
    if agregasi is _NILAI_AKHIR:
        return angka[-1]
    total = angka[0]
    for y in angka[1:]:
        total = tambah(total, y)
    if agregasi is _KUMULATIF:
        return total
    return bagi(total, _JUMLAH[len(angka)])


def _gagal(
    alasan: Alasan,
    metode: str,
    masukan: MasukanAgregasi,
    rincian: str = "",
    terisi: tuple[int, ...] = (),
    kosong: tuple[int, ...] = (),
) -> HasilAgregasi:
    return buat_agregasi(
        None, metode, masukan, TANPA_BENDERA, alasan, rincian, None, terisi, kosong
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
    """`hitung_agregasi` with positional arguments; `kosong_alasan` when nothing is filled."""
    simpan: object = nilai
    daftar = True
    if type(nilai) is not tuple:
        if isinstance(nilai, list | tuple):
            simpan = tuple(nilai)  # a list could change after the result is made
        else:
            daftar = False
    masukan = _masukan(MasukanAgregasi, (simpan, agregasi, jenis, sampai, skala, boleh_negatif))
    if type(agregasi) is str:
        agregasi = _TEKS_AGREGASI.get(agregasi, agregasi)
    if type(jenis) is str:
        jenis = _TEKS_JENIS.get(jenis, jenis)
    n_cepat = (
        -1
        if not daftar
        else len(simpan)  # type: ignore[arg-type]
        if sampai is None
        else sampai
        if type(sampai) is int
        else -1
    )
    if (
        0 < n_cepat <= len(simpan)  # type: ignore[arg-type]
        and type(agregasi) is Agregasi
        and (jenis is _ANGKA or jenis is _PERSEN)
        and boleh_negatif is False
    ):
        # The common case: every period up to n holds a non-negative finite Decimal.
        bagian: tuple[object, ...] = simpan[:n_cepat]  # type: ignore[index]
        for x in bagian:
            if type(x) is not Decimal or not x.is_finite() or x < NOL:
                break
        else:
            angka_cepat: tuple[Decimal, ...] = bagian  # type: ignore[assignment]
            try:
                hasil_cepat = nilai_agregat(angka_cepat, agregasi)
            except ArithmeticError:
                pass
            else:
                return buat_agregasi(
                    hasil_cepat,
                    _METODE[agregasi],
                    masukan,
                    TANPA_BENDERA,
                    None,
                    "",
                    hasil_cepat,
                    _URUT[n_cepat] if n_cepat < 16 else tuple(range(1, n_cepat + 1)),
                    (),
                )
    agr = agregasi if type(agregasi) is Agregasi else _agregasi_enum(agregasi)
    jn = jenis if type(jenis) is JenisNilai else _enum_atau_none(JenisNilai, jenis)
    if agr is None or jn is None or not daftar:
        salah = "agregasi" if agr is None else "jenis" if jn is None else "nilai"
        return _gagal(Alasan.PARAMETER_TIDAK_VALID, "", masukan, salah)
    assert isinstance(nilai, list | tuple)
    if boleh_negatif is not False and boleh_negatif is not True:
        return _gagal(Alasan.PARAMETER_TIDAK_VALID, "", masukan, "boleh_negatif")
    jumlah = len(nilai)
    if sampai is None:
        n = jumlah
    elif type(sampai) is int and sampai >= 1:
        n = sampai
    else:
        return _gagal(Alasan.PARAMETER_TIDAK_VALID, "", masukan, "sampai")
    kualitatif = not (jn is _ANGKA or jn is _PERSEN)
    metode = M_AKHIR_KUALITATIF if kualitatif else _METODE[agr]

    # The filled periods, and the numbers among them (checked inline: the common case).
    terisi_daftar: list[int] = []
    angka_periode: list[Decimal] = []
    semua_angka = True
    for i in range(min(n, jumlah)):
        x = nilai[i]
        if x is not None:
            terisi_daftar.append(i + 1)
            if semua_angka and type(x) is Decimal and x.is_finite() and (boleh_negatif or x >= NOL):
                angka_periode.append(x)
            else:
                semua_angka = False
    terisi = tuple(terisi_daftar)
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
        return buat_agregasi(angka, metode, masukan, bendera_akhir, None, "", asli, terisi, kosong)

    if agr is _KUMULATIF and kosong:
        rincian = f"{nama} periode {_daftar_periode(kosong)} belum diisi"
        return _gagal(Alasan.PERIODE_KOSONG, metode, masukan, rincian, terisi, kosong)
    if not semua_angka:
        # Find the first bad value again, to say which period and why.
        for i in terisi:
            d, alasan, rincian = _angka_masukan(
                nilai[i - 1], f"{nama} periode ke-{i}", boleh_negatif
            )
            if d is None:
                assert alasan is not None
                return _gagal(alasan, metode, masukan, rincian, terisi, kosong)
        return _gagal(Alasan.NILAI_TIDAK_VALID, metode, masukan, "", terisi, kosong)

    try:
        hasil = nilai_agregat(angka_periode, agr)
    except ArithmeticError:
        return _gagal(Alasan.DI_LUAR_JANGKAUAN, metode, masukan, "", terisi, kosong)
    if agr is _NILAI_AKHIR:
        bendera = bendera_akhir
    elif agr is _KUMULATIF or not kosong:
        bendera = TANPA_BENDERA
    else:
        bendera = _BENDERA_KURANG
    return buat_agregasi(hasil, metode, masukan, bendera, None, "", hasil, terisi, kosong)


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


def _turunan(sumber: HasilAgregasi, realisasi: object, target: object) -> HasilCapaian:
    """A capaian that cannot be computed because its aggregated input could not be."""
    return buat_capaian(
        None,
        sumber.metode,
        _masukan(MasukanTurunan, (realisasi, target)),
        sumber.bendera,
        sumber.alasan or Alasan.TIDAK_ADA_NILAI,
        sumber.rincian,
    )


_BENDERA_PENCILAN = frozenset({Bendera.PENCILAN})


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
    riwayat: Sequence[Decimal | None] | ProfilRiwayat = (),
    satuan_target: str | None = None,
    satuan_realisasi: str | None = None,
    ambang_jauh: Decimal = AMBANG_JAUH,
    ambang_pencilan: Decimal = AMBANG_PENCILAN,
) -> HasilSdTriwulan:
    """Capaian "s.d. triwulan n" against the Rencana Aksi target and against the annual target.

    `realisasi` and `target_triwulan` hold each quarter's own value (index 0 = TW I). Both are
    aggregated to quarter n (`triwulan`, default the length of `realisasi`) by the indicator's
    `agregasi`; the aggregated realisation is then compared with the aggregated RA target and
    with `target_tahunan` as `hitung_capaian` does (all other keywords mean what they mean
    there; `riwayat` holds earlier values comparable with the aggregated realisation, e.g.
    the same quarter of earlier years). The flags of an incomplete aggregation are carried
    onto both capaian. A range indicator compares with its range (`target_min`/`target_max`)
    in both cases, and its `target_triwulan` part is None. Never raises.
    """
    n: object = triwulan
    if triwulan is None and isinstance(realisasi, list | tuple):
        n = len(realisasi)
    real = _agregasi(
        realisasi, agregasi, jenis, n, skala, boleh_negatif, Alasan.REALISASI_KOSONG, "realisasi"
    )
    rentang = polaritas is Polaritas.RENTANG or (
        type(polaritas) is not Polaritas
        and _enum_atau_none(Polaritas, polaritas) is Polaritas.RENTANG
    )
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
    r = real.nilai_asli
    bendera = real.bendera
    if (
        riwayat
        and type(r) is Decimal
        and type(ambang_pencilan) is Decimal
        and pencilan(r, riwayat, ambang_pencilan)
    ):
        # One z-score for both comparisons: they share the realisation and its history.
        bendera = bendera | _BENDERA_PENCILAN
    ekor = (
        ada_bukti,
        (),
        satuan_target,
        satuan_realisasi,
        ambang_jauh,
        ambang_pencilan,
    )

    if not real.dapat_dihitung:
        terhadap_triwulan = _turunan(real, real, None if tgt is None else tgt.nilai_asli)
        terhadap_tahunan = _turunan(real, real, target_tahunan)
    else:
        if tgt is None:
            terhadap_triwulan = capaian(
                None,
                r,
                polaritas,
                jenis,
                metode_negatif,
                target_min,
                target_max,
                skala,
                boleh_negatif,
                *ekor,
                bendera,
            )
        elif not tgt.dapat_dihitung:
            terhadap_triwulan = _turunan(tgt, real, tgt)
        else:
            terhadap_triwulan = capaian(
                tgt.nilai_asli,
                r,
                polaritas,
                jenis,
                metode_negatif,
                target_min,
                target_max,
                skala,
                boleh_negatif,
                *ekor,
                bendera | tgt.bendera,
            )
        terhadap_tahunan = capaian(
            target_tahunan,
            r,
            polaritas,
            jenis,
            metode_negatif,
            target_min,
            target_max,
            skala,
            boleh_negatif,
            *ekor,
            bendera,
        )
    return buat_sd_triwulan(
        n if type(n) is int else 0, real, tgt, terhadap_triwulan, terhadap_tahunan
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
    15 = column 14 against `target_akhir`. Never raises.
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
        return _turunan(real, real, target_akhir)
    return capaian(
        target_akhir,
        real.nilai_asli,
        polaritas,
        jenis,
        metode_negatif,
        target_min,
        target_max,
        skala,
        boleh_negatif,
        True,
        (),
        None,
        None,
        AMBANG_JAUH,
        AMBANG_PENCILAN,
        real.bendera,
    )
