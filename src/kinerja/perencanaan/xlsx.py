"""Plans as Excel workbooks: export, and import with a preview before anything is written.

Two workbooks, each a template when empty and a round trip when filled:

- *Rencana kinerja* of a framework: sheets Elemen (the pohon kinerja, with the UKPBJ package
  columns), Indikator (the whole manual IKU), Target (one row per indicator and year) and
  Anggaran (pagu and the quarterly withdrawal plan).
- *Perjanjian Kinerja* of one PK: sheets Item PK (indicator, target, the superior's item it
  supports), Rencana Aksi (one row per indicator and period) and Anggaran PK.

Rows are matched by their codes (element code, indicator code), so an agency can paste its
own spreadsheets into the template. `baca_*` judges every row before anything is written —
new, changed, unchanged, empty, or an error with the reason — using the same checks as the
services; `terapkan_*` then saves the new and changed rows through the services in one
transaction, or nothing. An unchanged row writes nothing, so importing the same file twice
changes nothing. Import never deletes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kinerja.inti.angka import AngkaTidakSah, baca_angka
from kinerja.organisasi.models import Instansi
from kinerja.pengukuran.services import baca_rupiah
from kinerja.perencanaan import selectors, services, validasi
from kinerja.perencanaan.models import (
    Agregasi,
    Anggaran,
    Elemen,
    Frekuensi,
    Indikator,
    ItemPK,
    JenisIndikator,
    JenisNilai,
    JenisPeriode,
    KerangkaKinerja,
    LevelKerangka,
    MetodeNegatif,
    PerjanjianKinerja,
    Polaritas,
    SifatIndikator,
    SkalaOrdinal,
    TargetTahunan,
)
from kinerja.perencanaan.validasi import NilaiTarget

LEMBAR_META = "_kinerja"
LEMBAR_PETUNJUK = "Petunjuk"
LEMBAR_ELEMEN = "Elemen"
LEMBAR_INDIKATOR = "Indikator"
LEMBAR_TARGET = "Target"
LEMBAR_ANGGARAN = "Anggaran"
LEMBAR_ITEM = "Item PK"
LEMBAR_RA = "Rencana Aksi"
LEMBAR_ANGGARAN_PK = "Anggaran PK"
JENIS_RENCANA = "rencana-kinerja"
JENIS_PK = "perjanjian-kinerja"
VERSI_FORMAT = 1
BARIS_MAKS = 5000

KOLOM_ELEMEN = [
    "Level",
    "Kode",
    "Kode induk",
    "Uraian",
    "Unit pelaksana",
    "Urutan",
    "Kode RUP",
    "Metode pengadaan",
    "OPD pemilik",
]
WAJIB_ELEMEN = ["Level", "Kode", "Kode induk", "Uraian"]
KOLOM_INDIKATOR = [
    "Kode",
    "Kode elemen",
    "Nama indikator",
    "Satuan",
    "Jenis",
    "Sifat",
    "Definisi operasional",
    "Alasan pemilihan",
    "Formula",
    "Polaritas",
    "Jenis nilai",
    "Skala",
    "Agregasi",
    "Rumus negatif",
    "Boleh negatif",
    "Periode pelaporan",
    "Sumber data",
    "Unit penanggung jawab",
    "Baseline",
    "Baseline (teks)",
    "Tahun baseline",
    "Target akhir Renstra",
    "Standar nasional",
    "Urutan",
]
WAJIB_INDIKATOR = ["Kode", "Kode elemen", "Nama indikator", "Satuan"]
KOLOM_TARGET = [
    "Kode indikator",
    "Indikator",
    "Tahun",
    "Target",
    "Batas bawah",
    "Batas atas",
    "Versi",
    "Berlaku mulai",
    "Alasan perubahan",
]
WAJIB_TARGET = ["Kode indikator", "Tahun", "Target"]
KOLOM_ANGGARAN = [
    "Kode elemen",
    "Uraian",
    "Tahun",
    "Pagu",
    "TW I",
    "TW II",
    "TW III",
    "TW IV",
    "Sumber",
    "Keterangan",
]
WAJIB_ANGGARAN = ["Kode elemen", "Tahun", "Pagu"]
KOLOM_ITEM = ["Kode indikator", "Indikator", "Satuan", "Target", "Kode indikator induk"]
WAJIB_ITEM = ["Kode indikator", "Target"]
KOLOM_RA = ["Kode indikator", "Indikator", "Jenis periode", "Periode", "Target", "Rencana aksi"]
WAJIB_RA = ["Kode indikator", "Jenis periode", "Periode", "Target", "Rencana aksi"]
KOLOM_ANGGARAN_PK = ["Kode elemen", "Program / kegiatan", "Anggaran", "Keterangan"]
WAJIB_ANGGARAN_PK = ["Kode elemen", "Anggaran"]

PESAN_BUKAN_XLSX = "Berkas bukan Excel (.xlsx) yang dapat dibaca. Simpan sebagai .xlsx lalu unggah."
PESAN_FORMAT_LAIN = "Berkas ini format {lain}, bukan {ini}. Unduh templat yang sesuai."
PESAN_TANPA_LEMBAR = "Tidak ada lembar yang dikenali ({lembar}). Gunakan templat dari Kinerja."
PESAN_KOLOM_HILANG = "Kolom wajib tidak ditemukan di lembar {lembar}: {kolom}."
PESAN_TERLALU_BANYAK = "Lembar {lembar} berisi lebih dari {n} baris."
PESAN_KODE_KOSONG = "Kode kosong; baris tanpa kode tidak dapat dicocokkan."
PESAN_KODE_GANDA = "Kode {kode} muncul lebih dari sekali di lembar ini (baris {baris})."
PESAN_LEVEL = "Level “{teks}” tidak ada pada kerangka ini. Pilihan: {pilihan}."
PESAN_INDUK = "Kode induk “{kode}” tidak ditemukan di kerangka ini maupun di lembar Elemen."
PESAN_UNIT = "{kolom} “{teks}” tidak dikenal dalam {lingkup}."
PESAN_PILIHAN = "{kolom} “{teks}” tidak dikenal. Pilihan: {pilihan}."
PESAN_SKALA = "Skala “{teks}” tidak dikenal. Pilihan: {pilihan}."
PESAN_ELEMEN = "Kode elemen “{kode}” tidak ditemukan di kerangka ini maupun di lembar Elemen."
PESAN_INDIKATOR = "Kode indikator “{kode}” tidak ditemukan."
PESAN_TAHUN = "Tahun harus bilangan bulat seperti 2026."
PESAN_TANGGAL = "“{teks}” bukan tanggal; tulis seperti 01-07-2026."
PESAN_BUKAN_ANGKA_EXCEL = "Sel {kolom} berisi {jenis}, bukan angka atau teks."
PESAN_TIDAK_BERHAK = "Anda tidak berhak mengubah rencana unit ini."
PESAN_VERSI_TARGET = (
    "Target ini sudah diubah sejak berkas diunduh (sekarang versi {sekarang}, di berkas {versi})."
)
PESAN_TANPA_ANGGARAN = "Elemen {kode} berada pada level {level} yang tidak memiliki anggaran."
PESAN_PERIODE = "Periode “{teks}” tidak sah untuk {jenis}."
PESAN_PK_BEKU = "PK ini {status}; item dan anggarannya tidak dapat diubah lewat impor."
PESAN_INDUK_PK = "Indikator induk “{kode}” tidak ada di PK atasan tahun ini."
PESAN_RA_TANPA_ITEM = "Indikator “{kode}” belum menjadi item PK ini (tambahkan di lembar Item PK)."
PESAN_RA_TUTUP = "Periode {label} sudah {status}; targetnya tidak dapat diubah."
PESAN_IMPOR_GAGAL = "{lembar} baris {nomor}: {pesan} Tidak ada yang disimpan."

_KUNING = PatternFill("solid", fgColor="FFF4C2")
_KEPALA = PatternFill("solid", fgColor="0B4F6C")
_GARIS = Border(*(Side(style="thin", color="ADB5BD"),) * 4)
_URUTAN_STATUS = ("baru", "berubah", "sama", "kosong", "galat")


class ImporGagal(ValidationError):
    """The import could not be applied; nothing was written."""


@dataclass
class BarisImpor:
    """One data row of an uploaded sheet and the verdict on it."""

    lembar: str
    nomor: int
    kode: str
    uraian: str = ""
    status: str = "kosong"  # baru | berubah | sama | kosong | galat
    pesan: str = ""
    catatan: list[str] = field(default_factory=list)
    sebelum: str = ""
    sesudah: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    def galat(self, pesan: str) -> BarisImpor:
        """Mark the row as refused with `pesan`."""
        self.status, self.pesan = "galat", pesan
        return self


@dataclass
class HasilBaca:
    """Every row of an uploaded workbook with its verdict, and errors about the file."""

    baris: list[BarisImpor] = field(default_factory=list)
    galat_berkas: list[str] = field(default_factory=list)

    def jumlah(self, status: str) -> int:
        """How many rows have this verdict."""
        return sum(1 for b in self.baris if b.status == status)

    @property
    def ada_galat(self) -> bool:
        """True when the file or any row is refused (then nothing can be imported)."""
        return bool(self.galat_berkas) or any(b.status == "galat" for b in self.baris)

    @property
    def akan_disimpan(self) -> list[BarisImpor]:
        """The rows a confirmation would save (none while any error remains)."""
        if self.ada_galat:
            return []
        return [b for b in self.baris if b.status in ("baru", "berubah")]

    def muatan(self) -> list[dict[str, Any]]:
        """The rows to save, as plain data for the signed confirmation form."""
        return [
            {"lembar": b.lembar, "nomor": b.nomor, "kode": b.kode, "data": b.data}
            for b in self.akan_disimpan
        ]

    def ringkasan(self) -> dict[str, int]:
        """Counts per verdict, for the preview page."""
        return {s: self.jumlah(s) for s in _URUTAN_STATUS}


# -- cells ----------------------------------------------------------------------------------


def _teks(v: Any) -> str:
    """A cell as text: numbers as 1234,5 (decimal comma), dates as dd-mm-yyyy."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if isinstance(v, int | float | Decimal):
        # Digits with a decimal comma and no grouping, so `baca_angka` reads it back exactly.
        d = Decimal(str(v)).normalize()
        return format(d, "f").replace(".", ",")
    if isinstance(v, dt.datetime | dt.date):
        return v.strftime("%d-%m-%Y")
    return str(v).strip()


