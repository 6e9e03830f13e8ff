"""Capaian of one indicator: every polarity and value type, and every way it cannot be computed."""

from decimal import Decimal as D

import pytest

from kinerja.rumus import (
    SKALA_OPINI_BPK,
    SKALA_PREDIKAT_AKIP,
    Alasan,
    Bendera,
    JenisNilai,
    LevelOrdinal,
    MetodeNegatif,
    Polaritas,
    SkalaOrdinal,
    hitung_capaian,
)

P, N, RG = Polaritas.POSITIF, Polaritas.NEGATIF, Polaritas.RENTANG


def test_the_public_entry_point_gives_184_75_for_the_methodology_example():
    h = hitung_capaian(target=D("32"), realisasi=D("4.88"), polaritas=Polaritas.NEGATIF)
    assert h.nilai == D("184.75")
    assert str(h.nilai) == "184.75"
    assert h.alasan is None
    assert h.pesan is None
    assert h.dapat_dihitung
    assert h.metode == "negatif: (2T − R) / T × 100"


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "metode", "nilai"),
    [
        ("100", "85", P, MetodeNegatif.SELISIH, "85"),
        ("80", "96", P, MetodeNegatif.SELISIH, "120"),
        ("3", "1", P, MetodeNegatif.SELISIH, "33.33333333333333333333333333"),
        ("32", "4.88", N, MetodeNegatif.SELISIH, "184.75"),
        ("10", "12", N, MetodeNegatif.SELISIH, "80"),
        ("10", "25", N, MetodeNegatif.SELISIH, "-50"),
        ("10", "8", N, MetodeNegatif.RASIO, "125"),
        ("32", "4.88", N, MetodeNegatif.RASIO, "655.7377049180327868852459016"),
    ],
)
def test_numeric_formulas(target, realisasi, polaritas, metode, nilai):
    h = hitung_capaian(
        target=D(target), realisasi=D(realisasi), polaritas=polaritas, metode_negatif=metode
    )
    assert h.nilai == D(nilai)


def test_full_precision_is_kept_and_rounding_is_only_for_display():
    h = hitung_capaian(target=D("3"), realisasi=D("2"))
    assert h.nilai == D("66.66666666666666666666666667")
    assert h.bulat() == D("66.67")
    # Half up, not banker's rounding: 0.125 of a percent more rounds up.
    assert hitung_capaian(target=D("8"), realisasi=D("0.01")).bulat() == D("0.13")


def test_the_callers_decimal_context_does_not_change_the_result():
    import decimal

    with decimal.localcontext() as ctx:
        ctx.prec = 5
        h = hitung_capaian(target=D("3"), realisasi=D("2"))
    assert h.nilai == D("66.66666666666666666666666667")


def test_stored_string_values_of_the_enums_are_accepted():
    h = hitung_capaian(
        target=D("10"), realisasi=D("8"), polaritas="negatif", metode_negatif="rasio"
    )
    assert h.nilai == D("125")


@pytest.mark.parametrize(
    ("realisasi", "nilai", "metode"),
    [
        ("85", "100", "rentang: di dalam rentang → 100"),
        ("80", "100", "rentang: di dalam rentang → 100"),
        ("90", "100", "rentang: di dalam rentang → 100"),
        ("72", "90", "rentang: di bawah batas bawah → R / Tmin × 100"),
        ("99", "90", "rentang: di atas batas atas → (2Tmax − R) / Tmax × 100"),
    ],
)
def test_range_target_80_to_90(realisasi, nilai, metode):
    h = hitung_capaian(realisasi=D(realisasi), polaritas=RG, target_min=D("80"), target_max=D("90"))
    assert h.nilai == D(nilai)
    assert h.metode == metode


def test_range_above_with_the_ratio_method():
    h = hitung_capaian(
        realisasi=D("100"),
        polaritas=RG,
        target_min=D("80"),
        target_max=D("90"),
        metode_negatif=MetodeNegatif.RASIO,
    )
    assert h.nilai == D("90")


@pytest.mark.parametrize(
    ("target", "realisasi", "nilai"),
    [
        (True, True, "100"),
        (True, False, "0"),
        ("ya", "Ya", "100"),
        ("ya", "tidak", "0"),
        (1, 1, "100"),
        (D(1), D(0), "0"),
        ("tidak", False, "100"),
    ],
)
def test_binary(target, realisasi, nilai):
    h = hitung_capaian(target=target, realisasi=realisasi, jenis=JenisNilai.BINER)
    assert h.nilai == D(nilai)
    assert h.dapat_dihitung


