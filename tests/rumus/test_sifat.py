"""Properties that hold for every input (hypothesis)."""

import os
from decimal import ROUND_HALF_UP
from decimal import Decimal as D

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.rumus import (
    PREDIKAT_AKIP,
    PREDIKAT_PERMENDAGRI_86,
    SKALA_OPINI_BPK,
    SKALA_PREDIKAT_AKIP,
    Agregasi,
    Hasil,
    JenisNilai,
    MetodeNegatif,
    Polaritas,
    bulatkan,
    efisiensi,
    hitung_agregasi,
    hitung_capaian,
    hitung_capaian_renstra,
    hitung_capaian_sd_triwulan,
    predikat,
    proyeksi,
    rollup,
    serapan,
    skor_z_termodifikasi,
)

# RUMUS_CONTOH=5000 for a long hunt; the default keeps the suite fast.
CONTOH = int(os.environ.get("RUMUS_CONTOH", "120"))
cepat = settings(max_examples=CONTOH, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Values as the database stores them: up to 20 digits with 4 decimals.
angka = st.decimals(
    min_value=D("-9999999999999999.9999"),
    max_value=D("9999999999999999.9999"),
    places=4,
    allow_nan=False,
    allow_infinity=False,
)
positif = st.decimals(
    min_value=D("0.0001"), max_value=D("9999999999999999.9999"), places=4, allow_nan=False
)
tak_negatif = st.decimals(
    min_value=D(0), max_value=D("9999999999999999.9999"), places=4, allow_nan=False
)
bukan_nol = angka.filter(lambda x: x != 0)
polaritas_angka = st.sampled_from([Polaritas.POSITIF, Polaritas.NEGATIF])
metode_negatif = st.sampled_from(list(MetodeNegatif))

# Anything at all: what an untyped caller might pass.
apa_saja = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=8),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            D("sNaN"),
            D("9E+999999999999999999"),
            D("1E-999999999999999999"),
            "WTP",
            "ya",
            SKALA_OPINI_BPK.level[0],
            [],
            (D(1), None),
            {"a": 1},
            object(),
        ]
    ),
)
enum_atau_apa = st.one_of(
    st.sampled_from(list(Polaritas) + list(JenisNilai) + list(MetodeNegatif) + list(Agregasi)),
    apa_saja,
)


def sah(h: Hasil) -> None:
    """The invariants of every result."""
    assert (h.nilai is None) == (h.alasan is not None)
    assert h.dapat_dihitung == (h.alasan is None)
    if h.nilai is None:
        assert h.bulat() is None and h.pesan
    else:
        assert h.nilai.is_finite()
        assert h.pesan is None
    h.ke_dict()


@cepat
@given(t=bukan_nol, pol=polaritas_angka, mn=metode_negatif)
def test_realisation_equal_to_target_gives_exactly_100_for_every_polarity(t, pol, mn):
    h = hitung_capaian(target=t, realisasi=t, polaritas=pol, metode_negatif=mn, boleh_negatif=True)
    if pol is Polaritas.NEGATIF and mn is MetodeNegatif.RASIO and t < 0:
        return  # T / R is refused for negative values (METODE_TIDAK_BERLAKU)
    assert h.nilai == 100


@cepat
@given(t=positif, mn=metode_negatif, jenis=st.sampled_from([JenisNilai.ANGKA, JenisNilai.PERSEN]))
def test_r_equals_t_is_100_for_ranges_and_value_types(t, mn, jenis):
    assert (
        hitung_capaian(
            realisasi=t, target_min=t, target_max=t, polaritas=Polaritas.RENTANG, jenis=jenis
        ).nilai
        == 100
    )
    assert hitung_capaian(target=t, realisasi=t, jenis=jenis, metode_negatif=mn).nilai == 100


@cepat
@given(
    lv=st.sampled_from(SKALA_OPINI_BPK.level + SKALA_PREDIKAT_AKIP.level),
    pol=polaritas_angka,
    b=st.booleans(),
)
def test_r_equals_t_is_100_for_ordinal_and_binary(lv, pol, b):
    skala = SKALA_OPINI_BPK if lv in SKALA_OPINI_BPK.level else SKALA_PREDIKAT_AKIP
    h = hitung_capaian(target=lv.kode, realisasi=lv, jenis="ordinal", skala=skala, polaritas=pol)
    assert h.nilai == 100
    assert hitung_capaian(target=b, realisasi=b, jenis="biner").nilai == 100


@cepat
@given(t=positif, r1=tak_negatif, r2=tak_negatif, mn=metode_negatif)
def test_lower_is_better_is_monotone_decreasing_in_r(t, r1, r2, mn):
    lo, hi = sorted((r1, r2))
    a = hitung_capaian(target=t, realisasi=lo, polaritas="negatif", metode_negatif=mn)
    b = hitung_capaian(target=t, realisasi=hi, polaritas="negatif", metode_negatif=mn)
    if a.nilai is not None and b.nilai is not None:
        assert a.nilai >= b.nilai
    else:
        assert mn is MetodeNegatif.RASIO and lo == 0


