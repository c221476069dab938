"""The recorder as its own process under the supervisor, recording a real RTSP source on 127.0.0.1.

kill -9 of the recorder mid-segment: the supervisor starts it again within seconds, the new
process resumes the manifest (the partial segment adopted as `recovered`), at most 2 s of video
is lost and every closed segment verifies. A frozen camera is seen as silent and becomes a gap
in the manifest within 10 s.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import av
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "drivers"))
from test_camera_contract import RtspTestServer, make_clip

from app.simulation.demo_site import DEMO_PASSPHRASE, create_site
from app.video.channel import Assignment, camera_directory, write_desired
from app.video.manifest import MANIFEST_FILE, verify_directory
from app.video.status import RECORDING, SILENT, read_status, read_status_document
from app.video.supervisor import RecorderSupervisor

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def clip_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("recorder-process")
    make_clip(folder / "clip.mp4", seconds=3)  # 640x360, 15 fps, a key frame every second
    return folder


@pytest.fixture
def home(tmp_path):
    site = create_site(tmp_path / "site")
    site.close()
    return tmp_path / "site"


def wait_until(predicate, timeout: float, every: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)  # polling a child process's files: there is no signal to wait on
    return predicate()


def entries(directory: Path) -> list[dict]:
    path = directory / MANIFEST_FILE
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_bytes().split(b"\n") if line.strip().endswith(b"}")]


def assign(home: Path, server: RtspTestServer, camera: str = "cam1", segment_seconds: float = 2.0) -> Path:
    directory = camera_directory(home, "P1", "TH1", "R01", camera)
    write_desired(home, [Assignment("P1", "TH1", "R01", camera, server.url("clip.mp4"), "rtsp", str(directory),
                                    datetime.now(UTC), "schedule", segment_seconds)])
    return directory


def _seconds_in(path: Path) -> float:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stamps = [p.pts for p in container.demux(stream) if p.pts is not None and p.size]
    return float((max(stamps) - min(stamps)) * stream.time_base) + 1 / 15 if stamps else 0.0


def test_kill_9_mid_segment_is_restarted_within_seconds_and_loses_at_most_two_seconds(home, clip_folder):
    server = RtspTestServer(clip_folder).start()
    directory = assign(home, server)
    supervisor = RecorderSupervisor(home, passphrase=DEMO_PASSPHRASE, poll=0.2).start()
    try:
        assert wait_until(lambda: sum(e["kind"] == "segment" for e in entries(directory)) >= 2, 30)
        last_closed = [e for e in entries(directory) if e["kind"] == "segment"][-1]
        closed_at = datetime.fromisoformat(last_closed["at"])
        # mid-segment: about 1 s into the next 2 s segment
        wait_until(lambda: (datetime.now(UTC) - closed_at).total_seconds() >= 1.0, 5, every=0.02)
        victim = supervisor.pid
        os.kill(victim, signal.SIGKILL)
        killed, killed_wall = time.monotonic(), datetime.now(UTC)
        assert wait_until(lambda: supervisor.pid != victim and supervisor.restarts == 1, 10), "not restarted"
        restarted_after = supervisor.started_at[-1] - killed
        assert restarted_after <= 3
        recording = wait_until(lambda: (read_status_document(home) or {}).get("pid") == supervisor.pid and [
            s for s in read_status(home) if s.state == RECORDING and s.packets], 20)
        back_after = time.monotonic() - killed
        assert recording and back_after <= 10
        assert wait_until(lambda: any(e.get("action") == "recorder restarted" for e in entries(directory)), 5)
        assert wait_until(lambda: [e for e in entries(directory) if e["kind"] == "segment"
                                   and e["seq"] > last_closed["seq"] + 1], 15)
    finally:
        supervisor.stop()
        server.stop()
    report = verify_directory(directory, None)
    assert report.ok, report.problems
    segments = [e for e in entries(directory) if e["kind"] == "segment"]
    recovered = [e for e in segments if e.get("recovered")]
    assert len(recovered) == 1 and recovered[0]["seq"] == last_closed["seq"] + 1
    kept = _seconds_in(directory / recovered[0]["file"])
    lost = (killed_wall - closed_at).total_seconds() - kept
    print(f"restarted {restarted_after:.2f} s after kill -9, recording again after {back_after:.2f} s, "
          f"partial segment kept {kept:.2f} s, lost {lost:.2f} s")
    assert lost <= 2.0
    assert [e["seq"] for e in segments] == sorted({e["seq"] for e in segments})


def test_a_frozen_camera_is_silent_at_once_and_a_gap_within_ten_seconds(home, clip_folder):
    server = RtspTestServer(clip_folder).start()
    directory = assign(home, server, segment_seconds=1.0)
    supervisor = RecorderSupervisor(home, passphrase=DEMO_PASSPHRASE, poll=0.2).start()
    try:
        assert wait_until(lambda: [s for s in read_status(home) if s.state == RECORDING], 30)
        server.freeze()
        frozen = time.monotonic()
        assert wait_until(lambda: [s for s in read_status(home) if s.state == SILENT], 6), "not shown as silent"
        silent_after = time.monotonic() - frozen
        assert wait_until(lambda: [e for e in entries(directory) if e["kind"] == "gap"], 10.5), "no gap within 10 s"
        gap_after = time.monotonic() - frozen
        assert gap_after <= 10.5  # polled every 0.1 s
        status = wait_until(lambda: [s for s in read_status(home) if s.gaps == 1], 3)[0]
        assert status.directory == directory and status.state != RECORDING
        print(f"silent shown after {silent_after:.1f} s, gap recorded after {gap_after:.1f} s")
    finally:
        server.stop()
        supervisor.stop()
    assert verify_directory(directory, None).ok
