"""The public pages: readable without login, and nothing unpublished is reachable."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.dokumen import services as dokumen_services
from kinerja.pengukuran.models import NAMA_BULAN
from kinerja.portal import services
from tests.factories import PeriodeFactory
from tests.portal.dunia import buat_dunia, dokumen_palsu, laporan, pemda_lain

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    w = buat_dunia()
    w["dok"] = laporan(w)
    w["pub"] = services.terbitkan(pengguna=w["admin"], instansi=w["dinas"], periode=w["periode"])
    return w


def url_instansi(periode: str | None = None) -> str:
    if periode:
        return reverse("portal:periode", args=["kabupaten-uji", "dinas-pekerjaan-uji", periode])
    return reverse("portal:instansi", args=["kabupaten-uji", "dinas-pekerjaan-uji"])


def url_unduh(kode: str, pemda="kabupaten-uji", instansi="dinas-pekerjaan-uji") -> str:
    return reverse("portal:unduh", args=[pemda, instansi, kode])


def test_anyone_browses_from_the_pemda_list_to_the_agency_results(client, w):
    r = client.get(reverse("portal:beranda"))
    assert r.status_code == 200
    assert 'href="/publik/kabupaten-uji/"' in r.content.decode()
    r = client.get(reverse("portal:pemda", args=["kabupaten-uji"]))
    html = r.content.decode()
    assert r.status_code == 200 and w["dinas"].nama in html
    assert f'href="{url_instansi()}"' in html
    r = client.get(url_instansi())
    html = r.content.decode()
    assert r.status_code == 200
    for b in w["dok"].snapshot["kelompok"][0]["baris"]:
        assert b["indikator"] in html and b["capaian_tahun"]["t"] in html
    assert "Meningkatnya kemantapan jalan" in html
    assert f'href="/verifikasi/{w["dok"].kode_verifikasi}/"' in html
    assert url_unduh(w["dok"].kode_verifikasi) in html
    assert client.get(url_instansi("2026-tw3")).content == r.content


def test_numbers_are_indonesian_and_match_the_signed_document(client, w):
    html = client.get(url_instansi()).content.decode()
    # 75 of 80 and 30 of 80 against the annual target, as the signed report printed them.
    cetak = [b["capaian_tahun"]["t"] for b in w["dok"].snapshot["kelompok"][0]["baris"]]
    assert cetak == ["93,75", "37,50"]
    for t in cetak:
        assert f'<td class="angka">{t}</td>' in html
    assert w["dok"].nomor in html
    tanggal = timezone.localtime(w["dok"].ditandatangani_pada)
    assert f"{tanggal.day} {NAMA_BULAN[tanggal.month]} {tanggal.year}" in html


def test_the_signed_file_downloads(client, w):
    r = client.get(url_unduh(w["dok"].kode_verifikasi))
    assert r.status_code == 200
    isi = b"".join(r.streaming_content)
    with w["dok"].berkas.open("rb") as f:
        assert isi == f.read()
    assert "attachment" in r["Content-Disposition"]


def test_pages_are_cacheable_and_read_only(client, w):
    r = client.get(url_instansi())
    assert "public" in r["Cache-Control"] and "max-age=300" in r["Cache-Control"]
    assert "csrftoken" not in r.cookies and "sessionid" not in r.cookies
    assert client.post(url_instansi()).status_code == 405
    assert client.head(url_instansi()).status_code == 200


def test_the_published_numbers_do_not_follow_later_changes_of_the_data(client, w):
    before = client.get(url_instansi()).content
    r = w["indikator"][0].realisasi.get()
    r.nilai = 1
    r.save()
    assert client.get(url_instansi()).content == before


def test_no_internal_field_leaks(client, w):
    html = client.get(url_instansi()).content.decode()
    assert w["pegawai_kepala"].nip not in html and "1972" not in html
    assert "rahasia" not in html  # kendala of the realisations
    assert w["admin"].username not in html and w["tim"].username not in html
    assert "Divalidasi" not in html and "Belum diisi" not in html


def test_a_withdrawn_publication_disappears_with_its_files(client, w):
    services.tarik(pengguna=w["admin"], publikasi=w["pub"], alasan="Salah angka")
    assert client.get(url_instansi()).status_code == 404
    assert client.get(url_instansi("2026-tw3")).status_code == 404
    assert client.get(url_unduh(w["dok"].kode_verifikasi)).status_code == 404
    assert client.get(reverse("portal:pemda", args=["kabupaten-uji"])).status_code == 404
    assert "kabupaten-uji" not in client.get(reverse("portal:beranda")).content.decode()


def test_an_unpublished_period_is_not_found(client, w):
    tw2 = PeriodeFactory(pemda=w["pemda"], tahun=2026, jenis_periode="triwulan", nomor=2)
    dokumen_palsu(w["dinas"], tw2, 3)  # signed, never published
    assert client.get(url_instansi("2026-tw2")).status_code == 404
    assert client.get(url_instansi("2025")).status_code == 404


def test_unsigned_unattached_and_draft_documents_are_not_downloadable(client, w):
    draf = laporan(w, tandatangani=False)  # a new draft version of the report
    assert client.get(url_unduh(draf.kode_verifikasi)).status_code == 404
    nota = dokumen_services.dokumen_tandatangani(
        pengguna=w["kepala"],
        dokumen=dokumen_services.dokumen_buat(
            pengguna=w["tim"],
            jenis="nota_dinas",
            instansi=w["dinas"],
            periode=w["periode"],
            kepada="Sekretaris",
            hal="Internal",
        ),
    )
    assert client.get(url_unduh(nota.kode_verifikasi)).status_code == 404
    html = client.get(url_instansi()).content.decode()
    assert draf.kode_verifikasi not in html and nota.kode_verifikasi not in html


def test_another_pemdas_data_is_not_reachable_through_this_pemdas_address(client, w):
    lain = pemda_lain()
    dok_lain = dokumen_palsu(lain["dinas"], lain["periode"], 2)
    services.terbitkan(pengguna=lain["admin"], instansi=lain["dinas"], periode=lain["periode"])
    lihat = client.get
    assert lihat(reverse("portal:instansi", args=["kota-lain", "dinas-lain"])).status_code == 200
    silang = reverse("portal:instansi", args=["kabupaten-uji", "dinas-lain"])
    assert lihat(silang).status_code == 404
    assert lihat(url_unduh(dok_lain.kode_verifikasi)).status_code == 404
    assert lihat(url_unduh(dok_lain.kode_verifikasi, "kota-lain", "dinas-lain")).status_code == 200
    assert lihat(url_unduh(w["dok"].kode_verifikasi, "kota-lain", "dinas-lain")).status_code == 404


@pytest.mark.parametrize(
    "alamat",
    [
        "/publik/1/",
        "/publik/{pemda}/",
        "/publik/kabupaten-uji/{dinas}/",
        "/publik/kabupaten-uji/dinas-pekerjaan-uji/{periode}/",
        "/publik/kabupaten-uji/dinas-pekerjaan-uji/unduh/{dok}/",
        "/publik/kabupaten-uji/dinas-pekerjaan-uji/unduh/AAAA-AAAA-AAAA/",
        "/publik/kabupaten-uji/dinas-pekerjaan-uji/2026-tw4/",
        "/publik/kabupaten-uji/bidang-jalan/",
        "/publik/pemerintah-kabupaten-uji/",
    ],
)
def test_guessed_ids_codes_and_names_are_not_found(client, w, alamat):
    url = alamat.format(
        pemda=w["pemda"].pk, dinas=w["dinas"].pk, periode=w["periode"].pk, dok=w["dok"].pk
    )
    assert client.get(url).status_code == 404


def test_the_publishing_page_is_not_public(client, w):
    r = client.get(reverse("portal:kelola"))
    assert r.status_code == 302 and "/masuk/" in r["Location"]
    r = client.post(reverse("portal:terbitkan"), {"dokumen": w["dok"].pk})
    assert r.status_code == 302 and "/masuk/" in r["Location"]
