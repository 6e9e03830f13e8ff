"""Benchmark of realisation entry on the synthetic Pemda (`kinerja demo --skala pemda`).

Measures, through Django's test client (the whole stack: middleware, session, permission
rules, the service with its transaction and audit row, the calculation core, template
rendering; no network):

- **save one value**: POST of one row of the entry grid (htmx), request → response that
  carries the row re-rendered with its capaian and flags and the header counts; p50 / p95 /
  mean / max over N saves spread over the unit's indicators, each save carrying the version
  the previous response returned (as the browser does). Queries per save are counted once.
- **entry page**: GET of the whole grid of a 60-indicator Bidang, and for comparison of the
  agency page (every indicator of the agency due in the quarter): render time p50 / p95 and
  the number of SQL queries.

The synthetic Bidang have 45 indicators; the bench makes "Bidang I" of the first agency a
60-indicator unit by giving it 15 of its agency's own indicators (unit penanggung jawab).
It writes into the database it is pointed at: run it on a throw-away data directory.

    KINERJA_DATA_DIR=/tmp/kinerja-bench kinerja migrate
    KINERJA_DATA_DIR=/tmp/kinerja-bench kinerja demo --skala pemda --tanpa-daftar-akun
    KINERJA_DATA_DIR=/tmp/kinerja-bench kinerja collectstatic --noinput -v0
    KINERJA_DATA_DIR=/tmp/kinerja-bench .venv/bin/python bench/bench_isian.py --simpan 300
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import time


def _siapkan_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    import django

    django.setup()


def persentil(nilai: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `nilai`."""
    urut = sorted(nilai)
    k = max(0, min(len(urut) - 1, round(p / 100 * len(urut) + 0.5) - 1))
    return urut[k]


