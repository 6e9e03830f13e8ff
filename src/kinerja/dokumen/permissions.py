"""Who may do what with documents, as `rules` predicates (registered in `DokumenConfig.ready`).

- `dokumen.lihat`: any role covering the document's agency (the same answer as `kinerja.lihat`).
- `dokumen.buat`: the roles that prepare documents in the seed SOPs (Kepala, Sekretaris, Tim
  SAKIP, Subbag Perencanaan, Kepala Bidang, the UKPBJ team, Admin Pemda) over the agency.
- `dokumen.tandatangani`: the designated signer's own login; when the signer has no login, a
  Kepala (or Kepala UKPBJ) of the agency.
- `dokumen.arsipkan`: the document-making roles and Staf (who archive in seed 002).
"""

from __future__ import annotations

from typing import Any

import rules

from kinerja.organisasi.models import Instansi, KodePeran
from kinerja.organisasi.permissions import (
    PERAN_PERENCANA,
    PERAN_VALIDATOR,
    _instansi_dari,
    dapat_melihat,
    mencakup,
)

PERAN_PEMBUAT = PERAN_PERENCANA | PERAN_VALIDATOR | {KodePeran.KEPALA}
PERAN_PENGARSIP = PERAN_PEMBUAT | {KodePeran.STAF}
PERAN_KEPALA = frozenset({KodePeran.KEPALA, KodePeran.KEPALA_UKPBJ})


@rules.predicate
def dapat_membuat_dokumen(user: Any, obj: Any) -> bool:
    """A document-making role covering the agency (an Instansi or a Dokumen)."""
    return mencakup(user, _instansi_dari(obj), PERAN_PEMBUAT)


@rules.predicate
def dapat_menandatangani(user: Any, dokumen: Any) -> bool:
    """The designated signer, or a Kepala of the agency when the signer has no login."""
    if dokumen is None or isinstance(dokumen, Instansi):
        return False
    if getattr(user, "is_superuser", False):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    pegawai = dokumen.penandatangan
    if pegawai is not None and pegawai.pengguna_id is not None:
        return bool(pegawai.pengguna_id == user.pk)
    return mencakup(user, dokumen.instansi, PERAN_KEPALA)


@rules.predicate
def dapat_mengarsipkan(user: Any, obj: Any) -> bool:
    """A document-making role or Staf covering the agency."""
    return mencakup(user, _instansi_dari(obj), PERAN_PENGARSIP)


rules.add_perm("dokumen.lihat", dapat_melihat)
rules.add_perm("dokumen.buat", dapat_membuat_dokumen)
rules.add_perm("dokumen.tandatangani", dapat_menandatangani)
rules.add_perm("dokumen.arsipkan", dapat_mengarsipkan)
