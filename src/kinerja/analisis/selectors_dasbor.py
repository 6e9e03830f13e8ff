"""Reads for the dashboards of an agency and of a Pemda, and for the indicator comparison.

Every number comes from `kinerja.pengukuran.hasil.hitung_baris` (the bridge to
`kinerja.rumus`) and from `rumus.rollup`, `predikat`, `serapan`, `efisiensi`, `proyeksi` and
`hitung_capaian_renstra`; nothing here computes a capaian itself.

The rows are read as light records (`values_list`) instead of model instances: a Pemda of
8 000 indicators builds about 200 000 model objects through `hasil.tabel_capaian`, which costs
seconds, while the same rows as tuples cost a fraction of that. The records carry the
attributes `hitung_baris` reads (`nilai`, `nilai_teks`, `target`, `target_teks`,
`jumlah_bukti`, …), the same rows are selected (`target_berlaku`, the Rencana Aksi of the
signed PK as in `target_rencana_aksi`, realisations of the same kind of period up to the
chosen one), and a test checks the result equals `tabel_capaian`'s. Each dashboard reads a
fixed number of queries whatever the number of agencies or indicators.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja import rumus
from kinerja.alur.models import KeputusanIndikator, Siklus, StatusSiklus, StatusTugas, Tugas
from kinerja.dokumen.selectors import keuangan_elemen
from kinerja.inti.angka import format_angka
from kinerja.organisasi.models import Instansi, JenisInstansi
from kinerja.organisasi.permissions import jalur_dengan_peran
from kinerja.organisasi.selectors import instansi_terlihat
from kinerja.pengukuran import hasil
from kinerja.pengukuran.models import Periode, Realisasi, RealisasiAnggaran, StatusRealisasi
from kinerja.pengukuran.selectors import (
    RekapUnit,
    id_subtree,
    periode_pemda,
    periode_terakhir,
    pohon_anggaran,
    rekap_pengisian,
)
from kinerja.perencanaan import models as pm
from kinerja.perencanaan.selectors import indikator_instansi, target_berlaku

# Predikat bands of the default scale, best first, with the CSS class of their colour
# (kinerja.css) and the colour itself for charts and the PDF.
PREDIKAT = [
    ("ST", "sangat-tinggi", "#1a7f37"),
    ("T", "tinggi", "#4caf50"),
    ("S", "sedang", "#f0ad00"),
    ("R", "rendah", "#e8590c"),
    ("SR", "sangat-rendah", "#c92a2a"),
]
WARNA_TIDAK_DIHITUNG = "#adb5bd"
# How many indicators the "perlu perhatian" panel lists (the first three are "the three worst").
JUMLAH_PERHATIAN = 10
STATUS_LABEL = dict(StatusRealisasi.choices)


# -- light records -----------------------------------------------------------------------------


class RealisasiRingkas:
    """A stored realisation as the attributes the dashboard and `hitung_baris` read."""

    __slots__ = (
        "pk",
        "nilai",
        "nilai_teks",
        "status",
        "kendala",
        "tindak_lanjut",
        "terlambat",
        "jumlah_bukti",
    )

    def __init__(self, pk, nilai, nilai_teks, status, kendala, tindak_lanjut, terlambat, bukti):  # type: ignore[no-untyped-def]
        self.pk = pk
        self.nilai = nilai
        self.nilai_teks = nilai_teks
        self.status = status
        self.kendala = kendala
        self.tindak_lanjut = tindak_lanjut
        self.terlambat = terlambat
        self.jumlah_bukti = bukti

    def get_status_display(self) -> str:
        """The approval state's label, as on a model instance."""
        return str(STATUS_LABEL.get(self.status, self.status))


class TargetPeriode:
    """A Rencana Aksi period target (the two attributes `hitung_baris` reads)."""

    __slots__ = ("target", "target_teks")

    def __init__(self, target: Decimal | None, target_teks: str) -> None:
        self.target = target
        self.target_teks = target_teks


@dataclass(frozen=True)
class ElemenRingkas:
    """The element (sasaran, program, …) an indicator hangs on."""

    pk: int
    kode: str
    nama: str
    urutan: int
    kerangka_id: int
    unit_id: int | None
    instansi_kerangka_id: int
    level_kode: str
    level_nama: str
    level_urutan: int

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}".strip()


def _realisasi_ringkas(
    indikator_ids: list[int], periode: Periode
) -> dict[int, dict[int, RealisasiRingkas]]:
    """Realisations of the same kind of period up to `periode`: {indikator: {nomor: record}}."""
    hasil_: dict[int, dict[int, RealisasiRingkas]] = defaultdict(dict)
    for pk, iid, nomor, nilai, teks, status, kendala, tl, telat, bukti in (
        Realisasi.objects.filter(
            indikator_id__in=indikator_ids,
            periode__pemda_id=periode.pemda_id,
            periode__tahun=periode.tahun,
            periode__jenis_periode=periode.jenis_periode,
            periode__nomor__lte=periode.nomor,
        )
        .order_by()
        .annotate(n_bukti=Count("data_dukung"))
        .values_list(
            "pk",
            "indikator_id",
            "periode__nomor",
            "nilai",
            "nilai_teks",
            "status",
            "kendala",
            "tindak_lanjut",
            "terlambat",
            "n_bukti",
        )
    ):
        hasil_[iid][nomor] = RealisasiRingkas(pk, nilai, teks, status, kendala, tl, telat, bukti)
    return dict(hasil_)


