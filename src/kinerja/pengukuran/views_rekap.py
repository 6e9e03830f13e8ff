"""Completion overview for the Tim SAKIP and the Sekretaris: per unit and period, how many values
are due, entered, submitted, validated, returned, without evidence and late; reminders by e-mail.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.organisasi.models import Instansi, Peran
from kinerja.pengukuran import services
from kinerja.pengukuran.models import Periode, StatusPeriode
from kinerja.pengukuran.selectors import RekapUnit, periode_pemda, rekap_pengisian
from kinerja.pengukuran.views_isian import pesan_dari


def _instansi_awal(request: HttpRequest) -> Instansi | None:
    """The widest unit among the user's roles (a Pemda, else an agency, else a unit)."""
    p = (
        Peran.objects.filter(pengguna=request.user)
        .select_related("instansi")
        .order_by("instansi__jalur")
        .first()
    )
    return p.instansi if p else None


def rekap(request: HttpRequest) -> HttpResponse:
    """Per unit (the children of the chosen agency or Pemda) completion counts for a period."""
    if request.GET.get("instansi"):
        try:
            instansi = get_object_or_404(Instansi, pk=int(request.GET["instansi"]))
        except ValueError as exc:
            raise Http404 from exc
    else:
        instansi = _instansi_awal(request)
        if instansi is None:
            raise Http404
    if not request.user.has_perm("kinerja.lihat", instansi):
        raise Http404
    pemda = Instansi.objects.get(pk=instansi.id_leluhur[0])
    daftar_periode = list(periode_pemda(pemda))
    periode = None
    if request.GET.get("periode"):
        periode = next((p for p in daftar_periode if str(p.pk) == request.GET["periode"]), None)
        if periode is None:
            raise Http404
    else:
        periode = next(
            (p for p in daftar_periode if p.status == StatusPeriode.DIBUKA),
            daftar_periode[0] if daftar_periode else None,
        )
    anak = list(instansi.anak.order_by("urutan", "nama"))
    baris: list[RekapUnit] = []
    total = RekapUnit(instansi)
    if periode is not None:
        hasil = rekap_pengisian([instansi, *anak], periode)
        baris = [hasil[u.pk] for u in anak]
        langsung = hasil[instansi.pk]
        if langsung.wajib:
            baris.insert(0, langsung)
        for r in baris:
            for k in (
                "wajib",
                "terisi",
                "draf",
                "diajukan",
                "divalidasi",
                "dikembalikan",
                "tanpa_bukti",
                "terlambat",
            ):
                setattr(total, k, getattr(total, k) + getattr(r, k))
    boleh_ingatkan = periode is not None and (
        request.user.has_perm("kinerja.validasi", instansi)
        or request.user.has_perm("kinerja.kelola", instansi)
    )
    return render(
        request,
        "pengukuran/rekap.html",
        {
            "instansi": instansi,
            "periode": periode,
            "daftar_periode": daftar_periode,
            "baris": baris,
            "total": total,
            "boleh_ingatkan": boleh_ingatkan,
            "induk": instansi.induk
            if instansi.induk_id and request.user.has_perm("kinerja.lihat", instansi.induk)
            else None,
        },
    )


@require_POST
def pengingat(request: HttpRequest) -> HttpResponse:
    """Send a reminder e-mail to a unit's operators for a period, then back to the overview."""
    try:
        unit = get_object_or_404(Instansi, pk=int(request.POST.get("unit", "")))
        periode = get_object_or_404(Periode, pk=int(request.POST.get("periode", "")))
    except ValueError as exc:
        raise Http404 from exc
    if not request.user.has_perm("kinerja.lihat", unit) or not unit.jalur.startswith(
        f"/{periode.pemda_id}/"
    ):
        raise Http404
    try:
        alamat = services.pengingat_kirim(pengguna=request.user, unit=unit, periode=periode)
        messages.success(
            request,
            _("Pengingat dikirim ke %(n)s operator %(unit)s.") % {"n": len(alamat), "unit": unit},
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, pesan_dari(exc))
    teks = request.POST.get("kembali", "")
    kembali = Instansi.objects.filter(pk=int(teks) if teks.isdigit() else unit.induk_id).first()
    kembali_id = (
        kembali.pk if kembali and request.user.has_perm("kinerja.lihat", kembali) else unit.pk
    )
    return HttpResponseRedirect(
        reverse("pengukuran:rekap") + f"?instansi={kembali_id}&periode={periode.pk}"
    )
