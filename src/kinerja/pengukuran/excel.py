"""The *Format Realisasi Rencana Aksi* as an Excel round trip.

`format_unduh` writes a unit's period as XLSX: every due indicator with a stable code
(IND-<id>), its targets, last period's value and the current value, kendala and tindak lanjut
(the yellow columns are the ones to fill), the row version it was downloaded at; a second sheet
has the budget lines (ANG-<id>). `format_baca` reads a filled file back and judges every row
before anything is written: changed, unchanged, empty, or an error with the reason (wrong
columns, text where a number belongs, unknown or duplicated codes, indicators the user may not
fill, locked values, values changed by someone else since the download). `format_impor` then
saves the changed rows in one transaction through the same services as the entry grid, so an
unchanged row (the same file imported twice) writes nothing.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kinerja.organisasi.models import Instansi
from kinerja.pengukuran import alur_status, services
from kinerja.pengukuran import isian as isian_baca
from kinerja.pengukuran.models import Periode, Realisasi, StatusPeriode
from kinerja.pengukuran.selectors import anggaran_unit, indikator_tanggung_jawab
from kinerja.perencanaan import models as pm

LEMBAR_REALISASI = "Realisasi"
LEMBAR_ANGGARAN = "Anggaran"
LEMBAR_META = "_kinerja"
JENIS_FORMAT = "format-realisasi-rencana-aksi"
VERSI_FORMAT = 1
BARIS_MAKS = 5000

KOLOM_REALISASI = [
    "No",
    "Kode",
    "Sasaran / program",
    "Indikator",
    "Satuan",
    "Jenis nilai",
    "Target tahun",
    "Target periode",
    "Realisasi periode lalu",
    "Realisasi",
    "Kendala",
    "Tindak lanjut / upaya",
    "Status",
    "Versi",
]
KOLOM_ANGGARAN = [
    "No",
    "Kode",
    "Program / kegiatan / sub kegiatan",
    "Pagu (Rp)",
    "Realisasi s.d. periode lalu (Rp)",
    "Realisasi periode ini (Rp)",
    "Versi",
]
WAJIB_REALISASI = ["Kode", "Realisasi", "Kendala", "Tindak lanjut / upaya", "Versi"]
WAJIB_ANGGARAN = ["Kode", "Realisasi periode ini (Rp)", "Versi"]
KOLOM_ISI = {"Realisasi", "Kendala", "Tindak lanjut / upaya", "Realisasi periode ini (Rp)"}

PESAN_BUKAN_XLSX = "Berkas bukan Excel (.xlsx) yang dapat dibaca. Simpan sebagai .xlsx lalu unggah."
PESAN_TANPA_LEMBAR = "Lembar “{lembar}” tidak ditemukan. Gunakan format yang diunduh dari Kinerja."
PESAN_KOLOM_HILANG = "Kolom wajib tidak ditemukan di lembar {lembar}: {kolom}."
PESAN_PERIODE_LAIN = "Berkas ini format {lain}, bukan {periode}. Unduh format periode ini."
PESAN_TERLALU_BANYAK = "Berkas berisi lebih dari {n} baris."
PESAN_KODE_KOSONG = "Kode kosong: baris tanpa kode tidak dapat dicocokkan dengan indikator."
PESAN_KODE_TAK_DIKENAL = "Kode “{kode}” tidak dikenal."
PESAN_KODE_GANDA = "Kode {kode} muncul lebih dari sekali (baris {baris}); tidak ada yang diimpor."
PESAN_BUKAN_TANGGUNG_JAWAB = "Indikator ini bukan tanggung jawab {unit} pada {periode}."
PESAN_TIDAK_BERHAK = "Anda tidak berhak mengisi indikator ini."
PESAN_VERSI = "Kolom Versi harus berisi bilangan bulat seperti saat diunduh."
PESAN_BERUBAH = (
    "Nilai ini sudah diubah orang lain sejak format diunduh (sekarang {sekarang}). "
    "Unduh format terbaru."
)
PESAN_TERKUNCI = "Realisasi berstatus {status}; tidak dapat diubah lewat impor."
PESAN_PERIODE_TUTUP = "Periode {periode} sudah {status}; tidak ada yang dapat diimpor."
PESAN_NILAI_WAJIB = "Realisasi kosong padahal kendala atau tindak lanjut diisi."
PESAN_BUKAN_ANGKA_EXCEL = "Sel berisi {jenis}, bukan angka atau teks."
PESAN_AGREGAT = "Realisasi baris ini dihitung dari rinciannya; isi pada baris rincian."

_KUNING = PatternFill("solid", fgColor="FFF4C2")
_ABU = PatternFill("solid", fgColor="E9ECEF")
_KEPALA = PatternFill("solid", fgColor="0B4F6C")
_GARIS = Border(*(Side(style="thin", color="ADB5BD"),) * 4)


@dataclass
class BarisImpor:
    """One data row of an uploaded file and the verdict on it."""

    lembar: str
    nomor: int
    kode: str
    nama: str = ""
    nilai: str = ""
    kendala: str = ""
    tindak_lanjut: str = ""
    versi: int = 0
    status: str = "kosong"  # berubah | sama | kosong | galat
    pesan: str = ""
    objek_id: int = 0
    sebelum: str = ""


@dataclass
class HasilBaca:
    """Every row of an uploaded file with its verdict, plus errors about the file as a whole."""

    baris: list[BarisImpor] = field(default_factory=list)
    galat_berkas: list[str] = field(default_factory=list)

    def jumlah(self, status: str) -> int:
        """How many rows have this verdict."""
        return sum(1 for b in self.baris if b.status == status)

    @property
    def berubah(self) -> list[BarisImpor]:
        """The rows a confirmation would save."""
        return [b for b in self.baris if b.status == "berubah"] if not self.galat_berkas else []

    def muatan(self) -> list[dict[str, Any]]:
        """The rows to save, as plain data for the signed confirmation form."""
        return [asdict(b) for b in self.berubah]


def kode_indikator(ind: pm.Indikator) -> str:
    """The stable code of an indicator in the format: IND-<id>."""
    return f"IND-{ind.pk}"


def kode_anggaran(a: pm.Anggaran) -> str:
    """The stable code of a budget line in the format: ANG-<id>."""
    return f"ANG-{a.pk}"


def _angka_sel(nilai: Decimal | None) -> Any:
    if nilai is None:
        return None
    d = Decimal(nilai)
    return int(d) if d == d.to_integral_value() else d.normalize()


def _kepala(ws: Any, baris: int, kolom: list[str], lebar: list[int]) -> None:
    for i, (judul, w) in enumerate(zip(kolom, lebar, strict=True), start=1):
        c = ws.cell(row=baris, column=i, value=judul)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = _KEPALA
        c.alignment = Alignment(wrap_text=True, vertical="center")
        c.border = _GARIS
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = ws.cell(row=baris + 1, column=3)


def format_unduh(*, instansi: Instansi, periode: Periode, pengguna: Any) -> bytes:
    """The XLSX *Format Realisasi Rencana Aksi* of `instansi` for `periode`, pre-filled."""
    data = isian_baca.isian(instansi=instansi, periode=periode, pengguna=pengguna)
    wb = Workbook()
    ws = wb.active
    ws.title = LEMBAR_REALISASI
    ws["A1"] = "FORMAT REALISASI RENCANA AKSI"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = instansi.nama
    ws["A3"] = f"Periode: {periode.label}"
    ws["A4"] = (
        "Isi hanya kolom kuning. Jangan mengubah kolom Kode dan Versi. Angka boleh ditulis "
        "1.234,5 atau 1234,5; ya/tidak dan level dipilih dari daftar."
    )
    ws["A4"].font = Font(italic=True, color="6C757D")
    awal = 6
    _kepala(ws, awal, KOLOM_REALISASI, [5, 11, 30, 45, 10, 12, 12, 12, 14, 14, 35, 35, 13, 7])
    dv_biner = DataValidation(type="list", formula1='"Ya,Tidak"', allow_blank=True)
    ws.add_data_validation(dv_biner)
    for n, b in enumerate(data.baris, start=1):
        ind, r = b.indikator, b.realisasi
        nilai: Any = None
        if r is not None:
            if ind.jenis_nilai == pm.JenisNilai.ORDINAL:
                nilai = r.nilai_teks or None
            elif ind.jenis_nilai == pm.JenisNilai.BINER:
                nilai = None if r.nilai is None else ("Ya" if r.nilai == 1 else "Tidak")
            else:
                nilai = _angka_sel(r.nilai)
        baris = awal + n
        isi = [
            n,
            kode_indikator(ind),
            f"{ind.elemen.level.nama} {ind.elemen.kode} {ind.elemen.nama}".strip(),
            ind.nama,
            ind.satuan,
            ind.get_jenis_nilai_display(),
            b.capaian.target_tahun_teks,
            b.capaian.target_periode_teks,
            b.nilai_lalu_teks,
            nilai,
            r.kendala if r else None,
            r.tindak_lanjut if r else None,
            r.get_status_display() if r else "Belum diisi",
            b.versi,
        ]
        for k, v in enumerate(isi, start=1):
            c = ws.cell(row=baris, column=k, value=v)
            c.border = _GARIS
            c.alignment = Alignment(wrap_text=k in (3, 4, 11, 12), vertical="top")
            if KOLOM_REALISASI[k - 1] in KOLOM_ISI:
                c.fill = _KUNING if b.boleh_isi else _ABU
        sel = f"J{baris}"
        if ind.jenis_nilai == pm.JenisNilai.BINER:
            dv_biner.add(sel)
        elif ind.jenis_nilai == pm.JenisNilai.ORDINAL and ind.skala:
            kode = ",".join(lv.kode for lv in ind.skala.level.all())
            dv = DataValidation(type="list", formula1=f'"{kode}"', allow_blank=True)
            ws.add_data_validation(dv)
            dv.add(sel)
    wa = wb.create_sheet(LEMBAR_ANGGARAN)
    wa["A1"] = "REALISASI ANGGARAN"
    wa["A1"].font = Font(bold=True, size=14)
    wa["A2"] = instansi.nama
    wa["A3"] = f"Periode: {periode.label} (belanja periode ini, bukan kumulatif)"
    _kepala(wa, awal, KOLOM_ANGGARAN, [5, 11, 50, 18, 22, 22, 7])
    for n, a in enumerate(data.anggaran, start=1):
        sd_lalu = (a.nilai_sd or Decimal(0)) - (a.realisasi.nilai if a.realisasi else Decimal(0))
        isi = [
            n,
            kode_anggaran(a.anggaran),
            f"{a.anggaran.elemen.level.nama} {a.anggaran.elemen.kode} {a.anggaran.elemen.nama}",
            _angka_sel(a.anggaran.pagu),
            _angka_sel(sd_lalu),
            _angka_sel(a.realisasi.nilai) if a.realisasi else None,
            a.versi,
        ]
        for k, v in enumerate(isi, start=1):
            c = wa.cell(row=awal + n, column=k, value=v)
            c.border = _GARIS
            if k in (4, 5, 6):
                c.number_format = "#,##0"
            if KOLOM_ANGGARAN[k - 1] in KOLOM_ISI:
                c.fill = _KUNING if a.boleh_isi else _ABU
    meta = wb.create_sheet(LEMBAR_META)
    for i, (k, v) in enumerate(
        [
            ("format", JENIS_FORMAT),
            ("versi_format", VERSI_FORMAT),
            ("instansi", instansi.pk),
            ("periode", periode.pk),
            ("periode_label", periode.label),
            ("diunduh", timezone.localtime().isoformat(timespec="seconds")),
        ],
        start=1,
    ):
        meta.cell(row=i, column=1, value=k)
        meta.cell(row=i, column=2, value=v)
    meta.sheet_state = "veryHidden"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _teks_sel(v: Any) -> tuple[str, str]:
    """A cell as the text the services read, or ("", message) for a cell of the wrong kind."""
    if v is None:
        return "", ""
    if isinstance(v, bool):
        return ("ya" if v else "tidak"), ""
    if isinstance(v, int):
        return str(v), ""
    if isinstance(v, float | Decimal):
        # A number cell is unambiguous: write it with a decimal comma so that "1234.567" is
        # not mistaken for thousands by the Indonesian reader.
        d = Decimal(repr(v)) if isinstance(v, float) else v
        if not d.is_finite():
            return "", PESAN_BUKAN_ANGKA_EXCEL.format(jenis="nilai tak hingga")
        return f"{d.normalize():f}".replace(".", ","), ""
    if isinstance(v, dt.datetime | dt.date | dt.time):
        return "", PESAN_BUKAN_ANGKA_EXCEL.format(jenis="tanggal")
    return str(v).strip(), ""


def _versi_sel(v: Any) -> int | None:
    """The row version written at download (empty = 0), or None when it is not a whole number."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return 0
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v if v >= 0 else None
    if isinstance(v, float) and v.is_integer() and v >= 0:
        return int(v)
    if isinstance(v, str) and v.strip().isdigit():
        return int(v.strip())
    return None


