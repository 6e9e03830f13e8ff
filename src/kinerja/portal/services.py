"""Writes on the public portal: publish the signed results of a period, withdraw them.

Each function checks permission (`portal.terbitkan`), validates, writes in one transaction with
its audit row (`inti.audit.catat`) and refuses stale edits. Nothing is ever deleted: withdrawing
records who, when and why; publishing again makes a new `Publikasi`.

The published numbers are those the signed Laporan Hasil Pengukuran Kinerja printed: its frozen
snapshot (built by `kinerja.pengukuran.hasil.tabel_capaian` and `kinerja.rumus` when the
document was generated) is copied through a whitelist into `Publikasi.data`. Computing them again
from the live data could differ from the signed document as soon as a new version of the report
unlocks the period's data; the snapshot cannot.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from kinerja.dokumen.models import Dokumen, JenisDokumen, StatusDokumen
from kinerja.inti.audit import EditanKedaluwarsa, catat, pastikan_versi, snapshot
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode
from kinerja.portal.models import AlamatPublik, Publikasi, StatusPublikasi

PESAN_TIDAK_BERHAK = "Anda tidak berhak menerbitkan atau menarik hasil kinerja instansi ini."
PESAN_BELUM_TTD = (
    "Hasil {periode} {instansi} belum dapat diterbitkan: Laporan Hasil Pengukuran Kinerja "
    "periode itu belum ditandatangani."
)
PESAN_PERIODE_LAIN = "Periode {periode} bukan milik pemerintah daerah instansi ini."
PESAN_SUDAH_TERBIT = "Hasil {periode} {instansi} sudah diterbitkan."
PESAN_SUDAH_DITARIK = "Publikasi ini sudah ditarik."
PESAN_ALASAN = "Tuliskan alasan penarikan."
PESAN_DOKUMEN_BERUBAH = (
    "Laporan yang bertanda tangan sudah berubah sejak halaman dibuka. Muat ulang halaman, "
    "periksa versi terbaru, lalu terbitkan lagi."
)

# The signed report a publication rests on.
JENIS_LAPORAN = JenisDokumen.LAPORAN_PENGUKURAN
# Signed documents shown with a publication: the measurement outputs of the period and the
# annual plans of its year. Letters, invitations and minutes are internal and never shown.
JENIS_LAMPIRAN = (
    JenisDokumen.LAPORAN_PENGUKURAN,
    JenisDokumen.REALISASI_RA,
    JenisDokumen.LAPORAN_UKPBJ,
    JenisDokumen.PK,
    JenisDokumen.RENCANA_AKSI,
    JenisDokumen.LKJIP_BAB3,
)
STATUS_BERLAKU = (StatusDokumen.DITANDATANGANI, StatusDokumen.DIARSIPKAN)
# Path segments of the portal that a Pemda slug may not take.
SLUG_TERPAKAI = frozenset({"kelola"})

_FIELD_AUDIT = ["instansi", "periode", "dokumen", "status", "capaian_teks", "predikat"]


def slug_periode(periode: Periode) -> str:
    """The period in public URLs: "2026-tw3", "2026-s1", "2026-b09", "2025"."""
    awalan = {"triwulan": "tw", "semester": "s", "bulan": "b", "tahun": ""}[periode.jenis_periode]
    if not awalan:
        return str(periode.tahun)
    nomor = f"{periode.nomor:02d}" if periode.jenis_periode == "bulan" else str(periode.nomor)
    return f"{periode.tahun}-{awalan}{nomor}"


def laporan_bertanda_tangan(instansi: Instansi, periode: Periode) -> Dokumen | None:
    """The newest signed, still valid Laporan Hasil Pengukuran of the agency for the period
    (PDF preferred over DOCX when both are signed), or None."""
    calon = list(
        Dokumen.objects.filter(
            jenis=JENIS_LAPORAN,
            instansi=instansi,
            periode=periode,
            status__in=STATUS_BERLAKU,
            ditandatangani_pada__isnull=False,
        ).order_by("-ditandatangani_pada", "-versi")
    )
    calon.sort(key=lambda d: d.format != "pdf")
    return calon[0] if calon else None


def _sel(nilai: Any, angka: bool = False) -> dict[str, Any]:
    """Only the printed text (and, for capaian, the exact number) of a payload cell."""
    if not isinstance(nilai, dict):
        return {"t": "–"}
    hasil = {"t": str(nilai.get("t") or "–")}
    if angka:
        hasil["n"] = nilai.get("n")
    return hasil


def data_publik(muatan: dict[str, Any]) -> dict[str, Any]:
    """The whitelisted part of a signed report's snapshot that the public page shows.

    Kept: groups (level, code, name, roll-up, predikat) and per indicator its code, name, unit,
    targets, realisation, capaian and predikat. Left out: data status, quality notes, data
    sources, the analysis text and everything about the signer beyond the signed file itself.
    """
    kelompok = []
    for g in muatan.get("kelompok") or []:
        kelompok.append(
            {
                "level": str(g.get("level") or ""),
                "kode": str(g.get("kode") or ""),
                "elemen": str(g.get("elemen") or ""),
                "rollup": _sel(g.get("rollup"), angka=True),
                "predikat": str(g.get("predikat") or "–"),
                "baris": [
                    {
                        "kode": str(b.get("kode") or ""),
                        "indikator": str(b.get("indikator") or ""),
                        "satuan": str(b.get("satuan") or ""),
                        "target_tahun": _sel(b.get("target_tahun")),
                        "target_periode": _sel(b.get("target_periode")),
                        "realisasi_sd": _sel(b.get("realisasi_sd")),
                        "capaian": _sel(b.get("capaian"), angka=True),
                        "capaian_tahun": _sel(b.get("capaian_tahun"), angka=True),
                        "predikat": str(b.get("predikat") or "–"),
                    }
                    for b in g.get("baris") or []
                ],
            }
        )
    total = muatan.get("total") or {}
    return {
        "periode": str(muatan.get("periode") or ""),
        "kelompok": kelompok,
        "total": {
            "rollup": _sel(total.get("rollup"), angka=True),
            "predikat": str(total.get("predikat") or "–"),
            "jumlah": int(total.get("jumlah") or 0),
            "tidak_dihitung": int(total.get("tidak_dihitung") or 0),
        },
    }


def _slug_bebas(dasar: str, terpakai: set[str]) -> str:
    slug = slugify(dasar)[:70] or "instansi"
    if slug not in terpakai:
        return slug
    n = 2
    while f"{slug}-{n}" in terpakai:
        n += 1
    return f"{slug}-{n}"


def pastikan_alamat(instansi: Instansi, pemda: Instansi) -> AlamatPublik:
    """The public slug of `instansi` (a Pemda when `instansi` is `pemda`), made on first use."""
    ada = AlamatPublik.objects.filter(instansi=instansi).first()
    if ada is not None:
        return ada
    if instansi.pk == pemda.pk:
        terpakai = set(
            AlamatPublik.objects.filter(lingkup__isnull=True).values_list("slug", flat=True)
        )
        dasar = instansi.nama.removeprefix("Pemerintah ")
        return AlamatPublik.objects.create(
            instansi=instansi, lingkup=None, slug=_slug_bebas(dasar, terpakai | SLUG_TERPAKAI)
        )
    terpakai = set(AlamatPublik.objects.filter(lingkup=pemda).values_list("slug", flat=True))
    dasar = instansi.singkatan or instansi.nama
    return AlamatPublik.objects.create(
        instansi=instansi, lingkup=pemda, slug=_slug_bebas(dasar, terpakai)
    )


def _lampiran(instansi: Instansi, periode: Periode) -> list[Dokumen]:
    """Signed, still valid public documents of the agency for the period or its year."""
    return list(
        Dokumen.objects.filter(
            Q(periode=periode) | Q(periode__isnull=True, tahun=periode.tahun),
            instansi=instansi,
            jenis__in=JENIS_LAMPIRAN,
            status__in=STATUS_BERLAKU,
            ditandatangani_pada__isnull=False,
        )
    )


@transaction.atomic
def terbitkan(
    *,
    pengguna: Any,
    instansi: Instansi,
    periode: Periode,
    dokumen: Dokumen | None = None,
    versi_dokumen: int | None = None,
) -> Publikasi:
    """Publish the results of `instansi` for `periode` from its signed measurement report.

    `dokumen` and `versi_dokumen` are the report and its row version the user saw: when the
    signed report has changed since (a newer version signed), the request is refused as stale.
    Refuses a user without `portal.terbitkan`, a period of another Pemda, a period without a
    signed Laporan Hasil Pengukuran Kinerja and a period already published.
    """
    if not pengguna.has_perm("portal.terbitkan", instansi):
        raise PermissionDenied(PESAN_TIDAK_BERHAK)
    if not instansi.jalur.startswith(f"/{periode.pemda_id}/"):
        raise ValidationError(PESAN_PERIODE_LAIN.format(periode=periode.label), code="periode")
    laporan = laporan_bertanda_tangan(instansi, periode)
    if laporan is None:
        raise ValidationError(
            PESAN_BELUM_TTD.format(periode=periode.label, instansi=instansi.nama), code="belum_ttd"
        )
    # Lock the report: signing a newer version meanwhile waits for this publication.
    laporan = Dokumen.objects.select_for_update(of=("self",)).get(pk=laporan.pk)
    if (
        (dokumen is not None and dokumen.pk != laporan.pk)
        or laporan.status not in STATUS_BERLAKU
        or (versi_dokumen is not None and int(versi_dokumen) != laporan.versi_baris)
    ):
        raise EditanKedaluwarsa(PESAN_DOKUMEN_BERUBAH, code="kedaluwarsa")
    if Publikasi.objects.filter(
        instansi=instansi, periode=periode, status=StatusPublikasi.TERBIT
    ).exists():
        raise ValidationError(
            PESAN_SUDAH_TERBIT.format(periode=periode.label, instansi=instansi.nama),
            code="sudah_terbit",
        )
    pemda = Instansi.objects.get(pk=periode.pemda_id)
    pastikan_alamat(pemda, pemda)
    pastikan_alamat(instansi, pemda)
    data = data_publik(laporan.snapshot or {})
    pub = Publikasi(
        pemda=pemda,
        instansi=instansi,
        periode=periode,
        slug_periode=slug_periode(periode),
        dokumen=laporan,
        data=data,
        capaian_teks=data["total"]["rollup"]["t"],
        predikat=data["total"]["predikat"],
        jumlah_indikator=data["total"]["jumlah"],
        diterbitkan_oleh=pengguna if getattr(pengguna, "pk", None) else None,
        diterbitkan_pada=timezone.now(),
    )
    try:
        with transaction.atomic():
            pub.save()
    except IntegrityError as exc:  # published by someone else in the same instant
        raise ValidationError(
            PESAN_SUDAH_TERBIT.format(periode=periode.label, instansi=instansi.nama),
            code="sudah_terbit",
        ) from exc
    lampiran = _lampiran(instansi, periode)
    pub.lampiran.set(lampiran)
    catat(
        pengguna=pengguna,
        aksi="publikasi.terbitkan",
        objek=pub,
        sesudah={
            **snapshot(pub, _FIELD_AUDIT),
            "kode_laporan": laporan.kode_verifikasi,
            "lampiran": sorted(d.kode_verifikasi for d in lampiran),
        },
    )
    return pub


@transaction.atomic
def tarik(
    *, pengguna: Any, publikasi: Publikasi, alasan: str, versi_baris: int | None = None
) -> Publikasi:
    """Withdraw a publication: its pages and files stop being public at once.

    The row stays with who withdrew it, when and why (`alasan` is required). Refuses a user
    without `portal.terbitkan`, an already withdrawn publication and a stale `versi_baris`.
    """
    pub = (
        Publikasi.objects.select_for_update(of=("self",))
        .select_related("instansi", "periode")
        .get(pk=publikasi.pk)
    )
    if not pengguna.has_perm("portal.terbitkan", pub):
        raise PermissionDenied(PESAN_TIDAK_BERHAK)
    pastikan_versi(pub, versi_baris, "versi_baris")
    if pub.status != StatusPublikasi.TERBIT:
        raise ValidationError(PESAN_SUDAH_DITARIK, code="sudah_ditarik")
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError(PESAN_ALASAN, code="alasan")
    sebelum = snapshot(pub, _FIELD_AUDIT)
    pub.status = StatusPublikasi.DITARIK
    pub.ditarik_oleh = pengguna if getattr(pengguna, "pk", None) else None
    pub.ditarik_pada = timezone.now()
    pub.alasan_tarik = alasan[:500]
    pub.versi_baris += 1
    pub.save()
    catat(
        pengguna=pengguna,
        aksi="publikasi.tarik",
        objek=pub,
        sebelum=sebelum,
        sesudah=snapshot(pub, _FIELD_AUDIT),
        alasan=pub.alasan_tarik,
    )
    return pub
