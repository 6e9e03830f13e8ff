"""From stored rows to numbers: the one bridge between the database and `kinerja.rumus`.

Nothing here computes a capaian itself: it gathers targets and realisations in a bounded number
of queries, converts them to the calculation core's inputs and groups the results for pages
and documents.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kinerja import rumus
from kinerja.inti.angka import format_angka
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode, Realisasi
from kinerja.pengukuran.selectors import realisasi_sampai
from kinerja.perencanaan import models as pm
from kinerja.perencanaan.selectors import indikator_instansi, target_berlaku, target_rencana_aksi
from kinerja.rumus.periode import hitung_capaian_sd_triwulan

JUMLAH_PERIODE = {"bulan": 12, "triwulan": 4, "semester": 2, "tahun": 1}


def skala_rumus(skala: pm.SkalaOrdinal | None) -> rumus.SkalaOrdinal | None:
    """The calculation core's scale for a stored ordinal scale (levels prefetched)."""
    if skala is None:
        return None
    return rumus.SkalaOrdinal(
        skala.kode,
        skala.nama,
        tuple(rumus.LevelOrdinal(lv.kode, lv.label, lv.skor) for lv in skala.level.all()),
    )


def nilai_realisasi(indikator: pm.Indikator, r: Realisasi | None) -> Any:
    """A realisation in the notation the calculation core expects (None when not entered)."""
    if r is None:
        return None
    if indikator.jenis_nilai == pm.JenisNilai.ORDINAL:
        return r.nilai_teks or None
    return r.nilai


def nilai_target(indikator: pm.Indikator, nilai: Decimal | None, teks: str) -> Any:
    """A target in the core's notation: a number, "ya"/"tidak", or a level code."""
    if indikator.jenis_nilai == pm.JenisNilai.ORDINAL:
        return teks or None
    if indikator.jenis_nilai == pm.JenisNilai.BINER:
        if teks:
            return teks
        return nilai
    return nilai


def teks_nilai(indikator: pm.Indikator, nilai: Any) -> str:
    """A value as printed in tables: 1.234,5 · Ya · WTP · –."""
    if nilai is None or nilai == "":
        return "–"
    if isinstance(nilai, rumus.LevelOrdinal):
        return nilai.kode
    if indikator.jenis_nilai == pm.JenisNilai.BINER:
        if isinstance(nilai, str):
            return nilai.capitalize()
        return "Ya" if Decimal(nilai) == 1 else "Tidak"
    if isinstance(nilai, str):
        return nilai
    d = Decimal(nilai)
    return format_angka(d, 0 if d == d.to_integral_value() else 2)


def teks_target(indikator: pm.Indikator, t: pm.TargetTahunan | None) -> str:
    """The annual target as printed: a number, a range "2,1–2,3", Ya, or a level code."""
    if t is None:
        return "–"
    if indikator.polaritas == pm.Polaritas.RENTANG and t.nilai_min is not None:
        return f"{teks_nilai(indikator, t.nilai_min)}–{teks_nilai(indikator, t.nilai_max)}"
    return teks_nilai(indikator, nilai_target(indikator, t.nilai, t.nilai_teks))


@dataclass
class BarisCapaian:
    """One indicator in the achievement table of a period."""

    indikator: pm.Indikator
    target: pm.TargetTahunan | None
    realisasi: Realisasi | None
    sd: rumus.hasil.HasilSdTriwulan
    target_tahun_teks: str
    target_periode_teks: str
    realisasi_teks: str
    realisasi_sd_teks: str
    predikat: rumus.Predikat | None
    catatan: list[str]

    @property
    def capaian_periode(self) -> rumus.HasilCapaian:
        """Capaian s.d. the period against the Rencana Aksi target (range: its range)."""
        return self.sd.terhadap_target_triwulan

    @property
    def capaian_tahun(self) -> rumus.HasilCapaian:
        """Capaian s.d. the period against the annual target."""
        return self.sd.terhadap_target_tahunan


@dataclass
class KelompokCapaian:
    """The indicators of one element (sasaran, program, …) with their roll-up."""

    elemen: pm.Elemen
    baris: list[BarisCapaian] = field(default_factory=list)
    rollup: Any = None
    predikat: rumus.Predikat | None = None


