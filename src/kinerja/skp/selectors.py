"""Reads on employee performance: what a user may see, who assesses whom, the cascade tree,
the unit's capaian (through `kinerja.pengukuran.hasil`, the only bridge to `kinerja.rumus`) and
the unit recap with the distribution check."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from kinerja.inti.angka import format_angka
from kinerja.organisasi.models import (
    Instansi,
    Jabatan,
    Pegawai,
    PemangkuJabatan,
    StatusPemangku,
)
from kinerja.organisasi.permissions import jalur_dengan_peran
from kinerja.pengukuran.models import Periode
from kinerja.skp import matriks
from kinerja.skp.models import (
    SKP,
    IndikatorSKP,
    PenilaianSKP,
    PenilaianTahunan,
    RealisasiSKP,
    RencanaHasilKerja,
)
from kinerja.skp.permissions import PERAN_KEPEGAWAIAN, pegawai_dari, q_diawasi

URUTAN_STATUS = {StatusPemangku.DEFINITIF: 0, StatusPemangku.PLT: 1, StatusPemangku.PLH: 2}


# -- who is who -------------------------------------------------------------------------------


def pemangku_pegawai_pada(pegawai: Pegawai, tanggal: dt.date) -> PemangkuJabatan | None:
    """The position `pegawai` holds on `tanggal` (definitif before Plt. before Plh.), or None."""
    daftar = list(
        PemangkuJabatan.objects.filter(pegawai=pegawai, mulai__lte=tanggal)
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=tanggal))
        .select_related("jabatan__instansi", "jabatan__atasan")
    )
    daftar.sort(key=lambda p: (URUTAN_STATUS[StatusPemangku(p.status)], -p.mulai.toordinal()))
    return daftar[0] if daftar else None


def jabatan_kepala_unit(unit: Instansi) -> Jabatan | None:
    """The position heading `unit` or, if it has none, its nearest ancestor's head position."""
    rantai = list(Instansi.objects.filter(pk__in=unit.id_leluhur))
    rantai.sort(key=lambda i: -len(i.jalur))
    for i in rantai:
        for j in Jabatan.objects.filter(instansi=i).select_related("atasan").order_by("id"):
            if j.atasan_id is None or j.atasan.instansi_id != i.pk:
                return j
    return None


def adalah_kepala_unit(jabatan: Jabatan | None) -> bool:
    """True when the position heads its unit (its superior sits in another unit, or none)."""
    if jabatan is None:
        return False
    return jabatan.atasan_id is None or jabatan.atasan.instansi_id != jabatan.instansi_id


@dataclass
class Penilai:
    """The pejabat penilai found for an employee on a date."""

    jabatan: Jabatan | None
    pegawai: Pegawai | None
    status: str


def penilai_untuk(*, jabatan: Jabatan | None, unit: Instansi, tanggal: dt.date) -> Penilai:
    """The direct superior on `tanggal`: the holder of the superior position (Plt./Plh. too).

    An employee without a structural position reports to the head of their unit. A vacant
    superior position passes to the next one up. The Kepala has no penilai inside the agency.
    """
    atasan = jabatan.atasan if jabatan is not None else jabatan_kepala_unit(unit)
    while atasan is not None:
        p = atasan.pemangku_pada(tanggal)
        if p is not None:
            return Penilai(atasan, p.pegawai, p.status)
        atasan = atasan.atasan
    return Penilai(None, None, StatusPemangku.DEFINITIF)


# -- what a user sees -------------------------------------------------------------------------


def skp_terlihat(user: Any) -> QuerySet[SKP]:
    """Every SKP the user may see (same rule as `skp.lihat`, as one query)."""
    qs = SKP.objects.select_related("pegawai", "unit", "jabatan", "penilai")
    if getattr(user, "is_superuser", False):
        return qs
    q = Q(pk__in=[])
    pegawai = pegawai_dari(user)
    if pegawai is not None:
        q |= Q(pegawai=pegawai) | Q(penilai=pegawai)
    diawasi = q_diawasi(user)
    if diawasi is not None:
        q |= diawasi
    for jalur in jalur_dengan_peran(user, PERAN_KEPEGAWAIAN):
        q |= Q(unit__jalur__startswith=jalur)
    return qs.filter(q)


