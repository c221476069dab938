"""Placeholder roster portraits: a head-and-shoulders silhouette as a small PNG.

A 240x320 palette image (tinted background, silhouette, collar, outline, and black and white for
the marker) built row by row from analytic shapes, so 60 portraits take milliseconds and a few KB
each. With a person number, the portrait carries the simulated face engine's person marker in its
top-left corner (drivers/face/sim.py), so demos and the headless simulation can compare faces
without real photographs.
"""

from __future__ import annotations

import math
import struct
import zlib

from drivers.face.sim import MARGIN, MODULE, SIDE, marker_modules

WIDTH, HEIGHT = 240, 320


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


BLACK, WHITE = 4, 5


def _marker_spans(y: int, modules) -> list[tuple[int, int, int]]:
    """The marker's pixels on row `y`, as spans of black and white."""
    if not MARGIN <= y < MARGIN + SIDE:
        return []
    row = modules[(y - MARGIN) // MODULE]
    return [(MARGIN + i * MODULE, MARGIN + (i + 1) * MODULE, BLACK if black else WHITE) for i, black in enumerate(row)]


def _row(spans: list[tuple[int, int, int]], background: int) -> bytes:
    """A row of palette indexes: background with (start, end, colour) spans painted in order."""
    row = bytearray([background]) * WIDTH
    for start, end, colour in spans:
        start, end = max(0, start), min(WIDTH, end)
        if end > start:
            row[start:end] = bytes([colour]) * (end - start)
    return bytes(row)


def _spans_at(y: int) -> list[tuple[int, int, int]]:
    centre, spans = WIDTH // 2, []
    head_cy, head_rx, head_ry = 120, 52, 66
    if abs(y - head_cy) < head_ry:
        half = int(head_rx * math.sqrt(1 - ((y - head_cy) / head_ry) ** 2))
        spans.append((centre - half, centre + half, 1))
    if 180 <= y < 215:
        spans.append((centre - 24, centre + 24, 1))  # neck
    if y >= 205:
        half = int(min(118, 40 + (y - 205) * 1.6))
        spans.append((centre - half, centre + half, 1))
        if y < 260:
            collar = max(0, 30 - (y - 205) // 2)
            spans.append((centre - collar, centre + collar, 2))
    return spans


def portrait_png(tint: tuple[int, int, int], person: int | None = None) -> bytes:
    """A PNG portrait whose background is `tint` (RGB); the silhouette is a neutral grey.

    With `person`, the simulated face engine's marker for that person number is drawn in.
    """
    background = 0
    palette = (bytes(tint) + bytes((88, 92, 100)) + bytes((235, 235, 235)) + bytes((40, 40, 48))
               + bytes((0, 0, 0)) + bytes((255, 255, 255)))
    modules = None if person is None else marker_modules(person)
    raw = b"".join(b"\x00" + _row(_spans_at(y) + (_marker_spans(y, modules) if modules is not None else []),
                                   background) for y in range(HEIGHT))
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 3, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"PLTE", palette)
            + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b""))
