"""Perjanjian Kinerja pages: the PKs of an agency and year as a tree of positions and as the
cascade of items, the PK editor (parties, items, budget lines, review and signing, versions)
and the Rencana Aksi editor of an item.

Reads come from `selectors`, writes go through `services`; a signed PK shows read-only.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.inti.audit import EditanKedaluwarsa
from kinerja.inti.models import Peristiwa
from kinerja.organisasi.models import Instansi, Jabatan, JenisInstansi
from kinerja.organisasi.permissions import jalur_dengan_peran
from kinerja.organisasi.selectors import instansi_terlihat
from kinerja.pengukuran.models import Periode, StatusPeriode
from kinerja.perencanaan import forms, selectors, services, validasi
from kinerja.perencanaan.models import (
    AnggaranPK,
    Elemen,
    Indikator,
    ItemPK,
    JenisPeriode,
    PerjanjianKinerja,
    StatusPK,
)
from kinerja.perencanaan.views import (
    PESAN_TERSIMPAN,
    PESAN_TIDAK_BERUBAH,
    pesan_galat,
    simpan_dengan_form,
    tampilkan_peringatan,
    versi_dari,
)

LABEL_AKSI = {
    "ajukan": "PK diajukan untuk direviu.",
    "kembalikan": "PK dikembalikan kepada penyusunnya.",
    "tandatangani": "PK ditandatangani dan dibekukan.",
    "versi_baru": "Versi baru PK dibuat sebagai draf.",
    "hapus": "Draf PK dihapus.",
}


def dapat_melihat_instansi(user: Any, instansi: Instansi) -> bool:
    """A role covering the agency, or any role inside it (staff read their agency's PKs)."""
    if user.has_perm("kinerja.lihat", instansi):
        return True
    return any(j.startswith(instansi.jalur) for j in jalur_dengan_peran(user))


def _pk(request: HttpRequest, pk: int) -> PerjanjianKinerja:
    obj = get_object_or_404(
        PerjanjianKinerja.objects.select_related(
            "jabatan__instansi",
            "jabatan__atasan",
            "pihak_pertama",
            "pihak_kedua",
            "jabatan_pihak_kedua",
            "diajukan_oleh",
        ),
        pk=pk,
    )
    if not (
        request.user.has_perm("kinerja.lihat", obj)
        or dapat_melihat_instansi(request.user, _agensi(obj.jabatan.instansi))
    ):
        raise Http404
    return obj


def _agensi(instansi: Instansi) -> Instansi:
    """The Perangkat Daerah of a unit (the Pemda itself for a Pemda-level position)."""
    return instansi.perangkat_daerah() or instansi


def _pilihan_agensi(request: HttpRequest) -> list[Instansi]:
    terlihat = instansi_terlihat(request.user).filter(jenis=JenisInstansi.PERANGKAT_DAERAH)
    leluhur = {int(x) for j in jalur_dengan_peran(request.user) for x in j.strip("/").split("/")}
    return list(
        Instansi.objects.filter(
            Q(pk__in=terlihat.values("pk"))
            | Q(pk__in=leluhur, jenis=JenisInstansi.PERANGKAT_DAERAH)
        )
        .select_related("induk")
        .order_by("jalur")
    )


def pk_daftar(request: HttpRequest) -> HttpResponse:
    """The PKs of an agency for a year: positions as a tree (holder, latest version, status)
    and the cascade of items from the head's PK down."""
    pilihan = _pilihan_agensi(request)
    instansi = None
    if request.GET.get("instansi"):
        instansi = get_object_or_404(Instansi, pk=versi_dari(request.GET["instansi"]) or 0)
        if not dapat_melihat_instansi(request.user, instansi):
            raise Http404
    elif pilihan:
        instansi = pilihan[0]
    tahun = versi_dari(request.GET.get("tahun")) or dt.date.today().year
    if instansi is None:
        return render(request, "perencanaan/pk_daftar.html", {"pilihan": [], "tahun": tahun})
    jabatan = selectors.jabatan_instansi(instansi)
    pk_per = selectors.pk_tahun(instansi, tahun)
    anak: dict[int | None, list[Jabatan]] = defaultdict(list)
    ids = {j.pk for j in jabatan}
    for j in jabatan:
        anak[j.atasan_id if j.atasan_id in ids else None].append(j)
    hari = dt.date(tahun, 12, 31) if tahun < dt.date.today().year else dt.date.today()

    def simpul(j: Jabatan, n: int) -> list[dict[str, Any]]:
        versi = pk_per.get(j.pk, [])
        baris = [
            {
                "jabatan": j,
                "kedalaman": n,
                "pemangku": j.pemangku_pada(hari),
                "pk": versi[-1] if versi else None,
                "jumlah_versi": len(versi),
            }
        ]
        for a in anak.get(j.pk, []):
            baris.extend(simpul(a, n + 1))
        return baris

    pohon_jabatan = [b for j in anak.get(None, []) for b in simpul(j, 0)]
    item = selectors.item_pk_tahun(instansi, tahun)
    # Cascade: an item supports the superior's item; resolve by (position, indicator) so a
    # link made to an earlier version of the superior's PK still lands on the latest one.
    per_kunci = {(it.perjanjian.jabatan_id, it.indikator_id): it for it in item}
    pendukung: dict[int, list[ItemPK]] = defaultdict(list)
    akar_item = []
    for it in item:
        induk = None
        if it.item_induk_id:
            ii = it.item_induk
            induk = per_kunci.get((ii.perjanjian.jabatan_id, ii.indikator_id))
        if induk is not None and induk.pk != it.pk:
            pendukung[induk.pk].append(it)
        else:
            akar_item.append(it)

    def cabang(it: ItemPK, n: int, jejak: frozenset[int]) -> list[dict[str, Any]]:
        baris = [{"item": it, "kedalaman": n}]
        for a in pendukung.get(it.pk, []):
            if a.pk not in jejak:
                baris.extend(cabang(a, n + 1, jejak | {a.pk}))
        return baris

    kepala_ids = {b["jabatan"].pk for b in pohon_jabatan if b["kedalaman"] == 0}
    cascade = [
        b
        for it in akar_item
        if it.perjanjian.jabatan_id in kepala_ids
        for b in cabang(it, 0, frozenset({it.pk}))
    ]
    lepas = [it for it in akar_item if it.perjanjian.jabatan_id not in kepala_ids]
    boleh = request.user.has_perm("kinerja.rencanakan", instansi)
    form = forms.PKBaruForm(
        initial={"tahun": tahun},
        jabatan=Jabatan.objects.filter(pk__in=[j.pk for j in jabatan if j.pk not in pk_per]),
    )
    return render(
        request,
        "perencanaan/pk_daftar.html",
        {
            "instansi": instansi,
            "pilihan": pilihan,
            "tahun": tahun,
            "daftar_tahun": list(range(tahun - 2, tahun + 3)),
            "pohon_jabatan": pohon_jabatan,
            "cascade": cascade,
            "lepas": lepas,
            "boleh": boleh,
            "form": form,
        },
    )


@require_POST
def pk_baru(request: HttpRequest) -> HttpResponse:
    """Draft a new PK for a position and year."""
    jabatan = Jabatan.objects.select_related("instansi")
    form = forms.PKBaruForm(request.POST, jabatan=jabatan)
    kembali = reverse("perencanaan:pk_daftar")
    if not form.is_valid():
        messages.error(request, _("Pilih jabatan dan tahun."))
        return HttpResponseRedirect(kembali)
    d = form.cleaned_data
    kembali += f"?instansi={_agensi(d['jabatan'].instansi).pk}&tahun={d['tahun']}"
    try:
        pk = services.pk_buat(
            pengguna=request.user,
            jabatan=d["jabatan"],
            tahun=d["tahun"],
            tanggal=d.get("tanggal"),
            jabatan_pihak_kedua_teks=d.get("jabatan_pihak_kedua_teks") or "",
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, pesan_galat(exc))
        return HttpResponseRedirect(kembali)
    messages.success(request, _("Draf PK dibuat. Tambahkan indikator dari rencana."))
    return HttpResponseRedirect(reverse("perencanaan:pk_item_tambah", args=[pk.pk]))


def pk(request: HttpRequest, pk: int) -> HttpResponse:
    """The PK editor: parties, items with their target, cascade and Rencana Aksi, budget lines,
    review actions, versions and the audit trail."""
    obj = _pk(request, pk)
    boleh = request.user.has_perm("kinerja.rencanakan", obj)
    versi_lain = list(
        PerjanjianKinerja.objects.filter(jabatan=obj.jabatan, tahun=obj.tahun).order_by(
            "nomor_versi"
        )
    )
    terakhir = versi_lain[-1].pk == obj.pk
    dapat_diubah = boleh and terakhir and obj.status in services.STATUS_PK_BOLEH_DIUBAH
    item = list(
        obj.item.select_related(
            "indikator__elemen__level",
            "indikator__skala",
            "item_induk__perjanjian__jabatan",
            "item_induk__indikator",
        ).prefetch_related("rencana_aksi")
    )
    from kinerja.perencanaan.selectors import target_berlaku

    berlaku = target_berlaku([it.indikator_id for it in item], obj.tahun, obj.tanggal)
    baris = []
    for it in item:
        ra = [r for r in it.rencana_aksi.all() if r.jenis_periode == JenisPeriode.TRIWULAN]
        per_tw = {r.nomor: r for r in ra}
        ind = it.indikator
        t = berlaku.get(ind.pk)
        baris.append(
            {
                "item": it,
                "target": services.teks_target(
                    ind, services.target_dari_baris(ind, it.target, it.target_teks)
                ),
                "target_tahunan": services.teks_target(ind, services.target_dari_versi(t)),
                "ra": [
                    services.teks_target(
                        ind,
                        services.target_dari_baris(ind, per_tw[n].target, per_tw[n].target_teks),
                    )
                    if n in per_tw
                    else ""
                    for n in range(1, 5)
                ],
                "temuan_ra": services.periksa_ra_item(it, JenisPeriode.TRIWULAN, ra) if ra else [],
            }
        )
    anggaran = list(obj.anggaran.select_related("elemen__level"))
    riwayat = list(
        Peristiwa.objects.filter(
            Q(objek_tipe="perencanaan.perjanjiankinerja", objek_id=str(obj.pk))
            | Q(objek_tipe="perencanaan.itempk", objek_id__in=[str(it.pk) for it in item])
        )
        .select_related("pengguna")
        .order_by("-waktu")[:30]
    )
    elemen_anggaran = Elemen.objects.filter(
        kerangka__instansi__jalur__startswith=_agensi(obj.jabatan.instansi).jalur,
        level__punya_anggaran=True,
    ).select_related("level")
    return render(
        request,
        "perencanaan/pk.html",
        {
            "pk": obj,
            "baris": baris,
            "anggaran": anggaran,
            "jumlah_anggaran": sum((a.pagu for a in anggaran), start=0),
            "versi_lain": versi_lain,
            "terakhir": terakhir,
            "boleh": boleh,
            "dapat_diubah": dapat_diubah,
            "boleh_reviu": obj.status == StatusPK.DIAJUKAN
            and services.boleh_mereviu(request.user, obj),
            "riwayat": riwayat,
            "form_kepala": forms.PKKepalaForm(
                initial={
                    "tanggal": obj.tanggal,
                    "jabatan_pihak_kedua_teks": obj.jabatan_pihak_kedua_teks,
                    "versi": obj.versi,
                }
            ),
            "form_anggaran": forms.AnggaranPKForm(elemen=elemen_anggaran),
            "form_alasan": forms.AlasanForm(initial={"versi": obj.versi}),
            "agensi": _agensi(obj.jabatan.instansi),
        },
    )


@require_POST
def pk_kepala(request: HttpRequest, pk: int) -> HttpResponse:
    """Change the date (and so the parties) of a draft PK."""
    obj = _pk(request, pk)
    form = forms.PKKepalaForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.pk_ubah_kepala(
                pengguna=request.user,
                pk=obj,
                tanggal=d["tanggal"],
                jabatan_pihak_kedua_teks=d["jabatan_pihak_kedua_teks"],
                versi=d.get("versi"),
            )
            messages.success(request, _(PESAN_TERSIMPAN))
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, pesan_galat(exc))
    else:
        messages.error(request, _("Tanggal tidak sah."))
    return HttpResponseRedirect(reverse("perencanaan:pk", args=[obj.pk]))


