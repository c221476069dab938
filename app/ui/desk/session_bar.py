"""The session at this desk: which one, its late-entry cut-off with a countdown, and the room counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QPushButton, QWidget

from app.services.overview import SessionRow
from app.ui import labels

ARRIVED = ("checked_in", "in_exam", "submitted")


def nearest_session(sessions: list[SessionRow], now: datetime) -> int:
    """The index of the session whose start is nearest to `now`."""
    return min(range(len(sessions)), key=lambda i: abs((sessions[i].starts_at - now).total_seconds()))


def countdown_text(left_seconds: int) -> str:
    hours, rest = divmod(max(0, left_seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours:d}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


class SessionBar(QFrame):
    session_changed = Signal(str)
    absentees_requested = Signal()

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.clock = clock
        self.cutoff: datetime | None = None
        self.sessions: list[SessionRow] = []
        self.chosen_hook: Callable[[SessionRow], None] | None = None  # the demo aims its clock here
        self.choice = QComboBox()
        self.choice.currentIndexChanged.connect(self._chosen)
        self.cutoff_label = QLabel()
        self.countdown = QLabel()
        self.countdown.setStyleSheet("font-weight: 600;")
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.absent_button = QPushButton(self.tr("Mark absentees"))
        self.absent_button.setToolTip(self.tr("After the late-entry cut-off: everyone not checked in is absent"))
        self.absent_button.setEnabled(False)
        self.absent_button.clicked.connect(self.absentees_requested)
        title = QLabel(self.tr("Session"))
        title.setObjectName("muted")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.addWidget(title, 0, 0)
        grid.addWidget(self.choice, 0, 1, 1, 2)
        grid.addWidget(self.cutoff_label, 1, 0, 1, 2)
        grid.addWidget(self.countdown, 1, 2)
        grid.addWidget(self.counts, 2, 0, 1, 2)
        grid.addWidget(self.absent_button, 2, 2, Qt.AlignmentFlag.AlignBottom)
        grid.setColumnStretch(1, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)

    @property
    def session_code(self) -> str | None:
        index = self.choice.currentIndex()
        return self.sessions[index].code if 0 <= index < len(self.sessions) else None

    def set_sessions(self, sessions: list[SessionRow]) -> None:
        self.sessions = list(sessions)
        self.choice.blockSignals(True)
        self.choice.clear()
        for row in self.sessions:
            self.choice.addItem(self.tr("{code} · {title} · {time}").format(
                code=row.code, title=row.title, time=labels.time_span(row.starts_at, row.ends_at)))
        self.choice.blockSignals(False)
        if self.sessions:
            self.choice.setCurrentIndex(nearest_session(self.sessions, self.clock()))
            self._chosen(self.choice.currentIndex())

    def set_cutoff(self, cutoff: datetime) -> None:
        self.cutoff = cutoff
        self.cutoff_label.setText(self.tr("Late-entry cut-off {time}").format(
            time=f"{labels.local_time(cutoff):%H:%M}"))
        self.tick()
        self.timer.start()

    def past_cutoff(self) -> bool:
        return self.cutoff is not None and self.clock() > self.cutoff

    def tick(self) -> None:
        self.absent_button.setEnabled(self.past_cutoff())
        if self.cutoff is None:
            self.countdown.clear()
            return
        left = int((self.cutoff - self.clock()).total_seconds())
        if left > 0:
            self.countdown.setText(self.tr("closes in {left}").format(left=countdown_text(left)))
            self.countdown.setStyleSheet("font-weight: 600; color: #1b2a38;" if left > 600 else
                                         "font-weight: 600; color: #9a5b00;")
        else:
            self.countdown.setText(self.tr("cut-off passed"))
            self.countdown.setStyleSheet("font-weight: 600; color: #b3261e;")

    def set_counts(self, counts: dict[str, Counter]) -> None:
        lines = []
        for room in sorted(counts):
            c = counts[room]
            lines.append(self.tr("{room}: expected {total} · checked in {arrived} · absent {absent}").format(
                room=room, total=sum(c.values()), arrived=sum(c[s] for s in ARRIVED), absent=c["absent"]))
        self.counts.setText("\n".join(lines))

    def _chosen(self, index: int) -> None:
        self.cutoff = None
        self.absent_button.setEnabled(False)
        self.cutoff_label.clear()
        self.countdown.clear()
        self.counts.clear()
        if 0 <= index < len(self.sessions):
            if self.chosen_hook is not None:
                self.chosen_hook(self.sessions[index])
            self.session_changed.emit(self.sessions[index].code)
