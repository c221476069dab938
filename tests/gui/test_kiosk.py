"""The candidate kiosk on the demo backend: log-in, answers and the card, flags, submission, leaving, lock-down."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QThread, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QRadioButton

from app.errors import InvalidState
from app.simulation.clock import ManualClock
from app.terminal.demo_backend import DEMO_CANDIDATES, DEMO_PROCTOR_CODE, DemoTerminalBackend
from app.terminal.model import Phase
from app.ui.labels import local_time
from app.ui.terminal.kiosk_window import KioskWindow

TIMEOUT = 10_000
START = datetime(2025, 6, 14, 1, 30, tzinfo=timezone.utc)
CANDIDATE = DEMO_CANDIDATES[0]


@pytest.fixture
def make_kiosk(zh_app, qtbot):
    """make_kiosk(lockdown=False, **backend options) -> (kiosk, backend, clock), shown at 1366×768."""
    made = []

    def make(lockdown=False, **options):
        clock = ManualClock(START - timedelta(minutes=5))
        options.setdefault("tick_seconds", None)
        backend = DemoTerminalBackend(clock=clock, starts_in=timedelta(minutes=5), **options)
        kiosk = KioskWindow(backend, lockdown=lockdown)
        qtbot.addWidget(kiosk)
        made.append(kiosk)
        kiosk.resize(1366, 768)
        kiosk.start(full_screen=False)
        return kiosk, backend, clock

    yield make
    for kiosk in made:
        kiosk.shutdown()


def log_in(qtbot, kiosk, ticket=CANDIDATE.ticket_no, last6=CANDIDATE.id_last6):
    kiosk.login_page.ticket.setText(ticket)
    kiosk.login_page.id_last6.setText(last6)
    kiosk.login_page.submit()


@pytest.fixture
def exam(make_kiosk, qtbot):
    """A kiosk logged in, the room started, the paper shown."""
    kiosk, backend, clock = make_kiosk()
    with qtbot.waitSignal(kiosk.logged_in, timeout=TIMEOUT):
        log_in(qtbot, kiosk)
    clock.now = START
    with qtbot.waitSignal(kiosk.paper_loaded, timeout=TIMEOUT):
        backend.start_room()
    return kiosk, backend, clock


def first_index(kiosk, kind):
    return next(i for i, item in enumerate(kiosk.paper.items) if item.kind == kind)


def test_a_refused_log_in_shows_the_backends_sentence(make_kiosk, qtbot):
    kiosk, backend, _ = make_kiosk()
    with qtbot.waitSignal(kiosk.login_refused, timeout=TIMEOUT) as refused:
        log_in(qtbot, kiosk, last6="000000")
    message = refused.args[0]
    assert message and kiosk.login_page.message.text() == message
    assert kiosk.page() is kiosk.login_page and kiosk.login_page.id_last6.text() == ""
    assert kiosk.login_page.button.text() != "" and not kiosk.login_page.button.isEnabled()  # the field was cleared
    with qtbot.waitSignal(kiosk.logged_in, timeout=TIMEOUT) as logged:
        log_in(qtbot, kiosk)
    assert logged.args[0].name == CANDIDATE.name
    assert kiosk.page() is kiosk.waiting_page and kiosk.waiting_page.name.text() == CANDIDATE.name
    assert "05:00" in kiosk.waiting_page.countdown.text()


def test_the_exam_opens_when_the_room_starts(exam):
    kiosk, backend, _ = exam
    assert kiosk.page() is kiosk.exam_page
    assert kiosk.exam_page.question.stem.text() == backend.paper().items[0].stem
    assert all(kiosk.exam_page.card.status(i) == "unanswered" for i in range(len(kiosk.paper.items)))


def test_single_and_multiple_answers_reach_the_backend_and_colour_the_card(exam, qtbot):
    kiosk, backend, _ = exam
    page = kiosk.exam_page
    single = first_index(kiosk, "single")
    page.go_to(single)
    assert all(isinstance(row.button, QRadioButton) for row in page.question.rows)
    with qtbot.waitSignal(kiosk.answer_saved, timeout=TIMEOUT) as saved:
        page.question.choose("B")
    code = kiosk.paper.items[single].code
    assert saved.args == [code] and backend.state().answers[code].response == ("B",)
    assert page.card.status(single) == "answered"
    with qtbot.waitSignal(kiosk.answer_saved, timeout=TIMEOUT):
        page.question.choose("C")  # a radio button replaces the choice
    assert backend.state().answers[code].response == ("C",)

    multiple = first_index(kiosk, "multiple")
    page.card.cells[multiple].click()
    assert page.index == multiple
    assert all(isinstance(row.button, QCheckBox) for row in page.question.rows)
    assert page.card.status(multiple) == "unanswered"
    with qtbot.waitSignal(kiosk.answer_saved, timeout=TIMEOUT):
        page.question.choose("A")
    with qtbot.waitSignal(kiosk.answer_saved, timeout=TIMEOUT):
        page.question.choose("C")
    assert backend.state().answers[kiosk.paper.items[multiple].code].response == ("A", "C")
    assert page.card.status(multiple) == "answered"
    assert page.card.status(multiple + 1) == "unanswered"
    assert "2" in page.card.counts.text()
    page.go_to(single)
    assert page.question.response() == ("C",)  # coming back shows the saved answer


def test_flagging_marks_the_card_and_is_saved(exam, qtbot):
    kiosk, backend, _ = exam
    page = kiosk.exam_page
    page.go_to(3)
    with qtbot.waitSignal(kiosk.answer_saved, timeout=TIMEOUT):
        page.flag.click()
    code = kiosk.paper.items[3].code
    assert backend.state().answers[code].flagged and page.card.status(3) == "flagged"
    with qtbot.waitSignal(kiosk.answer_saved, timeout=TIMEOUT):
        page.flag.click()
    assert not backend.state().answers[code].flagged and page.card.status(3) == "unanswered"


def test_submission_waits_for_the_earliest_time(exam, qtbot):
    kiosk, backend, clock = exam
    clock.now = START + timedelta(minutes=5)
    with qtbot.waitSignal(kiosk.state_changed, timeout=TIMEOUT):
        backend.notify()
    opens = backend.state().earliest_submit_at
    assert not kiosk.exam_page.submit.isEnabled()
    assert f"{local_time(opens):%H:%M}" in kiosk.exam_page.submit_hint.text()
    kiosk.ask_submit()
    assert kiosk.page() is kiosk.exam_page
    with pytest.raises(InvalidState):
        backend.submit()


def test_the_submit_summary_counts_unanswered_and_flagged_then_the_receipt(exam, qtbot):
    kiosk, backend, clock = exam
    page = kiosk.exam_page
    for index, keys in ((0, ("A",)), (1, ("B",))):
        page.go_to(index)
        with qtbot.waitSignal(kiosk.answer_saved, timeout=TIMEOUT):
            page.question.choose(*keys)
    with qtbot.waitSignal(kiosk.answer_saved, timeout=TIMEOUT):
        page.flag.click()  # question 2, answered and flagged
    page.go_to(4)
    with qtbot.waitSignal(kiosk.answer_saved, timeout=TIMEOUT):
        page.flag.click()  # question 5, flagged, unanswered
    clock.now = START + timedelta(minutes=31)
    with qtbot.waitSignal(kiosk.state_changed, timeout=TIMEOUT):
        backend.notify()
    assert page.submit.isEnabled() and page.submit_hint.text() == ""
    page.submit.click()
    summary = kiosk.submit_page
    total = len(kiosk.paper.items)
    assert kiosk.page() is summary
    assert summary.unanswered == list(range(3, total + 1)) and summary.flagged == [2, 5]
    assert not summary.confirm.isEnabled()
    summary.back.click()
    assert kiosk.page() is page
    page.submit.click()
    summary.agree.setChecked(True)
    with qtbot.waitSignal(kiosk.submitted, timeout=TIMEOUT) as submitted:
        summary.confirm.click()
    receipt = submitted.args[0]
    assert receipt.how == "candidate" and receipt.answered == 2 and receipt.total == total
    assert kiosk.page() is kiosk.receipt_page
    shown = kiosk.receipt_page.values["digest"].text().replace(" ", "")
    assert shown == receipt.digest[:16].upper()
    assert kiosk.receipt_page.values["ticket"].text() == CANDIDATE.ticket_no
    assert backend.state().phase is Phase.SUBMITTED


def test_at_the_end_of_time_the_exam_is_submitted_automatically(exam, qtbot):
    kiosk, backend, clock = exam
    clock.now = START + timedelta(minutes=91)
    with qtbot.waitSignal(kiosk.submitted, timeout=TIMEOUT) as submitted:
        backend.notify()
    assert submitted.args[0].how == "time"
    assert kiosk.page() is kiosk.receipt_page
    assert kiosk.ending_page.title.text() != ""  # the time-up notice was shown on the way


def test_a_forced_submission_by_the_proctor_shows_the_receipt(exam, qtbot):
    kiosk, backend, _ = exam
    with qtbot.waitSignal(kiosk.submitted, timeout=TIMEOUT) as submitted:
        backend.force_submit()
    assert submitted.args[0].how == "proctor" and kiosk.page() is kiosk.receipt_page


def test_offline_changes_are_counted_as_kept_on_the_terminal(exam, qtbot):
    kiosk, backend, _ = exam
    with qtbot.waitSignal(kiosk.state_changed, timeout=TIMEOUT):
        backend.set_connected(False)
    with qtbot.waitSignal(kiosk.answer_saved, timeout=TIMEOUT):
        kiosk.exam_page.question.choose("A")
    qtbot.waitUntil(lambda: kiosk.bar.save_state.objectName() == "offline" and "1" in kiosk.bar.save_state.text())
    with qtbot.waitSignal(kiosk.state_changed, timeout=TIMEOUT):
        backend.set_connected(True)
    assert kiosk.bar.save_state.objectName() == "saved"


def test_leaving_needs_the_proctor_code(make_kiosk, qtbot):
    kiosk, backend, _ = make_kiosk()
    kiosk.close()
    assert kiosk.isVisible()  # a plain close is refused (and reported)
    kiosk.bar.proctor.click()
    assert kiosk.page() is kiosk.leave_page
    kiosk.leave_page.code.setText("000000")
    with qtbot.waitSignal(kiosk.leave_refused, timeout=TIMEOUT):
        kiosk.leave_page.ok.click()
    assert kiosk.isVisible() and kiosk.leave_page.message.text() != ""
    kiosk.leave_page.back.click()
    assert kiosk.page() is kiosk.login_page
    kiosk.bar.proctor.click()
    kiosk.leave_page.code.setText(DEMO_PROCTOR_CODE)
    with qtbot.waitSignal(kiosk.left, timeout=TIMEOUT):
        QTest.keyClick(kiosk.leave_page.code, Qt.Key.Key_Return)
    assert not kiosk.isVisible()
    assert ("close_blocked", "") in backend.reports


def test_blocked_keys_are_swallowed_and_reported(make_kiosk, qtbot):
    kiosk, backend, _ = make_kiosk(lockdown=True)
    field = kiosk.login_page.ticket
    field.setFocus()
    with qtbot.waitSignal(kiosk.reported, timeout=TIMEOUT) as reported:
        QTest.keyClick(field, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert reported.args == ["key_blocked", "Alt+F4"]
    with qtbot.waitSignal(kiosk.reported, timeout=TIMEOUT) as reported:
        QTest.keyClick(field, Qt.Key.Key_Escape)
    assert reported.args == ["key_blocked", "Esc"]
    with qtbot.waitSignal(kiosk.reported, timeout=TIMEOUT) as reported:
        QTest.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert reported.args == ["key_blocked", "Ctrl+V"]
    QTest.keyClicks(field, "2025")
    assert field.text() == "2025"  # ordinary typing passes
    assert [kind for kind, _ in backend.reports] == ["key_blocked"] * 3
    assert kiosk.isVisible()


def test_state_from_a_backend_thread_arrives_on_the_gui_thread(make_kiosk, qtbot, zh_app):
    kiosk, backend, _ = make_kiosk(tick_seconds=0.05)
    threads = []
    kiosk.state_changed.connect(lambda _state: threads.append(QThread.currentThread()))
    qtbot.waitUntil(lambda: len(threads) >= 2, timeout=TIMEOUT)
    assert all(thread is zh_app.thread() for thread in threads)
