"""RTSP against a real server on 127.0.0.1: the camera is unplugged, hangs, comes back; bad addresses."""

from __future__ import annotations

import time

import pytest
from test_camera_contract import RtspTestServer, StateRecorder, free_port, make_clip

from drivers.camera import CameraState, CameraWorker, open_camera
from drivers.errors import DeviceUnavailable

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def clip_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rtsp")
    make_clip(folder / "clip.mp4")
    return folder


@pytest.fixture(scope="module")
def rtsp_server(clip_folder):
    server = RtspTestServer(clip_folder).start()
    yield server
    server.stop()


@pytest.fixture
def own_server(clip_folder):
    """A server this test may kill and restart on the same port."""
    server = RtspTestServer(clip_folder).start()
    yield server
    server.stop()


def test_server_killed_mid_stream_is_lost_then_live_again_on_restart(own_server):
    states = StateRecorder()
    worker = CameraWorker(own_server.url("clip.mp4"), on_state=states, reconnect_backoff=(0.5, 1))
    worker.start()
    try:
        states.wait_for(CameraState.LIVE, timeout=15)
        seen = worker.wait_for_frame(timeout=5)
        assert seen is not None

        own_server.stop()
        unplugged = time.monotonic()
        _, message, lost_at = states.wait_for(CameraState.LOST, timeout=5)
        assert lost_at - unplugged < 4
        assert "disconnected; reconnecting" in message and "127.0.0.1" in message
        assert worker.latest() is seen or worker.latest().seq >= seen.seq  # the last picture is kept

        after = len(states.events)
        own_server.start()
        states.wait_for(CameraState.LIVE, timeout=15, after=after)
        fresh = worker.wait_for_frame(after_seq=worker.latest().seq, timeout=5)
        assert fresh is not None and fresh.seq > seen.seq
    finally:
        worker.stop()
    assert not worker.running


def test_a_hanging_camera_is_lost_within_the_read_timeout(own_server):
    states = StateRecorder()
    worker = CameraWorker(own_server.url("clip.mp4"), on_state=states, read_timeout=3.0)
    worker.start()
    try:
        states.wait_for(CameraState.LIVE, timeout=15)
        own_server.freeze()
        frozen = time.monotonic()
        _, message, lost_at = states.wait_for(CameraState.LOST, timeout=8)
        assert lost_at - frozen < 4.5
        assert "reconnecting" in message
    finally:
        own_server.stop()  # also ends the reconnect attempt that is waiting on the frozen server
        worker.stop()
    assert not worker.running


def test_password_is_masked(rtsp_server):
    source = open_camera(rtsp_server.url("clip.mp4", credentials="admin:s3cret@"))
    assert "s3cret" not in source.description and "admin:***@" in source.description


def test_wrong_path_says_so(rtsp_server):
    with pytest.raises(DeviceUnavailable, match="no stream at this address"):
        open_camera(rtsp_server.url("nothing-here.mp4")).open()


def test_nobody_listening_says_check_the_cable():
    source = open_camera(f"rtsp://127.0.0.1:{free_port()}/main", open_timeout=2)
    started = time.monotonic()
    with pytest.raises(DeviceUnavailable, match="does not answer"):
        source.open()
    assert time.monotonic() - started < 3
