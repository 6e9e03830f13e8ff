"""Planning pages of a framework: the list of plans, the structure (elements and indicators),
the pohon kinerja diagram, the manual IKU editor and review, targets with their versions,
budget lines with their withdrawal plan, crosscutting links and copying a year.

Views stay thin: reads from `selectors`, writes through `services`, whose refusals go back on
the form fields (422) or as a stale-edit notice (409). A page is readable by whoever may read
the framework (`selectors.dapat_melihat_kerangka`); edit controls show only to planners.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.inti.audit import EditanKedaluwarsa
from kinerja.organisasi.models import Instansi
from kinerja.organisasi.selectors import perangkat_daerah_pengguna
from kinerja.pengukuran import hasil
from kinerja.pengukuran.models import Periode
from kinerja.pengukuran.selectors import periode_terakhir
from kinerja.perencanaan import forms, selectors, services, validasi
from kinerja.perencanaan.models import (
    Anggaran,
    Elemen,
    Indikator,
    JenisKerangka,
    KerangkaKinerja,
    Polaritas,
    TautanCrosscutting,
)

PESAN_TERSIMPAN = "Tersimpan."
PESAN_TIDAK_BERUBAH = "Tidak ada yang berubah."


# -- helpers shared by the planning views ---------------------------------------------------


def versi_dari(teks: Any) -> int | None:
    """A version number from a form, or None when absent or malformed."""
    try:
        v = int(teks)
    except (TypeError, ValueError):
        return None
    return v if v >= 0 else None


def galat_ke_form(form: Any, exc: ValidationError) -> None:
    """Put a service's refusal on the form: per field where it names one the form has."""
    if hasattr(exc, "error_dict"):
        for kolom, daftar in exc.error_dict.items():
            tempat = kolom if kolom in form.fields else None
            for e in daftar:
                form.add_error(tempat, e.message % e.params if e.params else e.message)
    else:
        for pesan in exc.messages:
            form.add_error(None, pesan)


def pesan_galat(exc: ValidationError | PermissionDenied) -> str:
    """The user-facing text of a refusal."""
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc) or _("Anda tidak berhak melakukan ini.")


def tampilkan_peringatan(request: HttpRequest, peringatan: list[validasi.Temuan]) -> None:
    """Show a save's warnings as messages (it was saved anyway)."""
    for t in peringatan:
        messages.warning(request, t.pesan)


def simpan_dengan_form(request: HttpRequest, form: Any, fn: Any, **kw: Any) -> tuple[Any, int]:
    """Call a service for a valid form; on refusal put the errors on the form.

    Returns (result or None, HTTP status for the re-rendered page).
    """
    try:
        return fn(pengguna=request.user, **kw), 200
    except EditanKedaluwarsa as exc:
        form.add_error(None, pesan_galat(exc))
        return None, 409
    except ValidationError as exc:
        galat_ke_form(form, exc)
        return None, 422


def _kerangka(request: HttpRequest, pk: int) -> KerangkaKinerja:
    k = get_object_or_404(KerangkaKinerja.objects.select_related("instansi"), pk=pk)
    if not selectors.dapat_melihat_kerangka(request.user, k):
        raise Http404
    return k


def _tahun_dipilih(request: HttpRequest, k: KerangkaKinerja) -> int:
    tahun = versi_dari(request.GET.get("tahun"))
    if tahun is None or not k.tahun_mulai <= tahun <= k.tahun_selesai:
        hari_ini = dt.date.today().year
        tahun = min(max(hari_ini, k.tahun_mulai), k.tahun_selesai)
    return tahun


def konteks_kerangka(request: HttpRequest, k: KerangkaKinerja, tab: str) -> dict[str, Any]:
    """What every framework page's header and tabs need."""
    return {
        "kerangka": k,
        "tab": tab,
        "boleh_rencana": request.user.has_perm("kinerja.rencanakan", k),
        "daftar_tahun": list(range(k.tahun_mulai, k.tahun_selesai + 1)),
    }


# -- the list of plans and the framework itself ---------------------------------------------


def beranda(request: HttpRequest) -> HttpResponse:
    """Every framework the user may read, and the agencies where they may start one."""
    daftar = list(
        selectors.kerangka_terlihat(request.user).order_by("instansi__jalur", "-tahun_mulai")
    )
    agensi = [
        a
        for a in perangkat_daerah_pengguna(request.user)
        if request.user.has_perm("kinerja.rencanakan", a)
    ]
    per_pemda: dict[Any, list[KerangkaKinerja]] = defaultdict(list)
    for k in daftar:
        pemda = k.instansi if k.instansi.induk_id is None else k.instansi.induk
        per_pemda[pemda].append(k)
    return render(
        request,
        "perencanaan/beranda.html",
        {"per_pemda": dict(per_pemda), "agensi": agensi, "tahun": dt.date.today().year},
    )


