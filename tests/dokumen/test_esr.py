"""The esr.menpan.go.id bundle: signed, still valid PDFs of the year, grouped by ESR type,
byte-identical to the signed files, with a manifest; drafts and replaced versions stay out."""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from kinerja.dokumen import services
from tests.dokumen.conftest import instansi_demo, login_peran, periode_demo

pytestmark = pytest.mark.django_db

DINAS = "Dinas Bina Marga, Cipta Karya dan Tata Ruang"


@pytest.fixture
def dunia(demo):
    dinas = instansi_demo(DINAS)
    return {
        "dinas": dinas,
        "tw3": periode_demo(dinas, 2026, "triwulan", 3),
        "tw2": periode_demo(dinas, 2026, "triwulan", 2),
        "tim": login_peran("tim_sakip", dinas),
        "kepala": login_peran("kepala", dinas),
    }


def buat(d, jenis, periode="tw3", **kw):
    return services.dokumen_buat(
        pengguna=d["tim"], jenis=jenis, instansi=d["dinas"], periode=d[periode], **kw
    )


def ttd(d, dok):
    return services.dokumen_tandatangani(pengguna=d["kepala"], dokumen=dok)


def test_an_empty_year_is_refused(dunia):
    with pytest.raises(ValidationError):
        buat(dunia, "bundel_esr")


def test_the_bundle_groups_signed_pdfs_by_esr_type_with_a_manifest(dunia):
    pk = ttd(dunia, buat(dunia, "pk"))
    rra2 = ttd(dunia, buat(dunia, "realisasi_ra", periode="tw2", format="pdf"))
    rra3_lama = ttd(dunia, buat(dunia, "realisasi_ra", format="pdf"))
    rra3 = ttd(dunia, buat(dunia, "realisasi_ra", format="pdf"))  # v2 replaces v1
    draf = buat(dunia, "laporan_pengukuran")
    xlsx = ttd(dunia, buat(dunia, "realisasi_ra", format="xlsx"))
    bundel = buat(dunia, "bundel_esr")
    assert bundel.format == "zip" and bundel.periode is None
    with bundel.berkas.open("rb") as f:
        z = zipfile.ZipFile(io.BytesIO(f.read()))
    nama = z.namelist()
    pdf = [n for n in nama if n.endswith(".pdf")]
    assert len(pdf) == 3
    assert any(n.startswith("06 Perjanjian Kinerja/06_pk_") for n in pdf)
    assert sum(n.startswith("16 Laporan Monev Renaksi/16_realisasi_ra_") for n in pdf) == 2
    for dok in (pk, rra2, rra3):
        jalur = next(n for n in pdf if hashlib.sha256(z.read(n)).hexdigest() == dok.sha256)
        with dok.berkas.open("rb") as f:
            assert z.read(jalur) == f.read()
    for tidak in (rra3_lama, draf, xlsx):
        assert all(hashlib.sha256(z.read(n)).hexdigest() != tidak.sha256 for n in pdf)
    manifes = list(csv.DictReader(io.StringIO(z.read("MANIFES.csv").decode())))
    assert {m["sha256"] for m in manifes} == {pk.sha256, rra2.sha256, rra3.sha256}
    baris_pk = next(m for m in manifes if m["sha256"] == pk.sha256)
    assert baris_pk["jenis_esr"] == "6 Perjanjian Kinerja"
    assert baris_pk["verifikasi"].endswith(f"/verifikasi/{pk.kode_verifikasi}/")
    assert "MANIFES.txt" in nama


def test_a_damaged_file_stops_the_bundle(dunia):
    pk = ttd(dunia, buat(dunia, "pk"))
    with pk.berkas.open("wb") as f:
        f.write(b"%PDF rusak")
    with pytest.raises(ValidationError):
        buat(dunia, "bundel_esr")
