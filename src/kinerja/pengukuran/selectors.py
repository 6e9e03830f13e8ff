"""Reads on measurement data, each a bounded number of queries whatever the data size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, Q, QuerySet

from kinerja.inti.angka import format_angka
from kinerja.inti.models import Peristiwa
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import (
    DataDukung,
    KeputusanBukti,
    Periode,
    Realisasi,
    RealisasiAnggaran,
    StatusRealisasi,
)
from kinerja.perencanaan.models import Anggaran, Elemen, Indikator


def periode_pemda(pemda: Instansi) -> QuerySet[Periode]:
    """The measurement periods of a Pemda, newest first."""
    return Periode.objects.filter(pemda=pemda).order_by("-tahun", "jenis_periode", "-nomor")


def periode_terakhir(pemda: Instansi, jenis_periode: str = "triwulan") -> Periode | None:
    """The most recent period of that kind which has started (open ones first)."""
    return (
        Periode.objects.filter(pemda=pemda, jenis_periode=jenis_periode)
        .order_by("-tahun", "-nomor")
        .exclude(status="dibuka", realisasi__isnull=True)
        .first()
        or Periode.objects.filter(pemda=pemda, jenis_periode=jenis_periode)
        .order_by("-tahun", "-nomor")
        .first()
    )


def realisasi_sampai(
    indikator_ids: Iterable[int], periode: Periode
) -> dict[int, dict[int, Realisasi]]:
    """Realisations of the same kind of period from the first up to `periode`, by indicator.

    Returns {indikator_id: {nomor: Realisasi}} with the evidence count annotated as
    `jumlah_bukti` (one query).
    """
    qs = (
        Realisasi.objects.filter(
            indikator_id__in=list(indikator_ids),
            periode__pemda_id=periode.pemda_id,
            periode__tahun=periode.tahun,
            periode__jenis_periode=periode.jenis_periode,
            periode__nomor__lte=periode.nomor,
        )
        .select_related("periode")
        .annotate(jumlah_bukti=Count("data_dukung"))
    )
    hasil: dict[int, dict[int, Realisasi]] = defaultdict(dict)
    for r in qs:
        hasil[r.indikator_id][r.periode.nomor] = r
    return dict(hasil)


# The audit action of a reminder e-mail to a unit (see services.pengingat_kirim).
AKSI_PENGINGAT = "pengisian.pengingat"

# An indicator is due in a period when it is reported at least that often: a monthly indicator
# in every month, quarter, semester and year; an annual one only in the year period.
FREKUENSI_DILAPORKAN: dict[str, frozenset[str]] = {
    "bulan": frozenset({"bulanan"}),
    "triwulan": frozenset({"bulanan", "triwulanan"}),
    "semester": frozenset({"bulanan", "triwulanan", "semesteran"}),
    "tahun": frozenset({"bulanan", "triwulanan", "semesteran", "tahunan"}),
}


def id_subtree(jalur: Iterable[str]) -> dict[int, str]:
    """{pk: jalur} of every Instansi in the subtrees `jalur` (one query on the small tree)."""
    q = Q(pk__in=[])
    for j in jalur:
        q |= Q(jalur__startswith=j)
    return dict(Instansi.objects.filter(q).order_by().values_list("pk", "jalur"))


def q_cakupan_indikator(jalur: Iterable[str] | dict[int, str], awalan: str = "") -> Q:
    """Indicators whose responsible unit lies in one of the subtrees `jalur`.

    The responsible unit is `Indikator.instansi_cakupan()`: the unit penanggung jawab, else the
    element's unit, else the framework's agency. `awalan` prefixes the lookups ("indikator__"
    to filter realisations). Pass the result of `id_subtree` to reuse it. The subtree is
    resolved to primary keys first, so the database compares foreign keys instead of running a
    LIKE on three joined copies of the Instansi table. An empty subtree matches nothing.
    """
    ids = list(jalur if isinstance(jalur, dict) else id_subtree(jalur))
    a = awalan
    return (
        Q(**{f"{a}unit_penanggung_jawab_id__in": ids})
        | Q(**{f"{a}unit_penanggung_jawab__isnull": True, f"{a}elemen__unit_id__in": ids})
        | Q(
            **{
                f"{a}unit_penanggung_jawab__isnull": True,
                f"{a}elemen__unit__isnull": True,
                f"{a}elemen__kerangka__instansi_id__in": ids,
            }
        )
    )


def q_cakupan_anggaran(jalur: Iterable[str] | dict[int, str], awalan: str = "") -> Q:
    """Budget lines whose element belongs to a unit in one of the subtrees `jalur`."""
    ids = list(jalur if isinstance(jalur, dict) else id_subtree(jalur))
    a = awalan
    return Q(**{f"{a}elemen__unit_id__in": ids}) | Q(
        **{f"{a}elemen__unit__isnull": True, f"{a}elemen__kerangka__instansi_id__in": ids}
    )


def indikator_tanggung_jawab(instansi: Instansi, periode: Periode) -> QuerySet[Indikator]:
    """The indicators `instansi` (and its sub-units) must report for `periode`, in table order.

    Only indicators whose reporting frequency makes them due in this kind of period (see
    `FREKUENSI_DILAPORKAN`). Everything the entry page and the permission check need is joined
    in (unit, element, framework agency, scale levels).
    """
    return (
        Indikator.objects.filter(q_cakupan_indikator([instansi.jalur]))
        .filter(frekuensi__in=FREKUENSI_DILAPORKAN[periode.jenis_periode])
        .select_related(
            "elemen",
            "elemen__level",
            "elemen__unit",
            "elemen__kerangka__instansi",
            "unit_penanggung_jawab",
            "skala",
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


def periode_sebelumnya(periode: Periode) -> Periode | None:
    """The period of the same kind just before `periode` (TW IV of last year before TW I)."""
    qs = Periode.objects.filter(pemda_id=periode.pemda_id, jenis_periode=periode.jenis_periode)
    return (
        qs.filter(Q(tahun=periode.tahun, nomor__lt=periode.nomor) | Q(tahun__lt=periode.tahun))
        .order_by("-tahun", "-nomor")
        .first()
    )


def realisasi_periode(
    indikator_ids: Iterable[int], periode: Periode | None
) -> dict[int, Realisasi]:
    """The realisations of one period by indicator (one query; none when `periode` is None)."""
    if periode is None:
        return {}
    return {
        r.indikator_id: r
        for r in Realisasi.objects.filter(
            indikator_id__in=list(indikator_ids), periode=periode
        ).order_by()
    }


def data_dukung_realisasi(realisasi_ids: Iterable[int]) -> dict[int, list[DataDukung]]:
    """The evidence of each realisation with its file row (one query)."""
    hasil: dict[int, list[DataDukung]] = defaultdict(list)
    for d in DataDukung.objects.filter(realisasi_id__in=list(realisasi_ids)).select_related(
        "berkas"
    ):
        hasil[d.realisasi_id].append(d)
    return dict(hasil)


def anggaran_unit(instansi: Instansi, tahun: int) -> QuerySet[Anggaran]:
    """The budget lines of `instansi`'s subtree for `tahun`, in framework order."""
    return (
        Anggaran.objects.filter(q_cakupan_anggaran([instansi.jalur]), tahun=tahun)
        .select_related("elemen", "elemen__level", "elemen__unit", "elemen__kerangka__instansi")
        .order_by("elemen__kerangka_id", "elemen__level__urutan", "elemen__urutan", "elemen_id")
    )


