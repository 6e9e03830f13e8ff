"""The PermenPAN-RB 6/2022 rules in `kinerja.skp.matriks`: every matrix cell, the organisation
bands and the unit-head mapping, and each distribution rule on both sides of its limit."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest

from kinerja.skp import matriks
from kinerja.skp.matriks import Predikat as P
from kinerja.skp.matriks import PredikatOrganisasi as O
from kinerja.skp.matriks import Rating as R

SEL = [
    (R.DI_ATAS, R.DI_ATAS, P.SANGAT_BAIK),
    (R.DI_ATAS, R.SESUAI, P.BAIK),
    (R.DI_ATAS, R.DI_BAWAH, P.KURANG),
    (R.SESUAI, R.DI_ATAS, P.BAIK),
    (R.SESUAI, R.SESUAI, P.BAIK),
    (R.SESUAI, R.DI_BAWAH, P.KURANG),
    (R.DI_BAWAH, R.DI_ATAS, P.BUTUH_PERBAIKAN),
    (R.DI_BAWAH, R.SESUAI, P.BUTUH_PERBAIKAN),
    (R.DI_BAWAH, R.DI_BAWAH, P.SANGAT_KURANG),
]


@pytest.mark.parametrize(("hasil", "perilaku", "predikat"), SEL)
def test_every_cell_of_the_matrix(hasil, perilaku, predikat):
    assert matriks.predikat_kinerja(hasil, perilaku) is predikat
    assert matriks.predikat_kinerja(hasil.value, perilaku.value) is predikat


def test_the_matrix_has_exactly_nine_cells_and_uses_all_five_predikat():
    assert len(matriks.MATRIKS) == 9
    assert set(matriks.MATRIKS.values()) == set(P)


def test_an_unknown_rating_is_refused():
    with pytest.raises(ValueError):
        matriks.predikat_kinerja("luar_biasa", "sesuai")


@pytest.mark.parametrize(
    ("capaian", "org", "rating"),
    [
        ("150", O.ISTIMEWA, R.DI_ATAS),
        ("100.01", O.ISTIMEWA, R.DI_ATAS),
        ("100", O.BAIK, R.SESUAI),
        ("91", O.BAIK, R.SESUAI),
        ("90.99", O.BUTUH_PERBAIKAN, R.DI_BAWAH),
        ("76", O.BUTUH_PERBAIKAN, R.DI_BAWAH),
        ("75.99", O.KURANG, R.DI_BAWAH),
        ("51", O.KURANG, R.DI_BAWAH),
        ("50.99", O.SANGAT_KURANG, R.DI_BAWAH),
        ("0", O.SANGAT_KURANG, R.DI_BAWAH),
    ],
)
def test_unit_head_rating_follows_the_units_capaian(capaian, org, rating):
    assert matriks.predikat_organisasi(Decimal(capaian)) is org
    assert matriks.rating_hasil_kerja_pimpinan(Decimal(capaian)) is rating


def test_no_capaian_gives_no_rating():
    assert matriks.predikat_organisasi(None) is None
    assert matriks.rating_hasil_kerja_pimpinan(None) is None
    with pytest.raises(ValueError):
        matriks.predikat_organisasi(Decimal("NaN"))


def kode(org, **jumlah):
    return {p.kode for p in matriks.periksa_distribusi(org, {P(k): v for k, v in jumlah.items()})}


def test_istimewa_allows_at_most_70_percent_sangat_baik():
    assert kode(O.ISTIMEWA, sangat_baik=7, baik=3) == set()
    assert kode(O.ISTIMEWA, sangat_baik=8, baik=2) == {"sangat_baik_maks_70"}


def test_baik_needs_someone_below_and_at_most_70_percent_baik():
    assert kode(O.BAIK, baik=7, butuh_perbaikan=1, sangat_baik=2) == set()
    assert kode(O.BAIK, baik=7, kurang=1, sangat_baik=2) == set()
    assert kode(O.BAIK, baik=7, sangat_baik=3) == {"harus_ada_butuh_perbaikan_kurang"}
    assert kode(O.BAIK, baik=8, butuh_perbaikan=2) == {"baik_maks_70"}


def test_butuh_perbaikan_needs_60_percent_and_caps_sangat_baik_at_10():
    assert kode(O.BUTUH_PERBAIKAN, butuh_perbaikan=6, baik=3, sangat_baik=1) == set()
    assert kode(O.BUTUH_PERBAIKAN, butuh_perbaikan=5, baik=5) == {"butuh_perbaikan_min_60"}
    assert kode(O.BUTUH_PERBAIKAN, butuh_perbaikan=6, sangat_baik=2, baik=2) == {
        "sangat_baik_maks_10"
    }


def test_kurang_needs_60_percent_kurang_and_10_percent_butuh_perbaikan():
    assert kode(O.KURANG, kurang=6, butuh_perbaikan=1, baik=2, sangat_baik=1) == set()
    assert kode(O.KURANG, kurang=6, baik=4) == {"butuh_perbaikan_min_10"}
    assert kode(O.KURANG, kurang=5, butuh_perbaikan=5) == {"kurang_min_60"}
    assert kode(O.KURANG, kurang=6, butuh_perbaikan=2, sangat_baik=2) == {"sangat_baik_maks_10"}


def test_sangat_kurang_needs_60_percent_and_no_sangat_baik():
    assert kode(O.SANGAT_KURANG, sangat_kurang=6, kurang=1, baik=3) == set()
    assert kode(O.SANGAT_KURANG, sangat_kurang=6, butuh_perbaikan=1, baik=3) == set()
    assert kode(O.SANGAT_KURANG, sangat_kurang=6, baik=4) == {"kurang_butuh_perbaikan_min_10"}
    assert kode(O.SANGAT_KURANG, sangat_kurang=5, kurang=5) == {"sangat_kurang_min_60"}
    assert kode(O.SANGAT_KURANG, sangat_kurang=8, kurang=1, sangat_baik=1) == {"sangat_baik_maks_0"}


def test_nothing_to_check_without_employees_or_organisation_predikat():
    assert matriks.periksa_distribusi(O.BAIK, {}) == []
    assert matriks.periksa_distribusi(None, {P.BAIK: 3}) == []


def test_messages_are_indonesian_with_counts():
    (p,) = matriks.periksa_distribusi(O.ISTIMEWA, {P.SANGAT_BAIK: 3})
    assert "paling banyak 70%" in p.pesan and "3 dari 3 (100,0%)" in p.pesan


def test_module_imports_nothing_from_django():
    pohon = ast.parse(Path(matriks.__file__).read_text())
    for node in ast.walk(pohon):
        if isinstance(node, ast.Import | ast.ImportFrom):
            nama = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            assert not (nama or "").startswith("django")
