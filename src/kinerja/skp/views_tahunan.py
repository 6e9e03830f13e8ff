"""Annual evaluation pages: one employee's year (every SKP of the year with its periodic
evaluations, the suggestion with its basis, the form for whoever may decide) and the "Dokumen
Evaluasi Kinerja Pegawai" (PDF). Thin views: reads from `selectors_tahunan`, the write through
`services_tahunan`; someone who may not see the annual evaluation gets 404."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.inti.audit import EditanKedaluwarsa
from kinerja.inti.forms import GayaBootstrap
from kinerja.organisasi.models import Pegawai
from kinerja.skp import selectors_keberatan, selectors_tahunan, services_tahunan
from kinerja.skp.models import SKP, PredikatKinerja, RatingEkspektasi, StatusSKP
from kinerja.skp.views import pesan_galat, unduh_arsip


class PenilaianTahunanForm(GayaBootstrap, forms.Form):
    """The annual evaluation: two ratings, a note, final; the services validate and write."""

    rating_hasil_kerja = forms.ChoiceField(
        label=gettext_lazy("Rating hasil kerja"), choices=RatingEkspektasi.choices, required=False
    )
    rating_perilaku = forms.ChoiceField(
        label=gettext_lazy("Rating perilaku kerja"), choices=RatingEkspektasi.choices
    )
    catatan = forms.CharField(
        label=gettext_lazy("Catatan pejabat penilai"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    final = forms.BooleanField(
        label=gettext_lazy("Final (evaluasi tahunan tidak dapat diubah lagi)"), required=False
    )
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)


def _tahun_terlihat(request: HttpRequest, pegawai_id: int, tahun: int) -> tuple[Pegawai, SKP]:
    """The employee and their year's last SKP, or 404 when there is none or the user may not
    see the annual evaluation (`skp.lihat_tahunan`)."""
    pegawai = get_object_or_404(Pegawai, pk=pegawai_id)
    terakhir = selectors_tahunan.skp_terakhir(pegawai, tahun)
    if terakhir is None or not request.user.has_perm("skp.lihat_tahunan", terakhir):
        raise Http404
    return pegawai, terakhir


def tahunan(request: HttpRequest, pegawai_id: int, tahun: int) -> HttpResponse:
    """One employee's year: every SKP of the year (both after a move) with its periodic
    evaluations, the suggestion with its basis, the annual evaluation and, for whoever may
    decide it, the form."""
    pegawai, terakhir = _tahun_terlihat(request, pegawai_id, tahun)
    user = request.user
    ada = selectors_tahunan.penilaian_tahunan(pegawai, tahun)
    usulan = selectors_tahunan.usulan_tahunan(pegawai, tahun)
    boleh_nilai = bool(
        user.has_perm("skp.nilai_tahunan", terakhir)
        and terakhir.status == StatusSKP.DITETAPKAN
        and not (ada is not None and ada.final)
    )
    awal: dict[str, Any] = (
        {
            "rating_hasil_kerja": ada.rating_hasil_kerja,
            "rating_perilaku": ada.rating_perilaku,
            "catatan": ada.catatan,
            "final": ada.final,
            "versi": ada.versi,
        }
        if ada is not None
        else {
            "rating_hasil_kerja": usulan.rating_hasil or RatingEkspektasi.SESUAI,
            "rating_perilaku": usulan.rating_perilaku or RatingEkspektasi.SESUAI,
        }
    )
    form = PenilaianTahunanForm(request.POST or None, initial=awal)
    if usulan.rating_pimpinan is not None:
        form.fields["rating_hasil_kerja"].disabled = True
        form.fields["rating_hasil_kerja"].initial = usulan.rating_pimpinan.value
    status = 200
    if request.method == "POST":
        if not user.has_perm("skp.nilai_tahunan", terakhir):
            raise PermissionDenied(_(services_tahunan.PESAN_TIDAK_BERHAK_NILAI_TAHUNAN))
        if form.is_valid():
            d = form.cleaned_data
            try:
                services_tahunan.penilaian_tahunan_simpan(
                    pengguna=user,
                    pegawai=pegawai,
                    tahun=tahun,
                    rating_hasil_kerja=d.get("rating_hasil_kerja") or None,
                    rating_perilaku=d["rating_perilaku"],
                    catatan=d["catatan"],
                    final=d["final"],
                    versi=d.get("versi"),
                )
            except ValidationError as exc:
                status = 409 if isinstance(exc, EditanKedaluwarsa) else 422
                if boleh_nilai:
                    form.add_error(None, pesan_galat(exc))
                else:  # the form is no longer shown (final, or the plan not set): say why
                    messages.error(request, pesan_galat(exc))
            else:
                messages.success(request, _("Evaluasi kinerja tahunan tersimpan."))
                return HttpResponseRedirect(reverse("skp:tahunan", args=[pegawai.pk, tahun]))
        else:
            status = 422
    bagian = [
        {
            "bagian": b,
            "boleh_lihat": user.has_perm("skp.lihat", b.skp),
        }
        for b in usulan.bagian
    ]
    label_rating = dict(RatingEkspektasi.choices)
    label_usulan = {
        "hasil": label_rating.get(usulan.rating_hasil or "", "–"),
        "perilaku": label_rating.get(usulan.rating_perilaku or "", "–"),
        "predikat": dict(PredikatKinerja.choices).get(usulan.predikat or "", "–"),
    }
    return render(
        request,
        "skp/tahunan.html",
        {
            "pegawai": pegawai,
            "tahun": tahun,
            "terakhir": terakhir,
            "ada": ada,
            "usulan": usulan,
            "label_usulan": label_usulan,
            "bagian": bagian,
            "form": form if boleh_nilai else None,
            "boleh_nilai": boleh_nilai,
            # Objections to the annual evaluation: the employee's button and the record.
            "boleh_keberatan": ada is not None and selectors_keberatan.boleh_ajukan(user, ada),
            "keberatan_tahunan": list(
                ada.keberatan.select_related("pemutus").order_by("-diajukan_pada")
            )
            if ada is not None
            else [],
        },
        status=status,
    )


def pdf_tahunan(request: HttpRequest, pegawai_id: int, tahun: int) -> HttpResponse:
    """The "Dokumen Evaluasi Kinerja Pegawai" of the year as PDF (404 before an annual
    evaluation exists)."""
    from kinerja.skp import arsip
    from kinerja.skp.dokumen_tahunan import muatan_tahunan, tahunan_pdf

    pegawai, _terakhir = _tahun_terlihat(request, pegawai_id, tahun)
    ada = selectors_tahunan.penilaian_tahunan(pegawai, tahun)
    if ada is None:
        raise Http404
    usulan = selectors_tahunan.usulan_tahunan(pegawai, tahun)
    nama = f"evaluasi-tahunan-{pegawai.nip or pegawai.pk}-{tahun}.pdf"
    # A final annual evaluation is served from its frozen copy (kinerja.skp.arsip).
    beku = arsip.arsip_tahunan(ada, muatan_tahunan(ada, usulan), request.user)
    if beku is not None:
        return unduh_arsip(beku, nama)
    resp = HttpResponse(tahunan_pdf(ada, usulan), content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="{nama}"'
    resp["Cache-Control"] = "private, no-store"
    return resp
