"""The rendering core: JSON in, PDF out, vendored fonts only, user text printed literally."""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from decimal import Decimal

import pytest
from PIL import Image

from kinerja.dokumen.render import (
    DokumenError,
    data_json,
    format_nip,
    qr_svg,
    render_pdf,
    render_png,
    tanggal_id,
)
from tests.dokumen.pdfteks import rapat, teks_halaman

MARKUP = [
    "#set text(red)",
    "$x^2$",
    "*tebal*",
    "_miring_",
    "<label>",
    "@rujukan",
    "[kurung]",
    "garis\\miring",
    '#eval("1+1")',
    "//komentar",
    "`kode`",
    "= Judul",
    "- butir",
    "~tilde~",
]


def _data(baris: int = 10, **lain):
    data = {
        "kop": {
            "pemda": "Pemerintah Kabupaten Lumajang",
            "instansi": "Dinas Pekerjaan Umum dan Tata Ruang",
            "alamat": "Jl. Basuki Rahmat No. 1, Lumajang",
        },
        "judul": "Surat Pengantar",
        "nomor": "060/31194/427.56/2024",
        "paragraf": ["Bersama ini kami sampaikan laporan hasil pengukuran kinerja."],
        "tabel": {
            "kolom": ["auto", 4, 2],
            "kepala": ["No", "Uraian", "Jumlah"],
            "baris": [[str(i), f"Dokumen nomor {i}", "1.234,56"] for i in range(1, baris + 1)],
        },
        "ttd": {
            "tempat": "Lumajang",
            "tanggal": tanggal_id(dt.date(2024, 1, 11)),
            "status": "Plt.",
            "jabatan": "Kepala Dinas",
            "nama": "Ir. Budi Santoso, M.T.",
            "pangkat": "Pembina Utama Muda (IV/c)",
            "nip": "19720925 199803 1 003",
        },
        "verifikasi": {
            "qr_svg": qr_svg("https://kinerja.example/v/AB12CD34"),
            "kode": "AB12-CD34",
            "url": "kinerja.example/v",
        },
    }
    data.update(lain)
    return data


def test_pdf_dengan_isi_lengkap():
    pdf = render_pdf("umum", _data())
    assert pdf.startswith(b"%PDF-")
    halaman = teks_halaman(pdf)
    assert len(halaman) == 1
    isi = rapat(halaman[0])
    for frasa in [
        "PEMERINTAH KABUPATEN LUMAJANG",
        "DINAS PEKERJAAN UMUM DAN TATA RUANG",
        "Nomor: 060/31194/427.56/2024",
        "Dokumen nomor 10",
        "Lumajang, 11 Januari 2024",
        "Plt. Kepala Dinas,",
        "Ir. Budi Santoso, M.T.",
        "Pembina Utama Muda (IV/c)",
        "NIP. 19720925 199803 1 003",
        "Kode verifikasi: AB12-CD34",
    ]:
        assert rapat(frasa) in isi, frasa


def test_tanpa_status_jabatan_dicetak_polos():
    data = _data()
    data["ttd"]["status"] = None
    isi = rapat(teks_halaman(render_pdf("umum", data))[0])
    assert "KepalaDinas," in isi
    assert "Plt." not in isi


def test_tabel_panjang_pindah_halaman_dengan_kepala_berulang():
    pdf = render_pdf("umum", _data(baris=120))
    halaman = teks_halaman(pdf)
    assert len(halaman) >= 3
    for teks in halaman[:-1]:
        baris = teks.split("\n")
        assert "Uraian" in baris and "Jumlah" in baris
    semua = rapat("".join(halaman))
    assert all(rapat(f"Dokumen nomor {i}") in semua for i in (1, 60, 120))


@pytest.mark.parametrize("teks", MARKUP)
def test_markup_dicetak_apa_adanya(teks):
    data = _data(paragraf=[f"awal {teks} akhir"])
    data["tabel"]["baris"] = [["1", teks, teks]]
    data["ttd"]["nama"] = teks
    data["nomor"] = teks
    halaman = teks_halaman(render_pdf("umum", data))
    isi = rapat("".join(halaman))
    assert rapat(f"awal {teks} akhir") in isi
    assert isi.count(rapat(teks)) >= 4  # paragraph, two table cells, signer, number


def test_baris_baru_dalam_teks_menjadi_baris_baru():
    data = _data(paragraf=["baris pertama\nbaris kedua"])
    baris = teks_halaman(render_pdf("umum", data))[0].split("\n")
    assert "baris pertama" in baris and "baris kedua" in baris


