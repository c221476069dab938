"""One rubric item on the scoring screen: a stepper for points, quick deductions, or the veto toggle."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.station.model import RubricItemView
from app.ui.station.rubric import points, quick_amounts

Check = Callable[[str, str], "str | None"]  # (item code, text) -> refusal sentence or None


class ItemRow(QFrame):
    """`edited(code)` after an accepted change; `refused(sentence)` when a typed or stepped value is refused."""

    edited = Signal(str)
    refused = Signal(str)

    def __init__(self, item: RubricItemView, check: Check, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item, self.check = item, check
        self.setObjectName("itemRow")
        self.setProperty("veto", item.kind == "veto")
        self.value = ""  # "" while not marked
        self.read_only = False
        code = QLabel(item.code)
        code.setObjectName("itemCode")
        self.description = QLabel(item.description)
        self.description.setWordWrap(True)
        self.description.setToolTip(item.description)
        self.bounds = QLabel(self._bounds_text())
        self.bounds.setObjectName("bounds")
        self.controls = QHBoxLayout()
        self.controls.setSpacing(6)
        self.quick: list[QPushButton] = []
        self.field: QLineEdit | None = None
        self.veto: QPushButton | None = None
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.hide()
        if item.kind == "veto":
            self._build_veto()
        else:
            self._build_stepper()

        layout = QGridLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.setHorizontalSpacing(10)
        layout.setVerticalSpacing(2)
        layout.addWidget(code, 0, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.description, 0, 1)
        layout.addWidget(self.bounds, 1, 1)
        layout.addWidget(self.warning, 2, 1)
        layout.addLayout(self.controls, 0, 2, 3, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.setColumnStretch(1, 1)

    # -- building --------------------------------------------------------------------------
    def _bounds_text(self) -> str:
        item = self.item
        if item.kind == "veto":
            return self.tr("Veto item: marked, the whole task scores 0")
        if item.kind == "deduction":
            return self.tr("Deduct 0 to {max} points, in steps of {step}").format(
                max=points(item.max_points), step=points(item.step))
        return self.tr("0 to {max} points, in steps of {step}").format(max=points(item.max_points),
                                                                        step=points(item.step))

    def _build_stepper(self) -> None:
        minus, plus = QPushButton("−"), QPushButton("+")
        for button, sign in ((minus, -1), (plus, 1)):
            button.setObjectName("stepper")
            button.setAutoRepeat(True)
            button.clicked.connect(lambda checked=False, s=sign: self.step_by(s))
        minus.setAccessibleName(self.tr("Less"))
        plus.setAccessibleName(self.tr("More"))
        self.minus, self.plus = minus, plus
        self.field = QLineEdit()
        self.field.setObjectName("points")
        self.field.setPlaceholderText("—")
        self.field.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.field.editingFinished.connect(self._typed)
        if self.item.kind == "deduction":
            for amount in quick_amounts(self.item):
                button = QPushButton(self.tr("−{points}").format(points=amount))
                button.setObjectName("quick")
                button.setToolTip(self.tr("Deduct {points} more points").format(points=amount))
                button.clicked.connect(lambda checked=False, a=amount: self.deduct(a))
                self.quick.append(button)
                self.controls.addWidget(button)
        else:
            full = QPushButton(self.tr("Full"))
            full.setObjectName("quick")
            full.setToolTip(self.tr("Full marks for this item"))
            full.clicked.connect(lambda: self._offer(points(self.item.max_points)))
            self.quick.append(full)
            self.controls.addWidget(full)
        self.controls.addWidget(minus)
        self.controls.addWidget(self.field)
        self.controls.addWidget(plus)

    def _build_veto(self) -> None:
        self.veto = QPushButton(self.tr("Not marked"))
        self.veto.setObjectName("veto")
        self.veto.setCheckable(True)
        self.veto.setMinimumWidth(150)
        self.veto.toggled.connect(self._veto_toggled)
        self.controls.addWidget(self.veto)

    # -- values ----------------------------------------------------------------------------
    def set_value(self, text: str) -> None:
        """Show a stored value without announcing an edit."""
        self.value = "" if text in (None, "") else points(text)
        if self.veto is not None:
            marked = self.value not in ("", "0")
            self.veto.blockSignals(True)
            self.veto.setChecked(marked)
            self.veto.blockSignals(False)
            self._show_veto(marked)
        elif self.field is not None:
            self.field.setText(self.value)
            self._mark_invalid(False)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for button in self.quick + [b for b in (getattr(self, "minus", None), getattr(self, "plus", None), self.veto)
                                    if b is not None]:
            button.setEnabled(not read_only)
        if self.field is not None:
            self.field.setReadOnly(read_only)

    def step_by(self, direction: int) -> None:
        if self.read_only:
            return
        step = Decimal(self.item.step) or Decimal(1)
        current = _decimal(self.value) or Decimal(0)
        if self.value == "" and direction > 0 and self.item.kind == "score":
            target = step
        else:
            target = current + step * direction
        target = min(max(target, Decimal(0)), Decimal(self.item.max_points))
        self._offer(points(target))

    def deduct(self, amount: str) -> None:
        """A quick deduction adds `amount` to what this item already takes off (每处扣…)."""
        if self.read_only:
            return
        self._offer(points((_decimal(self.value) or Decimal(0)) + Decimal(amount)))

    def _typed(self) -> None:
        if self.field is None or self.read_only:
            return
        text = self.field.text().strip()
        if text == self.value:
            self._mark_invalid(False)
            return
        if text == "":
            self.value = ""
            self._mark_invalid(False)
            self.edited.emit(self.item.code)
            return
        self._offer(text)

    def _offer(self, text: str) -> bool:
        sentence = self.check(self.item.code, text)
        if sentence:
            if self.field is not None:
                self.field.setText(self.value)
            self._mark_invalid(True)
            self.refused.emit(sentence)
            return False
        self.value = points(text)
        if self.field is not None:
            self.field.setText(self.value)
        self._mark_invalid(False)
        self.edited.emit(self.item.code)
        return True

    def _veto_toggled(self, marked: bool) -> None:
        self.value = points(self.item.max_points) if marked else "0"
        self._show_veto(marked)
        self.edited.emit(self.item.code)

    def _show_veto(self, marked: bool) -> None:
        if self.veto is None:
            return
        self.veto.setText(self.tr("Vetoed") if marked else self.tr("Not marked"))
        self.warning.setText(self.tr("Veto marked: this task scores 0 whatever else was earned."))
        self.warning.setVisible(marked)

    def _mark_invalid(self, invalid: bool) -> None:
        if self.field is None:
            return
        self.field.setProperty("invalid", invalid)
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text != "" else None
    except InvalidOperation:
        return None