def kerangka_baru(request: HttpRequest, instansi_id: int) -> HttpResponse:
    """Start the framework of an agency: its shape (standard or UKPBJ) and plan period."""
    instansi = get_object_or_404(Instansi, pk=instansi_id)
    if not request.user.has_perm("kinerja.rencanakan", instansi):
        raise Http404
    tahun = dt.date.today().year
    form = forms.KerangkaForm(
        request.POST or None,
        initial={
            "nama": f"Renstra {instansi.singkatan or instansi.nama}",
            "tahun_mulai": tahun,
            "tahun_selesai": tahun + 4,
        },
    )
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            d = form.cleaned_data
            k, status = simpan_dengan_form(
                request,
                form,
                services.kerangka_buat,
                instansi=instansi,
                nama=d["nama"],
                jenis=d["jenis"],
                tahun_mulai=d["tahun_mulai"],
                tahun_selesai=d["tahun_selesai"],
            )
            if k is not None:
                messages.success(request, _("Kerangka kinerja dibuat."))
                return HttpResponseRedirect(reverse("perencanaan:kerangka", args=[k.pk]))
    return render(
        request,
        "perencanaan/kerangka_form.html",
        {"form": form, "instansi": instansi},
        status=status,
    )


def kerangka_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    """Rename a framework or move its plan period."""
    k = _kerangka(request, pk)
    if not request.user.has_perm("kinerja.rencanakan", k):
        raise Http404
    form = forms.KerangkaForm(
        request.POST or None,
        initial={
            "nama": k.nama,
            "jenis": k.jenis,
            "tahun_mulai": k.tahun_mulai,
            "tahun_selesai": k.tahun_selesai,
            "versi": k.versi,
        },
    )
    form.fields["jenis"].disabled = True
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            d = form.cleaned_data
            hasil_, status = simpan_dengan_form(
                request,
                form,
                services.kerangka_ubah,
                kerangka=k,
                nama=d["nama"],
                tahun_mulai=d["tahun_mulai"],
                tahun_selesai=d["tahun_selesai"],
                versi=d.get("versi"),
            )
            if hasil_ is not None:
                messages.success(request, _(PESAN_TERSIMPAN))
                return HttpResponseRedirect(reverse("perencanaan:kerangka", args=[k.pk]))
    return render(
        request,
        "perencanaan/kerangka_form.html",
        {"form": form, "instansi": k.instansi, "kerangka": k},
        status=status,
    )


def kerangka(request: HttpRequest, pk: int) -> HttpResponse:
    """The structure of a framework as a table: each element with its unit, its indicators
    with the year's target in force and the year's pagu."""
    k = _kerangka(request, pk)
    tahun = _tahun_dipilih(request, k)
    akar = selectors.pohon_kerangka(k)
    target = selectors.target_kerangka(k)
    anggaran = selectors.anggaran_kerangka(k, tahun)
    baris = []
    akhir_tahun = dt.date(tahun, 12, 31)
    for s in (x for a in akar for x in a.urut()):
        indikator = []
        for ind in s.indikator:
            versi = target.get(ind.pk, {}).get(tahun, [])
            berlaku = [t for t in versi if t.berlaku_mulai <= akhir_tahun]
            t = berlaku[-1] if berlaku else (versi[0] if versi else None)
            indikator.append(
                {
                    "ind": ind,
                    "target": services.teks_target(ind, services.target_dari_versi(t)) or "–",
                    "versi": t,
                }
            )
        baris.append(
            {
                "s": s,
                "indikator": indikator,
                "indikator_atau_kosong": indikator or [None],
                "rowspan": max(1, len(indikator)),
                "anggaran": anggaran.get(s.elemen.pk),
            }
        )
    level = list(k.level.all())
    return render(
        request,
        "perencanaan/kerangka.html",
        {
            **konteks_kerangka(request, k, "struktur"),
            "tahun": tahun,
            "baris": baris,
            "level_akar": level[0] if level else None,
            "form_salin": forms.SalinTahunForm(
                initial={"dari_tahun": tahun, "ke_tahun": tahun + 1}
            ),
        },
    )


