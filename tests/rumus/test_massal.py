"""The batch API gives exactly what the per-call API gives (hypothesis), and is the fast path."""

import os
from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.rumus import (
    BENDERA_DARI_BIT,
    BIT_BENDERA,
    PREDIKAT_AKIP,
    PREDIKAT_PERMENDAGRI_86,
    SKALA_OPINI_BPK,
    Agregasi,
    Alasan,
    BarisMassal,
    Bendera,
    JenisNilai,
    MetodeNegatif,
    Polaritas,
    hitung_agregasi,
    hitung_capaian,
    hitung_massal,
    predikat,
    profil_riwayat,
    rekap_massal,
    rollup,
)
from kinerja.rumus import massal as massal_modul

CONTOH = int(os.environ.get("RUMUS_CONTOH", "150"))
cepat = settings(max_examples=CONTOH, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Values as the database stores them, and a few that are not (they take the per-call code).
angka = st.decimals(
    min_value=D("-9999999999999999.9999"),
    max_value=D("9999999999999999.9999"),
    places=4,
    allow_nan=False,
    allow_infinity=False,
)
wajar = st.decimals(min_value=D(0), max_value=D(1000), places=2)
aneh = st.sampled_from(
    [
        D(0),
        D("-0"),
        D("0.87"),
        D(-5),
        D("NaN"),
        D("Infinity"),
        D("9E+999999999999999999"),
        D("1E-999999999999999999"),
        D("1E+30"),
        7,
        True,
        "ya",
        "WTP",
        1.5,
    ]
)
nilai_periode = st.one_of(
    st.none(), wajar, wajar, wajar, angka, aneh, st.sampled_from(["WDP", "tidak", False])
)
target = st.one_of(st.none(), wajar, wajar, angka, aneh, st.sampled_from(["WTP", "ya"]))
enum_atau_teks = st.one_of(
    st.sampled_from(list(Polaritas) + [p.value for p in Polaritas]),
    st.sampled_from(["salah", None]),
)


@st.composite
def baris_massal(draw):
    jenis = draw(
        st.one_of(
            st.sampled_from([JenisNilai.ANGKA, JenisNilai.ANGKA, JenisNilai.PERSEN, "persen"]),
            st.sampled_from([JenisNilai.BINER, JenisNilai.ORDINAL, "lain"]),
        )
    )
    realisasi = draw(st.lists(nilai_periode, max_size=5))
    riwayat = draw(
        st.one_of(
            st.lists(st.one_of(wajar, st.none()), max_size=6),
            st.lists(angka, max_size=4),
            st.lists(wajar, min_size=3, max_size=5).map(profil_riwayat),
            st.just(()),
        )
    )
    bawah = draw(st.one_of(wajar, st.none(), aneh))
    atas = draw(st.one_of(wajar, st.none(), aneh))
    return BarisMassal(
        realisasi=draw(st.sampled_from([tuple, list]))(realisasi),
        target=draw(target),
        polaritas=draw(
            st.one_of(
                st.sampled_from(list(Polaritas) + [p.value for p in Polaritas]),
                st.sampled_from(["salah", None]),
            )
        ),
        agregasi=draw(
            st.one_of(
                st.sampled_from(list(Agregasi) + [a.value for a in Agregasi]),
                st.sampled_from(["salah"]),
            )
        ),
        target_min=bawah,
        target_max=atas,
        ada_bukti=draw(st.sampled_from([True, True, False, 1])),
        riwayat=riwayat,
        jenis=jenis,
        metode_negatif=draw(st.sampled_from([*MetodeNegatif, "rasio", "salah"])),
        boleh_negatif=draw(st.sampled_from([False, False, False, True])),
        sampai=draw(st.one_of(st.none(), st.none(), st.integers(-1, 6), st.sampled_from([True]))),
        skala=draw(st.sampled_from([None, SKALA_OPINI_BPK])),
    )


def per_panggilan(b, n, skala, ambang_jauh, ambang_pencilan):
    """What the per-call API gives for row `b`, period `n` (the batch's specification)."""
    real = hitung_agregasi(
        b.realisasi,
        agregasi=b.agregasi,
        jenis=b.jenis,
        sampai=n,
        skala=b.skala,
        boleh_negatif=b.boleh_negatif,
    )
    if real.alasan is not None:
        return real.nilai, real.alasan, real.bendera, None
    h = hitung_capaian(
        target=b.target,
        realisasi=real.nilai_asli,
        polaritas=b.polaritas,
        jenis=b.jenis,
        metode_negatif=b.metode_negatif,
        target_min=b.target_min,
        target_max=b.target_max,
        skala=b.skala,
        boleh_negatif=b.boleh_negatif,
        ada_bukti=b.ada_bukti,
        riwayat=b.riwayat,
        ambang_jauh=ambang_jauh,
        ambang_pencilan=ambang_pencilan,
        bendera_tambahan=real.bendera,
    )
    return h.nilai, h.alasan, h.bendera, predikat(h, skala)


def periode_baris(b, hanya_akhir):
    k = len(b.realisasi) if b.sampai is None else b.sampai
    if type(k) is int and k >= 1:
        return list(range(k, k + 1) if hanya_akhir else range(1, k + 1))
    return [b.sampai]


def sama_dengan_per_panggilan(semua, skala, ambang_jauh, ambang_pencilan, hanya_akhir):
    h = hitung_massal(
        semua,
        skala=skala,
        ambang_jauh=ambang_jauh,
        ambang_pencilan=ambang_pencilan,
        hanya_akhir=hanya_akhir,
    )
    j = 0
    for i, b in enumerate(semua):
        for n in periode_baris(b, hanya_akhir):
            nilai, alasan, bendera, pred = per_panggilan(b, n, skala, ambang_jauh, ambang_pencilan)
            konteks = (b, n, h.nilai[j], nilai)
            assert h.baris[j] == i, konteks
            assert h.periode[j] == (n if type(n) is int else 0), konteks
            assert h.alasan[j] == alasan, konteks
            # Same value and the same digits (exponent included), not only equal.
            assert (h.nilai[j] is None) == (nilai is None), konteks
            assert str(h.nilai[j]) == str(nilai), konteks
            assert h.himpunan_bendera(j) == bendera, konteks
            assert BENDERA_DARI_BIT[h.bendera[j]] == bendera, konteks
            assert h.predikat[j] == pred, konteks
            j += 1
    assert len(h) == j
    return h


@cepat
@given(
    semua=st.lists(baris_massal(), max_size=6),
    skala=st.sampled_from([PREDIKAT_PERMENDAGRI_86, PREDIKAT_AKIP, None]),
    ambang_jauh=st.sampled_from([D(150), D(120), D(0), D("100.5"), D("NaN"), 150]),
    ambang_pencilan=st.sampled_from([D("3.5"), D(1), D(0), None]),
    hanya_akhir=st.booleans(),
)
def test_the_batch_equals_the_per_call_api_on_arbitrary_rows(
    semua, skala, ambang_jauh, ambang_pencilan, hanya_akhir
):
    sama_dengan_per_panggilan(semua, skala, ambang_jauh, ambang_pencilan, hanya_akhir)


# Rows the fast path takes: valid numbers, every polarity, aggregation and missing quarter.
@st.composite
def baris_angka(draw):
    pol = draw(st.sampled_from(list(Polaritas)))
    nilai = st.one_of(st.none(), wajar, wajar, wajar, wajar, angka.map(abs))
    bawah, atas = sorted([draw(wajar), draw(wajar)])
    return BarisMassal(
        realisasi=tuple(draw(st.lists(nilai, min_size=1, max_size=4))),
        target=draw(st.one_of(wajar, angka.map(abs), st.just(D(0)))),
        polaritas=pol,
        agregasi=draw(st.sampled_from(list(Agregasi))),
        target_min=bawah,
        target_max=atas,
        ada_bukti=draw(st.booleans()),
        riwayat=draw(st.one_of(st.just(()), st.lists(wajar, min_size=0, max_size=5))),
        jenis=draw(st.sampled_from([JenisNilai.ANGKA, JenisNilai.PERSEN])),
        metode_negatif=draw(st.sampled_from(list(MetodeNegatif))),
        sampai=draw(st.one_of(st.none(), st.integers(1, 5))),
    )


@cepat
@given(
    semua=st.lists(baris_angka(), min_size=1, max_size=8),
    ambang_jauh=st.sampled_from([D(150), D(120), D("99.99")]),
    hanya_akhir=st.booleans(),
)
def test_the_fast_path_equals_the_per_call_api_and_is_taken(semua, ambang_jauh, hanya_akhir):
    asli = massal_modul._per_panggilan
    dipanggil = []

    def catat(*args, **kwargs):
        dipanggil.append(args[0])
        return asli(*args, **kwargs)

    massal_modul._per_panggilan = catat
    try:
        sama_dengan_per_panggilan(
            semua, PREDIKAT_PERMENDAGRI_86, ambang_jauh, D("3.5"), hanya_akhir
        )
    finally:
        massal_modul._per_panggilan = asli
    assert dipanggil == []  # every such row took the fast path


def test_a_row_that_is_not_a_row_gives_one_not_computable_result():
    h = hitung_massal([("x",), None, BarisMassal([D(5)], D(10))])
    assert h.alasan == (Alasan.PARAMETER_TIDAK_VALID, Alasan.PARAMETER_TIDAK_VALID, None)
    assert h.periode == (0, 0, 1)
    assert h.baris == (0, 1, 2)
    assert h.nilai[2] == 50


def test_the_worked_examples_in_batch_form():
    h = hitung_massal(
        [
            BarisMassal([D("4.88")], D("32"), Polaritas.NEGATIF),
            BarisMassal([D(10), None, D(12)], D(40), agregasi=Agregasi.KUMULATIF),
            BarisMassal([D(80), None], D(100), agregasi=Agregasi.NILAI_AKHIR, ada_bukti=False),
            BarisMassal([D(95)], target_min=D(80), target_max=D(90), polaritas="rentang"),
        ]
    )
    assert h.nilai == (
        D("184.75"),
        D(25),
        None,
        None,
        D(80),
        D(80),
        D("94.44444444444444444444444444"),
    )
    assert h.alasan[2:4] == (Alasan.PERIODE_KOSONG, Alasan.PERIODE_KOSONG)
    assert h.himpunan_bendera(0) == {Bendera.JAUH_DI_ATAS_TARGET}
    assert h.himpunan_bendera(5) == {Bendera.TANPA_BUKTI, Bendera.NILAI_PERIODE_SEBELUMNYA}
    assert (
        h.bendera[5]
        == BIT_BENDERA[Bendera.TANPA_BUKTI] | BIT_BENDERA[Bendera.NILAI_PERIODE_SEBELUMNYA]
    )
    assert [p.kode if p else None for p in h.predikat] == [
        "ST",
        "SR",
        None,
        None,
        "T",
        "T",
        "ST",
    ]


hasil_rekap = st.one_of(st.none(), wajar, angka, aneh)


@cepat
@given(
    data=st.lists(st.tuples(hasil_rekap, st.integers(0, 3)), max_size=20),
    bobot=st.one_of(st.none(), st.lists(st.one_of(wajar, aneh, st.integers(-2, 5)), max_size=20)),
    batas=st.sampled_from([None, D(120), D(100), D(0), D("NaN"), 120]),
    skala=st.sampled_from([PREDIKAT_PERMENDAGRI_86, PREDIKAT_AKIP, None]),
)
def test_the_batch_roll_up_equals_rollup_per_group(data, bobot, batas, skala):
    nilai = [v for v, _ in data]
    kelompok = [k for _, k in data]
    if bobot is not None:
        bobot = (bobot + [D(1)] * len(nilai))[: len(nilai)]
    r = rekap_massal(nilai, kelompok, bobot=bobot, batas=batas, skala=skala)
    assert list(r) == list(dict.fromkeys(kelompok))
    for k, hasil in r.items():
        idx = [i for i, kk in enumerate(kelompok) if kk == k]
        satu = rollup(
            [nilai[i] for i in idx],
            bobot=None if bobot is None else [bobot[i] for i in idx],
            batas=batas,
        )
        assert str(hasil.nilai) == str(satu.nilai)
        assert hasil.alasan == satu.alasan
        assert BENDERA_DARI_BIT[hasil.bendera] == satu.bendera
        assert hasil.predikat == predikat(satu, skala)
        assert (hasil.jumlah_dihitung, hasil.jumlah_tidak_dihitung, hasil.jumlah_dibatasi) == (
            satu.jumlah_dihitung,
            satu.jumlah_tidak_dihitung,
            satu.jumlah_dibatasi,
        )


@cepat
@given(semua=st.lists(baris_angka(), min_size=1, max_size=12))
def test_roll_ups_of_roll_ups_equal_the_per_call_pipeline(semua):
    """Sasaran of 3 indicator-periods, agencies of 2 sasaran capped at 120 (as the benchmark)."""
    h = hitung_massal(semua)
    sasaran = rekap_massal(h.nilai, [j // 3 for j in range(len(h))])
    instansi = rekap_massal(
        [s.nilai for s in sasaran.values()],
        [j // 2 for j in range(len(sasaran))],
        batas=D(120),
    )
    satu = []
    for i, b in enumerate(semua):
        for n in periode_baris(b, False):
            real = hitung_agregasi(b.realisasi, agregasi=b.agregasi, jenis=b.jenis, sampai=n)
            satu.append(
                real
                if real.alasan
                else hitung_capaian(
                    target=b.target,
                    realisasi=real.nilai_asli,
                    polaritas=b.polaritas,
                    jenis=b.jenis,
                    metode_negatif=b.metode_negatif,
                    target_min=b.target_min,
                    target_max=b.target_max,
                    ada_bukti=b.ada_bukti,
                    riwayat=b.riwayat,
                    bendera_tambahan=real.bendera,
                )
            )
        assert i == h.baris[len(satu) - 1]
    sasaran_satu = [rollup(satu[j : j + 3]) for j in range(0, len(satu), 3)]
    instansi_satu = [
        rollup(sasaran_satu[j : j + 2], batas=D(120)) for j in range(0, len(sasaran_satu), 2)
    ]
    for kecil, besar in ((sasaran, sasaran_satu), (instansi, instansi_satu)):
        assert [str(x.nilai) for x in kecil.values()] == [str(x.nilai) for x in besar]
        assert [x.alasan for x in kecil.values()] == [x.alasan for x in besar]
        assert [BENDERA_DARI_BIT[x.bendera] for x in kecil.values()] == [x.bendera for x in besar]
        assert [x.predikat for x in kecil.values()] == [predikat(x) for x in besar]


def test_rekap_massal_refuses_columns_of_different_lengths():
    with pytest.raises(ValueError):
        rekap_massal([D(1)], [])
    with pytest.raises(ValueError):
        rekap_massal([D(1)], ["a"], bobot=[])


def test_the_batch_ignores_the_callers_decimal_context():
    import decimal

    b = [BarisMassal([D(2)], D(3))]
    with decimal.localcontext(decimal.Context(prec=4)):
        h = hitung_massal(b)
    assert h.nilai[0] == hitung_capaian(target=D(3), realisasi=D(2)).nilai
    assert str(h.nilai[0]) == "66.66666666666666666666666667"


def test_the_batch_and_the_per_call_api_call_the_same_formula_functions(monkeypatch):
    """No formula is written twice: patch each shared function where each path looks it up,
    and both paths must go through it."""
    from kinerja.rumus import bendera, capaian, massal, periode, rekap, skala

    dipanggil: dict[str, set[str]] = {}

    def bungkus(nama, asli, jalur):
        def f(*a, **k):
            dipanggil.setdefault(nama, set()).add(jalur[0])
            return asli(*a, **k)

        return f

    jalur = ["?"]
    bersama = {
        "rumus_rasio": [capaian, massal],
        "rumus_selisih": [capaian, massal],
        "nilai_agregat": [periode, massal],
        "lewat_batas": [bendera, massal],
        "bit_capaian": [bendera, capaian, massal],
        "predikat_angka": [skala, massal],
        "rata_rata": [rekap, massal],
    }
    for nama, modul in bersama.items():
        asli = getattr(modul[0], nama)  # where it is defined
        for m in modul:
            assert getattr(m, nama) is asli, (nama, m.__name__)
            monkeypatch.setattr(m, nama, bungkus(nama, asli, jalur))

    riwayat = [D(90), D(100), D(110)]
    baris = [
        BarisMassal((D(10), D(200)), D(40), "positif", "kumulatif", riwayat=riwayat),
        BarisMassal((D(10), D(30)), D(40), "negatif", "rata_rata", riwayat=riwayat),
    ]
    jalur[0] = "massal"
    h = hitung_massal(baris)
    rekap_massal(h.nilai, [0] * len(h))
    jalur[0] = "satu"
    for b in baris:
        for n in (1, 2):
            real = hitung_agregasi(b.realisasi, agregasi=b.agregasi, sampai=n)
            predikat(
                hitung_capaian(
                    target=b.target,
                    realisasi=real.nilai_asli,
                    polaritas=b.polaritas,
                    riwayat=b.riwayat,
                    bendera_tambahan=real.bendera,
                )
            )
    rollup(list(h.nilai))
    assert dipanggil == {nama: {"massal", "satu"} for nama in bersama}
