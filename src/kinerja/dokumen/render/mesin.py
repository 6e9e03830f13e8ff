"""Compile a Typst template from `typ/` with data passed as JSON through `sys.inputs`.

User text never becomes Typst source: the template reads `json(bytes(sys.inputs.data))` and
inserts strings as text, so "#set", "$x$", "*b*", "<l>", "@r", "[x]" and "\\" print literally.
Only the fonts in `dokumen/fonts/` are visible to the compiler (no system or embedded fonts), so a
document lays out the same on every machine.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import typst

logger = logging.getLogger(__name__)

DOKUMEN_DIR = Path(__file__).resolve().parent.parent
TYP_DIR = DOKUMEN_DIR / "typ"
FONT_DIR = DOKUMEN_DIR / "fonts"

Format = Literal["pdf", "png", "svg"]

_NAMA_TEMPLATE = re.compile(r"^[a-z][a-z0-9_-]*$")
_NAMA_BERKAS = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$")
_lokal = threading.local()

# A fixed creation date keeps the bytes of a PDF a function of its data alone.
_CAP_WAKTU = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


class DokumenError(RuntimeError):
    """A document could not be rendered; the message carries the Typst diagnostic."""


def _fonts() -> typst.Fonts:
    """The vendored fonts only, loaded once per thread (the Rust object is not shared)."""
    fonts = getattr(_lokal, "fonts", None)
    if fonts is None:
        fonts = typst.Fonts(
            include_system_fonts=False,
            include_embedded_fonts=False,
            font_paths=[str(FONT_DIR)],
        )
        _lokal.fonts = fonts
    return fonts


def _ke_json(nilai: Any) -> Any:
    if isinstance(nilai, Decimal):
        return str(nilai)
    if isinstance(nilai, dt.datetime | dt.date | dt.time):
        return nilai.isoformat()
    if isinstance(nilai, set | frozenset | tuple):
        return list(nilai)
    raise TypeError(f"{type(nilai).__name__} tidak dapat dikirim ke templat dokumen")


def data_json(data: Mapping[str, Any]) -> str:
    """Serialise template data: Decimal → its exact text, date/datetime/time → ISO 8601.

    Anything else that JSON cannot hold raises `TypeError` (better than printing a repr).
    """
    return json.dumps(data, default=_ke_json, ensure_ascii=False, allow_nan=False)


def _template(nama: str) -> Path:
    if not _NAMA_TEMPLATE.match(nama):
        raise DokumenError(f"nama templat tidak sah: {nama!r}")
    path = TYP_DIR / f"{nama}.typ"
    if not path.is_file():
        raise DokumenError(f"templat tidak ada: {nama}")
    return path


@contextlib.contextmanager
def _akar(template: str, berkas: Mapping[str, bytes] | None) -> Iterator[tuple[Path, Path]]:
    """(template path, project root): `typ/` itself, or a temporary copy holding `berkas`."""
    path = _template(template)
    if not berkas:
        yield path, TYP_DIR
        return
    for nama in berkas:
        if not _NAMA_BERKAS.match(nama) or ".." in nama:
            raise DokumenError(f"nama berkas tidak sah: {nama!r}")
    with tempfile.TemporaryDirectory(prefix="kinerja-typ-") as tmp:
        root = Path(tmp)
        shutil.copytree(TYP_DIR, root, dirs_exist_ok=True)
        (root / "berkas").mkdir()
        for nama, isi in berkas.items():
            (root / "berkas" / nama).write_bytes(isi)
        yield root / path.name, root


def render(
    template: str,
    data: Mapping[str, Any],
    *,
    format: Format = "pdf",
    berkas: Mapping[str, bytes] | None = None,
    ppi: float | None = None,
) -> bytes | list[bytes]:
    """Render `typ/<template>.typ` with `data` and return the output.

    `data` reaches the template as `sys.inputs.data` (see `data_json`). `berkas` are extra files
    (a logo, a photo) the template may read as "/berkas/<name>"; names are plain file names.
    PDF comes back as one `bytes`; PNG and SVG as one `bytes` per page.
    Raises `DokumenError` when Typst reports an error; Typst warnings are logged.
    """
    inputs = {"data": data_json(data)}
    with _akar(template, berkas) as (path, root):
        return _compile(path, root, inputs, format, ppi)


def kueri(
    template: str,
    data: Mapping[str, Any],
    selector: str,
    *,
    field: str | None = "value",
    berkas: Mapping[str, bytes] | None = None,
) -> Any:
    """Lay a template out and return what `selector` finds (by default the `value` of each
    `metadata` element with that label), decoded from JSON. Lets tests and callers inspect
    what a document placed without parsing its PDF."""
    inputs = {"data": data_json(data)}
    with _akar(template, berkas) as (path, root):
        try:
            hasil = typst.query(
                str(path),
                selector,
                field=field,
                root=str(root),
                font_paths=_fonts(),
                sys_inputs=inputs,
            )
        except typst.TypstError as exc:
            raise DokumenError(f"{path.name}: {exc.message}\n{exc.diagnostic}") from exc
    return json.loads(hasil)


def _compile(
    path: Path, root: Path, inputs: dict[str, str], format: Format, ppi: float | None
) -> bytes | list[bytes]:
    try:
        hasil, peringatan = typst.compile_with_warnings(
            str(path),
            root=str(root),
            font_paths=_fonts(),
            format=format,
            ppi=ppi,
            sys_inputs=inputs,
            timestamp=_CAP_WAKTU,
        )
    except typst.TypstError as exc:
        raise DokumenError(f"{path.name}: {exc.message}\n{exc.diagnostic}") from exc
    for w in peringatan:
        logger.warning("Typst %s: %s", path.name, w.message)
    if hasil is None:  # pragma: no cover - only when an output path is given
        raise DokumenError("Typst tidak menghasilkan keluaran")
    if format == "pdf":
        return hasil if isinstance(hasil, bytes) else b"".join(hasil)
    return hasil if isinstance(hasil, list) else [hasil]


def render_pdf(
    template: str, data: Mapping[str, Any], berkas: Mapping[str, bytes] | None = None
) -> bytes:
    """Render a template to PDF bytes (see `render`)."""
    hasil = render(template, data, format="pdf", berkas=berkas)
    assert isinstance(hasil, bytes)
    return hasil


def render_png(
    template: str,
    data: Mapping[str, Any],
    berkas: Mapping[str, bytes] | None = None,
    ppi: float = 100,
) -> list[bytes]:
    """Render a template to one PNG image per page (see `render`)."""
    hasil = render(template, data, format="png", berkas=berkas, ppi=ppi)
    assert isinstance(hasil, list)
    return hasil
