"""The recorder process body encodes a USB camera (here the simulated one) into verifiable segments."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from app.security import SigningKey
from app.video.channel import Assignment, camera_directory, write_desired
from app.video.manifest import verify_directory
from app.video.recorder_process import RecorderProcess
from app.video.status import RECORDING
from drivers.camera import SimulatedCamera

pytestmark = pytest.mark.slow


def test_a_usb_camera_is_encoded_and_reported_like_any_other(tmp_path):
    SimulatedCamera(fps=15, size=(640, 360), name="usb-desk").register("usb-desk")  # what "sim:usb-desk" opens
    key = SigningKey.generate()
    directory = camera_directory(tmp_path, "P1", "TH1", "R01", "usb1")
    write_desired(tmp_path, [Assignment("P1", "TH1", "R01", "usb1", "sim:usb-desk", "usb", str(directory),
                                        datetime.now(UTC), "schedule", 1.0)])
    process = RecorderProcess(tmp_path, key.sign, key.public_key, read_timeout=3.0)
    try:
        process.step()
        running = next(iter(process.running.values()))
        assert type(running.recorder).__name__ == "UsbEncoderRecorder"
        # the recorder's own thread writes segment files; poll the folder (no signal to wait on)
        for _ in range(100):
            if len(list(directory.glob("usb1-*.ts"))) >= 2:
                break
            time.sleep(0.1)
        states = {status.camera_id: status.state for status in process.camera_states()}
        assert states == {"usb1": RECORDING}
    finally:
        process.shutdown()
    assert len(list(directory.glob("usb1-*.ts"))) >= 2
    assert verify_directory(directory, key.public_key).ok
