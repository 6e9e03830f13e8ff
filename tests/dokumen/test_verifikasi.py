"""The public verification page: no login, only signed documents, only what it must state,
match and mismatch by upload or pasted hash, 404 for unknown codes, rate and size limits."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.dokumen import services, verifikasi
from kinerja.dokumen.models import kode_verifikasi_baru
from tests.dokumen.dunia import buat_dunia

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return buat_dunia()


@pytest.fixture
def ditandatangani(w):
    dok = services.dokumen_buat(
        pengguna=w["tim"],
        jenis="nota_dinas",
        instansi=w["dinas"],
        periode=w["periode"],
        hal="Pengukuran Kinerja",
        isi="Isi rahasia internal yang tidak boleh tampil di halaman publik.",
    )
    return services.dokumen_tandatangani(pengguna=w["kepala"], dokumen=dok)


def url(kode):
    return reverse("verifikasi:halaman", args=[kode])


def test_the_page_states_type_agency_number_signer_and_date_without_login(client, ditandatangani):
    r = client.get(url(ditandatangani.kode_verifikasi))
    assert r.status_code == 200
    html = r.content.decode()
    assert "Nota Dinas / Disposisi" in html
    assert "Dinas Pekerjaan Uji" in html
    assert ditandatangani.nomor in html
    assert "Budi Kepala, M.T." in html
    # Nothing else: not the content, not the hash, not the signer's NIP, not the file.
    assert "rahasia internal" not in html
    assert ditandatangani.sha256 not in html
    assert "19720925" not in html
    assert ditandatangani.berkas.name not in html


def test_a_matching_upload_and_a_pasted_hash_match(client, ditandatangani):
    with ditandatangani.berkas.open("rb") as f:
        isi = f.read()
    r = client.post(
        url(ditandatangani.kode_verifikasi),
        {"berkas": SimpleUploadedFile("surat.pdf", isi, content_type="application/pdf")},
    )
    assert "Cocok:" in r.content.decode()
    r = client.post(
        url(ditandatangani.kode_verifikasi),
        {"sha256": hashlib.sha256(isi).hexdigest().upper()},
    )
    assert "Cocok:" in r.content.decode()


def test_a_changed_file_does_not_match(client, ditandatangani):
    with ditandatangani.berkas.open("rb") as f:
        isi = f.read()
    # One byte changed in the middle of the file (e.g. an edited number).
    tengah = len(isi) // 2
    ubah = isi[:tengah] + bytes([isi[tengah] ^ 1]) + isi[tengah + 1 :]
    r = client.post(
        url(ditandatangani.kode_verifikasi),
        {"berkas": SimpleUploadedFile("surat.pdf", ubah)},
    )
    html = r.content.decode()
    assert "Tidak cocok:" in html and "Cocok: berkas" not in html
    r = client.post(url(ditandatangani.kode_verifikasi), {"sha256": "0" * 64})
    assert "Tidak cocok:" in r.content.decode()


def test_unknown_codes_malformed_codes_and_drafts_are_404(client, w, ditandatangani):
    assert client.get(url(kode_verifikasi_baru())).status_code == 404
    assert client.get("/verifikasi/..%2F..%2Fadmin/").status_code == 404
    assert client.get(url("abcd-efgh-jkmn")).status_code == 404
    assert client.get(url("ABC")).status_code == 404
    draf = services.dokumen_buat(
        pengguna=w["tim"], jenis="nota_dinas", instansi=w["dinas"], periode=w["periode"]
    )
    assert client.get(url(draf.kode_verifikasi)).status_code == 404


def test_guessing_is_rate_limited(client, ditandatangani, settings):
    for _ in range(verifikasi.BATAS_PERMINTAAN):
        client.get(url(kode_verifikasi_baru()))
    r = client.get(url(ditandatangani.kode_verifikasi))
    assert r.status_code == 429
    assert ditandatangani.nomor not in r.content.decode()


def test_large_uploads_and_bad_hashes_are_refused(client, ditandatangani, monkeypatch):
    monkeypatch.setattr(verifikasi, "UKURAN_MAKS", 10)
    r = client.post(
        url(ditandatangani.kode_verifikasi), {"berkas": SimpleUploadedFile("a.pdf", b"x" * 11)}
    )
    html = r.content.decode()
    assert "terlalu besar" in html and "Cocok:" not in html
    r = client.post(url(ditandatangani.kode_verifikasi), {"sha256": "bukan-hash"})
    assert "64 karakter" in r.content.decode()


def test_a_typed_code_in_any_spacing_leads_to_its_page_without_login(client, ditandatangani):
    kode = ditandatangani.kode_verifikasi
    url = reverse("verifikasi:cari")
    assert client.get(url).status_code == 200
    for ketik in (kode, kode.lower().replace("-", ""), " " + kode.replace("-", " ") + " "):
        r = client.get(url, {"kode": ketik})
        assert r.status_code == 302
        assert r["Location"] == reverse("verifikasi:halaman", args=[kode])
    r = client.get(url, {"kode": "12345"})
    assert r.status_code == 200 and "12 huruf/angka" in r.content.decode()


def test_the_login_page_links_to_the_portal_and_to_verification(client):
    html = client.get(reverse("login")).content.decode()
    assert reverse("verifikasi:cari") in html and reverse("portal:beranda") in html
