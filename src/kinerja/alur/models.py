"""SOP templates as data, and their runs: Siklus → Tugas → Keputusan, with meetings and letters.

A `TemplateSOP` version is immutable once a cycle has used it: editing makes a new version, so
a running cycle keeps the steps it started with.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode


class TemplateSOP(models.Model):
    """One version of an SOP: the PermenPAN-RB 35/2012 header and its ordered steps."""

    kode = models.SlugField(_("kode"), max_length=80)
    versi = models.PositiveIntegerField(_("versi"), default=1)
    nama = models.CharField(_("nama SOP"), max_length=200)
    nomor = models.CharField(_("nomor SOP"), max_length=120, blank=True)
    pemda_teks = models.CharField(_("pemerintah daerah"), max_length=200, blank=True)
    instansi_teks = models.CharField(_("instansi"), max_length=255, blank=True)
    unit_penyusun = models.CharField(_("unit penyusun"), max_length=200, blank=True)
    instansi = models.ForeignKey(
        Instansi,
        verbose_name=_("instansi pemilik"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="template_sop",
        help_text=_("Kosong untuk templat bawaan yang dapat disalin semua instansi."),
    )
    tanggal_pembuatan = models.DateField(_("tanggal pembuatan"), null=True, blank=True)
    tanggal_revisi = models.DateField(_("tanggal revisi"), null=True, blank=True)
    tanggal_efektif = models.DateField(_("tanggal efektif"), null=True, blank=True)
    disahkan_oleh = models.JSONField(_("disahkan oleh"), default=dict, blank=True)
    dasar_hukum = models.JSONField(_("dasar hukum"), default=list, blank=True)
    kualifikasi_pelaksana = models.JSONField(_("kualifikasi pelaksana"), default=list, blank=True)
    keterkaitan = models.JSONField(_("keterkaitan"), default=list, blank=True)
    peralatan = models.JSONField(_("peralatan/perlengkapan"), default=list, blank=True)
    peringatan = models.JSONField(_("peringatan"), default=list, blank=True)
    pencatatan = models.JSONField(_("pencatatan dan pendataan"), default=list, blank=True)
    narasi = models.JSONField(_("narasi"), default=dict, blank=True)
    catatan_transkripsi = models.JSONField(_("catatan transkripsi"), default=list, blank=True)
    pelaksana = models.JSONField(
        _("kolom pelaksana"), default=list, help_text=_("Daftar {kode, label} sesuai urutan kolom.")
    )
    bawaan = models.BooleanField(_("templat bawaan"), default=False)
    disalin_dari = models.ForeignKey(
        "self",
        verbose_name=_("disalin dari"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="salinan",
    )
    aktif = models.BooleanField(_("versi aktif"), default=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("templat SOP")
        verbose_name_plural = _("templat SOP")
        ordering = ["kode", "-versi"]
        constraints = [
            models.UniqueConstraint(fields=["kode", "versi"], name="template_sop_versi_unik")
        ]

    def __str__(self) -> str:
        return f"{self.nama} — {self.instansi_teks or self.kode} (v{self.versi})"

    def instansi_cakupan(self) -> Instansi | None:
        """The owning agency (None for a built-in template)."""
        return self.instansi

    def label_pelaksana(self) -> dict[str, str]:
        """Role code → column label of this SOP."""
        return {p["kode"]: p["label"] for p in self.pelaksana}


class JenisLangkah(models.TextChoices):
    """What kind of step this is (drawn with a different flowchart symbol)."""

    KEGIATAN = "kegiatan", _("Kegiatan")
    KEPUTUSAN = "keputusan", _("Keputusan")
    RAPAT = "rapat", _("Rapat")
    DOKUMEN = "dokumen", _("Dokumen")
    ARSIP = "arsip", _("Arsip")
    UNGGAH = "unggah", _("Unggah")


class SatuanWaktu(models.TextChoices):
    """Unit of a step's standard time; `teks` is a rule in words."""

    MENIT = "menit", _("menit")
    JAM = "jam", _("jam")
    HARI = "hari", _("hari kerja")
    TEKS = "teks", _("aturan teks")


