"""The camera wall without a screen: the bench's wall process, and the documentation screenshots.

    QT_QPA_PLATFORM=offscreen python -m app.ui.console.wall_bench bench --seconds 30 rtsp://… rtsp://…
    QT_QPA_PLATFORM=offscreen python -m app.ui.console.wall_bench shots docs/screenshots

`bench`: builds the wall (1366×768, offscreen) for N camera URLs — main streams, so every tile
decodes key frames only — waits until every tile shows a picture, prints `LIVE`, runs S seconds,
stops and joins the workers and prints one JSON line: its own CPU over the window and the pictures
shown. `examsite bench video --wall` runs it beside the recorder and reads its CPU from /proc.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from app.ui.console.camera_tile import WallCamera
from app.ui.console.camera_wall import CameraWall

WALL_SIZE = (1366, 768)
LIVE_TIMEOUT = 60.0


@dataclass
class WallFigures:
    tiles: int
    seconds: float
    cpu_pct_of_one_core: float  # this process (GUI thread + every tile worker)
    cpu_pct_total: float  # of the whole machine
    pictures_shown: int
    pictures_per_tile_per_s: float
    lost_tiles: int
    cores: int


def _run_loop(seconds: float, until=None) -> bool:
    """Run the event loop for `seconds`, or until `until()` holds (checked every 100 ms); True if it held."""
    loop = QEventLoop()
    deadline = time.monotonic() + seconds
    held = []

    def check() -> None:
        if until is not None and until():
            held.append(True)
            loop.quit()
        elif time.monotonic() >= deadline:
            loop.quit()

    timer = QTimer(interval=100)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    return bool(held)


def run_wall(urls: list[str], seconds: float, announce=lambda line: None) -> WallFigures:
    """Show a wall of `urls` for `seconds` once every tile has a picture; the figures of this process."""
    from app.ui.app import prepare_application

    prepare_application("zh_CN")
    wall = CameraWall()
    wall.set_cameras([WallCamera(f"cam{index + 1:02d}", "BENCH", url) for index, url in enumerate(urls)])
    wall.resize(*WALL_SIZE)
    wall.show()
    wall.start()
    try:
        if not _run_loop(LIVE_TIMEOUT, lambda: all(tile.frames_shown for tile in wall.tiles)):
            raise TimeoutError("not every tile showed a picture within 60 s")
        announce("LIVE")
        shown0 = sum(tile.frames_shown for tile in wall.tiles)
        cpu0, t0 = sum(os.times()[:2]), time.monotonic()
        _run_loop(seconds)
        cpu1, t1 = sum(os.times()[:2]), time.monotonic()
        shown = sum(tile.frames_shown for tile in wall.tiles) - shown0
        lost = len(wall.lost_tiles())
    finally:
        wall.stop()
        wall.close()
        wall.deleteLater()
    elapsed = t1 - t0
    cores = os.cpu_count() or 1
    core_pct = 100 * (cpu1 - cpu0) / elapsed
    return WallFigures(tiles=len(urls), seconds=round(elapsed, 1), cpu_pct_of_one_core=round(core_pct, 1),
                       cpu_pct_total=round(core_pct / cores, 1), pictures_shown=shown,
                       pictures_per_tile_per_s=round(shown / elapsed / max(1, len(urls)), 2), lost_tiles=lost,
                       cores=cores)


# -- a recorded session for the playback panel (tests and screenshots) -------------------------------

def record_session(directory: Path, clip: Path, sign, public: bytes, *, camera: str = "cam1", session: str = "S1",
                   first: float = 5.0, silence: float = 2.5, second: float = 5.0, segment_seconds: float = 2.0,
                   markers: tuple[tuple[int, float, str, str], ...] = ()) -> Path:
    """A real session directory: `clip` recorded by stream copy (SegmentRecorder), a real gap (a camera
    address nobody answers), recorded again, then incident markers and an operator action.

    `markers`: (segment index, seconds into it, label, by) — placed on recorded video.
    """
    import socket

    from app.video.manifest import Manifest
    from drivers.recorder import SegmentRecorder

    manifest = Manifest.create(directory, session, sign, public, camera=camera)
    segments = []

    def on_segment(segment) -> None:
        segments.append(segment)
        manifest.add_segment(camera=camera, seq=segment.seq, file=segment.path.name, sha256=segment.sha256,
                             size=segment.size, duration_ms=segment.duration_ms, started_at=segment.started_at,
                             ended_at=segment.ended_at, codec=segment.codec)

    def on_gap(gap) -> None:
        manifest.add_gap(camera=camera, started_at=gap.started_at, detected_at=gap.detected_at, reason=gap.reason)

    with socket.socket() as probe:  # a port nobody listens on: the camera "does not answer"
        probe.bind(("127.0.0.1", 0))
        dead = f"rtsp://127.0.0.1:{probe.getsockname()[1]}/{camera}"
    manifest.add_action(action="recording started", by="schedule", camera=camera)
    recorder = SegmentRecorder(str(clip), directory, camera, segment_seconds, on_segment=on_segment, on_gap=on_gap)
    recorder.record_for(first)
    SegmentRecorder(dead, directory, camera, segment_seconds, on_gap=on_gap, first_seq=recorder.next_seq,
                    open_timeout=1.0).record_for(silence)
    SegmentRecorder(str(clip), directory, camera, segment_seconds, on_segment=on_segment, on_gap=on_gap,
                    first_seq=recorder.next_seq).record_for(second)
    for index, seconds, label, by in markers:
        segment = segments[min(index, len(segments) - 1)]
        manifest.add_marker(label=label, by=by, at=segment.started_at + timedelta(seconds=seconds))
    manifest.sign_head()
    return directory


# -- documentation screenshots -----------------------------------------------------------------------

def _room_picture(room: str, camera: int, size: tuple[int, int] = (960, 540)):
    """A drawn exam room as a camera sees it: whiteboard, rows of desks, candidates, the camera's caption."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPolygonF

    width, height = size
    image = QImage(width, height, QImage.Format.Format_RGB888)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(0, 0, width, height, QColor("#c9c2b4"))
    painter.fillRect(0, int(height * 0.42), width, height, QColor("#8f8878"))
    board = QRectF(width * 0.25, height * 0.08, width * 0.5, height * 0.2)
    painter.fillRect(board, QColor("#eef2ef"))
    painter.setPen(QColor("#3b4a5a"))
    font = QFont()
    font.setPixelSize(int(height * 0.045))
    painter.setFont(font)
    painter.drawText(board, Qt.AlignmentFlag.AlignCenter, f"职业技能等级认定 · 考场 {room}")
    shift = (camera % 3 - 1) * width * 0.05
    for row in range(4):
        depth = 0.45 + row * 0.14
        desk_w, desk_h = width * (0.09 + row * 0.025), height * (0.035 + row * 0.012)
        for column in range(5):
            cx = width / 2 + shift + (column - 2) * width * (0.14 + row * 0.04)
            cy = height * depth
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#3d4450"))
            painter.drawEllipse(QPointF(cx, cy - desk_h * 1.5), desk_h * 0.9, desk_h * 1.1)
            painter.setBrush(QColor(["#4f6d8c", "#8c5a4f", "#5a7d5a", "#6b5b8c"][(row + column + camera) % 4]))
            painter.drawEllipse(QPointF(cx, cy - desk_h * 0.2), desk_h * 1.4, desk_h * 0.9)
            painter.setBrush(QColor("#b08a5a"))
            painter.drawPolygon(QPolygonF([QPointF(cx - desk_w / 2, cy), QPointF(cx + desk_w / 2, cy),
                                           QPointF(cx + desk_w / 2 * 1.08, cy + desk_h),
                                           QPointF(cx - desk_w / 2 * 1.08, cy + desk_h)]))
    painter.end()
    return image


