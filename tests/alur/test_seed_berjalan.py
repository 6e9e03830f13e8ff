"""Each of the four seed SOPs runs end to end on the demo data, performed by the demo logins.

For every built-in template: the agency's Kepala opens a cycle for the running quarter; each step
is done by a demo user holding one of the step's performer roles; every decision step first
returns the work (with a reason) and then approves it. The cycle must finish, which proves that
the demo has a login for every performer of every SOP and that every step is reachable.
"""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from kinerja.alur import services
from kinerja.alur.models import (
    JenisLangkah,
    StatusSiklus,
    StatusTugas,
    TemplateSOP,
    Tugas,
)
from kinerja.alur.pelaksana import boleh_melaksanakan
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode

AGENSI = {
    "sumbar-bmcktr-2024": "Dinas Bina Marga, Cipta Karya dan Tata Ruang",
    "banjarnegara-dispermades-2023": (
        "Dinas Pemberdayaan Masyarakat dan Desa, Pengendalian Penduduk dan Keluarga Berencana"
    ),
    "kukar-ukpbj-2020": "Bagian Pengadaan Barang dan Jasa",
    "lumajang-putr-2024": "Dinas Pekerjaan Umum dan Tata Ruang",
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("demo", verbosity=0)
    yield
    with django_db_blocker.unblock():
        from kinerja.alur.models import Siklus

        Siklus.objects.all().delete()


def pelaksana(pengguna, tugas):
    for u in pengguna:
        if boleh_melaksanakan(u, tugas.langkah.pelaksana, tugas.siklus.instansi):
            return u
    raise AssertionError(f"tidak ada login demo untuk langkah {tugas.langkah}")


@pytest.mark.django_db
@pytest.mark.parametrize("kode", sorted(AGENSI))
def test_sop_berjalan_sampai_selesai(demo, kode):
    template = TemplateSOP.objects.get(kode=kode, aktif=True)
    instansi = Instansi.objects.get(nama=AGENSI[kode])
    periode = Periode.objects.get(
        pemda=instansi.pemda(), tahun=2026, jenis_periode="triwulan", nomor=4
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
        tanggal_perintah=dt.date(2026, 10, 5),
    )
    sudah_dikembalikan: set[int] = set()
    rapat = 0
    for _ in range(200):
        t = (
            Tugas.objects.select_related("langkah", "siklus__instansi")
            .filter(siklus=siklus, status=StatusTugas.AKTIF)
            .first()
        )
        if t is None:
            break
        u = pelaksana(pengguna, t)
        if services.perlu_rapat(t.langkah) and not t.rapat.exists():
            services.rapat_catat(
                pengguna=u,
                tugas=t,
                judul=t.langkah.uraian[:200],
                waktu=timezone.now(),
                tempat="Ruang rapat",
                pimpinan="Kepala",
                peserta="Sekretaris\nTim SAKIP",
                notulen="Arahan pelaksanaan pengukuran kinerja.",
            )
            rapat += 1
        if t.langkah.jenis == JenisLangkah.KEPUTUSAN:
            if t.langkah.pk not in sudah_dikembalikan:
                sudah_dikembalikan.add(t.langkah.pk)
                services.tugas_putuskan(
                    pengguna=u, tugas=t, hasil="kembalikan", alasan="Lengkapi data dukung."
                )
            else:
                services.tugas_putuskan(pengguna=u, tugas=t, hasil="setuju")
        else:
            services.tugas_selesaikan(pengguna=u, tugas=t)
    siklus.refresh_from_db()
    assert siklus.status == StatusSiklus.SELESAI
    keputusan = template.langkah.filter(jenis=JenisLangkah.KEPUTUSAN).count()
    assert keputusan >= 1
    assert len(sudah_dikembalikan) == keputusan
    assert siklus.tugas.filter(putaran__gt=1).exists()
    langkah_rapat = sum(1 for lk in template.langkah.all() if services.perlu_rapat(lk))
    assert langkah_rapat >= 1
    assert rapat >= langkah_rapat
