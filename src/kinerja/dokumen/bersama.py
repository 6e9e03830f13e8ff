"""Pieces every document shares: letterhead, signer, signature block, numbering, number text.

Everything here returns plain JSON-ready values (strings already formatted the Indonesian way)
so a builder's payload can be frozen as a snapshot and rendered again later, identically.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.files.storage import default_storage

from kinerja.dokumen.render import format_nip, tanggal_id
from kinerja.inti.angka import format_angka
from kinerja.organisasi.models import (
    Instansi,
    Jabatan,
    JenisInstansi,
    Pegawai,
    PemangkuJabatan,
    StatusPemangku,
)
from kinerja.rumus import bulatkan

ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
POLA_BAWAAN = "{urut}/{tahun}"
_PENANDA_POLA = re.compile(r"\{(urut|tahun|bulan_romawi|bulan)\}")


def format_nomor(pola: str, *, urut: int, tanggal: dt.date) -> str:
    """A letter number from an agency pattern: "050/{urut}/BMCKTR/{tahun}" → "050/7/BMCKTR/2026".

    Known placeholders: {urut}, {tahun}, {bulan} (1–12), {bulan_romawi} (I–XII). Anything else in
    braces is kept as written, so a typo shows on the draft instead of failing.
    """
    nilai = {
        "urut": str(urut),
        "tahun": str(tanggal.year),
        "bulan": str(tanggal.month),
        "bulan_romawi": ROMAWI[tanggal.month - 1],
    }
    return _PENANDA_POLA.sub(lambda m: nilai[m.group(1)], pola or POLA_BAWAAN)


def leluhur(instansi: Instansi) -> list[Instansi]:
    """The agency and its ancestors, nearest first (one query)."""
    ids = instansi.id_leluhur
    per_id = {i.pk: i for i in Instansi.objects.filter(pk__in=ids)}
    return [per_id[i] for i in reversed(ids) if i in per_id]


def pola_nomor(instansi: Instansi) -> str:
    """The numbering pattern of the agency, or of its nearest ancestor that has one."""
    for i in leluhur(instansi):
        if i.pola_nomor_surat:
            return i.pola_nomor_surat
    return POLA_BAWAAN


def logo_instansi(instansi: Instansi) -> bytes | None:
    """The logo of the agency or of its nearest ancestor (usually the Pemda's), as bytes."""
    for i in leluhur(instansi):
        if i.logo:
            try:
                with default_storage.open(i.logo.name, "rb") as f:
                    return f.read()
            except OSError:
                continue
    return None


def nama_logo(isi: bytes) -> str:
    """A file name with the right extension for Typst to recognise the image."""
    if isi.startswith(b"\x89PNG"):
        return "logo.png"
    if isi[:3] == b"\xff\xd8\xff":
        return "logo.jpg"
    if b"<svg" in isi[:500]:
        return "logo.svg"
    return "logo.png"


def kop(instansi: Instansi) -> dict[str, Any]:
    """Letterhead data: the Pemda's name, the agency (its Perangkat Daerah) and the address.

    A unit (Bidang, Bagian, UKPBJ) writes under its Perangkat Daerah's name, with its own name on
    a third line. The address and telephone come from the unit or its nearest ancestor.
    """
    rantai = leluhur(instansi)
    pemda = rantai[-1]
    pd = next((i for i in rantai if i.jenis == JenisInstansi.PERANGKAT_DAERAH), instansi)
    alamat = next((i.alamat for i in rantai if i.alamat), "")
    telepon = next((i.telepon for i in rantai if i.telepon), "")
    data: dict[str, Any] = {
        "pemda": pemda.nama if pemda.pk != instansi.pk else None,
        "instansi": pd.nama if pd.pk != pemda.pk else instansi.nama,
        "unit": instansi.nama if instansi.pk not in (pd.pk, pemda.pk) else None,
        "alamat": alamat or None,
        "kontak": f"Telepon {telepon}" if telepon else None,
    }
    return data


def kota(instansi: Instansi) -> str:
    """Where the agency signs (the city of the agency or its nearest ancestor)."""
    return next((i.kota for i in leluhur(instansi) if i.kota), "")


def jabatan_kepala(instansi: Instansi) -> Jabatan | None:
    """The position heading `instansi`: its own position whose superior sits elsewhere."""
    daftar = list(Jabatan.objects.filter(instansi=instansi).select_related("atasan").order_by("id"))
    for j in daftar:
        if j.atasan_id is None or j.atasan.instansi_id != instansi.pk:
            return j
    return daftar[0] if daftar else None


def nama_jabatan_cetak(jabatan: Jabatan) -> str:
    """How a position is printed: "Kepala Dinas" of a Dinas becomes "Kepala Dinas Bina Marga, …"."""
    nama = jabatan.nama.strip()
    instansi = jabatan.instansi
    if instansi.nama.lower() in nama.lower():
        return nama
    umum = {"kepala", "kepala dinas", "kepala badan", "kepala kantor", "kepala bagian"}
    if nama.lower() in umum:
        return f"Kepala {instansi.nama}"
    return nama


@dataclass
class Penandatangan:
    """Who signs: the person, how they hold the position, and the position as printed."""

    pegawai: Pegawai | None
    status: str
    jabatan: str


def penandatangan_untuk(instansi: Instansi, pada: dt.date) -> Penandatangan:
    """The head of `instansi` (or of its nearest ancestor with a head) in office on `pada`.

    An acting head (Plt./Plh.) signs with that status. When nobody holds the position the
    signer is left empty and the position text is still given.
    """
    for i in leluhur(instansi):
        j = jabatan_kepala(i)
        if j is None:
            continue
        pemangku: PemangkuJabatan | None = j.pemangku_pada(pada)
        if pemangku is None:
            return Penandatangan(None, StatusPemangku.DEFINITIF, nama_jabatan_cetak(j))
        return Penandatangan(pemangku.pegawai, pemangku.status, nama_jabatan_cetak(j))
    return Penandatangan(None, StatusPemangku.DEFINITIF, "")


def pangkat_cetak(pegawai: Pegawai | None) -> str | None:
    """Rank as printed under the name: "Pembina Utama Muda (IV/c)"."""
    if pegawai is None:
        return None
    if pegawai.pangkat and pegawai.golongan:
        return f"{pegawai.pangkat} ({pegawai.golongan})"
    return pegawai.pangkat or pegawai.golongan or None


def blok_ttd(
    *,
    pegawai: Pegawai | None,
    status: str,
    jabatan: str,
    tempat: str | None = None,
    tanggal: dt.date | None = None,
) -> dict[str, Any]:
    """Signature-block data for `typ/kinerja.typ`'s `ttd` (and the DOCX/XLSX writers)."""
    return {
        "tempat": tempat or None,
        "tanggal": tanggal_id(tanggal) if tanggal else None,
        "status": {"plt": "Plt.", "plh": "Plh."}.get(status),
        "jabatan": jabatan,
        "nama": pegawai.nama_lengkap if pegawai else "(belum ditetapkan)",
        "pangkat": pangkat_cetak(pegawai),
        "nip": format_nip(pegawai.nip) if pegawai and pegawai.nip else None,
    }


def angka_teks(nilai: Decimal | None, desimal: int = 2, kosong: str = "–") -> str:
    """A number for print, rounded half up only here: 1234.565 → "1.234,57"."""
    if nilai is None:
        return kosong
    return format_angka(bulatkan(nilai) if desimal == 2 else nilai, desimal, kosong)


def persen_teks(hasil: Any, kosong: str = "–") -> str:
    """A rumus result (capaian, serapan, roll-up) as printed: "99,53" or "–"."""
    if hasil is None or getattr(hasil, "nilai", None) is None:
        return kosong
    return format_angka(hasil.bulat(), 2)


def desimal_teks(hasil: Any) -> str | None:
    """A rumus result's rounded value as exact text for snapshots and XLSX ("99.53"), or None."""
    if hasil is None or getattr(hasil, "nilai", None) is None:
        return None
    return str(hasil.bulat())


def desimal(nilai: Decimal | None) -> str | None:
    """A Decimal as exact text for the payload (None stays None)."""
    return None if nilai is None else str(nilai)


def rupiah_teks(nilai: Decimal | None, kosong: str = "–") -> str:
    """Rupiah without decimals and without the "Rp" (tables say Rp in the header)."""
    return kosong if nilai is None else format_angka(nilai, 0)


def paragraf_dari(teks: Any) -> list[str]:
    """User text split into paragraphs on blank lines (single line breaks join with a space)."""
    if teks is None:
        return []
    if isinstance(teks, list | tuple):
        return [str(t).strip() for t in teks if str(t).strip()]
    blok = re.split(r"\n\s*\n", str(teks).replace("\r\n", "\n"))
    return [" ".join(b.split()) for b in blok if b.strip()]


def daftar_dari(teks: Any) -> list[str]:
    """User text as a list: one item per line (or the items of a list)."""
    if teks is None:
        return []
    if isinstance(teks, list | tuple):
        return [str(t).strip() for t in teks if str(t).strip()]
    return [b.strip() for b in str(teks).splitlines() if b.strip()]


def muatan_dasar(
    instansi: Instansi,
    *,
    judul: str,
    tanggal: dt.date,
    kertas: str = "a4",
    penandatangan: Penandatangan | None = None,
) -> dict[str, Any]:
    """The parts of every payload: paper, letterhead, title, place and date, signer block.

    `penandatangan` defaults to the head of the agency on `tanggal` (Plt./Plh. included).
    `penandatangan` in the payload records who the service should store as signer.
    """
    if kertas not in ("a4", "f4"):
        from kinerja.dokumen.jenis import OpsiTidakSah

        raise OpsiTidakSah(f"Kertas harus a4 atau f4, bukan {kertas!r}.")
    ttd = penandatangan or penandatangan_untuk(instansi, tanggal)
    tempat = kota(instansi)
    return {
        "kertas": kertas,
        "kop": kop(instansi),
        "judul": judul,
        "tempat": tempat,
        "tanggal": tanggal_id(tanggal),
        "ttd": blok_ttd(
            pegawai=ttd.pegawai,
            status=ttd.status,
            jabatan=ttd.jabatan,
            tempat=tempat,
            tanggal=tanggal,
        ),
        "penandatangan": {
            "pegawai_id": ttd.pegawai.pk if ttd.pegawai else None,
            "status": ttd.status,
            "jabatan": ttd.jabatan,
        },
    }


def tulis_pdf(template: str, muatan: dict[str, Any], logo: bytes | None) -> bytes:
    """Render a payload with `typ/<template>.typ`, with the agency logo in the letterhead."""
    from kinerja.dokumen.render import render_pdf

    berkas = None
    if logo and isinstance(muatan.get("kop"), dict):
        nama = nama_logo(logo)
        berkas = {nama: logo}
        muatan = {**muatan, "kop": {**muatan["kop"], "logo": f"/berkas/{nama}"}}
    return render_pdf(template, muatan, berkas=berkas)
