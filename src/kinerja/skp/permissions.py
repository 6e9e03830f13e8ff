"""Who may see and change employee performance records, as `rules` predicates.

Privacy rule (issue 9): an employee sees their own SKP and those of the people they supervise,
directly (they hold the position of the pejabat penilai) or indirectly (a position further down
the Jabatan tree), for the time they held the position; the Kepala and the personnel section
(roles `kepala` and `kepegawaian`) see every SKP of their agency; nobody else — not the
Inspektorat, not the Tim SAKIP, not an Admin Pemda. Acting holders (Plt./Plh.) count as holders.

Registered in `SkpConfig.ready()`; views, templates (`{% has_perm %}`) and services ask these.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import rules
from django.db.models import Q

from kinerja.organisasi.models import Instansi, Jabatan, KodePeran, Pegawai, PemangkuJabatan
from kinerja.organisasi.permissions import mencakup

# Roles that see (and administer) every SKP of their agency.
PERAN_KEPEGAWAIAN = frozenset({KodePeran.KEPALA, KodePeran.KEPEGAWAIAN})
AKHIR_ZAMAN = dt.date(9999, 12, 31)


@dataclass(frozen=True)
class Pengawasan:
    """A position the user held (from `mulai` to `selesai`) and every position under it."""

    jabatan_id: int
    mulai: dt.date
    selesai: dt.date
    jabatan_diawasi: frozenset[int]


def pegawai_dari(user: Any) -> Pegawai | None:
    """The employee record linked to the login, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.pegawai  # type: ignore[no-any-return]
    except Pegawai.DoesNotExist:
        return None


def bawahan_dari(jabatan_ids: set[int]) -> dict[int, frozenset[int]]:
    """For each position, itself and every position below it in the Jabatan tree.

    Reads the (id, atasan) pairs of the positions' Pemdas once.
    """
    if not jabatan_ids:
        return {}
    akar = {
        j.pk: j.instansi.jalur.strip("/").split("/")[0]
        for j in Jabatan.objects.filter(pk__in=jabatan_ids).select_related("instansi")
    }
    q = Q()
    for pemda in set(akar.values()):
        q |= Q(instansi__jalur__startswith=f"/{pemda}/")
    anak: dict[int, list[int]] = defaultdict(list)
    for pk, atasan in Jabatan.objects.filter(q).values_list("pk", "atasan_id"):
        if atasan is not None:
            anak[atasan].append(pk)
    hasil = {}
    for j in jabatan_ids:
        terlihat = {j}
        tumpukan = [j]
        while tumpukan:
            for a in anak.get(tumpukan.pop(), ()):
                if a not in terlihat:
                    terlihat.add(a)
                    tumpukan.append(a)
        hasil[j] = frozenset(terlihat)
    return hasil


def pengawasan(user: Any) -> list[Pengawasan]:
    """The positions the user's employee record holds or held, with what lies under each.

    Loaded once per user object (the request's user), so a list page asks it once.
    """
    cache = getattr(user, "_skp_pengawasan", None)
    if cache is not None:
        return cache  # type: ignore[no-any-return]
    pegawai = pegawai_dari(user)
    hasil: list[Pengawasan] = []
    if pegawai is not None:
        pemangku = list(PemangkuJabatan.objects.filter(pegawai=pegawai))
        bawah = bawahan_dari({p.jabatan_id for p in pemangku})
        hasil = [
            Pengawasan(p.jabatan_id, p.mulai, p.selesai or AKHIR_ZAMAN, bawah[p.jabatan_id])
            for p in pemangku
        ]
    user._skp_pengawasan = hasil
    return hasil


def q_diawasi(user: Any, awalan: str = "") -> Q | None:
    """A filter for the SKP (under `awalan`, e.g. "skp__") the user supervises, or None."""
    q = None
    for p in pengawasan(user):
        bagian = Q(
            **{
                f"{awalan}jabatan_penilai__in": list(p.jabatan_diawasi),
                f"{awalan}selesai__gte": p.mulai,
                f"{awalan}mulai__lte": p.selesai,
            }
        )
        q = bagian if q is None else q | bagian
    return q


_MENUJU_SKP = {
    "BuktiSKP": "realisasi",
    "RealisasiSKP": "indikator",
    "IndikatorSKP": "rhk",
    "RencanaHasilKerja": "skp",
    "PenilaianSKP": "skp",
}


