"""`kinerja pengingat`: remind performers of steps whose deadline is near or passed.

Run it every hour from cron or a systemd timer (docs/operasi.md); each reminder goes once.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kinerja.alur.notifikasi import kirim_pengingat


class Command(BaseCommand):
    help = "Kirim pengingat tenggat langkah SOP (menjelang dan terlambat)."

    def handle(self, *args: Any, **opts: Any) -> None:
        hasil = kirim_pengingat()
        self.stdout.write(
            f"pengingat menjelang tenggat: {hasil['menjelang_tenggat']}, "
            f"terlambat: {hasil['terlambat']}"
        )
