"""Delivery through a faulty link to the real platform service on loopback.

The platform runs in uvicorn; the site reaches it through `FaultyLink`, a TCP relay that can
refuse connections (platform down), answer 500, hold answers back (slow), cut the connection
after so many bytes (mid-upload), or drop an answer after the platform acted on the request
(the site retries: a duplicate). Whatever happens, every item ends delivered exactly once,
with a receipt that verifies against the pinned key, and the platform holds one record each.
"""

from __future__ import annotations

import hashlib
import os
import random
import socket
import threading
from urllib.parse import urlsplit

import pytest

from app.domain.roles import Role
from app.security.kdf import FAST_FOR_TESTS
from app.services.auth import AuthService
from app.services.outbox import ATTENTION, DELIVERED, RETRYING, OutboxService
from app.services.site import ADMIN_STAFF_NO, verify_audit
from app.simulation.demo_site import DEMO_ADMIN_PASSWORD, create_site
from app.sync.client import UpstreamClient
from app.sync.link import PlatformLink
from app.sync.receipt import verify_receipt
from app.sync.worker import SyncWorker
from app.upstream.platform import Platform
from app.upstream.server import UpstreamServer

pytestmark = pytest.mark.slow
CHUNK = 256 * 1024
_BODY = b'{"error":"internal","message":"it broke","offset":null}'
ERROR_500 = (b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
             b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(_BODY), _BODY))


