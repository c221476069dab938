"""Session-bound recording: what must be recording now, the camera registry, stops, seals and markers.

The rule (issue 5, DESIGN.md "Video"): every room of a session is recorded from
`video_preroll_minutes` (plan rule, default 15) before the session starts until the room is
sealed. `rooms_due(windows, controls, now)` decides it — a pure function of the plan, the clock
and the operator controls — and the supervisor (app/video/supervisor.py) makes the recorder
process follow `RecordingService.assignments(now)`.

A proctor cannot stop a recording silently: a manual stop needs the chief proctor and a reason,
is a RecordingControl row and an audit event in one transaction, and is written into every
camera manifest of the room as an `action`. Starts (by the schedule or by hand), restarts and the
seal are manifest actions too. `mark()` turns an incident recorded anywhere into a `marker` in the
room's open manifests, through the recorder process's command channel (it is the only writer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.audit.trail import utc_now
from app.domain.actor import Actor
from app.domain.roles import Role
from app.errors import InvalidState, KnownError, NotFound, PermissionDenied
from app.i18n import tr
from app.persistence import repositories
from app.persistence.models import video as video_store
from app.persistence.models.video import Camera, RecordingControl
from app.services.authz import require
from app.services.site import Site
from app.video.channel import Assignment, Command, camera_directory, send_command

DEFAULT_PREROLL_MINUTES = 15
CAMERA_KINDS = ("rtsp", "usb", "file", "sim")
STOP_ROLES = (Role.CHIEF_PROCTOR,)
ROOM_ROLES = (Role.PROCTOR, Role.CHIEF_PROCTOR)
SEAL_ROLES = (Role.PROCTOR, Role.CHIEF_PROCTOR, Role.SUPERVISOR)


@dataclass(frozen=True)
class SessionWindow:
    """A session as far as recording is concerned."""

    plan: str
    session: str
    starts_at: datetime
    ends_at: datetime
    rooms: tuple[str, ...]
    preroll_minutes: int = DEFAULT_PREROLL_MINUTES
    state: str = "planned"

    @property
    def records_from(self) -> datetime:
        return self.starts_at - timedelta(minutes=self.preroll_minutes)


@dataclass(frozen=True)
class Control:
    plan: str
    session: str
    room: str
    action: str  # stop, start, seal
    by: str
    at: datetime
    reason: str = ""


@dataclass(frozen=True)
class RoomDue:
    """A room that must be recording now, since when, and who made it so."""

    plan: str
    session: str
    room: str
    since: datetime
    started_by: str  # "schedule" or a staff number


def rooms_due(windows: Iterable[SessionWindow], controls: Iterable[Control], now: datetime) -> list[RoomDue]:
    """Rooms that must be recording at `now`: from the pre-roll until sealed, unless stopped by hand and not started again."""
    controls = sorted((c for c in controls if c.at <= now), key=lambda c: c.at)
    due = []
    for window in windows:
        if now < window.records_from or window.state == "sealed":
            continue
        for room in window.rooms:
            mine = [c for c in controls if (c.plan, c.session, c.room) == (window.plan, window.session, room)]
            if any(c.action == "seal" for c in mine):
                continue
            since, by = window.records_from, "schedule"
            last = mine[-1] if mine else None
            if last is not None and last.action == "stop":
                continue
            if last is not None and last.action == "start":
                since, by = last.at, last.by
            due.append(RoomDue(window.plan, window.session, room, since, by))
    return due


@dataclass(frozen=True)
class CameraEntry:
    camera_id: str
    room: str
    main_url: str
    sub_url: str
    kind: str
    enabled: bool


class RecordingService:
    def __init__(self, site: Site, clock: Callable[[], datetime] = utc_now, segment_seconds: float = 60.0) -> None:
        self.site = site
        self.clock = clock
        self.segment_seconds = segment_seconds

    # -- the camera registry --------------------------------------------------------------------

    def cameras(self) -> list[CameraEntry]:
        with self.site.db.read() as session:
            return [_entry(camera) for camera in video_store.cameras(session)]

    def add_camera(self, actor: Actor, camera_id: str, room: str, main_url: str, *, sub_url: str = "",
                   kind: str = "rtsp", enabled: bool = True) -> CameraEntry:
        require(actor, Role.ADMIN)
        camera_id, room = camera_id.strip(), room.strip()
        if not camera_id or not camera_id.replace("-", "").replace("_", "").isalnum() or not room or not main_url:
            raise KnownError(tr("A camera needs an id of letters, digits, '-' or '_', a room and an address."),
                             code="bad_camera")
        if kind not in CAMERA_KINDS:
            raise KnownError(tr("The camera kind must be one of {kinds}.", kinds=", ".join(CAMERA_KINDS)),
                             code="bad_camera")
        with self.site.db.transaction() as tx:
            if video_store.camera_by_id(tx, camera_id) is not None:
                raise InvalidState(tr("Camera {camera} is already registered.", camera=camera_id))
            camera = Camera(camera_id=camera_id, room_code=room, main_url=main_url, sub_url=sub_url, kind=kind,
                            enabled=enabled, added_at=self.clock())
            tx.add(camera)
            self.site.audit.record(tx, actor, "video.camera_added", f"camera:{camera_id}", after={
                "room": room, "kind": kind, "enabled": enabled, "main_url": masked_url(main_url), "sub_url": masked_url(sub_url)})
            return _entry(camera)

    def remove_camera(self, actor: Actor, camera_id: str) -> None:
        require(actor, Role.ADMIN)
        with self.site.db.transaction() as tx:
            camera = video_store.camera_by_id(tx, camera_id)
            if camera is None:
                raise NotFound(tr("There is no camera {camera}.", camera=camera_id))
            self.site.audit.record(tx, actor, "video.camera_removed", f"camera:{camera_id}",
                                   before={"room": camera.room_code, "kind": camera.kind})
            tx.delete(camera)

    # -- what must be recording -----------------------------------------------------------------

    def windows_and_controls(self) -> tuple[list[SessionWindow], list[Control]]:
        with self.site.db.read() as session:
            plan = repositories.current_plan(session)
            if plan is None:
                return [], []
            preroll = int((plan.rules or {}).get("video_preroll_minutes", DEFAULT_PREROLL_MINUTES))
            windows = [SessionWindow(plan.plan_code, s.code, s.starts_at, s.ends_at, tuple(s.room_codes), preroll,
                                     s.state) for s in plan.sessions]
            controls = [Control(c.plan_code, c.session_code, c.room_code, c.action, c.by_staff, c.at, c.reason)
                        for c in video_store.recording_controls(session) if c.plan_code == plan.plan_code]
        return windows, controls

    def due(self, now: datetime | None = None) -> list[RoomDue]:
        windows, controls = self.windows_and_controls()
        return rooms_due(windows, controls, now or self.clock())

    def assignments(self, now: datetime | None = None) -> list[Assignment]:
        """Every enabled camera of every room due now: what the recorder process must record."""
        due = self.due(now)
        with self.site.db.read() as session:
            cameras = video_store.cameras(session, enabled_only=True)
        by_room: dict[str, list[Camera]] = {}
        for camera in cameras:
            by_room.setdefault(camera.room_code, []).append(camera)
        return [Assignment(plan=room.plan, session=room.session, room=room.room, camera_id=camera.camera_id,
                           source=camera.main_url, kind=camera.kind,
                           directory=str(camera_directory(self.site.home, room.plan, room.session, room.room,
                                                          camera.camera_id)),
                           since=room.since, started_by=room.started_by, segment_seconds=self.segment_seconds)
                for room in due for camera in by_room.get(room.room, [])]

    # -- operator controls ----------------------------------------------------------------------

    def stop(self, actor: Actor, session_code: str, room_code: str, reason: str) -> None:
        """Stop a room's recording before its seal: the chief proctor only, with a reason; audited."""
        subject = f"video:{session_code}:{room_code}"
        refusal = None
        if actor.role not in STOP_ROLES:
            refusal = PermissionDenied(tr("Only the chief proctor may stop a room's recording before it is sealed."))
        elif not reason.strip():
            refusal = KnownError(tr("Stopping a room's recording needs a reason."), code="reason_required")
        if refusal is not None:
            with self.site.db.transaction() as tx:
                self.site.audit.record(tx, actor, "video.stop_refused", subject,
                                       after={"reason": reason.strip(), "refusal": refusal.code})
            raise refusal
        room = self._recording_room(session_code, room_code)
        self._control(actor, room, "stop", reason.strip(), "video.recording_stopped")

    def start(self, actor: Actor, session_code: str, room_code: str, reason: str = "") -> None:
        """Start a room's recording again after a manual stop; audited and written into the manifests."""
        require(actor, *ROOM_ROLES)
        windows, controls = self.windows_and_controls()
        window = _window(windows, session_code, room_code)
        mine = [c for c in controls if (c.session, c.room) == (session_code, room_code)]
        if any(c.action == "seal" for c in mine):
            raise InvalidState(tr("Room {room} of session {session} is sealed; its recording cannot start again.",
                                  room=room_code, session=session_code))
        self._control(actor, RoomDue(window.plan, session_code, room_code, self.clock(), actor.staff_no), "start",
                      reason.strip(), "video.recording_started")

    def seal(self, actor: Actor, session_code: str, room_code: str) -> None:
        """Seal a room's video after the session ended: recording stops and every manifest is sealed."""
        require(actor, *SEAL_ROLES)
        windows, controls = self.windows_and_controls()
        window = _window(windows, session_code, room_code)
        now = self.clock()
        if now < window.ends_at and window.state not in ("ended", "sealed"):
            raise InvalidState(tr("Session {session} has not ended; its rooms cannot be sealed yet.", session=session_code))
        if any(c.action == "seal" and (c.session, c.room) == (session_code, room_code) for c in controls):
            raise InvalidState(tr("Room {room} of session {session} is already sealed.", room=room_code,
                                  session=session_code))
        self._control(actor, RoomDue(window.plan, session_code, room_code, now, actor.staff_no), "seal", "",
                      "video.room_sealed")

    def _recording_room(self, session_code: str, room_code: str) -> RoomDue:
        for room in self.due():
            if (room.session, room.room) == (session_code, room_code):
                return room
        raise InvalidState(tr("Room {room} of session {session} is not being recorded.", room=room_code,
                              session=session_code))

    def _control(self, actor: Actor, room: RoomDue, action: str, reason: str, event: str) -> None:
        at = self.clock()
        with self.site.db.transaction() as tx:
            tx.add(RecordingControl(plan_code=room.plan, session_code=room.session, room_code=room.room, action=action,
                                    by_staff=actor.staff_no, reason=reason, at=at))
            self.site.audit.record(tx, actor, event, f"video:{room.session}:{room.room}",
                                   after={"plan": room.plan, "reason": reason})
        kind, label = {"stop": ("stop", ""), "seal": ("seal", ""), "start": ("action", "recording started by hand")}[action]
        send_command(self.site.home, Command(kind=kind, plan=room.plan, session=room.session, room=room.room,
                                             by=actor.staff_no, at=at, label=label, reason=reason,
                                             details={"role": actor.role_code}))

    # -- markers --------------------------------------------------------------------------------

    def mark(self, actor: Actor, room_code: str, label: str, at: datetime | None = None, **details: str) -> bool:
        """An incident in `room_code` becomes a marker in the room's open manifests; False when it is not recording.

        Callers (check-in refusals and overrides, theory incidents…) record the incident and audit it
        themselves; a room that is not being recorded is not an error for them.
        """
        at = at or self.clock()
        with self.site.db.read() as session:
            filmed = {camera.room_code for camera in video_store.cameras(session, enabled_only=True)}
        if room_code not in filmed:
            return False  # no camera in that room: no recording to mark
        rooms = [room for room in self.due(at) if room.room == room_code]
        for room in rooms:
            send_command(self.site.home, Command(kind="marker", plan=room.plan, session=room.session, room=room.room,
                                                 by=actor.staff_no, at=at, label=label,
                                                 details={"role": actor.role_code, **details}))
        return bool(rooms)


def _window(windows: list[SessionWindow], session_code: str, room_code: str) -> SessionWindow:
    for window in windows:
        if window.session == session_code and room_code in window.rooms:
            return window
    raise NotFound(tr("Session {session} has no room {room}.", session=session_code, room=room_code))


def _entry(camera: Camera) -> CameraEntry:
    return CameraEntry(camera.camera_id, camera.room_code, camera.main_url, camera.sub_url, camera.kind, camera.enabled)


def masked_url(url: str) -> str:
    """The address with its password shown as ***."""
    if "://" in url and "@" in url.split("://", 1)[1]:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        return f"{scheme}://{credentials.split(':', 1)[0]}:***@{host}"
    return url
