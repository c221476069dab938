"""The factory, the looping file, an absent USB camera, a missing library, and the cameras' Chinese."""

from __future__ import annotations

import ast
import string
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from test_camera_contract import make_clip

from app import i18n
from drivers.camera import SimulatedCamera, describe_spec, open_camera
from drivers.camera.base import mask_password
from drivers.errors import DeviceError, DeviceUnavailable, LibraryMissing

CAMERA_PACKAGE = Path(__file__).resolve().parents[2] / "drivers" / "camera"


def test_the_file_source_loops_past_the_end_at_the_clips_frame_rate(tmp_path):
    clip = make_clip(tmp_path / "short.mp4", seconds=1, size=(160, 96), fps=15)
    with open_camera(f"file:{clip}") as source:
        assert source.fps == 15 and source.size == (160, 96)
        started = time.monotonic()
        frames = [source.read(timeout=2) for _ in range(22)]  # the clip has 15
    elapsed = time.monotonic() - started
    assert [f.seq for f in frames] == list(range(22))
    assert 21 / 15 - 0.3 < elapsed < 21 / 15 + 1.0  # paced like a camera, not as fast as decoding
    assert np.abs(frames[15].image.astype(int) - frames[0].image).mean() < 3  # back at the first picture


def test_a_file_that_does_not_loop_ends_with_a_sentence(tmp_path):
    clip = make_clip(tmp_path / "once.mp4", seconds=0.4, size=(64, 48), fps=15)
    with open_camera(f"file://{clip}", loop=False) as source, pytest.raises(DeviceError, match="has ended"):
        for _ in range(20):
            source.read(timeout=2)


def test_a_missing_or_broken_file_is_unavailable(tmp_path):
    with pytest.raises(DeviceUnavailable, match="There is no file"):
        open_camera(f"file:{tmp_path / 'absent.mp4'}").open()
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"not a video at all" * 100)
    with pytest.raises(DeviceUnavailable, match="cannot be played"):
        open_camera(f"file:{broken}").open()


def test_an_absent_usb_camera_is_unavailable_with_a_sentence():
    source = open_camera("usb:97")
    assert source.description == "USB 97"
    with pytest.raises(DeviceUnavailable) as raised:
        source.open()
    assert str(raised.value) == "Camera USB 97 is not connected or another program is using it."
    source.close()


def test_a_missing_library_is_a_clear_sentence_not_an_import_error(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "av", None)
    monkeypatch.setitem(sys.modules, "cv2", None)
    with pytest.raises(LibraryMissing, match="PyAV"):
        open_camera(f"file:{tmp_path / 'clip.mp4'}").open()
    with pytest.raises(LibraryMissing, match="OpenCV"):
        open_camera("usb:0").open()


@pytest.mark.parametrize("spec", ["", "usb:first", "http://10.0.0.5/video", "onvif:desk"])
def test_an_address_the_factory_does_not_understand(spec):
    with pytest.raises(DeviceUnavailable, match="is not understood"):
        open_camera(spec)


def test_sim_specs_find_registered_cameras():
    camera = SimulatedCamera(size=(64, 48)).register("sources-desk")
    try:
        assert open_camera("sim:sources-desk") is camera
        assert camera.description == "sources-desk (simulated)"
    finally:
        SimulatedCamera.unregister("sources-desk")
    with pytest.raises(DeviceUnavailable, match="no simulated camera called sources-desk"):
        open_camera("sim:sources-desk")


def test_descriptions_never_show_a_password():
    assert mask_password("rtsp://admin:Pa55@10.0.0.5:554/ch1") == "rtsp://admin:***@10.0.0.5:554/ch1"
    assert mask_password("rtsp://10.0.0.5/ch1") == "rtsp://10.0.0.5/ch1"
    assert describe_spec("rtsp://admin:Pa55@10.0.0.5/ch1") == "rtsp://admin:***@10.0.0.5/ch1"
    assert open_camera("rtsp://admin:Pa55@10.0.0.5/ch1").description == "rtsp://admin:***@10.0.0.5/ch1"
    with pytest.raises(DeviceUnavailable) as raised:
        open_camera("rtps://admin:Pa55@10.0.0.5/ch1")
    assert "Pa55" not in str(raised.value)
    assert describe_spec("usb:1") == "USB 1" and describe_spec("file:/x/demo.mp4") == "demo.mp4"


def _camera_sentences() -> dict[str, str]:
    found = {}
    for path in sorted(CAMERA_PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                found.setdefault(node.args[0].value, f"{path.name}:{node.lineno}")
    return found


def test_every_camera_sentence_has_chinese_with_the_same_placeholders():
    catalog = i18n._catalog("zh_CN")
    sentences = _camera_sentences()
    assert len(sentences) > 15
    missing = {s: where for s, where in sentences.items() if s not in catalog}
    assert not missing

    def names(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert {s: catalog[s] for s in sentences if names(catalog[s]) != names(s)} == {}
