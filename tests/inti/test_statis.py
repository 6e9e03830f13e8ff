"""Static files collect with the hashed storage used by `kinerja serve` and production."""

import os
import subprocess
import sys


def test_collectstatic_dengan_manifest_berhasil(tmp_path):
    env = dict(os.environ, KINERJA_DATA_DIR=str(tmp_path), KINERJA_TESTING="0", DEBUG="0")
    hasil = subprocess.run(
        [sys.executable, "-m", "kinerja.cli", "collectstatic", "--noinput", "-v0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert hasil.returncode == 0, hasil.stderr[-2000:]
    assert (tmp_path / "static" / "staticfiles.json").exists()
