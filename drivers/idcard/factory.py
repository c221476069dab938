"""``open_card_reader(spec)``: a reader from a spec string, with a clear error when there is none.

- ``serial:/dev/ttyUSB0``, ``serial:COM3``: a SAM_V reader on that port
- ``sim:NAME``: the running ``SimulatedCardReader`` of that name, through its pty (real driver)
- ``auto``: the first likely serial port (USB-serial adapters first) whose device answers the
  SAM_V number command
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable

from app.i18n import tr

from .errors import ReaderUnavailable
from .photo import PhotoDecoding
from .reader import SerialCardReader

#: USB vendor:product ids of the USB-serial chips found in ID card readers.
USB_SERIAL_ADAPTERS = {
    (0x1A86, 0x7523): "CH340", (0x1A86, 0x5523): "CH341", (0x10C4, 0xEA60): "CP210x",
    (0x0403, 0x6001): "FTDI FT232R", (0x0403, 0x6015): "FTDI FT231X", (0x067B, 0x2303): "PL2303",
}
PROBE_TIMEOUT = 0.5


def open_card_reader(spec: str, *, response_timeout: float = 2.0, photo: PhotoDecoding | None = None,
                     candidates: Iterable[str] | None = None) -> SerialCardReader:
    kind, _, rest = spec.partition(":")
    kind = kind.strip().lower()
    if kind == "serial" and rest:
        return SerialCardReader(rest, response_timeout=response_timeout, photo=photo)
    if kind == "sim" and rest:
        from .simulator import running_simulator

        simulator = running_simulator(rest)
        if simulator is None or not simulator.running:
            raise ReaderUnavailable(tr("There is no simulated ID card reader named {name}.", name=rest))
        return SerialCardReader(simulator.device_path, response_timeout=response_timeout, photo=photo)
    if kind == "auto" and not rest:
        return probe(candidate_ports() if candidates is None else list(candidates),
                     response_timeout=response_timeout, photo=photo)
    raise ReaderUnavailable(tr("Unknown ID card reader {spec}; use serial:PORT, sim:NAME or auto.", spec=spec))


def candidate_ports() -> list[str]:
    """Likely ports, USB-serial adapters of known readers first."""
    ports: list[str] = []
    try:
        from serial.tools import list_ports

        listed = sorted(list_ports.comports(), key=lambda info: (info.vid, info.pid) not in USB_SERIAL_ADAPTERS)
        ports = [info.device for info in listed]
    except ImportError:
        pass
    if sys.platform.startswith("linux"):
        for pattern in ("/dev/ttyUSB*", "/dev/ttyACM*"):
            ports += [path for path in sorted(glob.glob(pattern)) if path not in ports]
    return ports


def probe(ports: list[str], *, response_timeout: float = 2.0, photo: PhotoDecoding | None = None) -> SerialCardReader:
    """The first port whose device answers the SAM_V number command."""
    for port in ports:
        try:
            reader = SerialCardReader(port, response_timeout=PROBE_TIMEOUT, photo=photo)
        except ReaderUnavailable:
            continue
        try:
            reader.sam_id()
        except Exception:  # noqa: BLE001 - anything that does not answer is not a reader
            reader.close()
            continue
        reader.response_timeout = response_timeout
        return reader
    raise ReaderUnavailable(tr("No ID card reader answered on any of these ports: {ports}.",
                               ports=", ".join(ports) or "-"))
