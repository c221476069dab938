"""Manual search by admission ticket or name, for a candidate without ticket or card."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.services.checkin import DeskCandidate
from app.ui import labels


class SearchBox(QWidget):
    search_requested = Signal(str)
    chosen = Signal(object)  # DeskCandidate

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Ticket number or name"))
        self.text.setClearButtonEnabled(True)
        self.text.returnPressed.connect(self.submit)
        self.button = QPushButton(self.tr("Search"))
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.submit)
        self.results = QListWidget()
        self.results.setMinimumHeight(60)
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.results, 1)

    def submit(self) -> None:
        if self.text.text().strip():
            self.search_requested.emit(self.text.text().strip())

    def show_results(self, found: list[DeskCandidate]) -> None:
        self.results.clear()
        for candidate in found:
            seat = "—" if candidate.seat_no is None else str(candidate.seat_no)
            item = QListWidgetItem(self.tr("{ticket}  {name}  {room} {seat}  {status}").format(
                ticket=candidate.ticket_no, name=candidate.name, room=candidate.room_name, seat=seat,
                status=labels.sitting_status(candidate.status)))
            item.setData(Qt.ItemDataRole.UserRole, candidate)
            self.results.addItem(item)
        if not found:
            item = QListWidgetItem(self.tr("Nobody found."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        candidate = item.data(Qt.ItemDataRole.UserRole)
        if candidate is not None:
            self.chosen.emit(candidate)
