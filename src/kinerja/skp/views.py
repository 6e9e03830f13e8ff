"""SKP pages: my SKP (the employee), my team (the superior assesses), one SKP with its plan,
realisation and evaluations, the cascade tree, the unit recap with the distribution warning,
and the mid-year move. Views stay thin: reads from `selectors`, writes through `services`;
every page asks the `skp.*` rules and answers 404 to someone who may not see the SKP."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.inti.audit import EditanKedaluwarsa
from kinerja.organisasi.models import Instansi, JenisInstansi
from kinerja.organisasi.permissions import jalur_dengan_peran
from kinerja.pengukuran.models import Periode
from kinerja.perencanaan.models import ItemPK
from kinerja.skp import arsip, forms, selectors, selectors_keberatan, selectors_tahunan, services
from kinerja.skp.berakhlak import PANDUAN_PERILAKU, NilaiBerAKHLAK
from kinerja.skp.models import (
    SKP,
    ArsipSKP,
    BuktiSKP,
    IndikatorSKP,
    PenilaianSKP,
    RealisasiSKP,
    RencanaHasilKerja,
    StatusSKP,
)
from kinerja.skp.permissions import PERAN_KEPEGAWAIAN, memimpin, pegawai_dari


def _tahun(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("tahun", ""))
    except ValueError:
        return dt.date.today().year


def baca_versi(teks: Any) -> int | None:
    """The row version a form was built from (hidden field), or None when absent or garbled."""
    try:
        return int(teks)
    except (TypeError, ValueError):
        return None


def pesan_galat(exc: Exception) -> str:
    """The Indonesian message of a refused write, for the page."""
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc) or _("Anda tidak berhak melakukan ini.")


def _skp_terlihat(request: HttpRequest, pk: int) -> SKP:
    skp = get_object_or_404(SKP.objects.select_related("unit", "pegawai"), pk=pk)
    if not request.user.has_perm("skp.lihat", skp):
        raise Http404
    return skp


def _kembali(skp: SKP, jangkar: str = "") -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("skp:detail", args=[skp.pk]) + jangkar)


def _agensi_pengguna(user: Any) -> list[Instansi]:
    """The agencies where the user is Kepala/kepegawaian or heads a unit (for recap/cascade)."""
    jalur = jalur_dengan_peran(user, PERAN_KEPEGAWAIAN)
    daftar = list(Instansi.objects.filter(jenis=JenisInstansi.PERANGKAT_DAERAH).order_by("jalur"))
    hasil = [
        i for i in daftar if any(i.jalur.startswith(j) or j.startswith(i.jalur) for j in jalur)
    ]
    pegawai = pegawai_dari(user)
    if pegawai is not None:
        pd = pegawai.unit.perangkat_daerah()
        if pd is not None and pd not in hasil:
            hasil.append(pd)
    return hasil


# -- my SKP and my team -------------------------------------------------------------------


def beranda(request: HttpRequest) -> HttpResponse:
    """My SKP: every period of the year (two after a move), with the latest predikat."""
    tahun = _tahun(request)
    pegawai = pegawai_dari(request.user)
    daftar = selectors.skp_saya(request.user, tahun)
    penilaian = {
        p.skp_id: p
        for p in PenilaianSKP.objects.filter(skp__in=daftar)
        .select_related("periode")
        .order_by("periode__tahun", "periode__nomor")
    }
    if request.method == "POST" and pegawai is not None:
        try:
            skp = services.skp_buat(pengguna=request.user, pegawai=pegawai, tahun=tahun)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, pesan_galat(exc))
        else:
            messages.success(request, _("SKP dibuat; susun rencana hasil kerjanya."))
            return _kembali(skp)
    return render(
        request,
        "skp/beranda.html",
        {
            "tahun": tahun,
            "pegawai": pegawai,
            "daftar": [(s, penilaian.get(s.pk)) for s in daftar],
            "daftar_tahun": range(dt.date.today().year + 1, 2023, -1),
            "agensi": _agensi_pengguna(request.user),
        },
    )


def tim(request: HttpRequest) -> HttpResponse:
    """My team: the SKP of the people I supervise (direct first), their status and predikat."""
    tahun = _tahun(request)
    pegawai = pegawai_dari(request.user)
    daftar = selectors.skp_tim(request.user, tahun)
    baris = []
    for s in daftar:
        nilai = sorted(s.penilaian.all(), key=lambda p: (p.periode.tahun, p.periode.nomor))
        baris.append(
            {
                "skp": s,
                "langsung": pegawai is not None and s.penilai_id == pegawai.pk,
                "terakhir": nilai[-1] if nilai else None,
                "boleh_nilai": request.user.has_perm("skp.nilai", s),
            }
        )
    baris.sort(key=lambda b: (not b["langsung"], b["skp"].unit.jalur, b["skp"].pegawai.nama))
    return render(
        request,
        "skp/tim.html",
        {"tahun": tahun, "baris": baris, "daftar_tahun": range(dt.date.today().year + 1, 2023, -1)},
    )


# -- one SKP ------------------------------------------------------------------------------


def _pilihan_dukungan(skp: SKP) -> list[tuple[str, str]]:
    pilihan = []
    for s in selectors.skp_atasan(skp):
        for r in s.rhk.all():
            if r.jenis == "utama":
                pilihan.append(
                    (f"rhk-{r.pk}", _("Hasil kerja atasan: %(u)s") % {"u": r.uraian[:150]})
                )
    for it in selectors.item_pk_pilihan(skp):
        pilihan.append(
            (
                f"pk-{it.pk}",
                _("PK %(j)s: %(i)s")
                % {"j": it.perjanjian.jabatan.nama, "i": it.indikator.nama[:150]},
            )
        )
    return pilihan


def _dukungan(teks: str) -> tuple[RencanaHasilKerja | None, ItemPK | None]:
    jenis, _sep, pk = (teks or "").partition("-")
    if jenis == "rhk" and pk.isdigit():
        return RencanaHasilKerja.objects.filter(pk=int(pk)).first(), None
    if jenis == "pk" and pk.isdigit():
        return None, ItemPK.objects.filter(pk=int(pk)).first()
    return None, None


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One SKP: identity, plan (editable by the employee while open), realisation per period,
    evaluations, and the actions the user may take."""
    _skp_terlihat(request, pk)
    skp = selectors.skp_lengkap(pk)
    user = request.user
    boleh_isi = user.has_perm("skp.isi", skp)
    terbuka = skp.status in services.STATUS_BOLEH_DIUBAH
    periode = selectors.periode_skp(skp)
    nilai = {p.periode_id: p for p in skp.penilaian.all()}
    rhk = list(skp.rhk.all())
    kolom = [p for p in periode if p.jenis_periode == "triwulan"]
    baris = []
    for r in rhk:
        for i in r.indikator.all():
            per = {x.periode_id: x for x in i.realisasi.all()}
            baris.append({"rhk": r, "indikator": i, "realisasi": [per.get(p.pk) for p in kolom]})
    return render(
        request,
        "skp/detail.html",
        {
            "skp": skp,
            "rhk": rhk,
            "baris": baris,
            "kolom": kolom,
            "periode": [(p, nilai.get(p.pk)) for p in periode],
            "boleh_isi": boleh_isi,
            "boleh_nilai": user.has_perm("skp.nilai", skp),
            "boleh_kelola": user.has_perm("skp.kelola", skp),
            "terbuka": terbuka,
            "form_rhk": forms.RHKForm(pilihan=_pilihan_dukungan(skp))
            if boleh_isi and terbuka
            else None,
            "form_indikator": forms.IndikatorForm() if boleh_isi and terbuka else None,
            "kepala_unit": selectors.adalah_kepala_unit(skp.jabatan),
            "perilaku": _ekspektasi_baris(skp),
            "skp_lain": SKP.objects.filter(pegawai=skp.pegawai, tahun=skp.tahun).exclude(pk=skp.pk),
            **selectors_tahunan.konteks_detail(user, skp),
            **selectors_keberatan.konteks_detail(user, skp),
        },
    )


