"""The demo's small evidence files: a valid one-page PDF and a semicolon CSV."""

from __future__ import annotations

import re

from kinerja.demo.berkas import csv_sederhana, pdf_satu_halaman


def test_pdf_satu_halaman_punya_tabel_xref_yang_menunjuk_tepat_ke_setiap_objek():
    isi = pdf_satu_halaman(["Dinas (Bina) Marga", "Triwulan III 2026 — data contoh"])
    assert isi.startswith(b"%PDF-1.4\n") and isi.endswith(b"%%EOF\n")
    awal_xref = int(re.search(rb"startxref\n(\d+)\n", isi).group(1))
    assert isi[awal_xref:].startswith(b"xref\n0 6\n")
    posisi = re.findall(rb"(\d{10}) 00000 n ", isi[awal_xref:])
    assert len(posisi) == 5
    for nomor, p in enumerate(posisi, start=1):
        assert isi[int(p) :].startswith(f"{nomor} 0 obj".encode())
    # The content stream's declared length is its real length.
    panjang = int(re.search(rb"/Length (\d+) >>\nstream\n", isi).group(1))
    aliran = isi.split(b"stream\n", 1)[1].split(b"\nendstream", 1)[0]
    assert len(aliran) == panjang
    # Parentheses are escaped; characters outside Latin-1 ASCII are replaced, not dropped.
    assert rb"(Dinas \(Bina\) Marga) Tj" in isi and b"(DATA CONTOH) Tj" in isi
    assert b"Triwulan III 2026 - data contoh" in isi
    assert pdf_satu_halaman(["a"]) == pdf_satu_halaman(["a"]) != pdf_satu_halaman(["b"])


def test_csv_memakai_titik_koma_dan_mengutip_bila_perlu():
    isi = csv_sederhana(["kode", "nama"], [["A;1", 'kata "kutip"'], ["B", "biasa"]])
    assert isi.decode() == 'kode;nama\n"A;1";"kata ""kutip"""\nB;biasa\n'
