"""Each of the four seed SOPs runs end to end on the demo data, performed by the demo logins.

For every built-in template: the agency's Kepala opens a cycle for the running quarter; each step
is done by a demo user holding one of the step's performer roles; every decision step first
returns the work (with a reason) and then approves it; meeting steps record their minutes. The
cycle must finish, which proves that the demo has a login for every performer of every SOP and
that every step is reachable; the audit trail holds every action.
"""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from kinerja.alur import services
from kinerja.alur.data_contoh import AGENSI_SOP, jalankan
from kinerja.alur.models import JenisLangkah, Siklus, StatusSiklus, StatusTugas, TemplateSOP
from kinerja.alur.pelaksana import boleh_melaksanakan
from kinerja.inti.models import Peristiwa
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("demo", verbosity=0)
    yield
    with django_db_blocker.unblock():
        from kinerja.demo.pemuat import hapus_demo

        hapus_demo()


@pytest.mark.django_db
def test_demo_memuat_siklus_selesai_dan_berjalan_per_instansi(demo):
    for nama in AGENSI_SOP.values():
        status = set(Siklus.objects.filter(instansi__nama=nama).values_list("status", flat=True))
        assert status == {StatusSiklus.SELESAI, StatusSiklus.BERJALAN}, nama


@pytest.mark.django_db
@pytest.mark.parametrize("kode", sorted(AGENSI_SOP))
def test_sop_berjalan_sampai_selesai(demo, kode):
    template = TemplateSOP.objects.get(kode=kode, aktif=True)
    instansi = Instansi.objects.get(nama=AGENSI_SOP[kode])
    periode = Periode.objects.get(
        pemda=instansi.pemda(), tahun=2026, jenis_periode="triwulan", nomor=2
    )
    # Superusers would pass every check: only real role holders may perform steps here.
    pengguna = list(
        get_user_model()
        .objects.filter(is_superuser=False, peran__isnull=False)
        .distinct()
        .order_by("username")
    )
    pertama = template.langkah.order_by("urutan").first()
    kepala = next(u for u in pengguna if boleh_melaksanakan(u, pertama.pelaksana, instansi))
    siklus = services.siklus_buka(
        pengguna=kepala,
        template=template,
        instansi=instansi,
        periode=periode,
        jenis_perintah="Disposisi",
        nomor_perintah=f"000/{kode}/2026",
        tanggal_perintah=dt.date(2026, 7, 6),
    )
    hitung = jalankan(siklus, pengguna)
    siklus.refresh_from_db()
    assert siklus.status == StatusSiklus.SELESAI
    keputusan = template.langkah.filter(jenis=JenisLangkah.KEPUTUSAN).count()
    assert keputusan >= 1 and hitung["kembali"] == keputusan
    assert siklus.tugas.filter(putaran__gt=1).exists()
    langkah_rapat = sum(1 for lk in template.langkah.all() if services.perlu_rapat(lk))
    assert langkah_rapat >= 1 and hitung["rapat"] >= langkah_rapat
    # Every task that ran has its times, its performer and an audit row.
    selesai = siklus.tugas.filter(status__in=[StatusTugas.SELESAI, StatusTugas.DIKEMBALIKAN])
    assert all(t.mulai and t.selesai and t.diselesaikan_oleh_id for t in selesai)
    tercatat = set(
        Peristiwa.objects.filter(objek_tipe="alur.tugas").values_list("objek_id", flat=True)
    )
    assert {str(t.pk) for t in selesai.exclude(langkah__urutan=1)} <= tercatat
    assert Peristiwa.objects.filter(aksi="siklus.buka", objek_id=str(siklus.pk)).exists()
