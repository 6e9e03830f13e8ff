"""The SOP printed in the PermenPAN-RB 35/2012 layout (identity page + swimlane procedure table).

Input is an SOP as a plain dict, the shape of the YAML templates in `kinerja/alur/bawaan/`:

    kode, nama, nomor, pemda, instansi, unit_penyusun,
    tanggal_pembuatan, tanggal_revisi, tanggal_efektif (ISO text, date or null),
    disahkan_oleh: {jabatan, nama, pangkat, nip},
    dasar_hukum, kualifikasi_pelaksana, keterkaitan, peralatan, peringatan, pencatatan: [str],
    pelaksana: [{kode, label}],          # swimlane columns, in order
    langkah: [{no, uraian, pelaksana: [kode], kelengkapan: [str],
               waktu: {jumlah, satuan: menit|jam|hari} | {teks}, output: [str],
               jenis: kegiatan|keputusan|rapat|dokumen|arsip|unggah,
               kembali_ke: int|null, aksi_sistem: str|null, keterangan: str|null}]

A step with `kembali_ke` is drawn as a decision (diamond, "Ya" onward, "Tidak" back) whatever
its `jenis`: a meeting whose outcome sends work back is a decision in the flowchart. The first
and the last step are drawn as start/end capsules unless they are decisions; a last decision
gets an end capsule below it.

This module turns it into display data (Indonesian dates, times, lane indices, symbol kinds and
the route of every connector) and `typ/sop.typ` lays it out and draws the flowchart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from kinerja.dokumen.render import format_nip, render_pdf, render_png, tanggal_id

SATUAN_WAKTU = {"menit": "menit", "jam": "jam", "hari": "hari"}
JENIS_LANGKAH = {"kegiatan", "keputusan", "rapat", "dokumen", "arsip", "unggah"}


class SOPTidakSah(ValueError):
    """The SOP dict cannot be printed; the message names the step and the problem."""


def format_waktu(waktu: Mapping[str, Any] | str | None) -> str:
    """Standard time as printed under Mutu Baku: "10 menit", "2 jam", "1,5 hari", or the text."""
    if waktu is None or waktu == "":
        return ""
    if isinstance(waktu, str):
        return waktu
    if waktu.get("teks"):
        return str(waktu["teks"])
    satuan = SATUAN_WAKTU.get(str(waktu.get("satuan", "")).lower())
    if satuan is None:
        raise SOPTidakSah(f"satuan waktu tidak dikenal: {waktu.get('satuan')!r}")
    try:
        jumlah = Decimal(str(waktu.get("jumlah")))
    except InvalidOperation as exc:
        raise SOPTidakSah(f"jumlah waktu bukan angka: {waktu.get('jumlah')!r}") from exc
    teks = f"{jumlah.normalize():f}".replace(".", ",")
    return f"{teks} {satuan}"


def _daftar(nilai: Any) -> list[str]:
    if nilai is None or nilai == "":
        return []
    if isinstance(nilai, str):
        return [nilai]
    return [str(v) for v in nilai]


def _teks(nilai: Any) -> str | None:
    return None if nilai is None or nilai == "" else str(nilai)


def _lajur_terdekat(kandidat: Sequence[int], awal: int, akhir: int) -> int:
    """The lane of `kandidat` nearest to the lane range [awal, akhir]; one inside wins."""

    def jarak(k: int) -> tuple[int, int]:
        return (max(awal - k, 0, k - akhir), k)

    return min(kandidat, key=jarak)


def _rute_maju(dari: list[int], ke: list[int]) -> dict[str, Any]:
    """How the arrow from one step reaches the next (see the module docstring of sop.typ)."""
    awal, akhir = min(dari), max(dari)
    b = _lajur_terdekat(ke, awal, akhir)
    if b in dari:
        return {"dari": b, "ke": b, "cara": "bawah"}
    if awal < b < akhir:
        return {"dari": b, "ke": b, "cara": "gabung"}
    return {"dari": awal if b < awal else akhir, "ke": b, "cara": "samping"}


def _keluar_samping(langkah: Mapping[str, Any], sisi: str) -> bool:
    """True if the step's forward arrow leaves its symbols from the `sisi` side."""
    m = langkah["maju"]
    if m is None or m["cara"] != "samping":
        return False
    return m["ke"] < m["dari"] if sisi == "kiri" else m["ke"] > m["dari"]


def _rute_kembali(
    keputusan: Mapping[str, Any], tujuan: Mapping[str, Any], indeks: int
) -> dict[str, Any]:
    """The "Tidak" route of a decision: back to `tujuan` along the left side, or the right one
    when the left is taken by a forward arrow of either step; when both sides are taken, the
    return enters the target above the middle of its side (`geser`)."""
    bebas = [
        s
        for s in ("kiri", "kanan")
        if not _keluar_samping(keputusan, s) and not _keluar_samping(tujuan, s)
    ]
    sisi = bebas[0] if bebas else ("kanan" if _keluar_samping(keputusan, "kiri") else "kiri")
    pilih = max if sisi == "kanan" else min
    return {
        "ke": indeks,
        "dari": pilih(keputusan["lajur"]),
        "lajur": pilih(tujuan["lajur"]),
        "sisi": sisi,
        "geser": not bebas,
    }


