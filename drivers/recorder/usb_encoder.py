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

from collections.abc import Callable
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

from drivers.camera import FrameSource, open_camera
from drivers.camera.pyav_source import import_av
from drivers.errors import DeviceError, DeviceUnavailable
from drivers.recorder.lifecycle import Gap, ReconnectingRecorder, Segment, SourceLost

TIME_BASE = Fraction(1, 90000)
DEFAULT_SIZE = (1280, 720)
DEFAULT_FPS = 15


def _now() -> datetime:
    return datetime.now(UTC)


class UsbEncoderRecorder(ReconnectingRecorder):
    """One frame source, one thread: frames encoded to H.264 into verifiable segments until stop()."""

    thread_prefix = "recorder-usb"
    final_errors = (DeviceUnavailable,)  # from an unknown spec at start: nothing to retry

    def __init__(self, source: str | FrameSource, out_dir: str | Path, camera_id: str, segment_seconds: float = 60,
                 *, on_segment: Callable[[Segment], None] | None = None,
                 on_gap: Callable[[Gap], None] | None = None, first_seq: int = 1,
                 size: tuple[int, int] = DEFAULT_SIZE, fps: int = DEFAULT_FPS, crf: int = 23,
                 max_bitrate: int = 2_000_000, preset: str = "ultrafast", gop_seconds: float = 2.0,
                 read_timeout: float = 3.0, sync_interval: float = 1.0,
                 reconnect_backoff: tuple[float, float] = (0.5, 4.0)) -> None:
        super().__init__(out_dir, camera_id, segment_seconds, on_segment=on_segment, on_gap=on_gap,
                         first_seq=first_seq, read_timeout=read_timeout, sync_interval=sync_interval,
                         reconnect_backoff=reconnect_backoff)
        self.source = source
        self.size, self.fps = (int(size[0]) // 2 * 2, int(size[1]) // 2 * 2), int(fps)
        self.crf, self.max_bitrate, self.preset = crf, max_bitrate, preset
        self.gop = max(1, round(gop_seconds * self.fps))
        self.description = source if isinstance(source, str) else source.description
        self.frames_encoded = 0
        self._device: FrameSource | None = None
        self._open_device: FrameSource | None = None

    # -- the thread ------------------------------------------------------------------------------

    def _camera(self) -> FrameSource:
        if not isinstance(self.source, str):
            return self.source
        if self.source.lower().startswith("usb:"):
            return open_camera(self.source, size=self.size, fps=self.fps, read_timeout=self.read_timeout)
        return open_camera(self.source)

    def _prepare(self) -> None:
        self._device = self._camera()
        self.description = self._device.description

    def _record_once(self) -> bool:
        camera = self._open_device = self._device
        try:
            camera.open()
            self._encode(camera)
        except DeviceError as error:  # DeviceUnavailable included: absent, unplugged, silent
            raise SourceLost(error.message, reset_backoff=not self._gap_open) from error
        return False

    def _disconnect(self) -> None:
        camera, self._open_device = self._open_device, None
        self._close_segment()
        if camera is not None:
            camera.close()

    def _encode(self, camera: FrameSource) -> None:
        av = import_av()
        last_seq = -1
        while not self._stop.is_set():
            frame = camera.read(self.read_timeout)
            if frame.seq == last_seq:
                continue
            last_seq = frame.seq
            self._last_packet_at, self._gap_open = _now(), False
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
    def open_segment(self) -> tuple[int, int]:
        """(bytes, frames) written so far into the open segment; (0, 0) when none is open."""
        segment = self._segment
        return (segment["sink"].size, segment["frames"]) if segment is not None else (0, 0)

    def _open_segment(self, t0: float) -> dict[str, Any]:
        av = import_av()
        segment = self._new_segment_file()
        output = av.open(segment["sink"], "w", format="mpegts", options={"flush_packets": "1"})
        stream = output.add_stream("libx264", rate=self.fps)
        stream.width, stream.height, stream.pix_fmt = self.size[0], self.size[1], "yuv420p"
        stream.codec_context.time_base = TIME_BASE
        stream.options = {"preset": self.preset, "tune": "zerolatency", "crf": str(self.crf),
                          "maxrate": str(self.max_bitrate), "bufsize": str(self.max_bitrate * 2),
                          "g": str(self.gop), "keyint_min": str(self.gop), "sc_threshold": "0", "threads": "1"}
        segment.update({"output": output, "stream": stream, "t0": t0, "last_pts": -1, "frames": 0,
                        "started_at": _now()})
        self._segment = segment
        return segment

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
        duration_ms = int(max(0, segment["last_pts"]) * TIME_BASE * 1000 + 1000 / self.fps) if segment["frames"] else 0
        self._publish(segment, digest, duration_ms, segment["frames"], "h264")
