"""Who may publish and withdraw results on the public portal, as a `rules` predicate.

`portal.terbitkan` (publish and withdraw, on an Instansi or a Publikasi):

- the Pemda: an Admin Pemda or Admin sistem, or the Pemda's own Tim SAKIP (Tim SAKIP, its Ketua
  or Sekretaris) — a role held on the Pemda itself (the tree's root), covering every agency;
- the agency: its Kepala (or Kepala UKPBJ), for the agency they head — the official who signed
  the report answers for releasing it;
- superusers.

A Tim SAKIP of an agency, a Sekretaris or an operator may not: publishing speaks for the Pemda
or for the head of the agency, not for the team that prepared the numbers.
"""

from __future__ import annotations

from typing import Any

import rules

from kinerja.organisasi.models import KodePeran
from kinerja.organisasi.permissions import _instansi_dari, peran_aktif

PERAN_PEMDA = frozenset(
    {
        KodePeran.ADMIN_PEMDA,
        KodePeran.ADMIN_SISTEM,
        KodePeran.TIM_SAKIP,
        KodePeran.KETUA_TIM_SAKIP,
        KodePeran.SEKRETARIS_TIM_SAKIP,
    }
)
PERAN_KEPALA = frozenset({KodePeran.KEPALA, KodePeran.KEPALA_UKPBJ})


def _akar(jalur: str) -> bool:
    """True for the path of a tree root (a Pemda): "/1/"."""
    return jalur.count("/") == 2


@rules.predicate
def dapat_menerbitkan(user: Any, obj: Any) -> bool:
    """A Pemda-level admin or Tim SAKIP over the agency, or the agency's Kepala."""
    instansi = _instansi_dari(obj)
    if instansi is None:
        return False
    if getattr(user, "is_superuser", False):
        return True
    for kode, jalur in peran_aktif(user):
        if not instansi.jalur.startswith(jalur):
            continue
        if kode in PERAN_PEMDA and _akar(jalur):
            return True
        if kode in PERAN_KEPALA:
            return True
    return False


rules.add_perm("portal.terbitkan", dapat_menerbitkan)
