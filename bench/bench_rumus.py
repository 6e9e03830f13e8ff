"""Benchmark of the calculation core: the full pipeline against the bare Decimal floor.

For every indicator-period (one indicator, one quarter n) the pipeline does what a measurement
page or report does: aggregate the realisations and the Rencana Aksi targets "s.d. triwulan n",
compute the capaian against the RA target and against the annual target (with all
data-quality flags, including the modified z-score against three years of history), take the
predikat, then roll the capaian up per sasaran (5 indicators) and per agency (40 sasaran),
with their predikat.

The floor does the same formulas with bare Decimal operators in a plain loop: no validation,
no result objects, no flags beyond the arithmetic of the z-score and the 150 % comparison.

The batch pipeline (`massal`) does what `pipeline` does through the batch API: per Pemda-year
(8 000 indicators, 32 000 indicator-periods) it builds the `BarisMassal` rows, calls
`hitung_massal` (aggregation s.d. triwulan n, capaian against the annual target, every flag,
predikat) and `rekap_massal` twice (sasaran of 5, agencies of 40 sasaran capped at 120, with
predikat). All of that is inside the timing.

    .venv/bin/python bench/bench_rumus.py                 # 32 000 indicator-periods
    .venv/bin/python bench/bench_rumus.py --periode 4400000

Indicators are drawn from a pool of 8 000 generated ones (seeded) and reused, so the nation
run needs no 1.1 million indicators in memory; nothing is cached between calls, so reuse
does not make the pipeline faster.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from kinerja.rumus import (
    Agregasi,
    BarisMassal,
    JenisNilai,
    MetodeNegatif,
    Polaritas,
    hitung_agregasi,
    hitung_capaian,
    hitung_capaian_sd_triwulan,
    hitung_massal,
    predikat,
    profil_riwayat,
    rekap_massal,
    rollup,
)

PER_SASARAN = 5
SASARAN_PER_INSTANSI = 40
POOL = 8_000
INDIKATOR_PER_PEMDA = 8_000


@dataclass(frozen=True, slots=True)
class Ind:
    """One generated indicator with its year of data."""

    polaritas: Polaritas
    agregasi: Agregasi
    target: Decimal | None
    target_min: Decimal | None
    target_max: Decimal | None
    ra: tuple[Decimal, ...]
    real: tuple[Decimal | None, ...]
    riwayat: tuple[Decimal, ...]
    ada_bukti: bool


def _d(x: float) -> Decimal:
    return Decimal(f"{x:.2f}")


def buat_pool(n: int, seed: int = 20250101) -> list[Ind]:
    """`n` indicators shaped like a Pemda's: mostly positive, some negative, a few ranges."""
    acak = random.Random(seed)
    pool = []
    for _ in range(n):
        u = acak.random()
        pol = Polaritas.POSITIF if u < 0.7 else Polaritas.NEGATIF if u < 0.95 else Polaritas.RENTANG
        v = acak.random()
        agr = (
            Agregasi.KUMULATIF
            if v < 0.3
            else Agregasi.NILAI_AKHIR
            if v < 0.8
            else Agregasi.RATA_RATA
        )
        tahunan = acak.uniform(10, 1000)
        if agr is Agregasi.KUMULATIF:
            ra = tuple(_d(tahunan / 4) for _ in range(4))
            real = [_d(tahunan / 4 * acak.uniform(0.5, 1.4)) for _ in range(4)]
        else:
            ra = tuple(_d(tahunan * (0.7 + 0.1 * q)) for q in range(4))
            real = [_d(tahunan * acak.uniform(0.6, 1.3)) for _ in range(4)]
        if acak.random() < 0.01:
            real[acak.randrange(4)] = None  # a quarter not reported
        if pol is Polaritas.RENTANG:
            target, lo, hi = None, _d(tahunan * 0.9), _d(tahunan * 1.1)
        else:
            target, lo, hi = _d(tahunan), None, None
        riwayat = tuple(_d(tahunan * acak.uniform(0.8, 1.2)) for _ in range(3))
        pool.append(Ind(pol, agr, target, lo, hi, ra, tuple(real), riwayat, acak.random() > 0.02))
    return pool


