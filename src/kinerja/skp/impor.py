"""Import employees and positions from the personnel system's export (XLSX or CSV).

Two steps: `impor_pratinjau` reads the file and returns every row with what it would do and
its errors (row-level, in Indonesian), changing nothing; `impor_terapkan` applies the valid rows
in one transaction, with an audit row per change. Importing the same file again changes nothing.

Columns (header row, any order, case-insensitive): NIP, Nama, Gelar Depan, Gelar Belakang,
Pangkat, Golongan, Jenis ASN (PNS/PPPK), Unit Kerja (a unit name of the agency), Jabatan,
Jabatan Atasan, Status Jabatan (Definitif/Plt./Plh.), TMT Jabatan (dd/mm/yyyy).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kinerja.inti.audit import catat
from kinerja.organisasi.models import (
    Instansi,
    Jabatan,
    JenisASN,
    Pegawai,
    PemangkuJabatan,
    StatusPemangku,
)
from kinerja.organisasi.nip import urai_nip

KOLOM = {
    "nip": "nip",
    "nama": "nama",
    "gelar depan": "gelar_depan",
    "gelar belakang": "gelar_belakang",
    "pangkat": "pangkat",
    "golongan": "golongan",
    "golongan/ruang": "golongan",
    "jenis asn": "jenis_asn",
    "unit kerja": "unit",
    "jabatan": "jabatan",
    "jabatan atasan": "atasan",
    "status jabatan": "status",
    "tmt jabatan": "tmt",
}
WAJIB = ("nip", "nama", "unit")
PESAN_BERKAS = "Berkas harus XLSX atau CSV dengan baris judul kolom."
PESAN_KOLOM = "Kolom wajib tidak ada: {kolom}."
PESAN_TIDAK_BERHAK = (
    "Hanya Kepala dan Subbag Kepegawaian yang dapat mengimpor pegawai instansi ini."
)
MAKS_BARIS = 5000


@dataclass
class BarisImpor:
    """One data row of the file: its values, what applying it would do, and its errors."""

    nomor: int
    data: dict[str, str]
    aksi: list[str] = field(default_factory=list)
    galat: list[str] = field(default_factory=list)


def _baca(nama: str, isi: bytes) -> list[list[str]]:
    if nama.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - any broken workbook is the same answer
            raise ValidationError(PESAN_BERKAS, code="berkas") from exc
        hasil = []
        for row in wb.active.iter_rows(values_only=True):
            hasil.append(
                [
                    c.strftime("%d/%m/%Y")
                    if isinstance(c, dt.date | dt.datetime)
                    else ("" if c is None else str(c).strip())
                    for c in row
                ]
            )
        return hasil
    if nama.lower().endswith(".csv"):
        try:
            teks = isi.decode("utf-8-sig")
        except UnicodeDecodeError:
            teks = isi.decode("cp1252", errors="replace")
        contoh = teks[:2000]
        pemisah = ";" if contoh.count(";") > contoh.count(",") else ","
        return [[c.strip() for c in r] for r in csv.reader(io.StringIO(teks), delimiter=pemisah)]
    raise ValidationError(PESAN_BERKAS, code="berkas")


def _tanggal(teks: str) -> dt.date | None:
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(teks.strip(), fmt).date()
        except ValueError:
            continue
    return None


STATUS = {
    "definitif": "definitif",
    "plt": "plt",
    "plt.": "plt",
    "plh": "plh",
    "plh.": "plh",
    "": "definitif",
}


def baca_baris(nama: str, isi: bytes) -> list[dict[str, str]]:
    """The data rows as dicts keyed by field name; raises ValidationError for a bad file."""
    semua = [r for r in _baca(nama, isi) if any(r)]
    if not semua:
        raise ValidationError(PESAN_BERKAS, code="berkas")
    kepala = [KOLOM.get(h.strip().lower()) for h in semua[0]]
    kurang = [k for k in WAJIB if k not in kepala]
    if kurang:
        raise ValidationError(PESAN_KOLOM.format(kolom=", ".join(kurang)), code="kolom")
    hasil = []
    for r in semua[1 : MAKS_BARIS + 1]:
        hasil.append({k: (r[i] if i < len(r) else "") for i, k in enumerate(kepala) if k})
    return hasil


def impor_pratinjau(
    *, pengguna: Any, instansi: Instansi, baris: list[dict[str, str]]
) -> list[BarisImpor]:
    """What importing `baris` into agency `instansi` would do, row by row; changes nothing."""
    if not pengguna.has_perm("skp.kelola", instansi):
        raise PermissionDenied(PESAN_TIDAK_BERHAK)
    unit = {u.nama.strip().lower(): u for u in instansi.subtree()}
    jabatan_ada = {
        (j.instansi_id, j.nama.strip().lower()): j
        for j in Jabatan.objects.filter(instansi__jalur__startswith=instansi.jalur)
    }
    nama_jabatan_file = {(r.get("jabatan") or "").strip().lower() for r in baris}
    nama_jabatan_ada = {n for (_u, n) in jabatan_ada}
    pegawai_ada = {
        p.nip: p for p in Pegawai.objects.filter(nip__in=[_digit(r.get("nip", "")) for r in baris])
    }
    hasil = []
    nip_dilihat: set[str] = set()
    for n, r in enumerate(baris, start=2):
        b = BarisImpor(n, r)
        nip = _digit(r.get("nip", ""))
        try:
            urai_nip(nip)
        except ValueError as exc:
            b.galat.append(str(exc))
        if nip in nip_dilihat:
            b.galat.append("NIP ini muncul lebih dari sekali dalam berkas.")
        nip_dilihat.add(nip)
        if not r.get("nama", "").strip():
            b.galat.append("Nama wajib diisi.")
        jenis = (r.get("jenis_asn") or "PNS").strip().lower()
        if jenis not in (JenisASN.PNS, JenisASN.PPPK):
            b.galat.append("Jenis ASN harus PNS atau PPPK.")
        u = unit.get((r.get("unit") or "").strip().lower())
        if u is None:
            b.galat.append(f"Unit kerja “{r.get('unit', '')}” tidak ada di {instansi.nama}.")
        status = STATUS.get((r.get("status") or "").strip().lower())
        if status is None:
            b.galat.append("Status jabatan harus Definitif, Plt. atau Plh.")
        nama_jab = (r.get("jabatan") or "").strip()
        if nama_jab and _tanggal(r.get("tmt", "")) is None:
            b.galat.append("TMT jabatan wajib diisi dengan tanggal (dd/mm/yyyy).")
        atasan = (r.get("atasan") or "").strip().lower()
        if atasan and atasan not in nama_jabatan_file and atasan not in nama_jabatan_ada:
            b.galat.append(f"Jabatan atasan “{r.get('atasan')}” tidak dikenal.")
        if not b.galat:
            b.aksi = _rencana_aksi(
                r, nip, u, pegawai_ada.get(nip), jabatan_ada, status or "definitif"
            )
        hasil.append(b)
    return hasil


def _digit(teks: str) -> str:
    return "".join(ch for ch in str(teks) if ch.isdigit())


FIELD_PEGAWAI = ("nama", "gelar_depan", "gelar_belakang", "pangkat", "golongan")


def _nilai_pegawai(r: dict[str, str], unit: Instansi) -> dict[str, Any]:
    d: dict[str, Any] = {f: (r.get(f) or "").strip() for f in FIELD_PEGAWAI}
    d["jenis_asn"] = (r.get("jenis_asn") or "PNS").strip().lower()
    d["unit_id"] = unit.pk
    return d


def _rencana_aksi(r, nip, unit, pegawai, jabatan_ada, status) -> list[str]:  # type: ignore[no-untyped-def]
    aksi = []
    if pegawai is None:
        aksi.append("pegawai baru")
    else:
        beda = [k for k, v in _nilai_pegawai(r, unit).items() if getattr(pegawai, k) != v]
        if beda:
            aksi.append("pegawai diperbarui: " + ", ".join(beda))
    nama_jab = (r.get("jabatan") or "").strip()
    if nama_jab:
        j = jabatan_ada.get((unit.pk, nama_jab.lower()))
        if j is None:
            aksi.append("jabatan baru")
        tmt = _tanggal(r.get("tmt", ""))
        if (
            j is None
            or pegawai is None
            or not PemangkuJabatan.objects.filter(
                jabatan=j, pegawai=pegawai, status=status, mulai=tmt
            ).exists()
        ):
            aksi.append("pemangku jabatan baru")
    return aksi or ["tidak berubah"]


@transaction.atomic
def impor_terapkan(
    *, pengguna: Any, instansi: Instansi, baris: list[dict[str, str]]
) -> dict[str, int]:
    """Apply the valid rows in one transaction (all or nothing); returns counts of changes.

    Refuses the whole file when any row has an error, so what was previewed is what happens.
    """
    pratinjau = impor_pratinjau(pengguna=pengguna, instansi=instansi, baris=baris)
    salah = [b for b in pratinjau if b.galat]
    if salah:
        raise ValidationError(
            f"{len(salah)} baris masih bermasalah; perbaiki berkasnya lalu pratinjau lagi.",
            code="baris",
        )
    unit = {u.nama.strip().lower(): u for u in instansi.subtree()}
    jumlah = {"pegawai_baru": 0, "pegawai_diperbarui": 0, "jabatan_baru": 0, "pemangku_baru": 0}
    jabatan: dict[str, Jabatan] = {}
    atasan_per_jabatan: dict[int, str] = {}
    for b in pratinjau:
        r = b.data
        nip = _digit(r["nip"])
        u = unit[r["unit"].strip().lower()]
        nilai = _nilai_pegawai(r, u)
        p = Pegawai.objects.filter(nip=nip).first()
        if p is None:
            p = Pegawai.objects.create(nip=nip, **nilai)
            catat(
                pengguna=pengguna, aksi="pegawai.impor_baru", objek=p, sesudah={"nip": nip, **nilai}
            )
            jumlah["pegawai_baru"] += 1
        else:
            beda = {k: v for k, v in nilai.items() if getattr(p, k) != v}
            if beda:
                sebelum = {k: getattr(p, k) for k in beda}
                for k, v in beda.items():
                    setattr(p, k, v)
                p.save()
                catat(
                    pengguna=pengguna,
                    aksi="pegawai.impor_ubah",
                    objek=p,
                    sebelum=sebelum,
                    sesudah=beda,
                )
                jumlah["pegawai_diperbarui"] += 1
        nama_jab = (r.get("jabatan") or "").strip()
        if not nama_jab:
            continue
        j, baru = Jabatan.objects.get_or_create(instansi=u, nama=nama_jab)
        if baru:
            catat(
                pengguna=pengguna,
                aksi="jabatan.impor_baru",
                objek=j,
                sesudah={"nama": nama_jab, "instansi": u.pk},
            )
            jumlah["jabatan_baru"] += 1
        jabatan[nama_jab.lower()] = j
        if (r.get("atasan") or "").strip():
            atasan_per_jabatan[j.pk] = r["atasan"].strip().lower()
        status = STATUS[(r.get("status") or "").strip().lower()]
        tmt = _tanggal(r["tmt"])
        if not PemangkuJabatan.objects.filter(
            jabatan=j, pegawai=p, status=status, mulai=tmt
        ).exists():
            pj = PemangkuJabatan.objects.create(jabatan=j, pegawai=p, status=status, mulai=tmt)
            catat(
                pengguna=pengguna,
                aksi="pemangku.impor_baru",
                objek=pj,
                sesudah={"jabatan": j.pk, "pegawai": p.pk, "status": status, "mulai": tmt},
            )
            jumlah["pemangku_baru"] += 1
    semua_jabatan = {
        j.nama.strip().lower(): j
        for j in Jabatan.objects.filter(instansi__jalur__startswith=instansi.jalur)
    }
    semua_jabatan.update(jabatan)
    for jid, nama_atasan in atasan_per_jabatan.items():
        atasan = semua_jabatan.get(nama_atasan)
        j = Jabatan.objects.get(pk=jid)
        if atasan is not None and j.atasan_id != atasan.pk and atasan.pk != j.pk:
            catat(
                pengguna=pengguna,
                aksi="jabatan.impor_atasan",
                objek=j,
                sebelum={"atasan": j.atasan_id},
                sesudah={"atasan": atasan.pk},
            )
            j.atasan = atasan
            j.save(update_fields=["atasan"])
    return jumlah


__all__ = ["BarisImpor", "StatusPemangku", "baca_baris", "impor_pratinjau", "impor_terapkan"]