def skp_saya(user: Any, tahun: int | None = None) -> list[SKP]:
    """The user's own SKP (every period, newest year first; both halves of a move)."""
    pegawai = pegawai_dari(user)
    if pegawai is None:
        return []
    qs = SKP.objects.filter(pegawai=pegawai).select_related("unit", "jabatan", "penilai")
    if tahun is not None:
        qs = qs.filter(tahun=tahun)
    return list(qs.order_by("-tahun", "mulai"))


def skp_tim(user: Any, tahun: int) -> list[SKP]:
    """The SKP of the people the user supervises in `tahun` (direct and indirect), without the
    user's own, with their evaluations prefetched."""
    pegawai = pegawai_dari(user)
    diawasi = q_diawasi(user)
    if pegawai is None and diawasi is None:
        return []
    q = Q(penilai=pegawai) if pegawai is not None else Q(pk__in=[])
    if diawasi is not None:
        q |= diawasi
    qs = (
        SKP.objects.filter(q, tahun=tahun)
        .exclude(pegawai=pegawai)
        .select_related("pegawai", "unit", "jabatan", "penilai", "jabatan_penilai")
        .prefetch_related(
            Prefetch("penilaian", queryset=PenilaianSKP.objects.select_related("periode"))
        )
        .order_by("unit__jalur", "pegawai__nama", "mulai")
    )
    return list(qs)


def skp_lengkap(pk: int) -> SKP:
    """One SKP with its results, indicators, realisations and evaluations (bounded queries)."""
    return (
        SKP.objects.select_related(
            "pegawai", "unit", "jabatan__atasan", "jabatan__instansi", "penilai", "jabatan_penilai"
        )
        .prefetch_related(
            Prefetch(
                "rhk",
                queryset=RencanaHasilKerja.objects.select_related(
                    "rhk_atasan", "item_pk__indikator"
                ).prefetch_related(
                    Prefetch(
                        "indikator",
                        queryset=IndikatorSKP.objects.prefetch_related(
                            Prefetch(
                                "realisasi",
                                queryset=RealisasiSKP.objects.select_related(
                                    "periode"
                                ).prefetch_related("bukti"),
                            )
                        ),
                    )
                ),
            ),
            Prefetch(
                "penilaian",
                queryset=PenilaianSKP.objects.select_related("periode").prefetch_related(
                    "perilaku"
                ),
            ),
            "ekspektasi_perilaku",
        )
        .get(pk=pk)
    )


def periode_skp(skp: SKP) -> list[Periode]:
    """The Pemda's measurement periods (quarters, semesters, the year) within the SKP."""
    pemda_id = skp.unit.id_leluhur[0]
    daftar = Periode.objects.filter(pemda_id=pemda_id, tahun=skp.tahun).exclude(
        jenis_periode="bulan"
    )
    return sorted(
        (p for p in daftar if p.tanggal_akhir >= skp.mulai and p.tanggal_mulai <= skp.selesai),
        key=lambda p: (p.tanggal_akhir, p.tanggal_mulai),
    )


def skp_atasan(skp: SKP) -> list[SKP]:
    """The pejabat penilai's SKP overlapping this one (whose results this one may support)."""
    if skp.penilai_id is None:
        return []
    return list(
        SKP.objects.filter(
            pegawai_id=skp.penilai_id,
            tahun=skp.tahun,
            selesai__gte=skp.mulai,
            mulai__lte=skp.selesai,
        ).prefetch_related("rhk")
    )


def item_pk_pilihan(skp: SKP) -> QuerySet[Any]:
    """The PK items a result of this SKP may support: the employee's own PK (when they sign
    one) and the pejabat penilai's, of the SKP's year."""
    from kinerja.perencanaan.models import ItemPK

    jabatan = [j for j in (skp.jabatan_id, skp.jabatan_penilai_id) if j]
    return (
        ItemPK.objects.filter(perjanjian__jabatan_id__in=jabatan, perjanjian__tahun=skp.tahun)
        .select_related("indikator", "perjanjian__jabatan")
        .order_by("perjanjian__jabatan_id", "-perjanjian__nomor_versi", "urutan")
    )


