"""Every page needs a login; the login page and health check do not."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_beranda_tanpa_login_dialihkan_ke_halaman_masuk(client):
    resp = client.get(reverse("beranda"))
    assert resp.status_code == 302
    assert resp.url.startswith(reverse("login"))


def test_halaman_masuk_terbuka_dan_berbahasa_indonesia(client):
    resp = client.get(reverse("login"))
    assert resp.status_code == 200
    assert "Masuk ke Kinerja" in resp.content.decode()
    assert "Content-Security-Policy" in resp.headers


def test_login_benar_membuka_beranda(client):
    get_user_model().objects.create_user("budi", password="rahasia-panjang-123")
    resp = client.post(reverse("login"), {"username": "budi", "password": "rahasia-panjang-123"})
    assert resp.status_code == 302
    assert client.get(reverse("beranda")).status_code == 200


def test_login_gagal_berulang_dikunci(client):
    get_user_model().objects.create_user("budi", password="rahasia-panjang-123")
    for _ in range(5):
        client.post(reverse("login"), {"username": "budi", "password": "salah"})
    resp = client.post(reverse("login"), {"username": "budi", "password": "rahasia-panjang-123"})
    assert resp.status_code == 429
    assert "Terlalu banyak percobaan" in resp.content.decode()


def test_kesehatan_tanpa_login(client):
    assert client.get(reverse("kesehatan")).json() == {"status": "ok"}


def test_beranda_kepala_menautkan_dasbor_dan_capaian_periode_terakhir(client):
    from kinerja.organisasi.models import KodePeran
    from tests.factories import PerangkatDaerahFactory, PeriodeFactory, UserFactory, beri_peran

    dinas = PerangkatDaerahFactory()
    periode = PeriodeFactory(pemda=dinas.induk, nomor=3)
    client.force_login(beri_peran(UserFactory(), KodePeran.KEPALA, dinas))
    html = client.get(reverse("beranda")).content.decode()
    assert reverse("analisis:dasbor_instansi", args=[dinas.pk]) + f"?periode={periode.pk}" in html
    assert reverse("pengukuran:capaian", args=[dinas.pk, periode.pk]) in html
