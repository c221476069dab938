"""The live camera picture: keeps its aspect ratio and shows the camera's state over it."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

ASPECT = 16 / 9


class CameraView(QWidget):
    """Draws the newest frame; `set_state` puts a sentence over it (red when the camera is lost)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraView")
        self.image: QImage | None = None
        self.state = "closed"
        self.sentence = ""
        self.setMinimumSize(320, 180)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return int(width / ASPECT)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, int(520 / ASPECT))

    def show_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    def set_state(self, state: str, sentence: str) -> None:
        """`state` is a CameraState value ("connecting", "live", "lost", "closed")."""
        self.state, self.sentence = state, sentence
        self.update()

    def overlay_text(self) -> str:
        """What is written over the picture now ('' while live)."""
        if self.state == "live":
            return ""
        if self.state == "lost":
            return self.tr("Camera disconnected, reconnecting…")
        if self.state == "connecting":
            return self.tr("Connecting to the camera…")
        return self.sentence or self.tr("No camera")

    def picture_rect(self) -> QRect:
        """The largest rectangle of the picture's aspect ratio centred in the widget."""
        width, height = self.width(), self.height()
        ratio = (self.image.width() / self.image.height()) if self.image and self.image.height() else ASPECT
        if width / max(height, 1) > ratio:
            shown = QSize(int(height * ratio), height)
        else:
            shown = QSize(width, int(width / ratio))
        return QRect((width - shown.width()) // 2, (height - shown.height()) // 2, shown.width(), shown.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1b2a38"))
        target = self.picture_rect()
        if self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, self.image)
        text = self.overlay_text()
        if text:
            lost = self.state == "lost"
            if self.image is not None:
                painter.fillRect(target, QColor(0, 0, 0, 150))
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * 1.35)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#ff6b5e") if lost else QColor("#e8edf2"))
            lines = [text] + ([self.sentence] if lost and self.sentence else [])
            painter.drawText(target.adjusted(16, 0, -16, -24 if len(lines) > 1 else 0),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, lines[0])
            if len(lines) > 1:
                small = QFont(self.font())
                painter.setFont(small)
                painter.setPen(QColor("#f3c2bd"))
                painter.drawText(target.adjusted(16, target.height() // 2 + 18, -16, -8),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                                 lines[1])
        painter.end()
