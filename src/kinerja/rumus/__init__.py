"""Kinerja's calculation core: every performance number is computed here, and only here.

Pure Python, `Decimal` only, no Django. Each function documents the formula it applies; the
formulas, rounding rules and edge cases, each with a worked example, are in docs/metodologi.md.

The functions other code calls:

- `hitung_capaian(...)`: capaian of one indicator in one period
- `hitung_agregasi(...)`, `hitung_capaian_sd_triwulan(...)`, `hitung_capaian_renstra(...)`
- `rollup(...)`, `serapan(...)`, `efisiensi(...)`, `proyeksi(...)`
- `predikat(nilai, skala)`, `bulatkan(nilai)`, `skor_z_termodifikasi(nilai, riwayat)`,
  `profil_riwayat(riwayat)`
- `hitung_massal(baris)`, `rekap_massal(nilai, kelompok)`: the batch (columnar) entry points
  for many indicator-periods at once, same formulas, same results
"""

from kinerja.rumus.angka import bulatkan
from kinerja.rumus.bendera import (
    AMBANG_JAUH,
    AMBANG_PENCILAN,
    BENDERA_DARI_BIT,
    BIT_BENDERA,
    ProfilRiwayat,
    profil_riwayat,
    skor_z_termodifikasi,
)
from kinerja.rumus.capaian import Nilai, hitung_capaian
from kinerja.rumus.efisiensi import AMBANG_RASIO, AMBANG_SELISIH, efisiensi
from kinerja.rumus.hasil import (
    Hasil,
    HasilAgregasi,
    HasilCapaian,
    HasilEfisiensi,
    HasilProyeksi,
    HasilRollup,
    HasilSdTriwulan,
    HasilSerapan,
)
from kinerja.rumus.jenis import (
    Agregasi,
    Alasan,
    Bendera,
    JenisNilai,
    KategoriEfisiensi,
    MetodeEfisiensi,
    MetodeNegatif,
    MetodeProyeksi,
    Polaritas,
)
from kinerja.rumus.massal import (
    BarisMassal,
    HasilMassal,
    RekapMassal,
    hitung_massal,
    rekap_massal,
)
from kinerja.rumus.periode import (
    hitung_agregasi,
    hitung_capaian_renstra,
    hitung_capaian_sd_triwulan,
)
from kinerja.rumus.proyeksi import proyeksi
from kinerja.rumus.rekap import rollup, serapan
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
    "AMBANG_RASIO",
    "AMBANG_SELISIH",
    "BENDERA_DARI_BIT",
    "BIT_BENDERA",
    "PREDIKAT_AKIP",
    "PREDIKAT_PERMENDAGRI_86",
    "SKALA_OPINI_BPK",
    "SKALA_PREDIKAT_AKIP",
    "Agregasi",
    "Alasan",
    "BarisMassal",
    "Bendera",
    "Hasil",
    "HasilAgregasi",
    "HasilCapaian",
    "HasilEfisiensi",
    "HasilMassal",
    "HasilProyeksi",
    "HasilRollup",
    "HasilSdTriwulan",
    "HasilSerapan",
    "JenisNilai",
    "KategoriEfisiensi",
    "LevelOrdinal",
    "MetodeEfisiensi",
    "MetodeNegatif",
    "MetodeProyeksi",
    "Nilai",
    "Polaritas",
    "Predikat",
    "ProfilRiwayat",
    "RekapMassal",
    "SkalaOrdinal",
    "SkalaPredikat",
    "bulatkan",
    "efisiensi",
    "hitung_agregasi",
    "hitung_capaian",
    "hitung_capaian_renstra",
    "hitung_capaian_sd_triwulan",
    "hitung_massal",
    "predikat",
    "profil_riwayat",
    "proyeksi",
    "rekap_massal",
    "rollup",
    "serapan",
    "skor_z_termodifikasi",
]
