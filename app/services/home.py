"""The site's data home: where its configuration, keys, database and evidence live.

Resolution order for the folder: `--home DIR`, then EXAMSITE_HOME, then the platform default.
For the database: `--db URL`, then EXAMSITE_DB, then the URL saved at `site init`, then the
embedded default `HOME/site.db` (SQLite).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from app.durable import write_atomically
from app.errors import KnownError
from app.i18n import tr
from app.persistence.database import sqlite_url

CONFIG_VERSION = 1


def default_home() -> Path:
    if sys.platform.startswith("win"):
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "ExamSite"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "examsite"


def resolve_home(home: str | os.PathLike | None) -> Path:
    chosen = home or os.environ.get("EXAMSITE_HOME")
    return Path(chosen).expanduser().resolve() if chosen else default_home()


@dataclass
class TrustedIssuer:
    public_key: str  # hex, Ed25519
    label: str

    def key_bytes(self) -> bytes:
        return bytes.fromhex(self.public_key)


@dataclass
class SiteConfig:
    site_id: str
    site_name: str
    db_url: str | None = None
    trusted_issuers: list[TrustedIssuer] = field(default_factory=list)
    version: int = CONFIG_VERSION

    def to_json(self) -> dict:
        return {
            "version": self.version,
            "site_id": self.site_id,
            "site_name": self.site_name,
            "db_url": self.db_url,
            "trusted_issuers": [{"public_key": i.public_key, "label": i.label} for i in self.trusted_issuers],
        }

    @classmethod
    def from_json(cls, data: dict) -> SiteConfig:
        return cls(
            site_id=data["site_id"],
            site_name=data["site_name"],
            db_url=data.get("db_url"),
            trusted_issuers=[TrustedIssuer(**item) for item in data.get("trusted_issuers", [])],
            version=data.get("version", CONFIG_VERSION),
        )


@dataclass(frozen=True)
class SiteHome:
    root: Path

    @property
    def config_path(self) -> Path:
        return self.root / "site.json"

    @property
    def keys_path(self) -> Path:
        return self.root / "keys" / "site-keys.json"

    @property
    def packages_dir(self) -> Path:
        return self.root / "packages"

    @property
    def embedded_db_path(self) -> Path:
        return self.root / "site.db"

    def exists(self) -> bool:
        return self.config_path.exists()

    def read_config(self) -> SiteConfig:
        try:
            return SiteConfig.from_json(json.loads(self.config_path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise KnownError(
                tr("No site is set up in {home}: run 'examsite site init' first.", home=self.root), code="no_site"
            ) from None
        except (ValueError, KeyError, TypeError) as exc:
            raise KnownError(
                tr("The site configuration {path} is damaged: {detail}", path=self.config_path, detail=exc),
                code="bad_config",
            ) from exc

    def write_config(self, config: SiteConfig) -> None:
        text = json.dumps(config.to_json(), ensure_ascii=False, indent=2)
        write_atomically(self.config_path, text.encode("utf-8"))

    def database_url(self, override: str | None = None, config: SiteConfig | None = None) -> str:
        chosen = override or os.environ.get("EXAMSITE_DB") or (config.db_url if config else None)
        return chosen or sqlite_url(self.embedded_db_path)