def _kode(v: Any) -> str:
    """A code cell: numbers without separators (a kode RUP typed as a number stays digits)."""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    return "" if v is None else str(v).strip()


def _angka(v: Any, kolom: str) -> Decimal | None:
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        raise ValidationError(PESAN_BUKAN_ANGKA_EXCEL.format(kolom=kolom, jenis="ya/tidak"))
    if isinstance(v, int | float):
        return Decimal(str(v))
    if isinstance(v, dt.date):
        raise ValidationError(PESAN_BUKAN_ANGKA_EXCEL.format(kolom=kolom, jenis="tanggal"))
    try:
        return baca_angka(str(v), wajib=False)
    except AngkaTidakSah as exc:
        raise ValidationError(f"{kolom}: {exc}") from exc


def _rupiah(v: Any, kolom: str) -> Decimal | None:
    if v is None or v == "":
        return None
    if isinstance(v, int | float):
        d = Decimal(str(v))
        if d < 0:
            raise ValidationError(f"{kolom}: " + "Nilai tidak boleh negatif.")
        return d
    try:
        return baca_rupiah(str(v))
    except ValidationError as exc:
        raise ValidationError(f"{kolom}: {' '.join(exc.messages)}") from exc


def _bulat(v: Any, kolom: str, wajib: bool = False) -> int | None:
    if v is None or v == "":
        if wajib:
            raise ValidationError(f"{kolom}: " + PESAN_TAHUN)
        return None
    try:
        d = Decimal(str(v).strip()) if not isinstance(v, int) else Decimal(v)
    except InvalidOperation as exc:
        raise ValidationError(f"{kolom}: " + PESAN_TAHUN) from exc
    if d != d.to_integral_value():
        raise ValidationError(f"{kolom}: " + PESAN_TAHUN)
    return int(d)


def _tanggal(v: Any) -> dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    s = str(v).strip()
    for pola in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(s, pola).date()
        except ValueError:
            continue
    raise ValidationError(PESAN_TANGGAL.format(teks=s))


def _ya(v: Any) -> bool:
    return _teks(v).lower() in {"ya", "y", "1", "true", "benar"}


def _pilihan(v: Any, kelas: Any, kolom: str, bawaan: str) -> str:
    s = _teks(v).lower()
    if not s:
        return bawaan
    peta: dict[str, str] = {}
    for kode, label in kelas.choices:
        peta[kode.lower()] = kode
        peta[str(label).lower()] = kode
        peta[str(label).split(" (")[0].lower()] = kode
    if s in peta:
        return peta[s]
    raise ValidationError(
        PESAN_PILIHAN.format(
            kolom=kolom, teks=_teks(v), pilihan=", ".join(k for k, _ in kelas.choices)
        )
    )


def _instansi_peta(qs: Any) -> dict[str, Instansi]:
    peta: dict[str, Instansi] = {}
    for i in qs:
        for kunci in (i.nama, i.singkatan, i.kode):
            if kunci:
                peta.setdefault(kunci.strip().lower(), i)
    return peta


def _cari_instansi(v: Any, peta: dict[str, Instansi], kolom: str, lingkup: str) -> Instansi | None:
    s = _teks(v)
    if not s:
        return None
    if s.lower() in peta:
        return peta[s.lower()]
    raise ValidationError(PESAN_UNIT.format(kolom=kolom, teks=s, lingkup=lingkup))


# -- workbook reading -----------------------------------------------------------------------


def _buka(berkas: IO[bytes] | bytes, jenis: str, hasil: HasilBaca) -> Any:
    try:
        data = berkas if isinstance(berkas, bytes) else berkas.read()
        wb = load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except Exception:  # noqa: BLE001 - any unreadable upload is the same user error
        hasil.galat_berkas.append(PESAN_BUKAN_XLSX)
        return None
    if LEMBAR_META in wb.sheetnames:
        meta = wb[LEMBAR_META]
        lain = _teks(meta["B1"].value)
        if lain and lain != jenis:
            hasil.galat_berkas.append(PESAN_FORMAT_LAIN.format(lain=lain, ini=jenis))
            return None
    return wb


def _baris_lembar(
    wb: Any, nama: str, wajib: list[str], hasil: HasilBaca
) -> Iterator[tuple[int, dict[str, Any]]] | None:
    """The data rows of a sheet as {column name: cell value}, after its header row."""
    if nama not in wb.sheetnames:
        return None
    ws = wb[nama]
    kepala_baris, kolom = 0, {}
    for r, baris in enumerate(ws.iter_rows(min_row=1, max_row=15, values_only=True), start=1):
        nama_kolom = {_teks(v).lower(): i for i, v in enumerate(baris) if _teks(v)}
        if all(w.lower() in nama_kolom for w in wajib):
            kepala_baris = r
            kolom = {_teks(v): i for i, v in enumerate(baris) if _teks(v)}
            break
    if not kepala_baris:
        # Name the missing columns of the most likely header row (the first non-empty one).
        ada = set()
        for baris in ws.iter_rows(min_row=1, max_row=15, values_only=True):
            ada |= {_teks(v).lower() for v in baris if _teks(v)}
        hilang = [w for w in wajib if w.lower() not in ada]
        hasil.galat_berkas.append(
            PESAN_KOLOM_HILANG.format(lembar=nama, kolom=", ".join(hilang or wajib))
        )
        return None
    if ws.max_row - kepala_baris > BARIS_MAKS:
        hasil.galat_berkas.append(PESAN_TERLALU_BANYAK.format(lembar=nama, n=BARIS_MAKS))
        return None
    lower = {k.lower(): i for k, i in kolom.items()}

    def gen() -> Iterator[tuple[int, dict[str, Any]]]:
        for r, baris in enumerate(
            ws.iter_rows(min_row=kepala_baris + 1, values_only=True), start=kepala_baris + 1
        ):
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in baris):
                continue
            yield (
                r,
                {
                    k: (baris[i] if i < len(baris) else None)
                    for k, i in ((k, lower[k.lower()]) for k in kolom)
                },
            )

    return gen()


def _kolom(d: dict[str, Any], nama: str) -> Any:
    for k, v in d.items():
        if k.lower() == nama.lower():
            return v
    return None


def _tandai_ganda(baris: list[BarisImpor]) -> None:
    pertama: dict[str, BarisImpor] = {}
    for b in baris:
        if not b.kode or b.status == "galat":
            continue
        if b.kode in pertama:
            b.galat(PESAN_KODE_GANDA.format(kode=b.kode, baris=pertama[b.kode].nomor))
        else:
            pertama[b.kode] = b


# -- writing workbooks ----------------------------------------------------------------------


def _lembar_baru(wb: Workbook, nama: str, judul: str, kolom: list[str], lebar: list[int]) -> Any:
    ws = wb.create_sheet(nama)
    ws["A1"] = judul
    ws["A1"].font = Font(bold=True, size=13)
    awal = 3
    for i, (k, w) in enumerate(zip(kolom, lebar, strict=True), start=1):
        c = ws.cell(row=awal, column=i, value=k)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = _KEPALA
        c.alignment = Alignment(wrap_text=True, vertical="center")
        c.border = _GARIS
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = ws.cell(row=awal + 1, column=3)
    return ws


def _tulis(
    ws: Any, baris: int, isi: list[Any], bungkus: frozenset[int] | set[int] = frozenset()
) -> None:
    for k, v in enumerate(isi, start=1):
        c = ws.cell(row=baris, column=k, value=v)
        c.border = _GARIS
        c.alignment = Alignment(wrap_text=k in bungkus, vertical="top")