def _kandidat(obj: PerjanjianKinerja) -> tuple[list[Indikator], set[int]]:
    """Indicators of the agency's plans that may go into the PK, and those suggested: the
    strategic levels for the head of the agency, the unit's own indicators for a unit head."""
    agensi = _agensi(obj.jabatan.instansi)
    ada = set(obj.item.values_list("indikator_id", flat=True))
    semua = [
        i
        for i in Indikator.objects.filter(
            Q(elemen__kerangka__instansi__jalur__startswith=agensi.jalur)
            | Q(elemen__kerangka__instansi_id__in=agensi.id_leluhur)
        )
        .select_related("elemen__level", "elemen__unit", "unit_penanggung_jawab")
        .order_by("elemen__kerangka_id", "elemen__level__urutan", "elemen__urutan", "urutan", "id")
        if i.pk not in ada
    ]
    unit = obj.jabatan.instansi
    usul = set()
    for i in semua:
        if unit.pk == agensi.pk:
            if not i.elemen.level.punya_anggaran and i.elemen.level.urutan <= 2:
                usul.add(i.pk)
        else:
            u = i.unit_penanggung_jawab or i.elemen.unit
            if u is not None and u.jalur.startswith(unit.jalur):
                usul.add(i.pk)
    return semua, usul


def pk_item_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    """Choose indicators of the plan to add to a draft PK (suggested ones pre-ticked)."""
    obj = _pk(request, pk)
    if not request.user.has_perm("kinerja.rencanakan", obj):
        raise Http404
    semua, usul = _kandidat(obj)
    if request.method == "POST":
        dipilih = {versi_dari(x) for x in request.POST.getlist("indikator")}
        pilih = [i for i in semua if i.pk in dipilih]
        try:
            h = services.pk_item_tambah(
                pengguna=request.user,
                pk=obj,
                indikator=pilih,
                versi=versi_dari(request.POST.get("versi")),
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, pesan_galat(exc))
        else:
            messages.success(request, _("%(n)s indikator ditambahkan ke PK.") % {"n": len(h.objek)})
            tampilkan_peringatan(request, h.peringatan)
            return HttpResponseRedirect(reverse("perencanaan:pk", args=[obj.pk]))
    return render(
        request,
        "perencanaan/pk_item_tambah.html",
        {"pk": obj, "kandidat": semua, "usul": usul},
    )


