"""The file channel between the site host and the recorder process, in HOME/video/recorder/.

- `desired.json` (written by the supervisor, atomically): every camera that must be recording
  now, with its source and session directory. The recorder process starts what is listed and
  stops what is not.
- `commands/*.json` (written by the recording service, one file per command, atomically):
  markers, operator actions, stops and seals for a room. The recorder process applies them in
  name order (the name starts with the time in nanoseconds) to the room's open manifests and
  deletes them, so the recorder stays the only writer of every manifest. A command written
  while the recorder is down waits on disk for it.
- `status.json` (written by the recorder process): see app/video/status.py.

Nothing here needs the database or PyAV.
"""

from __future__ import annotations

import json
import os
import secrets
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from app.durable import write_atomically
from app.video.status import recorder_dir, video_root

DESIRED_FILE = "desired.json"
COMMANDS_DIR = "commands"
UNAPPLIED_DIR = "unapplied"


@dataclass(frozen=True)
class Assignment:
    """One camera that must be recording into one session directory."""

    plan: str
    session: str
    room: str
    camera_id: str
    source: str
    kind: str
    directory: str
    since: datetime  # when it became due (schedule, or a manual start after a stop)
    started_by: str  # "schedule" or the staff number who started it again
    segment_seconds: float = 60.0

    @property
    def key(self) -> str:
        return f"{self.plan}/{self.session}/{self.room}/{self.camera_id}"

    @property
    def room_key(self) -> tuple[str, str, str]:
        return (self.plan, self.session, self.room)

    def to_json(self) -> dict:
        return {**asdict(self), "since": self.since.isoformat()}

    @classmethod
    def from_json(cls, data: dict) -> Assignment:
        return cls(**{**data, "since": datetime.fromisoformat(data["since"]),
                      "segment_seconds": float(data.get("segment_seconds", 60.0))})


@dataclass(frozen=True)
class Command:
    """marker (label), action (action, reason), stop (reason) or seal, for one room of one session."""

    kind: str
    plan: str
    session: str
    room: str
    by: str
    at: datetime
    label: str = ""
    reason: str = ""
    details: dict = field(default_factory=dict)

    @property
    def room_key(self) -> tuple[str, str, str]:
        return (self.plan, self.session, self.room)

    def to_json(self) -> dict:
        return {**asdict(self), "at": self.at.isoformat()}

    @classmethod
    def from_json(cls, data: dict) -> Command:
        return cls(**{**data, "at": datetime.fromisoformat(data["at"])})


def camera_directory(home: object, plan: str, session: str, room: str, camera_id: str) -> Path:
    """HOME/video/<plan>/<session>/<room>/<camera>: one manifest per camera."""
    return video_root(home) / plan / session / room / camera_id


def write_desired(home: object, assignments: list[Assignment]) -> None:
    document = {"at": datetime.now().astimezone().isoformat(), "assignments": [a.to_json() for a in assignments]}
    write_atomically(recorder_dir(home) / DESIRED_FILE, json.dumps(document, ensure_ascii=False).encode("utf-8"))


def read_desired(home: object) -> list[Assignment] | None:
    """The assignments, or None when no desired file was written yet (the recorder then keeps what it has)."""
    try:
        document = json.loads((recorder_dir(home) / DESIRED_FILE).read_bytes())
    except (FileNotFoundError, ValueError):
        return None
    return [Assignment.from_json(item) for item in document.get("assignments", [])]


def send_command(home: object, command: Command) -> Path:
    folder = recorder_dir(home) / COMMANDS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{time.time_ns():020d}-{secrets.token_hex(4)}.json"
    write_atomically(path, json.dumps(command.to_json(), ensure_ascii=False).encode("utf-8"))
    return path


def pending_commands(home: object) -> list[tuple[Path, Command | None]]:
    """Commands waiting, oldest first; a file that cannot be read gives None."""
    folder = recorder_dir(home) / COMMANDS_DIR
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.json")):
        try:
            found.append((path, Command.from_json(json.loads(path.read_bytes()))))
        except (ValueError, TypeError, KeyError):
            found.append((path, None))
    return found


def set_aside(path: Path) -> None:
    """A command that could not be applied is kept in commands/unapplied/ for the record."""
    target = path.parent / UNAPPLIED_DIR
    target.mkdir(exist_ok=True)
    os.replace(path, target / path.name)
