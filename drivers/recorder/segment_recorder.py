"""Record one camera by stream copy: packets demuxed with PyAV, muxed unchanged into MPEG-TS segments.

Nothing is decoded or encoded. Segments are cut at the first key frame after `segment_seconds`,
written as `<camera>-<seq>.ts.part`, hashed as the bytes go to disk, fsynced every
`sync_interval` seconds and at close, then renamed to `<camera>-<seq>.ts`. A source that sends
nothing for `read_timeout` seconds is reported as a gap, and the recorder reconnects with backoff.
See docs/video.md.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.i18n import tr
from drivers.camera.base import mask_password
from drivers.camera.pyav_source import import_av
from drivers.errors import DeviceError, DeviceUnavailable
from drivers.recorder.lifecycle import (
    PARTIAL_SUFFIX,
    SEGMENT_SUFFIX,
    Gap,
    ReconnectingRecorder,
    Segment,
    SourceLost,
    segment_name,
)

__all__ = ["PARTIAL_SUFFIX", "SEGMENT_SUFFIX", "Gap", "Segment", "SegmentRecorder", "segment_name"]


def _now() -> datetime:
    return datetime.now(UTC)


class _SourceSilent(Exception):
    pass


class SegmentRecorder(ReconnectingRecorder):
    """One source, one thread: stream copy into verifiable segments until stop()."""

    def __init__(self, source_url: str, out_dir: str | Path, camera_id: str, segment_seconds: float = 60,
                 *, on_segment: Callable[[Segment], None] | None = None,
                 on_gap: Callable[[Gap], None] | None = None, first_seq: int = 1,
                 open_timeout: float = 5.0, read_timeout: float = 6.0, sync_interval: float = 1.0,
                 reconnect_backoff: tuple[float, float] = (0.5, 4.0), loop_files: bool = True) -> None:
        super().__init__(out_dir, camera_id, segment_seconds, on_segment=on_segment, on_gap=on_gap,
                         first_seq=first_seq, read_timeout=read_timeout, sync_interval=sync_interval,
                         reconnect_backoff=reconnect_backoff)
        self.source_url = str(source_url)
        self.description = mask_password(self.source_url)
        self.open_timeout = open_timeout
        self.loop_files = loop_files
        self.is_network = "://" in self.source_url
        self._receiving = False
        self._container: Any = None

    def _stop_timeout(self) -> float:
        return self.read_timeout + self.open_timeout + 5  # a blocked read ends within read_timeout / 2

    @property
    def receiving(self) -> bool:
        """Packets arrive on the current connection (False while connecting and after a gap)."""
        return self._receiving

    @property
    def open_segment(self) -> tuple[int, int]:
        """(bytes, packets) written so far into the segment being written; (0, 0) when none is open."""
        segment = self._segment
        return (segment["sink"].size, segment["packets"]) if segment is not None else (0, 0)

    # -- the thread ------------------------------------------------------------------------------

    def _record_once(self) -> bool:
        try:
            self._container = self._open_input()
        except DeviceUnavailable as error:
            raise SourceLost(str(error), reset_backoff=False) from error
        try:
            return self._copy(self._container)
        except (_SourceSilent, DeviceError) as error:  # it worked until now: try again soon
            raise SourceLost(str(error), reset_backoff=self._receiving) from error

    def _disconnect(self) -> None:
        container, self._container = self._container, None
        self._close_segment()
        if container is not None:
            container.close()

    def _lost(self, reason: str) -> None:
        self._receiving = False  # never True while a gap is open
        super()._lost(reason)

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
        segment = self._new_segment_file()
        output = av.open(segment["sink"], "w", format="mpegts", options={"flush_packets": "1"})
        out_stream = output.add_stream_from_template(stream)
        segment.update({"output": output, "stream": out_stream, "first_pts": first_pts, "last_pts": first_pts,
                        "packets": 0, "started_at": now, "time_base": stream.time_base,
                        "codec": stream.codec_context.name})
        self._segment = segment
        return segment

    def _close_segment(self) -> None:
        segment, self._segment = self._segment, None
        if segment is None:
            return
        try:
            segment["output"].close()
        finally:
            digest = segment["sink"].close()
        duration_ms = int((segment["last_pts"] - segment["first_pts"]) * segment["time_base"] * 1000)
        self._publish(segment, digest, duration_ms, segment["packets"], segment["codec"])
