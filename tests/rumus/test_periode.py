"""Aggregating quarters "s.d. triwulan n", capaian against the RA and annual targets, Renstra."""

from decimal import Decimal as D

import pytest

from kinerja.rumus import (
    SKALA_OPINI_BPK,
    Agregasi,
    Alasan,
    Bendera,
    JenisNilai,
    Polaritas,
    hitung_agregasi,
    hitung_capaian_renstra,
    hitung_capaian_sd_triwulan,
)

K, A, RT = Agregasi.KUMULATIF, Agregasi.NILAI_AKHIR, Agregasi.RATA_RATA


def d(*xs):
    return [None if x is None else D(x) for x in xs]


@pytest.mark.parametrize(
    ("nilai", "agregasi", "sampai", "hasil", "bendera"),
    [
        (d("10", "12", "8", "12"), K, None, "42", set()),
        (d("10", "12", "8", "12"), K, 2, "22", set()),
        (d("60", "65", "70"), A, None, "70", set()),
        (d("60", "65", None), A, None, "65", {Bendera.NILAI_PERIODE_SEBELUMNYA}),
        (d("60", "65"), A, 3, "65", {Bendera.NILAI_PERIODE_SEBELUMNYA}),
        (d("80", "90", "85"), RT, None, "85", set()),
        (d("80", None, "90"), RT, None, "85", {Bendera.DATA_TIDAK_LENGKAP}),
        (d("1", "2"), RT, None, "1.5", set()),
    ],
)
def test_aggregation_rules(nilai, agregasi, sampai, hasil, bendera):
    h = hitung_agregasi(nilai, agregasi=agregasi, sampai=sampai)
    assert h.nilai == D(hasil)
    assert h.nilai_asli == D(hasil)
    assert h.bendera == bendera


def test_a_missing_quarter_makes_a_cumulative_sum_not_computable():
    h = hitung_agregasi(d("10", None, "8"), agregasi=K)
    assert h.nilai is None
    assert h.alasan is Alasan.PERIODE_KOSONG
    assert h.periode_kosong == (2,)
    assert h.periode_terisi == (1, 3)
    assert h.pesan.endswith("(realisasi periode ke-2 belum diisi)")


def test_a_quarter_with_no_activity_is_entered_as_zero_and_counts():
    assert hitung_agregasi(d("10", "0", "8"), agregasi=K).nilai == D(18)


def test_nothing_reported_yet():
    for agr in Agregasi:
        h = hitung_agregasi([None, None], agregasi=agr)
        assert h.alasan is Alasan.REALISASI_KOSONG
    assert hitung_agregasi([], agregasi=K).alasan is Alasan.REALISASI_KOSONG


def test_yes_no_and_ordinal_always_take_the_last_value():
    h = hitung_agregasi([True, False, None], agregasi=K, jenis=JenisNilai.BINER)
    assert h.nilai == 0 and h.nilai_asli is False
    assert h.bendera == {Bendera.NILAI_PERIODE_SEBELUMNYA}
    o = hitung_agregasi(
        ["WDP", "WTP"], agregasi=RT, jenis=JenisNilai.ORDINAL, skala=SKALA_OPINI_BPK
    )
    assert o.nilai == D(4) and o.nilai_asli.kode == "WTP"
    assert hitung_agregasi(["WTP"], jenis=JenisNilai.ORDINAL).alasan is Alasan.SKALA_KOSONG


@pytest.mark.parametrize(
    ("kw", "alasan"),
    [
        ({"nilai": d("1", "-2"), "agregasi": K}, Alasan.NILAI_NEGATIF),
        ({"nilai": [D(1), 2.5], "agregasi": RT}, Alasan.TIPE_TIDAK_SESUAI),
        ({"nilai": "1234", "agregasi": K}, Alasan.PARAMETER_TIDAK_VALID),
        ({"nilai": d("1"), "agregasi": "jumlah"}, Alasan.PARAMETER_TIDAK_VALID),
        ({"nilai": d("1"), "sampai": 0}, Alasan.PARAMETER_TIDAK_VALID),
        ({"nilai": d("1"), "sampai": True}, Alasan.PARAMETER_TIDAK_VALID),
        (
            {"nilai": ["XX"], "jenis": "ordinal", "skala": SKALA_OPINI_BPK},
            Alasan.LEVEL_TIDAK_DIKENAL,
        ),
    ],
)
def test_aggregation_not_computable(kw, alasan):
    nilai = kw.pop("nilai")
    assert hitung_agregasi(nilai, **kw).alasan is alasan


def test_negative_period_values_when_the_unit_allows_them():
    assert hitung_agregasi(d("1", "-2"), agregasi=K, boleh_negatif=True).nilai == D(-1)


