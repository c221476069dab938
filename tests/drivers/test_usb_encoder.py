"""USB recording: frames from a camera (the simulated one here) encoded to H.264 720p15 in verifiable segments."""

from __future__ import annotations

import hashlib
import time

import av
import pytest
from test_recorder_rtsp import Events

from app.security import SigningKey
from app.video.manifest import Manifest, verify_directory
from drivers.camera import SimulatedCamera
from drivers.recorder.usb_encoder import UsbEncoderRecorder

pytestmark = pytest.mark.slow


def _keep(manifest: Manifest, events: Events):
    def keep(segment):
        manifest.add_segment(camera=segment.camera_id, seq=segment.seq, file=segment.path.name,
                             sha256=segment.sha256, size=segment.size, duration_ms=segment.duration_ms,
                             started_at=segment.started_at, ended_at=segment.ended_at, codec=segment.codec)
        events.segment(segment)
    return keep


def test_simulated_camera_is_encoded_to_720p15_h264_segments_that_verify(tmp_path):
    key = SigningKey.generate()
    manifest = Manifest.create(tmp_path, "TH1-R02", key.sign, key.public_key, camera="usb1")
    events = Events()
    camera = SimulatedCamera(fps=15, size=(1280, 720), name="usb1")
    recorder = UsbEncoderRecorder(camera, tmp_path, "usb1", 4, on_segment=_keep(manifest, events), on_gap=events.gap)
    cpu, wall = time.process_time(), time.monotonic()
    recorder.record_for(8.5)
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    assert recorder.error is None and not events.gaps
    manifest.seal()
    assert verify_directory(tmp_path, key.public_key).ok
    segments = events.segments
    assert [s.seq for s in segments] == list(range(1, len(segments) + 1)) and len(segments) >= 2
    # the camera's frames, few dropped even while the rest of the suite (a PyInstaller build among
    # it) loads both cores: a clean-clone CI run encoded 107 of ~120; the encoder's cost is measured
    # on purpose, not here (docs/cameras.md: 13-17 % of a core at 720p15)
    assert recorder.frames_encoded >= 15 * 8 * 0.8
    for segment in segments:
        assert hashlib.sha256(segment.path.read_bytes()).hexdigest() == segment.sha256
        with av.open(str(segment.path)) as container:
            stream = container.streams.video[0]
            assert (stream.codec_context.name, stream.codec_context.width, stream.codec_context.height) == \
                ("h264", 1280, 720)
            frames = list(container.decode(stream))
        assert frames[0].key_frame  # plays on its own
        assert len(frames) == segment.packets
    for segment in segments[:-1]:
        assert 3900 <= segment.duration_ms <= 4200
        with av.open(str(segment.path)) as container:
            keys = [frame.key_frame for frame in container.decode(video=0)]
        assert [index for index, key in enumerate(keys) if key][:2] == [0, 30]  # GOP = 2 s at 15 fps
    rate = sum(s.size for s in segments) * 8 / wall
    assert rate < 2_000_000 * 1.2  # the bit-rate cap holds
    print(f"USB encoding 1280x720 15 fps (libx264 ultrafast, zerolatency): {100 * cpu / wall:.1f}% of a core, "
          f"{rate / 1000:.0f} kbit/s")


def test_an_unplugged_camera_is_a_gap_and_recording_resumes_when_it_returns(tmp_path):
    events = Events()
    camera = SimulatedCamera(fps=15, size=(640, 360), name="usb2")
    recorder = UsbEncoderRecorder(camera, tmp_path, "usb2", 1, size=(640, 360), on_segment=events.segment,
                                  on_gap=events.gap, read_timeout=1, reconnect_backoff=(0.2, 0.5))
    recorder.start()
    try:
        assert events.wait(lambda: events.segments, timeout=10)
        camera.unplug()
        assert events.wait(lambda: events.gaps, timeout=5)
        before = len(events.segments)
        camera.replug()
        assert events.wait(lambda: len(events.segments) > before + 1, timeout=10)
    finally:
        recorder.stop()
    assert not recorder.running
    gap = events.gaps[0][0]
    assert len(events.gaps) == 1 and "unplugged" in gap.reason
    assert [s.seq for s in events.segments] == list(range(1, len(events.segments) + 1))
    assert not list(tmp_path.glob("*.part"))


def test_a_camera_that_hangs_is_a_gap_after_the_read_timeout(tmp_path):
    events = Events()
    camera = SimulatedCamera(fps=15, size=(320, 240))
    recorder = UsbEncoderRecorder(camera, tmp_path, "usb3", 1, size=(320, 240), on_segment=events.segment,
                                  on_gap=events.gap, read_timeout=1)
    recorder.start()
    try:
        assert events.wait(lambda: events.segments, timeout=10)
        camera.unplug(hang=True)
        hung = time.monotonic()
        assert events.wait(lambda: events.gaps, timeout=5)
        assert events.gaps[0][1] - hung <= 2.5
    finally:
        recorder.stop()
    for segment in events.segments:
        assert hashlib.sha256(segment.path.read_bytes()).hexdigest() == segment.sha256


def test_an_unknown_camera_is_reported_once(tmp_path):
    events = Events()
    recorder = UsbEncoderRecorder("sim:nobody", tmp_path, "usb4", on_gap=events.gap)
    recorder.record_for(0.3)
    assert len(events.gaps) == 1 and "nobody" in events.gaps[0][0].reason
    assert recorder.error is not None and not recorder.running