def test_binary_zero_is_a_real_zero_not_a_missing_value():
    h = hitung_capaian(target=True, realisasi=False, jenis=JenisNilai.BINER)
    assert h.nilai == 0 and h.alasan is None


@pytest.mark.parametrize(
    ("skala", "target", "realisasi", "nilai"),
    [
        (SKALA_OPINI_BPK, "WTP", "WTP", "100"),
        (SKALA_OPINI_BPK, "WTP", "WDP", "75"),
        (SKALA_OPINI_BPK, "WDP", "WTP", "133.3333333333333333333333333"),
        (SKALA_OPINI_BPK, "wtp", " tmp ", "25"),
        (SKALA_PREDIKAT_AKIP, "BB", "A", "120"),
        (SKALA_PREDIKAT_AKIP, "A", "BB", "83.33333333333333333333333333"),
    ],
)
def test_ordinal(skala, target, realisasi, nilai):
    h = hitung_capaian(target=target, realisasi=realisasi, jenis=JenisNilai.ORDINAL, skala=skala)
    assert h.nilai == D(nilai)
    assert h.metode.startswith("ordinal (skor level)")


def test_ordinal_accepts_level_objects_and_a_custom_scale():
    maturitas = SkalaOrdinal(
        "maturitas",
        "Tingkat maturitas SPIP",
        tuple(LevelOrdinal(str(i), f"Level {i}", D(i)) for i in range(5, 0, -1)),
    )
    h = hitung_capaian(
        target=maturitas.cari("4"), realisasi="3", jenis=JenisNilai.ORDINAL, skala=maturitas
    )
    assert h.nilai == D("75")


def test_a_level_of_another_scale_is_not_known():
    lain = LevelOrdinal("WTP", "lain", D(9))
    h = hitung_capaian(
        target="WTP", realisasi=lain, jenis=JenisNilai.ORDINAL, skala=SKALA_OPINI_BPK
    )
    assert h.alasan is Alasan.LEVEL_TIDAK_DIKENAL


@pytest.mark.parametrize(
    ("kw", "alasan"),
    [
        ({"target": D(0), "realisasi": D(5)}, Alasan.TARGET_NOL),
        ({"target": D(0), "realisasi": D(0), "polaritas": N}, Alasan.TARGET_NOL),
        ({"target": None, "realisasi": D(5)}, Alasan.TARGET_KOSONG),
        ({"target": D(10), "realisasi": None}, Alasan.REALISASI_KOSONG),
        ({"target": D(10), "realisasi": 5.0}, Alasan.TIPE_TIDAK_SESUAI),
        ({"target": D(10), "realisasi": "5"}, Alasan.TIPE_TIDAK_SESUAI),
        ({"target": D(10), "realisasi": True}, Alasan.TIPE_TIDAK_SESUAI),
        ({"target": D(10), "realisasi": D("NaN")}, Alasan.NILAI_TIDAK_VALID),
        ({"target": D("Infinity"), "realisasi": D(1)}, Alasan.NILAI_TIDAK_VALID),
        ({"target": D(10), "realisasi": D(-1)}, Alasan.NILAI_NEGATIF),
        ({"target": D(-10), "realisasi": D(1)}, Alasan.NILAI_NEGATIF),
        (
            {"target": D(10), "realisasi": D(0), "polaritas": N, "metode_negatif": "rasio"},
            Alasan.PEMBAGI_NOL,
        ),
        (
            {
                "target": D(-10),
                "realisasi": D(-5),
                "polaritas": N,
                "metode_negatif": "rasio",
                "boleh_negatif": True,
            },
            Alasan.METODE_TIDAK_BERLAKU,
        ),
        ({"realisasi": D(5), "polaritas": RG, "target_min": D(1)}, Alasan.RENTANG_TIDAK_VALID),
        (
            {"realisasi": D(5), "polaritas": RG, "target_min": D(9), "target_max": D(1)},
            Alasan.RENTANG_TIDAK_VALID,
        ),
        (
            {"realisasi": D(5), "polaritas": RG, "target_min": D(0), "target_max": D(0)},
            Alasan.TARGET_NOL,
        ),
        ({"target": "WTP", "realisasi": "WDP", "jenis": "ordinal"}, Alasan.SKALA_KOSONG),
        (
            {"target": "WTP", "realisasi": "XYZ", "jenis": "ordinal", "skala": SKALA_OPINI_BPK},
            Alasan.LEVEL_TIDAK_DIKENAL,
        ),
        (
            {"target": "WTP", "realisasi": D(4), "jenis": "ordinal", "skala": SKALA_OPINI_BPK},
            Alasan.TIPE_TIDAK_SESUAI,
        ),
        ({"target": True, "realisasi": "mungkin", "jenis": "biner"}, Alasan.NILAI_TIDAK_VALID),
        ({"target": True, "realisasi": D(2), "jenis": "biner"}, Alasan.NILAI_TIDAK_VALID),
        ({"target": True, "realisasi": None, "jenis": "biner"}, Alasan.REALISASI_KOSONG),
        ({"target": D(1), "realisasi": D(1), "polaritas": "naik"}, Alasan.PARAMETER_TIDAK_VALID),
        ({"target": D(1), "realisasi": D(1), "jenis": 3}, Alasan.PARAMETER_TIDAK_VALID),
        ({"target": D(1), "realisasi": D(1), "metode_negatif": []}, Alasan.PARAMETER_TIDAK_VALID),
        ({"target": D(1), "realisasi": D(1), "ambang_jauh": 150.0}, Alasan.PARAMETER_TIDAK_VALID),
        (
            {"target": D("0.001"), "realisasi": D("9E+999999999999999999")},
            Alasan.DI_LUAR_JANGKAUAN,
        ),
    ],
)
def test_not_computable_is_a_result_with_a_reason_never_a_fake_zero(kw, alasan):
    h = hitung_capaian(**kw)
    assert h.nilai is None
    assert h.alasan is alasan
    assert not h.dapat_dihitung
    assert h.bulat() is None
    assert h.pesan and h.pesan.startswith(alasan.pesan)


