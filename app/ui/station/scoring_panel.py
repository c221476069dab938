"""Scoring one candidate on one task: rubric entry, running total, note, photos, save, sign, correct.

Independence: the panel shows this examiner's own sheet only (`StationBackend.sheet`), and the
other examiners' marks only through `StationBackend.result` once it says the result is complete.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
                               QStackedWidget, QVBoxLayout, QWidget)

from app.errors import KnownError
from app.station.model import CandidateCard, ResultView, SheetState, StationBackend, TaskView
from app.ui.desk.reason_dialog import ReasonDialog
from app.ui.labels import LOCAL_TIME
from app.ui.station.item_row import ItemRow
from app.ui.station.rubric import default_entries, points, refusal, running_total, to_task
from app.ui.station.sign_dialog import SignDialog
from app.ui.station.texts import checkin_text
from app.ui.tasks import run_task


class ScoringPanel(QWidget):
    loaded = Signal()  # a sheet is on screen
    saved = Signal(object)  # SheetState
    signed = Signal(object)  # SheetState
    result_shown = Signal(object)  # ResultView, or None when it could not be read
    message_shown = Signal(str)
    sheet_changed = Signal()  # this examiner's state changed: the list refreshes
    sign_dialog_opened = Signal(object)  # SignDialog (tests and screenshots drive it)

    def __init__(self, backend: StationBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.card: CandidateCard | None = None
        self.task_code: str | None = None
        self.task_view: TaskView | None = None
        self.task = None
        self.sheet: SheetState | None = None
        self.result: ResultView | None = None
        self.rows: dict[str, ItemRow] = {}
        self.dirty = False
        self.correction_reason: str | None = None
        self.photos: dict[tuple[str, str, str], int] = {}
        self.busy = False
        self.dialog: SignDialog | None = None
        self._tasks: dict[tuple[str, str], TaskView] = {}

        self.stack = QStackedWidget()
        empty = QLabel(self.tr("Choose a candidate on the left to start scoring."))
        empty.setObjectName("muted")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty = empty
        self.stack.addWidget(empty)
        self.stack.addWidget(self._sheet_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # -- building --------------------------------------------------------------------------
    def _sheet_page(self) -> QWidget:
        page = QWidget()
        self.name = QLabel()
        self.name.setObjectName("sectionTitle")
        self.details = QLabel()
        self.details.setObjectName("muted")
        self.details.setWordWrap(True)
        self.tabs = QHBoxLayout()
        self.tabs.setSpacing(6)
        self.tab_group = QButtonGroup(self)
        self.tab_group.setExclusive(True)
        head = QHBoxLayout()
        who = QVBoxLayout()
        who.setSpacing(0)
        who.addWidget(self.name)
        who.addWidget(self.details)
        head.addLayout(who, 1)
        head.addLayout(self.tabs)

        self.banner = QFrame()
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.setObjectName("danger")
        self.correct_button.clicked.connect(self.ask_correction)
        banner = QHBoxLayout(self.banner)
        banner.setContentsMargins(10, 4, 6, 4)
        banner.addWidget(self.banner_text, 1)
        banner.addWidget(self.correct_button)

        self.items = QVBoxLayout()
        self.items.setSpacing(6)
        self.items.setContentsMargins(0, 0, 6, 0)
        holder = QWidget()
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.items)
        self.result_box = QFrame()
        self.result_box.setObjectName("resultBox")
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        self.result_text.setTextFormat(Qt.TextFormat.RichText)
        box = QVBoxLayout(self.result_box)
        box.setContentsMargins(12, 8, 12, 8)
        box.addWidget(self.result_text)
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        self.scroll = scroll

        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.total = QLabel()
        self.total.setObjectName("total")
        self.total.setMinimumWidth(190)
        self.missing = QLabel()
        self.missing.setObjectName("muted")
        self.missing.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional): what you saw, for the record"))
        self.note.textEdited.connect(self._note_edited)
        self.photo_button = QPushButton(self.tr("Workpiece photo…"))
        self.photo_button.clicked.connect(self.take_photo)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(lambda: self.save())
        self.sign_button = QPushButton(self.tr("Sign…"))
        self.sign_button.setObjectName("primary")
        self.sign_button.setMinimumWidth(140)
        self.sign_button.clicked.connect(self.begin_signing)
        totals = QVBoxLayout()
        totals.setSpacing(0)
        totals.addWidget(self.total)
        totals.addWidget(self.missing)
        actions = QVBoxLayout()
        actions.setSpacing(6)
        actions.addWidget(self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.photo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.sign_button)
        actions.addLayout(buttons)
        footer = QFrame()
        footer.setObjectName("card")
        bottom = QHBoxLayout(footer)
        bottom.setContentsMargins(12, 8, 12, 8)
        bottom.addLayout(totals)
        bottom.addSpacing(12)
        bottom.addLayout(actions, 1)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.result_box)
        layout.addWidget(self.message)
        layout.addWidget(footer)
        return page

    # -- opening a sheet -------------------------------------------------------------------
    def open(self, card: CandidateCard, task_code: str | None = None) -> None:
        """Show `card`'s sheet for `task_code` (default: the first task), saving unsaved marks first."""
        if self.dirty and self.card is not None and self.sheet is not None:
            self.save()
        task_code = task_code or (card.tasks[0] if card.tasks else None)
        self.card, self.task_code = card, task_code
        self.correction_reason, self.result = None, None
        self.stack.setCurrentIndex(1)
        self.name.setText(card.name)
        self._fill_tabs(card)
        if task_code is None:
            self._show_message(self.tr("You score no task for this candidate."))
            return
        self.details.setText(self._details_text(None))
        backend, key = self.backend, (card.session_code, task_code)
        known = self._tasks.get(key)

        def work(_progress):
            view = known or backend.task(card.session_code, task_code)
            return view, backend.sheet(card.session_code, card.ticket_no, task_code)

        self._run(work, self._opened)

    def _showing(self, card: CandidateCard, task_code: str | None) -> bool:
        """Whether the panel still shows this candidate and task (the examiner may have moved on)."""
        return (self.card is not None and self.card.ticket_no == card.ticket_no
                and self.card.session_code == card.session_code and self.task_code == task_code)

    def reload(self) -> None:
        if self.card is not None:
            self.open(self.card, self.task_code)

    def _opened(self, value) -> None:
        view, sheet = value
        self._tasks[(sheet.session_code, view.code)] = view
        if self.card is None or sheet.ticket_no != self.card.ticket_no or view.code != self.task_code:
            return  # the examiner moved on meanwhile
        if view is not self.task_view:
            self._build_rows(view)
        self._show_sheet(sheet)
        self.loaded.emit()
        if sheet.state == "signed":
            self.load_result()

    def _fill_tabs(self, card: CandidateCard) -> None:
        for button in self.tab_group.buttons():
            self.tab_group.removeButton(button)
            self.tabs.removeWidget(button)
            button.deleteLater()
        if len(card.tasks) < 2:
            return
        for code in card.tasks:
            button = QPushButton(code)
            button.setObjectName("taskTab")
            button.setCheckable(True)
            button.setChecked(code == self.task_code)
            button.clicked.connect(lambda checked=False, c=code: self.open(self.card, c))
            self.tab_group.addButton(button)
            self.tabs.addWidget(button)

    def _details_text(self, view: TaskView | None) -> str:
        card = self.card
        seat = self.tr("Seat {seat}").format(seat=card.seat_no) if card.seat_no else self.tr("No seat")
        parts = [card.ticket_no, seat, checkin_text(card.checked_in)]
        if view is not None:
            parts.append(self.tr("{code} {title} · {minutes} min · {max} points").format(
                code=view.code, title=view.title, minutes=view.time_limit_minutes, max=points(view.max_score)))
        return " · ".join(parts)

    def _build_rows(self, view: TaskView) -> None:
        for row in self.rows.values():
            self.items.removeWidget(row)
            row.deleteLater()
        self.rows = {}
        self.task_view, self.task = view, to_task(view)
        for item in view.items:
            row = ItemRow(item, lambda code, text: refusal(self.task, code, text))
            row.edited.connect(self._edited)
            row.refused.connect(self._show_message)
            self.rows[item.code] = row
            self.items.addWidget(row)

    def _show_sheet(self, sheet: SheetState) -> None:
        self.sheet = sheet
        self.details.setText(self._details_text(self.task_view))
        entries = dict(sheet.entries) if sheet.state != "none" else default_entries(self.task_view)
        for code, row in self.rows.items():
            row.set_value(entries.get(code, ""))
        self.note.setText(sheet.note)
        self.dirty = False
        self.message.hide()
        self._update_state()

    # -- state on screen -------------------------------------------------------------------
    def editable(self) -> bool:
        sheet = self.sheet
        return (sheet is not None and self.card is not None and self.card.checked_in != "absent"
                and (sheet.state != "signed" or self.correction_reason is not None))

    def entries(self) -> dict[str, str]:
        return {code: row.value for code, row in self.rows.items() if row.value != ""}

    def _update_state(self) -> None:
        sheet, editable = self.sheet, self.editable()
        for row in self.rows.values():
            row.set_read_only(not editable or self.busy)
        self.note.setReadOnly(not editable or self.busy)
        entries = self.entries()
        total, vetoed = running_total(self.task, entries)
        self.total.setObjectName("totalVetoed" if vetoed else "total")
        self.total.style().unpolish(self.total)
        self.total.style().polish(self.total)
        self.total.setText(self.tr("Total {total} / {max}").format(total=points(total),
                                                                   max=points(self.task_view.max_score)))
        missing = [code for code in self.rows if code not in entries]
        if vetoed:
            self.missing.setText(self.tr("Veto marked: the task scores 0"))
        elif missing:
            self.missing.setText(self.tr("Not yet marked: {items}").format(items=", ".join(missing)))
        else:
            self.missing.setText(self.tr("Every item is marked"))
        self.save_button.setEnabled(editable and self.dirty and not self.busy)
        self.sign_button.setEnabled(editable and not missing and not self.busy)
        self.photo_button.setEnabled(sheet is not None and self.card.checked_in != "absent" and not self.busy)
        self.correct_button.setVisible(sheet is not None and sheet.state == "signed"
                                       and self.correction_reason is None)
        self.correct_button.setEnabled(not self.busy)
        self.banner.setObjectName("signedBanner" if sheet is not None and sheet.state == "signed"
                                  and self.correction_reason is None else "card")
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner_text.setText(self._banner_text())
        showing_result = sheet is not None and sheet.state == "signed" and self.correction_reason is None
        if not showing_result:
            self._show_result_waiting()
        self.result_box.setVisible(showing_result)

    def _banner_text(self) -> str:
        sheet = self.sheet
        if sheet is None:
            return ""
        if self.card.checked_in == "absent":
            return self.tr("Absent: there is nothing to score.")
        photos = self.photos.get((sheet.session_code, sheet.ticket_no, sheet.task_code), 0)
        extra = []
        if photos:
            extra.append(self.tr("{count} workpiece photos").format(count=photos))
        if sheet.pending:
            extra.append(self.tr("{count} changes not yet on the site host").format(count=sheet.pending))
        tail = ("  ·  " + "  ·  ".join(extra)) if extra else ""
        if self.correction_reason is not None:
            return self.tr("Correcting version {version}: {reason}").format(
                version=sheet.version, reason=self.correction_reason) + tail
        if sheet.state == "signed":
            signed_at = sheet.signed_at.astimezone(LOCAL_TIME).strftime("%H:%M") if sheet.signed_at else ""
            return self.tr("Signed at {time}, version {version}: the sheet can no longer be changed.").format(
                time=signed_at, version=sheet.version) + tail
        if sheet.state == "draft":
            text = self.tr("Draft, version {version}").format(version=sheet.version)
            if sheet.reason:
                text = self.tr("Correction draft, version {version}: {reason}").format(
                    version=sheet.version, reason=sheet.reason)
            return text + (self.tr(" · unsaved changes") if self.dirty else "") + tail
        return self.tr("Not scored yet") + (self.tr(" · unsaved changes") if self.dirty else "") + tail

    def _show_result_waiting(self) -> None:
        self.result_text.setText(self.tr("The other examiners' marks stay hidden until every examiner has "
                                         "signed this candidate's sheet."))

    def _show_message(self, sentence: str, error: bool = True) -> None:
        self.message.setObjectName("error" if error else "success")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(sentence)
        self.message.show()
        self.message_shown.emit(sentence)

    def _edited(self, _code: str) -> None:
        self.dirty = True
        self.message.hide()
        self._update_state()

    def _note_edited(self, _text: str) -> None:
        self.dirty = True
        self._update_state()

    # -- saving, signing, correcting -------------------------------------------------------
    def save(self, then=None) -> None:
        if self.sheet is None or not self.editable():
            return
        card, task_code, backend = self.card, self.task_code, self.backend
        entries, note, reason = self.entries(), self.note.text().strip(), self.correction_reason or ""

        def done(sheet: SheetState) -> None:
            if self._showing(card, task_code):
                self.correction_reason = None
                self._show_sheet(sheet)
                self._show_message(self.tr("Saved."), error=False)
            self.saved.emit(sheet)
            self.sheet_changed.emit()
            if then is not None:
                then()

        self._run(lambda _p: backend.save(card.session_code, card.ticket_no, task_code, entries, note, reason), done)

    def ask_correction(self) -> ReasonDialog:
        """A signed sheet is changed only by a new version with a reason."""
        dialog = ReasonDialog(self.tr("Correct a signed score sheet"),
                              self.tr("The signed version stays on record. Say why the marks must change; "
                                      "the correction is signed again."),
                              [self.tr("An item was marked wrongly"), self.tr("An item was left out"),
                               self.tr("A deduction was recorded on the wrong item")], self)
        dialog.setObjectName("correctionDialog")
        dialog.accepted.connect(lambda: self.start_correction(dialog.reason))
        dialog.open()
        return dialog

    def start_correction(self, reason: str) -> None:
        reason = reason.strip()
        if not reason:
            self._show_message(self.tr("A correction needs a reason."))
            return
        self.correction_reason = reason
        self.dirty = False
        self._update_state()

    def begin_signing(self) -> None:
        """Save what is on screen, then the summary → signature → PIN dialog."""
        if not self.editable():
            return
        if self.dirty or (self.sheet is not None and self.sheet.state != "draft"):
            self.save(then=self._open_sign_dialog)
        else:
            self._open_sign_dialog()

    def _open_sign_dialog(self) -> None:
        if self.sheet is None or self.sheet.state != "draft":
            return
        total, vetoed = running_total(self.task, self.entries())
        heading = self.tr("{name} ({ticket}) · {code} {title}").format(
            name=self.card.name, ticket=self.card.ticket_no, code=self.task_view.code, title=self.task_view.title)
        dialog = SignDialog(heading, self.task_view, self.entries(), points(total), vetoed, self.window())
        dialog.sign_requested.connect(self._sign)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        self.sign_dialog_opened.emit(dialog)

    def _sign(self, pin: str, strokes) -> None:
        dialog, card, task_code, backend = self.dialog, self.card, self.task_code, self.backend

        def done(sheet: SheetState) -> None:
            if dialog is not None:
                dialog.signed()
            if self._showing(card, task_code):
                self._show_sheet(sheet)
                self._show_message(self.tr("Signed. The sheet is now read-only."), error=False)
                self.load_result()
            self.signed.emit(sheet)
            self.sheet_changed.emit()

        def refused(exc: KnownError) -> None:
            if dialog is not None:
                dialog.failed(exc.message)

        self._run(lambda _p: backend.sign(card.session_code, card.ticket_no, task_code, pin, strokes), done,
                  refused)

    def load_result(self) -> None:
        card, task_code, backend = self.card, self.task_code, self.backend

        def shown(result: ResultView) -> None:
            if self._showing(card, task_code):
                self.result = result
                self._show_result(result)
            self.result_shown.emit(result)

        def refused(exc: KnownError) -> None:
            self.result_text.setText(exc.message)
            self.result_shown.emit(None)

        self._run(lambda _p: backend.result(card.session_code, card.ticket_no, task_code), shown, refused,
                  quiet=True)

    def _show_result(self, result: ResultView) -> None:
        if not result.complete:
            self.result_text.setText(self.tr("{signed} of {required} examiners have signed. The other examiners' "
                                             "marks stay hidden until all have signed.").format(
                signed=result.signed, required=result.required))
            return
        totals = "  ·  ".join(self.tr("Examiner {number}: {total}").format(number=number, total=points(sheet.total))
                              for number, sheet in enumerate(result.sheets, start=1))
        text = "<b>" + self.tr("Combined result") + "</b>  " + totals
        if result.final is not None:
            text += "  →  <b>" + self.tr("Final score {score}").format(score=points(result.final)) + "</b>"
        if result.flagged and result.final is None:
            text += "<br>" + self.tr("The examiners disagree beyond the threshold: the examiner lead decides.")
        self.result_text.setText(text)

    # -- photos ----------------------------------------------------------------------------
    def take_photo(self) -> None:
        from app.ui.station.photo_dialog import PhotoDialog

        dialog = PhotoDialog(self.window())
        dialog.captured.connect(self.add_photo)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def add_photo(self, jpeg: bytes) -> None:
        card, task_code, backend = self.card, self.task_code, self.backend
        key = (card.session_code, card.ticket_no, task_code)

        def done(_value) -> None:
            self.photos[key] = self.photos.get(key, 0) + 1
            self._show_message(self.tr("Photo kept with the sheet."), error=False)
            self._update_state()

        self._run(lambda _p: backend.add_photo(card.session_code, card.ticket_no, task_code, jpeg), done)

    # -- background ------------------------------------------------------------------------
    def _run(self, work, on_success, on_known_error=None, *, quiet: bool = False):
        if not quiet:
            self.busy = True
            if self.sheet is not None:
                self._update_state()

        def finished(value) -> None:
            if not quiet:
                self.busy = False
            on_success(value)
            if self.sheet is not None:
                self._update_state()

        def refused(exc: KnownError) -> None:
            if not quiet:
                self.busy = False
            if on_known_error is not None:
                on_known_error(exc)
            else:
                self._show_message(exc.message)
            if self.sheet is not None:
                self._update_state()

        def crashed(exc: BaseException) -> None:  # a bug: the internal-error dialog has shown it
            if not isinstance(exc, KnownError) and not quiet:
                self.busy = False
                if self.sheet is not None:
                    self._update_state()

        task = run_task(self, work, on_success=finished, on_known_error=refused)
        task.failed.connect(crashed)
        return task
