"""USB keyboard-wedge scanner guns: telling a scan from a person typing, without Qt.

A scanner gun is a keyboard to the computer: it types the code, a character every few
milliseconds, then Enter. A person types ten times slower. WedgeDecoder watches the times of
the keys it is fed and answers, at each Enter, whether what came before was a scan.

The Qt side installs an event filter that feeds every key with its time in seconds
(QKeyEvent.timestamp() / 1000) and swallows the Enter only when feed_enter returned a code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

ENTER_KEYS = ("\r", "\n")


@dataclass(frozen=True)
class WedgeSettings:
    """What counts as a scan. Times are in seconds."""

    max_gap: float = 0.030  # longest pause between two characters of one scan
    enter_gap: float = 0.060  # longest pause between the last character and the Enter
    min_length: int = 6  # shortest code a scan may carry (after prefix and suffix are removed)
    max_length: int = 4096  # a longer burst is not a code (a key held down, a stuck gun)
    prefix: str = ""  # sent by the gun before every code (configured on the gun), removed
    suffix: str = ""  # sent by the gun after every code, before Enter, removed


class WedgeDecoder:
    """Collects fast bursts of keys; a burst ended by Enter and long enough is a scanned code."""

    def __init__(self, settings: WedgeSettings | None = None) -> None:
        self.settings = settings or WedgeSettings()
        self._chars: list[str] = []
        self._last: float | None = None
        self._overlong = False

    @property
    def buffered(self) -> str:
        """The characters of the burst in progress (a scan so far, or the start of one)."""
        return "".join(self._chars)

    def feed(self, char: str, t: float) -> str | None:
        """One typed character at time `t`; a scan's code when `char` is Enter ('\\r' or '\\n'), else None."""
        if char in ENTER_KEYS:
            return self.feed_enter(t)
        if len(char) != 1:
            raise ValueError("feed one character at a time")
        if self._last is None or t - self._last > self.settings.max_gap:
            self._chars, self._overlong = [], False
        if len(self._chars) >= self.settings.max_length:
            self._chars, self._overlong = [], True
        self._chars.append(char)
        self._last = t
        return None

    def feed_enter(self, t: float) -> str | None:
        """Enter at time `t`: the code when the keys before it were a scan, None when a person typed them."""
        text, last, overlong = self.buffered, self._last, self._overlong
        self.reset()
        if last is None or overlong or t - last > self.settings.enter_gap:
            return None
        code = self._strip(text)
        if code is None or len(code) < self.settings.min_length:
            return None
        return code

    def expire(self, t: float) -> str:
        """Forget a burst that stopped more than enter_gap before `t`; returns what it held (typing to let through)."""
        if self._last is not None and t - self._last > self.settings.enter_gap:
            text = self.buffered
            self.reset()
            return text
        return ""

    def reset(self) -> None:
        self._chars = []
        self._last = None
        self._overlong = False

    def _strip(self, text: str) -> str | None:
        prefix, suffix = self.settings.prefix, self.settings.suffix
        if prefix:
            if not text.startswith(prefix):
                return None
            text = text[len(prefix):]
        if suffix:
            if not text.endswith(suffix):
                return None
            text = text[: len(text) - len(suffix)]
        return text


def simulated_scan(code: str, start: float = 0.0, gap: float = 0.008, *, prefix: str = "", suffix: str = "",
                   enter: bool = True) -> Iterator[tuple[str, float]]:
    """The keys a scanner gun types for `code`: (character, time) every `gap` seconds, then Enter ('\\r')."""
    t = start
    for char in prefix + code + suffix:
        yield char, t
        t += gap
    if enter:
        yield "\r", t