def _cari_kepala(ws: Any, wajib: list[str]) -> tuple[int, dict[str, int]] | None:
    """The header row (within the first 20) and the column index of each known title."""
    for nomor, baris in enumerate(ws.iter_rows(min_row=1, max_row=20, values_only=True), 1):
        judul = {str(v).strip().lower(): i for i, v in enumerate(baris) if v is not None}
        if "kode" in judul:
            return nomor, {k: judul[k.lower()] for k in wajib if k.lower() in judul}
    return None


def _baca_lembar(ws: Any, wajib: list[str], lembar: str, hasil: HasilBaca) -> list[BarisImpor]:
    kepala = _cari_kepala(ws, wajib)
    if kepala is None or len(kepala[1]) < len(wajib):
        ada = kepala[1] if kepala else {}
        hasil.galat_berkas.append(
            PESAN_KOLOM_HILANG.format(
                lembar=lembar, kolom=", ".join(k for k in wajib if k not in ada)
            )
        )
        return []
    nomor_kepala, kolom = kepala
    keluar: list[BarisImpor] = []
    for nomor, sel in enumerate(ws.iter_rows(min_row=nomor_kepala + 1, values_only=True)):
        if nomor >= BARIS_MAKS:
            hasil.galat_berkas.append(PESAN_TERLALU_BANYAK.format(n=BARIS_MAKS))
            return []
        nilai = {k: (sel[i] if i < len(sel) else None) for k, i in kolom.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in nilai.values()):
            continue
        b = BarisImpor(lembar=lembar, nomor=nomor_kepala + 1 + nomor, kode="")
        teks = {}
        for k, v in nilai.items():
            if k == "Versi":
                continue
            t, salah = _teks_sel(v)
            if salah and not b.pesan:
                b.status, b.pesan = "galat", f"{k}: {salah}"
            teks[k] = t
        b.kode = teks["Kode"].upper()
        b.nilai = teks.get("Realisasi", teks.get("Realisasi periode ini (Rp)", ""))
        b.kendala = teks.get("Kendala", "")
        b.tindak_lanjut = teks.get("Tindak lanjut / upaya", "")
        versi = _versi_sel(nilai["Versi"])
        if versi is None:
            if b.status != "galat":
                b.status, b.pesan = "galat", PESAN_VERSI
        else:
            b.versi = versi
        keluar.append(b)
    return keluar