def _sel_angka(nilai: Decimal | None) -> Any:
    if nilai is None:
        return None
    d = Decimal(nilai)
    return int(d) if d == d.to_integral_value() else float(d.normalize())


def _daftar(ws: Any, kolom: int, pilihan: list[str], baris_awal: int = 4) -> None:
    teks = ",".join(pilihan)
    if not pilihan or len(teks) > 250:
        return
    dv = DataValidation(type="list", formula1=f'"{teks}"', allow_blank=True)
    ws.add_data_validation(dv)
    huruf = get_column_letter(kolom)
    dv.add(f"{huruf}{baris_awal}:{huruf}{baris_awal + BARIS_MAKS}")


def _meta(wb: Workbook, jenis: str, keterangan: str) -> None:
    ws = wb.create_sheet(LEMBAR_META)
    ws["A1"], ws["B1"] = "jenis", jenis
    ws["A2"], ws["B2"] = "versi format", VERSI_FORMAT
    ws["A3"], ws["B3"] = "sumber", keterangan
    ws.sheet_state = "hidden"


def _petunjuk(wb: Workbook, judul: str, baris: list[str]) -> None:
    ws = wb.active
    ws.title = LEMBAR_PETUNJUK
    ws["A1"] = judul
    ws["A1"].font = Font(bold=True, size=14)
    for i, t in enumerate(baris, start=3):
        ws.cell(row=i, column=1, value=t).alignment = Alignment(wrap_text=True)
    ws.column_dimensions["A"].width = 120


