"""Face engines: an interface, the dlib backend, a simulated backend and the factory.

``face_engine("dlib")`` is the real engine (CPU, offline); ``face_engine("sim")`` reads the
person marker that the simulated camera draws (drivers/face/sim.py). The factory imports a
backend only when asked for it and raises LibraryMissing when dlib or its model files are absent.
"""

from __future__ import annotations

import importlib.util
import threading

from app.i18n import tr
from drivers.errors import LibraryMissing
from drivers.face.base import FaceBox, FaceDescriptor, FaceEngine, FaceQuality, QualityLimits
from drivers.face.errors import FaceBadlyLit, FaceBlurred, FaceQualityError, FaceTooSmall, NoFace, SeveralFaces
from drivers.face.models import LANDMARKS_5, MMOD, RESNET, model_path

ENGINES = ("dlib", "sim")

__all__ = ["ENGINES", "FaceBadlyLit", "FaceBlurred", "FaceBox", "FaceDescriptor", "FaceEngine", "FaceQuality",
           "FaceQualityError", "FaceTooSmall", "NoFace", "QualityLimits", "SeveralFaces", "face_engine"]

_shared: dict[tuple, FaceEngine] = {}
_shared_lock = threading.Lock()


def _check_dlib(detector: str) -> None:
    if importlib.util.find_spec("dlib") is None:
        raise LibraryMissing(tr("The face recognition library ({library}) is not installed.", library="dlib-bin"))
    needed = (LANDMARKS_5, RESNET) + ((MMOD,) if detector == "cnn" else ())
    missing = [name for name in needed if model_path(name) is None]
    if missing:
        raise LibraryMissing(tr("The face recognition library ({library}) is not installed.",
                                library="face-recognition-models: " + ", ".join(missing)))


def face_engine(name: str = "dlib", *, detector: str = "hog", shared: bool = True) -> FaceEngine:
    """The face engine called ``name``; one shared instance per configuration unless ``shared`` is False.

    Sharing matters for the dlib engine: its models take about a second and 100 MB to load.
    """
    if name not in ENGINES:
        raise ValueError(f"unknown face engine {name!r}; known: {', '.join(ENGINES)}")
    key = (name, detector)
    with _shared_lock:
        if shared and key in _shared:
            return _shared[key]
        if name == "dlib":
            _check_dlib(detector)
            from drivers.face.dlib_engine import DlibFaceEngine

            engine: FaceEngine = DlibFaceEngine(detector=detector)
        else:
            from drivers.face.sim import SimFaceEngine

            engine = SimFaceEngine()
        if shared:
            _shared[key] = engine
        return engine