def _target_periode(
    indikator_ids: list[int], tahun: int, jenis_periode: str
) -> dict[int, dict[int, TargetPeriode]]:
    """Period targets from the Rencana Aksi, chosen as `target_rencana_aksi` chooses them: the
    signed PK over a draft, the Kepala's item (no item_induk) over a Kabid's, then the newest
    version. Returns {indikator_id: {nomor: TargetPeriode}} in one query."""
    hasil_: dict[int, dict[int, TargetPeriode]] = defaultdict(dict)
    bobot: dict[int, tuple[int, int, int]] = {}
    for iid, nomor, target, teks, status, induk, versi in (
        pm.RencanaAksi.objects.filter(
            item_pk__indikator_id__in=indikator_ids,
            item_pk__perjanjian__tahun=tahun,
            jenis_periode=jenis_periode,
        )
        .order_by("item_pk__perjanjian__nomor_versi")
        .values_list(
            "item_pk__indikator_id",
            "nomor",
            "target",
            "target_teks",
            "item_pk__perjanjian__status",
            "item_pk__item_induk_id",
            "item_pk__perjanjian__nomor_versi",
        )
    ):
        kunci = (1 if status == pm.StatusPK.DITANDATANGANI else 0, 1 if induk is None else 0, versi)
        if iid in bobot and bobot[iid] > kunci:
            continue
        if iid not in bobot or bobot[iid] < kunci:
            hasil_[iid] = {}
            bobot[iid] = kunci
        hasil_[iid][nomor] = TargetPeriode(target, teks)
    return dict(hasil_)


def _elemen(elemen_ids: Iterable[int]) -> dict[int, ElemenRingkas]:
    """The elements by primary key, with their level (one query)."""
    return {
        r[0]: ElemenRingkas(*r)
        for r in pm.Elemen.objects.filter(pk__in=list(elemen_ids))
        .order_by()
        .values_list(
            "pk",
            "kode",
            "nama",
            "urutan",
            "kerangka_id",
            "unit_id",
            "kerangka__instansi_id",
            "level__kode",
            "level__nama",
            "level__urutan",
        )
    }


# -- the rows of a dashboard ------------------------------------------------------------------


@dataclass
class BarisDasbor:
    """One indicator on a dashboard: its computed row, element, holder and leadership decision."""

    b: hasil.BarisCapaian
    elemen: ElemenRingkas
    pemilik_id: int | None
    per_periode: dict[int, RealisasiRingkas]
    keputusan: KeputusanIndikator | None = None

    @property
    def indikator(self) -> pm.Indikator:
        """The indicator."""
        return self.b.indikator

    @property
    def capaian(self) -> rumus.HasilCapaian:
        """Capaian s.d. the period against the period target (the dashboard's measure)."""
        return self.b.capaian_periode


def kelas_predikat(p: rumus.Predikat | None) -> str:
    """The CSS class suffix of a predikat ("sangat-tinggi", …, "tidak-dihitung")."""
    if p is None:
        return "tidak-dihitung"
    return next((k for kode, k, _w in PREDIKAT if kode == p.kode), "tidak-dihitung")


def warna_predikat(p: rumus.Predikat | None) -> str:
    """The colour of a predikat (grey when not computable)."""
    if p is None:
        return WARNA_TIDAK_DIHITUNG
    return next((w for kode, _k, w in PREDIKAT if kode == p.kode), WARNA_TIDAK_DIHITUNG)


def anak_langsung(jalur: str | None, akar: Instansi) -> int | None:
    """The child of `akar` on the path `jalur` (`akar` itself when the path ends there)."""
    if not jalur or not jalur.startswith(akar.jalur):
        return None
    sisa = jalur[len(akar.jalur) :].strip("/")
    return int(sisa.split("/")[0]) if sisa else akar.pk


def tingkat_instansi(instansi: Instansi) -> list[tuple[str, str, int]]:
    """The framework levels holding indicators of `instansi`'s subtree: (kode, nama, urutan)
    in framework order (one query)."""
    hasil_: dict[str, tuple[str, int]] = {}
    for kode, nama, urutan in (
        indikator_instansi(instansi)
        .select_related(None)
        .prefetch_related(None)
        .order_by()
        .values_list("elemen__level__kode", "elemen__level__nama", "elemen__level__urutan")
        .distinct()
    ):
        lama = hasil_.get(kode)
        if lama is None or urutan < lama[1]:
            hasil_[kode] = (nama, urutan)
    return sorted(((k, n, u) for k, (n, u) in hasil_.items()), key=lambda x: (x[2], x[0]))


