"""Entry pages: choose a unit and period, the entry grid saved row by row with htmx, the budget
lines, submitting the period, the evidence panel (upload, link, delete, decide, download) and
each value's history.

Views stay thin: reads come from `pengukuran.isian` and `selectors`, writes go through
`services` and `services_bukti`. Every htmx endpoint answers the same URL without htmx with
a redirect (the page works without JavaScript). Refusals answer 403 / 409 / 422 with the
re-rendered row; `pengukuran/isian.js` lets htmx swap those.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.inti.audit import EditanKedaluwarsa
from kinerja.organisasi.models import Instansi, JenisInstansi, Peran
from kinerja.pengukuran import isian as isian_baca
from kinerja.pengukuran import services, services_bukti
from kinerja.pengukuran.forms import KeputusanBuktiForm, TautanBuktiForm, UnggahBuktiForm
from kinerja.pengukuran.models import DataDukung, Periode, Realisasi, StatusRealisasi
from kinerja.pengukuran.selectors import (
    anggaran_unit,
    indikator_tanggung_jawab,
    periode_pemda,
    rekap_pengisian,
    riwayat_realisasi,
)

PESAN_FORMULIR_RUSAK = "Formulir tidak lengkap. Muat ulang halaman lalu coba lagi."
# Error codes of `realisasi_simpan` that belong to the value field.
KODE_GALAT_NILAI = frozenset({"angka", "biner", "level", "kosong"})


def pesan_dari(exc: ValidationError | PermissionDenied) -> str:
    """The user-facing text of a refusal."""
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc) or _("Anda tidak berhak melakukan ini.")


def unit_periode(request: HttpRequest, instansi_id: int, periode_id: int) -> tuple[Any, Any]:
    """The unit and period of a URL, or 404 when the user may not see them together."""
    instansi = get_object_or_404(Instansi, pk=instansi_id)
    if not request.user.has_perm("kinerja.lihat", instansi):
        raise Http404
    periode = get_object_or_404(Periode.objects.select_related("pemda"), pk=periode_id)
    if not instansi.jalur.startswith(periode.pemda.jalur):
        raise Http404
    return instansi, periode


def _versi(teks: str | None) -> int | None:
    try:
        v = int(teks or "")
    except ValueError:
        return None
    return v if v >= 0 else None


def unit_pengisian(user: Any) -> list[Instansi]:
    """Units the user may open the entry page for: each role's unit and its direct sub-units
    (for a role over a whole Pemda: its agencies)."""
    peran = list(
        Peran.objects.filter(pengguna=user).select_related("instansi").order_by("instansi__jalur")
    )
    akar = {p.instansi.pk: p.instansi for p in peran}
    anak = Instansi.objects.filter(induk_id__in=list(akar)).order_by("jalur")
    semua = {**akar, **{a.pk: a for a in anak}}
    return sorted(semua.values(), key=lambda i: i.jalur)


def pilih(request: HttpRequest) -> HttpResponse:
    """Where entry starts: the user's units with their open periods.

    An operator with a single unit and one open period goes straight to that grid.
    """
    units = [u for u in unit_pengisian(request.user) if u.jenis != JenisInstansi.PEMDA]
    pemda_ids = {u.id_leluhur[0] for u in units}
    periode = list(
        Periode.objects.filter(pemda_id__in=pemda_ids)
        .select_related("pemda")
        .order_by("-tahun", "jenis_periode", "-nomor")
    )
    per_pemda: dict[int, list[Periode]] = {}
    for p in periode:
        per_pemda.setdefault(p.pemda_id, []).append(p)
    baris = []
    for u in units:
        daftar = per_pemda.get(u.id_leluhur[0], [])
        terbuka = [p for p in daftar if p.status == "dibuka"]
        baris.append(
            {
                "unit": u,
                "terbuka": terbuka,
                "periode": daftar,
                "boleh_isi": request.user.has_perm("kinerja.isi", u),
            }
        )
    pengisi = [
        b for b in baris if b["boleh_isi"] and b["unit"].jenis != JenisInstansi.PERANGKAT_DAERAH
    ]
    if (
        len(pengisi) == 1
        and len(pengisi[0]["terbuka"]) == 1
        and not request.GET.get("semua")
        and not any(request.user.has_perm("kinerja.validasi", b["unit"]) for b in baris)
    ):
        b = pengisi[0]
        return HttpResponseRedirect(
            reverse("pengukuran:isian", args=[b["unit"].pk, b["terbuka"][0].pk])
        )
    return render(request, "pengukuran/isian_pilih.html", {"baris": baris})


def halaman(request: HttpRequest, instansi_id: int, periode_id: int) -> HttpResponse:
    """The entry grid of a unit for a period, with budget lines and the submit form."""
    instansi, periode = unit_periode(request, instansi_id, periode_id)
    data = isian_baca.isian(instansi=instansi, periode=periode, pengguna=request.user)
    return render(
        request,
        "pengukuran/isian.html",
        {
            "isian": data,
            "instansi": instansi,
            "periode": periode,
            "rekap": rekap_pengisian([instansi], periode)[instansi.pk],
            "daftar_periode": periode_pemda(periode.pemda),
            "units": [
                u
                for u in unit_pengisian(request.user)
                if u.jenis != JenisInstansi.PEMDA and u.jalur.startswith(periode.pemda.jalur)
            ],
            "ukuran_maks": services_bukti.teks_ukuran(services_bukti.ukuran_maks()),
        },
    )


def _render_baris(
    request: HttpRequest,
    instansi: Instansi,
    periode: Periode,
    b: isian_baca.BarisIsian,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "pengukuran/_isian_respons_baris.html",
        {
            "b": b,
            "instansi": instansi,
            "periode": periode,
            "rekap": rekap_pengisian([instansi], periode)[instansi.pk],
        },
        status=status,
    )


@require_POST
def simpan(request: HttpRequest, instansi_id: int, periode_id: int, indikator_id: int) -> Any:
    """Save one row (value, kendala, tindak lanjut) and answer with the re-rendered row."""
    instansi, periode = unit_periode(request, instansi_id, periode_id)
    ind = get_object_or_404(indikator_tanggung_jawab(instansi, periode), pk=indikator_id)
    masukan = {k: request.POST.get(k, "") for k in ("nilai", "kendala", "tindak_lanjut")}
    versi = _versi(request.POST.get("versi"))
    status, galat, pesan, jenis, pakai_masukan = 200, {}, "", "success", True
    try:
        if versi is None:
            raise ValidationError(PESAN_FORMULIR_RUSAK, code="versi")
        services.realisasi_simpan(
            pengguna=request.user,
            indikator=ind,
            periode=periode,
            nilai=masukan["nilai"],
            kendala=masukan["kendala"],
            tindak_lanjut=masukan["tindak_lanjut"],
            versi=versi,
        )
        pesan = _("Tersimpan.")
        pakai_masukan = False
    except EditanKedaluwarsa as exc:
        status, jenis, pakai_masukan = 409, "warning", False
        pesan = (
            pesan_dari(exc)
            + " "
            + _("Isian Anda (“%(nilai)s”) tidak disimpan; yang tampil adalah nilai terbaru.")
            % {"nilai": masukan["nilai"] or "–"}
        )
    except ValidationError as exc:
        status, jenis = 422, "danger"
        if hasattr(exc, "error_dict"):
            galat = {k: " ".join(v) for k, v in exc.message_dict.items()}
        elif exc.code in KODE_GALAT_NILAI:
            galat = {"nilai": pesan_dari(exc)}
        else:
            pesan = pesan_dari(exc)
            pakai_masukan = False
    except PermissionDenied as exc:
        status, jenis, pesan, pakai_masukan = 403, "danger", pesan_dari(exc), False
    baris, _lalu = isian_baca.baris_isian(
        instansi=instansi, periode=periode, pengguna=request.user, indikator_ids=[ind.pk]
    )
    b = baris[0]
    if status == 409 and b.realisasi is not None and b.realisasi.diisi_oleh_id:
        lain = b.realisasi.diisi_oleh
        pesan += " " + _("Terakhir diisi oleh %(nama)s pukul %(jam)s.") % {
            "nama": lain.get_full_name() or lain.get_username(),
            "jam": timezone.localtime(b.realisasi.diperbarui_pada).strftime("%H.%M"),
        }
    if pakai_masukan:
        b.masukan = masukan
    b.galat, b.pesan, b.pesan_jenis = galat, pesan, jenis
    if not request.htmx:
        if status == 200:
            messages.success(request, _("Realisasi “%(ind)s” tersimpan.") % {"ind": ind.nama})
        else:
            messages.error(request, " ".join([pesan, *galat.values()]).strip())
        return HttpResponseRedirect(
            reverse("pengukuran:isian", args=[instansi.pk, periode.pk]) + f"#baris-{ind.pk}"
        )
    return _render_baris(request, instansi, periode, b, status)


@require_POST
def simpan_anggaran(
    request: HttpRequest, instansi_id: int, periode_id: int, anggaran_id: int
) -> HttpResponse:
    """Save the spending of one budget line for the period; answer with the re-rendered line."""
    instansi, periode = unit_periode(request, instansi_id, periode_id)
    a = get_object_or_404(anggaran_unit(instansi, periode.tahun), pk=anggaran_id)
    masukan = request.POST.get("nilai", "")
    versi = _versi(request.POST.get("versi"))
    status, galat, pesan, jenis = 200, "", "", "success"
    try:
        if versi is None:
            raise ValidationError(PESAN_FORMULIR_RUSAK, code="versi")
        services.realisasi_anggaran_simpan(
            pengguna=request.user, anggaran=a, periode=periode, nilai=masukan, versi=versi
        )
        pesan = _("Tersimpan.")
    except EditanKedaluwarsa as exc:
        status, jenis = 409, "warning"
        pesan = pesan_dari(exc)
    except ValidationError as exc:
        status, galat = 422, pesan_dari(exc)
    except PermissionDenied as exc:
        status, jenis, pesan = 403, "danger", pesan_dari(exc)
    b = isian_baca.baris_anggaran(
        instansi=instansi, periode=periode, pengguna=request.user, anggaran_ids=[a.pk]
    )[0]
    if galat:
        b.masukan = masukan
    b.galat, b.pesan, b.pesan_jenis = galat, pesan, jenis
    if not request.htmx:
        if status == 200:
            messages.success(request, _("Realisasi anggaran tersimpan."))
        else:
            messages.error(request, galat or pesan)
        return HttpResponseRedirect(
            reverse("pengukuran:isian", args=[instansi.pk, periode.pk]) + f"#anggaran-{a.pk}"
        )
    return render(
        request,
        "pengukuran/_isian_anggaran_baris.html",
        {"a": b, "instansi": instansi, "periode": periode},
        status=status,
    )


@require_POST
def ajukan(request: HttpRequest, instansi_id: int, periode_id: int) -> HttpResponse:
    """Submit the unit's period: every entered value, or only the ticked rows."""
    instansi, periode = unit_periode(request, instansi_id, periode_id)
    kembali = HttpResponseRedirect(reverse("pengukuran:isian", args=[instansi.pk, periode.pk]))
    if request.POST.get("lingkup") == "dipilih":
        try:
            ids: list[int] | None = [int(x) for x in request.POST.getlist("indikator")]
        except ValueError:
            ids = []
        if not ids:
            messages.warning(request, _("Centang dulu baris yang akan diajukan."))
            return kembali
    else:
        ids = None
    hasil = services.realisasi_ajukan_banyak(
        pengguna=request.user, instansi=instansi, periode=periode, indikator_ids=ids
    )
    if hasil.diajukan:
        terlambat = sum(1 for r in hasil.diajukan if r.terlambat)
        teks = _("%(n)s realisasi diajukan ke validator.") % {"n": len(hasil.diajukan)}
        if terlambat:
            teks += " " + _(
                "%(n)s di antaranya melewati batas pengisian dan ditandai terlambat."
            ) % {"n": terlambat}
        messages.success(request, teks)
    elif not hasil.dilewati:
        messages.info(request, _("Tidak ada realisasi draf yang dapat diajukan."))
    for ind, alasan in hasil.dilewati[:10]:
        messages.warning(request, f"{ind.nama}: {alasan}")
    if len(hasil.dilewati) > 10:
        messages.warning(
            request, _("… dan %(n)s baris lain dilewati.") % {"n": len(hasil.dilewati) - 10}
        )
    return kembali