def _ekspektasi_baris(skp: SKP) -> list[dict[str, Any]]:
    """The seven core values with their guide behaviours and this SKP's expectation."""
    ada = {e.nilai: e for e in skp.ekspektasi_perilaku.all()}
    return [
        {
            "nilai": n,
            "panduan": PANDUAN_PERILAKU[n],
            "ekspektasi": ada[n.value].ekspektasi if n.value in ada else "",
            "versi": ada[n.value].versi if n.value in ada else "",
        }
        for n in NilaiBerAKHLAK
    ]


@require_POST
def ekspektasi(request: HttpRequest, pk: int) -> HttpResponse:
    """The pejabat penilai saves the specific expectation per BerAKHLAK value."""
    skp = _skp_terlihat(request, pk)
    isian = {n.value: request.POST.get(f"ekspektasi_{n.value}", "") for n in NilaiBerAKHLAK}
    versi = {n.value: baca_versi(request.POST.get(f"versi_{n.value}")) for n in NilaiBerAKHLAK}
    try:
        services.ekspektasi_perilaku_simpan(
            pengguna=request.user, skp=skp, isian=isian, versi=versi
        )
    except (PermissionDenied, ValidationError) as exc:
        messages.error(request, pesan_galat(exc))
    else:
        messages.success(request, _("Ekspektasi perilaku kerja tersimpan."))
    return _kembali(skp, "#perilaku")


