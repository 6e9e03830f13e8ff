"""Each permission rule, from both sides: allowed and refused."""

import pytest

from kinerja.organisasi.models import KodePeran
from tests.factories import IndikatorFactory, UnitFactory, UserFactory, beri_peran

pytestmark = pytest.mark.django_db


@pytest.fixture
def dunia():
    bidang_a = UnitFactory(nama="Bidang A")
    dinas = bidang_a.induk
    bidang_b = UnitFactory(nama="Bidang B", induk=dinas)
    dinas_lain = UnitFactory().induk
    return {"a": bidang_a, "b": bidang_b, "dinas": dinas, "lain": dinas_lain}


def test_operator_bidang_melihat_dan_mengisi_unitnya_saja(dunia):
    u = beri_peran(UserFactory(), KodePeran.BIDANG, dunia["a"])
    ind_a = IndikatorFactory(unit_penanggung_jawab=dunia["a"])
    ind_b = IndikatorFactory(unit_penanggung_jawab=dunia["b"])
    assert u.has_perm("kinerja.lihat", ind_a)
    assert u.has_perm("kinerja.isi", ind_a)
    assert not u.has_perm("kinerja.lihat", ind_b)
    assert not u.has_perm("kinerja.isi", ind_b)
    assert not u.has_perm("kinerja.validasi", ind_a)


def test_sekretaris_dinas_mencakup_semua_bidang_tapi_tidak_dinas_lain(dunia):
    u = beri_peran(UserFactory(), KodePeran.SEKRETARIS, dunia["dinas"])
    assert u.has_perm("kinerja.isi", dunia["a"])
    assert u.has_perm("kinerja.validasi", dunia["b"])
    assert not u.has_perm("kinerja.lihat", dunia["lain"])


def test_inspektorat_membaca_seluruh_pemda_tanpa_mengubah(dunia):
    pemda = dunia["dinas"].induk
    u = beri_peran(UserFactory(), KodePeran.INSPEKTORAT, pemda)
    assert u.has_perm("kinerja.lihat", dunia["a"])
    assert not u.has_perm("kinerja.isi", dunia["a"])
    assert not u.has_perm("kinerja.validasi", dunia["a"])
    assert not u.has_perm("kinerja.rencanakan", dunia["a"])
    assert not u.has_perm("kinerja.lihat", dunia["lain"])


def test_admin_pemda_mengelola_pemdanya(dunia):
    pemda = dunia["dinas"].induk
    u = beri_peran(UserFactory(), KodePeran.ADMIN_PEMDA, pemda)
    assert u.has_perm("kinerja.kelola", dunia["a"])
    assert not u.has_perm("kinerja.kelola", dunia["lain"])


def test_tim_sakip_memvalidasi_kepala_bidang_juga(dunia):
    tim = beri_peran(UserFactory(), KodePeran.TIM_SAKIP, dunia["dinas"])
    kabid = beri_peran(UserFactory(), KodePeran.KEPALA_BIDANG, dunia["a"])
    assert tim.has_perm("kinerja.validasi", dunia["a"])
    assert kabid.has_perm("kinerja.validasi", dunia["a"])
    assert not kabid.has_perm("kinerja.validasi", dunia["b"])


def test_pengguna_tanpa_peran_tidak_melihat_apa_pun(dunia):
    u = UserFactory()
    assert not u.has_perm("kinerja.lihat", dunia["a"])


def test_pengguna_dengan_beberapa_peran_di_beberapa_unit(dunia):
    u = beri_peran(UserFactory(), KodePeran.BIDANG, dunia["a"])
    beri_peran(u, KodePeran.KEPALA_BIDANG, dunia["b"])
    assert u.has_perm("kinerja.isi", dunia["a"])
    assert u.has_perm("kinerja.validasi", dunia["b"])
    assert not u.has_perm("kinerja.validasi", dunia["a"])