# --- Evidence -------------------------------------------------------------------------------


def _realisasi_terlihat(request: HttpRequest, realisasi_id: int) -> Realisasi:
    r = get_object_or_404(
        Realisasi.objects.select_related(
            "periode",
            "periode__pemda",
            "indikator",
            "indikator__skala",
            "indikator__unit_penanggung_jawab",
            "indikator__elemen__unit",
            "indikator__elemen__kerangka__instansi",
            "diisi_oleh",
            "divalidasi_oleh",
        ),
        pk=realisasi_id,
    )
    if not request.user.has_perm("kinerja.lihat", r):
        raise Http404
    return r


def _render_panel(
    request: HttpRequest,
    r: Realisasi,
    *,
    galat: list[str] | None = None,
    pesan: str = "",
    form_unggah: UnggahBuktiForm | None = None,
    form_tautan: TautanBuktiForm | None = None,
    status: int = 200,
    oob: bool = False,
) -> HttpResponse:
    r.refresh_from_db(fields=["status", "versi"])
    bukti = list(
        DataDukung.objects.filter(realisasi=r).select_related(
            "berkas", "diunggah_oleh", "diputuskan_oleh"
        )
    )
    boleh_ubah = services_bukti._boleh_diubah(r) and request.user.has_perm("kinerja.isi", r)
    boleh_putuskan = (
        r.status == StatusRealisasi.DIAJUKAN
        and request.user.has_perm("kinerja.validasi", r)
        and request.user.pk not in (r.diisi_oleh_id, r.diajukan_oleh_id)
    )
    konteks: dict[str, Any] = {
        "r": r,
        "bukti": bukti,
        "boleh_ubah": boleh_ubah,
        "boleh_putuskan": boleh_putuskan,
        "galat": galat or [],
        "pesan": pesan,
        "form_unggah": form_unggah or UnggahBuktiForm(),
        "form_tautan": form_tautan or TautanBuktiForm(),
        "riwayat": riwayat_realisasi(r),
        "versi_riwayat": r.history.select_related("history_user").order_by("-history_date")[:30],
        "ukuran_maks": services_bukti.teks_ukuran(services_bukti.ukuran_maks()),
        "terima": services_bukti.TERIMA_INPUT,
    }
    if oob:
        # Refresh the row's evidence and capaian cells on the page behind the panel.
        unit = r.indikator.instansi_cakupan()
        baris, _lalu = isian_baca.baris_isian(
            instansi=unit,
            periode=r.periode,
            pengguna=request.user,
            indikator_ids=[r.indikator_id],
        )
        konteks["b"] = baris[0] if baris else None
    if request.htmx:
        return render(request, "pengukuran/_bukti_panel.html", konteks, status=status)
    return render(request, "pengukuran/bukti.html", konteks, status=status)


