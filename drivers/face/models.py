"""Where dlib's model files are, found without importing face_recognition_models.

That package's ``__init__`` imports ``pkg_resources``, which warns (and is gone from recent
setuptools); its files are plain data, so the package folder is located with importlib's finder,
which does not run the package.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

PACKAGE = "face_recognition_models"
LANDMARKS_5 = "shape_predictor_5_face_landmarks.dat"
RESNET = "dlib_face_recognition_resnet_model_v1.dat"
MMOD = "mmod_human_face_detector.dat"


def model_path(filename: str) -> Path | None:
    """The path of one of the package's model files, or None when the package or file is absent."""
    try:
        spec = importlib.util.find_spec(PACKAGE)
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "models" / filename
        if path.is_file():
            return path
    return None
