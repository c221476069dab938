"""Identity: who a candidate is (ID numbers; face 1:1 verification)."""

from app.identity.face import (
    MATCH_THRESHOLD,
    FaceBadlyLit,
    FaceBlurred,
    FaceMatch,
    FaceQualityError,
    FaceTooSmall,
    NoFace,
    SeveralFaces,
    compare_faces,
)
from app.identity.idnumber import validate_id_number

__all__ = [
    "MATCH_THRESHOLD",
    "FaceBadlyLit",
    "FaceBlurred",
    "FaceMatch",
    "FaceQualityError",
    "FaceTooSmall",
    "NoFace",
    "SeveralFaces",
    "compare_faces",
    "validate_id_number",
]
