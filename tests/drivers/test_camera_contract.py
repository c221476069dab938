"""The camera contract: every FrameSource backend, real and simulated, passes the same tests.

Backends: "sim" (SimulatedCamera), "file" (a clip made here with PyAV), "rtsp" (that clip served by a
real RTSP server, aio-rtsp-toolkit, in a subprocess on 127.0.0.1), and "usb" (a real camera; only with
--hardware, index from EXAMSITE_TEST_USB, default 0).

The helpers below (make_clip, RtspTestServer, StateRecorder) are shared with the other
test_camera_*.py files.
"""

from __future__ import annotations

import os
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from drivers.camera import (
    CameraState,
    CameraWorker,
    Frame,
    FrameSource,
    SimulatedCamera,
    open_camera,
)
from drivers.errors import DeviceError

CLIP_SIZE = (640, 360)
CLIP_FPS = 15


# -- helpers shared by the camera tests ----------------------------------------------------------

def make_clip(path: Path, seconds: float = 3, size: tuple[int, int] = CLIP_SIZE, fps: int = CLIP_FPS) -> Path:
    """Write an H.264 MP4 of a moving pattern (the RTSP test server serves only H.264/H.265)."""
    import av

    if "libx264" not in av.codecs_available:
        pytest.skip("this PyAV build has no libx264 encoder to make a test clip")
    width, height = size
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"preset": "ultrafast", "tune": "zerolatency", "g": str(fps)}
        for index in range(int(seconds * fps)):
            image = np.empty((height, width, 3), np.uint8)
            image[:, :, 0] = (np.arange(width)[None, :] + index * 8) % 256
            image[:, :, 1] = (np.arange(height)[:, None] * 2) % 256
            image[:, :, 2] = (index * 5) % 256
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="bgr24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


_SERVER = """
import asyncio, os, sys
import aio_rtsp_toolkit.server as server

async def main():
    rtsp = server.RtspServer(sys.argv[1], host="127.0.0.1", port=int(sys.argv[2]))
    await rtsp.start()
    print("READY", flush=True)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    await rtsp.serve_forever()

asyncio.run(main())
"""


