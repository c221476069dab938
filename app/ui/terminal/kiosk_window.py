"""The kiosk window: one full-screen, frameless, always-on-top window whose pages follow the exam.

Every backend call that may block (log-in, paper, answer, submit, report, leave) runs through
app/ui/tasks.py on the single ordered worker, so answers reach the journal in the order chosen.
`on_change` callbacks come on a backend thread and are marshalled here with a queued signal.
The screen shows an answer as saved only once `backend.answer` has returned (it is journaled).
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.errors import KnownError
from app.terminal.model import AnswerView, CandidateView, ExamState, PaperView, Phase, Receipt, TerminalBackend
from app.ui import tasks
from app.ui.terminal.exam_page import ExamPage
from app.ui.terminal.kiosk_style import base_px, kiosk_stylesheet
from app.ui.terminal.leave_page import LeavePage
from app.ui.terminal.lockdown import KeyGuard, WindowWatch
from app.ui.terminal.login_page import LoginPage
from app.ui.terminal.receipt_page import EndingPage, ReceiptPage
from app.ui.terminal.submit_page import SubmitPage
from app.ui.terminal.texts import clock_text, hour_minute
from app.ui.terminal.top_bar import TopBar
from app.ui.terminal.waiting_page import WaitingPage

SUBMIT_FALLBACK_MS = 8_000  # time up on this terminal's clock but no word from the site host: submit anyway


class _StateRelay(QObject):
    """Lives on the GUI thread; backend threads emit through it (a queued connection)."""

    changed = Signal(object)


class KioskWindow(QWidget):
    state_changed = Signal(object)  # ExamState, on the GUI thread
    logged_in = Signal(object)  # CandidateView
    login_refused = Signal(str)
    paper_loaded = Signal(object)
    answer_saved = Signal(str)
    answer_refused = Signal(str)
    submit_refused = Signal(str)
    submitted = Signal(object)  # Receipt
    reported = Signal(str, str)
    leave_refused = Signal()
    left = Signal()

    def __init__(self, backend: TerminalBackend, *, lockdown: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.backend = backend
        self.lockdown = lockdown
        if lockdown:
            self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                                | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(self.tr("ExamSite exam terminal"))
        self.candidate: CandidateView | None = None
        self.paper: PaperView | None = None
        self.state: ExamState | None = None
        self.receipt: Receipt | None = None
        self.saving = 0
        self._state_mono = time.monotonic()
        self._loading_paper = self._submitting = self._ending = self._may_close = False
        self._back_to: QWidget | None = None
        self._style_key: tuple | None = None
        self._columns = 0

        self.bar = TopBar()
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.login_page, self.waiting_page, self.exam_page = LoginPage(), WaitingPage(), ExamPage()
        self.submit_page, self.ending_page, self.receipt_page = SubmitPage(), EndingPage(), ReceiptPage()
        self.leave_page = LeavePage()
        self.stack = QStackedWidget()
        for page in (self.login_page, self.waiting_page, self.exam_page, self.submit_page, self.ending_page,
                     self.receipt_page, self.leave_page):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)

        self.login_page.submitted.connect(self.log_in)
        self.exam_page.answer_changed.connect(self.save_answer)
        self.exam_page.submit_requested.connect(self.ask_submit)
        self.submit_page.cancelled.connect(lambda: self.stack.setCurrentWidget(self.exam_page))
        self.submit_page.confirmed.connect(self.submit)
        self.ending_page.retry.connect(self.submit)
        self.bar.larger.toggled.connect(lambda _: self._restyle())
        self.bar.contrast.toggled.connect(lambda _: self._restyle())
        self.bar.proctor.clicked.connect(self.ask_leave)
        self.leave_page.cancelled.connect(self._back)
        self.leave_page.code_entered.connect(self.leave)

        self.clock = QTimer(self, interval=1000)
        self.clock.timeout.connect(self._tick)
        self.fallback = QTimer(self, singleShot=True, interval=SUBMIT_FALLBACK_MS)
        self.fallback.timeout.connect(self.submit)
        self.key_guard = KeyGuard(self)
        self.key_guard.blocked.connect(lambda combo: self.report("key_blocked", combo))
        self.watch: WindowWatch | None = None
        self._relay = _StateRelay(self)
        self._relay.changed.connect(self._state_arrived, Qt.ConnectionType.QueuedConnection)
        backend.on_change(self._relay.changed.emit)
        self._restyle()
        self._show_save_state()
        self.bar.show_countdown("", None)

    # --- life cycle -----------------------------------------------------------------------------

    def start(self, full_screen: bool = True) -> None:
        """Show the kiosk, lock the keyboard down, watch focus and screens, start the clock."""
        if self.lockdown:
            QCoreApplication.instance().installEventFilter(self.key_guard)
            self.watch = WindowWatch(self)
            self.watch.event.connect(self.report)
        self.showFullScreen() if full_screen else self.show()
        self.clock.start()
        self.login_page.ticket.setFocus()

    def shutdown(self) -> None:
        """Stop the clock, release the keyboard, close the backend, let the window close."""
        self.clock.stop()
        self.fallback.stop()
        QCoreApplication.instance().removeEventFilter(self.key_guard)
        if self.watch is not None:
            self.watch.detach()
            self.watch = None
        tasks.wait_for_all()
        self.backend.close()
        self._may_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._may_close:
            super().closeEvent(event)
            return
        event.ignore()
        self.report("close_blocked", "")

    def page(self) -> QWidget:
        return self.stack.currentWidget()

    # --- log-in and the paper -------------------------------------------------------------------

    def log_in(self, ticket_no: str, id_last6: str) -> None:
        tasks.run_task(self, lambda _: (self.backend.login(ticket_no, id_last6), self.backend.state()),
                       on_success=self._logged_in, on_known_error=self._login_refused)

    def _login_refused(self, error: KnownError) -> None:
        self.login_page.refuse(error.message)
        self.login_refused.emit(error.message)

    def _logged_in(self, result) -> None:
        self.candidate, state = result
        self.bar.title.setText(self.candidate.session_title)
        self.bar.who.setText(self.tr("{name} · seat {seat} · {ticket}").format(
            name=self.candidate.name, seat=self.candidate.seat_no, ticket=self.candidate.ticket_no))
        self.waiting_page.show_candidate(self.candidate, int(self.height() * 0.32))
        self.logged_in.emit(self.candidate)
        self._state_arrived(state)
        if self.page() is self.login_page:
            self.stack.setCurrentWidget(self.waiting_page)

    def _load_paper(self) -> None:
        if self._loading_paper or self.paper is not None:
            return
        self._loading_paper = True

        def done(result) -> None:
            self._loading_paper = False
            self.paper, state = result
            self._columns = self._card_columns()
            self.exam_page.set_paper(self.paper, state.answers, self._columns)
            self.stack.setCurrentWidget(self.exam_page)
            self._show_save_state()
            self.paper_loaded.emit(self.paper)
            self._state_arrived(state)

        def refused(error: KnownError) -> None:
            self._loading_paper = False
            self._show_notice(error.message)

        tasks.run_task(self, lambda _: (self.backend.paper(), self.backend.state()), on_success=done,
                       on_known_error=refused)

    # --- the state from the backend -------------------------------------------------------------

    def _state_arrived(self, state: ExamState) -> None:
        self.state, self._state_mono = state, time.monotonic()
        self._show_notice(state.message)
        self._show_save_state()
        if self.candidate is not None:
            if state.phase in (Phase.RUNNING, Phase.PAUSED) and self.paper is None:
                self._load_paper()
            elif state.phase in (Phase.SUBMITTED, Phase.ENDED) and self.receipt is None:
                self._begin_ending()
            self.exam_page.question.setEnabled(state.phase is Phase.RUNNING)
        self._tick()
        self.state_changed.emit(state)

    def server_now(self) -> datetime | None:
        if self.state is None:
            return None
        if self.state.phase is Phase.PAUSED:
            return self.state.server_now
        return self.state.server_now + timedelta(seconds=time.monotonic() - self._state_mono)

    def seconds_left(self) -> float | None:
        now = self.server_now()
        if now is None or self.state.ends_at is None:
            return None
        return max(0.0, (self.state.ends_at - now).total_seconds())

    def submit_opens_at(self) -> datetime | None:
        state = self.state
        if state is None or state.earliest_submit_at is None or self.server_now() >= state.earliest_submit_at:
            return None
        return state.earliest_submit_at

    def _tick(self) -> None:
        state = self.state
        if state is None or self.candidate is None:
            return
        page = self.page()
        if state.phase is Phase.WAITING:
            now = self.server_now()
            seconds = (state.starts_at - now).total_seconds() if state.starts_at else None
            self.waiting_page.show_time(seconds, state.starts_at)
            self.bar.show_countdown(self.tr("Starts at {time}").format(time=hour_minute(state.starts_at)), None)
            return
        left = self.seconds_left()
        if state.phase is Phase.PAUSED:
            self.bar.show_countdown(self.tr("Paused · {time} left").format(time=clock_text(left)), None)
        elif state.phase is Phase.RUNNING:
            self.bar.show_countdown(self.tr("Time left {time}").format(time=clock_text(left)), left)
            if left is not None and left <= 0 and page in (self.exam_page, self.submit_page):
                self._begin_ending()
        opens = self.submit_opens_at()
        self.exam_page.submit.setEnabled(opens is None and state.phase is Phase.RUNNING)
        self.exam_page.submit_hint.setText(
            self.tr("Submission opens at {time}.").format(time=hour_minute(opens)) if opens else "")

    # --- answers --------------------------------------------------------------------------------

    def save_answer(self, item_code: str, response: tuple, flagged: bool) -> None:
        answer = AnswerView(tuple(response), flagged)
        self.saving += 1
        self._show_save_state()

        def refused(error: KnownError) -> None:
            self.exam_page.set_answers(self.exam_page.answers)  # back to what is durable
            self._show_notice(error.message)
            self.answer_refused.emit(error.message)

        task = tasks.run_task(self, lambda _: self.backend.answer(item_code, answer.response, flagged),
                              on_success=lambda _: self._saved(item_code, answer), on_known_error=refused)
        task.finished.connect(self._save_finished)

    def _saved(self, item_code: str, answer: AnswerView) -> None:
        self.exam_page.saved(item_code, answer)
        self.answer_saved.emit(item_code)

    def _save_finished(self) -> None:
        self.saving -= 1
        self._show_save_state()

    def _show_save_state(self) -> None:
        self.bar.show_save_state(self.state, self.saving, self.paper is not None and self.receipt is None)

    # --- submission -----------------------------------------------------------------------------

    def ask_submit(self) -> None:
        if self.paper is None or self.submit_opens_at() is not None:
            return
        self.submit_page.prepare(self.paper, self.exam_page.answers)
        self.stack.setCurrentWidget(self.submit_page)

    def submit(self) -> None:
        if self._submitting or self.receipt is not None:
            return
        self._submitting = True
        self.fallback.stop()

        def refused(error: KnownError) -> None:
            self._submitting = False
            if self.page() is self.ending_page:
                self.ending_page.failed(error.message)
            else:
                self.submit_page.refuse(error.message)
            self.submit_refused.emit(error.message)

        task = tasks.run_task(self, lambda _: self.backend.submit(), on_success=self._show_receipt,
                              on_known_error=refused)
        task.failed.connect(lambda _: setattr(self, "_submitting", False))

    def _begin_ending(self) -> None:
        """Time is up or the proctor submitted: say so, then fetch the receipt."""
        if self._ending or self.receipt is not None:
            return
        self._ending = True
        over = self.state is not None and self.state.phase in (Phase.SUBMITTED, Phase.ENDED)
        left = self.seconds_left()
        self.ending_page.show_reason("time" if left is not None and left <= 1 else "proctor")
        if self.page() is not self.leave_page:
            self.stack.setCurrentWidget(self.ending_page)
        if over:
            self.submit()
        else:
            self.fallback.start()  # the site host normally says SUBMITTED within a second or two

    def _show_receipt(self, receipt: Receipt) -> None:
        self._submitting = False
        self.receipt = receipt
        self.fallback.stop()
        self.receipt_page.show_receipt(receipt)
        self._show_save_state()
        self.stack.setCurrentWidget(self.receipt_page)
        self.bar.show_countdown(self.tr("Submitted"), None)
        self.submitted.emit(receipt)

    # --- events for the console, and leaving ----------------------------------------------------

    def report(self, kind: str, detail: str = "") -> None:
        tasks.run_task(self, lambda _: self.backend.report(kind, detail),
                       on_success=lambda _: self.reported.emit(kind, detail), on_known_error=lambda _: None)

    def ask_leave(self) -> None:
        if self.page() is not self.leave_page:
            self._back_to = self.page()
        self.leave_page.reset()
        self.stack.setCurrentWidget(self.leave_page)
        self.leave_page.code.setFocus()

    def _back(self) -> None:
        self.stack.setCurrentWidget(self._back_to or self.login_page)

    def leave(self, code: str) -> None:
        def answered(allowed: bool) -> None:
            if allowed:
                self.left.emit()
                self.shutdown()
            else:
                self.leave_page.refuse()
                self.leave_refused.emit()

        tasks.run_task(self, lambda _: self.backend.leave(code), on_success=answered,
                       on_known_error=lambda error: (self.leave_page.refuse(), self.leave_refused.emit()))

    # --- look -----------------------------------------------------------------------------------

    def _show_notice(self, message: str | None) -> None:
        self.notice.setText(message or "")
        self.notice.setVisible(bool(message))

    def _card_columns(self) -> int:
        cell = base_px(self.height(), self.bar.larger.isChecked()) * 2 + 8
        return max(4, min(12, int((self.width() * 0.3 - 40) / cell)))

    def _restyle(self) -> None:
        key = (self.height(), self.bar.larger.isChecked(), self.bar.contrast.isChecked())
        if key == self._style_key:
            return
        self._style_key = key
        self.setStyleSheet(kiosk_stylesheet(key[0], large=key[1], contrast=key[2]))
        self.exam_page.image_height = int(self.height() * 0.28)
        if self.paper is not None:
            columns = self._card_columns()
            if columns != self._columns:
                self._columns = columns
                self.exam_page.card.set_items(self.paper.items, columns)
                self.exam_page.go_to(self.exam_page.index)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._restyle()