# -- the unit's capaian and the unit-head rule ---------------------------------------------


def capaian_unit(instansi: Instansi, periode: Periode) -> Decimal | None:
    """The unit's capaian for the period (roll-up of its indicators), or None if not computable.

    Comes from `kinerja.pengukuran.hasil.tabel_capaian`, the only bridge to `kinerja.rumus`.
    """
    from kinerja.pengukuran.hasil import tabel_capaian

    tabel = tabel_capaian(instansi=instansi, periode=periode)
    if not tabel.jumlah_indikator:
        return None
    return getattr(tabel.rollup, "nilai", None)


def rating_pimpinan(skp: SKP, periode: Periode) -> tuple[Decimal | None, matriks.Rating | None]:
    """For a unit head's SKP: (unit capaian, the hasil kerja rating it sets); else (None, None)."""
    if not adalah_kepala_unit(skp.jabatan):
        return None, None
    assert skp.jabatan is not None
    cap = capaian_unit(skp.jabatan.instansi, periode)
    return cap, matriks.rating_hasil_kerja_pimpinan(cap)


# -- cascade tree ---------------------------------------------------------------------------


@dataclass
class SimpulCascade:
    """A node of the cascade: a PK item (the root level) or an employee's result."""

    jenis: str  # "pk" or "rhk"
    judul: str
    pemilik: str
    keterangan: str = ""
    anak: list[SimpulCascade] = field(default_factory=list)
    skp_id: int | None = None

    def ke_echarts(self) -> dict[str, Any]:
        """The node as ECharts tree data."""
        return {
            "name": self.judul[:90],
            "pemilik": self.pemilik,
            "jenis": self.jenis,
            "keterangan": self.keterangan,
            "children": [a.ke_echarts() for a in self.anak],
        }


def pohon_cascade(user: Any, instansi: Instansi, tahun: int) -> list[SimpulCascade]:
    """The cascade of an agency for a year: the Kepala's PK items at the top, the results that
    support them below, and each result's supporting results further down. Only SKP the user
    may see appear; a result whose parent is hidden hangs from the nearest visible level.
    """
    from kinerja.perencanaan.models import ItemPK

    terlihat = skp_terlihat(user).filter(unit__jalur__startswith=instansi.jalur, tahun=tahun)
    rhk = list(
        RencanaHasilKerja.objects.filter(skp__in=terlihat)
        .select_related("skp__pegawai", "item_pk")
        .prefetch_related("indikator")
        .order_by("skp__unit__jalur", "skp__pegawai__nama", "urutan", "id")
    )
    simpul: dict[int, SimpulCascade] = {}
    for r in rhk:
        ind = "; ".join(f"{i.nama} ({i.get_aspek_display()})" for i in r.indikator.all())
        simpul[r.pk] = SimpulCascade(
            "rhk", r.uraian, r.skp.pegawai.nama_lengkap, ind, skp_id=r.skp_id
        )
    item_ids = {r.item_pk_id for r in rhk if r.item_pk_id}
    # The root items: the PK items the results hang from, followed up to the Kepala's items.
    item = {
        i.pk: i
        for i in ItemPK.objects.filter(pk__in=item_ids).select_related(
            "indikator", "perjanjian__jabatan", "item_induk__indikator"
        )
    }
    akar_item: dict[int, SimpulCascade] = {}
    induk_item: dict[int, int | None] = {}

    def simpul_item(it: Any) -> SimpulCascade:
        if it.pk not in akar_item:
            induk_item[it.pk] = it.item_induk_id
            s = SimpulCascade(
                "pk",
                it.indikator.nama,
                f"PK {it.perjanjian.jabatan.nama}",
                "target "
                + (
                    format_angka(it.target, 0 if it.target == it.target.to_integral_value() else 2)
                    if it.target is not None
                    else it.target_teks
                ),
            )
            akar_item[it.pk] = s
            if it.item_induk_id:
                simpul_item(it.item_induk).anak.append(s)
        return akar_item[it.pk]

    for r in rhk:
        s = simpul[r.pk]
        if r.rhk_atasan_id and r.rhk_atasan_id in simpul:
            simpul[r.rhk_atasan_id].anak.append(s)
        elif r.item_pk_id and r.item_pk_id in item:
            simpul_item(item[r.item_pk_id]).anak.append(s)
    akar = [s for pk, s in akar_item.items() if not induk_item[pk]]
    # Results with no visible link: main results only (additional results are not cascaded).
    sisa = [
        simpul[r.pk]
        for r in rhk
        if r.jenis == "utama"
        and not (r.rhk_atasan_id and r.rhk_atasan_id in simpul)
        and not (r.item_pk_id and r.item_pk_id in item)
    ]
    return akar + sisa


