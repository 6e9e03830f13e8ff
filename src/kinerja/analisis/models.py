"""Analysis: recommendation rules (data, with editable thresholds), the recommendations they
produce for an agency and a period, and the follow-up (tindak lanjut) assigned on each."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode
from kinerja.perencanaan.models import ANGKA, Elemen, Indikator


class JenisAturan(models.TextChoices):
    """The kinds of condition a recommendation rule checks (see docs/analisis-rekomendasi.md)."""

    PROYEKSI_MELESET = "proyeksi_meleset", _("Proyeksi tidak mencapai target tahunan")
    JAUH_DI_ATAS_TARGET = "jauh_di_atas_target", _("Capaian jauh di atas target")
    TANPA_BUKTI = "tanpa_bukti", _("Realisasi tanpa data dukung")
    PENCILAN = "pencilan", _("Nilai menyimpang dari riwayatnya")
    UNIT_TERLAMBAT = "unit_terlambat", _("Unit terlambat mengisi")
    ANGGARAN_KINERJA = "anggaran_kinerja", _("Serapan anggaran tidak sejalan dengan kinerja")


class Tingkat(models.TextChoices):
    """How urgent a recommendation is."""

    TINGGI = "tinggi", _("Tinggi")
    SEDANG = "sedang", _("Sedang")
    RENDAH = "rendah", _("Rendah")


class AturanRekomendasi(models.Model):
    """One recommendation rule: a kind of condition, its threshold, and the text it writes.

    `instansi` empty is the built-in default for every Pemda; a row for a Pemda or an agency
    overrides it for that subtree (the deepest row wins). Defaults are loaded by the data
    migration `0002_aturan_bawaan` and re-created on demand (`aturan.pastikan_aturan_bawaan`).
    `templat` is the item text with placeholders such as {indikator}, {nilai}, {ambang}.
    """

    instansi = models.ForeignKey(
        Instansi,
        verbose_name=_("berlaku untuk"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="aturan_rekomendasi",
        help_text=_("Kosong: aturan bawaan untuk semua Pemda."),
    )
    jenis = models.CharField(_("jenis"), max_length=30, choices=JenisAturan.choices)
    aktif = models.BooleanField(_("aktif"), default=True)
    ambang = models.DecimalField(_("ambang"), null=True, blank=True, **ANGKA)
    tingkat = models.CharField(
        _("tingkat"), max_length=10, choices=Tingkat.choices, default=Tingkat.SEDANG
    )
    templat = models.TextField(_("templat teks"))
    versi = models.PositiveIntegerField(_("versi"), default=1)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diubah oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)

    class Meta:
        verbose_name = _("aturan rekomendasi")
        verbose_name_plural = _("aturan rekomendasi")
        ordering = ["instansi__jalur", "jenis"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "jenis"],
                condition=Q(instansi__isnull=False),
                name="aturan_unik_per_instansi",
            ),
            models.UniqueConstraint(
                fields=["jenis"], condition=Q(instansi__isnull=True), name="aturan_bawaan_unik"
            ),
        ]

    def __str__(self) -> str:
        lingkup = self.instansi.nama if self.instansi_id else _("bawaan")
        return f"{self.get_jenis_display()} ({lingkup})"

    def instansi_cakupan(self) -> Instansi | None:
        """The unit whose roles may change this rule (None for a built-in default)."""
        return self.instansi


class StatusRekomendasi(models.TextChoices):
    """Open while its condition holds; resolved automatically once it no longer does."""

    AKTIF = "aktif", _("Aktif")
    TERATASI = "teratasi", _("Teratasi")


class Rekomendasi(models.Model):
    """One recommendation for an agency in a period, produced by a rule.

    `kunci` identifies the condition (the rule kind and the indicator, unit or element it is
    about), so generating again updates the same row instead of adding one. When the condition
    disappears the row is marked `teratasi`, never deleted.
    """

    instansi = models.ForeignKey(
        Instansi,
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        related_name="rekomendasi",
    )
    periode = models.ForeignKey(
        Periode, verbose_name=_("periode"), on_delete=models.CASCADE, related_name="rekomendasi"
    )
    jenis = models.CharField(_("jenis"), max_length=30, choices=JenisAturan.choices)
    kunci = models.CharField(_("kunci"), max_length=120)
    aturan = models.ForeignKey(
        AturanRekomendasi,
        verbose_name=_("aturan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rekomendasi",
    )
    indikator = models.ForeignKey(
        Indikator,
        verbose_name=_("indikator"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rekomendasi",
    )
    unit = models.ForeignKey(
        Instansi,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rekomendasi_unit",
    )
    elemen = models.ForeignKey(
        Elemen,
        verbose_name=_("elemen"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rekomendasi",
    )
    tingkat = models.CharField(_("tingkat"), max_length=10, choices=Tingkat.choices)
    teks = models.TextField(_("rekomendasi"))
    rincian = models.JSONField(_("rincian"), default=dict, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatusRekomendasi.choices,
        default=StatusRekomendasi.AKTIF,
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now)
    diperbarui_pada = models.DateTimeField(_("diperbarui pada"), default=timezone.now)
    teratasi_pada = models.DateTimeField(_("teratasi pada"), null=True, blank=True)
    versi = models.PositiveIntegerField(_("versi"), default=1)

    class Meta:
        verbose_name = _("rekomendasi")
        verbose_name_plural = _("rekomendasi")
        ordering = ["periode", "instansi", "status", "jenis", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "periode", "kunci"], name="rekomendasi_unik_per_kondisi"
            )
        ]
        indexes = [models.Index(fields=["periode", "status"], name="rekomendasi_periode_status")]

    def __str__(self) -> str:
        return self.teks[:120]

    def get_absolute_url(self) -> str:
        """The recommendation's page (with its follow-up)."""
        return reverse("analisis:rekomendasi_detail", args=[self.pk])

    def instansi_cakupan(self) -> Instansi | None:
        """The agency whose roles may see and manage this recommendation."""
        return self.instansi

    def tautan_data(self) -> str:
        """Where the data behind it is: the entry page for missing evidence, the completion
        overview for a late unit, the indicator page, or the achievement table."""
        if self.jenis == JenisAturan.TANPA_BUKTI and self.unit_id:
            return reverse("pengukuran:isian", args=[self.unit_id, self.periode_id])
        if self.jenis == JenisAturan.UNIT_TERLAMBAT:
            kueri = urlencode({"instansi": self.instansi_id, "periode": self.periode_id})
            return f"{reverse('pengukuran:rekap')}?{kueri}"
        if self.indikator_id:
            return reverse("pengukuran:indikator", args=[self.indikator_id])
        return reverse("pengukuran:capaian", args=[self.instansi_id, self.periode_id])


