"""A camera session's timeline, read from its manifest: what was recorded, what is missing, what happened.

Pure reading of `manifest.jsonl` (no verification: the playback panel shows `verify_directory`'s
verdict beside it). Times are the manifest's UTC instants. A gap runs from the camera's last
packet to the start of the next segment (or, while it lasts, to when it was detected).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.video.manifest import MANIFEST_FILE


@dataclass(frozen=True)
class SegmentSpan:
    file: Path
    seq: int
    start: datetime
    end: datetime
    recovered: bool = False

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()


@dataclass(frozen=True)
class GapSpan:
    start: datetime
    end: datetime
    reason: str


@dataclass(frozen=True)
class Marker:
    at: datetime
    kind: str  # marker (an incident) | action (an operator's act)
    label: str
    by: str


@dataclass(frozen=True)
class Timeline:
    session: str
    camera: str
    segments: tuple[SegmentSpan, ...]
    gaps: tuple[GapSpan, ...]
    markers: tuple[Marker, ...]
    sealed: bool

    @property
    def start(self) -> datetime | None:
        instants = [s.start for s in self.segments] + [g.start for g in self.gaps] + [m.at for m in self.markers]
        return min(instants) if instants else None

    @property
    def end(self) -> datetime | None:
        instants = [s.end for s in self.segments] + [g.end for g in self.gaps] + [m.at for m in self.markers]
        return max(instants) if instants else None

    def locate(self, at: datetime) -> tuple[SegmentSpan, float] | None:
        """The segment holding instant `at` and the offset into it; past a gap, the next segment's start."""
        for segment in self.segments:
            if at < segment.start:
                return segment, 0.0
            if at < segment.end:
                return segment, (at - segment.start).total_seconds()
        return None

    def recorded_seconds(self) -> float:
        return sum(segment.seconds for segment in self.segments)


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def read_timeline(directory: str | Path) -> Timeline:
    directory = Path(directory)
    session, camera, sealed = "", "", False
    segments: list[SegmentSpan] = []
    raw_gaps: list[tuple[datetime, datetime, str]] = []
    markers: list[Marker] = []
    path = directory / MANIFEST_FILE
    lines = path.read_bytes().splitlines() if path.exists() else []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            break  # a line cut short by a crash ends what can be read
        kind = entry.get("kind")
        if kind == "start":
            session = str(entry.get("session", ""))
            camera = str(entry.get("camera", camera))
        elif kind == "segment":
            start = _instant(entry["started_at"])
            camera = camera or str(entry.get("camera", ""))
            segments.append(SegmentSpan(directory / entry["file"], int(entry.get("seq", len(segments))), start,
                                        start + timedelta(milliseconds=int(entry.get("duration_ms", 0))),
                                        bool(entry.get("recovered", False))))
        elif kind == "gap":
            raw_gaps.append((_instant(entry["started_at"]), _instant(entry["at"]), str(entry.get("reason", ""))))
        elif kind in ("marker", "action"):
            markers.append(Marker(_instant(entry["at"]), kind, str(entry.get("label") or entry.get("action", "")),
                                  str(entry.get("by", ""))))
        elif kind == "seal":
            sealed = True
    gaps = []
    for start, detected, reason in raw_gaps:
        following = [s.start for s in segments if s.start >= start]
        gaps.append(GapSpan(start, min(following) if following else detected, reason))
    segments.sort(key=lambda s: s.start)
    markers.sort(key=lambda m: m.at)
    return Timeline(session, camera, tuple(segments), tuple(gaps), tuple(markers), sealed)
