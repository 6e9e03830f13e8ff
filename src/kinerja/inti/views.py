"""Views of the shell: the home page per role and the health check."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from kinerja.alur.selectors import kotak_masuk
from kinerja.organisasi.models import Pegawai, Peran
from kinerja.organisasi.selectors import perangkat_daerah_pengguna
from kinerja.pengukuran.selectors import periode_terakhir


def beranda(request: HttpRequest) -> HttpResponse:
    """The home page after login: the user's roles, waiting SOP steps and their agencies."""
    peran = list(
        Peran.objects.filter(pengguna=request.user).select_related("instansi").order_by("kode")
    )
    agensi = perangkat_daerah_pengguna(request.user)
    # One "latest period" lookup per Pemda, not per agency.
    periode_per_pemda = {}
    for a in agensi:
        if a.induk_id not in periode_per_pemda:
            periode_per_pemda[a.induk_id] = periode_terakhir(a.induk)
    per_pemda = defaultdict(list)
    for a in agensi:
        per_pemda[a.induk].append((a, periode_per_pemda[a.induk_id]))
    # Every employee has their own SKP, with or without a SAKIP role.
    pegawai = Pegawai.objects.filter(pengguna=request.user).first()
    return render(
        request,
        "inti/beranda.html",
        {
            "peran": peran,
            "pegawai": pegawai,
            "tugas": kotak_masuk(request.user)[:10],
            "per_pemda": dict(per_pemda),
        },
    )


@login_not_required
def kesehatan(request: HttpRequest) -> JsonResponse:
    """Liveness check for the load balancer: answers 200 when the database answers."""
    with connection.cursor() as cur:
        cur.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