def _tandai_ganda(baris: list[BarisImpor]) -> None:
    per_kode: dict[str, list[BarisImpor]] = {}
    for b in baris:
        if b.kode:
            per_kode.setdefault(b.kode, []).append(b)
    for kode, sama in per_kode.items():
        if len(sama) > 1:
            nomor = ", ".join(str(x.nomor) for x in sama)
            for b in sama:
                b.status, b.pesan = "galat", PESAN_KODE_GANDA.format(kode=kode, baris=nomor)


def _id_dari_kode(kode: str, awalan: str) -> int | None:
    if not kode.startswith(awalan):
        return None
    sisa = kode[len(awalan) :]
    return int(sisa) if sisa.isdigit() and len(sisa) < 12 else None


def _nilai_sekarang(ind: pm.Indikator, r: Realisasi | None) -> str:
    return isian_baca.nilai_input(ind, r) or "–"


def _nilai_sama(ind: pm.Indikator, r: Realisasi | None, b: BarisImpor) -> bool:
    """True when the row carries exactly what is stored (value, kendala, tindak lanjut).

    Reads the value first, so a value that does not fit the indicator raises ValidationError.
    """
    angka, teks = services.baca_nilai_realisasi(ind, b.nilai)
    if r is None:
        return False
    return (r.nilai, r.nilai_teks, r.kendala, r.tindak_lanjut) == (
        angka,
        teks,
        b.kendala.strip(),
        b.tindak_lanjut.strip(),
    )