@dataclass
class TabelCapaian:
    """The achievement table of an agency for a period, grouped by element."""

    kelompok: list[KelompokCapaian]
    rollup: Any
    predikat: rumus.Predikat | None
    jumlah_indikator: int
    jumlah_tidak_dihitung: int
    jumlah_bendera: int


def hitung_baris(
    ind: pm.Indikator,
    *,
    target: pm.TargetTahunan | None,
    ra: dict[int, pm.RencanaAksi],
    per_periode: dict[int, Realisasi],
    n: int,
    jumlah_periode: int,
) -> BarisCapaian:
    """Compute one indicator's row for period n from its stored target, RA and realisations."""
    skala = skala_rumus(ind.skala)
    real = [nilai_realisasi(ind, per_periode.get(i)) for i in range(1, n + 1)]
    tgt_periode = [
        nilai_target(ind, ra[i].target, ra[i].target_teks) if i in ra else None
        for i in range(1, jumlah_periode + 1)
    ]
    sekarang = per_periode.get(n)
    riwayat = [r.nilai for i, r in sorted(per_periode.items()) if i < n and r.nilai is not None]
    t_tahun = nilai_target(ind, target.nilai, target.nilai_teks) if target else None
    if jumlah_periode == 1 and tgt_periode == [None]:
        # A year period: its target is the annual target of the PK (METHODOLOGY "Periods");
        # a Rencana Aksi has no separate target for the whole year.
        tgt_periode = [t_tahun]
    sd = hitung_capaian_sd_triwulan(
        realisasi=real,
        triwulan=n,
        target_triwulan=tgt_periode,
        target_tahunan=t_tahun,
        agregasi=ind.agregasi,
        polaritas=ind.polaritas,
        jenis=ind.jenis_nilai,
        metode_negatif=ind.metode_negatif,
        target_min=target.nilai_min if target else None,
        target_max=target.nilai_max if target else None,
        skala=skala,
        boleh_negatif=ind.boleh_negatif,
        ada_bukti=sekarang is None or getattr(sekarang, "jumlah_bukti", 1) > 0,
        riwayat=riwayat,
    )
    catatan = sorted({b.pesan for b in sd.terhadap_target_triwulan.bendera})
    if sd.target_triwulan is None:
        target_periode_teks = teks_target(ind, target)
    else:
        target_periode_teks = teks_nilai(ind, sd.target_triwulan.nilai_asli)
    return BarisCapaian(
        indikator=ind,
        target=target,
        realisasi=sekarang,
        sd=sd,
        target_tahun_teks=teks_target(ind, target),
        target_periode_teks=target_periode_teks,
        realisasi_teks=teks_nilai(ind, nilai_realisasi(ind, sekarang)),
        realisasi_sd_teks=teks_nilai(ind, sd.realisasi.nilai_asli),
        predikat=rumus.predikat(sd.terhadap_target_triwulan),
        catatan=catatan,
    )


def capaian_renstra(ind: pm.Indikator, realisasi_tahunan: list[Any]) -> rumus.HasilCapaian:
    """Capaian against the Renstra end target from the realisation of each plan year so far."""
    return rumus.hitung_capaian_renstra(
        realisasi_tahunan=realisasi_tahunan,
        target_akhir=ind.target_akhir_renstra,
        agregasi=ind.agregasi,
        polaritas=ind.polaritas,
        jenis=ind.jenis_nilai,
        metode_negatif=ind.metode_negatif,
        skala=skala_rumus(ind.skala),
        boleh_negatif=ind.boleh_negatif,
    )


def capaian_standar(ind: pm.Indikator, realisasi: Any) -> rumus.HasilCapaian | None:
    """Capaian against the national/provincial standard, None when none is entered."""
    if ind.standar_nasional is None:
        return None
    return rumus.hitung_capaian(
        target=ind.standar_nasional,
        realisasi=realisasi,
        polaritas=ind.polaritas,
        jenis=ind.jenis_nilai,
        metode_negatif=ind.metode_negatif,
        skala=skala_rumus(ind.skala),
        boleh_negatif=ind.boleh_negatif,
    )


