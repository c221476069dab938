"""Playback of a session's recorded video: the verifier's verdict, the timeline, markers, and the player.

The operator picks one camera's session directory (HOME/video/<plan>/<session>/<room>/<camera>).
`verify_directory` runs off the GUI thread and its verdict stays above the picture, so nobody
watches video without knowing whether it is intact. Choosing a marker plays from a few seconds
before it; a click on the timeline plays from there. The picture's wall-clock time is its
segment's start (from the manifest) plus the picture's own timestamp inside the segment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
                               QWidget)

from app.domain.actor import Actor
from app.services.site import Site
from app.ui.console.camera_tile import frame_image
from app.ui.console.timeline_widget import ACTION, GAP, INCIDENT, RECORDED, TimelineWidget, marker_author, marker_text
from app.ui.desk.camera_view import CameraView
from app.ui.tasks import FILES, run_task
from app.video.manifest import MANIFEST_FILE, VerifyReport, verify_directory
from app.video.status import video_root
from app.video.timeline import SegmentSpan, Timeline, read_timeline
from drivers.camera import CameraWorker, Frame
from drivers.camera.playback import SegmentPlayer

MARKER_LEAD = timedelta(seconds=5)  # a marker plays from a few seconds before it
PLAY_INTERVAL_MS = 40


class TimedSegmentPlayer(SegmentPlayer):
    """A SegmentPlayer that says where each recent picture was: `where(seq)` → (file index, seconds into it)."""

    KEEP = 16

    def __init__(self, files, offset: float = 0.0) -> None:
        super().__init__(files, offset)
        self._where: dict[int, tuple[int, float]] = {}
        self._position = offset

    def _before_frame(self, deadline: float, picture=None) -> None:
        stream = self._stream
        stamp = getattr(picture, "time", None)
        if stamp is not None and stream is not None and stream.start_time is not None and stream.time_base:
            self._position = max(0.0, stamp - float(stream.start_time * stream.time_base))
        super()._before_frame(deadline, picture)

    def read(self, timeout: float) -> Frame:
        frame = super().read(timeout)
        self._where[frame.seq] = (self.index, self._position)
        for old in [seq for seq in self._where if seq <= frame.seq - self.KEEP]:
            del self._where[old]
        return frame

    def where(self, seq: int) -> tuple[int, float] | None:
        return self._where.get(seq)


@dataclass(frozen=True)
class Seek:
    """Where the player was sent: the segment and the offset into it (seconds)."""

    at: datetime
    segment: SegmentSpan
    offset: float


def find_recordings(home: object) -> list[Path]:
    """Every camera session directory under HOME/video (the recorder's own folder excluded)."""
    root = video_root(home)
    if not root.is_dir():
        return []
    return sorted(path.parent for path in root.rglob(MANIFEST_FILE) if "recorder" not in path.relative_to(root).parts[:1])


class PlaybackPanel(QWidget):
    recordings_listed = Signal(int)
    opened = Signal(object)  # VerifyReport
    seeked = Signal(object)  # Seek
    picture_shown = Signal(object, object, float)  # the picture's instant, its SegmentSpan, seconds into it
    playing_changed = Signal(bool)

    def __init__(self, site: Site, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site, self.actor = site, actor
        self.directory: Path | None = None
        self.timeline: Timeline | None = None
        self.report: VerifyReport | None = None
        self.worker: CameraWorker | None = None
        self.player: TimedSegmentPlayer | None = None
        self.files: list[SegmentSpan] = []
        self.last_seek: Seek | None = None
        self.frame: Frame | None = None
        self.picture_at: datetime | None = None
        self.playing = False
        self._one_picture = False
        self._listed = False

        self.title = QLabel(self.tr("Playback"))
        self.title.setObjectName("sectionTitle")
        self.choice = QComboBox()
        self.choice.setMinimumWidth(360)
        self.choice.currentIndexChanged.connect(self._chosen)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.list_recordings)
        self.verdict = QLabel(self.tr("Choose a recording."))
        self.verdict.setObjectName("muted")
        self.verdict.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addSpacing(12)
        header.addWidget(self.choice, 1)
        header.addWidget(self.refresh_button)

        self.view = CameraView()
        self.view.set_state("closed", self.tr("No picture"))
        self.markers = QListWidget()
        self.markers.setObjectName("markers")
        self.markers.currentRowChanged.connect(self._marker_chosen)
        self.markers.setWordWrap(True)
        self.markers.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.markers.setSpacing(2)
        self.markers_title = QLabel(self.tr("Markers"))
        self.markers_title.setStyleSheet("font-weight: 600;")
        side = QVBoxLayout()
        side.addWidget(self.markers_title)
        side.addWidget(self.markers, 1)
        body = QHBoxLayout()
        body.addWidget(self.view, 3)
        body.addLayout(side, 1)

        self.timeline_bar = TimelineWidget()
        self.timeline_bar.seek_requested.connect(lambda at: self.seek(at, play=self.playing))
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.setObjectName("primary")
        self.play_button.clicked.connect(self.toggle)
        self.play_button.setEnabled(False)
        self.clock = QLabel()
        self.clock.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.where = QLabel()
        self.where.setObjectName("muted")
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.clock)
        controls.addWidget(self.where, 1)
        self.legend = QLabel(self.tr("{recorded} recorded {gap} no video {incident} incident {action} operator action").format(
            recorded=f"<span style='color:{RECORDED.name()}'>■</span>", gap=f"<span style='color:{GAP.name()}'>■</span>",
            incident=f"<span style='color:{INCIDENT.name()}'>⚑</span>",
            action=f"<span style='color:{ACTION.name()}'>⚑</span>"))
        self.legend.setObjectName("muted")
        controls.addWidget(self.legend)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(header)
        layout.addWidget(self.verdict)
        layout.addLayout(body, 1)
        layout.addWidget(self.timeline_bar)
        layout.addLayout(controls)
        self.timer = QTimer(self, interval=PLAY_INTERVAL_MS)
        self.timer.timeout.connect(self._poll)

    # -- recordings ------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._listed:
            self.list_recordings()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.shutdown()
        super().hideEvent(event)

    def shutdown(self) -> None:
        """Stop the player's thread (joined)."""
        self._stop_worker()
        if self.playing:
            self.playing = False
            self.play_button.setText(self.tr("Play"))
            self.playing_changed.emit(False)

    def list_recordings(self) -> None:
        self._listed = True
        home = self.site.home
        run_task(self, lambda _progress: find_recordings(home), lane=FILES, on_success=self._listed_recordings)

    def _listed_recordings(self, directories: list[Path]) -> None:
        root = video_root(self.site.home)
        current = self.directory
        self.choice.blockSignals(True)
        self.choice.clear()
        for directory in directories:
            self.choice.addItem(" / ".join(directory.relative_to(root).parts), str(directory))
        self.choice.setCurrentIndex(-1)
        self.choice.blockSignals(False)
        self.recordings_listed.emit(len(directories))
        if current is not None and str(current) in [str(d) for d in directories]:
            self.choice.setCurrentIndex(self.choice.findData(str(current)))
        elif directories and current is None:
            self.choice.setCurrentIndex(0)

    def _chosen(self, index: int) -> None:
        if index >= 0:
            self.open_directory(Path(self.choice.itemData(index)))

    def open_directory(self, directory: Path) -> None:
        """Verify and read the directory off the GUI thread, then show its timeline and markers."""
        self.shutdown()
        self.directory = Path(directory)
        self.verdict.setText(self.tr("Checking the recording against its signed manifest…"))
        self.verdict.setObjectName("muted")
        self._repolish(self.verdict)
        public = self.site.public.signing_public

        def work(_progress):
            return verify_directory(directory, public), read_timeline(directory)

        run_task(self, work, lane=FILES, on_success=self._opened)

    def _opened(self, result: tuple[VerifyReport, Timeline]) -> None:
        report, timeline = result
        if report.directory != self.directory:
            return  # another directory was chosen meanwhile
        self.report, self.timeline = report, timeline
        self.verdict.setText(self.verdict_text(report))
        self.verdict.setObjectName("success" if report.ok else "error")
        self._repolish(self.verdict)
        self.timeline_bar.set_timeline(timeline)
        self.markers.blockSignals(True)
        self.markers.clear()
        for marker in timeline.markers:
            kind = self.tr("Incident") if marker.kind == "marker" else self.tr("Action")
            text = f"{marker.at.astimezone():%H:%M:%S}  {kind}\n{marker_text(self, marker)}"
            if marker.by:
                text += self.tr(" (by {who})").format(who=marker_author(self, marker))
            item = QListWidgetItem(text)
            item.setForeground(INCIDENT.darker(130) if marker.kind == "marker" else ACTION)
            item.setData(Qt.ItemDataRole.UserRole, marker.at)
            item.setToolTip(text)
            self.markers.addItem(item)
        self.markers.setCurrentRow(-1)
        self.markers.blockSignals(False)
        self.play_button.setEnabled(bool(timeline.segments))
        self.frame, self.picture_at = None, None
        self.clock.setText("")
        self.where.setText("")
        self.view.image = None
        self.view.set_state("closed", self.tr("No picture") if not timeline.segments else self.tr("Press Play or choose a marker"))
        self.opened.emit(report)

    def verdict_text(self, report: VerifyReport) -> str:
        if not report.ok:
            problem = report.first_problem
            return self.tr("NOT INTACT — {problem} This video cannot be relied on as evidence.").format(
                problem=problem.message if problem else "")
        text = self.tr("Intact: {segments} segments ({minutes} min), {gaps} gaps, {markers} markers; "
                       "signed by this site.").format(segments=report.segments, minutes=f"{report.seconds / 60:.1f}",
                                                     gaps=report.gaps, markers=report.markers)
        if report.sealed:
            text += " " + self.tr("Sealed.")
        elif report.partial_files:
            text += " " + self.tr("Not sealed; the last segment was cut short when the recorder stopped.")
        else:
            text += " " + self.tr("Not sealed yet.")
        return text

    # -- the player ------------------------------------------------------------------------------

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        timeline = self.timeline
        if timeline is None or not timeline.segments:
            return
        at = self.picture_at or timeline.segments[0].start
        if self.picture_at is not None and timeline.locate(at) is None:
            at = timeline.segments[0].start  # at the end: from the beginning
        self.seek(at, play=True)

    def pause(self) -> None:
        self._stop_worker()
        self.playing = False
        self.play_button.setText(self.tr("Play"))
        self.playing_changed.emit(False)

    def seek(self, at: datetime, play: bool = True) -> Seek | None:
        """Send the player to instant `at` (past a gap: the next recorded picture); paused, show one picture."""
        timeline = self.timeline
        if timeline is None:
            return None
        located = timeline.locate(at)
        if located is None:
            self._stop_worker()
            self.view.set_state("closed", self.tr("End of the recording"))
            return None
        segment, offset = located
        self._stop_worker()
        index = timeline.segments.index(segment)
        self.files = [s for s in timeline.segments[index:] if s.file.is_file()]
        if not self.files or self.files[0] != segment:
            self.view.set_state("closed", self.tr("Segment {file} is missing.").format(file=segment.file.name))
            return None
        self.player = TimedSegmentPlayer([s.file for s in self.files], offset)
        self.worker = CameraWorker(self.player, reconnect_backoff=(5,), read_timeout=3.0)
        self._one_picture = not play
        self.worker.start()
        self.timer.start()
        if play != self.playing:
            self.playing = play
            self.play_button.setText(self.tr("Pause") if play else self.tr("Play"))
            self.playing_changed.emit(play)
        self.last_seek = Seek(at, segment, offset)
        self.seeked.emit(self.last_seek)
        return self.last_seek

    def _marker_chosen(self, row: int) -> None:
        if row < 0 or self.timeline is None:
            return
        at = self.markers.item(row).data(Qt.ItemDataRole.UserRole)
        start = self.timeline.start or at
        self.seek(max(start, at - MARKER_LEAD), play=True)

    def _poll(self) -> None:
        worker, player = self.worker, self.player
        if worker is None or player is None:
            self.timer.stop()
            return
        frame = worker.latest()
        if frame is not None and (self.frame is None or frame.seq != self.frame.seq):
            self.frame = frame
            self.view.set_state("live", "")
            self.view.show_image(frame_image(frame))
            shown = player.where(frame.seq)
            if shown is not None and shown[0] < len(self.files):
                segment, position = self.files[shown[0]], shown[1]
                self.picture_at = segment.start + timedelta(seconds=position)
                self.clock.setText(f"{self.picture_at.astimezone():%Y-%m-%d %H:%M:%S}")
                self.where.setText(self.tr("{file}, {seconds} s into the segment").format(
                    file=segment.file.name, seconds=f"{position:.1f}"))
                self.timeline_bar.set_playhead(self.picture_at)
                self.picture_shown.emit(self.picture_at, segment, position)
            if self._one_picture:
                self._stop_worker()
                return
        if worker.state.value == "lost":  # the recording ended, or a segment could not be read
            ended = player.index + 1 >= len(self.files)
            self._stop_worker()
            self.playing = False
            self.play_button.setText(self.tr("Play"))
            self.playing_changed.emit(False)
            self.view.set_state("closed", self.tr("End of the recording") if ended else worker.last_error)

    def _stop_worker(self) -> None:
        self.timer.stop()
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.stop()

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)
