"""Document pages: per agency and period the list of documents (download, build, sign,
archive, verification link), the build form of each type and the analysis fields.

Views stay thin: selectors read, services write and check permission; every download asks
`dokumen.lihat` first (files are never served from a public URL).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.dokumen import selectors, services
from kinerja.dokumen.forms import FormBuat, FormIsian, FormVersi
from kinerja.dokumen.jenis import OpsiTidakSah, muat_semua, pembuat
from kinerja.dokumen.models import Dokumen, StatusDokumen
from kinerja.organisasi.models import Instansi
from kinerja.organisasi.selectors import pemda_pengguna, perangkat_daerah_pengguna
from kinerja.pengukuran.models import Periode
from kinerja.pengukuran.selectors import periode_pemda, periode_terakhir
from kinerja.perencanaan.models import KerangkaKinerja

JENIS_FORMAT = {"pdf": "application/pdf", "docx": None, "xlsx": None, "zip": "application/zip"}


def _pesan(exc: ValidationError | PermissionDenied | OpsiTidakSah) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)


def _instansi_periode(
    request: HttpRequest, instansi_id: int, periode_id: int
) -> tuple[Instansi, Periode]:
    instansi = get_object_or_404(Instansi, pk=instansi_id)
    if not request.user.has_perm("dokumen.lihat", instansi):
        raise Http404
    periode = get_object_or_404(Periode.objects.select_related("pemda"), pk=periode_id)
    if not instansi.jalur.startswith(periode.pemda.jalur):
        raise Http404
    return instansi, periode


def _dokumen(request: HttpRequest, pk: int) -> Dokumen:
    dok = get_object_or_404(
        Dokumen.objects.select_related("instansi", "periode", "penandatangan"), pk=pk
    )
    if not request.user.has_perm("dokumen.lihat", dok):
        raise Http404
    return dok


def beranda(request: HttpRequest) -> HttpResponse:
    """The agencies the user covers, each with a link to its latest period's documents."""
    agensi = perangkat_daerah_pengguna(request.user)
    periode_per_pemda: dict[int, Periode | None] = {}
    baris = []
    for a in agensi:
        if a.induk_id not in periode_per_pemda:
            periode_per_pemda[a.induk_id] = periode_terakhir(a.induk)
        baris.append((a, periode_per_pemda[a.induk_id]))
    seluruh = [
        (p, periode_per_pemda.get(p.pk) or periode_terakhir(p))
        for p in pemda_pengguna(request.user)
        if request.user.has_perm("dokumen.buat", p)
    ]
    return render(request, "dokumen/beranda.html", {"baris": baris, "seluruh": seluruh})


def daftar(request: HttpRequest, instansi_id: int, periode_id: int) -> HttpResponse:
    """The documents of an agency for a period (and the year's annual documents)."""
    instansi, periode = _instansi_periode(request, instansi_id, periode_id)
    dokumen = list(selectors.dokumen_instansi(instansi, periode))
    jenis = muat_semua()
    boleh_buat = request.user.has_perm("dokumen.buat", instansi)
    boleh_arsip = request.user.has_perm("dokumen.arsipkan", instansi)
    for d in dokumen:
        d.boleh_ttd = (
            d.status == StatusDokumen.DRAF
            and jenis[d.jenis].ditandatangani
            and request.user.has_perm("dokumen.tandatangani", d)
        )
        d.boleh_arsip = (
            boleh_arsip
            and d.status != StatusDokumen.DIARSIPKAN
            and (d.sudah_ditandatangani or not jenis[d.jenis].ditandatangani)
            and d.status != StatusDokumen.DIGANTI
        )
        d.boleh_isian = boleh_buat and bool(jenis[d.jenis].isian) and d.status == StatusDokumen.DRAF
    unit = (
        Instansi.objects.filter(
            jalur__startswith=instansi.jalur,
            pk__in=KerangkaKinerja.objects.values("instansi_id"),
        )
        .exclude(pk=instansi.pk)
        .order_by("jalur")
    )
    return render(
        request,
        "dokumen/daftar.html",
        {
            "instansi": instansi,
            "periode": periode,
            "dokumen": dokumen,
            "jenis": sorted(jenis.values(), key=lambda p: list(type(p.jenis)).index(p.jenis)),
            "boleh_buat": boleh_buat,
            "daftar_periode": periode_pemda(periode.pemda),
            "unit": unit,
            "form_versi": FormVersi(),
        },
    )


