"""The kinds the calculation core distinguishes, as enums.

Every enum is a `StrEnum` whose values equal the `TextChoices` values stored by the Django side
(`perencanaan.models.Polaritas` etc.), so a stored value converts with `Polaritas(nilai)`.
`Alasan` (why a number could not be computed) and `Bendera` (data-quality flags) carry their
Indonesian message in `.pesan`.
"""

from __future__ import annotations

from enum import StrEnum


class Polaritas(StrEnum):
    """Direction of an indicator: higher is better, lower is better, or inside a range."""

    POSITIF = "positif"
    NEGATIF = "negatif"
    RENTANG = "rentang"


class JenisNilai(StrEnum):
    """The value type of an indicator's target and realisation."""

    ANGKA = "angka"
    PERSEN = "persen"
    BINER = "biner"
    ORDINAL = "ordinal"


class MetodeNegatif(StrEnum):
    """Formula for lower-is-better indicators: (2T − R) / T by default, T / R only if chosen."""

    SELISIH = "selisih"
    RASIO = "rasio"


class Agregasi(StrEnum):
    """How period values make the value "s.d. periode n" and the year's value."""

    KUMULATIF = "kumulatif"
    NILAI_AKHIR = "nilai_akhir"
    RATA_RATA = "rata_rata"


class MetodeEfisiensi(StrEnum):
    """How efficiency compares capaian kinerja with serapan anggaran."""

    SELISIH = "selisih"
    RASIO = "rasio"


class KategoriEfisiensi(StrEnum):
    """The efficiency band of a result."""

    EFISIEN = "efisien"
    CUKUP_EFISIEN = "cukup_efisien"
    TIDAK_EFISIEN = "tidak_efisien"

    @property
    def label(self) -> str:
        """The label printed in reports."""
        return _LABEL_EFISIENSI[self]


class MetodeProyeksi(StrEnum):
    """How the year-end value is projected from the periods so far."""

    LAJU = "laju"
    TREN_LINEAR = "tren_linear"
    NILAI_TERAKHIR = "nilai_terakhir"


class Alasan(StrEnum):
    """Why a value is *tidak dapat dihitung* (not computable)."""

    TARGET_KOSONG = "target_kosong"
    TARGET_NOL = "target_nol"
    REALISASI_KOSONG = "realisasi_kosong"
    TIPE_TIDAK_SESUAI = "tipe_tidak_sesuai"
    NILAI_TIDAK_VALID = "nilai_tidak_valid"
    NILAI_NEGATIF = "nilai_negatif"
    RENTANG_TIDAK_VALID = "rentang_tidak_valid"
    SKALA_KOSONG = "skala_kosong"
    LEVEL_TIDAK_DIKENAL = "level_tidak_dikenal"
    PEMBAGI_NOL = "pembagi_nol"
    METODE_TIDAK_BERLAKU = "metode_tidak_berlaku"
    PARAMETER_TIDAK_VALID = "parameter_tidak_valid"
    PERIODE_KOSONG = "periode_kosong"
    TIDAK_ADA_NILAI = "tidak_ada_nilai"
    PAGU_KOSONG = "pagu_kosong"
    PAGU_NOL = "pagu_nol"
    DI_LUAR_JANGKAUAN = "di_luar_jangkauan"

    @property
    def pesan(self) -> str:
        """The Indonesian message shown to users."""
        return _PESAN_ALASAN[self]


class Bendera(StrEnum):
    """A data-quality flag on a result: the number stands, but a reviewer should look at it."""

    JAUH_DI_ATAS_TARGET = "jauh_di_atas_target"
    PENCILAN = "pencilan"
    TANPA_BUKTI = "tanpa_bukti"
    SATUAN_TIDAK_COCOK = "satuan_tidak_cocok"
    DATA_TIDAK_LENGKAP = "data_tidak_lengkap"
    NILAI_PERIODE_SEBELUMNYA = "nilai_periode_sebelumnya"
    DIBATASI = "dibatasi"
    ADA_TIDAK_DAPAT_DIHITUNG = "ada_tidak_dapat_dihitung"

    @property
    def pesan(self) -> str:
        """The Indonesian message shown to reviewers."""
        return _PESAN_BENDERA[self]


