"""Reads of the public portal, each a fixed number of queries whatever the data size.

Every public read starts from a `Publikasi` with status `terbit`: a Pemda, an agency, a period or
a document that no published publication points to does not exist for the portal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.text import slugify

from kinerja.dokumen.models import Dokumen
from kinerja.organisasi.models import Instansi
from kinerja.portal.models import AlamatPublik, Publikasi, StatusPublikasi
from kinerja.portal.permissions import dapat_menerbitkan
from kinerja.portal.services import JENIS_LAPORAN, STATUS_BERLAKU


def terbit() -> QuerySet[Publikasi]:
    """Published (not withdrawn) publications, without their number payload."""
    return Publikasi.objects.filter(status=StatusPublikasi.TERBIT).defer("data")


def kelas_predikat(label: str) -> str:
    """The CSS class of a predikat label ("Sangat Tinggi" → "predikat-sangat-tinggi")."""
    return f"predikat-{slugify(label) or 'tidak-dihitung'}"


@dataclass
class PemdaPublik:
    """A Pemda on the portal's first page."""

    nama: str
    slug: str
    jumlah_instansi: int


def daftar_pemda() -> list[PemdaPublik]:
    """Pemdas with at least one published agency, by name (one query)."""
    baris = (
        terbit()
        .values("pemda__nama", "pemda__alamat_publik__slug")
        .annotate(n=Count("instansi", distinct=True))
        .order_by("pemda__nama")
    )
    return [
        PemdaPublik(b["pemda__nama"], b["pemda__alamat_publik__slug"], b["n"])
        for b in baris
        if b["pemda__alamat_publik__slug"]
    ]


def pemda_dari_slug(slug: str) -> Instansi | None:
    """The Pemda of a public slug, only if it has a published agency (one query)."""
    return (
        Instansi.objects.filter(
            alamat_publik__slug=slug,
            alamat_publik__lingkup__isnull=True,
            induk__isnull=True,
        )
        .filter(pk__in=terbit().values("pemda_id"))
        .select_related("alamat_publik")
        .first()
    )


@dataclass
class InstansiPublik:
    """A published agency of a Pemda with its newest published period."""

    instansi: Instansi
    slug: str
    terbaru: Publikasi
    jumlah_periode: int = 1

    @property
    def kelas(self) -> str:
        """CSS class of the newest period's predikat."""
        return kelas_predikat(self.terbaru.predikat or "–")


def daftar_instansi(pemda: Instansi) -> list[InstansiPublik]:
    """The Pemda's agencies with published results, in tree order (one query)."""
    hasil: dict[int, InstansiPublik] = {}
    for p in (
        terbit()
        .filter(pemda=pemda)
        .select_related("instansi__alamat_publik", "periode")
        .order_by("instansi__jalur", "-diterbitkan_pada")
    ):
        ada = hasil.get(p.instansi_id)
        if ada is None:
            hasil[p.instansi_id] = InstansiPublik(p.instansi, p.instansi.alamat_publik.slug, p)
            continue
        ada.jumlah_periode += 1
        if _kunci_periode(p) > _kunci_periode(ada.terbaru):
            ada.terbaru = p
    return list(hasil.values())


def _kunci_periode(p: Publikasi) -> tuple[int, int, int]:
    """Newest first: year, then the period's last month, then the longer period."""
    per = p.periode
    return (per.tahun, per.bulan_akhir, -per.bulan_awal)


@dataclass
class HalamanInstansi:
    """What the agency page shows: its published periods and the chosen one in full."""

    pemda: Instansi
    instansi: Instansi
    slug_pemda: str
    slug_instansi: str
    publikasi: list[Publikasi]
    terpilih: Publikasi
    dokumen: list[Dokumen] = field(default_factory=list)