# -- unit recap -----------------------------------------------------------------------------


@dataclass
class BarisRekap:
    """One employee's SKP in the unit recap for a period."""

    skp: SKP
    penilaian: PenilaianSKP | None
    # The employee's annual evaluation of the year, on the row of the SKP it belongs to (the
    # year's last SKP), so an employee who moved shows it once.
    tahunan: PenilaianTahunan | None = None


@dataclass
class RekapUnit:
    """The predikat of a unit's employees for a period and the distribution check."""

    instansi: Instansi
    periode: Periode
    baris: list[BarisRekap]
    jumlah: Counter[str]
    capaian: Decimal | None
    predikat_organisasi: matriks.PredikatOrganisasi | None
    pelanggaran: list[matriks.Pelanggaran]

    @property
    def jumlah_dinilai(self) -> int:
        """Employees with an evaluation for the period."""
        return sum(self.jumlah.values())

    @property
    def label_predikat_organisasi(self) -> str:
        """The organisation predikat as printed, or "–"."""
        p = self.predikat_organisasi
        return matriks.LABEL_PREDIKAT_ORGANISASI[p] if p else "–"


def rekap_unit(user: Any, instansi: Instansi, periode: Periode) -> RekapUnit:
    """Every visible SKP of the unit (and its sub-units) overlapping the period, its evaluation,
    the count per predikat and the distribution rules it breaks against the unit's predikat
    (from its capaian)."""
    skp = list(
        skp_terlihat(user)
        .filter(
            unit__jalur__startswith=instansi.jalur,
            tahun=periode.tahun,
            mulai__lte=periode.tanggal_akhir,
            selesai__gte=periode.tanggal_mulai,
        )
        .select_related("jabatan_penilai")
        .order_by("unit__jalur", "pegawai__nama", "mulai")
    )
    nilai = {
        p.skp_id: p
        for p in PenilaianSKP.objects.filter(skp__in=[s.pk for s in skp], periode=periode)
    }
    tahunan = {
        t.skp_id: t
        for t in PenilaianTahunan.objects.filter(skp__in=[s.pk for s in skp], tahun=periode.tahun)
    }
    baris = [BarisRekap(s, nilai.get(s.pk), tahunan.get(s.pk)) for s in skp]
    if periode.jenis_periode == "tahun":
        # The year's distribution is that of the annual evaluations (one per employee; the
        # periodic evaluation of the year period, if any, is not the annual predikat).
        jumlah: Counter[str] = Counter(b.tahunan.predikat for b in baris if b.tahunan)
    else:
        # An employee who moved inside the unit in the period counts once: their latest SKP.
        terakhir: dict[int, BarisRekap] = {}
        for b in baris:
            if b.penilaian is not None:
                terakhir[b.skp.pegawai_id] = b
        jumlah = Counter(b.penilaian.predikat for b in terakhir.values() if b.penilaian)
    cap = capaian_unit(instansi, periode)
    org = matriks.predikat_organisasi(cap)
    return RekapUnit(
        instansi=instansi,
        periode=periode,
        baris=baris,
        jumlah=jumlah,
        capaian=cap,
        predikat_organisasi=org,
        pelanggaran=matriks.periksa_distribusi(org, jumlah),
    )


def pegawai_tanpa_skp(instansi: Instansi, tahun: int) -> list[Pegawai]:
    """Active PNS and PPPK of the unit (and its sub-units) with no SKP in `tahun`."""
    return list(
        Pegawai.objects.filter(
            unit__jalur__startswith=instansi.jalur, aktif=True, jenis_asn__in=("pns", "pppk")
        )
        .exclude(skp__tahun=tahun)
        .select_related("unit")
        .order_by("unit__jalur", "nama")
    )
