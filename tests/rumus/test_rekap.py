"""Roll-up, serapan anggaran, efficiency, predikat and projection."""

from decimal import Decimal as D

import pytest

from kinerja.rumus import (
    PREDIKAT_AKIP,
    PREDIKAT_PERMENDAGRI_86,
    SKALA_OPINI_BPK,
    Agregasi,
    Alasan,
    Bendera,
    JenisNilai,
    KategoriEfisiensi,
    MetodeEfisiensi,
    MetodeProyeksi,
    Polaritas,
    Predikat,
    SkalaPredikat,
    efisiensi,
    hitung_capaian,
    predikat,
    proyeksi,
    rollup,
    serapan,
)


def c(target, realisasi, **kw):
    return hitung_capaian(target=D(target), realisasi=D(realisasi), **kw)


def test_rollup_is_a_simple_mean_by_default():
    h = rollup([c("100", "80"), c("100", "90"), c("100", "100")])
    assert h.nilai == D(90)
    assert h.jumlah_dihitung == 3
    assert h.bendera == frozenset()


def test_rollup_leaves_out_and_counts_what_cannot_be_computed():
    h = rollup([c("100", "80"), c("0", "5"), None, c("100", "100")])
    assert h.nilai == D(90)
    assert (h.jumlah_dihitung, h.jumlah_tidak_dihitung) == (2, 2)
    assert h.bendera == {Bendera.ADA_TIDAK_DAPAT_DIHITUNG}


def test_rollup_cap_applies_only_in_the_rollup():
    tinggi = c("32", "4.88", polaritas=Polaritas.NEGATIF)
    h = rollup([c("100", "80"), tinggi], batas=D(120))
    assert h.nilai == D(100)
    assert h.jumlah_dibatasi == 1
    assert Bendera.DIBATASI in h.bendera
    assert tinggi.nilai == D("184.75"), "the indicator keeps its raw value"
    assert rollup([c("100", "80"), tinggi]).nilai == D("132.375")


def test_rollup_weights():
    h = rollup([D(80), D(100), None], bobot=[D(3), D(1), D(5)])
    assert h.nilai == D(85)
    assert h.metode.startswith("rata-rata tertimbang")


def test_rollup_of_rollups():
    program = rollup([D(80), D(100)])
    assert rollup([program, D(60)]).nilai == D(75)


@pytest.mark.parametrize(
    ("kw", "alasan"),
    [
        ({"hasil": []}, Alasan.TIDAK_ADA_NILAI),
        ({"hasil": [None, c("0", "1")]}, Alasan.TIDAK_ADA_NILAI),
        ({"hasil": [D(1)], "bobot": [D(1), D(2)]}, Alasan.PARAMETER_TIDAK_VALID),
        ({"hasil": [D(1)], "bobot": [D(-1)]}, Alasan.PARAMETER_TIDAK_VALID),
        ({"hasil": [D(1)], "bobot": [D(0)]}, Alasan.TIDAK_ADA_NILAI),
        ({"hasil": [D(1)], "batas": D(0)}, Alasan.PARAMETER_TIDAK_VALID),
        ({"hasil": [D(1)], "batas": 120.0}, Alasan.PARAMETER_TIDAK_VALID),
        ({"hasil": 5}, Alasan.PARAMETER_TIDAK_VALID),
    ],
)
def test_rollup_not_computable(kw, alasan):
    hasil = kw.pop("hasil")
    assert rollup(hasil, **kw).alasan is alasan


def test_serapan_is_the_ratio_of_sums_not_the_mean_of_percentages():
    h = serapan(realisasi=[D(90), D(1)], pagu=[D(100), D(10)])
    assert h.bulat() == D("82.73")
    assert h.rata_rata_persentase == D(50)
    assert (h.total_realisasi, h.total_pagu) == (D(91), D(110))


def test_serapan_of_one_line_and_incomplete_lines():
    assert serapan(realisasi=D("750000000"), pagu=D("1000000000")).nilai == D(75)
    h = serapan(realisasi=[D(50), None], pagu=[D(100), D(100)])
    assert h.nilai == D(50)
    assert h.jumlah_baris_tidak_lengkap == 1
    assert h.bendera == {Bendera.DATA_TIDAK_LENGKAP}