def halaman_instansi(
    slug_pemda: str, slug_instansi: str, slug_periode: str | None
) -> HalamanInstansi | None:
    """The agency page of the slugs, or None when nothing of it is published (four queries)."""
    alamat = (
        AlamatPublik.objects.filter(
            slug=slug_instansi,
            lingkup__alamat_publik__slug=slug_pemda,
            lingkup__alamat_publik__lingkup__isnull=True,
        )
        .select_related("instansi", "lingkup")
        .first()
    )
    if alamat is None or alamat.lingkup is None:
        return None
    daftar = list(
        terbit().filter(instansi=alamat.instansi, pemda=alamat.lingkup).select_related("periode")
    )
    if not daftar:
        return None
    daftar.sort(key=_kunci_periode, reverse=True)
    if slug_periode is None:
        pilih = daftar[0]
    else:
        pilih = next((p for p in daftar if p.slug_periode == slug_periode), None)
        if pilih is None:
            return None
    terpilih = (
        Publikasi.objects.filter(pk=pilih.pk, status=StatusPublikasi.TERBIT)
        .select_related("periode", "dokumen")
        .defer("dokumen__snapshot", "dokumen__isian", "dokumen__opsi")
        .prefetch_related(
            Prefetch(
                "lampiran",
                queryset=dokumen_publik()
                .select_related("periode", "penandatangan")
                .order_by("jenis", "kunci", "-versi"),
            )
        )
        .first()
    )
    if terpilih is None:
        return None
    return HalamanInstansi(
        pemda=alamat.lingkup,
        instansi=alamat.instansi,
        slug_pemda=slug_pemda,
        slug_instansi=slug_instansi,
        publikasi=daftar,
        terpilih=terpilih,
        dokumen=list(terpilih.lampiran.all()),
    )


def dokumen_publik() -> QuerySet[Dokumen]:
    """Signed documents (never drafts), without their snapshot."""
    return (
        Dokumen.objects.filter(ditandatangani_pada__isnull=False)
        .exclude(status="draf")
        .defer("snapshot", "isian", "opsi")
    )


def dokumen_unduhan(slug_pemda: str, slug_instansi: str, kode: str) -> Dokumen | None:
    """A signed document shown with a published publication of the agency (one query)."""
    return (
        dokumen_publik()
        .filter(
            kode_verifikasi=kode,
            instansi__alamat_publik__slug=slug_instansi,
            instansi__alamat_publik__lingkup__alamat_publik__slug=slug_pemda,
            pk__in=Publikasi.lampiran.through.objects.filter(
                publikasi__status=StatusPublikasi.TERBIT
            ).values("dokumen_id"),
        )
        .first()
    )


# --- For the publishing page (logged in) ----------------------------------------------------


@dataclass
class BarisKelola:
    """A signed report the user may publish or withdraw, with its publication state."""

    dokumen: Dokumen
    publikasi: Publikasi | None
    riwayat: list[Publikasi]


def daftar_kelola(user: Any) -> list[BarisKelola]:
    """Signed measurement reports of the agencies the user may publish for (three queries)."""
    from kinerja.organisasi.selectors import instansi_terlihat

    terlihat = instansi_terlihat(user)
    laporan = [
        d
        for d in Dokumen.objects.filter(
            jenis=JENIS_LAPORAN,
            status__in=STATUS_BERLAKU,
            ditandatangani_pada__isnull=False,
            instansi__in=terlihat,
        )
        .select_related("instansi", "periode")
        .defer("snapshot", "isian", "opsi")
        .order_by("-tahun", "instansi__jalur", "-periode__jenis_periode", "-periode__nomor")
        if dapat_menerbitkan(user, d.instansi)
    ]
    per: dict[tuple[int, int | None], list[Publikasi]] = {}
    for p in (
        Publikasi.objects.filter(
            Q(instansi_id__in={d.instansi_id for d in laporan}),
            periode_id__in={d.periode_id for d in laporan},
        )
        .select_related(
            "diterbitkan_oleh", "ditarik_oleh", "pemda__alamat_publik", "instansi__alamat_publik"
        )
        .defer("data")
        .order_by("-diterbitkan_pada")
    ):
        per.setdefault((p.instansi_id, p.periode_id), []).append(p)
    # One row per agency and period: the report `services.terbitkan` would publish (the newest
    # signed, a PDF before a DOCX), in the order the reports were listed.
    kelompok: dict[tuple[int, int | None], list[Dokumen]] = {}
    for d in laporan:
        kelompok.setdefault((d.instansi_id, d.periode_id), []).append(d)
    hasil = []
    for kunci, calon in kelompok.items():
        calon.sort(key=lambda d: (d.ditandatangani_pada, d.versi), reverse=True)
        calon.sort(key=lambda d: d.format != "pdf")
        riwayat = per.get(kunci, [])
        aktif = next((p for p in riwayat if p.terbit), None)
        hasil.append(BarisKelola(calon[0], aktif, riwayat))
    return hasil
