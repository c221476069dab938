"""The platform this site delivers to: its address and its pinned keys, kept in HOME/upstream.json.

The signing key verifies receipts (pinned: a receipt signed by any other key is refused); the
encryption key is what results and files are sealed to. `examsite sync configure` writes the
file from the platform's public key file (`examsite upstream public-key`) after showing its
fingerprint.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app.durable import write_atomically
from app.errors import KnownError
from app.i18n import tr
from app.security import fingerprint

FILE_NAME = "upstream.json"
PUBLIC_FORMAT = "examsite-platform-public"


@dataclass(frozen=True)
class PlatformLink:
    url: str
    signing_public: bytes
    encryption_public: bytes
    label: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_public)

    def to_json(self) -> dict:
        return {"url": self.url, "label": self.label, "signing_public": self.signing_public.hex(),
                "encryption_public": self.encryption_public.hex()}

    @classmethod
    def from_json(cls, data: dict) -> PlatformLink:
        try:
            link = cls(str(data.get("url") or ""), bytes.fromhex(data["signing_public"]),
                       bytes.fromhex(data["encryption_public"]), str(data.get("label") or ""))
        except (KeyError, TypeError, ValueError):
            raise KnownError(tr("The platform key record is damaged."), code="bad_platform_key") from None
        if len(link.signing_public) != 32 or len(link.encryption_public) != 32:
            raise KnownError(tr("The platform key record is damaged."), code="bad_platform_key")
        return link


def link_path(home_root: Path) -> Path:
    return Path(home_root) / FILE_NAME


def load_link(home_root: Path) -> PlatformLink:
    try:
        data = json.loads(link_path(home_root).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KnownError(tr("No platform is configured for this site: run 'examsite sync configure' first."),
                         code="no_platform") from None
    except ValueError:
        raise KnownError(tr("The platform key record is damaged."), code="bad_platform_key") from None
    return PlatformLink.from_json(data)


def save_link(home_root: Path, link: PlatformLink) -> None:
    write_atomically(link_path(home_root), json.dumps(link.to_json(), indent=2).encode("utf-8"))


def read_public_file(path: Path, url: str | None = None) -> PlatformLink:
    """A platform's public key file (format examsite-platform-public) as a link to `url`."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise KnownError(tr("Cannot read the platform key file {path}.", path=path), code="bad_platform_key") from None
    if not isinstance(data, dict) or data.get("format") != PUBLIC_FORMAT:
        raise KnownError(tr("{path} is not a platform key file.", path=path), code="bad_platform_key")
    return PlatformLink.from_json({**data, "url": url or data.get("url") or ""})
