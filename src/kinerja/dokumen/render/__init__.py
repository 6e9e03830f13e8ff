"""Document rendering with Typst: data in as JSON, PDF/PNG/SVG out, only the vendored fonts.

Public API:

- `render_pdf(template, data, berkas=None) -> bytes`
- `render_png(template, data, berkas=None, ppi=100) -> list[bytes]` (one PNG per page)
- `render(template, data, format=..., berkas=None, ppi=None)` (the general form)
- `kueri(template, data, selector) -> list` (what the layout placed, e.g. metadata values)
- `data_json(data) -> str` (the serialisation every template receives)
- `tanggal_id(value) -> str` ("11 Januari 2024"), `format_nip(nip) -> str`, `qr_svg(text) -> str`
- `DokumenError` (a template failed to compile; the Typst diagnostic is in the message)

Templates live in `kinerja/dokumen/typ/`; shared helpers in `typ/kinerja.typ`.
"""

from kinerja.dokumen.render.format import format_nip, tanggal_id
from kinerja.dokumen.render.mesin import (
    FONT_DIR,
    TYP_DIR,
    DokumenError,
    data_json,
    kueri,
    render,
    render_pdf,
    render_png,
)
from kinerja.dokumen.render.qr import qr_svg

__all__ = [
    "FONT_DIR",
    "TYP_DIR",
    "DokumenError",
    "data_json",
    "format_nip",
    "kueri",
    "qr_svg",
    "render",
    "render_pdf",
    "render_png",
    "tanggal_id",
]
