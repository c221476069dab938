"""USB cameras through OpenCV: V4L2 on Linux, Media Foundation (then DirectShow) on Windows."""

from __future__ import annotations

import sys
from typing import Any

from app.i18n import tr
from drivers.camera.base import Frame, FrameSource
from drivers.errors import DeviceError, DeviceUnavailable, LibraryMissing


def import_cv2() -> Any:
    try:
        import cv2
    except ImportError as error:
        raise LibraryMissing(tr("The video library {library} is not installed.", library="OpenCV (cv2)")) from error
    return cv2


def capture_apis(cv2: Any) -> list[int]:
    """The capture back ends to try, best first, for this operating system."""
    if sys.platform.startswith("linux"):
        return [cv2.CAP_V4L2]
    if sys.platform == "win32":
        return [cv2.CAP_MSMF, cv2.CAP_DSHOW]
    if sys.platform == "darwin":
        return [cv2.CAP_AVFOUNDATION]
    return [cv2.CAP_ANY]


class UsbCamera(FrameSource):
    """`cv2.VideoCapture(index)`; `size` and `fps` are requests the camera may round."""

    def __init__(self, index: int, *, size: tuple[int, int] | None = None, fps: float | None = None,
                 read_timeout: float = 3.0) -> None:
        super().__init__()
        self.index = index
        self.requested_size = size
        self.requested_fps = fps
        self.read_timeout = read_timeout
        self.description = f"USB {index}"
        self._capture: Any = None
        self._size: tuple[int, int] | None = None

    @property
    def size(self) -> tuple[int, int] | None:
        return self._size

    def open(self) -> None:
        if self._opened:
            return
        cv2 = import_cv2()
        for api in capture_apis(cv2):
            capture = cv2.VideoCapture(self.index, api)
            if capture.isOpened():
                break
            capture.release()
        else:
            raise DeviceUnavailable(tr("Camera {camera} is not connected or another program is using it.",
                                       camera=self.description))
        if self.requested_size:
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.requested_size[0])
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.requested_size[1])
        if self.requested_fps:
            capture.set(cv2.CAP_PROP_FPS, self.requested_fps)
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # preview wants the newest picture, not a queue
        capture.set(cv2.CAP_PROP_READ_TIMEOUT_MSEC, self.read_timeout * 1000)
        self._size = (int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)), int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)))
        self._capture = capture
        self._opened = True

    def read(self, timeout: float) -> Frame:
        self._require_open()
        ok, image = self._capture.read()
        if not ok or image is None:
            raise DeviceError(tr("Camera {camera} was unplugged.", camera=self.description))
        if image.ndim == 2:
            image = import_cv2().cvtColor(image, import_cv2().COLOR_GRAY2BGR)
        self._size = (image.shape[1], image.shape[0])
        return self._frame(image)

    def close(self) -> None:
        capture, self._capture = self._capture, None
        self._opened = False
        if capture is not None:
            capture.release()
