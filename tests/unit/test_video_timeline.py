"""The playback timeline read from a real manifest written by app.video.manifest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.security import SigningKey
from app.video.manifest import Manifest
from app.video.timeline import read_timeline

T0 = datetime(2026, 11, 23, 8, 45, tzinfo=UTC)


def test_segments_gaps_and_markers_on_one_timeline(tmp_path):
    key = SigningKey.generate()
    manifest = Manifest.create(tmp_path, "S01-R01-cam1", key.sign, key.public_key)
    manifest.add_segment(camera="cam1", seq=0, file="cam1-000000.ts", sha256="0" * 64, size=10, duration_ms=60_000,
                         started_at=T0, ended_at=T0 + timedelta(seconds=60))
    manifest.add_gap(camera="cam1", started_at=T0 + timedelta(seconds=60),
                     detected_at=T0 + timedelta(seconds=66), reason="silent")
    manifest.add_segment(camera="cam1", seq=1, file="cam1-000001.ts", sha256="1" * 64, size=10, duration_ms=30_000,
                         started_at=T0 + timedelta(seconds=90), ended_at=T0 + timedelta(seconds=120))
    manifest.add_marker(label="cheating suspected, seat 12", by="KW0003", at=T0 + timedelta(seconds=100))
    manifest.add_action(action="recording stopped", by="KW0002", at=T0 + timedelta(seconds=121), reason="power")
    manifest.seal()

    timeline = read_timeline(tmp_path)
    assert [s.seq for s in timeline.segments] == [0, 1]
    assert timeline.gaps[0].start == T0 + timedelta(seconds=60)
    assert timeline.gaps[0].end == T0 + timedelta(seconds=90)  # until the camera recorded again
    assert [(m.kind, m.label) for m in timeline.markers] == [("marker", "cheating suspected, seat 12"),
                                                            ("action", "recording stopped")]
    assert timeline.sealed and timeline.recorded_seconds() == 90
    assert timeline.start == T0 and timeline.end == T0 + timedelta(seconds=121)
    segment, offset = timeline.locate(T0 + timedelta(seconds=100))
    assert segment.seq == 1 and offset == 10
    segment, offset = timeline.locate(T0 + timedelta(seconds=70))  # inside the gap: the next recording
    assert segment.seq == 1 and offset == 0
    assert timeline.locate(T0 + timedelta(seconds=500)) is None


def test_a_line_cut_short_by_a_crash_ends_the_reading(tmp_path):
    key = SigningKey.generate()
    manifest = Manifest.create(tmp_path, "S", key.sign, key.public_key)
    manifest.add_marker(label="start", at=T0)
    with open(tmp_path / "manifest.jsonl", "ab") as out:
        out.write(b'{"kind":"segm')
    assert [m.label for m in read_timeline(tmp_path).markers] == ["start"]
