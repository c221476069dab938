"""QR decoding with OpenCV's own detector and decoder (cv2.QRCodeDetector)."""

from __future__ import annotations

import cv2
import numpy as np

from drivers.scanner.base import QrBackend


class OpenCvBackend(QrBackend):
    name = "opencv"

    def __init__(self) -> None:
        self._detector = cv2.QRCodeDetector()

    def read(self, gray: np.ndarray) -> list[str]:
        try:
            ok, decoded, points, _ = self._detector.detectAndDecodeMulti(gray)
        except UnicodeDecodeError:
            # The binding raises when one payload is not UTF-8: decode the codes one by one instead.
            return self._one_by_one(gray)
        except cv2.error:
            return []
        if not ok:
            return []
        return [decoded[i] for i in _top_to_bottom(points) if decoded[i]]

    def _one_by_one(self, gray: np.ndarray) -> list[str]:
        try:
            ok, points = self._detector.detectMulti(gray)
        except cv2.error:
            return []
        found = []
        for i in _top_to_bottom(points) if ok else []:
            try:
                text, _ = self._detector.decode(gray, points[i])
            except (UnicodeDecodeError, cv2.error):
                continue
            if text:
                found.append(text)
        return found


def _top_to_bottom(points: np.ndarray) -> list[int]:
    return sorted(range(len(points)), key=lambda i: (float(points[i][:, 1].min()), float(points[i][:, 0].min())))
