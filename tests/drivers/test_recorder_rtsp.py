"""SegmentRecorder against a real RTSP server on 127.0.0.1, fed from a clip made here with PyAV.

The recording must be a stream copy: same codec, profile, size and bit rate as the clip, and
every decoded picture identical, pixel for pixel, to one of the clip's (a re-encode would not be).
"""

from __future__ import annotations

import hashlib
import threading
import time
from datetime import UTC, datetime

import av
import numpy as np
import pytest
from test_camera_contract import RtspTestServer, make_clip

from app.security import SigningKey
from app.video.manifest import Manifest, verify_directory
from drivers.recorder import Gap, Segment, SegmentRecorder

pytestmark = pytest.mark.slow

CLIP_FPS = 15  # make_clip puts a key frame every CLIP_FPS frames: one a second


@pytest.fixture(scope="module")
def clip_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("recorder-rtsp")
    make_clip(folder / "clip.mp4", seconds=3, fps=CLIP_FPS)
    return folder


@pytest.fixture(scope="module")
def rtsp_server(clip_folder):
    server = RtspTestServer(clip_folder).start()
    yield server
    server.stop()


class Events:
    """Callbacks tests can wait on."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.gaps: list[tuple[Gap, float]] = []
        self.changed = threading.Condition()

    def segment(self, segment: Segment) -> None:
        with self.changed:
            self.segments.append(segment)
            self.changed.notify_all()

    def gap(self, gap: Gap) -> None:
        with self.changed:
            self.gaps.append((gap, time.monotonic()))
            self.changed.notify_all()

    def wait(self, predicate, timeout: float) -> bool:
        with self.changed:
            return self.changed.wait_for(predicate, timeout)


def _stream_facts(path):
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        context = stream.codec_context
        sizes, first, last = 0, None, None
        for packet in container.demux(stream):
            if packet.size and packet.pts is not None:
                sizes += packet.size
                first = packet.pts if first is None else min(first, packet.pts)
                last = packet.pts if last is None else max(last, packet.pts)
        seconds = float((last - first) * stream.time_base) + 1 / CLIP_FPS
        return {"codec": context.name, "profile": context.profile, "size": (context.width, context.height),
                "pix_fmt": context.pix_fmt}, sizes * 8 / seconds


def _pictures(path) -> list[bytes]:
    with av.open(str(path)) as container:
        return [hashlib.sha256(frame.to_ndarray(format="yuv420p").tobytes()).digest()
                for frame in container.decode(video=0)]


def test_six_seconds_from_rtsp_are_copied_into_verifiable_two_second_segments(rtsp_server, clip_folder, tmp_path):
    key = SigningKey.generate()
    manifest = Manifest.create(tmp_path, "TH1-R01", key.sign, key.public_key, camera="cam1")
    events = Events()

    def keep(segment: Segment) -> None:
        manifest.add_segment(camera=segment.camera_id, seq=segment.seq, file=segment.path.name,
                             sha256=segment.sha256, size=segment.size, duration_ms=segment.duration_ms,
                             started_at=segment.started_at, ended_at=segment.ended_at, codec=segment.codec)
        events.segment(segment)

    recorder = SegmentRecorder(rtsp_server.url("clip.mp4"), tmp_path, "cam1", 2, on_segment=keep,
                               on_gap=events.gap, read_timeout=4)
    recorder.record_for(6)
    assert not recorder.running and recorder.error is None
    manifest.seal()

    segments = events.segments
    assert len(segments) >= 3 and not events.gaps
    assert [s.seq for s in segments] == list(range(1, len(segments) + 1))
    for segment in segments[:-1]:
        assert 1900 <= segment.duration_ms <= 2100  # cut at the key frame that follows 2 s
    for segment in segments:
        assert hashlib.sha256(segment.path.read_bytes()).hexdigest() == segment.sha256
    report = verify_directory(tmp_path, key.public_key)
    assert report.ok, report.problems
    assert report.segments == len(segments) and 4 <= report.seconds <= 6.5  # minus connecting and the wait for a key frame

    clip_facts, clip_rate = _stream_facts(clip_folder / "clip.mp4")
    clip_pictures = set(_pictures(clip_folder / "clip.mp4"))
    for segment in segments[:-1]:
        facts, rate = _stream_facts(segment.path)
        assert facts == clip_facts
        assert rate == pytest.approx(clip_rate, rel=0.15)
        pictures = _pictures(segment.path)
        assert len(pictures) >= 2 * CLIP_FPS - 1
        assert set(pictures) <= clip_pictures  # bit-exact: nothing was decoded and encoded again


def test_a_frozen_camera_is_recorded_as_a_gap_within_ten_seconds(clip_folder, tmp_path):
    server = RtspTestServer(clip_folder).start()
    events = Events()
    recorder = SegmentRecorder(server.url("clip.mp4"), tmp_path, "cam1", 1, on_segment=events.segment,
                               on_gap=events.gap, read_timeout=4, reconnect_backoff=(0.5, 1))
    recorder.start()
    try:
        assert events.wait(lambda: events.segments, timeout=15)
        server.freeze()
        frozen = time.monotonic()
        assert events.wait(lambda: events.gaps, timeout=10), "no gap within 10 s of the camera freezing"
        gap, noticed = events.gaps[0]
        assert noticed - frozen <= 10
        assert gap.detected_at > gap.started_at and "sent nothing" in gap.reason
    finally:
        server.stop()
        recorder.stop()
    assert not recorder.running
    for segment in events.segments:  # the segment open at the freeze was closed and is whole
        assert hashlib.sha256(segment.path.read_bytes()).hexdigest() == segment.sha256
    assert not list(tmp_path.glob("*.part"))


def test_a_file_source_is_paced_and_loops(clip_folder, tmp_path):
    events = Events()
    recorder = SegmentRecorder(clip_folder / "clip.mp4", tmp_path, "demo", 2, on_segment=events.segment)
    started = time.monotonic()
    recorder.record_for(4.2)
    assert time.monotonic() - started >= 4.2
    durations = [s.duration_ms for s in events.segments]
    assert durations[:2] == [2000, 2000] and sum(durations) == pytest.approx(4200, abs=400)
    assert np.all(np.diff([s.seq for s in events.segments]) == 1)


def test_a_camera_that_comes_back_is_recorded_again_within_five_seconds(clip_folder, tmp_path):
    server = RtspTestServer(clip_folder).start()
    events = Events()
    recorder = SegmentRecorder(server.url("clip.mp4"), tmp_path, "cam1", 1, on_segment=events.segment,
                               on_gap=events.gap, read_timeout=4)
    recorder.start()
    try:
        assert events.wait(lambda: events.segments, timeout=15)
        server.stop()  # unplugged: the connection drops
        assert events.wait(lambda: events.gaps, timeout=10)
        before = len(events.segments)
        server.start()
        back = datetime.now(UTC)
        assert events.wait(lambda: len(events.segments) > before, timeout=15)
        assert (events.segments[before].started_at - back).total_seconds() <= 5
        assert len(events.gaps) == 1
    finally:
        server.stop()
        recorder.stop()
    assert not recorder.running
    seqs = [s.seq for s in events.segments]
    assert seqs == list(range(1, len(seqs) + 1))
