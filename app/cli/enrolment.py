"""A device's enrolment with the site host, kept in its own folder (terminals and scoring stations)."""

from __future__ import annotations

import json
import socket
from dataclasses import asdict
from pathlib import Path

from app.cli.common import read_secret, say
from app.client.http import Enrolment, enrol
from app.durable import write_atomically
from app.errors import KnownError
from app.i18n import tr

CODE_ENV = "EXAMSITE_ENROL_CODE"
ENROLMENT_FILE = "enrolment.json"


def _kind_name(kind: str) -> str:
    return {"terminal": tr("candidate terminal"), "station": tr("scoring station")}.get(kind, kind)


def load_or_enrol(folder: Path, server: str | None, name: str | None, kind: str) -> Enrolment:
    """The saved enrolment; on first start, enrol with the one-time code the console shows."""
    path = folder / ENROLMENT_FILE
    if path.exists():
        enrolment = Enrolment(**json.loads(path.read_text(encoding="utf-8")))
        if server and server.rstrip("/") != enrolment.base_url:
            raise KnownError(tr("This device is enrolled with {url}. Remove {path} to enrol it with another "
                                "site host.", url=enrolment.base_url, path=path), code="enrolled_elsewhere")
    elif not server:
        raise KnownError(tr("This device is not enrolled yet: start it with --server URL and type the "
                            "one-time code the console shows."), code="not_enrolled")
    else:
        code = read_secret(CODE_ENV, tr("One-time enrolment code: "))
        enrolment = enrol(server, code.strip(), name or socket.gethostname())
        if enrolment.kind != kind:
            raise KnownError(tr("This code enrols a {wanted}, not a {kind}: ask for a code for a {kind}.",
                                wanted=_kind_name(enrolment.kind), kind=_kind_name(kind)), code="wrong_kind")
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(asdict(enrolment), indent=2).encode("utf-8"), mode=0o600)
        say(tr("Enrolled as device {device} of site {site}.", device=enrolment.device_id, site=enrolment.site_id))
    if enrolment.kind != kind:
        raise KnownError(tr("This folder holds the enrolment of a {wanted}, not a {kind}.",
                            wanted=_kind_name(enrolment.kind), kind=_kind_name(kind)), code="wrong_kind")
    return enrolment
