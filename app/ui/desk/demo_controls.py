"""Demo only: buttons that send the next candidate to the simulated camera and card reader."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui.desk.demo_queue import DemoCandidate, id_card, load_queue, ticket_frame
from app.ui.tasks import FILES, run_task


class DemoControls(QFrame):
    """'下一位考生' shows the next ticket to the camera; '放身份证' puts their card on the reader."""

    queue_loaded = Signal(int)

    def __init__(self, demo, devices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoPanel")
        self.demo, self.devices = demo, devices
        self.queue: list[DemoCandidate] = []
        self.position = -1
        self.done: set[str] = set()
        self.next_button = QPushButton(self.tr("Demo: next candidate"))
        self.card_button = QPushButton(self.tr("Demo: place ID card"))
        self.next_button.clicked.connect(lambda: self.next_candidate())
        self.card_button.clicked.connect(lambda: self.place_card())
        for button in (self.next_button, self.card_button):
            button.setAutoDefault(False)
            button.setEnabled(False)
        self.who = QLabel()
        self.who.setObjectName("muted")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(6)
        layout.addWidget(self.next_button)
        layout.addWidget(self.card_button)
        layout.addWidget(self.who, 1)

    @property
    def current(self) -> DemoCandidate | None:
        return self.queue[self.position] if 0 <= self.position < len(self.queue) else None

    def load(self, session_code: str) -> None:
        self.queue, self.position = [], -1
        self.next_button.setEnabled(False)
        self.card_button.setEnabled(False)
        run_task(self, lambda progress: load_queue(self.demo, session_code), lane=FILES,
                 on_success=self._loaded, on_known_error=lambda exc: self.who.setText(exc.message))

    def mark_done(self, ticket_no: str) -> None:
        self.done.add(ticket_no)

    def _loaded(self, queue: list[DemoCandidate]) -> None:
        self.queue = queue
        self.next_button.setEnabled(bool(queue))
        self.who.clear()
        self.queue_loaded.emit(len(queue))

    def next_candidate(self) -> DemoCandidate | None:
        """Show the next candidate not yet decided here to the simulated camera."""
        for step in range(1, len(self.queue) + 1):
            index = (self.position + step) % len(self.queue)
            if self.queue[index].ticket_no not in self.done:
                self.position = index
                break
        else:
            return None
        candidate = self.queue[self.position]
        if self.devices.sim_reader is not None:
            self.devices.sim_reader.remove()
        if self.devices.sim_camera is not None:
            self.devices.sim_camera.show(ticket_frame(candidate.token, self.position, candidate.person))
        self.card_button.setEnabled(True)
        self.who.setText(self.tr("In front of the camera: {name}").format(name=candidate.name))
        return candidate

    def place_card(self, candidate: DemoCandidate | None = None) -> None:
        candidate = candidate or self.current
        if candidate is not None and self.devices.sim_reader is not None:
            self.devices.sim_reader.insert(id_card(candidate))
