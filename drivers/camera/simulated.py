"""A simulated camera: the demo, the headless simulation and the GUI tests run on it.

It keeps real time like a device: frame n is due `n / fps` seconds after open, and a reader
that comes late gets the current frame (the seq jumps; the worker counts the gap as dropped).
`unplug()` and `replug()` pull and put back the cable from any thread; `show()` changes what
the camera sees (a ticket QR, a face). `register("desk1")` makes it `open_camera("sim:desk1")`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

import numpy as np

from app.i18n import tr
from drivers.camera.base import Frame, FrameSource, as_bgr
from drivers.errors import DeviceError, DeviceUnavailable

_registry: dict[str, SimulatedCamera] = {}
_registry_lock = threading.Lock()


def moving_pattern(size: tuple[int, int]) -> Callable[[int], np.ndarray]:
    """Frames of a moving bar over a gradient, so a preview visibly moves."""
    width, height = size
    base = np.empty((height, width, 3), np.uint8)
    base[:, :, 0] = (np.arange(width) * 255 // max(1, width - 1))[None, :]
    base[:, :, 1] = (np.arange(height) * 255 // max(1, height - 1))[:, None]
    base[:, :, 2] = 96

    def frame(index: int) -> np.ndarray:
        image = base.copy()
        x = (index * 8) % width
        image[:, x:x + max(1, width // 32)] = 255
        return image

    return frame


class SimulatedCamera(FrameSource):
    """A camera in software. Thread-safe for unplug/replug/show; read from one thread."""

    def __init__(self, frames: Callable[[int], np.ndarray] | Sequence[np.ndarray] | None = None,
                 fps: float = 15, size: tuple[int, int] = (1280, 720), *, name: str = "") -> None:
        super().__init__()
        if fps <= 0:
            raise ValueError("fps must be positive")
        self.fps = float(fps)
        self._size = (int(size[0]), int(size[1]))
        if frames is None:
            frames = moving_pattern(self._size)
        elif not callable(frames):
            sequence = [as_bgr(image, self._size) for image in frames]
            if not sequence:
                raise ValueError("a simulated camera needs at least one frame")
            frames = lambda index: sequence[index % len(sequence)]
        self._frames: Callable[[int], np.ndarray] = frames
        self._shown: np.ndarray | None = None
        self._plugged = True
        self._hanging = False
        self._started_at = 0.0
        self._last_index = -1
        self._seq_base = 0
        self._changed = threading.Condition()
        self.description = tr("{name} (simulated)", name=name) if name else tr("simulated")

    @property
    def size(self) -> tuple[int, int]:
        return self._size

    # -- the cable and the scene, from any thread ------------------------------------------

    def unplug(self, *, hang: bool = False) -> None:
        """Pull the cable: read() raises at once (or, with `hang`, after its timeout, like a dead network camera)."""
        with self._changed:
            self._plugged = False
            self._hanging = hang
            self._changed.notify_all()

    def replug(self) -> None:
        with self._changed:
            self._plugged = True
            self._hanging = False
            self._changed.notify_all()

    @property
    def plugged(self) -> bool:
        return self._plugged

    def show(self, image: np.ndarray | None) -> None:
        """Make the camera see `image` from now on; None goes back to its own frames."""
        shown = None if image is None else as_bgr(image, self._size)
        with self._changed:
            self._shown = shown

    # -- registry ----------------------------------------------------------------------------

    def register(self, name: str) -> SimulatedCamera:
        """Make this camera what `open_camera("sim:<name>")` returns."""
        with _registry_lock:
            _registry[name] = self
        self.description = tr("{name} (simulated)", name=name)
        return self

    @staticmethod
    def lookup(name: str) -> SimulatedCamera:
        with _registry_lock:
            camera = _registry.get(name)
        if camera is None:
            raise DeviceUnavailable(tr("There is no simulated camera called {name}.", name=name))
        return camera

    @staticmethod
    def unregister(name: str) -> None:
        with _registry_lock:
            _registry.pop(name, None)

    # -- FrameSource -------------------------------------------------------------------------

    def open(self) -> None:
        with self._changed:
            if not self._plugged:
                raise DeviceUnavailable(tr("Camera {camera} is not connected.", camera=self.description))
            self._started_at = time.monotonic()
            self._last_index = -1
            self._seq_base = self._next_seq
            self._opened = True

    def read(self, timeout: float) -> Frame:
        deadline = time.monotonic() + timeout
        with self._changed:
            self._require_open()
            while True:
                if not self._plugged and not self._hanging:
                    raise DeviceError(tr("Camera {camera} was unplugged.", camera=self.description))
                now = time.monotonic()
                index = int((now - self._started_at) * self.fps)
                if self._plugged and index > self._last_index:
                    break
                if now >= deadline:
                    raise DeviceError(tr("Camera {camera} sent no picture for {seconds} seconds.",
                                         camera=self.description, seconds=f"{timeout:g}"))
                due = self._started_at + (self._last_index + 1) / self.fps
                wait = deadline - now if not self._plugged else min(deadline, due) - now
                self._changed.wait(max(wait, 0.001))
                self._require_open()
            self._last_index = index
            shown = self._shown
        image = shown if shown is not None else as_bgr(self._frames(index), self._size)
        return self._frame(image.copy(), self._seq_base + index)

    def close(self) -> None:
        with self._changed:
            self._opened = False
            self._changed.notify_all()
