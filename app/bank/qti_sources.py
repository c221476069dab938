"""Where QTI items come from: one .xml file, a folder of them, or an IMS content package (.zip).

A content package is read in memory and never extracted. Every member name is checked first; one
that could escape a folder (absolute, '..', backslashes, a drive, a symbolic link) refuses the
whole package (zip-slip). Members are read with their declared size as a hard cap, within limits
on the file, the member count, each member, the total and the compression ratio. Items are the
manifest's resources of type imsqti_item_*; an href that leaves the package is refused per item.
"""

from __future__ import annotations

import os
import posixpath
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.bank.qti_xml import MAX_XML_BYTES, attr, name, parse_xml
from app.errors import KnownError
from app.i18n import tr

MAX_ZIP_BYTES = 512 << 20
MAX_MEMBERS = 20_000
MAX_TOTAL_BYTES = 1 << 30
MAX_RATIO = 200
MANIFEST = "imsmanifest.xml"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


@dataclass(frozen=True)
class Source:
    where: str
    data: bytes = b""
    error: str | None = None  # why this listed item could not be read
    listed: bool = False  # named as an item by a content package's manifest


def _unreadable(path: Path, detail: str) -> KnownError:
    return KnownError(tr("Cannot read {path}: {detail}", path=path, detail=detail), code="unreadable")


def is_safe_member(info: zipfile.ZipInfo) -> bool:
    member = info.filename
    if not member or "\\" in member or "\x00" in member or member.startswith("/") or ":" in member.split("/")[0]:
        return False
    if any(part == ".." for part in member.split("/")):
        return False
    return stat.S_IFMT(info.external_attr >> 16) != stat.S_IFLNK


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    if info.file_size > MAX_XML_BYTES:
        raise _unreadable(path, tr("the member {member} is too large", member=info.filename))
    if info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise _unreadable(path, tr("the member {member} is compressed suspiciously well", member=info.filename))
    with archive.open(info) as handle:
        data = handle.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise _unreadable(path, tr("the member {member} is not the size it claims", member=info.filename))
    return data


def _checked_members(archive: zipfile.ZipFile, path: Path) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS or sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
        raise _unreadable(path, tr("the package is larger than a QTI package may be"))
    members = {}
    for info in infos:
        if not is_safe_member(info):
            raise KnownError(tr("{path} holds a file named {member}, which could be written outside its folder; "
                                "the package is refused.", path=path, member=info.filename), code="unsafe_path")
        if not info.is_dir():
            members[info.filename] = info
    return members


def _base(element, inherited: str) -> str:
    base = element.get(XML_BASE)
    return posixpath.join(inherited, base) if base else inherited


def _package_items(path: Path) -> Iterator[Source]:
    if path.stat().st_size > MAX_ZIP_BYTES:
        raise _unreadable(path, tr("the package is larger than a QTI package may be"))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise _unreadable(path, tr("it is not a ZIP file")) from None
    with archive:
        members = _checked_members(archive, path)
        if MANIFEST not in members:
            raise _unreadable(path, tr("it has no imsmanifest.xml, so it is not an IMS content package"))
        manifest = parse_xml(_read_member(archive, members[MANIFEST], path), f"{path.name}:{MANIFEST}")
        root_base = _base(manifest, "")
        for group in (node for node in manifest.iter() if name(node) == "resources"):
            group_base = _base(group, root_base)
            for resource in (node for node in group if name(node) == "resource"):
                if not (attr(resource, "type") or "").lower().startswith("imsqti_item"):
                    continue
                href = attr(resource, "href") or ""
                where = f"{path.name}:{href}"
                target = posixpath.normpath(posixpath.join(_base(resource, group_base), href))
                if not href or target.startswith(("../", "/")) or target == "..":
                    yield Source(where, error=tr("its href leaves the package"), listed=True)
                elif target not in members:
                    yield Source(where, error=tr("the manifest names it but the package does not hold it"), listed=True)
                else:
                    yield Source(where, data=_read_member(archive, members[target], path), listed=True)


def _folder_files(folder: Path) -> Iterator[Source]:
    for top, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for file in sorted(files):
            candidate = Path(top) / file
            if candidate.suffix.lower() != ".xml" or candidate.is_symlink():
                continue
            where = str(candidate.relative_to(folder))
            if candidate.stat().st_size > MAX_XML_BYTES:
                yield Source(where, error=tr("the file is too large for a QTI item"))
            else:
                yield Source(where, data=candidate.read_bytes())


def read_sources(path: Path) -> Iterator[Source]:
    """The XML documents to look at under `path`; KnownError when `path` itself cannot be read."""
    path = Path(path)
    try:
        if path.is_dir():
            yield from _folder_files(path)
        elif path.is_file() and path.suffix.lower() == ".zip":
            yield from _package_items(path)
        elif path.is_file():
            if path.stat().st_size > MAX_XML_BYTES:
                raise _unreadable(path, tr("the file is too large for a QTI item"))
            yield Source(path.name, data=path.read_bytes())
        else:
            raise _unreadable(path, tr("there is no such file or folder"))
    except PermissionError:
        raise _unreadable(path, tr("permission denied")) from None
