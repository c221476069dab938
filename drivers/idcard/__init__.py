"""Second-generation ID card readers (二代证阅读器) speaking the SAM_V frame protocol over serial.

    from drivers.idcard import open_card_reader, CardReaderWorker
    with open_card_reader("serial:/dev/ttyUSB0") as reader:
        card = reader.read_card(timeout=5)      # IdCard, or None when no card was placed

See docs/idcard-reader.md for the protocol, the card layouts and the photo plug-in.
"""

from __future__ import annotations

from .card import (
                     FOREIGN_PERMANENT,
                     HMT_RESIDENCE,
                     RESIDENT,
                     IdCard,
                     encode_text,
                     parse_text,
)
from .errors import (
                     CardDataInvalid,
                     CardReadFailed,
                     FrameChecksumError,
                     ReaderGarbage,
                     ReaderTimeout,
                     ReaderUnavailable,
)
from .factory import open_card_reader
from .photo import PhotoDecoding, WltDecoder
from .reader import CardReader, SerialCardReader
from .simulator import Fault, SimulatedCardReader
from .worker import CardReaderWorker, ReaderState

__all__ = [
                     "FOREIGN_PERMANENT",
                     "HMT_RESIDENCE",
                     "RESIDENT",
                     "CardDataInvalid",
                     "CardReadFailed",
                     "CardReader",
                     "CardReaderWorker",
                     "Fault",
                     "FrameChecksumError",
                     "IdCard",
                     "PhotoDecoding",
                     "ReaderGarbage",
                     "ReaderState",
                     "ReaderTimeout",
                     "ReaderUnavailable",
                     "SerialCardReader",
                     "SimulatedCardReader",
                     "WltDecoder",
                     "encode_text",
                     "open_card_reader",
                     "parse_text",
]
