"""Kertas Kerja Pengukuran Kinerja (XLSX) and Laporan Hasil Pengukuran Kinerja (PDF, DOCX)
from the demo (seed 002, Banjarnegara): the numbers of `tabel_capaian` / `kinerja.rumus`,
the recap per level, the analysis fields as literal text, the Kepala's signature."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from docx import Document

from kinerja import rumus
from kinerja.dokumen import services
from kinerja.dokumen.models import StatusDokumen
from kinerja.inti.angka import format_angka
from kinerja.pengukuran.hasil import tabel_capaian
from tests.dokumen.conftest import instansi_demo, login_peran, periode_demo
from tests.dokumen.pdfteks import rapat, teks_halaman

pytestmark = pytest.mark.django_db

DINAS = "Dinas Pemberdayaan Masyarakat dan Desa, Pengendalian Penduduk dan Keluarga Berencana"
JAHAT = '=HYPERLINK("http://contoh.invalid") <script>alert(1)</script> #set text(red) {{ x }}'


@pytest.fixture
def dunia(demo):
    dinas = instansi_demo(DINAS)
    return {
        "dinas": dinas,
        "tw3": periode_demo(dinas, 2026, "triwulan", 3),
        "tim": login_peran("tim_sakip", dinas),
        "sekretaris": login_peran("sekretaris", dinas),
        "kepala": login_peran("kepala", dinas),
    }


def buat(d, jenis, format, **kw):
    return services.dokumen_buat(
        pengguna=d["tim"], jenis=jenis, instansi=d["dinas"], periode=d["tw3"], format=format, **kw
    )


def isi(dok):
    with dok.berkas.open("rb") as f:
        return f.read()


def test_kertas_kerja_has_every_indicator_with_the_capaian_of_tabel_capaian(dunia):
    wb = openpyxl.load_workbook(io.BytesIO(isi(buat(dunia, "kertas_kerja", "xlsx"))))
    ws = wb["Kertas Kerja"]
    tabel = tabel_capaian(instansi=dunia["dinas"], periode=dunia["tw3"])
    per_nama = {b.indikator.nama: b for g in tabel.kelompok for b in g.baris}
    baris = [r for r in ws.iter_rows(min_row=6) if r[0].value and str(r[0].value).isdigit()]
    assert len(baris) == tabel.jumlah_indikator == len(per_nama)
    for r in baris:
        b = per_nama[r[2].value]
        for sel, h in ((r[11], b.capaian_periode), (r[12], b.capaian_tahun)):
            if h.nilai is None:
                assert sel.value in (None, "–")
            else:
                assert Decimal(str(sel.value)) == h.bulat()
        assert r[14].value == b.capaian_periode.metode
    total = next(
        r for r in ws.iter_rows(min_row=6) if r[1].value == "Rata-rata capaian perangkat daerah"
    )
    assert Decimal(str(total[11].value)) == tabel.rollup.bulat()
    assert ws.freeze_panes == "D6" and ws.print_title_rows == "$5:$5"


def test_recap_per_level_is_the_rollup_of_its_indicators(dunia):
    wb = openpyxl.load_workbook(io.BytesIO(isi(buat(dunia, "kertas_kerja", "xlsx"))))
    ws = wb["Rekap"]
    tabel = tabel_capaian(instansi=dunia["dinas"], periode=dunia["tw3"])
    per_level: dict[str, list] = {}
    for g in tabel.kelompok:
        per_level.setdefault(g.elemen.level.nama, []).extend(b.capaian_periode for b in g.baris)
    ringkas = {r[0].value: r for r in ws.iter_rows(min_row=6) if r[1].value == "semua"}
    assert set(ringkas) == set(per_level)
    for level, hasil in per_level.items():
        roll = rumus.rollup(hasil)
        sel = ringkas[level][5]
        assert (
            (sel.value in (None, "–"))
            if roll.nilai is None
            else Decimal(str(sel.value)) == roll.bulat()
        )
    elemen = {
        (r[1].value, r[2].value): r
        for r in ws.iter_rows(min_row=6)
        if r[1].value not in ("semua", None, "")
    }
    for g in tabel.kelompok:
        if g.rollup.nilai is not None:
            assert Decimal(str(elemen[(g.elemen.kode, g.elemen.nama)][5].value)) == g.rollup.bulat()


def test_laporan_pdf_prints_methodology_results_and_rollups(dunia):
    dok = buat(dunia, "laporan_pengukuran", "pdf")
    teks = rapat("".join(teks_halaman(isi(dok))))
    assert "LAPORANHASILPENGUKURANKINERJA" in teks and "METODOLOGIPENGUKURAN" in teks
    assert "(duakalitargetdikurangirealisasi)dibagitarget" in teks
    tabel = tabel_capaian(instansi=dunia["dinas"], periode=dunia["tw3"])
    for g in tabel.kelompok:
        for b in g.baris:
            if b.capaian_periode.nilai is not None:
                assert format_angka(b.capaian_periode.bulat()) in teks
    assert format_angka(tabel.rollup.bulat()) in teks
    assert rapat(tabel.predikat.label) in teks


def test_analysis_text_prints_literally_and_is_kept_for_the_next_build(dunia):
    dok = buat(
        dunia, "laporan_pengukuran", "pdf", isian={"analisis": JAHAT, "kendala": "Data terlambat."}
    )
    assert rapat(JAHAT) in rapat("".join(teks_halaman(isi(dok))))
    lagi = buat(dunia, "laporan_pengukuran", "pdf")
    assert lagi.pk == dok.pk and lagi.isian["analisis"] == JAHAT
    docx = buat(dunia, "laporan_pengukuran", "docx", isian={"analisis": JAHAT})
    teks = "\n".join(p.text for p in Document(io.BytesIO(isi(docx))).paragraphs)
    assert JAHAT in teks and "METODOLOGI PENGUKURAN" in teks


def test_the_kepala_signs_the_laporan_and_the_sekretaris_cannot(dunia):
    dok = buat(dunia, "laporan_pengukuran", "pdf")
    with pytest.raises(services.PermissionDenied):
        services.dokumen_tandatangani(pengguna=dunia["sekretaris"], dokumen=dok)
    dok = services.dokumen_tandatangani(pengguna=dunia["kepala"], dokumen=dok)
    assert dok.status == StatusDokumen.DITANDATANGANI
    assert dok.nomor.startswith("067/") and dok.nomor.endswith("/DISPERMADESPPKB/2026")
    assert dok.snapshot["total"]["rollup"]["n"] == str(
        tabel_capaian(instansi=dunia["dinas"], periode=dunia["tw3"]).rollup.bulat()
    )


def test_the_worksheet_is_not_signed_but_archived(dunia):
    dok = buat(dunia, "kertas_kerja", "xlsx")
    with pytest.raises(services.ValidationError):
        services.dokumen_tandatangani(pengguna=dunia["kepala"], dokumen=dok)
    dok = services.dokumen_arsipkan(pengguna=dunia["tim"], dokumen=dok)
    assert dok.status == StatusDokumen.DIARSIPKAN
