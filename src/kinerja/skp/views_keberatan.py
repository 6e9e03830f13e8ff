"""Keberatan pages: file an objection to a final evaluation (the employee), one objection with
its evaluation and the decision form (the atasan pejabat penilai), withdraw, and the
"Keberatan" list (waiting for my decision; mine). Views stay thin: reads from
`selectors_keberatan`, writes through `services_keberatan`; a page answers 404 to whoever may
not see the objection or the evaluation."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kinerja.inti.audit import EditanKedaluwarsa
from kinerja.inti.forms import GayaBootstrap
from kinerja.skp import selectors_keberatan, services_keberatan
from kinerja.skp.models import (
    Keberatan,
    PenilaianSKP,
    PenilaianTahunan,
    RatingEkspektasi,
    StatusKeberatan,
    SumberRating,
)
from kinerja.skp.views import baca_versi, pesan_galat

KEPUTUSAN = [
    ("dikuatkan", gettext_lazy("Dikuatkan — hasil evaluasi tetap")),
    ("diubah", gettext_lazy("Diubah — rating diganti")),
]


class AjukanForm(GayaBootstrap, forms.Form):
    """The employee's reasons; the service checks the length and the deadline."""

    alasan = forms.CharField(
        label=gettext_lazy("Alasan keberatan"),
        max_length=services_keberatan.ALASAN_MAKS,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class PutusForm(GayaBootstrap, forms.Form):
    """The atasan's decision: upheld or changed, new ratings, and the reasons."""

    keputusan = forms.ChoiceField(
        label=gettext_lazy("Putusan"), choices=KEPUTUSAN, widget=forms.RadioSelect
    )
    rating_hasil_kerja = forms.ChoiceField(
        label=gettext_lazy("Rating hasil kerja"), choices=RatingEkspektasi.choices, required=False
    )
    rating_perilaku = forms.ChoiceField(
        label=gettext_lazy("Rating perilaku kerja"),
        choices=RatingEkspektasi.choices,
        required=False,
    )
    pertimbangan = forms.CharField(
        label=gettext_lazy("Pertimbangan putusan"),
        max_length=services_keberatan.ALASAN_MAKS,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)


def _keberatan_terlihat(request: HttpRequest, pk: int) -> Keberatan:
    k = get_object_or_404(selectors_keberatan.keberatan_qs(), pk=pk)
    if not request.user.has_perm("skp.keberatan_lihat", k):
        raise Http404
    return k


def _ke_keberatan(k: Keberatan) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("skp:keberatan_detail", args=[k.pk]))


# -- list -----------------------------------------------------------------------------------


def keberatan_daftar(request: HttpRequest) -> HttpResponse:
    """ "Keberatan": objections waiting for my decision (due date, overdue highlighted), the
    ones I decided lately, and my own objections."""
    return render(
        request,
        "skp/keberatan_daftar.html",
        {
            "menunggu": selectors_keberatan.keberatan_menunggu(request.user),
            "saya": selectors_keberatan.keberatan_saya(request.user),
            "diputus": selectors_keberatan.keberatan_diputus_oleh(request.user),
            "hari_ini": services_keberatan.hari_ini(),
        },
    )


# -- file -----------------------------------------------------------------------------------


def _ajukan(request: HttpRequest, evaluasi: PenilaianSKP | PenilaianTahunan) -> HttpResponse:
    """The filing page for either kind of evaluation (the SKP must be visible, else 404)."""
    if not request.user.has_perm("skp.lihat", evaluasi.skp):
        raise Http404
    try:
        services_keberatan.periksa_ajukan(pengguna=request.user, evaluasi=evaluasi)
    except ValidationError as exc:
        # Not (or no longer) open to an objection: say why on the SKP page.
        messages.error(request, pesan_galat(exc))
        return HttpResponseRedirect(reverse("skp:detail", args=[evaluasi.skp_id]) + "#evaluasi")
    form = AjukanForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            k = services_keberatan.keberatan_ajukan(
                pengguna=request.user,
                penilaian=evaluasi if isinstance(evaluasi, PenilaianSKP) else None,
                penilaian_tahunan=evaluasi if isinstance(evaluasi, PenilaianTahunan) else None,
                alasan=form.cleaned_data["alasan"],
            )
        except ValidationError as exc:
            form.add_error(None, pesan_galat(exc))
            status = 422
        else:
            messages.success(request, _("Keberatan diajukan kepada atasan pejabat penilai."))
            return _ke_keberatan(k)
    elif request.method == "POST":
        status = 422
    skp = evaluasi.skp
    jabatan, pemutus = services_keberatan.atasan_penilai(skp)
    return render(
        request,
        "skp/keberatan_ajukan.html",
        {
            "form": form,
            "evaluasi": evaluasi,
            "skp": skp,
            "tahunan": isinstance(evaluasi, PenilaianTahunan),
            "batas": services_keberatan.batas_pengajuan(evaluasi),
            "jabatan_pemutus": jabatan,
            "pemutus": pemutus,
            "alasan_min": services_keberatan.ALASAN_MIN,
        },
        status=status,
    )


