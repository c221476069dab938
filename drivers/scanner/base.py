"""The interface every QR decoding backend implements, and the image handling they share.

A backend turns one greyscale image into the raw payloads of the QR codes it found; turning
bytes into text (UTF-8, garbage skipped) and removing duplicates happens once, here, so every
backend answers the same way.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable

import numpy as np


#: No QR code fits in fewer pixels a side (version 1 is 21 modules, without its quiet zone).
MIN_SIDE = 21


class QrBackend(ABC):
    """Finds QR codes in a greyscale image; one instance per thread (the libraries keep state)."""

    name: str = ""

    @abstractmethod
    def read(self, gray: np.ndarray) -> list[str]:
        """The text of every QR code found in `gray` (2-D uint8, C-contiguous), top to bottom.

        Payloads that are not text (raw bytes that are not UTF-8) are left out, never raised.
        """

    def decode(self, image: np.ndarray) -> list[str]:
        """The text of every QR code in `image` (BGR, BGRA or greyscale), without duplicates."""
        gray = to_gray(image)
        if min(gray.shape) < MIN_SIDE:
            return []
        return unique_texts(self.read(gray))


def to_gray(image: np.ndarray) -> np.ndarray:
    """A C-contiguous 2-D uint8 view or copy of `image` (greyscale, BGR or BGRA; other dtypes scaled)."""
    if not isinstance(image, np.ndarray):
        raise TypeError(f"expected a numpy array, got {type(image).__name__}")
    if image.dtype != np.uint8:
        image = _to_uint8(image)
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if image.ndim == 3:
        import cv2

        code = cv2.COLOR_BGR2GRAY if image.shape[2] == 3 else cv2.COLOR_BGRA2GRAY
        return cv2.cvtColor(np.ascontiguousarray(image), code)
    if image.ndim != 2:
        raise ValueError(f"expected a greyscale or BGR image, got shape {image.shape}")
    return np.ascontiguousarray(image)


def _to_uint8(image: np.ndarray) -> np.ndarray:
    if image.dtype == np.bool_:
        return image.astype(np.uint8) * 255
    if np.issubdtype(image.dtype, np.floating) and image.size and float(np.nanmax(image)) <= 1.0:
        image = image * 255.0
    return np.clip(np.nan_to_num(image), 0, 255).astype(np.uint8)


# C0 and C1 control characters (tab and line breaks aside): text never holds them, binary does.
_CONTROL = {chr(c) for c in [*range(32), *range(0x7F, 0xA0)] if chr(c) not in "\t\r\n"}


def utf8_or_none(payload: bytes) -> str | None:
    """`payload` as UTF-8 text, or None when it is not valid UTF-8."""
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        return None


def unique_texts(found: Iterable[str | None]) -> list[str]:
    """The texts in order, without duplicates, None, empty ones or ones with control characters (binary garbage)."""
    seen: dict[str, None] = {}
    for text in found:
        if text and _CONTROL.isdisjoint(text):
            seen.setdefault(text, None)
    return list(seen)
