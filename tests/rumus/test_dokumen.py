"""Every worked example in docs/metodologi.md runs, and every section has one."""

import doctest
import re
from pathlib import Path

import kinerja.rumus

DOKUMEN = Path(__file__).resolve().parents[2] / "docs" / "metodologi.md"
MODUL = [
    "angka",
    "bendera",
    "capaian",
    "efisiensi",
    "hasil",
    "jenis",
    "massal",
    "periode",
    "proyeksi",
    "rekap",
    "skala",
]


def test_every_worked_example_in_the_methodology_document_holds():
    # Fence lines would otherwise read as the last line of each block's expected output.
    teks = "\n".join(
        "" if baris.startswith("```") else baris
        for baris in DOKUMEN.read_text(encoding="utf-8").splitlines()
    )
    uji = doctest.DocTestParser().get_doctest(teks, {}, "metodologi.md", str(DOKUMEN), 0)
    pelari = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    pelari.run(uji)
    hasil = pelari.summarize(verbose=False)
    assert hasil.failed == 0
    assert hasil.attempted >= 100


def test_every_numbered_section_has_a_worked_example():
    teks = DOKUMEN.read_text(encoding="utf-8")
    bagian = re.split(r"^## ", teks, flags=re.M)[1:]
    bernomor = [b for b in bagian if re.match(r"\d+\.", b)]
    assert len(bernomor) == 11
    for b in bernomor:
        assert ">>> " in b, f"section without a worked example: {b.splitlines()[0]}"


def test_the_docstring_examples_of_the_core_hold():
    from decimal import Decimal

    globs = {"Decimal": Decimal, **{n: getattr(kinerja.rumus, n) for n in kinerja.rumus.__all__}}
    dicoba = 0
    for nama in MODUL:
        modul = __import__(f"kinerja.rumus.{nama}", fromlist=["_"])
        hasil = doctest.testmod(modul, extraglobs=globs, optionflags=doctest.ELLIPSIS)
        assert hasil.failed == 0, nama
        dicoba += hasil.attempted
    assert dicoba >= 8


def test_every_public_function_is_documented_with_its_signature():
    teks = DOKUMEN.read_text(encoding="utf-8")
    fungsi = [n for n in kinerja.rumus.__all__ if n[0].islower()]
    for nama in fungsi:
        assert f"{nama}(" in teks, f"{nama} is missing from docs/metodologi.md"
