"""Small real evidence files for the demo: a one-page PDF and a CSV, stored once per SHA-256.

The PDF is written byte by byte (no library): one A4 page in Helvetica saying "DATA CONTOH"
and a few lines. The same text gives the same bytes, so a second `kinerja demo` finds the
same `Berkas` row and file instead of storing a copy.
"""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from kinerja.pengukuran.models import Berkas

# Where the demo stores its evidence inside MEDIA_ROOT (or the configured storage).
FOLDER_BERKAS_CONTOH = "data-dukung/contoh"


def _pdf_teks(teks: str) -> str:
    """Escape text for a PDF string literal, keeping only characters Helvetica (WinAnsi) has."""
    aman = teks.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return "".join(ch if 32 <= ord(ch) < 127 else "-" for ch in aman)


def pdf_satu_halaman(baris: list[str]) -> bytes:
    """Return a valid one-page PDF showing "DATA CONTOH" and then `baris`, one per line."""
    perintah = ["BT", "/F1 20 Tf", "72 770 Td", "(DATA CONTOH) Tj", "/F1 11 Tf", "0 -30 Td"]
    for teks in baris:
        perintah += [f"({_pdf_teks(teks)}) Tj", "0 -16 Td"]
    perintah.append("ET")
    isi = "\n".join(perintah).encode("latin-1")
    objek = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(isi)).encode() + b" >>\nstream\n" + isi + b"\nendstream",
    ]
    keluaran = bytearray(b"%PDF-1.4\n")
    posisi = []
    for nomor, badan in enumerate(objek, start=1):
        posisi.append(len(keluaran))
        keluaran += f"{nomor} 0 obj\n".encode() + badan + b"\nendobj\n"
    awal_xref = len(keluaran)
    keluaran += f"xref\n0 {len(objek) + 1}\n".encode()
    keluaran += b"0000000000 65535 f \n"
    for p in posisi:
        keluaran += f"{p:010d} 00000 n \n".encode()
    keluaran += (
        f"trailer\n<< /Size {len(objek) + 1} /Root 1 0 R >>\nstartxref\n{awal_xref}\n%%EOF\n"
    ).encode()
    return bytes(keluaran)


def csv_sederhana(kepala: list[str], baris: list[list[str]]) -> bytes:
    """Return a semicolon-separated CSV (the separator Indonesian spreadsheets expect)."""

    def sel(teks: str) -> str:
        teks = str(teks)
        if any(ch in teks for ch in ';"\n'):
            return '"' + teks.replace('"', '""') + '"'
        return teks

    garis = [";".join(sel(x) for x in kepala)] + [";".join(sel(x) for x in b) for b in baris]
    return ("\n".join(garis) + "\n").encode("utf-8")


def simpan_berkas(isi: bytes, *, ekstensi: str, jenis_konten: str) -> Berkas:
    """Store `isi` once per SHA-256 through the default storage and return its `Berkas` row.

    An existing row is reused; its file is written again only if the storage lost it.
    """
    sha = hashlib.sha256(isi).hexdigest()
    nama = f"{FOLDER_BERKAS_CONTOH}/{sha[:2]}/{sha}.{ekstensi}"
    berkas = Berkas.objects.filter(sha256=sha).first()
    if berkas is not None and berkas.berkas and default_storage.exists(berkas.berkas.name):
        return berkas
    if not default_storage.exists(nama):
        nama = default_storage.save(nama, ContentFile(isi))
    if berkas is None:
        berkas = Berkas(sha256=sha, ukuran=len(isi), jenis_konten=jenis_konten)
    berkas.berkas.name = nama
    berkas.save()
    return berkas
