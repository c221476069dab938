"""QR decoding with ZBar through pyzbar (needs the system library libzbar0 on Linux).

ZBar transcodes every payload to UTF-8 itself, guessing the character set (Shift_JIS,
Latin-1...); binary payloads therefore come out as Latin-1 text, never as raw bytes.
"""

from __future__ import annotations

import numpy as np
from pyzbar import pyzbar

from drivers.scanner.base import QrBackend, utf8_or_none


class PyzbarBackend(QrBackend):
    name = "pyzbar"

    def read(self, gray: np.ndarray) -> list[str]:
        height, width = gray.shape
        found = pyzbar.decode((gray.tobytes(), width, height), symbols=[pyzbar.ZBarSymbol.QRCODE])
        found.sort(key=lambda symbol: (symbol.rect.top, symbol.rect.left))
        return [text for text in (utf8_or_none(symbol.data) for symbol in found) if text is not None]