def _predikat_css(p: Any) -> str:
    from django.utils.text import slugify

    return slugify(p.label) if p is not None else "tidak-dihitung"


def data_pohon(
    k: KerangkaKinerja,
    akar: list[selectors.Simpul],
    per_elemen: dict[int, Any],
    per_indikator: dict[int, Any],
    skp_per_indikator: dict[int, list[Any]] | None = None,
) -> dict[str, Any]:
    """The ECharts tree: the agency at the root, each element with its indicators and the
    predikat class of its own indicators' roll-up (from `pengukuran.hasil`).

    With `skp_per_indikator` (the visible results per indicator, from
    `kinerja.skp.selectors_pohon.rhk_per_indikator`), each element also gets, after its
    sub-elements, a node `jenis: "skp"` per result supporting one of its indicators, with the
    results supporting it below and a link to the SKP."""
    skp_per_indikator = skp_per_indikator or {}

    def simpul_skp(r: Any, indikator: str) -> dict[str, Any]:
        """An employee's result (a `SimpulCascade`) and its supporters as tree data."""
        return {
            "name": r.judul[:90],
            "jenis": "skp",
            "level": _("SKP"),
            "pemilik": r.pemilik,
            "jabatan": getattr(r, "jabatan", ""),
            "keterangan": r.keterangan,
            "mendukung": indikator,
            "url": reverse("skp:detail", args=[r.skp_id]) if r.skp_id else "",
            "indikator": [],
            "predikat": "",
            "children": [simpul_skp(a, "") for a in r.anak],
        }

    def simpul(s: selectors.Simpul) -> dict[str, Any]:
        kel = per_elemen.get(s.elemen.pk)
        e = s.elemen
        return {
            "name": f"{e.kode} {e.nama}".strip(),
            "level": e.level.nama,
            "unit": (e.unit.singkatan or e.unit.nama) if e.unit else "",
            "pemilik": (e.instansi_pemilik.singkatan or e.instansi_pemilik.nama)
            if e.instansi_pemilik
            else "",
            "rup": e.kode_rup,
            "predikat": _predikat_css(kel.predikat) if kel else "",
            "predikat_label": kel.predikat.label if kel and kel.predikat else "",
            "capaian": _angka_hasil(kel.rollup) if kel else "",
            "indikator": [
                {
                    "nama": ind.nama,
                    "target": per_indikator[ind.pk].target_tahun_teks
                    if ind.pk in per_indikator
                    else "",
                    "capaian": _angka_hasil(per_indikator[ind.pk].capaian_periode)
                    if ind.pk in per_indikator
                    else "",
                    "predikat": _predikat_css(per_indikator[ind.pk].predikat)
                    if ind.pk in per_indikator
                    else "",
                }
                for ind in s.indikator
            ],
            "children": [simpul(a) for a in s.anak]
            + [
                simpul_skp(r, ind.nama)
                for ind in s.indikator
                for r in skp_per_indikator.get(ind.pk, [])
            ],
        }

    return {
        "name": k.instansi.singkatan or k.instansi.nama,
        "level": _("Pohon kinerja %(mulai)s–%(selesai)s")
        % {"mulai": k.tahun_mulai, "selesai": k.tahun_selesai},
        "indikator": [],
        "predikat": "",
        "children": [simpul(s) for s in akar],
    }


def _angka_hasil(h: Any) -> str:
    from kinerja.inti.angka import format_angka

    if h is None or getattr(h, "nilai", None) is None:
        return ""
    return format_angka(h.nilai, 2)


