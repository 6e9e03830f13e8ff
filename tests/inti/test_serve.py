"""`kinerja serve` (what `make demo` ends with) serves pages with their styles and scripts."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_menyajikan_halaman_dan_berkas_statis(tmp_path):
    env = dict(os.environ, KINERJA_DATA_DIR=str(tmp_path), KINERJA_TESTING="0", DEBUG="0")
    # The trial install that `make demo` serves: its own SQLite file, whatever the suite runs on.
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'kinerja.sqlite3'}"
    subprocess.run(
        [sys.executable, "-m", "kinerja.cli", "migrate", "-v0"], env=env, check=True, timeout=300
    )
    port = _port_bebas()
    proses = subprocess.Popen(
        [sys.executable, "-m", "kinerja.cli", "serve", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        html = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/masuk/", timeout=5) as r:
                    html = r.read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert "Masuk ke Kinerja" in html
        aset = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
        assert any(a.endswith(".css") for a in aset) and any(a.endswith(".js") for a in aset)
        for a in aset:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{a}", timeout=5) as r:
                assert r.status == 200, a
    finally:
        proses.terminate()
        proses.wait(timeout=10)
