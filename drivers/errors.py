"""Errors shared by every driver: the device is absent, its library is missing, or it failed.

All are KnownErrors: the person at the desk gets a sentence ("the camera is unplugged"), never
a traceback.
"""

from __future__ import annotations

from app.errors import KnownError


class DeviceError(KnownError):
    """A device failed while in use (unplugged, timed out, answered garbage)."""

    code = "device"


class DeviceUnavailable(DeviceError):
    """The device is absent or cannot be opened."""

    code = "device_unavailable"


class LibraryMissing(DeviceUnavailable):
    """A backend's library (or a vendor plug-in) is not installed on this machine."""

    code = "library_missing"
