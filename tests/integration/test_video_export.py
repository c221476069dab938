"""`examsite video export` and `video space` end to end on a real recording (a clip made here, stream-copied)."""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "drivers"))
from test_camera_contract import make_clip

from app.cli.video_cmd import main
from app.errors import InvalidState, KnownError
from app.video.export import README_FILE, SUMS_FILE, export_session
from app.video.manifest import (
    HEAD_FILE,
    MANIFEST_FILE,
    PUBLIC_KEY_FILE,
    verify_directory,
)

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def no_site(tmp_path, monkeypatch):
    monkeypatch.setenv("EXAMSITE_HOME", str(tmp_path / "no-site"))
    monkeypatch.delenv("EXAMSITE_PASSPHRASE", raising=False)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    """A sealed stand-alone recording of 2.2 s in 1 s segments, plus a stray partial file."""
    folder = tmp_path_factory.mktemp("export")
    make_clip(folder / "clip.mp4", seconds=2)
    out = folder / "store" / "R01"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXAMSITE_HOME", str(folder / "no-site"))
        patch.delenv("EXAMSITE_PASSPHRASE", raising=False)
        assert main(["video", "record", "--source", str(folder / "clip.mp4"), "--seconds", "2.2",
                     "--out", str(out), "--segment-seconds", "1", "--lang", "en"]) == 0
    return out


def test_export_copies_evidence_verifies_and_explains(recorded, tmp_path, capsys):
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["video", "export", str(recorded), "--to", str(usb), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    copy = usb / "R01"
    assert "the copy verifies" in out and str(copy) in out
    report = verify_directory(copy, bytes.fromhex((recorded / PUBLIC_KEY_FILE).read_text().strip()))
    assert report.ok and report.sealed and report.segments >= 2
    names = {p.name for p in copy.iterdir()}
    assert {MANIFEST_FILE, HEAD_FILE, PUBLIC_KEY_FILE, README_FILE, SUMS_FILE} <= names
    assert not any(name.startswith(".") for name in names) and not list(usb.glob(".*"))
    for line in (copy / SUMS_FILE).read_text().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((copy / name).read_bytes()).hexdigest() == digest
    readme = (copy / README_FILE).read_text(encoding="utf-8")
    assert "examsite video verify" in readme and report.signer in readme and "sealed / 已封存" in readme
    assert main(["video", "verify", str(copy), "--lang", "en"]) == 0
    assert main(["video", "export", str(recorded), "--to", str(usb), "--lang", "en"]) == 2  # exists already


def test_partial_files_are_not_exported_and_a_tampered_session_is_refused(recorded, tmp_path):
    source = tmp_path / "R01"
    shutil.copytree(recorded, source)
    (source / "notes.txt").write_text("not evidence")
    target = tmp_path / "out"
    target.mkdir()
    result = export_session(source, target)
    assert "notes.txt" not in {p.name for p in result.destination.iterdir()}
    assert result.report.ok
    first = min(source.glob("*.ts"))
    data = bytearray(first.read_bytes())
    data[500] ^= 1
    first.write_bytes(bytes(data))
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(InvalidState, match=f"{first.name} was modified"):
        export_session(source, other)
    assert list(other.iterdir()) == []


def test_export_refuses_a_missing_destination_or_a_folder_without_a_session(recorded, tmp_path):
    with pytest.raises(KnownError, match="no directory"):
        export_session(recorded, tmp_path / "no-drive")
    with pytest.raises(KnownError, match="no recorded session"):
        export_session(tmp_path, tmp_path)


def test_space_cli_reports_the_forecast(recorded, capsys):
    code = main(["video", "space", "--root", str(recorded.parent), "--lang", "en"])
    out = capsys.readouterr().out
    assert "Video disk" in out and "Mbit/s" in out
    assert code in (0, 1)  # depends on this machine's free disk; the levels are unit-tested
    assert main(["video", "space", "--root", str(recorded.parent), "--cameras", "16", "--lang", "en"]) in (0, 1)
    assert "hours of recording left" in capsys.readouterr().out
