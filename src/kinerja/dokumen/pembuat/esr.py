"""The esr.menpan.go.id upload bundle: a ZIP of an agency's signed PDFs for a year.

Files are grouped in folders by ESR document type, numbered as in METHODOLOGY.md
("06 Perjanjian Kinerja/", "16 Laporan Monev Renaksi/", …), and named
`<no ESR>_<jenis>_<instansi>_<periode>_v<versi>.pdf`. Only signed documents that are still
valid (not replaced by a newer version) go in. `MANIFES.csv` lists each file with its
folder, type, number, period, version, signer, signing date, SHA-256 and verification
address; `MANIFES.txt` says the same for a person. Each file's SHA-256 is checked against the
stored one while zipping, so a damaged file stops the bundle instead of being uploaded.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from typing import Any

from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.text import slugify

from kinerja.dokumen import bersama
from kinerja.dokumen.jenis import Konteks, OpsiTidakSah, Pembuat, daftar
from kinerja.dokumen.models import JenisDokumen, JenisESR
from kinerja.dokumen.render import tanggal_id
from kinerja.dokumen.selectors import dokumen_esr

# A fixed time inside the ZIP keeps its bytes a function of its content.
_WAKTU_ZIP = (2000, 1, 1, 0, 0, 0)
KOLOM_MANIFES = (
    "folder",
    "berkas",
    "jenis_esr",
    "jenis_dokumen",
    "judul",
    "instansi",
    "nomor",
    "periode",
    "versi",
    "penandatangan",
    "tanggal_tanda_tangan",
    "sha256",
    "ukuran_bita",
    "verifikasi",
)


def folder_esr(kode: str) -> str:
    """ "06" → "06 Perjanjian Kinerja" (the type's number kept two-digit for sorting)."""
    label = str(JenisESR(kode).label)
    return f"{kode} {label.split(' ', 1)[1]}"


def kumpulkan(k: Konteks) -> dict[str, Any]:
    """The list of files of the bundle (no bytes: the writer reads them by storage name)."""
    from kinerja.dokumen.services import url_verifikasi

    tahun = k.periode.tahun
    isi = []
    nama_dipakai: set[str] = set()
    for d in dokumen_esr(k.instansi, tahun):
        periode = slugify(d.periode.label) if d.periode_id else str(d.tahun)
        kunci = f"_{slugify(d.kunci)}" if d.kunci else ""
        nama = (
            f"{d.jenis_esr}_{d.jenis}_{slugify(d.instansi.singkatan or d.instansi.nama)[:40]}"
            f"_{periode}{kunci}_v{d.versi}.pdf"
        )
        folder = folder_esr(d.jenis_esr)
        jalur = f"{folder}/{nama}"
        if jalur in nama_dipakai:
            jalur = f"{folder}/{d.pk}_{nama}"
        nama_dipakai.add(jalur)
        isi.append(
            {
                "jalur": jalur,
                "penyimpanan": d.berkas.name,
                "folder": folder,
                "berkas": jalur.rsplit("/", 1)[1],
                "jenis_esr": d.get_jenis_esr_display(),
                "jenis_dokumen": d.get_jenis_display(),
                "judul": d.judul,
                "instansi": d.instansi.nama,
                "nomor": d.nomor,
                "periode": d.periode.label if d.periode_id else f"Tahun {d.tahun}",
                "versi": str(d.versi),
                "penandatangan": (
                    f"{d.awalan_penandatangan}{d.penandatangan.nama_lengkap}"
                    if d.penandatangan
                    else ""
                ),
                "tanggal_tanda_tangan": tanggal_id(timezone.localdate(d.ditandatangani_pada)),
                "sha256": d.sha256,
                "ukuran_bita": str(d.ukuran),
                "verifikasi": url_verifikasi(d.kode_verifikasi),
            }
        )
    if not isi:
        raise OpsiTidakSah(
            f"Belum ada dokumen PDF bertanda tangan tahun {tahun} untuk instansi ini."
        )
    return {
        "judul": f"Bundel unggahan esr.menpan.go.id Tahun {tahun}",
        "instansi": k.instansi.nama,
        "kop": bersama.kop(k.instansi),
        "tahun": tahun,
        "dibuat": tanggal_id(timezone.localdate()),
        "isi": isi,
    }


def tulis_zip(m: dict[str, Any], logo: bytes | None) -> bytes:
    """The ZIP: one folder per ESR type, the PDFs, MANIFES.csv and MANIFES.txt."""
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for f in m["isi"]:
            with default_storage.open(f["penyimpanan"], "rb") as berkas:
                data = berkas.read()
            if hashlib.sha256(data).hexdigest() != f["sha256"]:
                raise OpsiTidakSah(
                    f"Berkas {f['judul']} tidak sama dengan yang ditandatangani (SHA-256 berbeda)."
                )
            z.writestr(zipfile.ZipInfo(f["jalur"], _WAKTU_ZIP), data)
        teks = io.StringIO()
        w = csv.writer(teks)
        w.writerow(KOLOM_MANIFES)
        for f in m["isi"]:
            w.writerow([f[kol] for kol in KOLOM_MANIFES])
        z.writestr(zipfile.ZipInfo("MANIFES.csv", _WAKTU_ZIP), teks.getvalue().encode("utf-8"))
        baris = [
            m["judul"],
            m["instansi"],
            f"Dibuat {m['dibuat']}; {len(m['isi'])} berkas.",
            "",
        ]
        folder = None
        for f in m["isi"]:
            if f["folder"] != folder:
                folder = f["folder"]
                baris += ["", folder]
            baris.append(
                f"- {f['berkas']}: {f['judul']}"
                + (f" nomor {f['nomor']}" if f["nomor"] else "")
                + f", {f['periode']}, ditandatangani {f['penandatangan']}"
                + f" {f['tanggal_tanda_tangan']}"
                + f", SHA-256 {f['sha256']}, verifikasi {f['verifikasi']}"
            )
        z.writestr(
            zipfile.ZipInfo("MANIFES.txt", _WAKTU_ZIP), ("\n".join(baris) + "\n").encode("utf-8")
        )
    return keluaran.getvalue()


daftar(
    Pembuat(
        jenis=JenisDokumen.BUNDEL_ESR,
        tulis={"zip": tulis_zip},
        kumpulkan=kumpulkan,
        ditandatangani=False,
        keterangan="ZIP PDF bertanda tangan setahun per jenis ESR, dengan manifes.",
        tahunan=True,
    )
)