def bukti(request: HttpRequest, realisasi_id: int) -> HttpResponse:
    """The evidence of a value with its history; upload and link forms when editable."""
    return _render_panel(request, _realisasi_terlihat(request, realisasi_id))


@require_POST
def bukti_unggah(request: HttpRequest, realisasi_id: int) -> HttpResponse:
    """Upload one or more files; each is checked on its own and reported on its own."""
    r = _realisasi_terlihat(request, realisasi_id)
    form = UnggahBuktiForm(request.POST, request.FILES)
    galat: list[str] = []
    jumlah = 0
    if form.is_valid():
        for f in form.cleaned_data["berkas"]:
            try:
                services_bukti.data_dukung_unggah(
                    pengguna=request.user,
                    realisasi=r,
                    berkas=f,
                    keterangan=form.cleaned_data["keterangan"],
                )
                jumlah += 1
            except (ValidationError, PermissionDenied) as exc:
                galat.append(pesan_dari(exc))
        form = UnggahBuktiForm() if not galat else form
    else:
        galat = [e for errs in form.errors.values() for e in errs]
    pesan = _("%(n)s berkas diunggah.") % {"n": jumlah} if jumlah else ""
    if not request.htmx:
        if pesan:
            messages.success(request, pesan)
        for g in galat:
            messages.error(request, g)
        return HttpResponseRedirect(reverse("pengukuran:bukti", args=[r.pk]))
    return _render_panel(
        request,
        r,
        galat=galat,
        pesan=pesan,
        form_unggah=form,
        status=422 if galat and not jumlah else 200,
        oob=True,
    )