def baris_dasbor(*, instansi: Instansi, periode: Periode, level: str = "") -> list[BarisDasbor]:
    """Every indicator of `instansi`'s subtree (on framework level `level`, "" = all) computed
    for `periode` (seven queries).

    The indicators are those of `indikator_instansi` (the capaian page's); each is computed by
    `hasil.hitung_baris` from its annual target in force, its Rencana Aksi period targets and
    its realisations so far. `pemilik_id` is the child of `instansi` the indicator belongs to
    (its responsible unit, else its element's unit, else its framework's agency).
    """
    qs = indikator_instansi(instansi)
    if level:
        qs = qs.filter(elemen__level__kode=level)
    indikator = list(
        qs.select_related(None)
        .prefetch_related(None)
        .select_related("skala")
        .prefetch_related("skala__level")
        .only(
            "pk",
            "nama",
            "kode",
            "satuan",
            "jenis",
            "elemen_id",
            "unit_penanggung_jawab_id",
            "polaritas",
            "jenis_nilai",
            "agregasi",
            "metode_negatif",
            "skala",
            "boleh_negatif",
            "frekuensi",
            "target_akhir_renstra",
            "standar_nasional",
        )
    )
    ids = [i.pk for i in indikator]
    target = target_berlaku(ids, periode.tahun, periode.tanggal_akhir)
    ra = _target_periode(ids, periode.tahun, periode.jenis_periode)
    real = _realisasi_ringkas(ids, periode)
    elemen = _elemen({i.elemen_id for i in indikator})
    jalur = id_subtree([f"/{periode.pemda_id}/"])
    jumlah = hasil.JUMLAH_PERIODE[periode.jenis_periode]
    baris = []
    for ind in indikator:
        e = elemen[ind.elemen_id]
        per = real.get(ind.pk, {})
        b = hasil.hitung_baris(
            ind,
            target=target.get(ind.pk),
            ra=ra.get(ind.pk, {}),  # type: ignore[arg-type]
            per_periode=per,  # type: ignore[arg-type]
            n=periode.nomor,
            jumlah_periode=jumlah,
        )
        unit = ind.unit_penanggung_jawab_id or e.unit_id or e.instansi_kerangka_id
        pemilik = anak_langsung(jalur.get(unit), instansi) or anak_langsung(
            jalur.get(e.instansi_kerangka_id), instansi
        )
        baris.append(BarisDasbor(b, e, pemilik, per))
    return baris


def keputusan_terakhir(instansi: Instansi) -> dict[int, KeputusanIndikator]:
    """The latest leadership decision per indicator from the meetings of cycles in `instansi`'s
    subtree (one query)."""
    hasil_: dict[int, KeputusanIndikator] = {}
    for k in (
        KeputusanIndikator.objects.filter(
            rapat__tugas__siklus__instansi__jalur__startswith=instansi.jalur
        )
        .select_related("rapat", "rapat__tugas__siklus__periode", "indikator")
        .order_by("rapat__waktu", "pk")
    ):
        hasil_[k.indikator_id] = k
    return hasil_


# -- groups, distribution, budget --------------------------------------------------------------


@dataclass
class Kelompok:
    """A bar of the capaian chart: an element (agency dashboard) or an agency (Pemda dashboard)."""

    kunci: int
    nama: str
    keterangan: str
    url: str = ""
    baris: list[BarisDasbor] = field(default_factory=list)
    rollup: rumus.HasilRollup | None = None
    predikat: rumus.Predikat | None = None
    pagu: Decimal | None = None
    realisasi_anggaran: Decimal | None = None
    serapan: rumus.HasilSerapan | None = None
    efisiensi: rumus.HasilEfisiensi | None = None

    @property
    def jumlah_tidak_dihitung(self) -> int:
        """Indicators of the group left out of the mean (not computable)."""
        return sum(1 for b in self.baris if not b.capaian.dapat_dihitung)

    @property
    def kelas(self) -> str:
        """CSS class suffix of the group's predikat."""
        return kelas_predikat(self.predikat)


def _isi_kelompok(k: Kelompok) -> None:
    k.rollup = rumus.rollup([b.capaian for b in k.baris])
    k.predikat = rumus.predikat(k.rollup)
    if k.serapan is not None and k.serapan.dapat_dihitung:
        k.efisiensi = rumus.efisiensi(capaian=k.rollup, serapan=k.serapan)


def distribusi_predikat(baris: list[BarisDasbor]) -> list[dict[str, Any]]:
    """How many indicators fall in each predikat band, and how many cannot be computed."""
    hitung: dict[str, int] = defaultdict(int)
    for b in baris:
        hitung[b.b.predikat.kode if b.b.predikat else ""] += 1
    label = {p.kode: p.label for p in rumus.PREDIKAT_PERMENDAGRI_86.tingkat}
    hasil_ = [
        {"kode": kode, "label": label[kode], "kelas": kelas, "warna": warna, "jumlah": hitung[kode]}
        for kode, kelas, warna in PREDIKAT
    ]
    hasil_.append(
        {
            "kode": "",
            "label": _("Belum dapat dihitung"),
            "kelas": "tidak-dihitung",
            "warna": WARNA_TIDAK_DIHITUNG,
            "jumlah": hitung[""],
        }
    )
    return hasil_


