"""Reading a package ZIP safely: every entry is checked before any byte is decompressed.

Nothing is ever extracted to disk. The end-of-central-directory record is read by hand first, so
that a directory claiming millions of entries is refused before `zipfile` parses it; ZIP64 is
refused outright (a version-1 package never needs it). Each member is then read in memory with
its declared size as a hard cap.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

from app.i18n import tr
from app.package import errors
from app.package.limits import DEFAULT_LIMITS, Limits

NAME_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_EOCD = struct.Struct("<4sHHHHIIH")
_EOCD_SIGNATURE = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_S_IFMT, _S_IFLNK = 0o170000, 0o120000
_CHUNK = 1 << 20


def is_safe_name(name: str, limits: Limits = DEFAULT_LIMITS) -> bool:
    """A relative POSIX path of plain parts: no '..', no absolute path, no backslash or drive letter."""
    if not name or len(name.encode("utf-8")) > limits.max_name_bytes:
        return False
    return all(NAME_PART.match(part) and part not in (".", "..") for part in name.split("/"))


def _check_end_record(handle, size: int, limits: Limits) -> None:
    window = min(size, _EOCD.size + 0xFFFF)
    handle.seek(size - window)
    tail = handle.read(window)
    position = tail.rfind(_EOCD_SIGNATURE)
    if position < 0 or len(tail) - position < _EOCD.size:
        raise errors.truncated()
    _, _, _, _, entries, cd_size, cd_offset, _ = _EOCD.unpack_from(tail, position)
    if cd_offset + cd_size > size - window + position and cd_size != 0xFFFFFFFF and cd_offset != 0xFFFFFFFF:
        raise errors.truncated()
    if entries == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:
        raise errors.oversized()
    if position >= 20 and tail[position - 20:position - 16] == _ZIP64_LOCATOR:
        raise errors.oversized()
    if entries > limits.max_members or cd_size > limits.max_members * (46 + limits.max_name_bytes + 64):
        raise errors.oversized()


class PackageArchive:
    """An opened package file whose entries passed the name and size checks."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path, self.limits = Path(path), limits
        try:
            self._handle = open(self.path, "rb")
        except (FileNotFoundError, IsADirectoryError):
            raise errors.no_file(path) from None
        try:
            self.size = self.path.stat().st_size
            if self.size > limits.max_file_bytes:
                raise errors.oversized()
            _check_end_record(self._handle, self.size, limits)
            self._handle.seek(0)
            try:
                self._zip = zipfile.ZipFile(self._handle)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError):
                raise errors.truncated() from None
            self.entries = self._check_entries()
        except BaseException:
            self._handle.close()
            raise

    def _check_entries(self) -> dict[str, zipfile.ZipInfo]:
        limits, entries, folded, total = self.limits, {}, set(), 0
        infos = self._zip.infolist()
        if len(infos) > limits.max_members:
            raise errors.oversized()
        for info in infos:
            name = info.orig_filename
            if (name != info.filename or info.is_dir() or not is_safe_name(name, limits)
                    or (info.external_attr >> 16) & _S_IFMT == _S_IFLNK or name.casefold() in folded):
                raise errors.unsafe_path(name)
            folded.add(name.casefold())
            if info.flag_bits & 0x1:
                raise errors.malformed(name, tr("encrypted ZIP entries are not allowed"))
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise errors.malformed(name, tr("the ZIP compression method is not supported"))
            total += info.file_size
            if info.file_size > limits.max_member_bytes:
                raise errors.oversized(name)
            if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_ratio * info.compress_size:
                raise errors.oversized(name)
            if total > limits.max_total_bytes:
                raise errors.oversized()
            entries[name] = info
        return entries

    def read(self, name: str, cap: int | None = None) -> bytes:
        """The member's bytes, never more than its declared size nor `cap`; damage reads as tampering."""
        info = self.entries[name]
        limit = min(info.file_size, self.limits.max_member_bytes if cap is None else cap)
        if info.file_size > limit:
            raise errors.oversized(name)
        chunks, count = [], 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    count += len(chunk)
                    if count > limit:
                        raise errors.oversized(name)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
            raise errors.tampered(name) from None
        if count != info.file_size:
            raise errors.tampered(name)
        return b"".join(chunks)

    def close(self) -> None:
        self._zip.close()
        self._handle.close()

    def __enter__(self) -> PackageArchive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
