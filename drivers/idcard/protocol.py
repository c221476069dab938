"""The SAM_V frame protocol of second-generation ID card readers (二代证阅读器), without I/O.

Every frame, both ways, is ``AA AA AA 96 69`` (preamble), a 2-byte big-endian length, the body
and a 1-byte checksum. The length counts the body and the checksum; the checksum is the XOR of
every byte after the preamble (the two length bytes and the body).

- command (host → reader): body = CMD, Para, Data
- response (reader → host): body = SW1, SW2, SW3, Data; SW3 is the status (``Status``)

The parser here only frames and checks bytes; what a status means to the person at the desk is
decided in ``reader.py``. Sources and the full tables are in docs/idcard-reader.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from functools import reduce
from typing import NamedTuple

PREAMBLE = bytes((0xAA, 0xAA, 0xAA, 0x96, 0x69))
HEADER_SIZE = len(PREAMBLE) + 2
#: Longest length field we accept: text + photo + fingerprints (4+256+1024+1024+...) fits well.
MAX_LENGTH = 0x1000
TEXT_SIZE = 256
PHOTO_SIZE = 1024
SAM_ID_SIZE = 16


class Command(NamedTuple):
    """A (CMD, Para) pair."""

    cmd: int
    para: int


RESET_SAM = Command(0x10, 0xFF)  # 复位 SAM_V
SAM_STATUS = Command(0x11, 0xFF)  # SAM_V 状态检测
SAM_ID = Command(0x12, 0xFF)  # 读 SAM_V 管理信息 (the SAM's serial number)
FIND_CARD = Command(0x20, 0x01)  # 寻找证/卡
SELECT_CARD = Command(0x20, 0x02)  # 选取证/卡
READ_BASIC = Command(0x30, 0x01)  # 读固定信息: text + photo


class Status(IntEnum):
    """SW3 values a SAM_V answers with (SW1 and SW2 are 00 00 in every answer we know of)."""

    OK = 0x90  # 操作成功
    NO_CONTENT = 0x91  # 证/卡中此项无内容
    CARD_FOUND = 0x9F  # 寻找证/卡成功
    HOST_CHECKSUM = 0x10  # 接收业务终端数据的校验和错
    HOST_LENGTH = 0x11  # 接收业务终端数据的长度错
    HOST_COMMAND = 0x21  # 接收业务终端的命令错误
    NOT_PERMITTED = 0x23  # 越权操作
    UNKNOWN_ERROR = 0x24  # 无法识别的错误
    CARD_AUTH_SAM = 0x31  # 证/卡认证 SAM_V 失败
    SAM_AUTH_CARD = 0x32  # SAM_V 认证证/卡失败
    INFO_VERIFY = 0x33  # 信息验证错误
    UNKNOWN_CARD_TYPE = 0x40  # 无法识别的证/卡类型
    READ_FAILED = 0x41  # 读证/卡操作失败
    RANDOM_FAILED = 0x47  # 取随机数失败
    SAM_SELF_TEST = 0x60  # SAM_V 自检失败，不能接收命令
    SAM_UNAUTHORISED = 0x66  # SAM_V 没有经过授权，无法使用
    NO_CARD = 0x80  # 寻找证/卡失败
    SELECT_FAILED = 0x81  # 选取证/卡失败


class FrameError(ValueError):
    """Bytes that are not a well-formed frame. ``kind`` is one of the class attributes."""

    PREAMBLE = "preamble"
    LENGTH = "length"
    CHECKSUM = "checksum"

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind


@dataclass(frozen=True)
class CommandFrame:
    cmd: int
    para: int
    data: bytes = b""

    @property
    def command(self) -> Command:
        return Command(self.cmd, self.para)


@dataclass(frozen=True)
class ResponseFrame:
    sw3: int
    data: bytes = b""
    sw1: int = 0
    sw2: int = 0


def checksum(data: bytes) -> int:
    """XOR of all bytes."""
    return reduce(lambda a, b: a ^ b, data, 0)


def _frame(body: bytes) -> bytes:
    length = len(body) + 1
    if length > 0xFFFF:
        raise ValueError("a frame body is at most 65534 bytes")
    counted = length.to_bytes(2, "big") + body
    return PREAMBLE + counted + bytes((checksum(counted),))


def encode_command(cmd: int, para: int, data: bytes = b"") -> bytes:
    return _frame(bytes((cmd, para)) + bytes(data))


def encode_response(sw3: int, data: bytes = b"", *, sw1: int = 0, sw2: int = 0) -> bytes:
    return _frame(bytes((sw1, sw2, sw3)) + bytes(data))


def _body(frame: bytes, minimum: int) -> bytes:
    """Check preamble, length and checksum of one complete frame and return its body."""
    frame = bytes(frame)
    if frame[: len(PREAMBLE)] != PREAMBLE:
        raise FrameError(FrameError.PREAMBLE, "the frame does not start with AA AA AA 96 69")
    if len(frame) < HEADER_SIZE:
        raise FrameError(FrameError.LENGTH, "the frame is shorter than its header")
    length = int.from_bytes(frame[5:7], "big")
    if length != len(frame) - HEADER_SIZE:
        raise FrameError(FrameError.LENGTH, f"the length field says {length}, the frame carries {len(frame) - HEADER_SIZE}")
    if length < minimum + 1:
        raise FrameError(FrameError.LENGTH, f"a length of {length} leaves no room for the header fields")
    if checksum(frame[5:-1]) != frame[-1]:
        raise FrameError(FrameError.CHECKSUM, "the XOR checksum does not match")
    return frame[HEADER_SIZE:-1]


def decode_command(frame: bytes) -> CommandFrame:
    body = _body(frame, 2)
    return CommandFrame(body[0], body[1], body[2:])


def decode_response(frame: bytes) -> ResponseFrame:
    body = _body(frame, 3)
    return ResponseFrame(sw1=body[0], sw2=body[1], sw3=body[2], data=body[3:])


class FrameParser:
    """Cut a byte stream into frames by preamble and length; checksums are left to the decoders.

    Bytes before a preamble, and a preamble whose length field is impossible, are discarded and
    counted in ``discarded`` so that a caller can tell "garbage" from "silence".
    """

    def __init__(self, *, max_length: int = MAX_LENGTH) -> None:
        self._buffer = bytearray()
        self._max_length = max_length
        self.discarded = 0

    def feed(self, data: bytes) -> list[bytes]:
        self._buffer += data
        frames: list[bytes] = []
        while True:
            start = self._buffer.find(PREAMBLE)
            if start < 0:
                keep = _partial_preamble(self._buffer)
                self._discard(len(self._buffer) - keep)
                return frames
            self._discard(start)
            if len(self._buffer) < HEADER_SIZE:
                return frames
            length = int.from_bytes(self._buffer[5:7], "big")
            if not 3 <= length <= self._max_length:
                self._discard(1)
                continue
            end = HEADER_SIZE + length
            if len(self._buffer) < end:
                return frames
            frames.append(bytes(self._buffer[:end]))
            del self._buffer[:end]

    def clear(self) -> None:
        self._buffer.clear()
        self.discarded = 0

    @property
    def pending(self) -> int:
        return len(self._buffer)

    def _discard(self, count: int) -> None:
        if count > 0:
            del self._buffer[:count]
            self.discarded += count


def _partial_preamble(buffer: bytearray) -> int:
    """How many trailing bytes of ``buffer`` could be the start of a preamble."""
    for size in range(min(len(PREAMBLE) - 1, len(buffer)), 0, -1):
        if buffer[-size:] == PREAMBLE[:size]:
            return size
    return 0


def format_sam_id(data: bytes) -> str:
    """The SAM_V's number as readers print it: ``05.01-20101215-0012345678-1234567890``.

    The 16 bytes are two little-endian 16-bit numbers and three little-endian 32-bit numbers.
    """
    if len(data) < SAM_ID_SIZE:
        raise FrameError(FrameError.LENGTH, "a SAM number has 16 bytes")
    a, b = (int.from_bytes(data[i:i + 2], "little") for i in (0, 2))
    c, d, e = (int.from_bytes(data[i:i + 4], "little") for i in (4, 8, 12))
    return f"{a:02d}.{b:02d}-{c:08d}-{d:010d}-{e:010d}"


def parse_sam_id(text: str) -> bytes:
    """The inverse of ``format_sam_id`` (for the simulator)."""
    head, c, d, e = text.split("-")
    a, b = head.split(".")
    return (int(a).to_bytes(2, "little") + int(b).to_bytes(2, "little")
            + b"".join(int(x).to_bytes(4, "little") for x in (c, d, e)))
