"""Playback on a real session directory: a clip recorded by stream copy (SegmentRecorder), a real gap
(a camera address nobody answers), markers in a manifest signed with the site key, verified off
the GUI thread; the timeline, the marker list and the player's segment and offset."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.domain.roles import Role
from app.ui.console.playback_panel import MARKER_LEAD, PlaybackPanel, find_recordings
from app.ui.console.timeline_widget import TimelineWidget
from app.ui.console.wall_bench import record_session
from app.video.channel import camera_directory
from app.video.timeline import read_timeline
from drivers.recorder.clips import make_clip

pytestmark = pytest.mark.slow  # the session is recorded in real time (about 12 s, once per module)
TIMEOUT = 15_000
MARKERS = ((1, 1.5, "Candidate A012 left the seat", "P001"), (3, 1.0, "Terminal restarted", "P002"))


@pytest.fixture(scope="module")
def recording(demo, tmp_path_factory):
    clip = make_clip(tmp_path_factory.mktemp("playback") / "clip.mp4", seconds=4, size=(320, 180), fps=15,
                     gop_seconds=1.0)
    directory = camera_directory(demo.site.home, "PLAN", "TH1", "R01", "cam1")
    site = demo.site
    record_session(directory, clip, site.require_keys().sign, site.public.signing_public, camera="cam1",
                   session="TH1", first=5, silence=2.5, second=5, segment_seconds=2, markers=MARKERS)
    return directory


@pytest.fixture
def panel(zh_app, demo, qtbot, log_in, recording):
    panel = PlaybackPanel(demo.site, log_in(Role.SUPERVISOR))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.opened, timeout=TIMEOUT):
        panel.resize(1166, 700)
        panel.show()
    yield panel
    panel.shutdown()


def test_the_recording_is_found_verified_and_its_timeline_shown(panel, recording, demo):
    assert find_recordings(demo.site.home) == [recording]
    assert panel.choice.currentData() == str(recording)
    report, timeline = panel.report, panel.timeline
    assert report.ok and report.gaps == 1 and report.markers == 2 and report.segments >= 4
    assert panel.verdict.objectName() == "success"
    assert len(timeline.gaps) == 1 and "127.0.0.1" in timeline.gaps[0].reason
    gap = timeline.gaps[0]
    assert (gap.end - gap.start).total_seconds() >= 2.0  # the silence is on the timeline, not hidden
    # incidents and the operator's "recording started" actions are flags and list rows, in time order
    assert panel.markers.count() == len(timeline.markers) == 3
    labels = [panel.markers.item(row).text() for row in range(panel.markers.count())]
    assert any("Candidate A012 left the seat" in text for text in labels)
    bar = panel.timeline_bar
    assert bar.timeline is timeline
    middle = gap.start + (gap.end - gap.start) / 2
    assert timeline.gaps[0].reason in bar.describe(QPoint(round(bar.x_of(middle)), bar.bar_rect().center().y()))
    incident = next(m for m in timeline.markers if m.kind == "marker")
    assert "Candidate A012" in bar.describe(QPoint(round(bar.x_of(incident.at)), 10))


def test_choosing_a_marker_plays_from_a_few_seconds_before_it(panel, qtbot):
    timeline = panel.timeline
    incidents = [m for m in timeline.markers if m.kind == "marker"]
    marker = incidents[1]  # in the second recording, after the gap
    row = list(timeline.markers).index(marker)
    with qtbot.waitSignal(panel.seeked, timeout=TIMEOUT) as seeked:
        panel.markers.setCurrentRow(row)
    seek = seeked.args[0]
    expected_segment, expected_offset = timeline.locate(marker.at - MARKER_LEAD)
    assert seek.at == marker.at - MARKER_LEAD
    assert seek.segment == expected_segment and seek.offset == pytest.approx(expected_offset)
    with qtbot.waitSignal(panel.picture_shown, timeout=TIMEOUT) as shown:
        pass
    picture_at, segment, position = shown.args
    assert segment == expected_segment  # the right file …
    assert expected_offset - 1.1 <= position <= expected_offset + 0.5  # … from the key frame before the offset
    assert picture_at == expected_segment.start + timedelta(seconds=position)
    assert panel.playing and panel.timeline_bar.playhead == picture_at
    qtbot.waitUntil(lambda: panel.picture_at > picture_at, timeout=TIMEOUT)  # it plays on
    panel.pause()
    assert not panel.playing and panel.worker is None


def test_a_click_on_the_timeline_seeks_and_play_runs_to_the_end(panel, qtbot):
    timeline = panel.timeline
    bar = panel.timeline_bar
    last = timeline.segments[-1]
    target = last.start + timedelta(seconds=last.seconds / 2)
    with qtbot.waitSignal(panel.seeked, timeout=TIMEOUT) as seeked:
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(round(bar.x_of(target)), bar.bar_rect().center().y()))
    assert seeked.args[0].segment == last and not panel.playing  # paused: one picture is shown
    qtbot.waitUntil(lambda: panel.picture_at is not None and panel.worker is None, timeout=TIMEOUT)
    with qtbot.waitSignal(panel.playing_changed, check_params_cb=lambda playing: not playing, timeout=TIMEOUT):
        panel.play()  # from the shown picture to the end of the last segment
    assert panel.worker is None and panel.view.sentence == panel.tr("End of the recording")


def test_a_modified_segment_is_named_above_the_picture(panel, qtbot, recording, tmp_path):
    import shutil

    copy = tmp_path / "video" / "copy"
    shutil.copytree(recording, copy)
    victim = sorted(copy.glob("*.ts"))[1]
    data = bytearray(victim.read_bytes())
    data[1000] ^= 0xFF
    victim.write_bytes(bytes(data))
    with qtbot.waitSignal(panel.opened, timeout=TIMEOUT) as opened:
        panel.open_directory(copy)
    assert not opened.args[0].ok
    assert panel.verdict.objectName() == "error" and victim.name in panel.verdict.text()


def test_the_timeline_zooms_around_the_pointer_and_shows_all_again(zh_app, qtbot, recording):
    bar = TimelineWidget()
    qtbot.addWidget(bar)
    bar.resize(800, 80)
    timeline = read_timeline(recording)
    bar.set_timeline(timeline)
    whole = bar.view_end - bar.view_start
    middle = timeline.start + (timeline.end - timeline.start) / 2
    bar.zoom(0.5, middle)
    assert (bar.view_end - bar.view_start).total_seconds() == pytest.approx(whole.total_seconds() * 0.5, abs=0.01)
    assert bar.view_start < middle < bar.view_end
    bar.zoom(4, middle)
    assert bar.view_end - bar.view_start == whole
