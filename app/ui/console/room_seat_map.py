"""The room console's seat map: one tile per seat, coloured by status, with event badges."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.services.theory_views import SeatStatus, SeatView

COLUMNS = 5
TILE_STYLE = """
QPushButton#seatTile { text-align: left; padding: 6px 8px; border: 1px solid #b8c2cc; border-radius: 6px;
                       background: #ffffff; color: #1b2a38; min-width: 128px; min-height: 72px; }
QPushButton#seatTile:checked { border: 3px solid #1f5f99; }
QPushButton#seatTile[status="empty"] { background: #f4f6f8; color: #9aa5b0; border-style: dashed; }
QPushButton#seatTile[status="expected"] { background: #f7f7f7; color: #5f6b76; }
QPushButton#seatTile[status="absent"] { background: #eceff1; color: #5f6b76; }
QPushButton#seatTile[status="checked_in"] { background: #eef5fc; }
QPushButton#seatTile[status="logged_in"] { background: #dcebf8; }
QPushButton#seatTile[status="answering"] { background: #d8efdc; }
QPushButton#seatTile[status="offline"] { background: #fde2df; color: #7a1a12; border-color: #b3261e; }
QPushButton#seatTile[status="submitted"] { background: #cfd8e3; }
QPushButton#seatTile[alert="true"] { border: 2px solid #c77700; }
"""

ALERT_BADGES = {"warning", "cheating", "void_subject", "focus_lost", "key_blocked", "screen_changed"}


class SeatMap(QScrollArea):
    """Emits `selected(ticket_no or '', seat_no)` when a tile is chosen."""

    selected = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.holder = QWidget()
        self.holder.setStyleSheet(TILE_STYLE)
        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        column = QVBoxLayout(self.holder)
        column.addLayout(self.grid)
        column.addStretch(1)
        self.setWidget(self.holder)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.columns = COLUMNS
        self.tiles: dict[int, QPushButton] = {}
        self.seats: dict[int, SeatView] = {}

    def status_text(self, seat: SeatView) -> str:
        if seat.submitted_how is not None or seat.status is SeatStatus.SUBMITTED:
            return {"proctor": self.tr("Submitted by the proctor"), "time": self.tr("Submitted at the end of time"),
                    "void": self.tr("Submitted, subject void")}.get(str(seat.submitted_how), self.tr("Submitted"))
        if seat.status is SeatStatus.ANSWERING:
            return self.tr("Answering {answered}/{total}").format(answered=seat.answered, total=seat.total)
        return {
            SeatStatus.EMPTY: self.tr("Empty"), SeatStatus.EXPECTED: self.tr("Not checked in"),
            SeatStatus.ABSENT: self.tr("Absent"), SeatStatus.CHECKED_IN: self.tr("Checked in"),
            SeatStatus.LOGGED_IN: self.tr("Logged in"), SeatStatus.OFFLINE: self.tr("Offline"),
            SeatStatus.SUBMITTED: self.tr("Submitted"),
        }.get(seat.status, str(seat.status))

    def badge_text(self, badge: str) -> str:
        return {
            "warning": self.tr("⚠ warning"), "cheating": self.tr("✖ cheating"), "void_subject": self.tr("✖ void"),
            "focus_lost": self.tr("⇆ left the screen"), "key_blocked": self.tr("⌨ blocked key"),
            "screen_changed": self.tr("▭ screen changed"), "moved": self.tr("↷ moved"),
            "time_changed": self.tr("± time changed"),
        }.get(badge, badge)

    def tile_text(self, seat: SeatView) -> str:
        number = "—" if seat.seat_no is None else f"{seat.seat_no:02d}"
        lines = [f"{number}  {seat.name or ''}".rstrip(), self.status_text(seat)]
        if seat.badges:
            lines.append(" ".join(self.badge_text(b) for b in seat.badges))
        return "\n".join(lines)

    def show_seats(self, seats: tuple[SeatView, ...]) -> None:
        numbered = [s for s in seats if s.seat_no is not None]
        if set(self.tiles) != {s.seat_no for s in numbered}:
            for tile in self.tiles.values():
                self.group.removeButton(tile)
                self.grid.removeWidget(tile)
                tile.hide()
                tile.deleteLater()
            self.tiles = {}
            for index, seat in enumerate(sorted(numbered, key=lambda s: s.seat_no)):
                tile = QPushButton()
                tile.setObjectName("seatTile")
                tile.setCheckable(True)
                tile.clicked.connect(lambda _=False, n=seat.seat_no: self._chosen(n))
                self.group.addButton(tile)
                self.grid.addWidget(tile, index // self.columns, index % self.columns)
                self.tiles[seat.seat_no] = tile
        self.seats = {s.seat_no: s for s in numbered}
        for seat in numbered:
            tile = self.tiles[seat.seat_no]
            tile.setText(self.tile_text(seat))
            alert = "true" if ALERT_BADGES & set(seat.badges) else "false"
            status = SeatStatus.SUBMITTED.value if seat.submitted_how is not None else seat.status.value
            if tile.property("status") != status or tile.property("alert") != alert:
                tile.setProperty("status", status)
                tile.setProperty("alert", alert)
                tile.style().unpolish(tile)
                tile.style().polish(tile)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        columns = max(3, (self.viewport().width() - 24) // 148)
        if columns != self.columns:
            self.columns = columns
            for index, seat_no in enumerate(sorted(self.tiles)):
                self.grid.addWidget(self.tiles[seat_no], index // columns, index % columns)

    def select_seat(self, seat_no: int) -> None:
        if seat_no in self.tiles:
            self.tiles[seat_no].setChecked(True)
            self._chosen(seat_no)

    def _chosen(self, seat_no: int) -> None:
        seat = self.seats.get(seat_no)
        self.selected.emit(seat.ticket_no or "" if seat else "", seat_no)
