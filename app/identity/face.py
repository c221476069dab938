"""Face 1:1 verification for check-in: is the live face the roster photo's (or the ID card's) person?

``compare_faces(a, b)`` takes two BGR pictures (numpy uint8 arrays, as the camera driver gives
them), describes the single face of each with the face engine (drivers.face; dlib's ResNet by
default) and says whether they are the same person. A picture without one usable face raises a
FaceQualityError (NoFace, SeveralFaces, FaceTooSmall, FaceBlurred, FaceBadlyLit) whose ``source``
says which picture ("a" or "b"); the desk then offers the proctor's visual check. Consent is the
desk's business; nothing here stores a picture or a descriptor.

MATCH_THRESHOLD comes from the calibration in docs/face-verification.md: on 100 LFW photographs of
10 people it accepted no impostor pair out of 4,500 and rejected 5.6 % of the 450 genuine pairs.
A false reject costs a manual check at the desk; a false accept lets the wrong person sit the exam.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from drivers.face import (
    FaceBadlyLit,
    FaceBlurred,
    FaceEngine,
    FaceQualityError,
    FaceTooSmall,
    NoFace,
    SeveralFaces,
    face_engine,
)

__all__ = ["MATCH_THRESHOLD", "FaceBadlyLit", "FaceBlurred", "FaceMatch", "FaceQualityError", "FaceTooSmall", "NoFace",
           "SeveralFaces", "compare_faces", "current_engine", "use_face_engine"]

MATCH_THRESHOLD = 0.55
DEFAULT_ENGINE = "dlib"

_engine_name = DEFAULT_ENGINE


@dataclass(frozen=True)
class FaceMatch:
    """The outcome of one comparison: same person or not, the distance, and what was measured.

    ``quality`` holds, for picture "a" and "b", the face height in px, the sharpness and the
    brightness of the face that was compared.
    """

    same: bool
    distance: float
    threshold: float
    quality: dict = field(default_factory=dict)


def use_face_engine(name: str) -> None:
    """Choose the engine compare_faces uses by default: "dlib" (real) or "sim" (demo, simulations)."""
    global _engine_name
    face_engine(name)
    _engine_name = name


def current_engine() -> FaceEngine:
    return face_engine(_engine_name)


def compare_faces(a: np.ndarray, b: np.ndarray, *, threshold: float = MATCH_THRESHOLD,
                  engine: FaceEngine | None = None) -> FaceMatch:
    """Compare the single face of picture ``a`` with that of picture ``b``.

    Raises a FaceQualityError naming the picture (``source`` "a" or "b") that has no usable face,
    and drivers.errors.LibraryMissing when the face model is not installed.
    """
    engine = engine or current_engine()
    descriptors = []
    for source, picture in (("a", a), ("b", b)):
        try:
            descriptors.append(engine.describe(picture))
        except FaceQualityError as error:
            error.source = source
            raise
    distance = engine.distance(*descriptors)
    quality = {source: d.quality.as_dict() for source, d in zip("ab", descriptors)}
    return FaceMatch(same=distance < threshold, distance=round(distance, 4), threshold=threshold, quality=quality)
