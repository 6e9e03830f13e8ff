"""SOP files: load, validate and write the documented YAML format of an SOP template.

An SOP (Standar Operasional Prosedur, PermenPAN-RB 35/2012) is data, not code: a header and an
ordered list of steps, each with its performers (swimlane columns), its quality standard (mutu
baku: required inputs, standard time, output) and, where the product can do the step, the system
action it triggers. The four seed SOPs ship as files in `bawaan/`; the format is documented in
`docs/format-sop.md`.

This module is pure Python (no Django import): the services, the forms, the PDF renderer and the
command line all import the allowed sets from here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeGuard

import yaml

#: Performer codes: the product's role codes (`organisasi.KodePeran`) an SOP column may name.
KODE_PELAKSANA: frozenset[str] = frozenset(
    {
        "kepala",
        "sekretaris",
        "bidang",
        "kepala_bidang",
        "tim_sakip",
        "ketua_tim_sakip",
        "sekretaris_tim_sakip",
        "subbag_perencanaan",
        "staf",
        "kepala_ukpbj",
        "tim_pengelola_kelembagaan",
        "penanggung_jawab_kinerja",
    }
)

#: Kinds of step (each drawn with its own flowchart symbol).
JENIS_LANGKAH: frozenset[str] = frozenset(
    {"kegiatan", "keputusan", "rapat", "dokumen", "arsip", "unggah"}
)

#: What the product can do at a step; a step without one is done by hand and marked done.
AKSI_SISTEM: frozenset[str] = frozenset(
    {
        "buka_siklus",
        "catat_rapat",
        "buat_undangan",
        "siapkan_format",
        "isi_realisasi",
        "validasi_realisasi",
        "susun_kertas_kerja",
        "rekap_hasil",
        "susun_laporan",
        "tinjau_laporan",
        "tanda_tangan",
        "buat_surat_pengantar",
        "gandakan",
        "arsipkan",
        "unggah_esr",
        "susun_rencana_kinerja",
        "surat_edaran",
        "sosialisasi",
        "petakan_paket",
        "laporan_berkala",
        "presentasi",
        "rapat_pimpinan",
    }
)

#: Units of a standard time; `hari` counts working days.
SATUAN_WAKTU: frozenset[str] = frozenset({"menit", "jam", "hari"})

#: Top-level keys in the order they are written; `narasi` is the only optional one.
KUNCI_SOP: tuple[str, ...] = (
    "kode",
    "nama",
    "nomor",
    "pemda",
    "instansi",
    "unit_penyusun",
    "tanggal_pembuatan",
    "tanggal_revisi",
    "tanggal_efektif",
    "disahkan_oleh",
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan",
    "peringatan",
    "pencatatan",
    "narasi",
    "catatan_transkripsi",
    "pelaksana",
    "langkah",
)
KUNCI_OPSIONAL: frozenset[str] = frozenset({"narasi"})
KUNCI_WAJIB: tuple[str, ...] = tuple(k for k in KUNCI_SOP if k not in KUNCI_OPSIONAL)

#: Keys of one step, in the order they are written; all are required.
KUNCI_LANGKAH: tuple[str, ...] = (
    "no",
    "uraian",
    "pelaksana",
    "kelengkapan",
    "waktu",
    "output",
    "jenis",
    "kembali_ke",
    "aksi_sistem",
    "keterangan",
)

KUNCI_DISAHKAN: tuple[str, ...] = ("jabatan", "nama", "pangkat", "nip")
KUNCI_NARASI: tuple[str, ...] = (
    "latar_belakang",
    "tujuan",
    "ruang_lingkup",
    "definisi",
    "dokumen_pelengkap",
)
KUNCI_TANGGAL: tuple[str, ...] = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")
KUNCI_DAFTAR: tuple[str, ...] = (
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan",
    "peringatan",
    "pencatatan",
    "catatan_transkripsi",
)
KUNCI_TEKS_WAJIB: tuple[str, ...] = ("nama", "nomor", "pemda", "instansi")

POLA_KODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
POLA_NIP = re.compile(r"^\d{18}$")

DIREKTORI_BAWAAN = Path(__file__).resolve().parent / "bawaan"


class _Pemuat(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans: only true/false, so the step key `no` stays a string.

    YAML 1.1 (PyYAML's default) reads the bare words yes/no/on/off as booleans, which would turn
    the documented step key `no:` into `False`.
    """


