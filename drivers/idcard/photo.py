"""The card photo: 1024 bytes of WLT (a vendor wavelet format) that only a vendor library decodes.

The driver always keeps the raw WLT bytes. A decoder is optional and comes as a plug-in:

- an entry point in the group ``examsite.wlt_decoders`` (the first that loads is used), or
- the environment variable ``EXAMSITE_WLT_DECODER`` = ``module`` or ``module:attribute``, which
  wins over entry points.

The object found may be a ``WltDecoder`` (anything with ``decode(wlt) -> bytes``), a class of one
(instantiated without arguments), or a plain function ``(wlt) -> bytes``. The bytes returned are
a BMP or JPEG image. Without a decoder ``IdCard.photo_image`` is None and ``photo_note`` says why.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Protocol, runtime_checkable

from app.i18n import tr

ENTRY_POINT_GROUP = "examsite.wlt_decoders"
ENV_VARIABLE = "EXAMSITE_WLT_DECODER"
IMAGE_SIGNATURES = (b"BM", b"\xff\xd8\xff")


@runtime_checkable
class WltDecoder(Protocol):
    def decode(self, wlt: bytes) -> bytes:
        """The photo as a BMP or JPEG image."""


class PhotoDecoding:
    """Finds the decoder once and decodes photos with it; never raises for a photo."""

    def __init__(self, decoder: WltDecoder | Callable[[bytes], bytes] | None = None, *, discover: bool = True) -> None:
        self.name: str | None = None
        self._decode: Callable[[bytes], bytes] | None = None
        self.unavailable_reason: str = tr("No WLT photo decoder is installed; the photo is kept undecoded.")
        if decoder is not None:
            self._use(decoder, type(decoder).__name__)
        elif discover:
            self._discover()

    @property
    def available(self) -> bool:
        return self._decode is not None

    def decode(self, wlt: bytes) -> tuple[bytes | None, str | None]:
        """(image, None) or (None, the reason there is no image)."""
        if self._decode is None:
            return None, self.unavailable_reason
        if not wlt:
            return None, tr("The card has no photo.")
        try:
            image = self._decode(bytes(wlt))
        except Exception as error:  # noqa: BLE001 - a vendor library's failure must not lose the card
            return None, tr("The WLT photo decoder {name} failed: {reason}", name=self.name, reason=str(error) or type(error).__name__)
        if not isinstance(image, (bytes, bytearray)) or not bytes(image).startswith(IMAGE_SIGNATURES):
            return None, tr("The WLT photo decoder {name} did not return a BMP or JPEG image.", name=self.name)
        return bytes(image), None

    def _use(self, found: object, name: str) -> None:
        if isinstance(found, type):
            found = found()
        method = getattr(found, "decode", None)
        if callable(method):
            self._decode = method
        elif callable(found):
            self._decode = found
        else:
            raise TypeError("a WLT decoder has a decode(wlt) method or is a function")
        self.name = name

    def _discover(self) -> None:
        spec = os.environ.get(ENV_VARIABLE, "").strip()
        if spec:
            try:
                module_name, _, attribute = spec.partition(":")
                found: object = importlib.import_module(module_name)
                for part in filter(None, attribute.split(".")):
                    found = getattr(found, part)
                self._use(found, spec)
            except Exception as error:  # noqa: BLE001 - a broken plug-in is a reason, not a crash
                self.unavailable_reason = tr("The WLT photo decoder {name} could not be loaded: {reason}",
                                             name=spec, reason=str(error) or type(error).__name__)
            return
        for entry in entry_points(group=ENTRY_POINT_GROUP):
            try:
                self._use(entry.load(), entry.name)
                return
            except Exception as error:  # noqa: BLE001 - a broken plug-in is a reason, not a crash
                self.unavailable_reason = tr("The WLT photo decoder {name} could not be loaded: {reason}",
                                             name=entry.name, reason=str(error) or type(error).__name__)
