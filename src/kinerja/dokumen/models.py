"""Generated documents: what was built, from which numbers, who signed it, how to verify it.

A `Dokumen` is one version of one output (a PDF, DOCX, XLSX or ZIP) for an agency and a
period. Documents of the same series (type, agency, period, format and `kunci`, e.g. the PK of
one position) are numbered by `versi`. A draft may be rebuilt in place; a signed document is
frozen: its file, SHA-256 and the snapshot of the numbers it printed never change, and a
change makes a new version. The short `kode_verifikasi` printed with a QR code on the signed
PDF leads to the public verification page.
"""

from __future__ import annotations

import datetime as dt
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.organisasi.models import Instansi, Pegawai, StatusPemangku
from kinerja.pengukuran.models import Periode


class JenisDokumen(models.TextChoices):
    """The document types Kinerja builds (see `kinerja.dokumen.jenis` for their builders)."""

    PK = "pk", _("Perjanjian Kinerja")
    RENCANA_AKSI = "rencana_aksi", _("Rencana Aksi")
    REALISASI_RA = "realisasi_ra", _("Realisasi Rencana Aksi Akuntabilitas Kinerja")
    KERTAS_KERJA = "kertas_kerja", _("Kertas Kerja Pengukuran Kinerja")
    LAPORAN_PENGUKURAN = "laporan_pengukuran", _("Laporan Hasil Pengukuran Kinerja")
    EVALUASI_RENJA = "evaluasi_renja", _("Evaluasi Hasil Renja (Permendagri 86/2017)")
    LKJIP_BAB3 = "lkjip_bab3", _("LKjIP Bab III Akuntabilitas Kinerja")
    LAPORAN_UKPBJ = "laporan_ukpbj", _("Laporan Kinerja UKPBJ")
    NOTA_DINAS = "nota_dinas", _("Nota Dinas / Disposisi")
    UNDANGAN = "undangan", _("Undangan Rapat")
    NOTULEN = "notulen", _("Notulen Rapat")
    SURAT_PENGANTAR = "surat_pengantar", _("Surat Pengantar")
    BUNDEL_ESR = "bundel_esr", _("Bundel unggahan esr.menpan.go.id")


class FormatDokumen(models.TextChoices):
    """File formats."""

    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"
    XLSX = "xlsx", "XLSX"
    ZIP = "zip", "ZIP"


class JenisESR(models.TextChoices):
    """Document types of esr.menpan.go.id, numbered as one client numbers them (METHODOLOGY.md)."""

    RPJMD = "01", _("1 RPJMD")
    RENSTRA = "02", _("2 Renstra")
    IKU = "03", _("3 Indikator Kinerja Utama")
    RENJA = "04", _("4 Renja/RKT")
    RKPD = "05", _("5 RKPD")
    PK = "06", _("6 Perjanjian Kinerja")
    RENCANA_AKSI = "07", _("7 Rencana Aksi")
    LAPORAN_KINERJA = "08", _("8 Laporan Kinerja")
    DPA = "12", _("12 DPA")
    POHON_KINERJA = "13", _("13 Pohon Kinerja dan Cascading")
    MONEV_RENAKSI = "16", _("16 Laporan Monev Renaksi")


class StatusDokumen(models.TextChoices):
    """Draft → signed → archived; a signed document replaced by a newer version is `diganti`."""

    DRAF = "draf", _("Draf")
    DITANDATANGANI = "ditandatangani", _("Ditandatangani")
    DIARSIPKAN = "diarsipkan", _("Diarsipkan")
    DIGANTI = "diganti", _("Diganti versi baru")


# Crockford base32 without I, L, O, U: easy to read aloud and type, 5 bits per character.
ALFABET_KODE = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PANJANG_KODE = 12  # 60 bits: guessing a code by trying is hopeless, and the page is rate-limited


def kode_verifikasi_baru() -> str:
    """A random verification code such as "7KQ2-M9XD-4TRA" (12 characters, 60 bits)."""
    acak = "".join(secrets.choice(ALFABET_KODE) for _ in range(PANJANG_KODE))
    return f"{acak[:4]}-{acak[4:8]}-{acak[8:]}"


def lokasi_berkas(dokumen: Dokumen, nama: str) -> str:
    """Storage path: per agency and year, under a random name (never derived from content)."""
    ext = nama.rsplit(".", 1)[-1].lower() if "." in nama else "bin"
    return f"dokumen/{dokumen.instansi_id}/{dokumen.tahun}/{uuid.uuid4().hex}.{ext}"


