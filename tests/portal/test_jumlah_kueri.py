"""The public pages answer in a fixed number of queries whatever the data size."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.dokumen.models import Dokumen
from kinerja.organisasi.models import JenisInstansi, KodePeran
from kinerja.portal import services
from tests.factories import PemdaFactory, PeriodeFactory, UnitFactory, UserFactory, beri_peran
from tests.portal.dunia import dokumen_palsu

pytestmark = pytest.mark.django_db


def dunia(n_pemda: int, n_dinas: int, n_indikator: int, n_periode: int) -> list:
    """`n_pemda` Pemdas with `n_dinas` agencies each, every agency publishing `n_periode`
    quarters of `n_indikator` indicators with two extra signed documents each."""
    alamat = []
    for _ in range(n_pemda):
        pemda = PemdaFactory()
        admin = beri_peran(UserFactory(), KodePeran.ADMIN_PEMDA, pemda)
        periode = [
            PeriodeFactory(pemda=pemda, tahun=2026, jenis_periode="triwulan", nomor=k + 1)
            for k in range(n_periode)
        ]
        for _ in range(n_dinas):
            dinas = UnitFactory(induk=pemda, jenis=JenisInstansi.PERANGKAT_DAERAH)
            for p in periode:
                dokumen_palsu(dinas, p, n_indikator)
                dokumen_palsu(dinas, p, 1, jenis="realisasi_ra")
                services.terbitkan(pengguna=admin, instansi=dinas, periode=p)
            alamat.append(dinas)
    return alamat


def halaman(dinas) -> list[str]:
    pemda = dinas.alamat_publik.lingkup.alamat_publik.slug
    slug = dinas.alamat_publik.slug
    kode = Dokumen.objects.filter(instansi=dinas).first().kode_verifikasi
    return [
        reverse("portal:beranda"),
        reverse("portal:pemda", args=[pemda]),
        reverse("portal:instansi", args=[pemda, slug]),
        reverse("portal:periode", args=[pemda, slug, "2026-tw1"]),
        reverse("portal:unduh", args=[pemda, slug, kode]),
    ]


@pytest.mark.parametrize("ukuran", [(1, 1, 2, 1), (3, 6, 60, 4)])
def test_public_pages_have_a_bounded_query_count(client, django_assert_max_num_queries, ukuran):
    semua = dunia(*ukuran)
    for url in halaman(semua[-1]):
        with django_assert_max_num_queries(4):
            r = client.get(url)
        assert r.status_code == 200, url


@pytest.mark.parametrize("n", [1, 8])
def test_the_publishing_page_has_a_bounded_query_count(client, django_assert_max_num_queries, n):
    semua = dunia(1, n, 3, 2)
    pemda = semua[0].induk
    admin = UserFactory()
    beri_peran(admin, KodePeran.ADMIN_PEMDA, pemda)
    client.force_login(admin)
    with django_assert_max_num_queries(8):
        r = client.get(reverse("portal:kelola"))
    assert r.status_code == 200
    assert r.content.decode().count("Tarik</button>") == 2 * n