def _nilai_realisasi(
    baris: list[BarisImpor], *, instansi: Instansi, periode: Periode, pengguna: Any
) -> None:
    ids = [i for b in baris if (i := _id_dari_kode(b.kode, "IND-")) is not None]
    unit = {i.pk: i for i in indikator_tanggung_jawab(instansi, periode).filter(pk__in=ids)}
    ada = set(pm.Indikator.objects.filter(pk__in=ids).values_list("pk", flat=True))
    sekarang = {
        r.indikator_id: r for r in Realisasi.objects.filter(periode=periode, indikator_id__in=ids)
    }
    for b in baris:
        if b.status == "galat":
            continue
        if not b.kode:
            if b.nilai or b.kendala or b.tindak_lanjut:
                b.status, b.pesan = "galat", PESAN_KODE_KOSONG
            continue
        iid = _id_dari_kode(b.kode, "IND-")
        if iid is None or iid not in ada:
            b.status, b.pesan = "galat", PESAN_KODE_TAK_DIKENAL.format(kode=b.kode)
            continue
        b.objek_id = iid
        ind = unit.get(iid)
        if ind is None:
            b.status = "galat"
            b.pesan = PESAN_BUKAN_TANGGUNG_JAWAB.format(unit=instansi.nama, periode=periode.label)
            continue
        b.nama = ind.nama
        r = sekarang.get(iid)
        b.sebelum = _nilai_sekarang(ind, r)
        if not b.nilai:
            berubah_teks = (b.kendala.strip(), b.tindak_lanjut.strip()) != (
                (r.kendala, r.tindak_lanjut) if r else ("", "")
            )
            b.status = "galat" if berubah_teks else "kosong"
            b.pesan = PESAN_NILAI_WAJIB if berubah_teks else ""
            continue
        try:
            if _nilai_sama(ind, r, b):
                b.status = "sama"
                continue
        except ValidationError as exc:
            b.status, b.pesan = "galat", " ".join(exc.messages)
            continue
        if not pengguna.has_perm("kinerja.isi", ind):
            b.status, b.pesan = "galat", PESAN_TIDAK_BERHAK
        elif r is not None and r.status not in alur_status.STATUS_BOLEH_DIUBAH:
            b.status = "galat"
            b.pesan = PESAN_TERKUNCI.format(status=r.get_status_display().lower())
        elif (r.versi if r else 0) != b.versi:
            b.status = "galat"
            b.pesan = PESAN_BERUBAH.format(sekarang=b.sebelum)
        else:
            b.status = "berubah"


