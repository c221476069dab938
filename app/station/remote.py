"""The examiner station on a tablet or PC: a `StationBackend` over the site host's LAN API.

Every save and workpiece photo goes into the examiner's durable outbox on the station first
(`app.station.outbox`), then to the host, in order; the host applies each sequence number once,
so sending again after a Wi-Fi drop or a crash of the station neither loses nor doubles an
entry. While the host cannot be reached the station keeps working on its own copy: the sheet
shows the draft with the number of changes still waiting (`SheetState.pending`), and a worker
thread keeps trying and catches up when the connection is back. Signing needs the host, because
the examiner's key stays sealed there: offline, signing is refused with a sentence saying so,
and the draft stays.
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from app.client.http import LanClient, LanRefused, LanUnreachable
from app.client.practical import PracticalClient, instant
from app.domain.paper import PracticalTask, RubricItem, RubricItemKind
from app.errors import KnownError, PermissionDenied
from app.i18n import tr
from app.practical.rules import ScoringRefused, task_total, validate_entries
from app.station.model import (
    CandidateCard,
    ExaminerView,
    ResultView,
    RubricItemView,
    SheetState,
    Stroke,
    TaskView,
)
from app.station.outbox import Entry, Outbox

RETRY_SECONDS = 2.0

Key = tuple[str, str, str]  # session, ticket, task


class Offline(KnownError):
    code = "offline"


class LanStationBackend:
    def __init__(self, lan: LanClient, folder: Path, *, retry_seconds: float = RETRY_SECONDS) -> None:
        self.client = PracticalClient(lan)
        self.folder = Path(folder)
        self.retry_seconds = retry_seconds
        self.outbox: Outbox | None = None
        self.examiner: ExaminerView | None = None
        self._connected = True
        self._tasks: dict[tuple[str, str], TaskView] = {}
        self._sheets: dict[Key, SheetState] = {}  # as the host last said
        self._cards: list[CandidateCard] = []
        self._photos: dict[str, bytes] = {}
        self._callbacks: list[Callable[[], None]] = []
        self._sending = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._worker: threading.Thread | None = None

    # -- log-in ----------------------------------------------------------------------------
    def login(self, staff_no: str, pin: str) -> ExaminerView:
        """Needs the host (the PIN is checked there). Opens this examiner's outbox and sends what waits in it."""
        if self.examiner is not None:
            self.logout()
        answer = self.client.login(staff_no, pin)
        self._set_connected(True)
        self.examiner = ExaminerView(**answer)
        self.outbox = Outbox.open(self.folder, self.examiner.staff_no)
        self.outbox.ack(self.client.applied(self.outbox.outbox_id))  # an ack lost in a crash
        self._stop.clear()
        self._worker = threading.Thread(target=self._run, name="station-outbox", daemon=True)
        self._worker.start()
        self._flush()
        return self.examiner

    def logout(self) -> None:
        """Ends the log-in; anything not yet sent stays in the outbox for this examiner's next log-in."""
        self._stop.set()
        self._wake.set()
        if self._worker is not None:
            self._worker.join(timeout=self.client.lan.timeout + 5)
            self._worker = None
        if self.examiner is not None:
            try:
                self.client.logout()
            except (LanUnreachable, LanRefused):
                pass
        self.client.staff_token = None
        self.examiner, self.outbox = None, None
        self._tasks.clear()
        self._sheets.clear()
        self._cards.clear()

    def close(self) -> None:
        self.logout()
        self.client.close()

    # -- reading ---------------------------------------------------------------------------
    def candidates(self) -> list[CandidateCard]:
        self._who()
        try:
            rows = self._online(self.client.candidates)
        except Offline:
            if not self._cards:
                raise
            rows = None
        if rows is not None:
            cards = []
            for row in rows:
                ticket = row["ticket_no"]
                if ticket not in self._photos:
                    try:
                        self._photos[ticket] = self._online(lambda: self.client.photo(ticket))
                    except (Offline, LanRefused):
                        self._photos[ticket] = None
                cards.append(CandidateCard(row["session_code"], ticket, row["name"], row["seat_no"],
                                           row["room_code"], self._photos[ticket], row["checked_in"],
                                           tuple(row["tasks"]), dict(row["my_state"])))
            self._cards = cards
        waiting = {(e.body["session"], e.body["ticket"], e.body["task"]) for e in self._pending() if e.op == "save"}
        return [CandidateCard(c.session_code, c.ticket_no, c.name, c.seat_no, c.room_code, c.photo_jpeg, c.checked_in,
                              c.tasks, {task: "draft" if (c.session_code, c.ticket_no, task) in waiting else state
                                        for task, state in c.my_state.items()})
                for c in self._cards]

    def task(self, session_code: str, task_code: str) -> TaskView:
        self._who()
        if (session_code, task_code) not in self._tasks:
            data = self._online(lambda: self.client.task(session_code, task_code))
            items = tuple(RubricItemView(i["code"], i["description"], i["kind"], i["max_points"], i["step"],
                                         tuple(i["quick_deductions"])) for i in data["items"])
            self._tasks[session_code, task_code] = TaskView(data["code"], data["title"], data["time_limit_minutes"],
                                                            data["max_score"], items)
        return self._tasks[session_code, task_code]

    def sheet(self, session_code: str, ticket_no: str, task_code: str) -> SheetState:
        """This examiner's sheet: the host's, with the changes still waiting on this station on top."""
        self._who()
        key = (session_code, ticket_no, task_code)
        if not self._waiting(key):
            try:
                self._sheets[key] = _sheet(self._online(lambda: self.client.sheet(*key)))
            except Offline:
                if key not in self._sheets:
                    raise
        return self._local(key)

    def result(self, session_code: str, ticket_no: str, task_code: str) -> ResultView:
        self._who()
        data = self._online(lambda: self.client.result(session_code, ticket_no, task_code))
        return ResultView(data["ticket_no"], data["task_code"], data["signed"], data["required"], data["complete"],
                          data["flagged"], data["final"], tuple(_sheet(s) for s in data["sheets"]))

    # -- writing ---------------------------------------------------------------------------
    def save(self, session_code: str, ticket_no: str, task_code: str, entries: dict[str, str],
             note: str = "", reason: str = "") -> SheetState:
        """Kept on the station's disk first, then sent; offline, the draft waits in the outbox."""
        self._who()
        key = (session_code, ticket_no, task_code)
        task = self._tasks.get((session_code, task_code))
        if task is not None:
            validate_entries(_practical(task), entries, complete=False)
        if not reason.strip() and key in self._sheets and self._sheets[key].state == "signed" \
                and not self._waiting(key):
            raise ScoringRefused(tr("A signed score sheet cannot be changed: a correction needs a reason."),
                                 code="needs_reason")
        self.outbox.append("save", {"session": session_code, "ticket": ticket_no, "task": task_code,
                                    "entries": {code: str(value) for code, value in entries.items()},
                                    "note": note, "reason": reason})
        self._changed()
        if self._connected:
            self._flush()
        else:
            self._wake.set()
        return self._local(key)

    def add_photo(self, session_code: str, ticket_no: str, task_code: str, jpeg: bytes) -> None:
        self._who()
        self.outbox.append("photo", {"session": session_code, "ticket": ticket_no, "task": task_code,
                                     "jpeg": base64.b64encode(bytes(jpeg)).decode("ascii")})
        self._changed()
        if self._connected:
            self._flush()
        else:
            self._wake.set()

    def sign(self, session_code: str, ticket_no: str, task_code: str, pin: str,
             strokes: Sequence[Stroke]) -> SheetState:
        """Needs the host: the key is sealed there. Everything waiting is sent first."""
        self._who()
        key = (session_code, ticket_no, task_code)
        if not self._flush() or self._waiting(key):
            raise Offline(_sign_offline())
        try:
            self._sheets[key] = _sheet(self._online(lambda: self.client.sign(*key, pin, strokes)))
        except Offline:
            raise Offline(_sign_offline()) from None
        return self._local(key)

    # -- connection ------------------------------------------------------------------------
    def connected(self) -> bool:
        return self._connected

    def on_change(self, callback: Callable[[], None]) -> None:
        self._callbacks.append(callback)

    def pending(self) -> int:
        return len(self._pending())

    def refusals(self) -> list[str]:
        """Sentences of changes the host refused when they were sent from the outbox (e.g. after a signing)."""
        return [sentence for _, sentence in self.outbox.refused] if self.outbox else []

    # -- helpers ---------------------------------------------------------------------------
    def _who(self) -> ExaminerView:
        if self.examiner is None or self.outbox is None:
            raise PermissionDenied(tr("Log in with your staff number and PIN first."))
        return self.examiner

    def _pending(self) -> list[Entry]:
        return self.outbox.pending() if self.outbox else []

    def _waiting(self, key: Key) -> list[Entry]:
        return [e for e in self._pending() if (e.body["session"], e.body["ticket"], e.body["task"]) == key]

    def _local(self, key: Key) -> SheetState:
        """The host's sheet with this station's waiting saves applied, as the examiner sees it."""
        host = self._sheets.get(key) or SheetState(*key, 0, "none", {}, "0", "", None, None)
        waiting = self._waiting(key)
        saves = [e for e in waiting if e.op == "save"]
        if not saves:
            return _with_pending(host, len(waiting))
        last = saves[-1].body
        task = self._tasks.get((key[0], key[2]))
        total = host.total
        if task is not None:
            total = _text(task_total(_practical(task), validate_entries(_practical(task), last["entries"],
                                                                        complete=False)))
        correction = host.state == "signed"
        return SheetState(*key, host.version + 1 if correction else max(host.version, 1), "draft",
                          dict(last["entries"]), total, last["note"].strip(),
                          last["reason"].strip() or (host.reason if not correction else None), None, len(waiting))

    def _online(self, call):
        try:
            answer = call()
        except LanUnreachable as exc:
            self._set_connected(False)
            self._wake.set()
            raise Offline(tr("The site host cannot be reached: {detail}", detail=exc.message)) from exc
        self._set_connected(True)
        return answer

    def _flush(self) -> bool:
        """Send what waits, in order. False if the host cannot be reached (everything stays in the outbox)."""
        outbox = self.outbox
        if outbox is None:
            return False
        with self._sending:
            entries = outbox.pending()
            for entry in entries:
                body = entry.body
                key = (body["session"], body["ticket"], body["task"])
                try:
                    if entry.op == "save":
                        answer = self.client.save(*key, body["entries"], body["note"], body["reason"],
                                                  outbox.outbox_id, entry.seq)
                        self._sheets[key] = _sheet(answer)
                    else:
                        self.client.add_photo(*key, base64.b64decode(body["jpeg"]))
                except LanUnreachable:
                    self._set_connected(False)
                    return False
                except LanRefused as refused:
                    if refused.status == 401 or refused.code == "login":
                        self._set_connected(True)
                        return False  # the log-in ended: the outbox waits for the next one
                    outbox.ack(entry.seq, refused=refused.message)
                else:
                    outbox.ack(entry.seq)
                self._changed()
            if entries:
                self._set_connected(True)
            return True

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.retry_seconds)
            self._wake.clear()
            if self._stop.is_set():
                break
            if self._pending():
                self._flush()
            elif not self._connected:
                try:
                    self._online(self.client.me)
                except (Offline, LanRefused):
                    pass

    def _set_connected(self, connected: bool) -> None:
        if connected != self._connected:
            self._connected = connected
            self._changed()

    def _changed(self) -> None:
        for callback in list(self._callbacks):
            callback()


def _sign_offline() -> str:
    return tr("The site host cannot be reached: signing needs it, because your signing key is kept there. "
              "Your marks are kept on this station and are sent as soon as the connection is back; sign then.")


def _sheet(data: dict) -> SheetState:
    return SheetState(data["session_code"], data["ticket_no"], data["task_code"], data["version"], data["state"],
                      dict(data["entries"]), data["total"], data["note"], data["reason"], instant(data["signed_at"]))


def _with_pending(state: SheetState, pending: int) -> SheetState:
    if state.pending == pending:
        return state
    return SheetState(state.session_code, state.ticket_no, state.task_code, state.version, state.state,
                      state.entries, state.total, state.note, state.reason, state.signed_at, pending)


def _practical(task: TaskView) -> PracticalTask:
    return PracticalTask(code=task.code, title=task.title, time_limit_minutes=task.time_limit_minutes,
                         max_score=Decimal(task.max_score),
                         rubric=tuple(RubricItem(code=i.code, description=i.description, kind=RubricItemKind(i.kind),
                                                 max_points=Decimal(i.max_points), step=Decimal(i.step))
                                      for i in task.items))


def _text(value: Decimal) -> str:
    return format(value.normalize(), "f") if value else "0"
