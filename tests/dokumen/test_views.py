"""Document pages: the list per agency and period, building from a form, signing, archiving
and downloads, each checked from both sides (allowed roles and everyone else)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.dokumen import services
from kinerja.dokumen.models import Dokumen, StatusDokumen
from tests.dokumen.dunia import buat_dunia

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return buat_dunia()


@pytest.fixture
def dok(w):
    return services.dokumen_buat(
        pengguna=w["tim"],
        jenis="nota_dinas",
        instansi=w["dinas"],
        periode=w["periode"],
        hal="<b>Pengukuran</b>",
    )


def url_daftar(w):
    return reverse("dokumen:daftar", args=[w["dinas"].pk, w["periode"].pk])


def test_the_list_shows_documents_and_build_cards_to_document_roles(client, w, dok):
    client.force_login(w["tim"])
    r = client.get(url_daftar(w))
    assert r.status_code == 200
    html = r.content.decode()
    assert reverse("dokumen:unduh", args=[dok.pk]) in html
    assert (
        reverse("dokumen:buat", args=[w["dinas"].pk, w["periode"].pk, "laporan_pengukuran"]) in html
    )
    assert reverse("dokumen:tandatangani", args=[dok.pk]) not in html  # only the signer signs


def test_readers_see_the_list_without_build_or_sign(client, w, dok):
    client.force_login(w["inspektorat"])
    html = client.get(url_daftar(w)).content.decode()
    assert reverse("dokumen:unduh", args=[dok.pk]) in html
    assert "dokumen/{}/{}/buat/".format(w["dinas"].pk, w["periode"].pk) not in html
    assert (
        client.get(
            reverse("dokumen:buat", args=[w["dinas"].pk, w["periode"].pk, "undangan"])
        ).status_code
        == 403
    )


def test_outsiders_get_404_on_list_and_download(client, w, dok):
    client.force_login(w["luar"])
    assert client.get(url_daftar(w)).status_code == 404
    assert client.get(reverse("dokumen:unduh", args=[dok.pk])).status_code == 404
    client.logout()
    r = client.get(reverse("dokumen:unduh", args=[dok.pk]))
    assert r.status_code == 302 and "/masuk/" in r["Location"]


def test_download_returns_the_stored_file(client, w, dok):
    client.force_login(w["inspektorat"])
    r = client.get(reverse("dokumen:unduh", args=[dok.pk]))
    assert r.status_code == 200
    isi = b"".join(r.streaming_content)
    with dok.berkas.open("rb") as f:
        assert isi == f.read()
    assert dok.nama_berkas in r["Content-Disposition"]
    assert "no-store" in r["Cache-Control"]


def test_building_from_the_form(client, w):
    client.force_login(w["tim"])
    url = reverse("dokumen:buat", args=[w["dinas"].pk, w["periode"].pk, "undangan"])
    assert client.get(url).status_code == 200
    r = client.post(
        url,
        {
            "format": "docx",
            "kepada": "Kepala Bidang Jalan\nSekretaris",
            "hal": "Rapat koordinasi",
            "tanggal_acara": "2026-10-08",
            "waktu": "09.00 WIB",
            "tempat": "Aula",
            "acara": "Pembahasan",
            "kertas": "a4",
        },
    )
    assert r.status_code == 302
    d = Dokumen.objects.get(jenis="undangan")
    assert d.format == "docx" and d.opsi["tanggal_acara"] == "2026-10-08"
    assert d.opsi["kepada"] == "Kepala Bidang Jalan\nSekretaris"


def test_the_operator_cannot_build(client, w):
    client.force_login(w["operator"])
    # A Bidang operator does not even see the Dinas's documents.
    url = reverse("dokumen:buat", args=[w["dinas"].pk, w["periode"].pk, "nota_dinas"])
    assert client.post(url, {"format": "pdf"}).status_code == 404
    # Over the Bidang itself the operator sees, but may not build.
    url = reverse("dokumen:buat", args=[w["bidang"].pk, w["periode"].pk, "nota_dinas"])
    assert client.post(url, {"format": "pdf"}).status_code == 403
    assert not Dokumen.objects.exists()


def test_signing_and_archiving_from_the_page(client, w, dok):
    client.force_login(w["tim"])
    client.post(reverse("dokumen:tandatangani", args=[dok.pk]), {"versi_baris": dok.versi_baris})
    dok.refresh_from_db()
    assert dok.status == StatusDokumen.DRAF
    client.force_login(w["kepala"])
    html = client.get(url_daftar(w)).content.decode()
    assert reverse("dokumen:tandatangani", args=[dok.pk]) in html
    r = client.post(
        reverse("dokumen:tandatangani", args=[dok.pk]),
        {"versi_baris": dok.versi_baris, "periode": w["periode"].pk},
    )
    assert r.status_code == 302 and r["Location"] == url_daftar(w)
    dok.refresh_from_db()
    assert dok.status == StatusDokumen.DITANDATANGANI
    html = client.get(url_daftar(w)).content.decode()
    assert reverse("verifikasi:halaman", args=[dok.kode_verifikasi]) in html
    client.force_login(w["operator"])
    client.post(reverse("dokumen:arsipkan", args=[dok.pk]), {"versi_baris": dok.versi_baris})
    dok.refresh_from_db()
    assert dok.status == StatusDokumen.DITANDATANGANI
    client.force_login(w["tim"])
    client.post(reverse("dokumen:arsipkan", args=[dok.pk]), {"versi_baris": dok.versi_baris})
    dok.refresh_from_db()
    assert dok.status == StatusDokumen.DIARSIPKAN


def test_user_text_is_escaped_on_the_page(client, w, dok):
    client.force_login(w["tim"])
    html = client.get(url_daftar(w)).content.decode()
    assert "<b>Pengukuran</b>" not in html


def test_the_menu_links_the_documents_home(client, w):
    client.force_login(w["tim"])
    r = client.get(reverse("dokumen:beranda"))
    assert r.status_code == 200
    assert url_daftar(w) in r.content.decode()


def test_analysis_fields_are_edited_on_a_draft(client, w):
    lap = services.dokumen_buat(
        pengguna=w["tim"], jenis="laporan_pengukuran", instansi=w["dinas"], periode=w["periode"]
    )
    client.force_login(w["tim"])
    url = reverse("dokumen:isian", args=[lap.pk]) + f"?periode={w['periode'].pk}"
    assert client.get(url).status_code == 200
    r = client.post(
        url, {"analisis": "Capaian naik.", "kendala": "", "rekomendasi": "", "penutup": ""}
    )
    assert r.status_code == 302
    lap.refresh_from_db()
    assert lap.isian["analisis"] == "Capaian naik." and lap.versi == 1
    client.force_login(w["inspektorat"])
    assert client.post(url, {"analisis": "x"}).status_code == 403


def test_the_list_needs_the_same_queries_for_one_or_many_documents(
    client, w, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def hitung():
        client.force_login(w["kepala"])
        with CaptureQueriesContext(connection) as c:
            assert client.get(url_daftar(w)).status_code == 200
        return len(c.captured_queries)

    services.dokumen_buat(
        pengguna=w["tim"], jenis="nota_dinas", instansi=w["dinas"], periode=w["periode"], hal="a"
    )
    satu = hitung()
    for i in range(5):
        d = services.dokumen_buat(
            pengguna=w["tim"],
            jenis="nota_dinas",
            instansi=w["dinas"],
            periode=w["periode"],
            hal=f"surat {i}",
        )
        services.dokumen_tandatangani(pengguna=w["kepala"], dokumen=d)
    assert hitung() == satu
