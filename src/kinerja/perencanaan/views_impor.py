"""Excel pages of the planning workspace: download a framework's plan or a PK as XLSX (the
template when empty), upload a filled file, see every row judged before anything is written,
and confirm to import it in one transaction."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.pengukuran import services_bukti
from kinerja.perencanaan import forms, xlsx
from kinerja.perencanaan.views import _kerangka
from kinerja.perencanaan.views_pk import _pk

GARAM = "kinerja.perencanaan.impor"
# A preview stays valid for two hours; after that the file must be uploaded again.
UMUR_PRATINJAU = 2 * 3600
PESAN_PRATINJAU_KEDALUWARSA = "Pratinjau sudah kedaluwarsa atau rusak. Unggah berkasnya lagi."
JENIS_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _berkas(isi: bytes, nama: str) -> HttpResponse:
    resp = HttpResponse(isi, content_type=JENIS_XLSX)
    resp["Content-Disposition"] = f'attachment; filename="{services_bukti.nama_aman(nama)}"'
    resp["X-Content-Type-Options"] = "nosniff"
    return resp


def unduh(request: HttpRequest, pk: int) -> HttpResponse:
    """The framework's elements, manual IKU, targets and budget as XLSX."""
    k = _kerangka(request, pk)
    singkat = k.instansi.singkatan or k.instansi.nama
    nama = f"Rencana kinerja {singkat} {k.tahun_mulai}-{k.tahun_selesai}.xlsx"
    return _berkas(xlsx.unduh_rencana(k), nama)


def unduh_pk(request: HttpRequest, pk: int) -> HttpResponse:
    """A PK's items, Rencana Aksi and budget lines as XLSX."""
    obj = _pk(request, pk)
    return _berkas(xlsx.unduh_pk(obj), f"PK {obj.tahun} {obj.jabatan.nama} v{obj.nomor_versi}.xlsx")


def _pratinjau(
    request: HttpRequest,
    *,
    baca: Any,
    sasaran: dict[str, Any],
    kunci: dict[str, Any],
    konteks: dict[str, Any],
) -> HttpResponse:
    form = forms.ImporForm(request.POST or None, request.FILES or None)
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
            hasil = baca(berkas, pengguna=request.user, **sasaran)
            status = 422 if hasil.ada_galat else 200
            if hasil.akan_disimpan:
                token = signing.dumps(
                    {
                        **kunci,
                        "u": request.user.pk,
                        "n": berkas.name or "rencana.xlsx",
                        "b": hasil.muatan(),
                    },
                    salt=GARAM,
                    compress=True,
                )
    elif request.method == "POST":
        status = 422
    return render(
        request,
        "perencanaan/impor.html",
        {
            **konteks,
            "form": form,
            "hasil": hasil,
            "jumlah": hasil.ringkasan() if hasil else {},
            "token": token,
        },
        status=status,
    )


def _muatan(request: HttpRequest, kunci: dict[str, Any]) -> Any:
    try:
        data = signing.loads(request.POST.get("token", ""), salt=GARAM, max_age=UMUR_PRATINJAU)
    except signing.BadSignature:
        return None
    if data.get("u") != request.user.pk or any(data.get(k) != v for k, v in kunci.items()):
        return None
    return data


def impor(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload a plan workbook into this framework and preview every row (nothing is written)."""
    k = _kerangka(request, pk)
    if not request.user.has_perm("kinerja.rencanakan", k):
        raise Http404
    return _pratinjau(
        request,
        baca=xlsx.baca_rencana,
        sasaran={"kerangka": k},
        kunci={"k": k.pk},
        konteks={
            "judul": _("Impor rencana kinerja dari Excel"),
            "subjek": f"{k.nama} {k.tahun_mulai}–{k.tahun_selesai} · {k.instansi.nama}",
            "url_unduh": reverse("perencanaan:unduh", args=[k.pk]),
            "url_impor": reverse("perencanaan:impor", args=[k.pk]),
            "url_konfirmasi": reverse("perencanaan:impor_konfirmasi", args=[k.pk]),
            "url_kembali": reverse("perencanaan:kerangka", args=[k.pk]),
        },
    )


@require_POST
def impor_konfirmasi(request: HttpRequest, pk: int) -> HttpResponse:
    """Import the previewed plan rows in one transaction, or nothing."""
    k = _kerangka(request, pk)
    kembali = reverse("perencanaan:impor", args=[k.pk])
    data = _muatan(request, {"k": k.pk})
    if data is None:
        messages.error(request, _(PESAN_PRATINJAU_KEDALUWARSA))
        return HttpResponseRedirect(kembali)
    try:
        n = xlsx.terapkan_rencana(data["b"], kerangka=k, pengguna=request.user)
    except xlsx.ImporGagal as exc:
        messages.error(request, " ".join(exc.messages))
        return HttpResponseRedirect(kembali)
    messages.success(request, _("%(n)s baris diimpor dari %(nama)s.") % {"n": n, "nama": data["n"]})
    return HttpResponseRedirect(reverse("perencanaan:kerangka", args=[k.pk]))


def impor_pk(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload a PK workbook into this PK and preview every row (nothing is written)."""
    obj = _pk(request, pk)
    if not request.user.has_perm("kinerja.rencanakan", obj):
        raise Http404
    return _pratinjau(
        request,
        baca=xlsx.baca_pk,
        sasaran={"pk": obj},
        kunci={"p": obj.pk},
        konteks={
            "judul": _("Impor Perjanjian Kinerja dan Rencana Aksi dari Excel"),
            "subjek": f"PK {obj.tahun} · {obj.jabatan.nama} · versi {obj.nomor_versi}",
            "url_unduh": reverse("perencanaan:unduh_pk", args=[obj.pk]),
            "url_impor": reverse("perencanaan:impor_pk", args=[obj.pk]),
            "url_konfirmasi": reverse("perencanaan:impor_pk_konfirmasi", args=[obj.pk]),
            "url_kembali": reverse("perencanaan:pk", args=[obj.pk]),
        },
    )


@require_POST
def impor_pk_konfirmasi(request: HttpRequest, pk: int) -> HttpResponse:
    """Import the previewed PK rows in one transaction, or nothing."""
    obj = _pk(request, pk)
    kembali = reverse("perencanaan:impor_pk", args=[obj.pk])
    data = _muatan(request, {"p": obj.pk})
    if data is None:
        messages.error(request, _(PESAN_PRATINJAU_KEDALUWARSA))
        return HttpResponseRedirect(kembali)
    try:
        n = xlsx.terapkan_pk(data["b"], pk=obj, pengguna=request.user)
    except xlsx.ImporGagal as exc:
        messages.error(request, " ".join(exc.messages))
        return HttpResponseRedirect(kembali)
    messages.success(request, _("%(n)s baris diimpor dari %(nama)s.") % {"n": n, "nama": data["n"]})
    return HttpResponseRedirect(reverse("perencanaan:pk", args=[obj.pk]))
