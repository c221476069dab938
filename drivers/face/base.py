"""The face engine interface: find faces, describe the one face of a picture, compare descriptors.

Pictures are numpy arrays in OpenCV's layout: ``uint8``, shape (height, width, 3) in BGR order
(a 2-D array is taken as grey). A descriptor is a point in the engine's embedding space; the
distance between two descriptors of the same person is small. Descriptors live in memory only:
nothing here writes a face, a crop or a descriptor to disk.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class FaceBox:
    """A detected face in picture pixels; ``score`` is the detector's confidence (engine-specific)."""

    left: int
    top: int
    right: int
    bottom: int
    score: float = 0.0

    @property
    def width(self) -> int:
        return self.right - self.left

    @property
    def height(self) -> int:
        return self.bottom - self.top

    @property
    def area(self) -> int:
        return max(0, self.width) * max(0, self.height)


@dataclass(frozen=True)
class FaceQuality:
    """What the quality checks measured on a face: box height (px), sharpness, mean brightness (0–255)."""

    face_px: int
    sharpness: float
    brightness: float

    def as_dict(self) -> dict[str, float]:
        return {"face_px": self.face_px, "sharpness": round(self.sharpness, 1), "brightness": round(self.brightness, 1)}


@dataclass(frozen=True)
class QualityLimits:
    """Thresholds of the quality checks (docs/face-verification.md says how they were chosen)."""

    min_face_px: int = 60
    min_sharpness: float = 12.0
    min_brightness: float = 40.0
    max_brightness: float = 225.0


@dataclass(frozen=True, eq=False)
class FaceDescriptor:
    """One face, described: its vector (kept in memory only), where it was and how good it was."""

    vector: np.ndarray
    box: FaceBox
    quality: FaceQuality
    model: str = field(default="")


class FaceEngine(ABC):
    """Detect faces and describe the single face of a picture (STYLE.md, Architecture 3)."""

    name: str = ""
    limits: QualityLimits = QualityLimits()

    @abstractmethod
    def detect(self, image: np.ndarray) -> list[FaceBox]:
        """Every face in the picture, largest first."""

    @abstractmethod
    def describe(self, image: np.ndarray, *, largest: bool = False) -> FaceDescriptor:
        """The descriptor of the one face in the picture.

        Raises NoFace, SeveralFaces (unless ``largest`` asks to keep the largest face), FaceTooSmall,
        FaceBlurred or FaceBadlyLit (drivers.face.errors).
        """

    def distance(self, first: FaceDescriptor, second: FaceDescriptor) -> float:
        """Euclidean distance between two descriptors of the same model."""
        if first.model != second.model:
            raise ValueError(f"descriptors of different models: {first.model!r} and {second.model!r}")
        return float(np.linalg.norm(first.vector - second.vector))


def as_bgr(image: np.ndarray) -> np.ndarray:
    """Check the picture's layout and return it as a contiguous (h, w, 3) uint8 array."""
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8:
        raise TypeError("a picture is a numpy uint8 array")
    if image.ndim == 2:
        image = np.repeat(image[:, :, None], 3, axis=2)
    elif image.ndim == 3 and image.shape[2] == 4:
        image = image[:, :, :3]
    if image.ndim != 3 or image.shape[2] != 3 or image.shape[0] < 1 or image.shape[1] < 1:
        raise ValueError(f"a picture has shape (height, width, 3), not {image.shape}")
    return np.ascontiguousarray(image)


def largest_first(boxes: list[FaceBox]) -> list[FaceBox]:
    return sorted(boxes, key=lambda box: box.area, reverse=True)