def test_the_message_names_the_unknown_level():
    h = hitung_capaian(
        target="WTP", realisasi="WTPP", jenis=JenisNilai.ORDINAL, skala=SKALA_OPINI_BPK
    )
    assert h.pesan == (
        "Level tidak terdapat pada skala ordinal indikator. (realisasi 'WTPP' pada skala Opini BPK)"
    )


def test_a_growth_rate_may_be_negative_when_the_unit_allows_it():
    # Target growth 2 %, realised 3 %: higher is better.
    assert hitung_capaian(target=D(2), realisasi=D(-1), boleh_negatif=True).nilai == D(-50)
    # Target −2 % (a shrinking rate), realised −1 %: above target is better for positif.
    assert hitung_capaian(target=D(-2), realisasi=D(-1), boleh_negatif=True).nilai == D(150)
    # Lower is better with a negative target: −4 against −2 is twice as good.
    h = hitung_capaian(target=D(-2), realisasi=D(-4), polaritas=N, boleh_negatif=True)
    assert h.nilai == D(200)
    assert h.metode == "negatif, target negatif: (1 − (R − T) / |T|) × 100"


def test_no_cap_on_a_single_indicator():
    h = hitung_capaian(target=D(3), realisasi=D(50))
    assert h.nilai == D("1666.666666666666666666666667")


def test_inputs_are_kept_on_the_result():
    h = hitung_capaian(target=D("32"), realisasi=D("4.88"), polaritas=N, ada_bukti=False)
    assert h.masukan["target"] == D("32")
    assert h.masukan["realisasi"] == D("4.88")
    assert h.masukan["polaritas"] is N
    assert h.masukan["ada_bukti"] is False
    with pytest.raises(TypeError):
        h.masukan["target"] = D(1)  # type: ignore[index]


