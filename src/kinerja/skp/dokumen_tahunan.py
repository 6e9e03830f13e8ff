"""The annual "Dokumen Evaluasi Kinerja Pegawai" (PDF, Typst `typ/tahunan.typ`): identity of the
employee and the pejabat penilai of the year's last SKP, every SKP of the year with the final
periodic evaluation it rests on and its weight in days, the suggestion, the decided ratings
and predikat, the note and both signatures; marked "DRAF" until final.

Same pieces as the periodic evaluation (`kinerja.skp.dokumen`): letterhead, identity and
signature data, `render_pdf` with the shared `kinerja.typ`; data as JSON, user text never
becomes markup, everything arrives formatted."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils import timezone

from kinerja.dokumen.bersama import blok_ttd, kop, kota
from kinerja.dokumen.render import tanggal_id
from kinerja.inti.angka import format_angka
from kinerja.skp import matriks
from kinerja.skp.dokumen import pihak as pihak_skp
from kinerja.skp.dokumen import render_pdf
from kinerja.skp.models import PenilaianTahunan
from kinerja.skp.selectors_tahunan import UsulanTahunan

JUDUL = "Dokumen Evaluasi Kinerja Pegawai"
AWALAN_STATUS = {"plt": "Plt. ", "plh": "Plh. "}


def _skor(d: Decimal | None) -> str:
    """A weighted score (already cut to two decimals) for print ("2,50"), or "–"."""
    return "–" if d is None else format_angka(d, 2)


def _label(kode: str | None) -> str:
    """A rating code as printed, or "–"."""
    return matriks.LABEL_RATING[matriks.Rating(kode)] if kode else "–"


def _penilai(ada: PenilaianTahunan, pihak: dict[str, Any]) -> dict[str, Any]:
    """The assessor's identity: the one who decided the annual evaluation (a Plt./Plh.
    standing in) when not the penilai recorded on the SKP."""
    skp = ada.skp
    p = ada.penilai
    if p is None or p.pk == skp.penilai_id or skp.jabatan_penilai is None:
        return pihak["penilai"]
    pangkat = " ".join(filter(None, [p.pangkat, f"({p.golongan})" if p.golongan else ""]))
    return {
        **pihak["penilai"],
        "nama": p.nama_lengkap,
        "nip": p.nip_cetak,
        "pangkat": pangkat or "-",
        "jabatan": AWALAN_STATUS.get(ada.status_penilai, "") + skp.jabatan_penilai.nama,
    }


def muatan_tahunan(ada: PenilaianTahunan, usulan: UsulanTahunan) -> dict[str, Any]:
    """The payload of the annual evaluation document (exact text, nothing to compute in the
    template). `usulan` from `selectors_tahunan.usulan_tahunan` gives every SKP of the year."""
    skp = usulan.skp_terakhir or ada.skp
    pihak = pihak_skp(skp)
    pertama = usulan.bagian[0].skp if usulan.bagian else skp
    baris = []
    for n, b in enumerate(usulan.bagian, start=1):
        s, d = b.skp, b.dasar
        baris.append(
            {
                "no": str(n),
                "periode": f"{tanggal_id(s.mulai)} s.d. {tanggal_id(s.selesai)}",
                "hari": str(b.hari) if d else f"{b.hari} (tidak dihitung)",
                "jabatan": f"{s.nama_jabatan}, {s.unit.nama}",
                "penilai": s.penilai.nama_lengkap if s.penilai else "Di luar instansi",
                "dasar": d.periode.label if d else "Belum ada evaluasi final",
                "hasil": d.get_rating_hasil_kerja_display() if d else "–",
                "perilaku": d.get_rating_perilaku_display() if d else "–",
                "predikat": d.get_predikat_display() if d else "–",
            }
        )
    capaian = (
        "Rating hasil kerja mengikuti capaian kinerja unit yang dipimpin tahun "
        f"{ada.tahun}: {format_angka(ada.capaian_unit, 2)}%."
        if ada.capaian_unit is not None and ada.sumber_rating_hasil == "capaian_unit"
        else ""
    )
    usul_hasil = (
        f"{usulan.label_hasil} (capaian unit {format_angka(usulan.capaian_unit, 2)}%)"
        if usulan.rating_pimpinan is not None and usulan.capaian_unit is not None
        else f"{usulan.label_hasil} (skor {_skor(usulan.skor_hasil_cetak)})"
    )
    tanggal = timezone.localdate(ada.dinilai_pada) if ada.dinilai_pada else skp.selesai
    tempat = kota(skp.unit)
    penilai = ada.penilai or skp.penilai
    status_penilai = ada.status_penilai if ada.penilai else skp.status_penilai
    return {
        "kop": kop(skp.unit),
        "judul": JUDUL,
        "subjudul": f"Evaluasi kinerja tahunan {ada.tahun} · periode penilaian "
        f"{tanggal_id(pertama.mulai)} s.d. {tanggal_id(skp.selesai)}",
        "draf": not ada.final,
        "pegawai": pihak["pegawai"],
        "penilai": _penilai(ada, pihak),
        "skp": baris,
        "usulan": {
            "hasil": usul_hasil,
            "perilaku": f"{usulan.label_perilaku} (skor {_skor(usulan.skor_perilaku_cetak)})",
            "predikat": usulan.label_predikat,
            "keterangan": "Skor: di atas ekspektasi 3, sesuai 2, di bawah 1, rata-rata "
            "berbobot jumlah hari setiap SKP; ≥ 2,5 di atas, ≥ 1,5 sesuai, selain itu di bawah "
            "ekspektasi.",
        },
        "rating_hasil": _label(ada.rating_hasil_kerja),
        "rating_perilaku": _label(ada.rating_perilaku),
        "predikat": ada.get_predikat_display(),
        "catatan_capaian": capaian,
        "catatan": ada.catatan,
        "ttd": {
            "tempat_tanggal": f"{tempat}, {tanggal_id(tanggal)}" if tempat else tanggal_id(tanggal),
            "pegawai": blok_ttd(
                pegawai=skp.pegawai, status="definitif", jabatan="Pegawai yang dinilai"
            ),
            "penilai": blok_ttd(
                pegawai=penilai, status=status_penilai, jabatan="Pejabat penilai kinerja"
            ),
        },
    }


def tahunan_pdf(ada: PenilaianTahunan, usulan: UsulanTahunan) -> bytes:
    """The annual performance evaluation document as PDF."""
    return render_pdf("tahunan", muatan_tahunan(ada, usulan))
