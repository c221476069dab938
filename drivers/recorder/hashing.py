"""A file written straight to disk whose SHA-256 is computed from the very bytes written."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path


class HashingFile:
    """Write-only file object for PyAV's muxer: every byte goes to disk and into the digest.

    `sync()` flushes Python's buffer and fsyncs; it runs on its own every `sync_interval`
    seconds while bytes arrive, so at most that much data is at risk if the process dies.
    """

    def __init__(self, path: Path, sync_interval: float = 1.0) -> None:
        self.path = path
        self._file = open(path, "xb")  # noqa: SIM115 - closed by close()
        self._sha = hashlib.sha256()
        self.size = 0
        self.sync_interval = sync_interval
        self._synced_at = time.monotonic()

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        self._file.write(view)
        self._sha.update(view)
        self.size += len(view)
        if time.monotonic() - self._synced_at >= self.sync_interval:
            self.sync()
        return len(view)

    def sync(self) -> None:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._synced_at = time.monotonic()

    def seekable(self) -> bool:
        return False

    def close(self) -> str:
        """Flush, fsync, close; the hex digest of everything written."""
        if not self._file.closed:
            self.sync()
            self._file.close()
        return self._sha.hexdigest()

    @property
    def closed(self) -> bool:
        return self._file.closed
