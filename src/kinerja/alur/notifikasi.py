"""Notifications about cycle steps: in the app and by e-mail, sent after the change commits.

Sent on assignment (a step becomes active), on return (a decision sends work back), and by the
reminder run (`kinerja pengingat`, scheduled by cron or a systemd timer) when a deadline is near
or passed. A reminder of one kind goes once per person and step.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from kinerja.alur.models import JenisNotifikasi, Notifikasi, StatusTugas, Tugas
from kinerja.alur.pelaksana import peran_untuk
from kinerja.organisasi.models import Peran

JELANG = dt.timedelta(hours=24)


def pelaksana_tugas(tugas: Tugas) -> list[Any]:
    """The users holding a performer role of the step inside or above the cycle's agency."""
    jalur = tugas.siklus.instansi.jalur
    hasil = {}
    for p in Peran.objects.filter(kode__in=peran_untuk(tugas.langkah.pelaksana)).select_related(
        "pengguna", "instansi"
    ):
        pj = p.instansi.jalur
        if (pj.startswith(jalur) or jalur.startswith(pj)) and p.pengguna.is_active:
            hasil[p.pengguna_id] = p.pengguna
    return list(hasil.values())


def _pesan(tugas: Tugas, jenis: str, alasan: str = "") -> str:
    s = tugas.siklus
    dasar = f"Langkah {tugas.langkah.no} SOP {s.template.nama} — {s.instansi} ({s.periode})"
    if jenis == JenisNotifikasi.DIKEMBALIKAN:
        return f"Dikembalikan: {dasar}. Alasan: {alasan}"[:300]
    if jenis == JenisNotifikasi.MENJELANG_TENGGAT:
        return f"Tenggat segera tiba: {dasar}"[:300]
    if jenis == JenisNotifikasi.TERLAMBAT:
        return f"Melewati tenggat: {dasar}"[:300]
    return f"Giliran Anda: {dasar}"[:300]


def kirim(tugas: Tugas, jenis: str, alasan: str = "") -> int:
    """Notify the step's performers; e-mail goes out only after the transaction commits."""
    penerima = pelaksana_tugas(tugas)
    pesan = _pesan(tugas, jenis, alasan)
    dibuat = 0
    for u in penerima:
        try:
            with transaction.atomic():
                Notifikasi.objects.create(pengguna=u, tugas=tugas, jenis=jenis, pesan=pesan)
            dibuat += 1
        except IntegrityError:
            continue  # this reminder was already sent to this person
    alamat = [u.email for u in penerima if u.email]
    if alamat:
        url = settings.SITE_URL.rstrip("/") + reverse("alur:siklus", args=[tugas.siklus_id])
        surat = [("[Kinerja] " + pesan[:120], f"{pesan}\n\n{url}\n", None, [a]) for a in alamat]
        transaction.on_commit(lambda: send_mass_mail(surat, fail_silently=True))
    return dibuat


def kirim_tugas_baru(tugas: Tugas) -> int:
    """A step became active."""
    return kirim(tugas, JenisNotifikasi.TUGAS_BARU)


def kirim_pengingat(sekarang: dt.datetime | None = None) -> dict[str, int]:
    """Remind performers of active steps whose deadline is within 24 hours or has passed."""
    sekarang = sekarang or timezone.now()
    hitung = {JenisNotifikasi.MENJELANG_TENGGAT: 0, JenisNotifikasi.TERLAMBAT: 0}
    aktif = Tugas.objects.filter(status=StatusTugas.AKTIF, tenggat__isnull=False).select_related(
        "langkah", "siklus", "siklus__instansi", "siklus__template", "siklus__periode"
    )
    for t in aktif:
        if t.tenggat <= sekarang:
            hitung[JenisNotifikasi.TERLAMBAT] += kirim(t, JenisNotifikasi.TERLAMBAT)
        elif t.tenggat - sekarang <= JELANG:
            hitung[JenisNotifikasi.MENJELANG_TENGGAT] += kirim(t, JenisNotifikasi.MENJELANG_TENGGAT)
    return {str(k): v for k, v in hitung.items()}
