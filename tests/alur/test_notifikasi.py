"""Notifications on assignment and return, reminders near and past the deadline, the calendar."""

import datetime as dt
import io
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from kinerja.alur import services
from kinerja.alur.models import KalenderKerja, Notifikasi
from kinerja.alur.notifikasi import kirim_pengingat
from kinerja.alur.waktu import Kalender, hitung_tenggat
from tests.alur.bantuan import aktif, buka

pytestmark = pytest.mark.django_db


def test_pelaksana_langkah_berikut_diberi_tahu_di_aplikasi_dan_surel(
    dunia, django_capture_on_commit_callbacks
):
    dunia["operator"].email = "operator@contoh.go.id"
    dunia["operator"].save()
    with django_capture_on_commit_callbacks(execute=True):
        s = buka(dunia)
    n = Notifikasi.objects.get(pengguna=dunia["operator"])
    assert n.jenis == "tugas_baru" and "Langkah 2" in n.pesan
    assert not Notifikasi.objects.filter(pengguna=dunia["tim"]).exists()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["operator@contoh.go.id"]
    assert f"/alur/siklus/{s.pk}/" in mail.outbox[0].body


def test_pengembalian_memberi_tahu_dengan_alasan(dunia):
    s = buka(dunia)
    services.tugas_selesaikan(pengguna=dunia["operator"], tugas=aktif(s))
    services.tugas_selesaikan(pengguna=dunia["tim"], tugas=aktif(s))
    services.tugas_putuskan(
        pengguna=dunia["kepala"], tugas=aktif(s), hasil="kembalikan", alasan="bukti kurang"
    )
    n = Notifikasi.objects.filter(pengguna=dunia["operator"], jenis="dikembalikan").get()
    assert "bukti kurang" in n.pesan


def test_pengingat_menjelang_dan_terlambat_sekali_saja(dunia):
    with time_machine.travel(dt.datetime(2026, 10, 5, 1, 0, tzinfo=dt.UTC), tick=False):
        s = buka(dunia)  # Monday 08.00 WIB; step 2 takes 2 working days
    t = aktif(s)
    with time_machine.travel(t.tenggat - dt.timedelta(hours=3), tick=False):
        # the Bidang column: the operator and the Kepala Bidang
        assert kirim_pengingat() == {"menjelang_tenggat": 2, "terlambat": 0}
        assert kirim_pengingat() == {"menjelang_tenggat": 0, "terlambat": 0}
    with time_machine.travel(t.tenggat + dt.timedelta(hours=1), tick=False):
        assert kirim_pengingat()["terlambat"] == 2
        call_command("pengingat", stdout=io.StringIO())
    assert Notifikasi.objects.filter(jenis="terlambat").count() == 2


def test_halaman_notifikasi_menandai_dibaca(client, dunia):
    buka(dunia)
    client.force_login(dunia["operator"])
    html = client.get(reverse("beranda")).content.decode()
    assert 'badge text-bg-warning">1<' in html
    assert "Giliran Anda" in client.get(reverse("alur:notifikasi")).content.decode()
    assert not Notifikasi.objects.filter(dibaca_pada__isnull=True, pengguna=dunia["operator"])


def test_kalender_kerja_pemda_dipakai_untuk_tenggat(dunia):
    KalenderKerja.objects.create(
        pemda=dunia["dinas"].induk, hari_kerja="123456", jam_mulai="08:00", jam_selesai="15:00"
    )
    with time_machine.travel(dt.datetime(2026, 10, 2, 7, 0, tzinfo=dt.UTC), tick=False):
        s = buka(dunia)  # Friday 14.00 WIB; Saturday is a working day here
    # step 2 = 2 working days: Saturday, Monday → Monday 14.00 WIB
    assert aktif(s).tenggat == dt.datetime(2026, 10, 5, 7, 0, tzinfo=dt.UTC)


def test_menit_kerja_melewati_libur_dan_akhir_pekan():
    kal = Kalender(libur=frozenset({dt.date(2026, 11, 23)}))
    jumat_sore = dt.datetime(2026, 11, 20, 8, 30, tzinfo=dt.UTC)  # 15.30 WIB
    # 30 minutes today, 30 on Tuesday (Monday is a holiday) from 07.30
    assert hitung_tenggat(jumat_sore, Decimal(60), "menit", kalender=kal) == dt.datetime(
        2026, 11, 24, 1, 0, tzinfo=dt.UTC
    )


def test_halaman_kepatuhan_menandai_langkah_terlambat(client, dunia):
    with time_machine.travel(dt.datetime(2026, 10, 5, 1, 0, tzinfo=dt.UTC), tick=False):
        s = buka(dunia)
    t = aktif(s)
    with time_machine.travel(t.tenggat + dt.timedelta(days=1), tick=False):
        services.tugas_selesaikan(pengguna=dunia["operator"], tugas=t)
        client.force_login(dunia["kepala"])
        html = client.get(reverse("alur:kepatuhan")).content.decode()
    assert "1 dari" in html and "terlambat" in html
    client.force_login(dunia["luar"])
    assert "Bidang mengisi format" not in client.get(reverse("alur:kepatuhan")).content.decode()
