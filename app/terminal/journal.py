"""The terminal's answer journal: every change durable on the terminal's disk before "saved".

One file per candidate sitting on this terminal. It starts with a header (magic and a random file
id) and then holds records, each ``length(4, big-endian) || nonce || AES-GCM ciphertext+tag``,
sealed by `app.security.JournalCipher` with the file id, the record's sequence number and its
length as associated data. Every append is one write followed by fsync, so `record` returns only
once the change survives a power cut or a kill -9.

Reading it back: a last record that is incomplete or does not open (power lost in the middle of
the write, or a tail of zeros the file system left) is a torn tail and is cut off; a record that
does not open with good records after it means the file was altered, and opening refuses it.

Records (JSON inside the ciphertext):
- ``answer``: revision, item code, response keys, flagged, when — the candidate's change;
- ``ack``: the host has durably stored every revision up to ``upto``;
- ``base``: answers and revision the host already held when this terminal took the sitting over
  (换机续考), acknowledged by definition;
- ``submitted``: the sitting was submitted (the receipt's fields).
"""

from __future__ import annotations

import json
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from app.durable import fsync_directory
from app.errors import KnownError
from app.i18n import tr
from app.security import CryptoError, JournalCipher

MAGIC = b"ESJ1"
FILE_ID_BYTES = 16
HEADER_BYTES = len(MAGIC) + FILE_ID_BYTES
MAX_RECORD = 1 << 20


class JournalDamaged(KnownError):
    """The journal file was altered (not merely cut short by a power loss)."""

    code = "journal_damaged"


@dataclass(frozen=True)
class JournalEntry:
    """One change the candidate made, in the order they made it."""

    revision: int
    item_code: str
    response: tuple[str, ...]
    flagged: bool
    at: str  # ISO instant on the site host's clock as the terminal estimated it

    def as_save(self) -> dict:
        return {"item_code": self.item_code, "response": list(self.response), "flagged": self.flagged,
                "revision": self.revision}


