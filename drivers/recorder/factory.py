"""Choose the recorder for a camera: stream copy with PyAV (default) or ffmpeg, or encoding for USB cameras.

    recorder = make_recorder("rtsp://…", out_dir, "cam1", on_segment=…, on_gap=…)       # PyAV
    recorder = make_recorder("rtsp://…", out_dir, "cam1", backend="ffmpeg", …)         # ffmpeg subprocess
    recorder = make_recorder("usb:0", out_dir, "cam2", …)                               # H.264 720p15 encoding

Every recorder has the same interface: start(), stop(), record_for(seconds), running, error,
next_seq, description, and calls on_segment(Segment) / on_gap(Gap) from its thread.
The backend comes from `backend=`, else EXAMSITE_RECORDER_BACKEND, else `pyav`. `ffmpeg` is used
only when its binary is found; otherwise the recorder falls back to PyAV, because evidence must be
recorded whatever the configuration says, and `chosen_backend` tells why.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from app.i18n import tr
from drivers.errors import DeviceUnavailable

BACKEND_ENV = "EXAMSITE_RECORDER_BACKEND"
BACKENDS = ("pyav", "ffmpeg")
ENCODED_SCHEMES = ("usb:", "sim:")


def chosen_backend(source: str, backend: str | None = None, ffmpeg: str | None = None) -> tuple[str, str]:
    """(`pyav` | `ffmpeg` | `encode`, a sentence when the configured backend could not be used, else "")."""
    if source.strip().lower().startswith(ENCODED_SCHEMES):
        return "encode", ""
    wanted = (backend or os.environ.get(BACKEND_ENV) or "pyav").strip().lower()
    if wanted not in BACKENDS:
        raise DeviceUnavailable(tr("The recorder backend {backend} is unknown; use pyav or ffmpeg.", backend=wanted))
    if wanted == "ffmpeg":
        from drivers.recorder.ffmpeg_backend import ffmpeg_unavailable_reason

        reason = ffmpeg_unavailable_reason(ffmpeg)
        if reason is not None:
            return "pyav", tr("{reason} Recording with the built-in PyAV backend instead.", reason=reason)
    return wanted, ""


def make_recorder(source: str, out_dir: str | Path, camera_id: str, segment_seconds: float = 60, *,
                  backend: str | None = None, ffmpeg: str | None = None, **options: Any) -> Any:
    """A recorder for `source` (rtsp://…, a file, usb:N or sim:NAME), not yet started."""
    kind, note = chosen_backend(source, backend, ffmpeg)
    if note:
        logging.getLogger(__name__).warning("%s", note)
    if kind == "encode":
        from drivers.recorder.usb_encoder import UsbEncoderRecorder

        return UsbEncoderRecorder(source, out_dir, camera_id, segment_seconds, **options)
    if kind == "ffmpeg":
        from drivers.recorder.ffmpeg_backend import FfmpegRecorder

        return FfmpegRecorder(source, out_dir, camera_id, segment_seconds, ffmpeg=ffmpeg, **options)
    from drivers.recorder.segment_recorder import SegmentRecorder

    return SegmentRecorder(source, out_dir, camera_id, segment_seconds, **options)