def realisasi_anggaran_sampai(
    anggaran_ids: Iterable[int], periode: Periode
) -> dict[int, dict[int, RealisasiAnggaran]]:
    """Financial realisations of the same kind of period up to `periode`, by budget line.

    Returns {anggaran_id: {nomor: RealisasiAnggaran}} (one query).
    """
    hasil: dict[int, dict[int, RealisasiAnggaran]] = defaultdict(dict)
    for r in RealisasiAnggaran.objects.filter(
        anggaran_id__in=list(anggaran_ids),
        periode__pemda_id=periode.pemda_id,
        periode__tahun=periode.tahun,
        periode__jenis_periode=periode.jenis_periode,
        periode__nomor__lte=periode.nomor,
    ).select_related("periode"):
        hasil[r.anggaran_id][r.periode.nomor] = r
    return dict(hasil)


@dataclass
class RekapUnit:
    """Completion counts of one unit for one period (the overview's row, the entry header)."""

    instansi: Instansi
    wajib: int = 0
    terisi: int = 0
    draf: int = 0
    diajukan: int = 0
    divalidasi: int = 0
    dikembalikan: int = 0
    tanpa_bukti: int = 0
    terlambat: int = 0
    pengingat_terakhir: Any = None

    @property
    def belum(self) -> int:
        """Due values nobody has entered yet."""
        return self.wajib - self.terisi

    @property
    def persen_terisi(self) -> int:
        """Share of due values entered, in whole percent (100 when nothing is due)."""
        return 100 if not self.wajib else self.terisi * 100 // self.wajib

    @property
    def persen_divalidasi(self) -> int:
        """Share of due values validated, in whole percent (100 when nothing is due)."""
        return 100 if not self.wajib else self.divalidasi * 100 // self.wajib