def _reset(sock: socket.socket) -> None:
    """Abort a connection (RST) and wake any thread blocked reading it."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        sock.shutdown(socket.SHUT_RD)
    except OSError:
        pass
    sock.close()


class FaultyLink:
    """A TCP relay to `target_url` with switchable faults; one thread per direction per connection."""

    def __init__(self, target_url: str) -> None:
        parts = urlsplit(target_url)
        self.target = (parts.hostname, parts.port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.mode = "pass"  # pass, refuse, error500
        self.cut_after: int | None = None  # bytes site→platform, then both ends are reset (once)
        self.drop_answers = 0  # answers swallowed after the platform acted on the request
        self.delay = 0.0  # seconds every answer is held back
        self.sent = 0  # bytes relayed site→platform
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._threads: list[threading.Thread] = []
        self._sockets: set[socket.socket] = set()
        self._start(self._accept)

    def _start(self, target, *args) -> None:
        thread = threading.Thread(target=target, args=args, name="faulty-link", daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        while not self._closing.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self.mode == "refuse":
                _reset(client)
                continue
            if self.mode == "error500":
                self._start(self._answer_500, client)
                continue
            try:
                server = socket.create_connection(self.target)
            except OSError:
                _reset(client)
                continue
            with self._lock:
                self._sockets.update((client, server))
            self._start(self._pump_up, client, server)
            self._start(self._pump_down, server, client)

    def _answer_500(self, client: socket.socket) -> None:
        client.settimeout(2)
        try:
            seen = b""
            while b"\r\n\r\n" not in seen and (data := client.recv(65536)):
                seen += data
            head, _, body = seen.partition(b"\r\n\r\n")
            length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                           if line.lower().startswith(b"content-length:")), 0)
            while len(body) < length and (data := client.recv(65536)):  # the whole request, then the answer
                body += data
            client.sendall(ERROR_500)
            client.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        finally:
            client.close()

    def _pump_up(self, client: socket.socket, server: socket.socket) -> None:
        try:
            while data := client.recv(65536):
                with self._lock:
                    cut = self.cut_after is not None and self.sent + len(data) >= self.cut_after
                    if cut:
                        data = data[:max(0, self.cut_after - self.sent)]
                        self.cut_after = None
                    self.sent += len(data)
                server.sendall(data)
                if cut:
                    self._close(client, server)
                    return
        except OSError:
            pass
        self._close(client, server)

    def _pump_down(self, server: socket.socket, client: socket.socket) -> None:
        try:
            while data := server.recv(65536):
                if self.delay and self._closing.wait(self.delay):
                    break
                with self._lock:
                    drop = self.drop_answers > 0
                    self.drop_answers -= drop
                if drop:
                    break
                client.sendall(data)
        except OSError:
            pass
        self._close(client, server)

    def _close(self, *sockets: socket.socket) -> None:
        with self._lock:
            for sock in sockets:
                if sock in self._sockets:
                    self._sockets.discard(sock)
                    _reset(sock)

    def close(self) -> None:
        self._closing.set()
        self.listener.close()
        self._close(*list(self._sockets))
        for thread in self._threads:
            thread.join(timeout=5)


@pytest.fixture
def world(tmp_path):
    site = create_site(tmp_path / "site")
    platform = Platform.open(tmp_path / "platform", "platform-pass", params=FAST_FOR_TESTS)
    platform.register_site(site.public)
    server = UpstreamServer(platform)
    url = server.start()
    link = FaultyLink(url)
    admin = AuthService(site).login(ADMIN_STAFF_NO, DEMO_ADMIN_PASSWORD, Role.ADMIN)
    outbox = OutboxService(site)
    outbox.configure(admin, PlatformLink.from_json(platform.public_json(link.url)))
    yield site, platform, outbox, admin, link
    link.close()
    server.stop()
    site.close()


def worker_for(outbox, *, read_timeout: float = 10.0, rng_seed: int = 3) -> tuple[SyncWorker, UpstreamClient]:
    client = UpstreamClient(outbox.link(), connect_timeout=2.0, read_timeout=read_timeout, chunk_size=CHUNK)
    return SyncWorker(outbox, client, rng=random.Random(rng_seed), base_delay=0.001, max_delay=0.01), client


def queue(site, outbox, admin, tmp_path, *, files: int = 1, size: int = 2 * 1024 * 1024 + 99) -> dict[str, bytes]:
    """Queue one results package and `files` video files; returns key → the plaintext the platform must hold."""
    expected = {}
    with site.db.transaction() as tx:
        document = {"results": [{"ticket_no": f"2632001401{n:02d}", "theory": str(60 + n)} for n in range(30)]}
        key = outbox.enqueue_results(tx, admin, document, plan_code="KH1", session_code="TH1")
        expected[key] = document
        for number in range(files):
            path = tmp_path / f"segment-{number:04d}.ts"
            path.write_bytes(os.urandom(size))
            file_key = outbox.enqueue_file(tx, admin, path, subject="video:TH1/R01", chunk_size=64 * 1024)
            expected[file_key] = path.read_bytes()
    return expected


def deliver_everything(worker, outbox, rounds: int = 20) -> None:
    for _ in range(rounds):
        worker.run_once(all_pending=True)
        if all(item.state == DELIVERED for item in outbox.status()):
            return
    pytest.fail(f"not delivered after {rounds} rounds: {[(i.state, i.last_error) for i in outbox.status()]}")


def assert_exactly_once(site, platform, outbox, expected) -> None:
    items = outbox.status()
    assert {item.key for item in items} == set(expected)
    records = platform.records()
    assert sorted(record["idempotency_key"] for record in records) == sorted(expected)  # one record each
    stored = {record["idempotency_key"]: record for record in records}
    for item in items:
        assert item.state == DELIVERED
        receipt = verify_receipt(item.receipt, outbox.link().signing_public, idempotency_key=item.key)
        assert receipt.fields == stored[item.key]  # the receipt the site holds is the platform's only one
        if isinstance(expected[item.key], bytes):
            assert platform.upload_content(item.key).read_bytes() == expected[item.key]
        else:
            assert platform.results_document(item.key) == expected[item.key]
    assert verify_audit(site).ok


def test_platform_down_then_back(world, tmp_path):
    site, platform, outbox, admin, link = world
    expected = queue(site, outbox, admin, tmp_path)
    link.mode = "refuse"
    worker, client = worker_for(outbox)
    with client:
        summary = worker.run_once(all_pending=True)
        assert len(summary.retrying) == 2 and platform.records() == []
        assert all(item.state == RETRYING and "link" in item.last_error for item in outbox.status())
        link.mode = "pass"
        deliver_everything(worker, outbox)
    assert_exactly_once(site, platform, outbox, expected)
    assert all(item.attempts == 2 for item in outbox.status())


def test_platform_answering_500(world, tmp_path):
    site, platform, outbox, admin, link = world
    expected = queue(site, outbox, admin, tmp_path)
    link.mode = "error500"
    worker, client = worker_for(outbox)
    with client:
        worker.run_once(all_pending=True)
        assert all(item.state == RETRYING and "HTTP 500" in item.last_error for item in outbox.status()), \
            [(i.state, i.last_error) for i in outbox.status()]
        link.mode = "pass"
        deliver_everything(worker, outbox)
    assert_exactly_once(site, platform, outbox, expected)


def test_slow_platform_times_out_and_the_retry_gets_the_same_receipt(world, tmp_path):
    site, platform, outbox, admin, link = world
    expected = queue(site, outbox, admin, tmp_path, files=0)
    link.delay = 1.5
    worker, client = worker_for(outbox, read_timeout=0.3)
    with client:
        worker.run_once(all_pending=True)
        (item,) = outbox.status()
        assert item.state == RETRYING and "timeout" in item.last_error
        assert len(platform.records()) == 1  # the platform did its part; only the answer was late
        link.delay = 0.0
        deliver_everything(worker, outbox)
    assert_exactly_once(site, platform, outbox, expected)


def test_a_cut_mid_upload_resumes_from_the_acknowledged_byte(world, tmp_path):
    site, platform, outbox, admin, link = world
    size = 3 * 1024 * 1024
    expected = queue(site, outbox, admin, tmp_path, files=1, size=size)
    file_key = next(key for key, value in expected.items() if isinstance(value, bytes))
    worker, client = worker_for(outbox)
    with client:
        results_key = next(key for key in expected if key != file_key)
        assert worker.deliver(results_key) == "delivered"
        link.cut_after = link.sent + int(size * 0.55)
        assert worker.deliver(file_key) == "retrying"
        item = outbox.item(file_key)
        acknowledged = platform.upload_state(file_key)["offset"]
        assert 0 < item.acknowledged <= acknowledged < item.size
        assert acknowledged % CHUNK == 0  # only whole, verified chunks are acknowledged
        before = link.sent
        deliver_everything(worker, outbox)
        resent = link.sent - before
    assert resent < item.size - acknowledged + CHUNK  # nothing before the acknowledged byte went again
    assert_exactly_once(site, platform, outbox, expected)


def test_lost_answers_make_duplicates_that_are_filed_once(world, tmp_path):
    site, platform, outbox, admin, link = world
    expected = queue(site, outbox, admin, tmp_path, files=1, size=300_000)
    worker, client = worker_for(outbox)
    with client:
        for key in expected:  # each first answer is lost: the results receipt, the upload's first answer
            link.drop_answers = 1
            assert worker.deliver(key) == "retrying"
        link.drop_answers = 0
        deliver_everything(worker, outbox)
    assert_exactly_once(site, platform, outbox, expected)
    for key in expected:  # replaying the same delivery by hand: same receipt, still one record
        with UpstreamClient(outbox.link()) as again:
            item = outbox.item(key)
            if isinstance(expected[key], bytes):
                continue
            path = site.home.root / "outbox" / f"{key}.esr"
            repeat = again.deliver_results(key, path, hashlib.sha256(path.read_bytes()).hexdigest())
            assert repeat.fields == item.receipt["receipt"]
    assert len(platform.records()) == len(expected)


def test_a_receipt_from_another_key_needs_attention(world, tmp_path):
    site, platform, outbox, admin, link = world
    queue(site, outbox, admin, tmp_path, files=0)
    impostor = Platform.open(tmp_path / "impostor", "x", params=FAST_FOR_TESTS)
    outbox.configure(admin, PlatformLink(link.url, impostor.keys.public.signing_public,
                                         platform.keys.public.encryption_public))
    worker, client = worker_for(outbox)
    with client:
        worker.run_once(all_pending=True)
    (item,) = outbox.status()
    assert item.state == ATTENTION and item.receipt is None and "pinned" in item.last_error


def test_random_faults_everything_arrives_exactly_once(world, tmp_path):
    site, platform, outbox, admin, link = world
    expected = queue(site, outbox, admin, tmp_path, files=3, size=700_000)
    rng = random.Random(11)
    worker, client = worker_for(outbox, read_timeout=1.0)
    with client:
        for _ in range(12):
            link.mode = rng.choice(["pass", "pass", "refuse", "error500"])
            link.drop_answers = rng.choice([0, 0, 1])
            link.cut_after = link.sent + rng.randrange(50_000, 900_000) if rng.random() < 0.4 else None
            worker.run_once(all_pending=True)
        link.mode, link.drop_answers, link.cut_after = "pass", 0, None
        deliver_everything(worker, outbox)
    assert_exactly_once(site, platform, outbox, expected)
