"""Video retention: the pure policy (sealed, archived upstream, out of retention) and the audited deletion."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.actor import Actor
from app.domain.canonical import canonical_json
from app.domain.plan import ExamRules
from app.domain.roles import Role
from app.errors import InvalidState, PermissionDenied
from app.persistence import audit_store
from app.security import SigningKey
from app.services.site import verify_audit
from app.video.manifest import HEAD_FILE, Manifest
from app.video.retention import (
    ARCHIVE_RECEIPT_FILE,
    RetentionPolicy,
    RetentionService,
    add_years,
    decide,
    read_receipt,
    receipt_body,
    session_directories,
    write_receipt,
)

SEALED_AT = datetime(2026, 6, 20, 9, 0, tzinfo=UTC)
PLATFORM = SigningKey.sample_issuer()  # the demo site trusts this issuer key
SITE_KEY = SigningKey.generate()


def make_session(directory: Path, *, sealed_at: datetime | None = SEALED_AT, segments: int = 2,
                 session: str | None = None) -> Path:
    """A session directory with small segment files and a manifest signed by SITE_KEY."""
    manifest = Manifest.create(directory, session or directory.name, SITE_KEY.sign, SITE_KEY.public_key,
                               camera="cam1", at=None)
    for seq in range(1, segments + 1):
        name = f"cam1-{seq:06d}.ts"
        data = bytes([seq]) * (188 * 50 * seq)
        (directory / name).write_bytes(data)
        started = (sealed_at or SEALED_AT) - timedelta(minutes=segments - seq + 1)
        manifest.add_segment(camera="cam1", seq=seq, file=name, sha256=hashlib.sha256(data).hexdigest(),
                             size=len(data), duration_ms=60_000, started_at=started,
                             ended_at=started + timedelta(minutes=1), codec="h264")
    if sealed_at is not None:
        manifest.seal(at=sealed_at)
    return directory


def archive(directory: Path, key: SigningKey = PLATFORM, at: datetime = SEALED_AT + timedelta(days=2)) -> None:
    body = receipt_body(directory, "platform:video/2026/" + directory.name, at)
    write_receipt(directory, body, key.public_key, key.sign(canonical_json(body)))


def test_video_retention_never_below_three_years():
    with pytest.raises(InvalidState, match="at least 3 years"):
        RetentionPolicy(video_retention_years=2)
    with pytest.raises(InvalidState):
        RetentionPolicy.from_rules(ExamRules(video_retention_years=1))
    assert RetentionPolicy.from_rules(ExamRules()) == RetentionPolicy(5, 5)
    assert RetentionPolicy.from_rules({"video_retention_years": 3}).video_retention_years == 3
    assert RetentionPolicy.from_rules({}).record_retention_years == 5


def test_years_are_calendar_years():
    assert add_years(datetime(2028, 2, 29, 8, tzinfo=UTC), 5) == datetime(2033, 2, 28, 8, tzinfo=UTC)
    assert add_years(SEALED_AT, 3) == datetime(2029, 6, 20, 9, tzinfo=UTC)


def test_only_sealed_archived_and_expired_sessions_are_deleted(tmp_path):
    policy = RetentionPolicy(video_retention_years=3)
    trusted = [PLATFORM.public_key]
    later = add_years(SEALED_AT, 3) + timedelta(seconds=1)
    open_session = make_session(tmp_path / "open", sealed_at=None)
    unarchived = make_session(tmp_path / "unarchived")
    archived = make_session(tmp_path / "archived")
    archive(archived)
    decision = decide(open_session, later, policy, trusted)
    assert not decision.delete and "not sealed" in decision.reason
    decision = decide(unarchived, later, policy, trusted)
    assert not decision.delete and "not archived" in decision.reason
    decision = decide(archived, add_years(SEALED_AT, 3) - timedelta(seconds=1), policy, trusted)
    assert not decision.delete and "2029-06-20" in decision.reason
    assert decision.keep_until == datetime(2029, 6, 20, 9, tzinfo=UTC)
    decision = decide(archived, later, policy, trusted)
    assert decision.delete and decision.sealed_at == SEALED_AT and decision.bytes > 188 * 150
    assert not decide(archived, later, RetentionPolicy(video_retention_years=5), trusted).delete


def test_a_receipt_counts_only_from_a_trusted_key_for_this_exact_head(tmp_path):
    trusted = [PLATFORM.public_key]
    stranger = make_session(tmp_path / "stranger")
    archive(stranger, key=SigningKey.generate())
    assert read_receipt(stranger, trusted) is None
    moved = make_session(tmp_path / "moved")
    other = make_session(tmp_path / "other", segments=3)
    archive(other)
    (moved / ARCHIVE_RECEIPT_FILE).write_bytes((other / ARCHIVE_RECEIPT_FILE).read_bytes())
    assert read_receipt(moved, trusted) is None  # a receipt for another session's head
    assert read_receipt(other, trusted)["archive"] == "platform:video/2026/other"
    forged = (other / ARCHIVE_RECEIPT_FILE).read_text().replace("2026-06-22", "2020-06-22")
    (other / ARCHIVE_RECEIPT_FILE).write_text(forged)
    assert read_receipt(other, trusted) is None
    (other / ARCHIVE_RECEIPT_FILE).write_text("{not json")
    assert read_receipt(other, trusted) is None


def test_a_damaged_manifest_is_kept(tmp_path):
    broken = make_session(tmp_path / "broken")
    (broken / HEAD_FILE).write_text("garbage")
    decision = decide(broken, add_years(SEALED_AT, 10), RetentionPolicy(), [PLATFORM.public_key])
    assert not decision.delete and "cannot be read" in decision.reason


@pytest.fixture
def site(tmp_path, database_url):
    from app.simulation.demo_site import create_site

    site = create_site(tmp_path / "home", database_url)
    yield site
    site.close()


ADMIN = Actor("admin", "考点管理员", Role.ADMIN, frozenset({Role.ADMIN}))
PROCTOR = Actor("p01", "监考员", Role.PROCTOR, frozenset({Role.PROCTOR}))


def test_service_dry_run_then_audited_deletion(site, tmp_path):
    root = tmp_path / "video"
    keep = make_session(root / "2026-06-20" / "room-101")
    gone = make_session(root / "2026-06-20" / "room-102")
    archive(gone)
    clock = lambda: add_years(SEALED_AT, 5) + timedelta(days=1)
    service = RetentionService(site, clock)
    assert session_directories(root) == [keep, gone]
    listing = service.review(ADMIN, root)
    assert [d.delete for d in listing] == [False, True]
    assert keep.exists() and gone.exists()  # the dry run deletes nothing
    with pytest.raises(PermissionDenied):
        service.apply(PROCTOR, root)
    with pytest.raises(PermissionDenied):
        service.review(PROCTOR, root)
    deleted = service.apply(ADMIN, root)
    assert [d.directory for d in deleted] == [gone]
    assert keep.exists() and not gone.exists()
    with site.db.read() as session:
        events = [e for e in audit_store.recent_events(session, 10) if e.action == "video.retention.delete"]
    assert len(events) == 1 and events[0].subject == "video:room-102"
    assert '"archived_at":"2026-06-22' in events[0].after
    assert verify_audit(site).ok
    assert service.apply(ADMIN, root) == []


def test_supervisor_may_list_but_not_delete(site, tmp_path):
    supervisor = Actor("s01", "督导员", Role.SUPERVISOR, frozenset({Role.SUPERVISOR}))
    make_session(tmp_path / "video" / "room-101")
    service = RetentionService(site)
    assert len(service.review(supervisor, tmp_path / "video")) == 1
    with pytest.raises(PermissionDenied):
        service.apply(supervisor, tmp_path / "video")


def test_cli_lists_then_deletes_with_apply(site, tmp_path, database_url, monkeypatch, capsys):
    from app.cli.video_cmd import main
    from app.simulation.demo_site import DEMO_ADMIN_PASSWORD, DEMO_PASSPHRASE

    monkeypatch.setenv("EXAMSITE_PASSPHRASE", DEMO_PASSPHRASE)
    monkeypatch.setenv("EXAMSITE_ADMIN_PASSWORD", DEMO_ADMIN_PASSWORD)
    root = tmp_path / "home" / "video"
    long_ago = datetime.now(UTC) - timedelta(days=6 * 366)
    old = make_session(root / "old", sealed_at=long_ago)
    archive(old, at=long_ago + timedelta(days=1))
    recent = make_session(root / "recent")
    common = ["--home", str(tmp_path / "home"), "--db", database_url, "--lang", "en"]
    assert main(["video", "retention", *common]) == 0
    out = capsys.readouterr().out
    assert "1 sessions" in out and "--apply" in out and old.exists()
    assert main(["video", "retention", "--apply", *common]) == 0
    out = capsys.readouterr().out
    assert "Deleted 1 sessions" in out
    assert not old.exists() and recent.exists()
