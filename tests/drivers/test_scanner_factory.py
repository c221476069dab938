"""The backend factory: lazy imports, a clear LibraryMissing sentence, a default chain that copes with gaps."""

from __future__ import annotations

import builtins
import sys

import numpy as np
import pytest
import zxingcpp

from app import i18n
from drivers.errors import DeviceUnavailable, LibraryMissing
from drivers.scanner import BACKENDS, HIDDEN_IMPORTS, available_backends, create_backend, encode_qr
from drivers.scanner.frames import ticket_payload


@pytest.fixture
def broken(monkeypatch):
    """Make importing the named top-level libraries fail as on a machine without them."""
    def hide(*names: str, error: type[Exception] = ImportError):
        real_import = builtins.__import__

        def fake_import(name, *args, **kwargs):
            if name.split(".")[0] in names:
                raise error(f"simulated: no {name}")
            return real_import(name, *args, **kwargs)

        for module in list(sys.modules):
            if module.split(".")[0] in names or module.startswith("drivers.scanner.") and module.endswith("_backend"):
                monkeypatch.delitem(sys.modules, module)
        monkeypatch.setattr(builtins, "__import__", fake_import)
    return hide


def test_missing_zbar_is_a_library_missing_error_with_a_sentence(broken):
    broken("pyzbar", error=ImportError)
    with pytest.raises(LibraryMissing) as raised:
        create_backend("pyzbar")
    assert isinstance(raised.value, DeviceUnavailable)
    assert raised.value.code == "library_missing"
    assert "ZBar" in raised.value.message and "apt-get install libzbar0" in raised.value.message


def test_a_shared_library_that_fails_to_load_counts_as_missing(broken):
    broken("zxingcpp", error=OSError)
    with pytest.raises(LibraryMissing, match="zxing-cpp"):
        create_backend("zxing")


def test_the_sentence_is_translated(broken):
    broken("pyzbar")
    i18n.set_language("zh_CN")
    with pytest.raises(LibraryMissing) as raised:
        create_backend("pyzbar")
    assert "未安装" in raised.value.message and "{" not in raised.value.message


def test_the_default_chain_works_without_zbar(broken):
    text = ticket_payload(4)
    broken("pyzbar")
    assert available_backends() == ["zxing", "opencv"]
    assert create_backend("auto").decode(encode_qr(text)) == [text]


def test_the_default_chain_works_without_zxing(broken):
    text = ticket_payload(5)
    broken("zxingcpp")
    assert create_backend("auto").decode(encode_qr(text)) == [text]


def test_the_default_chain_without_any_library_says_so(broken):
    broken("zxingcpp", "pyzbar", "cv2")
    with pytest.raises(LibraryMissing):
        create_backend("auto")


def test_unknown_backend_is_a_bug_not_a_missing_library():
    with pytest.raises(ValueError, match="unknown QR backend"):
        create_backend("quirc")


def test_registry_lists_the_modules_to_bundle():
    assert set(BACKENDS) == {"auto", "zxing", "pyzbar", "opencv"}
    assert "drivers.scanner.zxing_backend" in HIDDEN_IMPORTS


def test_garbage_payloads_are_skipped_not_raised():
    """A code holding bytes that are not UTF-8 text gives nothing and never an exception.

    zxing-cpp and OpenCV hand back the bytes; ZBar transcodes them as Latin-1, whose C1 control
    characters (0x80–0x9F) give the garbage away.
    """
    garbage = bytes([0xFF, 0xFE, 0x80, 0x81, 0xC3, 0x28, 0xA0, 0xA1]) * 6
    image = np.asarray(zxingcpp.create_barcode(garbage, zxingcpp.BarcodeFormat.QRCode).to_image(scale=6))
    for name in ("zxing", "pyzbar", "opencv", "auto"):
        assert create_backend(name).decode(image) == [], name


def test_garbage_beside_a_ticket_leaves_the_ticket():
    text = ticket_payload(6)
    garbage = bytes(range(128, 256))
    bad = np.asarray(zxingcpp.create_barcode(garbage, zxingcpp.BarcodeFormat.QRCode).to_image(scale=4))
    good = encode_qr(text, module_px=4)
    frame = np.full((max(bad.shape[0], good.shape[0]), bad.shape[1] + good.shape[1]), 255, np.uint8)
    frame[: bad.shape[0], : bad.shape[1]] = bad
    frame[: good.shape[0], bad.shape[1]:] = good
    for name in ("zxing", "pyzbar", "opencv", "auto"):
        assert create_backend(name).decode(frame) == [text], name
