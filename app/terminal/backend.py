"""The candidate terminal's real backend: journal first, then the site host.

`LanTerminalBackend` implements `TerminalBackend` (app/terminal/model.py) over the theory API
(app/client/theory.py). Every change goes into the encrypted journal (fsync) before `answer`
returns; a sync thread sends what the host has not acknowledged, in batches, within about half
a second (always within 2 s while the host answers), with a heartbeat every 5 s; an events
thread long-polls the room's events (start, pause, extension, forced submission). When the LAN
is gone the candidate keeps answering: `state().connected` turns False and `unsynced` counts up;
the sync thread keeps trying and catches up when the host answers again.

Resuming: a log-in on the same terminal reopens the sitting's journal, sends what it holds
unacknowledged, then takes the host's answers; a log-in on another terminal (换机续考) takes
the host's answers, which hold everything any terminal had acknowledged. The screen's choice
keys are the labels of this candidate's (maybe shuffled) paper; the journal and the host hold
the original keys.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from app.client.http import Enrolment, LanClient
from app.client.theory import LanRefused, LanUnreachable, TheoryClient, instant
from app.errors import InvalidState, KnownError
from app.i18n import tr
from app.security import JournalCipher
from app.terminal.journal import Journal
from app.terminal.model import (AnswerView, CandidateView, ChoiceView, ExamState, ItemView, PaperView, Phase,
                                Receipt)

log = logging.getLogger("examsite.terminal")

SYNC_DELAY = 0.3  # seconds a first unsent change waits for others to join its batch
HEARTBEAT_SECONDS = 5.0
RETRY_SECONDS = 1.0  # between attempts while the host does not answer
TICK_SECONDS = 1.0  # on_change at least this often once someone listens (the countdown)
EVENTS_WAIT = 5
BATCH = 200


class LanTerminalBackend:
    """`TerminalBackend` for an enrolled terminal; `journal_dir` is on the terminal's own disk."""

    def __init__(self, enrolment: Enrolment, journal_dir: Path, *, timeout: float = 5.0,
                 sync_delay: float = SYNC_DELAY, heartbeat_seconds: float = HEARTBEAT_SECONDS,
                 retry_seconds: float = RETRY_SECONDS, events_wait: int = EVENTS_WAIT,
                 tick_seconds: float | None = TICK_SECONDS) -> None:
        self.enrolment = enrolment
        self.journal_dir = Path(journal_dir)
        self.sync_delay, self.heartbeat_seconds, self.retry_seconds = sync_delay, heartbeat_seconds, retry_seconds
        self.events_wait, self.tick_seconds = events_wait, tick_seconds
        self._timeout = timeout
        self._api = self._client()  # the kiosk's own calls
        self._sync_api = self._client()  # the sync thread's
        self._events_api = self._client(timeout=min(timeout, 3.0))
        self._lock = threading.RLock()
        self._send_lock = threading.Lock()  # one batch of saves on the wire at a time
        self._wake = threading.Condition(threading.Lock())
        self._woken = False
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._callbacks: list[Callable[[ExamState], None]] = []
        self._journal: Journal | None = None
        self._candidate: CandidateView | None = None
        self._paper: PaperView | None = None
        self._labels: dict[str, dict[str, str]] = {}  # item → original key → label
        self._keys: dict[str, dict[str, str]] = {}  # item → label → original key
        self._host: dict = {}
        self._event_seq = 0
        self._server_at: tuple[datetime, float] | None = None  # (host instant, local monotonic then)
        self._connected = True
        self._message: str | None = None
        self._superseded = False
        self._reports: list[dict] = []
        self._last_heartbeat = 0.0
        self._pending_since: float | None = None
        self.sync_errors = 0  # refusals met by the sync thread
        self.unreachable = 0  # calls that found no host

    def _client(self, timeout: float | None = None) -> TheoryClient:
        return TheoryClient(LanClient(self.enrolment.base_url, device_token=self.enrolment.token,
                                      pinned_sha256=self.enrolment.pinned_sha256, timeout=timeout or self._timeout))

    # -- TerminalBackend ---------------------------------------------------------------------
    def login(self, ticket_no: str, id_last6: str) -> CandidateView:
        with self._lock:
            if self._candidate is not None:
                raise InvalidState(tr("A candidate is already logged in on this terminal."))
            answer = self._call(lambda: self._api.login(ticket_no.strip(), id_last6.strip()))
            token = self._api.candidate_token
            self._sync_api.candidate_token = self._events_api.candidate_token = token
            me = answer["candidate"]
            view = _candidate_view(me)
            sitting = f"{me['ticket_no']}|{me['session_code']}|{self.enrolment.site_id}"
            name = hashlib.sha256(sitting.encode("utf-8")).hexdigest()[:32]
            self._journal = Journal(self.journal_dir / f"{name}.journal", JournalCipher(self.enrolment.token, sitting))
            if self._journal.dropped_bytes:
                log.warning("journal %s: a torn last record (%d bytes) was dropped", name, self._journal.dropped_bytes)
            try:
                self._resume()
            except BaseException:  # the log-in did not complete: the kiosk may try again
                self._journal.close()
                self._journal = self._paper = None
                raise
            self._candidate = view
            self._start_threads()
        self._notify()
        return view

    def paper(self) -> PaperView:
        with self._lock:
            self._require_login()
            if self._paper is None:
                self._load_paper(self._call(self._api.paper))
            return self._paper

    def state(self) -> ExamState:
        with self._lock:
            return self._state()

    def answer(self, item_code: str, response: tuple[str, ...], flagged: bool) -> None:
        with self._lock:
            self._require_login()
            if self._phase() not in (Phase.RUNNING, Phase.PAUSED):
                raise InvalidState(tr("Answers can be changed only while the exam is running."))
            if self._paper is None:
                self.paper()
            keys = self._keys.get(item_code)
            if keys is None or any(label not in keys for label in response):
                raise KnownError(tr("This answer does not belong to this paper."), code="bad_answer")
            original = tuple(sorted(keys[label] for label in response))
            self._journal.record(item_code, original, flagged, self._server_now().isoformat())
            if self._pending_since is None:
                self._pending_since = time.monotonic()
        self._poke()
        self._notify()

    def submit(self) -> Receipt:
        with self._send_lock:
            with self._lock:
                self._require_login()
                journal = self._journal
            if journal.submitted:
                return _receipt(journal.submitted)
            pending = journal.pending()
            while len(pending) > BATCH:  # the submit call carries at most one batch
                self._send(self._api, pending[:BATCH])
                pending = journal.pending()
            answer = self._call(lambda: self._api.submit([e.as_save() for e in pending]))
            if pending:
                journal.acknowledge(pending[-1].revision)
            journal.mark_submitted(answer)
            with self._lock:
                self._host["phase"] = Phase.SUBMITTED.value
                self._host["receipt"] = answer
        self._notify()
        return _receipt(answer)

    def report(self, kind: str, detail: str = "") -> None:
        with self._lock:
            self._reports.append({"kind": kind, "detail": detail[:500], "at": _iso(self._server_now())})
            del self._reports[:-50]
        self._poke()

    def leave(self, proctor_code: str) -> bool:
        return self._call(lambda: self._api.leave(proctor_code.strip()))

    def on_change(self, callback: Callable[[ExamState], None]) -> None:
        with self._lock:
            self._callbacks.append(callback)

    def begin_close(self) -> None:
        """Tell the threads to stop without waiting (closing many terminals: stop all, then close each)."""
        self._stop.set()
        self._poke()

    def close(self) -> None:
        self.begin_close()
        for thread in self._threads:
            thread.join()
        self._threads = []
        for api in (self._api, self._sync_api, self._events_api):
            api.close()
        with self._lock:
            if self._journal is not None:
                self._journal.close()

    # -- what tests and the simulation read ------------------------------------------------------
    @property
    def journal(self) -> Journal | None:
        return self._journal

    def flush(self, timeout: float = 10.0) -> bool:
        """Send what is pending now, in this thread; True when nothing is left unacknowledged."""
        deadline = time.monotonic() + timeout
        while self._journal.unsynced() and time.monotonic() < deadline:
            try:
                with self._send_lock:
                    pending = self._journal.pending()[:BATCH]
                    if pending:
                        self._send(self._api, pending)
            except (LanUnreachable, LanRefused):
                return False
        return not self._journal.unsynced()

    # -- resuming ------------------------------------------------------------------------------
    def _resume(self) -> None:
        """Send what this terminal's journal still holds, then take the host's word."""
        host = self._call(self._api.state)
        pending = self._journal.pending()
        if pending and host.get("phase") in (Phase.RUNNING.value, Phase.PAUSED.value):
            for start in range(0, len(pending), BATCH):
                self._send(self._api, pending[start:start + BATCH])
            host = self._call(self._api.state)
        self._take_state(host)
        answers = {code: (tuple(a.get("response") or ()), bool(a.get("flagged")))
                   for code, a in (host.get("answers") or {}).items()}
        self._journal.adopt(answers, int(host.get("last_revision") or 0))
        if host.get("receipt") and not self._journal.submitted:
            self._journal.mark_submitted(host["receipt"])
        if host.get("phase") in (Phase.RUNNING.value, Phase.PAUSED.value, Phase.SUBMITTED.value):
            try:
                self._load_paper(self._call(self._api.paper))
            except LanRefused:
                pass

    # -- the threads ---------------------------------------------------------------------------
    def _start_threads(self) -> None:
        for name, target in (("terminal-sync", self._sync_loop), ("terminal-events", self._events_loop)):
            thread = threading.Thread(target=target, name=name, daemon=True)
            self._threads.append(thread)
            thread.start()

    def _poke(self) -> None:
        with self._wake:
            self._woken = True
            self._wake.notify_all()

    def _sleep(self, seconds: float) -> None:
        with self._wake:
            if not self._woken and not self._stop.is_set():
                self._wake.wait(max(0.0, seconds))
            self._woken = False

    def _sync_loop(self) -> None:
        next_tick = time.monotonic()
        while not self._stop.is_set():
            now = time.monotonic()
            delay = self._sync_once(now)
            if self.tick_seconds and self._callbacks and now >= next_tick:
                next_tick = now + self.tick_seconds
                self._notify()
            if self.tick_seconds and self._callbacks:
                delay = min(delay, max(0.0, next_tick - time.monotonic()))
            self._sleep(delay)

    def _sync_once(self, now: float) -> float:
        """One round of the sync thread; returns how long it may sleep."""
        if self._superseded or self._journal.submitted:
            return self.heartbeat_seconds
        pending = self._journal.pending()
        if pending:
            since = self._pending_since or now
            if self._connected and now - since < self.sync_delay:
                return self.sync_delay - (now - since)
            try:
                with self._send_lock:
                    pending = self._journal.pending()[:BATCH]
                    if pending:
                        self._send(self._sync_api, pending)
                self._pending_since = time.monotonic() if self._journal.unsynced() else None
                return 0.0 if self._journal.unsynced() else self._heartbeat_due(now)
            except LanUnreachable:
                return self.retry_seconds
            except LanRefused as refused:
                self._refused(refused)
                return self.retry_seconds
        if now - self._last_heartbeat >= self.heartbeat_seconds or (self._reports and self._connected):
            self._heartbeat()
        return self._heartbeat_due(time.monotonic())

    def _heartbeat_due(self, now: float) -> float:
        wait = self.heartbeat_seconds if self._connected else self.retry_seconds
        return max(0.0, self._last_heartbeat + wait - now)

    def _heartbeat(self) -> None:
        with self._lock:
            reports, self._reports = self._reports, []
        self._last_heartbeat = time.monotonic()
        try:
            answer = self._call(lambda: self._sync_api.heartbeat(reports), sync=True)
        except LanUnreachable:
            with self._lock:
                self._reports[:0] = reports
            return
        except LanRefused as refused:
            self._refused(refused)
            return
        with self._lock:
            self._host.update({k: answer[k] for k in ("phase", "ends_at") if k in answer})
        if int(answer.get("event_seq") or 0) > self._event_seq:
            self._refresh()
        self._notify()

    def _send(self, api: TheoryClient, pending: list) -> None:
        """Send one batch; the journal records the acknowledgement once the host committed it."""
        answer = self._call(lambda: api.save([e.as_save() for e in pending]), sync=True)
        self._journal.acknowledge(pending[-1].revision)
        with self._lock:
            self._host.update({k: answer[k] for k in ("phase", "ends_at") if k in answer})
        self._notify()

    def _refused(self, refused: LanRefused) -> None:
        self.sync_errors += 1
        if refused.status in (401, 403):
            with self._lock:
                self._superseded = True
                self._message = tr("This sitting continues on another terminal; this one no longer saves answers.")
        else:
            self._refresh()
        self._notify()

    def _events_loop(self) -> None:
        while not self._stop.is_set():
            if self._superseded:
                self._stop.wait(self.heartbeat_seconds)
                continue
            try:
                answer = self._events_api.events(self._event_seq, self.events_wait)
            except LanUnreachable:
                self._stop.wait(self.retry_seconds)
                continue
            except LanRefused as refused:
                self._refused(refused)
                self._stop.wait(self.retry_seconds)
                continue
            events = answer.get("events") or []
            for event in events:
                if event.get("kind") == "warning":
                    with self._lock:
                        self._message = (event.get("data") or {}).get("note") or self._message
            last = int(answer.get("last_seq") or self._event_seq)
            if events:
                self._refresh(at_least=last)
            elif last > self._event_seq:
                self._event_seq = last

    def _refresh(self, at_least: int = 0) -> None:
        """Take /state as the truth after an event or a refusal."""
        try:
            host = self._call(self._events_api.state, sync=True)
        except (LanUnreachable, LanRefused):
            return
        with self._lock:
            self._take_state(host)
            self._event_seq = max(self._event_seq, at_least)
            if host.get("receipt") and self._journal is not None and not self._journal.submitted:
                self._journal.mark_submitted(host["receipt"])
        self._notify()

    # -- helpers -------------------------------------------------------------------------------
    def _call(self, call: Callable, *, sync: bool = False):
        started = time.monotonic()
        try:
            answer = call()
        except LanUnreachable:
            self._set_connected(False)
            raise
        self._set_connected(True)
        if isinstance(answer, dict) and answer.get("server_now"):
            finished = time.monotonic()
            if finished - started < 1.0:
                self._server_at = (instant(answer["server_now"]), (started + finished) / 2)
        return answer

    def _set_connected(self, connected: bool) -> None:
        if not connected:
            self.unreachable += 1
        changed = connected != self._connected
        self._connected = connected
        if changed:
            self._notify()

    def _take_state(self, host: dict) -> None:
        self._host = dict(host)
        if host.get("message"):
            self._message = host["message"]
        self._event_seq = max(self._event_seq, int(host.get("event_seq") or 0))

    def _load_paper(self, data: dict) -> None:
        items = []
        labels: dict[str, dict[str, str]] = {}
        for raw in data["items"]:
            choices = tuple(ChoiceView(c.get("label") or c["key"], c["text"]) for c in raw["choices"])
            labels[raw["code"]] = {c["key"]: c.get("label") or c["key"] for c in raw["choices"]}
            image = base64.b64decode(raw["image"]) if raw.get("image") else None
            items.append(ItemView(code=raw["code"], number=int(raw["number"]), kind=raw["kind"], stem=raw["stem"],
                                  choices=choices, points=str(raw["points"]), image=image))
        self._paper = PaperView(code=data["code"], title=data["title"], items=tuple(items))
        self._labels = labels
        self._keys = {code: {label: key for key, label in mapping.items()} for code, mapping in labels.items()}

    def _server_now(self) -> datetime:
        if self._server_at is None:
            return datetime.now(timezone.utc)
        at, local = self._server_at
        return at + timedelta(seconds=time.monotonic() - local)

    def _phase(self) -> Phase:
        if self._journal is not None and self._journal.submitted:
            return Phase.SUBMITTED
        try:
            return Phase(self._host.get("phase") or Phase.WAITING.value)
        except ValueError:
            return Phase.WAITING

    def _state(self) -> ExamState:
        answers: dict[str, AnswerView] = {}
        unsynced = 0
        if self._journal is not None:
            unsynced = self._journal.unsynced()
            for code, (response, flagged) in self._journal.answers().items():
                mapping = self._labels.get(code, {})
                answers[code] = AnswerView(tuple(sorted(mapping.get(key, key) for key in response)), flagged)
        host = self._host
        return ExamState(phase=self._phase(), server_now=self._server_now(),
                         starts_at=instant(host.get("starts_at")), ends_at=instant(host.get("ends_at")),
                         earliest_submit_at=instant(host.get("earliest_submit_at")),
                         answers=answers, unsynced=unsynced, connected=self._connected, message=self._message)

    def _notify(self) -> None:
        with self._lock:
            if not self._callbacks:
                return
            state = self._state()
            callbacks = list(self._callbacks)
        for callback in callbacks:
            try:
                callback(state)
            except Exception:  # a listener's bug must not stop the sync
                log.exception("terminal state listener failed")

    def _require_login(self) -> None:
        if self._candidate is None or self._journal is None:
            raise InvalidState(tr("Log in first."))


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def _candidate_view(me: dict) -> CandidateView:
    photo = base64.b64decode(me["photo"]) if me.get("photo") else None
    return CandidateView(ticket_no=me["ticket_no"], name=me["name"], photo_jpeg=photo,
                         seat_no=str(me.get("seat_no") or ""),
                         room_name=me.get("room_name", ""), session_title=me.get("session_title", ""),
                         occupation=me.get("occupation", ""), level=me.get("level", ""),
                         rules=tuple(me.get("rules") or ()))


def _receipt(data: dict) -> Receipt:
    return Receipt(ticket_no=data["ticket_no"], name=data["name"], submitted_at=instant(data["submitted_at"]),
                   answered=int(data["answered"]), total=int(data["total"]), digest=data["digest"], how=data["how"])
