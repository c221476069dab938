"""Property: any single change to a recorded session (manifest, head or segment) is caught by verify."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_video_manifest import KEY, make_session

from app.video.manifest import HEAD_FILE, MANIFEST_FILE, verify_directory

_TEMPLATE = Path(tempfile.mkdtemp(prefix="manifest-template-"))
atexit.register(shutil.rmtree, _TEMPLATE, ignore_errors=True)
make_session(_TEMPLATE, segments=3)
FILES = sorted(path.name for path in _TEMPLATE.iterdir())
LINES = len((_TEMPLATE / MANIFEST_FILE).read_bytes().splitlines())


@st.composite
def mutations(draw):
    kind = draw(st.sampled_from(["flip", "drop_line", "swap_lines", "duplicate_line", "truncate", "delete_file"]))
    if kind == "flip":
        return kind, draw(st.sampled_from(FILES)), draw(st.integers(0, 10**6)), draw(st.integers(1, 255))
    if kind in ("drop_line", "duplicate_line"):
        return kind, draw(st.integers(0, LINES - 1))
    if kind == "swap_lines":
        first = draw(st.integers(0, LINES - 2))
        return kind, first, draw(st.integers(first + 1, LINES - 1))
    if kind == "truncate":
        return kind, draw(st.sampled_from(FILES)), draw(st.integers(0, 100))
    return kind, draw(st.sampled_from([name for name in FILES if name.endswith(".ts") or name == HEAD_FILE]))


def apply(directory: Path, mutation: tuple) -> None:
    kind = mutation[0]
    if kind == "flip":
        _, name, position, mask = mutation
        data = bytearray((directory / name).read_bytes())
        data[position % len(data)] ^= mask
        (directory / name).write_bytes(bytes(data))
        return
    if kind == "truncate":
        _, name, cut = mutation
        data = (directory / name).read_bytes()
        (directory / name).write_bytes(data[: max(0, len(data) - 1 - cut)])
        return
    if kind == "delete_file":
        (directory / mutation[1]).unlink()
        return
    lines = (directory / MANIFEST_FILE).read_bytes().splitlines(keepends=True)
    if kind == "drop_line":
        del lines[mutation[1]]
    elif kind == "duplicate_line":
        lines.insert(mutation[1], lines[mutation[1]])
    else:
        _, a, b = mutation
        lines[a], lines[b] = lines[b], lines[a]
    (directory / MANIFEST_FILE).write_bytes(b"".join(lines))


@settings(max_examples=150, deadline=None)
@given(mutations())
def test_any_single_mutation_is_caught(mutation):
    work = Path(tempfile.mkdtemp(prefix="manifest-mutated-"))
    try:
        directory = work / "session"
        shutil.copytree(_TEMPLATE, directory)
        assert verify_directory(directory, KEY.public_key).ok
        apply(directory, mutation)
        assert not verify_directory(directory, KEY.public_key).ok, mutation
    finally:
        shutil.rmtree(work)