@require_POST
def rhk_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a planned result (the employee, while the plan is open)."""
    skp = _skp_terlihat(request, pk)
    form = forms.RHKForm(request.POST, pilihan=_pilihan_dukungan(skp))
    if form.is_valid():
        atasan, item = _dukungan(form.cleaned_data["dukungan"])
        try:
            services.rhk_simpan(
                pengguna=request.user,
                skp=skp,
                uraian=form.cleaned_data["uraian"],
                jenis=form.cleaned_data["jenis"],
                rhk_atasan=atasan,
                item_pk=item,
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, pesan_galat(exc))
        else:
            messages.success(request, _("Rencana hasil kerja ditambahkan."))
    else:
        messages.error(request, _("Periksa isian rencana hasil kerja."))
    return _kembali(skp, "#rencana")


@require_POST
def rhk_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove a planned result."""
    rhk = get_object_or_404(RencanaHasilKerja.objects.select_related("skp"), pk=pk)
    skp = _skp_terlihat(request, rhk.skp_id)
    try:
        services.rhk_hapus(
            pengguna=request.user, rhk=rhk, versi=baca_versi(request.POST.get("versi"))
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, pesan_galat(exc))
    else:
        messages.success(request, _("Rencana hasil kerja dihapus."))
    return _kembali(skp, "#rencana")


@require_POST
def indikator_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    """Add an indicator to a planned result."""
    rhk = get_object_or_404(RencanaHasilKerja.objects.select_related("skp"), pk=pk)
    skp = _skp_terlihat(request, rhk.skp_id)
    form = forms.IndikatorForm(request.POST)
    if form.is_valid():
        try:
            services.indikator_simpan(pengguna=request.user, rhk=rhk, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, pesan_galat(exc))
        else:
            messages.success(request, _("Indikator ditambahkan."))
    else:
        messages.error(request, _("Lengkapi aspek, indikator, target dan satuan."))
    return _kembali(skp, "#rencana")


@require_POST
def indikator_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove an indicator."""
    ind = get_object_or_404(IndikatorSKP.objects.select_related("rhk__skp"), pk=pk)
    skp = _skp_terlihat(request, ind.rhk.skp_id)
    try:
        services.indikator_hapus(
            pengguna=request.user, indikator=ind, versi=baca_versi(request.POST.get("versi"))
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, pesan_galat(exc))
    return _kembali(skp, "#rencana")


@require_POST
def ubah_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Submit, set or return the plan."""
    skp = _skp_terlihat(request, pk)
    try:
        services.skp_ubah_status(
            pengguna=request.user,
            skp=skp,
            tujuan=request.POST.get("tujuan", ""),
            alasan=request.POST.get("alasan", ""),
            versi=baca_versi(request.POST.get("versi")),
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, pesan_galat(exc))
    else:
        messages.success(request, _("Status SKP diperbarui."))
    return _kembali(skp)


