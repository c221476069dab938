"""Pictures between numpy (the drivers' BGR arrays) and Qt, without OpenCV in the UI."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage


def bgr_to_qimage(image: np.ndarray) -> QImage:
    """A QImage that owns a copy of a BGR uint8 array (height, width, 3)."""
    data = np.ascontiguousarray(image)
    height, width = data.shape[:2]
    if data.ndim == 2:
        return QImage(data.data, width, height, data.strides[0], QImage.Format.Format_Grayscale8).copy()
    return QImage(data.data, width, height, data.strides[0], QImage.Format.Format_BGR888).copy()


def qimage_to_bgr(image: QImage) -> np.ndarray:
    """A BGR uint8 array (height, width, 3) from any QImage."""
    converted = image.convertToFormat(QImage.Format.Format_BGR888)
    width, height, stride = converted.width(), converted.height(), converted.bytesPerLine()
    buffer = np.frombuffer(converted.constBits(), np.uint8, count=stride * height).reshape(height, stride)
    return buffer[:, : width * 3].reshape(height, width, 3).copy()


def decode_picture(data: bytes) -> np.ndarray | None:
    """A PNG/JPEG/BMP file's bytes as a BGR array, or None when Qt cannot read them."""
    image = QImage.fromData(data)
    return None if image.isNull() else qimage_to_bgr(image)


def jpeg_bytes(image: np.ndarray, quality: int = 85) -> bytes:
    """The evidence photo: a BGR frame encoded as JPEG through QImage (safe off the GUI thread)."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    bgr_to_qimage(image).save(buffer, "JPEG", quality)
    buffer.close()
    return bytes(array.data())