def pohon(request: HttpRequest, pk: int) -> HttpResponse:
    """The pohon kinerja: an expandable ECharts tree coloured by each element's predikat for the
    chosen period, and the same tree as a nested list (accessible, printable).

    `?skp=1` adds the employees' results supporting each indicator (the year of the period, or
    `?tahun=`), for users who may see SKP of the agency and only the SKP they may see."""
    k = _kerangka(request, pk)
    pemda = Instansi.objects.get(pk=k.instansi.id_leluhur[0])
    daftar_periode = list(
        Periode.objects.filter(
            pemda=pemda, tahun__gte=k.tahun_mulai, tahun__lte=k.tahun_selesai
        ).order_by("-tahun", "jenis_periode", "-nomor")
    )
    periode = None
    pilih = request.GET.get("periode")
    if pilih == "0":
        periode = None
    elif pilih:
        periode = next((p for p in daftar_periode if str(p.pk) == pilih), None)
        if periode is None:
            raise Http404
    else:
        terakhir = periode_terakhir(pemda)
        periode = terakhir if terakhir in daftar_periode else None
    per_elemen: dict[int, Any] = {}
    per_indikator: dict[int, Any] = {}
    if periode is not None:
        tabel = hasil.tabel_capaian(instansi=k.instansi, periode=periode)
        for kel in tabel.kelompok:
            per_elemen[kel.elemen.pk] = kel
            for b in kel.baris:
                per_indikator[b.indikator.pk] = b
    akar = selectors.pohon_kerangka(k)
    # The SKP layer (issue 9, docs/decisions/0005): offered only to those who may see an SKP of
    # the agency, off by default; imported here because skp depends on perencanaan, not the
    # other way round.
    from kinerja.skp import selectors_pohon

    boleh_skp = selectors_pohon.skp_di_pohon_boleh(request.user, k.instansi)
    tampil_skp = boleh_skp and request.GET.get("skp") == "1"
    tahun_skp = (
        periode.tahun
        if periode is not None and "tahun" not in request.GET
        else _tahun_dipilih(request, k)
    )
    skp_per_indikator = (
        selectors_pohon.rhk_per_indikator(request.user, k.instansi, tahun_skp) if tampil_skp else {}
    )
    return render(
        request,
        "perencanaan/pohon.html",
        {
            **konteks_kerangka(request, k, "pohon"),
            "akar": akar,
            "periode": periode,
            "daftar_periode": daftar_periode,
            "per_elemen": per_elemen,
            "per_indikator": per_indikator,
            "boleh_skp": boleh_skp,
            "tampil_skp": tampil_skp,
            "tahun_skp": tahun_skp,
            "skp_per_indikator": skp_per_indikator,
            "data_pohon": data_pohon(k, akar, per_elemen, per_indikator, skp_per_indikator),
            "predikat_legenda": [
                ("sangat-tinggi", _("Sangat Tinggi")),
                ("tinggi", _("Tinggi")),
                ("sedang", _("Sedang")),
                ("rendah", _("Rendah")),
                ("sangat-rendah", _("Sangat Rendah")),
                ("tidak-dihitung", _("Belum diukur")),
            ],
        },
    )


# -- elements and crosscutting --------------------------------------------------------------


def _data_elemen(d: dict[str, Any]) -> dict[str, Any]:
    data = {k: d.get(k) for k in services.ISIAN_ELEMEN if k in d}
    data["kode_rup"] = d.get("kode_rup") or ""
    data["metode_pengadaan"] = d.get("metode_pengadaan") or ""
    data["instansi_pemilik"] = d.get("instansi_pemilik")
    if d.get("pagu") is not None:
        data["pagu"] = d["pagu"]
        data["tahun_anggaran"] = d.get("tahun_anggaran")
    return data


def elemen_form(request: HttpRequest, kerangka_pk: int, pk: int | None = None) -> HttpResponse:
    """Add an element (under `?induk=`) or edit one."""
    k = _kerangka(request, kerangka_pk)
    elemen = None
    if pk is not None:
        elemen = get_object_or_404(Elemen.objects.select_related("level"), pk=pk, kerangka=k)
    if not request.user.has_perm("kinerja.rencanakan", elemen or k):
        raise Http404
    level = list(k.level.all())
    initial: dict[str, Any] = {}
    if elemen is not None:
        initial = {f: getattr(elemen, f) for f in services.ISIAN_ELEMEN}
        initial["versi"] = elemen.versi
        a = elemen.anggaran.order_by("-tahun").first() if k.jenis == JenisKerangka.UKPBJ else None
        if a is not None:
            initial["pagu"], initial["tahun_anggaran"] = a.pagu, a.tahun
    else:
        induk = None
        if request.GET.get("induk"):
            induk = get_object_or_404(Elemen, pk=versi_dari(request.GET["induk"]) or 0, kerangka=k)
        berikut = [lv for lv in level if induk is None or lv.urutan > induk.level.urutan][:1]
        initial = {
            "induk": induk,
            "level": berikut[0] if berikut else None,
            "kode": (induk.kode + ".") if induk and induk.kode[:1].isdigit() else "",
            "unit": induk.unit if induk else None,
            "tahun_anggaran": dt.date.today().year,
        }
    form = forms.ElemenForm(request.POST or None, initial=initial, kerangka=k)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            d = form.cleaned_data
            h, status = simpan_dengan_form(
                request,
                form,
                services.elemen_simpan,
                kerangka=k,
                data=_data_elemen(d),
                elemen=elemen,
                versi=d.get("versi"),
            )
            if h is not None:
                messages.success(
                    request, _(PESAN_TERSIMPAN) if h.berubah else _(PESAN_TIDAK_BERUBAH)
                )
                tampilkan_peringatan(request, h.peringatan)
                return HttpResponseRedirect(
                    reverse("perencanaan:kerangka", args=[k.pk]) + f"#elemen-{h.objek.pk}"
                )
    return render(
        request,
        "perencanaan/elemen_form.html",
        {**konteks_kerangka(request, k, "struktur"), "form": form, "elemen": elemen},
        status=status,
    )


