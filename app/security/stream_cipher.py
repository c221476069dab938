"""Streaming encryption of large files to a public key: chunked AES-256-GCM, the key sealed with HPKE.

A sealed stream is a header followed by chunks:

    header = "ESSTREAM" ‖ 0x01 ‖ uint32-BE chunk size ‖ uint16-BE length of the HPKE output ‖ HPKE output
    HPKE output = seal_to(recipient, content key (32) ‖ nonce prefix (7),
                          info = "examsite stream v1" 0x00 ‖ the first 13 header bytes ‖ context)
    chunk i = AES-256-GCM(content key, nonce = prefix ‖ uint32-BE i ‖ final flag (0 or 1),
                          plaintext = chunk size bytes (the last: 0..chunk size), aad = SHA-256(header))

The nonce binds each chunk to its place and says whether it is the last, so chunks cannot be
reordered, dropped, duplicated or cut off at a chunk boundary without the opener noticing. The
context (e.g. site, file name and digest) is bound into the HPKE info: a stream sealed for one
upload does not open as another. Memory stays at two chunk buffers whatever the file size.
"""

from __future__ import annotations

import hashlib
import secrets
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.security.errors import CryptoError
from app.security.sealing import seal_to

MAGIC = b"ESSTREAM"
VERSION = 1
DEFAULT_CHUNK_SIZE = 1 << 20
MIN_CHUNK_SIZE, MAX_CHUNK_SIZE = 1 << 10, 1 << 26
TAG = 16
PREFIX = 7
INFO = b"examsite stream v1\x00"
_FIXED = struct.Struct(">8sBIH")


@dataclass(frozen=True)
class StreamDigest:
    """What sealing or opening a stream saw: sizes and SHA-256 of the plaintext and of the sealed bytes."""

    plain_size: int
    plain_sha256: str
    sealed_size: int
    sealed_sha256: str


def sealed_size(plain_size: int, header_size: int, chunk_size: int = DEFAULT_CHUNK_SIZE) -> int:
    chunks = max(1, -(-plain_size // chunk_size))
    return header_size + plain_size + chunks * TAG


def _nonce(prefix: bytes, index: int, final: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if final else 0)


class StreamSealer:
    """Seals one stream to `recipient_public` (X25519); `context` is bound into the key wrap."""

    def __init__(self, recipient_public: bytes, context: bytes, chunk_size: int = DEFAULT_CHUNK_SIZE) -> None:
        if not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE:
            raise ValueError("chunk size out of range")
        key, self._prefix = secrets.token_bytes(32), secrets.token_bytes(PREFIX)
        fixed = _FIXED.pack(MAGIC, VERSION, chunk_size, 32 + 32 + PREFIX + TAG)
        wrapped = seal_to(recipient_public, key + self._prefix, INFO + fixed[:13] + bytes(context))
        self.header = fixed + wrapped
        self.chunk_size = chunk_size
        self._aead, self._aad = AESGCM(key), hashlib.sha256(self.header).digest()

    def seal_chunk_into(self, index: int, plaintext, final: bool, out) -> int:
        """Encrypt one chunk into `out` (a writable buffer of len(plaintext) + 16); returns the bytes written."""
        return self._aead.encrypt_into(_nonce(self._prefix, index, final), plaintext, self._aad, out)

    def seal_file(self, source: BinaryIO, target: BinaryIO) -> StreamDigest:
        """Read `source` to its end, write the sealed stream to `target`; memory: two chunk buffers."""
        size = self.chunk_size
        plain_hash, sealed_hash = hashlib.sha256(), hashlib.sha256(self.header)
        target.write(self.header)
        buffers = [bytearray(size), bytearray(size)]
        out = bytearray(size + TAG)
        current = memoryview(buffers[0])
        filled = _fill(source, current)
        index = total = 0
        written = len(self.header)
        while True:
            following = memoryview(buffers[(index + 1) % 2])
            nxt = _fill(source, following) if filled == size else 0
            final = nxt == 0
            plain = current[:filled]
            plain_hash.update(plain)
            count = self.seal_chunk_into(index, plain, final, memoryview(out)[:filled + TAG])
            sealed = memoryview(out)[:count]
            target.write(sealed)
            sealed_hash.update(sealed)
            total += filled
            written += count
            if final:
                break
            current, filled, index = following, nxt, index + 1
        return StreamDigest(total, plain_hash.hexdigest(), written, sealed_hash.hexdigest())


def _fill(source: BinaryIO, buffer: memoryview) -> int:
    """Read into `buffer` until it is full or the source ends; returns the bytes read."""
    filled = 0
    while filled < len(buffer):
        count = source.readinto(buffer[filled:])
        if not count:
            break
        filled += count
    return filled


def read_header(source: BinaryIO) -> tuple[bytes, int, int]:
    """The header of a sealed stream: (header bytes, chunk size, HPKE output length); CryptoError if malformed."""
    fixed = source.read(_FIXED.size)
    if len(fixed) != _FIXED.size:
        raise CryptoError()
    magic, version, chunk_size, wrapped_length = _FIXED.unpack(fixed)
    if magic != MAGIC or version != VERSION or not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE \
            or wrapped_length != 32 + 32 + PREFIX + TAG:
        raise CryptoError()
    wrapped = source.read(wrapped_length)
    if len(wrapped) != wrapped_length:
        raise CryptoError()
    return fixed + wrapped, chunk_size, wrapped_length


def open_stream(source: BinaryIO, target: BinaryIO, open_sealed: Callable[[bytes, bytes], bytes],
                context: bytes) -> StreamDigest:
    """Decrypt a sealed stream from `source` into `target`.

    `open_sealed(blob, info)` unwraps the key (e.g. `SiteKeys.open_sealed` of the recipient).
    CryptoError if anything was altered, reordered, cut off or sealed for another context; the
    target then holds a prefix of the plaintext that the caller must discard.
    """
    header, chunk_size, _ = read_header(source)
    secret = open_sealed(header[_FIXED.size:], INFO + header[:13] + bytes(context))
    if len(secret) != 32 + PREFIX:
        raise CryptoError()
    aead, prefix, aad = AESGCM(secret[:32]), secret[32:], hashlib.sha256(header).digest()
    plain_hash, sealed_hash = hashlib.sha256(), hashlib.sha256(header)
    block = chunk_size + TAG
    buffers = [bytearray(block), bytearray(block)]
    out = bytearray(chunk_size)
    current = memoryview(buffers[0])
    filled = _fill(source, current)
    index = total = 0
    sealed_total = len(header)
    while True:
        following = memoryview(buffers[(index + 1) % 2])
        nxt = _fill(source, following) if filled == block else 0
        final = nxt == 0
        if filled < TAG:
            raise CryptoError()
        chunk = current[:filled]
        sealed_hash.update(chunk)
        try:
            count = aead.decrypt_into(_nonce(prefix, index, final), chunk, aad, memoryview(out)[:filled - TAG])
        except InvalidTag:
            raise CryptoError() from None
        plain = memoryview(out)[:count]
        target.write(plain)
        plain_hash.update(plain)
        total += count
        sealed_total += filled
        if final:
            break
        current, filled, index = following, nxt, index + 1
    return StreamDigest(total, plain_hash.hexdigest(), sealed_total, sealed_hash.hexdigest())
