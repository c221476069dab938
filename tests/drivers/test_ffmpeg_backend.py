"""The ffmpeg-subprocess recorder against a real RTSP server on 127.0.0.1, and the backend factory.

Same checks as the PyAV recorder (test_recorder_rtsp.py): key-frame segments that verify, a bit-exact
stream copy, a frozen camera as a gap within 10 s, a camera coming back within 5 s. The TS cutter is
also tested on its own with MPEG-TS made here by PyAV, so it runs even where ffmpeg is absent.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import time
from datetime import UTC, datetime

import av
import pytest
from test_camera_contract import RtspTestServer, make_clip
from test_recorder_rtsp import CLIP_FPS, Events, _pictures, _stream_facts

from app.security import SigningKey
from app.video.manifest import Manifest, verify_directory
from drivers.camera import SimulatedCamera
from drivers.errors import DeviceUnavailable, LibraryMissing
from drivers.recorder.factory import chosen_backend, make_recorder
from drivers.recorder.ffmpeg_backend import FfmpegRecorder, TsSegmenter
from drivers.recorder.segment_recorder import SegmentRecorder
from drivers.recorder.usb_encoder import UsbEncoderRecorder

FFMPEG = shutil.which("ffmpeg")
needs_ffmpeg = pytest.mark.skipif(FFMPEG is None, reason="ffmpeg is not installed (apt-get install ffmpeg): "
                                  "the ffmpeg backend cannot be tested here")


@pytest.fixture(scope="module")
def clip_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ffmpeg-backend")
    make_clip(folder / "clip.mp4", seconds=3, fps=CLIP_FPS)
    return folder


def _ts_of(clip) -> bytes:
    """The clip's video remuxed (not re-encoded) to MPEG-TS, as ffmpeg's muxer writes it."""
    sink = io.BytesIO()
    with av.open(str(clip)) as source, av.open(sink, "w", format="mpegts") as output:
        stream = source.streams.video[0]
        out = output.add_stream_from_template(stream)
        for packet in source.demux(stream):
            if packet.dts is not None:
                packet.stream = out
                output.mux(packet)
    return sink.getvalue()


def test_the_ts_cutter_starts_every_segment_with_tables_and_a_key_frame(clip_folder, tmp_path):
    data = _ts_of(clip_folder / "clip.mp4")
    segments: list[dict] = []
    segmenter = TsSegmenter(
        1.0, lambda pts, codec: segments.append({"pts": pts, "codec": codec, "data": bytearray()}),
        lambda chunk: segments[-1]["data"].extend(chunk),
        lambda duration, frames: segments[-1].update(duration=duration, frames=frames))
    for offset in range(0, len(data), 1000):  # chunks that split TS packets
        segmenter.feed(data[offset:offset + 1000])
    segmenter.close()
    assert len(segments) == 3
    assert [s["frames"] for s in segments] == [CLIP_FPS] * 3
    assert [s["duration"] for s in segments] == [1000] * 3
    assert {s["codec"] for s in segments} == {"h264"}
    assert sum(len(s["data"]) for s in segments) <= len(data)
    clip_pictures = set(_pictures(clip_folder / "clip.mp4"))
    for index, segment in enumerate(segments):
        head = [segment["data"][i:i + 188] for i in range(0, 3 * 188, 188)]
        assert any(p[0] == 0x47 and p[1] & 0x1F == 0 and p[2] == 0 for p in head)  # PAT before the picture
        path = tmp_path / f"s{index}.ts"
        path.write_bytes(segment["data"])
        with av.open(str(path)) as container:
            frames = list(container.decode(video=0))
        assert len(frames) == CLIP_FPS and frames[0].key_frame
        assert set(_pictures(path)) <= clip_pictures
    with pytest.raises(ValueError, match="alignment"):
        TsSegmenter(1, None, None, None).feed(b"\x00" * 188)


@needs_ffmpeg
@pytest.mark.slow
def test_rtsp_through_ffmpeg_is_copied_into_verifiable_segments(clip_folder, tmp_path):
    server = RtspTestServer(clip_folder).start()
    key = SigningKey.generate()
    manifest = Manifest.create(tmp_path, "TH1-R01", key.sign, key.public_key, camera="cam1")
    events = Events()

    def keep(segment):
        manifest.add_segment(camera=segment.camera_id, seq=segment.seq, file=segment.path.name,
                             sha256=segment.sha256, size=segment.size, duration_ms=segment.duration_ms,
                             started_at=segment.started_at, ended_at=segment.ended_at, codec=segment.codec)
        events.segment(segment)

    recorder = FfmpegRecorder(server.url("clip.mp4"), tmp_path, "cam1", 2, on_segment=keep, on_gap=events.gap,
                              read_timeout=4)
    try:
        started_cpu, started = time.process_time(), time.monotonic()
        recorder.record_for(6)
        cpu = time.process_time() - started_cpu
        wall = time.monotonic() - started
    finally:
        server.stop()
    assert not recorder.running and recorder.error is None and not events.gaps
    manifest.seal()
    segments = events.segments
    assert len(segments) >= 2
    assert [s.seq for s in segments] == list(range(1, len(segments) + 1))
    for segment in segments[:-1]:
        assert 1900 <= segment.duration_ms <= 2100
    report = verify_directory(tmp_path, key.public_key)
    assert report.ok, report.problems
    clip_facts, clip_rate = _stream_facts(clip_folder / "clip.mp4")
    clip_pictures = set(_pictures(clip_folder / "clip.mp4"))
    for segment in segments[:-1]:
        facts, rate = _stream_facts(segment.path)
        assert facts == clip_facts
        assert rate == pytest.approx(clip_rate, rel=0.15)
        assert set(_pictures(segment.path)) <= clip_pictures  # bit-exact: a copy, not a re-encode
    assert not list(tmp_path.glob("*.part"))
    print(f"ffmpeg backend, 640x360 15 fps over RTSP: Python side {100 * cpu / wall:.1f}% of a core "
          f"(ffmpeg's own CPU is in its child process)")


@needs_ffmpeg
@pytest.mark.slow
def test_a_frozen_camera_is_a_gap_and_a_camera_that_returns_is_recorded_again(clip_folder, tmp_path):
    server = RtspTestServer(clip_folder).start()
    events = Events()
    recorder = FfmpegRecorder(server.url("clip.mp4"), tmp_path, "cam1", 1, on_segment=events.segment,
                              on_gap=events.gap, read_timeout=4, reconnect_backoff=(0.5, 1))
    recorder.start()
    try:
        assert events.wait(lambda: events.segments, timeout=15)
        server.freeze()
        frozen = time.monotonic()
        assert events.wait(lambda: events.gaps, timeout=10), "no gap within 10 s of the camera freezing"
        gap, noticed = events.gaps[0]
        assert noticed - frozen <= 10 and gap.detected_at > gap.started_at
        server.stop()
        before = len(events.segments)
        server.start()
        back = datetime.now(UTC)
        assert events.wait(lambda: len(events.segments) > before, timeout=15)
        assert (events.segments[before].started_at - back).total_seconds() <= 5
        assert len(events.gaps) == 1
    finally:
        server.stop()
        recorder.stop()
    assert not recorder.running and recorder.process is None
    for segment in events.segments:
        assert hashlib.sha256(segment.path.read_bytes()).hexdigest() == segment.sha256
    assert [s.seq for s in events.segments] == list(range(1, len(events.segments) + 1))


@needs_ffmpeg
@pytest.mark.slow
def test_a_file_is_paced_and_loops_and_a_missing_file_is_a_gap(clip_folder, tmp_path):
    events = Events()
    recorder = FfmpegRecorder(clip_folder / "clip.mp4", tmp_path / "a", "demo", 2, on_segment=events.segment)
    started = time.monotonic()
    recorder.record_for(4.2)
    assert time.monotonic() - started >= 4.2
    durations = [s.duration_ms for s in events.segments]
    # ffmpeg's -stream_loop joins the passes a frame early, and a key frame up to 1.5 frames early ends a segment
    assert all(1866 <= d <= 2000 for d in durations[:2]) and sum(durations) == pytest.approx(4200, abs=600)
    missing = Events()
    FfmpegRecorder(tmp_path / "nothing.mp4", tmp_path / "b", "demo", 2, on_gap=missing.gap).record_for(0.5)
    assert len(missing.gaps) == 1 and "no file" in missing.gaps[0][0].reason


def test_factory_chooses_pyav_by_default_and_ffmpeg_only_when_it_exists(tmp_path, monkeypatch):
    monkeypatch.delenv("EXAMSITE_RECORDER_BACKEND", raising=False)
    assert isinstance(make_recorder("rtsp://cam/main", tmp_path, "c1"), SegmentRecorder)
    assert chosen_backend("rtsp://cam/main") == ("pyav", "")
    kind, note = chosen_backend("rtsp://cam/main", "ffmpeg", ffmpeg=str(tmp_path / "no-ffmpeg"))
    assert kind == "pyav" and "ffmpeg" in note and "PyAV" in note
    assert isinstance(make_recorder("rtsp://cam/main", tmp_path, "c1", backend="ffmpeg",
                                    ffmpeg=str(tmp_path / "no-ffmpeg")), SegmentRecorder)
    with pytest.raises(LibraryMissing):
        FfmpegRecorder("rtsp://cam/main", tmp_path, "c1", ffmpeg=str(tmp_path / "no-ffmpeg"))
    if FFMPEG is not None:
        monkeypatch.setenv("EXAMSITE_RECORDER_BACKEND", "ffmpeg")
        assert isinstance(make_recorder("rtsp://cam/main", tmp_path, "c1"), FfmpegRecorder)
    with pytest.raises(DeviceUnavailable, match="gstreamer"):
        chosen_backend("rtsp://cam/main", "gstreamer")
    SimulatedCamera().register("factory-test")
    try:
        assert isinstance(make_recorder("sim:factory-test", tmp_path, "u1"), UsbEncoderRecorder)
        assert isinstance(make_recorder("usb:0", tmp_path, "u2", backend="ffmpeg"), UsbEncoderRecorder)
    finally:
        SimulatedCamera.unregister("factory-test")