class Journal:
    """Append-only, encrypted, fsync'ed journal of one sitting; safe to call from several threads."""

    def __init__(self, path: Path, cipher: JournalCipher) -> None:
        self.path = Path(path)
        self._cipher = cipher
        self._lock = threading.Lock()
        self._entries: list[JournalEntry] = []
        self._answers: dict[str, tuple[tuple[str, ...], bool]] = {}
        self._acknowledged = 0
        self._last_revision = 0
        self._submitted: dict | None = None
        self._sequence = 0
        self.dropped_bytes = 0  # size of the torn tail cut off when the journal was opened
        self._fd = self._open()

    # -- reading -------------------------------------------------------------------------------
    @property
    def last_revision(self) -> int:
        with self._lock:
            return self._last_revision

    @property
    def acknowledged(self) -> int:
        with self._lock:
            return self._acknowledged

    @property
    def submitted(self) -> dict | None:
        with self._lock:
            return self._submitted

    def answers(self) -> dict[str, tuple[tuple[str, ...], bool]]:
        """The candidate's latest response and flag per item, as this terminal knows them."""
        with self._lock:
            return dict(self._answers)

    def pending(self) -> list[JournalEntry]:
        """Changes the host has not acknowledged yet, oldest first."""
        with self._lock:
            return [e for e in self._entries if e.revision > self._acknowledged]

    def unsynced(self) -> int:
        with self._lock:
            return sum(1 for e in self._entries if e.revision > self._acknowledged)

    # -- writing -------------------------------------------------------------------------------
    def record(self, item_code: str, response: tuple[str, ...], flagged: bool, at: str) -> JournalEntry:
        """Journal one change; returns once it is on disk."""
        with self._lock:
            entry = JournalEntry(self._last_revision + 1, item_code, tuple(response), bool(flagged), at)
            self._append({"k": "answer", "rev": entry.revision, "item": item_code, "response": list(entry.response),
                          "flagged": entry.flagged, "at": at})
            self._apply_answer(entry)
            return entry

    def acknowledge(self, upto: int) -> None:
        """The host holds every revision up to `upto` durably."""
        with self._lock:
            if upto <= self._acknowledged:
                return
            self._append({"k": "ack", "upto": upto})
            self._acknowledged = upto

    def adopt(self, answers: dict[str, tuple[tuple[str, ...], bool]], revision: int) -> None:
        """Take over what the host already holds for this sitting (a new terminal, or a lost journal).

        Call it with nothing pending (after the replay) to take the host's word; changes still
        pending stay and are sent again (the host keeps, per item, the highest revision). The next
        revision continues above both.
        """
        with self._lock:
            clean = {code: (tuple(resp), bool(flag)) for code, (resp, flag) in answers.items()}
            self._append({"k": "base", "rev": revision,
                          "answers": {code: [list(resp), flag] for code, (resp, flag) in clean.items()}})
            self._apply_base(clean, revision)

    def mark_submitted(self, receipt: dict) -> None:
        with self._lock:
            self._append({"k": "submitted", "receipt": receipt})
            self._submitted = dict(receipt)

    def close(self) -> None:
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None

    # -- internals -----------------------------------------------------------------------------
    def _apply_answer(self, entry: JournalEntry) -> None:
        self._entries.append(entry)
        self._answers[entry.item_code] = (entry.response, entry.flagged)
        self._last_revision = max(self._last_revision, entry.revision)

    def _apply_base(self, answers: dict[str, tuple[tuple[str, ...], bool]], revision: int) -> None:
        pending = [e for e in self._entries if e.revision > self._acknowledged]
        self._answers = dict(answers)
        for entry in pending:
            if entry.revision > revision:  # newer than anything the host holds
                self._answers[entry.item_code] = (entry.response, entry.flagged)
        if not pending:
            self._acknowledged = max(self._acknowledged, revision)
        self._last_revision = max(self._last_revision, revision)

    def _apply(self, record: dict) -> None:
        kind = record.get("k")
        if kind == "answer":
            self._apply_answer(JournalEntry(int(record["rev"]), str(record["item"]), tuple(record["response"]),
                                            bool(record["flagged"]), str(record["at"])))
        elif kind == "ack":
            self._acknowledged = max(self._acknowledged, int(record["upto"]))
        elif kind == "base":
            answers = {code: (tuple(resp), bool(flag)) for code, (resp, flag) in record["answers"].items()}
            self._apply_base(answers, int(record["rev"]))
        elif kind == "submitted":
            self._submitted = dict(record["receipt"])

    def _associated(self, sequence: int, length: int) -> bytes:
        return self._file_id + sequence.to_bytes(8, "big") + length.to_bytes(4, "big")

    def _append(self, record: dict) -> None:
        if self._fd is None:
            raise KnownError(tr("The answer journal is closed."))
        plaintext = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        length = len(plaintext) + 28  # nonce + tag, see JournalCipher
        blob = self._cipher.seal(plaintext, self._associated(self._sequence, length))
        data = length.to_bytes(4, "big") + blob
        written = os.write(self._fd, data)
        if written != len(data):
            raise OSError(f"short write to the journal ({written} of {len(data)} bytes)")
        os.fsync(self._fd)
        self._sequence += 1

    def _open(self) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = self.path.read_bytes() if self.path.exists() else b""
        if len(data) < HEADER_BYTES or data[:len(MAGIC)] != MAGIC:
            if data and data[:len(MAGIC)] != MAGIC[:len(data[:len(MAGIC)])]:
                raise JournalDamaged(tr("The answer journal {path} is not a journal file.", path=str(self.path)))
            return self._create()
        self._file_id = data[len(MAGIC):HEADER_BYTES]
        good = self._replay(data)
        if good < len(data):
            self.dropped_bytes = len(data) - good
            with open(self.path, "r+b") as handle:
                handle.truncate(good)
                handle.flush()
                os.fsync(handle.fileno())
        return os.open(self.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))

    def _create(self) -> int:
        self._file_id = secrets.token_bytes(FILE_ID_BYTES)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        os.write(fd, MAGIC + self._file_id)
        os.fsync(fd)
        os.close(fd)
        fsync_directory(self.path.parent)
        return os.open(self.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))

    def _replay(self, data: bytes) -> int:
        """Apply every good record; return the offset where the good records end."""
        offset = HEADER_BYTES
        while offset < len(data):
            record, end = self._read_one(data, offset)
            if record is None:
                return offset
            self._apply(record)
            self._sequence += 1
            offset = end
        return offset

    def _read_one(self, data: bytes, offset: int) -> tuple[dict | None, int]:
        torn = (None, offset)
        if len(data) - offset < 4:
            return torn
        length = int.from_bytes(data[offset:offset + 4], "big")
        end = offset + 4 + length
        if end > len(data):
            return torn  # the write was cut short
        try:
            if length > MAX_RECORD:
                raise CryptoError()
            plaintext = self._cipher.open(data[offset + 4:end], self._associated(self._sequence, length))
            return json.loads(plaintext.decode("utf-8")), end
        except (CryptoError, ValueError):
            if end == len(data) or not any(data[offset:]):
                return torn  # the last record, or a tail of zeros: lost with the power
            raise JournalDamaged(tr("The answer journal {path} was altered: record {number} does not open.",
                                    path=str(self.path), number=self._sequence + 1)) from None
