"""Dashboard pages: a Pemda or an agency for a period, one indicator compared, and the PDF for
the leadership meeting. Views stay thin: reads are in `selectors_dasbor`, the PDF in
`dasbor_pdf`; the permission is the one `kinerja.lihat` rule (404 outside the user's scope)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kinerja import rumus
from kinerja.analisis import dasbor_pdf
from kinerja.analisis import selectors_dasbor as sel
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.models import Periode
from kinerja.perencanaan.models import Indikator


def _angka(h: Any) -> float | None:
    """A result or number rounded for a chart (charts draw floats; tables print the text)."""
    nilai = getattr(h, "nilai", h)
    if nilai is None:
        return None
    return float(rumus.bulatkan(nilai))


def _instansi_terlihat(request: HttpRequest, instansi_id: int) -> Instansi:
    instansi = get_object_or_404(Instansi, pk=instansi_id)
    if not request.user.has_perm("kinerja.lihat", instansi):
        raise Http404
    return instansi


def _periode(request: HttpRequest, pemda: Instansi) -> tuple[Periode, list[Periode]]:
    daftar = sel.daftar_periode(pemda)
    teks = request.GET.get("periode", "")
    if teks:
        periode = next((p for p in daftar if str(p.pk) == teks), None)
    else:
        periode = sel.periode_bawaan(pemda)
    if periode is None:
        raise Http404
    return periode, daftar


def url_dasbor(instansi_id: int, periode: Periode, level: str | None = None) -> str:
    """The dashboard address of an agency (or Pemda) for a period and level."""
    q: dict[str, Any] = {"periode": periode.pk}
    if level is not None:
        q["level"] = level
    return reverse("analisis:dasbor_instansi", args=[instansi_id]) + "?" + urlencode(q)


def masuk(request: HttpRequest) -> HttpResponse:
    """The entry: the dashboard of the widest unit the user covers, latest period."""
    instansi = sel.instansi_awal(request.user)
    if instansi is None:
        raise Http404
    return HttpResponseRedirect(reverse("analisis:dasbor_instansi", args=[instansi.pk]))


def _dasbor(request: HttpRequest, instansi_id: int) -> tuple[sel.Dasbor, list[Periode]]:
    instansi = _instansi_terlihat(request, instansi_id)
    pemda = (
        instansi if instansi.induk_id is None else Instansi.objects.get(pk=instansi.id_leluhur[0])
    )
    periode, daftar = _periode(request, pemda)
    level = request.GET.get("level")
    if instansi.induk_id is None:

        def url_kelompok(k: sel.Kelompok, level: str) -> str:
            return url_dasbor(k.kunci, periode, level)
    else:

        def url_kelompok(k: sel.Kelompok, level: str) -> str:
            return f"#elemen-{k.kunci}"

    d = sel.dasbor(instansi=instansi, periode=periode, level=level, url_kelompok=url_kelompok)
    return d, daftar


def data_grafik(d: sel.Dasbor) -> dict[str, Any]:
    """The charts' data (json_script): the same numbers as the tables beside them."""
    return {
        "kelompok": [
            {
                "nama": k.keterangan or k.nama,
                "judul": k.nama,
                "nilai": _angka(k.rollup),
                "warna": sel.warna_predikat(k.predikat),
                "predikat": k.predikat.label if k.predikat else "–",
                "url": k.url,
            }
            for k in d.kelompok
        ],
        "distribusi": [
            {"nama": x["label"], "nilai": x["jumlah"], "warna": x["warna"]} for x in d.distribusi
        ],
        "efisiensi": [
            {
                "nama": k.keterangan or k.nama,
                "judul": k.nama,
                "serapan": _angka(k.serapan),
                "capaian": _angka(k.rollup),
                "kategori": k.efisiensi.kategori.label
                if k.efisiensi and k.efisiensi.kategori
                else "",
                "warna": sel.warna_predikat(k.predikat),
                "url": k.url,
            }
            for k in d.kelompok
            if k.serapan is not None and k.serapan.nilai is not None and k.rollup.nilai is not None
        ],
        "pengisian": [
            {
                "nama": r.instansi.singkatan or r.instansi.nama,
                "divalidasi": r.divalidasi,
                "diajukan": r.diajukan,
                "draf": r.draf,
                "dikembalikan": r.dikembalikan,
                "belum": r.belum,
            }
            for r in d.pengisian
        ],
        "label": {
            "capaian": _("Capaian (%)"),
            "serapan": _("Serapan anggaran (%)"),
            "jumlah": _("Jumlah indikator"),
            "divalidasi": _("Divalidasi"),
            "diajukan": _("Diajukan"),
            "draf": _("Draf"),
            "dikembalikan": _("Dikembalikan"),
            "belum": _("Belum diisi"),
            "garis": _("capaian = serapan"),
        },
    }


