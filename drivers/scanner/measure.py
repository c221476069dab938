"""Measuring QR decoding: time per frame and decode rate, for `examsite bench checkin` and the docs.

Benchmarks print figures and are run on purpose; they are not tests (STYLE.md, Tests).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from drivers.scanner.base import QrBackend, to_gray
from drivers.scanner.factory import create_backend


def _backend(backend: str | QrBackend) -> QrBackend:
    return create_backend(backend) if isinstance(backend, str) else backend


def decode_times(images: Sequence[np.ndarray], backend: str | QrBackend = "auto", repeats: int = 3) -> list[float]:
    """Milliseconds of each decode of each image (greyscale conversion included), `repeats` rounds, after a warm-up."""
    decoder = _backend(backend)
    if images:
        decoder.decode(images[0])
    times = []
    for _ in range(repeats):
        for image in images:
            start = time.perf_counter()
            decoder.decode(image)
            times.append((time.perf_counter() - start) * 1000.0)
    return times


def decode_rate(labelled_images: Iterable[tuple[np.ndarray, str]], backend: str | QrBackend = "auto") -> tuple[int, int]:
    """(found, total): how many images gave back their expected text among the codes decoded."""
    decoder = _backend(backend)
    found = total = 0
    for image, expected in labelled_images:
        total += 1
        found += expected in decoder.decode(image)
    return found, total


def percentiles(times: Sequence[float]) -> dict[str, float]:
    """p50 and p95 of `times` (ms), and how many there were."""
    if not times:
        return {"n": 0, "p50": float("nan"), "p95": float("nan")}
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"n": len(ordered), "p50": statistics.median(ordered), "p95": p95}


def grey_frames(images: Iterable[np.ndarray]) -> list[np.ndarray]:
    """The images converted once, for timing the decoders alone."""
    return [to_gray(image) for image in images]


def labelled_folder(folder: str | Path) -> list[tuple[str, np.ndarray, str]]:
    """(name, image, expected text) for every NAME.png (or .jpg) with a NAME.txt beside it, below `folder`.

    This is the layout of ZXing's black-box test images (photographed QR codes, see
    docs/qr-decoding.md); the images are read from wherever they were fetched, never bundled.
    """
    import cv2

    labelled = []
    for image_path in sorted(p for p in Path(folder).rglob("*") if p.suffix.lower() in (".png", ".jpg", ".jpeg")):
        text_path = image_path.with_suffix(".txt")
        if not text_path.exists():
            continue
        image = cv2.imread(str(image_path), cv2.IMREAD_UNCHANGED)
        if image is None:
            continue
        name = f"{image_path.parent.name}/{image_path.name}"
        labelled.append((name, image, text_path.read_bytes().decode("utf-8")))
    return labelled
