"""The registry of document builders: for each `JenisDokumen`, how to gather and how to write.

A builder has two halves:

- `kumpulkan(konteks) -> dict`: reads the database (numbers only through
  `kinerja.pengukuran.hasil.tabel_capaian` and `kinerja.rumus`) and returns the *payload*, a
  JSON-ready dict in which every number is already exact text (`"99.53"`) or display text
  (`"99,53"`). The payload is what a signed document freezes as its snapshot.
- `tulis[format](payload, logo) -> bytes`: lays the payload out as PDF, DOCX, XLSX or ZIP
  without touching the database, so a signed document can be written again from its snapshot
  and print the same numbers.

Builders register themselves with `daftar(...)` in their modules under `kinerja.dokumen.pembuat`;
`PEMBUAT` maps each type to its builder once `muat_semua()` has imported them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kinerja.dokumen.models import JenisDokumen, JenisESR
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode

Penulis = Callable[[dict[str, Any], bytes | None], bytes]

MODUL_PEMBUAT = (
    "kinerja.dokumen.pembuat.surat",
    "kinerja.dokumen.pembuat.realisasi_ra",
    "kinerja.dokumen.pembuat.pk",
    "kinerja.dokumen.pembuat.pengukuran",
    "kinerja.dokumen.pembuat.renja",
    "kinerja.dokumen.pembuat.lkjip",
    "kinerja.dokumen.pembuat.ukpbj",
    "kinerja.dokumen.pembuat.esr",
)


class OpsiTidakSah(ValueError):
    """An option given to a builder is missing or wrong; the message says which, in Indonesian."""


@dataclass
class Konteks:
    """What a builder is asked to build: agency, period, options and the user's edited text."""

    instansi: Instansi
    periode: Periode
    opsi: Mapping[str, Any]
    isian: Mapping[str, Any]
    pengguna: Any = None
    siklus: Any = None


@dataclass(frozen=True)
class Pembuat:
    """One document type: its formats, how to gather its payload and write each format.

    `bernomor`: takes a letter number (agency pattern) when signed. `ditandatangani`: has a
    signature block and can be signed (else it is only generated and archived). `kunci(opsi)`
    names the series within (type, agency, period, format), e.g. one PK per position.
    `isian`: the editable text fields (name → label) the document page offers. `tahunan`:
    an annual document (PK, Rencana Aksi, LKjIP): stored per year, not per period, so it is
    the same series whichever period of the year it is built from.
    """

    jenis: JenisDokumen
    tulis: Mapping[str, Penulis]
    kumpulkan: Callable[[Konteks], dict[str, Any]]
    esr: str = ""
    bernomor: bool = False
    ditandatangani: bool = True
    kunci: Callable[[Mapping[str, Any]], str] = field(default=lambda opsi: "")
    isian: Mapping[str, str] = field(default_factory=dict)
    keterangan: str = ""
    tahunan: bool = False

    @property
    def format(self) -> tuple[str, ...]:
        """The formats this type is written in, the first being the default."""
        return tuple(self.tulis)

    @property
    def label(self) -> str:
        """The type's name as users read it."""
        return str(self.jenis.label)


PEMBUAT: dict[str, Pembuat] = {}


def daftar(pembuat: Pembuat) -> Pembuat:
    """Register a builder (called once per type at import of its module)."""
    PEMBUAT[pembuat.jenis.value] = pembuat
    return pembuat


def muat_semua() -> dict[str, Pembuat]:
    """Import every builder module (idempotent) and return the registry."""
    for nama in MODUL_PEMBUAT:
        importlib.import_module(nama)
    return PEMBUAT


def pembuat(jenis: str) -> Pembuat:
    """The builder of `jenis`; raises `OpsiTidakSah` for an unknown type."""
    muat_semua()
    try:
        return PEMBUAT[str(jenis)]
    except KeyError as exc:
        raise OpsiTidakSah(f"Jenis dokumen tidak dikenal: {jenis}") from exc


ESR_BAWAAN = {
    JenisDokumen.PK: JenisESR.PK,
    JenisDokumen.RENCANA_AKSI: JenisESR.RENCANA_AKSI,
    JenisDokumen.REALISASI_RA: JenisESR.MONEV_RENAKSI,
    JenisDokumen.KERTAS_KERJA: JenisESR.MONEV_RENAKSI,
    JenisDokumen.LAPORAN_PENGUKURAN: JenisESR.MONEV_RENAKSI,
    JenisDokumen.EVALUASI_RENJA: JenisESR.RENJA,
    JenisDokumen.LKJIP_BAB3: JenisESR.LAPORAN_KINERJA,
    JenisDokumen.LAPORAN_UKPBJ: JenisESR.MONEV_RENAKSI,
}


#: The document an SOP step's `aksi_sistem` produces (type, default format), for the
#: measurement-cycle buttons: `dokumen_buat(jenis=..., format=..., siklus=...)`.
DOKUMEN_AKSI: dict[str, tuple[str, str]] = {
    "buka_siklus": (JenisDokumen.NOTA_DINAS.value, "pdf"),
    "siapkan_format": (JenisDokumen.REALISASI_RA.value, "xlsx"),
    "susun_kertas_kerja": (JenisDokumen.KERTAS_KERJA.value, "xlsx"),
    "rekap_hasil": (JenisDokumen.KERTAS_KERJA.value, "xlsx"),
    "susun_laporan": (JenisDokumen.LAPORAN_PENGUKURAN.value, "pdf"),
    "buat_undangan": (JenisDokumen.UNDANGAN.value, "pdf"),
    "catat_rapat": (JenisDokumen.NOTULEN.value, "pdf"),
    "buat_surat_pengantar": (JenisDokumen.SURAT_PENGANTAR.value, "pdf"),
    "laporan_berkala": (JenisDokumen.LAPORAN_UKPBJ.value, "pdf"),
    "unggah_esr": (JenisDokumen.BUNDEL_ESR.value, "zip"),
}