def _periode_dari(skp: SKP, periode_id: int) -> Periode:
    p = next((x for x in selectors.periode_skp(skp) if x.pk == periode_id), None)
    if p is None:
        raise Http404
    return p


def realisasi(request: HttpRequest, pk: int, periode_id: int) -> HttpResponse:
    """The employee's realisation of every indicator for a period, with evidence."""
    skp = _skp_terlihat(request, pk)
    periode = _periode_dari(skp, periode_id)
    boleh = request.user.has_perm("skp.isi", skp)
    indikator = list(
        IndikatorSKP.objects.filter(rhk__skp=skp)
        .select_related("rhk")
        .order_by("rhk__urutan", "urutan")
    )
    ada = {
        r.indikator_id: r
        for r in RealisasiSKP.objects.filter(
            indikator__in=indikator, periode=periode
        ).prefetch_related("bukti")
    }
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied
        galat = 0
        for ind in indikator:
            kunci = f"nilai-{ind.pk}"
            if kunci not in request.POST:
                continue
            lama = ada.get(ind.pk)
            baru_nilai = request.POST.get(kunci, "")
            baru_ket = request.POST.get(f"keterangan-{ind.pk}", "")
            if lama is None and not baru_nilai.strip() and not baru_ket.strip():
                continue
            try:
                services.realisasi_simpan(
                    pengguna=request.user,
                    indikator=ind,
                    periode=periode,
                    nilai=baru_nilai,
                    keterangan=baru_ket,
                    versi=baca_versi(request.POST.get(f"versi-{ind.pk}")),
                )
            except EditanKedaluwarsa as exc:
                galat += 1
                messages.error(request, f"{ind.nama}: {pesan_galat(exc)}")
            except (ValidationError, PermissionDenied) as exc:
                galat += 1
                messages.error(request, f"{ind.nama}: {pesan_galat(exc)}")
        if not galat:
            messages.success(request, _("Realisasi tersimpan."))
        return HttpResponseRedirect(reverse("skp:realisasi", args=[skp.pk, periode.pk]))
    return render(
        request,
        "skp/realisasi.html",
        {
            "skp": skp,
            "periode": periode,
            "baris": [(i, ada.get(i.pk)) for i in indikator],
            "boleh": boleh and skp.status == StatusSKP.DITETAPKAN,
            "form_bukti": forms.BuktiForm(),
        },
    )