def test_sd_triwulan_cumulative_against_ra_and_annual_target():
    # Road built per quarter (km): RA targets per quarter, annual target 42.
    h = hitung_capaian_sd_triwulan(
        realisasi=d("10", "12"),
        target_triwulan=d("10", "10", "10", "12"),
        target_tahunan=D(42),
        agregasi=K,
    )
    assert h.triwulan == 2
    assert h.realisasi.nilai == D(22)
    assert h.target_triwulan.nilai == D(20)
    assert h.terhadap_target_triwulan.nilai == D(110)
    assert h.terhadap_target_tahunan.bulat() == D("52.38")


def test_sd_triwulan_final_value_against_ra_and_annual_target():
    h = hitung_capaian_sd_triwulan(
        realisasi=d("79.86"),
        target_triwulan=d("80", "85", "90", "100"),
        target_tahunan=D(100),
        agregasi=A,
    )
    assert h.terhadap_target_triwulan.bulat() == D("99.83")
    assert h.terhadap_target_tahunan.nilai == D("79.86")


def test_sd_triwulan_with_a_missing_ra_target():
    h = hitung_capaian_sd_triwulan(
        realisasi=d("10", "12"), target_triwulan=d("10"), target_tahunan=D(42), agregasi=K
    )
    assert h.terhadap_target_triwulan.alasan is Alasan.PERIODE_KOSONG
    assert "target periode ke-2" in h.terhadap_target_triwulan.pesan
    assert h.terhadap_target_tahunan.bulat() == D("52.38")


def test_sd_triwulan_missing_quarter_propagates_the_reason_and_flags():
    kosong = hitung_capaian_sd_triwulan(
        realisasi=d("10", None, "5"), target_triwulan=d("10", "10", "10"), agregasi=K
    )
    assert kosong.terhadap_target_triwulan.alasan is Alasan.PERIODE_KOSONG
    assert kosong.terhadap_target_tahunan.alasan is Alasan.PERIODE_KOSONG
    lama = hitung_capaian_sd_triwulan(
        realisasi=d("60", None), triwulan=2, target_triwulan=d("60", "70"), target_tahunan=D(80)
    )
    assert lama.terhadap_target_triwulan.bendera == {Bendera.NILAI_PERIODE_SEBELUMNYA}
    # TW I's 60 stands for TW II, against TW II's RA target of 70.
    assert lama.terhadap_target_triwulan.bulat() == D("85.71")


def test_sd_triwulan_range_uses_the_range_for_both():
    h = hitung_capaian_sd_triwulan(
        realisasi=d("72", "95"),
        target_min=D(80),
        target_max=D(90),
        polaritas=Polaritas.RENTANG,
        agregasi=A,
    )
    assert h.target_triwulan is None
    assert h.terhadap_target_triwulan.nilai == h.terhadap_target_tahunan.nilai
    assert h.terhadap_target_tahunan.bulat() == D("94.44")


def test_sd_triwulan_ordinal():
    h = hitung_capaian_sd_triwulan(
        realisasi=["WDP"],
        target_triwulan=["WTP"],
        target_tahunan="WTP",
        jenis=JenisNilai.ORDINAL,
        skala=SKALA_OPINI_BPK,
    )
    assert h.terhadap_target_triwulan.nilai == D(75)
    assert h.terhadap_target_tahunan.nilai == D(75)


def test_renstra_capaian_columns_14_and_15():
    # Column 14 = 7 (up to last year) + 13 (this year); column 15 = 14 / 6 × 100.
    h = hitung_capaian_renstra(
        realisasi_tahunan=d("41.5", "42", "44"), target_akhir=D("220"), agregasi=K
    )
    assert h.nilai == D("57.95454545454545454545454545")
    akhir = hitung_capaian_renstra(
        realisasi_tahunan=d("70", "75"), target_akhir=D("80"), agregasi=A
    )
    assert akhir.nilai == D("93.75")
    kosong = hitung_capaian_renstra(
        realisasi_tahunan=d("1", None, "3"), target_akhir=D(9), agregasi=K
    )
    assert kosong.alasan is Alasan.PERIODE_KOSONG


def test_the_aggregation_types_match_the_stored_choices():
    from kinerja.perencanaan import models as m

    assert {a.value for a in Agregasi} == set(m.Agregasi.values)
    nilai = d("10", "12")
    assert hitung_agregasi(nilai, agregasi=m.Agregasi.KUMULATIF).nilai == D(22)
    assert hitung_agregasi(nilai, agregasi="kumulatif").nilai == D(22)
