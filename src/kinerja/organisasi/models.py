"""Organisation: the Instansi tree, positions and their holders, employees and role assignments."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.organisasi.nip import format_nip, urai_nip


class JenisInstansi(models.TextChoices):
    """The levels of the Instansi tree."""

    PEMDA = "pemda", _("Pemerintah Daerah")
    PERANGKAT_DAERAH = "pd", _("Perangkat Daerah")
    UNIT = "unit", _("Unit kerja")
    SUBUNIT = "subunit", _("Sub unit")


class Instansi(models.Model):
    """A node of the organisation tree: Pemda → Perangkat Daerah → Unit → sub-unit.

    `jalur` is a materialised path ("/1/5/12/") so a whole subtree is one indexed prefix query,
    which is how every permission check and dashboard scopes its data.
    """

    induk = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="anak",
    )
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisInstansi.choices)
    nama = models.CharField(_("nama"), max_length=200)
    singkatan = models.CharField(_("singkatan"), max_length=40, blank=True)
    kode = models.CharField(_("kode"), max_length=40, blank=True)
    alamat = models.CharField(_("alamat"), max_length=255, blank=True)
    telepon = models.CharField(_("telepon"), max_length=60, blank=True)
    kota = models.CharField(
        _("kota (tempat tanda tangan)"), max_length=80, blank=True, help_text=_("mis. Padang")
    )
    logo = models.ImageField(_("logo"), upload_to="logo/", blank=True)
    pola_nomor_surat = models.CharField(
        _("pola nomor surat"),
        max_length=120,
        blank=True,
        help_text=_("mis. 050/{urut}/BMCKTR/{tahun}"),
    )
    jalur = models.CharField(_("jalur"), max_length=255, editable=False, db_index=True, default="")
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["jalur"]
        constraints = [
            models.UniqueConstraint(fields=["induk", "nama"], name="instansi_nama_unik_per_induk"),
            models.UniqueConstraint(
                fields=["nama"], condition=Q(induk__isnull=True), name="instansi_akar_nama_unik"
            ),
            models.CheckConstraint(
                condition=Q(induk__isnull=True, jenis="pemda") | Q(induk__isnull=False),
                name="instansi_akar_adalah_pemda",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        # The path needs the primary key, so a new row is saved twice; the tree is small and
        # written rarely (by administrators), so this keeps reads to one prefix query.
        super().save(*args, **kwargs)
        jalur = (self.induk.jalur if self.induk_id else "/") + f"{self.pk}/"
        if jalur != self.jalur:
            lama = self.jalur
            self.jalur = jalur
            Instansi.objects.filter(pk=self.pk).update(jalur=jalur)
            if lama:
                # Moving a node moves its subtree.
                for anak in Instansi.objects.filter(jalur__startswith=lama).exclude(pk=self.pk):
                    anak.jalur = jalur + anak.jalur[len(lama) :]
                    Instansi.objects.filter(pk=anak.pk).update(jalur=anak.jalur)

    def clean(self) -> None:
        if self.induk_id and self.pk and f"/{self.pk}/" in (self.induk.jalur or ""):
            raise ValidationError(
                {"induk": _("Instansi tidak boleh menjadi induk dirinya sendiri.")}
            )

    @property
    def id_leluhur(self) -> list[int]:
        """Primary keys from the root down to this node."""
        return [int(x) for x in self.jalur.strip("/").split("/") if x]

    def subtree(self) -> models.QuerySet[Instansi]:
        """This node and everything under it."""
        return Instansi.objects.filter(jalur__startswith=self.jalur)

    def pemda(self) -> Instansi:
        """The Pemda at the root of this node's tree."""
        if self.induk_id is None:
            return self
        return Instansi.objects.get(pk=self.id_leluhur[0])

    def perangkat_daerah(self) -> Instansi | None:
        """The Perangkat Daerah this node belongs to (itself if it is one)."""
        if self.jenis == JenisInstansi.PERANGKAT_DAERAH:
            return self
        ids = self.id_leluhur
        return (
            Instansi.objects.filter(pk__in=ids, jenis=JenisInstansi.PERANGKAT_DAERAH).first()
            if len(ids) > 1
            else None
        )


