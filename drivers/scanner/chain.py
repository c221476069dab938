"""The default decode path: zxing-cpp on the whole frame, ZBar only where it can still help.

Measured on photographed codes and on rendered tickets (docs/qr-decoding.md): zxing-cpp finds
the most codes and is the fastest; ZBar rescues a few codes zxing-cpp saw but could not read,
but costs ~30 ms on a half-size and ~300 ms on a full 1920×1080 frame. So ZBar runs only
  - on the whole image when it is small (a crop, a photo of a ticket), and
  - on the regions where zxing-cpp found a code it could not read, on a large frame,
each time first as is and then binarised. A frame with no code costs one zxing-cpp pass.
"""

from __future__ import annotations

import cv2
import numpy as np

from drivers.errors import LibraryMissing
from drivers.scanner.base import QrBackend
from drivers.scanner.factory import create_backend

#: Images up to this many pixels get the full ZBar fallback (640×480 and smaller).
SMALL_IMAGE_PIXELS = 640 * 480


class ChainBackend(QrBackend):
    """zxing-cpp first; ZBar on small images or on the regions of unreadable codes when it found nothing."""

    name = "auto"

    def __init__(self) -> None:
        self._zxing = _optional("zxing")
        self._zbar = _optional("pyzbar")
        self._last_resort = None if (self._zxing or self._zbar) else create_backend("opencv")

    def read(self, gray: np.ndarray) -> list[str]:
        if self._last_resort is not None:
            return self._last_resort.read(gray)
        regions: list[tuple[int, int, int, int]] = []
        if self._zxing is not None:
            found, regions = self._zxing.read_with_unreadable(gray)
            if found:  # codes were read, even if some hold garbage: ZBar would only read them again
                return [text for text in found if text is not None]
        if self._zbar is None:
            return []
        if gray.size <= SMALL_IMAGE_PIXELS or self._zxing is None:
            return self._zbar_both_ways(gray)
        found = []
        for left, top, right, bottom in regions:
            found += self._zbar_both_ways(np.ascontiguousarray(gray[top:bottom, left:right]))
        return found

    def _zbar_both_ways(self, gray: np.ndarray) -> list[str]:
        found = self._zbar.read(gray)
        if found or min(gray.shape) < 21:
            return found
        return self._zbar.read(binarised(gray))


def binarised(gray: np.ndarray) -> np.ndarray:
    """Black and white by a local mean threshold: evens out shadows, glare and low contrast."""
    block = max(15, (min(gray.shape) // 8) | 1)
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, block, 5)


def _optional(name: str) -> QrBackend | None:
    try:
        return create_backend(name)
    except LibraryMissing:
        return None
