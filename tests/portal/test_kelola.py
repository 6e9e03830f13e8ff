"""The publishing page: authorised users publish and withdraw; everyone else is refused."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from kinerja.portal import services
from kinerja.portal.models import Publikasi, StatusPublikasi
from tests.portal.dunia import buat_dunia, laporan

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    w = buat_dunia()
    w["dok"] = laporan(w)
    return w


def pesan(r) -> list[str]:
    return [str(m) for m in r.context["messages"]] if r.context else []


def test_the_admin_sees_the_signed_report_and_publishes_it(client, w):
    client.force_login(w["admin"])
    html = client.get(reverse("portal:kelola")).content.decode()
    assert w["dok"].kode_verifikasi in html and "Belum terbit" in html
    r = client.post(
        reverse("portal:terbitkan"),
        {"dokumen": w["dok"].pk, "versi_baris": w["dok"].versi_baris},
        follow=True,
    )
    assert "Hasil Triwulan III 2026 Dinas Pekerjaan Uji diterbitkan." in pesan(r)
    pub = Publikasi.objects.get()
    assert pub.diterbitkan_oleh == w["admin"]
    html = r.content.decode()
    assert "/publik/kabupaten-uji/dinas-pekerjaan-uji/2026-tw3/" in html


def test_a_stale_form_shows_the_reason_and_publishes_nothing(client, w):
    client.force_login(w["admin"])
    r = client.post(
        reverse("portal:terbitkan"),
        {"dokumen": w["dok"].pk, "versi_baris": w["dok"].versi_baris - 1},
        follow=True,
    )
    assert services.PESAN_DOKUMEN_BERUBAH in pesan(r)
    assert not Publikasi.objects.exists()


def test_withdrawing_needs_a_reason(client, w):
    pub = services.terbitkan(pengguna=w["admin"], instansi=w["dinas"], periode=w["periode"])
    client.force_login(w["kepala"])
    url = reverse("portal:tarik", args=[pub.pk])
    r = client.post(url, {"alasan": "", "versi_baris": pub.versi_baris}, follow=True)
    assert services.PESAN_ALASAN in pesan(r)
    r = client.post(url, {"alasan": "Angka dikoreksi", "versi_baris": pub.versi_baris}, follow=True)
    pub.refresh_from_db()
    assert pub.status == StatusPublikasi.DITARIK and pub.ditarik_oleh == w["kepala"]
    assert "Angka dikoreksi" in r.content.decode()


def test_users_without_the_right_are_refused_and_see_nothing_to_publish(client, w):
    pub = services.terbitkan(pengguna=w["admin"], instansi=w["dinas"], periode=w["periode"])
    client.force_login(w["tim"])
    assert w["dok"].kode_verifikasi not in client.get(reverse("portal:kelola")).content.decode()
    r = client.post(reverse("portal:terbitkan"), {"dokumen": w["dok"].pk})
    assert r.status_code == 403
    r = client.post(reverse("portal:tarik", args=[pub.pk]), {"alasan": "x"})
    assert r.status_code == 403
    pub.refresh_from_db()
    assert pub.terbit


def test_publications_are_read_only_in_the_admin(client, w):
    services.terbitkan(pengguna=w["admin"], instansi=w["dinas"], periode=w["periode"])
    model_admin = admin.site._registry[Publikasi]
    assert not model_admin.has_add_permission(None)
    assert not model_admin.has_delete_permission(None)
