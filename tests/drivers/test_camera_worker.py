"""CameraWorker on simulated cameras: unplug and replug, a hanging camera, a slow device, check-in."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
from test_camera_contract import FrameCollector, StateRecorder

from app.i18n import set_language
from drivers.camera import CameraState, CameraWorker, FrameSource, SimulatedCamera
from drivers.camera.worker import MAX_BACKOFF
from drivers.errors import DeviceUnavailable

FAST = (0.05, 0.1)


def test_unplug_and_replug_give_lost_then_live():
    camera = SimulatedCamera(fps=30, size=(160, 120), name="desk1")
    states = StateRecorder()
    with CameraWorker(camera, on_state=states, reconnect_backoff=FAST) as worker:
        states.wait_for(CameraState.LIVE, timeout=5)
        camera.unplug()
        _, message, _ = states.wait_for(CameraState.LOST, timeout=5)
        assert message == worker.message
        assert message.startswith("Camera desk1 (simulated) is disconnected; reconnecting")
        assert "was unplugged" in worker.last_error
        after = len(states.events)
        camera.replug()
        states.wait_for(CameraState.LIVE, timeout=5, after=after)
    assert states.states() == [CameraState.CONNECTING, CameraState.LIVE, CameraState.LOST,
                                CameraState.LIVE, CameraState.CLOSED]


def test_lost_message_is_chinese_by_default():
    set_language("zh_CN")  # the autouse fixture puts English back afterwards
    camera = SimulatedCamera(fps=30, size=(160, 120), name="desk1")
    states = StateRecorder()
    with CameraWorker(camera, on_state=states, reconnect_backoff=FAST):
        states.wait_for(CameraState.LIVE, timeout=5)
        camera.unplug()
        _, message, _ = states.wait_for(CameraState.LOST, timeout=5)
    assert "摄像头" in message and "已断开，正在重新连接" in message


def test_a_camera_that_hangs_is_lost_after_the_read_timeout():
    camera = SimulatedCamera(fps=30, size=(160, 120))
    states = StateRecorder()
    with CameraWorker(camera, on_state=states, read_timeout=0.5, reconnect_backoff=FAST):
        states.wait_for(CameraState.LIVE, timeout=5)
        camera.unplug(hang=True)
        hung = time.monotonic()
        _, message, lost_at = states.wait_for(CameraState.LOST, timeout=5)
        assert 0.4 <= lost_at - hung < 2
        assert "sent no picture for 0.5 seconds" in message


def test_a_camera_absent_at_start_is_retried_until_it_appears():
    camera = SimulatedCamera(fps=30, size=(160, 120))
    camera.unplug()
    states = StateRecorder()
    with CameraWorker(camera, on_state=states, reconnect_backoff=FAST) as worker:
        _, message, _ = states.wait_for(CameraState.LOST, timeout=5)
        assert "not available; retrying" in message and "not connected" in message
        camera.replug()
        states.wait_for(CameraState.LIVE, timeout=5)
        assert worker.latest() is not None


def test_unplugged_mid_check_in_keeps_the_last_picture_and_continues_after_replug():
    """The desk took a picture, the cable came out: a clear message, nothing lost, fresh pictures after."""
    camera = SimulatedCamera(fps=30, size=(160, 120), name="desk1")
    states = StateRecorder()
    with CameraWorker(camera, on_state=states, reconnect_backoff=FAST) as worker:
        taken = worker.wait_for_frame(timeout=5)
        assert taken is not None
        read_before = worker.frames_read
        camera.unplug()
        states.wait_for(CameraState.LOST, timeout=5)
        kept = worker.latest()
        assert kept is not None and kept.seq >= taken.seq  # the check-in still has its picture
        assert worker.latest(max_age=0) is None  # but it is not offered as a live one
        assert worker.wait_for_frame(after_seq=kept.seq, timeout=0.2) is None
        after = len(states.events)
        camera.replug()
        states.wait_for(CameraState.LIVE, timeout=5, after=after)
        fresh = worker.wait_for_frame(after_seq=kept.seq, timeout=5)
        assert fresh is not None and fresh.seq > kept.seq
        assert worker.frames_read > read_before


def test_the_latest_frame_is_handed_over_not_queued_and_gaps_are_counted():
    camera = SimulatedCamera(fps=200, size=(64, 48))
    slow = threading.Event()
    frames = FrameCollector()

    def on_frame(frame):
        frames(frame)
        slow.wait(0.05)  # a slow consumer: the camera runs on, frames in between are dropped

    with CameraWorker(camera, on_frame=on_frame) as worker:
        frames.wait_for(5, timeout=5)
        newest = worker.latest()
    assert newest.seq >= frames.frames[-1].seq
    assert worker.frames_dropped > 0
    assert worker.frames_dropped + worker.frames_read >= newest.seq


class SlowToOpen(FrameSource):
    """A device whose open() takes until the test says so."""

    description = "slow"

    def __init__(self):
        super().__init__()
        self.release = threading.Event()
        self.camera = SimulatedCamera(fps=30, size=(64, 48))

    def open(self):
        self.release.wait(10)
        self.camera.open()
        self._opened = True

    def read(self, timeout):
        return self.camera.read(timeout)

    def close(self):
        self.camera.close()
        self._opened = False


def test_start_never_waits_for_the_device():
    source = SlowToOpen()
    states = StateRecorder()
    worker = CameraWorker(source, on_state=states)
    started = time.monotonic()
    worker.start()
    try:
        assert time.monotonic() - started < 0.2
        assert worker.state is CameraState.CONNECTING
        assert worker.latest() is None
        source.release.set()
        states.wait_for(CameraState.LIVE, timeout=5)
    finally:
        worker.stop()


def test_callbacks_run_on_the_worker_thread_and_a_failing_callback_does_not_stop_the_camera(caplog):
    threads = set()

    def on_frame(frame):
        threads.add(threading.current_thread())
        raise RuntimeError("a bug in the preview")

    states = StateRecorder()
    with CameraWorker(SimulatedCamera(fps=60, size=(64, 48)), on_frame=on_frame, on_state=states) as worker:
        states.wait_for(CameraState.LIVE, timeout=5)
        first = worker.wait_for_frame(timeout=5)
        assert worker.wait_for_frame(after_seq=first.seq + 2, timeout=5) is not None
    assert threading.current_thread() not in threads and len(threads) == 1
    assert "on_frame failed" in caplog.text


def test_stop_is_idempotent_and_the_worker_can_start_again():
    worker = CameraWorker(SimulatedCamera(fps=30, size=(64, 48)))
    worker.stop()  # never started
    assert worker.state is CameraState.CLOSED
    for _ in range(2):
        worker.start()
        assert worker.wait_for_frame(timeout=5) is not None
        worker.stop()
        worker.stop()
        assert not worker.running and worker.state is CameraState.CLOSED


def test_stop_interrupts_the_backoff():
    camera = SimulatedCamera(fps=30, size=(64, 48))
    camera.unplug()
    states = StateRecorder()
    worker = CameraWorker(camera, on_state=states, reconnect_backoff=(5,))
    worker.start()
    states.wait_for(CameraState.LOST, timeout=5)
    stopping = time.monotonic()
    worker.stop()
    assert time.monotonic() - stopping < 1
    assert not worker.running


def test_backoff_is_capped():
    worker = CameraWorker(SimulatedCamera(), reconnect_backoff=(0.5, 30, 600))
    assert max(worker.reconnect_backoff) == MAX_BACKOFF == 5


def test_a_worker_from_a_spec_opens_the_camera_on_its_own_thread():
    camera = SimulatedCamera(fps=30, size=(64, 48)).register("worker-spec")
    try:
        with CameraWorker("sim:worker-spec") as worker:
            assert worker.description == "worker-spec (simulated)"
            frame = worker.wait_for_frame(timeout=5)
            assert frame is not None and frame.image.shape == (48, 64, 3)
            assert camera.is_open
    finally:
        SimulatedCamera.unregister("worker-spec")


def test_a_spec_that_names_no_camera_is_lost_with_a_sentence():
    states = StateRecorder()
    with CameraWorker("sim:nobody", on_state=states, reconnect_backoff=FAST):
        _, message, _ = states.wait_for(CameraState.LOST, timeout=5)
    assert "There is no simulated camera called nobody." in message


def test_simulated_camera_shows_what_it_is_given():
    camera = SimulatedCamera([np.zeros((120, 160, 3), np.uint8)], fps=100, size=(160, 120))
    with camera:
        assert not camera.read(1).image.any()
        ticket = np.full((60, 80), 255, np.uint8)  # gray, half size: converted and scaled
        camera.show(ticket)
        shown = camera.read(1).image
        assert shown.shape == (120, 160, 3) and (shown == 255).all()
        camera.show(None)
        assert not camera.read(1).image.any()


def test_simulated_camera_refuses_to_open_while_unplugged():
    camera = SimulatedCamera(size=(64, 48))
    camera.unplug()
    with pytest.raises(DeviceUnavailable, match="is not connected"):
        camera.open()
    camera.replug()
    with camera:
        assert camera.read(1).image.shape == (48, 64, 3)