@require_POST
def bukti_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach a file or a link to a realisation."""
    r = get_object_or_404(RealisasiSKP.objects.select_related("indikator__rhk__skp"), pk=pk)
    skp = _skp_terlihat(request, r.indikator.rhk.skp_id)
    form = forms.BuktiForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ValidationError(_("Unggah berkas atau tulis tautan yang sah."))
        if form.cleaned_data.get("berkas"):
            services.bukti_unggah(
                pengguna=request.user, realisasi=r, berkas=form.cleaned_data["berkas"]
            )
        elif form.cleaned_data.get("tautan"):
            services.bukti_tautan(
                pengguna=request.user, realisasi=r, tautan=form.cleaned_data["tautan"]
            )
        else:
            raise ValidationError(_("Unggah berkas atau tulis tautan."))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, pesan_galat(exc))
    else:
        messages.success(request, _("Bukti dukung dilampirkan."))
    return HttpResponseRedirect(reverse("skp:realisasi", args=[skp.pk, r.periode_id]))


def bukti_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    """Send an evidence file to whoever may see the SKP, always as a download."""
    b = get_object_or_404(BuktiSKP.objects.select_related("realisasi__indikator__rhk__skp"), pk=pk)
    _skp_terlihat(request, b.realisasi.indikator.rhk.skp_id)
    if not b.berkas:
        raise Http404
    resp = FileResponse(
        b.berkas.open("rb"), as_attachment=True, filename=b.nama, content_type=b.jenis_konten
    )
    resp["X-Content-Type-Options"] = "nosniff"
    resp["Content-Security-Policy"] = "default-src 'none'; sandbox"
    resp["Cache-Control"] = "private, no-store"
    return resp


def nilai(request: HttpRequest, pk: int, periode_id: int) -> HttpResponse:
    """The pejabat penilai evaluates a period: ratings, feedback, the resulting predikat."""
    skp = _skp_terlihat(request, pk)
    if not request.user.has_perm("skp.nilai", skp):
        raise PermissionDenied(services.PESAN_TIDAK_BERHAK_NILAI)
    periode = _periode_dari(skp, periode_id)
    ada = PenilaianSKP.objects.filter(skp=skp, periode=periode).prefetch_related("perilaku").first()
    capaian, otomatis = selectors.rating_pimpinan(skp, periode)
    awal = (
        {
            "rating_hasil_kerja": ada.rating_hasil_kerja,
            "rating_perilaku": ada.rating_perilaku,
            "umpan_balik_hasil": ada.umpan_balik_hasil,
            "umpan_balik_perilaku": ada.umpan_balik_perilaku,
            "final": ada.final,
            "versi": ada.versi,
            **{f"rating_{p.nilai}": p.rating for p in ada.perilaku.all()},
            **{f"umpan_balik_{p.nilai}": p.umpan_balik for p in ada.perilaku.all()},
        }
        if ada
        else {"rating_perilaku": "sesuai", "rating_hasil_kerja": "sesuai"}
    )
    form = forms.PenilaianForm(request.POST or None, initial=awal)
    if otomatis is not None:
        form.fields["rating_hasil_kerja"].disabled = True
        form.fields["rating_hasil_kerja"].initial = otomatis.value
    status = 200
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.penilaian_simpan(
                pengguna=request.user,
                skp=skp,
                periode=periode,
                rating_hasil_kerja=d.get("rating_hasil_kerja") or None,
                rating_perilaku=d["rating_perilaku"],
                umpan_balik_hasil=d["umpan_balik_hasil"],
                umpan_balik_perilaku=d["umpan_balik_perilaku"],
                final=d["final"],
                versi=d.get("versi"),
                perilaku=form.perilaku(),
            )
        except EditanKedaluwarsa as exc:
            form.add_error(None, pesan_galat(exc))
            status = 409
        except ValidationError as exc:
            form.add_error(None, pesan_galat(exc))
            status = 422
        else:
            messages.success(request, _("Penilaian tersimpan."))
            return HttpResponseRedirect(reverse("skp:tim") + f"?tahun={skp.tahun}")
    skp_l = selectors.skp_lengkap(skp.pk)
    kolom = [p for p in selectors.periode_skp(skp) if p.jenis_periode == "triwulan"]
    baris = []
    for r in skp_l.rhk.all():
        for i in r.indikator.all():
            per = {x.periode_id: x for x in i.realisasi.all()}
            baris.append({"rhk": r, "indikator": i, "realisasi": per.get(periode.pk)})
    return render(
        request,
        "skp/nilai.html",
        {
            "skp": skp_l,
            "periode": periode,
            "form": form,
            "ada": ada,
            "capaian": capaian,
            "otomatis": otomatis,
            "baris": baris,
            "kolom": kolom,
            "matriks": _matriks_tabel(),
            "perilaku": _baris_perilaku(form, skp),
        },
        status=status,
    )


def _baris_perilaku(form: forms.PenilaianForm, skp: SKP) -> list[dict[str, Any]]:
    """The per-value rows of the evaluation form with the penilai's expectation beside each."""
    ekspektasi = {e.nilai: e.ekspektasi for e in skp.ekspektasi_perilaku.all()}
    return [
        {**b, "ekspektasi": ekspektasi.get(b["nilai"].value, "")} for b in form.baris_perilaku()
    ]


def _matriks_tabel() -> list[dict[str, Any]]:
    from kinerja.skp import matriks

    urut = [matriks.Rating.DI_ATAS, matriks.Rating.SESUAI, matriks.Rating.DI_BAWAH]
    return [
        {
            "hasil": matriks.LABEL_RATING[h],
            "sel": [
                (matriks.MATRIKS[(h, p)].value, matriks.LABEL_PREDIKAT[matriks.MATRIKS[(h, p)]])
                for p in reversed(urut)
            ],
        }
        for h in urut
    ]


