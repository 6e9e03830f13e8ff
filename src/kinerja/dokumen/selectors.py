"""Reads for documents: the PK a document is based on, budget lines behind an element with
their absorption, and the document lists of an agency. Each a bounded number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet

from kinerja import rumus
from kinerja.dokumen.bersama import jabatan_kepala, leluhur
from kinerja.dokumen.models import Dokumen, StatusDokumen
from kinerja.organisasi.models import Instansi, Jabatan
from kinerja.pengukuran.models import Periode
from kinerja.pengukuran.selectors import realisasi_anggaran_sampai
from kinerja.perencanaan.models import (
    Anggaran,
    Elemen,
    PerjanjianKinerja,
    RencanaPenarikan,
    StatusPK,
)


def jabatan_pk(instansi: Instansi, jabatan_id: int | None = None) -> Jabatan | None:
    """The position whose PK a document shows: the given one, or the head of the agency."""
    if jabatan_id is not None:
        return (
            Jabatan.objects.filter(pk=jabatan_id, instansi__jalur__startswith=instansi.jalur)
            .select_related("instansi")
            .first()
        )
    for i in leluhur(instansi):
        j = jabatan_kepala(i)
        if j is not None:
            return j
    return None


def perjanjian_berlaku(jabatan: Jabatan, tahun: int) -> PerjanjianKinerja | None:
    """The PK of a position for a year: the latest signed version, else the latest version."""
    qs = (
        PerjanjianKinerja.objects.filter(jabatan=jabatan, tahun=tahun)
        .select_related(
            "jabatan__instansi",
            "jabatan_pihak_kedua__instansi",
            "pihak_pertama",
            "pihak_kedua",
        )
        .prefetch_related(
            "item__indikator__elemen__level",
            "item__indikator__elemen__induk",
            "item__indikator__skala__level",
            "item__rencana_aksi",
            "anggaran__elemen__level",
        )
    )
    return (
        qs.filter(status=StatusPK.DITANDATANGANI).order_by("-nomor_versi").first()
        or qs.order_by("-nomor_versi").first()
    )


@dataclass
class Keuangan:
    """Budget behind an element up to a period: lines, totals and `rumus.serapan`."""

    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    rencana: Decimal | None = None
    serapan: rumus.HasilSerapan | None = None
    baris: list[Anggaran] = field(default_factory=list)


def _jumlah(nilai: Iterable[Decimal | None]) -> Decimal | None:
    ada = [v for v in nilai if v is not None]
    return sum(ada, Decimal(0)) if ada else None


def keuangan_elemen(elemen: Iterable[Elemen], periode: Periode) -> dict[int, Keuangan]:
    """For each element: its own budget lines for the year, or — when it has none (a tujuan or
    sasaran) — the lines of its nearest descendants that have some (the programs under it).

    Realisation is the sum of the period amounts up to `periode`; `rencana` the withdrawal
    plan up to the same quarter (quarterly periods only). Serapan comes from `rumus.serapan`
    over the lines (Σrealisasi / Σpagu × 100). Four queries.
    """
    elemen = list(elemen)
    kerangka_ids = {e.kerangka_id for e in elemen}
    semua = list(Elemen.objects.filter(kerangka_id__in=kerangka_ids).only("id", "induk_id"))
    anak: dict[int | None, list[int]] = defaultdict(list)
    for e in semua:
        anak[e.induk_id].append(e.pk)
    garis = list(
        Anggaran.objects.filter(elemen__kerangka_id__in=kerangka_ids, tahun=periode.tahun)
        .select_related("elemen")
        .order_by("elemen__urutan", "elemen_id")
    )
    per_elemen: dict[int, list[Anggaran]] = defaultdict(list)
    for a in garis:
        per_elemen[a.elemen_id].append(a)
    realisasi = realisasi_anggaran_sampai([a.pk for a in garis], periode)
    rencana: dict[int, Decimal] = defaultdict(Decimal)
    if periode.jenis_periode in ("triwulan", "semester", "tahun"):
        for rp in RencanaPenarikan.objects.filter(
            anggaran_id__in=[a.pk for a in garis], triwulan__lte=periode.triwulan_akhir
        ):
            rencana[rp.anggaran_id] += rp.nilai

    def cari(eid: int) -> list[Anggaran]:
        lapis = [eid]
        while lapis:
            ada = [a for x in lapis for a in per_elemen.get(x, [])]
            if ada:
                return ada
            lapis = [c for x in lapis for c in anak.get(x, [])]
        return []

    hasil: dict[int, Keuangan] = {}
    for e in elemen:
        baris = cari(e.pk)
        if not baris:
            hasil[e.pk] = Keuangan()
            continue
        nilai_r = [_jumlah(r.nilai for r in realisasi.get(a.pk, {}).values()) for a in baris]
        hasil[e.pk] = Keuangan(
            pagu=_jumlah(a.pagu for a in baris),
            realisasi=_jumlah(nilai_r),
            rencana=_jumlah(rencana.get(a.pk) for a in baris) if rencana else None,
            serapan=rumus.serapan(realisasi=nilai_r, pagu=[a.pagu for a in baris]),
            baris=baris,
        )
    return hasil


def keuangan_instansi(instansi: Instansi, periode: Periode) -> Keuangan:
    """The agency's whole budget up to a period: its top budget lines only (programs when
    programs carry a pagu), so kegiatan and sub kegiatan lines are not counted twice."""
    elemen = list(
        Elemen.objects.filter(kerangka__instansi__jalur__startswith=instansi.jalur).only(
            "id", "induk_id", "kerangka_id"
        )
    )
    induk = {e.pk: e.induk_id for e in elemen}
    punya = set(
        Anggaran.objects.filter(elemen_id__in=induk, tahun=periode.tahun).values_list(
            "elemen_id", flat=True
        )
    )

    def puncak(eid: int) -> bool:
        atas = induk.get(eid)
        while atas is not None:
            if atas in punya:
                return False
            atas = induk.get(atas)
        return True

    akar = [e for e in elemen if e.pk in punya and puncak(e.pk)]
    per = keuangan_elemen(akar, periode)
    baris = [a for e in akar for a in per[e.pk].baris]
    if not baris:
        return Keuangan()
    realisasi = [per[e.pk].realisasi for e in akar]
    return Keuangan(
        pagu=_jumlah(a.pagu for a in baris),
        realisasi=_jumlah(realisasi),
        rencana=_jumlah(per[e.pk].rencana for e in akar),
        serapan=rumus.serapan(realisasi=realisasi, pagu=[per[e.pk].pagu for e in akar]),
        baris=baris,
    )


def dokumen_instansi(instansi: Instansi, periode: Periode | None = None) -> QuerySet[Dokumen]:
    """Documents of an agency (and its units), of one period or all, newest version first."""
    qs = Dokumen.objects.filter(instansi__jalur__startswith=instansi.jalur).select_related(
        "instansi", "periode", "penandatangan", "dibuat_oleh"
    )
    if periode is not None:
        # The period's own documents and the annual ones of its year (PK, Rencana Aksi, …).
        qs = qs.filter(Q(periode=periode) | Q(periode__isnull=True, tahun=periode.tahun))
    return qs.order_by("jenis", "kunci", "format", "-versi")


def dokumen_esr(instansi: Instansi, tahun: int) -> QuerySet[Dokumen]:
    """The signed, still valid PDFs of an agency (and its units) for a year, by ESR type."""
    return (
        Dokumen.objects.filter(
            instansi__jalur__startswith=instansi.jalur,
            tahun=tahun,
            format="pdf",
            status__in=[StatusDokumen.DITANDATANGANI, StatusDokumen.DIARSIPKAN],
        )
        .exclude(jenis_esr="")
        .exclude(ditandatangani_pada__isnull=True)
        .select_related("instansi", "periode")
        .order_by("jenis_esr", "jenis", "periode__jenis_periode", "periode__nomor", "kunci")
    )
