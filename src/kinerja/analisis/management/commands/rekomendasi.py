"""`kinerja rekomendasi --periode 2026-tw3`: generate the recommendations of every agency.

For cron (e.g. nightly during an entry period): for each Pemda that has the period (or only
`--pemda`), every Perangkat Daerah (or only `--instansi`) is evaluated by the rules in force
and its recommendations are updated in place (idempotent; vanished conditions are marked
resolved). Runs as the system: the audit row has no user and says so.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kinerja.analisis.rekomendasi import perangkat_daerah, rekomendasi_buat
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode

POLA = re.compile(r"^(?P<tahun>\d{4})(?:-(?P<jenis>tw|s|b)(?P<nomor>\d{1,2}))?$", re.I)
JENIS = {"tw": "triwulan", "s": "semester", "b": "bulan"}


def baca_periode(teks: str) -> dict[str, Any]:
    """ "2026-tw3" → quarter 3 of 2026; "2026-s1" semester; "2026-b10" month; "2026" the year."""
    m = POLA.match(teks.strip())
    if not m:
        raise CommandError(
            f"Periode “{teks}” tidak dikenal. Contoh: 2026-tw3, 2026-s1, 2026-b10, 2026."
        )
    if m["jenis"] is None:
        return {"tahun": int(m["tahun"]), "jenis_periode": "tahun", "nomor": 1}
    return {
        "tahun": int(m["tahun"]),
        "jenis_periode": JENIS[m["jenis"].lower()],
        "nomor": int(m["nomor"]),
    }


class Command(BaseCommand):
    help = "Buat atau perbarui rekomendasi semua perangkat daerah untuk satu periode (cron)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--periode", required=True, help="mis. 2026-tw3, 2026-s1, 2026")
        parser.add_argument("--pemda", type=int, help="ID Pemda (bawaan: semua)")
        parser.add_argument("--instansi", type=int, help="ID satu perangkat daerah")
        parser.add_argument(
            "--tanggal", help="tanggal acuan keterlambatan, YYYY-MM-DD (bawaan: hari ini)"
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        kriteria = baca_periode(opts["periode"])
        hari_ini = None
        if opts.get("tanggal"):
            try:
                hari_ini = dt.date.fromisoformat(opts["tanggal"])
            except ValueError as exc:
                raise CommandError(f"Tanggal “{opts['tanggal']}” bukan YYYY-MM-DD.") from exc
        qs = Periode.objects.filter(**kriteria).select_related("pemda")
        if opts.get("pemda"):
            qs = qs.filter(pemda_id=opts["pemda"])
        daftar = list(qs.order_by("pemda__nama"))
        if not daftar:
            raise CommandError(f"Periode {opts['periode']} tidak ada pada Pemda mana pun.")
        jumlah = 0
        for periode in daftar:
            agensi = perangkat_daerah(periode.pemda)
            if opts.get("instansi"):
                agensi = [a for a in agensi if a.pk == opts["instansi"]]
            for pd in agensi:
                h = rekomendasi_buat(pengguna=None, instansi=pd, periode=periode, hari_ini=hari_ini)
                jumlah += 1
                if opts["verbosity"] >= 1:
                    self.stdout.write(
                        f"{periode.label} · {pd.nama}: {h.aktif} aktif "
                        f"({h.baru} baru, {h.dibuka_lagi} muncul lagi), {h.teratasi} teratasi"
                    )
        if opts.get("instansi") and not jumlah:
            ada = Instansi.objects.filter(pk=opts["instansi"]).first()
            raise CommandError(
                f"Instansi {opts['instansi']} bukan perangkat daerah pada periode itu."
                if ada
                else f"Instansi {opts['instansi']} tidak ada."
            )
