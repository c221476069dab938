"""Simulated camera frames with admission-ticket QR codes: clean, degraded, or small in a 1920×1080 scene.

The tests, the demo and `examsite bench checkin` use these instead of a camera. Payloads have the
shape of real ticket codes ("ES1." and ~150–250 base64url characters); every frame is
reproducible from its seed.
"""

from __future__ import annotations

import base64
import random
from collections.abc import Callable

import cv2
import numpy as np

from drivers.scanner.encode import encode_qr

FRAME_SIZE = (1920, 1080)


def ticket_payload(seed: int, length: int = 200) -> str:
    """An admission-ticket-shaped payload: 'ES1.' then base64url text, `length` characters in all."""
    rng = random.Random(seed)
    raw = bytes(rng.getrandbits(8) for _ in range(length))
    return ("ES1." + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("="))[:length]


def blur(image: np.ndarray, sigma: float = 2.5) -> np.ndarray:
    """Out of focus: a Gaussian blur of `sigma` pixels."""
    return cv2.GaussianBlur(image, (0, 0), sigma)


def low_contrast(image: np.ndarray, dark: int = 110, light: int = 140) -> np.ndarray:
    """A washed-out print or a glare: black becomes `dark`, white becomes `light`."""
    return (dark + image.astype(np.float32) * ((light - dark) / 255.0)).astype(np.uint8)


def rotate(image: np.ndarray, degrees: float = 30.0) -> np.ndarray:
    """The ticket held at an angle: rotated about its centre on a white background, nothing cut off."""
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_w, new_h = int(height * sin + width * cos), int(height * cos + width * sin)
    matrix[0, 2] += new_w / 2 - width / 2
    matrix[1, 2] += new_h / 2 - height / 2
    return cv2.warpAffine(image, matrix, (new_w, new_h), borderValue=255)


def perspective(image: np.ndarray, tilt: float = 0.25) -> np.ndarray:
    """The ticket tilted away from the camera: the top edge shrunk by `tilt` of the width."""
    height, width = image.shape[:2]
    source = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    inset = tilt * width / 2
    target = np.float32([[inset, height * 0.08], [width - inset, height * 0.08], [width, height], [0, height]])
    return cv2.warpPerspective(image, cv2.getPerspectiveTransform(source, target), (width, height), borderValue=255)


def noisy_scene(seed: int, size: tuple[int, int] = FRAME_SIZE) -> np.ndarray:
    """A greyscale desk-like scene: a smooth gradient, a few shapes and sensor noise."""
    rng = np.random.default_rng(seed)
    width, height = size
    gradient = np.linspace(70, 170, width, dtype=np.float32)[None, :] + np.linspace(0, 40, height, dtype=np.float32)[:, None]
    scene = gradient.astype(np.uint8)
    for _ in range(12):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        cv2.rectangle(scene, (x, y), (x + int(rng.integers(40, 300)), y + int(rng.integers(40, 200))),
                      int(rng.integers(30, 230)), -1)
    noise = rng.normal(0, 6, scene.shape).astype(np.float32)
    return np.clip(scene + noise, 0, 255).astype(np.uint8)


def place(scene: np.ndarray, code: np.ndarray, x: int, y: int) -> np.ndarray:
    """`scene` with `code` pasted at (x, y), both greyscale."""
    frame = scene.copy()
    height, width = code.shape[:2]
    frame[y:y + height, x:x + width] = code
    return frame


def ticket_in_frame(text: str, seed: int = 0, module_px: int = 3, size: tuple[int, int] = FRAME_SIZE,
                    degrade: Callable[[np.ndarray], np.ndarray] | None = None) -> np.ndarray:
    """A full camera frame (greyscale) with the code for `text` small, somewhere in a noisy scene."""
    code = encode_qr(text, module_px=module_px)
    if degrade is not None:
        code = degrade(code)
    scene = noisy_scene(seed, size)
    rng = random.Random(seed)
    x = rng.randrange(0, size[0] - code.shape[1])
    y = rng.randrange(0, size[1] - code.shape[0])
    return add_noise(place(scene, code, x, y), seed)


def add_noise(image: np.ndarray, seed: int, sigma: float = 5.0) -> np.ndarray:
    noise = np.random.default_rng(seed).normal(0, sigma, image.shape).astype(np.float32)
    return np.clip(image.astype(np.float32) + noise, 0, 255).astype(np.uint8)


#: Each degradation applied to a rendered ticket (module 8 px), by name, as the docs and the bench report them.
DEGRADATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "clean": lambda image: image,
    "blur": blur,
    "blur_strong": lambda image: blur(image, 4.0),
    "perspective": perspective,
    "low_contrast": low_contrast,
    "rotated": rotate,
}


def degraded_tickets(count: int = 10, length: int = 200) -> list[tuple[str, str, np.ndarray]]:
    """(variant, payload, image) for `count` payloads × every degradation plus 'small_in_frame' 1920×1080 frames."""
    labelled = []
    for seed in range(count):
        text = ticket_payload(seed, length)
        code = encode_qr(text, module_px=8)
        for variant, degrade in DEGRADATIONS.items():
            labelled.append((variant, text, add_noise(degrade(code), seed, 3.0)))
        labelled.append(("small_in_frame", text, ticket_in_frame(text, seed=seed)))
    return labelled
