"""`kinerja demo`: load or refresh the demo world (data contoh) and print its logins.

`kinerja demo` loads the four seed agencies (see `kinerja.demo.pemuat` for how a refresh
works). `kinerja demo --skala pemda` also generates the synthetic "Kabupaten Sintetis" of 40
agencies and 8 000 indicators for load and benchmark work (`kinerja.demo.sintetis`).
"""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kinerja.demo.dunia import HARI_INI, KATA_SANDI_DEMO, LABEL_CONTOH, NAMA_SUPERUSER
from kinerja.demo.pemuat import HasilDemo, muat_demo
from kinerja.organisasi.models import KodePeran
from kinerja.pengukuran.models import NAMA_BULAN


def _tanggal(t: Any) -> str:
    return f"{t.day} {NAMA_BULAN[t.month]} {t.year}"


def _detik(d: float) -> str:
    return f"{d:.1f}".replace(".", ",")


class Command(BaseCommand):
    help = (
        "Muat atau segarkan data contoh Kinerja (empat instansi dari SOP contoh) "
        "dan tampilkan akun demo."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--skala",
            choices=["pemda"],
            help="Juga buat Pemda sintetis (40 perangkat daerah, 8.000 indikator) untuk uji beban.",
        )
        # Smaller synthetic Pemda for the test suite; hidden from --help.
        parser.add_argument("--jumlah-dinas", type=int, default=40, help=argparse.SUPPRESS)
        parser.add_argument("--indikator-per-dinas", type=int, default=200, help=argparse.SUPPRESS)
        parser.add_argument(
            "--tanpa-daftar-akun",
            action="store_true",
            help="Jangan cetak daftar akun demo.",
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        hasil = muat_demo()
        sintetis = None
        if opts["skala"] == "pemda":
            from kinerja.demo.sintetis import muat_sintetis

            sintetis = muat_sintetis(
                jumlah_dinas=opts["jumlah_dinas"],
                indikator_per_dinas=opts["indikator_per_dinas"],
            )
        if opts["verbosity"] == 0:
            return  # quiet mode (scripts, test fixtures): load, print nothing
        self.stdout.write(
            self.style.SUCCESS(
                f"{LABEL_CONTOH} Kinerja dimuat dalam {_detik(hasil.detik)} detik "
                f"(hari ini di dunia contoh: {_tanggal(HARI_INI)})."
            )
        )
        self.stdout.write(
            "Nama pemerintah daerah dan instansi nyata; semua nama orang, NIP dan angka rekaan."
        )
        if sintetis is not None:
            j = sintetis.jumlah
            self.stdout.write(
                self.style.SUCCESS(
                    f"{sintetis.nama}: {j['instansi_pd']} perangkat daerah, "
                    f"{j['indikator']} indikator, {j['realisasi']} realisasi, "
                    f"{j['login']} akun, dimuat dalam {_detik(sintetis.detik)} detik."
                )
            )
        if not opts["tanpa_daftar_akun"]:
            self._cetak_akun(hasil)

    def _cetak_akun(self, hasil: HasilDemo) -> None:
        """Logins grouped by agency, then by role in the order of `KodePeran`."""
        out = self.stdout
        urutan = {kode: i for i, kode in enumerate(KodePeran.values)}
        out.write("")
        out.write(f"Kata sandi semua akun demo: {KATA_SANDI_DEMO}")
        if hasil.superuser_contoh:
            out.write(f"  {'Administrator sistem':<34} {NAMA_SUPERUSER}")
        else:
            out.write(
                f"  Akun {NAMA_SUPERUSER} sudah ada sebelum data contoh; "
                "kata sandinya tidak diubah."
            )
        for r in hasil.pemda:
            out.write("")
            j = r.jumlah
            out.write(
                self.style.MIGRATE_HEADING(f"{r.pemda} — {r.agensi}")
                + f" ({j.get('indikator', 0)} indikator, {j.get('realisasi', 0)} realisasi)"
            )
            baris = [
                (urutan[kode], label, username, nama, lingkup)
                for username, nama, peran in r.login
                for kode, label, lingkup in peran
            ]
            # An employee without a SAKIP role still logs in for their own SKP.
            baris += [
                (len(urutan), "Pegawai (SKP sendiri)", username, nama, r.agensi)
                for username, nama, peran in r.login
                if not peran
            ]
            for _u, label, username, nama, lingkup in sorted(baris, key=lambda b: b[0]):
                di = "" if lingkup in (r.agensi, r.pemda) else f" — lingkup {lingkup}"
                out.write(f"  {label:<34} {username:<30} {nama}{di}")
