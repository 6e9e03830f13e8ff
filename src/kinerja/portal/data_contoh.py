"""Demo publications for the four seed agencies (hooked into `kinerja demo`).

The demo world has no signed measurement report of its own, so for each seed agency this hook
builds the Laporan Hasil Pengukuran Kinerja of Tahun 2025 and of Triwulan IV 2025 through the
document services (as the agency's Kepala, who is the designated signer), signs them, and has
the Pemda's Admin publish both. Both periods are already locked; the 2026 periods stay free of
signed documents, which the running TW IV 2026 cycle and the document tests (the year's ESR
bundle, the TW III letters) build on. Everything hangs off the demo Pemdas, so a demo refresh
deletes it first and builds it again: running `kinerja demo` twice gives the same result.
"""

from __future__ import annotations

from typing import Any

from kinerja.dokumen import services as dokumen_services
from kinerja.organisasi.models import Instansi, KodePeran, Peran
from kinerja.pengukuran.models import Periode
from kinerja.portal import services
from kinerja.portal.models import Publikasi, StatusPublikasi

# The seed agencies (by name, within a demo Pemda) whose results the demo publishes.
AGENSI_CONTOH = (
    "Dinas Bina Marga, Cipta Karya dan Tata Ruang",
    "Dinas Pemberdayaan Masyarakat dan Desa, Pengendalian Penduduk dan Keluarga Berencana",
    "Bagian Pengadaan Barang dan Jasa",
    "Dinas Pekerjaan Umum dan Tata Ruang",
)
# (year, kind, number) of the published periods.
PERIODE_CONTOH = ((2025, "tahun", 1), (2025, "triwulan", 4))
KEPALA = (KodePeran.KEPALA, KodePeran.KEPALA_UKPBJ)


def _peran(kode: Any, instansi: Instansi) -> Any:
    p = (
        Peran.objects.filter(kode__in=kode, instansi=instansi)
        .select_related("pengguna")
        .order_by("pk")
        .first()
    )
    return p.pengguna if p else None


def terbitkan_contoh(instansi: Instansi, periode: Periode) -> Publikasi | None:
    """Sign the agency's measurement report for the period (unless signed) and publish it."""
    ada = Publikasi.objects.filter(
        instansi=instansi, periode=periode, status=StatusPublikasi.TERBIT
    ).first()
    if ada is not None:
        return ada
    kepala = _peran(KEPALA, instansi)
    pemda = Instansi.objects.get(pk=periode.pemda_id)
    admin = _peran((KodePeran.ADMIN_PEMDA,), pemda)
    if kepala is None or admin is None:
        return None
    if services.laporan_bertanda_tangan(instansi, periode) is None:
        dok = dokumen_services.dokumen_buat(
            pengguna=kepala,
            jenis="laporan_pengukuran",
            instansi=instansi,
            periode=periode,
            format="pdf",
            isian={
                "analisis": (
                    "Sebagian besar indikator mencapai target periode. Indikator dengan "
                    "capaian rendah dibahas dalam rapat evaluasi pimpinan (data contoh)."
                )
            },
        )
        penandatangan = dok.penandatangan.pengguna if dok.penandatangan_id else None
        dokumen_services.dokumen_tandatangani(pengguna=penandatangan or kepala, dokumen=dok)
    return services.terbitkan(pengguna=admin, instansi=instansi, periode=periode)


def muat_data_contoh(hasil: Any) -> None:
    """Hook called by `kinerja demo` after the demo Pemdas (and their SOP cycles) are loaded."""
    for instansi in Instansi.objects.filter(nama__in=AGENSI_CONTOH).order_by("jalur"):
        pemda = Instansi.objects.get(pk=instansi.id_leluhur[0])
        if not pemda.kode.startswith("contoh-"):
            continue  # a real agency with a seed agency's name: never touched
        for tahun, jenis, nomor in PERIODE_CONTOH:
            periode = Periode.objects.filter(
                pemda=pemda, tahun=tahun, jenis_periode=jenis, nomor=nomor
            ).first()
            if periode is not None:
                terbitkan_contoh(instansi, periode)
