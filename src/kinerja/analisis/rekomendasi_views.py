"""Recommendation pages: the list of an agency and period with on-demand generation, one
recommendation with its follow-up, the follow-up lists, and the rules with their thresholds.

Views stay thin: reads from `rekomendasi` / `tindak_lanjut` selectors, writes through their
services; a refusal is shown as the service's Indonesian message.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.analisis import permissions
from kinerja.analisis import tindak_lanjut as tl_svc
from kinerja.analisis.aturan import ARTI_AMBANG, ISIAN_TEMPLAT, aturan_berlaku, aturan_ubah
from kinerja.analisis.models import (
    JenisAturan,
    Rekomendasi,
    StatusRekomendasi,
    StatusTindakLanjut,
    TindakLanjut,
)
from kinerja.analisis.rekomendasi import (
    q_agensi,
    rekomendasi_buat,
    rekomendasi_buat_pemda,
    rekomendasi_daftar,
)
from kinerja.analisis.rekomendasi_forms import AturanForm, StatusForm, TindakLanjutForm
from kinerja.inti.angka import format_angka
from kinerja.organisasi.models import Instansi, JenisInstansi
from kinerja.organisasi.permissions import jalur_dengan_peran
from kinerja.pengukuran.models import Periode
from kinerja.pengukuran.selectors import id_subtree, periode_pemda, periode_terakhir


def _pesan(exc: ValidationError | PermissionDenied) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc) or _("Anda tidak berhak melakukan ini.")


def _ke_form(form: Any, exc: ValidationError) -> None:
    """Put a service's refusal on the form fields it names (the rest on the form)."""
    if hasattr(exc, "error_dict"):
        for kolom, galat in exc.error_dict.items():
            form.add_error(kolom if kolom in form.fields else None, galat)
    else:
        form.add_error(None, exc)


def agensi_terlihat(user: Any) -> list[Instansi]:
    """The agencies (Perangkat Daerah, UKPBJ) whose recommendations `user` may see."""
    qs = Instansi.objects.filter(q_agensi())
    if not user.is_superuser:
        qs = qs.filter(pk__in=list(id_subtree(jalur_dengan_peran(user))))
    return list(qs.distinct().order_by("jalur"))


def _int(nilai: str | None) -> int | None:
    try:
        return int(nilai) if nilai else None
    except ValueError as exc:
        raise Http404 from exc


