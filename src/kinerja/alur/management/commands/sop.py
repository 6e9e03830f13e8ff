"""`kinerja sop`: list, load, print and export SOP templates.

kinerja sop daftar                 list active templates with their number of steps
kinerja sop muat                   load (or refresh) the four built-in seed templates
kinerja sop cetak <kode> [-o f]    render the SOP as PDF (PermenPAN-RB 35/2012 layout)
kinerja sop ekspor <kode> [-o f]   write the template as YAML
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Count

from kinerja.alur import berkas_sop, services
from kinerja.alur.models import TemplateSOP


def _template(kode: str) -> TemplateSOP:
    t = TemplateSOP.objects.filter(kode=kode, aktif=True).first()
    if t is None:
        ada = ", ".join(TemplateSOP.objects.filter(aktif=True).values_list("kode", flat=True))
        raise CommandError(f"Templat SOP '{kode}' tidak ada. Yang tersedia: {ada or '-'}")
    return t


class Command(BaseCommand):
    help = "Kelola templat SOP: daftar, muat, cetak, ekspor."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="aksi", required=True)
        sub.add_parser("daftar", help="daftar templat aktif dan jumlah langkahnya")
        sub.add_parser("muat", help="muat templat bawaan dari keempat SOP contoh")
        cetak = sub.add_parser("cetak", help="cetak SOP sebagai PDF")
        cetak.add_argument("kode")
        cetak.add_argument("-o", "--keluaran", help="berkas PDF (bawaan: <kode>.pdf)")
        cetak.add_argument("--kertas", choices=["a4", "f4"], default=None)
        ekspor = sub.add_parser("ekspor", help="tulis templat sebagai YAML")
        ekspor.add_argument("kode")
        ekspor.add_argument("-o", "--keluaran", help="berkas YAML (bawaan: layar)")

    def handle(self, *args: Any, **opts: Any) -> None:
        aksi = opts["aksi"]
        if aksi in ("muat", "daftar") and (
            aksi == "muat" or not TemplateSOP.objects.filter(bawaan=True).exists()
        ):
            for t in services.template_muat_bawaan():
                if aksi == "muat":
                    self.stdout.write(f"dimuat: {t.kode} v{t.versi}")
        if aksi == "daftar":
            qs = TemplateSOP.objects.filter(aktif=True).annotate(n=Count("langkah"))
            self.stdout.write(f"{'KODE':36} {'VERSI':>5} {'LANGKAH':>7}  NAMA — INSTANSI")
            for t in qs.order_by("kode"):
                self.stdout.write(
                    f"{t.kode:36} {t.versi:>5} {t.n:>7}  {t.nama} — {t.instansi_teks}"
                )
        elif aksi == "cetak":
            from kinerja.dokumen.sop_pdf import render_sop_pdf

            t = _template(opts["kode"])
            pdf = render_sop_pdf(services.template_ke_data(t), kertas=opts["kertas"])
            tujuan = Path(opts["keluaran"] or f"{t.kode}.pdf")
            tujuan.write_bytes(pdf)
            self.stdout.write(f"ditulis: {tujuan} ({len(pdf):,} bita)")
        elif aksi == "ekspor":
            teks = berkas_sop.ke_yaml(services.template_ke_data(_template(opts["kode"])))
            if opts["keluaran"]:
                Path(opts["keluaran"]).write_text(teks, encoding="utf-8")
            else:
                self.stdout.write(teks)
