"""XLSX writing helpers on openpyxl: real spreadsheets, not pictures of tables.

- Numbers are written as numbers (from the payload's exact text, never from the printed text)
  with Indonesian-looking formats; percentages and rupiah get their own formats.
- Text a user typed is always a string cell: openpyxl would turn "=HYPERLINK(…)" into a formula,
  so `teks()` forces the string type (no spreadsheet formula injection).
- Headers are frozen, repeated on every printed page (print titles), a print area is set, the
  page is landscape and fitted to the width.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FORMAT_ANGKA = "#,##0.##"
FORMAT_PERSEN = "0.00"
FORMAT_RUPIAH = "#,##0"
_TIPIS = Side(style="thin", color="000000")
BINGKAI = Border(left=_TIPIS, right=_TIPIS, top=_TIPIS, bottom=_TIPIS)
ISI_KEPALA = PatternFill("solid", fgColor="E6E6E6")
ISI_KELOMPOK = PatternFill("solid", fgColor="F2F2F2")
HURUF = "Arial"
# openpyxl paper codes: 9 = A4, 14 = Folio 8.5 × 13 in (the F4 of Indonesian offices).
KERTAS = {"a4": 9, "f4": 14}


def buku() -> Workbook:
    """A new workbook whose default font is Arial 9."""
    wb = Workbook()
    wb._fonts[0] = Font(name=HURUF, size=9)  # noqa: SLF001 - openpyxl's default font slot
    return wb


def teks(
    ws: Worksheet,
    koordinat: str | tuple[int, int],
    nilai: Any,
    *,
    tebal: bool = False,
    miring: bool = False,
    bungkus: bool = False,
    rata: str | None = None,
    ukuran: float | None = None,
) -> Cell:
    """Write `nilai` as a string cell, whatever it looks like ("=1+1" stays text)."""
    c = ws[koordinat] if isinstance(koordinat, str) else ws.cell(*koordinat)
    s = "" if nilai is None else str(nilai)
    c.value = s
    c.data_type = "s"  # never a formula, whatever the first character
    c.font = _font(ukuran or 9, tebal, miring)
    c.alignment = _rata(bungkus, rata)
    return c


@functools.lru_cache(maxsize=64)
def _font(ukuran: float, tebal: bool, miring: bool) -> Font:
    # Style objects are immutable and hashed by openpyxl: one per combination is enough.
    return Font(name=HURUF, size=ukuran, bold=tebal, italic=miring)


@functools.lru_cache(maxsize=64)
def _rata(bungkus: bool, rata: str | None) -> Alignment:
    return Alignment(wrap_text=bungkus, horizontal=rata, vertical="top")


_RATA_KANAN = Alignment(horizontal="right", vertical="top")


def angka(ws: Worksheet, baris: int, kolom: int, nilai: str | None, format: str) -> Cell:
    """Write an exact number (payload text such as "99.53") as a numeric cell."""
    c = ws.cell(baris, kolom)
    c.value = Decimal(nilai) if nilai is not None else None
    c.number_format = format
    c.alignment = _RATA_KANAN
    return c


def judul(ws: Worksheet, m: dict[str, Any], ncol: int) -> int:
    """Title block (title, subtitles) merged across the table; returns the next free row."""
    baris = 1
    for i, t in enumerate([m.get("judul", ""), *m.get("subjudul", [])]):
        ws.merge_cells(start_row=baris, start_column=1, end_row=baris, end_column=ncol)
        c = teks(
            ws, (baris, 1), str(t).upper(), tebal=True, rata="center", ukuran=12 if i == 0 else 10
        )
        c.alignment = Alignment(horizontal="center", vertical="center")
        baris += 1
    return baris + 1


def kepala(
    ws: Worksheet,
    baris: int,
    kolom: Sequence[tuple[str, float]],
    grup: Sequence[tuple[str, int]] | None = None,
) -> int:
    """Header row(s): with `grup`, a first row of group labels over their columns (a column
    outside any group spans both rows). Sets column widths. Returns the first data row."""

    def gaya(c: Cell) -> None:
        c.font = Font(name=HURUF, size=9, bold=True)
        c.fill = ISI_KEPALA
        c.border = BINGKAI
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    for j, (_, lebar) in enumerate(kolom, start=1):
        ws.column_dimensions[get_column_letter(j)].width = lebar
    if not grup:
        for j, (label, _) in enumerate(kolom, start=1):
            teks(ws, (baris, j), label)
            gaya(ws.cell(baris, j))
        ws.row_dimensions[baris].height = 40
        return baris + 1
    j = 1
    for label, lebar_grup in grup:
        if lebar_grup == 1 and not label:
            teks(ws, (baris, j), kolom[j - 1][0])
            ws.merge_cells(start_row=baris, start_column=j, end_row=baris + 1, end_column=j)
        else:
            teks(ws, (baris, j), label)
            if lebar_grup > 1:
                ws.merge_cells(
                    start_row=baris, start_column=j, end_row=baris, end_column=j + lebar_grup - 1
                )
            for k in range(j, j + lebar_grup):
                teks(ws, (baris + 1, k), kolom[k - 1][0])
        j += lebar_grup
    for r in (baris, baris + 1):
        for k in range(1, len(kolom) + 1):
            gaya(ws.cell(r, k))
    ws.row_dimensions[baris + 1].height = 40
    return baris + 2


def baris_kelompok(
    ws: Worksheet,
    baris: int,
    ncol: int,
    label: str,
    persen: dict[int, str | None],
    teks_kanan: dict[int, str] | None = None,
) -> None:
    """A group row (sasaran, total): its label over the first columns, its roll-ups in place."""
    isi_sampai = min(persen or {ncol + 1: None}) - 1 if persen else ncol
    if teks_kanan:
        isi_sampai = min(isi_sampai, min(teks_kanan) - 1)
    isi_sampai = max(isi_sampai, 2)
    ws.merge_cells(start_row=baris, start_column=2, end_row=baris, end_column=isi_sampai)
    teks(ws, (baris, 2), label, tebal=True, bungkus=True)
    for kol, n in persen.items():
        if n is not None:
            angka(ws, baris, kol, n, FORMAT_PERSEN).font = Font(name=HURUF, size=9, bold=True)
    for kol, t in (teks_kanan or {}).items():
        teks(ws, (baris, kol), t, tebal=True)
    for k in range(1, ncol + 1):
        c = ws.cell(baris, k)
        c.fill = ISI_KELOMPOK
        c.border = BINGKAI


def tulis_baris(ws: Worksheet, baris: int, nilai: Sequence[tuple[str, Any]]) -> None:
    """One data row. Kinds: teks, nilai ({t, n}: number when n, else its text), persen,
    rupiah (numbers), bukti (list of {nama, url}: names, the first link as hyperlink)."""
    for j, (jenis, v) in enumerate(nilai, start=1):
        if jenis == "teks":
            teks(ws, (baris, j), v, bungkus=True)
        elif jenis in ("nilai", "persen", "rupiah"):
            fmt = {"nilai": FORMAT_ANGKA, "persen": FORMAT_PERSEN, "rupiah": FORMAT_RUPIAH}[jenis]
            if v.get("n") is not None:
                angka(ws, baris, j, v["n"], fmt)
            else:
                teks(ws, (baris, j), v.get("t") or "", rata="right")
        elif jenis == "bukti":
            nama = "\n".join(b["nama"] for b in v)
            c = teks(ws, (baris, j), nama, bungkus=True)
            url = next((b["url"] for b in v if b.get("url")), None)
            if url:
                c.hyperlink = url
                c.font = Font(name=HURUF, size=9, color="0563C1", underline="single")
        else:  # pragma: no cover - a builder bug
            raise ValueError(jenis)
        ws.cell(baris, j).border = BINGKAI


def rumus_persen(
    ws: Worksheet, sel: str, pembilang: str, penyebut: str, *, tebal: bool = False
) -> None:
    """A percentage formula pembilang / penyebut × 100, empty when the divisor is 0 or empty."""
    c = ws[sel]
    c.value = f'=IF(N({penyebut})=0,"",{pembilang}/{penyebut}*100)'
    c.number_format = FORMAT_PERSEN
    c.border = BINGKAI
    c.font = Font(name=HURUF, size=9, bold=tebal)


def rumus_jumlah(ws: Worksheet, sel: str, rentang: str, *, rupiah: bool = False) -> None:
    """A SUM formula over `rentang`."""
    c = ws[sel]
    c.value = f"=SUM({rentang})"
    c.number_format = FORMAT_RUPIAH if rupiah else FORMAT_ANGKA
    c.border = BINGKAI
    c.font = Font(name=HURUF, size=9, bold=True)


def tanda_tangan(ws: Worksheet, baris: int, t: dict[str, Any] | None, *, kolom_mulai: int) -> int:
    """Signature block text from `kolom_mulai`; returns the row after it."""
    if not t:
        return baris
    if t.get("tempat") or t.get("tanggal"):
        teks(ws, (baris, kolom_mulai), f"{t.get('tempat') or ''}, {t.get('tanggal') or ''}")
        baris += 1
    status = f"{t['status']} " if t.get("status") else ""
    teks(ws, (baris, kolom_mulai), f"{status}{t.get('jabatan') or ''},")
    baris += 5
    c = teks(ws, (baris, kolom_mulai), t.get("nama"), tebal=True)
    c.font = Font(name=HURUF, size=9, bold=True, underline="single")
    baris += 1
    if t.get("pangkat"):
        teks(ws, (baris, kolom_mulai), t["pangkat"])
        baris += 1
    if t.get("nip"):
        teks(ws, (baris, kolom_mulai), f"NIP. {t['nip']}")
        baris += 1
    v = t.get("verifikasi")
    if v:
        baris += 1
        teks(ws, (baris, kolom_mulai), f"Kode verifikasi: {v['kode']} — {v['url']}", miring=True)
        baris += 1
    return baris


def atur_cetak(
    ws: Worksheet,
    *,
    kertas: str,
    baris_kepala: tuple[int, int],
    kolom_beku: int,
    awal_data: int,
    akhir: int,
) -> None:
    """Freeze the header and the first columns, repeat the header on each printed page, set
    the print area, landscape, fit to the page width."""
    ws.freeze_panes = f"{get_column_letter(kolom_beku + 1)}{awal_data}"
    ws.print_title_rows = f"{baris_kepala[0]}:{baris_kepala[1]}"
    ws.print_area = f"A1:{get_column_letter(ws.max_column)}{max(akhir, ws.max_row)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = KERTAS.get(kertas, 9)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.right.text = "Halaman &P dari &N"


def simpan(wb: Workbook) -> bytes:
    """The workbook as bytes."""
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
