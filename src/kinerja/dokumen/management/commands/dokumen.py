"""`kinerja dokumen`: build documents from the command line (batch jobs).

kinerja dokumen jenis
    list the document types, their formats and options
kinerja dokumen buat <jenis> --instansi <id|kode|nama> --periode <periode> [--format pdf]
        [-o FILE] [--opsi nama=nilai ...]
    build one document (stored as a draft, like the page does) and write its file
kinerja dokumen pemda <jenis> --pemda <id|kode|nama> --periode <periode> [--format ...]
        [-o FILE.zip]
    build it for every Perangkat Daerah of a Pemda, with progress, and zip the files

<periode>: 2026 (the year period), 2026-TW3, 2026-S1, 2026-B09, or id:<number>.
The command runs as the system (no login): whoever runs it on the server can read the data.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q

from kinerja.dokumen import batch, services
from kinerja.dokumen.forms import OPSI_JENIS
from kinerja.dokumen.jenis import OpsiTidakSah, muat_semua, pembuat
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode

_POLA_PERIODE = re.compile(r"^(\d{4})(?:-(TW|T|S|B)?(\d{1,2}))?$", re.IGNORECASE)
_JENIS_PERIODE = {"tw": "triwulan", "t": "triwulan", "s": "semester", "b": "bulan", None: "bulan"}


def cari_instansi(teks: str) -> Instansi:
    """An agency by id, kode or exact name; refuses an ambiguous or unknown one."""
    q = Q(kode=teks) | Q(nama=teks)
    if teks.isdigit():
        q |= Q(pk=int(teks))
    calon = list(Instansi.objects.filter(q)[:3])
    if len(calon) != 1:
        raise CommandError(
            f"Instansi '{teks}' {'tidak ditemukan' if not calon else 'tidak tunggal'}; "
            "pakai id-nya."
        )
    return calon[0]


def cari_periode(teks: str, instansi: Instansi, *, tahunan: bool = False) -> Periode:
    """A period of the agency's Pemda from "2026-TW3", "2026-S1", "2026-B09", "2026", "id:8".

    For a yearly document (`tahunan`) "2026" may also name the year when the Pemda measures
    only by quarter: the year's last quarter then stands for it (the document covers the year).
    """
    pemda = instansi.pemda()
    if teks.lower().startswith("id:"):
        p = Periode.objects.filter(pk=int(teks[3:]), pemda=pemda).first()
    else:
        m = _POLA_PERIODE.match(teks.strip())
        if m is None:
            raise CommandError(
                f"Periode '{teks}' tidak dikenali (contoh: 2026-TW3, 2026-S1, 2026-B09, 2026)."
            )
        tahun, jenis, nomor = m.groups()
        if nomor is None:
            kriteria = {"jenis_periode": "tahun", "nomor": 1}
        else:
            kriteria = {
                "jenis_periode": _JENIS_PERIODE[jenis.lower() if jenis else None],
                "nomor": int(nomor),
            }
        p = Periode.objects.filter(pemda=pemda, tahun=int(tahun), **kriteria).first()
        if p is None and nomor is None and tahunan:
            p = (
                Periode.objects.filter(pemda=pemda, tahun=int(tahun), jenis_periode="triwulan")
                .order_by("-nomor")
                .first()
            )
    if p is None:
        raise CommandError(f"Periode '{teks}' tidak ada di {pemda}.")
    return p


def _opsi(pasangan: list[str]) -> dict[str, str]:
    hasil = {}
    for p in pasangan or []:
        nama, sep, nilai = p.partition("=")
        if not sep or not nama:
            raise CommandError(f"Opsi harus nama=nilai, bukan '{p}'.")
        hasil[nama.strip()] = nilai
    return hasil


class Command(BaseCommand):
    help = "Buat dokumen kinerja dari baris perintah: jenis, buat, pemda."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="aksi", required=True)
        sub.add_parser("jenis", help="daftar jenis dokumen, format dan opsinya")
        pk = sub.add_parser(
            "pekerja",
            help="jalankan pekerjaan dokumen seluruh Pemda yang menunggu (proses pekerja)",
        )
        pk.add_argument(
            "--sekali", action="store_true", help="berhenti bila antrean kosong (untuk cron)"
        )
        pk.add_argument("--jeda", type=float, default=5.0, help="detik antara dua pemeriksaan")
        for nama, bantuan in (
            ("buat", "buat satu dokumen"),
            ("pemda", "buat untuk semua perangkat daerah"),
        ):
            p = sub.add_parser(nama, help=bantuan)
            p.add_argument("jenis")
            if nama == "buat":
                p.add_argument("--instansi", required=True)
            else:
                p.add_argument("--pemda", required=True)
            p.add_argument("--periode", required=True)
            p.add_argument("--format", default=None)
            p.add_argument("-o", "--keluaran", help="berkas keluaran")
            p.add_argument("--opsi", action="append", default=[], metavar="NAMA=NILAI")

    def handle(self, *args: Any, **opts: Any) -> None:
        aksi = opts["aksi"]
        if aksi == "pekerja":
            self._pekerja(sekali=opts["sekali"], jeda=opts["jeda"])
            return
        if aksi == "jenis":
            for kode, p in muat_semua().items():
                opsi = ", ".join(OPSI_JENIS.get(kode, ())) or "-"
                self.stdout.write(f"{kode:20} {'/'.join(p.format):10} {p.label}")
                self.stdout.write(f"{'':20} opsi: {opsi}")
            return
        try:
            pembuat(opts["jenis"])
        except OpsiTidakSah as exc:
            raise CommandError(str(exc)) from exc
        pengguna = batch.PenggunaSistem()
        mulai = time.perf_counter()
        if aksi == "buat":
            instansi = cari_instansi(opts["instansi"])
            tahunan = pembuat(opts["jenis"]).tahunan
            periode = cari_periode(opts["periode"], instansi, tahunan=tahunan)
            try:
                dok = services.dokumen_buat(
                    pengguna=pengguna,
                    jenis=opts["jenis"],
                    instansi=instansi,
                    periode=periode,
                    format=opts["format"],
                    **_opsi(opts["opsi"]),
                )
            except (ValidationError, PermissionDenied) as exc:
                raise CommandError(
                    " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
                ) from exc
            keluaran = Path(opts["keluaran"] or dok.nama_berkas)
            with dok.berkas.open("rb") as f:
                keluaran.write_bytes(f.read())
            detik = time.perf_counter() - mulai
            self.stdout.write(
                self.style.SUCCESS(
                    f"{dok.judul} v{dok.versi} ({dok.format}) → {keluaran} "
                    f"[{dok.ukuran} bita, SHA-256 {dok.sha256[:16]}…, {detik:.2f} detik]"
                )
            )
            return
        pemda = cari_instansi(opts["pemda"])
        periode = cari_periode(opts["periode"], pemda, tahunan=pembuat(opts["jenis"]).tahunan)
        daftar = batch.perangkat_daerah(pemda)

        def kemajuan(selesai: int, jumlah: int, ins: Instansi) -> None:
            self.stdout.write(f"[{selesai}/{jumlah}] {ins.nama}")

        hasil = batch.dokumen_buat_banyak(
            pengguna=pengguna,
            jenis=opts["jenis"],
            instansi=daftar,
            periode=periode,
            format=opts["format"],
            kemajuan=kemajuan,
            **_opsi(opts["opsi"]),
        )
        for ins, pesan in hasil.gagal:
            self.stderr.write(f"gagal: {ins.nama}: {pesan}")
        keluaran = Path(opts["keluaran"] or f"{opts['jenis']}-{pemda.pk}-{periode.pk}.zip")
        keluaran.write_bytes(batch.zip_dokumen(hasil.dokumen))
        detik = time.perf_counter() - mulai
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(hasil.dokumen)} dokumen, {len(hasil.gagal)} gagal, "
                f"{detik:.1f} detik → {keluaran}"
            )
        )

    def _pekerja(self, *, sekali: bool, jeda: float) -> None:
        """Run queued whole-Pemda jobs one after another; stalled ones are queued again."""
        from django.db import close_old_connections, connection

        while True:
            if not connection.in_atomic_block:
                # A long-lived process: drop a connection the database server has closed.
                # (Inside a transaction, e.g. a test, the connection must stay.)
                close_old_connections()
            pk = batch.pekerjaan_berikut()
            if pk is None:
                if sekali:
                    return
                time.sleep(jeda)
                continue
            mulai = time.perf_counter()
            batch.pekerjaan_jalankan(pk)
            detik = time.perf_counter() - mulai
            self.stdout.write(f"pekerjaan {pk} selesai dalam {detik:.1f} detik")
