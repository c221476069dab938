"""What can go wrong with an ID card reader, as sentences for the person at the check-in desk."""

from __future__ import annotations

from app.i18n import tr
from drivers.errors import DeviceError, DeviceUnavailable

from .protocol import Status


class ReaderUnavailable(DeviceUnavailable):
    """The reader cannot be opened, or was unplugged while in use (the worker reconnects)."""

    code = "idcard_unavailable"


class ReaderTimeout(DeviceError):
    """The reader did not answer a command in time."""

    code = "idcard_timeout"


class ReaderGarbage(DeviceError):
    """The reader (or whatever is on that port) answered bytes that are not SAM_V frames."""

    code = "idcard_garbage"


class FrameChecksumError(DeviceError):
    """A frame arrived damaged."""

    code = "idcard_checksum"


class CardReadFailed(DeviceError):
    """The reader's security module refused or failed a command (a non-success SW3)."""

    code = "idcard_read_failed"

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


class CardDataInvalid(DeviceError):
    """The card's text block could not be understood."""

    code = "idcard_data"


def status_text(sw3: int) -> str:
    """A short translated description of an SW3 status byte."""
    texts = {
        Status.OK: lambda: tr("the operation succeeded"),
        Status.NO_CONTENT: lambda: tr("the card has no content for this item"),
        Status.CARD_FOUND: lambda: tr("a card was found"),
        Status.HOST_CHECKSUM: lambda: tr("the reader received a command with a wrong checksum"),
        Status.HOST_LENGTH: lambda: tr("the reader received a command with a wrong length"),
        Status.HOST_COMMAND: lambda: tr("the reader received a command it does not accept"),
        Status.NOT_PERMITTED: lambda: tr("the operation is not permitted"),
        Status.UNKNOWN_ERROR: lambda: tr("an unknown error occurred in the reader"),
        Status.CARD_AUTH_SAM: lambda: tr("the card did not accept the reader's security module"),
        Status.SAM_AUTH_CARD: lambda: tr("the reader's security module did not accept the card"),
        Status.INFO_VERIFY: lambda: tr("the card's information did not verify"),
        Status.UNKNOWN_CARD_TYPE: lambda: tr("the card is not a type the reader knows"),
        Status.READ_FAILED: lambda: tr("reading the card failed"),
        Status.RANDOM_FAILED: lambda: tr("the card did not give a random number"),
        Status.SAM_SELF_TEST: lambda: tr("the reader's security module failed its self-test"),
        Status.SAM_UNAUTHORISED: lambda: tr("the reader's security module is not authorised"),
        Status.NO_CARD: lambda: tr("no card was found"),
        Status.SELECT_FAILED: lambda: tr("the card could not be selected"),
    }
    text = texts.get(sw3)
    return text() if text else tr("unknown status {code}", code=f"0x{sw3:02X}")


#: Statuses that mean the security module itself is unusable, not the card on it.
SAM_FAULTS = frozenset({Status.HOST_CHECKSUM, Status.HOST_LENGTH, Status.HOST_COMMAND, Status.NOT_PERMITTED,
                        Status.SAM_SELF_TEST, Status.SAM_UNAUTHORISED})


def status_error(sw3: int) -> CardReadFailed:
    """The error to raise for a failing SW3."""
    if sw3 in SAM_FAULTS:
        message = tr("The ID card reader's security module reported: {status}. Restart the reader; "
                     "if it happens again, call the site administrator.", status=status_text(sw3))
    else:
        message = tr("The ID card reader reported: {status}. Take the card off the reader and place it again.",
                     status=status_text(sw3))
    return CardReadFailed(message, status=sw3)
