"""Evidence: content checks, size limit, one stored copy per SHA-256, sanitised names, links,
deleting, the validator's decision per item, and files served only to those who may see them."""

from __future__ import annotations

import hashlib
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.demo.berkas import pdf_satu_halaman
from kinerja.inti.models import Peristiwa
from kinerja.pengukuran import services, services_bukti
from kinerja.pengukuran.models import Berkas, DataDukung, Realisasi

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}

PDF = pdf_satu_halaman(["Laporan kemantapan jalan"])
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
# The start of a Windows executable: "MZ", then a header full of NUL bytes.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
CSV = b"kecamatan;panjang_km\nLumajang;12,5\nTempeh;8\n"


def xlsx() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "data dukung"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx() -> bytes:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Berita acara")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def odf(mimetype: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content/>")
    return buf.getvalue()


def zip_biasa() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("isi.txt", "bukan dokumen office")
    return buf.getvalue()


def berkas(nama: str, isi: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, isi)


@pytest.fixture
def nilai(dunia_isian):
    """A draft value of Bidang A, entered by operator A."""
    d = dunia_isian
    (ind,) = d.tambah_indikator(d["bidang_a"])
    r = services.realisasi_simpan(
        pengguna=d["operator_a"], indikator=ind, periode=d["periode"], nilai="80"
    )
    d["ind"], d["r"] = ind, r
    return d


def unggah(client, r, *files, **extra):
    url = reverse("pengukuran:bukti_unggah", args=[r.pk])
    return client.post(url, {"berkas": list(files), "keterangan": "foto lapangan"}, **HX, **extra)


@pytest.mark.parametrize(
    ("nama", "isi", "jenis_konten"),
    [
        ("laporan.pdf", PDF, "application/pdf"),
        ("foto.png", PNG, "image/png"),
        ("foto.JPG", JPEG, "image/jpeg"),
        ("rekap.xlsx", None, "spreadsheetml"),
        ("berita acara.docx", None, "wordprocessingml"),
        ("rekap.ods", odf("application/vnd.oasis.opendocument.spreadsheet"), "opendocument"),
        ("nota.odt", odf("application/vnd.oasis.opendocument.text"), "opendocument.text"),
        ("data.csv", CSV, "text/csv"),
    ],
)
def test_jenis_yang_diizinkan_diterima_dan_dicatat(client, nilai, nama, isi, jenis_konten):
    d = nilai
    isi = isi if isi is not None else (xlsx() if nama.endswith("xlsx") else docx())
    client.force_login(d["operator_a"])
    resp = unggah(client, d["r"], berkas(nama, isi))
    assert resp.status_code == 200, resp.content.decode()[:500]
    dd = DataDukung.objects.get()
    assert dd.nama == nama and dd.keterangan == "foto lapangan"
    assert dd.berkas.sha256 == hashlib.sha256(isi).hexdigest()
    assert dd.berkas.ukuran == len(isi)
    assert jenis_konten in dd.berkas.jenis_konten
    # Stored under its hash, never under the user's name.
    assert dd.berkas.berkas.name.endswith(dd.berkas.sha256 + "." + nama.rsplit(".")[-1].lower())
    p = Peristiwa.objects.get(aksi="data_dukung.unggah")
    assert p.pengguna == d["operator_a"] and p.sesudah["sha256"] == dd.berkas.sha256


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("laporan.pdf", EXE, "bukan PDF"),
        ("foto.png", PDF, "bukan PNG"),
        ("laporan.pdf", PNG, "bukan PDF"),
        ("rekap.xlsx", zip_biasa(), "bukan XLSX"),
        ("rekap.xlsx", docx(), "bukan XLSX"),
        ("nota.docx", xlsx(), "bukan DOCX"),
        ("rekap.ods", odf("application/vnd.oasis.opendocument.text"), "bukan ODS"),
        ("data.csv", EXE, "bukan CSV"),
        ("data.csv", PNG, "bukan CSV"),
        ("program.exe", EXE, "tidak diizinkan"),
        ("skrip.html", b"<script>alert(1)</script>", "tidak diizinkan"),
        ("tanpa-ekstensi", PDF, "tidak diizinkan"),
        ("kosong.pdf", b"", "kosong"),
    ],
)
def test_isi_yang_tidak_sesuai_ditolak(client, nilai, nama, isi, pesan):
    d = nilai
    client.force_login(d["operator_a"])
    resp = unggah(client, d["r"], berkas(nama, isi))
    assert resp.status_code == 422
    assert pesan in resp.content.decode()
    assert not DataDukung.objects.exists() and not Berkas.objects.exists()
    assert not Peristiwa.objects.filter(aksi__startswith="data_dukung").exists()


