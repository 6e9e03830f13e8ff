"""Reads for the cycle pages: a user's inbox and a cycle's progress against the mutu baku."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from kinerja.alur.models import (
    KeputusanIndikator,
    SatuanWaktu,
    Siklus,
    StatusSiklus,
    StatusTugas,
    TemplateSOP,
    Tugas,
)
from kinerja.alur.pelaksana import boleh_melaksanakan
from kinerja.organisasi.permissions import jalur_dengan_peran


def _q_instansi_pengguna(user: Any, prefix: str) -> Q:
    """Cycles whose agency is inside or above one of the user's role scopes."""
    q = Q(pk__in=[])
    for j in jalur_dengan_peran(user):
        q |= Q(**{f"{prefix}jalur__startswith": j})
        ids = [int(x) for x in j.strip("/").split("/") if x]
        q |= Q(**{f"{prefix}pk__in": ids})
    return q


def siklus_terlihat(user: Any) -> QuerySet[Siklus]:
    """Cycles the user may see: of agencies inside or above their role scopes."""
    qs = Siklus.objects.select_related("template", "instansi", "periode")
    if getattr(user, "is_superuser", False):
        return qs
    return qs.filter(_q_instansi_pengguna(user, "instansi__"))


def kotak_masuk(user: Any) -> list[Tugas]:
    """Active tasks the user can perform now, oldest deadline first (two queries)."""
    kandidat = (
        Tugas.objects.filter(status=StatusTugas.AKTIF, siklus__status=StatusSiklus.BERJALAN)
        .filter(
            Q()
            if getattr(user, "is_superuser", False)
            else _q_instansi_pengguna(user, "siklus__instansi__")
        )
        .select_related(
            "langkah", "langkah__template", "siklus", "siklus__instansi", "siklus__periode"
        )
        .order_by("tenggat", "mulai")
    )
    return [t for t in kandidat if boleh_melaksanakan(user, t.langkah.pelaksana, t.siklus.instansi)]


@dataclass(frozen=True)
class BarisLangkah:
    """One task row of a cycle page with its timing against the standard time."""

    tugas: Tugas
    durasi: dt.timedelta | None
    terlambat: bool
    boleh: bool


def durasi_standar(tugas: Tugas) -> dt.timedelta | None:
    """The step's standard time as a duration (working days counted as 24 h), if numeric."""
    lk = tugas.langkah
    if lk.waktu_jumlah is None or lk.waktu_satuan == SatuanWaktu.TEKS:
        return None
    menit = {"menit": 1, "jam": 60, "hari": 60 * 24}[lk.waktu_satuan]
    return dt.timedelta(minutes=float(lk.waktu_jumlah) * menit)


def kemajuan_siklus(siklus: Siklus, user: Any) -> list[BarisLangkah]:
    """Every task of the cycle in order, with actual time and whether it ran late."""
    sekarang = timezone.now()
    baris = []
    for t in (
        siklus.tugas.select_related("langkah", "diselesaikan_oleh")
        .prefetch_related("keputusan", "keputusan__kembali_ke", "rapat", "unggah_esr")
        .order_by("putaran", "langkah__urutan")
    ):
        durasi = (t.selesai - t.mulai) if (t.mulai and t.selesai) else None
        akhir = t.selesai or (sekarang if t.status == StatusTugas.AKTIF else None)
        terlambat = bool(t.tenggat and akhir and akhir > t.tenggat)
        boleh = t.status == StatusTugas.AKTIF and boleh_melaksanakan(
            user, t.langkah.pelaksana, siklus.instansi
        )
        baris.append(BarisLangkah(t, durasi, terlambat, boleh))
    return baris


def template_tersedia(user: Any) -> QuerySet[TemplateSOP]:
    """Active templates: the built-ins plus those of agencies the user can see."""
    qs = TemplateSOP.objects.filter(aktif=True).select_related("instansi")
    if getattr(user, "is_superuser", False):
        return qs
    return qs.filter(Q(bawaan=True) | _q_instansi_pengguna(user, "instansi__"))


@dataclass(frozen=True)
class BarisKepatuhan:
    """A finished or running step compared with its standard time."""

    tugas: Tugas
    standar: dt.timedelta | None
    nyata: dt.timedelta | None
    terlambat: bool


def kepatuhan(siklus_qs: QuerySet[Siklus]) -> list[BarisKepatuhan]:
    """Every started step of the given cycles with actual time against the standard (1 query)."""
    sekarang = timezone.now()
    hasil = []
    for t in (
        Tugas.objects.filter(siklus__in=siklus_qs, mulai__isnull=False)
        .exclude(status=StatusTugas.DILEWATI)
        .select_related(
            "langkah", "siklus", "siklus__instansi", "siklus__periode", "siklus__template"
        )
        .order_by("siklus_id", "putaran", "langkah__urutan")
    ):
        akhir = t.selesai or sekarang
        nyata = akhir - t.mulai if t.mulai else None
        hasil.append(
            BarisKepatuhan(
                tugas=t,
                standar=durasi_standar(t),
                nyata=nyata,
                terlambat=bool(t.tenggat and akhir > t.tenggat),
            )
        )
    return hasil


def notifikasi_belum_dibaca(user: Any) -> int:
    """How many unread notifications the user has (for the navbar badge)."""
    from kinerja.alur.models import Notifikasi

    return Notifikasi.objects.filter(pengguna=user, dibaca_pada__isnull=True).count()


@dataclass
class ArahanSebelumnya:
    """The leadership decisions of the agency's previous cycle, carried into this one."""

    siklus: Siklus
    keputusan: list[KeputusanIndikator]

    @property
    def dikembalikan(self) -> list[KeputusanIndikator]:
        """The indicators sent back with instructions (still to be acted on)."""
        return [k for k in self.keputusan if k.hasil == "ditindaklanjuti"]


def arahan_siklus_sebelumnya(siklus: Siklus) -> ArahanSebelumnya | None:
    """The decisions per indicator recorded at the leadership meeting of the agency's latest
    earlier cycle that had one (seed 002 step 11, seed 003 step 17), so the next cycle starts
    from them. Two queries; None when no earlier cycle decided anything."""
    k = (
        KeputusanIndikator.objects.filter(
            rapat__tugas__siklus__instansi_id=siklus.instansi_id,
            rapat__tugas__siklus__dibuka_pada__lt=siklus.dibuka_pada,
        )
        .exclude(rapat__tugas__siklus_id=siklus.pk)
        .order_by("-rapat__tugas__siklus__dibuka_pada")
        .values_list("rapat__tugas__siklus_id", flat=True)
        .first()
    )
    if k is None:
        return None
    keputusan = list(
        KeputusanIndikator.objects.filter(rapat__tugas__siklus_id=k)
        .select_related("indikator", "rapat__tugas__siklus__periode")
        .order_by("indikator__kode", "indikator__nama", "-rapat__waktu")
    )
    return ArahanSebelumnya(siklus=keputusan[0].rapat.tugas.siklus, keputusan=keputusan)