def anggaran_per_pemilik(
    *, instansi: Instansi, periode: Periode, kerangka_ids: Iterable[int]
) -> dict[int, tuple[Decimal, Decimal, rumus.HasilSerapan]]:
    """Budget up to `periode` per child of `instansi`: (Σpagu, Σrealisasi, rumus.serapan).

    Only top budget lines count (a program's line, not also its kegiatan's), as in
    `dokumen.selectors.keuangan_instansi`. Four queries whatever the number of agencies.
    """
    kerangka_ids = list(kerangka_ids)
    atas = pohon_anggaran(kerangka_ids, periode.tahun)
    puncak = [a for a, induk in atas.items() if induk is None]
    jalur = id_subtree([instansi.jalur])
    garis = list(
        pm.Anggaran.objects.filter(pk__in=puncak)
        .order_by()
        .values_list("pk", "pagu", "elemen__unit_id", "elemen__kerangka__instansi_id")
    )
    nilai: dict[int, Decimal] = defaultdict(Decimal)
    ada: set[int] = set()
    for aid, v in (
        RealisasiAnggaran.objects.filter(
            anggaran_id__in=puncak,
            periode__pemda_id=periode.pemda_id,
            periode__tahun=periode.tahun,
            periode__jenis_periode=periode.jenis_periode,
            periode__nomor__lte=periode.nomor,
        )
        .order_by()
        .values_list("anggaran_id", "nilai")
    ):
        nilai[aid] += v
        ada.add(aid)
    per: dict[int, tuple[list[Decimal | None], list[Decimal]]] = defaultdict(lambda: ([], []))
    for aid, pagu, unit, inst in garis:
        pemilik = anak_langsung(jalur.get(unit or inst), instansi)
        if pemilik is None:
            continue
        per[pemilik][0].append(nilai[aid] if aid in ada else None)
        per[pemilik][1].append(pagu)
    hasil_ = {}
    for pemilik, (real, pagu) in per.items():
        s = rumus.serapan(realisasi=real, pagu=pagu)
        total_r = sum((r for r in real if r is not None), Decimal(0))
        hasil_[pemilik] = (sum(pagu, Decimal(0)), total_r, s)
    return hasil_


# -- attention: the worst indicators and why ---------------------------------------------------


@dataclass
class Perhatian:
    """An indicator that needs the leadership's attention, with the reasons."""

    baris: BarisDasbor
    pemilik: str
    alasan: list[str]
    proyeksi: rumus.HasilProyeksi | None
    meleset: bool


def proyeksi_baris(bd: BarisDasbor, periode: Periode) -> rumus.HasilProyeksi:
    """Year-end projection of an indicator from its periods so far (`rumus.proyeksi`)."""
    ind, t = bd.indikator, bd.b.target
    return rumus.proyeksi(
        realisasi=[
            hasil.nilai_realisasi(ind, bd.per_periode.get(i))  # type: ignore[arg-type]
            for i in range(1, periode.nomor + 1)
        ],
        agregasi=ind.agregasi,
        jumlah_periode=hasil.JUMLAH_PERIODE[periode.jenis_periode],
        jenis=ind.jenis_nilai,
        skala=hasil.skala_rumus(ind.skala),
        target_tahunan=hasil.nilai_target(ind, t.nilai, t.nilai_teks) if t else None,
        polaritas=ind.polaritas,
        metode_negatif=ind.metode_negatif,
        target_min=t.nilai_min if t else None,
        target_max=t.nilai_max if t else None,
        boleh_negatif=ind.boleh_negatif,
    )


def teks_persen(h: Any) -> str:
    """A result as "74,21 %" (or "–")."""
    if h is None or getattr(h, "nilai", None) is None:
        return "–"
    return f"{format_angka(h.nilai, 2)} %"


