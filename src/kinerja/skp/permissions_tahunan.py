"""Permission predicates of the annual evaluation (registered in `SkpConfig.ready()`).

The annual evaluation belongs to the year's last SKP of the employee (`PenilaianTahunan.skp`),
so it follows that SKP's rules (`kinerja.skp.permissions`):

- `skp.lihat_tahunan`: read it (the page, the PDF, the section on the SKP page) = may see
  (`skp.lihat`) the year's last SKP: the employee, the supervisors of that SKP's pejabat penilai
  for the time they held the position, the recorded penilai, the Kepala and kepegawaian.
- `skp.nilai_tahunan`: decide it = may evaluate (`skp.nilai`) the year's last SKP: its pejabat
  penilai or whoever holds that position today (Plt./Plh.); the Kepala's own SKP is recorded by
  kepegawaian on behalf of the assessor outside the agency. Never the employee themself.

Both accept a `PenilaianTahunan` or the year's last `SKP` (before an annual evaluation exists).
"""

from __future__ import annotations

from typing import Any

import rules

from kinerja.skp.permissions import dapat_melihat_skp, dapat_menilai_skp


def _skp_tahunan(obj: Any) -> Any:
    """The SKP an annual evaluation belongs to (or the SKP itself)."""
    if type(obj).__name__ == "PenilaianTahunan":
        return obj.skp
    return obj if type(obj).__name__ == "SKP" else None


@rules.predicate
def dapat_melihat_tahunan(user: Any, obj: Any) -> bool:
    """May see the annual evaluation: may see the year's last SKP (`skp.lihat`)."""
    skp = _skp_tahunan(obj)
    return skp is not None and bool(dapat_melihat_skp(user, skp))


@rules.predicate
def dapat_menilai_tahunan(user: Any, obj: Any) -> bool:
    """May decide the annual evaluation: may evaluate the year's last SKP (`skp.nilai`)."""
    skp = _skp_tahunan(obj)
    return skp is not None and bool(dapat_menilai_skp(user, skp))


rules.add_perm("skp.lihat_tahunan", dapat_melihat_tahunan)
rules.add_perm("skp.nilai_tahunan", dapat_menilai_tahunan)
