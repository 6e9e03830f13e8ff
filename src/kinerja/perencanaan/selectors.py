"""Reads on planning data: the target in force for a period, indicators of an agency."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q, QuerySet

from kinerja.organisasi.models import Instansi
from kinerja.perencanaan.models import (
    Indikator,
    RencanaAksi,
    StatusPK,
    TargetTahunan,
)


def indikator_instansi(instansi: Instansi) -> QuerySet[Indikator]:
    """Every indicator of `instansi` and its subtree, ready for tables: those in its frameworks
    and those its units are responsible for (a shared framework held by the Pemda)."""
    return (
        Indikator.objects.filter(
            Q(elemen__kerangka__instansi__jalur__startswith=instansi.jalur)
            | Q(unit_penanggung_jawab__jalur__startswith=instansi.jalur)
        )
        .select_related(
            "elemen", "elemen__level", "elemen__induk", "unit_penanggung_jawab", "skala"
        )
        .prefetch_related("skala__level")
        .order_by(
            "elemen__kerangka_id",
            "elemen__level__urutan",
            "elemen__urutan",
            "elemen_id",
            "urutan",
            "id",
        )
    )


def target_berlaku(
    indikator_ids: Iterable[int], tahun: int, pada: dt.date
) -> dict[int, TargetTahunan]:
    """The annual target version in force on `pada` for each indicator (one query).

    The latest version whose `berlaku_mulai` is on or before `pada`; if every version starts
    later (a target entered after the fact), the murni version applies.
    """
    per_indikator: dict[int, list[TargetTahunan]] = defaultdict(list)
    for t in TargetTahunan.objects.filter(
        indikator_id__in=list(indikator_ids), tahun=tahun
    ).order_by("nomor_versi"):
        per_indikator[t.indikator_id].append(t)
    hasil: dict[int, TargetTahunan] = {}
    for iid, versi in per_indikator.items():
        berlaku = [t for t in versi if t.berlaku_mulai <= pada]
        hasil[iid] = berlaku[-1] if berlaku else versi[0]
    return hasil


def target_rencana_aksi(
    indikator_ids: Iterable[int], tahun: int, jenis_periode: str = "triwulan"
) -> dict[int, dict[int, RencanaAksi]]:
    """Period targets from the Rencana Aksi of the signed (else latest) PK of the year.

    Returns {indikator_id: {nomor_periode: RencanaAksi}} in one query. When an indicator sits in
    several PKs (the Kepala's and a Kabid's), the Kepala's item (no item_induk) wins.
    """
    qs = (
        RencanaAksi.objects.filter(
            item_pk__indikator_id__in=list(indikator_ids),
            item_pk__perjanjian__tahun=tahun,
            jenis_periode=jenis_periode,
        )
        .select_related("item_pk", "item_pk__perjanjian")
        .order_by("item_pk__perjanjian__nomor_versi")
    )
    hasil: dict[int, dict[int, RencanaAksi]] = defaultdict(dict)
    bobot: dict[int, tuple[int, int, int]] = {}
    for ra in qs:
        pk = ra.item_pk.perjanjian
        kunci = (
            1 if pk.status == StatusPK.DITANDATANGANI else 0,
            1 if ra.item_pk.item_induk_id is None else 0,
            pk.nomor_versi,
        )
        iid = ra.item_pk.indikator_id
        if iid in bobot and bobot[iid] > kunci:
            continue
        if iid not in bobot or bobot[iid] < kunci:
            hasil[iid] = {}
            bobot[iid] = kunci
        hasil[iid][ra.nomor] = ra
    return dict(hasil)
