"""The real face engine: dlib's HOG (or MMOD CNN) detector, 5-point landmarks, ResNet descriptor.

All on the CPU and offline. The models are loaded once, on first use, under a lock; dlib's network
keeps working buffers, so inference is serialised by the same lock (one face at a time is also
what a 2-core desk PC can afford). Detection runs on a copy scaled so that its long side is about
``detect_side`` pixels (large camera frames shrink, small ID-card photos grow); when the scaled
copy shows no face and was shrunk, the full picture is searched once more, so that a small, far
face is reported as too small rather than as absent. Besides the largest face, only faces at least
``min_face_px`` high count as a second person: smaller hits are background people too far away
to be confused with the candidate, and such a hit counts only when dlib's MMOD CNN detector also
finds a face in a crop around it (HOG takes a name badge for a face now and then; the CNN is 25
times slower on a whole frame but takes about 0.3 s on one crop, paid only when a second hit exists).
docs/face-verification.md has the figures.
"""

from __future__ import annotations

import threading

import cv2
import dlib
import numpy as np

from drivers.face import quality
from drivers.face.base import FaceBox, FaceDescriptor, FaceEngine, QualityLimits, as_bgr, largest_first
from drivers.face.errors import NoFace, SeveralFaces
from drivers.face.models import LANDMARKS_5, MMOD, RESNET, model_path

MODEL_NAME = "dlib-resnet-v1"
MAX_CONFIRMED = 3  # second faces checked with the CNN; more than that is a crowd anyway
CONFIRM_FACE_PX = 100  # a second face's crop is scaled so that the face is this high for the CNN
HOG_MIN_SCORE = 0.1  # dlib's default is 0.0; its weakest hits there are clothing and background texture


class DlibFaceEngine(FaceEngine):
    name = "dlib"

    def __init__(self, *, detector: str = "hog", detect_side: int = 640, max_upscale: float = 2.0,
                 min_score: float = HOG_MIN_SCORE, limits: QualityLimits | None = None) -> None:
        if detector not in ("hog", "cnn"):
            raise ValueError(f"unknown detector {detector!r}")
        self.detector_kind = detector
        self.detect_side = detect_side
        self.max_upscale = max_upscale
        self.min_score = min_score
        self.limits = limits or QualityLimits()
        self._lock = threading.Lock()
        self._loaded = False
        self._cnn = None

    def _load(self) -> None:
        """Load the models on first use (under the lock)."""
        if self._loaded:
            return
        landmarks, resnet = model_path(LANDMARKS_5), model_path(RESNET)
        if self.detector_kind == "cnn":
            self._detector = self._cnn = dlib.cnn_face_detection_model_v1(str(model_path(MMOD)))
        else:
            self._detector = dlib.get_frontal_face_detector()
        self._landmarks = dlib.shape_predictor(str(landmarks))
        self._resnet = dlib.face_recognition_model_v1(str(resnet))
        self._loaded = True

    def _run_detector(self, rgb: np.ndarray) -> list[tuple[dlib.rectangle, float]]:
        if self.detector_kind == "cnn":
            return [(d.rect, float(d.confidence)) for d in self._detector(rgb, 0)]
        rects, scores, _ = self._detector.run(rgb, 0, self.min_score)
        return list(zip(rects, map(float, scores)))

    def _detect_rgb(self, rgb: np.ndarray) -> list[FaceBox]:
        height, width = rgb.shape[:2]
        scale = min(self.max_upscale, self.detect_side / max(height, width))
        scales = [scale] + ([1.0] if scale < 1.0 else [])
        for scale in scales:
            if scale == 1.0:
                scaled = rgb
            else:
                size = (max(1, round(width * scale)), max(1, round(height * scale)))
                scaled = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
            found = self._run_detector(scaled)
            if found:
                return largest_first([FaceBox(round(r.left() / scale), round(r.top() / scale),
                                              round(r.right() / scale), round(r.bottom() / scale), score)
                                      for r, score in found])
        return []

    def _confirmed(self, rgb: np.ndarray, box: FaceBox) -> bool:
        """Whether the MMOD CNN also sees a face around ``box`` (a second HOG hit, before it counts)."""
        if self._cnn is None:
            path = model_path(MMOD)
            if path is None:
                return True
            self._cnn = dlib.cnn_face_detection_model_v1(str(path))
        height, width = rgb.shape[:2]
        margin = box.height // 2
        crop = rgb[max(0, box.top - margin):min(height, box.bottom + margin),
                   max(0, box.left - margin):min(width, box.right + margin)]
        scale = CONFIRM_FACE_PX / max(1, box.height)
        crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
        return len(self._cnn(np.ascontiguousarray(crop), 0)) > 0

    def detect(self, image: np.ndarray) -> list[FaceBox]:
        rgb = cv2.cvtColor(as_bgr(image), cv2.COLOR_BGR2RGB)
        with self._lock:
            self._load()
            return self._detect_rgb(rgb)

    def describe(self, image: np.ndarray, *, largest: bool = False) -> FaceDescriptor:
        bgr = as_bgr(image)
        rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
        with self._lock:
            self._load()
            boxes = self._detect_rgb(rgb)
            if not boxes:
                raise NoFace()
            if not largest:
                others = [other for other in boxes[1:MAX_CONFIRMED + 1]
                          if other.height >= self.limits.min_face_px and self._confirmed(rgb, other)]
                if others:
                    raise SeveralFaces(1 + len(others))
            box = boxes[0]
            measured = quality.measure(bgr, box)
            quality.check(measured, self.limits)
            rect = dlib.rectangle(box.left, box.top, box.right, box.bottom)
            shape = self._landmarks(rgb, rect)
            vector = np.array(self._resnet.compute_face_descriptor(rgb, shape, 0), dtype=np.float64)
        return FaceDescriptor(vector=vector, box=box, quality=measured, model=MODEL_NAME)
