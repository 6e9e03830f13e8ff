"""Reads on the organisation: what a user covers."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from kinerja.organisasi.models import Instansi, JenisInstansi
from kinerja.organisasi.permissions import jalur_dengan_peran


def instansi_terlihat(user: Any) -> QuerySet[Instansi]:
    """Every Instansi the user may see (the union of their roles' subtrees)."""
    if getattr(user, "is_superuser", False):
        return Instansi.objects.all()
    jalur = jalur_dengan_peran(user)
    if not jalur:
        return Instansi.objects.none()
    q = Q()
    for j in jalur:
        q |= Q(jalur__startswith=j)
    return Instansi.objects.filter(q)


def perangkat_daerah_pengguna(user: Any) -> list[Instansi]:
    """The agencies (Perangkat Daerah) the user works in or oversees, for the home page.

    A role on a unit gives that unit's agency; a role on a Pemda gives all its agencies.
    """
    jalur = jalur_dengan_peran(user)
    if getattr(user, "is_superuser", False):
        return list(
            Instansi.objects.filter(jenis=JenisInstansi.PERANGKAT_DAERAH).select_related("induk")
        )
    if not jalur:
        return []
    ids: set[int] = set()
    q = Q()
    for j in jalur:
        ids.update(int(x) for x in j.strip("/").split("/"))
        q |= Q(jalur__startswith=j)
    return list(
        Instansi.objects.filter(jenis=JenisInstansi.PERANGKAT_DAERAH)
        .filter(q | Q(pk__in=ids))
        .select_related("induk")
        .order_by("jalur")
    )


def pemda_pengguna(user: Any) -> QuerySet[Instansi]:
    """The Pemdas (tree roots) in which the user holds any role."""
    if getattr(user, "is_superuser", False):
        return Instansi.objects.filter(induk__isnull=True)
    ids = {int(j.strip("/").split("/")[0]) for j in jalur_dengan_peran(user) if j.strip("/")}
    return Instansi.objects.filter(pk__in=ids)
