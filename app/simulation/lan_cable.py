"""A terminal's network cable, simulated: a TCP relay on loopback that can be unplugged.

A simulated terminal talks to the site host through `LanCable.url` instead of the host's own
address. `unplug()` drops every open connection and refuses new ones, exactly what a terminal
sees when its cable or switch port dies (connection reset, then refused); `plug()` lets traffic
through again. One thread relays every connection with a selector.
"""

from __future__ import annotations

import selectors
import socket
import threading
from urllib.parse import urlsplit, urlunsplit

CHUNK = 65536


class LanCable:
    def __init__(self, host_url: str) -> None:
        parts = urlsplit(host_url)
        self._upstream = (parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.setblocking(False)
        port = self._listener.getsockname()[1]
        self.url = urlunsplit((parts.scheme, f"127.0.0.1:{port}", parts.path, "", ""))
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._listener, selectors.EVENT_READ, None)
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._selector.register(self._wake_r, selectors.EVENT_READ, "wake")
        self._peers: dict[socket.socket, socket.socket] = {}
        self._plugged = True
        self._running = True
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="lan-cable", daemon=True)
        self._thread.start()

    @property
    def plugged(self) -> bool:
        return self._plugged

    def unplug(self) -> None:
        with self._lock:
            self._plugged = False
        self._wake()

    def plug(self) -> None:
        with self._lock:
            self._plugged = True
        self._wake()

    def close(self) -> None:
        self._running = False
        self._wake()
        self._thread.join(timeout=5)
        self._selector.close()
        for sock in (self._listener, self._wake_r, self._wake_w):
            sock.close()

    def __enter__(self) -> LanCable:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- the relay thread --------------------------------------------------------------------
    def _wake(self) -> None:
        try:
            self._wake_w.send(b"x")
        except OSError:
            pass

    def _run(self) -> None:
        while self._running:
            for key, _ in self._selector.select(timeout=1.0):
                if key.data == "wake":
                    try:
                        self._wake_r.recv(CHUNK)
                    except BlockingIOError:
                        pass
                elif key.data is None:
                    self._accept()
                else:
                    self._relay(key.fileobj)
            if not self._plugged:
                self._drop_all()
        self._drop_all()

    def _accept(self) -> None:
        try:
            client, _ = self._listener.accept()
        except BlockingIOError:
            return
        if not self._plugged:
            _reset(client)
            return
        try:
            upstream = socket.create_connection(self._upstream, timeout=2)
        except OSError:
            _reset(client)
            return
        for sock in (client, upstream):
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._peers[client], self._peers[upstream] = upstream, client
        self._selector.register(client, selectors.EVENT_READ, "peer")
        self._selector.register(upstream, selectors.EVENT_READ, "peer")

    def _relay(self, sock: socket.socket) -> None:
        other = self._peers.get(sock)
        if other is None:
            return
        try:
            data = sock.recv(CHUNK)
            if data:
                other.setblocking(True)
                other.sendall(data)
                other.setblocking(False)
                return
        except OSError:
            pass
        self._drop(sock)

    def _drop(self, sock: socket.socket) -> None:
        other = self._peers.pop(sock, None)
        for each in (sock, other):
            if each is None:
                continue
            self._peers.pop(each, None)
            try:
                self._selector.unregister(each)
            except (KeyError, ValueError):
                pass
            _reset(each)

    def _drop_all(self) -> None:
        for sock in list(self._peers):
            self._drop(sock)


def _reset(sock: socket.socket) -> None:
    """Close with RST (SO_LINGER 0), as a dead link looks to the other end once it notices."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    except OSError:
        pass
    sock.close()