def ms(x: float) -> str:
    return f"{x * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--simpan", type=int, default=300, help="jumlah penyimpanan diukur")
    parser.add_argument("--halaman", type=int, default=30, help="jumlah render halaman diukur")
    args = parser.parse_args()
    _siapkan_django()

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from kinerja.organisasi.models import Instansi, JenisInstansi
    from kinerja.pengukuran.isian import pilihan_nilai
    from kinerja.pengukuran.models import Periode, Realisasi
    from kinerja.pengukuran.selectors import FREKUENSI_DILAPORKAN, indikator_tanggung_jawab
    from kinerja.perencanaan.models import Indikator

    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    pemda = Instansi.objects.filter(nama="Pemerintah Kabupaten Sintetis").first()
    if pemda is None:
        print("Pemda sintetis belum ada: jalankan `kinerja demo --skala pemda` dulu.")
        return 2
    periode = Periode.objects.get(pemda=pemda, tahun=2026, jenis_periode="triwulan", nomor=4)
    dinas = Instansi.objects.filter(induk=pemda, jenis=JenisInstansi.PERANGKAT_DAERAH).order_by(
        "urutan", "pk"
    )[0]
    bidang = Instansi.objects.get(induk=dinas, nama="Bidang I")
    # A 60-indicator unit: Bidang I keeps its 45 and takes 15 of the agency's own indicators
    # (only as many as needed, so a second run finds it ready).
    kurang = 60 - indikator_tanggung_jawab(bidang, periode).count()
    if kurang > 0:
        tambah = list(
            Indikator.objects.filter(
                unit_penanggung_jawab=dinas,
                frekuensi__in=FREKUENSI_DILAPORKAN[periode.jenis_periode],
            )
            .order_by("pk")[:kurang]
            .values_list("pk", flat=True)
        )
        Indikator.objects.filter(pk__in=tambah).update(unit_penanggung_jawab=bidang)
    indikator = list(indikator_tanggung_jawab(bidang, periode))
    print(f"Unit: {dinas.nama} › {bidang.nama}, {len(indikator)} indikator, {periode.label}")
    operator = get_user_model().objects.get(username="sintetis.d01.op1")
    client = Client()
    client.force_login(operator)

    def render(c: Client, url: str, kali: int) -> tuple[list[float], list[float], int, int]:
        c.get(url)  # warm caches (templates, permissions) once
        waktu, cpu = [], []
        for _ in range(kali):
            t, tc = time.perf_counter(), time.process_time()
            resp = c.get(url)
            waktu.append(time.perf_counter() - t)
            cpu.append(time.process_time() - tc)
            assert resp.status_code == 200, resp.status_code
        with CaptureQueriesContext(connection) as q:
            resp = c.get(url)
        return waktu, cpu, len(q.captured_queries), resp.content.decode().count("data-masuk")

    url_unit = reverse("pengukuran:isian", args=[bidang.pk, periode.pk])
    url_dinas = reverse("pengukuran:isian", args=[dinas.pk, periode.pk])
    sekretaris = Client()
    sekretaris.force_login(get_user_model().objects.get(username="sintetis.d01.sekretaris"))
    for nama, url, c in [
        (f"{bidang.nama} ({len(indikator)} indikator)", url_unit, client),
        (f"{dinas.nama} (seluruh dinas, sebagai Sekretaris)", url_dinas, sekretaris),
    ]:
        waktu, cpu, kueri, baris = render(c, url, args.halaman)
        print(
            f"Halaman isian {nama}: p50 {ms(statistics.median(waktu))}, "
            f"p95 {ms(persentil(waktu, 95))} (CPU proses p50 {ms(statistics.median(cpu))}), "
            f"{kueri} kueri, {baris} kolom isian"
        )

    # Saves: cycle over the unit's indicators, each time a new value, carrying the version.
    versi = {
        r.indikator_id: r.versi
        for r in Realisasi.objects.filter(periode=periode, indikator__in=indikator)
    }
    pola_versi = re.compile(r'name="versi" value="(\d+)"')
    waktu_simpan, cpu_simpan = [], []
    kueri_simpan = 0
    for i in range(args.simpan):
        ind = indikator[i % len(indikator)]
        url = reverse("pengukuran:isian_simpan", args=[bidang.pk, periode.pk, ind.pk])
        pilihan = pilihan_nilai(ind)
        if pilihan:
            teks = pilihan[(i // len(indikator)) % len(pilihan)][0]
        else:
            teks = f"{50 + (i % 97) / 4:.2f}".replace(".", ",")
        data = {
            "nilai": teks,
            "kendala": "" if i % 3 else f"Kendala ke-{i}",
            "tindak_lanjut": "",
            "versi": versi.get(ind.pk, 0),
        }
        if i == 0:
            with CaptureQueriesContext(connection) as q:
                resp = client.post(url, data, HTTP_HX_REQUEST="true")
            kueri_simpan = len(q.captured_queries)
        else:
            t, tc = time.perf_counter(), time.process_time()
            resp = client.post(url, data, HTTP_HX_REQUEST="true")
            waktu_simpan.append(time.perf_counter() - t)
            cpu_simpan.append(time.process_time() - tc)
        isi = resp.content.decode()
        assert resp.status_code == 200, (resp.status_code, isi[:500])
        assert "Tersimpan" in isi and "sel-capaian" in isi
        versi[ind.pk] = int(pola_versi.search(isi).group(1))
    print(
        f"Simpan satu nilai (n={len(waktu_simpan)}): p50 {ms(statistics.median(waktu_simpan))}, "
        f"p95 {ms(persentil(waktu_simpan, 95))}, rata-rata {ms(statistics.mean(waktu_simpan))}, "
        f"maks {ms(max(waktu_simpan))} (CPU proses p50 {ms(statistics.median(cpu_simpan))}), "
        f"{kueri_simpan} kueri per simpan"
    )
    versi_db = connection.Database.sqlite_version if connection.vendor == "sqlite" else ""
    print(
        f"Basis data: {connection.vendor} {versi_db}; Python {platform.python_version()}; "
        f"{platform.machine()}; nproc {os.cpu_count()}; beban {os.getloadavg()[0]:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
