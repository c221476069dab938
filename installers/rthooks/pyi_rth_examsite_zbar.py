# PyInstaller runtime hook: let pyzbar find the libzbar bundled next to the program.
# pyzbar looks the library up with ctypes.util.find_library("zbar"), which on Linux only asks
# ldconfig; a machine without the libzbar0 package would then have no QR decoding at all.
import ctypes.util
import os
import sys

_find_library = ctypes.util.find_library
_bundled = os.path.join(getattr(sys, "_MEIPASS", ""), "libzbar.so.0")


def _find_library_bundled(name):
    found = _find_library(name)
    if found is None and name == "zbar" and os.path.isfile(_bundled):
        return _bundled
    return found


ctypes.util.find_library = _find_library_bundled
