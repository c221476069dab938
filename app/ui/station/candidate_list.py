"""The examiner's candidates in scoring order: photo, name, ticket, seat, check-in and their own sheet states."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from app.station.model import CandidateCard
from app.ui.station.texts import checkin_text, chip_name, sheet_text

PHOTO = QSize(54, 72)
ROW_HEIGHT = 88


class CandidateRow(QFrame):
    def __init__(self, position: int, card: CandidateCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        photo = QLabel()
        photo.setObjectName("portrait")
        photo.setFixedSize(PHOTO)
        photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        image = QImage.fromData(card.photo_jpeg) if card.photo_jpeg else QImage()
        if image.isNull():
            photo.setText(self.tr("No photo"))
            photo.setWordWrap(True)
        else:
            photo.setPixmap(QPixmap.fromImage(image).scaled(PHOTO, Qt.AspectRatioMode.KeepAspectRatio,
                                                            Qt.TransformationMode.SmoothTransformation))
        number = QLabel(str(position))
        number.setObjectName("muted")
        number.setFixedWidth(22)
        name = QLabel(card.name)
        name.setStyleSheet("font-size: 13pt; font-weight: 600;")
        seat = self.tr("Seat {seat}").format(seat=card.seat_no) if card.seat_no else self.tr("No seat")
        where = QLabel(f"{card.ticket_no} · {seat}")
        where.setObjectName("muted")
        checkin = QLabel(checkin_text(card.checked_in))
        checkin.setObjectName("chipSigned" if card.checked_in == "checked_in" else
                              "warning" if card.checked_in == "absent" else "chipNone")
        states = QHBoxLayout()
        states.setSpacing(8)
        for task in card.tasks:
            state = card.my_state.get(task, "none")
            chip = QLabel(f"{task} {sheet_text(state)}")
            chip.setObjectName(chip_name(state))
            states.addWidget(chip)
        states.addStretch(1)
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 6, 8, 6)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(1)
        layout.addWidget(number, 0, 0, 3, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(photo, 0, 1, 3, 1)
        layout.addWidget(name, 0, 2)
        layout.addWidget(checkin, 0, 3, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(where, 1, 2, 1, 2)
        layout.addLayout(states, 2, 2, 1, 2)
        layout.setColumnStretch(2, 1)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


class CandidateList(QListWidget):
    """`chosen(card)` when the examiner touches a candidate."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("candidates")
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.cards: list[CandidateCard] = []
        self.currentRowChanged.connect(self._row_changed)

    def set_cards(self, cards: list[CandidateCard], keep: str | None = None) -> None:
        """Show the candidates; keep `keep` (a ticket number) selected without announcing it again."""
        self.blockSignals(True)
        self.clear()
        self.cards = list(cards)
        for position, card in enumerate(self.cards, start=1):
            item = QListWidgetItem()
            item.setSizeHint(QSize(0, ROW_HEIGHT))
            item.setData(Qt.ItemDataRole.UserRole, card.ticket_no)
            self.addItem(item)
            self.setItemWidget(item, CandidateRow(position, card))
            if card.ticket_no == keep:
                self.setCurrentItem(item)
        self.blockSignals(False)

    def select_ticket(self, ticket_no: str) -> None:
        for row, card in enumerate(self.cards):
            if card.ticket_no == ticket_no:
                self.setCurrentRow(row)
                return

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.cards):
            self.chosen.emit(self.cards[row])
