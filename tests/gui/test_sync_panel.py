"""The sync panel on a real site, delivering to the real platform reference service on loopback."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.domain.roles import Role
from app.security.kdf import FAST_FOR_TESTS
from app.services.auth import AuthService
from app.services.outbox import (
    ATTENTION,
    DELIVERED,
    QUEUED,
    RETRYING,
    SENDING,
    OutboxService,
)
from app.services.site import ADMIN_STAFF_NO
from app.simulation.demo_site import DEMO_ADMIN_PASSWORD, create_demo_site, create_site
from app.sync.client import UpstreamClient
from app.sync.link import PlatformLink
from app.sync.worker import SyncWorker
from app.ui.console.sync_panel import SyncPanel
from app.ui.labels import local_time
from app.upstream.platform import Platform
from app.upstream.server import UpstreamServer

TIMEOUT = 30_000
UNREACHABLE = "http://127.0.0.1:9"  # nothing listens there: connections are refused at once
DOCUMENT = {"plan": "KH1", "results": [{"ticket_no": "263200140101", "theory": "91", "practical": "78"}]}


class Venue:
    """A site and the platform service it delivers to (plus `stranger`, a platform that does not know it)."""

    def __init__(self, root: Path, site) -> None:
        self.root, self.site = root, site
        self.platform = Platform.open(root / "platform", "platform-pass", params=FAST_FOR_TESTS)
        self.stranger = Platform.open(root / "stranger", "platform-pass", params=FAST_FOR_TESTS)
        self.servers = [UpstreamServer(self.platform), UpstreamServer(self.stranger)]
        self.url, self.stranger_url = (server.start() for server in self.servers)
        self.admin = AuthService(site).login(ADMIN_STAFF_NO, DEMO_ADMIN_PASSWORD, Role.ADMIN)
        self.outbox = OutboxService(site)

    def pin(self, url: str, platform: Platform | None = None) -> None:
        self.outbox.configure(self.admin, PlatformLink.from_json((platform or self.platform).public_json(url)))

    def queue(self, *, video_mib: int = 9, videos: int = 1) -> list[str]:
        keys = []
        with self.site.db.transaction() as tx:
            keys.append(self.outbox.enqueue_results(tx, self.admin, DOCUMENT, plan_code="KH1", session_code="TH1"))
            for number in range(videos):
                segment = self.root / f"cam-R01-{number + 1:06d}.ts"
                segment.write_bytes(os.urandom(video_mib * 1024 * 1024 + number))
                keys.append(self.outbox.enqueue_file(tx, self.admin, segment, subject="video:TH1/R01"))
        return keys

    def close(self) -> None:
        for server in self.servers:
            server.stop()
        self.site.close()


@pytest.fixture
def venue(zh_app, tmp_path):
    venue = Venue(tmp_path, create_site(tmp_path / "site"))
    yield venue
    venue.close()


def shown_panel(qtbot, venue, actor=None) -> SyncPanel:
    panel = SyncPanel(venue.site, actor or venue.admin)
    qtbot.addWidget(panel)
    panel.resize(1166, 640)
    with qtbot.waitSignal(panel.refreshed, timeout=TIMEOUT):
        panel.show()
    return panel


def click_and_wait(qtbot, panel, button):
    with qtbot.waitSignal(panel.acted, timeout=TIMEOUT) as acted:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.refreshed, timeout=TIMEOUT):
        pass
    return acted.args[0]


def states(panel) -> list[str]:
    return [row.view.state for row in panel.model.rows]


def cell(panel, row: int, column: int) -> str:
    return panel.model.index(row, column).data()


def test_deliver_now_takes_every_item_to_delivered_with_a_verified_receipt(qtbot, venue):
    venue.platform.register_site(venue.site.public)
    venue.pin(venue.url)
    keys = venue.queue()
    panel = shown_panel(qtbot, venue)
    assert states(panel) == [QUEUED, QUEUED] and venue.url in panel.platform_label.text()
    assert panel.retry_button.isVisibleTo(panel) and not panel.retry_button.isEnabled()
    updates = []
    panel.model.dataChanged.connect(lambda first, last: updates.append(panel.model.rows[first.row()].view.acknowledged))

    summary = click_and_wait(qtbot, panel, panel.deliver_button)
    assert sorted(summary.delivered) == sorted(keys)
    assert states(panel) == [DELIVERED, DELIVERED] and all(row.verified for row in panel.model.rows)
    assert len(updates) >= 2 and updates == sorted(updates)  # the upload's bar moved chunk by chunk (4 MiB)
    fingerprint = venue.platform.keys.public.fingerprint
    for number in range(2):
        assert fingerprint.removeprefix("SHA256:")[:9] in cell(panel, number, 5)
    assert "9.0 MiB" in cell(panel, 1, 3) and "cam-R01-000001.ts" in cell(panel, 1, 0)
    assert sorted(record["idempotency_key"] for record in venue.platform.records()) == sorted(keys)
    panel.select(keys[1])
    assert keys[1] in panel.details.text() and f"uploads/{keys[1]}" in panel.details.text()


def test_an_unreachable_platform_shows_retrying_with_the_next_attempt_and_the_error(qtbot, venue):
    venue.pin(UNREACHABLE)
    venue.queue(video_mib=1)
    panel = shown_panel(qtbot, venue)
    summary = click_and_wait(qtbot, panel, panel.deliver_button)
    assert len(summary.retrying) == 2 and states(panel) == [RETRYING, RETRYING]
    for number, row in enumerate(panel.model.rows):
        assert row.view.next_attempt_at is not None and row.view.attempts == 1
        assert f"{local_time(row.view.next_attempt_at):%H:%M:%S}" in cell(panel, number, 1)
        assert "link" in cell(panel, number, 5)
    assert "2" in panel.message.text()


def test_an_item_needing_attention_is_sent_again_by_the_administrator(qtbot, venue):
    venue.pin(venue.url)  # the platform does not know this site yet: it refuses for good (403)
    (key,) = venue.queue(videos=0)
    panel = shown_panel(qtbot, venue)
    click_and_wait(qtbot, panel, panel.deliver_button)
    assert states(panel) == [ATTENTION] and "403" in cell(panel, 0, 5)
    assert not panel.retry_button.isEnabled()
    panel.select(key)
    assert panel.retry_button.isEnabled() and "403" in panel.details.text()

    venue.platform.register_site(venue.site.public)
    summary = click_and_wait(qtbot, panel, panel.retry_button)
    assert summary.delivered == [key] and states(panel) == [DELIVERED] and panel.model.rows[0].verified


def test_export_for_usb_through_the_file_dialog(qtbot, venue, tmp_path):
    venue.pin(UNREACHABLE)
    keys = venue.queue(video_mib=1)
    panel = shown_panel(qtbot, venue)
    panel.ask_export()
    target = tmp_path / "usb" / "site.essync"
    target.parent.mkdir()
    with qtbot.waitSignal(panel.acted, timeout=TIMEOUT) as acted:
        panel.dialog.selectFile(str(target))
        panel.dialog.accept()
    assert acted.args[0] == len(keys) and panel.last_export == target and target.stat().st_size > 1024 * 1024
    assert str(target) in panel.message.text()


def test_the_list_refreshes_itself_while_shown_and_only_then(qtbot, venue):
    venue.pin(UNREACHABLE)
    panel = shown_panel(qtbot, venue)
    assert panel.model.rowCount() == 0 and panel.timer.isActive()
    venue.queue(video_mib=1)  # queued by someone else (the seal, another console)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=TIMEOUT)
    panel.hide()
    assert not panel.timer.isActive()


def test_the_supervisor_may_deliver_but_not_requeue_or_export(qtbot, venue):
    supervisor = venue.admin.__class__(staff_no="KW0200", name="督导", role=Role.SUPERVISOR,
                                       roles=frozenset({Role.SUPERVISOR}))
    panel = shown_panel(qtbot, venue, actor=supervisor)
    assert panel.deliver_button.isVisibleTo(panel)
    assert not panel.retry_button.isVisibleTo(panel) and not panel.export_button.isVisibleTo(panel)
    assert "sync configure" in panel.platform_label.text()


# -- the screenshot ------------------------------------------------------------------------------

class _Interrupted(Exception):
    """Stands for a console closed in the middle of an upload."""


def mixed_states(venue) -> None:
    """Items in every state, each put there by the real worker against a real service."""
    venue.platform.register_site(venue.site.public)
    venue.pin(venue.url)
    keys = venue.queue(video_mib=10, videos=5)
    with UpstreamClient(venue.outbox.link()) as client:
        worker = SyncWorker(venue.outbox, client)
        for key in keys[:2]:
            assert worker.deliver(key) == "delivered"

        def stop_after_first_chunk(key, done, size):
            raise _Interrupted

        interrupted = SyncWorker(venue.outbox, client, progress=stop_after_first_chunk)
        with pytest.raises(_Interrupted):
            interrupted.deliver(keys[2])  # left "sending" with the first 4 MiB acknowledged
    with UpstreamClient(PlatformLink.from_json(venue.platform.public_json(UNREACHABLE))) as client:
        assert SyncWorker(venue.outbox, client, base_delay=40).deliver(keys[3]) == "retrying"
    with UpstreamClient(PlatformLink.from_json(venue.platform.public_json(venue.stranger_url))) as client:
        assert SyncWorker(venue.outbox, client).deliver(keys[4]) == "attention"  # a platform that never heard of us
    assert [venue.outbox.item(key).state for key in keys] == [DELIVERED, DELIVERED, SENDING, RETRYING, ATTENTION,
                                                              QUEUED]


def test_a_mix_of_states_in_the_console_window(qtbot, zh_app, tmp_path):
    from app.ui.app import WINDOW_SIZE
    from app.ui.console.window import ConsoleWindow

    demo = create_demo_site(tmp_path / "site", candidates=6)
    venue = Venue(tmp_path, demo.site)
    try:
        mixed_states(venue)
        window = ConsoleWindow(demo.site, venue.admin)
        qtbot.addWidget(window)
        window.resize(*WINDOW_SIZE)
        panel = window.sync_panel
        with qtbot.waitSignal(panel.refreshed, timeout=TIMEOUT):
            window.show()
            window.show_panel(panel)
        panel.select(panel.model.rows[4].view.key)
        assert states(panel) == [DELIVERED, DELIVERED, SENDING, RETRYING, ATTENTION, QUEUED]
        assert 0 < panel.model.rows[2].view.acknowledged < panel.model.rows[2].view.size
        image = window.grab()
        assert image.width() == WINDOW_SIZE[0] and image.save(str(tmp_path / "sync-panel.png"))
        out = os.environ.get("EXAMSITE_SCREENSHOTS")
        if out:
            assert image.save(str(Path(out) / "sync-panel.png"))
        window.close()
    finally:
        for server in venue.servers:
            server.stop()
        demo.site.close()


def test_retry_times_are_shown_in_local_time(qtbot, venue):
    venue.pin(UNREACHABLE)
    (key,) = venue.queue(videos=0)
    venue.outbox.claim(key)
    when = venue.outbox.now() + timedelta(minutes=3)
    venue.outbox.failed(key, "timeout: ReadTimeout", retry_at=when)
    panel = shown_panel(qtbot, venue)
    assert f"{local_time(when):%H:%M:%S}" in cell(panel, 0, 1) and "ReadTimeout" in cell(panel, 0, 5)