def test_berkas_terlalu_besar_ditolak(client, nilai, settings):
    d = nilai
    settings.KINERJA_UKURAN_BERKAS_MAKS = 1024
    client.force_login(d["operator_a"])
    resp = unggah(client, d["r"], berkas("besar.pdf", PDF + b"%" * 2048))
    assert resp.status_code == 422
    assert "paling besar 1 KB" in resp.content.decode()
    assert not Berkas.objects.exists()


def test_batas_bawaan_20_mb():
    assert services_bukti.ukuran_maks() == 20 * 1024 * 1024


def test_berkas_sama_disimpan_sekali(client, nilai):
    d = nilai
    (ind2,) = d.tambah_indikator(d["bidang_a"])
    r2 = services.realisasi_simpan(
        pengguna=d["operator_a"], indikator=ind2, periode=d["periode"], nilai="70"
    )
    client.force_login(d["operator_a"])
    assert unggah(client, d["r"], berkas("a.pdf", PDF)).status_code == 200
    assert unggah(client, r2, berkas("salinan.pdf", PDF)).status_code == 200
    assert Berkas.objects.count() == 1 and DataDukung.objects.count() == 2
    # The same content twice on the same value is refused.
    resp = unggah(client, d["r"], berkas("lagi.pdf", PDF))
    assert resp.status_code == 422 and "sudah dilampirkan" in resp.content.decode()
    assert DataDukung.objects.count() == 2


def test_beberapa_berkas_sekaligus_masing_masing_diperiksa(client, nilai):
    d = nilai
    client.force_login(d["operator_a"])
    resp = unggah(client, d["r"], berkas("a.pdf", PDF), berkas("b.pdf", EXE), berkas("c.png", PNG))
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "2 berkas diunggah" in html and "bukan PDF" in html
    assert sorted(DataDukung.objects.values_list("nama", flat=True)) == ["a.pdf", "c.png"]


@pytest.mark.parametrize(
    ("asli", "aman"),
    [
        ("../../etc/pas<s>wd.pdf", "pas_s_wd.pdf"),
        ("C:\\Users\\budi\\Laporan TW II.pdf", "Laporan TW II.pdf"),
        ("..pdf", "pdf"),
        ("...", "berkas"),
        ("lap\x00oran\r\n.pdf", "laporan.pdf"),
        ('a"; filename=x.exe .pdf', "a_ filename_x.exe .pdf"),
        ("x" * 300 + ".pdf", "x" * 146 + ".pdf"),
    ],
)
def test_nama_berkas_dibersihkan(asli, aman):
    assert services_bukti.nama_aman(asli) == aman


def test_nama_berbahaya_tersimpan_bersih(client, nilai):
    d = nilai
    client.force_login(d["operator_a"])
    unggah(client, d["r"], berkas("<b>jalan<i>.pdf", PDF))
    assert DataDukung.objects.get().nama == "_b_jalan_i_.pdf"


def test_unduh_hanya_bagi_yang_berhak_dan_selalu_lampiran(client, nilai):
    d = nilai
    client.force_login(d["operator_a"])
    unggah(client, d["r"], berkas("laporan.pdf", PDF))
    dd = DataDukung.objects.get()
    url = reverse("pengukuran:bukti_unduh", args=[dd.pk])
    resp = client.get(url)
    assert resp.status_code == 200
    assert b"".join(resp.streaming_content) == PDF
    assert resp["Content-Disposition"].startswith("attachment;")
    assert 'filename="laporan.pdf"' in resp["Content-Disposition"]
    assert resp["X-Content-Type-Options"] == "nosniff"
    assert resp["Content-Type"] == "application/pdf"
    for siapa, kode in [("inspektorat", 200), ("tim_sakip", 200), ("operator_b", 404)]:
        client.force_login(d[siapa])
        assert client.get(url).status_code == kode, siapa
    client.logout()
    assert client.get(url).status_code == 302  # to the login page
    # The storage path is never reachable as a URL.
    client.force_login(d["operator_a"])
    assert client.get("/_media_tidak_publik/" + dd.berkas.berkas.name).status_code == 404
    assert client.get("/media/" + dd.berkas.berkas.name).status_code == 404


