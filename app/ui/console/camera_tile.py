"""One camera of the wall: its live picture and the recorder's word on it, painted in one widget.

A tile owns one CameraWorker. In the grid it decodes the camera's sub-stream when there is one,
otherwise only the key frames of the main stream, scaled while converting (PyAVSource
`keyframes_only`, `output_width`): a 1080p main stream is never fully decoded for a tile. The
enlarged tile decodes at full rate (the sub-stream, or the main stream for that one camera).
The wall polls `refresh()` on a timer; nothing crosses threads but the worker's newest frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.video.status import RECONNECTING, RECORDING, SILENT, STOPPED, CameraStatus
from drivers.camera import CameraWorker, Frame, open_camera
from drivers.errors import DeviceError

TILE_WIDTH = 480  # pixels decoded for a grid tile (a 16-tile wall at 1366×768 shows ~280)
ENLARGED_WIDTH = 1280  # the main stream enlarged is scaled to this while converting
ASPECT = 16 / 9
AMBER, RED, GREY = QColor("#f0a020"), QColor("#e5392f"), QColor("#8a949e")


@dataclass(frozen=True)
class WallCamera:
    """A camera as the wall needs it (from the registry, or a bare URL for the bench)."""

    camera_id: str
    room: str
    main_url: str
    sub_url: str = ""
    kind: str = "rtsp"


def preview_spec(url: str, kind: str) -> str:
    """The registry's address as an open_camera spec (file paths and USB indexes get their scheme)."""
    url = url.strip()
    prefix = {"file": "file:", "usb": "usb:", "sim": "sim:"}.get(kind, "")
    return url if not prefix or url.lower().startswith(prefix) else prefix + url


def make_worker(camera: WallCamera, enlarged: bool) -> CameraWorker:
    """The worker for a tile: sub-stream, or key frames only of the main stream (full rate when enlarged)."""
    sub = bool(camera.sub_url.strip())
    spec = preview_spec(camera.sub_url if sub else camera.main_url, camera.kind)
    keyframes = not sub and not enlarged
    read_timeout = 6.0 if keyframes else 3.0  # a key frame comes once per GOP (often 2–4 s)
    options = {"read_timeout": read_timeout} if spec.lower().startswith(("rtsp://", "rtsps://")) else {}
    source = open_camera(spec, **options)
    if hasattr(source, "keyframes_only"):
        source.keyframes_only = keyframes
        source.output_width = None if (enlarged and sub) else (ENLARGED_WIDTH if enlarged else TILE_WIDTH)
    return CameraWorker(source, read_timeout=read_timeout)


def frame_image(frame: Frame) -> QImage:
    """A QImage over the frame's own pixels, no copy: a frame's array is never written after it is made,
    and the tile keeps the frame as long as it keeps the image."""
    image = frame.image
    height, width = image.shape[:2]
    return QImage(image.data, width, height, image.strides[0], QImage.Format.Format_BGR888)


def _clock(instant: datetime) -> str:
    return instant.astimezone().strftime("%H:%M:%S")


