"""Employee performance (SKP, PermenPAN-RB 6/2022): the plan of each PNS and PPPK per assessment
period, its results cascaded from the Kepala's Perjanjian Kinerja, indicators per aspect with
targets, periodic realisation with evidence, and the superior's periodic evaluation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.dokumen.models import kode_verifikasi_baru
from kinerja.organisasi.models import Instansi, Jabatan, JenisASN, Pegawai, StatusPemangku
from kinerja.pengukuran.models import Periode
from kinerja.perencanaan.models import ANGKA, ItemPK
from kinerja.skp import matriks
from kinerja.skp.berakhlak import NilaiBerAKHLAK


class RatingEkspektasi(models.TextChoices):
    """A rating against the superior's expectation (hasil kerja or perilaku kerja)."""

    DI_ATAS = matriks.Rating.DI_ATAS.value, _("Di atas ekspektasi")
    SESUAI = matriks.Rating.SESUAI.value, _("Sesuai ekspektasi")
    DI_BAWAH = matriks.Rating.DI_BAWAH.value, _("Di bawah ekspektasi")


class PredikatKinerja(models.TextChoices):
    """The employee's predikat from the 3 × 3 matrix (`kinerja.skp.matriks`)."""

    SANGAT_BAIK = matriks.Predikat.SANGAT_BAIK.value, _("Sangat Baik")
    BAIK = matriks.Predikat.BAIK.value, _("Baik")
    BUTUH_PERBAIKAN = matriks.Predikat.BUTUH_PERBAIKAN.value, _("Butuh Perbaikan")
    KURANG = matriks.Predikat.KURANG.value, _("Kurang/Misconduct")
    SANGAT_KURANG = matriks.Predikat.SANGAT_KURANG.value, _("Sangat Kurang")


class StatusSKP(models.TextChoices):
    """Life of an SKP plan; allowed transitions are `kinerja.skp.services.TRANSISI_SKP`."""

    DRAF = "draf", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan ke pejabat penilai")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
    DITETAPKAN = "ditetapkan", _("Ditetapkan")