def buat(request: HttpRequest, instansi_id: int, periode_id: int, jenis: str) -> HttpResponse:
    """The build form of one document type; on POST, build it (a draft) and go back."""
    instansi, periode = _instansi_periode(request, instansi_id, periode_id)
    try:
        p = pembuat(jenis)
    except OpsiTidakSah as exc:
        raise Http404 from exc
    if not request.user.has_perm("dokumen.buat", instansi):
        raise PermissionDenied(services.PESAN_TIDAK_BERHAK_BUAT)
    form = FormBuat(request.POST or None, pembuat=p, instansi=instansi)
    if request.method == "POST" and form.is_valid():
        try:
            dok = services.dokumen_buat(
                pengguna=request.user,
                jenis=jenis,
                instansi=instansi,
                periode=periode,
                format=form.cleaned_data["format"],
                **form.opsi(),
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, _pesan(exc))
        else:
            messages.success(
                request,
                _("%(judul)s versi %(versi)s dibuat.") % {"judul": dok.judul, "versi": dok.versi},
            )
            return HttpResponseRedirect(reverse("dokumen:daftar", args=[instansi.pk, periode.pk]))
    return render(
        request,
        "dokumen/buat.html",
        {"instansi": instansi, "periode": periode, "pembuat": p, "form": form},
    )


