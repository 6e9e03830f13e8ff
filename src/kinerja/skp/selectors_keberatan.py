"""Reads for the keberatan part of the SKP pages: the objections of one SKP (detail page), who
may object to an evaluation now (`boleh_ajukan`, also for the annual evaluation's page), and the
"Keberatan" list (waiting for my decision; mine). Every list is loaded in a fixed number of
queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet

from kinerja.organisasi.permissions import jalur_dengan_peran
from kinerja.skp.models import Keberatan, PenilaianSKP, PenilaianTahunan, StatusKeberatan
from kinerja.skp.permissions import PERAN_KEPEGAWAIAN, pegawai_dari
from kinerja.skp.permissions_keberatan import (
    boleh_putus,
    dapat_mengajukan_keberatan,
    jabatan_dipangku,
    jabatan_terisi,
)
from kinerja.skp.services_keberatan import batas_pengajuan, hari_ini, periksa_ajukan

# Joins every keberatan page needs: the evaluation (periodic or annual), its SKP and people.
_TERKAIT = (
    "pegawai",
    "pemutus",
    "jabatan_pemutus",
    "penilaian__periode",
    "penilaian__skp__unit",
    "penilaian__skp__pegawai",
    "penilaian__skp__penilai",
    "penilaian_tahunan__skp__unit",
    "penilaian_tahunan__skp__pegawai",
    "penilaian_tahunan__skp__penilai",
)


def keberatan_qs() -> QuerySet[Keberatan]:
    """Objections with what their pages show (evaluation, SKP, people) joined."""
    return Keberatan.objects.select_related(*_TERKAIT)


def boleh_ajukan(
    user: Any, evaluasi: PenilaianSKP | PenilaianTahunan, tanggal: dt.date | None = None
) -> bool:
    """True if `user` may object to `evaluasi` now: the employee themself, a final evaluation,
    within 14 days of it becoming final, and no open or decided objection to it. For a periodic
    or an annual evaluation alike (the annual page can show its button with this). One query.
    """
    try:
        periksa_ajukan(pengguna=user, evaluasi=evaluasi, tanggal=tanggal)
    except (PermissionDenied, ValidationError):
        return False
    return True


@dataclass
class EvaluasiTerbuka:
    """A final periodic evaluation the employee may still object to, and until when."""

    penilaian: PenilaianSKP
    batas: dt.date


def konteks_detail(user: Any, skp: Any) -> dict[str, Any]:
    """Extra context for the SKP detail page (`skp/_detail_keberatan.html`): the objections to
    this SKP's periodic evaluations, and for the employee the final evaluations still open to
    an objection. The view has checked `skp.lihat`, so the SKP's objections are visible too.

    Two queries whatever the number of periods: the objections, and none per evaluation (the
    evaluations come prefetched by `selectors.skp_lengkap`).
    """
    daftar = list(
        Keberatan.objects.filter(penilaian__skp=skp)
        .select_related("penilaian__periode", "pemutus", "jabatan_pemutus")
        .order_by("-diajukan_pada")
    )
    terbuka: list[EvaluasiTerbuka] = []
    if dapat_mengajukan_keberatan(user, _EvaluasiSkp(skp)):
        sekarang = hari_ini()
        menghalangi = {
            k.penilaian_id
            for k in daftar
            if k.status != StatusKeberatan.DITARIK  # open, or decided (final)
        }
        for p in skp.penilaian.all():
            if p.final and p.pk not in menghalangi and sekarang <= batas_pengajuan(p):
                terbuka.append(EvaluasiTerbuka(p, batas_pengajuan(p)))
        terbuka.sort(key=lambda e: (e.penilaian.periode.tanggal_akhir, e.penilaian.pk))
    return {"keberatan_daftar": daftar, "keberatan_terbuka": terbuka}


@dataclass
class _EvaluasiSkp:
    """Stands for "an evaluation of this SKP" when asking `skp.keberatan_ajukan` once for the
    whole page (the rule only looks at the SKP)."""

    skp: Any


@dataclass
class BarisMenunggu:
    """An open objection waiting for the user's decision, with its due date."""

    keberatan: Keberatan
    terlambat: bool
    sisa_hari: int


def keberatan_menunggu(user: Any, tanggal: dt.date | None = None) -> list[BarisMenunggu]:
    """Open objections `user` may decide (same rule as `skp.keberatan_putus`), oldest due date
    first, each marked overdue when its due date has passed.

    Candidates are those whose `jabatan_pemutus` the user holds today, plus — for the Kepala and
    kepegawaian — those of their agency (outside atasan or vacant position); the rule then
    decides on facts loaded once (three queries whatever the length of the list).
    """
    tanggal = tanggal or hari_ini()
    pegawai = pegawai_dari(user)
    dipangku = jabatan_dipangku(pegawai, tanggal)
    q = Q(jabatan_pemutus__in=dipangku) if dipangku else Q(pk__in=[])
    for jalur in jalur_dengan_peran(user, PERAN_KEPEGAWAIAN):
        q |= Q(penilaian__skp__unit__jalur__startswith=jalur)
        q |= Q(penilaian_tahunan__skp__unit__jalur__startswith=jalur)
    if getattr(user, "is_superuser", False):
        q = Q()
    kandidat = list(
        keberatan_qs().filter(q, status=StatusKeberatan.DIAJUKAN).order_by("batas_putusan", "pk")
    )
    terisi = jabatan_terisi(
        {k.jabatan_pemutus_id for k in kandidat if k.jabatan_pemutus_id}, tanggal
    )
    return [
        BarisMenunggu(k, k.batas_putusan < tanggal, (k.batas_putusan - tanggal).days)
        for k in kandidat
        if boleh_putus(user, k, dipangku=dipangku, terisi=terisi)
    ]


def keberatan_saya(user: Any) -> list[Keberatan]:
    """The objections the user filed (as the evaluated employee), newest first."""
    pegawai = pegawai_dari(user)
    if pegawai is None:
        return []
    return list(keberatan_qs().filter(pegawai=pegawai).order_by("-diajukan_pada"))


def keberatan_diputus_oleh(user: Any, batas: int = 50) -> list[Keberatan]:
    """The latest objections the user decided (or recorded on the atasan's behalf)."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(keberatan_qs().filter(diputus_oleh=user).order_by("-diputus_pada")[:batas])