def _pilihan_induk(obj: PerjanjianKinerja) -> list[tuple[int, str]]:
    atasan = services.pk_atasan(obj)
    if atasan is None:
        return []
    return [
        (it.pk, f"{it.indikator.kode} {it.indikator.nama}"[:150])
        for it in atasan.item.select_related("indikator")
    ]


def pk_item(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a PK item: its target and the superior's item it supports."""
    it = get_object_or_404(
        ItemPK.objects.select_related("indikator__skala", "indikator__elemen__level"), pk=pk
    )
    obj = _pk(request, it.perjanjian_id)
    if not request.user.has_perm("kinerja.rencanakan", obj):
        raise Http404
    ind = it.indikator
    form = forms.ItemForm(
        request.POST or None,
        initial={
            "target": services.teks_target(
                ind, services.target_dari_baris(ind, it.target, it.target_teks)
            ),
            "item_induk": it.item_induk_id,
            "versi": it.versi,
        },
        pilihan_induk=_pilihan_induk(obj),
    )
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            d = form.cleaned_data
            induk = ItemPK.objects.filter(pk=d["item_induk"]).first() if d["item_induk"] else None
            h, status = simpan_dengan_form(
                request,
                form,
                services.pk_item_simpan,
                item=it,
                target=d["target"],
                item_induk=induk,
                versi=d.get("versi"),
            )
            if h is not None:
                messages.success(
                    request, _(PESAN_TERSIMPAN) if h.berubah else _(PESAN_TIDAK_BERUBAH)
                )
                tampilkan_peringatan(request, h.peringatan)
                return HttpResponseRedirect(reverse("perencanaan:pk", args=[obj.pk]))
    return render(
        request, "perencanaan/pk_item.html", {"pk": obj, "item": it, "form": form}, status=status
    )


@require_POST
def pk_item_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove an item from a draft PK."""
    it = get_object_or_404(ItemPK, pk=pk)
    obj = _pk(request, it.perjanjian_id)
    try:
        services.pk_item_hapus(
            pengguna=request.user, item=it, versi=versi_dari(request.POST.get("versi"))
        )
        messages.success(request, _("Indikator dikeluarkan dari PK."))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, pesan_galat(exc))
    return HttpResponseRedirect(reverse("perencanaan:pk", args=[obj.pk]))


@require_POST
def pk_anggaran(request: HttpRequest, pk: int) -> HttpResponse:
    """Add or change a budget line of a draft PK (default pagu: the DPA of the year)."""
    obj = _pk(request, pk)
    form = forms.AnggaranPKForm(
        request.POST,
        elemen=Elemen.objects.filter(level__punya_anggaran=True).select_related("level"),
    )
    if form.is_valid():
        d = form.cleaned_data
        pagu = d.get("pagu")
        if pagu is None:
            a = d["elemen"].anggaran.filter(tahun=obj.tahun).first()
            pagu = a.pagu if a else None
        if pagu is None:
            messages.error(
                request, _("Isi anggarannya: belum ada pagu DPA tahun ini untuk elemen itu.")
            )
        else:
            try:
                services.pk_anggaran_simpan(
                    pengguna=request.user,
                    pk=obj,
                    elemen=d["elemen"],
                    pagu=pagu,
                    keterangan=d["keterangan"],
                    versi=versi_dari(request.POST.get("versi")),
                )
                messages.success(request, _(PESAN_TERSIMPAN))
            except (ValidationError, PermissionDenied) as exc:
                messages.error(request, pesan_galat(exc))
    else:
        messages.error(request, " ".join(e for es in form.errors.values() for e in es))
    return HttpResponseRedirect(reverse("perencanaan:pk", args=[obj.pk]) + "#anggaran-pk")


@require_POST
def pk_anggaran_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove a budget line from a draft PK."""
    baris = get_object_or_404(AnggaranPK, pk=pk)
    obj = _pk(request, baris.perjanjian_id)
    try:
        services.pk_anggaran_hapus(
            pengguna=request.user, baris=baris, versi=versi_dari(request.POST.get("versi"))
        )
        messages.success(request, _("Baris anggaran dihapus."))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, pesan_galat(exc))
    return HttpResponseRedirect(reverse("perencanaan:pk", args=[obj.pk]) + "#anggaran-pk")


