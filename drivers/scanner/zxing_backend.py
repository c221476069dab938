"""QR decoding with zxing-cpp (module `zxingcpp`), a C++ port of ZXing."""

from __future__ import annotations

import numpy as np
import zxingcpp

from drivers.scanner.base import QrBackend, utf8_or_none


class ZxingBackend(QrBackend):
    """zxing-cpp restricted to QR codes.

    Inverted (light on dark) codes are not searched by default: it halves the time on a
    1920×1080 frame and admission tickets are printed dark on light.
    """

    name = "zxing"

    def __init__(self, *, try_downscale: bool = True, try_invert: bool = False) -> None:
        self._options = {"try_downscale": try_downscale, "try_invert": try_invert}

    def read(self, gray: np.ndarray) -> list[str]:
        return [text for text in self.read_with_unreadable(gray)[0] if text is not None]

    def read_with_unreadable(self, gray: np.ndarray,
                             margin: float = 0.25) -> tuple[list[str | None], list[tuple[int, int, int, int]]]:
        """Each code read (its text, None when it holds binary that is not UTF-8), and the regions of codes seen
        but not read: (left, top, right, bottom), `margin` of the code's size wider on every side."""
        found = zxingcpp.read_barcodes(gray, formats=zxingcpp.BarcodeFormat.QRCode, try_rotate=True,
                                       return_errors=True, **self._options)
        found.sort(key=_top_left)
        texts = [_text(code) for code in found if code.valid]
        height, width = gray.shape
        regions = [_region(code, margin, width, height) for code in found if not code.valid]
        return texts, regions


def _text(code) -> str | None:
    """The text zxing decoded when the code says it holds text; binary payloads only when UTF-8."""
    if code.content_type == zxingcpp.ContentType.Binary:
        return utf8_or_none(bytes(code.bytes))
    return code.text


def _region(code, margin: float, width: int, height: int) -> tuple[int, int, int, int]:
    xs, ys = [p.x for p in _corners(code)], [p.y for p in _corners(code)]
    pad = int(margin * max(max(xs) - min(xs), max(ys) - min(ys))) + 8
    return (max(0, min(xs) - pad), max(0, min(ys) - pad), min(width, max(xs) + pad), min(height, max(ys) + pad))


def _corners(code) -> tuple:
    position = code.position
    return (position.top_left, position.top_right, position.bottom_left, position.bottom_right)


def _top_left(code) -> tuple[int, int]:
    corners = _corners(code)
    return min(p.y for p in corners), min(p.x for p in corners)