def _pengguna_agensi(instansi: Instansi) -> Any:
    """Active users holding a role in the agency or above it (possible follow-up owners)."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(peran__instansi__jalur__startswith=instansi.jalur)
            | Q(peran__instansi_id__in=instansi.id_leluhur)
        )
        .distinct()
        .order_by("first_name", "username")
    )


def daftar(request: HttpRequest) -> HttpResponse:
    """The recommendations of an agency for a period, filterable by state and kind."""
    agensi = agensi_terlihat(request.user)
    pilih = _int(request.GET.get("instansi"))
    instansi = next((a for a in agensi if a.pk == pilih), None) if pilih else None
    if pilih and instansi is None:
        raise Http404
    instansi = instansi or (agensi[0] if agensi else None)
    if instansi is None:
        return render(request, "analisis/rekomendasi/daftar.html", {"agensi": []})
    pemda = Instansi.objects.get(pk=instansi.id_leluhur[0])
    daftar_periode = list(periode_pemda(pemda))
    pid = _int(request.GET.get("periode"))
    if pid:
        periode = next((p for p in daftar_periode if p.pk == pid), None)
        if periode is None:
            raise Http404
    else:
        periode = periode_terakhir(pemda)
    status = request.GET.get("status", StatusRekomendasi.AKTIF)
    status = status if status in StatusRekomendasi.values else ""
    jenis = request.GET.get("jenis", "")
    jenis = jenis if jenis in JenisAturan.values else ""
    semua = rekomendasi_daftar(request.user, instansi=instansi, periode=periode)
    hitung = dict(
        semua.order_by()
        .filter(**({"status": status} if status else {}))
        .values_list("jenis")
        .annotate(n=Count("id"))
    )
    baris = list(
        rekomendasi_daftar(
            request.user, instansi=instansi, periode=periode, status=status, jenis=jenis
        )
    )
    return render(
        request,
        "analisis/rekomendasi/daftar.html",
        {
            "agensi": agensi,
            "instansi": instansi,
            "periode": periode,
            "daftar_periode": daftar_periode,
            "status": status,
            "jenis": jenis,
            "pilihan_status": StatusRekomendasi.choices,
            "pilihan_jenis": [(j, lbl, hitung.get(j, 0)) for j, lbl in JenisAturan.choices],
            "baris": baris,
            "boleh_kelola": permissions.dapat_mengelola_rekomendasi(request.user, instansi),
            "boleh_kelola_pemda": permissions.dapat_mengelola_rekomendasi(request.user, pemda),
            "boleh_atur": permissions.dapat_mengatur_aturan(request.user, instansi),
            "hari_ini": timezone.localdate(),
        },
    )


@require_POST
def buat(request: HttpRequest) -> HttpResponse:
    """Generate (or refresh) the recommendations of an agency and period, then list them."""
    instansi = get_object_or_404(Instansi, pk=_int(request.POST.get("instansi")))
    periode = get_object_or_404(Periode, pk=_int(request.POST.get("periode")))
    if not permissions.dapat_melihat_rekomendasi(request.user, instansi):
        raise Http404
    if request.POST.get("semua") == "1":
        # Every agency of the Pemda (Admin Pemda): one transaction per agency.
        pemda = Instansi.objects.get(pk=instansi.id_leluhur[0])
        if not permissions.dapat_mengelola_rekomendasi(request.user, pemda):
            raise Http404
        semua = rekomendasi_buat_pemda(pengguna=request.user, pemda=pemda, periode=periode)
        messages.success(
            request,
            _("Rekomendasi %(periode)s diperbarui untuk %(n)s instansi: %(aktif)s aktif.")
            % {"periode": periode.label, "n": len(semua), "aktif": sum(h.aktif for h in semua)},
        )
        kueri = urlencode({"instansi": instansi.pk, "periode": periode.pk})
        return HttpResponseRedirect(f"{reverse('analisis:rekomendasi')}?{kueri}")
    try:
        h = rekomendasi_buat(pengguna=request.user, instansi=instansi, periode=periode)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(
            request,
            _(
                "Rekomendasi %(periode)s diperbarui: %(aktif)s aktif (%(baru)s baru, "
                "%(dibuka)s muncul lagi), %(teratasi)s teratasi."
            )
            % {
                "periode": periode.label,
                "aktif": h.aktif,
                "baru": h.baru,
                "dibuka": h.dibuka_lagi,
                "teratasi": h.teratasi,
            },
        )
    kueri = urlencode({"instansi": instansi.pk, "periode": periode.pk})
    return HttpResponseRedirect(f"{reverse('analisis:rekomendasi')}?{kueri}")


def _rekomendasi(request: HttpRequest, pk: int) -> Rekomendasi:
    rek = get_object_or_404(
        Rekomendasi.objects.select_related(
            "instansi", "periode", "indikator", "unit", "elemen", "aturan"
        ),
        pk=pk,
    )
    if not permissions.dapat_melihat_rekomendasi(request.user, rek):
        raise Http404
    return rek


def detail(
    request: HttpRequest,
    pk: int,
    form_tl: TindakLanjutForm | None = None,
    form_status: StatusForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """One recommendation: the data behind it, its follow-up, the forms to act, the history."""
    rek = _rekomendasi(request, pk)
    tl = (
        TindakLanjut.objects.filter(rekomendasi=rek)
        .select_related("pemilik", "ditugaskan_oleh")
        .first()
    )
    kelola = permissions.dapat_mengelola_rekomendasi(request.user, rek.instansi)
    if kelola and form_tl is None:
        awal = {"versi": tl.versi} if tl else {}
        if tl:
            awal.update(pemilik=tl.pemilik_id, tenggat=tl.tenggat, instruksi=tl.instruksi)
        form_tl = TindakLanjutForm(initial=awal, pengguna_qs=_pengguna_agensi(rek.instansi))
    pilihan = tl_svc.status_berikut(tl, request.user) if tl else []
    if pilihan and form_status is None:
        form_status = StatusForm(initial={"versi": tl.versi}, pilihan=pilihan)
    return render(
        request,
        "analisis/rekomendasi/detail.html",
        {
            "rek": rek,
            "tl": tl,
            "kelola": kelola,
            "form_tl": form_tl if kelola else None,
            "form_status": form_status if pilihan else None,
            "riwayat": _riwayat(tl),
            "rincian": rek.rincian,
        },
        status=status,
    )


def _riwayat(tl: TindakLanjut | None) -> list[Any]:
    """The follow-up's audit rows with state labels for display."""
    if tl is None:
        return []
    label = dict(StatusTindakLanjut.choices)
    hasil = list(tl_svc.riwayat_tindak_lanjut(tl))
    for p in hasil:
        p.dari = label.get((p.sebelum or {}).get("status"), "")
        p.ke = label.get((p.sesudah or {}).get("status"), "")
    return hasil


