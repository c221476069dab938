"""The durable outbox on SQLite and PostgreSQL: enqueue in the caller's transaction, states, roles,
the export file carried to the platform and its receipts carried back."""

from __future__ import annotations

import json
import os

import pytest

from app.cli.main import main
from app.domain.roles import Role
from app.errors import InvalidState, PermissionDenied
from app.persistence import audit_store
from app.security.kdf import FAST_FOR_TESTS
from app.services.auth import AuthService
from app.services.outbox import ATTENTION, DELIVERED, QUEUED, RETRYING, OutboxService
from app.services.site import ADMIN_STAFF_NO, verify_audit
from app.simulation.demo_site import DEMO_ADMIN_PASSWORD, DEMO_PASSPHRASE, create_site
from app.sync.link import PlatformLink
from app.sync.receipt import verify_receipt
from app.upstream.platform import Platform

DOCUMENT = {"session": "TH1", "results": [{"ticket_no": "263200140101", "theory": "91"}]}


@pytest.fixture
def venue(tmp_path, database_url):
    site = create_site(tmp_path / "site", database_url)
    platform = Platform.open(tmp_path / "platform", "platform-pass", params=FAST_FOR_TESTS)
    platform.register_site(site.public)
    admin = AuthService(site).login(ADMIN_STAFF_NO, DEMO_ADMIN_PASSWORD, Role.ADMIN)
    outbox = OutboxService(site)
    outbox.configure(admin, PlatformLink.from_json(platform.public_json("http://127.0.0.1:9")))
    yield site, platform, outbox, admin
    site.close()


def test_enqueue_belongs_to_the_callers_transaction(venue):
    site, _, outbox, admin = venue
    with pytest.raises(RuntimeError):
        with site.db.transaction() as tx:
            outbox.enqueue_results(tx, admin, DOCUMENT, plan_code="KH1", session_code="TH1")
            raise RuntimeError("the seal failed after queueing")
    assert outbox.status() == []
    with site.db.transaction() as tx:
        key = outbox.enqueue_results(tx, admin, DOCUMENT, plan_code="KH1", session_code="TH1")
        assert outbox.enqueue_results(tx, admin, DOCUMENT, plan_code="KH1", session_code="TH1") == key
    with site.db.transaction() as tx:
        assert outbox.enqueue_results(tx, admin, DOCUMENT, plan_code="KH1", session_code="TH1") == key
        other = outbox.enqueue_results(tx, admin, {**DOCUMENT, "results": []}, plan_code="KH1", session_code="TH1")
    items = outbox.status()
    assert [item.key for item in items] == [key, other] and {item.state for item in items} == {QUEUED}
    with site.db.read() as session:
        actions = [event.action for event in audit_store.iter_events(session)]
    assert actions.count("outbox.enqueue") == 2
    assert verify_audit(site).ok


def test_only_the_roles_that_seal_may_queue(venue, tmp_path):
    site, _, outbox, admin = venue
    proctor = admin.__class__(staff_no="P1", name="p", role=Role.PROCTOR, roles=frozenset({Role.PROCTOR}))
    with pytest.raises(PermissionDenied), site.db.transaction() as tx:
        outbox.enqueue_results(tx, proctor, DOCUMENT, plan_code="KH1", session_code="TH1")
    with pytest.raises(PermissionDenied):
        outbox.export(proctor, tmp_path / "x.essync")


def test_worker_transitions_and_requeue(venue):
    site, _, outbox, admin = venue
    with site.db.transaction() as tx:
        key = outbox.enqueue_results(tx, admin, DOCUMENT, plan_code="KH1", session_code="TH1")
    delivery = outbox.claim(key)
    assert delivery.attempts == 1 and outbox.claim(key) is None  # held by one worker at a time
    assert outbox.recover() == 1 and outbox.item(key).state == RETRYING  # a crash mid-send loses nothing
    outbox.claim(key)
    outbox.failed(key, "HTTP 422: refused", retry_at=None)
    assert outbox.item(key).state == ATTENTION
    outbox.requeue(admin, key)
    with pytest.raises(InvalidState):  # queued again already: nothing needs attention any more
        outbox.requeue(admin, key)
    assert outbox.item(key).state == QUEUED and outbox.item(key).attempts == 0