def rekap_pengisian(units: list[Instansi], periode: Periode) -> dict[int, RekapUnit]:
    """Completion counts per unit for `periode`, in four queries whatever the data size.

    Each due indicator (see `indikator_tanggung_jawab`) counts for the deepest listed unit whose
    subtree holds its responsible unit. Counted: due, entered, per approval state, entered
    without evidence, submitted late; plus the time of the last reminder sent to the unit.
    """
    hasil = {u.pk: RekapUnit(u) for u in units}
    if not units:
        return hasil
    urut = sorted(units, key=lambda u: len(u.jalur), reverse=True)

    def unit_dari(j: str | None) -> int | None:
        if j is None:
            return None
        return next((u.pk for u in urut if j.startswith(u.jalur)), None)

    subtree = id_subtree(u.jalur for u in units)
    cakupan = q_cakupan_indikator(subtree)
    milik: dict[int, int] = {}
    for iid, id_upj, id_unit, id_kerangka in (
        Indikator.objects.filter(cakupan)
        .filter(frekuensi__in=FREKUENSI_DILAPORKAN[periode.jenis_periode])
        .order_by()
        .values_list(
            "pk", "unit_penanggung_jawab_id", "elemen__unit_id", "elemen__kerangka__instansi_id"
        )
    ):
        uid = unit_dari(subtree.get(id_upj or id_unit or id_kerangka))
        if uid is not None:
            milik[iid] = uid
            hasil[uid].wajib += 1
    for iid, status, terlambat, n_bukti in (
        Realisasi.objects.filter(periode=periode)
        .filter(q_cakupan_indikator(subtree, "indikator__"))
        .order_by()
        .annotate(n_bukti=Count("data_dukung"))
        .values_list("indikator_id", "status", "terlambat", "n_bukti")
    ):
        if iid not in milik:  # not due in this kind of period, or of another Pemda
            continue
        r = hasil[milik[iid]]
        r.terisi += 1
        setattr(r, status, getattr(r, status) + 1)
        r.tanpa_bukti += n_bukti == 0
        r.terlambat += bool(terlambat)
    for objek_id, waktu in (
        Peristiwa.objects.filter(
            aksi=AKSI_PENGINGAT,
            objek_tipe="organisasi.instansi",
            objek_id__in=[str(u.pk) for u in units],
            sesudah__periode=periode.pk,
        )
        .values("objek_id")
        .annotate(terakhir=Max("waktu"))
        .values_list("objek_id", "terakhir")
    ):
        hasil[int(objek_id)].pengingat_terakhir = waktu
    return hasil