def pindah(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a mid-year move (Kepala or kepegawaian)."""
    skp = _skp_terlihat(request, pk)
    if not request.user.has_perm("skp.kelola", skp):
        raise PermissionDenied(services.PESAN_TIDAK_BERHAK_KELOLA)
    pd = skp.unit.perangkat_daerah() or skp.unit
    form = forms.PindahForm(request.POST or None, unit=pd.subtree().exclude(pk=skp.unit_id))
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            baru = services.skp_pindah_unit(
                pengguna=request.user,
                skp=skp,
                tanggal=form.cleaned_data["tanggal"],
                unit_baru=form.cleaned_data["unit_baru"],
                nama_jabatan=form.cleaned_data["nama_jabatan"],
                versi=baca_versi(request.POST.get("versi")),
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, pesan_galat(exc))
            status = 422
        else:
            messages.success(request, _("Perpindahan dicatat; SKP periode baru dibuat."))
            return _kembali(baru)
    return render(request, "skp/pindah.html", {"skp": skp, "form": form}, status=status)


# -- cascade and recap --------------------------------------------------------------------


def _pilih_agensi(request: HttpRequest) -> tuple[Instansi | None, list[Instansi]]:
    pilihan = _agensi_pengguna(request.user)
    try:
        dipilih = int(request.GET.get("instansi", ""))
    except ValueError:
        dipilih = None
    instansi = next((i for i in pilihan if i.pk == dipilih), pilihan[0] if pilihan else None)
    return instansi, pilihan


def cascade(request: HttpRequest) -> HttpResponse:
    """The cascade tree of an agency's year: PK items → results → supporting results. Only
    SKP the user may see appear."""
    tahun = _tahun(request)
    instansi, pilihan = _pilih_agensi(request)
    akar = selectors.pohon_cascade(request.user, instansi, tahun) if instansi else []
    data = {
        "name": instansi.nama if instansi else "",
        "jenis": "akar",
        "pemilik": "",
        "keterangan": "",
        "children": [s.ke_echarts() for s in akar],
    }
    return render(
        request,
        "skp/cascade.html",
        {
            "instansi": instansi,
            "pilihan": pilihan,
            "tahun": tahun,
            "akar": akar,
            "data_pohon": data,
            "daftar_tahun": range(dt.date.today().year + 1, 2023, -1),
        },
    )


def _rekap_konteks(request: HttpRequest) -> dict[str, Any]:
    try:
        instansi = Instansi.objects.get(pk=int(request.GET.get("instansi", "")))
    except (ValueError, Instansi.DoesNotExist):
        instansi, _p = _pilih_agensi(request)
    if instansi is None or not request.user.has_perm("skp.rekap", instansi):
        raise PermissionDenied(
            _("Rekap SKP unit ini hanya untuk Kepala, Subbag Kepegawaian dan kepala unitnya.")
        )
    pemda_id = instansi.id_leluhur[0]
    daftar_periode = list(
        Periode.objects.filter(pemda_id=pemda_id)
        .exclude(jenis_periode="bulan")
        .order_by("-tahun", "jenis_periode", "-nomor")
    )
    try:
        periode = next(p for p in daftar_periode if p.pk == int(request.GET.get("periode", "")))
    except (ValueError, StopIteration):
        dinilai = (
            PenilaianSKP.objects.filter(skp__unit__jalur__startswith=instansi.jalur)
            .order_by("-periode__tahun", "-periode__nomor")
            .values_list("periode_id", flat=True)
            .first()
        )
        periode = next(
            (p for p in daftar_periode if p.pk == dinilai),
            daftar_periode[0] if daftar_periode else None,
        )
    if periode is None:
        raise Http404
    # The Kepala and kepegawaian pick any unit of the agency; a unit head only their own.
    if request.user.has_perm("skp.kelola", instansi):
        unit = list((instansi.perangkat_daerah() or instansi).subtree())
    else:
        unit = [instansi]
    kelola = request.user.has_perm("skp.kelola", instansi)
    return {
        "tanpa_skp": selectors.pegawai_tanpa_skp(instansi, periode.tahun) if kelola else [],
        "rekap": selectors.rekap_unit(request.user, instansi, periode),
        "instansi": instansi,
        "periode": periode,
        "daftar_periode": daftar_periode,
        "daftar_unit": unit,
        "memimpin": memimpin(request.user, instansi),
    }


def rekap(request: HttpRequest) -> HttpResponse:
    """The unit recap for a period: every employee's predikat, the count per predikat, the
    unit's predikat from its capaian and the distribution warning."""
    ctx = _rekap_konteks(request)
    from kinerja.skp.models import PredikatKinerja

    ctx["jumlah_per_predikat"] = [
        (kode, label, ctx["rekap"].jumlah.get(kode, 0)) for kode, label in PredikatKinerja.choices
    ]
    return render(request, "skp/rekap.html", ctx)


@require_POST
def buat_untuk(request: HttpRequest) -> HttpResponse:
    """The personnel section opens an SKP for an employee (e.g. one without a login)."""
    from kinerja.organisasi.models import Pegawai

    pegawai = get_object_or_404(Pegawai, pk=baca_versi(request.POST.get("pegawai")) or 0)
    tahun = baca_versi(request.POST.get("tahun")) or dt.date.today().year
    try:
        skp = services.skp_buat(pengguna=request.user, pegawai=pegawai, tahun=tahun)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, pesan_galat(exc))
        return HttpResponseRedirect(reverse("skp:rekap"))
    messages.success(request, _("SKP %(nama)s dibuat.") % {"nama": pegawai.nama_lengkap})
    return _kembali(skp)