@require_POST
def tugaskan(request: HttpRequest, pk: int) -> HttpResponse:
    """Assign the follow-up of a recommendation, or change its owner, due date, instructions."""
    rek = _rekomendasi(request, pk)
    tl = TindakLanjut.objects.filter(rekomendasi=rek).first()
    form = TindakLanjutForm(request.POST, pengguna_qs=_pengguna_agensi(rek.instansi))
    if not form.is_valid():
        return detail(request, pk, form_tl=form, status=400)
    d = form.cleaned_data
    try:
        if tl is None:
            tl_svc.tindak_lanjut_tugaskan(
                pengguna=request.user,
                rekomendasi=rek,
                pemilik=d["pemilik"],
                tenggat=d["tenggat"],
                instruksi=d["instruksi"],
            )
            messages.success(request, _("Tindak lanjut ditugaskan kepada %s.") % d["pemilik"])
        else:
            tl_svc.tindak_lanjut_ubah(
                pengguna=request.user,
                tindak_lanjut=tl,
                pemilik=d["pemilik"],
                tenggat=d["tenggat"],
                instruksi=d["instruksi"],
                versi=d["versi"],
            )
            messages.success(request, _("Tindak lanjut diperbarui."))
    except PermissionDenied as exc:
        messages.error(request, _pesan(exc))
        return HttpResponseRedirect(rek.get_absolute_url())
    except ValidationError as exc:
        _ke_form(form, exc)
        return detail(request, pk, form_tl=form, status=400)
    return HttpResponseRedirect(rek.get_absolute_url())


@require_POST
def ubah_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a follow-up to another state with a note."""
    tl = get_object_or_404(TindakLanjut.objects.select_related("rekomendasi__instansi"), pk=pk)
    rek = _rekomendasi(request, tl.rekomendasi_id)
    form = StatusForm(request.POST, pilihan=StatusTindakLanjut.values)
    if not form.is_valid():
        return detail(request, rek.pk, form_status=form, status=400)
    try:
        tl_svc.tindak_lanjut_ubah_status(
            pengguna=request.user,
            tindak_lanjut=tl,
            status=form.cleaned_data["status"],
            catatan=form.cleaned_data["catatan"],
            versi=form.cleaned_data["versi"],
        )
    except PermissionDenied as exc:
        messages.error(request, _pesan(exc))
        return HttpResponseRedirect(rek.get_absolute_url())
    except ValidationError as exc:
        _ke_form(form, exc)
        form.fields["status"].choices = [
            c
            for c in form.fields["status"].choices
            if c[0] in tl_svc.status_berikut(tl, request.user)
        ]
        return detail(request, rek.pk, form_status=form, status=400)
    messages.success(request, _("Status tindak lanjut diperbarui."))
    return HttpResponseRedirect(rek.get_absolute_url())


def tindak_lanjut(request: HttpRequest) -> HttpResponse:
    """Follow-ups the user may see, filterable by state, owner, agency and overdue."""
    agensi = agensi_terlihat(request.user)
    pilih = _int(request.GET.get("instansi"))
    instansi = next((a for a in agensi if a.pk == pilih), None) if pilih else None
    status = request.GET.get("status", "")
    status = status if status in StatusTindakLanjut.values else ""
    pemilik_id = _int(request.GET.get("pemilik"))
    terlambat = request.GET.get("terlambat") == "1"
    semua = tl_svc.tindak_lanjut_daftar(request.user, instansi=instansi)
    pemilik = list(
        get_user_model()
        .objects.filter(pk__in=semua.values("pemilik_id"))
        .order_by("first_name", "username")
    )
    baris = list(
        tl_svc.tindak_lanjut_daftar(
            request.user,
            status=status,
            pemilik_id=pemilik_id,
            instansi=instansi,
            terlambat=terlambat,
        )
    )
    return render(
        request,
        "analisis/rekomendasi/tindak_lanjut.html",
        {
            "agensi": agensi,
            "instansi": instansi,
            "status": status,
            "pemilik_id": pemilik_id,
            "pemilik": pemilik,
            "terlambat": terlambat,
            "pilihan_status": StatusTindakLanjut.choices,
            "baris": baris,
        },
    )


def tindak_lanjut_saya(request: HttpRequest) -> HttpResponse:
    """The user's own follow-ups; new ones are marked, and opening the page marks them seen."""
    baris = list(tl_svc.tindak_lanjut_saya(request.user))
    baru = {t.pk for t in baris if t.dilihat_pemilik_pada is None}
    tl_svc.tindak_lanjut_tandai_dilihat(pengguna=request.user, daftar=baris)
    return render(
        request,
        "analisis/rekomendasi/tindak_lanjut_saya.html",
        {"baris": baris, "baru": baru},
    )


