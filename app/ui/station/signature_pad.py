"""The handwritten signature pad: pen (with pressure), touch or mouse, kept as timed vectors.

Strokes are what `ScoringService.sign` takes (app/practical/signing.py `encode_strokes`): a list
of strokes, each a list of points ``[x, y, t_ms, pressure]`` — pad pixels, milliseconds since the
first touch of the signature, pressure 0…1 (a mouse or a touch screen without pressure gives
0.5). The ink is drawn smooth: a Catmull-Rom curve through the points, each piece as wide as the
pressure at its ends. `strokes_png` draws the same strokes into a PNG for a preview or a record.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QTabletEvent,
                           QTouchEvent)
from PySide6.QtWidgets import QSizePolicy, QWidget

Point = list[float]  # [x, y, t_ms, pressure]
DEFAULT_PRESSURE = 0.5
MIN_DISTANCE = 1.0  # pad pixels: closer points add nothing but bytes
INK = QColor("#10243a")


def pen_width(pressure: float, base: float) -> float:
    """Ink width for a pressure: thin for a light touch, about `base` at the middle, wider when pressed."""
    return base * (0.35 + 1.3 * max(0.0, min(1.0, pressure)))


def catmull_rom(points: Sequence[Sequence[float]]) -> list[tuple[tuple[float, float], tuple[float, float],
                                                                 tuple[float, float], tuple[float, float]]]:
    """Cubic Bézier pieces (start, control 1, control 2, end) of the Catmull-Rom curve through the points."""
    xy = [(float(p[0]), float(p[1])) for p in points]
    pieces = []
    for i in range(len(xy) - 1):
        p0, p1, p2 = xy[max(i - 1, 0)], xy[i], xy[i + 1]
        p3 = xy[min(i + 2, len(xy) - 1)]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        pieces.append((p1, c1, c2, p2))
    return pieces


def paint_strokes(painter: QPainter, strokes: Sequence[Sequence[Sequence[float]]], *, scale: float = 1.0,
                  dx: float = 0.0, dy: float = 0.0, base_width: float = 2.6, colour: QColor = INK) -> None:
    """Draw strokes smooth, width from pressure; points are mapped by x*scale+dx, y*scale+dy."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for stroke in strokes:
        if not stroke:
            continue
        if len(stroke) == 1:
            x, y, _, pressure = stroke[0]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            radius = pen_width(pressure, base_width) / 2
            painter.drawEllipse(QPointF(x * scale + dx, y * scale + dy), radius, radius)
            continue
        for index, (start, c1, c2, end) in enumerate(catmull_rom(stroke)):
            pressure = (stroke[index][3] + stroke[index + 1][3]) / 2
            pen = QPen(colour, pen_width(pressure, base_width), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                       Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            path = QPainterPath(QPointF(start[0] * scale + dx, start[1] * scale + dy))
            path.cubicTo(QPointF(c1[0] * scale + dx, c1[1] * scale + dy), QPointF(c2[0] * scale + dx, c2[1] * scale + dy),
                         QPointF(end[0] * scale + dx, end[1] * scale + dy))
            painter.drawPath(path)
    painter.restore()


def strokes_bounds(strokes: Sequence[Sequence[Sequence[float]]]) -> QRectF:
    xs = [p[0] for stroke in strokes for p in stroke]
    ys = [p[1] for stroke in strokes for p in stroke]
    if not xs:
        return QRectF()
    return QRectF(min(xs), min(ys), max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0))


