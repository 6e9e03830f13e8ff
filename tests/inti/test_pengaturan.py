"""Production settings pass Django's deployment checks; bad environment values fail loudly."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from kinerja.settings import envbool, envint


def test_pengaturan_produksi_lolos_check_deploy(tmp_path):
    env = dict(
        os.environ,
        DEBUG="0",
        KINERJA_HTTPS="1",
        SECRET_KEY="k" * 20 + "Z9!q" * 12,
        ALLOWED_HOSTS="kinerja.example.go.id",
        KINERJA_DATA_DIR=str(tmp_path),
        KINERJA_TESTING="0",
    )
    hasil = subprocess.run(
        [sys.executable, "-m", "kinerja.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr


def test_tanpa_secret_key_dibuat_acak_dan_disimpan(tmp_path):
    env = dict(os.environ, KINERJA_DATA_DIR=str(tmp_path), KINERJA_TESTING="0")
    env.pop("SECRET_KEY", None)
    kode = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'kinerja.settings'; "
        "import django; django.setup(); "
        "from django.conf import settings; print(settings.SECRET_KEY)"
    )
    cmd = [sys.executable, "-c", kode]
    k1 = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    k2 = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    assert k1 == k2 and len(k1.strip()) > 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("nilai", ["mungkin", "2"])
def test_envbool_menolak_nilai_tidak_jelas(monkeypatch, nilai):
    monkeypatch.setenv("X_UJI", nilai)
    with pytest.raises(ImproperlyConfigured):
        envbool("X_UJI", False)


def test_envint_menolak_bukan_angka(monkeypatch):
    monkeypatch.setenv("X_UJI", "dua")
    with pytest.raises(ImproperlyConfigured):
        envint("X_UJI", 1)
