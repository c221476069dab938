"""Record one camera through an `ffmpeg` subprocess, behind the same interface as SegmentRecorder.

`ffmpeg -c copy -f mpegts pipe:1` does the RTSP and the muxing (nothing decoded); this Python side
reads the MPEG-TS from the pipe, cuts it into segments at key frames, writes each segment as
`<camera>-<seq>.ts.part` through HashingFile (SHA-256 of the very bytes written, fsync every
`sync_interval`), then closes, renames, fsyncs the folder and calls `on_segment`.

Why a pipe and not ffmpeg's own segment muxer: with `-f segment` ffmpeg writes and closes the
files itself, so the digest could only be taken by re-reading each file after it closed (a window
in which the bytes hashed are not provably the bytes written), nothing is fsynced while a segment
is open (a power cut loses up to a whole segment from the page cache), and silence is only seen
through ffmpeg's own timeouts. The pipe costs one copy of the bytes through Python and a scan of
the 188-byte TS packet headers (≈ 2,700 packets/s at 4 Mbit/s), and gives the same guarantees as
the PyAV backend. Cutting needs only what ffmpeg's MPEG-TS muxer already writes: PAT and PMT
before every video key frame, and the random-access flag on the key frame's first packet.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.i18n import tr
from drivers.camera.base import mask_password
from drivers.errors import LibraryMissing
from drivers.recorder.lifecycle import Gap, ReconnectingRecorder, Segment, SourceLost

TS_PACKET = 188
PTS_WRAP = 1 << 33
CODECS = {0x1B: "h264", 0x24: "hevc", 0x10: "mpeg4", 0x02: "mpeg2video"}
FFMPEG_ENV = "EXAMSITE_FFMPEG"


def find_ffmpeg(configured: str | None = None) -> str | None:
    """The ffmpeg binary: the configured path, EXAMSITE_FFMPEG, or `ffmpeg` on the PATH."""
    candidate = configured or os.environ.get(FFMPEG_ENV) or "ffmpeg"
    return shutil.which(candidate)


def _now() -> datetime:
    return datetime.now(UTC)


def _pes_pts(packet: bytes, start: int) -> int | None:
    """The PTS of a PES header starting at `start` in a TS packet, if it has one."""
    header = packet[start:start + 14]
    if len(header) < 14 or header[0:3] != b"\x00\x00\x01" or not header[7] & 0x80:
        return None
    b = header[9:14]
    return ((b[0] >> 1) & 0x07) << 30 | b[1] << 22 | (b[2] >> 1) << 15 | b[3] << 7 | b[4] >> 1


class TsSegmenter:
    """Cuts an MPEG-TS byte stream into segments that each start with PAT, PMT and a key frame."""

    def __init__(self, segment_seconds: float, open_segment: Callable[[int, str], None],
                 write: Callable[[bytes], None], close_segment: Callable[[int, int], None]) -> None:
        self.segment_seconds = segment_seconds
        self._open, self._write, self._close = open_segment, write, close_segment
        self._pending = b""
        self._held: list[bytes] = []  # PAT/PMT/SDT since the last video packet
        self._pat = self._pmt = b""
        self._pmt_pid: int | None = None
        self.codec = ""
        self.open = False
        self._first_pts = self._last_pts = None
        self._step = 0
        self.frames = 0

    def feed(self, data: bytes) -> None:
        buffer = self._pending + data
        out = bytearray()
        end = len(buffer) - len(buffer) % TS_PACKET
        for offset in range(0, end, TS_PACKET):
            packet = buffer[offset:offset + TS_PACKET]
            if packet[0] != 0x47:
                raise ValueError("the MPEG-TS stream lost packet alignment")
            self._packet(packet, out)
        self._pending = buffer[end:]
        if out and self.open:
            self._write(bytes(out))

    def duration_ms(self) -> int:
        if self._first_pts is None:
            return 0
        return int(((self._last_pts - self._first_pts) % PTS_WRAP + self._step) / 90)

    def close(self) -> None:
        if self.open:
            self.open = False
            self._close(self.duration_ms(), self.frames)

    def _packet(self, packet: bytes, out: bytearray) -> None:
        pid = (packet[1] & 0x1F) << 8 | packet[2]
        start = bool(packet[1] & 0x40)
        control = (packet[3] >> 4) & 0x03
        payload = 4
        if control & 0x02:
            payload = 5 + packet[4]
        if pid == 0 or pid == self._pmt_pid or pid == 0x11:
            if pid == 0 and start:
                self._pat = packet
                section = payload + 1 + packet[payload]
                self._pmt_pid = (packet[section + 10] & 0x1F) << 8 | packet[section + 11]
            elif pid == self._pmt_pid and start:
                self._pmt = packet
                section = payload + 1 + packet[payload]
                info = (packet[section + 10] & 0x0F) << 8 | packet[section + 11]
                self.codec = CODECS.get(packet[section + 12 + info], f"stream type {packet[section + 12 + info]}")
            self._held.append(packet)
            return
        if pid == 0x1FFF or not control & 0x01:
            return
        if start:
            key = bool(control & 0x02 and packet[4] > 0 and packet[5] & 0x40)
            pts = _pes_pts(packet, payload)
            if pts is not None:
                self._frame(pts, key, out)
        held, self._held = self._held, []
        if self.open:
            out += b"".join(held)
            out += packet

    def _frame(self, pts: int, key: bool, out: bytearray) -> None:
        # a key frame up to 1.5 frames early still ends the segment: camera clocks jitter by a frame
        due = self.segment_seconds - 1.5 * self._step / 90000
        if self.open and key and (pts - self._first_pts) % PTS_WRAP / 90000 >= due:
            if out:
                self._write(bytes(out))
                out.clear()
            self.close()
        if not self.open:
            if not key:
                return  # a segment starts on a key frame, so that it plays on its own
            self._open(pts, self.codec)
            self.open = True
            self._first_pts = self._last_pts = pts
            self._step = 0
            self.frames = 0
            if not any(held[1] & 0x1F == 0 and held[2] == 0 for held in self._held):
                out += self._pat + self._pmt  # the tables the segment needs to play on its own
        elif pts != self._last_pts:
            delta = (pts - self._last_pts) % PTS_WRAP
            if delta < PTS_WRAP // 2:
                if delta >= 90:  # a frame is at least 1 ms; closer timestamps are a camera's parameter sets
                    self._step = min(self._step or delta, delta)
                self._last_pts = pts
        self.frames += 1


class _Silent(Exception):
    pass


class FfmpegRecorder(ReconnectingRecorder):
    """One source, one ffmpeg process at a time, stream copy into verifiable segments until stop()."""

    thread_prefix = "recorder-ffmpeg"

    def __init__(self, source_url: str, out_dir: str | Path, camera_id: str, segment_seconds: float = 60,
                 *, on_segment: Callable[[Segment], None] | None = None,
                 on_gap: Callable[[Gap], None] | None = None, first_seq: int = 1,
                 open_timeout: float = 5.0, read_timeout: float = 6.0, sync_interval: float = 1.0,
                 reconnect_backoff: tuple[float, float] = (0.5, 4.0), loop_files: bool = True,
                 ffmpeg: str | None = None) -> None:
        self.ffmpeg = find_ffmpeg(ffmpeg)
        if self.ffmpeg is None:
            raise LibraryMissing(tr("The video library {library} is not installed.", library="ffmpeg"))
        super().__init__(out_dir, camera_id, segment_seconds, on_segment=on_segment, on_gap=on_gap,
                         first_seq=first_seq, read_timeout=read_timeout, sync_interval=sync_interval,
                         reconnect_backoff=reconnect_backoff)
        self.source_url = str(source_url)
        self.description = mask_password(self.source_url)
        self.open_timeout = open_timeout
        self.loop_files = loop_files
        self.is_network = "://" in self.source_url
        self.process: subprocess.Popen[bytes] | None = None

    # -- the thread ------------------------------------------------------------------------------

    def command(self) -> list[str]:
        command = [self.ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error"]
        if self.is_network:
            command += ["-rtsp_transport", "tcp", "-timeout", str(int(self.read_timeout / 2 * 1_000_000)),
                        "-analyzeduration", "1000000", "-probesize", "500000"]
        else:
            command += ["-re"] + (["-stream_loop", "-1"] if self.loop_files else [])
        return command + ["-i", self.source_url, "-map", "0:v:0", "-c", "copy", "-f", "mpegts",
                          "-flush_packets", "1", "pipe:1"]

    def _record_once(self) -> bool:
        if not self.is_network and not Path(self.source_url).is_file():
            raise SourceLost(tr("There is no file {path}.", path=self.source_url), reset_backoff=False)
        try:
            ended, received = self._copy()
        except _Silent:
            raise SourceLost(tr("Camera {camera} sent nothing for {seconds} seconds.", camera=self.description,
                                seconds=f"{self.read_timeout:g}"), reset_backoff=True) from None
        if ended or self._stop.is_set():
            return True
        if received:
            raise SourceLost(tr("Camera {camera} stopped sending pictures.", camera=self.description),
                             reset_backoff=True)
        raise SourceLost(tr("Camera {camera} does not answer; check its power, the network cable and the address.",
                            camera=self.description), reset_backoff=False)

    def _copy(self) -> tuple[bool, bool]:
        """Run ffmpeg until stop, silence or its end; (the file source ended, anything was received)."""
        segmenter = TsSegmenter(self.segment_seconds, self._open_segment, self._write, self._close_segment)
        chunks: queue.Queue[bytes] = queue.Queue()
        errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed below
        process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors)
        self.process = process
        reader = threading.Thread(target=_pump, args=(process.stdout, chunks), daemon=True,
                                  name=f"recorder-ffmpeg-pipe-{self.camera_id}")
        reader.start()
        received = False
        waited_since = time.monotonic()
        try:
            while True:
                if self._stop.is_set():
                    break
                try:
                    data = chunks.get(timeout=0.2)
                except queue.Empty:
                    limit = self.read_timeout if received else self.open_timeout + self.read_timeout
                    if time.monotonic() - waited_since >= limit:
                        raise _Silent from None
                    continue
                if not data:  # ffmpeg ended: the source closed, failed, or the file ended
                    break
                waited_since = time.monotonic()
                received = True
                self._last_packet_at = _now()
                self._gap_open = False
                segmenter.feed(data)
        finally:
            _end(process)
            while reader.is_alive() or not chunks.empty():  # what ffmpeg wrote before it ended
                try:
                    data = chunks.get(timeout=0.5)
                except queue.Empty:
                    continue
                if data:
                    segmenter.feed(data)
            reader.join()
            segmenter.close()
            process.stdout.close()
            errors.close()
            self.process = None
        ended = not self.is_network and not self.loop_files and process.returncode == 0 and received
        return ended, received

    # -- what the recorder process reports per camera (same as SegmentRecorder) -----------------------
    @property
    def open_segment(self) -> tuple[int, int]:
        """(bytes, 0) written so far into the open segment; ffmpeg's packets are not counted here."""
        segment = self._segment
        return (segment["sink"].size, 0) if segment is not None else (0, 0)

    def _open_segment(self, first_pts: int, codec: str) -> None:
        segment = self._new_segment_file()
        segment.update({"started_at": _now(), "codec": codec})
        self._segment = segment

    def _write(self, data: bytes) -> None:
        if self._segment is not None:
            self._segment["sink"].write(data)

    def _close_segment(self, duration_ms: int, frames: int) -> None:
        segment, self._segment = self._segment, None
        if segment is None:
            return
        digest = segment["sink"].close()
        self._publish(segment, digest, duration_ms, frames, segment["codec"] or "h264")


def _pump(pipe: Any, chunks: queue.Queue[bytes]) -> None:
    """The pipe reader: one thread per ffmpeg process, ends with b"" when ffmpeg closes its output."""
    try:
        while data := os.read(pipe.fileno(), 1 << 16):
            chunks.put(data)
    except OSError:
        pass
    finally:
        chunks.put(b"")


def _end(process: subprocess.Popen[bytes]) -> None:
    """Ask ffmpeg to finish (it flushes its muxer), then make sure it is gone."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(3)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def ffmpeg_unavailable_reason(configured: str | None = None) -> str | None:
    """None when ffmpeg can be used; otherwise a sentence saying why not."""
    if find_ffmpeg(configured) is None:
        return tr("The video library {library} is not installed.", library="ffmpeg")
    return None


__all__ = ["FfmpegRecorder", "TsSegmenter", "ffmpeg_unavailable_reason", "find_ffmpeg"]