def test_hanya_huruf_bawaan_yang_dipakai():
    pdf = render_pdf("umum", _data())
    nama = set(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-]+)", pdf))
    assert nama
    assert all(n.split(b"+")[-1].startswith(b"LiberationSans") for n in nama), nama


def test_keluaran_sama_untuk_data_yang_sama():
    assert render_pdf("umum", _data()) == render_pdf("umum", _data())


def test_kertas_f4_dan_melintang():
    def ukuran(pdf):
        m = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", pdf)
        return round(float(m.group(1)) / 72 * 25.4), round(float(m.group(2)) / 72 * 25.4)

    assert ukuran(render_pdf("umum", _data())) == (210, 297)
    assert ukuran(render_pdf("umum", _data(kertas="f4"))) == (215, 330)
    assert ukuran(render_pdf("umum", _data(kertas="f4", melintang=True))) == (330, 215)


def test_logo_dari_berkas():
    buf = io.BytesIO()
    Image.new("RGB", (60, 80), (200, 30, 30)).save(buf, format="PNG")
    data = _data()
    data["kop"]["logo"] = "/berkas/logo.png"
    pdf = render_pdf("umum", data, berkas={"logo.png": buf.getvalue()})
    assert re.search(rb"/Subtype\s*/Image", pdf)
    tanpa = render_pdf("umum", _data())
    assert not re.search(rb"/Subtype\s*/Image", tanpa)


def test_png_per_halaman():
    gambar = render_png("umum", _data(baris=120), ppi=30)
    assert len(gambar) >= 3
    img = Image.open(io.BytesIO(gambar[0]))
    assert img.size == (round(210 / 25.4 * 30), round(297 / 25.4 * 30))


def test_tanpa_peringatan_typst(caplog):
    with caplog.at_level(logging.WARNING, logger="kinerja.dokumen"):
        render_pdf("umum", _data())
    assert not caplog.records


@pytest.mark.parametrize("nama", ["../umum", "umum.typ", "Umum", "/etc/passwd", "tidak-ada"])
def test_nama_templat_tidak_sah(nama):
    with pytest.raises(DokumenError):
        render_pdf(nama, _data())


@pytest.mark.parametrize("nama", ["../logo.png", "a/b.png", ".rahasia", ""])
def test_nama_berkas_tidak_sah(nama):
    with pytest.raises(DokumenError):
        render_pdf("umum", _data(), berkas={nama: b"x"})


def test_kesalahan_typst_menjadi_dokumen_error():
    data = _data()
    del data["kop"]["instansi"]
    with pytest.raises(DokumenError, match="instansi"):
        render_pdf("umum", data)


def test_data_json():
    teks = data_json(
        {"a": Decimal("1234.50"), "t": dt.date(2024, 1, 11), "w": dt.datetime(2024, 1, 11, 8, 30)}
    )
    assert teks == '{"a": "1234.50", "t": "2024-01-11", "w": "2024-01-11T08:30:00"}'
    with pytest.raises(TypeError):
        data_json({"x": object()})
    with pytest.raises(ValueError):
        data_json({"x": float("nan")})


@pytest.mark.parametrize(
    ("nilai", "hasil"),
    [
        (dt.date(2024, 1, 11), "11 Januari 2024"),
        ("2023-12-01", "1 Desember 2023"),
        (dt.datetime(2020, 2, 29, 23, 0), "29 Februari 2020"),
        (None, "-"),
        ("", "-"),
    ],
)
def test_tanggal_id(nilai, hasil):
    assert tanggal_id(nilai) == hasil


def test_tanggal_id_menolak_teks_bukan_tanggal():
    with pytest.raises(ValueError):
        tanggal_id("11/01/2024")


def test_qr_svg():
    a, b = qr_svg("https://kinerja.example/v/A"), qr_svg("https://kinerja.example/v/B")
    assert "<svg" in a and "<path" in a
    assert a != b


@pytest.mark.parametrize(
    ("nip", "hasil"),
    [
        ("197209251998031003", "19720925 199803 1 003"),
        ("19720925 199803 1 003", "19720925 199803 1 003"),
        ("PPPK-123", "PPPK-123"),
        (None, "-"),
    ],
)
def test_format_nip(nip, hasil):
    assert format_nip(nip) == hasil


def test_svg_per_halaman():
    from kinerja.dokumen.render import render

    halaman = render("umum", _data(baris=120), format="svg")
    assert len(halaman) >= 3
    assert all(h.lstrip().startswith(b"<svg") for h in halaman)
