"""What the recorder process is doing, per camera: the interface the camera wall and the desk read.

The recorder process (app/video/recorder_process.py) rewrites `HOME/video/recorder/status.json`
atomically about once a second. `read_status(home)` reads it; when the file is older than
`STALE_AFTER` seconds the process is not running (crashed, being restarted or stopped) and every
camera is reported `stopped` since the last time the process wrote it. No database, no Qt: a
console polls this without touching the recorder.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path


RECORDING = "recording"  # packets arrive and are written
RECONNECTING = "reconnecting"  # connecting, or the camera was lost (a gap is recorded) and is retried with backoff
SILENT = "silent"  # connected, but nothing has arrived for SILENT_AFTER seconds (a gap follows at the read timeout)
STOPPED = "stopped"  # not recording: stopped on purpose, or the recorder process is not running
STATES = (RECORDING, RECONNECTING, SILENT, STOPPED)

STATUS_FILE = "status.json"
STATUS_FORMAT = "examsite-recorder-status"
STALE_AFTER = 5.0
SILENT_AFTER = 2.0


@dataclass(frozen=True)
class CameraStatus:
    """One camera as the recorder sees it."""

    camera_id: str
    room: str
    session: str
    state: str
    since: datetime  # when it entered `state`
    last_segment_at: datetime | None  # when its last segment was closed
    bytes: int  # bytes written for this camera by this recorder process (closed segments and the open one)
    gaps: int  # gaps recorded by this recorder process
    rate: float  # bytes per second over the last few seconds
    directory: Path  # the camera's session directory (manifest and segments)
    packets: int = 0  # packets written by this recorder process

    def to_json(self) -> dict:
        data = asdict(self)
        data.update(directory=str(self.directory), since=self.since.isoformat(),
                    last_segment_at=self.last_segment_at.isoformat() if self.last_segment_at else None)
        return data

    @classmethod
    def from_json(cls, data: dict) -> CameraStatus:
        last = data.get("last_segment_at")
        return cls(camera_id=data["camera_id"], room=data["room"], session=data["session"], state=data["state"],
                   since=datetime.fromisoformat(data["since"]),
                   last_segment_at=datetime.fromisoformat(last) if last else None,
                   bytes=int(data["bytes"]), gaps=int(data["gaps"]), rate=float(data["rate"]),
                   directory=Path(data["directory"]), packets=int(data.get("packets", 0)))


def _root(home: object) -> Path:
    """A SiteHome or a folder."""
    return Path(home) if isinstance(home, (str, os.PathLike)) else Path(home.root)


def video_root(home: object) -> Path:
    """Where session directories live: HOME/video/<session>/<room>/<camera>/."""
    return _root(home) / "video"


def recorder_dir(home: object) -> Path:
    """The recorder process's own folder: desired.json, commands/, status.json, recorder.log."""
    return video_root(home) / "recorder"


def write_status(home: object, pid: int, cameras: list[CameraStatus], at: datetime | None = None) -> None:
    """Replace the status file (renamed into place, not fsynced: it is rewritten every second)."""
    folder = recorder_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    document = {"format": STATUS_FORMAT, "pid": pid, "at": (at or datetime.now(UTC)).isoformat(),
                "cameras": [camera.to_json() for camera in cameras]}
    temporary = folder / f".{STATUS_FILE}.{pid}.tmp"
    temporary.write_text(json.dumps(document, default=str, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, folder / STATUS_FILE)


def read_status_document(home: object) -> dict | None:
    try:
        return json.loads((recorder_dir(home) / STATUS_FILE).read_bytes())
    except (FileNotFoundError, ValueError):
        return None


def read_status(home: object, now: datetime | None = None, stale_after: float = STALE_AFTER) -> list[CameraStatus]:
    """Every camera the recorder process is (or was last) handling, by room then camera id."""
    document = read_status_document(home)
    if document is None:
        return []
    written = datetime.fromisoformat(document["at"])
    cameras = [CameraStatus.from_json(item) for item in document.get("cameras", [])]
    now = now or datetime.now(UTC)
    if (now - written).total_seconds() > stale_after:
        cameras = [replace(camera, state=STOPPED, rate=0.0,
                           since=written if camera.state != STOPPED else camera.since) for camera in cameras]
    return sorted(cameras, key=lambda camera: (camera.session, camera.room, camera.camera_id))
