"""The calculation core stays pure: no Django, no floats in its source."""

import ast
import subprocess
import sys
from pathlib import Path

import kinerja.rumus

PAKET = Path(kinerja.rumus.__file__).parent


def test_importing_the_core_loads_no_django():
    kode = (
        "import sys, kinerja.rumus, kinerja.rumus.capaian;"
        "bocor = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'));"
        "print(','.join(bocor))"
    )
    keluar = subprocess.run(
        [sys.executable, "-c", kode], capture_output=True, text=True, check=True, timeout=60
    )
    assert keluar.stdout.strip() == ""


def test_no_module_of_the_core_imports_django_or_another_kinerja_app():
    for berkas in sorted(PAKET.glob("*.py")):
        pohon = ast.parse(berkas.read_text(encoding="utf-8"))
        for simpul in ast.walk(pohon):
            if isinstance(simpul, ast.Import):
                nama = [a.name for a in simpul.names]
            elif isinstance(simpul, ast.ImportFrom):
                nama = [simpul.module or ""]
            else:
                continue
            for n in nama:
                assert not n.startswith("django"), f"{berkas.name} imports {n}"
                if n.startswith("kinerja."):
                    assert n.startswith("kinerja.rumus"), f"{berkas.name} imports {n}"


def test_the_core_never_builds_a_float():
    for berkas in sorted(PAKET.glob("*.py")):
        pohon = ast.parse(berkas.read_text(encoding="utf-8"))
        for simpul in ast.walk(pohon):
            assert not (isinstance(simpul, ast.Constant) and isinstance(simpul.value, float)), (
                f"{berkas.name}:{simpul.lineno} has a float literal"
            )
            if isinstance(simpul, ast.Call) and isinstance(simpul.func, ast.Name):
                assert simpul.func.id != "float", f"{berkas.name}:{simpul.lineno} calls float()"
