"""The public portal: which results a Pemda has made public, and under which addresses.

A `Publikasi` makes the results of one agency for one measurement period public. It exists only
for a period whose Laporan Hasil Pengukuran Kinerja is signed, and it carries a copy of the
numbers that signed document printed (`data`), so the public page always states exactly what the
signed document states, whatever happens to the live data afterwards. It lists the signed
documents shown with it (`lampiran`). Withdrawing a publication keeps the row (who, when, why);
publishing again makes a new row.

`AlamatPublik` gives a Pemda and each published agency a stable slug for the public URLs, so no
sequential primary key appears there and a later renaming does not break links.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.dokumen.models import Dokumen
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode


class AlamatPublik(models.Model):
    """The slug of an Instansi in portal URLs: unique among the Pemdas for a Pemda
    (`lingkup` empty), unique within its Pemda for an agency (`lingkup` = the Pemda)."""

    instansi = models.OneToOneField(
        Instansi,
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        related_name="alamat_publik",
    )
    lingkup = models.ForeignKey(
        Instansi,
        verbose_name=_("pemda"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    slug = models.SlugField(_("slug"), max_length=80)

    class Meta:
        verbose_name = _("alamat publik")
        verbose_name_plural = _("alamat publik")
        constraints = [
            models.UniqueConstraint(fields=["lingkup", "slug"], name="alamat_publik_unik"),
            models.UniqueConstraint(
                fields=["slug"],
                condition=Q(lingkup__isnull=True),
                name="alamat_publik_pemda_unik",
            ),
        ]

    def __str__(self) -> str:
        return self.slug


class StatusPublikasi(models.TextChoices):
    """Published → withdrawn; a withdrawn publication is never published again (publish anew)."""

    TERBIT = "terbit", _("Terbit")
    DITARIK = "ditarik", _("Ditarik")


class Publikasi(models.Model):
    """The results of one agency for one period, made public from its signed measurement report.

    `data` is the whitelisted copy of the signed report's numbers (groups, indicators, targets,
    realisations, capaian, predikat), taken when published; `capaian_teks`, `predikat` and
    `jumlah_indikator` summarise it for lists. `lampiran` are the signed documents shown with it.
    """

    pemda = models.ForeignKey(
        Instansi, verbose_name=_("pemda"), on_delete=models.PROTECT, related_name="+"
    )
    instansi = models.ForeignKey(
        Instansi, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="publikasi"
    )
    periode = models.ForeignKey(
        Periode, verbose_name=_("periode"), on_delete=models.PROTECT, related_name="+"
    )
    slug_periode = models.SlugField(_("slug periode"), max_length=20)
    # The application never deletes a signed document; should an administrator do so, the
    # publication resting on it cannot stand and goes with it.
    dokumen = models.ForeignKey(
        Dokumen,
        verbose_name=_("laporan bertanda tangan"),
        on_delete=models.CASCADE,
        related_name="publikasi",
    )
    lampiran = models.ManyToManyField(
        Dokumen, verbose_name=_("dokumen yang ditampilkan"), related_name="+", blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatusPublikasi.choices,
        default=StatusPublikasi.TERBIT,
    )
    data = models.JSONField(_("angka yang diterbitkan"), default=dict)
    capaian_teks = models.CharField(_("rata-rata capaian"), max_length=20, blank=True)
    predikat = models.CharField(_("predikat"), max_length=40, blank=True)
    jumlah_indikator = models.PositiveIntegerField(_("jumlah indikator"), default=0)
    diterbitkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diterbitkan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diterbitkan_pada = models.DateTimeField(_("diterbitkan pada"))
    ditarik_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditarik oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ditarik_pada = models.DateTimeField(_("ditarik pada"), null=True, blank=True)
    alasan_tarik = models.CharField(_("alasan penarikan"), max_length=500, blank=True)
    versi_baris = models.PositiveIntegerField(_("versi baris"), default=1)

    class Meta:
        verbose_name = _("publikasi")
        verbose_name_plural = _("publikasi")
        ordering = ["-diterbitkan_pada"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "periode"],
                condition=Q(status="terbit"),
                name="publikasi_satu_terbit",
            ),
            models.CheckConstraint(
                condition=Q(status="terbit") | Q(ditarik_pada__isnull=False),
                name="publikasi_ditarik_bertanggal",
            ),
        ]
        indexes = [models.Index(fields=["pemda", "status"], name="publikasi_pemda_status")]

    def __str__(self) -> str:
        return f"{self.instansi} — {self.periode}"

    def instansi_cakupan(self) -> Instansi | None:
        """The agency whose roles may withdraw the publication."""
        return self.instansi

    @property
    def terbit(self) -> bool:
        """True while the publication is public."""
        return self.status == StatusPublikasi.TERBIT
