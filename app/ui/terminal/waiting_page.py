"""The waiting room: who the candidate is, where they sit, the room rules, the countdown to the start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.terminal.model import CandidateView
from app.ui.terminal.texts import clock_text, hour_minute


class WaitingPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskPage")
        self.photo = QLabel()
        self.photo.setObjectName("photo")
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel()
        self.name.setObjectName("hero")
        self.details = {key: QLabel() for key in ("ticket", "seat", "room", "session", "occupation")}
        self.title = QLabel(self.tr("Room rules"))
        self.title.setObjectName("title")
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        self.rules.setTextFormat(Qt.TextFormat.PlainText)
        self.countdown = QLabel()
        self.countdown.setObjectName("hero")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.starts = QLabel()
        self.starts.setAlignment(Qt.AlignmentFlag.AlignCenter)

        who = QFrame()
        who.setObjectName("panel")
        grid = QGridLayout(who)
        grid.setContentsMargins(24, 24, 24, 24)
        grid.setHorizontalSpacing(28)
        grid.addWidget(self.photo, 0, 0, 7, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.name, 0, 1)
        captions = (self.tr("Admission ticket"), self.tr("Seat"), self.tr("Room"), self.tr("Exam"),
                    self.tr("Occupation and level"))
        for row, (caption, label) in enumerate(zip(captions, self.details.values()), start=1):
            label.setWordWrap(True)
            pair = QHBoxLayout()
            head = QLabel(caption)
            head.setObjectName("muted")
            head.setMinimumWidth(120)
            pair.addWidget(head)
            pair.addWidget(label, 1)
            grid.addLayout(pair, row, 1)
        grid.setRowStretch(6, 1)
        self.rules.setAlignment(Qt.AlignmentFlag.AlignTop)

        rules = QFrame()
        rules.setObjectName("panel")
        rules_layout = QVBoxLayout(rules)
        rules_layout.setContentsMargins(24, 20, 24, 20)
        rules_layout.addWidget(self.title)
        rules_layout.addWidget(self.rules)
        rules_layout.addStretch(1)

        clock = QFrame()
        clock.setObjectName("panel")
        clock_layout = QVBoxLayout(clock)
        clock_layout.addStretch(1)
        clock_layout.addWidget(self.countdown)
        clock_layout.addWidget(self.starts)
        clock_layout.addStretch(1)

        left = QVBoxLayout()
        left.addWidget(who)
        left.addWidget(clock, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(20)
        layout.addLayout(left, 5)
        layout.addWidget(rules, 6)

    def show_candidate(self, candidate: CandidateView, photo_height: int) -> None:
        pixmap = QPixmap()
        if candidate.photo_jpeg and pixmap.loadFromData(candidate.photo_jpeg):
            self.photo.setPixmap(pixmap.scaledToHeight(photo_height, Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo.setText(self.tr("No photo"))
        self.name.setText(candidate.name)
        values = (candidate.ticket_no, self.tr("Seat {seat}").format(seat=candidate.seat_no), candidate.room_name,
                  candidate.session_title, f"{candidate.occupation} · {candidate.level}")
        for label, value in zip(self.details.values(), values):
            label.setText(value)
        self.rules.setText("\n".join(f"{index}. {line}" for index, line in enumerate(candidate.rules, start=1)))

    def show_time(self, seconds_to_start: float | None, starts_at) -> None:
        if seconds_to_start is None:
            self.countdown.setText(self.tr("Waiting for the proctor to start the exam"))
        elif seconds_to_start > 0:
            self.countdown.setText(self.tr("Starts in {time}").format(time=clock_text(seconds_to_start)))
        else:
            self.countdown.setText(self.tr("Waiting for the proctor to start the exam"))
        self.starts.setText(self.tr("Planned start {time} (Beijing time)").format(time=hour_minute(starts_at))
                            if starts_at else "")
