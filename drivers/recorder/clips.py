"""Make H.264 clips with PyAV for demos, the simulation and the video bench (a camera's stream, made here).

`make_clip(path, seconds, size, fps, bitrate, gop_seconds)` encodes a moving pattern with sensor-like
noise, so that the encoder spends about the bit rate asked for, as a camera's main stream does.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.i18n import tr
from drivers.camera.pyav_source import import_av
from drivers.errors import LibraryMissing


def make_clip(path: str | Path, seconds: float = 4, size: tuple[int, int] = (640, 360), fps: int = 15,
              bitrate: int | None = None, gop_seconds: float = 1.0, preset: str = "veryfast") -> Path:
    """Write an MP4 (H.264, yuv420p); with `bitrate` (bits/s) the encoder is held to it (CBR-like)."""
    av = import_av()
    if "libx264" not in av.codecs_available:
        raise LibraryMissing(tr("This PyAV build has no H.264 encoder (libx264) to make a clip."))
    path = Path(path)
    width, height = size
    rng = np.random.default_rng(5)
    noise = rng.integers(0, 24, size=(8, height, width), dtype=np.uint8)
    ramp_x = (np.arange(width, dtype=np.uint16)[None, :] * 255 // max(1, width - 1)).astype(np.uint8)
    ramp_y = (np.arange(height, dtype=np.uint16)[:, None] * 255 // max(1, height - 1)).astype(np.uint8)
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        options = {"preset": preset, "g": str(max(1, int(fps * gop_seconds))), "keyint_min": str(max(1, int(fps * gop_seconds))),
                   "sc_threshold": "0"}
        if bitrate:
            stream.bit_rate = int(bitrate)
            options.update({"maxrate": str(int(bitrate)), "bufsize": str(int(bitrate * 2))})
        stream.options = options
        for index in range(int(seconds * fps)):
            image = np.empty((height, width, 3), np.uint8)
            image[:, :, 0] = np.roll(ramp_x, index * 6, axis=1)
            image[:, :, 1] = np.roll(ramp_y, index * 3, axis=0)
            image[:, :, 2] = (index * 5) % 256
            image[:, :, 2:3] += noise[index % len(noise)][:, :, None]
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="bgr24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def frame_holes(path: str | Path) -> tuple[int, int]:
    """(packets, frames missing) of a recorded segment: holes in its timestamps, one frame duration apart."""
    av = import_av()
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stamps = sorted(p.pts for p in container.demux(stream) if p.pts is not None and p.size)
        rate = stream.average_rate or stream.guessed_rate
    if len(stamps) < 2 or not rate:
        return len(stamps), 0
    step = 1 / (float(rate) * float(stream.time_base))
    expected = round((stamps[-1] - stamps[0]) / step) + 1
    return len(stamps), max(0, expected - len(stamps))
