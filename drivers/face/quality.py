"""Quality of a face crop: sharpness (variance of the Laplacian) and mean brightness.

The crop is resized to a fixed height first, so that sharpness does not depend on how large the
face is in the picture; the figures are therefore comparable between a 1080p frame and an ID photo.
"""

from __future__ import annotations

import cv2
import numpy as np

from drivers.face.base import FaceBox, FaceQuality, QualityLimits
from drivers.face.errors import FaceBadlyLit, FaceBlurred, FaceTooSmall

CROP_HEIGHT = 128


def face_crop(image: np.ndarray, box: FaceBox) -> np.ndarray:
    """The grey face crop (clipped to the picture), resized to CROP_HEIGHT rows."""
    height, width = image.shape[:2]
    left, right = max(0, box.left), min(width, box.right)
    top, bottom = max(0, box.top), min(height, box.bottom)
    if right - left < 2 or bottom - top < 2:
        return np.zeros((CROP_HEIGHT, CROP_HEIGHT), np.uint8)
    grey = cv2.cvtColor(image[top:bottom, left:right], cv2.COLOR_BGR2GRAY)
    scale = CROP_HEIGHT / grey.shape[0]
    size = (max(1, round(grey.shape[1] * scale)), CROP_HEIGHT)
    return cv2.resize(grey, size, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)


def measure(image: np.ndarray, box: FaceBox) -> FaceQuality:
    crop = face_crop(image, box)
    sharpness = float(cv2.Laplacian(crop, cv2.CV_64F).var())
    return FaceQuality(face_px=box.height, sharpness=sharpness, brightness=float(crop.mean()))


def check(quality: FaceQuality, limits: QualityLimits) -> None:
    """Raise the first quality error that applies: too small, then badly lit, then blurred."""
    if quality.face_px < limits.min_face_px:
        raise FaceTooSmall(quality.face_px, limits.min_face_px)
    if not limits.min_brightness <= quality.brightness <= limits.max_brightness:
        raise FaceBadlyLit(quality.brightness, limits.min_brightness, limits.max_brightness)
    if quality.sharpness < limits.min_sharpness:
        raise FaceBlurred(quality.sharpness, limits.min_sharpness)
