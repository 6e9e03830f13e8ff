"""QR codes as SVG text, passed to templates inside the JSON data (no file needed)."""

from __future__ import annotations

import qrcode
import qrcode.image.svg


def qr_svg(teks: str, border: int = 1) -> str:
    """Return an SVG document (text) of the QR code of `teks`, black on white, error level M."""
    qr = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=border,
        image_factory=qrcode.image.svg.SvgPathFillImage,
    )
    qr.add_data(teks)
    qr.make(fit=True)
    return qr.make_image().to_string(encoding="unicode")
