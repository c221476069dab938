"""`examsite video record` / `video verify` end to end: tampering is named; kill -9 loses at most 2 s.

The CLI runs in process (record from a file) and as a real child process (record from an RTSP
server on 127.0.0.1, killed with SIGKILL mid-segment).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import av
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "drivers"))
from test_camera_contract import RtspTestServer, make_clip

from app.cli.video_cmd import main
from app.video.manifest import HEAD_FILE, PUBLIC_KEY_FILE

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_site(tmp_path, monkeypatch):
    monkeypatch.setenv("EXAMSITE_HOME", str(tmp_path / "no-site"))
    monkeypatch.delenv("EXAMSITE_PASSPHRASE", raising=False)


@pytest.fixture(scope="module")
def clip_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("video-cli")
    make_clip(folder / "clip.mp4", seconds=3)
    return folder


@pytest.fixture(scope="module")
def recorded(clip_folder, tmp_path_factory):
    """One stand-alone recording of 4.2 s in 2 s segments, made once; tests tamper with copies."""
    out = tmp_path_factory.mktemp("session") / "R01"
    env = {"EXAMSITE_HOME": str(out.parent / "no-site")}
    saved = {name: os.environ.get(name) for name in (*env, "EXAMSITE_PASSPHRASE")}
    os.environ.update(env)
    os.environ.pop("EXAMSITE_PASSPHRASE", None)
    try:
        code = main(["video", "record", "--source", str(clip_folder / "clip.mp4"), "--seconds", "4.2",
                     "--out", str(out), "--segment-seconds", "2", "--lang", "en"])
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    assert code == 0
    return out


@pytest.fixture
def session(recorded, tmp_path):
    copy = tmp_path / "R01"
    shutil.copytree(recorded, copy)
    return copy


def verify(directory: Path, capsys, *extra: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["video", "verify", str(directory), "--lang", "en", *extra])
    return code, capsys.readouterr().out


def test_a_recording_verifies_and_says_it_proves_integrity_not_origin(session, capsys):
    assert sorted(p.name for p in session.glob("*.ts")) == ["cam1-000001.ts", "cam1-000002.ts", "cam1-000003.ts"]
    code, out = verify(session, capsys)
    assert code == 0
    assert "Verified: 3 segments" in out and "sealed" in out
    assert "not who recorded it" in out
    public = (session / PUBLIC_KEY_FILE).read_text().strip()
    assert verify(session, capsys, "--public-key", public)[0] == 0
    assert verify(session, capsys, "--public-key", "11" * 32)[0] == 1


def test_a_modified_byte_is_named(session, capsys):
    target = session / "cam1-000002.ts"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    code, out = verify(session, capsys)
    assert code == 1 and "First problem: Segment cam1-000002.ts was modified." in out


def test_a_deleted_segment_is_named(session, capsys):
    (session / "cam1-000002.ts").unlink()
    code, out = verify(session, capsys)
    assert code == 1 and "First problem: Segment cam1-000002.ts is missing." in out


def test_two_segments_swapped_by_name_are_named(session, capsys):
    first, second = session / "cam1-000001.ts", session / "cam1-000002.ts"
    first.rename(session / "swap")
    second.rename(first)
    (session / "swap").rename(second)
    code, out = verify(session, capsys)
    assert code == 1
    assert "First problem: Segment cam1-000001.ts holds the video of segment cam1-000002.ts" in out


def test_an_inserted_segment_is_named(session, capsys):
    shutil.copy(session / "cam1-000001.ts", session / "cam1-000001b.ts")
    code, out = verify(session, capsys)
    assert code == 1 and "First problem: Segment cam1-000001b.ts is not in the manifest" in out


def _signed_entries(directory: Path) -> int:
    try:
        return json.loads((directory / HEAD_FILE).read_bytes())["entries"]
    except (FileNotFoundError, ValueError):
        return 0


def _wait(predicate, timeout: float, step: float = 0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def make_site(home: Path, passphrase: str = "pass phrase"):
    from app.security import FAST_FOR_TESTS, SiteKeys

    keys = SiteKeys.generate("SITE-V", "视频测试考点")
    (home / "keys").mkdir(parents=True)
    keys.save(home / "keys" / "site-keys.json", passphrase, FAST_FOR_TESTS)
    return keys


def test_kill_9_mid_segment_loses_at_most_two_seconds_and_the_recording_resumes(clip_folder, tmp_path, capsys,
                                                                                monkeypatch):
    home = tmp_path / "site-home"
    make_site(home)
    monkeypatch.setenv("EXAMSITE_PASSPHRASE", "pass phrase")
    server = RtspTestServer(clip_folder).start()
    try:
        out = tmp_path / "R02"
        env = {**os.environ, "EXAMSITE_HOME": str(home), "EXAMSITE_LANG": "en"}
        recorder = subprocess.Popen(
            [sys.executable, "-m", "app.cli.video_cmd", "video", "record", "--source", server.url("clip.mp4"),
             "--seconds", "60", "--out", str(out), "--segment-seconds", "3"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            assert _wait(lambda: _signed_entries(out) >= 2, timeout=20), "no segment closed"  # start + 1 segment
            partial = out / "cam1-000002.ts.part"
            assert _wait(partial.exists, timeout=5)
            opened = time.monotonic()
            time.sleep(1.8)  # mid-segment: the 3 s segment is open and being written
            recorder.send_signal(signal.SIGKILL)
            killed = time.monotonic()
            recorder.wait(10)
        finally:
            if recorder.poll() is None:
                recorder.kill()
                recorder.wait(10)

        code, report = verify(out, capsys, "--home", str(home))
        assert code == 0, report
        assert "Verified: 1 segments" in report and "not sealed" in report
        assert "cam1-000002.ts.part was being written" in report

        with av.open(str(partial)) as container:
            stream = container.streams.video[0]
            stamps = [p.pts for p in container.demux(stream) if p.size and p.pts is not None]
        kept = float((max(stamps) - min(stamps)) * stream.time_base) if stamps else 0.0
        lost = (killed - opened) - kept
        print(f"kill -9 after {killed - opened:.2f} s of the segment: {kept:.2f} s on disk, {lost:.2f} s lost")
        assert lost <= 2.0

        restarted = time.monotonic()
        code = main(["video", "record", "--source", server.url("clip.mp4"), "--seconds", "2.5", "--out", str(out),
                     "--segment-seconds", "1", "--resume", "--home", str(home), "--lang", "en"])
        assert code == 0 and time.monotonic() - restarted < 6
    finally:
        server.stop()
    assert (out / "cam1-000003.ts").exists()
    code, report = verify(out, capsys, "--home", str(home))
    assert code == 0 and "the session is sealed" in report, report
    lines = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    assert any(e.get("recovered") and e["file"] == "cam1-000002.ts.part" for e in lines)
    assert any(e.get("action") == "recorder restarted" for e in lines)


def test_with_a_site_the_site_key_signs_and_verify_uses_it(clip_folder, tmp_path, monkeypatch, capsys):
    from app.security import FAST_FOR_TESTS, SiteKeys

    home = tmp_path / "site-home"
    keys = make_site(home)
    monkeypatch.setenv("EXAMSITE_PASSPHRASE", "pass phrase")
    out = tmp_path / "R03"
    code = main(["video", "record", "--source", str(clip_folder / "clip.mp4"), "--seconds", "1.2",
                 "--out", str(out), "--segment-seconds", "1", "--home", str(home), "--lang", "en"])
    assert code == 0 and not (out / PUBLIC_KEY_FILE).exists()
    assert json.loads((out / HEAD_FILE).read_bytes())["signer"] == keys.public.signing_public.hex()
    code, report = verify(out, capsys, "--home", str(home))
    assert code == 0 and "not who recorded it" not in report
    other = tmp_path / "other-home"
    (other / "keys").mkdir(parents=True)
    SiteKeys.generate("SITE-X", "别的考点").save(other / "keys" / "site-keys.json", "x", FAST_FOR_TESTS)
    code, report = verify(out, capsys, "--home", str(other))
    assert code == 1 and "not valid for this key" in report
