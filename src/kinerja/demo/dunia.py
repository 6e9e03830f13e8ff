"""The shape of the demo world: small dataclasses the per-agency data modules fill in.

Each seed agency is described in its own module (`data_sumbar`, `data_banjarnegara`,
`data_kukar`, `data_lumajang`) as one `DemoPemda`: the organisation tree, people with their
NIP, positions and holders, logins with roles, the Renstra framework, indicators with targets,
quarterly Rencana Aksi targets and realisations. The loader (`kinerja.demo.pemuat`) turns these
into rows. Everything here is *data contoh*: the names of the governments and agencies are
real, every person, NIP and number is invented.

Conventions used by the data modules:
- Numbers are written as Python decimal strings ("86.50"); binary values as "ya" / "tidak";
  ordinal values as the level code ("WTP", "BB"); a range target as a pair ("2.1", "2.3").
- `ra[tahun]` holds the four quarterly Rencana Aksi targets. For a *kumulatif* indicator they
  are the quarter's own amounts and add up to the annual target; for *nilai akhir* the TW IV
  target equals the annual target; for *rata-rata* their mean equals it. When `ra` is left out
  for a year, the loader uses the annual target for every quarter (*rata-rata*, and binary,
  ordinal and range indicators) or only for TW IV (indicators reported yearly).
- `real[tahun]` holds the realisations per quarter (a kumulatif value is the quarter's own
  amount, as `Realisasi` stores it); `None` means not entered yet. Yearly indicators give one
  value for the year. The 2025 yearly realisation is derived from the quarters by the
  indicator's aggregation type (sum, last value, mean).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# "Today" in the demo world: TW I–III 2026 are past, TW IV is running, 2025 is complete.
HARI_INI = dt.date(2026, 11, 23)
TAHUN_BERJALAN = 2026
TAHUN_LALU = 2025
TAHUN_DATA = (TAHUN_LALU, TAHUN_BERJALAN)
RENSTRA = (2025, 2029)

# One password for every demo login; printed by `kinerja demo`.
KATA_SANDI_DEMO = "demo-kinerja-2026"
NAMA_SUPERUSER = "admin"
LABEL_CONTOH = "Data contoh"
# Every demo Pemda root carries this prefix in `Instansi.kode`; the loader only ever deletes
# roots that carry it, so real data with the same name is never touched.
AWALAN_KODE_CONTOH = "contoh-"

# Pangkat per golongan/ruang (PNS). PPPK have a golongan (I–XVII) and no pangkat.
PANGKAT = {
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}

# The ordinal scales the indicators use: (kode, nama, [(kode level, label, skor), ...]),
# levels listed from best to worst.
SKALA_ORDINAL = [
    (
        "opini-bpk",
        "Opini BPK atas laporan keuangan",
        [
            ("WTP", "Wajar Tanpa Pengecualian", "4"),
            ("WDP", "Wajar Dengan Pengecualian", "3"),
            ("TW", "Tidak Wajar", "2"),
            ("TMP", "Tidak Menyatakan Pendapat", "1"),
        ],
    ),
    (
        "predikat-akip",
        "Predikat evaluasi AKIP (PermenPAN-RB 88/2021)",
        [
            ("AA", "Sangat Memuaskan", "7"),
            ("A", "Memuaskan", "6"),
            ("BB", "Sangat Baik", "5"),
            ("B", "Baik", "4"),
            ("CC", "Cukup", "3"),
            ("C", "Kurang", "2"),
            ("D", "Sangat Kurang", "1"),
        ],
    ),
    (
        "kematangan-ukpbj",
        "Tingkat kematangan UKPBJ (model LKPP)",
        [
            ("L5", "Level 5 — Unggul", "5"),
            ("L4", "Level 4 — Strategis", "4"),
            ("L3", "Level 3 — Proaktif", "3"),
            ("L2", "Level 2 — Esensi", "2"),
            ("L1", "Level 1 — Inisiasi", "1"),
        ],
    ),
]

# Levels of the two framework shapes: (kode, nama, punya_anggaran).
LEVEL_STANDAR = [
    ("tujuan", "Tujuan", False),
    ("sasaran", "Sasaran", False),
    ("program", "Program", True),
    ("kegiatan", "Kegiatan", True),
    ("sub_kegiatan", "Sub Kegiatan", True),
]
LEVEL_UKPBJ = [
    ("tujuan_pbj", "Tujuan PBJ", False),
    ("area_strategis", "Area Strategis", False),
    ("paket", "Paket Pengadaan", True),
]

# Words of the quarterly Rencana Aksi sentence, before the indicator's own action.
TAHAP_TRIWULAN = {
    1: "Persiapan dan penetapan rencana kerja",
    2: "Pelaksanaan",
    3: "Pelaksanaan dan pengendalian",
    4: "Penyelesaian, serah terima dan pelaporan",
}


@dataclass(frozen=True)
class Node:
    """An Instansi of the demo Pemda; `induk` is the slug of its parent ("pemda" for a PD)."""

    slug: str
    nama: str
    induk: str | None
    jenis: str = "unit"
    singkatan: str = ""
    alamat: str = ""
    telepon: str = ""
    kota: str = ""
    pola_nomor_surat: str = ""


@dataclass(frozen=True)
class Orang:
    """An employee: NIP as printed ("19700814 199603 1 002"), golongan, unit slug."""

    slug: str
    nama: str
    nip: str
    golongan: str
    unit: str
    depan: str = ""
    belakang: str = ""
    asn: str = "pns"
    aktif: bool = True


@dataclass(frozen=True)
class Jab:
    """A position in a unit, with the slug of its superior position."""

    slug: str
    nama: str
    unit: str
    atasan: str | None
    eselon: str = ""


@dataclass(frozen=True)
class Pemangku:
    """Who holds a position, how (definitif / plt / plh), from when to when, by which decree."""

    jabatan: str
    orang: str
    status: str
    mulai: dt.date
    selesai: dt.date | None = None
    nomor_sk: str = ""


@dataclass(frozen=True)
class Login:
    """A demo login: username, the employee it belongs to, and its roles.

    `peran` is a list of (role code, scope slug); the scope is a Node slug ("pemda" is the
    Pemda root, "pd" the agency itself).
    """

    username: str
    orang: str
    peran: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class El:
    """A framework element: level code, code, name, parent code and executing unit slug.

    Procurement packages also carry their kode RUP, method and owning agency (a Node slug).
    """

    level: str
    kode: str
    nama: str
    induk: str | None = None
    unit: str | None = None
    kode_rup: str = ""
    metode: str = ""
    pemilik: str | None = None


@dataclass(frozen=True)
class Ind:
    """An indicator with its manual IKU, targets, quarterly plan and realisations."""

    kode: str
    elemen: str
    nama: str
    satuan: str
    unit: str
    definisi: str
    formula: str
    sumber: str
    alasan: str
    baseline: str
    target: dict[int, str | tuple[str, str]]
    akhir: str | None
    real: dict[int, tuple[str | None, ...]]
    aksi: str
    polaritas: str = "positif"
    jenis_nilai: str = "angka"
    agregasi: str = "nilai_akhir"
    frekuensi: str = "triwulanan"
    jenis: str = "iku"
    sifat: str = "outcome"
    skala: str | None = None
    boleh_negatif: bool = False
    tahun_baseline: int = 2024
    ra: dict[int, tuple[str | None, ...]] = field(default_factory=dict)
    # A 2026 target change: (new target, effective date, reason, new quarterly RA targets).
    perubahan: tuple[str, dt.date, str, tuple[str | None, ...]] | None = None
    kendala: str = ""
    tindak_lanjut: str = ""
    # Status of the TW III 2026 realisation when it is not yet validated:
    # "diajukan", or ("dikembalikan", the validator's note).
    status_tw3: str | tuple[str, str] | None = None
    # Monthly plan and realisation for 2026 (UKPBJ monthly reporting), 12 and 10 values.
    ra_bulan: tuple[str | None, ...] | None = None
    real_bulan: tuple[str | None, ...] | None = None
    standar_nasional: str | None = None


@dataclass(frozen=True)
class DemoPemda:
    """One demo Pemda with its seed agency: everything `kinerja demo` creates for it."""

    kunci: str
    instansi: list[Node]
    agensi: str
    kepala_daerah: str
    orang: list[Orang]
    jabatan: list[Jab]
    pemangku: list[Pemangku]
    login: list[Login]
    # Position heading the agency (pihak pertama of the main PK) and the PK holder per unit.
    jabatan_kepala: str
    jabatan_per_unit: dict[str, str]
    # Pihak kedua of the head's PK: a position slug in the demo data, or text (Bupati…).
    pihak_kedua_kepala: str
    # Who enters and who validates, per unit slug ("*" is the default).
    pengisi: dict[str, str]
    validator: dict[str, str]
    jenis_kerangka: str = "standar"
    nama_kerangka: str = ""
    elemen: list[El] = field(default_factory=list)
    # Pagu per budget-carrying leaf element code: (2025, 2026), None when absent that year.
    pagu: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    indikator: list[Ind] = field(default_factory=list)
    # Share of each quarter in the budget plan, and realised spending as a share of pagu.
    profil_penarikan: tuple[str, str, str, str] = ("0.15", "0.25", "0.30", "0.30")
    profil_serapan: dict[int, tuple[str, ...]] = field(
        default_factory=lambda: {
            2025: ("0.13", "0.24", "0.28", "0.31"),
            2026: ("0.12", "0.23", "0.26"),
        }
    )
    periode_bulanan: bool = False
    tautan_bukti: str = "https://data-contoh.kinerja.example"

    @property
    def pemda(self) -> Node:
        """The root node."""
        return next(n for n in self.instansi if n.induk is None)