@pytest.mark.parametrize(
    ("kw", "alasan"),
    [
        ({"realisasi": D(5), "pagu": D(0)}, Alasan.PAGU_NOL),
        ({"realisasi": D(5), "pagu": None}, Alasan.PAGU_KOSONG),
        ({"realisasi": None, "pagu": D(5)}, Alasan.REALISASI_KOSONG),
        ({"realisasi": D(-5), "pagu": D(5)}, Alasan.NILAI_NEGATIF),
        ({"realisasi": [D(1)], "pagu": [D(1), D(2)]}, Alasan.PARAMETER_TIDAK_VALID),
        ({"realisasi": [None], "pagu": [D(1)]}, Alasan.TIDAK_ADA_NILAI),
        ({"realisasi": [1.5], "pagu": [D(1)]}, Alasan.TIPE_TIDAK_SESUAI),
    ],
)
def test_serapan_not_computable(kw, alasan):
    assert serapan(**kw).alasan is alasan


@pytest.mark.parametrize(
    ("capaian", "serapan_", "nilai", "kategori"),
    [
        ("95", "80", "15", KategoriEfisiensi.EFISIEN),
        ("85", "80", "5", KategoriEfisiensi.CUKUP_EFISIEN),
        ("75", "80", "-5", KategoriEfisiensi.CUKUP_EFISIEN),
        ("74.99", "80", "-5.01", KategoriEfisiensi.TIDAK_EFISIEN),
    ],
)
def test_efficiency_difference_banjarnegara(capaian, serapan_, nilai, kategori):
    h = efisiensi(capaian=D(capaian), serapan=D(serapan_))
    assert h.nilai == D(nilai)
    assert h.kategori is kategori


def test_efficiency_ratio_bpkp():
    h = efisiensi(capaian=D(95), serapan=D(80), metode=MetodeEfisiensi.RASIO)
    assert h.nilai == D("1.1875")
    assert h.kategori is KategoriEfisiensi.EFISIEN
    assert h.kategori.label == "Efisien"
    sama = efisiensi(capaian=D(80), serapan=D(80), metode="rasio")
    assert sama.kategori is KategoriEfisiensi.CUKUP_EFISIEN
    assert efisiensi(capaian=D(80), serapan=D(0), metode="rasio").alasan is Alasan.PEMBAGI_NOL


def test_efficiency_takes_results_and_passes_their_reason_on():
    h = efisiensi(capaian=rollup([D(95)]), serapan=serapan(realisasi=[D(80)], pagu=[D(100)]))
    assert h.nilai == D(15)
    gagal = efisiensi(capaian=c("0", "5"), serapan=D(80))
    assert gagal.alasan is Alasan.TARGET_NOL
    assert efisiensi(capaian=D(1), serapan=D(1), metode="x").alasan is Alasan.PARAMETER_TIDAK_VALID
    assert efisiensi(capaian=D(1), serapan=D(-1)).alasan is Alasan.NILAI_NEGATIF


@pytest.mark.parametrize(
    ("nilai", "kode", "label"),
    [
        ("184.75", "ST", "Sangat Tinggi"),
        ("91", "ST", "Sangat Tinggi"),
        ("90.995", "ST", "Sangat Tinggi"),
        ("90.99", "T", "Tinggi"),
        ("76", "T", "Tinggi"),
        ("75.99", "S", "Sedang"),
        ("66", "S", "Sedang"),
        ("51", "R", "Rendah"),
        ("50.99", "SR", "Sangat Rendah"),
        ("-20", "SR", "Sangat Rendah"),
    ],
)
def test_predikat_permendagri_86(nilai, kode, label):
    p = predikat(D(nilai))
    assert p == predikat(D(nilai), PREDIKAT_PERMENDAGRI_86)
    assert (p.kode, p.label) == (kode, label)


@pytest.mark.parametrize(
    ("nilai", "kode"),
    [
        ("90.01", "AA"),
        ("90", "A"),
        ("80.5", "A"),
        ("70.01", "BB"),
        ("70", "B"),
        ("60.5", "B"),
        ("55", "CC"),
        ("50", "C"),
        ("30.01", "C"),
        ("30", "D"),
        ("0", "D"),
    ],
)
def test_predikat_akip(nilai, kode):
    assert predikat(D(nilai), PREDIKAT_AKIP).kode == kode


def test_predikat_of_a_result_and_of_nothing():
    assert predikat(c("100", "95")).label == "Sangat Tinggi"
    assert predikat(c("0", "95")) is None
    assert predikat(None) is None
    assert predikat(D("NaN")) is None
    assert predikat(D("90.995"), bulatkan_dulu=False).kode == "T"