def perlu_perhatian(
    baris: list[BarisDasbor], periode: Periode, nama_pemilik: dict[int, str], n: int
) -> list[Perhatian]:
    """The `n` computable indicators with the lowest capaian s.d. the period, lowest first,
    each with its reasons: the capaian and predikat, the data-quality flags, the year-end
    projection (and whether it misses the annual target), the unit's kendala and the
    leadership's last decision."""
    dihitung = [b for b in baris if b.capaian.nilai is not None]
    dihitung.sort(key=lambda b: (b.capaian.nilai, b.indikator.pk))
    hasil_ = []
    for bd in dihitung[:n]:
        alasan = [
            _("Capaian s.d. %(periode)s %(c)s terhadap target periode (%(p)s).")
            % {
                "periode": periode.label,
                "c": teks_persen(bd.capaian),
                "p": bd.b.predikat.label if bd.b.predikat else "–",
            }
        ]
        alasan.extend(bd.b.catatan)
        pr = proyeksi_baris(bd, periode)
        meleset = bool(pr.capaian and pr.capaian.nilai is not None and pr.capaian.nilai < 100)
        if pr.nilai is not None and pr.capaian is not None and pr.capaian.nilai is not None:
            alasan.append(
                (
                    _("Diproyeksikan tidak mencapai target tahun: capaian akhir tahun %(c)s.")
                    if meleset
                    else _("Proyeksi capaian akhir tahun %(c)s.")
                )
                % {"c": teks_persen(pr.capaian)}
            )
        r = bd.per_periode.get(periode.nomor)
        if r is not None and r.kendala:
            alasan.append(_("Kendala menurut unit: %(k)s") % {"k": r.kendala})
        if bd.keputusan is not None:
            alasan.append(
                _("Keputusan rapat pimpinan: %(h)s%(a)s")
                % {
                    "h": bd.keputusan.get_hasil_display(),
                    "a": f" — {bd.keputusan.arahan}" if bd.keputusan.arahan else "",
                }
            )
        hasil_.append(
            Perhatian(
                baris=bd,
                pemilik=nama_pemilik.get(bd.pemilik_id or 0, ""),
                alasan=alasan,
                proyeksi=pr,
                meleset=meleset,
            )
        )
    return hasil_


# -- the measurement cycle ---------------------------------------------------------------------


@dataclass
class KemajuanSiklus:
    """Where a measurement cycle stands: steps done of all, steps late, the current step."""

    siklus: Siklus
    jumlah: int
    selesai: int
    terlambat: int
    aktif: list[Tugas] = field(default_factory=list)

    @property
    def persen(self) -> int:
        """Steps done, in whole percent."""
        return self.selesai * 100 // self.jumlah if self.jumlah else 0


def kemajuan_siklus_periode(instansi: Instansi, periode: Periode) -> list[KemajuanSiklus]:
    """The cycles of `periode` run by units in `instansi`'s subtree, with their progress (two
    queries). Steps redone after a return count once (superseded rows are left out)."""
    sekarang = timezone.now()
    # Rows superseded by a return (the returning decision, steps redone in a later round).
    LAMA = [StatusTugas.DILEWATI, StatusTugas.DIKEMBALIKAN]
    daftar = list(
        Siklus.objects.filter(periode=periode, instansi__jalur__startswith=instansi.jalur)
        .exclude(status=StatusSiklus.DIBATALKAN)
        .select_related("template", "instansi")
        .annotate(
            n_jumlah=Count("tugas", filter=~Q(tugas__status__in=LAMA)),
            n_selesai=Count("tugas", filter=Q(tugas__status=StatusTugas.SELESAI)),
            n_terlambat=Count(
                "tugas",
                filter=~Q(tugas__status__in=LAMA)
                & (
                    Q(tugas__selesai__gt=F("tugas__tenggat"))
                    | Q(tugas__status=StatusTugas.AKTIF, tugas__tenggat__lt=sekarang)
                ),
            ),
        )
        .order_by("instansi__jalur", "-dibuka_pada")
    )
    aktif: dict[int, list[Tugas]] = defaultdict(list)
    for t in (
        Tugas.objects.filter(siklus__in=[s.pk for s in daftar], status=StatusTugas.AKTIF)
        .select_related("langkah")
        .order_by("langkah__urutan")
    ):
        aktif[t.siklus_id].append(t)
    return [
        KemajuanSiklus(s, s.n_jumlah, s.n_selesai, s.n_terlambat, aktif.get(s.pk, []))
        for s in daftar
    ]


# -- the dashboard -----------------------------------------------------------------------------


@dataclass
class Dasbor:
    """Everything a dashboard page, its charts and its PDF show."""

    instansi: Instansi
    periode: Periode
    mode_pemda: bool
    level: str
    daftar_level: list[tuple[str, str]]
    baris: list[BarisDasbor]
    kelompok: list[Kelompok]
    rollup: rumus.HasilRollup
    predikat: rumus.Predikat | None
    distribusi: list[dict[str, Any]]
    perhatian: list[Perhatian]
    pengisian: list[RekapUnit]
    pengisian_total: RekapUnit
    siklus: list[KemajuanSiklus]
    keputusan: list[KeputusanIndikator]
    perhatian_semua_tingkat: bool = False

    @property
    def tingkat_perhatian(self) -> str:
        """The level the attention panel looked at."""
        return _("semua tingkat") if self.perhatian_semua_tingkat else self.level_nama

    @property
    def jumlah_tidak_dihitung(self) -> int:
        """Indicators on the dashboard whose capaian cannot be computed yet."""
        return sum(1 for b in self.baris if not b.capaian.dapat_dihitung)

    @property
    def jumlah_bendera(self) -> int:
        """Indicators with a data-quality note."""
        return sum(1 for b in self.baris if b.b.catatan)

    @property
    def level_nama(self) -> str:
        """The chosen level's name ("Semua tingkat" when none)."""
        return dict(self.daftar_level).get(self.level, _("Semua tingkat"))