def rekap_xlsx(request: HttpRequest) -> HttpResponse:
    """The unit recap as XLSX (numbers as numbers, frozen header)."""
    from kinerja.skp.dokumen import rekap_xlsx as tulis

    ctx = _rekap_konteks(request)
    isi = tulis(ctx["rekap"])
    p = ctx["periode"]
    nama = f"rekap-skp-{ctx['instansi'].pk}-{p.tahun}-{p.jenis_periode}{p.nomor}.xlsx"
    resp = HttpResponse(
        isi, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    resp["Content-Disposition"] = f'attachment; filename="{nama}"'
    return resp


def pdf_skp(request: HttpRequest, pk: int) -> HttpResponse:
    """The SKP as PDF."""
    from kinerja.skp.dokumen import skp_pdf

    _skp_terlihat(request, pk)
    skp = selectors.skp_lengkap(pk)
    nama = f"skp-{skp.pegawai.nip or skp.pk}-{skp.tahun}.pdf"
    beku = arsip.arsip_skp(skp, request.user)
    if beku is not None:
        return unduh_arsip(beku, nama)
    resp = HttpResponse(skp_pdf(skp), content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="{nama}"'
    resp["Cache-Control"] = "private, no-store"
    return resp


def unduh_arsip(beku: ArsipSKP, nama: str) -> HttpResponse:
    """Serve a frozen document: the stored bytes, never a new rendering."""
    with beku.berkas.open("rb") as f:
        resp = HttpResponse(f.read(), content_type="application/pdf")
    resp["Content-Disposition"] = (
        f'inline; filename="{nama.removesuffix(".pdf")}-v{beku.versi}.pdf"'
    )
    resp["Cache-Control"] = "private, no-store"
    resp["X-Content-Type-Options"] = "nosniff"
    return resp


def pdf_evaluasi(request: HttpRequest, pk: int, periode_id: int) -> HttpResponse:
    """The periodic performance evaluation as PDF."""
    from kinerja.skp.dokumen import evaluasi_pdf

    skp = _skp_terlihat(request, pk)
    periode = _periode_dari(skp, periode_id)
    penilaian = PenilaianSKP.objects.filter(skp=skp, periode=periode).first()
    if penilaian is None:
        raise Http404
    skp_l = selectors.skp_lengkap(pk)
    penilaian = next(x for x in skp_l.penilaian.all() if x.pk == penilaian.pk)
    nama = (
        f"evaluasi-{skp_l.pegawai.nip or skp.pk}-{periode.tahun}-"
        f"{periode.jenis_periode}{periode.nomor}.pdf"
    )
    beku = arsip.arsip_evaluasi(skp_l, penilaian, request.user)
    if beku is not None:
        return unduh_arsip(beku, nama)
    resp = HttpResponse(evaluasi_pdf(skp_l, penilaian), content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="{nama}"'
    resp["Cache-Control"] = "private, no-store"
    return resp
