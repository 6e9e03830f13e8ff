"""Who may see and act on recommendations and follow-ups (`rules` predicates).

- See an agency's recommendations: any role covering the agency (Inspektorat and Admin Pemda
  cover their Pemda), and the owner of a follow-up sees that item.
- Generate recommendations and assign follow-ups: Kepala, Sekretaris and the Tim SAKIP of the
  agency (Kepala UKPBJ and its Tim Pengelola for a UKPBJ), Admin Pemda for the Pemda's agencies.
- Update a follow-up: its owner, and whoever may assign it. Close or reopen: only the latter.
- Change the rules (thresholds): Tim SAKIP of the unit, Admin Pemda.
"""

from __future__ import annotations

from typing import Any

import rules

from kinerja.organisasi.models import Instansi, KodePeran
from kinerja.organisasi.permissions import _instansi_dari, mencakup

PERAN_PENGELOLA_REKOMENDASI = frozenset(
    {
        KodePeran.KEPALA,
        KodePeran.SEKRETARIS,
        KodePeran.TIM_SAKIP,
        KodePeran.KETUA_TIM_SAKIP,
        KodePeran.SEKRETARIS_TIM_SAKIP,
        KodePeran.KEPALA_UKPBJ,
        KodePeran.TIM_PENGELOLA_KELEMBAGAAN,
        KodePeran.ADMIN_PEMDA,
        KodePeran.ADMIN_SISTEM,
    }
)
PERAN_PENGATUR_ATURAN = frozenset(
    {
        KodePeran.TIM_SAKIP,
        KodePeran.KETUA_TIM_SAKIP,
        KodePeran.SEKRETARIS_TIM_SAKIP,
        KodePeran.TIM_PENGELOLA_KELEMBAGAAN,
        KodePeran.ADMIN_PEMDA,
        KodePeran.ADMIN_SISTEM,
    }
)


def _pemilik(user: Any, obj: Any) -> bool:
    """True when `obj` is a follow-up, or a recommendation whose follow-up, `user` owns."""
    from kinerja.analisis.models import Rekomendasi, TindakLanjut

    if not getattr(user, "is_authenticated", False):
        return False
    if isinstance(obj, Rekomendasi):
        try:
            obj = obj.tindak_lanjut
        except TindakLanjut.DoesNotExist:
            return False
    return isinstance(obj, TindakLanjut) and obj.pemilik_id == user.pk


@rules.predicate
def dapat_melihat_rekomendasi(user: Any, obj: Any) -> bool:
    """Any role covering the agency, or the owner of the item's follow-up."""
    return mencakup(user, _instansi_dari(obj)) or _pemilik(user, obj)


@rules.predicate
def dapat_mengelola_rekomendasi(user: Any, obj: Any) -> bool:
    """Kepala, Sekretaris, Tim SAKIP (or UKPBJ heads) of the agency; Admin Pemda."""
    return mencakup(user, _instansi_dari(obj), PERAN_PENGELOLA_REKOMENDASI)


@rules.predicate
def dapat_memperbarui_tindak_lanjut(user: Any, obj: Any) -> bool:
    """The follow-up's owner, or whoever may manage the agency's recommendations."""
    return _pemilik(user, obj) or dapat_mengelola_rekomendasi(user, obj)


@rules.predicate
def dapat_mengatur_aturan(user: Any, obj: Any) -> bool:
    """Tim SAKIP (or UKPBJ Tim Pengelola) of the unit, or Admin Pemda over it."""
    if obj is None:
        return bool(getattr(user, "is_superuser", False))
    instansi = obj if isinstance(obj, Instansi) else _instansi_dari(obj)
    return mencakup(user, instansi, PERAN_PENGATUR_ATURAN)


rules.set_perm("analisis.lihat_rekomendasi", dapat_melihat_rekomendasi)
rules.set_perm("analisis.kelola_rekomendasi", dapat_mengelola_rekomendasi)
rules.set_perm("analisis.perbarui_tindak_lanjut", dapat_memperbarui_tindak_lanjut)
rules.set_perm("analisis.atur_aturan_rekomendasi", dapat_mengatur_aturan)
