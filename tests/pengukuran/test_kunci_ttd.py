"""Signing a measurement document locks its agency's data for the period until a new version."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kinerja.dokumen.models import Dokumen
from kinerja.organisasi.models import KodePeran
from kinerja.pengukuran import services
from kinerja.pengukuran.models import Realisasi
from tests.factories import IndikatorFactory, PeriodeFactory, UnitFactory, UserFactory, beri_peran

pytestmark = pytest.mark.django_db


def dokumen(instansi, periode, versi, status, jenis="laporan_pengukuran"):
    return Dokumen.objects.create(
        jenis=jenis,
        instansi=instansi,
        periode=periode,
        tahun=periode.tahun,
        judul="Laporan Hasil Pengukuran Kinerja",
        format="pdf",
        versi=versi,
        status=status,
        nomor="050/1/2026",
        berkas="dokumen/x.pdf",
        nama_berkas="x.pdf",
        sha256="0" * 64,
        dibuat_pada=timezone.now(),
        ditandatangani_pada=None if status == "draf" else timezone.now(),
    )


@pytest.fixture
def dunia():
    bidang = UnitFactory()
    dinas = bidang.induk
    return {
        "dinas": dinas,
        "periode": PeriodeFactory(pemda=dinas.induk),
        "indikator": IndikatorFactory(unit_penanggung_jawab=bidang),
        "operator": beri_peran(UserFactory(), KodePeran.BIDANG, bidang),
    }


def simpan(d, nilai="10"):
    return services.realisasi_simpan(
        pengguna=d["operator"], indikator=d["indikator"], periode=d["periode"], nilai=nilai
    )


def test_laporan_bertanda_tangan_mengunci_data_instansinya(dunia):
    dokumen(dunia["dinas"], dunia["periode"], 1, "ditandatangani")
    with pytest.raises(ValidationError, match="sudah dikunci"):
        simpan(dunia)
    assert not Realisasi.objects.exists()


def test_versi_baru_membuka_kunci(dunia):
    dokumen(dunia["dinas"], dunia["periode"], 1, "ditandatangani")
    dokumen(dunia["dinas"], dunia["periode"], 2, "draf")
    assert simpan(dunia).nilai == Decimal(10)


def test_draf_atau_dokumen_lain_tidak_mengunci(dunia):
    dokumen(dunia["dinas"], dunia["periode"], 1, "draf")
    dokumen(dunia["dinas"], dunia["periode"], 1, "ditandatangani", jenis="pk")
    dokumen(UnitFactory().induk, dunia["periode"], 1, "ditandatangani")
    assert simpan(dunia).nilai == Decimal(10)