def test_results_are_immutable_and_hashable():
    import dataclasses

    h = hitung_capaian(target=D(1), realisasi=D(1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        h.nilai = D(5)  # type: ignore[misc]
    assert hash(h) == hash(hitung_capaian(target=D(1), realisasi=D(1)))
    assert h == hitung_capaian(target=D(1), realisasi=D(1))


def test_flags_far_above_target_default_and_configurable():
    assert Bendera.JAUH_DI_ATAS_TARGET in hitung_capaian(target=D(10), realisasi=D(16)).bendera
    assert hitung_capaian(target=D(10), realisasi=D(15)).bendera == frozenset()
    h = hitung_capaian(target=D(10), realisasi=D(13), ambang_jauh=D(120))
    assert h.bendera == {Bendera.JAUH_DI_ATAS_TARGET}
    assert h.nilai == D(130), "a flag never changes the number"


def test_flag_without_evidence_only_when_a_realisation_was_reported():
    assert hitung_capaian(target=D(10), realisasi=D(9), ada_bukti=False).bendera == {
        Bendera.TANPA_BUKTI
    }
    assert hitung_capaian(target=D(10), realisasi=None, ada_bukti=False).bendera == frozenset()
    # Reported but not computable: the missing evidence still shows.
    h = hitung_capaian(target=D(0), realisasi=D(9), ada_bukti=False)
    assert h.bendera == {Bendera.TANPA_BUKTI}


def test_flag_unit_mismatch_from_units_and_from_a_fraction_typed_as_percent():
    h = hitung_capaian(target=D(10), realisasi=D(9), satuan_target="km", satuan_realisasi="m")
    assert h.bendera == {Bendera.SATUAN_TIDAK_COCOK}
    same = hitung_capaian(
        target=D(10), realisasi=D(9), satuan_target="Persen", satuan_realisasi=" % "
    )
    assert same.bendera == frozenset()
    pecahan = hitung_capaian(target=D(85), realisasi=D("0.87"), jenis=JenisNilai.PERSEN)
    assert Bendera.SATUAN_TIDAK_COCOK in pecahan.bendera
    kecil = hitung_capaian(target=D(2), realisasi=D("0.5"), jenis=JenisNilai.PERSEN)
    assert kecil.bendera == frozenset()


def test_flag_outlier_against_the_indicators_history():
    riwayat = [D(10), D(12), D(11), D(13)]
    h = hitung_capaian(target=D(12), realisasi=D(100), riwayat=riwayat, ambang_jauh=D(10**6))
    assert h.bendera == {Bendera.PENCILAN}
    assert hitung_capaian(target=D(12), realisasi=D(14), riwayat=riwayat).bendera == frozenset()
    # Too little history: no judgement.
    h = hitung_capaian(target=D(12), realisasi=D(100), riwayat=[D(10), D(11)], ambang_jauh=D(999))
    assert h.bendera == frozenset()


def test_ke_dict_is_json_ready():
    import json

    h = hitung_capaian(target=D("32"), realisasi=D("4.88"), polaritas=N)
    d = h.ke_dict()
    assert d["nilai"] == "184.75"
    assert d["masukan"]["polaritas"] == "negatif"
    assert d["bendera"] == ["jauh_di_atas_target"]
    json.dumps(d)
    o = hitung_capaian(target="WTP", realisasi="WDP", jenis="ordinal", skala=SKALA_OPINI_BPK)
    assert o.ke_dict()["masukan"]["skala"] == "opini_bpk"


def test_inputs_behave_as_a_read_only_mapping_and_survive_pickling():
    import pickle
    from collections.abc import Mapping

    h = hitung_capaian(target=D("32"), realisasi=D("4.88"), polaritas=N)
    assert isinstance(h.masukan, Mapping)
    assert dict(h.masukan)["realisasi"] == D("4.88")
    assert "target" in h.masukan and "nilai" not in h.masukan
    assert h.masukan.get("nilai") is None
    with pytest.raises(KeyError):
        h.masukan["nilai"]
    salinan = pickle.loads(pickle.dumps(h))
    assert salinan == h and salinan.masukan["target"] == D("32")


def test_a_history_profile_computed_once_gives_the_same_flags():
    from kinerja.rumus import profil_riwayat, skor_z_termodifikasi

    riwayat = [D(10), D(12), D(11), D(13), None]
    profil = profil_riwayat(riwayat)
    assert profil.median == D("11.5") and profil.jumlah == 4
    for r in (D(12), D(30), D(100)):
        a = hitung_capaian(target=D(12), realisasi=r, riwayat=riwayat, ambang_jauh=D(10**6))
        b = hitung_capaian(target=D(12), realisasi=r, riwayat=profil, ambang_jauh=D(10**6))
        assert a.bendera == b.bendera
        assert profil.skor_z(r) == skor_z_termodifikasi(r, riwayat)
    # MAD 0 (most values equal): the mean absolute deviation takes over.
    assert skor_z_termodifikasi(D(20), [D(10), D(10), D(10), D(14)]) == D(
        "7.978846482206374460031564317"
    )
    assert skor_z_termodifikasi(D(20), [D(10), D(10), D(10)]) is None


def test_the_values_the_django_models_store_are_understood():
    from kinerja.perencanaan import models as m

    for pol, jenis, metode in [
        (m.Polaritas.NEGATIF, m.JenisNilai.ANGKA, m.MetodeNegatif.SELISIH),
        ("negatif", "angka", "selisih"),
    ]:
        h = hitung_capaian(
            target=D("32"), realisasi=D("4.88"), polaritas=pol, jenis=jenis, metode_negatif=metode
        )
        assert h.nilai == D("184.75")
        assert h == hitung_capaian(target=D("32"), realisasi=D("4.88"), polaritas=N)
    for enum_rumus, enum_django in [
        (Polaritas, m.Polaritas),
        (JenisNilai, m.JenisNilai),
        (MetodeNegatif, m.MetodeNegatif),
    ]:
        assert {e.value for e in enum_rumus} == set(enum_django.values)
