"""Playing recorded segments back: one camera's `.ts` files in order, from any instant, at their own pace.

Only playback decodes recorded video, one camera at a time, at the operator's request; recording
itself never decodes (docs/video.md).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.i18n import tr
from drivers.camera.pyav_source import VideoFileCamera
from drivers.errors import DeviceError, DeviceUnavailable



class SegmentPlayer(VideoFileCamera):
    """Frames of `files` played one after the other, starting `offset` seconds into the first."""

    def __init__(self, files: Sequence[str | Path], offset: float = 0.0) -> None:
        if not files:
            raise DeviceUnavailable(tr("There is no recorded video to play here."))
        self.files = [Path(f) for f in files]
        super().__init__(self.files[0], loop=False)
        self.index = 0
        self.offset = max(0.0, offset)
        self.description = self.files[0].name

    @property
    def current_file(self) -> Path:
        return self.files[self.index]

    def _start(self, container: Any, stream: Any) -> None:
        super()._start(container, stream)
        self._from_time: float | None = None
        if self.offset > 0 and stream.time_base:
            start = float(stream.start_time or 0) * float(stream.time_base)
            self._from_time = start + self.offset
            # container.seek() in an MPEG-TS segment lands imprecisely (after the target, even past the
            # end): read the packets from the start instead (demuxing, no decoding — cheap), keep the
            # group of pictures that holds the instant, and drop the decoded pictures before it
            target = int(self._from_time / float(stream.time_base))
            packets = self._packets
            held: list[Any] = []
            for packet in packets:
                if packet.pts is None:
                    continue  # the demuxer's empty flush packet
                if packet.is_keyframe:
                    if packet.pts > target and held:
                        held.append(packet)
                        break
                    held = []
                held.append(packet)
            self._packets = itertools.chain(held, packets)

    def _wanted(self, picture: Any) -> bool:
        if self._from_time is None or picture.time is None:
            return True
        if picture.time + 1e-3 < self._from_time:
            return False
        self._from_time = None
        return True

    def _at_end(self) -> None:
        if self.index + 1 >= len(self.files):
            raise DeviceError(tr("The recording has ended."))
        self.index += 1
        self.offset = 0.0
        self.path = self.files[self.index]
        self.description = self.path.name
        container, self._container = self._container, None
        if container is not None:
            container.close()
        self._opened = False
        self.open()