@require_POST
def elemen_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete an element with nothing under it."""
    e = get_object_or_404(Elemen, pk=pk)
    k = _kerangka(request, e.kerangka_id)
    try:
        services.elemen_hapus(
            pengguna=request.user, elemen=e, versi=versi_dari(request.POST.get("versi"))
        )
        messages.success(request, _("Elemen %(e)s dihapus.") % {"e": e})
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, pesan_galat(exc))
    return HttpResponseRedirect(reverse("perencanaan:kerangka", args=[k.pk]))


def tautan(request: HttpRequest, pk: int) -> HttpResponse:
    """Crosscutting links of an element: what it supports and what supports it; add one."""
    e = get_object_or_404(Elemen.objects.select_related("level", "kerangka__instansi"), pk=pk)
    k = _kerangka(request, e.kerangka_id)
    boleh = request.user.has_perm("kinerja.rencanakan", e)
    pemda = k.instansi.id_leluhur[0]
    pilihan = (
        Elemen.objects.filter(kerangka__instansi__jalur__startswith=f"/{pemda}/")
        .exclude(kerangka__instansi=k.instansi)
        .select_related("level", "kerangka__instansi")
        .order_by("kerangka__instansi__jalur", "level__urutan", "kode")
    )
    form = forms.TautanForm(request.POST or None, pilihan=pilihan)
    status = 200
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied(_(services.PESAN_TIDAK_BERHAK))
        status = 422
        if form.is_valid():
            t, status = simpan_dengan_form(
                request,
                form,
                services.tautan_tambah,
                dari=e,
                ke=form.cleaned_data["ke"],
                keterangan=form.cleaned_data["keterangan"],
            )
            if t is not None:
                messages.success(request, _("Tautan crosscutting ditambahkan."))
                return HttpResponseRedirect(reverse("perencanaan:tautan", args=[e.pk]))
    q = TautanCrosscutting.objects.select_related(
        "dari__kerangka__instansi", "ke__kerangka__instansi", "dari__level", "ke__level"
    )
    return render(
        request,
        "perencanaan/tautan.html",
        {
            **konteks_kerangka(request, k, "struktur"),
            "elemen": e,
            "mendukung": q.filter(dari=e),
            "didukung": q.filter(ke=e),
            "form": form,
            "boleh": boleh,
        },
        status=status,
    )


@require_POST
def tautan_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove a crosscutting link."""
    t = get_object_or_404(TautanCrosscutting.objects.select_related("dari__kerangka"), pk=pk)
    _kerangka(request, t.dari.kerangka_id)
    try:
        services.tautan_hapus(pengguna=request.user, tautan=t)
        messages.success(request, _("Tautan dihapus."))
    except PermissionDenied as exc:
        messages.error(request, pesan_galat(exc))
    return HttpResponseRedirect(reverse("perencanaan:tautan", args=[t.dari_id]))


# -- indicators (manual IKU) and targets ----------------------------------------------------


