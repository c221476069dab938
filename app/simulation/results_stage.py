"""The results stage of the simulated exam day: results, room records, the seal and delivery upstream.

After the other stages (on a clock a quarter of an hour after the last session's end) the chief
proctor closes any theory room still open and grades its session again, computes the results, the
chief proctor and the supervisor sign every room record that can be signed (a theory room must have ended), and the
chief proctor seals the plan. With an upstream URL the administrator first pins the platform
(its keys read from the service, `GET /v1/platform`) and, when the simulation holds the
platform's folder, the site is registered there as the platform's operator would
(`examsite upstream add-site`). The seal then queues, in its own transaction, the sealed results
and every sealed room's video files (chunked uploads); the sync worker delivers them; and the
stage checks that every item is delivered with a receipt that verifies against the pinned key,
that delivering each item again is answered with the very same receipt (the platform filed it
once), and that the seal check of `examsite verify` passes. Without a URL the stage seals
locally and says the sync was skipped.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from app.audit.trail import utc_now
from app.domain.roles import Role
from app.errors import InvalidState
from app.i18n import tr
from app.persistence import outbox_store, repositories
from app.results.outcome import Outcome
from app.security import SitePublic
from app.services.auth import AuthService
from app.services.outbox import DELIVERED, RESULTS, OutboxService, PreparedFile
from app.services.results import ResultsService, RoomRecordService
from app.services.seal import SealService, verify_seals
from app.services.site import ADMIN_STAFF_NO, Site
from app.services.theory import TheoryService
from app.simulation.clock import ManualClock
from app.simulation.demo_site import DemoSite
from app.sync.client import UpstreamClient, fetch_platform_link
from app.sync.receipt import verify_receipt
from app.sync.worker import SyncWorker
from app.video.manifest import HEAD_FILE, verify_directory

CHIEF, SUPERVISOR = "KW0002", "KW0200"
RETRY_SECONDS = 30.0  # a transient failure on loopback is retried (short backoff) for this long


class CheckFailed(Exception):
    """Something the stage expected did not happen."""


def run(demo: DemoSite, *, upstream: str | None = None,
        register_site: Callable[[SitePublic], None] | None = None) -> str:
    site = demo.site
    auth = AuthService(site)
    admin = auth.login(ADMIN_STAFF_NO, demo.credentials[ADMIN_STAFF_NO][1], Role.ADMIN)
    chief = auth.login(CHIEF, demo.credentials[CHIEF][1], Role.CHIEF_PROCTOR)
    supervisor = auth.login(SUPERVISOR, demo.credentials[SUPERVISOR][1], Role.SUPERVISOR)
    outbox = OutboxService(site)
    link = None
    if upstream:
        link = fetch_platform_link(upstream)
        outbox.configure(admin, link)
        if register_site is not None:
            register_site(site.public)

    clock = _after_the_day(site)
    closed = _close_theory_rooms(site, clock, chief)
    results = ResultsService(site, clock)
    outcomes = results.compute(chief)
    passed = sum(1 for outcome in outcomes if outcome.outcome is Outcome.PASSED)
    signatures = _sign_room_records(demo, clock, {CHIEF: chief, SUPERVISOR: supervisor})
    videos = _prepare_videos(site, outbox, chief) if link is not None else []

    def enqueue(tx, actor, document, *, plan_code: str, session_code: str) -> str:
        for prepared in videos:  # the video and the results it backs leave in the seal's transaction
            outbox.enqueue_prepared(tx, actor, prepared)
        return outbox.enqueue_results(tx, actor, document, plan_code=plan_code, session_code=session_code)

    plan_code = results.state(chief)["plan"]
    sealed = SealService(site, clock, enqueue=enqueue if link is not None else None).seal(chief, plan_code)
    problem = verify_seals(site)
    if problem is not None:
        raise CheckFailed(problem)
    done = tr("{closed} theory rooms closed; {count} results computed ({passed} passed); {signatures} room-record "
              "signatures; plan {plan} sealed (document {digest})", closed=closed, count=len(outcomes), passed=passed,
              signatures=signatures, plan=plan_code, digest=sealed.document_sha256[:16])
    if link is None:
        if sealed.outbox_key is not None:
            raise CheckFailed("the seal was queued for a platform although none was given")
        return done + "; " + tr("sync skipped: no platform given (--upstream URL)")
    if sealed.outbox_key is None:
        raise CheckFailed("the seal was not queued for the platform")
    return done + "; " + _deliver(site, outbox, len(videos))


def _after_the_day(site: Site) -> ManualClock:
    """A clock a quarter of an hour after the plan's last session ended (or now, if that is later)."""
    with site.db.read() as session:
        plan = repositories.current_plan(session)
        ends = [exam_session.ends_at for exam_session in plan.sessions]
    return ManualClock(max([utc_now(), *(end + timedelta(minutes=15) for end in ends)]))


