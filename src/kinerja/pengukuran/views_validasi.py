"""The validator's queue: submitted values of a unit and period with their capaian and evidence,
accepted or returned one by one (with a reason) or accepted in bulk; validated values can be
unlocked with a reason. Decisions go through `services.realisasi_ubah_status`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.inti.audit import EditanKedaluwarsa
from kinerja.organisasi.models import Instansi, Peran
from kinerja.organisasi.permissions import PERAN_VALIDATOR
from kinerja.pengukuran import alur_status, services
from kinerja.pengukuran import isian as isian_baca
from kinerja.pengukuran.forms import KeputusanRealisasiForm
from kinerja.pengukuran.models import Periode, Realisasi, StatusRealisasi
from kinerja.pengukuran.selectors import indikator_tanggung_jawab, periode_pemda
from kinerja.pengukuran.views_isian import pesan_dari, unit_periode

STATUS_ANTREAN = {
    "diajukan": [StatusRealisasi.DIAJUKAN],
    "dikembalikan": [StatusRealisasi.DIKEMBALIKAN],
    "divalidasi": [StatusRealisasi.DIVALIDASI],
}


def unit_validasi(user: Any) -> list[Instansi]:
    """The units over which the user holds a validating role, in tree order."""
    return [
        p.instansi
        for p in Peran.objects.filter(pengguna=user, kode__in=PERAN_VALIDATOR)
        .select_related("instansi")
        .order_by("instansi__jalur")
    ]


def _tandai(b: isian_baca.BarisIsian, pengguna: Any) -> isian_baca.BarisIsian:
    """Add what the queue needs to a grid row: may this user decide, is it their own value."""
    r = b.realisasi
    b.milik_sendiri = r is not None and pengguna.pk in (r.diisi_oleh_id, r.diajukan_oleh_id)
    b.boleh_putuskan = (
        r is not None and not b.milik_sendiri and pengguna.has_perm("kinerja.validasi", b.indikator)
    )
    return b


def _baris(
    pengguna: Any, instansi: Instansi, periode: Periode, status: list[str], ids: list[int] | None
) -> list[isian_baca.BarisIsian]:
    qs = Realisasi.objects.filter(
        periode=periode,
        status__in=status,
        indikator__in=indikator_tanggung_jawab(instansi, periode),
    )
    if ids is not None:
        qs = qs.filter(indikator_id__in=ids)
    pilih = list(qs.values_list("indikator_id", flat=True))
    baris, _lalu = isian_baca.baris_isian(
        instansi=instansi, periode=periode, pengguna=pengguna, indikator_ids=pilih
    )
    # Who submitted each value, in one query rather than one per row.
    orang = get_user_model().objects.in_bulk(
        {
            b.realisasi.diajukan_oleh_id
            for b in baris
            if b.realisasi and b.realisasi.diajukan_oleh_id
        }
    )
    for b in baris:
        if b.realisasi is not None and b.realisasi.diajukan_oleh_id:
            b.realisasi.diajukan_oleh = orang[b.realisasi.diajukan_oleh_id]
    return [_tandai(b, pengguna) for b in baris]


def antrean(request: HttpRequest) -> HttpResponse:
    """The queue of one unit (or agency) and period, by default the submitted values."""
    units = unit_validasi(request.user)
    try:
        instansi_id = int(request.GET.get("instansi") or (units[0].pk if units else 0))
    except ValueError as exc:
        raise Http404 from exc
    instansi = get_object_or_404(Instansi, pk=instansi_id)
    if not request.user.has_perm("kinerja.lihat", instansi):
        raise Http404
    pemda_id = instansi.id_leluhur[0]
    daftar_periode = list(periode_pemda(Instansi(pk=pemda_id)))
    periode = None
    if request.GET.get("periode"):
        periode = next((p for p in daftar_periode if str(p.pk) == request.GET["periode"]), None)
        if periode is None:
            raise Http404
    else:
        # The most recent period with something waiting, else the most recent open one.
        menunggu = set(
            Realisasi.objects.filter(status=StatusRealisasi.DIAJUKAN, periode__pemda_id=pemda_id)
            .values_list("periode_id", flat=True)
            .distinct()
        )
        periode = next((p for p in daftar_periode if p.pk in menunggu), None) or next(
            (p for p in daftar_periode if p.status == "dibuka"),
            daftar_periode[0] if daftar_periode else None,
        )
    status = request.GET.get("status", "diajukan")
    if status not in STATUS_ANTREAN:
        status = "diajukan"
    baris = _baris(request.user, instansi, periode, STATUS_ANTREAN[status], None) if periode else []
    return render(
        request,
        "pengukuran/validasi.html",
        {
            "instansi": instansi,
            "periode": periode,
            "daftar_periode": daftar_periode,
            "units": units,
            "status": status,
            "pilihan_status": [
                ("diajukan", _("Menunggu validasi")),
                ("dikembalikan", _("Dikembalikan")),
                ("divalidasi", _("Divalidasi")),
            ],
            "baris": baris,
            "boleh_validasi": request.user.has_perm("kinerja.validasi", instansi),
        },
    )


@require_POST
def putuskan(request: HttpRequest, instansi_id: int, periode_id: int, indikator_id: int) -> Any:
    """Accept, return (with a reason) or unlock (with a reason) one value."""
    instansi, periode = unit_periode(request, instansi_id, periode_id)
    r = get_object_or_404(
        Realisasi.objects.filter(indikator__in=indikator_tanggung_jawab(instansi, periode)),
        periode=periode,
        indikator_id=indikator_id,
    )
    form = KeputusanRealisasiForm(request.POST)
    status, pesan, jenis, catatan = 200, "", "success", ""
    aksi = request.POST.get("aksi", "")
    if aksi == alur_status.BUKA_KUNCI:
        form.fields["aksi"].choices = [*form.fields["aksi"].choices, (aksi, aksi)]
    if not form.is_valid():
        status, jenis = 422, "danger"
        pesan = _("Keputusan tidak lengkap. Muat ulang halaman lalu coba lagi.")
    else:
        d = form.cleaned_data
        catatan = d["catatan"]
        try:
            services.realisasi_ubah_status(
                pengguna=request.user,
                realisasi=r,
                aksi=d["aksi"],
                catatan=d["catatan"],
                versi=d["versi"],
            )
            pesan = {
                alur_status.VALIDASI: _("Diterima dan dikunci."),
                alur_status.KEMBALIKAN: _("Dikembalikan ke unit."),
                alur_status.BUKA_KUNCI: _("Kunci dibuka; nilai kembali ke draf."),
            }[d["aksi"]]
        except EditanKedaluwarsa as exc:
            status, jenis, pesan = 409, "warning", pesan_dari(exc)
        except ValidationError as exc:
            status, jenis, pesan = 422, "danger", pesan_dari(exc)
        except PermissionDenied as exc:
            status, jenis, pesan = 403, "danger", pesan_dari(exc)
    if not request.htmx:
        (messages.success if status == 200 else messages.error)(request, pesan)
        return HttpResponseRedirect(
            reverse("pengukuran:validasi")
            + f"?instansi={instansi.pk}&periode={periode.pk}&status={request.POST.get('dari', '')}"
        )
    baris, _lalu = isian_baca.baris_isian(
        instansi=instansi, periode=periode, pengguna=request.user, indikator_ids=[indikator_id]
    )
    b = _tandai(baris[0], request.user)
    b.pesan, b.pesan_jenis = pesan, jenis
    return render(
        request,
        "pengukuran/_validasi_baris.html",
        {
            "b": b,
            "instansi": instansi,
            "periode": periode,
            "catatan": catatan if status != 200 else "",
        },
        status=status,
    )


@require_POST
def terima_banyak(request: HttpRequest, instansi_id: int, periode_id: int) -> HttpResponse:
    """Accept every ticked value that is still as the validator saw it (versions checked)."""
    instansi, periode = unit_periode(request, instansi_id, periode_id)
    pilihan: dict[int, int] = {}
    for teks in request.POST.getlist("pilih"):
        iid, _sep, versi = teks.partition(":")
        if iid.isdigit() and versi.isdigit():
            pilihan[int(iid)] = int(versi)
    diterima, ditolak = 0, []
    for r in Realisasi.objects.filter(
        periode=periode,
        indikator_id__in=list(pilihan),
        indikator__in=indikator_tanggung_jawab(instansi, periode),
    ).select_related("indikator"):
        try:
            with transaction.atomic():
                services.realisasi_ubah_status(
                    pengguna=request.user,
                    realisasi=r,
                    aksi=alur_status.VALIDASI,
                    versi=pilihan[r.indikator_id],
                )
            diterima += 1
        except (ValidationError, PermissionDenied) as exc:
            ditolak.append(f"{r.indikator.nama}: {pesan_dari(exc)}")
    if diterima:
        messages.success(request, _("%(n)s realisasi diterima dan dikunci.") % {"n": diterima})
    elif not ditolak:
        messages.warning(request, _("Centang dulu nilai yang akan diterima."))
    for t in ditolak[:10]:
        messages.error(request, t)
    return HttpResponseRedirect(
        reverse("pengukuran:validasi") + f"?instansi={instansi.pk}&periode={periode.pk}"
    )
