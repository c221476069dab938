"""The video manifest: chain, signed head, and verify naming the first bad segment (no media needed)."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.security import SigningKey
from app.video.manifest import HEAD_FILE, MANIFEST_FILE, Manifest, verify_directory

KEY = SigningKey.generate()
T0 = datetime(2026, 6, 1, 1, 0, tzinfo=UTC)


def make_session(directory: Path, segments: int = 4, seal: bool = True) -> Manifest:
    """A session of fake segment files (random bytes), a gap, a marker and an operator action."""
    manifest = Manifest.create(directory, "TH1-R01", KEY.sign, KEY.public_key, camera="cam1")
    for seq in range(1, segments + 1):
        data = os.urandom(2000 + seq)
        name = f"cam1-{seq:06d}.ts"
        (directory / name).write_bytes(data)
        start = T0 + timedelta(seconds=2 * seq)
        manifest.add_segment(camera="cam1", seq=seq, file=name, sha256=hashlib.sha256(data).hexdigest(),
                             size=len(data), duration_ms=2000, started_at=start, ended_at=start + timedelta(seconds=2))
        if seq == 2:
            manifest.add_gap(camera="cam1", started_at=start, detected_at=start + timedelta(seconds=6), reason="silent")
            manifest.add_marker(label="candidate left the room", by="proctor P1")
            manifest.add_action(action="enlarge camera", by="proctor P1")
    if seal:
        manifest.seal()
    return manifest


def test_an_intact_session_verifies(tmp_path):
    make_session(tmp_path)
    report = verify_directory(tmp_path, KEY.public_key)
    assert report.ok, report.problems
    assert (report.segments, report.gaps, report.markers, report.sealed) == (4, 1, 1, True)
    assert report.seconds == 8.0


def test_every_line_chains_to_the_previous_and_the_head_is_signed(tmp_path):
    make_session(tmp_path)
    lines = (tmp_path / MANIFEST_FILE).read_bytes().splitlines()
    previous = "0" * 64
    for line in lines:
        assert json.loads(line)["prev"] == previous
        previous = hashlib.sha256(line).hexdigest()
    head = json.loads((tmp_path / HEAD_FILE).read_bytes())
    assert head["head"] == previous and head["entries"] == len(lines) and head["sealed"]


def test_a_modified_byte_names_the_segment(tmp_path):
    make_session(tmp_path)
    target = tmp_path / "cam1-000003.ts"
    data = bytearray(target.read_bytes())
    data[100] ^= 1
    target.write_bytes(bytes(data))
    report = verify_directory(tmp_path, KEY.public_key)
    assert report.first_problem.kind == "modified" and report.first_problem.name == "cam1-000003.ts"


def test_a_deleted_segment_is_missing(tmp_path):
    make_session(tmp_path)
    (tmp_path / "cam1-000002.ts").unlink()
    first = verify_directory(tmp_path, KEY.public_key).first_problem
    assert (first.kind, first.name) == ("missing", "cam1-000002.ts")


def test_two_segments_swapped_by_name_are_reordered(tmp_path):
    make_session(tmp_path)
    a, b = tmp_path / "cam1-000002.ts", tmp_path / "cam1-000004.ts"
    a.rename(tmp_path / "swap")
    b.rename(a)
    (tmp_path / "swap").rename(b)
    report = verify_directory(tmp_path, KEY.public_key)
    assert (report.first_problem.kind, report.first_problem.name) == ("reordered", "cam1-000002.ts")
    assert "cam1-000004.ts" in report.first_problem.message


def test_an_inserted_segment_is_named(tmp_path):
    make_session(tmp_path)
    (tmp_path / "cam1-000002a.ts").write_bytes(b"\x47" * 188)
    first = verify_directory(tmp_path, KEY.public_key).first_problem
    assert (first.kind, first.name) == ("inserted", "cam1-000002a.ts")


def test_the_first_of_several_problems_is_named_first(tmp_path):
    make_session(tmp_path)
    (tmp_path / "cam1-000004.ts").unlink()
    (tmp_path / "cam1-000002.ts").write_bytes(b"changed")
    assert verify_directory(tmp_path, KEY.public_key).first_problem.name == "cam1-000002.ts"


def test_another_key_or_a_rewritten_manifest_is_refused(tmp_path):
    make_session(tmp_path)
    other = SigningKey.generate()
    assert verify_directory(tmp_path, other.public_key).first_problem.kind == "head"
    lines = (tmp_path / MANIFEST_FILE).read_bytes().splitlines(keepends=True)
    (tmp_path / MANIFEST_FILE).write_bytes(b"".join(lines[:-1]))
    first = verify_directory(tmp_path, KEY.public_key).first_problem
    assert first.kind == "chain"


def test_an_unsealed_session_reports_its_partial_segment_without_failing(tmp_path):
    make_session(tmp_path, seal=False)
    (tmp_path / "cam1-000005.ts.part").write_bytes(b"\x47" * 188 * 3)
    report = verify_directory(tmp_path, KEY.public_key)
    assert report.ok and not report.sealed
    assert report.partial_files == ["cam1-000005.ts.part"]
    (tmp_path / "cam1-000003.ts.part").write_bytes(b"\x47" * 188)
    assert verify_directory(tmp_path, KEY.public_key).first_problem.name == "cam1-000003.ts.part"


def test_a_sealed_manifest_takes_no_more_entries(tmp_path):
    manifest = make_session(tmp_path, segments=1)
    with pytest.raises(ValueError):
        manifest.add_marker(label="late")


def test_a_restarted_recorder_adopts_the_partial_segment_and_continues_the_chain(tmp_path):
    make_session(tmp_path, segments=2, seal=False)
    (tmp_path / "cam1-000003.ts.part").write_bytes(b"\x47" * 188 * 5)
    with open(tmp_path / MANIFEST_FILE, "ab") as out:
        out.write(b'{"at":"2026-06-01T01:00:09.000000Z","cam')  # the line being written at the crash
    manifest, next_seq = Manifest.resume(tmp_path, KEY.sign, KEY.public_key)
    assert next_seq == 4
    data = os.urandom(3000)
    (tmp_path / "cam1-000004.ts").write_bytes(data)
    manifest.add_segment(camera="cam1", seq=4, file="cam1-000004.ts", sha256=hashlib.sha256(data).hexdigest(),
                         size=len(data), duration_ms=2000, started_at=T0, ended_at=T0)
    manifest.seal()
    report = verify_directory(tmp_path, KEY.public_key)
    assert report.ok, report.problems
    assert report.segments == 4 and report.partial_files == []
    (tmp_path / "cam1-000003.ts.part").write_bytes(b"\x47" * 188 * 4)
    assert verify_directory(tmp_path, KEY.public_key).first_problem.name == "cam1-000003.ts.part"
