"""What the system does at a step: each `aksi_sistem` of an SOP step maps to links into the
feature that performs it (entry page, validation queue, documents, plans, the achievement table).

A link appears only when its page exists in this installation (its URL name resolves), so a
step whose feature is not built shows no button rather than a dead one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from kinerja.alur.models import Siklus


@dataclass(frozen=True)
class TautanAksi:
    """A button on the cycle page that opens the feature performing the step."""

    label: str
    url: str


def _cari(nama: str, *args: object, query: str = "") -> str | None:
    try:
        return reverse(nama, args=args) + (f"?{query}" if query else "")
    except NoReverseMatch:
        return None


def tautan_aksi(aksi: str, siklus: Siklus) -> list[TautanAksi]:
    """The links for `aksi` in the context of `siklus` (agency and period)."""
    i, p = siklus.instansi_id, siklus.periode_id
    q = f"instansi={i}&periode={p}"
    kandidat: dict[str, list[tuple[str, str | None]]] = {
        "siapkan_format": [
            (_("Format Realisasi Rencana Aksi (XLSX)"), _cari("pengukuran:format_unduh", i, p)),
            (_("Dokumen pengukuran"), _cari("dokumen:daftar", i, p)),
            (_("Buka pengisian realisasi"), _cari("pengukuran:isian", i, p)),
        ],
        "isi_realisasi": [
            (_("Buka pengisian realisasi"), _cari("pengukuran:isian", i, p)),
            (_("Rekap kelengkapan pengisian"), _cari("pengukuran:rekap", query=q)),
        ],
        "validasi_realisasi": [
            (_("Buka antrean validasi"), _cari("pengukuran:validasi", query=q)),
            (_("Rekap kelengkapan pengisian"), _cari("pengukuran:rekap", query=q)),
        ],
        "rekap_hasil": [
            (_("Lihat rekap capaian"), _cari("pengukuran:capaian", i, p)),
        ],
        "susun_kertas_kerja": [
            (_("Dokumen pengukuran"), _cari("dokumen:daftar", i, p)),
            (_("Lihat rekap capaian"), _cari("pengukuran:capaian", i, p)),
        ],
        "susun_laporan": [
            (_("Dokumen pengukuran"), _cari("dokumen:daftar", i, p)),
            (_("Lihat rekap capaian"), _cari("pengukuran:capaian", i, p)),
        ],
        "tinjau_laporan": [
            (_("Lihat rekap capaian"), _cari("pengukuran:capaian", i, p)),
            (_("Dokumen pengukuran"), _cari("dokumen:daftar", i, p)),
        ],
        "tanda_tangan": [(_("Tandatangani dokumen"), _cari("dokumen:daftar", i, p))],
        "buat_undangan": [(_("Buat undangan"), _cari("dokumen:daftar", i, p))],
        "buat_surat_pengantar": [(_("Buat surat pengantar"), _cari("dokumen:daftar", i, p))],
        "surat_edaran": [(_("Buat surat edaran"), _cari("dokumen:daftar", i, p))],
        "arsipkan": [(_("Arsip dokumen"), _cari("dokumen:daftar", i, p))],
        "unggah_esr": [(_("Paket unggah esr.menpan.go.id"), _cari("dokumen:daftar", i, p))],
        "laporan_berkala": [
            (_("Laporan kinerja berkala"), _cari("dokumen:daftar", i, p)),
            (_("Lihat rekap capaian"), _cari("pengukuran:capaian", i, p)),
        ],
        "susun_rencana_kinerja": [(_("Rencana kinerja"), _cari("perencanaan:beranda", i))],
        "petakan_paket": [(_("Pohon kinerja dan paket"), _cari("perencanaan:beranda", i))],
        "presentasi": [(_("Lihat rekap capaian"), _cari("pengukuran:capaian", i, p))],
        "rapat_pimpinan": [(_("Lihat rekap capaian"), _cari("pengukuran:capaian", i, p))],
    }
    hasil: list[TautanAksi] = []
    for label, url in kandidat.get(aksi, []):
        if url and all(url != t.url for t in hasil):
            hasil.append(TautanAksi(str(label), url))
    return hasil