@cepat
@given(t=bukan_nol, r1=angka, r2=angka)
def test_both_directions_are_monotone_also_for_negative_targets(t, r1, r2):
    lo, hi = sorted((r1, r2))
    naik = [hitung_capaian(target=t, realisasi=r, boleh_negatif=True).nilai for r in (lo, hi)]
    turun = [
        hitung_capaian(target=t, realisasi=r, polaritas="negatif", boleh_negatif=True).nilai
        for r in (lo, hi)
    ]
    assert naik[0] <= naik[1]
    assert turun[0] >= turun[1]


@cepat
@given(r=tak_negatif, a=positif, b=positif, mn=metode_negatif)
def test_a_range_never_scores_above_100_and_scores_100_inside(r, a, b, mn):
    lo, hi = sorted((a, b))
    h = hitung_capaian(
        realisasi=r, target_min=lo, target_max=hi, polaritas="rentang", metode_negatif=mn
    )
    if h.nilai is not None:
        assert h.nilai <= 100
        assert (h.nilai == 100) == (lo <= r <= hi)


@cepat
@given(v=angka, n=st.integers(1, 40), w=st.lists(positif, min_size=40, max_size=40))
def test_rollup_of_identical_values_is_that_value(v, n, w):
    assert rollup([v] * n).nilai == v
    assert rollup([v] * n, bobot=w[:n]).nilai == v
    assert rollup([v] * n + [None], batas=abs(v) + 1).nilai == v


@cepat
@given(vs=st.lists(st.one_of(st.none(), angka), max_size=20), batas=positif)
def test_rollup_lies_between_the_smallest_and_largest_capped_value(vs, batas):
    h = rollup(vs, batas=batas)
    sah(h)
    ada = [min(v, batas) for v in vs if v is not None]
    assert h.jumlah_dihitung == len(ada)
    assert h.jumlah_tidak_dihitung == len(vs) - len(ada)
    if ada:
        assert min(ada) <= h.nilai <= max(ada)


@cepat
@given(vs=st.lists(tak_negatif, min_size=1, max_size=12))
def test_aggregations_of_complete_periods(vs):
    assert hitung_agregasi(vs, agregasi="kumulatif").nilai == sum(vs, D(0))
    assert hitung_agregasi(vs, agregasi="nilai_akhir").nilai == vs[-1]
    assert min(vs) <= hitung_agregasi(vs, agregasi="rata_rata").nilai <= max(vs)


@cepat
@given(baris=st.lists(st.tuples(tak_negatif, positif), min_size=1, max_size=10))
def test_serapan_is_at_most_100_when_no_line_overspends(baris):
    r = [min(a, b) for a, b in baris]
    p = [b for _, b in baris]
    h = serapan(realisasi=r, pagu=p)
    assert 0 <= h.nilai <= 100


@cepat
@given(a=angka, b=angka)
def test_predikat_never_falls_when_the_value_rises(a, b):
    lo, hi = sorted((a, b))
    for skala in (PREDIKAT_PERMENDAGRI_86, PREDIKAT_AKIP):
        urut = [t.kode for t in skala.tingkat]
        assert urut.index(predikat(hi, skala).kode) <= urut.index(predikat(lo, skala).kode)


@cepat
@given(x=st.decimals(allow_nan=False, allow_infinity=False))
def test_bulatkan_is_half_up_to_two_decimals(x):
    b = bulatkan(x)
    if x.adjusted() < 60:
        assert b == x.quantize(D("0.01"), rounding=ROUND_HALF_UP, context=_lebar())
        assert b.as_tuple().exponent == -2


