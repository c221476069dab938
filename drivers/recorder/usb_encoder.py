"""Record a USB camera: its frames encoded to H.264 (720p15 by default) into the same verifiable segments.

A USB webcam gives pictures, not a compressed stream, so this is the one recorder that encodes:
PyAV's libx264, preset `ultrafast` (`veryfast` costs ~1.7× the CPU), `zerolatency` (no look-ahead, so nothing is held back when a
segment closes), a key frame every 2 s, CRF 23 capped at `max_bitrate`. Each segment gets its own
encoder, so it starts with a key frame and plays on its own; the output is MPEG-TS through
HashingFile (SHA-256 of the bytes written, fsync every `sync_interval`), `.part` then renamed,
exactly as SegmentRecorder. A camera that delivers nothing for `read_timeout` is a gap; the
recorder reopens it with backoff. Any FrameSource works: `usb:N`, `sim:NAME`, or an object.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

from app.durable import fsync_directory
from drivers.camera import FrameSource, open_camera
from drivers.camera.pyav_source import import_av
from drivers.errors import DeviceError, DeviceUnavailable
from drivers.recorder.hashing import HashingFile
from drivers.recorder.segment_recorder import PARTIAL_SUFFIX, Gap, Segment, segment_name

TIME_BASE = Fraction(1, 90000)
DEFAULT_SIZE = (1280, 720)
DEFAULT_FPS = 15


def _now() -> datetime:
    return datetime.now(UTC)


class UsbEncoderRecorder:
    """One frame source, one thread: frames encoded to H.264 into verifiable segments until stop()."""

    def __init__(self, source: str | FrameSource, out_dir: str | Path, camera_id: str, segment_seconds: float = 60,
                 *, on_segment: Callable[[Segment], None] | None = None,
                 on_gap: Callable[[Gap], None] | None = None, first_seq: int = 1,
                 size: tuple[int, int] = DEFAULT_SIZE, fps: int = DEFAULT_FPS, crf: int = 23,
                 max_bitrate: int = 2_000_000, preset: str = "ultrafast", gop_seconds: float = 2.0,
                 read_timeout: float = 3.0, sync_interval: float = 1.0,
                 reconnect_backoff: tuple[float, float] = (0.5, 4.0)) -> None:
        self.source = source
        self.out_dir = Path(out_dir)
        self.camera_id = camera_id
        self.segment_seconds = segment_seconds
        self.on_segment, self.on_gap = on_segment, on_gap
        self.next_seq = first_seq
        self.size, self.fps = (int(size[0]) // 2 * 2, int(size[1]) // 2 * 2), int(fps)
        self.crf, self.max_bitrate, self.preset = crf, max_bitrate, preset
        self.gop = max(1, round(gop_seconds * self.fps))
        self.read_timeout = read_timeout
        self.sync_interval = sync_interval
        self.reconnect_backoff = reconnect_backoff
        self.description = source if isinstance(source, str) else source.description
        self.error: BaseException | None = None
        self.frames_encoded = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._gap_open = False
        self._last_frame_at = _now()
        self._segment: dict[str, Any] | None = None

    # -- control (as SegmentRecorder) -------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"recorder-usb-{self.camera_id}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout if timeout is not None else self.read_timeout + 10)
            if not thread.is_alive():
                self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def record_for(self, seconds: float) -> None:
        self.start()
        try:
            deadline = time.monotonic() + seconds
            thread = self._thread
            while time.monotonic() < deadline and thread is not None and thread.is_alive():
                self._stop.wait(min(0.2, max(0.0, deadline - time.monotonic())))
        finally:
            self.stop()

    # -- the thread ------------------------------------------------------------------------------

    def _camera(self) -> FrameSource:
        if not isinstance(self.source, str):
            return self.source
        if self.source.lower().startswith("usb:"):
            return open_camera(self.source, size=self.size, fps=self.fps, read_timeout=self.read_timeout)
        return open_camera(self.source)

    def _run(self) -> None:
        delay = self.reconnect_backoff[0]
        try:
            camera = self._camera()
            self.description = camera.description
            while not self._stop.is_set():
                try:
                    camera.open()
                    self._encode(camera)
                except DeviceError as error:  # DeviceUnavailable included: absent, unplugged, silent
                    if not self._gap_open:
                        delay = self.reconnect_backoff[0]
                    self._lost(error.message)
                finally:
                    self._close_segment()
                    camera.close()
                if self._stop.wait(delay):
                    return
                delay = min(delay * 2, self.reconnect_backoff[1])
        except DeviceUnavailable as error:  # an unknown spec: nothing to retry
            self.error = error
            self._lost(error.message)
        except BaseException as error:
            self.error = error
            raise
        finally:
            self._close_segment()

    def _lost(self, reason: str) -> None:
        if self._gap_open:
            return
        self._gap_open = True
        if self.on_gap is not None:
            self.on_gap(Gap(self.camera_id, self._last_frame_at, _now(), reason))

    def _encode(self, camera: FrameSource) -> None:
        av = import_av()
        last_seq = -1
        while not self._stop.is_set():
            frame = camera.read(self.read_timeout)
            if frame.seq == last_seq:
                continue
            last_seq = frame.seq
            self._last_frame_at, self._gap_open = _now(), False
            segment = self._segment
            if segment is not None and frame.captured_at - segment["t0"] >= self.segment_seconds:
                self._close_segment()
                segment = None
            if segment is None:
                segment = self._open_segment(frame.captured_at)
            pts = round((frame.captured_at - segment["t0"]) / TIME_BASE)
            if pts <= segment["last_pts"]:
                pts = segment["last_pts"] + 1
            picture = av.VideoFrame.from_ndarray(frame.image, format="bgr24")
            picture = picture.reformat(width=self.size[0], height=self.size[1], format="yuv420p")
            picture.pts, picture.time_base = pts, TIME_BASE
            segment["last_pts"] = pts
            for packet in segment["stream"].encode(picture):
                segment["output"].mux(packet)
            segment["frames"] += 1
            self.frames_encoded += 1

    # -- what the recorder process reports per camera (same as SegmentRecorder) -----------------------
    @property
    def receiving(self) -> bool:
        """Frames arrive from the camera (False while it is being opened and after a gap)."""
        return self.running and not self._gap_open and (_now() - self._last_frame_at).total_seconds() < self.read_timeout

    @property
    def last_packet_at(self) -> datetime:
        return self._last_frame_at

    @property
    def open_segment(self) -> tuple[int, int]:
        """(bytes, frames) written so far into the open segment; (0, 0) when none is open."""
        segment = self._segment
        return (segment["sink"].size, segment["frames"]) if segment is not None else (0, 0)

    def _open_segment(self, t0: float) -> dict[str, Any]:
        av = import_av()
        seq = self.next_seq
        self.next_seq += 1
        final = self.out_dir / segment_name(self.camera_id, seq)
        partial = final.with_name(final.stem + PARTIAL_SUFFIX)
        sink = HashingFile(partial, self.sync_interval)
        output = av.open(sink, "w", format="mpegts", options={"flush_packets": "1"})
        stream = output.add_stream("libx264", rate=self.fps)
        stream.width, stream.height, stream.pix_fmt = self.size[0], self.size[1], "yuv420p"
        stream.codec_context.time_base = TIME_BASE
        stream.options = {"preset": self.preset, "tune": "zerolatency", "crf": str(self.crf),
                          "maxrate": str(self.max_bitrate), "bufsize": str(self.max_bitrate * 2),
                          "g": str(self.gop), "keyint_min": str(self.gop), "sc_threshold": "0", "threads": "1"}
        self._segment = {"seq": seq, "final": final, "partial": partial, "sink": sink, "output": output,
                         "stream": stream, "t0": t0, "last_pts": -1, "frames": 0, "started_at": _now()}
        return self._segment

    def _close_segment(self) -> None:
        segment, self._segment = self._segment, None
        if segment is None:
            return
        try:
            for packet in segment["stream"].encode(None):
                segment["output"].mux(packet)
            segment["output"].close()
        finally:
            digest = segment["sink"].close()
        os.replace(segment["partial"], segment["final"])
        fsync_directory(self.out_dir)
        duration_ms = int(max(0, segment["last_pts"]) * TIME_BASE * 1000 + 1000 / self.fps) if segment["frames"] else 0
        closed = Segment(self.camera_id, segment["seq"], segment["final"], digest, segment["sink"].size,
                         segment["started_at"], _now(), duration_ms, segment["frames"], "h264")
        if self.on_segment is not None:
            self.on_segment(closed)
