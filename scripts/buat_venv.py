"""Create the project's virtual environment in .venv, even where Debian's python3-venv (ensurepip)
is missing: then the venv is made without pip and pip is bootstrapped from its wheel on PyPI.

Usage: python3 scripts/buat_venv.py [.venv]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
import venv
from pathlib import Path

PYPI = "https://pypi.org/pypi/pip/json"


def _pip_dari_pypi(python: Path) -> None:
    with urllib.request.urlopen(PYPI, timeout=60) as r:
        info = json.load(r)
    wheel = next(u for u in info["urls"] if u["filename"].endswith(".whl"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / wheel["filename"]
        # Mirrors may answer with a URL relative to the JSON document.
        url = urllib.parse.urljoin(PYPI, wheel["url"])
        with urllib.request.urlopen(url, timeout=120) as r:
            path.write_bytes(r.read())
        # A wheel is importable: run pip from it to install itself.
        subprocess.run([str(python), f"{path}/pip", "install", "--quiet", str(path)], check=True)


def main() -> None:
    """Create the venv (with pip) unless it already works."""
    tujuan = Path(sys.argv[1] if len(sys.argv) > 1 else ".venv")
    python = tujuan / "bin" / "python"
    if python.exists():
        cek = subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True)
        if cek.returncode == 0:
            return
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(tujuan)
    except (subprocess.CalledProcessError, OSError):
        print("python3-venv/ensurepip tidak tersedia: pip dipasang dari PyPI.", file=sys.stderr)
        venv.EnvBuilder(with_pip=False, clear=True).create(tujuan)
        _pip_dari_pypi(python)


if __name__ == "__main__":
    main()