def _room_camera(room: str, camera: int, name: str):
    """A SimulatedCamera showing the room with a running caption (registered as sim:NAME)."""
    from PySide6.QtGui import QColor, QFont, QPainter

    from app.ui.desk.images import qimage_to_bgr
    from drivers.camera import SimulatedCamera

    base = _room_picture(room, camera)
    captions = []
    for second in range(4):
        frame = base.copy()
        painter = QPainter(frame)
        font = QFont()
        font.setPixelSize(22)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        stamp = datetime.now() + timedelta(seconds=second)
        painter.drawText(16, 32, f"{stamp:%Y-%m-%d %H:%M:%S}  {room}-{camera}")
        painter.end()
        captions.append(qimage_to_bgr(frame))
    return SimulatedCamera(frames=captions, fps=1, size=(base.width(), base.height())).register(name)


def take_screenshots(out: Path) -> None:
    """camera-wall.png and playback-timeline.png at 1366×768 in Chinese, from the real console on a demo site."""
    import shutil
    import tempfile
    from datetime import UTC

    from PySide6.QtCore import QCoreApplication, QEvent

    from app.domain.roles import Role
    from app.services.auth import AuthService
    from app.services.recording import RecordingService
    from app.simulation.demo_site import create_demo_site
    from app.ui import tasks
    from app.ui.app import WINDOW_SIZE, prepare_application, save_screenshot
    from app.ui.console.window import ConsoleWindow
    from app.video.channel import camera_directory
    from app.video.status import RECONNECTING, RECORDING, SILENT, CameraStatus, write_status
    from drivers.camera import SimulatedCamera
    from drivers.recorder.clips import make_clip

    root = Path(tempfile.mkdtemp(prefix="examsite-wall-shots-"))
    app = prepare_application("zh_CN")
    _extra_translations(app)
    demo = create_demo_site(root / "site", candidates=24)
    names = []
    try:
        site = demo.site
        auth = AuthService(site)
        admin = auth.login(*next((no, secret) for no, (role, secret) in demo.credentials.items() if role == Role.ADMIN),
                           Role.ADMIN)
        service = RecordingService(site)
        rooms = ["R01", "R02", "R03", "P01"]
        for index in range(16):
            room, name = rooms[index // 4], f"wallshot{index}"
            names.append(name)
            _room_camera(room, index % 4 + 1, name)
            service.add_camera(admin, f"{room}-cam{index % 4 + 1}", room, f"sim:{name}", kind="sim")
        proctor_no, (_role, secret) = next((no, v) for no, v in demo.credentials.items() if v[0] == Role.PROCTOR)
        console = ConsoleWindow(site, auth.login(proctor_no, secret, Role.PROCTOR), demo=demo)
        console.resize(*WINDOW_SIZE)
        console.show()
        panel = console.camera_wall_panel
        console.show_panel(panel)
        _run_loop(20, lambda: len(panel.wall.tiles) == 16 and all(t.frames_shown for t in panel.wall.tiles))
        SimulatedCamera.lookup("wallshot5").unplug()  # R02-cam2's cable pulled: the preview is lost too
        now = datetime.now(UTC)
        statuses = []
        for tile in panel.wall.tiles:
            camera = tile.camera
            state, since = RECORDING, now - timedelta(minutes=42)
            if camera.camera_id == "R02-cam2":
                state, since = RECONNECTING, now - timedelta(seconds=37)
            elif camera.camera_id == "R03-cam4":
                state, since = SILENT, now - timedelta(seconds=4)
            statuses.append(CameraStatus(
                camera_id=camera.camera_id, room=camera.room, session="TH1", state=state, since=since,
                last_segment_at=now - timedelta(seconds=7 + len(statuses) % 5), bytes=1_200_000_000,
                gaps=1 if state != RECORDING else 0, rate=340_000.0 + 9_000 * (len(statuses) % 4),
                directory=camera_directory(site.home, "PLAN", "TH1", camera.room, camera.camera_id), packets=90_000))
        write_status(site.home, os.getpid(), statuses)
        panel.poll_status()
        _run_loop(10, lambda: panel.wall.tile("R02-cam2").lost and panel.wall.tile("R03-cam4").lost)
        _run_loop(0.5)
        save_screenshot(console, out / "camera-wall.png")
        print(out / "camera-wall.png")

        clip = make_clip(root / "clip.mp4", seconds=4, size=(1280, 720), fps=15, gop_seconds=1.0)
        directory = camera_directory(site.home, "PLAN", "TH1", "R01", "R01-cam1")
        record_session(directory, clip, site.require_keys().sign, site.public.signing_public, camera="R01-cam1",
                       session="TH1", first=9, silence=4, second=9, segment_seconds=3, markers=(
                           (1, 1.5, "考生 A012 离开座位", "P001"), (3, 1.0, "考生 A007 终端重启", "P002"),
                           (4, 2.0, "督导员进入考场", "S001")))
        playback = console.playback_panel
        console.show_panel(playback)
        _run_loop(20, lambda: playback.timeline is not None and playback.timeline.segments)
        playback.markers.setCurrentRow(playback.markers.count() - 1)
        _run_loop(10, lambda: playback.picture_at is not None)
        playback.pause()
        _run_loop(0.3)
        save_screenshot(console, out / "playback-timeline.png")
        print(out / "playback-timeline.png")
        console.close()
        console.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        for name in names:
            SimulatedCamera.unregister(name)
        tasks.wait_for_all()
        demo.site.close()
        shutil.rmtree(root, ignore_errors=True)


def _extra_translations(app) -> None:
    """While the lead has not merged this panel's sentences into the catalog: the engineer's own list."""
    from PySide6.QtCore import QTranslator

    path = Path(os.environ.get("EXAMSITE_EXTRA_ZH", "/tmp/zh/video-wall.json"))
    if not path.is_file():
        return
    table = json.loads(path.read_text(encoding="utf-8"))

    class JsonTranslator(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):  # noqa: N802
            return table.get(source)  # None: the next translator (the catalog) answers

        def isEmpty(self) -> bool:  # noqa: N802
            return False

    translator = JsonTranslator(app)
    app.installTranslator(translator)
    app._wall_extra_translator = translator


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.ui.console.wall_bench")
    verbs = parser.add_subparsers(dest="verb", required=True)
    bench = verbs.add_parser("bench", help="a wall of N camera URLs for S seconds; one JSON line")
    bench.add_argument("--seconds", type=float, default=30)
    bench.add_argument("urls", nargs="+")
    shots = verbs.add_parser("shots", help="the documentation screenshots")
    shots.add_argument("out", nargs="?", default="docs/screenshots")
    args = parser.parse_args(argv)
    if args.verb == "shots":
        take_screenshots(Path(args.out))
        return 0
    figures = run_wall(args.urls, args.seconds, announce=lambda line: print(line, flush=True))
    print(json.dumps({"bench": "wall", **asdict(figures)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