class RtspTestServer:
    """aio-rtsp-toolkit's file server in a child process: start, freeze (SIGSTOP), kill, start again."""

    def __init__(self, directory: Path, port: int | None = None) -> None:
        self.directory = directory
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def url(self, name: str, credentials: str = "") -> str:
        return f"rtsp://{credentials}127.0.0.1:{self.port}/{name}?play_count=0"

    def start(self, timeout: float = 15) -> RtspTestServer:
        process = subprocess.Popen([sys.executable, "-c", _SERVER, str(self.directory), str(self.port)],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.process = process
        output, deadline = b"", time.monotonic() + timeout
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            while b"READY\n" not in output and time.monotonic() < deadline:
                if selector.select(deadline - time.monotonic()):
                    chunk = os.read(process.stdout.fileno(), 4096)
                    if not chunk:
                        break
                    output += chunk
        ready = b"READY\n" in output
        process.stdout.close()
        if not ready:
            self.stop()
            pytest.fail(f"the RTSP test server did not start on port {self.port}")
        return self

    def freeze(self) -> None:
        """The camera hangs: the connection stays open but nothing more arrives."""
        self.process.send_signal(signal.SIGSTOP)

    def stop(self) -> None:
        """Pull the plug: the process dies and the kernel closes its sockets."""
        process, self.process = self.process, None
        if process is not None:
            process.kill()
            process.wait(10)


class StateRecorder:
    """on_state callback that tests can wait on (bounded waits on a condition, no sleeps)."""

    def __init__(self) -> None:
        self.events: list[tuple[CameraState, str, float]] = []
        self._changed = threading.Condition()

    def __call__(self, state: CameraState, message: str) -> None:
        with self._changed:
            self.events.append((state, message, time.monotonic()))
            self._changed.notify_all()

    def states(self) -> list[CameraState]:
        return [state for state, _, _ in self.events]

    def wait_for(self, state: CameraState, timeout: float, after: int = 0) -> tuple[CameraState, str, float]:
        """The first event `state` at index >= `after`; fails the test after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for event in self.events[after:]:
                    if event[0] is state:
                        return event
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    pytest.fail(f"no {state} within {timeout} s; saw {self.events}")
                self._changed.wait(remaining)


class FrameCollector:
    """on_frame callback that counts frames and lets a test wait for the n-th."""

    def __init__(self) -> None:
        self.frames: list[Frame] = []
        self._changed = threading.Condition()

    def __call__(self, frame: Frame) -> None:
        with self._changed:
            self.frames.append(frame)
            self._changed.notify_all()

    def wait_for(self, count: int, timeout: float) -> list[Frame]:
        with self._changed:
            if not self._changed.wait_for(lambda: len(self.frames) >= count, timeout):
                pytest.fail(f"only {len(self.frames)} of {count} frames within {timeout} s")
            return list(self.frames)


# -- fixtures ------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def camera_clip(tmp_path_factory) -> Path:
    return make_clip(tmp_path_factory.mktemp("camera") / "clip.mp4")


@pytest.fixture(scope="session")
def rtsp_server(camera_clip) -> Iterator[RtspTestServer]:
    server = RtspTestServer(camera_clip.parent).start()
    yield server
    server.stop()


BACKENDS = [
    pytest.param("sim", id="sim"),
    pytest.param("file", id="file"),
    pytest.param("rtsp", id="rtsp"),
    pytest.param("usb", id="usb", marks=pytest.mark.hardware),
]


@pytest.fixture(params=BACKENDS)
def make_source(request) -> Iterator[Callable[[], FrameSource]]:
    """A factory of fresh, unopened sources of one backend; every source is closed afterwards."""
    made: list[FrameSource] = []

    def make() -> FrameSource:
        if request.param == "sim":
            source: FrameSource = SimulatedCamera(fps=30, size=(320, 240))
        elif request.param == "file":
            source = open_camera(f"file:{request.getfixturevalue('camera_clip')}")
        elif request.param == "rtsp":
            source = open_camera(request.getfixturevalue("rtsp_server").url("clip.mp4"))
        else:
            source = open_camera(f"usb:{os.environ.get('EXAMSITE_TEST_USB', '0')}")
        made.append(source)
        return source

    yield make
    for source in made:
        source.close()


# -- the contract --------------------------------------------------------------------------------

def test_frames_are_bgr_of_the_declared_size_with_increasing_seq(make_source):
    source = make_source()
    assert source.description
    source.open()
    width, height = source.size
    frames = [source.read(timeout=5) for _ in range(5)]
    for frame in frames:
        assert frame.image.dtype == np.uint8
        assert frame.image.shape == (height, width, 3)
        assert frame.size == (width, height)
        assert frame.captured_at <= time.monotonic()
    assert all(b.seq > a.seq for a, b in pairwise(frames))
    assert all(b.captured_at >= a.captured_at for a, b in pairwise(frames))


def test_close_is_idempotent_and_read_after_close_raises(make_source):
    source = make_source()
    source.open()
    source.read(timeout=5)
    source.close()
    source.close()
    assert not source.is_open
    with pytest.raises(DeviceError) as raised:
        source.read(timeout=1)
    assert source.description in str(raised.value)


def test_read_before_open_raises(make_source):
    with pytest.raises(DeviceError):
        make_source().read(timeout=1)


def test_seq_keeps_increasing_across_reopen(make_source):
    source = make_source()
    source.open()
    first = source.read(timeout=5)
    source.close()
    source.open()
    assert source.read(timeout=5).seq > first.seq


def test_worker_goes_live_delivers_frames_and_stop_joins(make_source):
    states, frames = StateRecorder(), FrameCollector()
    worker = CameraWorker(make_source(), on_frame=frames, on_state=states)
    worker.start()
    try:
        states.wait_for(CameraState.LIVE, timeout=15)
        delivered = frames.wait_for(3, timeout=10)
        latest = worker.latest()
        assert latest is not None and latest.seq >= delivered[2].seq
        assert latest.image.dtype == np.uint8 and latest.image.ndim == 3
        assert worker.state is CameraState.LIVE and worker.running
    finally:
        worker.stop()
    assert not worker.running
    assert worker.state is CameraState.CLOSED
    assert states.states()[0] is CameraState.CONNECTING and states.states()[-1] is CameraState.CLOSED
    assert worker.frames_read >= 3
    worker.stop()  # idempotent
