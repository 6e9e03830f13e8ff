"""A cycle runs an SOP template step by step: inbox roles, deadlines, decisions and returns."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinerja.alur import services
from kinerja.alur.models import StatusSiklus
from kinerja.alur.waktu import hitung_tenggat, tambah_hari_kerja
from kinerja.inti.models import Peristiwa
from kinerja.organisasi.models import KodePeran
from tests.alur.bantuan import SOP, aktif, buka
from tests.factories import UserFactory, beri_peran

pytestmark = pytest.mark.django_db


def test_template_diimpor_dengan_langkah_dan_waktu(dunia):
    t = dunia["template"]
    assert t.versi == 1 and t.langkah.count() == 5
    lk = list(t.langkah.all())
    assert lk[1].waktu_label == "2 hari kerja"
    assert lk[3].waktu_label == "Sesuai dengan Surat Perjanjian Kontrak"


def test_impor_ulang_membuat_versi_baru_dan_siklus_tetap_di_versi_lama(dunia):
    s = buka(dunia)
    admin = beri_peran(UserFactory(), KodePeran.ADMIN_PEMDA, dunia["dinas"].induk)
    data = services.template_ke_data(dunia["template"])
    data["langkah"][2]["uraian"] = "Tim SAKIP menyusun laporan (direvisi)"
    baru = services.template_impor(pengguna=admin, data=data, instansi=dunia["dinas"])
    assert baru.versi == 2 and baru.aktif
    dunia["template"].refresh_from_db()
    assert not dunia["template"].aktif
    assert s.tugas.first().langkah.template_id == dunia["template"].pk


def test_ekspor_lalu_impor_menghasilkan_data_sama(dunia):
    from kinerja.alur import berkas_sop

    data = services.template_ke_data(dunia["template"])
    assert berkas_sop.validasi(data) == []
    assert berkas_sop.ke_yaml(data) == berkas_sop.ke_yaml(SOP)


def test_template_tidak_sah_ditolak_tanpa_menulis(dunia):
    admin = beri_peran(UserFactory(), KodePeran.ADMIN_PEMDA, dunia["dinas"].induk)
    rusak = dict(SOP, kode="rusak", langkah=[dict(SOP["langkah"][0], pelaksana=["hantu"])])
    with pytest.raises(ValidationError):
        services.template_impor(pengguna=admin, data=rusak, instansi=dunia["dinas"])
    assert not dunia["template"].__class__.objects.filter(kode="rusak").exists()


def test_hanya_kepala_membuka_siklus(dunia):
    for u in ("operator", "luar", "tim"):
        with pytest.raises(PermissionDenied):
            buka(dunia, dunia[u])
    s = buka(dunia)
    assert s.status == StatusSiklus.BERJALAN
    assert Peristiwa.objects.filter(aksi="siklus.buka", objek_id=str(s.pk)).count() == 1


def test_nomor_perintah_wajib(dunia):
    with pytest.raises(ValidationError, match="wajib"):
        services.siklus_buka(
            pengguna=dunia["kepala"],
            template=dunia["template"],
            instansi=dunia["dinas"],
            periode=dunia["periode"],
            jenis_perintah="Disposisi",
            nomor_perintah=" ",
            tanggal_perintah=dt.date(2026, 10, 1),
        )


def test_siklus_kedua_untuk_periode_sama_ditolak(dunia):
    buka(dunia)
    with pytest.raises(ValidationError, match="sudah berjalan"):
        buka(dunia)


@time_machine.travel(dt.datetime(2026, 10, 2, 9, 0, tzinfo=dt.UTC), tick=False)
def test_langkah_pertama_selesai_langkah_kedua_aktif_dengan_tenggat_hari_kerja(dunia):
    s = buka(dunia)  # Friday 2 October 2026
    t = aktif(s)
    assert t.langkah.no == 2
    assert t.tenggat == dt.datetime(2026, 10, 6, 9, 0, tzinfo=dt.UTC)  # Mon, Tue


def test_pelaksana_dicek_per_langkah(dunia):
    s = buka(dunia)
    t = aktif(s)
    with pytest.raises(PermissionDenied):
        services.tugas_selesaikan(pengguna=dunia["tim"], tugas=t)
    # "Bidang" is the operators and the Kepala Bidang.
    services.tugas_selesaikan(pengguna=dunia["kabid"], tugas=t)
    assert aktif(s).langkah.no == 3


def test_alur_lengkap_dengan_pengembalian(dunia):
    s = buka(dunia)
    services.tugas_selesaikan(pengguna=dunia["operator"], tugas=aktif(s))
    services.tugas_selesaikan(pengguna=dunia["tim"], tugas=aktif(s))
    keputusan = aktif(s)
    with pytest.raises(ValidationError, match="setuju atau kembalikan"):
        services.tugas_selesaikan(pengguna=dunia["kepala"], tugas=keputusan)
    with pytest.raises(ValidationError, match="alasan"):
        services.tugas_putuskan(pengguna=dunia["kepala"], tugas=keputusan, hasil="kembalikan")
    ulang = services.tugas_putuskan(
        pengguna=dunia["kepala"], tugas=keputusan, hasil="kembalikan", alasan="lengkapi bukti"
    )
    assert ulang.langkah.no == 2 and ulang.putaran == 2
    services.tugas_selesaikan(pengguna=dunia["operator"], tugas=aktif(s))
    services.tugas_selesaikan(pengguna=dunia["tim"], tugas=aktif(s))
    services.tugas_putuskan(pengguna=dunia["sekretaris"], tugas=aktif(s), hasil="setuju")
    services.tugas_selesaikan(pengguna=dunia["sekretaris"], tugas=aktif(s))
    s.refresh_from_db()
    assert s.status == StatusSiklus.SELESAI
    riwayat = list(
        s.tugas.order_by("putaran", "langkah__urutan").values_list(
            "putaran", "langkah__no", "status"
        )
    )
    assert (1, 4, "dikembalikan") in riwayat and (1, 5, "dilewati") in riwayat
    assert (2, 5, "selesai") in riwayat


def test_tugas_yang_sudah_selesai_tidak_dapat_diselesaikan_lagi(dunia):
    s = buka(dunia)
    t = aktif(s)
    services.tugas_selesaikan(pengguna=dunia["operator"], tugas=t)
    with pytest.raises(ValidationError, match="tidak sedang"):
        services.tugas_selesaikan(pengguna=dunia["operator"], tugas=t)


def test_hitung_tenggat_satuan():
    m = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)  # Friday
    assert hitung_tenggat(m, Decimal(30), "menit") == m + dt.timedelta(minutes=30)
    # 15.00 WIB + 2 office hours: one hour today (closing 16.00), one from 07.30 on Monday.
    assert hitung_tenggat(m, Decimal(2), "jam") == dt.datetime(2026, 11, 23, 1, 30, tzinfo=dt.UTC)
    assert hitung_tenggat(m, Decimal(1), "hari") == dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
    assert hitung_tenggat(m, None, "teks") is None
    libur = [dt.date(2026, 11, 23)]
    assert tambah_hari_kerja(m, 1, libur).date() == dt.date(2026, 11, 24)
    assert timezone.is_aware(hitung_tenggat(m, Decimal(1), "hari"))
