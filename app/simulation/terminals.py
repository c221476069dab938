"""Simulated candidate terminals driving the real LAN API over HTTP.

Two kinds, both over `app/client/theory.py`:
- `LanTerminalBackend` itself (the kiosk's real backend, journal and threads included), used by
  the simulated exam day where every terminal must behave like the real one;
- `SimulatedTerminal`, a light terminal for the benchmark and the crash test: one thread, one
  keep-alive connection, a save every `interval` seconds (one answer per request, timed) and a
  heartbeat every 5 s. It remembers every save the host acknowledged, so that afterwards
  `lost_saves` can prove each one is in the database.

`enrol_terminals` enrols devices through the real enrolment exchange. `run_crashing_terminal`
is the body of a terminal process that the simulation kills with SIGKILL.
"""

from __future__ import annotations

import json
import random
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.audit.trail import utc_now
from app.client.http import Enrolment, LanClient, enrol
from app.client.theory import LanRefused, LanUnreachable, TheoryClient
from app.domain.actor import Actor
from app.errors import InvalidState
from app.services.lan_access import LanAccess
from app.services.site import Site

HEARTBEAT_SECONDS = 5.0


def enrol_terminals(site: Site, base_url: str, actor: Actor, count: int, room_code: str | None = None,
                    prefix: str = "sim-terminal", clock: Callable[[], datetime] = utc_now) -> list[Enrolment]:
    """Enrol `count` terminals: a one-time code from the console, the exchange over HTTP. `clock`:
    the host's (a simulated day's host runs on its own clock: a code must not expire on it)."""
    access = LanAccess(site, clock)
    enrolments = []
    for number in range(1, count + 1):
        code = access.issue_code(actor, "terminal", room_code)
        enrolments.append(enrol(base_url, code, f"{prefix}-{number:03d}"))
    return enrolments


def theory_client(enrolment: Enrolment, base_url: str | None = None, timeout: float = 5.0) -> TheoryClient:
    return TheoryClient(LanClient(base_url or enrolment.base_url, device_token=enrolment.token,
                                  pinned_sha256=enrolment.pinned_sha256, timeout=timeout))


def random_response(item: dict, rng: random.Random) -> list[str]:
    keys = [choice["key"] for choice in item["choices"]]
    if item["kind"] == "multiple":
        return sorted(rng.sample(keys, rng.randint(1, len(keys))))
    return [rng.choice(keys)]


@dataclass
class SimulatedTerminal:
    """A light terminal: the same API calls as the kiosk, no screen, no journal on disk.

    Saves are numbered from the host's `last_revision`; `acknowledged` maps each item to the
    latest save the host confirmed (revision, response, flagged); `pending` holds saves the host
    has not confirmed yet (it was unreachable), sent again at the next turn.
    """

    enrolment: Enrolment
    ticket_no: str
    id_last6: str
    seed: int = 0
    base_url: str | None = None
    api: TheoryClient = field(init=False)
    items: list[dict] = field(default_factory=list)
    revision: int = 0
    acknowledged: dict[str, tuple[int, tuple[str, ...], bool]] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)  # seconds per acknowledged save
    pending: list[dict] = field(default_factory=list)  # saves sent without an answer yet (host down)
    failures: int = 0
    receipt: dict | None = None

    def __post_init__(self) -> None:
        self.api = theory_client(self.enrolment, self.base_url)
        self.rng = random.Random(self.seed)

    def close(self) -> None:
        self.api.close()

    def login(self) -> dict:
        self.api.login(self.ticket_no, self.id_last6)
        state = self.api.state()
        self.revision = max(self.revision, int(state.get("last_revision") or 0))
        return state

    def load_paper(self) -> None:
        self.items = self.api.paper()["items"]

    def save_one(self) -> float | None:
        """Answer one random item: journal-free, so the save stays pending until the host answers."""
        item = self.rng.choice(self.items)
        self.revision += 1
        self.pending.append({"item_code": item["code"], "response": random_response(item, self.rng),
                             "flagged": self.rng.random() < 0.1, "revision": self.revision})
        return self.send_pending()

    def send_pending(self) -> float | None:
        """Send what is pending; returns the latency of the call, None when the host did not answer."""
        if not self.pending:
            return None
        batch = list(self.pending)
        started = time.perf_counter()
        try:
            answer = self.api.save(batch)
        except LanUnreachable:
            self.failures += 1
            return None
        elapsed = time.perf_counter() - started
        for save, result in zip(batch, answer["results"]):
            if result["status"] == "stored":
                self.acknowledged[save["item_code"]] = (save["revision"], tuple(save["response"]), save["flagged"])
        self.pending = self.pending[len(batch):]
        self.latencies.append(elapsed)
        return elapsed

    def heartbeat(self) -> bool:
        try:
            self.api.heartbeat()
            return True
        except LanUnreachable:
            self.failures += 1
            return False

    def submit(self) -> dict:
        self.receipt = self.api.submit(self.pending)
        self.pending = []
        return self.receipt


