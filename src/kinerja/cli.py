"""The `kinerja` command: Django's manage.py plus `kinerja serve` and `kinerja demo`.

`kinerja migrate`, `kinerja createsuperuser`, ... work exactly as manage.py would.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command with Kinerja's settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    args[0] = "kinerja"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