def level_bawaan(daftar: list[tuple[str, str, int]]) -> str:
    """The level shown first: the framework's second level (Sasaran, Area Strategis)."""
    kedua = [kode for kode, _n, urutan in daftar if urutan == 2]
    return kedua[0] if kedua else ""


def dasbor(
    *, instansi: Instansi, periode: Periode, level: str | None = None, url_kelompok: Any = None
) -> Dasbor:
    """The dashboard of `instansi` (a Pemda: by agency; an agency or unit: by element) for
    `periode`, restricted to indicators on framework level `level` ("" = all levels, None =
    the default level). `url_kelompok(kelompok, level)` gives each bar's drill-down link.

    A fixed number of queries whatever the data size (asserted in the tests).
    """
    mode_pemda = instansi.induk_id is None
    urut_tingkat = tingkat_instansi(instansi)
    if level is None or (level and level not in {k for k, _n, _u in urut_tingkat}):
        level = level_bawaan(urut_tingkat)
    # A Pemda computes only the chosen level (its default, Sasaran, is a tenth of 8 000
    # indicators) and looks for its worst indicators there, at IKU level. An agency has a few
    # hundred at most: all are computed, so its Kepala finds the worst of every level.
    if mode_pemda:
        semua = baris = baris_dasbor(instansi=instansi, periode=periode, level=level)
    else:
        semua = baris_dasbor(instansi=instansi, periode=periode)
        baris = [b for b in semua if not level or b.elemen.level_kode == level]
    keputusan = keputusan_terakhir(instansi)
    for b in semua:
        b.keputusan = keputusan.get(b.indikator.pk)
    anak = list(instansi.anak.order_by("urutan", "nama"))
    nama_anak = {a.pk: a.singkatan or a.nama for a in anak}
    nama_anak[instansi.pk] = instansi.singkatan or instansi.nama
    kelompok: dict[int, Kelompok] = {}
    if mode_pemda:
        uang = anggaran_per_pemilik(
            instansi=instansi, periode=periode, kerangka_ids={b.elemen.kerangka_id for b in baris}
        )
        for a in [instansi, *anak]:
            kelompok[a.pk] = Kelompok(a.pk, a.nama, a.singkatan)
        for b in baris:
            if b.pemilik_id in kelompok:
                kelompok[b.pemilik_id].baris.append(b)
        for k in kelompok.values():
            if k.kunci in uang:
                k.pagu, k.realisasi_anggaran, k.serapan = uang[k.kunci]
    else:
        for b in baris:
            e = b.elemen
            k = kelompok.setdefault(
                e.pk, Kelompok(e.pk, e.nama, f"{e.level_nama} {e.kode}".strip())
            )
            k.baris.append(b)
        keu = keuangan_elemen(
            [
                pm.Elemen(pk=k.kunci, kerangka_id=k.baris[0].elemen.kerangka_id)
                for k in kelompok.values()
            ],
            periode,
        )
        for k in kelompok.values():
            u = keu.get(k.kunci)
            if u is not None and u.serapan is not None:
                k.pagu, k.realisasi_anggaran, k.serapan = u.pagu, u.realisasi, u.serapan
    daftar_kelompok = [k for k in kelompok.values() if k.baris]
    for k in daftar_kelompok:
        _isi_kelompok(k)
        if url_kelompok is not None:
            k.url = url_kelompok(k, level)
    total = rumus.rollup([b.capaian for b in baris])
    hasil_rekap = rekap_pengisian([instansi, *anak], periode)
    pengisian = [hasil_rekap[a.pk] for a in anak]
    if hasil_rekap[instansi.pk].wajib:
        pengisian.insert(0, hasil_rekap[instansi.pk])
    jumlah_total = RekapUnit(instansi)
    for r in pengisian:
        for kolom in (
            "wajib",
            "terisi",
            "draf",
            "diajukan",
            "divalidasi",
            "dikembalikan",
            "tanpa_bukti",
            "terlambat",
        ):
            setattr(jumlah_total, kolom, getattr(jumlah_total, kolom) + getattr(r, kolom))
    return Dasbor(
        instansi=instansi,
        periode=periode,
        mode_pemda=mode_pemda,
        level=level,
        daftar_level=[(k, n) for k, n, _u in urut_tingkat],
        baris=baris,
        kelompok=daftar_kelompok,
        rollup=total,
        predikat=rumus.predikat(total),
        distribusi=distribusi_predikat(baris),
        perhatian=perlu_perhatian(semua, periode, nama_anak, JUMLAH_PERHATIAN),
        perhatian_semua_tingkat=not mode_pemda,
        pengisian=pengisian,
        pengisian_total=jumlah_total,
        siklus=kemajuan_siklus_periode(instansi, periode),
        keputusan=sorted(
            (b.keputusan for b in baris if b.keputusan is not None),
            key=lambda k: (k.rapat.waktu, k.pk),
            reverse=True,
        ),
    )


# -- what a user may choose --------------------------------------------------------------------


