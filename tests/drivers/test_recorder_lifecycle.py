"""The recorders' shared lifecycle: reconnection backoff, gaps, stop, record_for and segment files.

`ScriptedRecorder` is a real backend of ReconnectingRecorder whose source follows a script: each
pass fails, works for a while and then fails, records until stop, or ends. Its stop event answers
the recorder thread's backoff waits at once and writes down how long each would have been.
"""

from __future__ import annotations

import hashlib
import threading
import time
from datetime import UTC, datetime

import pytest

from drivers.errors import DeviceUnavailable
from drivers.recorder.lifecycle import (
    PARTIAL_SUFFIX,
    Gap,
    ReconnectingRecorder,
    Segment,
    SourceLost,
    segment_name,
)


class BackoffClock(threading.Event):
    """The stop event: on the recorder thread, a wait is written down and answered at once."""

    def __init__(self) -> None:
        super().__init__()
        self.waits: list[float] = []

    def wait(self, timeout: float | None = None) -> bool:
        if threading.current_thread() is not threading.main_thread() and timeout is not None:
            self.waits.append(timeout)
            return super().wait(0)
        return super().wait(timeout)


class ScriptedRecorder(ReconnectingRecorder):
    """Each pass takes the next step: fail, work (a segment, then the source drops), record (until stop), end."""

    thread_prefix = "recorder-scripted"

    def __init__(self, tmp_path, script, **options) -> None:
        self.segments: list[Segment] = []
        self.gaps: list[Gap] = []
        super().__init__(tmp_path, "cam9", 60, on_segment=self.segments.append, on_gap=self.gaps.append,
                         first_seq=options.pop("first_seq", 1), read_timeout=options.pop("read_timeout", 1.0),
                         sync_interval=1.0, reconnect_backoff=options.pop("reconnect_backoff", (0.5, 4.0)))
        self._stop = BackoffClock()
        self.script = list(script)
        self.passes = 0
        self.disconnects = 0
        self.recording = threading.Event()

    def _record_once(self) -> bool:
        self.passes += 1
        step = self.script.pop(0) if self.script else "end"
        if step == "fail":
            raise SourceLost(f"pass {self.passes}: no answer", reset_backoff=False)
        if step == "end":
            return True
        self._receive(f"pass {self.passes}\n".encode())
        if step == "work":
            raise SourceLost(f"pass {self.passes}: dropped", reset_backoff=True)
        self.recording.set()
        self._stop.wait()
        return False

    def _receive(self, data: bytes) -> None:
        self._gap_open, self._last_packet_at = False, datetime.now(UTC)
        if self._segment is None:
            self._segment = self._new_segment_file()
            self._segment.update(started_at=self._last_packet_at, codec="h264", packets=0)
        self._segment["sink"].write(data)
        self._segment["packets"] += 1

    def _disconnect(self) -> None:
        self.disconnects += 1
        segment, self._segment = self._segment, None
        if segment is not None:
            digest = segment["sink"].close()
            self._publish(segment, digest, 1000, segment["packets"], segment["codec"])


def test_the_wait_doubles_after_each_failure_up_to_the_cap_and_starts_again_after_a_good_connection(tmp_path):
    recorder = ScriptedRecorder(tmp_path, ["fail"] * 5 + ["work", "fail", "fail", "end"])
    recorder.record_for(30)  # returns when the script has ended
    assert not recorder.running and recorder.error is None
    assert recorder._stop.waits == [0.5, 1.0, 2.0, 4.0, 4.0, 0.5, 1.0, 2.0]
    assert recorder.passes == 9
    assert recorder.disconnects == 9 + 1  # after every pass, and once more when the thread ends


def test_one_gap_per_outage_however_many_attempts_fail(tmp_path):
    recorder = ScriptedRecorder(tmp_path, ["fail", "fail", "work", "fail", "fail", "end"])
    recorder.record_for(30)  # returns when the script has ended
    assert [gap.reason for gap in recorder.gaps] == ["pass 1: no answer", "pass 3: dropped"]
    assert all(gap.camera_id == "cam9" and gap.started_at <= gap.detected_at for gap in recorder.gaps)
    assert recorder.gaps[1].started_at == recorder.last_packet_at  # the outage starts at the last data received


