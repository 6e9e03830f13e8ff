"""Document services: generate a draft, sign (number, QR, hash, frozen snapshot), new versions
after signing, archive; permission checks from both sides and an audit row for each write."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.dokumen import services
from kinerja.dokumen.bersama import format_nomor
from kinerja.dokumen.models import Dokumen, StatusDokumen
from kinerja.inti.models import Peristiwa
from tests.dokumen.dunia import buat_dunia
from tests.dokumen.pdfteks import rapat, teks_halaman

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return buat_dunia()


def nota(w, pengguna=None, **opsi):
    return services.dokumen_buat(
        pengguna=pengguna or w["tim"],
        jenis="nota_dinas",
        instansi=w["dinas"],
        periode=w["periode"],
        kepada="Sekretaris",
        hal="Pengukuran Kinerja Triwulan III",
        **opsi,
    )


def isi_berkas(dok: Dokumen) -> bytes:
    with dok.berkas.open("rb") as f:
        return f.read()


def test_format_nomor_fills_the_agency_pattern():
    t = dt.date(2026, 11, 23)
    assert format_nomor("050/{urut}/DPU/{bulan_romawi}/{tahun}", urut=7, tanggal=t) == (
        "050/7/DPU/XI/2026"
    )
    assert format_nomor("B-{urut}/{bulan}/{x}", urut=1, tanggal=t) == "B-1/11/{x}"
    assert format_nomor("", urut=3, tanggal=t) == "3/2026"


def test_generating_stores_a_draft_with_its_hash_and_an_audit_row(w):
    dok = nota(w, isi="Segera laksanakan.")
    assert dok.status == StatusDokumen.DRAF
    assert dok.versi == 1 and dok.nomor == ""
    isi = isi_berkas(dok)
    assert isi.startswith(b"%PDF")
    assert hashlib.sha256(isi).hexdigest() == dok.sha256
    assert dok.penandatangan == w["pegawai_kepala"]
    assert dok.jabatan_penandatangan == "Kepala Dinas Pekerjaan Uji"
    teks = rapat("".join(teks_halaman(isi)))
    assert "NOTADINAS" in teks and "DRAF" in teks and "Segeralaksanakan." in teks
    assert "DINASPEKERJAANUJI" in teks and "19720925199803" in teks
    assert Peristiwa.objects.filter(aksi="dokumen.buat", objek_id=str(dok.pk)).exists()


def test_a_draft_is_rebuilt_in_place(w):
    a = nota(w)
    b = nota(w, isi="Teks baru.")
    assert a.pk == b.pk and b.versi == 1 and Dokumen.objects.count() == 1
    assert Peristiwa.objects.filter(aksi="dokumen.perbarui", objek_id=str(a.pk)).exists()


def test_signing_numbers_freezes_and_prints_the_verification_code(w):
    dok = nota(w)
    draf_sha = dok.sha256
    dok = services.dokumen_tandatangani(pengguna=w["kepala"], dokumen=dok)
    assert dok.status == StatusDokumen.DITANDATANGANI
    assert dok.nomor.startswith("050/1/DPU/") and dok.nomor.endswith("/2026")
    assert dok.sha256 != draf_sha
    isi = isi_berkas(dok)
    assert hashlib.sha256(isi).hexdigest() == dok.sha256
    teks = rapat("".join(teks_halaman(isi)))
    assert rapat(dok.kode_verifikasi) in teks
    assert rapat(dok.nomor) in teks
    assert "DRAF" not in teks
    assert dok.snapshot["nomor"] == dok.nomor
    # The next letter takes the next number of the same agency sequence.
    kedua = services.dokumen_tandatangani(pengguna=w["kepala"], dokumen=nota(w, kunci="lain"))
    assert kedua.nomor.startswith("050/2/DPU/")


def test_a_signed_document_is_never_rebuilt_in_place(w):
    v1 = services.dokumen_tandatangani(pengguna=w["kepala"], dokumen=nota(w))
    sha1 = v1.sha256
    v2 = nota(w, isi="Perbaikan.")
    assert v2.pk != v1.pk and v2.versi == 2 and v2.status == StatusDokumen.DRAF
    v1.refresh_from_db()
    assert v1.sha256 == sha1 and v1.status == StatusDokumen.DITANDATANGANI
    with pytest.raises(ValidationError):
        services.dokumen_tandatangani(pengguna=w["kepala"], dokumen=v1)
    services.dokumen_tandatangani(pengguna=w["kepala"], dokumen=v2)
    v1.refresh_from_db()
    assert v1.status == StatusDokumen.DIGANTI and v1.sha256 == sha1


def test_only_the_signer_signs(w):
    dok = nota(w)
    for orang in ("tim", "operator", "inspektorat", "luar"):
        with pytest.raises(PermissionDenied):
            services.dokumen_tandatangani(pengguna=w[orang], dokumen=dok)
    dok.refresh_from_db()
    assert dok.status == StatusDokumen.DRAF


def test_only_document_roles_over_the_agency_generate(w):
    for orang in ("operator", "inspektorat", "luar"):
        with pytest.raises(PermissionDenied):
            nota(w, pengguna=w[orang])
    assert Dokumen.objects.count() == 0
    assert nota(w, pengguna=w["kepala"]).pk


def test_unknown_format_and_foreign_period_are_refused(w):
    with pytest.raises(ValidationError):
        nota(w, format="xlsx")
    from tests.factories import PeriodeFactory

    with pytest.raises(ValidationError):
        services.dokumen_buat(
            pengguna=w["tim"],
            jenis="nota_dinas",
            instansi=w["dinas"],
            periode=PeriodeFactory(),
        )


def test_archiving_needs_a_signature_and_a_role(w):
    dok = nota(w)
    with pytest.raises(ValidationError):
        services.dokumen_arsipkan(pengguna=w["tim"], dokumen=dok)
    dok = services.dokumen_tandatangani(pengguna=w["kepala"], dokumen=dok)
    with pytest.raises(PermissionDenied):
        services.dokumen_arsipkan(pengguna=w["operator"], dokumen=dok)
    dok = services.dokumen_arsipkan(pengguna=w["tim"], dokumen=dok, keterangan="Lemari 2")
    assert dok.status == StatusDokumen.DIARSIPKAN and dok.keterangan_arsip == "Lemari 2"
    assert Peristiwa.objects.filter(aksi="dokumen.arsipkan").count() == 1


def test_a_stale_signature_is_refused(w):
    dok = nota(w)
    lama = dok.versi_baris
    nota(w, isi="Diubah orang lain.")
    with pytest.raises(ValidationError):
        services.dokumen_tandatangani(pengguna=w["kepala"], dokumen=dok, versi_baris=lama)


def test_the_acting_head_signs_as_plt(w):
    from kinerja.organisasi.models import PemangkuJabatan
    from tests.factories import PegawaiFactory, UserFactory

    PemangkuJabatan.objects.filter(jabatan=w["jabatan_kepala"]).update(
        selesai=dt.date(2025, 12, 31)
    )
    akun = UserFactory()
    plt = PegawaiFactory(unit=w["dinas"], nama="Citra Plt", pengguna=akun)
    PemangkuJabatan.objects.create(
        jabatan=w["jabatan_kepala"], pegawai=plt, status="plt", mulai=dt.date(2026, 1, 1)
    )
    dok = nota(w)
    assert dok.penandatangan == plt and dok.status_penandatangan == "plt"
    with pytest.raises(PermissionDenied):
        services.dokumen_tandatangani(pengguna=w["kepala"], dokumen=dok)
    dok = services.dokumen_tandatangani(pengguna=akun, dokumen=dok)
    teks = rapat("".join(teks_halaman(isi_berkas(dok))))
    assert "Plt.KepalaDinasPekerjaanUji" in teks and "CitraPlt" in teks


def test_every_sop_action_maps_to_a_type_and_format_that_exist():
    from kinerja.dokumen.jenis import DOKUMEN_AKSI, muat_semua

    semua = muat_semua()
    for aksi, (jenis, format) in DOKUMEN_AKSI.items():
        assert format in semua[jenis].format, aksi


def test_docx_table_cells_keep_xml_and_template_syntax_as_text():
    import io

    from docx import Document as Baca

    from kinerja.dokumen import tulis_docx as dx

    jahat = "</w:t><w:t>disisipkan</w:t> & {{ x }} {% if %} =1+1 \x07"
    doc = dx.dokumen_baru()
    dx.tabel(doc, ["A", "B"], [[jahat, "baris1\nbaris2"]], lebar_mm=[50, 50], kanan=[1])
    t = Baca(io.BytesIO(dx.simpan(doc))).tables[0]
    assert t.rows[1].cells[0].text == jahat.replace("\x07", "")
    assert t.rows[1].cells[1].text == "baris1\nbaris2"