@require_POST
def bukti_tautan(request: HttpRequest, realisasi_id: int) -> HttpResponse:
    """Attach a link as evidence."""
    r = _realisasi_terlihat(request, realisasi_id)
    form = TautanBuktiForm(request.POST)
    galat: list[str] = []
    if form.is_valid():
        try:
            services_bukti.data_dukung_tautan(
                pengguna=request.user,
                realisasi=r,
                tautan=form.cleaned_data["tautan"],
                nama=form.cleaned_data["nama"],
            )
            form = TautanBuktiForm()
        except (ValidationError, PermissionDenied) as exc:
            galat.append(pesan_dari(exc))
    else:
        galat = [e for errs in form.errors.values() for e in errs]
    if not request.htmx:
        for g in galat:
            messages.error(request, g)
        return HttpResponseRedirect(reverse("pengukuran:bukti", args=[r.pk]))
    return _render_panel(
        request,
        r,
        galat=galat,
        pesan="" if galat else _("Tautan ditambahkan."),
        form_tautan=form,
        status=422 if galat else 200,
        oob=True,
    )


def _bukti_terlihat(request: HttpRequest, pk: int) -> DataDukung:
    dd = get_object_or_404(
        DataDukung.objects.select_related(
            "berkas",
            "realisasi__indikator__unit_penanggung_jawab",
            "realisasi__indikator__elemen__unit",
            "realisasi__indikator__elemen__kerangka__instansi",
        ),
        pk=pk,
    )
    if not request.user.has_perm("kinerja.lihat", dd.realisasi):
        raise Http404
    return dd


