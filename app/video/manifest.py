"""A session's video manifest: every segment, gap, incident marker and operator action, hash-chained and signed.

Files in the session directory:
- `manifest.jsonl`: one entry per line, canonical JSON (app.domain.canonical), append-only and
  fsynced. Each entry holds `n` (its index), `prev` (SHA-256 of the previous line's bytes; 64
  zeros for the first) and `kind` (`start`, `segment`, `gap`, `marker`, `action`, `seal`).
- `manifest.head.json`: the number of entries, the SHA-256 of the last one, whether the session
  is sealed, the signer's public key and an Ed25519 signature over all of that; rewritten
  atomically after every segment and at the seal.
- `recorder.pub` (stand-alone recordings only): the public key of a key made for this recording.
  It proves the files were not changed after recording, not who recorded them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.domain.canonical import canonical_json
from app.durable import fsync_directory, write_atomically
from app.i18n import tr
from app.security import verify_signature

MANIFEST_FILE = "manifest.jsonl"
HEAD_FILE = "manifest.head.json"
PUBLIC_KEY_FILE = "recorder.pub"
HEAD_FORMAT = "examsite-video-manifest-head"
GENESIS = "0" * 64
SEGMENT_SUFFIX = ".ts"
PARTIAL_SUFFIX = ".ts.part"


def _sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _utc(value: datetime | None) -> datetime:
    return value if value is not None else datetime.now(UTC)


class Manifest:
    """The writer: append entries, sign the head. One writer per session directory."""

    def __init__(self, directory: Path, session: str, sign: Callable[[bytes], bytes], public_key: bytes) -> None:
        self.directory = Path(directory)
        self.session = session
        self._sign = sign
        self.public_key = bytes(public_key)
        self.count = 0
        self.last_hash = GENESIS
        self.sealed = False

    @classmethod
    def create(cls, directory: str | Path, session: str, sign: Callable[[bytes], bytes], public_key: bytes,
               **details: Any) -> Manifest:
        manifest = cls(Path(directory), session, sign, public_key)
        manifest.directory.mkdir(parents=True, exist_ok=True)
        if (manifest.directory / MANIFEST_FILE).exists():
            raise FileExistsError(manifest.directory / MANIFEST_FILE)
        manifest.append("start", session=session, **details)
        manifest.sign_head()
        return manifest

    @classmethod
    def resume(cls, directory: str | Path, sign: Callable[[bytes], bytes], public_key: bytes,
               by: str = "recorder") -> tuple[Manifest, int]:
        """Continue a session after the recorder died; returns the manifest and the next segment seq.

        The directory must verify (apart from its partial segment and unsigned tail). The partial
        segment is adopted as it is on disk, marked `recovered`: from here on it cannot change
        unnoticed, but nothing proves what happened to it between the crash and this restart.
        """
        directory = Path(directory)
        report = verify_directory(directory, bytes(public_key))
        if not report.ok or report.sealed:
            raise ValueError(report.first_problem.message if report.first_problem else "the session is sealed")
        manifest = cls(directory, report.session, sign, public_key)
        lines = (directory / MANIFEST_FILE).read_bytes().split(b"\n")
        whole = [line for line in lines if line]
        if lines[-1]:  # a line cut short by the crash: end it so that the next entry starts cleanly
            whole.pop()
            with open(directory / MANIFEST_FILE, "r+b") as out:
                out.truncate(sum(len(line) + 1 for line in whole))
        manifest.count = len(whole)
        manifest.last_hash = _sha256_hex(whole[-1])
        next_seq = max((_seq_of(name) for name in report.listed_files), default=0) + 1
        for name in report.partial_files:
            file = directory / name
            if name.endswith(PARTIAL_SUFFIX) and file.is_file():
                camera, seq = name.rsplit("-", 1)[0], _seq_of(name)
                manifest.append("segment", camera=camera, seq=seq, file=name, sha256=_file_digest(file),
                                bytes=file.stat().st_size, duration_ms=0, recovered=True)
                next_seq = max(next_seq, seq + 1)
        manifest.append("action", action="recorder restarted", by=by)
        manifest.sign_head()
        return manifest, next_seq

    def append(self, kind: str, at: datetime | None = None, **fields: Any) -> dict[str, Any]:
        """Append one entry (fsynced); the head is not re-signed here."""
        if self.sealed:
            raise ValueError("the manifest is sealed")
        entry = {**fields, "n": self.count, "prev": self.last_hash, "kind": kind, "at": _utc(at)}
        line = canonical_json(entry)
        with open(self.directory / MANIFEST_FILE, "ab") as out:
            out.write(line + b"\n")
            out.flush()
            os.fsync(out.fileno())
        if self.count == 0:
            fsync_directory(self.directory)
        self.count += 1
        self.last_hash = _sha256_hex(line)
        return entry

    def add_segment(self, *, camera: str, seq: int, file: str, sha256: str, size: int, duration_ms: int,
                    started_at: datetime, ended_at: datetime, codec: str = "") -> dict[str, Any]:
        entry = self.append("segment", at=ended_at, camera=camera, seq=seq, file=file, sha256=sha256,
                            bytes=size, duration_ms=duration_ms, started_at=started_at, codec=codec)
        self.sign_head()
        return entry

    def add_gap(self, *, camera: str, started_at: datetime, detected_at: datetime, reason: str) -> dict[str, Any]:
        entry = self.append("gap", at=detected_at, camera=camera, started_at=started_at, reason=reason)
        self.sign_head()
        return entry

    def add_marker(self, *, label: str, by: str = "", at: datetime | None = None, **details: Any) -> dict[str, Any]:
        """An incident marker on the timeline."""
        return self.append("marker", at=at, label=label, by=by, **details)

    def add_action(self, *, action: str, by: str, at: datetime | None = None, **details: Any) -> dict[str, Any]:
        """An operator action (start, stop with a reason, export...)."""
        return self.append("action", at=at, action=action, by=by, **details)

    def seal(self, at: datetime | None = None) -> None:
        self.append("seal", at=at, entries=self.count + 1)
        self.sealed = True
        self.sign_head()

    def sign_head(self) -> None:
        body = {"format": HEAD_FORMAT, "session": self.session, "entries": self.count, "head": self.last_hash,
                "sealed": self.sealed, "signer": self.public_key.hex()}
        document = {**body, "signature": self._sign(canonical_json(body)).hex()}
        write_atomically(self.directory / HEAD_FILE, canonical_json(document) + b"\n")


# -- verification ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    kind: str  # head, chain, modified, missing, reordered, inserted
    name: str  # the file or entry concerned
    message: str

    def sort_key(self) -> tuple[int, str]:
        return (0 if self.kind in ("head", "chain") else 1, self.name)


@dataclass
class VerifyReport:
    directory: Path
    session: str = ""
    signer: str = ""
    sealed: bool = False
    entries: int = 0
    segments: int = 0
    seconds: float = 0.0
    gaps: int = 0
    markers: int = 0
    problems: list[Problem] = field(default_factory=list)
    unsigned_entries: int = 0
    partial_files: list[str] = field(default_factory=list)
    listed_files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_problem(self) -> Problem | None:
        return min(self.problems, key=Problem.sort_key) if self.problems else None


def _read_head(path: Path, public_key: bytes | None, report: VerifyReport) -> dict[str, Any] | None:
    try:
        raw = (path / HEAD_FILE).read_bytes()
        head = json.loads(raw)
        if canonical_json(head) + b"\n" != raw:
            raise ValueError("not the bytes the recorder wrote")
        body = {key: head[key] for key in ("format", "session", "entries", "head", "sealed", "signer")}
        signature = bytes.fromhex(head["signature"])
        signer = bytes.fromhex(body["signer"])
    except FileNotFoundError:
        report.problems.append(Problem("head", HEAD_FILE, tr("The signed head of the manifest is missing.")))
        return None
    except (ValueError, KeyError, TypeError):
        report.problems.append(Problem("head", HEAD_FILE, tr("The signed head of the manifest is damaged.")))
        return None
    expected = public_key if public_key is not None else signer
    if signer != expected or not verify_signature(expected, signature, canonical_json(body)):
        report.problems.append(Problem("head", HEAD_FILE, tr(
            "The signature on the head of the manifest is not valid for this key.")))
        return None
    report.session, report.signer, report.sealed = str(body["session"]), signer.hex(), bool(body["sealed"])
    return body


def _read_chain(path: Path, head: dict[str, Any], report: VerifyReport) -> list[dict[str, Any]]:
    """The signed entries, in order, as far as the chain holds."""
    try:
        lines = (path / MANIFEST_FILE).read_bytes().split(b"\n")
    except FileNotFoundError:
        report.problems.append(Problem("chain", MANIFEST_FILE, tr("The manifest {file} is missing.", file=MANIFEST_FILE)))
        return []
    torn = lines.pop()  # after the last newline: empty, or a line cut short when the recorder died
    signed = int(head["entries"])
    entries: list[dict[str, Any]] = []
    previous = GENESIS
    for index, line in enumerate(lines[:signed]):
        try:
            entry = json.loads(line)
            intact = (isinstance(entry, dict) and canonical_json(entry) == line and entry.get("n") == index
                      and entry.get("prev") == previous)
        except (ValueError, TypeError):
            intact = False
        if not intact:
            report.problems.append(Problem("chain", f"{MANIFEST_FILE}:{index + 1}", tr(
                "Entry {number} of the manifest was changed, removed or moved.", number=index + 1)))
            return entries
        entries.append(entry)
        previous = _sha256_hex(line)
    if len(lines) < signed:
        report.problems.append(Problem("chain", MANIFEST_FILE, tr(
            "The manifest has {found} entries but its signed head counts {signed}.", found=len(lines), signed=signed)))
        return entries
    if previous != head["head"]:
        report.problems.append(Problem("chain", f"{MANIFEST_FILE}:{signed}", tr(
            "Entry {number} of the manifest was changed, removed or moved.", number=signed)))
        return entries
    if torn:
        lines.append(torn)
    report.unsigned_entries = len(lines) - signed
    if report.unsigned_entries and report.sealed:
        report.problems.append(Problem("chain", f"{MANIFEST_FILE}:{signed + 1}", tr(
            "Entry {number} of the manifest was added after the seal.", number=signed + 1)))
        return entries
    for index, line in enumerate(lines[signed:], start=signed):
        # written just before the recorder stopped and never signed: reported, not trusted
        try:
            entry = json.loads(line)
            intact = entry.get("n") == index and entry.get("prev") == previous
        except (ValueError, TypeError, AttributeError):
            intact = bool(torn) and index == len(lines) - 1
            entry = {}
        if not intact:
            report.problems.append(Problem("chain", f"{MANIFEST_FILE}:{index + 1}", tr(
                "Entry {number} of the manifest was changed, removed or moved.", number=index + 1)))
            return entries
        previous = _sha256_hex(line)
        if isinstance(entry.get("file"), str):
            report.partial_files.append(entry["file"])
    return entries


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_directory(path: str | Path, public_key: bytes | None = None) -> VerifyReport:
    """Check the signed head, the chain and every segment file; name each problem found.

    With `public_key` None the head's own signer is trusted, which proves integrity only.
    """
    path = Path(path)
    report = VerifyReport(path)
    head = _read_head(path, public_key, report)
    entries = _read_chain(path, head, report) if head is not None else []
    report.entries = len(entries)
    segments = [entry for entry in entries if entry.get("kind") == "segment"]
    report.gaps = sum(1 for entry in entries if entry.get("kind") == "gap")
    report.markers = sum(1 for entry in entries if entry.get("kind") == "marker")
    report.segments = len(segments)
    report.seconds = sum(int(entry.get("duration_ms", 0)) for entry in segments) / 1000
    owner_of = {entry["sha256"]: entry["file"] for entry in segments}
    listed = {entry["file"] for entry in segments}
    report.listed_files = [entry["file"] for entry in segments]
    for entry in segments:
        name = entry["file"]
        file = path / name
        if not file.is_file():
            report.problems.append(Problem("missing", name, tr("Segment {file} is missing.", file=name)))
            continue
        digest = _file_digest(file)
        if digest == entry["sha256"]:
            continue
        other = owner_of.get(digest)
        if other is not None:
            report.problems.append(Problem("reordered", name, tr(
                "Segment {file} holds the video of segment {other}: the segments were reordered.", file=name, other=other)))
        else:
            report.problems.append(Problem("modified", name, tr("Segment {file} was modified.", file=name)))
    if head is None:
        return report
    last_seq = max((int(entry["seq"]) for entry in segments), default=0)
    for file in sorted(path.iterdir()):
        name = file.name
        if name in report.partial_files:
            continue
        if name.endswith(SEGMENT_SUFFIX) and name not in listed:
            report.problems.append(Problem("inserted", name, tr(
                "Segment {file} is not in the manifest: it was inserted.", file=name)))
        elif name.endswith(PARTIAL_SUFFIX) and name not in listed:
            if not report.sealed and _seq_of(name) > last_seq and not any(
                    other.endswith(PARTIAL_SUFFIX) for other in report.partial_files):
                report.partial_files.append(name)  # the segment being written when the recorder stopped
            else:
                report.problems.append(Problem("inserted", name, tr(
                    "Segment {file} is not in the manifest: it was inserted.", file=name)))
    return report


def _seq_of(name: str) -> int:
    stem = name.split(".", 1)[0]
    digits = stem.rsplit("-", 1)[-1]
    return int(digits) if digits.isdigit() else -1
