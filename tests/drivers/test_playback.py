"""Playing recorded segments back, and key-frame-only previews, on clips made here with PyAV."""

from __future__ import annotations

import math

import pytest
from test_camera_contract import make_clip

from drivers.camera.playback import SegmentPlayer
from drivers.camera.pyav_source import VideoFileCamera
from drivers.errors import DeviceError, DeviceUnavailable

FPS = 15  # make_clip: one key frame a second


@pytest.fixture(scope="module")
def segments(tmp_path_factory):
    folder = tmp_path_factory.mktemp("segments")
    return [make_clip(folder / f"cam1-{n:06d}.mp4", seconds=2, size=(160, 96), fps=FPS) for n in range(2)]


def _drain(source) -> list:
    frames, files = [], []
    with pytest.raises(DeviceError, match="ended"):
        while True:
            frames.append(source.read(timeout=3))
            files.append(getattr(source, "current_file", None))
    return frames, files


def test_segments_play_in_order_from_an_offset(segments):
    player = SegmentPlayer(segments, offset=1.0)
    player.open()
    try:
        frames, files = _drain(player)
    finally:
        player.close()
    # one second of the first segment (from its key frame at 1 s) and all of the second
    assert len(frames) == FPS + 2 * FPS
    assert files[0] == segments[0] and files[-1] == segments[1]


def test_nothing_to_play_is_a_sentence():
    with pytest.raises(DeviceUnavailable, match="no recorded video"):
        SegmentPlayer([])


def test_key_frames_only_decodes_one_picture_per_gop_and_scales(segments):
    source = VideoFileCamera(segments[0], loop=False)
    source.keyframes_only, source.output_width = True, 80
    source.open()
    try:
        frames, _ = _drain(source)
    finally:
        source.close()
    assert len(frames) == 2  # a 2 s clip with a key frame every second
    assert frames[0].image.shape == (48, 80, 3)


def test_playback_starts_at_the_instant_asked_for_in_a_transport_stream(tmp_path):
    """Seeking in MPEG-TS (what the recorder writes) is imprecise; the player must still start at the offset."""
    import av

    clip = make_clip(tmp_path / "clip.mp4", seconds=3, size=(160, 96), fps=FPS)
    segment = tmp_path / "cam1-000000.ts"
    with av.open(str(clip)) as source, av.open(str(segment), "w", format="mpegts") as out:
        stream_in = source.streams.video[0]
        stream_out = out.add_stream_from_template(stream_in)
        for packet in source.demux(stream_in):
            if packet.dts is not None:
                packet.stream = stream_out
                out.mux(packet)
    for offset in (0.5, 1.2, 2.0):
        player = SegmentPlayer([segment], offset=offset)
        player.open()
        try:
            frames, _ = _drain(player)
        finally:
            player.close()
        assert len(frames) == 3 * FPS - math.ceil(offset * FPS - 0.01), offset  # from the first picture at ≥ offset
