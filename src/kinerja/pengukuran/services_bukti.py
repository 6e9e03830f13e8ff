"""Evidence (data dukung) writes: upload, link, delete, and the validator's decision per item.

Files are checked by content, not by name: the first bytes (PDF, PNG, JPEG) or the structure
of the zip container (XLSX, DOCX, ODS, ODT) must match the extension; a CSV must be plain text.
Every file is stored once per SHA-256 under a name made from its hash (never the user's name,
which is kept sanitised on `DataDukung.nama` for display and download). Files are served only
through a view that checks permission; nothing under MEDIA_ROOT is public.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zipfile
from typing import IO, Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone

from kinerja.inti.angka import format_angka
from kinerja.inti.audit import catat
from kinerja.pengukuran import alur_status
from kinerja.pengukuran.models import (
    Berkas,
    DataDukung,
    KeputusanBukti,
    Realisasi,
    StatusPeriode,
    StatusRealisasi,
)

PESAN_TIDAK_BERHAK = "Anda tidak berhak mengubah data dukung realisasi ini."
PESAN_TIDAK_BERHAK_PUTUSKAN = "Anda tidak berhak memeriksa data dukung realisasi ini."
PESAN_TIDAK_DAPAT_DIUBAH = (
    "Data dukung hanya dapat ditambah atau dihapus selama periode dibuka dan realisasi "
    "berstatus draf atau dikembalikan."
)
PESAN_JENIS_DILARANG = (
    "Jenis berkas “{nama}” tidak diizinkan. Unggah PDF, PNG, JPEG, XLSX, DOCX, ODS, ODT atau CSV."
)
PESAN_ISI_TIDAK_SESUAI = (
    "Isi berkas “{nama}” bukan {jenis} seperti ekstensinya, sehingga ditolak. "
    "Simpan ulang berkasnya dari aplikasi aslinya lalu unggah lagi."
)
PESAN_TERLALU_BESAR = "Berkas “{nama}” berukuran {ukuran}; paling besar {maks}."
PESAN_BERKAS_KOSONG = "Berkas “{nama}” kosong."
PESAN_SUDAH_DILAMPIRKAN = "Berkas yang sama sudah dilampirkan pada realisasi ini."
PESAN_TAUTAN = "Tautan harus berupa alamat lengkap yang diawali http:// atau https://."
PESAN_TAUTAN_SUDAH_ADA = "Tautan yang sama sudah dilampirkan pada realisasi ini."
PESAN_HAPUS_MILIK_SENDIRI = "Anda hanya dapat menghapus data dukung yang Anda unggah sendiri."
PESAN_BELUM_DIAJUKAN = "Data dukung diperiksa saat realisasinya berstatus diajukan."
PESAN_PUTUSKAN_SENDIRI = "Anda tidak dapat memeriksa data dukung yang Anda unggah atau isi sendiri."
PESAN_ALASAN_TOLAK = "Tuliskan alasan penolakan data dukung."
PESAN_KEPUTUSAN = "Keputusan tidak dikenal."

# Extension → (kind, content type served, label in messages).
JENIS_BERKAS: dict[str, tuple[str, str, str]] = {
    "pdf": ("pdf", "application/pdf", "PDF"),
    "png": ("png", "image/png", "PNG"),
    "jpg": ("jpeg", "image/jpeg", "JPEG"),
    "jpeg": ("jpeg", "image/jpeg", "JPEG"),
    "xlsx": (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "XLSX",
    ),
    "docx": (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "DOCX",
    ),
    "ods": ("ods", "application/vnd.oasis.opendocument.spreadsheet", "ODS"),
    "odt": ("odt", "application/vnd.oasis.opendocument.text", "ODT"),
    "csv": ("csv", "text/csv", "CSV"),
}
# What the file picker offers (the server checks content regardless).
TERIMA_INPUT = ",".join(f".{e}" for e in JENIS_BERKAS)

_MIMETYPE_ODF = {
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.text": "odt",
}
# Bytes that never start a text file: archives, images, PDFs, Office 97 files. (Executables
# are caught by the NUL bytes every one of them has in its header.)
_AWALAN_BINER = (
    b"PK\x03\x04",
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"\xd0\xcf\x11\xe0",
)
_KARAKTER_NAMA = re.compile(r"[^\w .()\-]+", re.UNICODE)


def ukuran_maks() -> int:
    """The upload limit in bytes (settings.KINERJA_UKURAN_BERKAS_MAKS, default 20 MB)."""
    return int(getattr(settings, "KINERJA_UKURAN_BERKAS_MAKS", 20 * 1024 * 1024))


def teks_ukuran(bita: int) -> str:
    """A size the Indonesian way: "850 KB", "20 MB", "1,5 MB"."""
    if bita < 1024 * 1024:
        return f"{format_angka(max(1, round(bita / 1024)), 0)} KB"
    mb = bita / (1024 * 1024)
    return f"{format_angka(round(mb, 1), 0 if mb == int(mb) else 1)} MB"


def nama_aman(nama: str, cadangan: str = "berkas") -> str:
    """A file name safe to show and to send back in Content-Disposition.

    Keeps only the last path component, letters, digits, spaces, dots, dashes, underscores and
    parentheses; no leading dots; at most 150 characters with the extension kept.
    """
    nama = unicodedata.normalize("NFKC", nama or "")
    nama = nama.replace("\\", "/").rsplit("/", 1)[-1]
    nama = "".join(ch for ch in nama if unicodedata.category(ch)[0] != "C")
    nama = _KARAKTER_NAMA.sub("_", nama)
    nama = re.sub(r"\s+", " ", nama).strip(" .")
    if not nama or nama.startswith("."):
        nama = cadangan
    dasar, titik, ekstensi = nama.rpartition(".")
    if titik and len(ekstensi) <= 10 and len(nama) > 150:
        nama = dasar[: 150 - len(ekstensi) - 1].rstrip() + "." + ekstensi
    return nama[:150]


def _ekstensi(nama: str) -> str:
    return nama.rpartition(".")[2].lower() if "." in nama else ""


def _jenis_zip(berkas: IO[bytes]) -> str | None:
    """The Office/ODF kind of a zip container, or None when it is another (or a broken) zip."""
    try:
        with zipfile.ZipFile(berkas) as z:
            nama = set(z.namelist()[:5000])
            if "mimetype" in nama:
                info = z.getinfo("mimetype")
                if info.file_size <= 100:
                    return _MIMETYPE_ODF.get(z.read("mimetype").strip())
            if "[Content_Types].xml" in nama:
                if "xl/workbook.xml" in nama:
                    return "xlsx"
                if "word/document.xml" in nama:
                    return "docx"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError):
        return None
    return None


def _teks_polos(contoh: bytes) -> bool:
    """True when `contoh` (the start of a file) reads as plain text (UTF-8 or Windows-1252)."""
    if not contoh or b"\x00" in contoh or contoh.startswith(_AWALAN_BINER):
        return False
    try:
        teks = contoh.decode("utf-8")
    except UnicodeDecodeError as exc:
        # The sample may end in the middle of a multi-byte character.
        if exc.start >= len(contoh) - 3:
            teks = contoh[: exc.start].decode("utf-8")
        else:
            try:
                teks = contoh.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return all(ch in "\t\r\n\f" or unicodedata.category(ch) != "Cc" for ch in teks)


def kenali_isi(berkas: IO[bytes]) -> str | None:
    """The kind of file `berkas` really is ("pdf", "png", "jpeg", "xlsx", …), or None.

    Reads the first bytes and, for zip containers, the central directory; leaves the file
    position at the start.
    """
    berkas.seek(0)
    kepala = berkas.read(65536)
    berkas.seek(0)
    jenis: str | None = None
    if kepala.startswith(b"%PDF-"):
        jenis = "pdf"
    elif kepala.startswith(b"\x89PNG\r\n\x1a\n"):
        jenis = "png"
    elif kepala.startswith(b"\xff\xd8\xff"):
        jenis = "jpeg"
    elif kepala.startswith(b"PK\x03\x04"):
        jenis = _jenis_zip(berkas)
    elif _teks_polos(kepala):
        jenis = "csv"
    berkas.seek(0)
    return jenis


def periksa_berkas(berkas: UploadedFile) -> tuple[str, str, str]:
    """Check an upload; return (sanitised name, extension, content type) or raise.

    Raises ValidationError with the Indonesian message when the extension is not allowed, the
    content does not match it, the file is empty or larger than the configured limit.
    """
    nama = nama_aman(berkas.name or "")
    ext = _ekstensi(nama)
    if ext not in JENIS_BERKAS:
        raise ValidationError(PESAN_JENIS_DILARANG.format(nama=nama), code="jenis")
    ukuran = berkas.size or 0
    if ukuran == 0:
        raise ValidationError(PESAN_BERKAS_KOSONG.format(nama=nama), code="kosong")
    if ukuran > ukuran_maks():
        raise ValidationError(
            PESAN_TERLALU_BESAR.format(
                nama=nama, ukuran=teks_ukuran(ukuran), maks=teks_ukuran(ukuran_maks())
            ),
            code="ukuran",
        )
    jenis, jenis_konten, label = JENIS_BERKAS[ext]
    if kenali_isi(berkas) != jenis:
        raise ValidationError(
            PESAN_ISI_TIDAK_SESUAI.format(nama=nama, jenis=label), code="isi_tidak_sesuai"
        )
    return nama, ext, jenis_konten


def _sha256(berkas: UploadedFile) -> str:
    h = hashlib.sha256()
    berkas.seek(0)
    for potongan in berkas.chunks():
        h.update(potongan)
    berkas.seek(0)
    return h.hexdigest()


def _boleh_diubah(realisasi: Realisasi) -> bool:
    return (
        realisasi.periode.status == StatusPeriode.DIBUKA
        and realisasi.status in alur_status.STATUS_BOLEH_DIUBAH
    )


def _kunci_realisasi(pengguna: Any, realisasi: Realisasi) -> Realisasi:
    """Lock the realisation row, check the right to change its evidence and that it is open."""
    # `of=("self",)`: PostgreSQL cannot lock the nullable side of the outer joins below.
    obj = (
        Realisasi.objects.select_for_update(of=("self",))
        .select_related(
            "periode",
            "indikator__unit_penanggung_jawab",
            "indikator__elemen__unit",
            "indikator__elemen__kerangka__instansi",
        )
        .get(pk=realisasi.pk)
    )
    if not pengguna.has_perm("kinerja.isi", obj):
        raise PermissionDenied(PESAN_TIDAK_BERHAK)
    if not _boleh_diubah(obj):
        raise ValidationError(PESAN_TIDAK_DAPAT_DIUBAH, code="terkunci")
    return obj


def _simpan_berkas(berkas: UploadedFile, sha: str, ext: str, jenis_konten: str) -> Berkas:
    """The `Berkas` row of this content, storing the file if it is new (once per SHA-256)."""
    ada = Berkas.objects.filter(sha256=sha).first()
    if ada is not None:
        return ada
    nama = f"data-dukung/{sha[:2]}/{sha}.{ext}"
    tersimpan = None
    if not default_storage.exists(nama):
        tersimpan = default_storage.save(nama, berkas)
    try:
        with transaction.atomic():
            return Berkas.objects.create(
                sha256=sha,
                berkas=tersimpan or nama,
                ukuran=berkas.size or 0,
                jenis_konten=jenis_konten,
            )
    except IntegrityError:
        # Someone stored the same content a moment ago: use theirs, drop our copy.
        if tersimpan and tersimpan != nama:
            default_storage.delete(tersimpan)
        return Berkas.objects.get(sha256=sha)


@transaction.atomic
def data_dukung_unggah(
    *, pengguna: Any, realisasi: Realisasi, berkas: UploadedFile, keterangan: str = ""
) -> DataDukung:
    """Attach an uploaded file to a realisation as evidence.

    Needs an entering role over the indicator, an open period and an editable value (draf or
    dikembalikan). The file is checked (`periksa_berkas`), hashed and stored once per SHA-256;
    the same content attached twice to the same value is refused. Audited.
    """
    obj = _kunci_realisasi(pengguna, realisasi)
    nama, ext, jenis_konten = periksa_berkas(berkas)
    sha = _sha256(berkas)
    if DataDukung.objects.filter(realisasi=obj, berkas__sha256=sha).exists():
        raise ValidationError(PESAN_SUDAH_DILAMPIRKAN, code="ganda")
    b = _simpan_berkas(berkas, sha, ext, jenis_konten)
    dd = DataDukung.objects.create(
        realisasi=obj,
        berkas=b,
        nama=nama,
        keterangan=keterangan.strip()[:255],
        diunggah_oleh=pengguna,
    )
    catat(
        pengguna=pengguna,
        aksi="data_dukung.unggah",
        objek=dd,
        sesudah={
            "realisasi": obj.pk,
            "nama": nama,
            "sha256": sha,
            "ukuran": b.ukuran,
            "jenis_konten": b.jenis_konten,
        },
    )
    return dd


@transaction.atomic
def data_dukung_tautan(
    *, pengguna: Any, realisasi: Realisasi, tautan: str, nama: str = "", keterangan: str = ""
) -> DataDukung:
    """Attach a link to an online source (a shared drive folder, a published report)."""
    obj = _kunci_realisasi(pengguna, realisasi)
    tautan = (tautan or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(tautan)
    except ValidationError as exc:
        raise ValidationError(PESAN_TAUTAN, code="tautan") from exc
    if len(tautan) > 500:
        raise ValidationError(PESAN_TAUTAN, code="tautan")
    if DataDukung.objects.filter(realisasi=obj, tautan=tautan).exists():
        raise ValidationError(PESAN_TAUTAN_SUDAH_ADA, code="ganda")
    bagian = urlsplit(tautan)
    nama = (nama or "").strip()[:200] or f"{bagian.netloc}{bagian.path}"[:200]
    dd = DataDukung.objects.create(
        realisasi=obj,
        tautan=tautan,
        nama=nama,
        keterangan=keterangan.strip()[:255],
        diunggah_oleh=pengguna,
    )
    catat(
        pengguna=pengguna,
        aksi="data_dukung.tautan",
        objek=dd,
        sesudah={"realisasi": obj.pk, "nama": nama, "tautan": tautan},
    )
    return dd


@transaction.atomic
def data_dukung_hapus(*, pengguna: Any, data_dukung: DataDukung) -> None:
    """Remove evidence the user attached, while the value is still editable. Audited.

    The stored file is deleted after commit when no other evidence uses the same content.
    """
    dd = DataDukung.objects.select_related("berkas").get(pk=data_dukung.pk)
    obj = _kunci_realisasi(pengguna, dd.realisasi)
    if dd.diunggah_oleh_id != pengguna.pk:
        raise PermissionDenied(PESAN_HAPUS_MILIK_SENDIRI)
    sebelum = {
        "realisasi": obj.pk,
        "nama": dd.nama,
        "tautan": dd.tautan,
        "sha256": dd.berkas.sha256 if dd.berkas else None,
    }
    catat(pengguna=pengguna, aksi="data_dukung.hapus", objek=dd, sebelum=sebelum)
    berkas = dd.berkas
    dd.delete()
    if berkas is not None and not DataDukung.objects.filter(berkas=berkas).exists():
        nama_berkas = berkas.berkas.name
        berkas.delete()
        transaction.on_commit(lambda: default_storage.delete(nama_berkas))


@transaction.atomic
def data_dukung_putuskan(
    *, pengguna: Any, data_dukung: DataDukung, keputusan: str, catatan: str = ""
) -> DataDukung:
    """The validator accepts or rejects one evidence item of a submitted value. Audited.

    Needs a validating role over the indicator; the value must be under review (diajukan);
    nobody judges evidence they uploaded or a value they entered; a rejection needs a reason.
    """
    if keputusan not in KeputusanBukti.values:
        raise ValidationError(PESAN_KEPUTUSAN, code="keputusan")
    dd = (
        DataDukung.objects.select_for_update(of=("self",))
        .select_related("realisasi__indikator")
        .get(pk=data_dukung.pk)
    )
    r = dd.realisasi
    if not pengguna.has_perm("kinerja.validasi", r.indikator):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_PUTUSKAN)
    if pengguna.pk in (dd.diunggah_oleh_id, r.diisi_oleh_id, r.diajukan_oleh_id):
        raise PermissionDenied(PESAN_PUTUSKAN_SENDIRI)
    if r.status != StatusRealisasi.DIAJUKAN:
        raise ValidationError(PESAN_BELUM_DIAJUKAN, code="status")
    catatan = (catatan or "").strip()[:255]
    if keputusan == KeputusanBukti.DITOLAK and not catatan:
        raise ValidationError(PESAN_ALASAN_TOLAK, code="alasan")
    sebelum = {"keputusan": dd.keputusan, "catatan_validator": dd.catatan_validator}
    dd.keputusan = keputusan
    dd.catatan_validator = catatan
    dd.diputuskan_oleh = pengguna
    dd.diputuskan_pada = timezone.now()
    dd.save()
    catat(
        pengguna=pengguna,
        aksi="data_dukung.putuskan",
        objek=dd,
        sebelum=sebelum,
        sesudah={"realisasi": r.pk, "keputusan": keputusan, "catatan_validator": catatan},
        alasan=catatan,
    )
    return dd