def _simpan(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _nama_instansi(i: Instansi | None) -> str:
    return (i.singkatan or i.nama) if i else ""


def unduh_rencana(kerangka: KerangkaKinerja) -> bytes:
    """The framework's plan as an XLSX workbook (an empty framework gives the template)."""
    k = kerangka
    wb = Workbook()
    _petunjuk(
        wb,
        f"Rencana kinerja: {k.nama} {k.tahun_mulai}–{k.tahun_selesai} ({k.instansi.nama})",
        [
            "Lembar Elemen: pohon kinerja dari atas ke bawah. Setiap elemen wajib punya kode yang "
            "unik dalam kerangka; Kode induk menunjuk elemen satu level di atasnya (kosong untuk "
            "level teratas). Level ditulis dengan kodenya: "
            + ", ".join(lv.kode for lv in k.level.all())
            + ".",
            "Lembar Indikator: manual IKU. Kolom pilihan menerima kode atau labelnya "
            "(mis. positif / negatif / rentang).",
            "Lembar Target: satu baris per indikator per tahun. Mengubah target yang sudah ada "
            "membuat versi perubahan dan wajib mengisi Berlaku mulai dan Alasan perubahan. "
            "Indikator rentang memakai Batas bawah dan Batas atas.",
            "Lembar Anggaran: pagu DPA per program/kegiatan/sub kegiatan/paket dan rencana "
            "penarikan per triwulan.",
            "Angka boleh ditulis 1.234,5 atau 1234,5. Saat diimpor, setiap baris diperiksa dan "
            "ditampilkan dulu; tidak ada yang disimpan sebelum Anda menekan Impor, dan semua "
            "baris disimpan sekaligus. Baris yang tidak berubah tidak ditulis; impor tidak "
            "pernah menghapus.",
        ],
    )
    akar = selectors.pohon_kerangka(k)
    urut = [s for a in akar for s in a.urut()]
    we = _lembar_baru(
        wb,
        LEMBAR_ELEMEN,
        "Elemen kerangka (pohon kinerja)",
        KOLOM_ELEMEN,
        [14, 20, 20, 60, 22, 8, 14, 18, 22],
    )
    induk_kode = {s.elemen.pk: s.elemen.kode for s in urut}
    for n, s in enumerate(urut, start=4):
        e = s.elemen
        _tulis(
            we,
            n,
            [
                e.level.kode,
                e.kode,
                induk_kode.get(e.induk_id or 0, ""),
                e.nama,
                _nama_instansi(e.unit),
                e.urutan,
                e.kode_rup,
                e.metode_pengadaan,
                _nama_instansi(e.instansi_pemilik),
            ],
            {4},
        )
    _daftar(we, 1, [lv.kode for lv in k.level.all()])
    _daftar(we, 8, services.METODE_PENGADAAN)
    wi = _lembar_baru(
        wb,
        LEMBAR_INDIKATOR,
        "Indikator dan manual IKU",
        KOLOM_INDIKATOR,
        [
            12,
            18,
            50,
            12,
            12,
            12,
            50,
            40,
            40,
            12,
            12,
            14,
            14,
            12,
            10,
            14,
            30,
            22,
            12,
            12,
            10,
            14,
            12,
            8,
        ],
    )
    indikator = [(s.elemen, ind) for s in urut for ind in s.indikator]
    for n, (e, ind) in enumerate(indikator, start=4):
        _tulis(
            wi,
            n,
            [
                ind.kode,
                e.kode,
                ind.nama,
                ind.satuan,
                ind.jenis,
                ind.sifat,
                ind.definisi_operasional,
                ind.alasan_pemilihan,
                ind.formula,
                ind.polaritas,
                ind.jenis_nilai,
                ind.skala.kode if ind.skala else "",
                ind.agregasi,
                ind.metode_negatif,
                "ya" if ind.boleh_negatif else "tidak",
                ind.frekuensi,
                ind.sumber_data,
                _nama_instansi(ind.unit_penanggung_jawab),
                _sel_angka(ind.baseline),
                ind.baseline_teks,
                ind.tahun_baseline,
                _sel_angka(ind.target_akhir_renstra),
                _sel_angka(ind.standar_nasional),
                ind.urutan,
            ],
            {3, 7, 8, 9},
        )
    for kol, kelas in (
        (5, JenisIndikator),
        (6, SifatIndikator),
        (10, Polaritas),
        (11, JenisNilai),
        (13, Agregasi),
        (14, MetodeNegatif),
        (16, Frekuensi),
    ):
        _daftar(wi, kol, [c for c, _ in kelas.choices])
    _daftar(wi, 15, ["ya", "tidak"])
    _daftar(wi, 12, list(SkalaOrdinal.objects.values_list("kode", flat=True)))
    wt = _lembar_baru(
        wb,
        LEMBAR_TARGET,
        "Target tahunan (versi terakhir per tahun)",
        KOLOM_TARGET,
        [14, 50, 8, 12, 12, 12, 7, 14, 40],
    )
    target = selectors.target_kerangka(k)
    n = 4
    for _e, ind in indikator:
        for tahun, versi in sorted(target.get(ind.pk, {}).items()):
            t = versi[-1]
            rentang = ind.polaritas == Polaritas.RENTANG
            nilai: Any = t.nilai_teks or _sel_angka(t.nilai)
            _tulis(
                wt,
                n,
                [
                    ind.kode,
                    ind.nama,
                    tahun,
                    "" if rentang else nilai,
                    _sel_angka(t.nilai_min),
                    _sel_angka(t.nilai_max),
                    t.nomor_versi,
                    t.berlaku_mulai.strftime("%d-%m-%Y") if t.nomor_versi > 1 else "",
                    t.alasan if t.nomor_versi > 1 else "",
                ],
                {2, 9},
            )
            for kol in (4, 5, 6, 8, 9):
                wt.cell(row=n, column=kol).fill = _KUNING
            n += 1
    wa = _lembar_baru(
        wb,
        LEMBAR_ANGGARAN,
        "Anggaran (DPA) dan rencana penarikan",
        KOLOM_ANGGARAN,
        [20, 50, 8, 18, 16, 16, 16, 16, 10, 30],
    )
    n = 4
    for a in (
        Anggaran.objects.filter(elemen__kerangka=k)
        .select_related("elemen__level")
        .prefetch_related("penarikan")
        .order_by("tahun", "elemen__level__urutan", "elemen__urutan", "elemen__kode")
    ):
        tarik = {p.triwulan: p.nilai for p in a.penarikan.all()}
        _tulis(
            wa,
            n,
            [
                a.elemen.kode,
                a.elemen.nama,
                a.tahun,
                _sel_angka(a.pagu),
                *[_sel_angka(tarik.get(t)) for t in range(1, 5)],
                a.sumber,
                a.keterangan,
            ],
            {2},
        )
        for kol in range(4, 9):
            wa.cell(row=n, column=kol).number_format = "#,##0"
        n += 1
    _meta(wb, JENIS_RENCANA, f"kerangka {k.pk}")
    return _simpan(wb)


# -- reading a plan -------------------------------------------------------------------------


@dataclass
class _Konteks:
    kerangka: KerangkaKinerja
    pengguna: Any
    level: dict[str, LevelKerangka]
    elemen: dict[str, Elemen]
    indikator: dict[str, Indikator]
    unit: dict[str, Instansi]
    pemda: dict[str, Instansi]
    skala: dict[str, SkalaOrdinal]
    target: dict[int, dict[int, list[TargetTahunan]]]
    elemen_file: dict[str, dict[str, Any]] = field(default_factory=dict)
    indikator_file: dict[str, Indikator] = field(default_factory=dict)


def _konteks(kerangka: KerangkaKinerja, pengguna: Any) -> _Konteks:
    k = kerangka
    pemda = Instansi.objects.get(pk=k.instansi.id_leluhur[0])
    return _Konteks(
        kerangka=k,
        pengguna=pengguna,
        level={lv.kode.lower(): lv for lv in k.level.all()}
        | {lv.nama.lower(): lv for lv in k.level.all()},
        elemen={
            e.kode: e
            for e in Elemen.objects.filter(kerangka=k).select_related(
                "level", "induk", "unit", "instansi_pemilik"
            )
        },
        indikator={
            i.kode: i
            for i in Indikator.objects.filter(elemen__kerangka=k).select_related(
                "elemen", "skala", "unit_penanggung_jawab"
            )
        },
        unit=_instansi_peta(k.instansi.subtree()),
        pemda=_instansi_peta(pemda.subtree()),
        skala={s.kode.lower(): s for s in SkalaOrdinal.objects.prefetch_related("level")},
        target=selectors.target_kerangka(k),
    )


def _boleh(ctx: _Konteks, obj: Any) -> None:
    if not ctx.pengguna.has_perm("kinerja.rencanakan", obj):
        raise PermissionDenied(PESAN_TIDAK_BERHAK)


def _baca_elemen(ctx: _Konteks, r: int, d: dict[str, Any]) -> BarisImpor:
    kode = _kode(_kolom(d, "Kode"))
    b = BarisImpor(LEMBAR_ELEMEN, r, kode, _teks(_kolom(d, "Uraian")))
    if not kode:
        return b.galat(PESAN_KODE_KOSONG)
    teks_level = _teks(_kolom(d, "Level")).lower()
    level = ctx.level.get(teks_level)
    if level is None:
        pilihan = ", ".join(sorted({lv.kode for lv in ctx.level.values()}))
        return b.galat(PESAN_LEVEL.format(teks=_teks(_kolom(d, "Level")), pilihan=pilihan))
    data = {
        "level": level.kode,
        "induk": _kode(_kolom(d, "Kode induk")),
        "nama": b.uraian,
        "unit": None,
        "urutan": 0,
        "kode_rup": _kode(_kolom(d, "Kode RUP")),
        "metode_pengadaan": _teks(_kolom(d, "Metode pengadaan")),
        "instansi_pemilik": None,
    }
    try:
        unit = _cari_instansi(
            _kolom(d, "Unit pelaksana"), ctx.unit, "Unit pelaksana", ctx.kerangka.instansi.nama
        )
        pemilik = _cari_instansi(_kolom(d, "OPD pemilik"), ctx.pemda, "OPD pemilik", "Pemda ini")
        data["unit"] = unit.pk if unit else None
        data["instansi_pemilik"] = pemilik.pk if pemilik else None
        data["urutan"] = _bulat(_kolom(d, "Urutan"), "Urutan") or 0
    except ValidationError as exc:
        return b.galat(" ".join(exc.messages))
    b.data = data
    ctx.elemen_file[kode] = data
    return b


def _periksa_elemen(ctx: _Konteks, b: BarisImpor) -> None:
    """Second pass, when every row's code is known: parent, level order, checks, change."""
    d = b.data
    level = ctx.level[d["level"].lower()]
    if d["induk"]:
        if d["induk"] in ctx.elemen_file:
            level_induk = ctx.level[ctx.elemen_file[d["induk"]]["level"].lower()]
        elif d["induk"] in ctx.elemen:
            level_induk = ctx.elemen[d["induk"]].level
        else:
            b.galat(PESAN_INDUK.format(kode=d["induk"]))
            return
        berikut = [lv for lv in ctx.kerangka.level.all() if lv.urutan > level_induk.urutan][:1]
        if not berikut or berikut[0].pk != level.pk:
            b.galat(
                services.PESAN_LEVEL_ANAK.format(
                    induk=d["induk"],
                    level_induk=level_induk.nama,
                    level=berikut[0].nama if berikut else "-",
                )
            )
            return
    elif level.urutan != min(lv.urutan for lv in ctx.level.values()):
        b.galat(services.PESAN_LEVEL_AKAR.format(level=ctx.kerangka.level.first().nama))
        return
    temuan = validasi.periksa_elemen(
        level_kode=level.kode,
        kode=b.kode,
        kode_induk=d["induk"],
        paket=level.kode == services.LEVEL_PAKET,
        kode_rup=d["kode_rup"],
        metode=d["metode_pengadaan"],
        ada_pemilik=d["instansi_pemilik"] is not None,
    )
    galat = [t.pesan for t in temuan if t.galat]
    if galat:
        b.galat(" ".join(galat))
        return
    b.catatan = [t.pesan for t in temuan]
    lama = ctx.elemen.get(b.kode)
    unit = next((i for i in ctx.unit.values() if i.pk == d["unit"]), None)
    try:
        _boleh(ctx, lama or ctx.kerangka)
        _boleh(ctx, Elemen(kerangka=ctx.kerangka, unit=unit))
    except PermissionDenied as exc:
        b.galat(str(exc))
        return
    sesudah = (
        level.kode,
        d["induk"],
        d["nama"],
        d["unit"],
        d["urutan"],
        d["kode_rup"],
        d["metode_pengadaan"],
        d["instansi_pemilik"],
    )
    b.sesudah = level.nama + (f" · {d['induk']}" if d["induk"] else "")
    if lama is None:
        b.status = "baru"
        return
    sebelum = (
        lama.level.kode,
        lama.induk.kode if lama.induk else "",
        lama.nama,
        lama.unit_id,
        lama.urutan,
        lama.kode_rup,
        lama.metode_pengadaan,
        lama.instansi_pemilik_id,
    )
    b.sebelum = lama.level.nama + (f" · {lama.induk.kode}" if lama.induk else "")
    if lama.nama != d["nama"]:
        b.sebelum, b.sesudah = lama.nama, d["nama"]
    if d["urutan"] == 0 and lama.urutan:
        # A file without the order column keeps the stored order.
        d["urutan"] = lama.urutan
        sesudah = (*sesudah[:4], lama.urutan, *sesudah[5:])
    b.status = "sama" if sebelum == sesudah else "berubah"


def _indikator_dari(ctx: _Konteks, d: dict[str, Any]) -> dict[str, Any]:
    skala_teks = _teks(_kolom(d, "Skala")).lower()
    skala = None
    if skala_teks:
        skala = ctx.skala.get(skala_teks)
        if skala is None:
            raise ValidationError(
                PESAN_SKALA.format(teks=skala_teks, pilihan=", ".join(sorted(ctx.skala)))
            )
    unit = _cari_instansi(
        _kolom(d, "Unit penanggung jawab"), ctx.pemda, "Unit penanggung jawab", "Pemda ini"
    )
    return {
        "elemen": _kode(_kolom(d, "Kode elemen")),
        "nama": _teks(_kolom(d, "Nama indikator")),
        "satuan": _teks(_kolom(d, "Satuan")),
        "jenis": _pilihan(_kolom(d, "Jenis"), JenisIndikator, "Jenis", JenisIndikator.IKU),
        "sifat": _pilihan(_kolom(d, "Sifat"), SifatIndikator, "Sifat", SifatIndikator.OUTCOME),
        "definisi_operasional": _teks(_kolom(d, "Definisi operasional")),
        "alasan_pemilihan": _teks(_kolom(d, "Alasan pemilihan")),
        "formula": _teks(_kolom(d, "Formula")),
        "polaritas": _pilihan(_kolom(d, "Polaritas"), Polaritas, "Polaritas", Polaritas.POSITIF),
        "jenis_nilai": _pilihan(
            _kolom(d, "Jenis nilai"), JenisNilai, "Jenis nilai", JenisNilai.ANGKA
        ),
        "skala": skala.kode if skala else None,
        "agregasi": _pilihan(_kolom(d, "Agregasi"), Agregasi, "Agregasi", Agregasi.NILAI_AKHIR),
        "metode_negatif": _pilihan(
            _kolom(d, "Rumus negatif"), MetodeNegatif, "Rumus negatif", MetodeNegatif.SELISIH
        ),
        "boleh_negatif": _ya(_kolom(d, "Boleh negatif")),
        "frekuensi": _pilihan(
            _kolom(d, "Periode pelaporan"), Frekuensi, "Periode pelaporan", Frekuensi.TRIWULANAN
        ),
        "sumber_data": _teks(_kolom(d, "Sumber data")),
        "unit_penanggung_jawab": unit.pk if unit else None,
        "baseline": _str(_angka(_kolom(d, "Baseline"), "Baseline")),
        "baseline_teks": _teks(_kolom(d, "Baseline (teks)")),
        "tahun_baseline": _bulat(_kolom(d, "Tahun baseline"), "Tahun baseline"),
        "target_akhir_renstra": _str(
            _angka(_kolom(d, "Target akhir Renstra"), "Target akhir Renstra")
        ),
        "standar_nasional": _str(_angka(_kolom(d, "Standar nasional"), "Standar nasional")),
        "urutan": _bulat(_kolom(d, "Urutan"), "Urutan") or 0,
    }


def _str(d: Decimal | None) -> str | None:
    return None if d is None else str(d)


def _model_indikator(ctx: _Konteks, data: dict[str, Any]) -> Indikator:
    """An unsaved Indikator with the row's values (for the checks and target parsing)."""
    nilai = {
        k: v
        for k, v in data.items()
        if k
        not in (
            "elemen",
            "skala",
            "unit_penanggung_jawab",
            "baseline",
            "target_akhir_renstra",
            "standar_nasional",
        )
    }
    ind = Indikator(**nilai)
    for k in ("baseline", "target_akhir_renstra", "standar_nasional"):
        setattr(ind, k, None if data[k] is None else Decimal(data[k]))
    if data["skala"]:
        ind.skala = ctx.skala[data["skala"].lower()]
    return ind


def _baca_indikator(ctx: _Konteks, r: int, d: dict[str, Any]) -> BarisImpor:
    kode = _kode(_kolom(d, "Kode"))
    b = BarisImpor(LEMBAR_INDIKATOR, r, kode, _teks(_kolom(d, "Nama indikator")))
    if not kode:
        return b.galat(PESAN_KODE_KOSONG)
    try:
        data = _indikator_dari(ctx, d)
    except ValidationError as exc:
        return b.galat(" ".join(exc.messages))
    if not data["nama"]:
        return b.galat(services.PESAN_NAMA_WAJIB)
    if data["elemen"] not in ctx.elemen and data["elemen"] not in ctx.elemen_file:
        return b.galat(PESAN_ELEMEN.format(kode=data["elemen"]))
    ind = _model_indikator(ctx, data)
    temuan = validasi.periksa_indikator(ind, tahun_mulai=ctx.kerangka.tahun_mulai)
    galat = [t.pesan for t in temuan if t.galat]
    if galat:
        return b.galat(" ".join(galat))
    b.catatan = [t.pesan for t in temuan]
    b.data = data
    ctx.indikator_file[kode] = ind
    lama = ctx.indikator.get(kode)
    try:
        if lama is not None:
            _boleh(ctx, lama)
        elemen = ctx.elemen.get(data["elemen"])
        _boleh(ctx, elemen or ctx.kerangka)
    except PermissionDenied as exc:
        return b.galat(str(exc))
    if lama is None:
        b.status = "baru"
        return b
    sebelum = _indikator_dari_model(lama)
    ubah_jenis = sebelum["jenis_nilai"] != data["jenis_nilai"] or (
        Polaritas.RENTANG in (sebelum["polaritas"], data["polaritas"])
        and sebelum["polaritas"] != data["polaritas"]
    )
    # The service refuses this when targets or realisations exist; say so now.
    if ubah_jenis and (lama.target.exists() or lama.realisasi.exists()):
        return b.galat(services.PESAN_JENIS_NILAI_TETAP)
    if data["urutan"] == 0 and lama.urutan:
        data["urutan"] = lama.urutan
    beda = [k for k in data if data[k] != sebelum.get(k)]
    b.status = "berubah" if beda else "sama"
    b.sebelum = ", ".join(beda[:4])
    return b


def _indikator_dari_model(i: Indikator) -> dict[str, Any]:
    return {
        "elemen": i.elemen.kode,
        "nama": i.nama,
        "satuan": i.satuan,
        "jenis": i.jenis,
        "sifat": i.sifat,
        "definisi_operasional": i.definisi_operasional,
        "alasan_pemilihan": i.alasan_pemilihan,
        "formula": i.formula,
        "polaritas": i.polaritas,
        "jenis_nilai": i.jenis_nilai,
        "skala": i.skala.kode if i.skala else None,
        "agregasi": i.agregasi,
        "metode_negatif": i.metode_negatif,
        "boleh_negatif": i.boleh_negatif,
        "frekuensi": i.frekuensi,
        "sumber_data": i.sumber_data,
        "unit_penanggung_jawab": i.unit_penanggung_jawab_id,
        "baseline": _str(_norm(i.baseline)),
        "baseline_teks": i.baseline_teks,
        "tahun_baseline": i.tahun_baseline,
        "target_akhir_renstra": _str(_norm(i.target_akhir_renstra)),
        "standar_nasional": _str(_norm(i.standar_nasional)),
        "urutan": i.urutan,
    }


def _norm(d: Decimal | None) -> Decimal | None:
    """Compare stored (4 decimals) and typed numbers by value: 80.0000 and 80 are equal."""
    if d is None:
        return None
    n = Decimal(d).normalize()
    return n.quantize(Decimal(1)) if n == n.to_integral_value() else n


def _baca_target(ctx: _Konteks, r: int, d: dict[str, Any]) -> BarisImpor:
    kode = _kode(_kolom(d, "Kode indikator"))
    b = BarisImpor(LEMBAR_TARGET, r, kode, _teks(_kolom(d, "Indikator")))
    if not kode:
        return b.galat(PESAN_KODE_KOSONG)
    # The file's definition (type, polarity) reads the value; the stored one has the versions.
    tersimpan = ctx.indikator.get(kode)
    ind = ctx.indikator_file.get(kode) or tersimpan
    if ind is None:
        return b.galat(PESAN_INDIKATOR.format(kode=kode))
    b.uraian = b.uraian or ind.nama
    k = ctx.kerangka
    try:
        tahun = _bulat(_kolom(d, "Tahun"), "Tahun", wajib=True)
        assert tahun is not None
        nilai = services.baca_target(
            ind,
            _teks(_kolom(d, "Target")),
            _teks(_kolom(d, "Batas bawah")),
            _teks(_kolom(d, "Batas atas")),
        )
        berlaku = _tanggal(_kolom(d, "Berlaku mulai"))
        versi_file = _bulat(_kolom(d, "Versi"), "Versi")
    except ValidationError as exc:
        return b.galat(" ".join(exc.messages))
    b.kode = f"{kode} {tahun}"
    level = [lv.kode for lv in ind.skala.level.all()] if ind.skala else []
    temuan = validasi.periksa_target(
        ind,
        nilai,
        tahun=tahun,
        tahun_mulai=k.tahun_mulai,
        tahun_selesai=k.tahun_selesai,
        level_skala=level,
    )
    galat = [t.pesan for t in temuan if t.galat]
    if galat:
        return b.galat(" ".join(galat))
    b.catatan = [t.pesan for t in temuan]
    alasan = _teks(_kolom(d, "Alasan perubahan"))
    b.sesudah = services.teks_target(ind, nilai)
    versi: list[TargetTahunan] = []
    if tersimpan is not None:
        versi = list(ctx.target.get(tersimpan.pk, {}).get(tahun, []))
    terakhir = versi[-1] if versi else None
    b.data = {
        "indikator": kode,
        "tahun": tahun,
        "nilai": _str(nilai.nilai),
        "nilai_min": _str(nilai.nilai_min),
        "nilai_max": _str(nilai.nilai_max),
        "nilai_teks": nilai.nilai_teks,
        "berlaku_mulai": berlaku.isoformat() if berlaku else None,
        "alasan": alasan,
        "versi_terakhir": terakhir.nomor_versi if terakhir else 0,
    }
    try:
        _boleh(ctx, tersimpan or ctx.kerangka)
    except PermissionDenied as exc:
        return b.galat(str(exc))
    if terakhir is None:
        b.status = "baru"
        return b
    b.sebelum = services.teks_target(ind, services.target_dari_versi(terakhir))
    if services.target_dari_versi(terakhir) == nilai:
        b.status = "sama"
        return b
    if versi_file is not None and versi_file != terakhir.nomor_versi:
        return b.galat(PESAN_VERSI_TARGET.format(sekarang=terakhir.nomor_versi, versi=versi_file))
    if not alasan:
        return b.galat(services.PESAN_ALASAN_PERUBAHAN)
    if berlaku is None:
        return b.galat(services.PESAN_BERLAKU_WAJIB)
    if berlaku.year != tahun:
        return b.galat(services.PESAN_BERLAKU_TAHUN.format(tahun=tahun))
    if berlaku < terakhir.berlaku_mulai:
        return b.galat(
            services.PESAN_BERLAKU_MUNDUR.format(
                tanggal=terakhir.berlaku_mulai.strftime("%d-%m-%Y")
            )
        )
    b.status = "berubah"
    return b


def _baca_anggaran(ctx: _Konteks, r: int, d: dict[str, Any], ada: dict[Any, Any]) -> BarisImpor:
    kode = _kode(_kolom(d, "Kode elemen"))
    b = BarisImpor(LEMBAR_ANGGARAN, r, kode, _teks(_kolom(d, "Uraian")))
    if not kode:
        return b.galat(PESAN_KODE_KOSONG)
    if kode in ctx.elemen:
        level = ctx.elemen[kode].level
    elif kode in ctx.elemen_file:
        level = ctx.level[ctx.elemen_file[kode]["level"].lower()]
    else:
        return b.galat(PESAN_ELEMEN.format(kode=kode))
    if not level.punya_anggaran:
        return b.galat(PESAN_TANPA_ANGGARAN.format(kode=kode, level=level.nama))
    try:
        tahun = _bulat(_kolom(d, "Tahun"), "Tahun", wajib=True)
        assert tahun is not None
        pagu = _rupiah(_kolom(d, "Pagu"), "Pagu")
        tarik = [_rupiah(_kolom(d, f"TW {r_}"), f"TW {r_}") for r_ in ("I", "II", "III", "IV")]
    except ValidationError as exc:
        return b.galat(" ".join(exc.messages))
    k = ctx.kerangka
    b.kode = f"{kode} {tahun}"
    if not k.tahun_mulai <= tahun <= k.tahun_selesai:
        return b.galat(
            validasi.PESAN_TAHUN_DI_LUAR.format(
                tahun=tahun, mulai=k.tahun_mulai, selesai=k.tahun_selesai
            )
        )
    if pagu is None:
        return b.galat("Pagu wajib diisi.")
    try:
        _boleh(ctx, ctx.elemen.get(kode) or ctx.kerangka)
    except PermissionDenied as exc:
        return b.galat(str(exc))
    sumber = _teks(_kolom(d, "Sumber")) or "DPA"
    keterangan = _teks(_kolom(d, "Keterangan"))
    b.catatan = [t.pesan for t in validasi.periksa_penarikan(pagu, tarik)]
    b.data = {
        "elemen": kode,
        "tahun": tahun,
        "pagu": str(pagu),
        "penarikan": [_str(v) for v in tarik],
        "sumber": sumber,
        "keterangan": keterangan,
    }
    b.sesudah = services.teks_angka(pagu)
    lama = ada.get((kode, tahun))
    if lama is None:
        b.status = "baru"
        return b
    b.sebelum = services.teks_angka(lama.pagu)
    lama_tarik = {p.triwulan: p.nilai for p in lama.penarikan.all()}
    sama = (
        lama.pagu == pagu
        and lama.sumber == sumber
        and lama.keterangan == keterangan
        and all(lama_tarik.get(t) == tarik[t - 1] for t in range(1, 5))
    )
    b.status = "sama" if sama else "berubah"
    return b


def baca_rencana(
    berkas: IO[bytes] | bytes, *, kerangka: KerangkaKinerja, pengguna: Any
) -> HasilBaca:
    """Judge every row of an uploaded plan workbook against `kerangka`; writes nothing."""
    hasil = HasilBaca()
    wb = _buka(berkas, JENIS_RENCANA, hasil)
    if wb is None:
        return hasil
    ctx = _konteks(kerangka, pengguna)
    lembar = {
        LEMBAR_ELEMEN: _baris_lembar(wb, LEMBAR_ELEMEN, WAJIB_ELEMEN, hasil),
        LEMBAR_INDIKATOR: _baris_lembar(wb, LEMBAR_INDIKATOR, WAJIB_INDIKATOR, hasil),
        LEMBAR_TARGET: _baris_lembar(wb, LEMBAR_TARGET, WAJIB_TARGET, hasil),
        LEMBAR_ANGGARAN: _baris_lembar(wb, LEMBAR_ANGGARAN, WAJIB_ANGGARAN, hasil),
    }
    if hasil.galat_berkas:
        return hasil
    if all(v is None for v in lembar.values()):
        hasil.galat_berkas.append(PESAN_TANPA_LEMBAR.format(lembar=", ".join(lembar)))
        return hasil
    elemen = [_baca_elemen(ctx, r, d) for r, d in (lembar[LEMBAR_ELEMEN] or [])]
    _tandai_ganda(elemen)
    for b in elemen:
        if b.status != "galat":
            _periksa_elemen(ctx, b)
    indikator = [_baca_indikator(ctx, r, d) for r, d in (lembar[LEMBAR_INDIKATOR] or [])]
    _tandai_ganda(indikator)
    target = [_baca_target(ctx, r, d) for r, d in (lembar[LEMBAR_TARGET] or [])]
    _tandai_ganda(target)
    ada = {
        (a.elemen.kode, a.tahun): a
        for a in Anggaran.objects.filter(elemen__kerangka=kerangka)
        .select_related("elemen")
        .prefetch_related("penarikan")
    }
    anggaran = [_baca_anggaran(ctx, r, d, ada) for r, d in (lembar[LEMBAR_ANGGARAN] or [])]
    _tandai_ganda(anggaran)
    hasil.baris = elemen + indikator + target + anggaran
    return hasil


def _gagal(b: dict[str, Any], exc: ValidationError | PermissionDenied) -> ImporGagal:
    pesan = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
    return ImporGagal(PESAN_IMPOR_GAGAL.format(lembar=b["lembar"], nomor=b["nomor"], pesan=pesan))


def _jalankan(b: dict[str, Any], fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except (ValidationError, PermissionDenied) as exc:
        raise _gagal(b, exc) from exc


@transaction.atomic
def terapkan_rencana(
    muatan: list[dict[str, Any]], *, kerangka: KerangkaKinerja, pengguna: Any
) -> int:
    """Save the previewed rows through the services, all in one transaction; returns the count.

    Elements go top down (parents first), then indicators, targets and budget lines.
    """
    k = KerangkaKinerja.objects.select_related("instansi").get(pk=kerangka.pk)
    level = {lv.kode.lower(): lv for lv in k.level.all()}
    per_lembar: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for b in muatan:
        per_lembar[b["lembar"]].append(b)

    def elemen(kode: str) -> Elemen:
        return Elemen.objects.select_related("level").get(kerangka=k, kode=kode)

    for b in sorted(
        per_lembar[LEMBAR_ELEMEN], key=lambda x: level[x["data"]["level"].lower()].urutan
    ):
        d = b["data"]
        lama = Elemen.objects.filter(kerangka=k, kode=b["kode"]).first()
        data = {
            "level": level[d["level"].lower()],
            "induk": elemen(d["induk"]) if d["induk"] else None,
            "kode": b["kode"],
            "nama": d["nama"],
            "unit": Instansi.objects.get(pk=d["unit"]) if d["unit"] else None,
            "urutan": d["urutan"],
            "kode_rup": d["kode_rup"],
            "metode_pengadaan": d["metode_pengadaan"],
            "instansi_pemilik": Instansi.objects.get(pk=d["instansi_pemilik"])
            if d["instansi_pemilik"]
            else None,
        }
        _jalankan(
            b,
            lambda data=data, lama=lama: services.elemen_simpan(
                pengguna=pengguna, kerangka=k, data=data, elemen=lama
            ),
        )
    for b in per_lembar[LEMBAR_INDIKATOR]:
        d = dict(b["data"])
        e = _jalankan(b, lambda d=d: elemen(d["elemen"]))
        d["skala"] = SkalaOrdinal.objects.get(kode=d["skala"]) if d["skala"] else None
        d["unit_penanggung_jawab"] = (
            Instansi.objects.get(pk=d["unit_penanggung_jawab"])
            if d["unit_penanggung_jawab"]
            else None
        )
        for kolom in ("baseline", "target_akhir_renstra", "standar_nasional"):
            d[kolom] = None if d[kolom] is None else Decimal(d[kolom])
        d.pop("elemen")
        d["kode"] = b["kode"]
        lama = Indikator.objects.filter(elemen__kerangka=k, kode=b["kode"]).first()
        _jalankan(
            b,
            lambda e=e, d=d, lama=lama: services.indikator_simpan(
                pengguna=pengguna, elemen=e, data=d, indikator=lama
            ),
        )
    for b in per_lembar[LEMBAR_TARGET]:
        d = b["data"]
        ind = Indikator.objects.get(elemen__kerangka=k, kode=d["indikator"])
        nilai = NilaiTarget(
            *(None if d[x] is None else Decimal(d[x]) for x in ("nilai", "nilai_min", "nilai_max")),
            nilai_teks=d["nilai_teks"],
        )
        _jalankan(
            b,
            lambda ind=ind, d=d, nilai=nilai: services.target_simpan(
                pengguna=pengguna,
                indikator=ind,
                tahun=d["tahun"],
                nilai=nilai,
                berlaku_mulai=dt.date.fromisoformat(d["berlaku_mulai"])
                if d["berlaku_mulai"]
                else None,
                alasan=d["alasan"] or "",
                versi_terakhir=d["versi_terakhir"],
            ),
        )
    for b in per_lembar[LEMBAR_ANGGARAN]:
        d = b["data"]
        e = elemen(d["elemen"])
        lama = Anggaran.objects.filter(elemen=e, tahun=d["tahun"]).first()
        _jalankan(
            b,
            lambda e=e, d=d, lama=lama: services.anggaran_simpan(
                pengguna=pengguna,
                elemen=e,
                tahun=d["tahun"],
                pagu=Decimal(d["pagu"]),
                sumber=d["sumber"],
                keterangan=d["keterangan"],
                penarikan=[None if v is None else Decimal(v) for v in d["penarikan"]],
                versi=lama.versi if lama else None,
            ),
        )
    return len(muatan)


# -- Perjanjian Kinerja ---------------------------------------------------------------------


def _indikator_pk(pk: PerjanjianKinerja) -> dict[str, Indikator]:
    """Indicators a PK may hold, by code: the agency's frameworks covering the PK's year."""
    instansi = pk.jabatan.instansi
    agensi = instansi.perangkat_daerah() or instansi
    qs = (
        Indikator.objects.filter(
            Q(elemen__kerangka__instansi__jalur__startswith=agensi.jalur)
            | Q(elemen__kerangka__instansi_id__in=agensi.id_leluhur),
            elemen__kerangka__tahun_mulai__lte=pk.tahun,
            elemen__kerangka__tahun_selesai__gte=pk.tahun,
        )
        .select_related("skala", "elemen__kerangka")
        .prefetch_related("skala__level")
        .order_by("-elemen__kerangka__tahun_mulai", "id")
    )
    hasil: dict[str, Indikator] = {}
    for i in qs:
        if i.kode:
            hasil.setdefault(i.kode, i)
    return hasil


def unduh_pk(pk: PerjanjianKinerja) -> bytes:
    """A PK's items, Rencana Aksi and budget lines as an XLSX workbook."""
    wb = Workbook()
    _petunjuk(
        wb,
        f"Perjanjian Kinerja {pk.tahun}: {pk.jabatan} (versi {pk.nomor_versi})",
        [
            "Lembar Item PK: indikator (kode dari rencana kinerja), target, dan kode indikator "
            "PK atasan yang didukung (cascading).",
            "Lembar Rencana Aksi: satu baris per indikator per periode (jenis periode triwulan "
            "atau bulan; periode 1–4 atau 1–12), target periode dan rencana aksinya.",
            "Lembar Anggaran PK: program/kegiatan (kode elemen) dan anggarannya.",
            "PK yang sudah ditandatangani tidak dapat diubah lewat impor; buat versi baru dulu. "
            "Rencana Aksi tetap dapat diisi kecuali untuk periode yang sudah ditutup.",
            "Setiap baris diperiksa dan ditampilkan dulu; impor tidak pernah menghapus.",
        ],
    )
    item = list(
        pk.item.select_related("indikator", "item_induk__indikator").prefetch_related(
            "rencana_aksi"
        )
    )
    wi = _lembar_baru(wb, LEMBAR_ITEM, "Item Perjanjian Kinerja", KOLOM_ITEM, [16, 60, 14, 14, 20])
    for n, it in enumerate(item, start=4):
        ind = it.indikator
        _tulis(
            wi,
            n,
            [
                ind.kode,
                ind.nama,
                ind.satuan,
                _sel_angka(it.target) if it.target is not None else it.target_teks,
                it.item_induk.indikator.kode if it.item_induk_id and it.item_induk else "",
            ],
            {2},
        )
        wi.cell(row=n, column=4).fill = _KUNING
    wr = _lembar_baru(wb, LEMBAR_RA, "Rencana Aksi", KOLOM_RA, [16, 50, 12, 8, 12, 60])
    n = 4
    for it in item:
        ra = sorted(it.rencana_aksi.all(), key=lambda r: (r.jenis_periode, r.nomor))
        if not ra:
            ra_isi: list[tuple[str, int, Any, str]] = [
                (JenisPeriode.TRIWULAN, t, None, "") for t in range(1, 5)
            ]
        else:
            ra_isi = [
                (
                    r.jenis_periode,
                    r.nomor,
                    _sel_angka(r.target) if r.target is not None else r.target_teks,
                    r.rencana_aksi,
                )
                for r in ra
            ]
        for jenis, nomor, target, aksi in ra_isi:
            _tulis(
                wr, n, [it.indikator.kode, it.indikator.nama, jenis, nomor, target, aksi], {2, 6}
            )
            wr.cell(row=n, column=5).fill = _KUNING
            wr.cell(row=n, column=6).fill = _KUNING
            n += 1
    _daftar(wr, 3, [JenisPeriode.TRIWULAN, JenisPeriode.BULAN])
    wa = _lembar_baru(
        wb, LEMBAR_ANGGARAN_PK, "Program dan anggaran", KOLOM_ANGGARAN_PK, [20, 60, 18, 40]
    )
    for n, a in enumerate(pk.anggaran.select_related("elemen"), start=4):
        _tulis(wa, n, [a.elemen.kode, a.elemen.nama, _sel_angka(a.pagu), a.keterangan], {2})
        wa.cell(row=n, column=3).number_format = "#,##0"
    _meta(wb, JENIS_PK, f"pk {pk.pk}")
    return _simpan(wb)


def _nomor_periode(v: Any, jenis: str) -> int:
    s = _teks(v).upper().replace("TW", "").replace("TRIWULAN", "").strip()
    romawi = {"I": 1, "II": 2, "III": 3, "IV": 4}
    nama_bulan = [x.upper() for x in validasi.NAMA_PERIODE["bulan"][1]]
    if s in romawi:
        n = romawi[s]
    elif s in nama_bulan:
        n = nama_bulan.index(s) + 1
    else:
        try:
            n = _bulat(v, "Periode", wajib=True) or 0
        except ValidationError as exc:
            raise ValidationError(PESAN_PERIODE.format(teks=_teks(v), jenis=jenis)) from exc
    if not 1 <= n <= services.JUMLAH_PERIODE[jenis]:
        raise ValidationError(PESAN_PERIODE.format(teks=_teks(v), jenis=jenis))
    return n


def baca_pk(berkas: IO[bytes] | bytes, *, pk: PerjanjianKinerja, pengguna: Any) -> HasilBaca:
    """Judge every row of an uploaded PK workbook against `pk`; writes nothing."""
    from kinerja.pengukuran.models import Periode, StatusPeriode

    hasil = HasilBaca()
    wb = _buka(berkas, JENIS_PK, hasil)
    if wb is None:
        return hasil
    lembar = {
        LEMBAR_ITEM: _baris_lembar(wb, LEMBAR_ITEM, WAJIB_ITEM, hasil),
        LEMBAR_RA: _baris_lembar(wb, LEMBAR_RA, WAJIB_RA, hasil),
        LEMBAR_ANGGARAN_PK: _baris_lembar(wb, LEMBAR_ANGGARAN_PK, WAJIB_ANGGARAN_PK, hasil),
    }
    if hasil.galat_berkas:
        return hasil
    if all(v is None for v in lembar.values()):
        hasil.galat_berkas.append(PESAN_TANPA_LEMBAR.format(lembar=", ".join(lembar)))
        return hasil
    boleh = pengguna.has_perm("kinerja.rencanakan", pk)
    dapat_diubah = pk.status in services.STATUS_PK_BOLEH_DIUBAH
    indikator = _indikator_pk(pk)
    ada = {
        it.indikator.kode: it
        for it in pk.item.select_related("indikator", "item_induk__indikator").prefetch_related(
            "rencana_aksi"
        )
    }
    atasan = services.pk_atasan(pk)
    item_atasan = (
        {it.indikator.kode: it for it in atasan.item.select_related("indikator")}
        if atasan is not None
        else {}
    )
    baris: list[BarisImpor] = []
    kode_file: dict[str, Indikator] = {}
    item_rows: list[BarisImpor] = []
    for r, d in lembar[LEMBAR_ITEM] or []:
        kode = _kode(_kolom(d, "Kode indikator"))
        b = BarisImpor(LEMBAR_ITEM, r, kode, _teks(_kolom(d, "Indikator")))
        item_rows.append(b)
        if not kode:
            b.galat(PESAN_KODE_KOSONG)
            continue
        ind = indikator.get(kode)
        if ind is None:
            b.galat(PESAN_INDIKATOR.format(kode=kode))
            continue
        b.uraian = ind.nama
        try:
            nilai = services.baca_target(ind, _teks(_kolom(d, "Target")))
        except ValidationError as exc:
            b.galat(" ".join(exc.messages))
            continue
        temuan = validasi.periksa_target(
            ind, nilai, level_skala=[lv.kode for lv in ind.skala.level.all()] if ind.skala else []
        )
        if validasi.ada_galat(temuan):
            b.galat(" ".join(t.pesan for t in temuan if t.galat))
            continue
        induk_kode = _kode(_kolom(d, "Kode indikator induk"))
        if induk_kode and induk_kode not in item_atasan:
            b.galat(PESAN_INDUK_PK.format(kode=induk_kode))
            continue
        kode_file[kode] = ind
        b.sesudah = services.teks_target(ind, nilai)
        b.data = {"target": b.sesudah, "induk": induk_kode}
        lama = ada.get(kode)
        if lama is None:
            b.status = "baru"
        else:
            b.sebelum = services.teks_target(
                ind, services.target_dari_baris(ind, lama.target, lama.target_teks)
            )
            induk_lama = lama.item_induk.indikator.kode if lama.item_induk_id else ""
            b.status = (
                "sama"
                if services.target_dari_baris(ind, lama.target, lama.target_teks) == nilai
                and induk_lama == induk_kode
                else "berubah"
            )
        if b.status != "sama" and not dapat_diubah:
            b.galat(PESAN_PK_BEKU.format(status=pk.get_status_display().lower()))
        elif b.status != "sama" and not boleh:
            b.galat(PESAN_TIDAK_BERHAK)
    _tandai_ganda(item_rows)
    baris += item_rows
    tutup = {
        (p.jenis_periode, p.nomor): p
        for p in Periode.objects.filter(
            pemda_id=pk.jabatan.instansi.id_leluhur[0], tahun=pk.tahun
        ).exclude(status=StatusPeriode.DIBUKA)
    }
    ra_rows: list[BarisImpor] = []
    for r, d in lembar[LEMBAR_RA] or []:
        kode = _kode(_kolom(d, "Kode indikator"))
        b = BarisImpor(LEMBAR_RA, r, kode, _teks(_kolom(d, "Indikator")))
        ra_rows.append(b)
        if not kode:
            b.galat(PESAN_KODE_KOSONG)
            continue
        ind = kode_file.get(kode) or (ada[kode].indikator if kode in ada else None)
        if ind is None:
            b.galat(PESAN_RA_TANPA_ITEM.format(kode=kode))
            continue
        ind = indikator.get(kode, ind)
        try:
            jenis = _pilihan(_kolom(d, "Jenis periode"), JenisPeriode, "Jenis periode", "triwulan")
            if jenis not in (JenisPeriode.TRIWULAN, JenisPeriode.BULAN):
                raise ValidationError(PESAN_PERIODE.format(teks=jenis, jenis="Rencana Aksi"))
            nomor = _nomor_periode(_kolom(d, "Periode"), jenis)
            nilai = services.baca_target(ind, _teks(_kolom(d, "Target")))
        except ValidationError as exc:
            b.galat(" ".join(exc.messages))
            continue
        b.kode = f"{kode} {jenis} {nomor}"
        label = validasi.NAMA_PERIODE[jenis][1][nomor - 1]
        b.uraian = f"{ind.nama} · {label}"
        if not nilai.kosong:
            temuan = validasi.periksa_target(
                ind,
                nilai,
                level_skala=[lv.kode for lv in ind.skala.level.all()] if ind.skala else [],
            )
            if validasi.ada_galat(temuan):
                b.galat(" ".join(t.pesan for t in temuan if t.galat))
                continue
        aksi = _teks(_kolom(d, "Rencana aksi"))
        b.sesudah = services.teks_target(ind, nilai)
        b.data = {
            "indikator": kode,
            "jenis": jenis,
            "nomor": nomor,
            "target": b.sesudah,
            "aksi": aksi,
        }
        lama = None
        if kode in ada:
            lama = next(
                (
                    x
                    for x in ada[kode].rencana_aksi.all()
                    if x.jenis_periode == jenis and x.nomor == nomor
                ),
                None,
            )
        lama_nilai = (
            services.target_dari_baris(ind, lama.target, lama.target_teks)
            if lama
            else NilaiTarget()
        )
        if lama is not None:
            b.sebelum = services.teks_target(ind, lama_nilai)
        if lama is None and nilai.kosong and not aksi:
            b.status = "kosong"
            continue
        if lama is not None and lama_nilai == nilai and lama.rencana_aksi == aksi:
            b.status = "sama"
            continue
        b.status = "baru" if lama is None else "berubah"
        if lama_nilai != nilai and (jenis, nomor) in tutup:
            p = tutup[(jenis, nomor)]
            b.galat(PESAN_RA_TUTUP.format(label=p.label, status=p.get_status_display().lower()))
        elif not boleh:
            b.galat(PESAN_TIDAK_BERHAK)
    _tandai_ganda(ra_rows)
    baris += ra_rows
    elemen = {
        e.kode: e
        for e in Elemen.objects.filter(
            kerangka__instansi__jalur__startswith=(
                pk.jabatan.instansi.perangkat_daerah() or pk.jabatan.instansi
            ).jalur,
            level__punya_anggaran=True,
            kerangka__tahun_mulai__lte=pk.tahun,
            kerangka__tahun_selesai__gte=pk.tahun,
        ).select_related("level")
    }
    ada_anggaran = {a.elemen.kode: a for a in pk.anggaran.select_related("elemen")}
    ang_rows: list[BarisImpor] = []
    for r, d in lembar[LEMBAR_ANGGARAN_PK] or []:
        kode = _kode(_kolom(d, "Kode elemen"))
        b = BarisImpor(LEMBAR_ANGGARAN_PK, r, kode, _teks(_kolom(d, "Program / kegiatan")))
        ang_rows.append(b)
        if not kode:
            b.galat(PESAN_KODE_KOSONG)
            continue
        if kode not in elemen:
            b.galat(PESAN_ELEMEN.format(kode=kode))
            continue
        try:
            pagu = _rupiah(_kolom(d, "Anggaran"), "Anggaran")
        except ValidationError as exc:
            b.galat(" ".join(exc.messages))
            continue
        if pagu is None:
            b.galat("Anggaran wajib diisi.")
            continue
        keterangan = _teks(_kolom(d, "Keterangan"))
        b.uraian = elemen[kode].nama
        b.sesudah = services.teks_angka(pagu)
        b.data = {"elemen": kode, "pagu": str(pagu), "keterangan": keterangan}
        lama = ada_anggaran.get(kode)
        if lama is None:
            b.status = "baru"
        else:
            b.sebelum = services.teks_angka(lama.pagu)
            b.status = "sama" if (lama.pagu, lama.keterangan) == (pagu, keterangan) else "berubah"
        if b.status != "sama" and not dapat_diubah:
            b.galat(PESAN_PK_BEKU.format(status=pk.get_status_display().lower()))
        elif b.status != "sama" and not boleh:
            b.galat(PESAN_TIDAK_BERHAK)
    _tandai_ganda(ang_rows)
    baris += ang_rows
    hasil.baris = baris
    return hasil


@transaction.atomic
def terapkan_pk(muatan: list[dict[str, Any]], *, pk: PerjanjianKinerja, pengguna: Any) -> int:
    """Save the previewed PK rows through the services in one transaction; returns the count."""
    obj = PerjanjianKinerja.objects.select_related("jabatan__instansi").get(pk=pk.pk)
    indikator = _indikator_pk(obj)
    per_lembar: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for b in muatan:
        per_lembar[b["lembar"]].append(b)
    atasan = services.pk_atasan(obj)
    induk = (
        {it.indikator.kode: it for it in atasan.item.select_related("indikator")}
        if atasan is not None
        else {}
    )

    def item_dari(kode: str) -> ItemPK | None:
        return ItemPK.objects.filter(perjanjian=obj, indikator__kode=kode).first()

    for b in per_lembar[LEMBAR_ITEM]:
        d = b["data"]
        ind = indikator[b["kode"]]
        it = item_dari(b["kode"])
        if it is None:
            obj.refresh_from_db()
            h = _jalankan(
                b,
                lambda ind=ind: services.pk_item_tambah(pengguna=pengguna, pk=obj, indikator=[ind]),
            )
            it = h.objek[0]
        _jalankan(
            b,
            lambda it=it, d=d: services.pk_item_simpan(
                pengguna=pengguna,
                item=it,
                target=d["target"],
                item_induk=induk.get(d["induk"]) if d["induk"] else None,
            ),
        )
    ra: dict[tuple[str, str], dict[int, tuple[str, str]]] = defaultdict(dict)
    for b in per_lembar[LEMBAR_RA]:
        d = b["data"]
        ra[(d["indikator"], d["jenis"])][d["nomor"]] = (d["target"], d["aksi"])
    for (kode, jenis), per in ra.items():
        contoh = next(b for b in per_lembar[LEMBAR_RA] if b["data"]["indikator"] == kode)
        it = item_dari(kode)
        if it is None:
            raise ImporGagal(
                PESAN_IMPOR_GAGAL.format(
                    lembar=LEMBAR_RA,
                    nomor=contoh["nomor"],
                    pesan=PESAN_RA_TANPA_ITEM.format(kode=kode),
                )
            )
        _jalankan(
            contoh,
            lambda it=it, jenis=jenis, per=per: services.ra_simpan(
                pengguna=pengguna, item=it, jenis_periode=jenis, baris=per
            ),
        )
    elemen = {
        e.kode: e
        for e in Elemen.objects.filter(
            kode__in=[b["data"]["elemen"] for b in per_lembar[LEMBAR_ANGGARAN_PK]],
            kerangka__instansi__jalur__startswith=(
                obj.jabatan.instansi.perangkat_daerah() or obj.jabatan.instansi
            ).jalur,
            level__punya_anggaran=True,
        ).select_related("level", "kerangka__instansi")
    }
    for b in per_lembar[LEMBAR_ANGGARAN_PK]:
        d = b["data"]
        _jalankan(
            b,
            lambda d=d: services.pk_anggaran_simpan(
                pengguna=pengguna,
                pk=obj,
                elemen=elemen[d["elemen"]],
                pagu=Decimal(d["pagu"]),
                keterangan=d["keterangan"],
            ),
        )
    return len(muatan)
