"""Import employees and positions: upload, preview with row-level errors, confirm."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.organisasi.models import Instansi, JenisInstansi
from kinerja.skp import forms
from kinerja.skp import impor as layanan

KUNCI_SESI = "skp_impor"


def _agensi(request: HttpRequest) -> list[Instansi]:
    return [
        i
        for i in Instansi.objects.filter(jenis=JenisInstansi.PERANGKAT_DAERAH).order_by("jalur")
        if request.user.has_perm("skp.kelola", i)
    ]


def impor(request: HttpRequest) -> HttpResponse:
    """Step 1 uploads and previews (nothing is written); step 2 confirms the stored rows."""
    pilihan = _agensi(request)
    if not pilihan:
        raise PermissionDenied(layanan.PESAN_TIDAK_BERHAK)
    try:
        instansi = next(
            i
            for i in pilihan
            if i.pk == int(request.POST.get("instansi") or request.GET.get("instansi") or 0)
        )
    except (StopIteration, ValueError):
        instansi = pilihan[0]
    form = forms.ImporForm()
    pratinjau = None
    status = 200
    if request.method == "POST" and request.POST.get("langkah") == "terapkan":
        simpanan = request.session.get(KUNCI_SESI) or {}
        if simpanan.get("instansi") != instansi.pk:
            messages.error(request, _("Pratinjau sudah tidak berlaku; unggah berkasnya lagi."))
            return HttpResponseRedirect(reverse("skp:impor"))
        try:
            jumlah = layanan.impor_terapkan(
                pengguna=request.user, instansi=instansi, baris=simpanan["baris"]
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        else:
            request.session.pop(KUNCI_SESI, None)
            messages.success(
                request,
                _(
                    "Impor selesai: %(a)d pegawai baru, %(b)d diperbarui, %(c)d jabatan baru, "
                    "%(d)d pemangku baru."
                )
                % {
                    "a": jumlah["pegawai_baru"],
                    "b": jumlah["pegawai_diperbarui"],
                    "c": jumlah["jabatan_baru"],
                    "d": jumlah["pemangku_baru"],
                },
            )
        return HttpResponseRedirect(reverse("skp:impor") + f"?instansi={instansi.pk}")
    if request.method == "POST":
        form = forms.ImporForm(request.POST, request.FILES)
        if form.is_valid():
            berkas = form.cleaned_data["berkas"]
            try:
                if (berkas.size or 0) > 5 * 1024 * 1024:
                    raise ValidationError(_("Berkas impor paling besar 5 MB."))
                baris = layanan.baca_baris(berkas.name or "", berkas.read())
                pratinjau = layanan.impor_pratinjau(
                    pengguna=request.user, instansi=instansi, baris=baris
                )
            except ValidationError as exc:
                form.add_error("berkas", " ".join(exc.messages))
                status = 422
            else:
                request.session[KUNCI_SESI] = {"instansi": instansi.pk, "baris": baris}
    return render(
        request,
        "skp/impor.html",
        {
            "form": form,
            "pilihan": pilihan,
            "instansi": instansi,
            "pratinjau": pratinjau,
            "ada_galat": any(b.galat for b in pratinjau or []),
            "kolom": list(dict.fromkeys(layanan.KOLOM.values())),
        },
        status=status,
    )