def tabel_capaian(*, instansi: Instansi, periode: Periode) -> TabelCapaian:
    """Every indicator of `instansi` (and its units) for `periode`, in five queries."""
    indikator = list(indikator_instansi(instansi))
    ids = [i.pk for i in indikator]
    target = target_berlaku(ids, periode.tahun, periode.tanggal_akhir)
    ra = target_rencana_aksi(ids, periode.tahun, periode.jenis_periode)
    real = realisasi_sampai(ids, periode)
    jumlah = JUMLAH_PERIODE[periode.jenis_periode]
    kelompok: dict[int, KelompokCapaian] = {}
    for ind in indikator:
        b = hitung_baris(
            ind,
            target=target.get(ind.pk),
            ra=ra.get(ind.pk, {}),
            per_periode=real.get(ind.pk, {}),
            n=periode.nomor,
            jumlah_periode=jumlah,
        )
        kelompok.setdefault(ind.elemen_id, KelompokCapaian(ind.elemen)).baris.append(b)
    semua: list[BarisCapaian] = []
    for k in kelompok.values():
        k.rollup = rumus.rollup([b.capaian_periode for b in k.baris])
        k.predikat = rumus.predikat(k.rollup)
        semua.extend(k.baris)
    total = rumus.rollup([b.capaian_periode for b in semua])
    return TabelCapaian(
        kelompok=list(kelompok.values()),
        rollup=total,
        predikat=rumus.predikat(total),
        jumlah_indikator=len(semua),
        jumlah_tidak_dihitung=sum(1 for b in semua if not b.capaian_periode.dapat_dihitung),
        jumlah_bendera=sum(1 for b in semua if b.catatan),
    )


@dataclass
class BarisRiwayat:
    """One measured period of an indicator's history."""

    realisasi: Realisasi
    teks: str
    capaian: rumus.HasilCapaian


def riwayat_indikator(ind: pm.Indikator) -> list[BarisRiwayat]:
    """Each realisation of the indicator with its capaian s.d. that period vs the annual target."""
    semua = list(
        Realisasi.objects.filter(indikator=ind)
        .select_related("periode")
        .annotate(jumlah_bukti=_jumlah_bukti())
        .order_by("periode__tahun", "periode__jenis_periode", "periode__nomor")
    )
    kelompok: dict[tuple[int, int, str], dict[int, Realisasi]] = defaultdict(dict)
    for r in semua:
        p = r.periode
        kelompok[(p.pemda_id, p.tahun, p.jenis_periode)][p.nomor] = r
    # All target versions and Rencana Aksi of the indicator at once: history stays 3 queries.
    versi = list(ind.target.order_by("tahun", "nomor_versi"))
    ra_semua = (
        pm.RencanaAksi.objects.filter(item_pk__indikator=ind)
        .select_related("item_pk__perjanjian")
        .order_by("item_pk__perjanjian__nomor_versi")
    )
    ra_per: dict[tuple[int, str], dict[int, pm.RencanaAksi]] = defaultdict(dict)
    for ra in ra_semua:
        ra_per[(ra.item_pk.perjanjian.tahun, ra.jenis_periode)][ra.nomor] = ra
    hasil = []
    for (_pemda, tahun, jenis), per_periode in kelompok.items():
        for n, r in sorted(per_periode.items()):
            pada = r.periode.tanggal_akhir
            tahun_ini = [t for t in versi if t.tahun == tahun]
            berlaku = [t for t in tahun_ini if t.berlaku_mulai <= pada]
            target = berlaku[-1] if berlaku else (tahun_ini[0] if tahun_ini else None)
            b = hitung_baris(
                ind,
                target=target,
                ra=ra_per.get((tahun, jenis), {}),
                per_periode=per_periode,
                n=n,
                jumlah_periode=JUMLAH_PERIODE[jenis],
            )
            hasil.append(BarisRiwayat(r, b.realisasi_teks, b.capaian_tahun))
    return hasil


def _jumlah_bukti() -> Any:
    from django.db.models import Count

    return Count("data_dukung")