def keberatan_ajukan(request: HttpRequest, penilaian_id: int) -> HttpResponse:
    """File an objection to a final periodic evaluation (the evaluated employee)."""
    p = get_object_or_404(
        PenilaianSKP.objects.select_related("skp__unit", "skp__pegawai", "periode"),
        pk=penilaian_id,
    )
    return _ajukan(request, p)


def keberatan_ajukan_tahunan(request: HttpRequest, penilaian_tahunan_id: int) -> HttpResponse:
    """File an objection to a final annual evaluation (for the annual evaluation's page)."""
    p = get_object_or_404(
        PenilaianTahunan.objects.select_related("skp__unit", "skp__pegawai"),
        pk=penilaian_tahunan_id,
    )
    return _ajukan(request, p)


# -- one objection --------------------------------------------------------------------------


def keberatan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One objection: the evaluation, the reasons, the decision (or the form for the decider)."""
    k = _keberatan_terlihat(request, pk)
    evaluasi = k.evaluasi()
    berhak = request.user.has_perm("skp.keberatan_putus", k)
    boleh_putus = berhak and k.status == StatusKeberatan.DIAJUKAN
    hasil_terkunci = evaluasi.sumber_rating_hasil == SumberRating.CAPAIAN_UNIT
    awal = {
        "keputusan": "dikuatkan",
        "rating_hasil_kerja": evaluasi.rating_hasil_kerja,
        "rating_perilaku": evaluasi.rating_perilaku,
        "versi": k.versi,
    }
    form = PutusForm(request.POST or None, initial=awal) if boleh_putus else None
    if form is not None and hasil_terkunci:
        # A unit head's hasil kerja follows the unit's capaian; only perilaku may change.
        form.fields["rating_hasil_kerja"].disabled = True
    status = 200
    if request.method == "POST":
        if not berhak:
            raise PermissionDenied(services_keberatan.PESAN_TIDAK_BERHAK_PUTUS)
        if form is None:
            # An old form sent again after the decision (or the withdrawal): a conflict.
            messages.error(
                request,
                str(services_keberatan.PESAN_TIDAK_TERBUKA).format(status=k.get_status_display()),
            )
            status = 409
        elif form.is_valid():
            d = form.cleaned_data
            try:
                services_keberatan.keberatan_putus(
                    pengguna=request.user,
                    keberatan=k,
                    dikuatkan=d["keputusan"] == "dikuatkan",
                    pertimbangan=d["pertimbangan"],
                    rating_hasil_kerja=None if hasil_terkunci else d.get("rating_hasil_kerja"),
                    rating_perilaku=d.get("rating_perilaku") or None,
                    versi=d.get("versi"),
                )
            except EditanKedaluwarsa as exc:
                form.add_error(None, pesan_galat(exc))
                status = 409
            except ValidationError as exc:
                form.add_error(None, pesan_galat(exc))
                status = 422
            else:
                messages.success(request, _("Putusan keberatan tersimpan."))
                return _ke_keberatan(k)
        else:
            status = 422
    return render(
        request,
        "skp/keberatan_detail.html",
        {
            "k": k,
            "evaluasi": evaluasi,
            "skp": evaluasi.skp,
            "form": form,
            "hasil_terkunci": hasil_terkunci,
            "boleh_tarik": k.status == StatusKeberatan.DIAJUKAN
            and request.user.has_perm("skp.keberatan_tarik", k),
            "boleh_lihat_skp": request.user.has_perm("skp.lihat", evaluasi.skp),
            "hari_ini": services_keberatan.hari_ini(),
        },
        status=status,
    )


@require_POST
def keberatan_tarik(request: HttpRequest, pk: int) -> HttpResponse:
    """The employee withdraws an open objection."""
    k = _keberatan_terlihat(request, pk)
    try:
        services_keberatan.keberatan_tarik(
            pengguna=request.user, keberatan=k, versi=baca_versi(request.POST.get("versi"))
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, pesan_galat(exc))
    else:
        messages.success(request, _("Keberatan ditarik."))
    return _ke_keberatan(k)
