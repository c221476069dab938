"""The theory stage of the simulated exam day: terminals over the real LAN API.

The LAN API is served on loopback by the real server; every terminal is the kiosk's real backend
(`LanTerminalBackend`: encrypted journal, sync and events threads) talking HTTP to it. The
candidates the check-in stage admitted log in (the absent are refused); the chief proctor starts
the rooms with the exam password; the terminals answer. Meanwhile: one terminal process is killed
with SIGKILL mid-exam and its candidate is moved to a free seat, where a fresh terminal takes the
sitting over with every acknowledged answer (换机续考); one terminal loses its LAN cable for a
while, keeps answering, and catches up when it is plugged back; a candidate gets a time
extension and another is submitted by the proctor, both reaching the terminals within 2 s; the
rest submit; the session is graded; every acknowledged answer is read back from the database.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
import time
from dataclasses import asdict, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from app.client.http import Enrolment
from app.domain.roles import Role
from app.errors import InvalidState, KnownError
from app.i18n import tr
from app.lan.server import LanServer
from app.package import open_package
from app.services.auth import AuthService
from app.services.theory import SeatStatus, TheoryService, TimeChangeKind
from app.simulation.demo_site import DemoSite
from app.simulation.lan_cable import LanCable
from app.simulation.terminals import enrol_terminals, held_answers
from app.terminal.backend import LanTerminalBackend
from app.terminal.model import ExamState, Phase

SESSION = "TH1"
EVENT_SECONDS = 2.0  # room events reach the terminals within this
ROUNDS = 6  # answers per terminal before the incidents, and again after them


class CheckFailed(Exception):
    """Something the stage expected did not happen."""


class ShiftedClock:
    """The real time moved by `shift`: the exam runs in real time from the plan's start."""

    def __init__(self, at: datetime) -> None:
        self.shift = at - datetime.now(timezone.utc)

    def __call__(self) -> datetime:
        return datetime.now(timezone.utc) + self.shift


class Watch:
    """Wakes the stage when any terminal's state changes (their on_change callbacks)."""

    def __init__(self) -> None:
        self._changed = threading.Condition()

    def listen(self, backend: LanTerminalBackend) -> None:
        backend.on_change(self._notify)

    def _notify(self, state: ExamState) -> None:
        with self._changed:
            self._changed.notify_all()

    def until(self, condition, timeout: float, what: str) -> float:
        """Wait for `condition()`; returns the seconds it took, CheckFailed after `timeout`."""
        started = time.monotonic()
        with self._changed:
            while not condition():
                left = timeout - (time.monotonic() - started)
                if left <= 0:
                    raise CheckFailed(f"{what}: not within {timeout:.0f} s")
                self._changed.wait(min(left, 0.2))
        return time.monotonic() - started


def run(demo: DemoSite, root: Path) -> str:
    site = demo.site
    package = open_package(demo.package_path, site.require_keys(), site.trusted_issuers)
    start = next(s.starts_at for s in package.plan.sessions if s.code == SESSION)
    roster = [(e, seat.room_code) for e in package.roster for seat in e.seats if seat.session_code == SESSION]
    clock = ShiftedClock(start + timedelta(minutes=1))
    auth = AuthService(site)
    actors = {role: auth.login(no, secret, role) for no, (role, secret) in demo.credentials.items()}
    server = LanServer(site, clock=clock)
    url = server.start()
    day = TheoryDay(site, demo, root, clock, actors, url)
    try:
        return day.run(roster)
    finally:
        day.close()
        server.stop()


