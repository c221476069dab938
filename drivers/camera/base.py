"""The camera interface: a frame, the worker's states, and the blocking frame source.

A FrameSource is one device, used from one thread at a time (the CameraWorker's). It numbers
its frames itself: `seq` increases for the whole life of the source object, across close and
open, so a reader that remembers the last seq it saw never mistakes an old frame for a new one.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Self
from urllib.parse import urlsplit, urlunsplit

import numpy as np

from app.i18n import tr
from drivers.errors import DeviceError


@dataclass(frozen=True)
class Frame:
    """One picture: BGR uint8, shape (height, width, 3)."""

    image: np.ndarray = field(repr=False)
    seq: int
    captured_at: float  # time.monotonic() when the frame reached us

    @property
    def size(self) -> tuple[int, int]:
        """(width, height)."""
        return self.image.shape[1], self.image.shape[0]


class CameraState(StrEnum):
    CONNECTING = "connecting"
    LIVE = "live"
    LOST = "lost"
    CLOSED = "closed"


class FrameSource(ABC):
    """A blocking frame source; one instance per device, used from one thread at a time."""

    description: str = "camera"

    def __init__(self) -> None:
        self._next_seq = 0
        self._opened = False

    @property
    def is_open(self) -> bool:
        return self._opened

    @property
    def size(self) -> tuple[int, int] | None:
        """(width, height) of the frames, known once the source is open."""
        return None

    @abstractmethod
    def open(self) -> None:
        """Connect to the device; raises DeviceUnavailable or LibraryMissing with a sentence."""

    @abstractmethod
    def read(self, timeout: float) -> Frame:
        """The next frame within `timeout` seconds; raises DeviceError when the device is lost."""

    @abstractmethod
    def close(self) -> None:
        """Release the device. Idempotent."""

    def _require_open(self) -> None:
        if not self._opened:
            raise DeviceError(tr("Camera {camera} is not open.", camera=self.description))

    def _frame(self, image: np.ndarray, seq: int | None = None) -> Frame:
        """Wrap a BGR image; `seq` may skip ahead (the device dropped frames) but never go back."""
        if seq is None or seq < self._next_seq:
            seq = self._next_seq
        self._next_seq = seq + 1
        return Frame(image=image, seq=seq, captured_at=time.monotonic())

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.description}>"


def mask_password(url: str) -> str:
    """rtsp://admin:secret@host/path → rtsp://admin:***@host/path (for logs and the screen)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


def as_bgr(image: np.ndarray, size: tuple[int, int] | None = None) -> np.ndarray:
    """`image` as contiguous BGR uint8 (gray and BGRA accepted), resized to `size` (w, h) if given."""
    image = np.asarray(image)
    if image.dtype != np.uint8:
        raise TypeError(f"camera images are uint8, not {image.dtype}")
    channels = 1 if image.ndim == 2 else image.shape[2] if image.ndim == 3 else 0
    if channels not in (1, 3, 4):
        raise ValueError(f"camera images are HxW, HxWx3 or HxWx4, not {image.shape}")
    resize = size is not None and (image.shape[1], image.shape[0]) != tuple(size)
    if channels == 3 and not resize:
        return np.ascontiguousarray(image)
    import cv2

    if channels != 3:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR if channels == 1 else cv2.COLOR_BGRA2BGR)
    if resize:
        image = cv2.resize(image, (int(size[0]), int(size[1])), interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(image)
