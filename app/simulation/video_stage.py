"""The video stage of the simulated exam day: every theory room recorded from the pre-roll to its seal.

Real recorder process under the real supervisor, following the real recording service on the
simulated clock: one camera per room (a file source looping a clip made here with PyAV — a
camera's H.264 stream, recorded by stream copy), incident markers from the proctors, an attempt
by a proctor to stop a room's recording (refused: only the chief proctor, with a reason), the
seal after the session, and every session directory verified against the site key at the end.
"""

from __future__ import annotations

import json

import time
from datetime import timedelta

from app.domain.roles import Role
from app.errors import KnownError, PermissionDenied
from app.i18n import tr
from app.persistence import repositories
from app.services.auth import AuthService
from app.services.recording import RecordingService
from app.simulation.clock import ManualClock
from app.simulation.demo_site import DEMO_PASSPHRASE, DemoSite
from app.video.manifest import MANIFEST_FILE, verify_directory
from app.video.status import RECORDING, read_status
from app.video.supervisor import RecorderSupervisor

SESSION = "TH1"
INCIDENTS = ("candidate asked to change seats (screen glare)", "paper-password entered: exam started",
             "candidate left the room for 3 minutes, escorted")


class VideoCheckFailed(KnownError):
    code = "simulation"


def _wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)  # the recorder is another process: its files are polled
    raise VideoCheckFailed(f"timed out waiting for {what}")


def run(demo: DemoSite) -> str:
    from drivers.recorder.clips import make_clip  # PyAV is loaded only for this stage

    site = demo.site
    auth = AuthService(site)
    actors = {}
    for staff_no, (role, secret) in demo.credentials.items():
        actors.setdefault(role, auth.login(staff_no, secret, role))
    with site.db.read() as session:
        plan = repositories.current_plan(session)
        exam = repositories.session_by_code(session, plan.id, SESSION)
        start, end, rooms = exam.starts_at, exam.ends_at, list(exam.room_codes)
    clip = make_clip(site.home.root / "video-demo-clip.mp4", seconds=2, fps=15)
    clock = ManualClock(start - timedelta(minutes=20))
    service = RecordingService(site, clock, segment_seconds=1)
    for room in rooms:
        service.add_camera(actors[Role.ADMIN], f"cam-{room}", room, str(clip), kind="file")
    if service.assignments():
        raise VideoCheckFailed("recording started before the pre-roll")
    clock.now = start - timedelta(minutes=15)
    supervisor = RecorderSupervisor(site.home, passphrase=DEMO_PASSPHRASE, decide=service.assignments, clock=clock,
                                    poll=0.3).start()
    try:
        _wait(lambda: len([s for s in read_status(site.home) if s.state == RECORDING]) == len(rooms), 60,
              "every room's camera to record")
        directories = [s.directory for s in read_status(site.home)]
        clock.now = start + timedelta(minutes=20)
        for index, label in enumerate(INCIDENTS):
            if not service.mark(actors[Role.PROCTOR], rooms[index % len(rooms)], label):
                raise VideoCheckFailed(f"room {rooms[index % len(rooms)]} was not recording for a marker")
        try:
            service.stop(actors[Role.PROCTOR], SESSION, rooms[0], "")
        except PermissionDenied:
            pass
        else:
            raise VideoCheckFailed("a proctor stopped a room's recording")
        _wait(lambda: sum(_count(d, "marker", INCIDENTS) for d in directories) == len(INCIDENTS)
              and all(_count(d, "segment") >= 2 for d in directories), 60, "the markers and segments")
        clock.now = end + timedelta(minutes=5)
        for room in rooms:
            service.seal(actors[Role.PROCTOR], SESSION, room)
        _wait(lambda: all(_count(d, "seal") for d in directories) and not [
            s for s in read_status(site.home) if s.state != "stopped"], 60, "the rooms to be sealed")
        restarts = supervisor.restarts
    finally:
        supervisor.stop()
    segments = seconds = markers = 0
    for directory in directories:
        report = verify_directory(directory, site.public.signing_public)
        if not report.ok or not report.sealed:
            problem = report.first_problem.message if report.first_problem else "not sealed"
            raise VideoCheckFailed(f"{directory.name}: {problem}")
        segments, seconds, markers = segments + report.segments, seconds + report.seconds, markers + report.markers
    if restarts:
        raise VideoCheckFailed(f"the recorder process was restarted {restarts} times")
    return tr("{rooms} rooms recorded from the pre-roll to the seal: {segments} segments ({seconds} s), {markers} "
              "incident markers, a proctor's stop refused; every session directory verifies",
              rooms=len(rooms), segments=segments, seconds=f"{seconds:.1f}", markers=markers)


def _count(directory, kind: str, labels: tuple[str, ...] | None = None) -> int:
    """Entries of `kind` in a manifest; with `labels`, only those markers (other stages add their own)."""
    path = directory / MANIFEST_FILE
    if not path.exists():
        return 0
    entries = [json.loads(line) for line in path.read_bytes().splitlines() if line.strip().endswith(b"}")]
    return sum(1 for e in entries if e.get("kind") == kind and (labels is None or e.get("label") in labels))
