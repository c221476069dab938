"""CameraWorker: one thread per camera that reads frames, hands over the newest, and reconnects.

The caller (the GUI thread, a check-in service) never waits on the device: `start()` returns at
once, `latest()` returns the newest frame without queueing old ones, and `stop()` joins the
thread. Callbacks run on the worker thread; the Qt side marshals them to the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import Self

from app.i18n import tr
from drivers.camera.base import CameraState, Frame, FrameSource
from drivers.errors import DeviceError

log = logging.getLogger(__name__)

DEFAULT_BACKOFF = (0.5, 1, 2, 4, 5)
MAX_BACKOFF = 5.0


class CameraWorker:
    """Run one camera on its own thread: LIVE while frames arrive, LOST and retrying when not."""

    def __init__(self, spec_or_source: str | FrameSource, *,
                 on_frame: Callable[[Frame], None] | None = None,
                 on_state: Callable[[CameraState, str], None] | None = None,
                 reconnect_backoff: Sequence[float] = DEFAULT_BACKOFF,
                 read_timeout: float = 3.0, **options: object) -> None:
        from drivers.camera import describe_spec

        self._spec = spec_or_source if isinstance(spec_or_source, str) else None
        self._source = None if isinstance(spec_or_source, str) else spec_or_source
        self._options = options
        self.description = describe_spec(spec_or_source) if self._source is None else self._source.description
        self.on_frame = on_frame
        self.on_state = on_state
        self.reconnect_backoff = tuple(min(float(s), MAX_BACKOFF) for s in reconnect_backoff) or (MAX_BACKOFF,)
        self.read_timeout = read_timeout
        self.state = CameraState.CLOSED
        self.message = ""
        self.last_error = ""  # the device's own sentence for the last failure
        self.frames_read = 0
        self.frames_dropped = 0  # frames the device made that we never delivered (gaps in seq)
        self._latest: Frame | None = None
        self._new_frame = threading.Condition()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    # -- the caller's side -------------------------------------------------------------------

    def start(self) -> None:
        with self._lock:
            if self._thread is not None:
                return
            self._stopping.clear()
            self.state = CameraState.CONNECTING  # on_state hears it from the worker thread
            self.message = tr("Connecting to camera {camera}…", camera=self.description)
            self._thread = threading.Thread(target=self._run, name=f"camera {self.description}", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5) -> None:
        """Stop reading and join the thread (waits at most `timeout` plus one device call). Idempotent."""
        with self._lock:
            thread = self._thread
            self._stopping.set()
            with self._new_frame:
                self._new_frame.notify_all()
        if thread is None:
            return
        thread.join(timeout)
        if thread.is_alive():
            log.warning("camera %s: still inside a device call after %.1f s; joining again", self.description, timeout)
            thread.join(self.read_timeout + 1)
        with self._lock:
            if self._thread is thread and not thread.is_alive():
                self._thread = None

    @property
    def running(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive()

    def latest(self, max_age: float | None = None) -> Frame | None:
        """The newest frame (kept through an outage), or None if there is none younger than `max_age` s."""
        frame = self._latest
        if frame is None or (max_age is not None and time.monotonic() - frame.captured_at > max_age):
            return None
        return frame

    def wait_for_frame(self, after_seq: int = -1, timeout: float = 5.0) -> Frame | None:
        """Block until a frame newer than `after_seq` arrives; None on timeout or stop. Not for the GUI thread."""
        deadline = time.monotonic() + timeout
        with self._new_frame:
            while True:
                frame = self._latest
                if frame is not None and frame.seq > after_seq:
                    return frame
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._stopping.is_set():
                    return None
                self._new_frame.wait(remaining)

    # -- the worker thread -------------------------------------------------------------------

    def _run(self) -> None:
        self._set_state(CameraState.CONNECTING, self.message, force=True)
        failures = 0
        try:
            while not self._stopping.is_set():
                try:
                    source = self._ensure_source()
                    source.open()
                except DeviceError as error:
                    self._retry_after(error, failures)
                    failures += 1
                    continue
                self.description = source.description
                frames_before = self.frames_read
                try:
                    self._read_frames(source)
                except DeviceError as error:
                    if self.frames_read > frames_before:
                        failures = 0
                    self._retry_after(error, failures)
                    failures += 1
                finally:
                    self._close_quietly(source)
        except Exception:
            log.exception("camera %s: the worker failed", self.description)
            raise
        finally:
            self._set_state(CameraState.CLOSED, tr("Camera {camera} is stopped.", camera=self.description))

    def _retry_after(self, error: DeviceError, failures: int) -> None:
        """Report LOST (once per outage) and wait out the backoff, or until stop()."""
        self.last_error = str(error)
        if self.frames_read:
            message = tr("Camera {camera} is disconnected; reconnecting… ({reason})",
                         camera=self.description, reason=error)
        else:
            message = tr("Camera {camera} is not available; retrying… ({reason})",
                         camera=self.description, reason=error)
        log.info("camera %s: %s", self.description, error)
        self._set_state(CameraState.LOST, message)
        self._stopping.wait(self.reconnect_backoff[min(failures, len(self.reconnect_backoff) - 1)])

    def _ensure_source(self) -> FrameSource:
        if self._source is None:
            from drivers.camera import open_camera

            self._source = open_camera(self._spec, **self._options)
        return self._source

    def _read_frames(self, source: FrameSource) -> None:
        """Read until stopped (returns) or the device fails (raises DeviceError)."""
        last_seq: int | None = None
        while not self._stopping.is_set():
            frame = source.read(self.read_timeout)
            if last_seq is not None and frame.seq > last_seq + 1:
                self.frames_dropped += frame.seq - last_seq - 1
            last_seq = frame.seq
            self.frames_read += 1
            with self._new_frame:
                self._latest = frame
                self._new_frame.notify_all()
            if self.state is not CameraState.LIVE:
                self._set_state(CameraState.LIVE, tr("Camera {camera} is live.", camera=self.description))
            if self.on_frame is not None:
                try:
                    self.on_frame(frame)
                except Exception:
                    log.exception("camera %s: on_frame failed", self.description)

    def _set_state(self, state: CameraState, message: str, force: bool = False) -> None:
        changed = force or state is not self.state
        self.state, self.message = state, message
        if changed and self.on_state is not None:
            try:
                self.on_state(state, message)
            except Exception:
                log.exception("camera %s: on_state failed", self.description)

    def _close_quietly(self, source: FrameSource) -> None:
        try:
            source.close()
        except Exception:
            log.exception("camera %s: closing failed", self.description)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
