"""The strip along the top of every kiosk screen: who, the save state, the clock, the toggles."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.terminal.model import ExamState

LOW_SECONDS = 5 * 60


class TopBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskBar")
        self.title = QLabel(self.tr("ExamSite · exam terminal"))
        self.title.setObjectName("title")
        self.who = QLabel()
        self.who.setObjectName("muted")
        self.save_state = QLabel()
        self.save_state.setObjectName("saved")
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        self.larger = QPushButton(self.tr("A+ Larger text"))
        self.larger.setObjectName("small")
        self.larger.setCheckable(True)
        self.contrast = QPushButton(self.tr("◐ High contrast"))
        self.contrast.setObjectName("small")
        self.contrast.setCheckable(True)
        self.proctor = QPushButton(self.tr("Proctor"))
        self.proctor.setObjectName("small")
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.title)
        names.addWidget(self.who)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 8, 18, 8)
        layout.setSpacing(18)
        layout.addLayout(names, 1)
        layout.addWidget(self.save_state)
        layout.addSpacing(12)
        layout.addWidget(self.countdown)
        layout.addSpacing(12)
        layout.addWidget(self.larger)
        layout.addWidget(self.contrast)
        layout.addWidget(self.proctor)

    def show_save_state(self, state: ExamState | None, saving: int, answering: bool) -> None:
        """'Saved' while answering; 'offline' whenever the LAN is gone; nothing otherwise."""
        offline = state is not None and not state.connected
        self.save_state.setVisible(answering or offline or bool(saving))
        if saving:
            kind, text = "saving", self.tr("Saving…")
        elif state is not None and not state.connected:
            kind, text = "offline", self.tr("Offline — {count} changes kept on this terminal").format(
                count=state.unsynced)
        elif state is not None and state.unsynced:
            kind, text = "saved", self.tr("✓ Saved on this terminal · sending {count}").format(count=state.unsynced)
        else:
            kind, text = "saved", self.tr("✓ Saved")
        if self.save_state.objectName() != kind:
            self.save_state.setObjectName(kind)
            self.save_state.style().unpolish(self.save_state)
            self.save_state.style().polish(self.save_state)
        self.save_state.setText(text)

    def show_countdown(self, text: str, seconds: float | None) -> None:
        kind = "countdownLow" if seconds is not None and seconds <= LOW_SECONDS else "countdown"
        if self.countdown.objectName() != kind:
            self.countdown.setObjectName(kind)
            self.countdown.style().unpolish(self.countdown)
            self.countdown.style().polish(self.countdown)
        self.countdown.setText(text)
