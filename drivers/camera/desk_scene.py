"""What the simulated desk camera sees: a candidate holding a ticket QR up, with a simulated face.

The face is the simulated face engine's person marker (drivers/face/sim.py) in the top-left
corner; the ticket's QR code sits somewhere in the rest of the frame, clear of the marker.
"""

from __future__ import annotations

import random

import cv2
import numpy as np

from drivers.face.sim import draw_face_marker
from drivers.scanner.encode import encode_qr
from drivers.scanner.frames import add_noise, noisy_scene, place

DESK_FRAME = (1920, 1080)
MARKER_CLEARANCE = 120  # px kept free around the top-left marker


def desk_scene(token: str | None, person: int | None, seed: int = 0, size: tuple[int, int] = DESK_FRAME,
               module_px: int = 4, qr_min_x: int = MARKER_CLEARANCE) -> np.ndarray:
    """A BGR frame with the ticket `token` (if any) and the face of `person` (if any).

    The QR code stays right of `qr_min_x`, so a real face can be pasted on the left.
    """
    scene = noisy_scene(seed, size)
    if token:
        code = encode_qr(token, module_px=module_px)
        rng = random.Random(seed)
        x = rng.randrange(max(qr_min_x, MARKER_CLEARANCE), size[0] - code.shape[1])
        y = rng.randrange(MARKER_CLEARANCE, size[1] - code.shape[0])
        scene = place(scene, code, x, y)
    frame = cv2.cvtColor(add_noise(scene, seed, sigma=3.0), cv2.COLOR_GRAY2BGR)
    return draw_face_marker(frame, person) if person is not None else frame
