"""Cycle pages: inbox, open a cycle, a cycle's progress, completing and deciding steps."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.alur import selectors, services
from kinerja.alur.aksi import tautan_aksi
from kinerja.alur.forms import (
    KeputusanForm,
    RapatForm,
    SiklusBukaForm,
    TugasSelesaiForm,
    UnggahESRForm,
)
from kinerja.alur.models import HasilIndikatorRapat, JenisLangkah, Tugas
from kinerja.organisasi.models import JenisInstansi
from kinerja.organisasi.selectors import instansi_terlihat, pemda_pengguna
from kinerja.pengukuran.models import Periode, StatusPeriode


def _pesan(exc: ValidationError | PermissionDenied) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)


def kotak_masuk(request: HttpRequest) -> HttpResponse:
    """The user's active tasks and the cycles they can see."""
    return render(
        request,
        "alur/kotak_masuk.html",
        {
            "tugas": selectors.kotak_masuk(request.user),
            "siklus": selectors.siklus_terlihat(request.user).order_by("-dibuka_pada")[:50],
        },
    )


def siklus_baru(request: HttpRequest) -> HttpResponse:
    """Open a cycle (the Kepala's order)."""
    terlihat = instansi_terlihat(request.user)
    form = SiklusBukaForm(
        request.POST or None,
        template_qs=selectors.template_tersedia(request.user),
        instansi_qs=terlihat.filter(jenis=JenisInstansi.PERANGKAT_DAERAH),
        periode_qs=Periode.objects.filter(
            pemda__in=pemda_pengguna(request.user), status=StatusPeriode.DIBUKA
        ).select_related("pemda"),
        initial={"template": request.GET.get("template")},
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            s = services.siklus_buka(
                pengguna=request.user,
                template=d["template"],
                instansi=d["instansi"],
                periode=d["periode"],
                jenis_perintah=d["jenis_perintah"],
                nomor_perintah=d["nomor_perintah"],
                tanggal_perintah=d["tanggal_perintah"],
                isi_perintah=d["isi_perintah"],
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, _pesan(exc))
        else:
            messages.success(request, _("Siklus pengukuran dibuka."))
            return HttpResponseRedirect(reverse("alur:siklus", args=[s.pk]))
    return render(request, "alur/siklus_baru.html", {"form": form})


def siklus_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Where a cycle stands: every step, who did it, actual time against the standard."""
    siklus = selectors.siklus_terlihat(request.user).filter(pk=pk).first()
    if siklus is None:
        raise Http404
    baris = selectors.kemajuan_siklus(siklus, request.user)
    aktif = next((b for b in baris if b.boleh), None)
    berjalan = next((b for b in baris if b.tugas.status == "aktif"), None)
    tautan = tautan_aksi(berjalan.tugas.langkah.aksi_sistem, siklus) if berjalan else []
    form = None
    form_rapat = None
    indikator_rapat = []
    if (
        aktif is not None
        and services.perlu_rapat(aktif.tugas.langkah)
        and not any(True for _ in aktif.tugas.rapat.all())
    ):
        form_rapat = RapatForm(initial={"judul": aktif.tugas.langkah.uraian[:200]})
        if aktif.tugas.langkah.aksi_sistem == "rapat_pimpinan":
            from kinerja.perencanaan.selectors import indikator_instansi

            indikator_rapat = list(indikator_instansi(siklus.instansi))
    form_esr = None
    if (
        aktif is not None
        and aktif.tugas.langkah.aksi_sistem == "unggah_esr"
        and not aktif.tugas.unggah_esr.exists()
    ):
        form_esr = UnggahESRForm(dokumen_qs=_dokumen_siklus(siklus))
    if aktif is not None:
        t = aktif.tugas
        if t.langkah.jenis == JenisLangkah.KEPUTUSAN:
            pilihan = [
                (lk.no, f"{lk.no}. {lk.uraian[:70]}")
                for lk in siklus.template.langkah.filter(urutan__lt=t.langkah.urutan)
            ]
            form = KeputusanForm(
                initial={"versi": t.versi, "kembali_ke_no": t.langkah.kembali_ke},
                pilihan_kembali=pilihan,
            )
        else:
            form = TugasSelesaiForm(initial={"versi": t.versi})
    return render(
        request,
        "alur/siklus_detail.html",
        {
            "siklus": siklus,
            "baris": baris,
            "aktif": aktif,
            "form": form,
            "form_rapat": form_rapat,
            "form_esr": form_esr,
            "dokumen": _dokumen_siklus(siklus),
            "indikator_rapat": indikator_rapat,
            "pilihan_hasil": HasilIndikatorRapat.choices,
            "tautan": tautan,
            "berjalan": berjalan,
            "label": siklus.template.label_pelaksana(),
            "arahan_sebelumnya": selectors.arahan_siklus_sebelumnya(siklus),
        },
    )


def _tugas_atau_404(request: HttpRequest, pk: int) -> Tugas:
    tugas = get_object_or_404(Tugas.objects.select_related("siklus", "langkah"), pk=pk)
    if not selectors.siklus_terlihat(request.user).filter(pk=tugas.siklus_id).exists():
        raise Http404
    return tugas


@require_POST
def tugas_selesai(request: HttpRequest, pk: int) -> HttpResponse:
    """Complete the active step."""
    tugas = _tugas_atau_404(request, pk)
    form = TugasSelesaiForm(request.POST)
    if form.is_valid():
        try:
            services.tugas_selesaikan(
                pengguna=request.user,
                tugas=tugas,
                catatan=form.cleaned_data["catatan"],
                versi=form.cleaned_data["versi"],
            )
            messages.success(request, _("Langkah %(no)s selesai.") % {"no": tugas.langkah.no})
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _pesan(exc))
    return HttpResponseRedirect(reverse("alur:siklus", args=[tugas.siklus_id]))


@require_POST
def tugas_putuskan(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve or return at a decision step."""
    tugas = _tugas_atau_404(request, pk)
    pilihan = [(lk.no, str(lk.no)) for lk in tugas.langkah.template.langkah.all()]
    form = KeputusanForm(request.POST, pilihan_kembali=pilihan)
    if not form.is_valid():
        messages.error(request, _("Pilih keputusan: disetujui atau dikembalikan."))
    else:
        d = form.cleaned_data
        try:
            services.tugas_putuskan(
                pengguna=request.user,
                tugas=tugas,
                hasil=d["hasil"],
                alasan=d["alasan"],
                kembali_ke_no=d["kembali_ke_no"],
                versi=d["versi"],
            )
            messages.success(request, _("Keputusan dicatat."))
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _pesan(exc))
    return HttpResponseRedirect(reverse("alur:siklus", args=[tugas.siklus_id]))


