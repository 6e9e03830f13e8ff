"""SKP documents: the SKP and the periodic performance evaluation per employee (PDF, Typst),
and the unit recap (XLSX). The dokumen registry's types are a fixed choice list of that app, so
these are small builders here that reuse its pieces: letterhead and signature data
(`dokumen.bersama`), the Typst helpers and vendored fonts (`dokumen/typ/kinerja.typ`,
`dokumen/fonts`), JSON data passing (`render.data_json`, user text never becomes markup) and
the XLSX helpers (`dokumen.tulis_xlsx`: numbers as numbers, frozen header, print titles)."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import typst
from django.utils import timezone

from kinerja.dokumen import tulis_xlsx as x
from kinerja.dokumen.bersama import blok_ttd, kop, kota
from kinerja.dokumen.render import FONT_DIR, TYP_DIR, DokumenError, data_json, tanggal_id
from kinerja.inti.angka import format_angka
from kinerja.skp import matriks
from kinerja.skp.berakhlak import PANDUAN_PERILAKU, NilaiBerAKHLAK
from kinerja.skp.models import SKP, PenilaianSKP
from kinerja.skp.selectors import RekapUnit

SKP_TYP = Path(__file__).resolve().parent / "typ"
_CAP_WAKTU = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def render_pdf(template: str, data: dict[str, Any]) -> bytes:
    """Compile `skp/typ/<template>.typ` next to the shared `kinerja.typ`, data as JSON."""
    with tempfile.TemporaryDirectory(prefix="kinerja-skp-") as tmp:
        root = Path(tmp)
        shutil.copy(TYP_DIR / "kinerja.typ", root / "kinerja.typ")
        shutil.copy(SKP_TYP / f"{template}.typ", root / f"{template}.typ")
        try:
            hasil = typst.compile(
                str(root / f"{template}.typ"),
                root=str(root),
                font_paths=[str(FONT_DIR)],
                sys_inputs={"data": data_json(data)},
                timestamp=_CAP_WAKTU,
            )
        except typst.TypstError as exc:  # pragma: no cover - template bug
            raise DokumenError(f"{template}: {exc.message}\n{exc.diagnostic}") from exc
    assert isinstance(hasil, bytes)
    return hasil


def _angka(d: Decimal | None) -> str:
    if d is None:
        return "–"
    return format_angka(d, 0 if d == d.to_integral_value() else 2)


def pihak(skp: SKP) -> dict[str, Any]:
    """The employee and the pejabat penilai as printed in the identity tables."""
    p = skp.pegawai
    penilai = skp.penilai
    return {
        "pegawai": {
            "nama": p.nama_lengkap,
            "nip": p.nip_cetak,
            "pangkat": " ".join(filter(None, [p.pangkat, f"({p.golongan})" if p.golongan else ""]))
            or "-",
            "jabatan": skp.nama_jabatan,
            "unit": skp.unit.nama,
            "jenis": skp.get_jenis_asn_display(),
        },
        "penilai": {
            "nama": penilai.nama_lengkap if penilai else "-",
            "nip": penilai.nip_cetak if penilai else "-",
            "pangkat": (
                " ".join(
                    filter(
                        None, [penilai.pangkat, f"({penilai.golongan})" if penilai.golongan else ""]
                    )
                )
                or "-"
            )
            if penilai
            else "-",
            "jabatan": (
                (
                    {"plt": "Plt. ", "plh": "Plh. "}.get(skp.status_penilai, "")
                    + skp.jabatan_penilai.nama
                )
                if skp.jabatan_penilai
                else "Pejabat penilai di luar instansi"
            ),
            "unit": skp.jabatan_penilai.instansi.nama if skp.jabatan_penilai else "-",
        },
    }


def _ttd(skp: SKP, tanggal: dt.date) -> dict[str, Any]:
    tempat = kota(skp.unit)
    return {
        "tempat_tanggal": f"{tempat}, {tanggal_id(tanggal)}" if tempat else tanggal_id(tanggal),
        "pegawai": blok_ttd(
            pegawai=skp.pegawai, status="definitif", jabatan="Pegawai yang dinilai"
        ),
        "penilai": blok_ttd(
            pegawai=skp.penilai, status=skp.status_penilai, jabatan="Pejabat penilai kinerja"
        ),
    }


def _rhk(skp: SKP, periode_id: int | None = None) -> list[dict[str, Any]]:
    hasil = []
    for n, r in enumerate(skp.rhk.all(), start=1):
        if r.rhk_atasan_id:
            induk = r.rhk_atasan.uraian
        elif r.item_pk_id:
            induk = f"PK: {r.item_pk.indikator.nama}"
        else:
            induk = "-"
        indikator = []
        for i in r.indikator.all():
            real = next((x for x in i.realisasi.all() if x.periode_id == periode_id), None)
            indikator.append(
                {
                    "aspek": i.get_aspek_display(),
                    "nama": i.nama,
                    "target": f"{_angka(i.target)} {i.satuan}",
                    "realisasi": _angka(real.nilai) if real else "–",
                    "bukti": len(real.bukti.all()) if real else 0,
                }
            )
        hasil.append(
            {
                "no": str(n),
                "jenis": r.get_jenis_display(),
                "induk": induk,
                "uraian": r.uraian,
                "indikator": indikator,
            }
        )
    return hasil


def _perilaku(skp: SKP, penilaian: PenilaianSKP | None = None) -> list[dict[str, Any]]:
    """The seven core values with guide behaviours, the penilai's expectation and, for an
    evaluation, the per-value rating and feedback."""
    ekspektasi = {e.nilai: e.ekspektasi for e in skp.ekspektasi_perilaku.all()}
    nilai = {p.nilai: p for p in penilaian.perilaku.all()} if penilaian is not None else {}
    hasil = []
    for n, v in enumerate(NilaiBerAKHLAK, start=1):
        p = nilai.get(v.value)
        hasil.append(
            {
                "no": str(n),
                "nilai": str(v.label),
                "panduan": [str(x) for x in PANDUAN_PERILAKU[v]],
                "ekspektasi": ekspektasi.get(v.value, ""),
                "rating": p.get_rating_display() if p is not None and p.rating else "",
                "umpan_balik": p.umpan_balik if p is not None else "",
            }
        )
    return hasil


def muatan_skp(skp: SKP) -> dict[str, Any]:
    """The payload of the SKP document (exact text, nothing to compute in the template)."""
    tanggal = (skp.ditetapkan_pada.date() if skp.ditetapkan_pada else None) or skp.mulai
    return {
        "kop": kop(skp.unit),
        "judul": "Sasaran Kinerja Pegawai",
        "subjudul": f"Periode penilaian {tanggal_id(skp.mulai)} s.d. {tanggal_id(skp.selesai)}",
        "status": skp.get_status_display(),
        "draf": skp.status != "ditetapkan",
        **pihak(skp),
        "rhk": _rhk(skp),
        "perilaku": _perilaku(skp),
        "ttd": _ttd(skp, tanggal),
    }


def skp_pdf(skp: SKP) -> bytes:
    """The SKP (plan) as PDF; `skp` from `selectors.skp_lengkap`."""
    return render_pdf("skp", muatan_skp(skp))


def muatan_evaluasi(skp: SKP, penilaian: PenilaianSKP) -> dict[str, Any]:
    """The payload of the periodic evaluation document."""
    p = penilaian.periode
    capaian = (
        f"Rating hasil kerja mengikuti capaian kinerja unit yang dipimpin: "
        f"{format_angka(penilaian.capaian_unit, 2)}%."
        if penilaian.capaian_unit is not None and penilaian.sumber_rating_hasil == "capaian_unit"
        else ""
    )
    return {
        "kop": kop(skp.unit),
        "judul": "Evaluasi Kinerja Pegawai Periodik",
        "subjudul": f"{p.label} · periode penilaian {tanggal_id(skp.mulai)} s.d. "
        f"{tanggal_id(skp.selesai)}",
        "draf": not penilaian.final,
        **pihak(skp),
        "rhk": _rhk(skp, p.pk),
        "perilaku": _perilaku(skp, penilaian),
        "rating_hasil": penilaian.get_rating_hasil_kerja_display(),
        "rating_perilaku": penilaian.get_rating_perilaku_display(),
        "predikat": penilaian.get_predikat_display(),
        "catatan_capaian": capaian,
        "umpan_balik_hasil": penilaian.umpan_balik_hasil,
        "umpan_balik_perilaku": penilaian.umpan_balik_perilaku,
        # A final evaluation is dated the day it became final, so its frozen copy stays the
        # same document from one download to the next (kinerja.skp.arsip).
        "ttd": _ttd(
            skp,
            timezone.localdate(penilaian.dinilai_pada)
            if penilaian.final and penilaian.dinilai_pada
            else min(p.tanggal_akhir, dt.date.today()),
        ),
    }


def evaluasi_pdf(skp: SKP, penilaian: PenilaianSKP) -> bytes:
    """The periodic performance evaluation as PDF."""
    return render_pdf("evaluasi", muatan_evaluasi(skp, penilaian))


KOLOM_REKAP = [
    ("No", 5),
    ("Nama", 30),
    ("NIP", 21),
    ("PNS/PPPK", 9),
    ("Jabatan", 30),
    ("Unit", 28),
    ("Awal periode", 12),
    ("Akhir periode", 12),
    ("Rating hasil kerja", 18),
    ("Sumber rating", 16),
    ("Capaian unit (%)", 12),
    ("Rating perilaku", 18),
    ("Predikat", 16),
    ("Predikat tahunan", 18),
]


def rekap_xlsx(rekap: RekapUnit) -> bytes:
    """The unit recap as XLSX: one row per SKP, numbers and dates as typed cells, the header
    frozen and repeated on print; a second sheet with the distribution and its warnings."""
    wb = x.buku()
    ws = wb.active
    ws.title = "Rekap SKP"
    awal = x.judul(
        ws,
        {
            "judul": "Rekap predikat kinerja pegawai",
            "subjudul": [rekap.instansi.nama, rekap.periode.label],
        },
        len(KOLOM_REKAP),
    )
    data = x.kepala(ws, awal, KOLOM_REKAP)
    baris = data
    for n, b in enumerate(rekap.baris, start=1):
        s, p = b.skp, b.penilaian
        ws.cell(baris, 1, n)
        x.teks(ws, (baris, 2), s.pegawai.nama_lengkap)
        x.teks(ws, (baris, 3), s.pegawai.nip or "")
        x.teks(ws, (baris, 4), s.get_jenis_asn_display())
        x.teks(ws, (baris, 5), s.nama_jabatan)
        x.teks(ws, (baris, 6), s.unit.nama)
        for k, d in ((7, s.mulai), (8, s.selesai)):
            c = ws.cell(baris, k, d)
            c.number_format = "DD/MM/YYYY"
        if p is not None:
            x.teks(ws, (baris, 9), p.get_rating_hasil_kerja_display())
            x.teks(ws, (baris, 10), p.get_sumber_rating_hasil_display())
            x.angka(
                ws,
                baris,
                11,
                None if p.capaian_unit is None else str(p.capaian_unit),
                x.FORMAT_PERSEN,
            )
            x.teks(ws, (baris, 12), p.get_rating_perilaku_display())
            x.teks(ws, (baris, 13), p.get_predikat_display())
        else:
            x.teks(ws, (baris, 13), "belum dinilai")
        if b.tahunan is not None:
            draf = "" if b.tahunan.final else " (draf)"
            x.teks(ws, (baris, 14), f"{b.tahunan.get_predikat_display()}{draf}")
        for k in range(1, len(KOLOM_REKAP) + 1):
            ws.cell(baris, k).border = x.BINGKAI
        baris += 1
    x.atur_cetak(
        ws, kertas="a4", baris_kepala=(awal, awal), kolom_beku=2, awal_data=data, akhir=baris
    )
    ws2 = wb.create_sheet("Distribusi")
    x.teks(ws2, "A1", "Capaian kinerja unit (%)", tebal=True)
    x.angka(ws2, 1, 2, None if rekap.capaian is None else str(rekap.capaian), x.FORMAT_PERSEN)
    x.teks(ws2, "A2", "Predikat organisasi", tebal=True)
    x.teks(ws2, "B2", rekap.label_predikat_organisasi)
    x.teks(ws2, "A4", "Predikat", tebal=True)
    x.teks(ws2, "B4", "Jumlah pegawai", tebal=True)
    for i, pr in enumerate(matriks.Predikat, start=5):
        x.teks(ws2, (i, 1), matriks.LABEL_PREDIKAT[pr])
        ws2.cell(i, 2, rekap.jumlah.get(pr.value, 0))
    r = 5 + len(matriks.Predikat) + 1
    x.teks(ws2, (r, 1), "Pemeriksaan pola distribusi", tebal=True)
    for j, p in enumerate(rekap.pelanggaran or [], start=1):
        x.teks(ws2, (r + j, 1), p.pesan)
    if not rekap.pelanggaran:
        x.teks(ws2, (r + 1, 1), "Sesuai pola distribusi (atau belum ada yang dinilai).")
    ws2.column_dimensions["A"].width = 60
    ws2.column_dimensions["B"].width = 18
    ws2.freeze_panes = "A5"
    return x.simpan(wb)
