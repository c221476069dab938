"""Second-generation ID card readers (二代证阅读器) speaking the SAM_V frame protocol over serial.

    from drivers.idcard import open_card_reader, CardReaderWorker
    with open_card_reader("serial:/dev/ttyUSB0") as reader:
        card = reader.read_card(timeout=5)      # IdCard, or None when no card was placed

See docs/idcard-reader.md for the protocol, the card layouts and the photo plug-in.
"""

from __future__ import annotations

from .card import FOREIGN_PERMANENT, HMT_RESIDENCE, RESIDENT, IdCard, encode_text, parse_text
from .errors import (CardDataInvalid, CardReadFailed, FrameChecksumError, ReaderGarbage, ReaderTimeout,
                     ReaderUnavailable)
from .factory import open_card_reader
from .photo import PhotoDecoding, WltDecoder
from .reader import CardReader, SerialCardReader
from .simulator import Fault, SimulatedCardReader
from .worker import CardReaderWorker, ReaderState

__all__ = [
    "RESIDENT", "HMT_RESIDENCE", "FOREIGN_PERMANENT", "IdCard", "encode_text", "parse_text",
    "CardDataInvalid", "CardReadFailed", "FrameChecksumError", "ReaderGarbage", "ReaderTimeout", "ReaderUnavailable",
    "open_card_reader", "PhotoDecoding", "WltDecoder", "CardReader", "SerialCardReader",
    "Fault", "SimulatedCardReader", "CardReaderWorker", "ReaderState",
]
