"""Kinerja's calculation core: every performance number is computed here, and only here.

Pure Python, `Decimal` only, no Django. See docs/metodologi.md for each formula and its worked
example.
"""

from kinerja.rumus.angka import bulatkan
from kinerja.rumus.bendera import AMBANG_JAUH, AMBANG_PENCILAN, skor_z_termodifikasi
from kinerja.rumus.capaian import hitung_capaian
from kinerja.rumus.hasil import Hasil, HasilCapaian
from kinerja.rumus.jenis import Alasan, Bendera, JenisNilai, MetodeNegatif, Polaritas
from kinerja.rumus.skala import (
    PREDIKAT_AKIP,
    PREDIKAT_PERMENDAGRI_86,
    SKALA_OPINI_BPK,
    SKALA_PREDIKAT_AKIP,
    LevelOrdinal,
    Predikat,
    SkalaOrdinal,
    SkalaPredikat,
    predikat,
)

__all__ = [
    "AMBANG_JAUH",
    "AMBANG_PENCILAN",
    "PREDIKAT_AKIP",
    "PREDIKAT_PERMENDAGRI_86",
    "SKALA_OPINI_BPK",
    "SKALA_PREDIKAT_AKIP",
    "Alasan",
    "Bendera",
    "Hasil",
    "HasilCapaian",
    "JenisNilai",
    "LevelOrdinal",
    "MetodeNegatif",
    "Polaritas",
    "Predikat",
    "SkalaOrdinal",
    "SkalaPredikat",
    "bulatkan",
    "hitung_capaian",
    "predikat",
    "skor_z_termodifikasi",
]
