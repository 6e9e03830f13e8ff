"""Perjanjian Kinerja in the format of PermenPAN-RB 53/2014 (Lampiran I).

Page 1, the statement: the two parties (name, position; Plt./Plh. written before an acting
official's position), the two standard paragraphs, place and date, and the signature blocks
of pihak kedua (left) and pihak pertama (right). Attachment: the table Sasaran Strategis |
Indikator Kinerja | Target (sasaran cells spanning their indicators) and the table Program |
Anggaran | Keterangan with its total, signed again by both parties.

The PK shown is that of the agency head (or option `jabatan`) for the period's year, the
latest signed version else the latest draft. Options: `jabatan`, `kertas` (a4/f4),
`nama_pihak_kedua` (the superior's name when the superior is outside the agency, e.g. the
Bupati, and not recorded). PDF and DOCX.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kinerja.dokumen import bersama
from kinerja.dokumen import tulis_docx as dx
from kinerja.dokumen.jenis import ESR_BAWAAN, Konteks, OpsiTidakSah, Pembuat, daftar
from kinerja.dokumen.models import JenisDokumen
from kinerja.dokumen.pembuat.realisasi_ra import _jabatan_id, _sel_target, kunci_jabatan
from kinerja.dokumen.render import tanggal_id
from kinerja.dokumen.selectors import jabatan_pk, perjanjian_berlaku
from kinerja.inti.angka import format_angka
from kinerja.organisasi.models import StatusPemangku

PARAGRAF_1 = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
    "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
    "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target "
    "kinerja tersebut menjadi tanggung jawab kami."
)
PARAGRAF_2 = (
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi "
    "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam "
    "rangka pemberian penghargaan dan sanksi."
)
PEMBUKA = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel "
    "serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)


def _pihak(pegawai: Any, status: str, jabatan: str, nama_cadangan: str = "") -> dict[str, Any]:
    awalan = {"plt": "Plt.", "plh": "Plh."}.get(status)
    return {
        "nama": pegawai.nama_lengkap if pegawai else (nama_cadangan or "……………………………"),
        "jabatan": jabatan,
        "jabatan_cetak": f"{awalan} {jabatan}" if awalan else jabatan,
        "ttd": {
            "status": awalan,
            "jabatan": jabatan,
            "nama": pegawai.nama_lengkap if pegawai else (nama_cadangan or "……………………………"),
            "pangkat": bersama.pangkat_cetak(pegawai),
            "nip": bersama.format_nip(pegawai.nip) if pegawai and pegawai.nip else None,
        },
    }


def kumpulkan(k: Konteks) -> dict[str, Any]:
    """Payload of the PK statement and its attachment tables."""
    jabatan = jabatan_pk(k.instansi, _jabatan_id(k.opsi))
    if jabatan is None:
        raise OpsiTidakSah("Instansi ini belum memiliki jabatan untuk Perjanjian Kinerja.")
    pk = perjanjian_berlaku(jabatan, k.periode.tahun)
    if pk is None:
        raise OpsiTidakSah(f"Belum ada Perjanjian Kinerja {jabatan} tahun {k.periode.tahun}.")
    tahun = pk.tahun
    m = bersama.muatan_dasar(
        jabatan.instansi,
        judul=f"Perjanjian Kinerja Tahun {tahun}",
        tanggal=pk.tanggal,
        kertas=str(k.opsi.get("kertas") or "a4"),
        penandatangan=bersama.Penandatangan(
            pk.pihak_pertama, pk.status_pihak_pertama, bersama.nama_jabatan_cetak(jabatan)
        ),
    )
    pertama = _pihak(pk.pihak_pertama, pk.status_pihak_pertama, bersama.nama_jabatan_cetak(jabatan))
    if pk.jabatan_pihak_kedua is not None:
        jab2 = bersama.nama_jabatan_cetak(pk.jabatan_pihak_kedua)
    else:
        jab2 = pk.jabatan_pihak_kedua_teks or "-"
    kedua = _pihak(
        pk.pihak_kedua,
        pk.status_pihak_kedua if pk.pihak_kedua else StatusPemangku.DEFINITIF,
        jab2,
        str(k.opsi.get("nama_pihak_kedua") or ""),
    )
    m["pihak_pertama"] = pertama
    m["pihak_kedua"] = kedua
    m["paragraf"] = [PEMBUKA, PARAGRAF_1, PARAGRAF_2]
    m["tanggal"] = tanggal_id(pk.tanggal)
    m["tanggal_tetap"] = True  # the agreement's own date, not the day it is signed here
    m["ttd"] = {**pertama["ttd"], "tempat": m["tempat"], "tanggal": m["tanggal"]}
    m["ttd_kedua"] = kedua["ttd"]
    m["subjudul"] = [jabatan.instansi.nama]
    sasaran: dict[int, dict[str, Any]] = {}
    for it in sorted(pk.item.all(), key=lambda i: (i.urutan, i.pk)):
        ind = it.indikator
        e = ind.elemen
        g = sasaran.setdefault(e.pk, {"sasaran": e.nama, "indikator": []})
        target = _sel_target(ind, it.target, it.target_teks)
        satuan = ind.satuan if ind.satuan not in ("ya/tidak", "predikat") else ""
        g["indikator"].append(
            {
                "nama": ind.nama,
                "target": f"{target['t']} {satuan}".strip() if target["t"] != "–" else "–",
                "target_angka": target["n"],
            }
        )
    m["sasaran"] = [{"no": str(i), **g} for i, g in enumerate(sasaran.values(), start=1)]
    program = []
    total = Decimal(0)
    for i, a in enumerate(pk.anggaran.all(), start=1):
        total += a.pagu
        program.append(
            {
                "no": str(i),
                "program": a.elemen.nama,
                "anggaran": f"Rp {format_angka(a.pagu, 0)}",
                "anggaran_angka": str(a.pagu),
                "keterangan": a.keterangan or "-",
            }
        )
    m["program"] = program
    m["total_anggaran"] = f"Rp {format_angka(total, 0)}"
    m["total_anggaran_angka"] = str(total)
    m["pk"] = {"id": pk.pk, "nomor_versi": pk.nomor_versi, "status": pk.get_status_display()}
    return m


def tulis_pdf(m: dict[str, Any], logo: bytes | None) -> bytes:
    """PDF (`typ/pk.typ`)."""
    return bersama.tulis_pdf("pk", m, logo)


def _ttd_dua_pihak(doc: Any, m: dict[str, Any]) -> None:
    dx.paragraf(doc, f"{m.get('tempat') or ''}, {m['tanggal']}", rata="kanan")
    dx.tanda_tangan(
        doc,
        {**m["ttd"], "tempat": None, "tanggal": None, "sebutan": "Pihak Pertama,"},
        kiri={**m["ttd_kedua"], "sebutan": "Pihak Kedua,"},
    )


def tulis_docx(m: dict[str, Any], logo: bytes | None) -> bytes:
    """DOCX: the statement page, a page break, the attachment tables."""
    doc = dx.dokumen_baru(kertas=m.get("kertas", "a4"), margin_mm=25)
    dx.logo_tengah(doc, logo)
    if m.get("draf"):
        dx.tanda_draf(doc)
    dx.paragraf(doc, m["judul"].upper(), tebal=True, rata="tengah", ukuran=13, spasi_setelah=0)
    dx.paragraf(doc, m["subjudul"][0].upper(), tebal=True, rata="tengah", ukuran=12)
    if m.get("nomor"):
        dx.paragraf(doc, f"Nomor: {m['nomor']}", rata="tengah")
    dx.paragraf(doc, m["paragraf"][0], rata="rata")
    for pihak, sebutan in (
        (m["pihak_pertama"], "selanjutnya disebut pihak pertama."),
        (m["pihak_kedua"], "selaku atasan pihak pertama, selanjutnya disebut pihak kedua."),
    ):
        t = doc.add_table(rows=2, cols=3)
        for baris, (a, b) in zip(
            t.rows, (("Nama", pihak["nama"]), ("Jabatan", pihak["jabatan_cetak"])), strict=True
        ):
            baris.cells[0].text, baris.cells[1].text, baris.cells[2].text = a, ":", b
        dx.paragraf(doc, sebutan)
    for p in m["paragraf"][1:]:
        dx.paragraf(doc, p, rata="rata")
    _ttd_dua_pihak(doc, m)
    doc.add_page_break()
    dx.paragraf(doc, m["judul"].upper(), tebal=True, rata="tengah", ukuran=12, spasi_setelah=0)
    dx.paragraf(doc, m["subjudul"][0].upper(), tebal=True, rata="tengah", ukuran=11)
    baris = []
    for s in m["sasaran"]:
        for j, ind in enumerate(s["indikator"]):
            baris.append(
                [
                    s["no"] if j == 0 else "",
                    s["sasaran"] if j == 0 else "",
                    ind["nama"],
                    ind["target"],
                ]
            )
    dx.tabel(
        doc,
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
        baris,
        lebar_mm=[8, 55, 75, 25],
        ukuran=10,
        kanan=[3],
    )
    dx.paragraf(doc, "")
    prog = [[p["no"], p["program"], p["anggaran"], p["keterangan"]] for p in m["program"]]
    prog.append(["", "Jumlah", m["total_anggaran"], ""])
    dx.tabel(
        doc,
        ["No", "Program", "Anggaran", "Keterangan"],
        prog,
        lebar_mm=[8, 85, 35, 35],
        ukuran=10,
        kanan=[2],
        tebal_baris=[len(prog) - 1],
    )
    dx.paragraf(doc, "")
    _ttd_dua_pihak(doc, m)
    dx.verifikasi(doc, m.get("verifikasi"))
    return dx.simpan(doc)


daftar(
    Pembuat(
        jenis=JenisDokumen.PK,
        tulis={"pdf": tulis_pdf, "docx": tulis_docx},
        kumpulkan=kumpulkan,
        esr=ESR_BAWAAN[JenisDokumen.PK],
        kunci=kunci_jabatan,
        keterangan="Pernyataan dan lampiran PK (PermenPAN-RB 53/2014).",
        tahunan=True,
    )
)