def test_a_configured_predikat_scale():
    dua = SkalaPredikat(
        "lulus", "Lulus/tidak", (Predikat("L", "Lulus", D(70)), Predikat("TL", "Tidak lulus", None))
    )
    assert predikat(D(70), dua).kode == "L"
    assert predikat(D("69.99"), dua).kode == "TL"
    with pytest.raises(ValueError, match="menurun"):
        SkalaPredikat(
            "x", "x", (Predikat("a", "a", D(1)), Predikat("b", "b", D(2)), Predikat("c", "c", None))
        )
    with pytest.raises(ValueError, match="terakhir"):
        SkalaPredikat("x", "x", (Predikat("a", "a", D(1)),))


def test_projection_cumulative_run_rate():
    h = proyeksi(
        realisasi=[D(10), D(12), None, None], agregasi=Agregasi.KUMULATIF, target_tahunan=D(42)
    )
    assert h.nilai == D(44)
    assert h.metode.startswith("laju rata-rata")
    assert "2 dari 4 periode" in h.metode
    assert h.capaian.bulat() == D("104.76")


def test_projection_final_value_linear_trend_and_last_value():
    h = proyeksi(realisasi=[D(60), D(65)], agregasi=Agregasi.NILAI_AKHIR, target_tahunan=D(80))
    assert h.nilai == D(75)
    assert h.metode.startswith("tren linear")
    assert h.capaian.nilai == D("93.75")
    satu = proyeksi(realisasi=[D(60)], agregasi=Agregasi.NILAI_AKHIR)
    assert satu.nilai == D(60) and satu.metode.startswith("nilai terakhir")
    dipilih = proyeksi(realisasi=[D(60), D(65)], metode=MetodeProyeksi.NILAI_TERAKHIR)
    assert dipilih.nilai == D(65)
    assert dipilih.capaian is None


def test_projection_mean_and_complete_year():
    assert proyeksi(realisasi=[D(80), D(90)], agregasi=Agregasi.RATA_RATA).nilai == D(85)
    h = proyeksi(realisasi=[D(1), D(2), D(3), D(4)], agregasi=Agregasi.KUMULATIF)
    assert h.nilai == D(10)
    assert h.metode == "nilai aktual: semua periode sudah terisi"


def test_projection_never_goes_below_zero_for_a_non_negative_indicator():
    h = proyeksi(realisasi=[D(30), D(10)], agregasi=Agregasi.NILAI_AKHIR)
    assert h.nilai == D(0)
    assert "dinaikkan ke 0" in h.metode
    bebas = proyeksi(realisasi=[D(30), D(10)], agregasi=Agregasi.NILAI_AKHIR, boleh_negatif=True)
    assert bebas.nilai == D(-30)


def test_projection_of_ordinal_and_yes_no_carries_the_last_value():
    h = proyeksi(
        realisasi=["WDP"], jenis=JenisNilai.ORDINAL, skala=SKALA_OPINI_BPK, target_tahunan="WTP"
    )
    assert h.nilai == D(3)
    assert h.capaian.nilai == D(75)
    b = proyeksi(realisasi=[True, None], jenis=JenisNilai.BINER, target_tahunan=True)
    assert b.capaian.nilai == D(100)
    tolak = proyeksi(realisasi=[True], jenis="biner", metode="laju")
    assert tolak.alasan is Alasan.METODE_TIDAK_BERLAKU


@pytest.mark.parametrize(
    ("kw", "alasan"),
    [
        ({"realisasi": [None, None]}, Alasan.REALISASI_KOSONG),
        ({"realisasi": [D(1), None, D(2)], "agregasi": "kumulatif"}, Alasan.PERIODE_KOSONG),
        ({"realisasi": [D(1)] * 5}, Alasan.PARAMETER_TIDAK_VALID),
        ({"realisasi": [D(1)], "jumlah_periode": 0}, Alasan.PARAMETER_TIDAK_VALID),
        ({"realisasi": [D(1)], "metode": "ramalan"}, Alasan.PARAMETER_TIDAK_VALID),
        ({"realisasi": D(1)}, Alasan.PARAMETER_TIDAK_VALID),
    ],
)
def test_projection_not_computable(kw, alasan):
    assert proyeksi(**kw).alasan is alasan