class StatusTindakLanjut(models.TextChoices):
    """Follow-up states; the allowed transitions are `tindak_lanjut.TRANSISI`."""

    TERBUKA = "terbuka", _("Terbuka")
    DIKERJAKAN = "dikerjakan", _("Sedang dikerjakan")
    SELESAI = "selesai", _("Selesai")
    DITUTUP = "ditutup", _("Ditutup")


STATUS_BERJALAN = (StatusTindakLanjut.TERBUKA, StatusTindakLanjut.DIKERJAKAN)


class TindakLanjut(models.Model):
    """The follow-up assigned on a recommendation: who, by when, what to do, and how it ended.

    Every change goes through `tindak_lanjut` services and leaves an audit row; `versi`
    refuses stale edits. Overdue when the due date has passed while it is still open.
    """

    rekomendasi = models.OneToOneField(
        Rekomendasi,
        verbose_name=_("rekomendasi"),
        on_delete=models.CASCADE,
        related_name="tindak_lanjut",
    )
    pemilik = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penanggung jawab"),
        on_delete=models.PROTECT,
        related_name="tindak_lanjut",
    )
    tenggat = models.DateField(_("tenggat"))
    instruksi = models.TextField(_("instruksi"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=StatusTindakLanjut.choices,
        default=StatusTindakLanjut.TERBUKA,
    )
    catatan = models.TextField(_("catatan terakhir"), blank=True)
    ditugaskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditugaskan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ditugaskan_pada = models.DateTimeField(_("ditugaskan pada"), default=timezone.now)
    diperbarui_pada = models.DateTimeField(_("diperbarui pada"), default=timezone.now)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    dilihat_pemilik_pada = models.DateTimeField(
        _("dilihat penanggung jawab pada"), null=True, blank=True
    )
    versi = models.PositiveIntegerField(_("versi"), default=1)

    class Meta:
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")
        ordering = ["tenggat", "id"]
        indexes = [models.Index(fields=["pemilik", "status"], name="tindak_lanjut_pemilik")]

    def __str__(self) -> str:
        return f"{self.rekomendasi} → {self.pemilik}"

    def instansi_cakupan(self) -> Instansi | None:
        """The agency of the recommendation."""
        return self.rekomendasi.instansi

    def terlambat_pada(self, hari_ini: dt.date | None = None) -> bool:
        """True when the due date has passed and the follow-up is still open or in progress."""
        hari_ini = hari_ini or timezone.localdate()
        return self.status in STATUS_BERJALAN and self.tenggat < hari_ini

    @property
    def terlambat(self) -> bool:
        """Overdue today (see `terlambat_pada`)."""
        return self.terlambat_pada()