_Pemuat.yaml_implicit_resolvers = {
    awal: [(tag, pola) for tag, pola in resolver if tag != "tag:yaml.org,2002:bool"]
    for awal, resolver in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Pemuat.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


class _Penulis(yaml.SafeDumper):
    """SafeDumper that writes a value shared by several steps in full, never as &anchor/*alias."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


class BerkasSOPTidakSah(ValueError):
    """The file is not an SOP: not readable YAML/JSON, or not a mapping."""


def muat_teks(teks: str) -> dict[str, Any]:
    """Parse SOP text (YAML, or JSON which is valid YAML) into a dict; does not validate."""
    try:
        data = yaml.load(teks, Loader=_Pemuat)  # noqa: S506 - _Pemuat is a SafeLoader
    except yaml.YAMLError as exc:
        raise BerkasSOPTidakSah(f"Berkas SOP bukan YAML/JSON yang sah: {exc}") from exc
    if not isinstance(data, dict):
        raise BerkasSOPTidakSah("Isi berkas SOP harus berupa satu pemetaan (objek), bukan daftar.")
    return data


def muat_berkas(path: str | Path) -> dict[str, Any]:
    """Read one SOP file (UTF-8 YAML or JSON) into a dict; does not validate."""
    return muat_teks(Path(path).read_text(encoding="utf-8"))


def daftar_bawaan() -> list[Path]:
    """The built-in SOP files (`bawaan/*.yaml`), sorted by name."""
    return sorted(DIREKTORI_BAWAAN.glob("*.yaml"))


def _teks(nilai: Any) -> TypeGuard[str]:
    return isinstance(nilai, str) and nilai.strip() != ""


def _angka(nilai: Any) -> bool:
    return isinstance(nilai, (int, float, Decimal)) and not isinstance(nilai, bool)


def _bulat(nilai: Any) -> TypeGuard[int]:
    return isinstance(nilai, int) and not isinstance(nilai, bool)


def _anggota(nilai: Any, himpunan: frozenset[str] | set[str]) -> bool:
    return isinstance(nilai, str) and nilai in himpunan


def _cek_tanggal(nama: str, nilai: Any) -> str | None:
    if nilai is None:
        return None
    if isinstance(nilai, dt.datetime):
        return f"{nama}: harus tanggal tanpa jam (TTTT-BB-HH), bukan {nilai.isoformat()!r}."
    if isinstance(nilai, dt.date):
        return None
    if isinstance(nilai, str):
        try:
            dt.date.fromisoformat(nilai)
        except ValueError:
            return f"{nama}: {nilai!r} bukan tanggal yang sah (format TTTT-BB-HH)."
        if len(nilai) == 10:
            return None
    return f"{nama}: {nilai!r} bukan tanggal yang sah (format TTTT-BB-HH)."


def _cek_daftar_teks(nama: str, nilai: Any) -> list[str]:
    if not isinstance(nilai, list):
        return [f"{nama}: harus berupa daftar teks."]
    return [
        f"{nama}: butir ke-{i} harus teks yang tidak kosong."
        for i, butir in enumerate(nilai, start=1)
        if not _teks(butir)
    ]


def _cek_kepala(data: Mapping[str, Any]) -> list[str]:
    galat: list[str] = []
    kode = data.get("kode")
    if "kode" in data and not (isinstance(kode, str) and POLA_KODE.match(kode)):
        galat.append(
            f"kode: {kode!r} tidak sah; gunakan huruf kecil, angka dan tanda hubung "
            "(mis. lumajang-putr-2024)."
        )
    for k in KUNCI_TEKS_WAJIB:
        if k in data and not _teks(data[k]):
            galat.append(f"{k}: harus teks yang tidak kosong.")
    if "unit_penyusun" in data and not (
        data["unit_penyusun"] is None or _teks(data["unit_penyusun"])
    ):
        galat.append("unit_penyusun: harus teks atau null.")
    for k in KUNCI_TANGGAL:
        if k in data:
            pesan = _cek_tanggal(k, data[k])
            if pesan:
                galat.append(pesan)
    if "disahkan_oleh" in data:
        galat += _cek_disahkan(data["disahkan_oleh"])
    for k in KUNCI_DAFTAR:
        if k in data:
            galat += _cek_daftar_teks(k, data[k])
    if "narasi" in data:
        galat += _cek_narasi(data["narasi"])
    return galat


def _cek_disahkan(nilai: Any) -> list[str]:
    if nilai is None:
        return []
    if not isinstance(nilai, dict):
        return ["disahkan_oleh: harus pemetaan {jabatan, nama, pangkat, nip} atau null."]
    galat = [
        f"disahkan_oleh: kunci {k!r} tidak dikenal (yang sah: {', '.join(KUNCI_DISAHKAN)})."
        for k in nilai
        if k not in KUNCI_DISAHKAN
    ]
    for k in KUNCI_DISAHKAN:
        v = nilai.get(k)
        if v is not None and not _teks(v):
            galat.append(f"disahkan_oleh.{k}: harus teks atau null.")
    nip = nilai.get("nip")
    if _teks(nip) and not POLA_NIP.match(nip):
        galat.append(f"disahkan_oleh.nip: {nip!r} harus 18 angka tanpa spasi.")
    return galat


def _cek_narasi(nilai: Any) -> list[str]:
    if nilai is None:
        return []
    if not isinstance(nilai, dict):
        return ["narasi: harus pemetaan atau null."]
    galat = [
        f"narasi: kunci {k!r} tidak dikenal (yang sah: {', '.join(KUNCI_NARASI)})."
        for k in nilai
        if k not in KUNCI_NARASI
    ]
    lb = nilai.get("latar_belakang")
    if lb is not None and not _teks(lb):
        galat.append("narasi.latar_belakang: harus teks atau null.")
    for k in KUNCI_NARASI[1:]:
        if nilai.get(k) is not None:
            galat += _cek_daftar_teks(f"narasi.{k}", nilai[k])
    return galat


def _cek_pelaksana(nilai: Any) -> tuple[list[str], set[str]]:
    if not isinstance(nilai, list) or not nilai:
        return ["pelaksana: harus daftar kolom pelaksana yang tidak kosong."], set()
    galat: list[str] = []
    kode_ada: set[str] = set()
    for i, p in enumerate(nilai, start=1):
        if not isinstance(p, dict) or set(p) != {"kode", "label"}:
            galat.append(f"pelaksana ke-{i}: harus berupa {{kode, label}}.")
            continue
        kode = p["kode"]
        if not _anggota(kode, KODE_PELAKSANA):
            galat.append(
                f"pelaksana ke-{i}: kode {kode!r} bukan kode peran yang dikenal "
                f"({', '.join(sorted(KODE_PELAKSANA))})."
            )
        elif kode in kode_ada:
            galat.append(f"pelaksana ke-{i}: kode {kode!r} dicantumkan dua kali.")
        if not _teks(p["label"]):
            galat.append(f"pelaksana ke-{i}: label harus teks yang tidak kosong.")
        if isinstance(kode, str):
            kode_ada.add(kode)
    return galat, kode_ada


def _cek_waktu(awalan: str, waktu: Any) -> list[str]:
    if waktu is None:
        return []
    if not isinstance(waktu, dict):
        return [f"{awalan}waktu harus {{jumlah, satuan}}, {{teks}} atau null."]
    if set(waktu) == {"teks"}:
        if _teks(waktu["teks"]):
            return []
        return [f"{awalan}waktu.teks harus teks yang tidak kosong."]
    if set(waktu) != {"jumlah", "satuan"}:
        return [
            f"{awalan}waktu harus berisi tepat {{jumlah, satuan}} atau {{teks}}, "
            f"bukan {sorted(waktu)}."
        ]
    galat = []
    jumlah = waktu["jumlah"]
    if not _angka(jumlah) or not math.isfinite(jumlah) or jumlah <= 0:
        galat.append(f"{awalan}waktu.jumlah {jumlah!r} harus angka lebih dari nol.")
    if not _anggota(waktu["satuan"], SATUAN_WAKTU):
        galat.append(
            f"{awalan}waktu.satuan {waktu['satuan']!r} tidak dikenal "
            f"(yang sah: {', '.join(sorted(SATUAN_WAKTU))})."
        )
    return galat


def _cek_langkah(nilai: Any, kode_pelaksana: set[str]) -> list[str]:
    if not isinstance(nilai, list) or not nilai:
        return ["langkah: harus daftar langkah yang tidak kosong."]
    galat: list[str] = []
    nomor_sebelumnya: set[int] = set()
    for i, lk in enumerate(nilai, start=1):
        if not isinstance(lk, dict):
            galat.append(f"Langkah ke-{i}: harus berupa pemetaan.")
            continue
        no = lk.get("no")
        if _bulat(no) and no >= 1:
            awalan = f"Langkah {no}: "
        else:
            awalan = f"Langkah ke-{i}: "
            galat.append(f"{awalan}nomor langkah (no) harus bilangan bulat positif, bukan {no!r}.")
        for k in KUNCI_LANGKAH:
            if k not in lk:
                galat.append(f"{awalan}kunci {k!r} tidak ada.")
        for k in lk:
            if k not in KUNCI_LANGKAH:
                galat.append(f"{awalan}kunci {k!r} tidak dikenal.")
        if _bulat(no) and no in nomor_sebelumnya:
            galat.append(f"{awalan}nomor langkah {no} dipakai lebih dari sekali.")
        if "uraian" in lk and not _teks(lk["uraian"]):
            galat.append(f"{awalan}uraian harus teks yang tidak kosong.")
        pel = lk.get("pelaksana")
        if "pelaksana" in lk:
            if not isinstance(pel, list) or not pel:
                galat.append(f"{awalan}pelaksana harus daftar kode yang tidak kosong.")
            else:
                for kode in pel:
                    if not _anggota(kode, kode_pelaksana):
                        galat.append(
                            f"{awalan}pelaksana {kode!r} tidak dideklarasikan di daftar pelaksana."
                        )
                if len(set(map(str, pel))) != len(pel):
                    galat.append(f"{awalan}pelaksana dicantumkan dua kali.")
        for k in ("kelengkapan", "output"):
            if k in lk:
                galat += _cek_daftar_teks(f"{awalan}{k}", lk[k])
        if "waktu" in lk:
            galat += _cek_waktu(awalan, lk["waktu"])
        jenis = lk.get("jenis")
        if "jenis" in lk and not _anggota(jenis, JENIS_LANGKAH):
            galat.append(
                f"{awalan}jenis {jenis!r} tidak dikenal "
                f"(yang sah: {', '.join(sorted(JENIS_LANGKAH))})."
            )
        kembali = lk.get("kembali_ke")
        if jenis == "keputusan":
            if kembali is None:
                galat.append(
                    f"{awalan}langkah keputusan harus menyebut kembali_ke "
                    "(langkah tujuan bila dikembalikan)."
                )
            elif not _bulat(kembali) or kembali not in nomor_sebelumnya:
                galat.append(
                    f"{awalan}kembali_ke {kembali!r} harus nomor langkah yang ada "
                    "sebelum langkah ini."
                )
        elif kembali is not None:
            galat.append(f"{awalan}kembali_ke hanya boleh pada langkah berjenis keputusan.")
        aksi = lk.get("aksi_sistem")
        if aksi is not None and not _anggota(aksi, AKSI_SISTEM):
            galat.append(f"{awalan}aksi_sistem {aksi!r} tidak dikenal.")
        ket = lk.get("keterangan")
        if ket is not None and not _teks(ket):
            galat.append(f"{awalan}keterangan harus teks atau null.")
        if _bulat(no):
            nomor_sebelumnya.add(no)
    return galat


def validasi(data: Mapping[str, Any]) -> list[str]:
    """Every problem of an SOP dict, as Indonesian messages; an empty list means valid."""
    if not isinstance(data, Mapping):
        return ["SOP harus berupa pemetaan (objek)."]
    galat = [f"Kunci {k!r} wajib ada." for k in KUNCI_WAJIB if k not in data]
    galat += [f"Kunci {k!r} tidak dikenal." for k in data if k not in KUNCI_SOP]
    galat += _cek_kepala(data)
    galat_pelaksana, kode_pelaksana = _cek_pelaksana(data.get("pelaksana"))
    if "pelaksana" in data:
        galat += galat_pelaksana
    if "langkah" in data:
        galat += _cek_langkah(data["langkah"], kode_pelaksana)
    return galat


def _tanggal_normal(nilai: Any) -> Any:
    if isinstance(nilai, str):
        try:
            return dt.date.fromisoformat(nilai)
        except ValueError:
            return nilai
    return nilai


def _berurut(nilai: Mapping[str, Any], urutan: tuple[str, ...]) -> dict[str, Any]:
    hasil = {k: nilai[k] for k in urutan if k in nilai}
    hasil.update({k: v for k, v in nilai.items() if k not in hasil})
    return hasil


def _normal(nilai: Any) -> Any:
    if isinstance(nilai, Decimal):
        return int(nilai) if nilai == nilai.to_integral_value() else float(nilai)
    if isinstance(nilai, tuple):
        return [_normal(v) for v in nilai]
    if isinstance(nilai, list):
        return [_normal(v) for v in nilai]
    if isinstance(nilai, Mapping):
        return {k: _normal(v) for k, v in nilai.items()}
    return nilai


def bentuk_baku(data: Mapping[str, Any]) -> dict[str, Any]:
    """The SOP dict in its written form: keys in the documented order, dates as `date`."""
    hasil = _berurut(data, KUNCI_SOP)
    for k in KUNCI_TANGGAL:
        if k in hasil:
            hasil[k] = _tanggal_normal(hasil[k])
    if isinstance(hasil.get("disahkan_oleh"), Mapping):
        hasil["disahkan_oleh"] = _berurut(hasil["disahkan_oleh"], KUNCI_DISAHKAN)
    if isinstance(hasil.get("narasi"), Mapping):
        hasil["narasi"] = _berurut(hasil["narasi"], KUNCI_NARASI)
    if isinstance(hasil.get("langkah"), list):
        hasil["langkah"] = [
            _berurut(lk, KUNCI_LANGKAH) if isinstance(lk, Mapping) else lk
            for lk in hasil["langkah"]
        ]
    baku: dict[str, Any] = _normal(hasil)
    return baku


def ke_yaml(data: Mapping[str, Any]) -> str:
    """The SOP as YAML text in the documented key order; `muat_teks` gives the same dict back."""
    teks: str = yaml.dump(
        bentuk_baku(data),
        Dumper=_Penulis,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        indent=2,
    )
    return teks
