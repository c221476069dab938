"""Decoded frames through PyAV (FFmpeg): network cameras over RTSP and looping video files.

Why PyAV rather than cv2's FFmpeg backend for RTSP: see docs/cameras.md ("RTSP: why PyAV").
In short, options are per connection (cv2 takes them from one process-wide environment
variable), failures come back as typed errors we can turn into a clear sentence (cv2 only says
"not opened"), it opened our test stream faster and reported a frozen camera sooner, and the
coming stream-copy recorder needs the same packet-level access.
"""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path
from typing import Any

from app.i18n import tr
from drivers.camera.base import Frame, FrameSource, mask_password
from drivers.errors import DeviceError, DeviceUnavailable, LibraryMissing


def import_av() -> Any:
    try:
        import av
    except ImportError as error:
        raise LibraryMissing(tr("The video library {library} is not installed.", library="PyAV (av)")) from error
    return av


class PyAVSource(FrameSource):
    """Shared decoding loop: demux packets of the first video stream, decode, hand out BGR frames."""

    def __init__(self) -> None:
        super().__init__()
        self.keyframes_only = False  # previews: decode only key frames (a fraction of the cost)
        self.output_width: int | None = None  # previews: scale while converting, not afterwards
        self._container: Any = None
        self._stream: Any = None
        self._packets: Any = None
        self._pending: deque[Any] = deque()
        self._size: tuple[int, int] | None = None

    @property
    def size(self) -> tuple[int, int] | None:
        return self._size

    def _open_container(self, av: Any) -> Any:
        raise NotImplementedError

    def _at_end(self) -> None:
        """The stream ended: loop (files) or raise DeviceError (cameras)."""
        raise DeviceError(tr("Camera {camera} stopped sending pictures.", camera=self.description))

    def _before_frame(self, deadline: float, picture: Any = None) -> None:
        """Hook to pace frames (files play at their own pace)."""

    def _wanted(self, picture: Any) -> bool:
        """Hook to drop decoded pictures (playback drops those before the instant asked for)."""
        return True

    def open(self) -> None:
        if self._opened:
            return
        av = import_av()
        container = self._open_container(av)
        try:
            if not container.streams.video:
                raise DeviceUnavailable(tr("Camera {camera} has no video stream.", camera=self.description))
            stream = container.streams.video[0]
            self._size = (stream.codec_context.width, stream.codec_context.height)
            self._start(container, stream)
        except BaseException:
            container.close()
            raise
        self._opened = True

    def _start(self, container: Any, stream: Any) -> None:
        self._container, self._stream = container, stream
        self._packets = container.demux(stream)
        self._pending.clear()

    def read(self, timeout: float) -> Frame:
        self._require_open()
        av = import_av()
        deadline = time.monotonic() + timeout
        while not self._pending:
            if time.monotonic() >= deadline:
                raise DeviceError(tr("Camera {camera} sent no picture for {seconds} seconds.",
                                     camera=self.description, seconds=f"{timeout:g}"))
            try:
                packet = next(self._packets)
            except StopIteration:
                self._at_end()
                continue
            except (av.FFmpegError, OSError) as error:
                raise DeviceError(tr("Camera {camera} stopped sending pictures.", camera=self.description)) from error
            if self.keyframes_only and not packet.is_keyframe:
                continue  # never decoded: a camera wall tile costs one picture per GOP
            try:
                self._pending.extend(p for p in packet.decode() if self._wanted(p))
            except av.InvalidDataError:
                continue  # one damaged packet; the next key frame repairs the picture
        picture = self._pending.popleft()
        self._before_frame(deadline, picture)
        if self.output_width and picture.width > self.output_width:
            height = max(2, round(picture.height * self.output_width / picture.width) // 2 * 2)
            image = picture.to_ndarray(format="bgr24", width=self.output_width, height=height)
        else:
            image = picture.to_ndarray(format="bgr24")
        self._size = (image.shape[1], image.shape[0])
        return self._frame(image)

    def close(self) -> None:
        container, self._container = self._container, None
        self._stream = self._packets = None
        self._pending.clear()
        self._opened = False
        if container is not None:
            container.close()


class RtspCamera(PyAVSource):
    """A network camera's RTSP stream, decoded; TCP transport, bounded waits everywhere.

    FFmpeg's RTSP demuxer gives up after two silent intervals, so each interval is half of
    `read_timeout`: a camera that stops sending is reported within about `read_timeout` seconds.
    """

    def __init__(self, url: str, *, open_timeout: float = 5.0, read_timeout: float = 3.0,
                 ffmpeg_options: dict[str, str] | None = None) -> None:
        super().__init__()
        self.url = url
        self.description = mask_password(url)
        self.open_timeout = open_timeout
        self.read_timeout = read_timeout
        self.ffmpeg_options = dict(ffmpeg_options or {})

    def _open_container(self, av: Any) -> Any:
        interval = self.read_timeout / 2
        options = {
            "rtsp_transport": "tcp",
            "timeout": str(int(interval * 1_000_000)),  # socket I/O, microseconds
            "analyzeduration": "1000000",
            "probesize": "500000",
            **self.ffmpeg_options,
        }
        try:
            return av.open(self.url, options=options, timeout=(self.open_timeout, interval))
        except (PermissionError, av.HTTPUnauthorizedError, av.HTTPForbiddenError) as error:
            raise DeviceUnavailable(tr("Camera {camera} refused the user name or password.",
                                       camera=self.description)) from error
        except (FileNotFoundError, av.HTTPNotFoundError) as error:
            raise DeviceUnavailable(tr("Camera {camera} has no stream at this address; check the path.",
                                       camera=self.description)) from error
        except (av.FFmpegError, OSError) as error:
            raise DeviceUnavailable(tr("Camera {camera} does not answer; check its power, the network cable and the address.",
                                       camera=self.description)) from error


class VideoFileCamera(PyAVSource):
    """A video file played at its own frame rate, looping forever (the demo's camera)."""

    def __init__(self, path: str | Path, *, loop: bool = True) -> None:
        super().__init__()
        self.path = Path(path)
        self.loop = loop
        self.description = self.path.name
        self.fps = 25.0
        self._clock_start = 0.0
        self._played = 0
        self._frames_this_pass = 0

    def _open_container(self, av: Any) -> Any:
        if not self.path.is_file():
            raise DeviceUnavailable(tr("There is no file {path}.", path=str(self.path)))
        try:
            return av.open(str(self.path))
        except (av.FFmpegError, OSError) as error:
            raise DeviceUnavailable(tr("The video file {path} cannot be played.", path=str(self.path))) from error

    def _start(self, container: Any, stream: Any) -> None:
        super()._start(container, stream)
        rate = stream.average_rate or stream.guessed_rate
        self.fps = float(rate) if rate and float(rate) > 0 else 25.0
        self._clock_start = time.monotonic()
        self._played = 0
        self._frames_this_pass = 0
        self._first_time: float | None = None
        self._pass_offset = 0.0
        self._elapsed = 0.0

    def _at_end(self) -> None:
        if not self.loop or self._frames_this_pass == 0:
            raise DeviceError(tr("The video file {path} has ended.", path=str(self.path)))
        self._frames_this_pass = 0
        self._pass_offset = self._elapsed + 1 / self.fps  # the next pass's timestamps continue this one's
        self._first_time = None
        self._container.seek(0)
        self._packets = self._container.demux(self._stream)

    def _before_frame(self, deadline: float, picture: Any = None) -> None:
        self._frames_this_pass += 1
        stamp = getattr(picture, "time", None)
        if stamp is not None and self._first_time is None:
            self._first_time = stamp
        # the picture's own timestamp when it has one (key frames only are a GOP apart), else its count
        elapsed = self._pass_offset + stamp - self._first_time if stamp is not None and self._first_time is not None \
            else self._played / self.fps
        due = self._clock_start + elapsed
        now = time.monotonic()
        if due - now > 2.0 or now - due > 1.0:  # the clock jumped or we fell far behind: start again from now
            self._clock_start, self._played, due = now, 0, now
            self._first_time, self._pass_offset, elapsed = stamp, 0.0, 0.0
        self._elapsed = elapsed
        self._played += 1
        if due > now:
            time.sleep(max(0.0, min(due, deadline) - now))
