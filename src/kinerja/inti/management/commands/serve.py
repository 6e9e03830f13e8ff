"""`kinerja serve`: collect static files, then serve the app (default http://127.0.0.1:8000).

For a trial on one machine. Production runs gunicorn behind nginx (docs/operasi.md).
"""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Sajikan aplikasi Kinerja (uji coba satu mesin)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("alamat", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args: Any, **opts: Any) -> None:
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Kinerja berjalan di http://{opts['alamat']}/  (Ctrl+C untuk berhenti)")
        # WhiteNoise serves the collected (hashed) static files; runserver's own static handler
        # would answer first with unhashed names only, so it is switched off.
        call_command("runserver", opts["alamat"], use_reloader=False, use_static_handler=False)