def _instansi_aturan(request: HttpRequest) -> Instansi:
    """The Pemda or agency whose rules are shown: ?instansi=, else the user's widest unit."""
    pid = _int(request.GET.get("instansi") or request.POST.get("instansi"))
    if pid:
        instansi = get_object_or_404(Instansi, pk=pid)
    else:
        jalur = sorted(jalur_dengan_peran(request.user), key=len)
        if not jalur:
            raise Http404
        instansi = Instansi.objects.get(jalur=jalur[0])
    if not permissions.dapat_melihat_rekomendasi(request.user, instansi):
        raise Http404
    return instansi


def aturan(request: HttpRequest, gagal: dict[str, AturanForm] | None = None) -> HttpResponse:
    """The rules in force for a Pemda or agency; editable by its Tim SAKIP or Admin Pemda."""
    instansi = _instansi_aturan(request)
    boleh = permissions.dapat_mengatur_aturan(request.user, instansi)
    baris = []
    for jenis, a in aturan_berlaku(instansi).items():
        form = (gagal or {}).get(jenis) or AturanForm(
            initial={
                "aturan": a.pk,
                "versi": a.versi,
                "aktif": a.aktif,
                "ambang": format_angka(a.ambang, 2).replace(",00", "")
                if a.ambang is not None
                else "",
                "tingkat": a.tingkat,
                "templat": a.templat,
            },
            prefix=jenis,
        )
        if not boleh:
            for f in form.fields.values():
                f.disabled = True
        baris.append(
            {
                "aturan": a,
                "form": form,
                "arti_ambang": ARTI_AMBANG[jenis],
                "isian": ["{" + n + "}" for n in ISIAN_TEMPLAT[jenis]],
                "turunan": a.instansi_id != instansi.pk,
            }
        )
    baris.sort(key=lambda b: JenisAturan.values.index(b["aturan"].jenis))
    lingkup = (
        [
            i
            for i in Instansi.objects.filter(
                pk__in=list(id_subtree(jalur_dengan_peran(request.user)))
            )
            .exclude(jenis__in=[JenisInstansi.UNIT, JenisInstansi.SUBUNIT])
            .order_by("jalur")
        ]
        if not request.user.is_superuser
        else list(
            Instansi.objects.exclude(
                jenis__in=[JenisInstansi.UNIT, JenisInstansi.SUBUNIT]
            ).order_by("jalur")
        )
    )
    return render(
        request,
        "analisis/rekomendasi/aturan.html",
        {"instansi": instansi, "baris": baris, "boleh": boleh, "lingkup": lingkup},
        status=400 if gagal else 200,
    )


@require_POST
def aturan_simpan(request: HttpRequest, jenis: str) -> HttpResponse:
    """Save one rule for the Pemda or agency of the page."""
    if jenis not in JenisAturan.values:
        raise Http404
    instansi = _instansi_aturan(request)
    form = AturanForm(request.POST, prefix=jenis)
    berlaku = aturan_berlaku(instansi)
    if form.is_valid():
        a = berlaku[jenis]
        if form.cleaned_data["aturan"] != a.pk:
            # The rule in force changed since the page was drawn (e.g. an override was made).
            from kinerja.inti.audit import PESAN_KEDALUWARSA

            form.add_error(None, _(PESAN_KEDALUWARSA))
        else:
            try:
                aturan_ubah(
                    pengguna=request.user,
                    instansi=instansi,
                    aturan=a,
                    aktif=form.cleaned_data["aktif"],
                    ambang=form.cleaned_data["ambang"],
                    tingkat=form.cleaned_data["tingkat"],
                    templat=form.cleaned_data["templat"],
                    versi=form.cleaned_data["versi"],
                )
            except PermissionDenied as exc:
                messages.error(request, _pesan(exc))
                return HttpResponseRedirect(
                    f"{reverse('analisis:aturan_rekomendasi')}?instansi={instansi.pk}"
                )
            except ValidationError as exc:
                _ke_form(form, exc)
            else:
                messages.success(
                    request,
                    _("Aturan “%(aturan)s” untuk %(instansi)s disimpan.")
                    % {"aturan": JenisAturan(jenis).label, "instansi": instansi.nama},
                )
                return HttpResponseRedirect(
                    f"{reverse('analisis:aturan_rekomendasi')}?instansi={instansi.pk}#aturan-{jenis}"
                )
    request.GET = request.GET.copy()
    request.GET["instansi"] = str(instansi.pk)
    return aturan(request, gagal={jenis: form})