def test_export_file_to_the_platform_and_receipts_back(venue, tmp_path):
    site, platform, outbox, admin = venue
    video = tmp_path / "segment-0001.ts"
    video.write_bytes(os.urandom(3 * 1024 * 1024 + 17))
    with site.db.transaction() as tx:
        results_key = outbox.enqueue_results(tx, admin, DOCUMENT, plan_code="KH1", session_code="TH1")
        file_key = outbox.enqueue_file(tx, admin, video, subject="video:TH1/R01", chunk_size=64 * 1024)
    export = tmp_path / "usb" / "site.essync"
    export.parent.mkdir()
    assert outbox.export(admin, export) == 2

    receipts = platform.import_export(export)
    assert {r.fields["idempotency_key"] for r in receipts} == {results_key, file_key}
    assert platform.import_export(export) == receipts  # carried twice: filed once, same receipts
    assert len(platform.records()) == 2
    assert platform.upload_content(file_key).read_bytes() == video.read_bytes()
    assert platform.results_document(results_key) == DOCUMENT

    receipts_file = tmp_path / "usb" / "receipts.json"
    from app.sync.export import receipts_document
    receipts_file.write_bytes(receipts_document(site.config.site_id, [r.to_json() for r in receipts]))
    assert sorted(outbox.import_receipts(admin, receipts_file)) == sorted([results_key, file_key])
    assert outbox.import_receipts(admin, receipts_file) == []
    for item in outbox.status():
        assert item.state == DELIVERED
        verify_receipt(item.receipt, outbox.link().signing_public, idempotency_key=item.key)
    assert verify_audit(site).ok


def test_the_cli_reports_status_as_json(venue, tmp_path, capsys, monkeypatch):
    site, _, outbox, admin = venue
    with site.db.transaction() as tx:
        key = outbox.enqueue_results(tx, admin, DOCUMENT, plan_code="KH1", session_code="TH1")
    home = str(site.home.root)
    db = site.db.url.render_as_string(hide_password=False)
    assert main(["--home", home, "--db", db, "sync", "status", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)["items"]
    assert [(item["idempotency_key"], item["state"], item["kind"]) for item in items] == [(key, "queued", "results")]
    monkeypatch.setenv("EXAMSITE_PASSPHRASE", DEMO_PASSPHRASE)
    # nothing listens on 127.0.0.1:9: the item waits for a retry and the command says so
    assert main(["--home", home, "--db", db, "sync", "run", "--connect-timeout", "0.5"]) == 1
    assert outbox.item(key).state == RETRYING and "link" in outbox.item(key).last_error


def test_retries_are_scheduled_with_jitter_and_end_in_attention(venue):
    from datetime import timedelta

    from app.sync.client import UpstreamClient
    from app.sync.worker import SyncWorker

    site, _, outbox, admin = venue
    with site.db.transaction() as tx:
        key = outbox.enqueue_results(tx, admin, DOCUMENT, plan_code="KH1", session_code="TH1")
    with UpstreamClient(outbox.link(), connect_timeout=0.5) as client:  # nothing listens on port 9
        worker = SyncWorker(outbox, client, max_attempts=2, base_delay=60, max_delay=600)
        before = outbox.now()
        assert worker.run_once().retrying == [key]
        item = outbox.item(key)
        assert item.state == RETRYING and before <= item.next_attempt_at <= outbox.now() + timedelta(seconds=60)
        assert worker.run_once(all_pending=True).attention == [key]
    item = outbox.item(key)
    assert item.state == ATTENTION and item.attempts == 2 and "after 2 attempts" in item.last_error
    assert outbox.next_due_in() is None


def test_a_file_queued_twice_is_one_item_with_its_first_sealed_bytes(venue, tmp_path):
    site, platform, outbox, admin = venue
    video = tmp_path / "segment.ts"
    video.write_bytes(os.urandom(200_000))
    first = outbox.prepare_file(admin, video, subject="video:TH1/R01")
    with site.db.transaction() as tx:
        assert outbox.enqueue_prepared(tx, admin, first) == first.key
    sealed = first.path.read_bytes()
    again = outbox.prepare_file(admin, video, subject="video:TH1/R01")
    assert again == first and first.path.read_bytes() == sealed
    with site.db.transaction() as tx:
        assert outbox.enqueue_file(tx, admin, video, subject="video:TH1/R01") == first.key
    assert len(outbox.status()) == 1
    assert not list(outbox.folder.glob(".staging-*"))