LABEL_AKSI = {
    "realisasi.simpan": "Nilai disimpan",
    "realisasi.ajukan": "Diajukan",
    "realisasi.validasi": "Divalidasi",
    "realisasi.kembalikan": "Dikembalikan",
    "realisasi.buka_kunci": "Kunci dibuka",
    "data_dukung.unggah": "Berkas diunggah",
    "data_dukung.tautan": "Tautan ditambahkan",
    "data_dukung.hapus": "Data dukung dihapus",
    "data_dukung.putuskan": "Data dukung diperiksa",
}
LABEL_KOLOM = {
    "nilai": "Nilai",
    "nilai_teks": "Level",
    "kendala": "Kendala",
    "tindak_lanjut": "Tindak lanjut",
    "status": "Status",
    "terlambat": "Terlambat",
    "nama": "Nama",
    "tautan": "Tautan",
    "keputusan": "Keputusan",
    "catatan_validator": "Catatan validator",
}
_LABEL_NILAI = {
    **dict(StatusRealisasi.choices),
    **dict(KeputusanBukti.choices),
    True: "Ya",
    False: "Tidak",
}


def _teks_riwayat(kolom: str, nilai: Any) -> str:
    if nilai is None or nilai == "":
        return "–"
    if kolom == "nilai":
        try:
            d = Decimal(str(nilai))
        except ArithmeticError:
            return str(nilai)
        return format_angka(d, 0 if d == d.to_integral_value() else 2)
    if isinstance(nilai, bool | str) and nilai in _LABEL_NILAI:
        return str(_LABEL_NILAI[nilai])
    return str(nilai)


@dataclass
class PeristiwaRealisasi:
    """One entry of a value's history: who, when, what, before → after, why."""

    waktu: Any
    pengguna: Any
    aksi: str
    label: str
    perubahan: list[tuple[str, str, str]]
    alasan: str


def riwayat_realisasi(realisasi: Realisasi) -> list[PeristiwaRealisasi]:
    """The audit trail of a value and of its evidence, newest first (one query)."""
    pk = realisasi.pk
    qs = (
        Peristiwa.objects.filter(
            Q(objek_tipe="pengukuran.realisasi", objek_id=str(pk))
            | Q(objek_tipe="pengukuran.datadukung", sesudah__realisasi=pk)
            | Q(objek_tipe="pengukuran.datadukung", sebelum__realisasi=pk)
        )
        .select_related("pengguna")
        .order_by("-waktu", "-id")
    )
    hasil = []
    for p in qs:
        sebelum, sesudah = p.sebelum or {}, p.sesudah or {}
        perubahan = []
        for kolom, label in LABEL_KOLOM.items():
            if kolom not in sebelum and kolom not in sesudah:
                continue
            a = _teks_riwayat(kolom, sebelum.get(kolom))
            b = _teks_riwayat(kolom, sesudah.get(kolom))
            if a == b and p.aksi != "data_dukung.hapus":
                continue
            perubahan.append((label, a, b))
        hasil.append(
            PeristiwaRealisasi(
                waktu=p.waktu,
                pengguna=p.pengguna,
                aksi=p.aksi,
                label=LABEL_AKSI.get(p.aksi, p.aksi),
                perubahan=perubahan,
                alasan=p.alasan,
            )
        )
    return hasil


def pohon_anggaran(kerangka_ids: Iterable[int], tahun: int) -> dict[int, int | None]:
    """For each budget line of the frameworks and year, the nearest line above it (two queries).

    A program's line sits above its kegiatan's and those above their sub kegiatan's; an element
    without a line of its own is skipped. A line that another line points to is an aggregate:
    its realisation is the sum of the lines right below it.
    """
    ids = list(kerangka_ids)
    induk = dict(Elemen.objects.filter(kerangka_id__in=ids).values_list("id", "induk_id"))
    baris = dict(
        Anggaran.objects.filter(elemen__kerangka_id__in=ids, tahun=tahun).values_list(
            "elemen_id", "id"
        )
    )
    hasil: dict[int, int | None] = {}
    for eid, aid in baris.items():
        p = induk.get(eid)
        langkah = 0
        while p is not None and p not in baris and langkah < 100:
            p, langkah = induk.get(p), langkah + 1
        hasil[aid] = baris.get(p) if p is not None else None
    return hasil