def indikator_form(request: HttpRequest, elemen_pk: int, pk: int | None = None) -> HttpResponse:
    """The manual IKU editor: every attribute, with the reviewer's checks on save."""
    e = get_object_or_404(
        Elemen.objects.select_related("level", "kerangka__instansi"), pk=elemen_pk
    )
    k = _kerangka(request, e.kerangka_id)
    ind = None
    if pk is not None:
        ind = get_object_or_404(Indikator, pk=pk, elemen=e)
    if not request.user.has_perm("kinerja.rencanakan", ind or e):
        raise Http404
    awal = {"versi": ind.versi} if ind else {"unit_penanggung_jawab": e.unit}
    form = forms.IndikatorForm(request.POST or None, instance=ind, initial=awal, kerangka=k)
    status = 200
    temuan = validasi.periksa_indikator(ind, tahun_mulai=k.tahun_mulai) if ind is not None else []
    if request.method == "POST":
        status = 422
        if form.is_valid():
            d = {f: form.cleaned_data.get(f) for f in services.ISIAN_INDIKATOR}
            d["urutan"] = d.get("urutan") or 0
            h, status = simpan_dengan_form(
                request,
                form,
                services.indikator_simpan,
                elemen=e,
                data=d,
                indikator=ind,
                versi=form.cleaned_data.get("versi"),
            )
            if h is not None:
                messages.success(
                    request, _(PESAN_TERSIMPAN) if h.berubah else _(PESAN_TIDAK_BERUBAH)
                )
                tampilkan_peringatan(request, h.peringatan)
                if ind is None:
                    return HttpResponseRedirect(reverse("perencanaan:target", args=[h.objek.pk]))
                return HttpResponseRedirect(
                    reverse("perencanaan:kerangka", args=[k.pk]) + f"#elemen-{e.pk}"
                )
    return render(
        request,
        "perencanaan/indikator_form.html",
        {
            **konteks_kerangka(request, k, "struktur"),
            "form": form,
            "elemen": e,
            "ind": ind,
            "temuan": temuan,
        },
        status=status,
    )


@require_POST
def indikator_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete an indicator that is in no PK and was never measured."""
    ind = get_object_or_404(Indikator.objects.select_related("elemen"), pk=pk)
    k = _kerangka(request, ind.elemen.kerangka_id)
    try:
        services.indikator_hapus(
            pengguna=request.user, indikator=ind, versi=versi_dari(request.POST.get("versi"))
        )
        messages.success(request, _("Indikator dihapus."))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, pesan_galat(exc))
    return HttpResponseRedirect(reverse("perencanaan:kerangka", args=[k.pk]))


def manual_iku(request: HttpRequest, pk: int) -> HttpResponse:
    """Review of every indicator's manual IKU and targets: what a reviewer would question."""
    k = _kerangka(request, pk)
    akar = selectors.pohon_kerangka(k)
    target = selectors.target_kerangka(k)
    level_skala: dict[int, list[str]] = {}
    from kinerja.perencanaan.models import LevelOrdinal

    for lv in LevelOrdinal.objects.filter(skala__indikator__elemen__kerangka=k).distinct():
        level_skala.setdefault(lv.skala_id, []).append(lv.kode)
    baris = []
    jumlah = {validasi.GALAT: 0, validasi.PERINGATAN: 0}
    for s in (x for a in akar for x in a.urut()):
        for ind in s.indikator:
            temuan = validasi.periksa_indikator(ind, tahun_mulai=k.tahun_mulai)
            for tahun, versi in sorted(target.get(ind.pk, {}).items()):
                for t in versi:
                    for x in validasi.periksa_target(
                        ind,
                        services.target_dari_versi(t),
                        tahun=tahun,
                        tahun_mulai=k.tahun_mulai,
                        tahun_selesai=k.tahun_selesai,
                        level_skala=level_skala.get(ind.skala_id or 0, ()),
                    ):
                        temuan.append(
                            validasi.Temuan(
                                x.kode,
                                x.tingkat,
                                f"{_('Target')} {tahun} v{t.nomor_versi}: {x.pesan}",
                            )
                        )
            for t in temuan:
                jumlah[t.tingkat] += 1
            baris.append({"elemen": s.elemen, "ind": ind, "temuan": temuan})
    hanya = request.GET.get("hanya") == "temuan"
    return render(
        request,
        "perencanaan/manual_iku.html",
        {
            **konteks_kerangka(request, k, "manual"),
            "baris": [b for b in baris if b["temuan"]] if hanya else baris,
            "hanya": hanya,
            "jumlah": jumlah,
            "jumlah_indikator": len(baris),
            "jumlah_bertemuan": sum(1 for b in baris if b["temuan"]),
        },
    )


