"""Image bytes in and out (PNG/JPEG ↔ BGR arrays), for the core, which may not import cv2 itself."""

from __future__ import annotations

import cv2
import numpy as np

from app.i18n import tr
from drivers.errors import DeviceError


def decode_image(data: bytes) -> np.ndarray:
    """A BGR uint8 array from PNG/JPEG/BMP bytes; DeviceError when the bytes are not a picture."""
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR) if data else None
    if image is None:
        raise DeviceError(tr("The picture cannot be read: it is damaged or not an image."))
    return image


def encode_jpeg(image: np.ndarray, quality: int = 85) -> bytes:
    """JPEG bytes of a BGR or greyscale array (evidence photos)."""
    ok, buffer = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise DeviceError(tr("The picture cannot be saved as JPEG."))
    return buffer.tobytes()