def data_sop(sop: Mapping[str, Any]) -> dict[str, Any]:
    """Turn an SOP dict into the display data `typ/sop.typ` expects; raise `SOPTidakSah`."""
    pelaksana = list(sop.get("pelaksana") or [])
    indeks_lajur = {p["kode"]: i for i, p in enumerate(pelaksana)}
    langkah_sop = list(sop.get("langkah") or [])
    if not pelaksana:
        raise SOPTidakSah("SOP tidak mempunyai pelaksana")
    if not langkah_sop:
        raise SOPTidakSah("SOP tidak mempunyai langkah")
    indeks_no: dict[str, int] = {}
    for i, lk in enumerate(langkah_sop):
        if str(lk.get("no")) in indeks_no:
            raise SOPTidakSah(f"nomor langkah {lk.get('no')} dipakai dua kali")
        indeks_no[str(lk.get("no"))] = i

    langkah: list[dict[str, Any]] = []
    for i, lk in enumerate(langkah_sop):
        no = lk.get("no")
        kode = list(lk.get("pelaksana") or [])
        if not kode:
            raise SOPTidakSah(f"langkah {no}: tidak ada pelaksana")
        tak_dikenal = [k for k in kode if k not in indeks_lajur]
        if tak_dikenal:
            raise SOPTidakSah(f"langkah {no}: pelaksana tidak dikenal {', '.join(tak_dikenal)}")
        jenis = lk.get("jenis") or "kegiatan"
        if jenis not in JENIS_LANGKAH:
            raise SOPTidakSah(f"langkah {no}: jenis tidak dikenal {jenis!r}")
        lajur = sorted({indeks_lajur[k] for k in kode})
        terakhir = i == len(langkah_sop) - 1
        if jenis == "keputusan" or lk.get("kembali_ke") is not None:
            simbol = "keputusan"
        elif i == 0:
            simbol = "mulai"
        elif terakhir:
            simbol = "selesai"
        else:
            simbol = "proses"
        langkah.append(
            {
                "no": str(no),
                "uraian": str(lk.get("uraian") or ""),
                "lajur": lajur,
                "simbol": simbol,
                "selesai_sesudah": terakhir and simbol == "keputusan",
                "kelengkapan": _daftar(lk.get("kelengkapan")),
                "waktu": format_waktu(lk.get("waktu")),
                "output": _daftar(lk.get("output")),
                "ket": _teks(lk.get("keterangan")),
                "maju": None,
                "kembali": None,
            }
        )

    for i, lk in enumerate(langkah):
        if i + 1 < len(langkah):
            lk["maju"] = _rute_maju(lk["lajur"], langkah[i + 1]["lajur"])
        tujuan = langkah_sop[i].get("kembali_ke")
        if tujuan is None:
            continue
        if str(tujuan) not in indeks_no or indeks_no[str(tujuan)] >= i:
            raise SOPTidakSah(f"langkah {lk['no']}: kembali_ke {tujuan} bukan langkah sebelumnya")
        t = indeks_no[str(tujuan)]
        lk["kembali"] = _rute_kembali(lk, langkah[t], t)

    disahkan = dict(sop.get("disahkan_oleh") or {})
    return {
        "kertas": sop.get("kertas", "a4"),
        "logo": None,
        "pemda": _teks(sop.get("pemda")),
        "instansi": _teks(sop.get("instansi")),
        "unit_penyusun": _teks(sop.get("unit_penyusun")),
        "nomor": _teks(sop.get("nomor")),
        "nama": _teks(sop.get("nama")),
        "tanggal_pembuatan": tanggal_id(sop.get("tanggal_pembuatan")),
        "tanggal_revisi": tanggal_id(sop.get("tanggal_revisi")),
        "tanggal_efektif": tanggal_id(sop.get("tanggal_efektif")),
        "disahkan": {
            "jabatan": _teks(disahkan.get("jabatan")),
            "nama": _teks(disahkan.get("nama")),
            "pangkat": _teks(disahkan.get("pangkat")),
            "nip": format_nip(disahkan.get("nip"), kosong="") or None,
        },
        "dasar_hukum": _daftar(sop.get("dasar_hukum")),
        "kualifikasi_pelaksana": _daftar(sop.get("kualifikasi_pelaksana")),
        "keterkaitan": _daftar(sop.get("keterkaitan")),
        "peralatan": _daftar(sop.get("peralatan")),
        "peringatan": _daftar(sop.get("peringatan")),
        "pencatatan": _daftar(sop.get("pencatatan")),
        "pelaksana": [str(p.get("label") or p["kode"]) for p in pelaksana],
        "langkah": langkah,
    }


def _siapkan(
    sop: Mapping[str, Any], kertas: str | None, logo: bytes | None, logo_ext: str
) -> tuple[dict[str, Any], dict[str, bytes] | None]:
    data = data_sop(sop)
    if kertas is not None:
        data["kertas"] = kertas
    if data["kertas"] not in ("a4", "f4"):
        raise SOPTidakSah(f"kertas tidak dikenal: {data['kertas']!r} (a4 atau f4)")
    if logo is None:
        return data, None
    nama = f"logo.{logo_ext}"
    data["logo"] = f"/berkas/{nama}"
    return data, {nama: logo}


def render_sop_pdf(
    sop: Mapping[str, Any],
    *,
    kertas: str | None = None,
    logo: bytes | None = None,
    logo_ext: str = "png",
) -> bytes:
    """Print an SOP dict as PDF: identity page, then the landscape procedure table.

    `kertas` is "a4" (default) or "f4"; `logo` the agency's logo image bytes (png/jpg/svg, say
    which with `logo_ext`). Raises `SOPTidakSah` for an SOP that cannot be drawn.
    """
    data, berkas = _siapkan(sop, kertas, logo, logo_ext)
    return render_pdf("sop", data, berkas=berkas)


def render_sop_png(
    sop: Mapping[str, Any],
    *,
    kertas: str | None = None,
    logo: bytes | None = None,
    logo_ext: str = "png",
    ppi: float = 100,
) -> list[bytes]:
    """The same SOP as one PNG image per page (previews, visual checks)."""
    data, berkas = _siapkan(sop, kertas, logo, logo_ext)
    return render_png("sop", data, berkas=berkas, ppi=ppi)