class JenisASN(models.TextChoices):
    """Employment status."""

    PNS = "pns", "PNS"
    PPPK = "pppk", "PPPK"
    NON_ASN = "non_asn", _("Non-ASN")


def validasi_nip(nilai: str) -> None:
    """Field validator: the NIP must be a valid 18-digit NIP."""
    try:
        urai_nip(nilai)
    except ValueError as exc:
        raise ValidationError(str(exc), code="nip") from exc


class Pegawai(models.Model):
    """An employee (PNS or PPPK), optionally linked to a login account."""

    nip = models.CharField(
        _("NIP"), max_length=18, unique=True, null=True, blank=True, validators=[validasi_nip]
    )
    nama = models.CharField(_("nama"), max_length=150)
    gelar_depan = models.CharField(_("gelar depan"), max_length=40, blank=True)
    gelar_belakang = models.CharField(_("gelar belakang"), max_length=60, blank=True)
    pangkat = models.CharField(_("pangkat"), max_length=60, blank=True)
    golongan = models.CharField(_("golongan/ruang"), max_length=10, blank=True)
    jenis_asn = models.CharField(
        _("jenis ASN"), max_length=10, choices=JenisASN.choices, default=JenisASN.PNS
    )
    unit = models.ForeignKey(
        Instansi,
        verbose_name=_("unit kerja"),
        on_delete=models.PROTECT,
        related_name="pegawai",
    )
    pengguna = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun pengguna"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pegawai",
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama_lengkap

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if self.nip:
            self.nip = "".join(ch for ch in self.nip if ch.isdigit())
        super().save(*args, **kwargs)

    def instansi_cakupan(self) -> Instansi | None:
        """The unit whose roles may see or change this row."""
        return self.unit

    @property
    def nama_lengkap(self) -> str:
        """Name with academic titles as printed on documents."""
        depan = f"{self.gelar_depan} " if self.gelar_depan else ""
        belakang = f", {self.gelar_belakang}" if self.gelar_belakang else ""
        return f"{depan}{self.nama}{belakang}"

    @property
    def nip_cetak(self) -> str:
        """The NIP with the official spacing."""
        return format_nip(self.nip) if self.nip else "-"


class Jabatan(models.Model):
    """A position in a unit (Kepala Dinas, Sekretaris, Kepala Bidang …) with its superior.

    The holder changes over time: see `PemangkuJabatan`. Perjanjian Kinerja are per Jabatan.
    """

    instansi = models.ForeignKey(
        Instansi, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="jabatan"
    )
    nama = models.CharField(_("nama jabatan"), max_length=200)
    atasan = models.ForeignKey(
        "self",
        verbose_name=_("jabatan atasan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bawahan",
    )
    eselon = models.CharField(_("eselon"), max_length=10, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["instansi__jalur", "id"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "nama"], name="jabatan_unik_per_unit")
        ]

    def __str__(self) -> str:
        return self.nama

    def instansi_cakupan(self) -> Instansi | None:
        """The unit whose roles may see or change this row."""
        return self.instansi

    def pemangku_pada(self, tanggal):  # type: ignore[no-untyped-def]
        """The holding in force on `tanggal` (definitif preferred over Plt. over Plh.)."""
        urutan = {StatusPemangku.DEFINITIF: 0, StatusPemangku.PLT: 1, StatusPemangku.PLH: 2}
        kandidat = [
            p
            for p in self.pemangku.all()
            if p.mulai <= tanggal and (p.selesai is None or p.selesai >= tanggal)
        ]
        kandidat.sort(key=lambda p: urutan[StatusPemangku(p.status)])
        return kandidat[0] if kandidat else None