def test_panel_bukti_tertutup_bagi_bidang_lain(client, nilai):
    d = nilai
    client.force_login(d["operator_b"])
    assert client.get(reverse("pengukuran:bukti", args=[d["r"].pk])).status_code == 404
    assert unggah(client, d["r"], berkas("a.pdf", PDF)).status_code == 404
    assert not DataDukung.objects.exists()


def test_inspektorat_tidak_dapat_mengunggah(client, nilai):
    d = nilai
    client.force_login(d["inspektorat"])
    resp = unggah(client, d["r"], berkas("a.pdf", PDF))
    assert resp.status_code == 422 and "tidak berhak" in resp.content.decode()
    assert not DataDukung.objects.exists()


@pytest.mark.parametrize(
    ("tautan", "boleh"),
    [
        ("https://drive.example.go.id/folder/123", True),
        ("http://sipd.example.go.id/laporan?tw=2", True),
        ("javascript:alert(1)", False),
        ("ftp://arsip.example.go.id/a.pdf", False),
        ("bukan tautan", False),
        ("https://" + "a" * 600 + ".id", False),
    ],
)
def test_tautan_sebagai_bukti(client, nilai, tautan, boleh):
    d = nilai
    client.force_login(d["operator_a"])
    url = reverse("pengukuran:bukti_tautan", args=[d["r"].pk])
    resp = client.post(url, {"tautan": tautan, "nama": ""}, **HX)
    assert DataDukung.objects.filter(tautan=tautan).exists() is boleh
    assert resp.status_code == (200 if boleh else 422)
    if boleh:
        dd = DataDukung.objects.get()
        assert dd.berkas is None and dd.nama
        assert 'rel="noopener noreferrer nofollow"' in resp.content.decode()
        assert Peristiwa.objects.filter(aksi="data_dukung.tautan").exists()


def test_menghapus_bukti_sendiri_selama_dapat_diubah(client, nilai):
    d = nilai
    client.force_login(d["operator_a"])
    unggah(client, d["r"], berkas("a.pdf", PDF))
    dd = DataDukung.objects.get()
    url = reverse("pengukuran:bukti_hapus", args=[dd.pk])
    # A colleague of the same unit may not delete what operator A uploaded.
    client.force_login(d["operator_a2"])
    assert client.post(url, **HX).status_code == 403
    assert DataDukung.objects.exists()
    client.force_login(d["operator_a"])
    resp = client.post(url, **HX)
    assert resp.status_code == 200 and "Data dukung dihapus" in resp.content.decode()
    assert not DataDukung.objects.exists() and not Berkas.objects.exists()
    p = Peristiwa.objects.get(aksi="data_dukung.hapus")
    assert p.sebelum["nama"] == "a.pdf"


def test_berkas_bersama_tidak_dihapus_bila_masih_dipakai(
    client, nilai, django_capture_on_commit_callbacks
):
    d = nilai
    (ind2,) = d.tambah_indikator(d["bidang_a"])
    r2 = services.realisasi_simpan(
        pengguna=d["operator_a"], indikator=ind2, periode=d["periode"], nilai="70"
    )
    client.force_login(d["operator_a"])
    unggah(client, d["r"], berkas("a.pdf", PDF))
    unggah(client, r2, berkas("a.pdf", PDF))
    nama_simpan = Berkas.objects.get().berkas.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("pengukuran:bukti_hapus", args=[DataDukung.objects.first().pk]), **HX)
    assert Berkas.objects.count() == 1 and default_storage.exists(nama_simpan)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("pengukuran:bukti_hapus", args=[DataDukung.objects.get().pk]), **HX)
    assert not Berkas.objects.exists() and not default_storage.exists(nama_simpan)


