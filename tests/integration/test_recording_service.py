"""Session-bound recording against a real database and the recorder process's body in-process.

The camera registry, the pre-roll start, markers landing in the manifest, a manual stop that
only the chief proctor may make with a reason (audited, written into the manifest), a start by
hand, and the seal after the session: every manifest verifies against the site key.
"""

from __future__ import annotations

import json
import time
from datetime import timedelta

import pytest

from app.domain.roles import Role
from app.errors import InvalidState, KnownError, PermissionDenied
from app.persistence import audit_store, repositories
from app.services.auth import AuthService
from app.services.recording import RecordingService
from app.services.site import verify_audit
from app.simulation.clock import ManualClock as Clock
from app.simulation.demo_site import create_demo_site
from app.video.channel import write_desired
from app.video.manifest import MANIFEST_FILE, verify_directory
from app.video.recorder_process import RecorderProcess
from drivers.recorder.clips import make_clip

pytestmark = pytest.mark.slow
SESSION = "TH1"


@pytest.fixture
def venue(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=4)
    auth = AuthService(demo.site)
    actors = {}
    for staff_no, (role, secret) in demo.credentials.items():
        actors.setdefault(role, auth.login(staff_no, secret, role))
    with demo.site.db.read() as session:
        plan = repositories.current_plan(session)
        exam = repositories.session_by_code(session, plan.id, SESSION)
        start, end, room = exam.starts_at, exam.ends_at, exam.room_codes[0]
    clock = Clock(start - timedelta(minutes=30))
    clip = make_clip(tmp_path / "clip.mp4", seconds=2, fps=15)
    service = RecordingService(demo.site, clock, segment_seconds=1)
    service.add_camera(actors[Role.ADMIN], "cam-a", room, str(clip), kind="file")
    service.add_camera(actors[Role.ADMIN], "cam-b", room, str(clip), kind="file")
    process = RecorderProcess(demo.site.home.root, demo.site.keys.sign, demo.site.public.signing_public)
    yield demo, service, actors, clock, (start, end, room), process
    process.shutdown()
    demo.site.close()


def entries(directory) -> list[dict]:
    return [json.loads(line) for line in (directory / MANIFEST_FILE).read_bytes().splitlines()]


def follow(service, process, until, timeout: float = 20):
    """The supervisor's job, done by hand: write what is due, let the recorder take a step, until `until()`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        write_desired(service.site.home, service.assignments())
        process.step()
        if until():
            return True
        time.sleep(0.1)  # the recorder threads write segments in real time
    return False


def test_cameras_are_registered_by_the_administrator_only_and_audited(venue):
    demo, service, actors, clock, (start, end, room), process = venue
    assert [(c.camera_id, c.room, c.kind) for c in service.cameras()] == [("cam-a", room, "file"), ("cam-b", room, "file")]
    with pytest.raises(PermissionDenied):
        service.add_camera(actors[Role.PROCTOR], "cam-c", room, "rtsp://10.0.0.9/1")
    with pytest.raises(InvalidState):
        service.add_camera(actors[Role.ADMIN], "cam-a", room, "rtsp://10.0.0.9/1")
    service.add_camera(actors[Role.ADMIN], "cam-c", room, "rtsp://admin:secret@10.0.0.9/1")
    service.remove_camera(actors[Role.ADMIN], "cam-c")
    assert [c.camera_id for c in service.cameras()] == ["cam-a", "cam-b"]
    with demo.site.db.read() as session:
        added = [e for e in audit_store.iter_events(session) if e.action == "video.camera_added"]
    assert len(added) == 3 and "secret" not in added[-1].after and "admin:***@10.0.0.9" in added[-1].after
    assert verify_audit(demo.site).ok


def test_recording_follows_the_session_markers_land_and_only_the_chief_stops_it(venue):
    demo, service, actors, clock, (start, end, room), process = venue
    proctor, chief = actors[Role.PROCTOR], actors[Role.CHIEF_PROCTOR]
    assert service.assignments() == []  # 30 minutes before: nothing yet
    assert service.mark(proctor, room, "too early") is False
    clock.now = start - timedelta(minutes=15)
    cameras = {a.camera_id: a for a in service.assignments()}
    assert sorted(cameras) == ["cam-a", "cam-b"] and cameras["cam-a"].started_by == "schedule"
    directories = [demo.site.home.root / "video" / a.plan / SESSION / room / a.camera_id for a in cameras.values()]
    assert all(str(d) == cameras[d.name].directory for d in directories)

    assert follow(service, process, lambda: all(
        any(e["kind"] == "segment" for e in entries(d)) for d in directories if (d / MANIFEST_FILE).exists())
        and all((d / MANIFEST_FILE).exists() for d in directories))
    assert service.mark(proctor, room, "check-in refused: forged ticket", ticket="T001") is True
    assert follow(service, process, lambda: all(any(e["kind"] == "marker" for e in entries(d)) for d in directories))
    marker = next(e for e in entries(directories[0]) if e["kind"] == "marker")
    assert marker["label"] == "check-in refused: forged ticket" and marker["by"] == proctor.staff_no
    assert marker["ticket"] == "T001"

    with pytest.raises(PermissionDenied):
        service.stop(proctor, SESSION, room, "I want to")
    with pytest.raises(KnownError, match="reason"):
        service.stop(chief, SESSION, room, "  ")
    clock.now = start + timedelta(minutes=5)
    service.stop(chief, SESSION, room, "camera cable replaced")
    assert service.assignments() == []
    assert follow(service, process, lambda: not process.running)
    for directory in directories:
        stop = [e for e in entries(directory) if e.get("action") == "recording stopped"]
        assert len(stop) == 1 and stop[0]["reason"] == "camera cable replaced" and stop[0]["by"] == chief.staff_no

    clock.now = start + timedelta(minutes=7)
    service.start(proctor, SESSION, room, "cable back")
    assert {a.started_by for a in service.assignments()} == {proctor.staff_no}
    assert follow(service, process, lambda: len(process.running) == 2)

    with pytest.raises(InvalidState):
        service.seal(proctor, SESSION, room)  # the session has not ended
    clock.now = end + timedelta(minutes=20)
    assert len(service.assignments()) == 2  # still recording after the end, until the seal
    service.seal(proctor, SESSION, room)
    assert service.assignments() == []
    assert follow(service, process, lambda: not process.running and all(
        entries(d)[-1]["kind"] == "seal" for d in directories))
    with pytest.raises(InvalidState):
        service.start(proctor, SESSION, room)

    for directory in directories:
        report = verify_directory(directory, demo.site.public.signing_public)
        assert report.ok and report.sealed and report.markers == 1 and report.segments >= 1, report.problems
        actions = [e["action"] for e in entries(directory) if e["kind"] == "action"]
        assert actions[0] == "recording started" and "recording stopped" in actions and "room sealed" in actions
    with demo.site.db.read() as session:
        events = [e.action for e in audit_store.iter_events(session)]
    assert events.count("video.stop_refused") == 2
    assert {"video.recording_stopped", "video.recording_started", "video.room_sealed"} <= set(events)
    assert verify_audit(demo.site).ok