def isian(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a draft's text fields (analysis …); saving rebuilds the draft with them."""
    dok = _dokumen(request, pk)
    p = pembuat(dok.jenis)
    if not p.isian or not request.user.has_perm("dokumen.buat", dok.instansi):
        raise PermissionDenied(services.PESAN_TIDAK_BERHAK_BUAT)
    form = FormIsian(request.POST or None, pembuat=p, initial=dok.isian)
    periode = dok.periode or (
        Periode.objects.filter(pk=request.GET.get("periode")).first()
        if request.GET.get("periode")
        else None
    )
    if request.method == "POST" and form.is_valid():
        periode_bangun = (
            dok.periode
            or Periode.objects.filter(pemda=dok.instansi.pemda(), tahun=dok.tahun)
            .order_by("-jenis_periode", "-nomor")
            .first()
        )
        try:
            baru = services.dokumen_buat(
                pengguna=request.user,
                jenis=dok.jenis,
                instansi=dok.instansi,
                periode=periode_bangun,
                format=dok.format,
                isian=form.cleaned_data,
                **dok.opsi,
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, _pesan(exc))
        else:
            messages.success(request, _("Isian disimpan dan dokumen dibuat ulang."))
            tujuan = periode or baru.periode or periode_bangun
            return HttpResponseRedirect(
                reverse("dokumen:daftar", args=[dok.instansi_id, tujuan.pk])
            )
    return render(request, "dokumen/isian.html", {"dok": dok, "form": form, "periode": periode})


def unduh(request: HttpRequest, pk: int) -> FileResponse:
    """Download a document's file after checking that the user may see the agency."""
    dok = _dokumen(request, pk)
    try:
        berkas = dok.berkas.open("rb")
    except OSError as exc:
        raise Http404 from exc
    r = FileResponse(berkas, as_attachment=True, filename=dok.nama_berkas)
    r["Cache-Control"] = "private, no-store"
    return r


def _kembali(request: HttpRequest, dok: Dokumen) -> HttpResponseRedirect:
    periode_id = request.POST.get("periode") or (dok.periode_id or "")
    if str(periode_id).isdigit():
        return HttpResponseRedirect(
            reverse("dokumen:daftar", args=[dok.instansi_id, int(periode_id)])
        )
    return HttpResponseRedirect(reverse("dokumen:beranda"))


@require_POST
def tandatangani(request: HttpRequest, pk: int) -> HttpResponse:
    """Sign a draft (the designated signer)."""
    dok = _dokumen(request, pk)
    form = FormVersi(request.POST)
    form.is_valid()
    try:
        dok = services.dokumen_tandatangani(
            pengguna=request.user, dokumen=dok, versi_baris=form.cleaned_data.get("versi_baris")
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(
            request,
            _("Dokumen ditandatangani dengan nomor %(nomor)s, kode verifikasi %(kode)s.")
            % {"nomor": dok.nomor or "–", "kode": dok.kode_verifikasi},
        )
    return _kembali(request, dok)


@require_POST
def arsipkan(request: HttpRequest, pk: int) -> HttpResponse:
    """File a document in the archive."""
    dok = _dokumen(request, pk)
    form = FormVersi(request.POST)
    form.is_valid()
    try:
        services.dokumen_arsipkan(
            pengguna=request.user,
            dokumen=dok,
            keterangan=form.cleaned_data.get("keterangan") or "",
            versi_baris=form.cleaned_data.get("versi_baris"),
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(request, _("Dokumen diarsipkan."))
    return _kembali(request, dok)


def pemda(request: HttpRequest, pemda_id: int, periode_id: int) -> HttpResponse:
    """Build one type for every agency of a Pemda in the background; jobs with progress."""
    from kinerja.dokumen import batch
    from kinerja.dokumen.forms import FormPekerjaan
    from kinerja.dokumen.models import PekerjaanDokumen

    induk, periode = _instansi_periode(request, pemda_id, periode_id)
    boleh = request.user.has_perm("dokumen.buat", induk)
    form = FormPekerjaan(request.POST or None)
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied(batch.PESAN_TIDAK_BERHAK_PEMDA)
        if form.is_valid():
            try:
                batch.pekerjaan_mulai(
                    pengguna=request.user,
                    jenis=form.cleaned_data["jenis"],
                    pemda=induk,
                    periode=periode,
                    format=form.cleaned_data["format"] or None,
                )
            except (ValidationError, PermissionDenied) as exc:
                form.add_error(None, _pesan(exc))
            else:
                messages.success(request, _("Pekerjaan dimulai; kemajuannya tampil di bawah."))
                return HttpResponseRedirect(reverse("dokumen:pemda", args=[induk.pk, periode.pk]))
    pekerjaan = PekerjaanDokumen.objects.filter(pemda=induk).select_related("periode")[:20]
    return render(
        request,
        "dokumen/pemda.html",
        {"pemda": induk, "periode": periode, "form": form, "boleh": boleh, "pekerjaan": pekerjaan},
    )


def pekerjaan(request: HttpRequest, pk: int) -> HttpResponse:
    """One job's progress row (htmx polls it while the job runs)."""
    from kinerja.dokumen.models import PekerjaanDokumen

    job = get_object_or_404(PekerjaanDokumen.objects.select_related("periode", "pemda"), pk=pk)
    if not request.user.has_perm("dokumen.lihat", job.pemda):
        raise Http404
    boleh = request.user.has_perm("dokumen.buat", job.pemda)
    return render(request, "dokumen/_pekerjaan.html", {"p": job, "boleh": boleh})


@require_POST
def pekerjaan_ulangi(request: HttpRequest, pk: int) -> HttpResponse:
    """Run a failed or stalled whole-Pemda job again, then back to the Pemda page."""
    from kinerja.dokumen import batch
    from kinerja.dokumen.models import PekerjaanDokumen

    job = get_object_or_404(PekerjaanDokumen.objects.select_related("pemda"), pk=pk)
    if not request.user.has_perm("dokumen.lihat", job.pemda):
        raise Http404
    try:
        batch.pekerjaan_ulangi(pengguna=request.user, pekerjaan=job)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(request, _("Pekerjaan diulang dari awal; kemajuannya tampil di bawah."))
    return HttpResponseRedirect(reverse("dokumen:pemda", args=[job.pemda_id, job.periode_id]))


def pekerjaan_unduh(request: HttpRequest, pk: int) -> FileResponse:
    """Download a finished job's ZIP (same permission as the Pemda's documents)."""
    from kinerja.dokumen.models import PekerjaanDokumen

    job = get_object_or_404(PekerjaanDokumen, pk=pk)
    if not request.user.has_perm("dokumen.lihat", job.pemda) or not job.berkas:
        raise Http404
    r = FileResponse(
        job.berkas.open("rb"),
        as_attachment=True,
        filename=f"{job.jenis}-{job.periode.label.replace(' ', '-').lower()}.zip",
    )
    r["Cache-Control"] = "private, no-store"
    return r
