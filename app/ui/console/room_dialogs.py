"""The room console's dialogs: exam password, time change, seat move, incident, and a reasoned confirmation.

Each is opened non-modally with open() and read back after `accepted`; every one that changes a
candidate's exam asks for a reason (or note), which the service writes into the audit trail.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QSpinBox, QVBoxLayout, QWidget)

from app.services.theory_views import IncidentKind, TimeChangeKind

MIN_REASON = 2


class RoomDialog(QDialog):
    """A title, an explanation, some fields, a reason, and OK enabled only when the form is complete."""

    def __init__(self, parent: QWidget | None = None, *, with_reason: bool = False) -> None:
        super().__init__(parent)
        self.with_reason = with_reason
        self.setObjectName("roomDialog")
        self.setModal(True)
        self.setMinimumWidth(480)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.form = QFormLayout()
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setFixedHeight(80)
        self.reason_edit.setPlaceholderText(self.tr("Recorded in the audit trail."))
        self.reason_edit.textChanged.connect(self.update_ok)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(self.form)
        self.reason_label = QLabel()
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason_edit)
        self.reason_label.setVisible(with_reason)
        self.reason_edit.setVisible(with_reason)
        layout.addWidget(self.buttons)

    def describe(self, title: str, prompt: str, ok_text: str, reason_label: str = "") -> None:
        self.setWindowTitle(title)
        self.prompt.setText(prompt)
        self.ok.setText(ok_text)
        self.reason_label.setText(reason_label)

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def set_reason(self, text: str) -> None:
        self.reason_edit.setPlainText(text)

    def complete(self) -> bool:
        return not self.with_reason or len(self.reason) >= MIN_REASON

    def update_ok(self) -> None:
        self.ok.setEnabled(self.complete())

    def accept(self) -> None:
        if self.complete():
            super().accept()


class PasswordDialog(RoomDialog):
    def __init__(self, room_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.describe(self.tr("Start the room"), self.tr("Type the exam password to open the paper and start {room}. Every terminal in the room starts its clock now.").format(room=room_name), self.tr("Start"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.textChanged.connect(self.update_ok)
        self.form.addRow(self.tr("Exam password"), self.password)
        self.update_ok()

    def complete(self) -> bool:
        return bool(self.password.text().strip())


class TimeChangeDialog(RoomDialog):
    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, with_reason=True)
        self.describe(self.tr("Change time"), self.tr("Change the exam time of {who}.").format(who=who),
                      self.tr("Record"), self.tr("Reason"))
        self.kind = QComboBox()
        for kind, text in ((TimeChangeKind.ACCOMMODATION, self.tr("Accommodation (granted in advance)")),
                           (TimeChangeKind.INCIDENT_CREDIT, self.tr("Incident credit (time lost to a fault)")),
                           (TimeChangeKind.ADJUSTMENT, self.tr("Adjustment (may be negative)"))):
            self.kind.addItem(text, kind)
        self.minutes = QSpinBox()
        self.minutes.setRange(-60, 180)
        self.minutes.setValue(10)
        self.minutes.setSuffix(self.tr(" min"))
        self.kind.currentIndexChanged.connect(self.update_ok)
        self.minutes.valueChanged.connect(self.update_ok)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Minutes"), self.minutes)
        self.update_ok()

    def chosen_kind(self) -> TimeChangeKind:
        return self.kind.currentData()

    def complete(self) -> bool:
        minutes = self.minutes.value()
        sign_ok = minutes > 0 or (minutes < 0 and self.chosen_kind() is TimeChangeKind.ADJUSTMENT)
        return sign_ok and super().complete()


class MoveDialog(RoomDialog):
    def __init__(self, who: str, free_seats: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent, with_reason=True)
        self.describe(self.tr("Move to another seat"), self.tr("Move {who} to a free seat. Their answers and time stay; they log in again on the new seat's terminal.").format(who=who), self.tr("Move"), self.tr("Reason"))
        self.seat = QComboBox()
        for seat_no in free_seats:
            self.seat.addItem(self.tr("Seat {seat}").format(seat=f"{seat_no:02d}"), seat_no)
        self.form.addRow(self.tr("New seat"), self.seat)
        self.update_ok()

    def complete(self) -> bool:
        return self.seat.count() > 0 and super().complete()


class IncidentDialog(RoomDialog):
    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, with_reason=True)
        self.describe(self.tr("Record an incident"), self.tr("Record an incident for {who}.").format(who=who),
                      self.tr("Record"), self.tr("Note"))
        self.kind = QComboBox()
        for kind, text in ((IncidentKind.WARNING, self.tr("Warning (shown on the candidate's screen)")),
                           (IncidentKind.VOID_SUBJECT, self.tr("Void this subject")),
                           (IncidentKind.CHEATING, self.tr("Cheating"))):
            self.kind.addItem(text, kind)
        self.consequence = QLabel()
        self.consequence.setWordWrap(True)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.consequence)
        self._kind_changed()

    def chosen_kind(self) -> IncidentKind:
        return self.kind.currentData()

    def _kind_changed(self) -> None:
        severe = self.chosen_kind() is not IncidentKind.WARNING
        self.consequence.setObjectName("error" if severe else "muted")
        self.consequence.setText(
            self.tr("The candidate is submitted at once and scores nothing in this subject. This cannot be undone.")
            if severe else self.tr("The warning is recorded and shown on the candidate's terminal."))
        self.consequence.style().unpolish(self.consequence)
        self.consequence.style().polish(self.consequence)
        self.ok.setText(self.tr("Confirm and record") if severe else self.tr("Record"))
        self.update_ok()


class ConfirmDialog(RoomDialog):
    """A destructive step: what will happen, that it cannot be undone, and the reason."""

    def __init__(self, title: str, prompt: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, with_reason=True)
        self.describe(title, prompt, ok_text, self.tr("Reason"))
        self.prompt.setObjectName("error")
        self.update_ok()
