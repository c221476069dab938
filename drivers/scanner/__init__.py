"""QR codes on admission tickets: decoding camera frames, rendering codes, and keyboard-wedge scanner guns.

    from drivers.scanner import decode_qr, encode_qr
    decode_qr(frame)  # -> ["ES1.eyJ0Ijoi…"], texts in reading order, duplicates removed

Backends ('zxing', 'pyzbar', 'opencv', and 'auto', the measured default chain) are created by
`create_backend(name)`, which imports each library only then and raises LibraryMissing with
a sentence when it is absent. docs/qr-decoding.md has the measurements behind the default.
"""

from __future__ import annotations

import threading

import numpy as np

from drivers.scanner.base import QrBackend
from drivers.scanner.factory import BACKENDS, HIDDEN_IMPORTS, available_backends, create_backend
from drivers.scanner.wedge import WedgeDecoder, WedgeSettings, simulated_scan

__all__ = ["BACKENDS", "HIDDEN_IMPORTS", "QrBackend", "WedgeDecoder", "WedgeSettings", "available_backends",
           "create_backend", "decode_qr", "encode_qr", "simulated_scan"]

_per_thread = threading.local()


def decode_qr(image: np.ndarray) -> list[str]:
    """The text of every QR code in `image` (BGR or greyscale, any size), top to bottom, without duplicates.

    An image without a code gives an empty list; codes whose payload is not text are left out.
    Each thread keeps its own decoder (the libraries are not thread-safe).
    """
    backend = getattr(_per_thread, "backend", None)
    if backend is None:
        backend = _per_thread.backend = create_backend("auto")
    return backend.decode(image)


def encode_qr(text: str, module_px: int = 8, border: int = 4) -> np.ndarray:
    """`text` as a QR code image: greyscale uint8, `module_px` pixels a module, a `border`-module quiet zone."""
    from drivers.scanner.encode import encode_qr as render

    return render(text, module_px=module_px, border=border)
