"""Planning: kerangka kinerja (levels and the Elemen tree), Indikator with its manual IKU,
annual targets with murni/perubahan versions, Perjanjian Kinerja, Rencana Aksi and budget lines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Instansi, Jabatan, Pegawai, StatusPemangku

ANGKA = {"max_digits": 20, "decimal_places": 4}
RUPIAH = {"max_digits": 18, "decimal_places": 2}


class JenisKerangka(models.TextChoices):
    """The two framework shapes of the seeds."""

    STANDAR = "standar", _("Tujuan → Sasaran → Program → Kegiatan → Sub Kegiatan")
    UKPBJ = "ukpbj", _("Tujuan PBJ → Area Strategis → Paket Pengadaan")


class KerangkaKinerja(models.Model):
    """The performance framework of an agency (or a Pemda) for a Renstra period."""

    instansi = models.ForeignKey(
        Instansi, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="kerangka"
    )
    nama = models.CharField(_("nama"), max_length=200)
    jenis = models.CharField(
        _("jenis"), max_length=10, choices=JenisKerangka.choices, default=JenisKerangka.STANDAR
    )
    tahun_mulai = models.PositiveSmallIntegerField(_("tahun mulai Renstra"))
    tahun_selesai = models.PositiveSmallIntegerField(_("tahun akhir Renstra"))
    versi = models.PositiveIntegerField(_("versi baris"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kerangka kinerja")
        verbose_name_plural = _("kerangka kinerja")
        ordering = ["instansi__jalur", "-tahun_mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tahun_selesai__gte=models.F("tahun_mulai")),
                name="kerangka_tahun_urut",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nama} {self.tahun_mulai}–{self.tahun_selesai}"

    def instansi_cakupan(self) -> Instansi | None:
        """The unit whose roles may see or change this row."""
        return self.instansi


class LevelKerangka(models.Model):
    """A named level of a framework (Tujuan, Sasaran, Program, …, or Area Strategis, Paket)."""

    kerangka = models.ForeignKey(
        KerangkaKinerja, verbose_name=_("kerangka"), on_delete=models.CASCADE, related_name="level"
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    kode = models.SlugField(_("kode"), max_length=40)
    nama = models.CharField(_("nama level"), max_length=80)
    punya_anggaran = models.BooleanField(_("memiliki anggaran"), default=False)

    class Meta:
        verbose_name = _("level kerangka")
        verbose_name_plural = _("level kerangka")
        ordering = ["kerangka", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["kerangka", "urutan"], name="level_urutan_unik"),
            models.UniqueConstraint(fields=["kerangka", "kode"], name="level_kode_unik"),
        ]

    def __str__(self) -> str:
        return self.nama


class Elemen(models.Model):
    """A node of the pohon kinerja: a tujuan, sasaran, program, …, area strategis or paket.

    Procurement packages (UKPBJ) carry their kode RUP, method and owning agency.
    """

    kerangka = models.ForeignKey(
        KerangkaKinerja, verbose_name=_("kerangka"), on_delete=models.CASCADE, related_name="elemen"
    )
    level = models.ForeignKey(
        LevelKerangka, verbose_name=_("level"), on_delete=models.PROTECT, related_name="elemen"
    )
    induk = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="anak",
    )
    kode = models.CharField(_("kode"), max_length=60, blank=True)
    nama = models.CharField(_("uraian"), max_length=500)
    unit = models.ForeignKey(
        Instansi,
        verbose_name=_("unit pelaksana"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="elemen",
    )
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    kode_rup = models.CharField(_("kode RUP"), max_length=40, blank=True)
    metode_pengadaan = models.CharField(_("metode pengadaan"), max_length=80, blank=True)
    instansi_pemilik = models.ForeignKey(
        Instansi,
        verbose_name=_("OPD pemilik paket"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="paket_pengadaan",
    )
    versi = models.PositiveIntegerField(_("versi baris"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("elemen kinerja")
        verbose_name_plural = _("elemen kinerja")
        ordering = ["kerangka", "level__urutan", "urutan", "kode", "id"]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}".strip()

    def instansi_cakupan(self) -> Instansi | None:
        """The unit whose roles may see or change this row."""
        return self.unit or self.kerangka.instansi


class TautanCrosscutting(models.Model):
    """A crosscutting link: an element of one agency supports an element of another."""

    dari = models.ForeignKey(
        Elemen, verbose_name=_("elemen pendukung"), on_delete=models.CASCADE, related_name="+"
    )
    ke = models.ForeignKey(
        Elemen,
        verbose_name=_("elemen yang didukung"),
        on_delete=models.CASCADE,
        related_name="didukung_crosscutting",
    )
    keterangan = models.CharField(_("keterangan"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("tautan crosscutting")
        verbose_name_plural = _("tautan crosscutting")
        constraints = [
            models.UniqueConstraint(fields=["dari", "ke"], name="crosscutting_unik"),
            models.CheckConstraint(
                condition=~Q(dari=models.F("ke")), name="crosscutting_bukan_diri"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dari} → {self.ke}"


class SkalaOrdinal(models.Model):
    """An ordered scale of levels with scores (opini BPK, predikat AKIP, maturity levels)."""

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=120)

    class Meta:
        verbose_name = _("skala ordinal")
        verbose_name_plural = _("skala ordinal")

    def __str__(self) -> str:
        return self.nama


class LevelOrdinal(models.Model):
    """One level of an ordinal scale: its code (WTP), label and score."""

    skala = models.ForeignKey(
        SkalaOrdinal, verbose_name=_("skala"), on_delete=models.CASCADE, related_name="level"
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    kode = models.CharField(_("kode"), max_length=20)
    label = models.CharField(_("label"), max_length=120)
    skor = models.DecimalField(_("skor"), max_digits=8, decimal_places=2)

    class Meta:
        verbose_name = _("level skala")
        verbose_name_plural = _("level skala")
        ordering = ["skala", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["skala", "kode"], name="level_ordinal_kode_unik")
        ]

    def __str__(self) -> str:
        return f"{self.kode} ({self.skor})"


class Polaritas(models.TextChoices):
    """Direction of an indicator."""

    POSITIF = "positif", _("Positif (makin tinggi makin baik)")
    NEGATIF = "negatif", _("Negatif (makin rendah makin baik)")
    RENTANG = "rentang", _("Rentang (stabil di dalam rentang)")


class JenisNilai(models.TextChoices):
    """The value type of an indicator."""

    ANGKA = "angka", _("Angka")
    PERSEN = "persen", _("Persen")
    BINER = "biner", _("Ya/Tidak")
    ORDINAL = "ordinal", _("Skala ordinal")


class Agregasi(models.TextChoices):
    """How period values add up to the year (and quarterly targets to the annual target)."""

    KUMULATIF = "kumulatif", _("Kumulatif (dijumlahkan)")
    NILAI_AKHIR = "nilai_akhir", _("Nilai akhir (nilai terakhir)")
    RATA_RATA = "rata_rata", _("Rata-rata")


class MetodeNegatif(models.TextChoices):
    """Formula for lower-is-better indicators (METHODOLOGY.md)."""

    SELISIH = "selisih", _("(2T − R) / T × 100 (bawaan)")
    RASIO = "rasio", _("T / R × 100 (alternatif)")


class Frekuensi(models.TextChoices):
    """How often an indicator is reported."""

    BULANAN = "bulanan", _("Bulanan")
    TRIWULANAN = "triwulanan", _("Triwulanan")
    SEMESTERAN = "semesteran", _("Semesteran")
    TAHUNAN = "tahunan", _("Tahunan")


class JenisIndikator(models.TextChoices):
    """Which kind of indicator this is in the SAKIP documents."""

    IKU = "iku", _("IKU")
    IKK = "ikk", _("IKK")
    IKD = "ikd", _("Indikator kinerja daerah")
    PROGRAM = "program", _("Indikator program")
    KEGIATAN = "kegiatan", _("Indikator kegiatan")
    SUB_KEGIATAN = "sub_kegiatan", _("Indikator sub kegiatan")
    PBJ = "pbj", _("Indikator kinerja PBJ")


class SifatIndikator(models.TextChoices):
    """Result chain level of the indicator."""

    INPUT = "input", _("Input")
    OUTPUT = "output", _("Output (keluaran)")
    OUTCOME = "outcome", _("Outcome (hasil)")
    IMPACT = "impact", _("Dampak")


class Indikator(models.Model):
    """A performance indicator on an element, with every manual-IKU attribute.

    The calculation attributes (polaritas, jenis_nilai, agregasi, metode_negatif, skala, range)
    are what `kinerja.rumus` needs; the rest is the manual IKU reviewers read.
    """

    elemen = models.ForeignKey(
        Elemen, verbose_name=_("elemen"), on_delete=models.CASCADE, related_name="indikator"
    )
    kode = models.CharField(_("kode"), max_length=40, blank=True)
    nama = models.CharField(_("nama indikator"), max_length=500)
    jenis = models.CharField(
        _("jenis indikator"),
        max_length=20,
        choices=JenisIndikator.choices,
        default=JenisIndikator.IKU,
    )
    sifat = models.CharField(
        _("sifat"), max_length=10, choices=SifatIndikator.choices, default=SifatIndikator.OUTCOME
    )
    definisi_operasional = models.TextField(_("definisi operasional"), blank=True)
    alasan_pemilihan = models.TextField(_("alasan pemilihan indikator"), blank=True)
    formula = models.TextField(_("formula / cara perhitungan"), blank=True)
    satuan = models.CharField(_("satuan"), max_length=60)
    polaritas = models.CharField(
        _("polaritas"), max_length=10, choices=Polaritas.choices, default=Polaritas.POSITIF
    )
    jenis_nilai = models.CharField(
        _("jenis nilai"), max_length=10, choices=JenisNilai.choices, default=JenisNilai.ANGKA
    )
    agregasi = models.CharField(
        _("jenis agregasi"), max_length=12, choices=Agregasi.choices, default=Agregasi.NILAI_AKHIR
    )
    metode_negatif = models.CharField(
        _("rumus polaritas negatif"),
        max_length=10,
        choices=MetodeNegatif.choices,
        default=MetodeNegatif.SELISIH,
    )
    skala = models.ForeignKey(
        SkalaOrdinal,
        verbose_name=_("skala ordinal"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indikator",
    )
    boleh_negatif = models.BooleanField(
        _("nilai negatif diperbolehkan"),
        default=False,
        help_text=_("mis. laju pertumbuhan"),
    )
    frekuensi = models.CharField(
        _("periode pelaporan"),
        max_length=12,
        choices=Frekuensi.choices,
        default=Frekuensi.TRIWULANAN,
    )
    sumber_data = models.CharField(_("sumber data"), max_length=255, blank=True)
    unit_penanggung_jawab = models.ForeignKey(
        Instansi,
        verbose_name=_("unit penanggung jawab"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indikator_tanggung_jawab",
    )
    baseline = models.DecimalField(_("baseline"), null=True, blank=True, **ANGKA)
    baseline_teks = models.CharField(_("baseline (level/teks)"), max_length=40, blank=True)
    tahun_baseline = models.PositiveSmallIntegerField(_("tahun baseline"), null=True, blank=True)
    target_akhir_renstra = models.DecimalField(
        _("target akhir Renstra"), null=True, blank=True, **ANGKA
    )
    standar_nasional = models.DecimalField(
        _("standar nasional/provinsi"), null=True, blank=True, **ANGKA
    )
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    versi = models.PositiveIntegerField(_("versi baris"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        ordering = ["elemen__kerangka", "urutan", "kode", "id"]

    def __str__(self) -> str:
        return self.nama

    def instansi_cakupan(self) -> Instansi | None:
        """The unit whose roles may see or change this row."""
        return self.unit_penanggung_jawab or self.elemen.instansi_cakupan()


class JenisTarget(models.TextChoices):
    """Murni: the original plan; perubahan: a formal change during the year."""

    MURNI = "murni", _("Murni")
    PERUBAHAN = "perubahan", _("Perubahan")


class TargetTahunan(models.Model):
    """One version of an indicator's target for a year.

    Versions are never edited in place: a change adds a `perubahan` version with its effective
    date and reason. Measurement uses the latest version in force at the end of the period.
    Ordinal / binary targets use `nilai_teks` (the level code, or "ya"); ranges use min/max.
    """

    indikator = models.ForeignKey(
        Indikator, verbose_name=_("indikator"), on_delete=models.CASCADE, related_name="target"
    )
    tahun = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    nomor_versi = models.PositiveSmallIntegerField(_("versi"), default=1)
    jenis = models.CharField(
        _("jenis"), max_length=10, choices=JenisTarget.choices, default=JenisTarget.MURNI
    )
    nilai = models.DecimalField(_("target"), null=True, blank=True, **ANGKA)
    nilai_min = models.DecimalField(_("batas bawah"), null=True, blank=True, **ANGKA)
    nilai_max = models.DecimalField(_("batas atas"), null=True, blank=True, **ANGKA)
    nilai_teks = models.CharField(_("target (level/ya-tidak)"), max_length=40, blank=True)
    berlaku_mulai = models.DateField(_("berlaku mulai"))
    alasan = models.TextField(_("alasan perubahan"), blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target tahunan")
        verbose_name_plural = _("target tahunan")
        ordering = ["indikator", "tahun", "nomor_versi"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "nomor_versi"], name="target_versi_unik"
            ),
            models.CheckConstraint(
                condition=Q(tahun__gte=2000, tahun__lte=2100), name="target_tahun_wajar"
            ),
            models.CheckConstraint(
                condition=Q(nilai_min__isnull=True)
                | Q(nilai_max__isnull=True)
                | Q(nilai_max__gte=models.F("nilai_min")),
                name="target_rentang_urut",
            ),
            models.CheckConstraint(
                condition=Q(jenis="murni", nomor_versi=1) | Q(jenis="perubahan", nomor_versi__gt=1),
                name="target_versi_sesuai_jenis",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indikator} {self.tahun} v{self.nomor_versi}"


class StatusPK(models.TextChoices):
    """Life of a Perjanjian Kinerja: drafted, submitted, reviewed, signed (then frozen)."""

    DRAF = "draf", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
    DITANDATANGANI = "ditandatangani", _("Ditandatangani")


class PerjanjianKinerja(models.Model):
    """The annual performance agreement of a position holder (pihak pertama) with the superior.

    One per Jabatan per year per version; a signed version is frozen and a change makes a new one.
    """

    jabatan = models.ForeignKey(
        Jabatan, verbose_name=_("jabatan"), on_delete=models.PROTECT, related_name="perjanjian"
    )
    tahun = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    nomor_versi = models.PositiveSmallIntegerField(_("versi"), default=1)
    pihak_pertama = models.ForeignKey(
        Pegawai, verbose_name=_("pihak pertama"), on_delete=models.PROTECT, related_name="+"
    )
    status_pihak_pertama = models.CharField(
        _("status pihak pertama"),
        max_length=10,
        choices=StatusPemangku.choices,
        default=StatusPemangku.DEFINITIF,
    )
    jabatan_pihak_kedua = models.ForeignKey(
        Jabatan,
        verbose_name=_("jabatan pihak kedua"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    jabatan_pihak_kedua_teks = models.CharField(
        _("jabatan pihak kedua (di luar instansi)"), max_length=200, blank=True
    )
    pihak_kedua = models.ForeignKey(
        Pegawai,
        verbose_name=_("pihak kedua"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status_pihak_kedua = models.CharField(
        _("status pihak kedua"),
        max_length=10,
        choices=StatusPemangku.choices,
        default=StatusPemangku.DEFINITIF,
    )
    status = models.CharField(
        _("status"), max_length=16, choices=StatusPK.choices, default=StatusPK.DRAF
    )
    tanggal = models.DateField(_("tanggal"), default=dt.date.today)
    ditandatangani_pada = models.DateTimeField(_("ditandatangani pada"), null=True, blank=True)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diajukan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diajukan_pada = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    catatan_pengembalian = models.TextField(_("alasan pengembalian"), blank=True)
    alasan_versi = models.TextField(_("alasan versi ini"), blank=True)
    versi = models.PositiveIntegerField(_("versi baris"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("perjanjian kinerja")
        verbose_name_plural = _("perjanjian kinerja")
        ordering = ["-tahun", "jabatan__instansi__jalur", "nomor_versi"]
        constraints = [
            models.UniqueConstraint(
                fields=["jabatan", "tahun", "nomor_versi"], name="pk_versi_unik"
            ),
            models.CheckConstraint(
                condition=Q(tahun__gte=2000, tahun__lte=2100), name="pk_tahun_wajar"
            ),
        ]

    def __str__(self) -> str:
        return f"PK {self.tahun} {self.jabatan} (v{self.nomor_versi})"

    def instansi_cakupan(self) -> Instansi | None:
        """The unit whose roles may see or change this row."""
        return self.jabatan.instansi


class ItemPK(models.Model):
    """A row of a PK: an indicator and its annual target, maybe supporting a superior's item."""

    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        verbose_name=_("perjanjian"),
        on_delete=models.CASCADE,
        related_name="item",
    )
    indikator = models.ForeignKey(
        Indikator, verbose_name=_("indikator"), on_delete=models.PROTECT, related_name="item_pk"
    )
    target = models.DecimalField(_("target"), null=True, blank=True, **ANGKA)
    target_teks = models.CharField(_("target (teks)"), max_length=60, blank=True)
    item_induk = models.ForeignKey(
        "self",
        verbose_name=_("mendukung item PK atasan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="item_pendukung",
    )
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    versi = models.PositiveIntegerField(_("versi baris"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("item perjanjian kinerja")
        verbose_name_plural = _("item perjanjian kinerja")
        ordering = ["perjanjian", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["perjanjian", "indikator"], name="item_pk_unik")
        ]

    def __str__(self) -> str:
        return f"{self.indikator} ({self.target if self.target is not None else self.target_teks})"

    def instansi_cakupan(self) -> Instansi | None:
        """The unit whose roles may see or change this row."""
        return self.perjanjian.jabatan.instansi


class JenisPeriode(models.TextChoices):
    """Period kinds for Rencana Aksi targets and measurement periods."""

    BULAN = "bulan", _("Bulan")
    TRIWULAN = "triwulan", _("Triwulan")
    SEMESTER = "semester", _("Semester")
    TAHUN = "tahun", _("Tahun")


# A period number must fit its kind: month 1–12, quarter 1–4, semester 1–2, year 1.
NOMOR_PERIODE_SAH = (
    Q(jenis_periode="bulan", nomor__gte=1, nomor__lte=12)
    | Q(jenis_periode="triwulan", nomor__gte=1, nomor__lte=4)
    | Q(jenis_periode="semester", nomor__gte=1, nomor__lte=2)
    | Q(jenis_periode="tahun", nomor=1)
)


class RencanaAksi(models.Model):
    """Rencana Aksi of one PK item for one period: the period target and the planned actions."""

    item_pk = models.ForeignKey(
        ItemPK, verbose_name=_("item PK"), on_delete=models.CASCADE, related_name="rencana_aksi"
    )
    jenis_periode = models.CharField(
        _("jenis periode"),
        max_length=10,
        choices=JenisPeriode.choices,
        default=JenisPeriode.TRIWULAN,
    )
    nomor = models.PositiveSmallIntegerField(_("nomor periode"))
    target = models.DecimalField(_("target periode"), null=True, blank=True, **ANGKA)
    target_teks = models.CharField(_("target (teks)"), max_length=60, blank=True)
    rencana_aksi = models.TextField(_("rencana aksi"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rencana aksi")
        verbose_name_plural = _("rencana aksi")
        ordering = ["item_pk", "jenis_periode", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["item_pk", "jenis_periode", "nomor"], name="rencana_aksi_unik"
            ),
            models.CheckConstraint(condition=NOMOR_PERIODE_SAH, name="rencana_aksi_periode_sah"),
        ]

    def __str__(self) -> str:
        return f"{self.item_pk.indikator} {self.get_jenis_periode_display()} {self.nomor}"


class Anggaran(models.Model):
    """A budget line (DPA): the pagu of a program / kegiatan / sub kegiatan / paket for a year."""

    elemen = models.ForeignKey(
        Elemen, verbose_name=_("elemen"), on_delete=models.PROTECT, related_name="anggaran"
    )
    tahun = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    pagu = models.DecimalField(_("pagu"), validators=[MinValueValidator(Decimal(0))], **RUPIAH)
    sumber = models.CharField(_("sumber dokumen"), max_length=60, default="DPA")
    keterangan = models.CharField(_("keterangan"), max_length=255, blank=True)
    versi = models.PositiveIntegerField(_("versi baris"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("anggaran")
        verbose_name_plural = _("anggaran")
        ordering = ["tahun", "elemen"]
        constraints = [
            models.UniqueConstraint(fields=["elemen", "tahun"], name="anggaran_unik_per_tahun"),
            models.CheckConstraint(condition=Q(pagu__gte=0), name="anggaran_pagu_tidak_negatif"),
        ]

    def __str__(self) -> str:
        return f"{self.elemen} {self.tahun}"

    def instansi_cakupan(self) -> Instansi | None:
        """The unit whose roles may see or change this row."""
        return self.elemen.instansi_cakupan()


class RencanaPenarikan(models.Model):
    """Quarterly withdrawal plan of a budget line (anggaran kas)."""

    anggaran = models.ForeignKey(
        Anggaran, verbose_name=_("anggaran"), on_delete=models.CASCADE, related_name="penarikan"
    )
    triwulan = models.PositiveSmallIntegerField(
        _("triwulan"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    nilai = models.DecimalField(_("rencana penarikan"), **RUPIAH)

    class Meta:
        verbose_name = _("rencana penarikan")
        verbose_name_plural = _("rencana penarikan")
        ordering = ["anggaran", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["anggaran", "triwulan"], name="penarikan_unik"),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4), name="penarikan_triwulan_sah"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.anggaran} TW {self.triwulan}"


class AnggaranPK(models.Model):
    """A program budget line in the PK attachment (Program | Anggaran | Keterangan)."""

    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        verbose_name=_("perjanjian"),
        on_delete=models.CASCADE,
        related_name="anggaran",
    )
    elemen = models.ForeignKey(
        Elemen, verbose_name=_("program/kegiatan"), on_delete=models.PROTECT, related_name="+"
    )
    pagu = models.DecimalField(_("anggaran"), **RUPIAH)
    keterangan = models.CharField(_("keterangan"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("anggaran PK")
        verbose_name_plural = _("anggaran PK")
        constraints = [
            models.UniqueConstraint(fields=["perjanjian", "elemen"], name="anggaran_pk_unik")
        ]

    def __str__(self) -> str:
        return f"{self.elemen}: {self.pagu}"