def _close_theory_rooms(site: Site, clock: ManualClock, chief) -> int:
    """The chief proctor ends every theory room still open (the last candidates hand in) and grades again."""
    theory = TheoryService(site, clock)
    with site.db.read() as session:
        plan = repositories.current_plan(session)
        rooms = [(s.code, code) for s in plan.sessions if s.kind == "theory" for code in (s.room_codes or [])]
    closed = set()
    for session_code, room_code in rooms:
        try:
            theory.end_room(chief, session_code, room_code, "考试结束，收卷")
        except InvalidState:  # never started, or already ended
            continue
        closed.add((session_code, room_code))
    for session_code in sorted({session_code for session_code, _ in closed}):
        theory.grade_session(chief, session_code)
    return len(closed)


def _sign_room_records(demo: DemoSite, clock: ManualClock, signers: dict) -> int:
    """The chief proctor and the supervisor sign every room record that can be signed now."""
    site = demo.site
    records = RoomRecordService(site, clock)
    with site.db.read() as session:
        plan = repositories.current_plan(session)
        rooms = [(s.code, code) for s in plan.sessions for code in (s.room_codes or [])]
    signed = 0
    for session_code, room_code in rooms:
        for staff_no, actor in signers.items():
            try:
                records.sign(actor, session_code, room_code, demo.credentials[staff_no][1])
            except InvalidState:  # a theory room that never ran has no end: nothing to sign yet
                continue
            signed += 1
    if not signed:
        raise CheckFailed("no room record could be signed")
    return signed


def _prepare_videos(site: Site, outbox: OutboxService, actor) -> list[PreparedFile]:
    """Seal every file of every sealed, verifying camera directory for the platform (outside any transaction)."""
    root = site.home.root / "video"
    prepared = []
    for head in sorted(root.rglob(HEAD_FILE)) if root.exists() else []:
        directory = head.parent
        report = verify_directory(directory, site.public.signing_public)
        if not (report.ok and report.sealed):
            continue
        parts = directory.relative_to(root).parts  # plan / session / room / camera
        subject = "video:" + "/".join(parts[-3:-1])
        for path in sorted(p for p in directory.iterdir() if p.is_file()):
            prepared.append(outbox.prepare_file(actor, path, subject=subject, name=f"{parts[-1]}/{path.name}"))
    return prepared


def _deliver(site: Site, outbox: OutboxService, video_count: int) -> str:
    link = outbox.link()
    with UpstreamClient(link) as client:
        worker = SyncWorker(outbox, client, base_delay=0.2, max_delay=2.0)
        worker.run_once(all_pending=True)
        if outbox.next_due_in() is not None:
            stop = threading.Event()
            timer = threading.Timer(RETRY_SECONDS, stop.set)
            timer.start()
            try:
                worker.run_until_idle(stop, poll=0.5)
            finally:
                timer.cancel()
                timer.join()
        items = outbox.status()
        waiting = [item for item in items if item.state != DELIVERED]
        if waiting:
            first = waiting[0]
            raise CheckFailed(tr("{count} of {total} items were not delivered (first: {state}, {error}); is site "
                                 "{site} registered with the platform (examsite upstream add-site, or "
                                 "--upstream-dir)?", count=len(waiting), total=len(items), state=first.state,
                                 error=first.last_error or "—", site=site.config.site_id))
        size = 0
        for item in items:
            with site.db.read() as session:
                row = outbox_store.by_key(session, item.key)
                path, sha256, meta = Path(row.payload_path), row.sha256, json.loads(row.meta)
            verify_receipt(item.receipt, link.signing_public, idempotency_key=item.key, sha256=sha256)
            again = client.deliver_results(item.key, path, sha256) if item.kind == RESULTS \
                else client.upload(item.key, path, meta["upload"])
            if again.to_json() != item.receipt:
                raise CheckFailed(f"the platform answered a repeat of {item.key[:12]} with another receipt")
            size += item.size
    return tr("{count} items ({videos} video files, {kib} KiB) delivered to {url}; every receipt verifies against "
              "platform key {fingerprint}; a repeat of each is answered with the same receipt (one record each)",
              count=len(items), videos=video_count, kib=round(size / 1024), url=link.url,
              fingerprint=link.fingerprint)