class LangkahSOP(models.Model):
    """One step of an SOP with its performers and quality standard (mutu baku)."""

    template = models.ForeignKey(
        TemplateSOP, verbose_name=_("templat"), on_delete=models.CASCADE, related_name="langkah"
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    no = models.PositiveSmallIntegerField(_("nomor langkah"))
    uraian = models.TextField(_("uraian"))
    pelaksana = models.JSONField(_("pelaksana"), default=list)
    kelengkapan = models.JSONField(_("kelengkapan"), default=list, blank=True)
    waktu_jumlah = models.DecimalField(
        _("waktu"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    waktu_satuan = models.CharField(
        _("satuan waktu"), max_length=6, choices=SatuanWaktu.choices, default=SatuanWaktu.MENIT
    )
    waktu_teks = models.CharField(_("aturan waktu"), max_length=200, blank=True)
    output = models.JSONField(_("output"), default=list, blank=True)
    jenis = models.CharField(
        _("jenis"), max_length=10, choices=JenisLangkah.choices, default=JenisLangkah.KEGIATAN
    )
    kembali_ke = models.PositiveSmallIntegerField(_("kembali ke langkah"), null=True, blank=True)
    aksi_sistem = models.CharField(_("aksi sistem"), max_length=40, blank=True)
    keterangan = models.TextField(_("keterangan"), blank=True)

    class Meta:
        verbose_name = _("langkah SOP")
        verbose_name_plural = _("langkah SOP")
        ordering = ["template", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["template", "urutan"], name="langkah_urutan_unik"),
            models.UniqueConstraint(fields=["template", "no"], name="langkah_no_unik"),
            models.CheckConstraint(
                condition=Q(kembali_ke__isnull=True) | Q(jenis="keputusan"),
                name="langkah_kembali_hanya_keputusan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.no}. {self.uraian[:60]}"

    @property
    def waktu_label(self) -> str:
        """The standard time as printed in the SOP: "10 menit", "2 hari", or the text rule."""
        if self.waktu_satuan == SatuanWaktu.TEKS or self.waktu_jumlah is None:
            return self.waktu_teks or "-"
        jumlah = self.waktu_jumlah.normalize()
        return f"{jumlah:f} {SatuanWaktu(self.waktu_satuan).label}"


class StatusSiklus(models.TextChoices):
    """State of a measurement cycle."""

    BERJALAN = "berjalan", _("Berjalan")
    SELESAI = "selesai", _("Selesai")
    DIBATALKAN = "dibatalkan", _("Dibatalkan")


class Siklus(models.Model):
    """One run of a template version for one agency and one period.

    Opening it is the SOP's first step: the Kepala's order is recorded as a disposisi, nota dinas
    or surat perintah with its number and date.
    """

    template = models.ForeignKey(
        TemplateSOP, verbose_name=_("templat SOP"), on_delete=models.PROTECT, related_name="siklus"
    )
    instansi = models.ForeignKey(
        Instansi, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="siklus"
    )
    periode = models.ForeignKey(
        Periode, verbose_name=_("periode"), on_delete=models.PROTECT, related_name="siklus"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=StatusSiklus.choices, default=StatusSiklus.BERJALAN
    )
    jenis_perintah = models.CharField(_("jenis perintah"), max_length=40, default="Disposisi")
    nomor_perintah = models.CharField(_("nomor perintah"), max_length=120, blank=True)
    tanggal_perintah = models.DateField(_("tanggal perintah"))
    isi_perintah = models.TextField(_("isi perintah"), blank=True)
    dibuka_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuka oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuka_pada = models.DateTimeField(_("dibuka pada"), auto_now_add=True)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    versi = models.PositiveIntegerField(_("versi"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("siklus pengukuran")
        verbose_name_plural = _("siklus pengukuran")
        ordering = ["-dibuka_pada"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "periode", "template"],
                condition=Q(status="berjalan"),
                name="siklus_berjalan_unik",
            )
        ]

    def __str__(self) -> str:
        return f"{self.template.nama} — {self.instansi} — {self.periode}"

    def instansi_cakupan(self) -> Instansi | None:
        """The agency running the cycle."""
        return self.instansi


class StatusTugas(models.TextChoices):
    """State of one step's task within a cycle."""

    MENUNGGU = "menunggu", _("Menunggu langkah sebelumnya")
    AKTIF = "aktif", _("Sedang dikerjakan")
    SELESAI = "selesai", _("Selesai")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
    DILEWATI = "dilewati", _("Diulang karena pengembalian")


class Tugas(models.Model):
    """A step of a cycle in the inbox of the people holding its performer roles.

    When a decision returns the cycle to an earlier step, the steps from there are done again as
    new rows with `putaran` + 1; earlier rows stay as the record of what happened.
    """

    siklus = models.ForeignKey(
        Siklus, verbose_name=_("siklus"), on_delete=models.CASCADE, related_name="tugas"
    )
    langkah = models.ForeignKey(
        LangkahSOP, verbose_name=_("langkah"), on_delete=models.PROTECT, related_name="tugas"
    )
    putaran = models.PositiveSmallIntegerField(_("putaran"), default=1)
    status = models.CharField(
        _("status"), max_length=12, choices=StatusTugas.choices, default=StatusTugas.MENUNGGU
    )
    mulai = models.DateTimeField(_("mulai"), null=True, blank=True)
    tenggat = models.DateTimeField(_("tenggat"), null=True, blank=True)
    selesai = models.DateTimeField(_("selesai"), null=True, blank=True)
    diselesaikan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diselesaikan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    catatan = models.TextField(_("catatan"), blank=True)
    versi = models.PositiveIntegerField(_("versi"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tugas")
        verbose_name_plural = _("tugas")
        ordering = ["siklus", "putaran", "langkah__urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["siklus", "langkah", "putaran"], name="tugas_unik_per_putaran"
            )
        ]

    def __str__(self) -> str:
        return f"{self.langkah} ({self.get_status_display()})"

    def instansi_cakupan(self) -> Instansi | None:
        """The agency running the cycle."""
        return self.siklus.instansi


class HasilKeputusan(models.TextChoices):
    """Outcome of a decision step."""

    SETUJU = "setuju", _("Disetujui")
    KEMBALIKAN = "kembalikan", _("Dikembalikan")


class Keputusan(models.Model):
    """The decision taken at a decision step: approve, or return to a step with reasons."""

    tugas = models.ForeignKey(
        Tugas, verbose_name=_("tugas"), on_delete=models.CASCADE, related_name="keputusan"
    )
    hasil = models.CharField(_("hasil"), max_length=12, choices=HasilKeputusan.choices)
    alasan = models.TextField(_("alasan / arahan"), blank=True)
    kembali_ke = models.ForeignKey(
        LangkahSOP,
        verbose_name=_("kembali ke langkah"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("oleh"), null=True, on_delete=models.SET_NULL
    )
    pada = models.DateTimeField(_("pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("keputusan")
        verbose_name_plural = _("keputusan")
        ordering = ["pada"]

    def __str__(self) -> str:
        return f"{self.get_hasil_display()} — {self.tugas}"


class HariLibur(models.Model):
    """A public holiday or cuti bersama: not a working day when computing step deadlines."""

    tanggal = models.DateField(_("tanggal"), unique=True)
    nama = models.CharField(_("nama"), max_length=120)

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        ordering = ["tanggal"]

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.nama}"


class Rapat(models.Model):
    """A meeting held at a step (briefing, coordination, socialisation, leadership meeting).

    Its minutes (notulen) are the step's output; a leadership meeting also records a decision
    per indicator (`KeputusanIndikator`).
    """

    tugas = models.ForeignKey(
        Tugas, verbose_name=_("langkah"), on_delete=models.CASCADE, related_name="rapat"
    )
    judul = models.CharField(_("judul rapat"), max_length=200)
    waktu = models.DateTimeField(_("waktu"))
    tempat = models.CharField(_("tempat"), max_length=200)
    pimpinan = models.CharField(_("pimpinan rapat"), max_length=200)
    peserta = models.TextField(_("peserta (satu per baris)"))
    notulen = models.TextField(_("notulen"))
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dicatat_pada = models.DateTimeField(_("dicatat pada"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rapat")
        verbose_name_plural = _("rapat")
        ordering = ["waktu"]

    def __str__(self) -> str:
        return f"{self.judul} ({self.waktu:%Y-%m-%d})"

    def instansi_cakupan(self) -> Instansi | None:
        """The agency running the cycle."""
        return self.tugas.siklus.instansi

    @property
    def daftar_peserta(self) -> list[str]:
        """Attendees, one per line."""
        return [p.strip() for p in self.peserta.splitlines() if p.strip()]


class HasilIndikatorRapat(models.TextChoices):
    """Outcome for one indicator at a leadership meeting (seed 003 step 17)."""

    TERCAPAI = "tercapai", _("Tercapai (selesai)")
    WAKTU_HABIS = "waktu_habis", _("Waktu telah terlampaui (selesai)")
    DITINDAKLANJUTI = "ditindaklanjuti", _("Dikembalikan dengan arahan")


class KeputusanIndikator(models.Model):
    """The leadership's decision about one indicator, shown on the dashboard and next cycle."""

    rapat = models.ForeignKey(
        Rapat, verbose_name=_("rapat"), on_delete=models.CASCADE, related_name="keputusan_indikator"
    )
    indikator = models.ForeignKey(
        "perencanaan.Indikator",
        verbose_name=_("indikator"),
        on_delete=models.PROTECT,
        related_name="keputusan_rapat",
    )
    hasil = models.CharField(_("keputusan"), max_length=16, choices=HasilIndikatorRapat.choices)
    arahan = models.TextField(_("arahan"), blank=True)

    class Meta:
        verbose_name = _("keputusan per indikator")
        verbose_name_plural = _("keputusan per indikator")
        constraints = [
            models.UniqueConstraint(fields=["rapat", "indikator"], name="keputusan_indikator_unik")
        ]

    def __str__(self) -> str:
        return f"{self.indikator}: {self.get_hasil_display()}"


class KalenderKerja(models.Model):
    """The working calendar of a Pemda: working weekdays and office hours for step deadlines."""

    pemda = models.OneToOneField(
        Instansi, verbose_name=_("pemda"), on_delete=models.CASCADE, related_name="kalender_kerja"
    )
    hari_kerja = models.CharField(
        _("hari kerja"),
        max_length=7,
        default="12345",
        help_text=_("Angka hari kerja: 1 = Senin … 7 = Minggu, mis. 12345 atau 123456."),
    )
    jam_mulai = models.TimeField(_("jam mulai kerja"), default="07:30")
    jam_selesai = models.TimeField(_("jam selesai kerja"), default="16:00")

    class Meta:
        verbose_name = _("kalender kerja")
        verbose_name_plural = _("kalender kerja")
        constraints = [
            models.CheckConstraint(
                condition=Q(jam_selesai__gt=models.F("jam_mulai")), name="kalender_jam_urut"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pemda}: {self.hari_kerja} {self.jam_mulai:%H.%M}–{self.jam_selesai:%H.%M}"


class JenisNotifikasi(models.TextChoices):
    """Why a user is notified."""

    TUGAS_BARU = "tugas_baru", _("Langkah baru untuk Anda")
    DIKEMBALIKAN = "dikembalikan", _("Pekerjaan dikembalikan")
    MENJELANG_TENGGAT = "menjelang_tenggat", _("Tenggat segera tiba")
    TERLAMBAT = "terlambat", _("Melewati tenggat")
    # Employee performance (kinerja.skp): who must act next on an SKP or an objection.
    SKP = "skp", _("SKP pegawai")
    KEBERATAN = "keberatan", _("Keberatan atas evaluasi")


class Notifikasi(models.Model):
    """An in-app notification (also sent by e-mail): about a step of a cycle (`tugas`), or —
    with no step — about another page (`tautan`, e.g. an SKP waiting for its assessor)."""

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="notifikasi",
    )
    tugas = models.ForeignKey(
        Tugas,
        verbose_name=_("langkah"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifikasi",
    )
    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisNotifikasi.choices)
    pesan = models.CharField(_("pesan"), max_length=300)
    tautan = models.CharField(
        _("tautan"),
        max_length=300,
        blank=True,
        help_text=_("Alamat halaman yang dituju (relatif) bila notifikasi bukan tentang langkah."),
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    dibaca_pada = models.DateTimeField(_("dibaca pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-dibuat_pada"]
        indexes = [models.Index(fields=["pengguna", "dibaca_pada"])]
        constraints = [
            # A reminder of one kind is sent once per user and task.
            models.UniqueConstraint(
                fields=["pengguna", "tugas", "jenis"],
                condition=Q(jenis__in=["menjelang_tenggat", "terlambat"]),
                name="pengingat_sekali",
            )
        ]

    def __str__(self) -> str:
        return self.pesan

    @property
    def alamat(self) -> str:
        """Where the notification leads: the page it names, else the step's cycle."""
        if self.tautan:
            return self.tautan
        if self.tugas_id is not None:
            return reverse("alur:siklus", args=[self.tugas.siklus_id])
        return reverse("alur:notifikasi")


class UnggahESR(models.Model):
    """The record that the period's documents were uploaded to esr.menpan.go.id.

    The site has no API: the upload is done by hand and recorded here (when, by whom, the
    reference the site showed, and the bundle that was uploaded).
    """

    tugas = models.ForeignKey(
        Tugas, verbose_name=_("langkah"), on_delete=models.CASCADE, related_name="unggah_esr"
    )
    tanggal = models.DateField(_("tanggal unggah"))
    referensi = models.CharField(
        _("referensi/bukti unggah"),
        max_length=200,
        help_text=_("mis. nomor atau tautan yang ditampilkan esr.menpan.go.id"),
    )
    dokumen = models.ForeignKey(
        "dokumen.Dokumen",
        verbose_name=_("bundel yang diunggah"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    catatan = models.TextField(_("catatan"), blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dicatat_pada = models.DateTimeField(_("dicatat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("unggahan esr.menpan.go.id")
        verbose_name_plural = _("unggahan esr.menpan.go.id")
        ordering = ["-tanggal"]

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.referensi}"

    def instansi_cakupan(self) -> Instansi | None:
        """The agency running the cycle."""
        return self.tugas.siklus.instansi
