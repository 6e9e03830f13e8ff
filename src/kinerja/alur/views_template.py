"""SOP template pages: list, detail, export, import, copy and the step editor."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.alur import berkas_sop, selectors, services
from kinerja.alur.forms import (
    LangkahFormSet,
    TemplateImporForm,
    TemplateKepalaForm,
    TemplateSalinForm,
)
from kinerja.alur.models import TemplateSOP
from kinerja.organisasi.models import JenisInstansi
from kinerja.organisasi.selectors import instansi_terlihat

UKURAN_MAKS_SOP = 1024 * 1024


def _template_atau_404(request: HttpRequest, pk: int) -> TemplateSOP:
    t = TemplateSOP.objects.filter(pk=pk).select_related("instansi").first()
    if t is None:
        raise Http404
    if not t.bawaan and not (
        request.user.is_superuser or request.user.has_perm("kinerja.lihat", t.instansi)
    ):
        raise Http404
    return t


def _pesan(exc: ValidationError | PermissionDenied) -> str:
    return " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)


def daftar(request: HttpRequest) -> HttpResponse:
    """Active templates the user can use, with their number of steps."""
    from django.db.models import Count

    qs = selectors.template_tersedia(request.user).annotate(jumlah_langkah=Count("langkah"))
    return render(request, "alur/template_daftar.html", {"templat": qs.order_by("-bawaan", "nama")})


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The SOP header and its procedure table."""
    t = _template_atau_404(request, pk)
    return render(
        request,
        "alur/template_detail.html",
        {
            "t": t,
            "langkah": t.langkah.all(),
            "label": t.label_pelaksana(),
            "versi_lain": TemplateSOP.objects.filter(kode=t.kode).exclude(pk=t.pk),
        },
    )


