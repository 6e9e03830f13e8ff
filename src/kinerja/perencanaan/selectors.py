"""Reads on planning data: the target in force for a period, indicators of an agency, and the
trees and tables of the planning workspace (each in a fixed number of queries)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from kinerja.organisasi.models import Instansi, Jabatan
from kinerja.organisasi.permissions import jalur_dengan_peran
from kinerja.perencanaan.models import (
    Anggaran,
    Elemen,
    Indikator,
    ItemPK,
    KerangkaKinerja,
    PerjanjianKinerja,
    RencanaAksi,
    StatusPK,
    TargetTahunan,
    TautanCrosscutting,
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


# -- pages of the planning workspace ---------------------------------------------------------


def kerangka_terlihat(user: Any) -> QuerySet[KerangkaKinerja]:
    """Frameworks the user may read: those of the units their roles cover, and those of the
    agencies (and Pemda) their units belong to — staff read their own agency's plan."""
    qs = KerangkaKinerja.objects.select_related("instansi", "instansi__induk")
    if getattr(user, "is_superuser", False):
        return qs
    jalur = jalur_dengan_peran(user)
    if not jalur:
        return qs.none()
    q = Q()
    leluhur: set[int] = set()
    for j in jalur:
        q |= Q(instansi__jalur__startswith=j)
        leluhur.update(int(x) for x in j.strip("/").split("/") if x)
    return qs.filter(q | Q(instansi_id__in=leluhur))


def dapat_melihat_kerangka(user: Any, kerangka: KerangkaKinerja) -> bool:
    """The reading rule of `kerangka_terlihat` for one framework."""
    if user.has_perm("kinerja.lihat", kerangka):
        return True
    return any(j.startswith(kerangka.instansi.jalur) for j in jalur_dengan_peran(user))


@dataclass
class Simpul:
    """One element of the pohon kinerja with its sub-elements and its indicators."""

    elemen: Elemen
    kedalaman: int
    anak: list[Simpul] = field(default_factory=list)
    indikator: list[Indikator] = field(default_factory=list)
    mendukung: list[TautanCrosscutting] = field(default_factory=list)
    didukung: list[TautanCrosscutting] = field(default_factory=list)

    def urut(self) -> Iterator[Simpul]:
        """This node and every node below it, depth first (the order of the table)."""
        yield self
        for a in self.anak:
            yield from a.urut()


def pohon_kerangka(kerangka: KerangkaKinerja) -> list[Simpul]:
    """The element tree of a framework with indicators and crosscutting links, in 3 queries."""
    elemen = list(
        Elemen.objects.filter(kerangka=kerangka)
        .select_related("level", "unit", "instansi_pemilik")
        .order_by("level__urutan", "urutan", "kode", "id")
    )
    simpul = {e.pk: Simpul(e, 0) for e in elemen}
    for ind in (
        Indikator.objects.filter(elemen__kerangka=kerangka)
        .select_related("skala", "unit_penanggung_jawab")
        .order_by("urutan", "kode", "id")
    ):
        simpul[ind.elemen_id].indikator.append(ind)
    ids = list(simpul)
    for t in TautanCrosscutting.objects.filter(
        Q(dari_id__in=ids) | Q(ke_id__in=ids)
    ).select_related(
        "dari__kerangka__instansi", "ke__kerangka__instansi", "dari__level", "ke__level"
    ):
        if t.dari_id in simpul:
            simpul[t.dari_id].mendukung.append(t)
        if t.ke_id in simpul:
            simpul[t.ke_id].didukung.append(t)
    akar = []
    for e in elemen:
        s = simpul[e.pk]
        if e.induk_id and e.induk_id in simpul:
            simpul[e.induk_id].anak.append(s)
        else:
            akar.append(s)

    def dalam(s: Simpul, n: int) -> None:
        s.kedalaman = n
        for a in s.anak:
            dalam(a, n + 1)

    for s in akar:
        dalam(s, 0)
    return akar


def target_kerangka(kerangka: KerangkaKinerja) -> dict[int, dict[int, list[TargetTahunan]]]:
    """Every target version of the framework's indicators: {indikator: {tahun: [versions]}}."""
    hasil: dict[int, dict[int, list[TargetTahunan]]] = defaultdict(lambda: defaultdict(list))
    for t in TargetTahunan.objects.filter(indikator__elemen__kerangka=kerangka).order_by(
        "tahun", "nomor_versi"
    ):
        hasil[t.indikator_id][t.tahun].append(t)
    return hasil


def anggaran_kerangka(kerangka: KerangkaKinerja, tahun: int) -> dict[int, Anggaran]:
    """The budget lines of a year with their withdrawal plan: {elemen_id: Anggaran}."""
    return {
        a.elemen_id: a
        for a in Anggaran.objects.filter(elemen__kerangka=kerangka, tahun=tahun).prefetch_related(
            "penarikan"
        )
    }


def jabatan_instansi(instansi: Instansi) -> list[Jabatan]:
    """Positions in the agency's subtree with their holders (prefetched) and superiors."""
    return list(
        Jabatan.objects.filter(instansi__jalur__startswith=instansi.jalur)
        .select_related("instansi", "atasan")
        .prefetch_related("pemangku__pegawai")
        .order_by("instansi__jalur", "id")
    )


def pk_tahun(instansi: Instansi, tahun: int) -> dict[int, list[PerjanjianKinerja]]:
    """Every PK version of a year of the agency's positions: {jabatan_id: [v1, v2, …]}."""
    hasil: dict[int, list[PerjanjianKinerja]] = defaultdict(list)
    for pk in (
        PerjanjianKinerja.objects.filter(
            jabatan__instansi__jalur__startswith=instansi.jalur, tahun=tahun
        )
        .select_related("pihak_pertama", "pihak_kedua", "jabatan_pihak_kedua")
        .annotate(jumlah_item=Count("item"))
        .order_by("nomor_versi")
    ):
        hasil[pk.jabatan_id].append(pk)
    return hasil


def item_pk_tahun(instansi: Instansi, tahun: int) -> list[ItemPK]:
    """The items of the latest PK version of each position of the agency for a year."""
    terakhir = {j: versi[-1].pk for j, versi in pk_tahun(instansi, tahun).items() if versi}
    return list(
        ItemPK.objects.filter(perjanjian_id__in=terakhir.values())
        .select_related(
            "perjanjian__jabatan",
            "indikator__elemen__level",
            "item_induk__perjanjian",
        )
        .order_by("perjanjian__jabatan__instansi__jalur", "urutan", "id")
    )
