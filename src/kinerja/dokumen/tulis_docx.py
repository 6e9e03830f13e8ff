"""DOCX writing helpers on python-docx: paper, letterhead, tables with repeated header rows,
signature block and verification QR code — the same parts as `typ/kinerja.typ`.

User text is added as plain runs (python-docx never interprets it), so markup or template
syntax in a name or a comment stays text. Word users edit these files, hence real tables and
paragraph styles rather than drawn boxes.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

import qrcode
from docx import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table

logger = logging.getLogger(__name__)

# Word users have Arial; Liberation Sans (the PDF font) has the same metrics.
HURUF_DOKUMEN = "Arial"
KERTAS = {"a4": (210, 297), "f4": (215, 330)}


def teks(v: Any, kosong: str = "-") -> str:
    """A value as text: None/"" → `kosong`."""
    return kosong if v is None or v == "" else str(v)


def dokumen_baru(*, kertas: str = "a4", melintang: bool = False, margin_mm: float = 20) -> Any:
    """A new document with the paper size, margins and Liberation Sans/Arial 11 pt body text."""
    doc = DocxDocument()
    w, h = KERTAS.get(kertas, KERTAS["a4"])
    s = doc.sections[0]
    if melintang:
        s.orientation = WD_ORIENT.LANDSCAPE
        w, h = h, w
    s.page_width, s.page_height = Mm(w), Mm(h)
    s.left_margin = s.right_margin = s.top_margin = s.bottom_margin = Mm(margin_mm)
    gaya = doc.styles["Normal"]
    gaya.font.name = HURUF_DOKUMEN
    gaya.font.size = Pt(11)
    rpr = gaya.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for atribut in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(atribut), HURUF_DOKUMEN)
    gaya.paragraph_format.space_after = Pt(3)
    doc.core_properties.author = "Kinerja"
    return doc


def lebar_isi(doc: Any) -> int:
    """Usable text width of the first section (EMU)."""
    s = doc.sections[0]
    return int(s.page_width - s.left_margin - s.right_margin)


def paragraf(
    doc: Any,
    isi: str = "",
    *,
    tebal: bool = False,
    ukuran: float | None = None,
    rata: str = "kiri",
    miring: bool = False,
    spasi_setelah: float | None = None,
) -> Any:
    """Add one paragraph of plain text."""
    p = doc.add_paragraph()
    p.alignment = {
        "kiri": WD_ALIGN_PARAGRAPH.LEFT,
        "tengah": WD_ALIGN_PARAGRAPH.CENTER,
        "kanan": WD_ALIGN_PARAGRAPH.RIGHT,
        "rata": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[rata]
    if isi:
        r = p.add_run(isi)
        r.bold = tebal
        r.italic = miring
        if ukuran:
            r.font.size = Pt(ukuran)
    if spasi_setelah is not None:
        p.paragraph_format.space_after = Pt(spasi_setelah)
    return p


def _garis_bawah_paragraf(p: Any, tebal: int = 18, ganda: bool = True) -> None:
    ppr = p._p.get_or_add_pPr()
    batas = OxmlElement("w:pBdr")
    bawah = OxmlElement("w:bottom")
    bawah.set(qn("w:val"), "thinThickSmallGap" if ganda else "single")
    bawah.set(qn("w:sz"), str(tebal))
    bawah.set(qn("w:space"), "1")
    bawah.set(qn("w:color"), "000000")
    batas.append(bawah)
    ppr.append(batas)


def _gambar(p: Any, isi: bytes, tinggi: int) -> None:
    try:
        p.add_run().add_picture(io.BytesIO(isi), height=tinggi)
    except Exception:  # noqa: BLE001 - an unreadable logo must not stop the document
        logger.warning("Logo tidak dapat dibaca; dokumen dibuat tanpa logo.")


def logo_tengah(doc: Any, logo: bytes | None) -> None:
    """The logo centred above a title (documents without letterhead, such as the PK)."""
    if logo:
        _gambar(paragraf(doc, rata="tengah"), logo, Mm(25))


def kop(doc: Any, k: dict[str, Any], logo: bytes | None = None) -> None:
    """Letterhead: logo left, Pemda / agency / unit names centred, address, the double rule."""
    t = doc.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    lebar = lebar_isi(doc)
    sel_logo, sel_teks = t.rows[0].cells
    sel_logo.width = Mm(25)
    sel_teks.width = lebar - Mm(25)
    if logo:
        _gambar(sel_logo.paragraphs[0], logo, Mm(22))
    p = sel_teks.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    baris = [
        (k.get("pemda"), 13),
        (k.get("instansi"), 15),
        (k.get("unit"), 12),
    ]
    pertama = True
    for nilai, ukuran in baris:
        if not nilai:
            continue
        if not pertama:
            p.add_run().add_break()
        r = p.add_run(str(nilai).upper())
        r.bold = True
        r.font.size = Pt(ukuran)
        pertama = False
    for nilai in (k.get("alamat"), k.get("kontak")):
        if nilai:
            p.add_run().add_break()
            r = p.add_run(str(nilai))
            r.font.size = Pt(9)
    garis = doc.add_paragraph()
    garis.paragraph_format.space_after = Pt(6)
    _garis_bawah_paragraf(garis)


def _header_berulang(baris: Any) -> None:
    trpr = baris._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _arsir(sel: Any, warna: str = "E6E6E6") -> None:
    tcpr = sel._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), warna)
    tcpr.append(shd)


# Characters XML 1.0 cannot hold (control characters other than tab and line breaks).
_TIDAK_SAH_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _baris_xml(isi: Sequence[Any], ukuran: float, kanan: set[int], tebal: bool) -> Any:
    """A body row built as XML in one go: python-docx's object model takes ~10 ms per row.

    Text is escaped (`xml.sax.saxutils.escape`), so whatever a user typed stays text; line
    breaks become <w:br/>.
    """
    rpr = f'<w:rPr>{"<w:b/>" if tebal else ""}<w:sz w:val="{int(ukuran * 2)}"/></w:rPr>'
    sel = []
    for j, v in enumerate(isi):
        baris_teks = _TIDAK_SAH_XML.sub("", teks(v, "")).split("\n")
        runs = "<w:br/>".join(
            f'<w:t xml:space="preserve">{escape(bagian)}</w:t>' for bagian in baris_teks
        )
        ppr = '<w:pPr><w:jc w:val="right"/></w:pPr>' if j in kanan else ""
        sel.append(f"<w:tc><w:p>{ppr}<w:r>{rpr}{runs}</w:r></w:p></w:tc>")
    return parse_xml(f"<w:tr {nsdecls('w')}>{''.join(sel)}</w:tr>")


def tabel(
    doc: Any,
    kepala: Sequence[str] | Sequence[Sequence[str]],
    baris: Sequence[Sequence[Any]],
    *,
    lebar_mm: Sequence[float] | None = None,
    ukuran: float = 9,
    kanan: Sequence[int] = (),
    tebal_baris: Sequence[int] = (),
) -> Table:
    """A bordered table whose header row(s) repeat on every page.

    `kepala` is one row of headings or several rows; `kanan` lists column indexes aligned right
    (numbers); `tebal_baris` lists body row indexes printed bold (group and total rows).
    """
    baris_kepala = [kepala] if kepala and isinstance(kepala[0], str) else list(kepala)
    ncol = len(baris_kepala[0])
    t = doc.add_table(rows=0, cols=ncol)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for kp in baris_kepala:
        row = t.add_row()
        _header_berulang(row)
        for sel, isi in zip(row.cells, kp, strict=True):
            sel.text = ""
            r = sel.paragraphs[0].add_run(teks(isi, ""))
            r.bold = True
            r.font.size = Pt(ukuran)
            sel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            _arsir(sel)
    tebal = set(tebal_baris)
    for i, b in enumerate(baris):
        sel = list(b) + [""] * (ncol - len(b))
        t._tbl.append(_baris_xml(sel[:ncol], ukuran, set(kanan), i in tebal))
    if lebar_mm:
        # Column widths on the grid and the header cells only: setting every cell's width
        # costs more than building the table, and Word and LibreOffice follow the grid.
        total = sum(lebar_mm)
        lebar = lebar_isi(doc)
        t.autofit = False
        for kol, w in zip(t.columns, lebar_mm, strict=False):
            kol.width = int(lebar * w / total)
        for row in t.rows[: len(baris_kepala)]:
            for sel, w in zip(row.cells, lebar_mm, strict=False):
                sel.width = int(lebar * w / total)
    return t


def tanda_tangan(doc: Any, t: dict[str, Any] | None, *, kiri: dict[str, Any] | None = None) -> None:
    """Signature block on the right (and optionally a second one on the left)."""
    if not t:
        return
    tabel_ttd = doc.add_table(rows=1, cols=2)
    for sel, data in zip(tabel_ttd.rows[0].cells, (kiri, t), strict=True):
        if not data:
            continue
        p = sel.paragraphs[0]
        if data.get("tempat") or data.get("tanggal"):
            p.add_run(f"{teks(data.get('tempat'), '')}, {teks(data.get('tanggal'), '')}")
            p.add_run().add_break()
        if data.get("sebutan"):
            p.add_run(str(data["sebutan"]))
            p.add_run().add_break()
        status = f"{data['status']} " if data.get("status") else ""
        p.add_run(f"{status}{teks(data.get('jabatan'), '')},")
        for _ in range(4):
            p.add_run().add_break()
        r = p.add_run(teks(data.get("nama")))
        r.bold = True
        r.underline = True
        if data.get("pangkat"):
            p.add_run().add_break()
            p.add_run(str(data["pangkat"]))
        if data.get("nip"):
            p.add_run().add_break()
            p.add_run(f"NIP. {data['nip']}")


def verifikasi(doc: Any, v: dict[str, Any] | None) -> None:
    """The QR code and short verification code of a signed document."""
    if not v:
        return
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=1)
    qr.add_data(v["url"])
    qr.make(fit=True)
    gambar = io.BytesIO()
    qr.make_image().save(gambar, format="PNG")
    t = doc.add_table(rows=1, cols=2)
    a, b = t.rows[0].cells
    a.width = Mm(25)
    a.paragraphs[0].add_run().add_picture(io.BytesIO(gambar.getvalue()), width=Mm(22))
    p = b.paragraphs[0]
    r = p.add_run("Kode verifikasi: ")
    r.font.size = Pt(8)
    r = p.add_run(str(v["kode"]))
    r.bold = True
    r.font.size = Pt(8)
    p.add_run().add_break()
    r = p.add_run(
        f"Keaslian dokumen ini dapat diperiksa dengan memindai kode QR atau membuka {v['url']}."
    )
    r.font.size = Pt(8)


def tanda_draf(doc: Any) -> None:
    """A visible "DRAF" line at the top of an unsigned document."""
    p = paragraf(doc, "DRAF — belum ditandatangani", tebal=True, rata="kanan", ukuran=9)
    p.runs[0].font.color.rgb = RGBColor(0x99, 0x99, 0x99)


def simpan(doc: Any) -> bytes:
    """The document as bytes."""
    keluaran = io.BytesIO()
    doc.save(keluaran)
    return keluaran.getvalue()
