"""Reads on measurement data, each a bounded number of queries whatever the data size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, QuerySet

from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode, Realisasi


def periode_pemda(pemda: Instansi) -> QuerySet[Periode]:
    """The measurement periods of a Pemda, newest first."""
    return Periode.objects.filter(pemda=pemda).order_by("-tahun", "jenis_periode", "-nomor")


def periode_terakhir(pemda: Instansi, jenis_periode: str = "triwulan") -> Periode | None:
    """The most recent period of that kind which has started (open ones first)."""
    return (
        Periode.objects.filter(pemda=pemda, jenis_periode=jenis_periode)
        .order_by("-tahun", "-nomor")
        .exclude(status="dibuka", realisasi__isnull=True)
        .first()
        or Periode.objects.filter(pemda=pemda, jenis_periode=jenis_periode)
        .order_by("-tahun", "-nomor")
        .first()
    )


def realisasi_sampai(
    indikator_ids: Iterable[int], periode: Periode
) -> dict[int, dict[int, Realisasi]]:
    """Realisations of the same kind of period from the first up to `periode`, by indicator.

    Returns {indikator_id: {nomor: Realisasi}} with the evidence count annotated as
    `jumlah_bukti` (one query).
    """
    qs = (
        Realisasi.objects.filter(
            indikator_id__in=list(indikator_ids),
            periode__pemda_id=periode.pemda_id,
            periode__tahun=periode.tahun,
            periode__jenis_periode=periode.jenis_periode,
            periode__nomor__lte=periode.nomor,
        )
        .select_related("periode")
        .annotate(jumlah_bukti=Count("data_dukung"))
    )
    hasil: dict[int, dict[int, Realisasi]] = defaultdict(dict)
    for r in qs:
        hasil[r.indikator_id][r.periode.nomor] = r
    return dict(hasil)
