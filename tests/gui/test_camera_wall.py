"""The camera wall on real sources: clips made here with PyAV, played as files and served over RTSP on
loopback; the recorder's state comes from a real status file (app.video.status.write_status)."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.domain.roles import Role
from app.services.recording import RecordingService
from app.ui.console.camera_tile import (
    AMBER,
    ENLARGED_WIDTH,
    GREY,
    RED,
    TILE_WIDTH,
    CameraTile,
    WallCamera,
)
from app.ui.console.camera_wall import CameraWall, CameraWallPanel, grid_columns
from app.video.disk import SpaceLevel, forecast
from app.video.status import (
    RECONNECTING,
    RECORDING,
    SILENT,
    CameraStatus,
    read_status,
    write_status,
)
from drivers.recorder.clips import make_clip

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "drivers"))
from test_camera_contract import RtspTestServer  # noqa: E402

TIMEOUT = 15_000


@pytest.fixture(scope="module")
def clips(tmp_path_factory):
    """A 1280×720 'main stream' (key frame every second) and a 640×360 'sub-stream'."""
    folder = tmp_path_factory.mktemp("wall-clips")
    return (make_clip(folder / "main.mp4", seconds=4, size=(1280, 720), fps=15, gop_seconds=1.0),
            make_clip(folder / "sub.mp4", seconds=4, size=(640, 360), fps=15, gop_seconds=1.0))


def status(camera_id: str, room: str, state: str, since: datetime, tmp: Path, **fields) -> CameraStatus:
    return CameraStatus(camera_id=camera_id, room=room, session="S1", state=state, since=since,
                        last_segment_at=fields.pop("last_segment_at", since), bytes=fields.pop("bytes", 10_000_000),
                        gaps=fields.pop("gaps", 0), rate=fields.pop("rate", 500_000.0), directory=tmp / camera_id,
                        packets=100, **fields)


def test_grid_sizes_follow_the_count():
    assert [grid_columns(n) for n in (0, 1, 2, 4, 5, 9, 10, 16)] == [1, 1, 2, 2, 3, 3, 4, 4]


@pytest.fixture
def wall_panel(zh_app, demo, qtbot, log_in, clips, tmp_path):
    """The console panel on the demo site with four cameras registered; returns (panel, home)."""
    main, sub = clips
    service = RecordingService(demo.site)
    admin = log_in(Role.ADMIN)
    for camera in service.cameras():
        service.remove_camera(admin, camera.camera_id)
    service.add_camera(admin, "cam1", "R01", str(main), kind="file")  # main only: key frames
    service.add_camera(admin, "cam2", "R01", str(main), sub_url=str(sub), kind="file")  # sub-stream
    service.add_camera(admin, "cam3", "R02", str(main), kind="file")
    service.add_camera(admin, "cam4", "R02", str(main), kind="file")
    panel = CameraWallPanel(demo.site, log_in(Role.PROCTOR))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.cameras_loaded, timeout=TIMEOUT):
        panel.resize(1166, 700)
        panel.show()
    yield panel, demo.site.home
    panel.shutdown()


def test_tiles_show_frames_and_the_recorders_states(wall_panel, qtbot, tmp_path):
    panel, home = wall_panel
    wall = panel.wall
    assert [tile.camera.camera_id for tile in wall.tiles] == ["cam1", "cam2", "cam3", "cam4"]
    for tile in wall.tiles:
        qtbot.waitUntil(lambda tile=tile: tile.frames_shown > 0, timeout=TIMEOUT)
    keyframes = wall.tile("cam1")
    assert keyframes.worker._source.keyframes_only and keyframes.frame.image.shape[1] == TILE_WIDTH
    sub = wall.tile("cam2")
    assert not sub.worker._source.keyframes_only and sub.frame.image.shape[1] == TILE_WIDTH
    assert keyframes.image.width() == TILE_WIDTH and keyframes.image.constBits() is not None

    now = datetime.now(UTC)
    write_status(home, os.getpid(), [
        status("cam1", "R01", RECORDING, now - timedelta(minutes=5), tmp_path, gaps=1,
               last_segment_at=now - timedelta(seconds=12)),
        status("cam2", "R01", SILENT, now - timedelta(seconds=3), tmp_path),
        status("cam3", "R02", RECONNECTING, now - timedelta(seconds=30), tmp_path, gaps=2),
    ])
    with qtbot.waitSignal(panel.status_read, timeout=TIMEOUT):
        panel.poll_status()
    cam1, cam2, cam3, cam4 = wall.tiles
    assert cam1.recording_state == RECORDING and not cam1.lost
    assert cam1.badge()[0] == cam1.tr("REC")
    assert "4.0" in cam1.details() and "1" in cam1.details()  # 500 kB/s = 4.0 Mbit/s, one gap
    assert cam2.lost and cam2.alarm == "signal" and cam3.alarm == "signal"
    assert cam4.recording_state == "" and not cam4.lost  # not handled by the recorder: a calm grey badge
    assert "2" in panel.summary.text() and panel.summary.objectName() == "error"

    # the recorder process stops writing its status: every camera it had is "stopped"
    stale = datetime.now(UTC) - timedelta(seconds=30)
    write_status(home, os.getpid(), [status("cam1", "R01", RECORDING, stale, tmp_path)], at=stale)
    assert read_status(home)[0].state == "stopped"
    with qtbot.waitSignal(panel.status_read, timeout=TIMEOUT):
        panel.poll_status()
    assert cam1.alarm == "stopped" and cam1.alarm_lines()[0] == cam1.tr("NOT RECORDING")

    panel.room.setCurrentIndex(panel.room.findData("R02"))
    assert [tile.camera.camera_id for tile in wall.tiles] == ["cam3", "cam4"]
    qtbot.waitUntil(lambda: all(tile.frames_shown for tile in wall.tiles), timeout=TIMEOUT)


def test_hiding_the_panel_stops_and_joins_every_worker(wall_panel, qtbot):
    panel, _ = wall_panel
    workers = [tile.worker for tile in panel.wall.tiles]
    assert all(worker is not None and worker.running for worker in workers)
    panel.hide()
    assert all(tile.worker is None for tile in panel.wall.tiles)
    assert not any(worker.running for worker in workers)
    panel.show()
    qtbot.waitUntil(lambda: all(tile.worker is not None and tile.worker.running for tile in panel.wall.tiles),
                    timeout=TIMEOUT)


def test_enlarge_at_full_rate_and_back_with_escape(wall_panel, qtbot):
    panel, _ = wall_panel
    wall = panel.wall
    tile = wall.tile("cam1")
    qtbot.waitUntil(lambda: tile.frames_shown > 0, timeout=TIMEOUT)
    with qtbot.waitSignal(wall.enlarged_changed, check_params_cb=lambda camera: camera == "cam1", timeout=TIMEOUT):
        QTest.mouseDClick(tile, Qt.MouseButton.LeftButton)
    big = wall.enlarged
    assert wall.stack.currentWidget() is wall.enlarged_page and big.enlarged
    assert not big.worker._source.keyframes_only  # this one camera's main stream, fully decoded
    qtbot.waitUntil(lambda: big.frames_shown >= 10, timeout=TIMEOUT)  # key frames alone would take 10 s
    assert big.frame.image.shape[1] == min(ENLARGED_WIDTH, 1280)
    assert big.hasFocus()
    painted = big.grab().toImage()  # the focused tile shows the picture, framed, not a filled rectangle
    centre = painted.pixelColor(painted.width() // 2, painted.height() // 2)
    assert centre != RED and centre != GREY and centre != AMBER
    worker = big.worker
    with qtbot.waitSignal(wall.enlarged_changed, check_params_cb=lambda camera: camera == "", timeout=TIMEOUT):
        QTest.keyClick(wall.enlarged, Qt.Key.Key_Escape)
    assert wall.enlarged is None and not worker.running and wall.stack.currentWidget() is wall.grid_page

    wall.tile("cam2").setFocus()
    with qtbot.waitSignal(wall.enlarged_changed, check_params_cb=lambda camera: camera == "cam2", timeout=TIMEOUT):
        QTest.keyClick(wall.tile("cam2"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wall.enlarged.frames_shown > 0, timeout=TIMEOUT)
    assert wall.enlarged.frame.image.shape[1] == 640  # the sub-stream at its own size and rate


@pytest.fixture
def rtsp(clips, tmp_path):
    folder = tmp_path / "media"
    folder.mkdir()
    os.link(clips[1], folder / "sub.mp4")
    server = RtspTestServer(folder).start()
    yield server
    server.stop()


@pytest.mark.slow
def test_a_camera_that_stops_turns_its_tile_to_the_lost_state(zh_app, qtbot, rtsp):
    wall = CameraWall()
    qtbot.addWidget(wall)
    wall.set_cameras([WallCamera("door", "R01", rtsp.url("sub.mp4"))])
    wall.resize(640, 360)
    wall.show()
    wall.start()
    try:
        tile: CameraTile = wall.tile("door")
        qtbot.waitUntil(lambda: tile.frames_shown > 0, timeout=TIMEOUT)
        assert not tile.lost
        with qtbot.waitSignal(tile.alarm_changed, check_params_cb=lambda alarm: alarm == "signal", timeout=TIMEOUT):
            rtsp.stop()
        assert tile.lost and tile.preview_state == "lost" and tile.alarm_lines()[0] == tile.tr("PICTURE LOST")
        assert wall.lost_tiles() == [tile]
        rtsp.start()
        with qtbot.waitSignal(tile.alarm_changed, check_params_cb=lambda alarm: alarm == "", timeout=TIMEOUT):
            pass
        seen = tile.frames_shown
        qtbot.waitUntil(lambda: tile.frames_shown > seen, timeout=TIMEOUT)
    finally:
        wall.stop()


def test_a_status_for_an_unknown_spec_is_a_sentence_not_a_crash(zh_app, qtbot):
    wall = CameraWall()
    qtbot.addWidget(wall)
    wall.set_cameras([WallCamera("odd", "R01", "ftp://nowhere")])
    wall.start()
    tile = wall.tile("odd")
    assert tile.lost and tile.error and tile.worker is None
    wall.stop()


def test_the_headless_wall_driver_reports_its_figures(zh_app, clips):
    from app.ui.console.wall_bench import run_wall

    announced = []
    figures = run_wall([f"file:{clips[0]}", f"file:{clips[0]}"], 2.0, announce=announced.append)
    assert announced == ["LIVE"] and figures.tiles == 2 and figures.lost_tiles == 0
    assert figures.pictures_shown >= 2 and 0 < figures.cpu_pct_of_one_core < 200


def test_more_than_sixteen_cameras_go_on_pages(zh_app, qtbot):
    wall = CameraWall()
    qtbot.addWidget(wall)
    wall.set_cameras([WallCamera(f"cam{n:02d}", "R01", f"sim:nowhere{n}") for n in range(18)])
    assert wall.pages == 2 and len(wall.tiles) == 16 and not wall.running
    with qtbot.waitSignal(wall.page_changed, timeout=TIMEOUT):
        wall.show_page(1)
    assert [tile.camera.camera_id for tile in wall.tiles] == ["cam16", "cam17"]
    assert wall.grid.columnStretch(1) == 1 and wall.grid.columnStretch(2) == 0  # two tiles: two columns


def test_the_video_disk_forecast_is_measured_and_a_warning_stays_in_sight(wall_panel, qtbot):
    panel, _ = wall_panel
    qtbot.waitUntil(lambda: panel.forecast is not None, timeout=TIMEOUT)  # measured when the panel showed
    assert panel.forecast.free_bytes > 0 and panel.forecast.total_bytes >= panel.forecast.free_bytes
    # 6 GB free of 1 TB while 16 cameras write 4 Mbit/s each: about 0.2 hours left
    panel.show_forecast(forecast(6_000_000_000, 1_000_000_000_000, 16 * 4e6 / 8))
    assert panel.disk.isVisible() and panel.forecast.level is SpaceLevel.CRITICAL
    assert panel.forecast.sentence in panel.disk.text()
    panel.show_forecast(forecast(900_000_000_000, 1_000_000_000_000, 16 * 4e6 / 8))
    assert not panel.disk.isVisible()