def _lebar():
    import decimal

    return decimal.Context(prec=200, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


@settings(max_examples=CONTOH * 3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    target=apa_saja,
    realisasi=apa_saja,
    polaritas=enum_atau_apa,
    jenis=enum_atau_apa,
    metode=enum_atau_apa,
    lo=apa_saja,
    hi=apa_saja,
    skala=st.one_of(st.none(), st.just(SKALA_OPINI_BPK), apa_saja),
    boleh=apa_saja,
    bukti=apa_saja,
    riwayat=st.one_of(st.lists(apa_saja, max_size=5), apa_saja),
    satuan=st.tuples(apa_saja, apa_saja),
    ambang=st.one_of(st.just(D(150)), apa_saja),
)
def test_no_input_makes_hitung_capaian_raise(
    target,
    realisasi,
    polaritas,
    jenis,
    metode,
    lo,
    hi,
    skala,
    boleh,
    bukti,
    riwayat,
    satuan,
    ambang,
):
    h = hitung_capaian(
        target=target,
        realisasi=realisasi,
        polaritas=polaritas,
        jenis=jenis,
        metode_negatif=metode,
        target_min=lo,
        target_max=hi,
        skala=skala,
        boleh_negatif=boleh,
        ada_bukti=bukti,
        riwayat=riwayat,
        satuan_target=satuan[0],
        satuan_realisasi=satuan[1],
        ambang_jauh=ambang,
        ambang_pencilan=ambang,
        bendera_tambahan=riwayat,
    )
    sah(h)


@cepat
@given(
    nilai=st.one_of(st.lists(apa_saja, max_size=6), apa_saja),
    target=st.one_of(st.lists(apa_saja, max_size=6), apa_saja),
    agregasi=enum_atau_apa,
    jenis=enum_atau_apa,
    sampai=st.one_of(st.none(), st.integers(-2, 8), apa_saja),
    tahunan=apa_saja,
    polaritas=enum_atau_apa,
)
def test_no_input_makes_the_period_functions_raise(
    nilai, target, agregasi, jenis, sampai, tahunan, polaritas
):
    sah(
        hitung_agregasi(nilai, agregasi=agregasi, jenis=jenis, sampai=sampai, skala=SKALA_OPINI_BPK)
    )
    h = hitung_capaian_sd_triwulan(
        realisasi=nilai,
        triwulan=sampai,
        target_triwulan=target,
        target_tahunan=tahunan,
        agregasi=agregasi,
        jenis=jenis,
        polaritas=polaritas,
        target_min=tahunan,
        target_max=tahunan,
    )
    sah(h.realisasi)
    sah(h.terhadap_target_triwulan)
    sah(h.terhadap_target_tahunan)
    h.ke_dict()
    sah(hitung_capaian_renstra(realisasi_tahunan=nilai, target_akhir=tahunan, agregasi=agregasi))
    sah(
        proyeksi(
            realisasi=nilai,
            agregasi=agregasi,
            jenis=jenis,
            jumlah_periode=sampai,
            target_tahunan=tahunan,
            metode=polaritas,
        )
    )


@cepat
@given(
    hasil=st.one_of(st.lists(apa_saja, max_size=6), apa_saja),
    bobot=st.one_of(st.none(), st.lists(apa_saja, max_size=6), apa_saja),
    batas=st.one_of(st.none(), apa_saja),
    a=apa_saja,
    b=apa_saja,
    metode=apa_saja,
)
def test_no_input_makes_rollup_serapan_efficiency_or_predikat_raise(
    hasil, bobot, batas, a, b, metode
):
    sah(rollup(hasil, bobot=bobot, batas=batas))
    sah(serapan(realisasi=hasil, pagu=bobot))
    sah(serapan(realisasi=a, pagu=b))
    sah(efisiensi(capaian=a, serapan=b, metode=metode, ambang=batas))
    sah(efisiensi(capaian=a, serapan=b))
    predikat(a)
    predikat(a, b)
    skor_z_termodifikasi(a, hasil)
    if isinstance(a, D):
        bulatkan(a)


@cepat
@given(
    t=angka,
    r=angka,
    pol=st.sampled_from(list(Polaritas)),
    jenis=st.sampled_from([JenisNilai.ANGKA, JenisNilai.PERSEN]),
    mn=metode_negatif,
    boleh=st.booleans(),
    bukti=st.booleans(),
    riwayat=st.lists(angka, max_size=5),
    jauh=st.sampled_from([D(150), D(120), D(0)]),
)
def test_the_short_path_gives_what_the_general_path_gives(
    t, r, pol, jenis, mn, boleh, bukti, riwayat, jauh
):
    from kinerja.rumus.capaian import MasukanCapaian, _capaian_umum

    # In the order of _capaian_umum's parameters after `masukan`.
    arg = {
        "target": t,
        "realisasi": r,
        "polaritas": pol,
        "jenis": jenis,
        "metode_negatif": mn,
        "target_min": t if pol is Polaritas.RENTANG else None,
        "target_max": t + 10 if pol is Polaritas.RENTANG else None,
        "skala": None,
        "boleh_negatif": boleh,
        "ada_bukti": bukti,
        "riwayat": riwayat,
        "satuan_target": None,
        "satuan_realisasi": None,
        "ambang_jauh": jauh,
        "ambang_pencilan": D("3.5"),
        "bendera_tambahan": (),
    }
    cepat_ = hitung_capaian(**arg)
    masukan = MasukanCapaian(tuple(arg[k] for k in MasukanCapaian.NAMA))
    umum = _capaian_umum(masukan, *arg.values())
    assert cepat_ == umum
    assert cepat_.masukan == umum.masukan
