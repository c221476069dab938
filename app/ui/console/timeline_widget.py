"""The timeline bar of one camera's session: recorded spans, gaps, incident markers, operator actions, a playhead.

Green spans are recorded video, red spans gaps (the reason in a tooltip), flags above the bar
the manifest's markers (incidents, orange) and actions (operators, blue). A click asks to seek
to that instant; the mouse wheel zooms around the pointer, a double-click shows everything again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.video.timeline import Marker, Timeline

RECORDED, GAP, INCIDENT, ACTION = QColor("#2e9d50"), QColor("#d93025"), QColor("#e8710a"), QColor("#1f5f99")
FLAG_ZONE, BAR_HEIGHT, MARGIN = 26, 22, 14
TICK_STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200)  # seconds


def _clock(instant: datetime, seconds: bool = True) -> str:
    return instant.astimezone().strftime("%H:%M:%S" if seconds else "%H:%M")


def marker_text(widget: QWidget, marker: Marker) -> str:
    """A marker's label for the person at the console: the recorder's own action names translated."""
    actions = {"recording started": widget.tr("recording started"), "recorder restarted": widget.tr("recorder restarted"),
               "recording stopped": widget.tr("recording stopped"), "room sealed": widget.tr("room sealed")}
    return actions.get(marker.label, marker.label) if marker.kind == "action" else marker.label


def marker_author(widget: QWidget, marker: Marker) -> str:
    return widget.tr("the schedule") if marker.by == "schedule" else marker.by


class TimelineWidget(QWidget):
    seek_requested = Signal(object)  # datetime (UTC)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.timeline: Timeline | None = None
        self.playhead: datetime | None = None
        self.view_start: datetime | None = None
        self.view_end: datetime | None = None
        self.setMouseTracking(True)
        self.setMinimumHeight(FLAG_ZONE + BAR_HEIGHT + 34)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(800, FLAG_ZONE + BAR_HEIGHT + 38)

    def set_timeline(self, timeline: Timeline | None) -> None:
        self.timeline = timeline
        self.playhead = None
        self.show_all()

    def show_all(self) -> None:
        timeline = self.timeline
        if timeline is None or timeline.start is None:
            self.view_start = self.view_end = None
        else:
            span = max((timeline.end - timeline.start).total_seconds(), 1.0)
            pad = timedelta(seconds=span * 0.01)
            self.view_start, self.view_end = timeline.start - pad, timeline.end + pad
        self.update()

    def set_playhead(self, at: datetime | None) -> None:
        self.playhead = at
        self.update()

    # -- geometry ---------------------------------------------------------------------------------

    def bar_rect(self) -> QRect:
        return QRect(MARGIN, FLAG_ZONE, max(1, self.width() - 2 * MARGIN), BAR_HEIGHT)

    def x_of(self, at: datetime) -> float:
        bar = self.bar_rect()
        span = (self.view_end - self.view_start).total_seconds() or 1.0
        return bar.left() + (at - self.view_start).total_seconds() / span * bar.width()

    def time_at(self, x: float) -> datetime:
        bar = self.bar_rect()
        span = (self.view_end - self.view_start).total_seconds()
        fraction = min(1.0, max(0.0, (x - bar.left()) / bar.width()))
        return self.view_start + timedelta(seconds=span * fraction)

    def marker_at(self, point: QPoint) -> Marker | None:
        if self.timeline is None or self.view_start is None or point.y() > FLAG_ZONE + BAR_HEIGHT:
            return None
        near = [(abs(self.x_of(m.at) - point.x()), m) for m in self.timeline.markers]
        near = [pair for pair in near if pair[0] <= 6]
        return min(near, key=lambda pair: pair[0])[1] if near else None

    def describe(self, point: QPoint) -> str:
        """The tooltip at `point`: a marker, a gap with its reason, or a recorded span."""
        timeline = self.timeline
        if timeline is None or self.view_start is None:
            return ""
        marker = self.marker_at(point)
        if marker is not None:
            kind = self.tr("Incident") if marker.kind == "marker" else self.tr("Operator action")
            text = self.tr("{kind} at {time}: {label}").format(kind=kind, time=_clock(marker.at),
                                                                label=marker_text(self, marker))
            return text + (self.tr(" (by {who})").format(who=marker_author(self, marker)) if marker.by else "")
        at = self.time_at(point.x())
        slack = timedelta(seconds=3 * (self.view_end - self.view_start).total_seconds() / max(1, self.width()))
        for gap in timeline.gaps:
            if gap.start - slack <= at <= gap.end + slack:
                return self.tr("No video from {start} to {end}: {reason}").format(
                    start=_clock(gap.start), end=_clock(gap.end), reason=gap.reason or self.tr("no reason recorded"))
        for segment in timeline.segments:
            if segment.start <= at <= segment.end:
                return self.tr("Recorded {start}–{end} ({file})").format(
                    start=_clock(segment.start), end=_clock(segment.end), file=segment.file.name)
        return _clock(at)

    # -- painting ---------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar = self.bar_rect()
        painter.fillRect(bar, QColor("#e3e7eb"))
        timeline = self.timeline
        if timeline is None or self.view_start is None:
            painter.setPen(QColor("#5f6b76"))
            painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, self.tr("No recording chosen"))
            painter.end()
            return
        painter.save()
        painter.setClipRect(bar.adjusted(0, -FLAG_ZONE, 0, 0))
        for index, segment in enumerate(timeline.segments):  # back to back when only a frame apart
            following = timeline.segments[index + 1].start if index + 1 < len(timeline.segments) else None
            end = following if following is not None and 0 <= (following - segment.end).total_seconds() < 1 else segment.end
            self._span(painter, segment.start, end, RECORDED, bar)
        for gap in timeline.gaps:
            self._span(painter, gap.start, gap.end, GAP, bar, minimum=3)
        for marker in timeline.markers:
            self._flag(painter, marker, bar)
        painter.restore()
        self._ticks(painter, bar)
        if self.playhead is not None and self.view_start <= self.playhead <= self.view_end:
            x = self.x_of(self.playhead)
            painter.setPen(QPen(QColor("#1b2a38"), 2))
            painter.drawLine(QPointF(x, bar.top() - 4), QPointF(x, bar.bottom() + 4))
            painter.setBrush(QColor("#1b2a38"))
            painter.drawPolygon(QPolygonF([QPointF(x - 5, bar.bottom() + 9), QPointF(x + 5, bar.bottom() + 9),
                                           QPointF(x, bar.bottom() + 3)]))
        painter.end()

    def _span(self, painter: QPainter, start: datetime, end: datetime, colour: QColor, bar: QRect,
              minimum: float = 1) -> None:
        left, right = self.x_of(start), self.x_of(end)
        if right - left < minimum:
            middle = (left + right) / 2
            left, right = middle - minimum / 2, middle + minimum / 2
        painter.fillRect(QRect(int(left), bar.top(), max(1, round(right - left)), bar.height()), colour)

    def _flag(self, painter: QPainter, marker: Marker, bar: QRect) -> None:
        x = self.x_of(marker.at)
        colour = INCIDENT if marker.kind == "marker" else ACTION
        painter.setPen(QPen(colour, 2))
        painter.drawLine(QPointF(x, 4), QPointF(x, bar.bottom()))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([QPointF(x, 4), QPointF(x + 11, 9), QPointF(x, 14)]))

    def _ticks(self, painter: QPainter, bar: QRect) -> None:
        span = (self.view_end - self.view_start).total_seconds()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.85)
        painter.setFont(font)
        label_width = painter.fontMetrics().horizontalAdvance("00:00:00") + 16
        room = max(1, bar.width() // label_width)
        step = next((s for s in TICK_STEPS if span / s <= room), TICK_STEPS[-1])
        first = self.view_start.timestamp()
        tick = (int(first) // step + 1) * step
        painter.setPen(QColor("#5f6b76"))
        while tick < self.view_end.timestamp():
            at = datetime.fromtimestamp(tick, self.view_start.tzinfo)
            x = self.x_of(at)
            painter.drawLine(QPointF(x, bar.bottom() + 1), QPointF(x, bar.bottom() + 5))
            text = _clock(at, seconds=step < 60)
            painter.drawText(QRect(int(x) - label_width // 2, bar.bottom() + 6, label_width, 18),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
            tick += step

    # -- input ------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.view_start is not None:
            marker = self.marker_at(event.position().toPoint())
            self.seek_requested.emit(marker.at if marker is not None else self.time_at(event.position().x()))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.show_all()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if self.view_start is None:
            return
        factor = 0.8 if event.angleDelta().y() > 0 else 1.25
        self.zoom(factor, self.time_at(event.position().x()))

    def zoom(self, factor: float, around: datetime) -> None:
        """Narrow (factor < 1) or widen the view around an instant, never wider than the whole timeline."""
        span = (self.view_end - self.view_start).total_seconds()
        new_span = max(5.0, span * factor)
        left = (around - self.view_start).total_seconds() / span if span else 0.5
        self.view_start = around - timedelta(seconds=new_span * left)
        self.view_end = self.view_start + timedelta(seconds=new_span)
        timeline = self.timeline
        if timeline is not None and timeline.start is not None and new_span >= (timeline.end - timeline.start).total_seconds():
            self.show_all()
            return
        self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.describe(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