@require_POST
def pk_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    """Submit, return (with reason), sign, start a new version, or delete a draft."""
    obj = _pk(request, pk)
    versi = versi_dari(request.POST.get("versi"))
    alasan = request.POST.get("alasan", "")
    tujuan = reverse("perencanaan:pk", args=[obj.pk])
    try:
        if aksi == "ajukan":
            services.pk_ajukan(pengguna=request.user, pk=obj, versi=versi)
        elif aksi == "kembalikan":
            services.pk_kembalikan(pengguna=request.user, pk=obj, alasan=alasan, versi=versi)
        elif aksi == "tandatangani":
            services.pk_tandatangani(pengguna=request.user, pk=obj, versi=versi)
        elif aksi == "versi_baru":
            baru = services.pk_versi_baru(pengguna=request.user, pk=obj, alasan=alasan, versi=versi)
            tujuan = reverse("perencanaan:pk", args=[baru.pk])
        elif aksi == "hapus":
            agensi = _agensi(obj.jabatan.instansi)
            services.pk_hapus(pengguna=request.user, pk=obj, versi=versi)
            tujuan = reverse("perencanaan:pk_daftar") + f"?instansi={agensi.pk}&tahun={obj.tahun}"
        else:
            raise Http404
    except EditanKedaluwarsa as exc:
        messages.warning(request, pesan_galat(exc))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, pesan_galat(exc))
    else:
        messages.success(request, _(LABEL_AKSI[aksi]))
    return HttpResponseRedirect(tujuan)


