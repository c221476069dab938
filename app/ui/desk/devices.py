"""The desk's devices: one camera worker and one ID card reader worker, started and stopped here.

The workers call back on their own threads; this object turns those calls into Qt signals, which
Qt queues to the GUI thread. Frames are coalesced: `frame_ready` fires once per batch of frames
and the GUI reads the newest with `latest_frame()`, so a slow GUI never builds a backlog.
On a demo site (`simulate=True`) the desk gets a simulated camera and reader called "desk".
"""

from __future__ import annotations

import logging
import os
import threading

from PySide6.QtCore import QObject, Signal

from drivers.camera import CameraWorker, Frame, SimulatedCamera
from drivers.idcard import CardReaderWorker, SimulatedCardReader

log = logging.getLogger(__name__)

SIMULATED_NAME = "desk"
CAMERA_VARIABLE, READER_VARIABLE = "EXAMSITE_DESK_CAMERA", "EXAMSITE_DESK_READER"
DEFAULT_CAMERA, DEFAULT_READER = "usb:0", "auto"


def configured_specs() -> tuple[str, str]:
    """The camera and reader of this desk, from the settings (for now: environment variables)."""
    return (os.environ.get(CAMERA_VARIABLE, "").strip() or DEFAULT_CAMERA,
            os.environ.get(READER_VARIABLE, "").strip() or DEFAULT_READER)


class DeskDevices(QObject):
    frame_ready = Signal()
    camera_state = Signal(str, str)  # CameraState value, sentence
    card_read = Signal(object)  # IdCard
    reader_state = Signal(str, str)  # ReaderState value, sentence

    def __init__(self, camera_spec: str, reader_spec: str, *, simulate: bool = False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.camera_spec, self.reader_spec = camera_spec, reader_spec
        self.sim_camera: SimulatedCamera | None = None
        self.sim_reader: SimulatedCardReader | None = None
        if simulate:
            self.sim_camera = SimulatedCamera(fps=12, size=(1280, 720)).register(SIMULATED_NAME)
            self.sim_reader = SimulatedCardReader(name=SIMULATED_NAME, start=False)
            self.camera_spec = self.reader_spec = f"sim:{SIMULATED_NAME}"
        self.camera: CameraWorker | None = None
        self.reader: CardReaderWorker | None = None
        self._frame_pending = threading.Event()

    def start(self) -> None:
        if self.sim_reader is not None:
            self.sim_reader.start()
        self.camera = CameraWorker(self.camera_spec, on_frame=self._on_frame, on_state=self._on_camera_state)
        self.reader = CardReaderWorker(self.reader_spec, on_card=self._on_card, on_state=self._on_reader_state,
                                       reconnect_interval=1.0 if self.sim_reader else 3.0)
        self.camera.start()
        self.reader.start()

    def stop(self) -> None:
        """Stop both workers (joining their threads) and unplug the simulated devices. Idempotent."""
        camera, reader, self.camera, self.reader = self.camera, self.reader, None, None
        if camera is not None:
            camera.stop()
        if reader is not None:
            try:
                reader.stop()
            except RuntimeError:
                log.exception("the ID card reader worker did not stop")
        if self.sim_reader is not None:
            self.sim_reader.stop()
        if self.sim_camera is not None:
            SimulatedCamera.unregister(SIMULATED_NAME)

    @property
    def running(self) -> bool:
        return self.camera is not None

    def newest_frame(self) -> Frame | None:
        """The newest frame while the camera is live (None while it is lost: no stale pictures)."""
        camera = self.camera
        return camera.latest() if camera is not None and camera.state == "live" else None

    def latest_frame(self) -> Frame | None:
        self._frame_pending.clear()
        return self.camera.latest() if self.camera is not None else None

    def _emit(self, name: str, *args) -> None:
        """Emit from a worker thread; a desk already gone (window closed without stop) hears nothing."""
        try:
            getattr(self, name).emit(*args)
        except RuntimeError:  # the Qt side was deleted first
            log.warning("desk devices: a device reported after the desk was closed")

    def _on_frame(self, frame: Frame) -> None:
        if not self._frame_pending.is_set():
            self._frame_pending.set()
            self._emit("frame_ready")

    def _on_card(self, card) -> None:
        self._emit("card_read", card)

    def _on_reader_state(self, state, sentence: str) -> None:
        self._emit("reader_state", str(state.value), sentence)

    def _on_camera_state(self, state, sentence: str) -> None:
        self._emit("camera_state", str(state.value), sentence)