class StatusPemangku(models.TextChoices):
    """How a person holds a position."""

    DEFINITIF = "definitif", _("Definitif")
    PLT = "plt", _("Pelaksana Tugas (Plt.)")
    PLH = "plh", _("Pelaksana Harian (Plh.)")


class PemangkuJabatan(models.Model):
    """Who held a position, how (definitif / Plt. / Plh.), from when to when, by which decree."""

    jabatan = models.ForeignKey(
        Jabatan, verbose_name=_("jabatan"), on_delete=models.CASCADE, related_name="pemangku"
    )
    pegawai = models.ForeignKey(
        Pegawai, verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="jabatan"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=StatusPemangku.choices, default=StatusPemangku.DEFINITIF
    )
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("selesai"), null=True, blank=True)
    nomor_sk = models.CharField(_("nomor SK / surat perintah"), max_length=120, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pemangku jabatan")
        verbose_name_plural = _("riwayat pemangku jabatan")
        ordering = ["jabatan", "-mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=models.F("mulai")),
                name="pemangku_selesai_setelah_mulai",
            )
        ]

    def __str__(self) -> str:
        return f"{self.awalan}{self.jabatan} — {self.pegawai}"

    @property
    def awalan(self) -> str:
        """ "Plt. " or "Plh. " before the position on a signature block; "" for definitif."""
        return {"plt": "Plt. ", "plh": "Plh. "}.get(self.status, "")


class KodePeran(models.TextChoices):
    """The roles of the seed SOPs and of the system; SOP templates name performers by these."""

    KEPALA = "kepala", _("Kepala")
    SEKRETARIS = "sekretaris", _("Sekretaris")
    BIDANG = "bidang", _("Bidang (operator pengisian)")
    KEPALA_BIDANG = "kepala_bidang", _("Kepala Bidang")
    TIM_SAKIP = "tim_sakip", _("Tim SAKIP")
    KETUA_TIM_SAKIP = "ketua_tim_sakip", _("Ketua Tim SAKIP")
    SEKRETARIS_TIM_SAKIP = "sekretaris_tim_sakip", _("Sekretaris Tim SAKIP")
    SUBBAG_PERENCANAAN = "subbag_perencanaan", _("Subbag Perencanaan")
    STAF = "staf", _("Staf")
    KEPALA_UKPBJ = "kepala_ukpbj", _("Kepala UKPBJ")
    TIM_PENGELOLA_KELEMBAGAAN = "tim_pengelola_kelembagaan", _("Tim Pengelola Kelembagaan UKPBJ")
    PENANGGUNG_JAWAB_KINERJA = "penanggung_jawab_kinerja", _("Penanggung Jawab Kinerja")
    KEPEGAWAIAN = "kepegawaian", _("Subbag Kepegawaian")
    INSPEKTORAT = "inspektorat", _("Inspektorat (baca dan reviu)")
    ADMIN_PEMDA = "admin_pemda", _("Admin Pemda")
    ADMIN_SISTEM = "admin_sistem", _("Admin sistem")


class Peran(models.Model):
    """A role held by a user over an Instansi subtree (e.g. Kepala Bidang of Bidang Bina Marga).

    A user may hold several roles in several units. The scope is the subtree rooted at `instansi`.
    """

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="peran",
    )
    kode = models.CharField(_("peran"), max_length=40, choices=KodePeran.choices)
    instansi = models.ForeignKey(
        Instansi,
        verbose_name=_("lingkup instansi"),
        on_delete=models.CASCADE,
        related_name="peran",
    )
    mulai = models.DateField(_("mulai"), null=True, blank=True)
    selesai = models.DateField(_("selesai"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("peran")
        verbose_name_plural = _("peran pengguna")
        ordering = ["pengguna", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["pengguna", "kode", "instansi"], name="peran_unik_per_pengguna_instansi"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kode_display()} — {self.instansi}"