def indikator(pool: list[Ind], jumlah: int) -> Iterator[tuple[Ind, int]]:
    """(indicator, number of its quarters to compute): 4 each, cycling the pool."""
    sisa = jumlah
    while sisa > 0:
        for ind in pool:
            if sisa <= 0:
                return
            yield ind, min(4, sisa)
            sisa -= 4


def pipeline(pool: list[Ind], jumlah: int) -> int:
    """The pipeline of the issue: per indicator-period aggregation s.d. triwulan n, capaian
    against the annual target with every flag, predikat; roll-up per sasaran and agency."""
    dihitung = 0
    sasaran: list[object] = []
    instansi: list[object] = []
    for ind, kuartal in indikator(pool, jumlah):
        profil = profil_riwayat(ind.riwayat)  # once per indicator, used by its 4 quarters
        for n in range(1, kuartal + 1):
            real = hitung_agregasi(ind.real, agregasi=ind.agregasi, sampai=n)
            h = hitung_capaian(
                target=ind.target,
                realisasi=real.nilai_asli,
                polaritas=ind.polaritas,
                target_min=ind.target_min,
                target_max=ind.target_max,
                ada_bukti=ind.ada_bukti,
                riwayat=profil,
                bendera_tambahan=real.bendera,
            )
            if real.alasan is not None:
                h = real  # type: ignore[assignment]  # not computable: the reason travels
            predikat(h)
            if h.nilai is not None:
                dihitung += 1
            sasaran.append(h)
            if len(sasaran) == PER_SASARAN:
                r = rollup(sasaran)
                predikat(r)
                instansi.append(r)
                sasaran = []
                if len(instansi) == SASARAN_PER_INSTANSI:
                    predikat(rollup(instansi, batas=_120))
                    instansi = []
    return dihitung


def pipeline_lengkap(pool: list[Ind], jumlah: int) -> int:
    """As `pipeline`, but each indicator-period also against its Rencana Aksi target:
    `hitung_capaian_sd_triwulan` (two aggregations, two capaian) per indicator-period."""
    dihitung = 0
    sasaran: list[object] = []
    instansi: list[object] = []
    for ind, kuartal in indikator(pool, jumlah):
        profil = profil_riwayat(ind.riwayat)
        for n in range(1, kuartal + 1):
            h = hitung_capaian_sd_triwulan(
                realisasi=ind.real,
                triwulan=n,
                target_triwulan=ind.ra,
                target_tahunan=ind.target,
                agregasi=ind.agregasi,
                polaritas=ind.polaritas,
                target_min=ind.target_min,
                target_max=ind.target_max,
                ada_bukti=ind.ada_bukti,
                riwayat=profil,
            )
            tahunan = h.terhadap_target_tahunan
            predikat(tahunan)
            predikat(h.terhadap_target_triwulan)
            if tahunan.nilai is not None:
                dihitung += 1
            sasaran.append(tahunan)
            if len(sasaran) == PER_SASARAN:
                r = rollup(sasaran)
                predikat(r)
                instansi.append(r)
                sasaran = []
                if len(instansi) == SASARAN_PER_INSTANSI:
                    predikat(rollup(instansi, batas=_120))
                    instansi = []
    return dihitung