def lost_saves(terminal: SimulatedTerminal, held: dict[str, dict]) -> int:
    """Acknowledged saves the host does not hold (`held`: item → {response, flagged, revision}),
    plus saves that were never acknowledged."""
    lost = len(terminal.pending)
    for item, (revision, response, flagged) in terminal.acknowledged.items():
        stored = held.get(item)
        if stored is None or int(stored["revision"]) < revision:
            lost += 1
        elif int(stored["revision"]) == revision and (tuple(stored["response"]), bool(stored["flagged"])) != \
                (response, flagged):
            lost += 1
    return lost


class Fleet:
    """Runs simulated terminals, one thread each: a save every `interval` s (± jitter), a heartbeat
    every 5 s, until `stop()`; a terminal whose host is gone keeps its saves pending and retries."""

    def __init__(self, terminals: list[SimulatedTerminal], interval: float = 2.0,
                 heartbeat_seconds: float = HEARTBEAT_SECONDS) -> None:
        self.terminals = terminals
        self.interval = interval
        self.heartbeat_seconds = heartbeat_seconds
        self._stop = threading.Event()
        self._progress = threading.Condition()
        self._threads = [threading.Thread(target=self._drive, args=(t,), name=f"sim-terminal-{n}", daemon=True)
                         for n, t in enumerate(terminals)]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join()

    def until(self, condition, timeout: float) -> None:
        """Block until `condition()` holds (checked after every save and heartbeat); TimeoutError after `timeout`."""
        deadline = time.monotonic() + timeout
        with self._progress:
            while not condition():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("the simulated terminals did not get there in time")
                self._progress.wait(left)

    def wait(self, seconds: float) -> None:
        """Let the started terminals work for `seconds` (returns early once stopped)."""
        self._stop.wait(seconds)

    def run_for(self, seconds: float) -> None:
        """Start, let the terminals work for `seconds`, stop."""
        self.start()
        try:
            self._stop.wait(seconds)
        finally:
            self.stop()

    def _drive(self, terminal: SimulatedTerminal) -> None:
        rng = random.Random(terminal.seed + 1)
        next_save = time.monotonic() + rng.uniform(0, self.interval)
        next_beat = time.monotonic() + rng.uniform(0, self.heartbeat_seconds)
        while not self._stop.is_set():
            now = time.monotonic()
            try:
                if now >= next_save:
                    if terminal.pending:
                        terminal.send_pending()
                    else:
                        terminal.save_one()
                    next_save = now + self.interval * rng.uniform(0.8, 1.2)
                if now >= next_beat:
                    terminal.heartbeat()
                    next_beat = now + self.heartbeat_seconds
            except LanRefused:
                terminal.failures += 1
            with self._progress:
                self._progress.notify_all()
            self._stop.wait(max(0.0, min(next_save, next_beat) - time.monotonic()))


