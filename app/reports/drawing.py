"""Pictures on the page: the roster photo (or an empty frame) and the ticket's QR code."""

from __future__ import annotations

from io import BytesIO

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph

from app.reports.fonts import cjk_font


def photo_reader(photo: bytes | None) -> ImageReader | None:
    """An image reader for a JPEG or PNG, or None when there is none or it cannot be read."""
    if not photo:
        return None
    try:
        reader = ImageReader(BytesIO(photo))
        reader.getSize()
    except (OSError, ValueError):  # a damaged portrait must not stop the printing; the frame stays empty
        return None
    return reader


def draw_photo(canvas, photo: bytes | ImageReader | None, x: float, y: float, width: float, height: float) -> None:
    """The photo fitted into the box (x, y bottom-left), framed; '照片' in an empty frame."""
    reader = photo if isinstance(photo, ImageReader) or photo is None else photo_reader(photo)
    canvas.saveState()
    if reader is not None:
        canvas.drawImage(reader, x, y, width, height, preserveAspectRatio=True, anchor="c")
    else:
        canvas.setFont(cjk_font(), 9)
        canvas.setFillColor(colors.grey)
        canvas.drawCentredString(x + width / 2, y + height / 2 - 3, "照片")
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.5)
    canvas.rect(x, y, width, height)
    canvas.restoreState()


def draw_qr(canvas, text: str, x: float, y: float, size: float) -> None:
    """`text` as a QR code (error correction M) filling a `size` square at (x, y), quiet zone included."""
    widget = QrCodeWidget(text, barLevel="M", barBorder=4)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def photo_flowable(photo: bytes | None, width: float, height: float) -> Flowable:
    """A table cell's photo thumbnail fitted into width × height, or the words 无照片 (no photo)."""
    reader = photo_reader(photo)
    if reader is None:
        return Paragraph("无照片", ParagraphStyle("nophoto", fontName=cjk_font(), fontSize=7, alignment=1))
    image_width, image_height = reader.getSize()
    scale = min(width / image_width, height / image_height)
    return Image(BytesIO(photo), image_width * scale, image_height * scale)