def ekspor(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    """Download the template as YAML or JSON (the documented format)."""
    t = _template_atau_404(request, pk)
    data = services.template_ke_data(t)
    if format == "json":
        isi = json.dumps(data, ensure_ascii=False, indent=2, default=str)
        resp = HttpResponse(isi, content_type="application/json; charset=utf-8")
    else:
        resp = HttpResponse(
            berkas_sop.ke_yaml(data), content_type="application/yaml; charset=utf-8"
        )
    resp["Content-Disposition"] = f'attachment; filename="{t.kode}-v{t.versi}.{format}"'
    return resp


def _instansi_kelola(request: HttpRequest) -> Any:
    return instansi_terlihat(request.user).filter(jenis=JenisInstansi.PERANGKAT_DAERAH)


def impor(request: HttpRequest) -> HttpResponse:
    """Upload a YAML/JSON SOP file: a new template, or a new version of an existing code."""
    form = TemplateImporForm(
        request.POST or None, request.FILES or None, instansi_qs=_instansi_kelola(request)
    )
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        try:
            if berkas.size > UKURAN_MAKS_SOP:
                raise ValidationError(_("Berkas SOP terlalu besar (maksimal 1 MB)."))
            # berkas_sop reads YAML so that a step key `no:` stays text (YAML 1.1 reads it as
            # False); JSON is valid YAML, so one reader serves both.
            data = berkas_sop.muat_teks(berkas.read().decode("utf-8"))
        except UnicodeDecodeError:
            form.add_error("berkas", _("Berkas harus teks UTF-8 (YAML atau JSON)."))
        except berkas_sop.BerkasSOPTidakSah as exc:
            form.add_error("berkas", str(exc))
        except ValidationError as exc:
            form.add_error("berkas", _pesan(exc))
        else:
            try:
                t = services.template_impor(
                    pengguna=request.user, data=data, instansi=form.cleaned_data["instansi"]
                )
            except (ValidationError, PermissionDenied) as exc:
                form.add_error(None, _pesan(exc))
            else:
                messages.success(
                    request, _("Templat SOP diimpor sebagai versi %(v)s.") % {"v": t.versi}
                )
                return HttpResponseRedirect(reverse("alur:template", args=[t.pk]))
    return render(request, "alur/template_impor.html", {"form": form})


def salin(request: HttpRequest, pk: int) -> HttpResponse:
    """Copy a template (e.g. a built-in seed) to an agency under a new code."""
    asal = _template_atau_404(request, pk)
    form = TemplateSalinForm(
        request.POST or None,
        instansi_qs=_instansi_kelola(request),
        initial={"kode": f"{asal.kode}-salinan"},
    )
    if request.method == "POST" and form.is_valid():
        data = services.template_ke_data(asal)
        data["kode"] = form.cleaned_data["kode"]
        if TemplateSOP.objects.filter(kode=data["kode"]).exists():
            form.add_error("kode", _("Kode ini sudah dipakai templat lain."))
        else:
            try:
                t = services.template_impor(
                    pengguna=request.user,
                    data=data,
                    instansi=form.cleaned_data["instansi"],
                    disalin_dari=asal,
                )
            except (ValidationError, PermissionDenied) as exc:
                form.add_error(None, _pesan(exc))
            else:
                messages.success(request, _("Templat disalin. Sekarang Anda dapat mengubahnya."))
                return HttpResponseRedirect(reverse("alur:template_ubah", args=[t.pk]))
    return render(request, "alur/template_salin.html", {"form": form, "asal": asal})


def _daftar(teks: str) -> list[str]:
    return [x.strip() for x in teks.split(";") if x.strip()]


def ubah(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit header and steps (add, remove, reorder); saving makes a new version."""
    t = _template_atau_404(request, pk)
    if t.bawaan:
        messages.info(
            request, _("Templat bawaan tidak diubah langsung: salin dahulu ke instansi Anda.")
        )
        return HttpResponseRedirect(reverse("alur:template_salin", args=[t.pk]))
    data = services.template_ke_data(t)
    awal_kepala = {
        "nama": t.nama,
        "nomor": t.nomor,
        "tanggal_revisi": t.tanggal_revisi,
        "tanggal_efektif": t.tanggal_efektif,
        "pelaksana": "\n".join(f"{p['kode']} | {p['label']}" for p in t.pelaksana),
    }
    awal_langkah = [
        {
            "no": lk["no"],
            "uraian": lk["uraian"],
            "pelaksana": "; ".join(lk["pelaksana"]),
            "kelengkapan": "; ".join(lk["kelengkapan"]),
            "waktu_jumlah": (lk["waktu"] or {}).get("jumlah"),
            "waktu_satuan": (lk["waktu"] or {}).get("satuan", "teks"),
            "waktu_teks": (lk["waktu"] or {}).get("teks", ""),
            "output": "; ".join(lk["output"]),
            "jenis": lk["jenis"],
            "kembali_ke": lk["kembali_ke"],
            "aksi_sistem": lk["aksi_sistem"] or "",
            "ORDER": i + 1,
        }
        for i, lk in enumerate(data["langkah"])
    ]
    kepala = TemplateKepalaForm(request.POST or None, initial=awal_kepala)
    formset = LangkahFormSet(request.POST or None, initial=awal_langkah, prefix="langkah")
    if request.method == "POST" and kepala.is_valid() and formset.is_valid():
        langkah = []
        for f in formset.ordered_forms:
            if f.cleaned_data.get("DELETE") or not f.has_changed() and not f.initial:
                continue
            d = f.cleaned_data
            if d["waktu_satuan"] == "teks":
                waktu: dict[str, Any] | None = (
                    {"teks": d["waktu_teks"]} if d["waktu_teks"] else None
                )
            elif d["waktu_jumlah"] is not None:
                j: Decimal = d["waktu_jumlah"]
                waktu = {
                    "jumlah": int(j) if j == j.to_integral_value() else float(j),
                    "satuan": d["waktu_satuan"],
                }
            else:
                waktu = None
            langkah.append(
                {
                    "no": d["no"],
                    "uraian": d["uraian"],
                    "pelaksana": _daftar(d["pelaksana"]),
                    "kelengkapan": _daftar(d["kelengkapan"]),
                    "waktu": waktu,
                    "output": _daftar(d["output"]),
                    "jenis": d["jenis"],
                    "kembali_ke": d["kembali_ke"],
                    "aksi_sistem": d["aksi_sistem"] or None,
                    "keterangan": None,
                }
            )
        k = kepala.cleaned_data
        pelaksana = []
        for baris in k["pelaksana"].splitlines():
            if "|" in baris:
                kode, label = (x.strip() for x in baris.split("|", 1))
                pelaksana.append({"kode": kode, "label": label})
        data.update(
            nama=k["nama"],
            nomor=k["nomor"],
            tanggal_revisi=k["tanggal_revisi"],
            tanggal_efektif=k["tanggal_efektif"],
            pelaksana=pelaksana,
            langkah=langkah,
        )
        try:
            baru = services.template_impor(
                pengguna=request.user, data=data, instansi=t.instansi, disalin_dari=t.disalin_dari
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _pesan(exc))
        else:
            messages.success(request, _("Disimpan sebagai versi %(v)s.") % {"v": baru.versi})
            return HttpResponseRedirect(reverse("alur:template", args=[baru.pk]))
    return render(
        request, "alur/template_ubah.html", {"t": t, "kepala": kepala, "formset": formset}
    )


def cetak_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The SOP printed in the PermenPAN-RB 35/2012 layout, as PDF."""
    from kinerja.dokumen.sop_pdf import render_sop_pdf

    t = _template_atau_404(request, pk)
    kertas = request.GET.get("kertas") if request.GET.get("kertas") in ("a4", "f4") else None
    pdf = render_sop_pdf(services.template_ke_data(t), kertas=kertas)
    resp = HttpResponse(pdf, content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="SOP-{t.kode}-v{t.versi}.pdf"'
    return resp
