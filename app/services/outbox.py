"""The durable outbox: what must reach the provincial platform, exactly once, with a receipt.

Enqueueing happens inside the caller's transaction (the seal writes its results and queues
their delivery atomically): the sealed bytes go to HOME/outbox/ first, then the row. An item
is `queued`, then `sending` while the worker holds it, then `delivered` (receipt verified and
stored), `retrying` (a transient failure; `next_attempt_at` says when) or `attention` (a
permanent refusal or too many attempts: a person must look; `requeue` puts it back).

The idempotency key is derived from what is delivered, so queueing the same document or file
twice gives one item. Delivered, attention and requeue are audited; attempts are not (they
live on the row: attempts, last error, acknowledged bytes).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.audit.trail import utc_now
from app.domain.actor import SITE, Actor
from app.domain.canonical import canonical_json
from app.domain.roles import Role
from app.durable import write_atomically
from app.errors import InvalidState, NotFound
from app.i18n import tr
from app.persistence import outbox_store
from app.persistence.models import OutboxItem
from app.services.authz import require
from app.services.site import Site
from app.sync import envelope, export, files
from app.sync.link import PlatformLink, load_link, save_link
from app.sync.receipt import verify_receipt

QUEUED, SENDING, DELIVERED, RETRYING, ATTENTION = "queued", "sending", "delivered", "retrying", "attention"
STATES = (QUEUED, SENDING, DELIVERED, RETRYING, ATTENTION)
PENDING = (QUEUED, RETRYING)
RESULTS, FILE = "results", "file"
ENQUEUE_ROLES = (Role.ADMIN, Role.CHIEF_PROCTOR, Role.SUPERVISOR)
REQUEUE_ROLES = (Role.ADMIN,)


@dataclass(frozen=True)
class OutboxView:
    key: str
    kind: str
    subject: str
    state: str
    size: int
    acknowledged: int
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None
    receipt: dict | None

    def to_json(self) -> dict:
        return json.loads(canonical_json({
            "idempotency_key": self.key, "kind": self.kind, "subject": self.subject, "state": self.state,
            "size": self.size, "acknowledged_bytes": self.acknowledged, "attempts": self.attempts,
            "next_attempt_at": self.next_attempt_at, "last_error": self.last_error, "created_at": self.created_at,
            "delivered_at": self.delivered_at, "receipt": self.receipt,
        }))


@dataclass(frozen=True)
class Delivery:
    """What the worker needs to deliver one item."""

    key: str
    kind: str
    path: Path
    size: int
    sha256: str
    meta: dict
    acknowledged: int
    attempts: int


@dataclass(frozen=True)
class PreparedFile:
    """A file sealed for the platform, ready to be queued."""

    key: str
    kind: str
    subject: str
    path: Path
    size: int
    sha256: str
    upload: dict


def derive_key(site_id: str, kind: str, subject: str, content_sha256: str, name: str = "") -> str:
    text = "|".join(("examsite outbox v1", site_id, kind, subject, name, content_sha256))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class OutboxService:
    def __init__(self, site: Site, clock: Callable[[], datetime] = utc_now, link: PlatformLink | None = None) -> None:
        self.site, self._clock, self._link = site, clock, link

    @property
    def folder(self) -> Path:
        return self.site.home.root / "outbox"

    def link(self) -> PlatformLink:
        if self._link is None:
            self._link = load_link(self.site.home.root)
        return self._link

    def configure(self, actor: Actor, link: PlatformLink) -> None:
        """Pin the platform's keys and address for this site (audited: receipts are checked against them)."""
        require(actor, *REQUEUE_ROLES)
        with self.site.db.transaction() as tx:
            self.site.audit.record(tx, actor, "sync.configure", "platform", after={
                "url": link.url, "signing_key": link.fingerprint, "encryption_public": link.encryption_public.hex()})
            save_link(self.site.home.root, link)
        self._link = link

    # --- enqueueing, in the caller's transaction ------------------------------------------------

    def enqueue_results(self, tx, actor: Actor, document: Any, *, plan_code: str, session_code: str) -> str:
        """Sign and seal `document` for the platform and queue it; returns the idempotency key."""
        require(actor, *ENQUEUE_ROLES)
        keys = self.site.require_keys()
        content_sha256 = hashlib.sha256(canonical_json(document)).hexdigest()
        subject = f"session:{plan_code}/{session_code}"
        key = derive_key(self.site.config.site_id, RESULTS, subject, content_sha256)
        if outbox_store.by_key(tx, key) is not None:
            return key
        now = self._clock()
        blob = envelope.seal_results(document, site_id=self.site.config.site_id, plan_code=plan_code,
                                     session_code=session_code, created_at=now, sign=keys.sign,
                                     platform_encryption_public=self.link().encryption_public)
        path = self.folder / f"{key}.esr"
        write_atomically(path, blob, mode=0o600)
        meta = {"plan_code": plan_code, "session_code": session_code, "content_sha256": content_sha256}
        self._add(tx, actor, key, RESULTS, subject, path, len(blob), hashlib.sha256(blob).hexdigest(), meta, now)
        return key

    def prepare_file(self, actor: Actor, source: Path, *, subject: str, name: str | None = None, kind: str = FILE,
                     chunk_size: int | None = None) -> PreparedFile:
        """Seal a large file (a video segment, an export) for the platform, outside any transaction.

        Sealing a 2 GB segment takes seconds; doing it here keeps the database free meanwhile.
        `enqueue_prepared` then queues it in the caller's transaction.
        """
        require(actor, *ENQUEUE_ROLES)
        keys = self.site.require_keys()
        site_id, name = self.site.config.site_id, name or Path(source).name
        self.folder.mkdir(parents=True, exist_ok=True)
        staging = self.folder / f".staging-{secrets.token_hex(8)}"
        digest = files.seal_file(Path(source), staging, platform_encryption_public=self.link().encryption_public,
                                 site_id=site_id, kind=kind, subject=subject, name=name, chunk_size=chunk_size)
        key = derive_key(site_id, kind, subject, digest.plain_sha256, name)
        with self.site.db.read() as session:
            queued = outbox_store.by_key(session, key)
            if queued is not None:  # already queued: keep the sealed bytes its digest and signature name
                staging.unlink(missing_ok=True)
                return PreparedFile(key, queued.kind, queued.subject, Path(queued.payload_path), queued.size_bytes,
                                    queued.sha256, json.loads(queued.meta)["upload"])
        path = self.folder / f"{key}.ess"
        os.replace(staging, path)
        upload = {"idempotency_key": key, "site_id": site_id, "kind": kind, "subject": subject, "name": name,
                  "size": digest.sealed_size, "sha256": digest.sealed_sha256, "content_size": digest.plain_size,
                  "content_sha256": digest.plain_sha256}
        return PreparedFile(key, kind, subject, path, digest.sealed_size, digest.sealed_sha256,
                            files.signed_upload(upload, keys.sign))

    def enqueue_prepared(self, tx, actor: Actor, prepared: PreparedFile) -> str:
        """Queue a sealed file in the caller's transaction; the same file queued again is one item."""
        require(actor, *ENQUEUE_ROLES)
        if outbox_store.by_key(tx, prepared.key) is None:
            self._add(tx, actor, prepared.key, prepared.kind, prepared.subject, prepared.path, prepared.size,
                      prepared.sha256, {"upload": prepared.upload}, self._clock())
        return prepared.key

    def enqueue_file(self, tx, actor: Actor, source: Path, *, subject: str, name: str | None = None,
                     kind: str = FILE, chunk_size: int | None = None) -> str:
        """`prepare_file` and `enqueue_prepared` in one call (for small files: it seals inside `tx`)."""
        prepared = self.prepare_file(actor, source, subject=subject, name=name, kind=kind, chunk_size=chunk_size)
        return self.enqueue_prepared(tx, actor, prepared)

    def _add(self, tx, actor, key, kind, subject, path, size, sha256, meta, now) -> None:
        outbox_store.add(tx, OutboxItem(kind=kind, idempotency_key=key, subject=subject, payload_path=str(path),
                                        size_bytes=size, sha256=sha256, meta=canonical_json(meta).decode("utf-8"),
                                        state=QUEUED, attempts=0, acknowledged_bytes=0, next_attempt_at=now,
                                        created_at=now, updated_at=now))
        self.site.audit.record(tx, actor, "outbox.enqueue", f"outbox:{key}",
                               after={"kind": kind, "subject": subject, "size": size, "sha256": sha256})

    # --- reading -------------------------------------------------------------------------------

    def status(self) -> list[OutboxView]:
        with self.site.db.read() as session:
            return [_view(item) for item in outbox_store.all_items(session)]

    def item(self, key: str) -> OutboxView:
        with self.site.db.read() as session:
            return _view(self._get(session, key))

    # --- the worker's transitions --------------------------------------------------------------

    def recover(self) -> int:
        """Items left `sending` by a crash go back to `retrying` (the key makes a resend harmless)."""
        with self.site.db.transaction() as tx:
            stuck = outbox_store.in_states(tx, (SENDING,))
            for item in stuck:
                item.state, item.updated_at = RETRYING, self._clock()
            return len(stuck)

    def due(self, *, all_pending: bool = False) -> list[str]:
        with self.site.db.read() as session:
            return [item.idempotency_key for item in outbox_store.due(session, PENDING,
                                                                        None if all_pending else self._clock())]

    def now(self) -> datetime:
        return self._clock()

    def next_due_in(self) -> float | None:
        """Seconds until the next pending item is due (0 if one is due now), None if nothing is pending."""
        with self.site.db.read() as session:
            pending = outbox_store.in_states(session, PENDING)
        if not pending:
            return None
        now = self._clock()
        return max(0.0, min((item.next_attempt_at or now) - now for item in pending).total_seconds())

    def claim(self, key: str) -> Delivery | None:
        """Mark one pending item `sending` and hand it to the worker; None if it is no longer pending."""
        with self.site.db.transaction() as tx:
            item = outbox_store.by_key(tx, key, lock=True)
            if item is None or item.state not in PENDING:
                return None
            item.state, item.attempts, item.updated_at = SENDING, item.attempts + 1, self._clock()
            return Delivery(key, item.kind, Path(item.payload_path), item.size_bytes, item.sha256,
                            json.loads(item.meta), item.acknowledged_bytes, item.attempts)

    def progress(self, key: str, acknowledged: int) -> None:
        with self.site.db.transaction() as tx:
            item = self._get(tx, key, lock=True)
            item.acknowledged_bytes, item.updated_at = acknowledged, self._clock()

    def delivered(self, key: str, receipt_encoded: bytes, receipt_fields: dict, actor: Actor = SITE) -> bool:
        """Store a verified receipt; False if the item was already delivered (the first receipt stays)."""
        with self.site.db.transaction() as tx:
            item = self._get(tx, key, lock=True)
            if item.state == DELIVERED:
                return False
            now = self._clock()
            item.state, item.receipt, item.delivered_at, item.updated_at = DELIVERED, receipt_encoded, now, now
            item.acknowledged_bytes, item.last_error, item.next_attempt_at = item.size_bytes, None, None
            self.site.audit.record(tx, actor, "outbox.delivered", f"outbox:{key}", after={
                "receipt_sha256": hashlib.sha256(receipt_encoded).hexdigest(), "record": receipt_fields.get("record"),
                "received_at": receipt_fields.get("received_at"), "attempts": item.attempts})
            return True

    def failed(self, key: str, error: str, *, retry_at: datetime | None) -> None:
        """A failed attempt: retried at `retry_at`, or (None) left for a person to look at."""
        with self.site.db.transaction() as tx:
            item = self._get(tx, key, lock=True)
            item.last_error, item.updated_at = error[:2000], self._clock()
            if retry_at is not None:
                item.state, item.next_attempt_at = RETRYING, retry_at
                return
            item.state, item.next_attempt_at = ATTENTION, None
            self.site.audit.record(tx, SITE, "outbox.attention", f"outbox:{key}",
                                   after={"error": item.last_error, "attempts": item.attempts})

    def requeue(self, actor: Actor, key: str) -> None:
        """A person sends an item that needs attention again."""
        require(actor, *REQUEUE_ROLES)
        with self.site.db.transaction() as tx:
            item = self._get(tx, key, lock=True)
            if item.state != ATTENTION:
                raise InvalidState(tr("Outbox item {key} does not need attention.", key=key[:12]))
            item.state, item.attempts, item.next_attempt_at = QUEUED, 0, self._clock()
            self.site.audit.record(tx, actor, "outbox.requeue", f"outbox:{key}", before={"error": item.last_error})

    # --- the export file (no link) -------------------------------------------------------------

    def export(self, actor: Actor, out: Path) -> int:
        """Write every undelivered item into an export file for the USB stick; returns how many."""
        require(actor, *REQUEUE_ROLES)
        keys = self.site.require_keys()
        with self.site.db.read() as session:
            items = [{"key": item.idempotency_key, "kind": item.kind, "subject": item.subject,
                      "path": Path(item.payload_path), "size": item.size_bytes, "sha256": item.sha256,
                      "meta": json.loads(item.meta)}
                     for item in outbox_store.all_items(session) if item.state != DELIVERED]
        manifest = export.write_export(Path(out), site_id=self.site.config.site_id, created_at=self._clock(),
                                       items=items, sign=keys.sign)
        with self.site.db.transaction() as tx:
            self.site.audit.record(tx, actor, "outbox.export", f"export:{Path(out).name}",
                                   after={"items": [entry["idempotency_key"] for entry in manifest["items"]]})
        return len(items)

    def import_receipts(self, actor: Actor, path: Path) -> list[str]:
        """Store the platform's receipts for exported items (each verified against the pinned key)."""
        require(actor, *REQUEUE_ROLES)
        stored = []
        for document in export.read_receipts(Path(path)):
            key = str((document.get("receipt") or {}).get("idempotency_key", "")) if isinstance(document, dict) else ""
            with self.site.db.read() as session:
                item = outbox_store.by_key(session, key)
                sha256 = item.sha256 if item else None
            if item is None:
                raise NotFound(tr("There is no outbox item {key}.", key=key[:12]))
            receipt = verify_receipt(document, self.link().signing_public, idempotency_key=key, sha256=sha256)
            if self.delivered(key, receipt.encoded, receipt.fields, actor):
                stored.append(key)
        return stored

    def _get(self, session, key: str, *, lock: bool = False) -> OutboxItem:
        item = outbox_store.by_key(session, key, lock=lock)
        if item is None:
            raise NotFound(tr("There is no outbox item {key}.", key=key[:12]))
        return item


def _view(item: OutboxItem) -> OutboxView:
    return OutboxView(item.idempotency_key, item.kind, item.subject, item.state, item.size_bytes,
                      item.acknowledged_bytes, item.attempts, item.next_attempt_at, item.last_error, item.created_at,
                      item.delivered_at, json.loads(item.receipt) if item.receipt else None)
