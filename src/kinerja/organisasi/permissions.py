"""Who may see and change what: one answer per question, as `rules` predicates.

A role (`Peran`) covers the Instansi subtree rooted at its `instansi`. Reading is allowed by any
role covering the object; writing needs a role of the right kind. Inspektorat roles only read.
Views, templates (`{% has_perm %}`) and the API all ask these predicates.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import rules

from kinerja.organisasi.models import Instansi, KodePeran

# Roles that may only read (Inspektorat reviews but does not enter data).
PERAN_BACA_SAJA = frozenset({KodePeran.INSPEKTORAT})
# Roles that enter realisations for their units.
PERAN_PENGISI = frozenset(
    {
        KodePeran.BIDANG,
        KodePeran.KEPALA_BIDANG,
        KodePeran.SEKRETARIS,
        KodePeran.TIM_SAKIP,
        KodePeran.KETUA_TIM_SAKIP,
        KodePeran.SEKRETARIS_TIM_SAKIP,
        KodePeran.SUBBAG_PERENCANAAN,
        KodePeran.STAF,
        KodePeran.PENANGGUNG_JAWAB_KINERJA,
        KodePeran.TIM_PENGELOLA_KELEMBAGAAN,
    }
)
# Roles that validate (accept or return) entered realisations:
# the Kepala Bidang in Lumajang, the Tim SAKIP elsewhere.
PERAN_VALIDATOR = frozenset(
    {
        KodePeran.KEPALA_BIDANG,
        KodePeran.TIM_SAKIP,
        KodePeran.KETUA_TIM_SAKIP,
        KodePeran.SEKRETARIS_TIM_SAKIP,
        KodePeran.SEKRETARIS,
        KodePeran.KEPALA,
        KodePeran.KEPALA_UKPBJ,
        KodePeran.TIM_PENGELOLA_KELEMBAGAAN,
    }
)
# Roles that maintain plans (framework, indicators, targets, PK, Rencana Aksi, budget).
PERAN_PERENCANA = frozenset(
    {
        KodePeran.SUBBAG_PERENCANAAN,
        KodePeran.TIM_SAKIP,
        KodePeran.KETUA_TIM_SAKIP,
        KodePeran.SEKRETARIS_TIM_SAKIP,
        KodePeran.SEKRETARIS,
        KodePeran.KEPALA_UKPBJ,
        KodePeran.TIM_PENGELOLA_KELEMBAGAAN,
        KodePeran.ADMIN_PEMDA,
    }
)
PERAN_ADMIN = frozenset({KodePeran.ADMIN_PEMDA, KodePeran.ADMIN_SISTEM})


def peran_aktif(user: Any) -> list[tuple[str, str]]:
    """(role code, subtree path) pairs of the user, loaded once per request object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cache = getattr(user, "_kinerja_peran", None)
    if cache is None:
        cache = list(user.peran.values_list("kode", "instansi__jalur"))
        user._kinerja_peran = cache
    return cache


def jalur_dengan_peran(user: Any, kode: Iterable[str] | None = None) -> list[str]:
    """Subtree paths the user covers, optionally only through the given role codes."""
    izinkan = None if kode is None else set(kode)
    return [j for k, j in peran_aktif(user) if izinkan is None or k in izinkan]


def mencakup(user: Any, instansi: Instansi | None, kode: Iterable[str] | None = None) -> bool:
    """True if one of the user's roles (of the given codes) covers `instansi`."""
    if instansi is None:
        return False
    if getattr(user, "is_superuser", False):
        return True
    return any(instansi.jalur.startswith(j) for j in jalur_dengan_peran(user, kode))


def _instansi_dari(obj: Any) -> Instansi | None:
    """The Instansi an object belongs to, for scoping (unit of an indicator, owner of a plan…)."""
    if obj is None:
        return None
    if isinstance(obj, Instansi):
        return obj
    for attr in ("instansi_cakupan",):
        fn = getattr(obj, attr, None)
        if callable(fn):
            return fn()  # type: ignore[no-any-return]
    return None


@rules.predicate
def dapat_melihat(user: Any, obj: Any) -> bool:
    """Any role covering the object's unit (Inspektorat and Admin Pemda cover their Pemda)."""
    return mencakup(user, _instansi_dari(obj))


@rules.predicate
def dapat_mengisi(user: Any, obj: Any) -> bool:
    """An entering role covering the object's unit."""
    return mencakup(user, _instansi_dari(obj), PERAN_PENGISI)


@rules.predicate
def dapat_memvalidasi(user: Any, obj: Any) -> bool:
    """A validating role covering the object's unit."""
    return mencakup(user, _instansi_dari(obj), PERAN_VALIDATOR)


@rules.predicate
def dapat_merencanakan(user: Any, obj: Any) -> bool:
    """A planning role covering the object's unit."""
    return mencakup(user, _instansi_dari(obj), PERAN_PERENCANA)


@rules.predicate
def dapat_mengelola(user: Any, obj: Any) -> bool:
    """An administrator of the Pemda (or the system) covering the object."""
    return mencakup(user, _instansi_dari(obj), PERAN_ADMIN)


rules.add_perm("kinerja.lihat", dapat_melihat)
rules.add_perm("kinerja.isi", dapat_mengisi)
rules.add_perm("kinerja.validasi", dapat_memvalidasi)
rules.add_perm("kinerja.rencanakan", dapat_merencanakan)
rules.add_perm("kinerja.kelola", dapat_mengelola)