def _nilai_anggaran(
    baris: list[BarisImpor], *, instansi: Instansi, periode: Periode, pengguna: Any
) -> None:
    daftar = {
        a.anggaran.pk: a
        for a in isian_baca.baris_anggaran(instansi=instansi, periode=periode, pengguna=pengguna)
    }
    for b in baris:
        if b.status == "galat":
            continue
        if not b.kode:
            if b.nilai:
                b.status, b.pesan = "galat", PESAN_KODE_KOSONG
            continue
        aid = _id_dari_kode(b.kode, "ANG-")
        a = daftar.get(aid) if aid is not None else None
        if a is None:
            b.status, b.pesan = "galat", PESAN_KODE_TAK_DIKENAL.format(kode=b.kode)
            continue
        b.objek_id = a.anggaran.pk
        b.nama = a.anggaran.elemen.nama
        b.sebelum = isian_baca.teks_input(a.realisasi.nilai) if a.realisasi else "–"
        if not b.nilai:
            continue
        try:
            angka = services.baca_rupiah(b.nilai)
        except ValidationError as exc:
            b.status, b.pesan = "galat", " ".join(exc.messages)
            continue
        if a.realisasi is not None and a.realisasi.nilai == angka:
            b.status = "sama"
        elif a.agregat:
            b.status, b.pesan = "galat", PESAN_AGREGAT
        elif not a.boleh_isi:
            b.status, b.pesan = "galat", PESAN_TIDAK_BERHAK
        elif a.versi != b.versi:
            b.status, b.pesan = "galat", PESAN_BERUBAH.format(sekarang=b.sebelum)
        else:
            b.status = "berubah"


