"""Benchmark of document generation on the synthetic Pemda (`kinerja demo --skala pemda`).

Measures `kinerja.dokumen.services.dokumen_buat` (read the data, compute with `kinerja.rumus`,
write the file, store it with its audit row) for one 200-indicator agency — the Laporan Hasil
Pengukuran as PDF and DOCX and the Kertas Kerja as XLSX, N times each — and then the batch of
the whole Pemda (`dokumen_buat_banyak` over its agencies + the ZIP), as `kinerja dokumen pemda`
and the background job run it. Wall-clock and CPU time of this process are reported (the
PDF's Typst compiler runs in-process, so its CPU counts).

It writes documents into the database it is pointed at: run it on a throw-away data directory.

    export KINERJA_DATA_DIR=/tmp/kinerja-bench
    .venv/bin/kinerja migrate
    .venv/bin/kinerja demo --skala pemda --tanpa-daftar-akun
    .venv/bin/python bench/bench_dokumen.py --ulang 5
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time


def _siapkan_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    import django

    django.setup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ulang", type=int, default=5, help="pengulangan per format")
    parser.add_argument("--periode", default="2026-TW3", help="periode, mis. 2026-TW3")
    parser.add_argument("--tanpa-pemda", action="store_true", help="lewati batch satu Pemda")
    args = parser.parse_args()
    _siapkan_django()

    from django.db import transaction

    from kinerja.demo.dunia import AWALAN_KODE_CONTOH
    from kinerja.demo.sintetis import KUNCI_SINTETIS
    from kinerja.dokumen import batch, services
    from kinerja.dokumen.management.commands.dokumen import cari_periode
    from kinerja.organisasi.models import Instansi
    from kinerja.perencanaan.models import Indikator

    pemda = Instansi.objects.filter(kode=AWALAN_KODE_CONTOH + KUNCI_SINTETIS).first()
    if pemda is None:
        print("Pemda sintetis belum ada: jalankan `kinerja demo --skala pemda` dulu.")
        return 2
    daftar = batch.perangkat_daerah(pemda)
    instansi = daftar[0]
    periode = cari_periode(args.periode, instansi)
    jumlah_ind = Indikator.objects.filter(
        elemen__kerangka__instansi__jalur__startswith=instansi.jalur
    ).count()
    pengguna = batch.PenggunaSistem()
    print(f"python {platform.python_version()} · {platform.machine()} · nproc {os.cpu_count()}")
    print(f"beban rata-rata: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{instansi} · {jumlah_ind} indikator · {periode.label} · {args.ulang}× per format")
    print()
    print(f"{'dokumen satu instansi':40} {'median':>9} {'tercepat':>9} {'CPU med.':>9} {'KB':>7}")
    for jenis, format in (
        ("laporan_pengukuran", "pdf"),
        ("laporan_pengukuran", "docx"),
        ("kertas_kerja", "xlsx"),
    ):
        dinding, cpu, ukuran = [], [], 0
        for _ in range(args.ulang):
            t0, c0 = time.perf_counter(), time.process_time()
            with transaction.atomic():
                dok = services.dokumen_buat(
                    pengguna=pengguna,
                    jenis=jenis,
                    instansi=instansi,
                    periode=periode,
                    format=format,
                )
            dinding.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            ukuran = dok.berkas.size
        print(
            f"{jenis + ' ' + format:40} {statistics.median(dinding):8.2f}s "
            f"{min(dinding):8.2f}s {statistics.median(cpu):8.2f}s {ukuran / 1024:7.0f}"
        )
    if args.tanpa_pemda:
        return 0
    print()
    judul = f"satu Pemda ({len(daftar)} instansi)"
    print(f"{judul:40} {'dinding':>9} {'CPU':>9} {'MB':>7}")
    for jenis, format in (("laporan_pengukuran", "pdf"), ("kertas_kerja", "xlsx")):
        t0, c0 = time.perf_counter(), time.process_time()
        hasil = batch.dokumen_buat_banyak(
            pengguna=pengguna, jenis=jenis, instansi=daftar, periode=periode, format=format
        )
        isi = batch.zip_dokumen(hasil.dokumen)
        print(
            f"{jenis + ' ' + format + ', dizip':40} {time.perf_counter() - t0:8.1f}s "
            f"{time.process_time() - c0:8.1f}s {len(isi) / 1e6:7.1f}"
            + (f"  gagal: {len(hasil.gagal)}" if hasil.gagal else "")
        )
    print(f"beban rata-rata: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
