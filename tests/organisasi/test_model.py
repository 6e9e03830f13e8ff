"""The Instansi tree, positions and database constraints."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kinerja.organisasi.models import Instansi, JenisInstansi, PemangkuJabatan, StatusPemangku
from tests.factories import JabatanFactory, PegawaiFactory, PemdaFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_jalur_memuat_leluhur_dan_subtree_satu_kueri(django_assert_num_queries):
    unit = UnitFactory()
    pd = unit.induk
    pemda = pd.induk
    assert unit.jalur == f"/{pemda.pk}/{pd.pk}/{unit.pk}/"
    with django_assert_num_queries(1):
        assert set(pemda.subtree()) == {pemda, pd, unit}
    assert unit.pemda() == pemda
    assert unit.perangkat_daerah() == pd


def test_memindahkan_instansi_memindahkan_subtree():
    unit = UnitFactory()
    sub = Instansi.objects.create(induk=unit, jenis=JenisInstansi.SUBUNIT, nama="Seksi")
    pd_baru = UnitFactory().induk
    unit.induk = pd_baru
    unit.save()
    sub.refresh_from_db()
    assert sub.jalur.startswith(pd_baru.jalur)


def test_akar_harus_pemda():
    with pytest.raises(IntegrityError), transaction.atomic():
        Instansi.objects.create(jenis=JenisInstansi.UNIT, nama="Unit Yatim")


def test_nip_tidak_sah_ditolak_validasi_model():
    p = PegawaiFactory.build(nip="123", unit=UnitFactory())
    with pytest.raises(ValidationError) as e:
        p.full_clean()
    assert "NIP harus 18 angka" in str(e.value)


def test_pemangku_definitif_didahulukan_dari_plt():
    jab = JabatanFactory()
    plt = PegawaiFactory()
    definitif = PegawaiFactory()
    PemangkuJabatan.objects.create(
        jabatan=jab, pegawai=plt, status=StatusPemangku.PLT, mulai=dt.date(2026, 1, 1)
    )
    assert jab.pemangku_pada(dt.date(2026, 3, 1)).pegawai == plt
    PemangkuJabatan.objects.create(jabatan=jab, pegawai=definitif, mulai=dt.date(2026, 6, 1))
    assert jab.pemangku_pada(dt.date(2026, 7, 1)).pegawai == definitif
    assert jab.pemangku_pada(dt.date(2025, 7, 1)) is None


def test_pemangku_selesai_sebelum_mulai_ditolak_basis_data():
    jab = JabatanFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        PemangkuJabatan.objects.create(
            jabatan=jab,
            pegawai=PegawaiFactory(),
            mulai=dt.date(2026, 6, 1),
            selesai=dt.date(2026, 1, 1),
        )


def test_nama_pemda_unik():
    PemdaFactory(nama="Pemerintah Kabupaten Lumajang")
    with pytest.raises(IntegrityError), transaction.atomic():
        PemdaFactory(nama="Pemerintah Kabupaten Lumajang")
