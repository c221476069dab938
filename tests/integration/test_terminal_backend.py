"""LanTerminalBackend against the real LAN API on loopback: replication within 2 s, offline
catch-up, resume from the journal on the same terminal, 换机续考 on another terminal, room events."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import pytest

from app.client.http import Enrolment
from app.domain.roles import Role
from app.errors import KnownError
from app.package import open_package
from app.services.auth import AuthService
from app.services.theory import TheoryService, TimeChangeKind
from app.simulation.demo_site import create_demo_site
from app.simulation.lan_cable import LanCable
from app.simulation.terminals import Sitter, check_in_theory_roster, enrol_terminals, held_answers
from app.simulation.theory_stage import SESSION, ShiftedClock, Watch
from app.terminal.backend import LanTerminalBackend
from app.terminal.model import Phase
from support.lan import running_lan

pytestmark = pytest.mark.slow


@dataclass
class Exam:
    demo: object
    url: str
    sitters: list[Sitter]
    enrolments: list[Enrolment]
    clock: ShiftedClock
    service: TheoryService
    chief: object
    root: Path
    watch: Watch

    def backend(self, enrolment: Enrolment, disk: str, **options) -> LanTerminalBackend:
        options = {"sync_delay": 0.1, "events_wait": 1, "retry_seconds": 0.3, "heartbeat_seconds": 1.0,
                   "tick_seconds": None, **options}
        backend = LanTerminalBackend(enrolment, self.root / disk, **options)
        self.watch.listen(backend)
        return backend

    def start(self) -> None:
        for room in sorted({s.room_code for s in self.sitters}):
            self.service.start_room(self.chief, SESSION, room, self.demo.exam_password)

    def held(self, ticket: str) -> dict[str, tuple[tuple[str, ...], bool]]:
        rows = held_answers(self.demo.site, SESSION, [ticket])[ticket]
        return {code: (tuple(row["response"]), row["flagged"]) for code, row in rows.items()}


@pytest.fixture
def exam(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=4)
    site = demo.site
    sitters = check_in_theory_roster(demo)
    package = open_package(demo.package_path, site.require_keys(), site.trusted_issuers)
    start = next(s.starts_at for s in package.plan.sessions if s.code == SESSION)
    clock = ShiftedClock(start + timedelta(minutes=1))
    auth = AuthService(site)
    actors = {role: auth.login(no, secret, role) for no, (role, secret) in demo.credentials.items()}
    try:
        with running_lan(site, clock=clock) as url:
            enrolments = enrol_terminals(site, url, actors[Role.ADMIN], 4, clock=clock)
            yield Exam(demo, url, sitters, enrolments, clock, TheoryService(site, clock), actors[Role.CHIEF_PROCTOR],
                       tmp_path / "terminals", Watch())
    finally:
        site.close()


def seat_of(exam: Exam, sitter: Sitter):
    view = exam.service.room_console(exam.chief, SESSION, sitter.room_code)
    return next(seat for seat in view.seats if seat.ticket_no == sitter.ticket_no)


def answer_some(backend: LanTerminalBackend, count: int, offset: int = 0) -> dict[str, tuple[tuple[str, ...], bool]]:
    """Answer `count` items (labels as the screen shows them); returns what the screen shows."""
    items = backend.paper().items
    for n in range(count):
        item = items[(offset + n) % len(items)]
        labels = (item.choices[(offset + n) % len(item.choices)].key,)
        if item.kind == "multiple":
            labels = tuple(sorted({item.choices[0].key, item.choices[-1].key}))
        backend.answer(item.code, labels, n % 4 == 0)
    return {code: (a.response, a.flagged) for code, a in backend.state().answers.items()}


def test_answers_are_journaled_then_on_the_host_within_2_s(exam):
    sitter = exam.sitters[0]
    backend = exam.backend(exam.enrolments[0], "t0")
    try:
        with pytest.raises(KnownError):
            backend.login(sitter.ticket_no, "00000X" if sitter.id_last6 != "00000X" else "00000Y")
        view = backend.login(sitter.ticket_no, sitter.id_last6)  # a failed attempt leaves the terminal usable
        assert view.ticket_no == sitter.ticket_no and backend.state().phase is Phase.WAITING
        with pytest.raises(KnownError):
            backend.paper()
        exam.start()
        exam.watch.until(lambda: backend.state().phase is Phase.RUNNING, 2, "start")
        shown = answer_some(backend, 6)
        assert backend.journal.unsynced() in range(0, 7)
        exam.watch.until(lambda: backend.state().unsynced == 0, 2, "replication")
        assert exam.held(sitter.ticket_no) == backend.journal.answers()  # original keys on both sides
        assert {code: resp for code, (resp, _) in shown.items()} == \
            {code: a.response for code, a in backend.state().answers.items()}  # labels on the screen
        assert backend.state().connected and backend.state().seconds_left > 0
    finally:
        backend.close()


def test_a_terminal_off_the_lan_keeps_answering_and_catches_up(exam):
    sitter = exam.sitters[0]
    exam.start()
    with LanCable(exam.url) as cable:
        backend = exam.backend(replace(exam.enrolments[0], base_url=cable.url), "t0")
        try:
            backend.login(sitter.ticket_no, sitter.id_last6)
            answer_some(backend, 2)
            exam.watch.until(lambda: backend.state().unsynced == 0, 2, "replication")
            cable.unplug()
            answer_some(backend, 5, offset=3)
            exam.watch.until(lambda: not backend.state().connected, 5, "noticing the cut")
            assert backend.state().unsynced == 5
            assert len(exam.held(sitter.ticket_no)) == 2
            cable.plug()
            exam.watch.until(lambda: backend.state().connected and backend.state().unsynced == 0, 5, "catch-up")
            assert exam.held(sitter.ticket_no) == backend.journal.answers()
        finally:
            backend.close()


def test_after_a_crash_the_same_terminal_replays_its_journal(exam):
    sitter = exam.sitters[0]
    exam.start()
    with LanCable(exam.url) as cable:
        enrolment = replace(exam.enrolments[0], base_url=cable.url)
        first = exam.backend(enrolment, "t0")
        first.login(sitter.ticket_no, sitter.id_last6)
        answer_some(first, 3)
        exam.watch.until(lambda: first.state().unsynced == 0, 2, "replication")
        cable.unplug()
        answer_some(first, 4, offset=5)
        journaled = first.journal.answers()
        assert first.journal.unsynced() == 4
        first.close()  # the terminal dies with four changes only in its journal
        assert len(exam.held(sitter.ticket_no)) == 3
        cable.plug()
        again = exam.backend(enrolment, "t0")
        try:
            again.login(sitter.ticket_no, sitter.id_last6)
            assert again.state().unsynced == 0
            assert exam.held(sitter.ticket_no) == journaled == again.journal.answers()
            following = answer_some(again, 1, offset=11)
            exam.watch.until(lambda: again.state().unsynced == 0, 2, "replication after the resume")
            assert len(following) >= len(journaled)
        finally:
            again.close()


def test_another_terminal_takes_the_sitting_over_with_every_acknowledged_answer(exam):
    sitter = exam.sitters[0]
    exam.start()
    old = exam.backend(exam.enrolments[0], "old")
    new = exam.backend(exam.enrolments[1], "new")
    try:
        old.login(sitter.ticket_no, sitter.id_last6)
        shown = answer_some(old, 5)
        exam.watch.until(lambda: old.state().unsynced == 0, 2, "replication")
        ends_at = old.state().ends_at
        new.login(sitter.ticket_no, sitter.id_last6)  # 换机续考
        state = new.state()
        assert {code: (a.response, a.flagged) for code, a in state.answers.items()} == shown
        assert state.ends_at >= ends_at and state.phase is Phase.RUNNING
        answer_some(new, 2, offset=7)
        exam.watch.until(lambda: new.state().unsynced == 0, 2, "replication on the new terminal")
        assert exam.held(sitter.ticket_no) == new.journal.answers()
        assert new.journal.pending() == [] and new.journal.last_revision > old.journal.last_revision
        exam.watch.until(lambda: old.state().message is not None, 5, "the old terminal learning it was superseded")
    finally:
        old.close()
        new.close()


def test_room_events_reach_the_terminal_within_2_s(exam):
    sitter, other = exam.sitters[0], exam.sitters[1]
    one = exam.backend(exam.enrolments[0], "one")
    two = exam.backend(exam.enrolments[1], "two")
    try:
        one.login(sitter.ticket_no, sitter.id_last6)
        two.login(other.ticket_no, other.id_last6)
        exam.start()
        exam.watch.until(lambda: one.state().phase is Phase.RUNNING, 2, "start")
        one.report("focus_lost", "Alt+Tab")
        exam.watch.until(lambda: "focus_lost" in seat_of(exam, sitter).badges, 3, "the report on the console")
        before = one.state().ends_at
        new_end = exam.service.change_time(exam.chief, SESSION, sitter.ticket_no, TimeChangeKind.ACCOMMODATION, 15,
                                           "视力障碍，合理便利")
        assert new_end - before >= timedelta(minutes=15) - timedelta(seconds=1)
        exam.watch.until(lambda: one.state().ends_at == new_end, 2, "the extension")
        exam.service.force_submit(exam.chief, SESSION, other.ticket_no, "考生要求提前离场")
        exam.watch.until(lambda: two.state().phase is Phase.SUBMITTED, 2, "the forced submission")
        with pytest.raises(KnownError):
            two.answer(two.paper().items[0].code, (two.paper().items[0].choices[0].key,), False)
        answer_some(one, 3)
        with pytest.raises(KnownError):
            one.submit()  # before the earliest submission
        exam.clock.shift += timedelta(minutes=31)
        receipt = one.submit()
        assert receipt.ticket_no == sitter.ticket_no and receipt.how == "candidate"
        assert receipt.answered == len([a for a in one.state().answers.values() if a.response])
        assert one.state().phase is Phase.SUBMITTED and one.submit() == receipt
    finally:
        one.close()
        two.close()
