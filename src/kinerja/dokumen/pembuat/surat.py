"""The letters and minutes of the measurement cycle, in the tata naskah dinas layout.

- `nota_dinas`: nota dinas / disposisi / surat perintah of the Kepala that opens a cycle (seed
  step 1). From the cycle (`siklus`: its order type, number, date, text) or from options.
- `undangan`: invitation to the coordination meeting (seed 002 step 5).
- `notulen`: minutes of a meeting (seed 001/002 step 2, 002 step 6, 003 step 17): from an
  `alur.Rapat` (`rapat=<id>`) or from options.
- `surat_pengantar`: cover letter sending the signed documents (seed 004), listing by default
  the agency's signed documents of the period.

Options (all text is printed as written, never interpreted): `kepada` (one per line), `hal`,
`isi` (paragraphs separated by a blank line), `sifat`, `lampiran`, `tembusan`, `kertas`
(a4/f4); for an invitation also `tanggal_acara` (ISO date), `waktu`, `tempat`, `acara`; for
minutes `judul`, `waktu_rapat` (ISO date-time), `tempat`, `pimpinan`, `peserta`, `notulen`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from kinerja.dokumen import bersama
from kinerja.dokumen import tulis_docx as dx
from kinerja.dokumen.jenis import Konteks, OpsiTidakSah, Pembuat, daftar
from kinerja.dokumen.models import Dokumen, JenisDokumen, StatusDokumen
from kinerja.dokumen.render import tanggal_id

HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def _tanggal_opsi(nilai: Any, nama: str) -> dt.date | None:
    if nilai in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(nilai)[:10])
    except ValueError as exc:
        raise OpsiTidakSah(f"{nama} harus tanggal (TTTT-BB-HH), bukan {nilai!r}.") from exc


def hari_tanggal(t: dt.date) -> str:
    """ "Kamis, 8 Oktober 2026"."""
    return f"{HARI[t.weekday()]}, {tanggal_id(t)}"


def _kunci(opsi: Any) -> str:
    if opsi.get("rapat"):
        return f"rapat-{opsi['rapat']}"
    return slugify(str(opsi.get("kunci") or opsi.get("hal") or opsi.get("judul") or ""))[:60]


def _dasar(k: Konteks, judul: str) -> dict[str, Any]:
    tanggal = _tanggal_opsi(k.opsi.get("tanggal"), "tanggal") or timezone.localdate()
    m = bersama.muatan_dasar(
        k.instansi, judul=judul, tanggal=tanggal, kertas=str(k.opsi.get("kertas") or "a4")
    )
    m["sifat"] = str(k.opsi.get("sifat") or "Biasa")
    m["lampiran"] = str(k.opsi.get("lampiran") or "-")
    m["tembusan"] = bersama.daftar_dari(k.opsi.get("tembusan"))
    return m


def kumpulkan_nota(k: Konteks) -> dict[str, Any]:
    """Payload of a nota dinas / disposisi / surat perintah."""
    s = k.siklus
    jenis = str(k.opsi.get("jenis_naskah") or (s.jenis_perintah if s else "") or "Nota Dinas")
    m = _dasar(k, jenis)
    if s is not None and not k.opsi.get("tanggal"):
        m["tanggal"] = tanggal_id(s.tanggal_perintah)
        m["ttd"]["tanggal"] = m["tanggal"]
    m["bentuk"] = "nota_dinas"
    m["kepada"] = bersama.daftar_dari(k.opsi.get("kepada")) or ["Sekretaris"]
    m["dari"] = m["ttd"]["jabatan"] or k.instansi.nama
    m["hal"] = str(k.opsi.get("hal") or f"Pengukuran Kinerja {k.periode.label}")
    isi = k.opsi.get("isi") or (s.isi_perintah if s else "")
    m["paragraf"] = bersama.paragraf_dari(isi) or [
        f"Dalam rangka pelaksanaan pengukuran kinerja {k.periode.label}, dengan ini "
        "diperintahkan untuk melaksanakan pengukuran kinerja sesuai Standar Operasional "
        "Prosedur dan melaporkan hasilnya tepat waktu.",
        "Demikian untuk dilaksanakan dengan penuh tanggung jawab.",
    ]
    if s is not None and s.nomor_perintah and not k.opsi.get("nomor"):
        m["nomor_tercatat"] = s.nomor_perintah
    return m


def kumpulkan_undangan(k: Konteks) -> dict[str, Any]:
    """Payload of a meeting invitation."""
    m = _dasar(k, "Undangan")
    m["bentuk"] = "undangan"
    m["kepada"] = bersama.daftar_dari(k.opsi.get("kepada")) or [
        "Pejabat terkait (daftar terlampir)"
    ]
    m["hal"] = str(
        k.opsi.get("hal") or f"Undangan Rapat Koordinasi Pengukuran Kinerja {k.periode.label}"
    )
    acara_tgl = _tanggal_opsi(k.opsi.get("tanggal_acara"), "tanggal_acara")
    m["paragraf"] = bersama.paragraf_dari(k.opsi.get("isi")) or [
        f"Dalam rangka pelaksanaan pengukuran kinerja {k.periode.label}, dengan hormat kami "
        "mengundang Bapak/Ibu untuk hadir pada:"
    ]
    m["acara"] = {
        "hari_tanggal": hari_tanggal(acara_tgl) if acara_tgl else "-",
        "waktu": str(k.opsi.get("waktu") or "-"),
        "tempat": str(k.opsi.get("tempat") or "-"),
        "acara": str(k.opsi.get("acara") or "Rapat koordinasi pembahasan pengukuran kinerja"),
    }
    m["penutup"] = bersama.paragraf_dari(k.opsi.get("penutup")) or [
        "Mengingat pentingnya acara tersebut, dimohon kehadiran Bapak/Ibu tepat waktu. "
        "Atas perhatian dan kehadirannya diucapkan terima kasih."
    ]
    return m


def _rapat(k: Konteks) -> dict[str, Any]:
    """Meeting data from an `alur.Rapat` row (`rapat=<id>`) or from the options."""
    rid = k.opsi.get("rapat")
    if rid:
        try:
            Rapat = apps.get_model("alur", "Rapat")
        except LookupError as exc:
            raise OpsiTidakSah("Catatan rapat belum tersedia di sistem ini.") from exc
        r = Rapat.objects.select_related("tugas__siklus").filter(pk=rid).first()
        if r is None or r.tugas.siklus.instansi_id != k.instansi.pk:
            raise OpsiTidakSah(f"Rapat {rid} tidak ditemukan pada instansi ini.")
        waktu = timezone.localtime(r.waktu)
        keputusan = [
            [str(i + 1), ki.indikator.nama, ki.get_hasil_display(), ki.arahan or "-"]
            for i, ki in enumerate(r.keputusan_indikator.select_related("indikator"))
        ]
        return {
            "judul": r.judul,
            "hari_tanggal": hari_tanggal(waktu.date()),
            "waktu": f"{waktu:%H.%M} WIB",
            "tempat": r.tempat,
            "pimpinan": r.pimpinan,
            "peserta": r.daftar_peserta,
            "notulen": bersama.paragraf_dari(r.notulen),
            "keputusan": keputusan,
        }
    waktu_teks = k.opsi.get("waktu_rapat")
    try:
        waktu = dt.datetime.fromisoformat(str(waktu_teks)) if waktu_teks else None
    except ValueError as exc:
        raise OpsiTidakSah(f"waktu_rapat harus tanggal dan jam ISO, bukan {waktu_teks!r}.") from exc
    return {
        "judul": str(k.opsi.get("judul") or f"Rapat Pengukuran Kinerja {k.periode.label}"),
        "hari_tanggal": hari_tanggal(waktu.date()) if waktu else "-",
        "waktu": f"{waktu:%H.%M} WIB" if waktu else "-",
        "tempat": str(k.opsi.get("tempat") or "-"),
        "pimpinan": str(k.opsi.get("pimpinan") or "-"),
        "peserta": bersama.daftar_dari(k.opsi.get("peserta")),
        "notulen": bersama.paragraf_dari(k.opsi.get("notulen")) or ["-"],
        "keputusan": [],
    }


def kumpulkan_notulen(k: Konteks) -> dict[str, Any]:
    """Payload of meeting minutes, signed by the chair (right) and the minute-taker (left)."""
    m = _dasar(k, "Notulen Rapat")
    m["bentuk"] = "notulen"
    m["rapat"] = _rapat(k)
    m["ttd"]["jabatan"] = "Pimpinan Rapat"
    m["ttd"]["status"] = None
    if m["rapat"]["pimpinan"] not in ("", "-"):
        m["ttd"]["nama"] = m["rapat"]["pimpinan"]
        m["ttd"]["pangkat"] = None
        m["ttd"]["nip"] = None
    notulis = str(k.opsi.get("notulis") or "")
    m["ttd_kedua"] = {"jabatan": "Notulis", "nama": notulis or "(……………………)"}
    return m


def kumpulkan_pengantar(k: Konteks) -> dict[str, Any]:
    """Payload of a cover letter listing the documents sent."""
    m = _dasar(k, "Surat Pengantar")
    m["bentuk"] = "pengantar"
    m["kepada"] = bersama.daftar_dari(k.opsi.get("kepada")) or ["Kepala Bappeda"]
    m["hal"] = str(k.opsi.get("hal") or f"Pengantar dokumen kinerja {k.periode.label}")
    naskah = bersama.daftar_dari(k.opsi.get("naskah"))
    if naskah:
        baris = [
            [str(i + 1), n, "1 (satu) berkas", "Disampaikan dengan hormat"]
            for i, n in enumerate(naskah)
        ]
    else:
        dok = Dokumen.objects.filter(
            Q(periode=k.periode) | Q(periode__isnull=True, tahun=k.periode.tahun),
            instansi=k.instansi,
            status__in=[StatusDokumen.DITANDATANGANI, StatusDokumen.DIARSIPKAN],
        ).exclude(jenis=JenisDokumen.SURAT_PENGANTAR)
        baris = [
            [
                str(i + 1),
                f"{d.judul}" + (f" Nomor {d.nomor}" if d.nomor else ""),
                "1 (satu) berkas",
                "Disampaikan dengan hormat untuk dipergunakan sebagaimana mestinya",
            ]
            for i, d in enumerate(d for d in dok.order_by("jenis", "versi"))
        ]
    if not baris:
        raise OpsiTidakSah(
            "Belum ada dokumen bertanda tangan pada periode ini; isi daftar naskah (opsi naskah)."
        )
    m["baris"] = baris
    return m


def tulis_pdf(muatan: dict[str, Any], logo: bytes | None) -> bytes:
    """Any of the four letters as PDF (`typ/surat.typ`)."""
    return bersama.tulis_pdf("surat", muatan, logo)


def tulis_docx(m: dict[str, Any], logo: bytes | None) -> bytes:
    """Any of the four letters as DOCX, the same parts as the PDF."""
    doc = dx.dokumen_baru(kertas=m.get("kertas", "a4"))
    dx.kop(doc, m["kop"], logo)
    if m.get("draf"):
        dx.tanda_draf(doc)
    nomor = m.get("nomor") or "……………………"
    bentuk = m["bentuk"]

    def isian(baris: list[tuple[str, str]]) -> None:
        t = doc.add_table(rows=0, cols=3)
        for a, b in baris:
            sel = t.add_row().cells
            sel[0].text, sel[1].text, sel[2].text = a, ":", b

    if bentuk == "nota_dinas":
        dx.paragraf(doc, m["judul"].upper(), tebal=True, rata="tengah", ukuran=13)
        isian(
            [
                ("Kepada", "Yth. " + "; ".join(m["kepada"])),
                ("Dari", dx.teks(m.get("dari"))),
                *([("Tembusan", "; ".join(m["tembusan"]))] if m.get("tembusan") else []),
                ("Tanggal", m["tanggal"]),
                ("Nomor", nomor),
                ("Sifat", m["sifat"]),
                ("Lampiran", m["lampiran"]),
                ("Hal", m["hal"]),
            ]
        )
        for p in m["paragraf"]:
            dx.paragraf(doc, p, rata="rata")
    elif bentuk == "undangan":
        dx.paragraf(doc, f"{m.get('tempat') or ''}, {m['tanggal']}", rata="kanan")
        isian(
            [
                ("Nomor", nomor),
                ("Sifat", m["sifat"]),
                ("Lampiran", m["lampiran"]),
                ("Hal", m["hal"]),
            ]
        )
        dx.paragraf(doc, "Kepada Yth. " + "; ".join(m["kepada"]))
        dx.paragraf(doc, "di tempat")
        for p in m["paragraf"]:
            dx.paragraf(doc, p, rata="rata")
        a = m["acara"]
        isian(
            [
                ("Hari, tanggal", a["hari_tanggal"]),
                ("Waktu", a["waktu"]),
                ("Tempat", a["tempat"]),
                ("Acara", a["acara"]),
            ]
        )
        for p in m.get("penutup", []):
            dx.paragraf(doc, p, rata="rata")
    elif bentuk == "notulen":
        r = m["rapat"]
        dx.paragraf(doc, m["judul"].upper(), tebal=True, rata="tengah", ukuran=13)
        isian(
            [
                ("Rapat", r["judul"]),
                ("Hari, tanggal", r["hari_tanggal"]),
                ("Waktu", r["waktu"]),
                ("Tempat", r["tempat"]),
                ("Pimpinan rapat", r["pimpinan"]),
                ("Peserta", "; ".join(r["peserta"]) or "-"),
            ]
        )
        dx.paragraf(doc, "Jalannya rapat dan kesimpulan:", tebal=True)
        for p in r["notulen"]:
            dx.paragraf(doc, p, rata="rata")
        if r.get("keputusan"):
            dx.paragraf(doc, "Keputusan per indikator:", tebal=True)
            dx.tabel(
                doc,
                ["No", "Indikator", "Keputusan", "Arahan"],
                r["keputusan"],
                lebar_mm=[8, 60, 30, 60],
            )
    else:
        dx.paragraf(doc, f"{m.get('tempat') or ''}, {m['tanggal']}", rata="kanan")
        dx.paragraf(doc, "Kepada Yth. " + "; ".join(m["kepada"]), rata="kanan")
        dx.paragraf(doc, m["judul"].upper(), tebal=True, rata="tengah", ukuran=13)
        dx.paragraf(doc, f"Nomor: {nomor}", rata="tengah")
        dx.tabel(
            doc,
            ["No", "Naskah Dinas yang Dikirimkan", "Banyaknya", "Keterangan"],
            m["baris"],
            lebar_mm=[10, 90, 30, 60],
            ukuran=10,
        )
    dx.tanda_tangan(doc, m.get("ttd"), kiri=m.get("ttd_kedua"))
    dx.verifikasi(doc, m.get("verifikasi"))
    return dx.simpan(doc)


_TULIS = {"pdf": tulis_pdf, "docx": tulis_docx}
_ISIAN: dict[str, str] = {}

daftar(
    Pembuat(
        jenis=JenisDokumen.NOTA_DINAS,
        tulis=_TULIS,
        kumpulkan=kumpulkan_nota,
        bernomor=True,
        kunci=_kunci,
        keterangan="Nota dinas / disposisi Kepala yang membuka siklus pengukuran.",
    )
)
daftar(
    Pembuat(
        jenis=JenisDokumen.UNDANGAN,
        tulis=_TULIS,
        kumpulkan=kumpulkan_undangan,
        bernomor=True,
        kunci=_kunci,
        keterangan="Undangan rapat koordinasi pengukuran kinerja.",
    )
)
daftar(
    Pembuat(
        jenis=JenisDokumen.NOTULEN,
        tulis=_TULIS,
        kumpulkan=kumpulkan_notulen,
        kunci=_kunci,
        keterangan="Notulen rapat dari catatan rapat siklus atau dari isian.",
    )
)
daftar(
    Pembuat(
        jenis=JenisDokumen.SURAT_PENGANTAR,
        tulis=_TULIS,
        kumpulkan=kumpulkan_pengantar,
        bernomor=True,
        kunci=_kunci,
        keterangan="Surat pengantar dokumen bertanda tangan periode ini.",
    )
)
