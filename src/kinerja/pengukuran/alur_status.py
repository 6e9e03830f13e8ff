"""The allowed transitions of a realisation's approval state, in one table.

    draf ──ajukan──▶ diajukan ──validasi──▶ divalidasi
      ▲                 │                       │
      │            kembalikan              buka_kunci (with a reason)
      │                 ▼                       │
      └──(edit)── dikembalikan ◀────────────────┘ (back to draf)

Editing the value is allowed only in draf and dikembalikan.
"""

from __future__ import annotations

from kinerja.pengukuran.models import StatusRealisasi as S

AJUKAN = "ajukan"
VALIDASI = "validasi"
KEMBALIKAN = "kembalikan"
BUKA_KUNCI = "buka_kunci"

TRANSISI: dict[tuple[str, str], str] = {
    (S.DRAF, AJUKAN): S.DIAJUKAN,
    (S.DIKEMBALIKAN, AJUKAN): S.DIAJUKAN,
    (S.DIAJUKAN, VALIDASI): S.DIVALIDASI,
    (S.DIAJUKAN, KEMBALIKAN): S.DIKEMBALIKAN,
    (S.DIVALIDASI, BUKA_KUNCI): S.DRAF,
}

STATUS_BOLEH_DIUBAH = frozenset({S.DRAF, S.DIKEMBALIKAN})


def status_berikut(status: str, aksi: str) -> str | None:
    """The state after `aksi` from `status`, or None when the transition is not allowed."""
    return TRANSISI.get((status, aksi))
