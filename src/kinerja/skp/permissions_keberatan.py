"""Permission predicates of the keberatan pages (registered in `SkpConfig.ready()`).

PP 30/2019 and PermenPAN-RB 6/2022: the evaluated employee files an objection (keberatan) to a
final evaluation; the superior of the pejabat penilai (atasan pejabat penilai) decides it. The
rules here answer who may file, see, decide and withdraw; the services, views and templates ask
them (`skp.keberatan_ajukan`, `skp.keberatan_lihat`, `skp.keberatan_putus`,
`skp.keberatan_tarik`). Deadlines and states are checked by `services_keberatan`, not here.

Who decides (`skp.keberatan_putus`):

- whoever holds the recorded position of the atasan pejabat penilai (`jabatan_pemutus`) on the
  day of the decision, Plt./Plh. included;
- when that position is outside the agency (the penilai is the Kepala, whose superior is the
  Sekda or the Kepala Daerah: `jabatan_pemutus` empty) or has no holder that day, the Kepala or
  the personnel section (`kepegawaian`) records the decision on the atasan's behalf, as for the
  Kepala's own SKP (docs/skp.md "Pejabat penilai");
- never the employee, and never the pejabat penilai whose evaluation is contested (an objection
  is a review by someone else).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import rules
from django.db.models import Q
from django.utils import timezone

from kinerja.organisasi.models import PemangkuJabatan
from kinerja.organisasi.permissions import mencakup
from kinerja.skp.permissions import (
    PERAN_KEPEGAWAIAN,
    dapat_melihat_skp,
    pegawai_dari,
)


def skp_evaluasi(evaluasi: Any) -> Any:
    """The SKP an evaluation (periodic `PenilaianSKP` or annual `PenilaianTahunan`) is about;
    for the annual one that is the year's last SKP, whose pejabat penilai decided it."""
    return getattr(evaluasi, "skp", None)


def jabatan_dipangku(pegawai: Any, tanggal: dt.date) -> set[int]:
    """The positions `pegawai` holds on `tanggal` (definitif, Plt. or Plh.)."""
    if pegawai is None:
        return set()
    return set(
        PemangkuJabatan.objects.filter(pegawai=pegawai, mulai__lte=tanggal)
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=tanggal))
        .values_list("jabatan_id", flat=True)
    )


def jabatan_terisi(jabatan_ids: set[int], tanggal: dt.date) -> set[int]:
    """Which of the positions have a holder (any status) on `tanggal`."""
    if not jabatan_ids:
        return set()
    return set(
        PemangkuJabatan.objects.filter(jabatan_id__in=jabatan_ids, mulai__lte=tanggal)
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=tanggal))
        .values_list("jabatan_id", flat=True)
    )


def boleh_putus(
    user: Any,
    keberatan: Any,
    *,
    dipangku: set[int],
    terisi: set[int],
) -> bool:
    """The decision rule on already-loaded facts, shared by the predicate (one objection) and
    the waiting list (many objections, loaded once so the page stays bounded).

    `dipangku`: the positions the user's employee record holds today; `terisi`: which positions
    (at least the objection's `jabatan_pemutus`) have a holder today.
    """
    evaluasi = keberatan.evaluasi()
    skp = skp_evaluasi(evaluasi)
    if skp is None or not getattr(user, "is_authenticated", False):
        return False
    pegawai = pegawai_dari(user)
    if pegawai is not None and pegawai.pk in {
        keberatan.pegawai_id,
        skp.pegawai_id,
        skp.penilai_id,
        getattr(evaluasi, "penilai_id", None),
    }:
        # The employee never decides their own objection and the contested penilai never
        # reviews their own evaluation.
        return False
    jabatan = keberatan.jabatan_pemutus_id
    if jabatan is not None:
        if jabatan in dipangku:
            return True
        if jabatan in terisi:
            return False
    # Outside the agency (or vacant today): recorded by the Kepala or the personnel section.
    return mencakup(user, skp.unit, PERAN_KEPEGAWAIAN)


@rules.predicate
def dapat_memutus_keberatan(user: Any, keberatan: Any) -> bool:
    """The atasan pejabat penilai holding `jabatan_pemutus` today (Plt./Plh. too), or — when the
    atasan is outside the agency or the position is vacant — the Kepala or kepegawaian;
    never the employee nor the contested penilai."""
    if keberatan is None or not hasattr(keberatan, "evaluasi"):
        return False
    hari_ini = timezone.localdate()
    j = keberatan.jabatan_pemutus_id
    return boleh_putus(
        user,
        keberatan,
        dipangku=jabatan_dipangku(pegawai_dari(user), hari_ini) if j else set(),
        terisi=jabatan_terisi({j}, hari_ini) if j else set(),
    )


@rules.predicate
def dapat_melihat_keberatan(user: Any, keberatan: Any) -> bool:
    """Whoever may see the SKP (`skp.lihat`), the atasan recorded as deciding it, and whoever
    may decide it today."""
    if keberatan is None or not hasattr(keberatan, "evaluasi"):
        return False
    skp = skp_evaluasi(keberatan.evaluasi())
    if skp is not None and dapat_melihat_skp(user, skp):
        return True
    pegawai = pegawai_dari(user)
    if pegawai is not None and keberatan.pemutus_id == pegawai.pk:
        return True
    return bool(dapat_memutus_keberatan(user, keberatan))


@rules.predicate
def dapat_mengajukan_keberatan(user: Any, evaluasi: Any) -> bool:
    """Only the evaluated employee themself (their login is linked to the SKP's pegawai)."""
    skp = skp_evaluasi(evaluasi)
    pegawai = pegawai_dari(user)
    return skp is not None and pegawai is not None and skp.pegawai_id == pegawai.pk


@rules.predicate
def dapat_menarik_keberatan(user: Any, keberatan: Any) -> bool:
    """Only the employee who objected withdraws it."""
    pegawai = pegawai_dari(user)
    return (
        keberatan is not None
        and pegawai is not None
        and getattr(keberatan, "pegawai_id", None) == pegawai.pk
    )


rules.add_perm("skp.keberatan_ajukan", dapat_mengajukan_keberatan)
rules.add_perm("skp.keberatan_lihat", dapat_melihat_keberatan)
rules.add_perm("skp.keberatan_putus", dapat_memutus_keberatan)
rules.add_perm("skp.keberatan_tarik", dapat_menarik_keberatan)
