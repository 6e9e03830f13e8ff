"""Benchmark of the dashboards on the synthetic Pemda (`kinerja demo --skala pemda`).

Measures, through Django's test client (middleware, session, permission, selectors,
`kinerja.rumus`, template rendering; no network), on Pemerintah Kabupaten Sintetis (40
agencies, 8 000 indicators, TW I–III 2026 entered), period Triwulan III 2026:

- the Pemda dashboard (all levels, 8 000 indicators, and the default level Sasaran),
- one agency's dashboard (200 indicators) as its Kepala,
- the Pemda dashboard's PDF for the leadership meeting,
- the dashboard selector alone (`selectors_dasbor.dasbor`), CPU and wall clock,

N times each after one warm-up, with the number of queries of one request. It only reads.

    export KINERJA_DATA_DIR=/tmp/kinerja-bench
    .venv/bin/kinerja migrate
    .venv/bin/kinerja demo --skala pemda --tanpa-daftar-akun
    .venv/bin/kinerja collectstatic --noinput -v0
    .venv/bin/python bench/bench_dasbor.py --ulang 5
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
    parser.add_argument("--ulang", type=int, default=5, help="pengulangan per pengukuran")
    args = parser.parse_args()
    _siapkan_django()

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from kinerja.analisis import selectors_dasbor as sel
    from kinerja.demo.dunia import NAMA_SUPERUSER
    from kinerja.organisasi.models import Instansi, JenisInstansi
    from kinerja.pengukuran.models import Periode

    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    pemda = Instansi.objects.filter(nama="Pemerintah Kabupaten Sintetis").first()
    if pemda is None:
        print("Pemda sintetis belum ada: jalankan `kinerja demo --skala pemda` dulu.")
        return 2
    periode = Periode.objects.get(pemda=pemda, tahun=2026, jenis_periode="triwulan", nomor=3)
    dinas = Instansi.objects.filter(induk=pemda, jenis=JenisInstansi.PERANGKAT_DAERAH).order_by(
        "urutan", "pk"
    )[0]
    admin = Client()
    admin.force_login(get_user_model().objects.get(username=NAMA_SUPERUSER))
    kepala = Client()
    kepala.force_login(get_user_model().objects.get(username="sintetis.d01.kepala"))
    url_pemda = reverse("analisis:dasbor_instansi", args=[pemda.pk]) + f"?periode={periode.pk}"
    url_dinas = reverse("analisis:dasbor_instansi", args=[dinas.pk]) + f"?periode={periode.pk}"
    url_pdf = reverse("analisis:dasbor_pdf", args=[pemda.pk]) + f"?periode={periode.pk}"

    print(f"python {platform.python_version()} · {platform.machine()} · nproc {os.cpu_count()}")
    print(
        f"basis data: {connection.vendor} · beban rata-rata: "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print(f"{pemda.nama} · {periode.label} · {args.ulang}× setelah satu pemanasan")
    print()
    print(f"{'pengukuran':46} {'median s':>9} {'tercepat':>9} {'CPU med.':>9} {'kueri':>6}")

    def ukur(nama: str, fn) -> None:  # type: ignore[no-untyped-def]
        fn()
        kueri = []

        def hitung(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
            kueri.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(hitung):
            fn()
        dinding, cpu = [], []
        for _ in range(args.ulang):
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            dinding.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        print(
            f"{nama:46} {statistics.median(dinding):9.3f} {min(dinding):9.3f} "
            f"{statistics.median(cpu):9.3f} {len(kueri):6d}"
        )

    def halaman(c: Client, url: str):  # type: ignore[no-untyped-def]
        def f() -> None:
            r = c.get(url)
            assert r.status_code == 200, r.status_code

        return f

    ukur("dasbor Pemda, semua tingkat (8.000 ind.)", halaman(admin, url_pemda + "&level="))
    ukur("dasbor Pemda, tingkat Sasaran", halaman(admin, url_pemda))
    ukur(
        f"dasbor instansi ({dinas.singkatan or dinas.nama[:20]}), Kepala",
        halaman(kepala, url_dinas),
    )
    ukur("PDF dasbor Pemda (rapat pimpinan)", halaman(admin, url_pdf + "&level="))
    ukur(
        "selektor dasbor Pemda saja, semua tingkat",
        lambda: sel.dasbor(instansi=pemda, periode=periode, level=""),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
