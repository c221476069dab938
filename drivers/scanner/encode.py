"""Rendering a QR code with OpenCV's encoder: tickets on screen and simulated camera frames."""

from __future__ import annotations

import cv2
import numpy as np


def encode_qr(text: str, module_px: int = 8, border: int = 4) -> np.ndarray:
    """`text` as a QR code: greyscale uint8, black modules of `module_px` pixels, `border` modules of white around."""
    if module_px < 1 or border < 0:
        raise ValueError("module_px must be at least 1 and border at least 0")
    if not text:
        raise ValueError("cannot encode an empty text")
    params = cv2.QRCodeEncoder_Params()
    params.correction_level = cv2.QRCodeEncoder_CORRECT_LEVEL_M
    modules = cv2.QRCodeEncoder.create(params).encode(text)
    if modules is None or modules.size == 0:
        raise ValueError("the text is too long for a QR code")
    modules = _strip_quiet_zone(np.asarray(modules, dtype=np.uint8))
    symbol = cv2.resize(modules, None, fx=module_px, fy=module_px, interpolation=cv2.INTER_NEAREST)
    pad = border * module_px
    return cv2.copyMakeBorder(symbol, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)


def _strip_quiet_zone(modules: np.ndarray) -> np.ndarray:
    """The symbol without the white margin OpenCV adds, so `border` alone decides the quiet zone."""
    dark = np.argwhere(modules < 128)
    (top, left), (bottom, right) = dark.min(axis=0), dark.max(axis=0)
    return np.where(modules[top:bottom + 1, left:right + 1] < 128, 0, 255).astype(np.uint8)