def instansi_awal(user: Any) -> Instansi | None:
    """The widest unit among the user's roles (a Pemda, else an agency, else a unit)."""
    if getattr(user, "is_superuser", False):
        return Instansi.objects.filter(induk__isnull=True).order_by("nama").first()
    jalur = sorted(jalur_dengan_peran(user), key=lambda j: (j.count("/"), j))
    if not jalur:
        return None
    return Instansi.objects.filter(jalur=jalur[0]).first()


def pilihan_instansi(user: Any, pemda: Instansi) -> list[Instansi]:
    """Dashboards the user may open in a Pemda: the Pemda and its agencies they can see, and
    the units their roles are on (a Kepala UKPBJ on a unit of the Setda)."""
    akar_peran = [j for j in jalur_dengan_peran(user) if j.startswith(pemda.jalur)]
    return list(
        instansi_terlihat(user)
        .filter(jalur__startswith=pemda.jalur)
        .filter(
            Q(jenis__in=[JenisInstansi.PEMDA, JenisInstansi.PERANGKAT_DAERAH])
            | Q(jalur__in=akar_peran)
        )
        .order_by("jalur")
    )


def daftar_periode(pemda: Instansi) -> list[Periode]:
    """The Pemda's periods, newest first."""
    return list(periode_pemda(pemda))


def periode_bawaan(pemda: Instansi) -> Periode | None:
    """The period a dashboard opens on: the latest quarter with data."""
    return periode_terakhir(pemda, "triwulan")


# -- one indicator compared --------------------------------------------------------------------


@dataclass
class TitikRiwayat:
    """One measured period of an indicator (s.d. that period)."""

    periode: Periode
    baris: hasil.BarisCapaian
    realisasi: Realisasi


@dataclass
class Perbandingan:
    """An indicator compared with last year, earlier years, the Renstra end target, the national
    or provincial standard, and projected to the year end."""

    indikator: pm.Indikator
    periode: Periode
    sekarang: hasil.BarisCapaian | None
    tahun_lalu: TitikRiwayat | None
    per_tahun: list[dict[str, Any]]
    renstra: rumus.HasilCapaian | None
    renstra_tahun_ke: int | None
    renstra_jumlah_tahun: int | None
    kerangka: pm.KerangkaKinerja
    standar: rumus.HasilCapaian | None
    proyeksi: rumus.HasilProyeksi | None
    nilai_tahun_ini: list[TitikRiwayat]
    riwayat: list[TitikRiwayat]
    keputusan: list[KeputusanIndikator]


