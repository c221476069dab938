"""The simulated face engine: the "face" is a person marker that the simulated camera draws.

Convention (the simulated camera and the sample roster photos follow it):

- The marker is 8x8 modules of ``MODULE`` px (48x48 px), ``MARGIN`` px in from a corner of the
  picture, any of the four corners. From outside in: a white ring, a black ring, then 4x4 data
  modules read row by row, black = 1.
- The 16 data bits are the person number (12 bits, 0–4095, most significant first) followed by a
  4-bit check: (sum of the person number's three nibbles + 5) mod 16, so that a blank or solid
  square never reads as a person.

One marker is one face; markers in two corners are two faces (SeveralFaces); no readable marker
is NoFace. The descriptor is a fixed random unit vector per person, so the same person is at
distance 0 and two people are about 1.4 apart, on either side of any sensible threshold. Size,
blur and light are not simulated. numpy only: demos run without dlib.
"""

from __future__ import annotations

import numpy as np

from drivers.face.base import FaceBox, FaceDescriptor, FaceEngine, FaceQuality, QualityLimits, as_bgr
from drivers.face.errors import NoFace, SeveralFaces

MODULE = 6
MARGIN = 8
MODULES = 8
SIDE = MODULE * MODULES
MAX_PERSON = 4095
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")
MODEL_NAME = "sim-marker-v1"
MIN_CONTRAST = 60


def _check_bits(person: int) -> int:
    return (sum((person >> shift) & 0xF for shift in (0, 4, 8)) + 5) & 0xF


def _bits(person: int) -> list[int]:
    word = (person << 4) | _check_bits(person)
    return [(word >> (15 - i)) & 1 for i in range(16)]


def _origin(shape: tuple[int, ...], corner: str) -> tuple[int, int]:
    height, width = shape[:2]
    top = MARGIN if corner.startswith("top") else height - MARGIN - SIDE
    left = MARGIN if corner.endswith("left") else width - MARGIN - SIDE
    return top, left


def marker_modules(person: int) -> np.ndarray:
    """The 8x8 module pattern of a person (True = black)."""
    if not 0 <= person <= MAX_PERSON:
        raise ValueError(f"a person number is 0..{MAX_PERSON}, not {person}")
    modules = np.zeros((MODULES, MODULES), bool)
    modules[1:7, 1:7] = True
    modules[2:6, 2:6] = np.array(_bits(person), bool).reshape(4, 4)
    return modules


def draw_face_marker(image: np.ndarray, person: int, corner: str = "top-left") -> np.ndarray:
    """A copy of ``image`` (BGR) with the marker of ``person`` in ``corner``."""
    if corner not in CORNERS:
        raise ValueError(f"corner is one of {', '.join(CORNERS)}")
    picture = as_bgr(image).copy()
    top, left = _origin(picture.shape, corner)
    if top < 0 or left < 0:
        raise ValueError(f"a picture of {picture.shape[1]}x{picture.shape[0]} px is too small for a marker")
    pixels = np.kron(marker_modules(person), np.ones((MODULE, MODULE), bool))
    picture[top:top + SIDE, left:left + SIDE] = np.where(pixels[:, :, None], 0, 255).astype(np.uint8)
    return picture


def _read(grey: np.ndarray, corner: str) -> tuple[int, FaceBox] | None:
    """The person number of the marker in ``corner``, with its box, or None."""
    top, left = _origin(grey.shape, corner)
    if top < 0 or left < 0:
        return None
    patch = grey[top:top + SIDE, left:left + SIDE]
    inner = slice(MODULE // 4, MODULE - MODULE // 4)
    levels = patch.reshape(MODULES, MODULE, MODULES, MODULE)[:, inner, :, inner].mean(axis=(1, 3))
    ring = np.zeros((MODULES, MODULES), bool)
    ring[1:7, 1:7] = True
    ring[2:6, 2:6] = False
    quiet = ~np.pad(np.ones((6, 6), bool), 1)
    white, black = levels[quiet], levels[ring]
    if white.min() - black.max() < MIN_CONTRAST:
        return None
    threshold = (white.min() + black.max()) / 2
    bits = (levels[2:6, 2:6] < threshold).astype(int).ravel().tolist()
    word = int("".join(map(str, bits)), 2)
    person, check = word >> 4, word & 0xF
    if check != _check_bits(person):
        return None
    return person, FaceBox(left, top, left + SIDE, top + SIDE, score=float(white.min() - black.max()))


def person_vector(person: int) -> np.ndarray:
    """The simulated descriptor of a person: a fixed random unit vector in 128 dimensions."""
    vector = np.random.default_rng(person).standard_normal(128)
    return vector / np.linalg.norm(vector)


class SimFaceEngine(FaceEngine):
    name = "sim"

    def __init__(self, limits: QualityLimits | None = None) -> None:
        self.limits = limits or QualityLimits()

    def _markers(self, image: np.ndarray) -> list[tuple[int, FaceBox]]:
        grey = as_bgr(image).astype(np.float32).mean(axis=2)
        return [found for corner in CORNERS if (found := _read(grey, corner)) is not None]

    def detect(self, image: np.ndarray) -> list[FaceBox]:
        return [box for _, box in self._markers(image)]

    def describe(self, image: np.ndarray, *, largest: bool = False) -> FaceDescriptor:
        markers = self._markers(image)
        if not markers:
            raise NoFace()
        if len(markers) > 1 and not largest:
            raise SeveralFaces(len(markers))
        person, box = markers[0]
        quality = FaceQuality(face_px=box.height, sharpness=float(box.score), brightness=128.0)
        return FaceDescriptor(vector=person_vector(person), box=box, quality=quality, model=MODEL_NAME)

    def person(self, image: np.ndarray) -> int:
        """The person number that the single marker of ``image`` encodes (for the demo and tests)."""
        markers = self._markers(image)
        if not markers:
            raise NoFace()
        if len(markers) > 1:
            raise SeveralFaces(len(markers))
        return markers[0][0]
