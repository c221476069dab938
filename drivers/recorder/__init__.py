"""Evidence recording by stream copy (issue 5): `SegmentRecorder` turns one source into hashed segments."""

from drivers.recorder.factory import (  # ffmpeg subprocess, USB encoding
    chosen_backend,
    make_recorder,
)
from drivers.recorder.segment_recorder import (
    PARTIAL_SUFFIX,
    SEGMENT_SUFFIX,
    Gap,
    Segment,
    SegmentRecorder,
    segment_name,
)

__all__ = ["PARTIAL_SUFFIX", "SEGMENT_SUFFIX", "Gap", "Segment", "SegmentRecorder", "chosen_backend",
           "make_recorder", "segment_name"]
