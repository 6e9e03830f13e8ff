"""Shared records: the domain event log that makes every workflow action attributable."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Peristiwa(models.Model):
    """One audited action: who did what to which object, when, why, with before/after values.

    Written by services in the same transaction as the change it records (see `inti.audit`),
    so an action and its audit row commit or roll back together. Rows are never edited.
    """

    waktu = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    aksi = models.CharField(_("aksi"), max_length=80, db_index=True)
    objek_tipe = models.CharField(_("jenis objek"), max_length=80)
    objek_id = models.CharField(_("ID objek"), max_length=40)
    objek_repr = models.CharField(_("objek"), max_length=255, blank=True)
    sebelum = models.JSONField(_("sebelum"), null=True, blank=True)
    sesudah = models.JSONField(_("sesudah"), null=True, blank=True)
    alasan = models.TextField(_("alasan"), blank=True)
    request_id = models.CharField(_("ID permintaan"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("peristiwa")
        verbose_name_plural = _("log peristiwa")
        ordering = ["-waktu", "-id"]
        indexes = [models.Index(fields=["objek_tipe", "objek_id"])]

    def __str__(self) -> str:
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.aksi} {self.objek_repr}"
