"""`kinerja dokumen`: list the types, build one document to a file, build for a whole Pemda."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from kinerja.dokumen.models import Dokumen
from tests.dokumen.dunia import buat_dunia

pytestmark = pytest.mark.django_db


def test_jenis_lists_every_type_with_formats():
    out = io.StringIO()
    call_command("dokumen", "jenis", stdout=out)
    teks = out.getvalue()
    for kode in ("pk", "realisasi_ra", "laporan_pengukuran", "evaluasi_renja", "bundel_esr"):
        assert kode in teks
    assert "xlsx/pdf" in teks


def test_buat_writes_the_file_and_keeps_a_draft(tmp_path):
    w = buat_dunia()
    keluar = tmp_path / "nota.pdf"
    call_command(
        "dokumen",
        "buat",
        "nota_dinas",
        "--instansi",
        str(w["dinas"].pk),
        "--periode",
        "2026-TW3",
        "--opsi",
        "hal=Uji baris perintah",
        "-o",
        str(keluar),
        stdout=io.StringIO(),
    )
    dok = Dokumen.objects.get()
    assert keluar.read_bytes().startswith(b"%PDF")
    with dok.berkas.open("rb") as f:
        assert f.read() == keluar.read_bytes()
    assert dok.opsi["hal"] == "Uji baris perintah" and dok.dibuat_oleh is None


def test_bad_period_type_or_option_is_a_clear_error(tmp_path):
    w = buat_dunia()
    for argumen in (
        ["buat", "nota_dinas", "--instansi", str(w["dinas"].pk), "--periode", "2026-Q9"],
        ["buat", "nota_dinas", "--instansi", str(w["dinas"].pk), "--periode", "2031-TW1"],
        ["buat", "tidak_ada", "--instansi", str(w["dinas"].pk), "--periode", "2026-TW3"],
        ["buat", "nota_dinas", "--instansi", "99999", "--periode", "2026-TW3"],
        [
            "buat",
            "nota_dinas",
            "--instansi",
            str(w["dinas"].pk),
            "--periode",
            "2026-TW3",
            "--opsi",
            "x",
        ],
    ):
        with pytest.raises(CommandError):
            call_command("dokumen", *argumen, stdout=io.StringIO())


def test_pemda_builds_for_every_agency_and_zips(tmp_path):
    w = buat_dunia()
    from tests.factories import PerangkatDaerahFactory

    PerangkatDaerahFactory(induk=w["pemda"], nama="Dinas Kedua")
    keluar = tmp_path / "semua.zip"
    out = io.StringIO()
    call_command(
        "dokumen",
        "pemda",
        "kertas_kerja",
        "--pemda",
        str(w["pemda"].pk),
        "--periode",
        "2026-TW3",
        "-o",
        str(keluar),
        stdout=out,
    )
    assert "[2/2]" in out.getvalue()
    nama = zipfile.ZipFile(keluar).namelist()
    assert len(nama) == 2 and all(n.endswith(".xlsx") for n in nama)
    assert Dokumen.objects.filter(jenis="kertas_kerja").count() == 2


def test_a_year_names_a_yearly_document_when_the_pemda_measures_by_quarter(tmp_path):
    w = buat_dunia()
    keluar = tmp_path / "bab3.docx"
    argumen = ["--instansi", str(w["dinas"].pk), "--periode", "2026"]
    call_command(
        "dokumen",
        "buat",
        "lkjip_bab3",
        *argumen,
        "--format",
        "docx",
        "-o",
        str(keluar),
        stdout=io.StringIO(),
    )
    assert Dokumen.objects.get().tahun == 2026 and keluar.stat().st_size > 0
    # A quarterly document still needs its quarter.
    with pytest.raises(CommandError, match="2026"):
        call_command("dokumen", "buat", "kertas_kerja", *argumen, stdout=io.StringIO())