def test_a_segment_is_renamed_hashed_and_reported_when_its_pass_ends(tmp_path):
    recorder = ScriptedRecorder(tmp_path, ["work", "work", "end"], first_seq=7)
    recorder.record_for(30)  # returns when the script has ended
    assert [segment.seq for segment in recorder.segments] == [7, 8] and recorder.next_seq == 9
    for segment in recorder.segments:
        assert segment.path == tmp_path / segment_name("cam9", segment.seq) and segment.path.is_file()
        assert segment.sha256 == hashlib.sha256(segment.path.read_bytes()).hexdigest()
        assert segment.size == segment.path.stat().st_size and segment.packets == 1
    assert segment_name("cam9", 7) == "cam9-000007.ts"
    assert not list(tmp_path.glob(f"*{PARTIAL_SUFFIX}"))


def test_stop_ends_a_pass_that_records_closes_its_segment_and_joins_the_thread(tmp_path):
    recorder = ScriptedRecorder(tmp_path, ["record"])
    recorder.start()
    recorder.start()  # a second start is nothing
    assert recorder.recording.wait(10)
    assert recorder.running and recorder._thread.name == "recorder-scripted-cam9"
    assert recorder.receiving
    recorder.stop()
    assert not recorder.running and recorder._thread is None
    assert [segment.seq for segment in recorder.segments] == [1] and not recorder.gaps


def test_record_for_returns_when_the_source_ends_before_the_time_is_up(tmp_path):
    recorder = ScriptedRecorder(tmp_path, ["work", "end"])
    began = time.monotonic()
    recorder.record_for(30)
    assert time.monotonic() - began < 10
    assert not recorder.running and recorder.passes == 2


def test_record_for_records_for_the_time_asked_then_stops(tmp_path):
    recorder = ScriptedRecorder(tmp_path, ["record"])
    began = time.monotonic()
    recorder.record_for(0.3)
    assert 0.3 <= time.monotonic() - began < 5
    assert not recorder.running and recorder.recording.is_set() and len(recorder.segments) == 1


class UnknownSource(ScriptedRecorder):
    final_errors = (DeviceUnavailable,)

    def _prepare(self) -> None:
        raise DeviceUnavailable("There is no camera sim:nobody.")


def test_a_final_error_ends_the_thread_with_a_gap_and_is_kept(tmp_path):
    recorder = UnknownSource(tmp_path, ["work"])
    recorder.record_for(30)  # returns when the script has ended
    assert isinstance(recorder.error, DeviceUnavailable) and recorder.passes == 0
    assert [gap.reason for gap in recorder.gaps] == ["There is no camera sim:nobody."]


class Buggy(ScriptedRecorder):
    def _record_once(self) -> bool:
        self._receive(b"before the bug\n")
        raise ZeroDivisionError("a bug")


def test_a_bug_is_kept_for_the_caller_and_the_open_segment_is_still_closed(tmp_path, monkeypatch):
    crashes: list[threading.ExceptHookArgs] = []
    monkeypatch.setattr(threading, "excepthook", crashes.append)
    recorder = Buggy(tmp_path, [])
    recorder.record_for(30)  # returns when the script has ended
    assert isinstance(recorder.error, ZeroDivisionError) and not recorder.gaps
    assert [type(crash.exc_value) for crash in crashes] == [ZeroDivisionError]
    assert [segment.seq for segment in recorder.segments] == [1] and recorder.segments[0].path.is_file()


@pytest.mark.parametrize("backoff", [(0.2, 0.5), (1.0, 1.0)])
def test_the_wait_never_passes_the_cap(tmp_path, backoff):
    recorder = ScriptedRecorder(tmp_path, ["fail"] * 6 + ["end"], reconnect_backoff=backoff)
    recorder.record_for(30)  # returns when the script has ended
    assert recorder._stop.waits[0] == backoff[0] and max(recorder._stop.waits) == backoff[1]
    assert len(recorder._stop.waits) == 6
