"""The demo publishes the signed Tahun 2025 and Triwulan IV 2025 results of the seed agencies."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from kinerja.dokumen.models import StatusDokumen
from kinerja.portal import data_contoh
from kinerja.portal.models import Publikasi, StatusPublikasi

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """`kinerja demo` once for the module; removed again afterwards."""
    from kinerja.demo.pemuat import hapus_demo

    with django_db_blocker.unblock():
        call_command("demo", tanpa_daftar_akun=True, stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        hapus_demo()


def test_each_seed_agency_has_two_published_periods_from_signed_reports(demo):
    pub = list(Publikasi.objects.filter(status=StatusPublikasi.TERBIT).select_related("dokumen"))
    assert len(pub) == 8
    assert {p.instansi.nama for p in pub} == set(data_contoh.AGENSI_CONTOH)
    assert {p.slug_periode for p in pub} == {"2025", "2025-tw4"}
    for p in pub:
        assert p.dokumen.status == StatusDokumen.DITANDATANGANI
        assert p.capaian_teks == p.dokumen.snapshot["total"]["rollup"]["t"]
        assert p.jumlah_indikator >= 15


def test_running_the_hook_again_changes_nothing(demo):
    sebelum = sorted(Publikasi.objects.values_list("pk", flat=True))
    data_contoh.muat_data_contoh(None)
    assert sorted(Publikasi.objects.values_list("pk", flat=True)) == sebelum


def test_the_demo_portal_opens_without_login(client, demo):
    r = client.get(reverse("portal:beranda"))
    html = r.content.decode()
    for nama in ("Provinsi Sumatera Barat", "Kabupaten Banjarnegara", "Kabupaten Lumajang"):
        assert nama in html
    r = client.get(reverse("portal:periode", args=["kabupaten-lumajang", "dinas-putr", "2025-tw4"]))
    assert r.status_code == 200
    assert "Dinas Pekerjaan Umum dan Tata Ruang" in r.content.decode()
