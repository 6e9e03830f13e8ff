"""The public verification page: /verifikasi/<kode>/ — no login.

It states, for a signed document only, its type, agency, number, signer and signing date, and
whether a presented file (uploaded, or its SHA-256 pasted) is the signed file. Nothing else
about the document or the agency is shown. Unknown codes and drafts answer 404. Lookups and
checks are rate-limited per client address, and uploads are size-limited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from django import forms
from django.apps import apps
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from kinerja.dokumen.models import Dokumen, StatusDokumen

UKURAN_MAKS = 25 * 1024 * 1024  # a signed PDF of a Pemda-size report stays far below this
BATAS_PERMINTAAN = 30  # lookups per address per window
JENDELA_DETIK = 600
_POLA_KODE = re.compile(r"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")
_POLA_SHA = re.compile(r"^[0-9a-f]{64}$")

PESAN_TERLALU_SERING = _(
    "Terlalu banyak permintaan verifikasi dari alamat Anda. Coba lagi beberapa menit lagi."
)
PESAN_TERLALU_BESAR = _("Berkas terlalu besar (paling besar 25 MB).")
PESAN_SHA = _("SHA-256 harus 64 karakter heksadesimal.")
PESAN_KOSONG = _("Unggah berkas atau tempelkan SHA-256-nya.")


class FormCocok(forms.Form):
    """Upload the file, or paste its SHA-256."""

    berkas = forms.FileField(label=_("Berkas dokumen"), required=False)
    sha256 = forms.CharField(label=_("atau SHA-256 berkas"), required=False, max_length=80)

    def clean_berkas(self):  # type: ignore[no-untyped-def]
        """Refuse large uploads before reading them."""
        f = self.cleaned_data.get("berkas")
        if f is not None and f.size > UKURAN_MAKS:
            raise forms.ValidationError(PESAN_TERLALU_BESAR)
        return f

    def clean_sha256(self) -> str:
        """Lower-case hex without spaces, 64 characters."""
        nilai = "".join(self.cleaned_data.get("sha256", "").split()).lower()
        if nilai and not _POLA_SHA.match(nilai):
            raise forms.ValidationError(PESAN_SHA)
        return nilai

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        if not data.get("berkas") and not data.get("sha256") and not self.errors:
            raise forms.ValidationError(PESAN_KOSONG)
        return data

    def sha(self) -> str:
        """The SHA-256 of the uploaded file (read in chunks), or the pasted one."""
        f = self.cleaned_data.get("berkas")
        if f is None:
            return str(self.cleaned_data["sha256"])
        h = hashlib.sha256()
        for potong in f.chunks():
            h.update(potong)
        return h.hexdigest()


def alamat_klien(request: HttpRequest) -> str:
    """The client address used for rate limiting (the proxy's view when behind one)."""
    return str(request.META.get("REMOTE_ADDR", "?"))


def melebihi_batas(request: HttpRequest) -> bool:
    """Count this request against the client's budget; True when it is over the limit."""
    kunci = f"kinerja:verifikasi:{alamat_klien(request)}"
    cache.add(kunci, 0, JENDELA_DETIK)
    try:
        jumlah = cache.incr(kunci)
    except ValueError:
        cache.set(kunci, 1, JENDELA_DETIK)
        jumlah = 1
    return jumlah > BATAS_PERMINTAAN


PESAN_KODE = _("Kode verifikasi terdiri atas 12 huruf/angka, mis. AB12-CD34-EF56.")


def rapikan_kode(teks: str) -> str:
    """A typed code in the printed form: upper case, without spaces, dashes every 4 characters
    ("ab12cd34ef56" and "AB12 CD34 EF56" both become "AB12-CD34-EF56")."""
    polos = re.sub(r"[^0-9A-Za-z]", "", teks).upper()
    return "-".join(polos[i : i + 4] for i in range(0, len(polos), 4))


@login_not_required
@never_cache
def cari(request: HttpRequest) -> HttpResponse:
    """Where to type the code printed under a signed document's QR code."""
    teks = request.GET.get("kode", "")
    pesan = None
    if teks:
        kode = rapikan_kode(teks)
        if _POLA_KODE.match(kode):
            return HttpResponseRedirect(reverse("verifikasi:halaman", args=[kode]))
        pesan = PESAN_KODE
    return render(request, "dokumen/verifikasi_cari.html", {"teks": teks, "pesan": pesan})


@login_not_required
@never_cache
@csrf_protect
def halaman(request: HttpRequest, kode: str) -> HttpResponse:
    """Show what a verification code certifies and check a presented file against it."""
    if melebihi_batas(request):
        return render(
            request, "dokumen/verifikasi.html", {"pesan": PESAN_TERLALU_SERING}, status=429
        )
    kode = kode.strip().upper()
    if not _POLA_KODE.match(kode):
        raise Http404
    dok = (
        Dokumen.objects.select_related("instansi", "penandatangan")
        .filter(kode_verifikasi=kode, ditandatangani_pada__isnull=False)
        .exclude(status=StatusDokumen.DRAF)
        .first()
    )
    terdaftar = _dari_dokumen(dok) if dok is not None else _dari_arsip_skp(kode)
    if terdaftar is None:
        raise Http404
    hasil = None
    if request.method == "POST":
        form = FormCocok(request.POST, request.FILES)
        if form.is_valid():
            hasil = bool(terdaftar.sha256) and terdaftar.sha256 == form.sha().lower()
    else:
        form = FormCocok()
    return render(
        request,
        "dokumen/verifikasi.html",
        {"dok": terdaftar, "form": form, "hasil": hasil, "kode": kode},
    )


@dataclass(frozen=True)
class Terdaftar:
    """What the verification page states about a registered document, whatever its kind."""

    jenis: str
    instansi: str
    nomor: str
    pihak: list[tuple[str, str, str]]  # (role, name, position)
    tanggal: dt.date | dt.datetime | None
    berlaku: bool
    sha256: str


def _dari_dokumen(dok: Dokumen) -> Terdaftar:
    nama = dok.penandatangan.nama_lengkap if dok.penandatangan else "–"
    return Terdaftar(
        jenis=dok.get_jenis_display(),
        instansi=dok.instansi.nama,
        nomor=dok.nomor,
        pihak=[
            (
                str(_("Penandatangan")),
                nama,
                f"{dok.awalan_penandatangan}{dok.jabatan_penandatangan}",
            )
        ],
        tanggal=dok.ditandatangani_pada,
        berlaku=dok.status != "diganti",
        sha256=dok.sha256,
    )


def _dari_arsip_skp(kode: str) -> Terdaftar | None:
    """A frozen SKP document (`kinerja.skp.ArsipSKP`): looked up through the app registry so
    the document app does not depend on the employee app that builds on it."""
    if not apps.is_installed("kinerja.skp"):
        return None
    ArsipSKP = apps.get_model("skp", "ArsipSKP")
    a = (
        ArsipSKP.objects.select_related("skp__pegawai", "skp__penilai", "skp__unit")
        .filter(kode_verifikasi=kode)
        .first()
    )
    if a is None:
        return None
    skp = a.skp
    pihak = [(str(_("Pegawai yang dinilai")), skp.pegawai.nama_lengkap, skp.nama_jabatan)]
    if skp.penilai is not None:
        awalan = {"plt": "Plt. ", "plh": "Plh. "}.get(skp.status_penilai, "")
        jabatan = f"{awalan}{skp.jabatan_penilai.nama}" if skp.jabatan_penilai_id else ""
        pihak.append((str(_("Pejabat penilai kinerja")), skp.penilai.nama_lengkap, jabatan))
    lebih_baru = ArsipSKP.objects.filter(
        skp=skp,
        jenis=a.jenis,
        penilaian=a.penilaian_id,
        penilaian_tahunan=a.penilaian_tahunan_id,
        versi__gt=a.versi,
    ).exists()
    return Terdaftar(
        jenis=f"{a.get_jenis_display()} {skp.tahun}",
        instansi=skp.unit.nama,
        nomor="",
        pihak=pihak,
        tanggal=a.dibuat_pada,
        berlaku=not lebih_baru,
        sha256=a.sha256,
    )