def test_bukti_terkunci_setelah_diajukan(client, nilai):
    d = nilai
    client.force_login(d["operator_a"])
    unggah(client, d["r"], berkas("a.pdf", PDF))
    services.realisasi_ubah_status(pengguna=d["operator_a"], realisasi=d["r"], aksi="ajukan")
    resp = unggah(client, d["r"], berkas("b.png", PNG))
    assert resp.status_code == 422 and "hanya dapat ditambah atau dihapus" in resp.content.decode()
    dd = DataDukung.objects.get()
    assert client.post(reverse("pengukuran:bukti_hapus", args=[dd.pk]), **HX).status_code == 403
    assert DataDukung.objects.count() == 1


def test_unggah_menghapus_bendera_tanpa_bukti_di_baris(client, nilai):
    d = nilai
    client.force_login(d["operator_a"])
    halaman = reverse("pengukuran:isian", args=[d["bidang_a"].pk, d["periode"].pk])
    assert "tanpa data dukung" in client.get(halaman).content.decode()
    html = unggah(client, d["r"], berkas("a.pdf", PDF)).content.decode()
    oob = html[html.index("<template>") :]
    assert f'id="bukti-{d["ind"].pk}"' in oob and f'id="capaian-{d["ind"].pk}"' in oob
    assert "tanpa data dukung" not in oob


def test_validator_memutuskan_tiap_bukti(client, nilai):
    d = nilai
    client.force_login(d["operator_a"])
    unggah(client, d["r"], berkas("a.pdf", PDF))
    dd = DataDukung.objects.get()
    url = reverse("pengukuran:bukti_putuskan", args=[dd.pk])
    client.force_login(d["tim_sakip"])
    # Not yet submitted: nothing to decide.
    resp = client.post(url, {"keputusan": "diterima"}, **HX)
    assert resp.status_code == 422 and "berstatus diajukan" in resp.content.decode()
    services.realisasi_ubah_status(pengguna=d["operator_a"], realisasi=d["r"], aksi="ajukan")
    resp = client.post(url, {"keputusan": "ditolak", "catatan": ""}, **HX)
    assert resp.status_code == 422 and "alasan penolakan" in resp.content.decode()
    resp = client.post(url, {"keputusan": "ditolak", "catatan": "foto buram"}, **HX)
    assert resp.status_code == 200
    dd.refresh_from_db()
    assert dd.keputusan == "ditolak" and dd.catatan_validator == "foto buram"
    assert dd.diputuskan_oleh == d["tim_sakip"]
    p = Peristiwa.objects.get(aksi="data_dukung.putuskan")
    assert p.alasan == "foto buram" and p.sebelum["keputusan"] == "belum"
    # The operator (who uploaded it) and the Inspektorat cannot decide.
    for siapa in ("operator_a", "inspektorat"):
        client.force_login(d[siapa])
        resp = client.post(url, {"keputusan": "diterima"}, **HX)
        assert resp.status_code == 422 and "tidak" in resp.content.decode()
    dd.refresh_from_db()
    assert dd.keputusan == "ditolak"


def test_riwayat_nilai_terlihat_di_panel(client, nilai):
    d = nilai
    client.force_login(d["operator_a"])
    services.realisasi_simpan(
        pengguna=d["operator_a"],
        indikator=d["ind"],
        periode=d["periode"],
        nilai="85,5",
        kendala="cuaca",
        versi=1,
    )
    r = Realisasi.objects.get()
    services.realisasi_ubah_status(pengguna=d["operator_a"], realisasi=r, aksi="ajukan")
    services.realisasi_ubah_status(
        pengguna=d["tim_sakip"], realisasi=r, aksi="kembalikan", catatan="lampirkan foto"
    )
    html = client.get(reverse("pengukuran:bukti", args=[r.pk]), **HX).content.decode()
    riwayat = html[html.index('id="riwayat-realisasi"') :]
    assert "Nilai disimpan" in riwayat and "80 → 85,50" in riwayat.replace("</span>", "").replace(
        '<span class="text-muted">', ""
    )
    assert "Dikembalikan" in riwayat and "lampirkan foto" in riwayat
    assert "Diajukan" in riwayat
    assert r.nilai == Decimal("85.5")