_LABEL_EFISIENSI = {
    KategoriEfisiensi.EFISIEN: "Efisien",
    KategoriEfisiensi.CUKUP_EFISIEN: "Cukup Efisien",
    KategoriEfisiensi.TIDAK_EFISIEN: "Tidak Efisien",
}

_PESAN_ALASAN = {
    Alasan.TARGET_KOSONG: "Target belum ditetapkan.",
    Alasan.TARGET_NOL: "Target (atau batas rentang) bernilai 0, sehingga capaian tidak dapat "
    "dihitung.",
    Alasan.REALISASI_KOSONG: "Realisasi belum diisi.",
    Alasan.TIPE_TIDAK_SESUAI: "Jenis data tidak sesuai dengan jenis nilai indikator.",
    Alasan.NILAI_TIDAK_VALID: "Nilai tidak valid.",
    Alasan.NILAI_NEGATIF: "Nilai negatif tidak diperbolehkan untuk indikator ini.",
    Alasan.RENTANG_TIDAK_VALID: "Rentang target tidak lengkap atau batas bawahnya melebihi batas "
    "atas.",
    Alasan.SKALA_KOSONG: "Skala ordinal indikator belum ditetapkan.",
    Alasan.LEVEL_TIDAK_DIKENAL: "Level tidak terdapat pada skala ordinal indikator.",
    Alasan.PEMBAGI_NOL: "Pembagi bernilai 0, sehingga rumus ini tidak dapat dipakai.",
    Alasan.METODE_TIDAK_BERLAKU: "Metode perhitungan ini tidak berlaku untuk nilai negatif.",
    Alasan.PARAMETER_TIDAK_VALID: "Pengaturan perhitungan tidak valid.",
    Alasan.PERIODE_KOSONG: "Ada periode yang belum diisi, sehingga jumlah kumulatif tidak dapat "
    "dihitung.",
    Alasan.TIDAK_ADA_NILAI: "Tidak ada nilai yang dapat dihitung.",
    Alasan.PAGU_KOSONG: "Pagu anggaran belum diisi.",
    Alasan.PAGU_NOL: "Pagu anggaran bernilai 0, sehingga serapan tidak dapat dihitung.",
    Alasan.DI_LUAR_JANGKAUAN: "Nilai terlalu besar atau terlalu kecil untuk dihitung.",
}

_PESAN_BENDERA = {
    Bendera.JAUH_DI_ATAS_TARGET: "Capaian jauh di atas target; periksa kembali data realisasi "
    "dan target.",
    Bendera.PENCILAN: "Nilai realisasi menyimpang jauh dari riwayat indikator (skor-z "
    "termodifikasi).",
    Bendera.TANPA_BUKTI: "Realisasi dilaporkan tanpa data dukung.",
    Bendera.SATUAN_TIDAK_COCOK: "Satuan realisasi tampaknya berbeda dengan satuan target.",
    Bendera.DATA_TIDAK_LENGKAP: "Sebagian data belum diisi; nilai dihitung dari data yang ada.",
    Bendera.NILAI_PERIODE_SEBELUMNYA: "Periode terakhir belum diisi; dipakai nilai periode "
    "sebelumnya.",
    Bendera.DIBATASI: "Sebagian capaian dibatasi (nilai maksimum) dalam rekapitulasi; nilai "
    "aslinya tetap disimpan.",
    Bendera.ADA_TIDAK_DAPAT_DIHITUNG: "Sebagian indikator tidak dapat dihitung dan tidak ikut "
    "dirata-ratakan.",
}
