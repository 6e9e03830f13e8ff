"""Saving and moving realisations: permission, validation, audit, stale edits."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.inti.audit import EditanKedaluwarsa
from kinerja.inti.models import Peristiwa
from kinerja.organisasi.models import KodePeran
from kinerja.pengukuran import services
from kinerja.pengukuran.models import Realisasi, StatusRealisasi
from kinerja.perencanaan.models import JenisNilai, LevelOrdinal, SkalaOrdinal
from tests.factories import (
    IndikatorFactory,
    PeriodeFactory,
    UnitFactory,
    UserFactory,
    beri_peran,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dunia():
    bidang = UnitFactory()
    pemda = bidang.induk.induk
    return {
        "bidang": bidang,
        "periode": PeriodeFactory(pemda=pemda),
        "indikator": IndikatorFactory(unit_penanggung_jawab=bidang),
        "operator": beri_peran(UserFactory(), KodePeran.BIDANG, bidang),
        "validator": beri_peran(UserFactory(), KodePeran.TIM_SAKIP, bidang.induk),
        "luar": beri_peran(UserFactory(), KodePeran.BIDANG, UnitFactory()),
        "inspektorat": beri_peran(UserFactory(), KodePeran.INSPEKTORAT, pemda),
    }


def simpan(d, nilai="1.234,5", pengguna=None, **kw):
    return services.realisasi_simpan(
        pengguna=pengguna or d["operator"],
        indikator=d["indikator"],
        periode=d["periode"],
        nilai=nilai,
        **kw,
    )


def test_operator_menyimpan_nilai_dan_tercatat_di_log(dunia):
    r = simpan(dunia, kendala="hujan")
    assert r.nilai == Decimal("1234.5")
    assert r.kendala == "hujan"
    p = Peristiwa.objects.get(aksi="realisasi.simpan")
    assert p.pengguna == dunia["operator"]
    assert Decimal(p.sesudah["nilai"]) == Decimal("1234.5")


@pytest.mark.parametrize("pengguna", ["luar", "inspektorat", "validator_lain"])
def test_yang_tidak_berhak_ditolak_tanpa_menulis(dunia, pengguna):
    u = dunia.get(pengguna) or UserFactory()
    with pytest.raises(PermissionDenied):
        simpan(dunia, pengguna=u)
    assert not Realisasi.objects.exists()
    assert not Peristiwa.objects.filter(aksi__startswith="realisasi").exists()


@pytest.mark.parametrize("teks", ["12,3,4", "abc", "1e999", "1.234", "-5"])
def test_nilai_tidak_sah_ditolak_dan_tidak_ada_yang_berubah(dunia, teks):
    simpan(dunia, nilai="10")
    with pytest.raises(ValidationError):
        simpan(dunia, nilai=teks, versi=1)
    r = Realisasi.objects.get()
    assert r.nilai == Decimal("10") and r.versi == 1
    assert Peristiwa.objects.filter(aksi__startswith="realisasi").count() == 1


def test_editan_basi_ditolak(dunia):
    simpan(dunia, nilai="10")
    simpan(dunia, nilai="11", versi=1)  # another user's save in between
    with pytest.raises(EditanKedaluwarsa):
        simpan(dunia, nilai="12", versi=1)
    assert Realisasi.objects.get().nilai == Decimal("11")


def test_periode_ditutup_menolak_pengisian(dunia):
    dunia["periode"].status = "ditutup"
    dunia["periode"].save()
    with pytest.raises(ValidationError, match="sudah ditutup"):
        simpan(dunia)


def test_biner_dan_ordinal_dibaca_sesuai_jenis(dunia):
    ind = dunia["indikator"]
    ind.jenis_nilai = JenisNilai.BINER
    ind.save()
    assert simpan(dunia, nilai="Ya").nilai == Decimal(1)
    skala = SkalaOrdinal.objects.create(kode="opini", nama="Opini BPK")
    for i, k in enumerate(["WTP", "WDP", "TW", "TMP"]):
        LevelOrdinal.objects.create(skala=skala, urutan=i, kode=k, label=k, skor=4 - i)
    ind.jenis_nilai, ind.skala = JenisNilai.ORDINAL, skala
    ind.save()
    r = simpan(dunia, nilai="wtp", versi=1)
    assert r.nilai_teks == "WTP" and r.nilai is None
    with pytest.raises(ValidationError, match="tidak ada pada skala"):
        simpan(dunia, nilai="AAA", versi=2)


def test_alur_ajukan_kembalikan_perbaiki_validasi(dunia):
    r = simpan(dunia)
    r = services.realisasi_ubah_status(pengguna=dunia["operator"], realisasi=r, aksi="ajukan")
    assert r.status == StatusRealisasi.DIAJUKAN
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        simpan(dunia, versi=r.versi)
    with pytest.raises(ValidationError, match="Alasan wajib"):
        services.realisasi_ubah_status(pengguna=dunia["validator"], realisasi=r, aksi="kembalikan")
    r = services.realisasi_ubah_status(
        pengguna=dunia["validator"], realisasi=r, aksi="kembalikan", catatan="lengkapi bukti"
    )
    assert r.status == StatusRealisasi.DIKEMBALIKAN and r.catatan_validasi == "lengkapi bukti"
    r = simpan(dunia, nilai="99", versi=r.versi)
    r = services.realisasi_ubah_status(pengguna=dunia["operator"], realisasi=r, aksi="ajukan")
    r = services.realisasi_ubah_status(pengguna=dunia["validator"], realisasi=r, aksi="validasi")
    assert r.status == StatusRealisasi.DIVALIDASI


def test_operator_tidak_boleh_memvalidasi(dunia):
    r = simpan(dunia)
    r = services.realisasi_ubah_status(pengguna=dunia["operator"], realisasi=r, aksi="ajukan")
    with pytest.raises(PermissionDenied):
        services.realisasi_ubah_status(pengguna=dunia["operator"], realisasi=r, aksi="validasi")


@pytest.mark.parametrize(
    ("status", "aksi", "boleh"),
    [
        ("draf", "ajukan", True),
        ("draf", "validasi", False),
        ("diajukan", "validasi", True),
        ("diajukan", "ajukan", False),
        ("divalidasi", "kembalikan", False),
        ("divalidasi", "buka_kunci", True),
        ("dikembalikan", "ajukan", True),
        ("dikembalikan", "validasi", False),
    ],
)
def test_tabel_transisi_dua_arah(status, aksi, boleh):
    from kinerja.pengukuran.alur_status import status_berikut

    assert (status_berikut(status, aksi) is not None) is boleh