@require_POST
def rapat_catat(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the meeting (and, at a leadership meeting, a decision per indicator)."""
    from kinerja.perencanaan.selectors import indikator_instansi

    tugas = _tugas_atau_404(request, pk)
    form = RapatForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, _("Lengkapi data rapat: %(galat)s") % {"galat": form.errors.as_text()}
        )
        return HttpResponseRedirect(reverse("alur:siklus", args=[tugas.siklus_id]))
    keputusan = []
    for ind in indikator_instansi(tugas.siklus.instansi):
        hasil = request.POST.get(f"hasil_{ind.pk}", "")
        if hasil in HasilIndikatorRapat.values:
            keputusan.append((ind, hasil, request.POST.get(f"arahan_{ind.pk}", "").strip()))
    try:
        services.rapat_catat(
            pengguna=request.user, tugas=tugas, keputusan_indikator=keputusan, **form.cleaned_data
        )
        messages.success(request, _("Rapat dan notulennya dicatat."))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _pesan(exc))
    return HttpResponseRedirect(reverse("alur:siklus", args=[tugas.siklus_id]))


def kepatuhan(request: HttpRequest) -> HttpResponse:
    """Mutu baku compliance: each step's actual time against its standard; late steps first."""
    qs = selectors.siklus_terlihat(request.user)
    if request.GET.get("instansi", "").isdigit():
        qs = qs.filter(instansi_id=int(request.GET["instansi"]))
    if request.GET.get("periode", "").isdigit():
        qs = qs.filter(periode_id=int(request.GET["periode"]))
    baris = selectors.kepatuhan(qs)
    terlambat = [b for b in baris if b.terlambat]
    return render(
        request,
        "alur/kepatuhan.html",
        {"baris": baris, "terlambat": terlambat, "siklus": qs.order_by("-dibuka_pada")[:100]},
    )


def notifikasi(request: HttpRequest) -> HttpResponse:
    """The user's notifications; opening the page marks them read."""
    from django.utils import timezone

    from kinerja.alur.models import Notifikasi

    daftar = list(Notifikasi.objects.filter(pengguna=request.user).select_related("tugas")[:100])
    Notifikasi.objects.filter(pengguna=request.user, dibaca_pada__isnull=True).update(
        dibaca_pada=timezone.now()
    )
    return render(request, "alur/notifikasi.html", {"daftar": daftar})


def _dokumen_siklus(siklus):  # type: ignore[no-untyped-def]
    """The documents generated for the cycle's agency and period (the steps' outputs)."""
    from kinerja.dokumen.models import Dokumen

    return Dokumen.objects.filter(instansi=siklus.instansi, periode=siklus.periode).order_by(
        "jenis", "-versi"
    )


@require_POST
def esr_unggah(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the upload to esr.menpan.go.id at the SOP's upload step."""
    tugas = _tugas_atau_404(request, pk)
    form = UnggahESRForm(request.POST, dokumen_qs=_dokumen_siklus(tugas.siklus))
    if not form.is_valid():
        messages.error(
            request, _("Lengkapi data unggahan: %(galat)s") % {"galat": form.errors.as_text()}
        )
    else:
        try:
            services.esr_catat_unggah(pengguna=request.user, tugas=tugas, **form.cleaned_data)
            messages.success(request, _("Unggahan ke esr.menpan.go.id dicatat."))
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _pesan(exc))
    return HttpResponseRedirect(reverse("alur:siklus", args=[tugas.siklus_id]))
