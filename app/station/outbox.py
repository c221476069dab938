"""A station's durable outbox: every save and photo is on the station's disk before it is sent.

One append-only file per examiner (``<staff_no>.outbox`` in the station's folder), one JSON
record per line, each line fsync'ed before the call returns: a Wi-Fi drop or a crash of the
station loses nothing that was saved. The first line names the outbox (a random id the host
uses, with each record's sequence number, to apply every save once). Records are replayed in
order; ``{"ack": n}`` lines record what the host has acknowledged. A torn last line (a crash in
the middle of a write) is dropped when the file is opened. Once everything is acknowledged and
the file has grown, it is rewritten atomically to its header and last acknowledgement.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.durable import fsync_directory, write_atomically

COMPACT_BYTES = 1_000_000
_SAFE = re.compile(r"[^A-Za-z0-9_-]")


@dataclass
class Entry:
    seq: int
    op: str  # "save" | "photo"
    body: dict[str, Any]


@dataclass
class Outbox:
    path: Path
    outbox_id: str
    acked: int = 0
    entries: list[Entry] = field(default_factory=list)  # not yet acknowledged, oldest first
    refused: list[tuple[Entry, str]] = field(default_factory=list)  # refused by the host, with its sentence
    _next: int = 1
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def open(cls, folder: Path, staff_no: str) -> Outbox:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{_SAFE.sub('_', staff_no)}.outbox"
        if not path.exists() or path.stat().st_size == 0:
            header = json.dumps({"outbox": secrets.token_hex(16), "staff_no": staff_no}) + "\n"
            write_atomically(path, header.encode("utf-8"), 0o600)
        return cls._load(path)

    @classmethod
    def _load(cls, path: Path) -> Outbox:
        raw = path.read_bytes()
        lines = raw.split(b"\n")
        complete, torn = lines[:-1], lines[-1]
        if torn:  # a crash in the middle of an append: the last line never finished
            with open(path, "r+b") as handle:
                handle.truncate(len(raw) - len(torn))
                os.fsync(handle.fileno())
        records = [json.loads(line) for line in complete if line.strip()]
        box = cls(path=path, outbox_id=records[0]["outbox"])
        pending: dict[int, Entry] = {}
        for record in records[1:]:
            if "ack" in record:
                box.acked = max(box.acked, record["ack"])
                if record.get("refused"):
                    entry = pending.get(record["ack"])
                    if entry:
                        box.refused.append((entry, record["refused"]))
            else:
                pending[record["seq"]] = Entry(record["seq"], record["op"], record["body"])
            box._next = max(box._next, record.get("seq", 0) + 1, record.get("ack", 0) + 1)
        box.entries = [entry for seq, entry in sorted(pending.items()) if seq > box.acked]
        return box

    # -- writing ---------------------------------------------------------------------------
    def append(self, op: str, body: dict[str, Any]) -> Entry:
        """Keep one change on disk (fsync'ed) and give it the next sequence number."""
        with self._lock:
            entry = Entry(self._next, op, body)
            self._write({"seq": entry.seq, "op": op, "body": body})
            self._next += 1
            self.entries.append(entry)
            return entry

    def ack(self, seq: int, refused: str | None = None) -> None:
        """The host has applied (or refused, with its sentence) everything up to `seq`."""
        with self._lock:
            if seq <= self.acked:
                return
            record: dict[str, Any] = {"ack": seq}
            if refused:
                record["refused"] = refused
                self.refused.extend((e, refused) for e in self.entries if e.seq == seq)
            self._write(record)
            self.acked = seq
            self._next = max(self._next, seq + 1)
            self.entries = [e for e in self.entries if e.seq > seq]
            if not self.entries and self.path.stat().st_size > COMPACT_BYTES:
                self._compact()

    def pending(self) -> list[Entry]:
        with self._lock:
            return list(self.entries)

    def _write(self, record: dict[str, Any]) -> None:
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)

    def _compact(self) -> None:
        header = json.dumps({"outbox": self.outbox_id}) + "\n" + json.dumps({"ack": self.acked}) + "\n"
        write_atomically(self.path, header.encode("utf-8"), 0o600)
        fsync_directory(self.path.parent)
