"""A workpiece photo for the score sheet: from the station's camera, or a picture file as a fallback.

The camera runs on its own worker thread (drivers.camera.CameraWorker, as at the check-in desk);
frames reach the GUI thread through a Qt signal and are drawn by the desk's CameraView. The
camera is `EXAMSITE_STATION_CAMERA` (default usb:0; sim:NAME on a demo).
"""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.desk.camera_view import CameraView
from app.ui.desk.images import bgr_to_qimage, decode_picture, jpeg_bytes
from drivers.camera import CameraWorker

CAMERA_VARIABLE, DEFAULT_CAMERA = "EXAMSITE_STATION_CAMERA", "usb:0"
MAX_FILE_BYTES = 20 * 1024 * 1024


class _CameraBridge(QObject):
    frame_ready = Signal()
    state = Signal(str, str)


class PhotoDialog(QDialog):
    """`captured(jpeg_bytes)` once the examiner takes or picks a picture."""

    captured = Signal(bytes)

    def __init__(self, parent: QWidget | None = None, camera_spec: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoDialog")
        self.setWindowTitle(self.tr("Workpiece photo"))
        self.setModal(True)
        self.view = CameraView()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.shoot = QPushButton(self.tr("Take photo"))
        self.shoot.setObjectName("primary")
        self.shoot.setEnabled(False)
        self.shoot.clicked.connect(self.take)
        pick = QPushButton(self.tr("Choose a picture file…"))
        pick.clicked.connect(self.pick_file)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(pick)
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.shoot)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(720, 520)
        self._bridge = _CameraBridge(self)
        self._bridge.frame_ready.connect(self._show_frame)
        self._bridge.state.connect(self._camera_state)
        self._pending = threading.Event()
        spec = camera_spec or os.environ.get(CAMERA_VARIABLE, "").strip() or DEFAULT_CAMERA
        self.camera: CameraWorker | None = CameraWorker(spec, on_frame=self._on_frame, on_state=self._on_state)
        self.camera.start()

    # -- the camera thread's side ----------------------------------------------------------
    def _on_frame(self, _frame) -> None:
        if not self._pending.is_set():
            self._pending.set()
            self._emit("frame_ready")

    def _on_state(self, state, sentence: str) -> None:
        self._emit("state", str(state.value), sentence)

    def _emit(self, name: str, *args) -> None:
        try:
            getattr(self._bridge, name).emit(*args)
        except RuntimeError:  # the dialog is gone
            pass

    # -- the GUI's side --------------------------------------------------------------------
    def _show_frame(self) -> None:
        self._pending.clear()
        frame = self.camera.latest() if self.camera is not None else None
        if frame is not None:
            self.view.show_image(bgr_to_qimage(frame.image))

    def _camera_state(self, state: str, sentence: str) -> None:
        self.view.set_state(state, sentence)
        self.shoot.setEnabled(state == "live")

    def take(self) -> None:
        frame = self.camera.latest() if self.camera is not None else None
        if frame is None:
            return
        self.captured.emit(jpeg_bytes(frame.image))
        self.accept()

    def pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a picture"), "",
                                              self.tr("Pictures (*.jpg *.jpeg *.png)"))
        if path:
            self.use_file(path)

    def use_file(self, path: str) -> bool:
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            self._fail(self.tr("Cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc))
            return False
        image = decode_picture(data) if len(data) <= MAX_FILE_BYTES else None
        if image is None:
            self._fail(self.tr("This file is not a picture the station can read."))
            return False
        self.captured.emit(jpeg_bytes(image))
        self.accept()
        return True

    def _fail(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()

    def stop_camera(self) -> None:
        camera, self.camera = self.camera, None
        if camera is not None:
            camera.stop()

    def done(self, result: int) -> None:
        self.stop_camera()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.stop_camera()
        super().closeEvent(event)