def _skp_dari(obj: Any) -> Any:
    """The SKP an object belongs to (an SKP, a result, an indicator, a realisation …)."""
    while obj is not None and type(obj).__name__ in _MENUJU_SKP:
        obj = getattr(obj, _MENUJU_SKP[type(obj).__name__])
    return obj if type(obj).__name__ == "SKP" else None


def _mengawasi(user: Any, skp: Any) -> bool:
    return any(
        skp.jabatan_penilai_id in p.jabatan_diawasi
        and skp.selesai >= p.mulai
        and skp.mulai <= p.selesai
        for p in pengawasan(user)
    )


@rules.predicate
def dapat_mengelola_skp(user: Any, obj: Any) -> bool:
    """The Kepala or the personnel section over the unit (an Instansi or an SKP's unit)."""
    if obj is None:
        return False
    instansi = obj if isinstance(obj, Instansi) else getattr(_skp_dari(obj), "unit", None)
    return mencakup(user, instansi, PERAN_KEPEGAWAIAN)


@rules.predicate
def dapat_melihat_skp(user: Any, obj: Any) -> bool:
    """The employee, anyone above their pejabat penilai in the Jabatan tree (for the time they
    held the position), the pejabat penilai recorded on the SKP, the Kepala and kepegawaian."""
    skp = _skp_dari(obj)
    if skp is None or not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_superuser", False):
        return True
    pegawai = pegawai_dari(user)
    if pegawai is not None and pegawai.pk in (skp.pegawai_id, skp.penilai_id):
        return True
    return _mengawasi(user, skp) or dapat_mengelola_skp(user, skp)


@rules.predicate
def dapat_mengisi_skp(user: Any, obj: Any) -> bool:
    """Only the employee enters their own plan, realisation and evidence."""
    skp = _skp_dari(obj)
    pegawai = pegawai_dari(user)
    return skp is not None and pegawai is not None and skp.pegawai_id == pegawai.pk


def memangku_pada(pegawai: Pegawai, jabatan_id: int | None, tanggal: dt.date) -> bool:
    """True if `pegawai` holds the position on `tanggal` (definitif, Plt. or Plh.)."""
    if jabatan_id is None:
        return False
    return (
        PemangkuJabatan.objects.filter(pegawai=pegawai, jabatan_id=jabatan_id, mulai__lte=tanggal)
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=tanggal))
        .exists()
    )


@rules.predicate
def dapat_menilai_skp(user: Any, obj: Any) -> bool:
    """The pejabat penilai recorded on the SKP, or whoever holds that position today (a Plt. or
    Plh. standing in), approves the plan and evaluates it. Never the employee themself.

    An SKP whose penilai sits outside the agency (the Kepala's: Sekda or the Bupati) is recorded
    by the personnel section (or the Kepala) on the penilai's behalf.
    """
    skp = _skp_dari(obj)
    pegawai = pegawai_dari(user)
    if skp is None or pegawai is None or pegawai.pk == skp.pegawai_id:
        return False
    if skp.jabatan_penilai_id is None:
        return bool(dapat_mengelola_skp(user, skp))
    if skp.penilai_id == pegawai.pk:
        return True
    return memangku_pada(pegawai, skp.jabatan_penilai_id, dt.date.today())


def memimpin(user: Any, instansi: Instansi) -> bool:
    """True if the user today holds the position heading `instansi`."""
    pegawai = pegawai_dari(user)
    if pegawai is None:
        return False
    hari_ini = dt.date.today()
    return (
        PemangkuJabatan.objects.filter(
            pegawai=pegawai, jabatan__instansi=instansi, mulai__lte=hari_ini
        )
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=hari_ini))
        .filter(Q(jabatan__atasan__isnull=True) | ~Q(jabatan__atasan__instansi=instansi))
        .exists()
    )


@rules.predicate
def dapat_melihat_rekap(user: Any, instansi: Any) -> bool:
    """The unit recap: the Kepala and kepegawaian over the unit, or the unit's head."""
    if not isinstance(instansi, Instansi):
        return False
    return dapat_mengelola_skp(user, instansi) or memimpin(user, instansi)


rules.add_perm("skp.lihat", dapat_melihat_skp)
rules.add_perm("skp.isi", dapat_mengisi_skp)
rules.add_perm("skp.nilai", dapat_menilai_skp)
rules.add_perm("skp.kelola", dapat_mengelola_skp)
rules.add_perm("skp.rekap", dapat_melihat_rekap)