def format_baca(
    berkas: IO[bytes], *, instansi: Instansi, periode: Periode, pengguna: Any
) -> HasilBaca:
    """Judge every row of an uploaded format without writing anything."""
    hasil = HasilBaca()
    try:
        wb = load_workbook(berkas, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        hasil.galat_berkas.append(PESAN_BUKAN_XLSX)
        return hasil
    try:
        if LEMBAR_META in wb.sheetnames:
            meta = {
                str(k): v
                for k, v, *_ in wb[LEMBAR_META].iter_rows(max_row=20, values_only=True)
                if k is not None
            }
            if str(meta.get("periode")) != str(periode.pk):
                hasil.galat_berkas.append(
                    PESAN_PERIODE_LAIN.format(
                        lain=meta.get("periode_label", "periode lain"), periode=periode.label
                    )
                )
                return hasil
        if periode.status != StatusPeriode.DIBUKA:
            hasil.galat_berkas.append(
                PESAN_PERIODE_TUTUP.format(
                    periode=periode.label, status=periode.get_status_display().lower()
                )
            )
            return hasil
        if LEMBAR_REALISASI not in wb.sheetnames:
            hasil.galat_berkas.append(PESAN_TANPA_LEMBAR.format(lembar=LEMBAR_REALISASI))
            return hasil
        realisasi = _baca_lembar(wb[LEMBAR_REALISASI], WAJIB_REALISASI, LEMBAR_REALISASI, hasil)
        anggaran = []
        if LEMBAR_ANGGARAN in wb.sheetnames:
            anggaran = _baca_lembar(wb[LEMBAR_ANGGARAN], WAJIB_ANGGARAN, LEMBAR_ANGGARAN, hasil)
    finally:
        wb.close()
    if hasil.galat_berkas:
        return hasil
    _tandai_ganda(realisasi)
    _tandai_ganda(anggaran)
    _nilai_realisasi(realisasi, instansi=instansi, periode=periode, pengguna=pengguna)
    _nilai_anggaran(anggaran, instansi=instansi, periode=periode, pengguna=pengguna)
    hasil.baris = realisasi + anggaran
    return hasil


class ImporGagal(ValidationError):
    """A confirmed import refused by a service: nothing was saved."""


@transaction.atomic
def format_impor(
    muatan: list[dict[str, Any]], *, instansi: Instansi, periode: Periode, pengguna: Any, nama: str
) -> int:
    """Save the changed rows of a previewed file in one transaction; returns how many.

    Each row goes through `services.realisasi_simpan` / `realisasi_anggaran_simpan` with the
    version it was downloaded at. If any row is refused (someone changed it after the preview,
    the period closed) the whole import is rolled back and `ImporGagal` names the row.
    """
    ind = {
        i.pk: i
        for i in indikator_tanggung_jawab(instansi, periode).filter(
            pk__in=[b["objek_id"] for b in muatan if b["lembar"] == LEMBAR_REALISASI]
        )
    }
    ang = {
        a.pk: a
        for a in anggaran_unit(instansi, periode.tahun).filter(
            pk__in=[b["objek_id"] for b in muatan if b["lembar"] == LEMBAR_ANGGARAN]
        )
    }
    alasan = f"impor Excel: {nama}"[:200]
    for b in muatan:
        try:
            if b["lembar"] == LEMBAR_REALISASI:
                if b["objek_id"] not in ind:
                    raise PermissionDenied(PESAN_TIDAK_BERHAK)
                services.realisasi_simpan(
                    pengguna=pengguna,
                    indikator=ind[b["objek_id"]],
                    periode=periode,
                    nilai=b["nilai"],
                    kendala=b["kendala"],
                    tindak_lanjut=b["tindak_lanjut"],
                    versi=b["versi"],
                    alasan=alasan,
                )
            else:
                if b["objek_id"] not in ang:
                    raise PermissionDenied(PESAN_TIDAK_BERHAK)
                services.realisasi_anggaran_simpan(
                    pengguna=pengguna,
                    anggaran=ang[b["objek_id"]],
                    periode=periode,
                    nilai=b["nilai"],
                    versi=b["versi"],
                )
        except (ValidationError, PermissionDenied) as exc:
            teks = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            raise ImporGagal(
                f"Lembar {b['lembar']} baris {b['nomor']} ({b['kode']}): {teks} "
                "Tidak ada yang disimpan."
            ) from exc
    return len(muatan)
