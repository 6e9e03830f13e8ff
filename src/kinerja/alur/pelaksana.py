"""Which role assignments may perform a step named by an SOP performer code.

An SOP column "Bidang" is the Kepala Bidang and the operators of the Bidang; "Tim SAKIP" any
member of the team, its ketua and sekretaris included. Every other code is the role itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kinerja.organisasi.models import Instansi, KodePeran
from kinerja.organisasi.permissions import peran_aktif

ALIAS_PELAKSANA: dict[str, frozenset[str]] = {
    "bidang": frozenset({KodePeran.BIDANG, KodePeran.KEPALA_BIDANG}),
    "tim_sakip": frozenset(
        {KodePeran.TIM_SAKIP, KodePeran.KETUA_TIM_SAKIP, KodePeran.SEKRETARIS_TIM_SAKIP}
    ),
    "tim_pengelola_kelembagaan": frozenset({KodePeran.TIM_PENGELOLA_KELEMBAGAAN}),
}


def peran_untuk(kode_pelaksana: Iterable[str]) -> frozenset[str]:
    """The role codes that satisfy any of the given performer codes."""
    hasil: set[str] = set()
    for k in kode_pelaksana:
        hasil |= ALIAS_PELAKSANA.get(k, frozenset({k}))
    return frozenset(hasil)


def boleh_melaksanakan(user: Any, kode_pelaksana: Iterable[str], instansi: Instansi) -> bool:
    """True if the user holds a performer role inside or above the agency running the cycle."""
    if getattr(user, "is_superuser", False):
        return True
    izin = peran_untuk(kode_pelaksana)
    for kode, jalur in peran_aktif(user):
        if kode in izin and (jalur.startswith(instansi.jalur) or instansi.jalur.startswith(jalur)):
            return True
    return False
