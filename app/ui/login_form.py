"""The staff log-in form for one chosen role: staff number, password or PIN, inline errors."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from app.domain.roles import PIN_ROLES, Role
from app.errors import KnownError
from app.services.auth import AuthService, StaffEntry
from app.ui.labels import role_title
from app.ui.tasks import run_task

PIN_LENGTH = 6


class LoginForm(QFrame):
    """Emits `logged_in(actor)` on success; `attempt_finished` after every attempt (tests wait on it)."""

    logged_in = Signal(object)
    back_requested = Signal()
    attempt_finished = Signal()

    def __init__(self, auth: AuthService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.auth = auth
        self.role: Role | None = None
        self.busy = False

        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.staff = QComboBox()
        self.staff.setMinimumWidth(380)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.returnPressed.connect(self.submit)
        self.secret_label = QLabel()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setObjectName("primary")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        self.back_button = QPushButton(self.tr("Choose another role"))
        self.back_button.clicked.connect(self.back_requested)

        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(12)
        form.addRow(self.tr("Staff number"), self.staff)
        form.addRow(self.secret_label, self.secret)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.login_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addSpacing(8)
        layout.addLayout(buttons)

    def set_role(self, role: Role, directory: list[StaffEntry]) -> None:
        """Show the form for `role`, offering the staff who hold it."""
        self.role = role
        self.title.setText(self.tr("Log in as {role}").format(role=role_title(role)))
        self.staff.clear()
        for entry in directory:
            if role not in entry.roles:
                continue
            label = self.tr("{number} · {name}").format(number=entry.staff_no, name=entry.name)
            if not entry.can_log_in:
                label = self.tr("{entry} (no password set)").format(entry=label)
            self.staff.addItem(label, entry.staff_no)
        pin = role in PIN_ROLES
        self.secret_label.setText(self.tr("PIN (6 digits)") if pin else self.tr("Password"))
        self.secret.setPlaceholderText(self.tr("6-digit PIN") if pin else "")
        self.secret.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly if pin else Qt.InputMethodHint.ImhHiddenText)
        self.secret.clear()
        empty = self.staff.count() == 0
        if empty:
            self.show_error(self.tr("Nobody on this site holds this role."))
        else:
            self.error.hide()
        self.login_button.setEnabled(not empty)
        self.secret.setFocus()

    def select_staff(self, staff_no: str) -> bool:
        index = self.staff.findData(staff_no)
        if index >= 0:
            self.staff.setCurrentIndex(index)
        return index >= 0

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def submit(self) -> None:
        if self.busy or self.role is None or self.staff.currentIndex() < 0:
            return
        staff_no, secret, role = self.staff.currentData(), self.secret.text(), self.role
        if not secret:
            self.show_error(self.tr("Enter your PIN.") if role in PIN_ROLES else self.tr("Enter your password."))
            self.attempt_finished.emit()
            return
        self._set_busy(True)
        self.error.hide()
        task = run_task(self, lambda progress: self.auth.login(staff_no, secret, role),
                        on_success=self.logged_in.emit, on_known_error=self._refused)
        task.finished.connect(self._attempt_done)

    def _refused(self, exc: KnownError) -> None:
        self.secret.clear()
        self.show_error(exc.message)
        self.secret.setFocus()

    def _attempt_done(self) -> None:
        self._set_busy(False)
        self.attempt_finished.emit()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.staff, self.secret, self.login_button, self.back_button):
            widget.setEnabled(not busy)