class CameraTile(QWidget):
    """The picture of one camera with its name, room, recording state, rate, gaps and last segment age."""

    frame_shown = Signal()
    alarm_changed = Signal(str)  # "" (fine), "signal" (silent, reconnecting, picture lost) or "stopped"
    activated = Signal(str)  # camera_id: double-click or Enter

    def __init__(self, camera: WallCamera, *, enlarged: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraTile")
        self.camera, self.enlarged = camera, enlarged
        self.worker: CameraWorker | None = None
        self.error = ""  # a spec that cannot be opened at all
        self.frame: Frame | None = None
        self.image: QImage | None = None
        self.preview_state = "closed"
        self.status: CameraStatus | None = None
        self.now = datetime.now(UTC)
        self.frames_shown = 0
        self.alarm = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(160, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, 180)

    # -- the worker ------------------------------------------------------------------------------

    def start(self) -> None:
        if self.worker is not None:
            return
        try:
            self.worker = make_worker(self.camera, self.enlarged)
        except DeviceError as error:
            self.error = str(error)
            self._update_alarm()
            return
        self.worker.start()

    def stop(self) -> None:
        """Stop and join the worker thread (the picture stays until the next start)."""
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.stop()
        self.preview_state = "closed"

    def refresh(self) -> bool:
        """Take the worker's newest frame and state (GUI thread, on the wall's timer); True if repainted."""
        worker = self.worker
        if worker is None:
            return False
        changed = fresh = False
        state = str(worker.state.value)
        if state != self.preview_state:
            self.preview_state, changed = state, True
        frame = worker.latest()
        if frame is not None and (self.frame is None or frame.seq != self.frame.seq):
            self.frame, self.image = frame, frame_image(frame)
            self.frames_shown += 1
            changed = fresh = True
        if changed:
            self._update_alarm()
            self.update()
        if fresh:
            self.frame_shown.emit()
        return changed

    # -- the recorder's status -------------------------------------------------------------------

    def set_status(self, status: CameraStatus | None, now: datetime) -> None:
        self.status, self.now = status, now
        self._update_alarm()
        self.update()

    @property
    def recording_state(self) -> str:
        """The recorder's state for this camera, or '' when the recorder does not handle it."""
        return self.status.state if self.status is not None else ""

    @property
    def lost(self) -> bool:
        return self.alarm != ""

    def _update_alarm(self) -> None:
        state = self.recording_state
        if state == STOPPED:
            alarm = "stopped"
        elif state in (SILENT, RECONNECTING) or self.preview_state == "lost" or self.error:
            alarm = "signal"
        else:
            alarm = ""
        if alarm != self.alarm:
            self.alarm = alarm
            self.alarm_changed.emit(alarm)

    # -- the words over the picture --------------------------------------------------------------

    def title(self) -> str:
        return self.tr("{camera} · room {room}").format(camera=self.camera.camera_id, room=self.camera.room)

    def badge(self) -> tuple[str, QColor]:
        """The recording badge (top right) and its colour."""
        state, status = self.recording_state, self.status
        if state == RECORDING:
            return self.tr("REC"), RED
        if state == SILENT and status is not None:
            return self.tr("Silent since {time}").format(time=_clock(status.since)), AMBER
        if state == RECONNECTING and status is not None:
            return self.tr("Reconnecting since {time}").format(time=_clock(status.since)), AMBER
        if state == STOPPED and status is not None:
            return self.tr("Stopped since {time}").format(time=_clock(status.since)), GREY
        return self.tr("Not recording"), GREY

    def details(self) -> str:
        """Rate, gaps and the age of the last segment (bottom line); '' without recorder status."""
        status = self.status
        if status is None:
            return ""
        parts = [self.tr("{rate} Mbit/s").format(rate=f"{status.rate * 8 / 1e6:.1f}"),
                 self.tr("gaps {count}").format(count=status.gaps)]
        if status.last_segment_at is not None:
            age = max(0, int((self.now - status.last_segment_at).total_seconds()))
            parts.append(self.tr("last segment {seconds} s ago").format(seconds=age) if age < 120 else
                         self.tr("last segment {minutes} min ago").format(minutes=age // 60))
        return " · ".join(parts)

    def alarm_lines(self) -> tuple[str, str]:
        """The big words over a tile that needs the proctor's eye: ('', '') when all is well."""
        state, status = self.recording_state, self.status
        if self.alarm == "stopped" and status is not None:
            return self.tr("NOT RECORDING"), self.tr("since {time}").format(time=_clock(status.since))
        if state in (SILENT, RECONNECTING) and status is not None:
            return self.tr("NO SIGNAL"), self.tr("since {time}").format(time=_clock(status.since))
        if self.error:
            return self.tr("CAMERA UNAVAILABLE"), self.error
        if self.preview_state == "lost":
            return self.tr("PICTURE LOST"), self.tr("reconnecting…")
        return "", ""

    # -- painting and input ----------------------------------------------------------------------

    def picture_rect(self) -> QRect:
        width, height = self.width(), self.height()
        ratio = (self.image.width() / self.image.height()) if self.image and self.image.height() else ASPECT
        if width / max(height, 1) > ratio:
            w, h = int(height * ratio), height
        else:
            w, h = width, int(width / ratio)
        return QRect((width - w) // 2, (height - h) // 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#121a22"))
        if self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.picture_rect(), self.image)
        elif not self.alarm:
            painter.setPen(QColor("#8a949e"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Connecting…"))
        self._paint_strips(painter)
        if self.alarm:
            self._paint_alarm(painter)
        if self.hasFocus():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#5aa9ff"), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()

    def _paint_strips(self, painter: QPainter) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * (1.15 if self.enlarged else 0.9))
        painter.setFont(font)
        line = painter.fontMetrics().height() + 6
        top = QRect(0, 0, self.width(), line)
        painter.fillRect(top, QColor(0, 0, 0, 150))
        badge, colour = self.badge()
        badge_width = painter.fontMetrics().horizontalAdvance(badge) + 22
        title_rect = top.adjusted(6, 0, -badge_width - 6, 0)
        painter.setPen(QColor("#ffffff"))
        title = painter.fontMetrics().elidedText(self.title(), Qt.TextElideMode.ElideRight, title_rect.width())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
        dot = line // 3
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawEllipse(self.width() - badge_width, (line - dot) // 2, dot, dot)
        painter.setPen(colour if colour != GREY else QColor("#d5dbe1"))
        painter.drawText(QRect(self.width() - badge_width + dot + 4, 0, badge_width - dot - 8, line),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, badge)
        details = self.details()
        if details:
            bottom = QRect(0, self.height() - line, self.width(), line)
            painter.fillRect(bottom, QColor(0, 0, 0, 150))
            painter.setPen(QColor("#e8edf2"))
            text = painter.fontMetrics().elidedText(details, Qt.TextElideMode.ElideRight, bottom.width() - 12)
            painter.drawText(bottom.adjusted(6, 0, -6, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             text)

    def _paint_alarm(self, painter: QPainter) -> None:
        colour = GREY if self.alarm == "stopped" else AMBER
        band = QRect(0, self.height() // 2 - self.height() // 5, self.width(), 2 * (self.height() // 5))
        painter.fillRect(band, QColor(0, 0, 0, 170))
        big, small = self.alarm_lines()
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(14, min(band.height() // 2 - 4, self.width() // 9)))
        painter.setFont(font)
        painter.setPen(colour if colour != GREY else QColor("#f4f6f8"))
        painter.drawText(band.adjusted(4, 0, -4, -band.height() // 3), Qt.AlignmentFlag.AlignCenter, big)
        small_font = QFont(self.font())
        small_font.setPixelSize(max(11, font.pixelSize() // 2))
        painter.setFont(small_font)
        text = painter.fontMetrics().elidedText(small, Qt.TextElideMode.ElideRight, band.width() - 12)
        painter.drawText(band.adjusted(4, band.height() * 2 // 3 - 4, -4, 0),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, 4))
        painter.drawRect(self.rect().adjusted(2, 2, -2, -2))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.activated.emit(self.camera.camera_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.enlarged:
            self.activated.emit(self.camera.camera_id)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.update()