def halaman(request: HttpRequest, instansi_id: int) -> HttpResponse:
    """The dashboard of a Pemda (by agency) or of an agency or unit (by element)."""
    instansi = _instansi_terlihat(request, instansi_id)
    if "periode" not in request.GET:
        pemda = Instansi.objects.get(pk=instansi.id_leluhur[0])
        if sel.periode_bawaan(pemda) is None:
            # A new Pemda: say what is missing instead of answering "not found".
            return render(request, "analisis/dasbor_kosong.html", {"instansi": instansi})
    d, daftar = _dasbor(request, instansi_id)
    pemda = d.instansi if d.mode_pemda else Instansi.objects.get(pk=d.instansi.id_leluhur[0])
    leluhur = [
        i
        for i in Instansi.objects.filter(pk__in=d.instansi.id_leluhur[:-1]).order_by("jalur")
        if request.user.has_perm("kinerja.lihat", i)
    ]
    kelompok_baris: dict[int, list[sel.BarisDasbor]] = {}
    if not d.mode_pemda:
        for k in d.kelompok:
            kelompok_baris[k.kunci] = sorted(k.baris, key=lambda b: b.indikator.pk)
    return render(
        request,
        "analisis/dasbor.html",
        {
            "d": d,
            "pemda": pemda,
            "leluhur": leluhur,
            "daftar_periode": daftar,
            "pilihan_instansi": sel.pilihan_instansi(request.user, pemda),
            "data_grafik": data_grafik(d),
            "tiga": d.perhatian[:3],
            "lainnya": d.perhatian[3:],
            "url_pdf": reverse("analisis:dasbor_pdf", args=[d.instansi.pk])
            + "?"
            + urlencode({"periode": d.periode.pk, "level": d.level}),
        },
    )


def cetak(request: HttpRequest, instansi_id: int) -> HttpResponse:
    """The dashboard as a printable PDF for the leadership meeting (one chart per page)."""
    d, _daftar = _dasbor(request, instansi_id)
    pdf = dasbor_pdf.render_dasbor(d)
    nama = f"dasbor-{d.instansi.pk}-{d.periode.tahun}-{d.periode.jenis_periode}{d.periode.nomor}"
    resp = HttpResponse(pdf, content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="{nama}.pdf"'
    return resp


def indikator(request: HttpRequest, pk: int) -> HttpResponse:
    """One indicator compared: last year, earlier years, Renstra target, standard, projection."""
    ind = get_object_or_404(
        Indikator.objects.select_related(
            "elemen",
            "elemen__level",
            "elemen__kerangka",
            "elemen__kerangka__instansi",
            "elemen__unit",
            "unit_penanggung_jawab",
            "skala",
        ).prefetch_related("skala__level"),
        pk=pk,
    )
    if not request.user.has_perm("kinerja.lihat", ind):
        raise Http404
    pemilik = ind.instansi_cakupan()
    pemda = Instansi.objects.get(pk=pemilik.id_leluhur[0])
    periode, daftar = _periode(request, pemda)
    p = sel.perbandingan_indikator(ind, periode)
    # Back to the agency's dashboard when the user may see it, else to the unit's.
    agensi = pemilik.perangkat_daerah()
    kembali = agensi if agensi and request.user.has_perm("kinerja.lihat", agensi) else pemilik
    angka = ind.jenis_nilai in ("angka", "persen")
    grafik = {
        "titik": [
            {
                "nama": t.periode.label,
                "realisasi": _angka(t.baris.sd.realisasi) if angka else None,
                "capaian": _angka(t.baris.capaian_tahun),
            }
            for t in p.riwayat
        ],
        "label": {
            "realisasi": _("Realisasi s.d. periode"),
            "capaian": _("Capaian thd target tahun (%)"),
        },
    }
    return render(
        request,
        "analisis/indikator.html",
        {
            "p": p,
            "ind": ind,
            "pemilik": pemilik,
            "daftar_periode": daftar,
            "data_grafik": grafik,
            "url_kembali": url_dasbor(kembali.pk, periode),
            "tujuan_kembali": kembali,
        },
    )
