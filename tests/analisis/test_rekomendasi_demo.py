"""The demo's recommendations: each seed agency has its TW III 2026 recommendations and two
follow-ups (one done, one open); loading again duplicates nothing; the Kepala of each agency
finds them on the page and the owners see their follow-up."""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from kinerja.alur.data_contoh import AGENSI_SOP
from kinerja.analisis.data_contoh import muat_data_contoh
from kinerja.analisis.models import Rekomendasi, StatusRekomendasi, TindakLanjut
from kinerja.demo.pemuat import hapus_demo
from kinerja.organisasi.models import Instansi, KodePeran, Peran


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    # Only this app's extension runs: the test checks the recommendations demo.
    def hanya_rekomendasi(hasil):
        muat_data_contoh(hasil)
        return ["kinerja.analisis.data_contoh"]

    with (
        django_db_blocker.unblock(),
        mock.patch("kinerja.demo.pemuat.muat_tambahan_aplikasi", hanya_rekomendasi),
    ):
        call_command("demo", tanpa_daftar_akun=True, verbosity=0)
    with django_db_blocker.unblock():
        yield
        hapus_demo()


@pytest.fixture
def agensi(demo, db):
    return [Instansi.objects.get(nama=n, kerangka__isnull=False) for n in AGENSI_SOP.values()]


def test_setiap_instansi_contoh_punya_rekomendasi_tw3(agensi):
    for a in agensi:
        aktif = Rekomendasi.objects.filter(
            instansi=a, periode__tahun=2026, periode__nomor=3, status=StatusRekomendasi.AKTIF
        )
        assert aktif.exists(), a
        tl = TindakLanjut.objects.filter(rekomendasi__instansi=a)
        assert sorted(tl.values_list("status", flat=True)) == ["selesai", "terbuka"], a


def test_memuat_lagi_tidak_menggandakan(agensi):
    sebelum = (Rekomendasi.objects.count(), TindakLanjut.objects.count())
    muat_data_contoh(None)
    assert (Rekomendasi.objects.count(), TindakLanjut.objects.count()) == sebelum


def test_kepala_menemukan_rekomendasi_dan_pemilik_tindak_lanjutnya(client, agensi):
    for a in agensi:
        kepala = (
            Peran.objects.filter(kode__in=[KodePeran.KEPALA, KodePeran.KEPALA_UKPBJ], instansi=a)
            .select_related("pengguna")
            .first()
        )
        assert kepala is not None, a
        client.force_login(kepala.pengguna)
        r = client.get(f"{reverse('analisis:rekomendasi')}?instansi={a.pk}")
        assert r.status_code == 200 and b'<tr id="rek-' in r.content, a
        assert b"tombol-buat" in r.content
        terbuka = TindakLanjut.objects.get(rekomendasi__instansi=a, status="terbuka")
        client.force_login(get_user_model().objects.get(pk=terbuka.pemilik_id))
        r = client.get(reverse("analisis:tindak_lanjut_saya"))
        assert f'id="tl-{terbuka.pk}"'.encode() in r.content
        assert client.get(terbuka.rekomendasi.get_absolute_url()).status_code == 200