def strokes_png(strokes: Sequence[Sequence[Sequence[float]]], width: int = 480, height: int = 180, *,
                margin: int = 10, background: QColor | None = None) -> bytes:
    """The signature fitted into width × height (aspect kept, centred) as PNG bytes; transparent by default."""
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(background if background is not None else QColor(0, 0, 0, 0))
    bounds = strokes_bounds(strokes)
    if not bounds.isNull():
        scale = min((width - 2 * margin) / bounds.width(), (height - 2 * margin) / bounds.height(), 4.0)
        dx = (width - bounds.width() * scale) / 2 - bounds.left() * scale
        dy = (height - bounds.height() * scale) / 2 - bounds.top() * scale
        painter = QPainter(image)
        paint_strokes(painter, strokes, scale=scale, dx=dx, dy=dy, base_width=max(1.2, 2.6 * min(scale, 1.5)))
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class SignaturePad(QWidget):
    """A white writing area. `changed` fires when ink is added or cleared; `strokes()` gives the vectors."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setMinimumSize(360, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature pad"))
        self._strokes: list[list[Point]] = []
        self._current: list[Point] | None = None
        self._t0: int | None = None
        self._last_t = 0.0
        self.devices: set[str] = set()  # "pen", "touch", "mouse": what wrote this signature

    # -- the result ------------------------------------------------------------------------
    def strokes(self) -> list[list[list[float]]]:
        """A copy of the strokes, points rounded to 0.001 (the stored precision)."""
        return [[[round(v, 3) for v in point] for point in stroke] for stroke in self._strokes if stroke]

    def point_count(self) -> int:
        return sum(len(stroke) for stroke in self._strokes)

    def is_signed(self) -> bool:
        """Enough ink to be a signature (the service refuses fewer than two points)."""
        return self.point_count() >= 2

    def clear(self) -> None:
        self._strokes, self._current, self._t0, self._last_t = [], None, None, 0.0
        self.devices.clear()
        self.update()
        self.changed.emit()

    # -- input -----------------------------------------------------------------------------
    def _begin(self, pos: QPointF, timestamp: int, pressure: float, device: str) -> None:
        self._current = []
        self._strokes.append(self._current)
        self.devices.add(device)
        self._add(pos, timestamp, pressure, force=True)

    def _add(self, pos: QPointF, timestamp: int, pressure: float, *, force: bool = False) -> None:
        if self._current is None:
            return
        if self._t0 is None:
            self._t0 = int(timestamp)
        t = max(float(int(timestamp) - self._t0), self._last_t)  # never backwards, even across devices
        x = min(max(pos.x(), 0.0), float(self.width()))
        y = min(max(pos.y(), 0.0), float(self.height()))
        if not force and self._current:
            last = self._current[-1]
            if (x - last[0]) ** 2 + (y - last[1]) ** 2 < MIN_DISTANCE ** 2:
                last[3] = max(last[3], pressure)
                return
        self._last_t = t
        self._current.append([x, y, t, max(0.0, min(1.0, float(pressure)))])
        self.update()

    def _end(self) -> None:
        if self._current is not None:
            self._current = None
            self.changed.emit()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        kind = event.type()
        pressure = float(event.pressure())
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), event.timestamp(), pressure, "pen")
        elif kind == QEvent.Type.TabletMove and self._current is not None:
            self._add(event.position(), event.timestamp(), pressure)
        elif kind == QEvent.Type.TabletRelease:
            self._add(event.position(), event.timestamp(), pressure)
            self._end()
        event.accept()  # no synthesised mouse events follow a handled pen

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._touch(event)
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        points = event.points()
        if not points:
            if event.type() in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
                self._end()
            return
        point = points[0]  # one finger writes; the others rest on the glass
        pressure = float(point.pressure()) if 0.0 < point.pressure() < 1.0 else DEFAULT_PRESSURE
        kind = event.type()
        if kind == QEvent.Type.TouchBegin:
            self._begin(point.position(), event.timestamp(), pressure, "touch")
        elif kind == QEvent.Type.TouchUpdate:
            self._add(point.position(), event.timestamp(), pressure)
        else:
            self._add(point.position(), event.timestamp(), pressure)
            self._end()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), event.timestamp(), DEFAULT_PRESSURE, "mouse")

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._add(event.position(), event.timestamp(), DEFAULT_PRESSURE)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._add(event.position(), event.timestamp(), DEFAULT_PRESSURE)
            self._end()

    # -- drawing ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(QPen(QColor("#c4ced8"), 1, Qt.PenStyle.DashLine))
        baseline = int(self.height() * 0.72)
        painter.drawLine(24, baseline, self.width() - 24, baseline)
        painter.setPen(QPen(QColor("#9aa5b0"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if not self._strokes:
            painter.setPen(QColor("#9aa5b0"))
            painter.drawText(self.rect().adjusted(0, 0, 0, -self.height() // 3), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Sign here with the pen, a finger or the mouse"))
        paint_strokes(painter, self._strokes, base_width=3.0)
        painter.end()