def target(request: HttpRequest, pk: int) -> HttpResponse:
    """An indicator's targets per year of the plan with every version; set or change one."""
    ind = get_object_or_404(
        Indikator.objects.select_related("elemen__level", "elemen__kerangka__instansi", "skala"),
        pk=pk,
    )
    k = _kerangka(request, ind.elemen.kerangka_id)
    boleh = request.user.has_perm("kinerja.rencanakan", ind)
    versi = list(ind.target.order_by("tahun", "nomor_versi"))
    per_tahun: dict[int, list[Any]] = defaultdict(list)
    for t in versi:
        per_tahun[t.tahun].append(t)
    tahun_form = versi_dari(request.POST.get("tahun") or request.GET.get("tahun"))
    if tahun_form is None or not k.tahun_mulai <= tahun_form <= k.tahun_selesai:
        tahun_form = _tahun_dipilih(request, k)
    terakhir = per_tahun.get(tahun_form, [None])[-1]
    nt = services.target_dari_versi(terakhir)
    form = forms.TargetForm(
        request.POST or None,
        initial={
            "tahun": tahun_form,
            "nilai": "" if ind.polaritas == Polaritas.RENTANG else services.teks_target(ind, nt),
            "nilai_min": services.teks_angka(nt.nilai_min),
            "nilai_max": services.teks_angka(nt.nilai_max),
            "versi_terakhir": terakhir.nomor_versi if terakhir else 0,
            "berlaku_mulai": dt.date.today() if dt.date.today().year == tahun_form else None,
        },
    )
    status = 200
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied(_(services.PESAN_TIDAK_BERHAK))
        status = 422
        if form.is_valid():
            d = form.cleaned_data
            try:
                nilai = services.baca_target(ind, d["nilai"], d["nilai_min"], d["nilai_max"])
            except ValidationError as exc:
                galat_ke_form(form, exc)
            else:
                h, status = simpan_dengan_form(
                    request,
                    form,
                    services.target_simpan,
                    indikator=ind,
                    tahun=d["tahun"],
                    nilai=nilai,
                    berlaku_mulai=d.get("berlaku_mulai"),
                    alasan=d.get("alasan") or "",
                    versi_terakhir=d.get("versi_terakhir"),
                )
                if h is not None:
                    messages.success(
                        request, _(PESAN_TERSIMPAN) if h.berubah else _(PESAN_TIDAK_BERUBAH)
                    )
                    tampilkan_peringatan(request, h.peringatan)
                    return HttpResponseRedirect(
                        reverse("perencanaan:target", args=[ind.pk]) + f"?tahun={d['tahun']}"
                    )
    tabel = []
    for tahun in range(k.tahun_mulai, k.tahun_selesai + 1):
        tabel.append(
            {
                "tahun": tahun,
                "versi": [
                    {"t": t, "teks": services.teks_target(ind, services.target_dari_versi(t))}
                    for t in per_tahun.get(tahun, [])
                ],
            }
        )
    return render(
        request,
        "perencanaan/target.html",
        {
            **konteks_kerangka(request, k, "target"),
            "ind": ind,
            "tabel": tabel,
            "form": form,
            "boleh": boleh,
            "tahun_form": tahun_form,
            "ada_target": terakhir is not None,
            "rentang": ind.polaritas == Polaritas.RENTANG,
            "level_skala": [lv.kode for lv in ind.skala.level.all()] if ind.skala else [],
        },
        status=status,
    )


def target_kerangka(request: HttpRequest, pk: int) -> HttpResponse:
    """Targets of every indicator over the plan period: the version in force at each year's
    end, marked when a perubahan exists."""
    k = _kerangka(request, pk)
    akar = selectors.pohon_kerangka(k)
    target = selectors.target_kerangka(k)
    tahun = list(range(k.tahun_mulai, k.tahun_selesai + 1))
    baris = []
    for s in (x for a in akar for x in a.urut()):
        for ind in s.indikator:
            sel = []
            for th in tahun:
                versi = target.get(ind.pk, {}).get(th, [])
                t = versi[-1] if versi else None
                sel.append(
                    {
                        "tahun": th,
                        "teks": services.teks_target(ind, services.target_dari_versi(t)),
                        "perubahan": len(versi) > 1,
                        "murni": services.teks_target(ind, services.target_dari_versi(versi[0]))
                        if len(versi) > 1
                        else "",
                    }
                )
            baris.append({"elemen": s.elemen, "ind": ind, "sel": sel})
    return render(
        request,
        "perencanaan/target_kerangka.html",
        {**konteks_kerangka(request, k, "target"), "baris": baris, "kolom_tahun": tahun},
    )


# -- budget ---------------------------------------------------------------------------------


