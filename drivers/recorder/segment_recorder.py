"""Record one camera by stream copy: packets demuxed with PyAV, muxed unchanged into MPEG-TS segments.

Nothing is decoded or encoded. Segments are cut at the first key frame after `segment_seconds`,
written as `<camera>-<seq>.ts.part`, hashed as the bytes go to disk, fsynced every
`sync_interval` seconds and at close, then renamed to `<camera>-<seq>.ts`. A source that sends
nothing for `read_timeout` seconds is reported as a gap, and the recorder reconnects with backoff.
See docs/video.md.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.durable import fsync_directory
from app.i18n import tr
from drivers.camera.base import mask_password
from drivers.camera.pyav_source import import_av
from drivers.errors import DeviceError, DeviceUnavailable
from drivers.recorder.hashing import HashingFile

SEGMENT_SUFFIX = ".ts"
PARTIAL_SUFFIX = ".ts.part"


@dataclass(frozen=True)
class Segment:
    """A closed segment: on disk, fsynced, its SHA-256 taken from the bytes written."""

    camera_id: str
    seq: int
    path: Path
    sha256: str
    size: int
    started_at: datetime
    ended_at: datetime
    duration_ms: int
    packets: int
    codec: str


@dataclass(frozen=True)
class Gap:
    """The source stopped sending (or could not be reached) from `started_at`; noticed at `detected_at`."""

    camera_id: str
    started_at: datetime
    detected_at: datetime
    reason: str


def segment_name(camera_id: str, seq: int) -> str:
    return f"{camera_id}-{seq:06d}{SEGMENT_SUFFIX}"


def _now() -> datetime:
    return datetime.now(UTC)


class _SourceSilent(Exception):
    pass


class SegmentRecorder:
    """One source, one thread: stream copy into verifiable segments until stop()."""

    def __init__(self, source_url: str, out_dir: str | Path, camera_id: str, segment_seconds: float = 60,
                 *, on_segment: Callable[[Segment], None] | None = None,
                 on_gap: Callable[[Gap], None] | None = None, first_seq: int = 1,
                 open_timeout: float = 5.0, read_timeout: float = 6.0, sync_interval: float = 1.0,
                 reconnect_backoff: tuple[float, float] = (0.5, 4.0), loop_files: bool = True) -> None:
        self.source_url = str(source_url)
        self.description = mask_password(self.source_url)
        self.out_dir = Path(out_dir)
        self.camera_id = camera_id
        self.segment_seconds = segment_seconds
        self.on_segment = on_segment
        self.on_gap = on_gap
        self.next_seq = first_seq
        self.open_timeout = open_timeout
        self.read_timeout = read_timeout
        self.sync_interval = sync_interval
        self.reconnect_backoff = reconnect_backoff
        self.loop_files = loop_files
        self.is_network = "://" in self.source_url
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._receiving = False
        self._last_packet_at = _now()
        self._gap_open = False
        self._segment: dict[str, Any] | None = None

    # -- control ---------------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"recorder-{self.camera_id}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        """Close the open segment and join the thread (a blocked read ends within read_timeout / 2)."""
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout if timeout is not None else self.read_timeout + self.open_timeout + 5)
            if not thread.is_alive():
                self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def receiving(self) -> bool:
        """Packets arrive on the current connection (False while connecting and after a gap)."""
        return self._receiving

    @property
    def last_packet_at(self) -> datetime:
        return self._last_packet_at

    @property
    def open_segment(self) -> tuple[int, int]:
        """(bytes, packets) written so far into the segment being written; (0, 0) when none is open."""
        segment = self._segment
        return (segment["sink"].size, segment["packets"]) if segment is not None else (0, 0)

    def record_for(self, seconds: float) -> None:
        """Start, record `seconds` of wall-clock time (or until a file source ends), stop."""
        self.start()
        try:
            deadline = time.monotonic() + seconds
            thread = self._thread
            while time.monotonic() < deadline and thread is not None and thread.is_alive():
                self._stop.wait(min(0.2, max(0.0, deadline - time.monotonic())))
        finally:
            self.stop()

    # -- the thread ------------------------------------------------------------------------------

    def _run(self) -> None:
        delay = self.reconnect_backoff[0]
        try:
            while not self._stop.is_set():
                try:
                    container = self._open_input()
                except DeviceUnavailable as error:
                    self._lost(str(error))
                else:
                    try:
                        ended = self._copy(container)
                        delay = self.reconnect_backoff[0]
                        if ended:
                            return
                    except (_SourceSilent, DeviceError) as error:
                        if self._receiving:  # it worked until now: try again soon
                            delay = self.reconnect_backoff[0]
                        self._lost(str(error))
                    finally:
                        self._close_segment()
                        container.close()
                if self._stop.wait(delay):
                    return
                delay = min(delay * 2, self.reconnect_backoff[1])
        except BaseException as error:  # a bug: keep it for the caller, never lose the closed segments
            self.error = error
            raise
        finally:
            self._close_segment()

    def _lost(self, reason: str) -> None:
        if self._gap_open:
            return
        self._gap_open = True
        self._receiving = False
        if self.on_gap is not None:
            self.on_gap(Gap(self.camera_id, self._last_packet_at, _now(), reason))

    def _open_input(self) -> Any:
        av = import_av()
        if not self.is_network:
            if not Path(self.source_url).is_file():
                raise DeviceUnavailable(tr("There is no file {path}.", path=self.source_url))
            try:
                return av.open(self.source_url)
            except (av.FFmpegError, OSError) as error:
                raise DeviceUnavailable(tr("The video file {path} cannot be played.", path=self.source_url)) from error
        interval = self.read_timeout / 2  # FFmpeg gives up after two silent intervals
        options = {"rtsp_transport": "tcp", "timeout": str(int(interval * 1_000_000)),
                   "analyzeduration": "1000000", "probesize": "500000"}
        try:
            return av.open(self.source_url, options=options, timeout=(self.open_timeout, interval))
        except (av.FFmpegError, OSError) as error:
            raise DeviceUnavailable(tr("Camera {camera} does not answer; check its power, the network cable and the address.",
                                       camera=self.description)) from error

    def _copy(self, container: Any) -> bool:
        """Copy packets until stop (False) or the end of a file that does not loop (True)."""
        av = import_av()
        if not container.streams.video:
            raise DeviceUnavailable(tr("Camera {camera} has no video stream.", camera=self.description))
        stream = container.streams.video[0]
        time_base = stream.time_base
        offset, first_pts, last_pts, step = 0, None, None, 0
        paced_from = time.monotonic()
        while not self._stop.is_set():
            copied = 0
            packets = container.demux(stream)
            while True:
                try:  # only reading is the camera's fault; a failed write (disk full) is not a gap
                    packet = next(packets)
                except StopIteration:
                    break
                except (av.FFmpegError, OSError) as error:
                    raise _SourceSilent(tr("Camera {camera} sent nothing for {seconds} seconds.",
                                           camera=self.description, seconds=f"{self.read_timeout:g}")) from error
                if self._stop.is_set():
                    return False
                if packet.size == 0 or packet.pts is None or packet.dts is None:
                    continue
                if last_pts is not None and packet.pts > last_pts:
                    step = min(step or packet.pts - last_pts, packet.pts - last_pts)
                if first_pts is None:
                    first_pts = packet.pts
                last_pts = packet.pts if last_pts is None else max(last_pts, packet.pts)
                packet.pts += offset
                packet.dts += offset
                if not self.is_network:
                    due = paced_from + float((packet.pts - first_pts) * time_base)
                    if self._stop.wait(max(0.0, due - time.monotonic())):
                        return False
                self._write(packet, stream)
                copied += 1
            if self.is_network:
                raise DeviceError(tr("Camera {camera} stopped sending pictures.", camera=self.description))
            if not self.loop_files or copied == 0:
                return True
            offset += (last_pts - first_pts) + (step or 1) if last_pts is not None else 0
            container.seek(0)
        return False

    def _write(self, packet: Any, stream: Any) -> None:
        now = _now()
        self._last_packet_at = now
        self._receiving, self._gap_open = True, False
        segment = self._segment
        if segment is not None and packet.is_keyframe:
            elapsed = float((packet.pts - segment["first_pts"]) * stream.time_base)
            if elapsed >= self.segment_seconds:
                self._close_segment()
                segment = None
        if segment is None:
            if not packet.is_keyframe:
                return  # a segment starts on a key frame, so that it plays on its own
            segment = self._open_segment(stream, packet.pts, now)
        segment["last_pts"] = packet.pts + (packet.duration or 0)  # before mux rescales it to the output's time base
        packet.stream = segment["stream"]
        try:
            segment["output"].mux(packet)
        except import_av().ArgumentError:
            return  # a timestamp going backwards (a camera's clock jumped): drop this packet, keep recording
        segment["packets"] += 1

    def _open_segment(self, stream: Any, first_pts: int, now: datetime) -> dict[str, Any]:
        av = import_av()
        seq = self.next_seq
        self.next_seq += 1
        final = self.out_dir / segment_name(self.camera_id, seq)
        partial = final.with_name(final.stem + PARTIAL_SUFFIX)
        sink = HashingFile(partial, self.sync_interval)
        output = av.open(sink, "w", format="mpegts", options={"flush_packets": "1"})
        out_stream = output.add_stream_from_template(stream)
        self._segment = {"seq": seq, "final": final, "partial": partial, "sink": sink, "output": output,
                         "stream": out_stream, "first_pts": first_pts, "last_pts": first_pts, "packets": 0,
                         "started_at": now, "time_base": stream.time_base, "codec": stream.codec_context.name}
        return self._segment

    def _close_segment(self) -> None:
        segment, self._segment = self._segment, None
        if segment is None:
            return
        try:
            segment["output"].close()
        finally:
            digest = segment["sink"].close()
        os.replace(segment["partial"], segment["final"])
        fsync_directory(self.out_dir)
        duration_ms = int((segment["last_pts"] - segment["first_pts"]) * segment["time_base"] * 1000)
        closed = Segment(self.camera_id, segment["seq"], segment["final"], digest, segment["sink"].size,
                         segment["started_at"], _now(), duration_ms, segment["packets"], segment["codec"])
        if self.on_segment is not None:
            self.on_segment(closed)