class SKP(models.Model):
    """Sasaran Kinerja Pegawai: one employee's plan for one assessment period of a year.

    The period is usually 1 January – 31 December; an employee who moves unit mid-year has two
    SKP that year (the first closed the day before the move), both kept and visible. The unit,
    position and pejabat penilai are those *at the time* (copied, so a later reorganisation does
    not rewrite an old SKP); the penilai is the holder of the superior position, Plt./Plh. too.
    """

    pegawai = models.ForeignKey(
        Pegawai, verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="skp"
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    mulai = models.DateField(_("awal periode penilaian"))
    selesai = models.DateField(_("akhir periode penilaian"))
    jenis_asn = models.CharField(_("jenis ASN"), max_length=10, choices=JenisASN.choices)
    unit = models.ForeignKey(
        Instansi, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="skp"
    )
    jabatan = models.ForeignKey(
        Jabatan,
        verbose_name=_("jabatan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="skp",
    )
    nama_jabatan = models.CharField(_("nama jabatan"), max_length=200)
    status_jabatan = models.CharField(
        _("status jabatan"),
        max_length=10,
        choices=StatusPemangku.choices,
        default=StatusPemangku.DEFINITIF,
    )
    jabatan_penilai = models.ForeignKey(
        Jabatan,
        verbose_name=_("jabatan pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="skp_dinilai",
    )
    penilai = models.ForeignKey(
        Pegawai,
        verbose_name=_("pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="skp_dinilai",
    )
    status_penilai = models.CharField(
        _("status pejabat penilai"),
        max_length=10,
        choices=StatusPemangku.choices,
        default=StatusPemangku.DEFINITIF,
    )
    status = models.CharField(
        _("status"), max_length=16, choices=StatusSKP.choices, default=StatusSKP.DRAF
    )
    catatan_pengembalian = models.TextField(_("alasan pengembalian"), blank=True)
    ditetapkan_pada = models.DateTimeField(_("ditetapkan pada"), null=True, blank=True)
    versi = models.PositiveIntegerField(_("versi baris"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("SKP")
        verbose_name_plural = _("SKP")
        ordering = ["-tahun", "unit__jalur", "pegawai__nama", "mulai"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "mulai"], name="skp_unik_per_mulai"),
            models.CheckConstraint(
                condition=Q(selesai__gte=models.F("mulai")), name="skp_selesai_setelah_mulai"
            ),
            models.CheckConstraint(
                condition=Q(tahun__gte=2000, tahun__lte=2100), name="skp_tahun_wajar"
            ),
        ]

    def __str__(self) -> str:
        return f"SKP {self.tahun} {self.pegawai} ({self.mulai:%d/%m}–{self.selesai:%d/%m})"

    def instansi_cakupan(self) -> Instansi | None:
        """The unit whose Kepala and personnel section see this SKP."""
        return self.unit


class JenisRHK(models.TextChoices):
    """Main results (cascaded) or additional results."""

    UTAMA = "utama", _("Utama")
    TAMBAHAN = "tambahan", _("Tambahan")


class RencanaHasilKerja(models.Model):
    """A result the employee plans (rencana hasil kerja), linked to what it supports.

    A main result supports the pejabat penilai's result (`rhk_atasan`) or a PK item
    (`item_pk`: the Kepala's, or the employee's own PK when they sign one), so the results
    cascade down from the Kepala's Perjanjian Kinerja. The links are cleared (not protected)
    when the target row goes: `services.rhk_hapus` refuses to delete a supported result, and
    bulk removals (a demo refresh, a whole SKP) must not be blocked by their own rows.
    """

    skp = models.ForeignKey(
        SKP, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="rhk"
    )
    jenis = models.CharField(
        _("jenis"), max_length=10, choices=JenisRHK.choices, default=JenisRHK.UTAMA
    )
    uraian = models.TextField(_("rencana hasil kerja"))
    rhk_atasan = models.ForeignKey(
        "self",
        verbose_name=_("hasil kerja atasan yang didukung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rhk_pendukung",
    )
    item_pk = models.ForeignKey(
        ItemPK,
        verbose_name=_("item Perjanjian Kinerja yang didukung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rhk_skp",
    )
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    versi = models.PositiveIntegerField(_("versi baris"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rencana hasil kerja")
        verbose_name_plural = _("rencana hasil kerja")
        ordering = ["skp", "jenis", "urutan", "id"]

    def __str__(self) -> str:
        return self.uraian[:120]

    def instansi_cakupan(self) -> Instansi | None:
        """The unit of the SKP."""
        return self.skp.unit


class AspekIndikator(models.TextChoices):
    """The aspects an employee indicator measures (PermenPAN-RB 6/2022)."""

    KUANTITAS = "kuantitas", _("Kuantitas")
    KUALITAS = "kualitas", _("Kualitas")
    WAKTU = "waktu", _("Waktu")
    BIAYA = "biaya", _("Biaya")


class IndikatorSKP(models.Model):
    """An indicator of a planned result, for one aspect, with its annual target."""

    rhk = models.ForeignKey(
        RencanaHasilKerja,
        verbose_name=_("rencana hasil kerja"),
        on_delete=models.CASCADE,
        related_name="indikator",
    )
    aspek = models.CharField(_("aspek"), max_length=10, choices=AspekIndikator.choices)
    nama = models.CharField(_("indikator"), max_length=500)
    target = models.DecimalField(_("target"), **ANGKA)
    satuan = models.CharField(_("satuan"), max_length=60)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    versi = models.PositiveIntegerField(_("versi baris"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indikator SKP")
        verbose_name_plural = _("indikator SKP")
        ordering = ["rhk", "urutan", "id"]

    def __str__(self) -> str:
        return self.nama

    def instansi_cakupan(self) -> Instansi | None:
        """The unit of the SKP."""
        return self.rhk.skp.unit


class RealisasiSKP(models.Model):
    """What the employee achieved on one indicator up to the end of a period, with evidence."""

    indikator = models.ForeignKey(
        IndikatorSKP,
        verbose_name=_("indikator"),
        on_delete=models.CASCADE,
        related_name="realisasi",
    )
    periode = models.ForeignKey(
        Periode, verbose_name=_("periode"), on_delete=models.PROTECT, related_name="realisasi_skp"
    )
    nilai = models.DecimalField(_("realisasi"), null=True, blank=True, **ANGKA)
    keterangan = models.TextField(_("keterangan"), blank=True)
    diisi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diisi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diisi_pada = models.DateTimeField(_("diisi pada"), auto_now=True)
    versi = models.PositiveIntegerField(_("versi baris"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("realisasi SKP")
        verbose_name_plural = _("realisasi SKP")
        ordering = ["indikator", "periode"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "periode"], name="realisasi_skp_unik_per_periode"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indikator} · {self.periode}"

    def instansi_cakupan(self) -> Instansi | None:
        """The unit of the SKP."""
        return self.indikator.rhk.skp.unit


class BuktiSKP(models.Model):
    """Evidence of a realisation: an uploaded file (checked by content like the measurement
    evidence, stored under its SHA-256, served only through a permission-checked view) or a link."""

    realisasi = models.ForeignKey(
        RealisasiSKP, verbose_name=_("realisasi"), on_delete=models.CASCADE, related_name="bukti"
    )
    berkas = models.FileField(_("berkas"), upload_to="skp-bukti/", blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    ukuran = models.PositiveBigIntegerField(_("ukuran (bita)"), default=0)
    jenis_konten = models.CharField(_("jenis konten"), max_length=100, blank=True)
    tautan = models.URLField(_("tautan"), max_length=500, blank=True)
    nama = models.CharField(_("nama"), max_length=200)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diunggah_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("bukti dukung SKP")
        verbose_name_plural = _("bukti dukung SKP")
        ordering = ["realisasi", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(berkas="") | ~Q(tautan=""), name="bukti_skp_berkas_atau_tautan"
            )
        ]

    def __str__(self) -> str:
        return self.nama


class SumberRating(models.TextChoices):
    """Where the rating of hasil kerja came from."""

    PENILAI = "penilai", _("Ditetapkan pejabat penilai")
    CAPAIAN_UNIT = "capaian_unit", _("Capaian kinerja unit yang dipimpin")


class Evaluasi(models.Model):
    """What a periodic and an annual evaluation share: the two ratings, the predikat from the
    3 × 3 matrix, where the hasil kerja rating came from (the penilai or the unit's capaian),
    who evaluated (Plt./Plh. status kept), whether it is final, and the row version.

    Objections (`Keberatan`) and frozen documents work on either through these fields.
    """

    rating_hasil_kerja = models.CharField(
        _("rating hasil kerja"), max_length=10, choices=RatingEkspektasi.choices
    )
    rating_perilaku = models.CharField(
        _("rating perilaku kerja"), max_length=10, choices=RatingEkspektasi.choices
    )
    predikat = models.CharField(
        _("predikat kinerja"), max_length=20, choices=PredikatKinerja.choices
    )
    sumber_rating_hasil = models.CharField(
        _("sumber rating hasil kerja"),
        max_length=16,
        choices=SumberRating.choices,
        default=SumberRating.PENILAI,
    )
    capaian_unit = models.DecimalField(
        _("capaian unit (%)"), null=True, blank=True, max_digits=20, decimal_places=4
    )
    final = models.BooleanField(_("final"), default=False)
    dinilai_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dinilai oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    penilai = models.ForeignKey(
        Pegawai,
        verbose_name=_("pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status_penilai = models.CharField(
        _("status pejabat penilai"),
        max_length=10,
        choices=StatusPemangku.choices,
        default=StatusPemangku.DEFINITIF,
    )
    dinilai_pada = models.DateTimeField(_("dinilai pada"), auto_now=True)
    versi = models.PositiveIntegerField(_("versi baris"), default=1)

    class Meta:
        abstract = True


class PenilaianSKP(Evaluasi):
    """The superior's periodic evaluation of an SKP for a period (quarter, semester or year).

    Ratings of hasil kerja and perilaku kerja give the predikat through the 3 × 3 matrix. For a
    unit head the hasil kerja rating follows the unit's capaian (stored in `capaian_unit`, with
    `sumber_rating_hasil` = capaian_unit). A final evaluation is no longer editable.
    """

    skp = models.ForeignKey(
        SKP, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="penilaian"
    )
    periode = models.ForeignKey(
        Periode, verbose_name=_("periode"), on_delete=models.PROTECT, related_name="penilaian_skp"
    )
    umpan_balik_hasil = models.TextField(_("umpan balik hasil kerja"), blank=True)
    umpan_balik_perilaku = models.TextField(_("umpan balik perilaku kerja"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluasi kinerja periodik")
        verbose_name_plural = _("evaluasi kinerja periodik")
        ordering = ["skp", "periode__tahun", "periode__jenis_periode", "periode__nomor"]
        constraints = [
            models.UniqueConstraint(fields=["skp", "periode"], name="penilaian_skp_unik")
        ]

    def __str__(self) -> str:
        return f"{self.skp.pegawai} · {self.periode}: {self.get_predikat_display()}"

    def instansi_cakupan(self) -> Instansi | None:
        """The unit of the SKP."""
        return self.skp.unit


# -- perilaku kerja per BerAKHLAK value -----------------------------------------------------------


class EkspektasiPerilaku(models.Model):
    """The pejabat penilai's specific expectation (ekspektasi khusus pimpinan) for one core value
    on one SKP; set with the plan, printed on the SKP and shown beside each evaluation."""

    skp = models.ForeignKey(
        SKP, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="ekspektasi_perilaku"
    )
    nilai = models.CharField(_("nilai dasar"), max_length=12, choices=NilaiBerAKHLAK.choices)
    ekspektasi = models.TextField(_("ekspektasi khusus pimpinan"), blank=True)
    versi = models.PositiveIntegerField(_("versi baris"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ekspektasi perilaku kerja")
        verbose_name_plural = _("ekspektasi perilaku kerja")
        ordering = ["skp", "id"]
        constraints = [
            models.UniqueConstraint(fields=["skp", "nilai"], name="ekspektasi_perilaku_unik")
        ]

    def __str__(self) -> str:
        return f"{self.skp} · {self.get_nilai_display()}"

    def instansi_cakupan(self) -> Instansi | None:
        """The unit of the SKP."""
        return self.skp.unit


class PenilaianPerilaku(models.Model):
    """The pejabat penilai's rating and feedback on one core value in a periodic evaluation.

    The overall rating of perilaku kerja stays the penilai's single judgement
    (`PenilaianSKP.rating_perilaku`); the per-value ratings are its documented basis.
    """

    penilaian = models.ForeignKey(
        "PenilaianSKP",
        verbose_name=_("evaluasi"),
        on_delete=models.CASCADE,
        related_name="perilaku",
    )
    nilai = models.CharField(_("nilai dasar"), max_length=12, choices=NilaiBerAKHLAK.choices)
    rating = models.CharField(
        _("rating"), max_length=10, choices=RatingEkspektasi.choices, blank=True
    )
    umpan_balik = models.TextField(_("umpan balik"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("penilaian perilaku kerja")
        verbose_name_plural = _("penilaian perilaku kerja")
        ordering = ["penilaian", "id"]
        constraints = [
            models.UniqueConstraint(fields=["penilaian", "nilai"], name="penilaian_perilaku_unik")
        ]

    def __str__(self) -> str:
        return f"{self.penilaian} · {self.get_nilai_display()}"

    def instansi_cakupan(self) -> Instansi | None:
        """The unit of the SKP."""
        return self.penilaian.skp.unit


# -- annual evaluation ------------------------------------------------------------------------


class PenilaianTahunan(Evaluasi):
    """The employee's annual evaluation: one predikat for the year, over every SKP of the year.

    An employee who moved unit mid-year has two SKP and their periodic evaluations; the annual
    evaluation combines them (`matriks.rating_gabungan`, weighted by days) and is decided by the
    pejabat penilai of the year's last SKP (`skp`). A unit head's hasil kerja follows the unit's
    annual capaian, as in the periodic evaluation.
    """

    pegawai = models.ForeignKey(
        Pegawai,
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="penilaian_tahunan",
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    skp = models.ForeignKey(
        SKP,
        verbose_name=_("SKP terakhir tahun itu"),
        on_delete=models.PROTECT,
        related_name="penilaian_tahunan",
    )
    catatan = models.TextField(_("catatan pejabat penilai"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluasi kinerja tahunan")
        verbose_name_plural = _("evaluasi kinerja tahunan")
        ordering = ["-tahun", "pegawai__nama"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "tahun"], name="penilaian_tahunan_unik")
        ]

    def __str__(self) -> str:
        return f"{self.pegawai} · {self.tahun}: {self.get_predikat_display()}"

    def instansi_cakupan(self) -> Instansi | None:
        """The unit of the year's last SKP."""
        return self.skp.unit


# -- objections -------------------------------------------------------------------------------


class StatusKeberatan(models.TextChoices):
    """Life of an objection: filed, then upheld unchanged, changed, or withdrawn."""

    DIAJUKAN = "diajukan", _("Diajukan")
    DIKUATKAN = "dikuatkan", _("Ditolak — hasil evaluasi dikuatkan")
    DIUBAH = "diubah", _("Diterima — hasil evaluasi diubah")
    DITARIK = "ditarik", _("Ditarik pegawai")


class Keberatan(models.Model):
    """An employee's objection to a final evaluation (periodic or annual), decided by the
    superior of the pejabat penilai (atasan pejabat penilai), who upholds or changes it.

    Exactly one of `penilaian` / `penilaian_tahunan` is set. The ratings before the decision are
    kept here (`*_semula`) so the record of what was changed survives the change itself.
    """

    penilaian = models.ForeignKey(
        PenilaianSKP,
        verbose_name=_("evaluasi periodik"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="keberatan",
    )
    penilaian_tahunan = models.ForeignKey(
        PenilaianTahunan,
        verbose_name=_("evaluasi tahunan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="keberatan",
    )
    pegawai = models.ForeignKey(
        Pegawai, verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="keberatan"
    )
    alasan = models.TextField(_("alasan keberatan"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatusKeberatan.choices,
        default=StatusKeberatan.DIAJUKAN,
    )
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diajukan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diajukan_pada = models.DateTimeField(_("diajukan pada"), auto_now_add=True)
    batas_putusan = models.DateField(_("batas waktu putusan"))
    jabatan_pemutus = models.ForeignKey(
        Jabatan,
        verbose_name=_("jabatan atasan pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    pemutus = models.ForeignKey(
        Pegawai,
        verbose_name=_("atasan pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    rating_hasil_semula = models.CharField(
        _("rating hasil kerja semula"), max_length=10, choices=RatingEkspektasi.choices
    )
    rating_perilaku_semula = models.CharField(
        _("rating perilaku kerja semula"), max_length=10, choices=RatingEkspektasi.choices
    )
    predikat_semula = models.CharField(
        _("predikat semula"), max_length=20, choices=PredikatKinerja.choices
    )
    pertimbangan = models.TextField(_("pertimbangan putusan"), blank=True)
    rating_hasil_baru = models.CharField(
        _("rating hasil kerja baru"), max_length=10, choices=RatingEkspektasi.choices, blank=True
    )
    rating_perilaku_baru = models.CharField(
        _("rating perilaku kerja baru"),
        max_length=10,
        choices=RatingEkspektasi.choices,
        blank=True,
    )
    predikat_baru = models.CharField(
        _("predikat baru"), max_length=20, choices=PredikatKinerja.choices, blank=True
    )
    diputus_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputus oleh (akun)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diputus_pada = models.DateTimeField(_("diputus pada"), null=True, blank=True)
    versi = models.PositiveIntegerField(_("versi baris"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["-diajukan_pada"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(penilaian__isnull=False) & Q(penilaian_tahunan__isnull=True))
                | (Q(penilaian__isnull=True) & Q(penilaian_tahunan__isnull=False)),
                name="keberatan_satu_evaluasi",
            ),
            # One open objection per evaluation at a time.
            models.UniqueConstraint(
                fields=["penilaian"],
                condition=Q(status="diajukan"),
                name="keberatan_terbuka_unik_periodik",
            ),
            models.UniqueConstraint(
                fields=["penilaian_tahunan"],
                condition=Q(status="diajukan"),
                name="keberatan_terbuka_unik_tahunan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai} · {self.get_status_display()}"

    def evaluasi(self) -> PenilaianSKP | PenilaianTahunan:
        """The evaluation objected to."""
        return self.penilaian or self.penilaian_tahunan  # type: ignore[return-value]

    def instansi_cakupan(self) -> Instansi | None:
        """The unit of the evaluated SKP."""
        return self.evaluasi().skp.unit


# -- frozen documents -------------------------------------------------------------------------


class JenisArsipSKP(models.TextChoices):
    """Which document an archived SKP file is."""

    SKP = "skp", _("Sasaran Kinerja Pegawai")
    EVALUASI = "evaluasi", _("Dokumen Evaluasi Kinerja Pegawai periodik")
    TAHUNAN = "tahunan", _("Dokumen Evaluasi Kinerja Pegawai tahunan")


class ArsipSKP(models.Model):
    """The frozen PDF of an SKP when it is set (ditetapkan), of a periodic evaluation and of an
    annual evaluation when they become final, with its SHA-256 and a verification code.

    Each later change (an objection that changes the evaluation) adds a new version; earlier
    versions are kept. These files stay out of the agency's document register (`kinerja.dokumen`)
    because that register is visible to every role of the agency, while an SKP is private
    (docs/decisions/0005).
    """

    skp = models.ForeignKey(
        SKP, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="arsip"
    )
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisArsipSKP.choices)
    penilaian = models.ForeignKey(
        PenilaianSKP,
        verbose_name=_("evaluasi periodik"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="arsip",
    )
    penilaian_tahunan = models.ForeignKey(
        PenilaianTahunan,
        verbose_name=_("evaluasi tahunan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="arsip",
    )
    versi = models.PositiveIntegerField(_("versi"), default=1)
    berkas = models.FileField(_("berkas"), upload_to="skp-arsip/", max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    ukuran = models.PositiveBigIntegerField(_("ukuran (bita)"), default=0)
    snapshot = models.JSONField(_("cuplikan isi"), default=dict, blank=True)
    kode_verifikasi = models.CharField(
        _("kode verifikasi"), max_length=20, unique=True, default=kode_verifikasi_baru
    )
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
        verbose_name = _("arsip dokumen SKP")
        verbose_name_plural = _("arsip dokumen SKP")
        ordering = ["skp", "jenis", "-versi"]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} · {self.skp} (v{self.versi})"

    def instansi_cakupan(self) -> Instansi | None:
        """The unit of the SKP."""
        return self.skp.unit
