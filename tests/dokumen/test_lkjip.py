"""LKjIP Bab III from the demo: the seven comparisons pre-filled with the numbers of
`tabel_capaian` and `kinerja.rumus`, as a DOCX draft and XLSX tables."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from docx import Document

from kinerja import rumus
from kinerja.dokumen import services
from kinerja.dokumen.pembuat.lkjip import PERBANDINGAN
from kinerja.inti.angka import format_angka
from kinerja.pengukuran.hasil import tabel_capaian
from tests.dokumen.conftest import instansi_demo, login_peran, periode_demo

pytestmark = pytest.mark.django_db

DINAS = "Dinas Bina Marga, Cipta Karya dan Tata Ruang"


@pytest.fixture
def dunia(demo):
    dinas = instansi_demo(DINAS)
    return {
        "dinas": dinas,
        "tw3": periode_demo(dinas, 2026, "triwulan", 3),
        "tim": login_peran("tim_sakip", dinas),
    }


def buat(d, format):
    dok = services.dokumen_buat(
        pengguna=d["tim"], jenis="lkjip_bab3", instansi=d["dinas"], periode=d["tw3"], format=format
    )
    with dok.berkas.open("rb") as f:
        return dok, f.read()


def teks_docx(data):
    doc = Document(io.BytesIO(data))
    bagian = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for r in t.rows:
            bagian.append(" | ".join(c.text for c in r.cells))
    return "\n".join(bagian)


def test_docx_has_the_seven_comparisons_for_every_sasaran(dunia):
    dok, data = buat(dunia, "docx")
    teks = teks_docx(data)
    jumlah_sasaran = len(dok.snapshot["sasaran"])
    assert jumlah_sasaran >= 5
    for judul in PERBANDINGAN:
        assert teks.count(judul) == jumlah_sasaran
    assert teks.count("Uraian: ") == 7 * jumlah_sasaran + 1  # the narrative stays for the user


def test_numbers_are_those_of_tabel_capaian_and_rumus(dunia):
    dok, data = buat(dunia, "docx")
    teks = teks_docx(data)
    tabel = tabel_capaian(instansi=dunia["dinas"], periode=dunia["tw3"])
    iku = [b for g in tabel.kelompok for b in g.baris if b.indikator.jenis == "iku"]
    for b in iku:
        if b.capaian_tahun.nilai is not None:
            capaian = format_angka(b.capaian_tahun.bulat())
            baris = (
                f"{b.indikator.nama} | {b.target_tahun_teks} | {b.realisasi_sd_teks} | {capaian}"
            )
            assert baris in teks
    roll = rumus.rollup([b.capaian_tahun for b in iku])
    assert f"rata-rata capaian {format_angka(roll.bulat())}%" in teks
    # Comparison 4: the standard is used as target by rumus.hitung_capaian.
    jalan = next(b for b in iku if b.indikator.standar_nasional is not None)
    c = rumus.hitung_capaian(
        target=jalan.indikator.standar_nasional, realisasi=jalan.sd.realisasi.nilai_asli
    )
    assert format_angka(c.bulat()) in teks


def test_xlsx_tables_hold_numbers(dunia):
    _, data = buat(dunia, "xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Capaian"]
    tabel = tabel_capaian(instansi=dunia["dinas"], periode=dunia["tw3"])
    per_nama = {b.indikator.nama: b for g in tabel.kelompok for b in g.baris}
    n = 0
    for r in ws.iter_rows(min_row=6):
        if r[0].value and str(r[0].value).isdigit():
            b = per_nama[r[2].value]
            if b.capaian_tahun.nilai is not None:
                assert Decimal(str(r[6].value)) == b.capaian_tahun.bulat()
                n += 1
    assert n >= 7
    assert wb["Anggaran"]["E6"].value.startswith("=IF(")
