"""The optional WLT photo plug-in: entry point, environment variable, failures keep the card."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest

from drivers.idcard import photo
from drivers.idcard.photo import ENV_VARIABLE, PhotoDecoding, WltDecoder

BMP = b"BM" + bytes(60)


class FakeDecoder:
    def decode(self, wlt: bytes) -> bytes:
        return BMP + wlt[:4]


def test_without_a_decoder_the_photo_stays_raw_with_a_reason(monkeypatch):
    monkeypatch.delenv(ENV_VARIABLE, raising=False)
    monkeypatch.setattr(photo, "entry_points", lambda group: [])
    image, note = PhotoDecoding().decode(b"wlt")
    assert image is None and "No WLT photo decoder" in note


def test_a_given_decoder_is_used():
    decoding = PhotoDecoding(FakeDecoder())
    assert isinstance(FakeDecoder(), WltDecoder)
    assert decoding.decode(b"abcd") == (BMP + b"abcd", None)


def test_entry_point_discovery(monkeypatch):
    monkeypatch.delenv(ENV_VARIABLE, raising=False)
    seen = []

    def entry_points(group):
        seen.append(group)
        return [SimpleNamespace(name="vendor", load=lambda: FakeDecoder)]

    monkeypatch.setattr(photo, "entry_points", entry_points)
    decoding = PhotoDecoding()
    assert seen == ["examsite.wlt_decoders"] and decoding.name == "vendor"
    assert decoding.decode(b"x")[0].startswith(b"BM")


def test_environment_variable_names_a_module(monkeypatch, tmp_path):
    (tmp_path / "examsite_test_wlt.py").write_text("def decode(wlt):\n    return b'\\xff\\xd8\\xff' + wlt\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv(ENV_VARIABLE, "examsite_test_wlt")
    try:
        assert PhotoDecoding().decode(b"w") == (b"\xff\xd8\xffw", None)
        monkeypatch.setenv(ENV_VARIABLE, "examsite_test_wlt:decode")
        assert PhotoDecoding().available
    finally:
        sys.modules.pop("examsite_test_wlt", None)


def test_a_missing_module_is_a_reason_not_a_crash(monkeypatch):
    monkeypatch.setenv(ENV_VARIABLE, "no_such_wlt_module_here")
    decoding = PhotoDecoding()
    image, note = decoding.decode(b"w")
    assert image is None and "could not be loaded" in note and "no_such_wlt_module_here" in note


@pytest.mark.parametrize("decode, words", [
    (lambda wlt: (_ for _ in ()).throw(OSError("licence file missing")), "licence file missing"),
    (lambda wlt: b"not an image", "did not return a BMP or JPEG"),
])
def test_a_failing_decoder_keeps_the_card(decode, words):
    image, note = PhotoDecoding(decode).decode(b"w")
    assert image is None and words in note
