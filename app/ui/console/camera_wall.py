"""The camera wall: every camera of the site (or of one room) live, with the recorder's state on each tile.

1, 4, 9 or 16 tiles by count (pages of 16 beyond that). Tiles repaint at most 5 times a second
from their workers' newest frames; the recorder's status file is read once a second off the GUI
thread. Double-click or Enter enlarges one camera at full rate, Esc returns. The workers run only
while the wall is shown: hiding the panel (another panel, log-out, closing) stops and joins them.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.actor import Actor
from app.errors import KnownError
from app.services.recording import RecordingService
from app.services.site import Site
from app.ui.console.camera_tile import CameraTile, WallCamera
from app.ui.tasks import FILES, run_task
from app.video.disk import DiskForecast, SpaceLevel, measure
from app.video.status import (
    RECONNECTING,
    SILENT,
    STOPPED,
    CameraStatus,
    read_status,
    video_root,
)

PAGE_SIZE = 16
TILE_INTERVAL_MS = 200  # at most 5 pictures a second per tile
ENLARGED_INTERVAL_MS = 40  # the enlarged camera at full rate
STATUS_INTERVAL_MS = 1000
DISK_INTERVAL_MS = 30_000  # the disk forecast: free space changes slowly


def grid_columns(count: int) -> int:
    """1, 4, 9 or 16 tiles: 1, 2, 3 or 4 columns."""
    return max(1, min(4, math.ceil(math.sqrt(max(count, 1)))))


class CameraWall(QWidget):
    """The grid of tiles and the enlarged view; knows nothing of the site (the bench drives it bare)."""

    enlarged_changed = Signal(str)  # camera_id, or "" when back to the grid
    alarms_changed = Signal()
    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cameras: list[WallCamera] = []
        self.tiles: list[CameraTile] = []
        self.enlarged: CameraTile | None = None
        self.page = 0
        self.running = False
        self.statuses: dict[str, CameraStatus] = {}
        self.status_at = datetime.now(UTC)
        self.stack = QStackedWidget()
        self.grid_page = QWidget()
        self.grid = QGridLayout(self.grid_page)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(4)
        self.enlarged_page = QWidget()
        enlarged_layout = QVBoxLayout(self.enlarged_page)
        enlarged_layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(self.tr("No cameras are registered. The administrator adds them with "
                                    "\"examsite video cameras add\"."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        for page in (self.grid_page, self.enlarged_page, self.empty):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.tile_timer = QTimer(self, interval=TILE_INTERVAL_MS)
        self.tile_timer.timeout.connect(self._refresh_tiles)
        self.enlarged_timer = QTimer(self, interval=ENLARGED_INTERVAL_MS)
        self.enlarged_timer.timeout.connect(self._refresh_enlarged)
        self.stack.setCurrentWidget(self.empty)

    # -- cameras and pages -----------------------------------------------------------------------

    @property
    def pages(self) -> int:
        return max(1, math.ceil(len(self.cameras) / PAGE_SIZE))

    def set_cameras(self, cameras: list[WallCamera]) -> None:
        if [c for c in cameras] == self.cameras and self.tiles:
            return
        self.cameras = list(cameras)
        self.page = 0
        self._build_page()

    def show_page(self, page: int) -> None:
        page = max(0, min(page, self.pages - 1))
        if page != self.page:
            self.page = page
            self._build_page()
            self.page_changed.emit(page)

    def tile(self, camera_id: str) -> CameraTile | None:
        return next((tile for tile in self.tiles if tile.camera.camera_id == camera_id), None)

    def _build_page(self) -> None:
        was_running = self.running
        self.restore()
        for tile in self.tiles:
            tile.stop()
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        shown = self.cameras[self.page * PAGE_SIZE:(self.page + 1) * PAGE_SIZE]
        columns = grid_columns(len(shown))
        rows = max(1, math.ceil(len(shown) / columns))
        for index, camera in enumerate(shown):
            tile = CameraTile(camera)
            tile.activated.connect(self.enlarge)
            tile.alarm_changed.connect(lambda _alarm: self.alarms_changed.emit())
            self.grid.addWidget(tile, index // columns, index % columns)
            self.tiles.append(tile)
        for column in range(4):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        for row in range(4):
            self.grid.setRowStretch(row, 1 if row < rows else 0)
        self.stack.setCurrentWidget(self.grid_page if self.tiles else self.empty)
        self._apply_statuses()
        if was_running:
            self.running = False
            self.start()

    # -- running ---------------------------------------------------------------------------------

    def start(self) -> None:
        if self.running:
            return
        self.running = True
        for tile in self.tiles:
            tile.start()
        if self.enlarged is not None:
            self.enlarged.start()
            self.enlarged_timer.start()
        self.tile_timer.start()

    def stop(self) -> None:
        """Stop every worker and join its thread."""
        self.running = False
        self.tile_timer.stop()
        self.enlarged_timer.stop()
        for tile in self.tiles + ([self.enlarged] if self.enlarged else []):
            tile.stop()

    def _refresh_tiles(self) -> None:
        if self.stack.currentWidget() is self.grid_page:
            for tile in self.tiles:
                tile.refresh()

    def _refresh_enlarged(self) -> None:
        if self.enlarged is not None:
            self.enlarged.refresh()

    # -- enlarging -------------------------------------------------------------------------------

    def enlarge(self, camera_id: str) -> None:
        """Show one camera alone at full rate (its own full-rate worker); the grid keeps running."""
        camera = next((c for c in self.cameras if c.camera_id == camera_id), None)
        if camera is None:
            return
        self.restore(announce=False)
        tile = CameraTile(camera, enlarged=True)
        self.enlarged_page.layout().addWidget(tile)
        self.enlarged = tile
        self._apply_statuses()
        self.stack.setCurrentWidget(self.enlarged_page)
        tile.setFocus()
        if self.running:
            tile.start()
            self.enlarged_timer.start()
        self.enlarged_changed.emit(camera_id)

    def restore(self, announce: bool = True) -> None:
        """Back to the grid (Esc)."""
        tile, self.enlarged = self.enlarged, None
        if tile is None:
            return
        self.enlarged_timer.stop()
        tile.stop()
        self.enlarged_page.layout().removeWidget(tile)
        tile.deleteLater()
        self.stack.setCurrentWidget(self.grid_page if self.tiles else self.empty)
        previous = self.tile(tile.camera.camera_id)
        if previous is not None:
            previous.setFocus()
        if announce:
            self.enlarged_changed.emit("")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.enlarged is not None:
            self.restore()
        else:
            super().keyPressEvent(event)

    # -- the recorder's status -------------------------------------------------------------------

    def set_statuses(self, statuses: list[CameraStatus], now: datetime | None = None) -> None:
        """The newest status of every camera the recorder handles (others show "not recording")."""
        self.statuses = {status.camera_id: status for status in statuses}
        self.status_at = now or datetime.now(UTC)
        self._apply_statuses()

    def _apply_statuses(self) -> None:
        for tile in self.tiles + ([self.enlarged] if self.enlarged else []):
            tile.set_status(self.statuses.get(tile.camera.camera_id), self.status_at)

    def lost_tiles(self) -> list[CameraTile]:
        return [tile for tile in self.tiles if tile.lost]


class CameraWallPanel(QWidget):
    """The console panel: room filter, a summary line, the wall; the recorder's status polled each second."""

    cameras_loaded = Signal(int)
    status_read = Signal(int)

    def __init__(self, site: Site, actor: Actor, parent: QWidget | None = None, *,
                 service: RecordingService | None = None) -> None:
        super().__init__(parent)
        self.site, self.actor = site, actor
        self.service = service or RecordingService(site)
        self.all_cameras: list[WallCamera] = []
        self.loaded = False
        self._status_pending = False
        self.title = QLabel(self.tr("Camera wall"))
        self.title.setObjectName("sectionTitle")
        self.room = QComboBox()
        self.room.addItem(self.tr("All rooms"), "")
        self.room.currentIndexChanged.connect(self._filter)
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.previous = QPushButton(self.tr("Previous page"))
        self.next = QPushButton(self.tr("Next page"))
        self.previous.clicked.connect(lambda: self.wall.show_page(self.wall.page - 1))
        self.next.clicked.connect(lambda: self.wall.show_page(self.wall.page + 1))
        self.hint = QLabel(self.tr("Double-click or Enter: enlarge · Esc: back"))
        self.hint.setObjectName("muted")
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addSpacing(12)
        header.addWidget(self.room)
        header.addWidget(self.summary, 1)
        header.addWidget(self.hint)
        header.addWidget(self.previous)
        header.addWidget(self.next)
        self.wall = CameraWall()
        self.wall.page_changed.connect(lambda _page: self._update_summary())
        self.wall.alarms_changed.connect(self._update_summary)
        self.disk = QLabel()  # the video disk's forecast: shown when it needs someone's attention
        self.disk.setWordWrap(True)
        self.disk.setObjectName("error")
        self.disk.hide()
        self.forecast: DiskForecast | None = None
        self._disk_pending = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(header)
        layout.addWidget(self.disk)
        layout.addWidget(self.wall, 1)
        self.status_timer = QTimer(self, interval=STATUS_INTERVAL_MS)
        self.status_timer.timeout.connect(self.poll_status)
        self.disk_timer = QTimer(self, interval=DISK_INTERVAL_MS)
        self.disk_timer.timeout.connect(self.poll_disk)
        self._update_summary()

    # -- showing and hiding ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self.loaded:
            self.load_cameras()
        self.wall.start()
        self.status_timer.start()
        self.disk_timer.start()
        self.poll_status()
        self.poll_disk()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.shutdown()
        super().hideEvent(event)

    def shutdown(self) -> None:
        """Stop the status timer and every camera worker (joined)."""
        self.status_timer.stop()
        self.disk_timer.stop()
        self.wall.stop()

    # -- cameras ---------------------------------------------------------------------------------

    def load_cameras(self) -> None:
        self.loaded = True

        def work(_progress):
            return [WallCamera(c.camera_id, c.room, c.main_url, c.sub_url, c.kind)
                    for c in self.service.cameras() if c.enabled]

        run_task(self, work, on_success=self.set_cameras)

    def set_cameras(self, cameras: list[WallCamera]) -> None:
        self.all_cameras = list(cameras)
        rooms = sorted({camera.room for camera in cameras})
        chosen = self.room.currentData()
        self.room.blockSignals(True)
        self.room.clear()
        self.room.addItem(self.tr("All rooms"), "")
        for room in rooms:
            self.room.addItem(self.tr("Room {room}").format(room=room), room)
        self.room.setCurrentIndex(max(0, self.room.findData(chosen)))
        self.room.blockSignals(False)
        self._filter()
        self.cameras_loaded.emit(len(cameras))

    def _filter(self) -> None:
        room = self.room.currentData()
        self.wall.set_cameras([c for c in self.all_cameras if not room or c.room == room])
        self._update_summary()

    # -- status ----------------------------------------------------------------------------------

    def poll_status(self) -> None:
        """Read the recorder's status file off the GUI thread (skipped while the last read is under way)."""
        if self._status_pending:
            return
        self._status_pending = True
        home = self.site.home

        def done(statuses: list[CameraStatus]) -> None:
            self._status_pending = False
            self.wall.set_statuses(statuses)
            self._update_summary()
            self.status_read.emit(len(statuses))

        def failed(error: BaseException) -> None:
            self._status_pending = False
            if not isinstance(error, KnownError):
                self.status_timer.stop()  # a bug was reported once; not again every second

        task = run_task(self, lambda _progress: read_status(home), lane=FILES, on_success=done,
                        on_known_error=lambda _error: None)
        task.failed.connect(failed)

    def poll_disk(self) -> None:
        """The video disk's forecast (hours left at the current write rate), measured off the GUI thread."""
        if self._disk_pending:
            return
        self._disk_pending = True
        root = video_root(self.site.home)

        def done(forecast: DiskForecast) -> None:
            self._disk_pending = False
            self.show_forecast(forecast)

        task = run_task(self, lambda _progress: measure(root), lane=FILES, on_success=done,
                        on_known_error=lambda _error: None)
        task.failed.connect(lambda _error: setattr(self, "_disk_pending", False))

    def show_forecast(self, forecast: DiskForecast) -> None:
        """A warning or a critical forecast stays in sight above the wall until it is ok again."""
        self.forecast = forecast
        self.disk.setText(("⚠ " if forecast.level is SpaceLevel.CRITICAL else "") + forecast.sentence)
        self.disk.setVisible(forecast.level is not SpaceLevel.OK)
        self.disk.setToolTip(forecast.sentence)

    def _update_summary(self) -> None:
        wall = self.wall
        recording = sum(1 for c in wall.cameras if (s := wall.statuses.get(c.camera_id)) and s.state == "recording")
        alarmed = {camera.camera_id for camera in wall.cameras
                   if (status := wall.statuses.get(camera.camera_id)) and status.state in (SILENT, RECONNECTING, STOPPED)}
        attention = len(alarmed | {tile.camera.camera_id for tile in wall.lost_tiles()})  # every page, not just this one
        text = self.tr("{count} cameras · {recording} recording").format(count=len(wall.cameras), recording=recording)
        if attention:
            text += " · " + self.tr("{count} need attention").format(count=attention)
        if wall.pages > 1:
            text += " · " + self.tr("page {page} of {pages}").format(page=wall.page + 1, pages=wall.pages)
        self.summary.setText(text)
        self.summary.setObjectName("error" if attention else "muted")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        self.previous.setVisible(wall.pages > 1)
        self.next.setVisible(wall.pages > 1)
