"""Reads for the SKP layer of the planning pohon kinerja (issue 9: the cascade is shown on the
pohon kinerja): which employees' results support each indicator of a framework in a year.

Privacy is that of `selectors.skp_terlihat` (own, supervised, Kepala and kepegawaian of the
agency; nobody else): only results of SKP the user may see are returned, nothing counts or
hints at the others. The links of results the user may not see are read (ids only) so that a
visible result whose superior result is hidden still hangs from the indicator the chain reaches,
as `selectors.pohon_cascade` hangs it from the nearest visible level. See
docs/decisions/0005-skp-di-pohon-kinerja.md.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, F, IntegerField, When

from kinerja.organisasi.models import Instansi
from kinerja.skp.models import RencanaHasilKerja
from kinerja.skp.permissions import dapat_mengelola_skp
from kinerja.skp.selectors import SimpulCascade, skp_terlihat


@dataclass
class SimpulSKP(SimpulCascade):
    """A visible employee's result on the pohon kinerja: the cascade node with the position the
    employee held in that SKP (copied on the SKP, so a later move does not rewrite it)."""

    jabatan: str = ""


def skp_di_pohon_boleh(user: Any, instansi: Instansi) -> bool:
    """True when the user may switch on the SKP layer of `instansi`'s pohon: the Kepala and the
    personnel section over it, or anyone who may see at least one SKP of its units.

    Nobody else is offered the switch, so its absence says nothing about hidden SKP.
    """
    if dapat_mengelola_skp(user, instansi):
        return True
    return skp_terlihat(user).filter(unit__jalur__startswith=instansi.jalur).exists()


def rhk_per_indikator(user: Any, instansi: Instansi, tahun: int) -> dict[int, list[SimpulCascade]]:
    """The results of the visible SKP of `instansi` (and its units) for `tahun`, grouped under the
    indicator (`Indikator` id) of the PK item they support, each with its visible supporting
    results below it.

    A result hangs from its superior result when the user may see that one; otherwise from the
    indicator of its own PK item; otherwise the chain of hidden superior results is followed
    (ids only) to the first visible result or PK item. Results whose chain reaches neither (no
    PK item of `tahun` in this agency) are left out: they have no place on the pohon. Only PK
    items of `tahun` count. Four queries (plus the user's supervision, loaded once), whatever
    the number of indicators and results.
    """
    # The skeleton: every result of the agency's SKP of the year, ids and links only.
    kerangka: dict[int, tuple[int | None, int | None]] = {
        pk: (atasan, indikator)
        for pk, atasan, indikator in RencanaHasilKerja.objects.filter(
            skp__tahun=tahun, skp__unit__jalur__startswith=instansi.jalur
        )
        .annotate(
            ind_pk=Case(
                When(item_pk__perjanjian__tahun=tahun, then=F("item_pk__indikator_id")),
                default=None,
                output_field=IntegerField(),
            )
        )
        .values_list("pk", "rhk_atasan_id", "ind_pk")
    }
    terlihat_skp = skp_terlihat(user).filter(unit__jalur__startswith=instansi.jalur, tahun=tahun)
    rhk = list(
        RencanaHasilKerja.objects.filter(skp__in=terlihat_skp.values("pk"))
        .select_related("skp__pegawai")
        .prefetch_related("indikator")
        .order_by("skp__unit__jalur", "skp__pegawai__nama", "urutan", "id")
    )
    simpul: dict[int, SimpulSKP] = {}
    for r in rhk:
        ind = "; ".join(f"{i.nama} ({i.get_aspek_display()})" for i in r.indikator.all())
        simpul[r.pk] = SimpulSKP(
            "rhk",
            r.uraian,
            r.skp.pegawai.nama_lengkap,
            ind,
            skp_id=r.skp_id,
            jabatan=r.skp.nama_jabatan,
        )

    def tempat(pk: int) -> tuple[str, int] | None:
        """Where a visible result hangs: ("rhk", id) of a visible result, ("ind", id) of an
        indicator, or None."""
        dilalui = {pk}
        atasan, indikator = kerangka.get(pk, (None, None))
        while True:
            if atasan is not None and atasan in simpul:
                return ("rhk", atasan)
            if indikator is not None:
                return ("ind", indikator)
            if atasan is None or atasan not in kerangka or atasan in dilalui:
                return None
            dilalui.add(atasan)
            atasan, indikator = kerangka[atasan]

    hasil: dict[int, list[SimpulCascade]] = defaultdict(list)
    for r in rhk:
        t = tempat(r.pk)
        if t is None:
            continue
        jenis, pk = t
        if jenis == "rhk":
            simpul[pk].anak.append(simpul[r.pk])
        else:
            hasil[pk].append(simpul[r.pk])
    return dict(hasil)
