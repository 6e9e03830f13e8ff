"""Measurement pages: the agency-period achievement table and the indicator page."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kinerja.organisasi.models import Instansi
from kinerja.pengukuran import hasil
from kinerja.pengukuran.models import Periode
from kinerja.pengukuran.selectors import periode_pemda
from kinerja.perencanaan.models import Indikator


def capaian(request: HttpRequest, instansi_id: int, periode_id: int) -> HttpResponse:
    """Every indicator of an agency for a period: target, realisation, capaian, predikat, flags."""
    instansi = get_object_or_404(Instansi, pk=instansi_id)
    if not request.user.has_perm("kinerja.lihat", instansi):
        raise Http404
    periode = get_object_or_404(Periode.objects.select_related("pemda"), pk=periode_id)
    if not instansi.jalur.startswith(periode.pemda.jalur):
        raise Http404
    tabel = hasil.tabel_capaian(instansi=instansi, periode=periode)
    return render(
        request,
        "pengukuran/capaian.html",
        {
            "instansi": instansi,
            "periode": periode,
            "tabel": tabel,
            "daftar_periode": periode_pemda(periode.pemda),
        },
    )


def indikator(request: HttpRequest, pk: int) -> HttpResponse:
    """An indicator's manual IKU, its target versions and its measured history."""
    ind = get_object_or_404(
        Indikator.objects.select_related(
            "elemen",
            "elemen__level",
            "elemen__kerangka",
            "elemen__kerangka__instansi",
            "unit_penanggung_jawab",
            "skala",
        ),
        pk=pk,
    )
    if not request.user.has_perm("kinerja.lihat", ind):
        raise Http404
    return render(
        request,
        "pengukuran/indikator.html",
        {
            "ind": ind,
            "target": ind.target.order_by("tahun", "nomor_versi"),
            "riwayat": hasil.riwayat_indikator(ind),
        },
    )