def _massal_satu_pemda(baris: list[BarisMassal]) -> int:
    h = hitung_massal(baris)
    sasaran = rekap_massal(h.nilai, [j // PER_SASARAN for j in range(len(h))])
    rekap_massal(
        [r.nilai for r in sasaran.values()],
        [j // SASARAN_PER_INSTANSI for j in range(len(sasaran))],
        batas=_120,
    )
    return sum(v is not None for v in h.nilai)


def pipeline_massal(pool: list[Ind], jumlah: int) -> int:
    """`pipeline` through the batch API, one Pemda-year (8 000 indicators) per call."""
    dihitung = 0
    baris: list[BarisMassal] = []
    for ind, kuartal in indikator(pool, jumlah):
        baris.append(
            BarisMassal(
                ind.real,
                ind.target,
                ind.polaritas,
                ind.agregasi,
                ind.target_min,
                ind.target_max,
                ind.ada_bukti,
                ind.riwayat,
                JenisNilai.ANGKA,
                MetodeNegatif.SELISIH,
                False,
                kuartal,
                None,
            )
        )
        if len(baris) == INDIKATOR_PER_PEMDA:
            dihitung += _massal_satu_pemda(baris)
            baris = []
    if baris:
        dihitung += _massal_satu_pemda(baris)
    return dihitung


# -- the floor ----------------------------------------------------------------------------

_100 = Decimal(100)
_150 = Decimal(150)
_2 = Decimal(2)
_K = Decimal("0.6745")
_BATAS = (Decimal(91), Decimal(76), Decimal(66), Decimal(51))
_120 = Decimal(120)
_35 = Decimal("3.5")


def _predikat_lantai(c: Decimal) -> int:
    for i, b in enumerate(_BATAS):
        if c >= b:
            return i
    return 4


def _capaian_lantai(
    pol: Polaritas, r: Decimal, t: Decimal | None, lo: Decimal | None, hi: Decimal | None
) -> Decimal:
    if pol is Polaritas.POSITIF:
        return r * _100 / t  # type: ignore[operator]
    if pol is Polaritas.NEGATIF:
        return (t + t - r) * _100 / t  # type: ignore[operator]
    if r < lo:  # type: ignore[operator]
        return r * _100 / lo  # type: ignore[operator]
    if r > hi:  # type: ignore[operator]
        return (hi + hi - r) * _100 / hi  # type: ignore[operator]
    return _100


def _lantai(pool: list[Ind], jumlah: int, dengan_ra: bool) -> int:
    dihitung = 0
    sasaran: list[Decimal] = []
    instansi: list[Decimal] = []
    for ind, kuartal in indikator(pool, jumlah):
        h = sorted(ind.riwayat)
        med = h[1]
        mad = sorted(abs(x - med) for x in h)[1]
        for n in range(1, kuartal + 1):
            real = ind.real[:n]
            if ind.agregasi is Agregasi.NILAI_AKHIR:
                ada = [x for x in real if x is not None]
                if not ada:
                    continue
                r = ada[-1]
                t_ra = ind.ra[n - 1]
            elif None in real:
                continue
            elif ind.agregasi is Agregasi.KUMULATIF:
                r = sum(real, Decimal(0))  # type: ignore[arg-type]
                t_ra = sum(ind.ra[:n], Decimal(0))
            else:
                r = sum(real, Decimal(0)) / n  # type: ignore[arg-type]
                t_ra = sum(ind.ra[:n], Decimal(0)) / n
            c = _capaian_lantai(ind.polaritas, r, ind.target, ind.target_min, ind.target_max)
            # flags: far above target, evidence, modified z-score against the history
            bendera = c > _150 or not ind.ada_bukti or (mad and abs(_K * (r - med) / mad) > _35)
            _predikat_lantai(c)
            if dengan_ra:
                c_ra = _capaian_lantai(ind.polaritas, r, t_ra, ind.target_min, ind.target_max)
                bendera = bendera or c_ra > _150
                _predikat_lantai(c_ra)
            dihitung += 1
            sasaran.append(c)
            if len(sasaran) == PER_SASARAN:
                m = sum(sasaran, Decimal(0)) / len(sasaran)
                _predikat_lantai(m)
                instansi.append(m)
                sasaran = []
                if len(instansi) == SASARAN_PER_INSTANSI:
                    _predikat_lantai(
                        sum((min(x, _120) for x in instansi), Decimal(0)) / len(instansi)
                    )
                    instansi = []
    return dihitung


def lantai_rumus_saja(pool: list[Ind], jumlah: int) -> int:
    """For reference only: the capaian formula alone (R × 100 / T, or (2T − R) × 100 / T) on
    each indicator-period's realisation, nothing else."""
    dihitung = 0
    for ind, kuartal in indikator(pool, jumlah):
        t = ind.target if ind.target is not None else ind.target_max
        for n in range(1, kuartal + 1):
            r = ind.ra[n - 1]
            if ind.polaritas is Polaritas.NEGATIF:
                (t + t - r) * _100 / t  # type: ignore[operator]
            else:
                r * _100 / t  # type: ignore[operator]
            dihitung += 1
    return dihitung


def lantai(pool: list[Ind], jumlah: int) -> int:
    """The floor of `pipeline`: the same formulas, bare Decimal operators, a plain loop."""
    return _lantai(pool, jumlah, False)


def lantai_lengkap(pool: list[Ind], jumlah: int) -> int:
    """The floor of `pipeline_lengkap`."""
    return _lantai(pool, jumlah, True)


def ukur(nama: str, fungsi: Callable[[list[Ind], int], int], pool: list[Ind], jumlah: int) -> float:
    """Run once; print wall-clock and CPU time; return the CPU time.

    CPU time (time.process_time) is what "per core" means on a shared machine: other
    processes can slow the wall clock but not this process's own CPU seconds.
    """
    gc.collect()
    mulai, mulai_cpu = time.perf_counter(), time.process_time()
    fungsi(pool, jumlah)
    detik, cpu = time.perf_counter() - mulai, time.process_time() - mulai_cpu
    print(
        f"{nama:<10} {jumlah:>10,} indicator-periods  wall {detik:8.3f} s  cpu {cpu:8.3f} s"
        f"  {jumlah / cpu:10,.0f} /s/core"
    )
    return cpu


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--periode", type=int, default=32_000, help="indicator-periods (32 000)")
    p.add_argument("--ulang", type=int, default=3, help="runs of each; the best counts")
    p.add_argument("--tanpa-lengkap", action="store_true", help="skip the RA-target pipeline")
    p.add_argument("--tanpa-massal", action="store_true", help="skip the batch pipeline")
    args = p.parse_args(argv)
    pool = buat_pool(POOL)
    print(f"Python {platform.python_version()} on {platform.machine()}, pool {POOL:,}")
    print(f"{_keadaan()}, os.cpu_count {os.cpu_count()}")
    jumlah = args.periode
    ulang = max(1, args.ulang)
    pasangan = [("pipeline", pipeline, "lantai", lantai)]
    if not args.tanpa_lengkap:
        pasangan.append(("lengkap", pipeline_lengkap, "lantai+RA", lantai_lengkap))
    t_rumus = min(ukur("rumus saja", lantai_rumus_saja, pool, jumlah) for _ in range(ulang))
    t_pipeline = 0.0
    for nama, fungsi, nama_lantai, fungsi_lantai in pasangan:
        t_lantai = min(ukur(nama_lantai, fungsi_lantai, pool, jumlah) for _ in range(ulang))
        t_pipa = min(ukur(nama, fungsi, pool, jumlah) for _ in range(ulang))
        t_pipeline = t_pipeline or t_pipa
        print(
            f"== {nama} (best CPU time): floor {jumlah / t_lantai:,.0f}/s/core, "
            f"pipeline {jumlah / t_pipa:,.0f}/s/core ({t_pipa:.3f} s), "
            f"pipeline = 1/{t_pipa / t_lantai:.2f} of the floor (target: no worse than 1/8); "
            f"1/{t_pipa / t_rumus:.2f} of the capaian formula alone"
        )
        print(_keadaan())
        if nama == "pipeline" and not args.tanpa_massal:
            t_massal = min(ukur("massal", pipeline_massal, pool, jumlah) for _ in range(ulang))
            print(
                f"== massal (best CPU time): {jumlah / t_massal:,.0f}/s/core "
                f"({t_massal:.3f} s), {t_pipa / t_massal:.2f}x the per-call pipeline, "
                f"{t_lantai / t_massal:.2f}x the floor's speed; "
                f"1/{t_massal / t_rumus:.2f} of the capaian formula alone; "
                f"target 150,000/s/core: {'met' if jumlah / t_massal >= 150_000 else 'NOT met'}"
            )
    print(_keadaan())
    return 0


def _keadaan() -> str:
    """Date, load average and commit, for the record in bench/README.md."""
    try:
        commit = subprocess.run(
            ["git", "log", "-1", "--format=%h", "--", "src/kinerja/rumus", "bench/bench_rumus.py"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = "?"
    beban = " ".join(f"{x:.2f}" for x in os.getloadavg())
    waktu = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    return f"{waktu}  load average {beban}  rumus/bench at commit {commit}"


if __name__ == "__main__":
    sys.exit(main())
