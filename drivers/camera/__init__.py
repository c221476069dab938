"""Cameras: one FrameSource interface, real and simulated backends, a factory and a worker thread.

    open_camera("usb:0")                          USB camera through OpenCV
    open_camera("rtsp://user:pw@10.0.0.5/main")   network camera, decoded through PyAV over TCP
    open_camera("file:/path/clip.mp4")            a video file that loops (the demo)
    open_camera("sim:desk1")                      a SimulatedCamera registered as "desk1"

Backends are imported when a spec asks for them, and their libraries (cv2, av) only when a
source opens, so a missing library is a clear LibraryMissing sentence, not an ImportError.
See docs/cameras.md.
"""

from __future__ import annotations

from pathlib import Path

from app.i18n import tr
from drivers.camera.base import CameraState, Frame, FrameSource, mask_password
from drivers.camera.simulated import SimulatedCamera
from drivers.camera.worker import CameraWorker
from drivers.errors import DeviceUnavailable

__all__ = ["CameraState", "CameraWorker", "Frame", "FrameSource", "SimulatedCamera", "describe_spec", "open_camera"]

SCHEMES = ("usb:", "rtsp://", "rtsps://", "file:", "sim:")


def _not_understood(spec: str) -> DeviceUnavailable:
    return DeviceUnavailable(tr("The camera address {spec} is not understood; use usb:0, rtsp://…, file:… or sim:….",
                                spec=mask_password(spec)))


def _file_path(spec: str) -> Path:
    rest = spec[len("file:"):]
    if rest.startswith("//"):  # file:///abs/path or file://C:/path
        rest = rest[2:]
        if len(rest) > 2 and rest[0] == "/" and rest[2] == ":":
            rest = rest[1:]
    return Path(rest)


def open_camera(spec: str, **options: object) -> FrameSource:
    """The FrameSource for `spec`, not yet opened; raises DeviceUnavailable for an unknown spec.

    Options go to the backend: usb (size, fps, read_timeout), rtsp (open_timeout, read_timeout,
    ffmpeg_options), file (loop); a sim: spec takes none.
    """
    spec = spec.strip()
    lowered = spec.lower()
    if lowered.startswith("usb:"):
        from drivers.camera.usb import UsbCamera

        try:
            index = int(spec[4:])
        except ValueError:
            raise _not_understood(spec) from None
        return UsbCamera(index, **options)
    if lowered.startswith(("rtsp://", "rtsps://")):
        from drivers.camera.pyav_source import RtspCamera

        return RtspCamera(spec, **options)
    if lowered.startswith("file:"):
        from drivers.camera.pyav_source import VideoFileCamera

        return VideoFileCamera(_file_path(spec), **options)
    if lowered.startswith("sim:"):
        if options:
            raise TypeError(f"a simulated camera takes no options, got {sorted(options)}")
        return SimulatedCamera.lookup(spec[4:])
    raise _not_understood(spec)


def describe_spec(spec: str) -> str:
    """A readable name for `spec` without opening anything (passwords masked)."""
    lowered = spec.strip().lower()
    if lowered.startswith("usb:"):
        return f"USB {spec.strip()[4:]}"
    if lowered.startswith("file:"):
        return _file_path(spec.strip()).name
    if lowered.startswith("sim:"):
        return tr("{name} (simulated)", name=spec.strip()[4:])
    return mask_password(spec.strip())
