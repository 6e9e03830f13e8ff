"""Realisasi Rencana Aksi Akuntabilitas Kinerja and Rencana Aksi built from the demo (seed 001):
every printed number equals what `tabel_capaian` / `kinerja.rumus` computes; user text with
markup or formula syntax stays text in XLSX and PDF."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError

from kinerja import rumus
from kinerja.dokumen import services
from kinerja.inti.angka import format_angka
from kinerja.pengukuran.hasil import tabel_capaian
from kinerja.pengukuran.models import Realisasi
from tests.dokumen.conftest import instansi_demo, login_peran, periode_demo
from tests.dokumen.pdfteks import rapat, teks_halaman

pytestmark = pytest.mark.django_db

DINAS = "Dinas Bina Marga, Cipta Karya dan Tata Ruang"
JAHAT = [
    '=HYPERLINK("http://contoh.invalid","klik")',
    "<script>alert(1)</script>",
    "#set text(red)",
]


@pytest.fixture
def dunia(demo):
    dinas = instansi_demo(DINAS)
    return {
        "dinas": dinas,
        "tw3": periode_demo(dinas, 2026, "triwulan", 3),
        "tim": login_peran("tim_sakip", dinas),
    }


def buat(d, jenis="realisasi_ra", format="xlsx", **opsi):
    return services.dokumen_buat(
        pengguna=d["tim"], jenis=jenis, instansi=d["dinas"], periode=d["tw3"], format=format, **opsi
    )


def isi(dok):
    with dok.berkas.open("rb") as f:
        return f.read()


def baris_xlsx(ws):
    """Data rows (numbered) of the indicator sheet, by indicator name."""
    kepala = [c.value for c in ws[6]]
    hasil = {}
    for row in ws.iter_rows(min_row=7):
        if row[0].value and str(row[0].value).isdigit():
            hasil[row[1].value] = {i: c for i, c in enumerate(row)}
    return kepala, hasil


def test_xlsx_prints_the_capaian_of_tabel_capaian_for_every_pk_indicator(dunia):
    dok = buat(dunia)
    ws = openpyxl.load_workbook(io.BytesIO(isi(dok)))["Realisasi RA"]
    _, baris = baris_xlsx(ws)
    tabel = tabel_capaian(instansi=dunia["dinas"], periode=dunia["tw3"])
    per_nama = {b.indikator.nama: b for g in tabel.kelompok for b in g.baris}
    assert len(baris) == 9  # the nine items of the Kepala Dinas's PK 2026
    dihitung = 0
    for nama, sel in baris.items():
        b = per_nama[nama]
        for kolom, h in ((13, b.capaian_periode), (14, b.capaian_tahun)):
            if h.nilai is None:
                assert sel[kolom].value in (None, "–")
            else:
                assert Decimal(str(sel[kolom].value)) == h.bulat()
                dihitung += 1
        assert sel[15].value == (b.predikat.label if b.predikat else "–")
    assert dihitung >= 14
    # Headers are frozen and repeat on every printed page.
    assert ws.freeze_panes == "D7" and ws.print_title_rows == "$5:$6"
    assert ws.page_setup.orientation == "landscape"


def test_xlsx_quarter_targets_and_financial_absorption_come_from_the_data(dunia):
    from kinerja.perencanaan.models import Anggaran

    dok = buat(dunia)
    wb = openpyxl.load_workbook(io.BytesIO(isi(dok)))
    _, baris = baris_xlsx(wb["Realisasi RA"])
    jalan = baris["Persentase jalan provinsi dalam kondisi mantap"]
    assert [jalan[i].value for i in range(4, 8)] == [84.5, 85, 85.5, 86]
    assert [jalan[i].value for i in range(8, 11)] == [84.6, 85.2, 85.1]
    # The Keuangan sheet: values and formulas whose result is rumus.serapan.
    ws = wb["Keuangan"]
    baris_prog = [r for r in ws.iter_rows(min_row=6) if r[0].value and str(r[0].value).isdigit()]
    assert len(baris_prog) == 5
    for r in baris_prog:
        kode = r[1].value.split()[0]
        a = Anggaran.objects.get(
            elemen__kode=kode, elemen__kerangka__instansi=dunia["dinas"], tahun=2026
        )
        real = sum(
            x.nilai
            for x in a.realisasi.filter(
                periode__tahun=2026, periode__jenis_periode="triwulan", periode__nomor__lte=3
            )
        )
        assert Decimal(str(r[2].value)) == a.pagu and Decimal(str(r[4].value)) == real
        n = r[0].row
        assert r[5].value == f'=IF(N(C{n})=0,"",E{n}/C{n}*100)'
        s = rumus.serapan(realisasi=real, pagu=a.pagu)
        assert abs(Decimal(str(r[4].value)) / Decimal(str(r[2].value)) * 100 - s.nilai) < Decimal(
            "1e-9"
        )


def test_pdf_prints_the_same_capaian_and_the_rollup(dunia):
    dok = buat(dunia, format="pdf")
    teks = rapat("".join(teks_halaman(isi(dok))))
    tabel = tabel_capaian(instansi=dunia["dinas"], periode=dunia["tw3"])
    ditemukan = 0
    for g in tabel.kelompok:
        for b in g.baris:
            if b.capaian_periode.nilai is not None and b.indikator.kode.startswith("IKU"):
                assert format_angka(b.capaian_periode.bulat()) in teks
                ditemukan += 1
    assert ditemukan >= 7
    assert rapat(dok.snapshot["rollup"]["t"]) in teks
    assert "REALISASIRENCANAAKSIAKUNTABILITASKINERJA" in teks and "TRIWULANIII2026" in teks


def test_user_text_with_markup_or_formulas_stays_text(dunia):
    r = Realisasi.objects.get(
        indikator__kode="IKU-01",
        indikator__elemen__kerangka__instansi=dunia["dinas"],
        periode=dunia["tw3"],
    )
    r.kendala = JAHAT[0]
    r.tindak_lanjut = f"{JAHAT[1]} {JAHAT[2]}"
    r.save()
    ws = openpyxl.load_workbook(io.BytesIO(isi(buat(dunia))))["Realisasi RA"]
    _, baris = baris_xlsx(ws)
    sel = baris["Persentase jalan provinsi dalam kondisi mantap"]
    assert sel[19].value == JAHAT[0] and sel[19].data_type == "s"
    assert sel[20].value == f"{JAHAT[1]} {JAHAT[2]}" and sel[20].data_type == "s"
    teks = rapat("".join(teks_halaman(isi(buat(dunia, format="pdf")))))
    for j in JAHAT:
        assert rapat(j) in teks


def test_a_month_is_refused_and_the_rencana_aksi_lists_actions(dunia):
    with pytest.raises(ValidationError):
        services.dokumen_buat(
            pengguna=dunia["tim"],
            jenis="realisasi_ra",
            instansi=dunia["dinas"],
            periode=periode_demo(dunia["dinas"], 2025, "tahun", 1),
        )
    ra = buat(dunia, jenis="rencana_aksi", format="pdf")
    teks = rapat("".join(teks_halaman(isi(ra))))
    assert "RENCANAAKSI" in teks and "Persiapandanpenetapanrencanakerja" in teks
    ws = openpyxl.load_workbook(io.BytesIO(isi(buat(dunia, jenis="rencana_aksi"))))["Rencana Aksi"]
    assert ws.freeze_panes == "D7"