def run_crashing_terminal() -> None:
    """A terminal process for the simulation: reads its orders as JSON on stdin, logs in with the
    real backend, answers, and prints one JSON line per change once `answer` returned (durable
    in its journal) and one per acknowledgement. It never ends by itself: the caller kills it."""
    from app.terminal.backend import LanTerminalBackend

    orders = json.loads(sys.stdin.readline())
    enrolment = Enrolment(**orders["enrolment"])
    backend = LanTerminalBackend(enrolment, Path(orders["journal_dir"]), sync_delay=0.05, tick_seconds=None)
    backend.login(orders["ticket_no"], orders["id_last6"])
    paper = backend.paper()
    rng = random.Random(orders.get("seed", 0))
    for number in range(int(orders["answers"])):
        item = paper.items[number % len(paper.items)]
        labels = [c.key for c in item.choices]
        response = tuple(sorted(rng.sample(labels, 2))) if item.kind == "multiple" else (rng.choice(labels),)
        backend.answer(item.code, response, False)
        print(json.dumps({"journaled": item.code, "response": response}), flush=True)
    backend.flush()
    print(json.dumps({"acknowledged": backend.journal.acknowledged}), flush=True)
    threading.Event().wait()


@dataclass(frozen=True)
class Sitter:
    """A candidate of the theory session as a terminal knows them: what they type to log in."""

    ticket_no: str
    id_last6: str
    room_code: str
    name: str


def check_in_theory_roster(demo, session_code: str = "TH1", absent: int = 0) -> list[Sitter]:
    """Check the session's roster in at the desk (ticket scanned, proctor's visual check), as the
    check-in stage would; the last `absent` candidates stay away. Returns who is checked in."""
    from datetime import timedelta

    from app.domain.roles import Role
    from app.package import open_package
    from app.services.auth import AuthService
    from app.services.checkin import CheckinService, Decision, Evidence, Method
    from app.simulation.clock import ManualClock

    site = demo.site
    package = open_package(demo.package_path, site.require_keys(), site.trusted_issuers)
    start = next(s.starts_at for s in package.plan.sessions if s.code == session_code)
    roster = [(e, seat) for e in package.roster for seat in e.seats if seat.session_code == session_code]
    clock = ManualClock(start - timedelta(minutes=40))
    service = CheckinService(site, clock)
    proctor = next(AuthService(site).login(no, secret, role) for no, (role, secret) in demo.credentials.items()
                   if role is Role.CHIEF_PROCTOR)
    present = roster[:len(roster) - absent] if absent else roster
    sitters = []
    for entry, seat in present:
        clock.now += timedelta(seconds=5)
        try:
            service.decide(proctor, session_code, entry.ticket_no, Decision.CONFIRMED,
                           Evidence(method=Method.TICKET, ticket_status="valid", visual_check=True))
        except InvalidState:  # already checked in
            pass
        sitters.append(Sitter(entry.ticket_no, entry.id_number[-6:], seat.room_code, entry.name))
    return sitters


def held_answers(site: Site, session_code: str, tickets: list[str]) -> dict[str, dict[str, dict]]:
    """What the site's database holds, read directly: ticket → item code → {response, flagged, revision}."""
    from app.persistence import repositories, theory_store

    held: dict[str, dict[str, dict]] = {}
    with site.db.read() as session:
        plan = repositories.current_plan(session)
        exam_session = repositories.session_by_code(session, plan.id, session_code)
        codes = {item.id: item.code for paper in repositories.papers(session, plan.id)
                 for item in theory_store.items(session, paper.id)}
        for ticket in tickets:
            found = theory_store.sitting_of_ticket(session, exam_session.id, ticket)
            answers = theory_store.answers(session, found[0].id) if found else []
            held[ticket] = {codes[a.item_id]: {"response": list(a.response), "flagged": a.flagged,
                                               "revision": a.revision} for a in answers}
    return held
