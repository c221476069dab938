"""encode_qr renders tickets: size from module and border, white quiet zone, and it decodes back."""

from __future__ import annotations

import numpy as np
import pytest

from drivers.scanner import decode_qr, encode_qr
from drivers.scanner.frames import ticket_payload


@pytest.mark.parametrize("length", [150, 200, 250])
def test_ticket_payloads_round_trip(length):
    text = ticket_payload(length, length)
    assert decode_qr(encode_qr(text)) == [text]


def test_size_follows_module_and_border():
    text = ticket_payload(1)
    bare = encode_qr(text, module_px=1, border=0)
    modules = bare.shape[0]
    assert bare.shape == (modules, modules) and (modules - 17) % 4 == 0  # a QR version's size
    image = encode_qr(text, module_px=5, border=2)
    assert image.dtype == np.uint8 and image.ndim == 2
    assert image.shape == ((modules + 4) * 5,) * 2
    assert set(np.unique(image)) == {0, 255}
    assert (image[:10] == 255).all() and (image[:, -10:] == 255).all()


def test_unicode_text_round_trips():
    assert decode_qr(encode_qr("准考证 ES1.张三")) == ["准考证 ES1.张三"]


@pytest.mark.parametrize("args", [("",), ("x", 0), ("x", 8, -1)])
def test_refuses_what_cannot_be_drawn(args):
    with pytest.raises(ValueError):
        encode_qr(*args)