def perbandingan_indikator(ind: pm.Indikator, periode: Periode) -> Perbandingan:
    """Compare an indicator for `periode` (five queries whatever its history)."""
    semua = list(
        Realisasi.objects.filter(indikator=ind, periode__pemda_id=periode.pemda_id)
        .select_related("periode")
        .annotate(jumlah_bukti=Count("data_dukung"))
        .order_by("periode__tahun", "periode__nomor")
    )
    versi = list(ind.target.order_by("tahun", "nomor_versi"))
    ra_per = _target_periode_semua(ind)
    kelompok: dict[tuple[int, str], dict[int, Realisasi]] = defaultdict(dict)
    for r in semua:
        kelompok[(r.periode.tahun, r.periode.jenis_periode)][r.periode.nomor] = r

    def target_pada(tahun: int, pada: dt.date) -> pm.TargetTahunan | None:
        tahun_ini = [t for t in versi if t.tahun == tahun]
        berlaku = [t for t in tahun_ini if t.berlaku_mulai <= pada]
        return berlaku[-1] if berlaku else (tahun_ini[0] if tahun_ini else None)

    def hitung(tahun: int, jenis: str, n: int, pada: dt.date) -> hasil.BarisCapaian:
        return hasil.hitung_baris(
            ind,
            target=target_pada(tahun, pada),
            ra=ra_per.get((tahun, jenis), {}),  # type: ignore[arg-type]
            per_periode=kelompok.get((tahun, jenis), {}),
            n=n,
            jumlah_periode=hasil.JUMLAH_PERIODE[jenis],
        )

    titik: list[TitikRiwayat] = []
    for (_tahun, _jenis), per in sorted(kelompok.items()):
        for n, r in sorted(per.items()):
            p = r.periode
            titik.append(TitikRiwayat(p, hitung(p.tahun, p.jenis_periode, n, p.tanggal_akhir), r))
    sekarang = hitung(periode.tahun, periode.jenis_periode, periode.nomor, periode.tanggal_akhir)
    tahun_lalu = next(
        (
            t
            for t in titik
            if t.periode.tahun == periode.tahun - 1
            and t.periode.jenis_periode == periode.jenis_periode
            and t.periode.nomor == periode.nomor
        ),
        None,
    )
    # The year-end value of each year: its "tahun" period, else its last measured period.
    akhir: dict[int, TitikRiwayat] = {}
    for t in titik:
        if t.periode.tahun >= periode.tahun:
            continue
        lama = akhir.get(t.periode.tahun)
        if lama is None or (
            lama.periode.jenis_periode != "tahun"
            and (
                t.periode.jenis_periode == "tahun"
                or (
                    t.periode.jenis_periode == lama.periode.jenis_periode
                    and t.periode.nomor >= lama.periode.nomor
                )
            )
        ):
            akhir[t.periode.tahun] = t
    per_tahun = [
        {
            "tahun": y,
            "periode": akhir[y].periode,
            "target": akhir[y].baris.target_tahun_teks,
            "realisasi": akhir[y].baris.realisasi_sd_teks,
            "capaian": akhir[y].baris.capaian_tahun,
            "predikat": rumus.predikat(akhir[y].baris.capaian_tahun),
        }
        for y in sorted(akhir)
    ]
    kerangka = ind.elemen.kerangka
    skala = hasil.skala_rumus(ind.skala)
    nilai_sekarang = (
        sekarang.sd.realisasi.nilai_asli if sekarang.sd.realisasi.dapat_dihitung else None
    )
    renstra = None
    tahun_ke = None
    jumlah_tahun = kerangka.tahun_selesai - kerangka.tahun_mulai + 1
    if kerangka.tahun_mulai <= periode.tahun <= kerangka.tahun_selesai:
        tahun_ke = periode.tahun - kerangka.tahun_mulai + 1
    if ind.target_akhir_renstra is not None:
        tahunan = []
        for y in range(kerangka.tahun_mulai, periode.tahun):
            t = akhir.get(y)
            tahunan.append(
                t.baris.sd.realisasi.nilai_asli
                if t is not None and t.baris.sd.realisasi.dapat_dihitung
                else None
            )
        tahunan.append(nilai_sekarang)
        renstra = hasil.capaian_renstra(ind, tahunan)
    standar = hasil.capaian_standar(ind, nilai_sekarang)
    per_ini = kelompok.get((periode.tahun, periode.jenis_periode), {})
    t = sekarang.target
    pr = rumus.proyeksi(
        realisasi=[hasil.nilai_realisasi(ind, per_ini.get(i)) for i in range(1, periode.nomor + 1)],
        agregasi=ind.agregasi,
        jumlah_periode=hasil.JUMLAH_PERIODE[periode.jenis_periode],
        jenis=ind.jenis_nilai,
        skala=skala,
        target_tahunan=hasil.nilai_target(ind, t.nilai, t.nilai_teks) if t else None,
        polaritas=ind.polaritas,
        metode_negatif=ind.metode_negatif,
        target_min=t.nilai_min if t else None,
        target_max=t.nilai_max if t else None,
        boleh_negatif=ind.boleh_negatif,
    )
    keputusan = list(
        KeputusanIndikator.objects.filter(indikator=ind)
        .select_related("rapat", "rapat__tugas__siklus__periode")
        .order_by("-rapat__waktu", "-pk")
    )
    return Perbandingan(
        indikator=ind,
        periode=periode,
        sekarang=sekarang,
        tahun_lalu=tahun_lalu,
        per_tahun=per_tahun,
        renstra=renstra,
        renstra_tahun_ke=tahun_ke,
        renstra_jumlah_tahun=jumlah_tahun,
        kerangka=kerangka,
        standar=standar,
        proyeksi=pr,
        nilai_tahun_ini=[
            t
            for t in titik
            if t.periode.tahun == periode.tahun
            and t.periode.jenis_periode == periode.jenis_periode
            and t.periode.nomor <= periode.nomor
        ],
        riwayat=[t for t in titik if t.periode.jenis_periode == periode.jenis_periode],
        keputusan=keputusan,
    )


def _target_periode_semua(ind: pm.Indikator) -> dict[tuple[int, str], dict[int, TargetPeriode]]:
    """Every year's Rencana Aksi period targets of one indicator, chosen as
    `target_rencana_aksi` does (one query): {(tahun, jenis_periode): {nomor: TargetPeriode}}."""
    hasil_: dict[tuple[int, str], dict[int, TargetPeriode]] = defaultdict(dict)
    bobot: dict[tuple[int, str], tuple[int, int, int]] = {}
    for tahun, jenis, nomor, target, teks, status, induk, versi in (
        pm.RencanaAksi.objects.filter(item_pk__indikator=ind)
        .order_by("item_pk__perjanjian__nomor_versi")
        .values_list(
            "item_pk__perjanjian__tahun",
            "jenis_periode",
            "nomor",
            "target",
            "target_teks",
            "item_pk__perjanjian__status",
            "item_pk__item_induk_id",
            "item_pk__perjanjian__nomor_versi",
        )
    ):
        kunci_tahun = (tahun, jenis)
        kunci = (1 if status == pm.StatusPK.DITANDATANGANI else 0, 1 if induk is None else 0, versi)
        if kunci_tahun in bobot and bobot[kunci_tahun] > kunci:
            continue
        if kunci_tahun not in bobot or bobot[kunci_tahun] < kunci:
            hasil_[kunci_tahun] = {}
            bobot[kunci_tahun] = kunci
        hasil_[kunci_tahun][nomor] = TargetPeriode(target, teks)
    return dict(hasil_)
