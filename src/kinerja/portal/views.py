"""Pages of the portal: the public pages (no login) and the publishing page (login).

Public pages are marked `@login_not_required`, use no session or CSRF token (so a shared cache
may keep them) and answer 404 for anything that is not published. They may be cached for a few
minutes: a withdrawal reaches every reader within `CACHE_DETIK`.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST, require_safe

from kinerja.dokumen.models import Dokumen
from kinerja.portal import selectors, services
from kinerja.portal.models import Publikasi

CACHE_DETIK = 300


def publik(view):  # type: ignore[no-untyped-def]
    """A public page: no login, GET and HEAD only, cacheable for `CACHE_DETIK` by anyone."""
    return login_not_required(require_safe(cache_control(public=True, max_age=CACHE_DETIK)(view)))


@publik
def beranda(request: HttpRequest) -> HttpResponse:
    """The Pemdas with published results."""
    return render(request, "portal/beranda.html", {"daftar": selectors.daftar_pemda()})


@publik
def pemda(request: HttpRequest, pemda: str) -> HttpResponse:
    """A Pemda's agencies with published results and their newest published period."""
    akar = selectors.pemda_dari_slug(pemda)
    if akar is None:
        raise Http404
    return render(
        request,
        "portal/pemda.html",
        {"pemda": akar, "slug_pemda": pemda, "daftar": selectors.daftar_instansi(akar)},
    )


@publik
def instansi(
    request: HttpRequest, pemda: str, instansi: str, periode: str | None = None
) -> HttpResponse:
    """An agency's published results of one period (the newest unless chosen)."""
    h = selectors.halaman_instansi(pemda, instansi, periode)
    if h is None:
        raise Http404
    data = h.terpilih.data
    for g in data.get("kelompok", []):
        g["kelas"] = selectors.kelas_predikat(g["predikat"])
        for b in g["baris"]:
            b["kelas"] = selectors.kelas_predikat(b["predikat"])
    return render(
        request,
        "portal/instansi.html",
        {
            "h": h,
            "data": data,
            "kelas_total": selectors.kelas_predikat(data["total"]["predikat"]),
        },
    )


@publik
def unduh(request: HttpRequest, pemda: str, instansi: str, kode: str) -> FileResponse:
    """The signed file of a document shown with a published publication."""
    dok = selectors.dokumen_unduhan(pemda, instansi, kode.strip().upper())
    if dok is None or not dok.berkas:
        raise Http404
    try:
        berkas = dok.berkas.open("rb")
    except OSError as exc:
        raise Http404 from exc
    resp = FileResponse(berkas, as_attachment=True, filename=dok.nama_berkas)
    resp["X-Content-Type-Options"] = "nosniff"
    return resp


# --- Publishing (login required) ------------------------------------------------------------


def kelola(request: HttpRequest) -> HttpResponse:
    """Signed measurement reports the user may publish, with their publication state."""
    return render(request, "portal/kelola.html", {"daftar": selectors.daftar_kelola(request.user)})


@require_POST
def kelola_terbitkan(request: HttpRequest) -> HttpResponse:
    """Publish the results of the report in the form (agency and period of that report)."""
    dok = get_object_or_404(
        Dokumen.objects.select_related("instansi", "periode").defer("snapshot"),
        pk=request.POST.get("dokumen") or 0,
    )
    if dok.periode_id is None:
        raise Http404
    try:
        versi = int(request.POST.get("versi_baris") or 0) or None
        services.terbitkan(
            pengguna=request.user,
            instansi=dok.instansi,
            periode=dok.periode,
            dokumen=dok,
            versi_dokumen=versi,
        )
    except PermissionDenied:
        raise
    except (ValidationError, ValueError) as exc:
        pesan = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
        for m in pesan:
            messages.error(request, m)
        return redirect("portal:kelola")
    messages.success(
        request,
        _("Hasil %(periode)s %(instansi)s diterbitkan.")
        % {"periode": dok.periode.label, "instansi": dok.instansi.nama},
    )
    return redirect("portal:kelola")


@require_POST
def kelola_tarik(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw a publication, with the reason typed in the form."""
    pub = get_object_or_404(Publikasi.objects.defer("data"), pk=pk)
    try:
        versi = int(request.POST.get("versi_baris") or 0) or None
        services.tarik(
            pengguna=request.user,
            publikasi=pub,
            alasan=request.POST.get("alasan", ""),
            versi_baris=versi,
        )
    except PermissionDenied:
        raise
    except (ValidationError, ValueError) as exc:
        pesan = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
        for m in pesan:
            messages.error(request, m)
        return redirect("portal:kelola")
    messages.success(request, _("Publikasi ditarik; halaman publiknya tidak lagi dapat dibuka."))
    return redirect("portal:kelola")