def anggaran(request: HttpRequest, pk: int, tahun: int) -> HttpResponse:
    """The DPA lines of a year (program, kegiatan, sub kegiatan or paket) with the quarterly
    withdrawal plan and its warnings."""
    k = _kerangka(request, pk)
    if not k.tahun_mulai <= tahun <= k.tahun_selesai:
        raise Http404
    akar = selectors.pohon_kerangka(k)
    per_elemen = selectors.anggaran_kerangka(k, tahun)
    baris = []
    total = Decimal(0)
    for s in (x for a in akar for x in a.urut()):
        if not s.elemen.level.punya_anggaran:
            continue
        a = per_elemen.get(s.elemen.pk)
        anak = [per_elemen[x.elemen.pk].pagu for x in s.anak if x.elemen.pk in per_elemen]
        tarik = {p.triwulan: p.nilai for p in a.penarikan.all()} if a else {}
        if a is not None and s.elemen.induk_id not in per_elemen:
            total += a.pagu
        baris.append(
            {
                "s": s,
                "a": a,
                "tarik": [tarik.get(tw) for tw in range(1, 5)],
                "temuan": services.periksa_anggaran(a, anak) if a else [],
            }
        )
    return render(
        request,
        "perencanaan/anggaran.html",
        {
            **konteks_kerangka(request, k, "anggaran"),
            "tahun": tahun,
            "baris": baris,
            "total": total,
        },
    )


def anggaran_ubah(request: HttpRequest, pk: int, tahun: int, elemen_pk: int) -> HttpResponse:
    """Set a line's pagu and withdrawal plan for the year."""
    k = _kerangka(request, pk)
    e = get_object_or_404(Elemen.objects.select_related("level"), pk=elemen_pk, kerangka=k)
    if not request.user.has_perm("kinerja.rencanakan", e):
        raise Http404
    a = Anggaran.objects.filter(elemen=e, tahun=tahun).prefetch_related("penarikan").first()
    awal: dict[str, Any] = {"sumber": "DPA", "versi": 0}
    if a is not None:
        tarik = {p.triwulan: p.nilai for p in a.penarikan.all()}
        awal = {
            "pagu": a.pagu,
            "sumber": a.sumber,
            "keterangan": a.keterangan,
            "versi": a.versi,
            **{f"tw{t}": tarik.get(t) for t in range(1, 5)},
        }
    form = forms.AnggaranForm(request.POST or None, initial=awal)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            d = form.cleaned_data
            h, status = simpan_dengan_form(
                request,
                form,
                services.anggaran_simpan,
                elemen=e,
                tahun=tahun,
                pagu=d["pagu"],
                sumber=d["sumber"],
                keterangan=d["keterangan"],
                penarikan=[d.get(f"tw{t}") for t in range(1, 5)],
                versi=d.get("versi") or None,
            )
            if h is not None:
                messages.success(
                    request, _(PESAN_TERSIMPAN) if h.berubah else _(PESAN_TIDAK_BERUBAH)
                )
                tampilkan_peringatan(request, h.peringatan)
                return HttpResponseRedirect(
                    reverse("perencanaan:anggaran", args=[k.pk, tahun]) + f"#elemen-{e.pk}"
                )
    return render(
        request,
        "perencanaan/anggaran_form.html",
        {
            **konteks_kerangka(request, k, "anggaran"),
            "form": form,
            "elemen": e,
            "tahun": tahun,
            "anggaran": a,
        },
        status=status,
    )


@require_POST
def salin_tahun(request: HttpRequest, pk: int) -> HttpResponse:
    """Copy a year's targets, budget and PK drafts into the next year."""
    k = _kerangka(request, pk)
    form = forms.SalinTahunForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Isi tahun sumber dan tahun tujuan."))
        return HttpResponseRedirect(reverse("perencanaan:kerangka", args=[k.pk]))
    d = form.cleaned_data
    try:
        n = services.rencana_salin_tahun(
            pengguna=request.user, kerangka=k, dari_tahun=d["dari_tahun"], ke_tahun=d["ke_tahun"]
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, pesan_galat(exc))
        return HttpResponseRedirect(reverse("perencanaan:kerangka", args=[k.pk]))
    messages.success(
        request,
        _(
            "Rencana %(dari)s disalin ke %(ke)s: %(t)s target, %(a)s baris anggaran, "
            "%(p)s draf PK. Yang sudah ada pada %(ke)s tidak diubah."
        )
        % {
            "dari": d["dari_tahun"],
            "ke": d["ke_tahun"],
            "t": n["target"],
            "a": n["anggaran"],
            "p": n["perjanjian"],
        },
    )
    return HttpResponseRedirect(
        reverse("perencanaan:kerangka", args=[k.pk]) + f"?tahun={d['ke_tahun']}"
    )