class Dokumen(models.Model):
    """One version of a generated document, with its file, hash, signer and frozen numbers."""

    jenis = models.CharField(_("jenis"), max_length=24, choices=JenisDokumen.choices)
    instansi = models.ForeignKey(
        Instansi, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="dokumen"
    )
    periode = models.ForeignKey(
        Periode,
        verbose_name=_("periode"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dokumen",
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    kunci = models.CharField(
        _("kunci seri"),
        max_length=80,
        blank=True,
        help_text=_("Membedakan seri dokumen sejenis, mis. PK per jabatan."),
    )
    judul = models.CharField(_("judul"), max_length=300)
    format = models.CharField(_("format"), max_length=4, choices=FormatDokumen.choices)
    versi = models.PositiveIntegerField(_("versi"), default=1)
    status = models.CharField(
        _("status"), max_length=16, choices=StatusDokumen.choices, default=StatusDokumen.DRAF
    )
    nomor = models.CharField(_("nomor"), max_length=120, blank=True)
    berkas = models.FileField(_("berkas"), upload_to=lokasi_berkas, max_length=255)
    nama_berkas = models.CharField(_("nama berkas unduhan"), max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    ukuran = models.PositiveBigIntegerField(_("ukuran (bita)"), default=0)
    jenis_esr = models.CharField(
        _("jenis dokumen ESR"), max_length=2, choices=JenisESR.choices, blank=True
    )
    opsi = models.JSONField(_("opsi pembuatan"), default=dict, blank=True)
    isian = models.JSONField(
        _("isian teks"),
        default=dict,
        blank=True,
        help_text=_("Teks yang disunting pengguna (analisis, kendala, keterangan)."),
    )
    snapshot = models.JSONField(
        _("cuplikan angka"),
        default=dict,
        blank=True,
        help_text=_("Data persis yang dicetak: dibekukan saat ditandatangani."),
    )
    kode_verifikasi = models.CharField(
        _("kode verifikasi"), max_length=20, unique=True, default=kode_verifikasi_baru
    )
    siklus = models.ForeignKey(
        "alur.Siklus",
        verbose_name=_("siklus pengukuran"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dokumen",
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"))
    penandatangan = models.ForeignKey(
        Pegawai,
        verbose_name=_("penandatangan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status_penandatangan = models.CharField(
        _("status penandatangan"),
        max_length=10,
        choices=StatusPemangku.choices,
        default=StatusPemangku.DEFINITIF,
    )
    jabatan_penandatangan = models.CharField(_("jabatan penandatangan"), max_length=255, blank=True)
    ditandatangani_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditandatangani oleh (akun)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ditandatangani_pada = models.DateTimeField(_("ditandatangani pada"), null=True, blank=True)
    diarsipkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diarsipkan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diarsipkan_pada = models.DateTimeField(_("diarsipkan pada"), null=True, blank=True)
    keterangan_arsip = models.CharField(_("keterangan arsip"), max_length=255, blank=True)
    versi_baris = models.PositiveIntegerField(_("versi baris"), default=1)

    class Meta:
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
        ordering = ["-tahun", "jenis", "kunci", "-versi"]
        constraints = [
            models.UniqueConstraint(
                fields=["jenis", "instansi", "periode", "format", "kunci", "versi"],
                name="dokumen_versi_unik",
            ),
            # Annual documents (PK, Rencana Aksi, LKjIP) have no period: one series per year.
            models.UniqueConstraint(
                fields=["jenis", "instansi", "tahun", "format", "kunci", "versi"],
                condition=Q(periode__isnull=True),
                name="dokumen_tahunan_versi_unik",
            ),
            models.CheckConstraint(
                condition=Q(status="draf")
                | Q(ditandatangani_pada__isnull=False)
                | Q(status="diarsipkan"),
                name="dokumen_tanda_tangan_bertanggal",
            ),
        ]
        indexes = [models.Index(fields=["instansi", "tahun", "jenis"])]

    def __str__(self) -> str:
        nomor = f" {self.nomor}" if self.nomor else ""
        return f"{self.judul}{nomor} (v{self.versi}, {self.get_format_display()})"

    def instansi_cakupan(self) -> Instansi | None:
        """The agency whose roles may see or change this row."""
        return self.instansi

    @property
    def sudah_ditandatangani(self) -> bool:
        """True once signed (archived and replaced documents were signed before)."""
        return self.ditandatangani_pada is not None

    @property
    def awalan_penandatangan(self) -> str:
        """ "Plt. " / "Plh. " / "" before the signer's position."""
        return {"plt": "Plt. ", "plh": "Plh. "}.get(self.status_penandatangan, "")


class NomorUrut(models.Model):
    """The last letter number used by an agency in a year (one row locked per new number)."""

    instansi = models.ForeignKey(
        Instansi, verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="+"
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    terakhir = models.PositiveIntegerField(_("nomor urut terakhir"), default=0)

    class Meta:
        verbose_name = _("nomor urut surat")
        verbose_name_plural = _("nomor urut surat")
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun"], name="nomor_urut_unik")
        ]

    def __str__(self) -> str:
        return f"{self.instansi} {self.tahun}: {self.terakhir}"


class StatusPekerjaan(models.TextChoices):
    """State of a batch job."""

    MENUNGGU = "menunggu", _("Menunggu")
    BERJALAN = "berjalan", _("Berjalan")
    SELESAI = "selesai", _("Selesai")
    GAGAL = "gagal", _("Gagal")


def lokasi_zip(pekerjaan: PekerjaanDokumen, nama: str) -> str:
    """Storage path of a batch ZIP (random name, never public)."""
    return f"dokumen/batch/{pekerjaan.pemda_id}/{uuid.uuid4().hex}.zip"


#: A job without a heartbeat for this long is stalled (one agency takes seconds, not minutes).
BATAS_TERHENTI = dt.timedelta(minutes=10)


class PekerjaanDokumen(models.Model):
    """One document type built for every agency of a Pemda in the background, with its
    progress (`selesai` of `jumlah`), the agencies that failed and the ZIP at the end."""

    jenis = models.CharField(_("jenis"), max_length=24, choices=JenisDokumen.choices)
    format = models.CharField(_("format"), max_length=4, choices=FormatDokumen.choices)
    pemda = models.ForeignKey(
        Instansi, verbose_name=_("pemda"), on_delete=models.CASCADE, related_name="+"
    )
    periode = models.ForeignKey(
        Periode, verbose_name=_("periode"), on_delete=models.CASCADE, related_name="+"
    )
    opsi = models.JSONField(_("opsi"), default=dict, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatusPekerjaan.choices,
        default=StatusPekerjaan.MENUNGGU,
    )
    jumlah = models.PositiveIntegerField(_("jumlah instansi"), default=0)
    selesai = models.PositiveIntegerField(_("selesai"), default=0)
    gagal = models.JSONField(_("instansi gagal"), default=list, blank=True)
    pesan = models.TextField(_("pesan"), blank=True)
    berkas = models.FileField(_("berkas ZIP"), upload_to=lokasi_zip, blank=True, max_length=255)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    mulai_pada = models.DateTimeField(_("mulai pada"), null=True, blank=True)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    # Heartbeat: set when the job is queued, claimed and after each agency. A queued or running
    # job without a heartbeat for BATAS_TERHENTI lost its process (a restart, a crash).
    diperbarui_pada = models.DateTimeField(_("kabar terakhir"), null=True, blank=True)

    class Meta:
        verbose_name = _("pekerjaan dokumen")
        verbose_name_plural = _("pekerjaan dokumen")
        ordering = ["-dibuat_pada"]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} — {self.pemda} — {self.periode}"

    def instansi_cakupan(self) -> Instansi | None:
        """The Pemda whose roles may see the job."""
        return self.pemda

    @property
    def persen(self) -> int:
        """Progress in whole percent."""
        return int(self.selesai * 100 / self.jumlah) if self.jumlah else 0

    @property
    def terhenti(self) -> bool:
        """Queued or running, but no sign of life for `BATAS_TERHENTI`: its process is gone."""
        from django.utils import timezone

        if self.status not in (StatusPekerjaan.MENUNGGU, StatusPekerjaan.BERJALAN):
            return False
        kabar = self.diperbarui_pada or self.dibuat_pada
        return kabar is not None and timezone.now() - kabar > BATAS_TERHENTI

    @property
    def dapat_diulang(self) -> bool:
        """A failed or stalled job may be run again from the start."""
        return self.status == StatusPekerjaan.GAGAL or self.terhenti
