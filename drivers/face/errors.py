"""Why a picture cannot be used for face verification, with the measured value in the sentence.

These are KnownErrors caused by the input (nobody in front of the camera, two people, a face far
away or blurred), not device failures: the desk shows the sentence and offers the proctor's
visual check instead. ``source`` is set by callers that compare two pictures ("a" or "b").
"""

from __future__ import annotations

from app.errors import KnownError
from app.i18n import tr


class FaceQualityError(KnownError):
    """A picture holds no usable face. ``value`` is the measured quantity (or None)."""

    code = "face_quality"
    value: float | None = None
    source: str | None = None


class NoFace(FaceQualityError):
    code = "no_face"

    def __init__(self) -> None:
        super().__init__(tr("No face was found in the picture."))


class SeveralFaces(FaceQualityError):
    code = "several_faces"

    def __init__(self, count: int) -> None:
        self.value = count
        super().__init__(tr("{count} faces are in the picture; only the candidate may be in front of the camera.",
                            count=count))


class FaceTooSmall(FaceQualityError):
    code = "face_too_small"

    def __init__(self, height: int, minimum: int) -> None:
        self.value = height
        super().__init__(tr("The face is too small ({height} px high, at least {minimum} px are needed).",
                            height=height, minimum=minimum))


class FaceBlurred(FaceQualityError):
    code = "face_blurred"

    def __init__(self, sharpness: float, minimum: float) -> None:
        self.value = sharpness
        super().__init__(tr("The face is blurred (sharpness {sharpness}, at least {minimum} is needed).",
                            sharpness=f"{sharpness:.0f}", minimum=f"{minimum:.0f}"))


class FaceBadlyLit(FaceQualityError):
    code = "face_badly_lit"

    def __init__(self, brightness: float, low: float, high: float) -> None:
        self.value = brightness
        super().__init__(tr("The face is too dark or too bright (brightness {brightness}, between {low} and {high} "
                            "is needed).", brightness=f"{brightness:.0f}", low=f"{low:.0f}", high=f"{high:.0f}"))