@require_POST
def bukti_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete evidence the user attached while the value is editable."""
    dd = _bukti_terlihat(request, pk)
    r = dd.realisasi
    galat: list[str] = []
    try:
        services_bukti.data_dukung_hapus(pengguna=request.user, data_dukung=dd)
    except (ValidationError, PermissionDenied) as exc:
        galat.append(pesan_dari(exc))
    if not request.htmx:
        for g in galat:
            messages.error(request, g)
        return HttpResponseRedirect(reverse("pengukuran:bukti", args=[r.pk]))
    return _render_panel(
        request,
        _realisasi_terlihat(request, r.pk),
        galat=galat,
        pesan="" if galat else _("Data dukung dihapus."),
        status=403 if galat else 200,
        oob=True,
    )


@require_POST
def bukti_putuskan(request: HttpRequest, pk: int) -> HttpResponse:
    """The validator accepts or rejects one evidence item."""
    dd = _bukti_terlihat(request, pk)
    form = KeputusanBuktiForm(request.POST)
    galat: list[str] = []
    if form.is_valid():
        try:
            services_bukti.data_dukung_putuskan(
                pengguna=request.user,
                data_dukung=dd,
                keputusan=form.cleaned_data["keputusan"],
                catatan=form.cleaned_data["catatan"],
            )
        except (ValidationError, PermissionDenied) as exc:
            galat.append(pesan_dari(exc))
    else:
        galat = [e for errs in form.errors.values() for e in errs]
    r = _realisasi_terlihat(request, dd.realisasi_id)
    if not request.htmx:
        for g in galat:
            messages.error(request, g)
        return HttpResponseRedirect(reverse("pengukuran:bukti", args=[r.pk]))
    return _render_panel(
        request,
        r,
        galat=galat,
        pesan="" if galat else _("Keputusan data dukung dicatat."),
        status=422 if galat else 200,
    )


def bukti_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    """Send an evidence file to a user allowed to see its value, always as a download."""
    dd = _bukti_terlihat(request, pk)
    if dd.berkas is None:
        raise Http404
    resp = FileResponse(
        dd.berkas.berkas.open("rb"),
        as_attachment=True,
        filename=dd.nama,
        content_type=dd.berkas.jenis_konten,
    )
    resp["X-Content-Type-Options"] = "nosniff"
    resp["Content-Security-Policy"] = "default-src 'none'; sandbox"
    resp["Cache-Control"] = "private, no-store"
    return resp
