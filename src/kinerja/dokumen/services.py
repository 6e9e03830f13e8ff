"""Writes on documents: generate, sign (freeze), archive. Each checks permission, writes in one
transaction with its audit row (`inti.audit.catat`) and refuses stale edits.

Other code (the measurement-cycle steps, the command line) calls `dokumen_buat`, e.g.::

    dok = dokumen_buat(pengguna=u, jenis="realisasi_ra", instansi=dinas, periode=tw3,
                       format="xlsx")

A draft is rebuilt in place when generated again; a signed document is never changed: building
it again makes a new version, and signing that version marks the older one `diganti`.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinerja.dokumen import bersama
from kinerja.dokumen.jenis import Konteks, OpsiTidakSah, pembuat
from kinerja.dokumen.models import Dokumen, JenisDokumen, NomorUrut, StatusDokumen
from kinerja.dokumen.render import data_json, qr_svg
from kinerja.inti.audit import catat, pastikan_versi, snapshot
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode

PESAN_TIDAK_BERHAK_BUAT = "Anda tidak berhak membuat dokumen untuk instansi ini."
PESAN_TIDAK_BERHAK_TTD = "Anda tidak berhak menandatangani dokumen ini."
PESAN_TIDAK_BERHAK_ARSIP = "Anda tidak berhak mengarsipkan dokumen ini."
PESAN_FORMAT = "Dokumen {jenis} tidak tersedia dalam format {format}. Pilihan: {pilihan}."
PESAN_PERIODE_LAIN = "Periode {periode} bukan milik pemerintah daerah instansi ini."
PESAN_SUDAH_TTD = "Dokumen ini sudah ditandatangani; buat versi baru untuk mengubahnya."
PESAN_TANPA_TTD = "Dokumen {jenis} tidak memakai tanda tangan."
PESAN_BELUM_TTD = "Dokumen ini harus ditandatangani sebelum diarsipkan."
PESAN_SUDAH_ARSIP = "Dokumen ini sudah diarsipkan."
PESAN_OPSI_JSON = "Opsi dokumen harus berupa teks, angka atau daftar sederhana."

_FIELD_AUDIT = ["jenis", "versi", "status", "nomor", "sha256", "format", "kode_verifikasi"]


def url_situs(jalur: str) -> str:
    """An absolute address on this installation (SITE_URL + path), for links in documents."""
    return settings.SITE_URL.rstrip("/") + jalur


def url_verifikasi(kode: str) -> str:
    """The public address printed under the QR code of a signed document."""
    return url_situs(reverse("verifikasi:halaman", args=[kode]))


def nama_berkas(dokumen: Dokumen) -> str:
    """Download name: type, agency, period, version ("realisasi_ra-dinas-bm-tw3-2026-v2.pdf")."""
    from django.utils.text import slugify

    instansi = slugify(dokumen.instansi.singkatan or dokumen.instansi.nama)[:40]
    periode = slugify(dokumen.periode.label) if dokumen.periode_id else str(dokumen.tahun)
    kunci = f"-{slugify(dokumen.kunci)}" if dokumen.kunci else ""
    return f"{dokumen.jenis}-{instansi}-{periode}{kunci}-v{dokumen.versi}.{dokumen.format}"


def _tulis(dokumen: Dokumen, muatan: dict[str, Any]) -> bytes:
    """Write the payload in the document's format, with QR code when signed; a writer's
    refusal (`OpsiTidakSah`, e.g. a damaged file in a bundle) becomes a ValidationError."""
    try:
        return _tulis_format(dokumen, muatan)
    except OpsiTidakSah as exc:
        raise ValidationError(str(exc), code="tulis") from exc


def _tulis_format(dokumen: Dokumen, muatan: dict[str, Any]) -> bytes:
    p = pembuat(dokumen.jenis)
    cetak = copy.deepcopy(muatan)
    cetak["nomor"] = dokumen.nomor or None
    cetak["draf"] = not dokumen.sudah_ditandatangani and p.ditandatangani
    if dokumen.sudah_ditandatangani:
        url = url_verifikasi(dokumen.kode_verifikasi)
        cetak["verifikasi"] = {
            "kode": dokumen.kode_verifikasi,
            "url": url,
            "qr_svg": qr_svg(url),
        }
        if isinstance(cetak.get("ttd"), dict):
            # Spreadsheets print the code under the signature block (no QR image there).
            cetak["ttd"]["verifikasi"] = {"kode": dokumen.kode_verifikasi, "url": url}
    logo = bersama.logo_instansi(dokumen.instansi)
    return p.tulis[dokumen.format](cetak, logo)


def _simpan_berkas(dokumen: Dokumen, isi: bytes) -> None:
    lama = dokumen.berkas.name if dokumen.berkas else None
    dokumen.sha256 = hashlib.sha256(isi).hexdigest()
    dokumen.ukuran = len(isi)
    dokumen.nama_berkas = nama_berkas(dokumen)
    dokumen.berkas.save(dokumen.nama_berkas, ContentFile(isi), save=False)
    if lama and lama != dokumen.berkas.name:
        # The replaced draft file goes once the new row commits (a rollback keeps it).
        storage = dokumen.berkas.storage
        transaction.on_commit(lambda: storage.delete(lama))


def _opsi_json(opsi: dict[str, Any]) -> dict[str, Any]:
    try:
        return json.loads(data_json(opsi))
    except (TypeError, ValueError) as exc:
        raise ValidationError(PESAN_OPSI_JSON, code="opsi") from exc


@transaction.atomic
def dokumen_buat(
    *,
    pengguna: Any,
    jenis: str,
    instansi: Instansi,
    periode: Periode,
    format: str | None = None,
    siklus: Any = None,
    isian: dict[str, Any] | None = None,
    **opsi: Any,
) -> Dokumen:
    """Generate a document of `jenis` for `instansi` and `periode` and store it as a draft.

    `format` defaults to the type's first format; `opsi` are the builder's options (see
    docs/dokumen.md), `isian` the editable text fields (kept from the previous version when
    not given). Rebuilds the latest version in place while it is a draft; after it was signed
    a new version is made. Refuses a user without a document-making role over the agency,
    a period of another Pemda and an unknown type, format or option.
    """
    p = pembuat(jenis)
    if not pengguna.has_perm("dokumen.buat", instansi):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_BUAT)
    format = format or p.format[0]
    if format not in p.tulis:
        raise ValidationError(
            PESAN_FORMAT.format(jenis=p.label, format=format, pilihan=", ".join(p.format)),
            code="format",
        )
    if not instansi.jalur.startswith(f"/{periode.pemda_id}/"):
        raise ValidationError(PESAN_PERIODE_LAIN.format(periode=periode.label), code="periode")
    opsi = _opsi_json(opsi)
    kunci = p.kunci(opsi)
    periode_seri = None if p.tahunan else periode
    seri = Dokumen.objects.select_for_update().filter(
        jenis=jenis,
        instansi=instansi,
        tahun=periode.tahun,
        periode=periode_seri,
        format=format,
        kunci=kunci,
    )
    terakhir = seri.order_by("-versi").first()
    if isian is None:
        isian = dict(terakhir.isian) if terakhir else {}
    isian = {k: str(v) for k, v in isian.items() if k in p.isian}
    try:
        muatan = p.kumpulkan(
            Konteks(
                instansi=instansi,
                periode=periode,
                opsi=opsi,
                isian=isian,
                pengguna=pengguna,
                siklus=siklus,
            )
        )
    except OpsiTidakSah as exc:
        raise ValidationError(str(exc), code="opsi") from exc
    muatan = json.loads(data_json(muatan))
    sekarang = timezone.now()
    if terakhir is not None and terakhir.status == StatusDokumen.DRAF:
        dok = terakhir
        sebelum = snapshot(dok, _FIELD_AUDIT)
        aksi = "dokumen.perbarui"
    else:
        dok = Dokumen(
            jenis=jenis,
            instansi=instansi,
            periode=periode_seri,
            format=format,
            kunci=kunci,
            versi=(terakhir.versi + 1) if terakhir else 1,
        )
        sebelum = None
        aksi = "dokumen.buat"
    ttd = muatan.get("penandatangan") or {}
    dok.tahun = periode.tahun
    dok.judul = str(muatan.get("judul") or p.label)[:300]
    dok.opsi = opsi
    dok.isian = isian
    dok.snapshot = muatan
    dok.siklus = siklus if siklus is not None else dok.siklus
    dok.jenis_esr = dok.jenis_esr or p.esr
    dok.dibuat_oleh = pengguna if getattr(pengguna, "pk", None) else None
    dok.dibuat_pada = sekarang
    dok.penandatangan_id = ttd.get("pegawai_id")
    dok.status_penandatangan = ttd.get("status") or "definitif"
    dok.jabatan_penandatangan = (ttd.get("jabatan") or "")[:255]
    if muatan.get("nomor_tercatat") and not dok.nomor:
        # The number was given when the order was recorded (a cycle's disposisi).
        dok.nomor = str(muatan["nomor_tercatat"])[:120]
    if sebelum is not None:
        dok.versi_baris += 1
    _simpan_berkas(dok, _tulis(dok, muatan))
    dok.save()
    catat(
        pengguna=pengguna,
        aksi=aksi,
        objek=dok,
        sebelum=sebelum,
        sesudah=snapshot(dok, _FIELD_AUDIT),
    )
    return dok


def nomor_berikut(*, instansi: Instansi, tanggal: dt.date) -> str:
    """Take the next letter number of the agency for the year of `tanggal` (locks one row).

    The sequence belongs to the agency that owns the numbering pattern (a Bidang numbers with
    its Dinas). Call inside a transaction.
    """
    pemilik = next((i for i in bersama.leluhur(instansi) if i.pola_nomor_surat), instansi)
    baris, _ = NomorUrut.objects.select_for_update().get_or_create(
        instansi=pemilik, tahun=tanggal.year
    )
    baris.terakhir += 1
    baris.save(update_fields=["terakhir"])
    return bersama.format_nomor(pemilik.pola_nomor_surat, urut=baris.terakhir, tanggal=tanggal)


@transaction.atomic
def dokumen_tandatangani(
    *, pengguna: Any, dokumen: Dokumen, versi_baris: int | None = None
) -> Dokumen:
    """Sign a draft: give it its number, write the final file with QR code, freeze it.

    Stores the final file, its SHA-256 and the snapshot of the payload it printed; an older
    signed version of the same series becomes `diganti`. Only the designated signer (or, when
    that person has no login, a Kepala of the agency) may sign.
    """
    dok = Dokumen.objects.select_for_update().select_related("instansi").get(pk=dokumen.pk)
    if not pengguna.has_perm("dokumen.tandatangani", dok):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_TTD)
    pastikan_versi(dok, versi_baris, "versi_baris")
    p = pembuat(dok.jenis)
    if not p.ditandatangani:
        raise ValidationError(PESAN_TANPA_TTD.format(jenis=p.label), code="tanpa_ttd")
    if dok.status != StatusDokumen.DRAF:
        raise ValidationError(PESAN_SUDAH_TTD, code="sudah_ttd")
    sebelum = snapshot(dok, _FIELD_AUDIT)
    sekarang = timezone.now()
    hari_ini = timezone.localdate(sekarang)
    if p.bernomor and not dok.nomor:
        dok.nomor = nomor_berikut(instansi=dok.instansi, tanggal=hari_ini)
    muatan = copy.deepcopy(dok.snapshot)
    if not muatan.get("tanggal_tetap"):
        # Dated the day it is signed, unless the document carries its own date (a PK).
        if isinstance(muatan.get("ttd"), dict):
            muatan["ttd"]["tanggal"] = bersama.tanggal_id(hari_ini)
        muatan["tanggal"] = bersama.tanggal_id(hari_ini)
    muatan["nomor"] = dok.nomor or None
    dok.snapshot = muatan
    dok.status = StatusDokumen.DITANDATANGANI
    dok.ditandatangani_oleh = pengguna
    dok.ditandatangani_pada = sekarang
    dok.versi_baris += 1
    _simpan_berkas(dok, _tulis(dok, muatan))
    dok.save()
    for lama in (
        Dokumen.objects.select_for_update()
        .filter(
            jenis=dok.jenis,
            instansi=dok.instansi,
            tahun=dok.tahun,
            periode=dok.periode,
            format=dok.format,
            kunci=dok.kunci,
            versi__lt=dok.versi,
            status__in=[StatusDokumen.DITANDATANGANI, StatusDokumen.DIARSIPKAN],
        )
        .exclude(ditandatangani_pada__isnull=True)
    ):
        lama.status = StatusDokumen.DIGANTI
        lama.versi_baris += 1
        lama.save(update_fields=["status", "versi_baris"])
        catat(
            pengguna=pengguna,
            aksi="dokumen.diganti",
            objek=lama,
            sesudah={"status": lama.status, "diganti_versi": dok.versi},
        )
    catat(
        pengguna=pengguna,
        aksi="dokumen.tandatangani",
        objek=dok,
        sebelum=sebelum,
        sesudah=snapshot(dok, _FIELD_AUDIT),
    )
    return dok


@transaction.atomic
def dokumen_arsipkan(
    *, pengguna: Any, dokumen: Dokumen, keterangan: str = "", versi_baris: int | None = None
) -> Dokumen:
    """File a document in the archive (seed steps "Pengarsipan"): signed ones, or unsigned
    types such as worksheets. The file itself never changes."""
    dok = Dokumen.objects.select_for_update().get(pk=dokumen.pk)
    if not pengguna.has_perm("dokumen.arsipkan", dok):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_ARSIP)
    pastikan_versi(dok, versi_baris, "versi_baris")
    p = pembuat(dok.jenis)
    if dok.status == StatusDokumen.DIARSIPKAN:
        raise ValidationError(PESAN_SUDAH_ARSIP, code="sudah_arsip")
    if p.ditandatangani and not dok.sudah_ditandatangani:
        raise ValidationError(PESAN_BELUM_TTD, code="belum_ttd")
    sebelum = snapshot(dok, _FIELD_AUDIT)
    dok.status = StatusDokumen.DIARSIPKAN
    dok.diarsipkan_oleh = pengguna
    dok.diarsipkan_pada = timezone.now()
    dok.keterangan_arsip = keterangan.strip()[:255]
    dok.versi_baris += 1
    dok.save()
    catat(
        pengguna=pengguna,
        aksi="dokumen.arsipkan",
        objek=dok,
        sebelum=sebelum,
        sesudah=snapshot(dok, _FIELD_AUDIT),
        alasan=dok.keterangan_arsip,
    )
    return dok


__all__ = [
    "JenisDokumen",
    "dokumen_arsipkan",
    "dokumen_buat",
    "dokumen_tandatangani",
    "nomor_berikut",
    "url_verifikasi",
]
