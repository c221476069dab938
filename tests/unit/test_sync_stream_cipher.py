"""Streaming encryption of large files: round trips, and every kind of tampering is refused."""

from __future__ import annotations

import io
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.security import CryptoError, SiteKeys, StreamSealer, open_stream
from app.security.stream_cipher import TAG, read_header, sealed_size

CHUNK = 1024
PLATFORM = SiteKeys.generate("PLATFORM", "platform")
OTHER = SiteKeys.generate("OTHER", "another platform")


def seal(data: bytes, context: bytes = b"ctx", chunk: int = CHUNK) -> tuple[bytes, StreamSealer]:
    sealer = StreamSealer(PLATFORM.public.encryption_public, context, chunk_size=chunk)
    out = io.BytesIO()
    digest = sealer.seal_file(io.BytesIO(data), out)
    assert digest.sealed_size == len(out.getvalue()) == sealed_size(len(data), len(sealer.header), chunk)
    assert digest.plain_size == len(data)
    return out.getvalue(), sealer


def unseal(blob: bytes, context: bytes = b"ctx", keys: SiteKeys = PLATFORM) -> bytes:
    out = io.BytesIO()
    open_stream(io.BytesIO(blob), out, keys.open_sealed, context)
    return out.getvalue()


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=5 * CHUNK + 7) | st.sampled_from([b"", b"x" * CHUNK, b"y" * (3 * CHUNK)]))
def test_any_length_round_trips(data):
    blob, _ = seal(data)
    assert unseal(blob) == data


def test_digests_of_sealing_and_opening_agree():
    data = os.urandom(10 * CHUNK + 3)
    sealer = StreamSealer(PLATFORM.public.encryption_public, b"ctx", chunk_size=CHUNK)
    sealed = io.BytesIO()
    sealed_digest = sealer.seal_file(io.BytesIO(data), sealed)
    opened_digest = open_stream(io.BytesIO(sealed.getvalue()), io.BytesIO(), PLATFORM.open_sealed, b"ctx")
    assert sealed_digest == opened_digest


def chunk_offsets(blob: bytes, header: bytes) -> list[int]:
    return list(range(len(header), len(blob), CHUNK + TAG))


def test_a_flipped_bit_anywhere_is_refused():
    blob, sealer = seal(os.urandom(3 * CHUNK + 10))
    for position in (0, 12, len(sealer.header) - 1, len(sealer.header) + 5, len(blob) - 1):
        altered = bytearray(blob)
        altered[position] ^= 0x01
        with pytest.raises(CryptoError):
            unseal(bytes(altered))


def test_chunks_cannot_be_reordered_dropped_duplicated_or_cut_off():
    data = os.urandom(4 * CHUNK)  # four full chunks: the last one carries the final flag
    blob, sealer = seal(data)
    head = len(sealer.header)
    chunks = [blob[o:o + CHUNK + TAG] for o in chunk_offsets(blob, sealer.header)]
    assert len(chunks) == 4
    variants = {
        "swapped": chunks[1] + chunks[0] + chunks[2] + chunks[3],
        "dropped": chunks[0] + chunks[2] + chunks[3],
        "duplicated": chunks[0] + chunks[0] + chunks[1] + chunks[2] + chunks[3],
        "cut at a chunk boundary": chunks[0] + chunks[1],
        "cut inside a chunk": b"".join(chunks)[:-5],
        "extended": b"".join(chunks) + chunks[3],
    }
    for name, body in variants.items():
        with pytest.raises(CryptoError):
            unseal(blob[:head] + body)
            pytest.fail(name)


def test_another_context_or_recipient_cannot_open_it():
    blob, _ = seal(b"segment bytes" * 100)
    with pytest.raises(CryptoError):
        unseal(blob, context=b"another upload")
    with pytest.raises(CryptoError):
        unseal(blob, keys=OTHER)


def test_a_header_that_is_not_a_stream_is_refused():
    for junk in (b"", b"ESSTREAM", b"NOTSTREAM" + bytes(100)):
        with pytest.raises(CryptoError):
            read_header(io.BytesIO(junk))


def test_chunk_size_bounds():
    with pytest.raises(ValueError):
        StreamSealer(PLATFORM.public.encryption_public, b"", chunk_size=100)
