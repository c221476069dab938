"""SAM_V frames: encoding and decoding round-trip, and any single corrupted byte is detected."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.idcard import protocol as p

bodies = st.binary(max_size=1400)
bytes_ = st.integers(0, 255)


def test_known_command_frames():
    # The find/select/read commands as printed in vendor manuals.
    assert p.encode_command(*p.FIND_CARD).hex(" ") == "aa aa aa 96 69 00 03 20 01 22"
    assert p.encode_command(*p.SELECT_CARD).hex(" ") == "aa aa aa 96 69 00 03 20 02 21"
    assert p.encode_command(*p.READ_BASIC).hex(" ") == "aa aa aa 96 69 00 03 30 01 32"
    assert p.encode_command(*p.SAM_STATUS).hex(" ") == "aa aa aa 96 69 00 03 11 ff ed"


def test_known_response_frames():
    assert p.encode_response(p.Status.CARD_FOUND, bytes(4)).hex(" ") == "aa aa aa 96 69 00 08 00 00 9f 00 00 00 00 97"
    assert p.encode_response(p.Status.NO_CARD).hex(" ") == "aa aa aa 96 69 00 04 00 00 80 84"
    assert p.encode_response(p.Status.OK, bytes(8)).hex(" ").endswith("00 0c 00 00 90 00 00 00 00 00 00 00 00 9c")
    read = p.encode_response(p.Status.OK, b"\x01\x00\x04\x00" + bytes(256 + 1024))
    assert read[:14].hex() == "aaaaaa9669050800009001000400" and len(read) == 1295


@given(bytes_, bytes_, bodies)
def test_command_round_trip(cmd, para, data):
    frame = p.decode_command(p.encode_command(cmd, para, data))
    assert (frame.cmd, frame.para, frame.data) == (cmd, para, data)


@given(bytes_, bytes_, bytes_, bodies)
def test_response_round_trip(sw1, sw2, sw3, data):
    frame = p.decode_response(p.encode_response(sw3, data, sw1=sw1, sw2=sw2))
    assert (frame.sw1, frame.sw2, frame.sw3, frame.data) == (sw1, sw2, sw3, data)


@given(bytes_, bodies, st.data())
def test_any_single_corrupted_byte_is_detected(sw3, data, draw):
    frame = bytearray(p.encode_response(sw3, data))
    index = draw.draw(st.integers(0, len(frame) - 1))
    frame[index] ^= draw.draw(st.integers(1, 255))
    with pytest.raises(p.FrameError):
        p.decode_response(bytes(frame))


@given(bytes_, bytes_, bodies, st.data())
def test_any_single_corrupted_command_byte_is_detected(cmd, para, data, draw):
    frame = bytearray(p.encode_command(cmd, para, data))
    index = draw.draw(st.integers(0, len(frame) - 1))
    frame[index] ^= draw.draw(st.integers(1, 255))
    with pytest.raises(p.FrameError):
        p.decode_command(bytes(frame))


@given(st.binary(max_size=64).filter(lambda b: p.PREAMBLE[:1] not in b), st.lists(bodies, min_size=1, max_size=3),
       st.integers(1, 50))
def test_parser_skips_garbage_and_reassembles_split_frames(garbage, payloads, chunk):
    stream = garbage + b"".join(p.encode_response(p.Status.OK, body) for body in payloads)
    parser = p.FrameParser(max_length=0xFFFF)
    frames = []
    for start in range(0, len(stream), chunk):
        frames += parser.feed(stream[start:start + chunk])
    assert [p.decode_response(frame).data for frame in frames] == payloads
    assert parser.discarded == len(garbage)


def test_parser_resyncs_after_an_impossible_length():
    stream = p.PREAMBLE + b"\xff\xff" + p.encode_response(p.Status.NO_CARD)
    parser = p.FrameParser()
    assert [p.decode_response(f).sw3 for f in parser.feed(stream)] == [p.Status.NO_CARD]
    assert parser.discarded == len(p.PREAMBLE) + 2


def test_checksum_error_is_named():
    frame = bytearray(p.encode_response(p.Status.OK, b"abc"))
    frame[-1] ^= 1
    with pytest.raises(p.FrameError) as caught:
        p.decode_response(bytes(frame))
    assert caught.value.kind == p.FrameError.CHECKSUM


@given(st.integers(0, 99), st.integers(0, 99), st.integers(0, 99999999), st.integers(0, 2**32 - 1),
       st.integers(0, 2**32 - 1))
def test_sam_id_round_trip(a, b, c, d, e):
    text = f"{a:02d}.{b:02d}-{c:08d}-{d:010d}-{e:010d}"
    assert p.format_sam_id(p.parse_sam_id(text)) == text
