"""Measurement: periods, realisations (typed values), evidence files and financial realisation."""

from __future__ import annotations

import calendar
import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Instansi
from kinerja.perencanaan.models import ANGKA, RUPIAH, Anggaran, Indikator, JenisPeriode

NAMA_TRIWULAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
NAMA_BULAN = [
    "",
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


class StatusPeriode(models.TextChoices):
    """Open for entry → closed (no new entry, validation continues) → locked (official)."""

    DIBUKA = "dibuka", _("Dibuka")
    DITUTUP = "ditutup", _("Ditutup")
    DIKUNCI = "dikunci", _("Dikunci")


class Periode(models.Model):
    """A measurement period of a Pemda: a month, quarter, semester or year of one year."""

    pemda = models.ForeignKey(
        Instansi, verbose_name=_("pemda"), on_delete=models.PROTECT, related_name="periode"
    )
    tahun = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    jenis_periode = models.CharField(
        _("jenis periode"), max_length=10, choices=JenisPeriode.choices
    )
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    status = models.CharField(
        _("status"), max_length=10, choices=StatusPeriode.choices, default=StatusPeriode.DIBUKA
    )
    batas_pengisian = models.DateField(_("batas pengisian"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("periode pengukuran")
        verbose_name_plural = _("periode pengukuran")
        ordering = ["pemda", "-tahun", "jenis_periode", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "tahun", "jenis_periode", "nomor"], name="periode_unik"
            ),
            models.CheckConstraint(
                condition=Q(jenis_periode="bulan", nomor__gte=1, nomor__lte=12)
                | Q(jenis_periode="triwulan", nomor__gte=1, nomor__lte=4)
                | Q(jenis_periode="semester", nomor__gte=1, nomor__lte=2)
                | Q(jenis_periode="tahun", nomor=1),
                name="periode_nomor_dalam_tahun",
            ),
            models.CheckConstraint(
                condition=Q(tahun__gte=2000, tahun__lte=2100), name="periode_tahun_wajar"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def instansi_cakupan(self) -> Instansi | None:
        """The unit whose roles may see or change this row."""
        return self.pemda

    @property
    def label(self) -> str:
        """Human name: "Triwulan II 2026", "Maret 2026", "Semester I 2026", "Tahun 2026"."""
        if self.jenis_periode == JenisPeriode.TRIWULAN:
            return f"Triwulan {NAMA_TRIWULAN[self.nomor]} {self.tahun}"
        if self.jenis_periode == JenisPeriode.BULAN:
            return f"{NAMA_BULAN[self.nomor]} {self.tahun}"
        if self.jenis_periode == JenisPeriode.SEMESTER:
            return f"Semester {'I' * self.nomor} {self.tahun}"
        return f"Tahun {self.tahun}"

    @property
    def bulan_akhir(self) -> int:
        """The last month the period covers."""
        per = {"bulan": 1, "triwulan": 3, "semester": 6, "tahun": 12}[self.jenis_periode]
        return self.nomor * per

    @property
    def bulan_awal(self) -> int:
        """The first month the period covers."""
        per = {"bulan": 1, "triwulan": 3, "semester": 6, "tahun": 12}[self.jenis_periode]
        return (self.nomor - 1) * per + 1

    @property
    def tanggal_mulai(self) -> dt.date:
        """First day of the period."""
        return dt.date(self.tahun, self.bulan_awal, 1)

    @property
    def tanggal_akhir(self) -> dt.date:
        """Last day of the period (targets in force on this day apply)."""
        b = self.bulan_akhir
        return dt.date(self.tahun, b, calendar.monthrange(self.tahun, b)[1])

    @property
    def triwulan_akhir(self) -> int:
        """The quarter the period ends in (for "s.d. triwulan n")."""
        return (self.bulan_akhir - 1) // 3 + 1


class StatusRealisasi(models.TextChoices):
    """Approval state of a realisation; allowed transitions live in `pengukuran.alur_status`."""

    DRAF = "draf", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DIVALIDASI = "divalidasi", _("Divalidasi")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")


class Realisasi(models.Model):
    """The realisation of one indicator in one period, typed by the indicator's value type.

    `nilai` holds numbers and percentages (and 1/0 for yes/no); `nilai_teks` the level code of an
    ordinal scale. For a kumulatif indicator the value is the period's own amount; "s.d. triwulan n"
    is computed by `kinerja.rumus` from the period values, never typed in.
    """

    indikator = models.ForeignKey(
        Indikator, verbose_name=_("indikator"), on_delete=models.PROTECT, related_name="realisasi"
    )
    periode = models.ForeignKey(
        Periode, verbose_name=_("periode"), on_delete=models.PROTECT, related_name="realisasi"
    )
    nilai = models.DecimalField(_("realisasi"), null=True, blank=True, **ANGKA)
    nilai_teks = models.CharField(_("realisasi (level)"), max_length=40, blank=True)
    kendala = models.TextField(_("kendala"), blank=True)
    tindak_lanjut = models.TextField(_("tindak lanjut / upaya"), blank=True)
    status = models.CharField(
        _("status"), max_length=14, choices=StatusRealisasi.choices, default=StatusRealisasi.DRAF
    )
    catatan_validasi = models.TextField(_("catatan validator"), blank=True)
    versi = models.PositiveIntegerField(_("versi"), default=1)
    diisi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diisi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diperbarui_pada = models.DateTimeField(_("diperbarui pada"), auto_now=True)
    divalidasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("divalidasi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    divalidasi_pada = models.DateTimeField(_("divalidasi pada"), null=True, blank=True)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diajukan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diajukan_pada = models.DateTimeField(
        _("pertama diajukan pada"),
        null=True,
        blank=True,
        help_text=_(
            "Waktu pengajuan pertama; pengajuan ulang setelah dikembalikan tidak mengubahnya."
        ),
    )
    terlambat = models.BooleanField(
        _("terlambat"),
        default=False,
        help_text=_(
            "Pengajuan pertama sesudah batas pengisian periode. Hanya penanda: "
            "keterlambatan tidak mengunci data."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("realisasi")
        verbose_name_plural = _("realisasi")
        ordering = ["periode", "indikator"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "periode"], name="realisasi_unik_per_periode"
            )
        ]
        indexes = [models.Index(fields=["periode", "status"], name="realisasi_periode_status")]

    def __str__(self) -> str:
        return f"{self.indikator} — {self.periode}"

    def instansi_cakupan(self) -> Instansi | None:
        """The unit whose roles may see or change this row."""
        return self.indikator.instansi_cakupan()


class Berkas(models.Model):
    """A stored file, kept once per content (SHA-256): the same file uploaded twice is one row."""

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    berkas = models.FileField(_("berkas"), upload_to="data-dukung/%Y/%m/")
    ukuran = models.PositiveBigIntegerField(_("ukuran (bita)"))
    jenis_konten = models.CharField(_("jenis konten"), max_length=100)
    diunggah_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("berkas")
        verbose_name_plural = _("berkas")

    def __str__(self) -> str:
        return self.sha256[:12]


class KeputusanBukti(models.TextChoices):
    """The validator's decision on one piece of evidence."""

    BELUM = "belum", _("Belum diperiksa")
    DITERIMA = "diterima", _("Diterima")
    DITOLAK = "ditolak", _("Ditolak")


class DataDukung(models.Model):
    """Evidence for a realisation: an uploaded file (via `Berkas`) or a link to an online source."""

    realisasi = models.ForeignKey(
        Realisasi, verbose_name=_("realisasi"), on_delete=models.CASCADE, related_name="data_dukung"
    )
    berkas = models.ForeignKey(
        Berkas,
        verbose_name=_("berkas"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pemakaian",
    )
    tautan = models.URLField(_("tautan"), blank=True, max_length=500)
    nama = models.CharField(_("nama berkas"), max_length=200)
    keterangan = models.CharField(_("keterangan"), max_length=255, blank=True)
    keputusan = models.CharField(
        _("keputusan validator"),
        max_length=10,
        choices=KeputusanBukti.choices,
        default=KeputusanBukti.BELUM,
    )
    catatan_validator = models.CharField(_("catatan validator"), max_length=255, blank=True)
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diputuskan_pada = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diunggah_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("data dukung")
        verbose_name_plural = _("data dukung")
        ordering = ["realisasi", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(berkas__isnull=False) & Q(tautan=""))
                | (Q(berkas__isnull=True) & ~Q(tautan="")),
                name="data_dukung_berkas_atau_tautan",
            )
        ]

    def __str__(self) -> str:
        return self.nama

    def instansi_cakupan(self) -> Instansi | None:
        """The unit whose roles may see or change this row."""
        return self.realisasi.instansi_cakupan()


class RealisasiAnggaran(models.Model):
    """Financial realisation of a budget line in a period (the period's own spending)."""

    anggaran = models.ForeignKey(
        Anggaran, verbose_name=_("anggaran"), on_delete=models.PROTECT, related_name="realisasi"
    )
    periode = models.ForeignKey(
        Periode,
        verbose_name=_("periode"),
        on_delete=models.PROTECT,
        related_name="realisasi_anggaran",
    )
    nilai = models.DecimalField(
        _("realisasi anggaran"), validators=[MinValueValidator(0)], **RUPIAH
    )
    versi = models.PositiveIntegerField(_("versi"), default=1)
    diisi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diisi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diperbarui_pada = models.DateTimeField(_("diperbarui pada"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("realisasi anggaran")
        verbose_name_plural = _("realisasi anggaran")
        ordering = ["periode", "anggaran"]
        constraints = [
            models.UniqueConstraint(fields=["anggaran", "periode"], name="realisasi_anggaran_unik"),
            models.CheckConstraint(
                condition=Q(nilai__gte=0), name="realisasi_anggaran_tidak_negatif"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.anggaran} — {self.periode}"

    def instansi_cakupan(self) -> Instansi | None:
        """The unit whose roles may see or change this row."""
        return self.anggaran.instansi_cakupan()