class TheoryDay:
    def __init__(self, site, demo: DemoSite, root: Path, clock: ShiftedClock, actors: dict, url: str) -> None:
        self.site, self.demo, self.root, self.clock, self.url = site, demo, root, clock, url
        self.chief, self.admin = actors[Role.CHIEF_PROCTOR], actors[Role.ADMIN]
        self.service = TheoryService(site, clock)
        self.watch = Watch()
        self.backends: dict[str, LanTerminalBackend] = {}
        self.cable: LanCable | None = None
        self.child: subprocess.Popen | None = None
        self.rng = random.Random(11)

    def close(self) -> None:
        if self.child is not None and self.child.poll() is None:
            self.child.kill()
            self.child.wait()
        for backend in self.backends.values():
            backend.begin_close()
        for backend in self.backends.values():
            backend.close()
        if self.cable is not None:
            self.cable.close()

    def backend(self, enrolment: Enrolment, name: str) -> LanTerminalBackend:
        backend = LanTerminalBackend(enrolment, self.root / "terminals" / name, sync_delay=0.2, events_wait=2,
                                     tick_seconds=None)
        self.watch.listen(backend)
        return backend

    # -- the session ---------------------------------------------------------------------------
    def run(self, roster) -> str:
        enrolments = enrol_terminals(self.site, self.url, self.admin, len(roster) + 2, clock=self.clock)
        spare, crashing = enrolments.pop(), enrolments.pop()
        self.cable = LanCable(self.url)
        refused, behind_cable = 0, False
        for number, ((entry, room), enrolment) in enumerate(zip(roster, enrolments)):
            if not behind_cable:
                enrolment = replace(enrolment, base_url=self.cable.url)
            backend = self.backend(enrolment, f"seat-{number:03d}")
            try:
                backend.login(entry.ticket_no, entry.id_number[-6:])
            except KnownError as refused_login:
                if refused_login.code not in ("not_checked_in", "state"):
                    raise
                backend.close()
                refused += 1
                continue
            behind_cable = True
            self.backends[entry.ticket_no] = backend
        if len(self.backends) < 4:
            raise CheckFailed(f"only {len(self.backends)} candidates could log in")
        # The candidate whose terminal will crash logs in from a terminal process of its own.
        # Choose them in a room with a free seat to move them to, if there is one.
        free = {room: self.free_seats(room) for room in {room for _, room in roster}}
        eligible = [(e, room) for e, room in roster if e.ticket_no in self.backends
                    and self.backends[e.ticket_no].enrolment.base_url != self.cable.url]
        crash_entry = next((pair for pair in eligible if free[pair[1]]), eligible[0])
        self.backends.pop(crash_entry[0].ticket_no).close()
        rooms = sorted({room for _, room in roster})
        for room in rooms:
            self.service.start_room(self.chief, SESSION, room, self.demo.exam_password)
        started = self.watch.until(lambda: all(b.state().phase is Phase.RUNNING for b in self.backends.values()),
                                   EVENT_SECONDS * 2, "the terminals did not see the start")
        self.answer_rounds(ROUNDS)
        moved = self.crash_and_move(crash_entry, crashing, spare)
        offline, caught_up, unsynced_peak = self.cut_cable()
        extended = self.extension()
        forced = self.forced_submission()
        self.answer_rounds(ROUNDS)
        submitted = self.submit_the_rest()
        scores = self.service.grade_session(self.chief, SESSION)
        if len([s for s in scores if s.submitted_how is not None]) < submitted + 1:
            raise CheckFailed(f"{len(scores)} candidates graded, {submitted + 1} submitted")
        checked = self.every_acknowledged_answer_held(moved)
        return tr("{logged} terminals logged in over the LAN API ({refused} absent refused), rooms started "
                  "(seen in {start:.1f} s); a killed terminal's candidate resumed on seat {seat} with all "
                  "{answers} acknowledged answers; a terminal off the LAN for {offline:.1f} s kept {unsynced} "
                  "answers and caught up in {caught:.1f} s; extension seen in {extended:.1f} s, forced "
                  "submission in {forced:.1f} s; {submitted} submitted, {graded} graded; {checked} answers "
                  "read back from the database",
                  logged=len(self.backends), refused=refused, start=started, seat=moved["seat"],
                  answers=len(moved["answers"]), offline=offline, unsynced=unsynced_peak, caught=caught_up,
                  extended=extended, forced=forced, submitted=submitted, graded=len(scores), checked=checked)

    def answer_rounds(self, rounds: int) -> None:
        for backend in self.backends.values():
            state = backend.state()
            if state.phase is not Phase.RUNNING:
                continue
            items = backend.paper().items
            for _ in range(rounds):
                item = self.rng.choice(items)
                keys = [c.key for c in item.choices]
                response = (tuple(sorted(self.rng.sample(keys, 2))) if item.kind == "multiple"
                            else (self.rng.choice(keys),))
                backend.answer(item.code, response, self.rng.random() < 0.1)

    # -- incidents -----------------------------------------------------------------------------
    def crash_and_move(self, crash_entry, enrolment: Enrolment, spare: Enrolment) -> dict:
        entry, room = crash_entry
        orders = {"enrolment": asdict(enrolment), "journal_dir": str(self.root / "terminals" / "crashing"),
                  "ticket_no": entry.ticket_no, "id_last6": entry.id_number[-6:], "answers": 10, "seed": 5}
        self.child = subprocess.Popen([sys.executable, "-c", "from app.simulation.terminals import "
                                       "run_crashing_terminal; run_crashing_terminal()"],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.child.stdin.write(json.dumps(orders) + "\n")
        self.child.stdin.flush()
        journaled: dict[str, tuple[str, ...]] = {}
        for line in self.child.stdout:
            said = json.loads(line)
            if "journaled" in said:
                journaled[said["journaled"]] = tuple(said["response"])
            if "acknowledged" in said:
                break
        self.child.kill()  # SIGKILL mid-exam: the terminal dies with the candidate's session open
        self.child.wait()
        self.child.stdout.close()
        self.child.stdin.close()
        if not journaled:
            raise CheckFailed("the terminal that was to crash never answered")
        seat = self.move(entry.ticket_no, room)
        backend = self.backend(spare, "spare-seat")
        backend.login(entry.ticket_no, entry.id_number[-6:])
        self.backends[entry.ticket_no] = backend
        state = backend.state()
        missing = [code for code, response in journaled.items()
                   if code not in state.answers or state.answers[code].response != response]
        if missing:
            raise CheckFailed(f"answers lost when the candidate changed terminal: {missing}")
        if state.phase is not Phase.RUNNING or not state.seconds_left:
            raise CheckFailed("the moved candidate's exam is not running on the new terminal")
        return {"seat": seat, "answers": journaled, "ticket": entry.ticket_no}

    def move(self, ticket: str, room: str) -> str:
        """Move the candidate to a free seat; in a full room they stay at their seat and only the
        terminal is replaced (the stage says so)."""
        for seat in self.free_seats(room):
            try:
                self.service.move_candidate(self.chief, SESSION, ticket, seat, "终端死机，换机续考")
                return str(seat)
            except InvalidState:  # taken after all (e.g. an absent candidate's seat)
                continue
        view = self.service.room_console(self.chief, SESSION, room)
        own = next(s.seat_no for s in view.seats if s.ticket_no == ticket)
        return tr("{seat} (a replacement terminal: the room has no free seat)", seat=own)

    def free_seats(self, room: str) -> list[int]:
        """Empty seats first, then the seats of absent candidates (nobody sits there today)."""
        view = self.service.room_console(self.chief, SESSION, room)
        return [s.seat_no for status in (SeatStatus.EMPTY, SeatStatus.ABSENT) for s in view.seats
                if s.status is status and s.seat_no is not None]

    def cut_cable(self) -> tuple[float, float, int]:
        backend = next(b for b in self.backends.values() if b.enrolment.base_url == self.cable.url)
        self.cable.unplug()
        cut_at = time.monotonic()
        items = backend.paper().items
        for item in items[:5]:
            backend.answer(item.code, (item.choices[0].key,), False)
        self.watch.until(lambda: not backend.state().connected, 10, "the cut-off terminal still said connected")
        unsynced = backend.state().unsynced
        if unsynced < 5:
            raise CheckFailed(f"a terminal off the LAN has only {unsynced} unsynced answers")
        for item in items[5:8]:  # the candidate keeps answering off the LAN
            backend.answer(item.code, (item.choices[-1].key,), True)
        retries = backend.unreachable + 6  # a while: several more attempts to reach the host fail
        self.watch.until(lambda: backend.unreachable >= retries, 15, "the cut-off terminal stopped retrying")
        unsynced = backend.state().unsynced
        offline = time.monotonic() - cut_at
        self.cable.plug()
        caught = self.watch.until(lambda: backend.state().connected and backend.state().unsynced == 0, 15,
                                  "the terminal did not catch up after the LAN came back")
        return offline, caught, unsynced

    def extension(self) -> float:
        ticket, backend = self.pick()
        before = backend.state().ends_at
        new_end = self.service.change_time(self.chief, SESSION, ticket, TimeChangeKind.INCIDENT_CREDIT, 10,
                                           "停电十分钟，补时")
        if new_end is None or before is None or new_end - before < timedelta(minutes=10) - timedelta(seconds=1):
            raise CheckFailed(f"a 10-minute extension moved the end from {before} to {new_end}")
        return self.watch.until(lambda: backend.state().ends_at == new_end, EVENT_SECONDS,
                                "the extension did not reach the terminal")

    def forced_submission(self) -> float:
        ticket, backend = self.pick(skip=1)
        self.service.force_submit(self.chief, SESSION, ticket, "考生身体不适，主动要求交卷")
        return self.watch.until(lambda: backend.state().phase is Phase.SUBMITTED, EVENT_SECONDS,
                                "the forced submission did not reach the terminal")

    def pick(self, skip: int = 0) -> tuple[str, LanTerminalBackend]:
        running = [(ticket, backend) for ticket, backend in self.backends.items()
                   if backend.state().phase is Phase.RUNNING and backend.enrolment.base_url != self.cable.url]
        if len(running) <= skip:
            raise CheckFailed("no running terminal left")
        return running[skip]

    def submit_the_rest(self) -> int:
        self.clock.shift += timedelta(minutes=31)  # past the earliest submission
        submitted = 0
        for backend in self.backends.values():
            if backend.state().phase is not Phase.RUNNING:
                continue
            receipt = backend.submit()
            answered = sum(1 for a in backend.state().answers.values() if a.response)
            if receipt.answered != answered:
                raise CheckFailed(f"receipt of {receipt.ticket_no} counts {receipt.answered} answers, "
                                  f"the terminal {answered}")
            submitted += 1
        return submitted

    def every_acknowledged_answer_held(self, moved: dict) -> int:
        held = held_answers(self.site, SESSION, list(self.backends))
        checked = 0
        for ticket, backend in self.backends.items():
            journal = backend.journal
            if journal.unsynced():
                raise CheckFailed(f"terminal of {ticket} still holds {journal.unsynced()} unsent answers")
            for code, (response, flagged) in journal.answers().items():
                stored = held[ticket].get(code)
                if stored is None or (tuple(stored["response"]), stored["flagged"]) != (tuple(response), flagged):
                    raise CheckFailed(f"answer {code} of {ticket} is not in the database as acknowledged")
                checked += 1
        return checked