def rencana_aksi(request: HttpRequest, pk: int) -> HttpResponse:
    """The Rencana Aksi of a PK item: a target and the planned actions per quarter (or month),
    checked against the annual target by the indicator's aggregation type."""
    it = get_object_or_404(
        ItemPK.objects.select_related("indikator__skala", "indikator__elemen__level"), pk=pk
    )
    obj = _pk(request, it.perjanjian_id)
    boleh = request.user.has_perm("kinerja.rencanakan", obj)
    jenis = request.GET.get("jenis") or request.POST.get("jenis") or JenisPeriode.TRIWULAN
    if jenis not in (JenisPeriode.TRIWULAN, JenisPeriode.BULAN):
        raise Http404
    n = services.JUMLAH_PERIODE[jenis]
    label = validasi.NAMA_PERIODE[jenis][1]
    ind = it.indikator
    ada = {r.nomor: r for r in it.rencana_aksi.filter(jenis_periode=jenis)}
    tutup = {
        p.nomor: p
        for p in Periode.objects.filter(
            pemda_id=obj.jabatan.instansi.id_leluhur[0], tahun=obj.tahun, jenis_periode=jenis
        ).exclude(status=StatusPeriode.DIBUKA)
    }
    galat: dict[str, list[str]] = {}
    status = 200
    masukan = {}
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied(_(services.PESAN_TIDAK_BERHAK))
        masukan = {
            k: (request.POST.get(f"target_{k}", ""), request.POST.get(f"aksi_{k}", ""))
            for k in range(1, n + 1)
        }
        try:
            h = services.ra_simpan(
                pengguna=request.user,
                item=it,
                jenis_periode=jenis,
                baris=masukan,
                versi=versi_dari(request.POST.get("versi")),
            )
        except EditanKedaluwarsa as exc:
            galat["__all__"] = [pesan_galat(exc)]
            status = 409
        except ValidationError as exc:
            status = 422
            if hasattr(exc, "error_dict"):
                galat = {k: [e.message for e in v] for k, v in exc.error_dict.items()}
            else:
                galat["__all__"] = exc.messages
        else:
            # The page itself lists the consistency warnings of the saved plan.
            messages.success(request, _(PESAN_TERSIMPAN) if h.berubah else _(PESAN_TIDAK_BERUBAH))
            return HttpResponseRedirect(
                reverse("perencanaan:rencana_aksi", args=[it.pk]) + f"?jenis={jenis}"
            )
    baris = []
    for k in range(1, n + 1):
        r = ada.get(k)
        nilai = (
            services.teks_target(ind, services.target_dari_baris(ind, r.target, r.target_teks))
            if r
            else ""
        )
        t, a = masukan.get(k, (nilai, r.rencana_aksi if r else ""))
        baris.append(
            {
                "nomor": k,
                "label": label[k - 1],
                "target": t,
                "aksi": a,
                "galat": galat.get(f"target_{k}", []),
                "tutup": tutup.get(k),
            }
        )
    temuan = services.periksa_ra_item(it, jenis, ada.values()) if ada else []
    return render(
        request,
        "perencanaan/rencana_aksi.html",
        {
            "pk": obj,
            "item": it,
            "ind": ind,
            "jenis": jenis,
            "baris": baris,
            "temuan": temuan,
            "galat_umum": galat.get("__all__", []),
            "boleh": boleh,
            "target_tahun": services.teks_target(
                ind, services.target_dari_baris(ind, it.target, it.target_teks)
            ),
        },
        status=status,
    )
