"""Excel round trip pages: download the period's format, upload it filled, see every row judged
before anything is written, confirm to import the valid rows in one transaction."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.pengukuran import excel, services_bukti
from kinerja.pengukuran.forms import ImporForm
from kinerja.pengukuran.views_isian import unit_periode

GARAM = "kinerja.pengukuran.impor"
# A preview stays valid for two hours; after that the file must be uploaded again.
UMUR_PRATINJAU = 2 * 3600
PESAN_PRATINJAU_KEDALUWARSA = "Pratinjau sudah kedaluwarsa atau rusak. Unggah berkasnya lagi."


def format_unduh(request: HttpRequest, instansi_id: int, periode_id: int) -> HttpResponse:
    """The pre-filled *Format Realisasi Rencana Aksi* of the unit and period as XLSX."""
    instansi, periode = unit_periode(request, instansi_id, periode_id)
    isi = excel.format_unduh(instansi=instansi, periode=periode, pengguna=request.user)
    nama = services_bukti.nama_aman(
        f"Format Realisasi RA {instansi.singkatan or instansi.nama} {periode.label}.xlsx"
    )
    resp = HttpResponse(
        isi, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    resp["Content-Disposition"] = f'attachment; filename="{nama}"'
    resp["X-Content-Type-Options"] = "nosniff"
    return resp


def impor(request: HttpRequest, instansi_id: int, periode_id: int) -> HttpResponse:
    """Upload a filled format and preview every row (nothing is written here)."""
    instansi, periode = unit_periode(request, instansi_id, periode_id)
    form = ImporForm(request.POST or None, request.FILES or None)
    hasil = None
    token = ""
    status = 200
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        if berkas.size > services_bukti.ukuran_maks():
            form.add_error(
                "berkas",
                _("Berkas terlalu besar; paling besar %(maks)s.")
                % {"maks": services_bukti.teks_ukuran(services_bukti.ukuran_maks())},
            )
            status = 422
        else:
            hasil = excel.format_baca(
                berkas, instansi=instansi, periode=periode, pengguna=request.user
            )
            status = 422 if hasil.galat_berkas else 200
            if hasil.berubah:
                token = signing.dumps(
                    {
                        "u": request.user.pk,
                        "i": instansi.pk,
                        "p": periode.pk,
                        "n": services_bukti.nama_aman(berkas.name or "format.xlsx"),
                        "b": hasil.muatan(),
                    },
                    salt=GARAM,
                    compress=True,
                )
    elif request.method == "POST":
        status = 422
    return render(
        request,
        "pengukuran/impor.html",
        {
            "instansi": instansi,
            "periode": periode,
            "form": form,
            "hasil": hasil,
            "jumlah": {k: hasil.jumlah(k) for k in ("berubah", "sama", "kosong", "galat")}
            if hasil
            else {},
            "token": token,
        },
        status=status,
    )


@require_POST
def impor_konfirmasi(request: HttpRequest, instansi_id: int, periode_id: int) -> Any:
    """Import the previewed rows in one transaction, or nothing."""
    instansi, periode = unit_periode(request, instansi_id, periode_id)
    kembali = reverse("pengukuran:impor", args=[instansi.pk, periode.pk])
    try:
        data = signing.loads(request.POST.get("token", ""), salt=GARAM, max_age=UMUR_PRATINJAU)
    except signing.BadSignature:
        messages.error(request, _(PESAN_PRATINJAU_KEDALUWARSA))
        return HttpResponseRedirect(kembali)
    if (data["u"], data["i"], data["p"]) != (request.user.pk, instansi.pk, periode.pk):
        messages.error(request, _(PESAN_PRATINJAU_KEDALUWARSA))
        return HttpResponseRedirect(kembali)
    try:
        n = excel.format_impor(
            data["b"], instansi=instansi, periode=periode, pengguna=request.user, nama=data["n"]
        )
    except excel.ImporGagal as exc:
        messages.error(request, " ".join(exc.messages))
        return HttpResponseRedirect(kembali)
    messages.success(request, _("%(n)s baris diimpor dari %(nama)s.") % {"n": n, "nama": data["n"]})
    return HttpResponseRedirect(reverse("pengukuran:isian", args=[instansi.pk, periode.pk]))
