"""ONVIF discovery and media calls against a fake camera on loopback, exercised end to end.

The fake camera is real network code: a UDP responder answering WS-Discovery probes (unicast, and
multicast where the loopback interface carries it) and an HTTP SOAP server answering the device and
media calls, which checks the WS-Security password digest and the time in it against its own clock
(set an hour off, as cameras' clocks often are).
"""

from __future__ import annotations

import base64
import socket
import struct
import threading
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self

import pytest

from drivers.camera.onvif import (
    NS,
    NotOnvif,
    OnvifAuthFailed,
    OnvifClient,
    device_service_url,
    discover,
    parse_probe_matches,
    password_digest,
    probe_message,
)
from drivers.errors import DeviceUnavailable

USER, PASSWORD = "admin", "s3cret&<pw>"
CAMERA_CLOCK_AHEAD = timedelta(hours=1)


def _answer(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="{NS["s"]}" xmlns:tds="{NS["tds"]}" '
            f'xmlns:trt="{NS["trt"]}" xmlns:tt="{NS["tt"]}" xmlns:ter="http://www.onvif.org/ver10/error">'
            f"<s:Body>{body}</s:Body></s:Envelope>").encode()


def _fault(subcode: str, reason: str) -> bytes:
    return _answer(f"<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>{subcode}</s:Value>"
                   f"</s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en\">{reason}</s:Text></s:Reason></s:Fault>")


class FakeCamera:
    """A camera's ONVIF side: HTTP SOAP on 127.0.0.1 and a WS-Discovery responder."""

    def __init__(self, *, multicast: bool = False) -> None:
        camera = self
        self.calls: list[str] = []
        self.clock = lambda: datetime.now(UTC) + CAMERA_CLOCK_AHEAD

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                data = self.rfile.read(int(self.headers["Content-Length"]))
                status, reply = camera.answer(self.path, data)
                self.send_response(status)
                self.send_header("Content-Type", "application/soap+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.http.server_port}"
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if multicast:
            self.udp.bind(("", 0))
            membership = struct.pack("4s4s", socket.inet_aton("239.255.255.250"), socket.inet_aton("127.0.0.1"))
            self.udp.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, membership)
        else:
            self.udp.bind(("127.0.0.1", 0))
        self.udp.settimeout(0.1)
        self.discovery_port = self.udp.getsockname()[1]
        self.probes = 0
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self.http.serve_forever, args=(0.05,)),
                         threading.Thread(target=self._respond)]

    def __enter__(self) -> Self:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self.http.shutdown()
        self.http.server_close()
        for thread in self._threads:
            thread.join(5)
        self.udp.close()

    @property
    def device_url(self) -> str:
        return f"{self.base}/onvif/device_service"

    def _respond(self) -> None:
        while not self._stop.is_set():
            try:
                data, sender = self.udp.recvfrom(65535)
            except TimeoutError:
                continue
            root = ET.fromstring(data)
            if root.find("s:Body/d:Probe", NS) is None:
                continue
            self.probes += 1
            message_id = root.find("s:Header/a:MessageID", NS).text
            reply = (f'<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="{NS["s"]}" xmlns:a="{NS["a"]}" '
                     f'xmlns:d="{NS["d"]}" xmlns:dn="{NS["dn"]}"><s:Header><a:RelatesTo>{message_id}</a:RelatesTo>'
                     f"</s:Header><s:Body><d:ProbeMatches><d:ProbeMatch><a:EndpointReference><a:Address>"
                     "urn:uuid:00000000-fake-0000-0000-000000000064</a:Address></a:EndpointReference>"
                     "<d:Types>dn:NetworkVideoTransmitter tds:Device</d:Types>"
                     "<d:Scopes>onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/name/Room%20101 "
                     "onvif://www.onvif.org/hardware/DS-2CD2T47</d:Scopes>"
                     f"<d:XAddrs>{self.device_url}</d:XAddrs><d:MetadataVersion>1</d:MetadataVersion>"
                     "</d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>").encode()
            self.udp.sendto(reply, sender)
            self.udp.sendto(reply, sender)  # cameras often answer twice; the client lists it once

    def _authorised(self, root: ET.Element) -> bool:
        token = root.find("s:Header/wsse:Security/wsse:UsernameToken", NS)
        if token is None:
            return False
        nonce = base64.b64decode(token.find("wsse:Nonce", NS).text)
        created = token.find("wsu:Created", NS).text
        sent = datetime.strptime(created, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        if abs(sent - self.clock()) > timedelta(seconds=30):
            return False
        return (token.find("wsse:Username", NS).text == USER
                and token.find("wsse:Password", NS).text == password_digest(nonce, created, PASSWORD))

    def answer(self, path: str, data: bytes) -> tuple[int, bytes]:
        root = ET.fromstring(data)
        call = root.find("s:Body", NS)[0]
        name = call.tag.split("}")[1]
        self.calls.append(name)
        if name == "GetSystemDateAndTime":
            now = self.clock()
            return 200, _answer(
                "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:UTCDateTime>"
                f"<tt:Time><tt:Hour>{now.hour}</tt:Hour><tt:Minute>{now.minute}</tt:Minute>"
                f"<tt:Second>{now.second}</tt:Second></tt:Time><tt:Date><tt:Year>{now.year}</tt:Year>"
                f"<tt:Month>{now.month}</tt:Month><tt:Day>{now.day}</tt:Day></tt:Date></tt:UTCDateTime>"
                "</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>")
        if not self._authorised(root):
            return 400, _fault("ter:NotAuthorized", "Sender not authorized")
        if name == "GetServices" and path == "/onvif/device_service":
            return 200, _answer(
                f"<tds:GetServicesResponse><tds:Service><tds:Namespace>{NS['tds']}</tds:Namespace>"
                f"<tds:XAddr>{self.device_url}</tds:XAddr></tds:Service><tds:Service><tds:Namespace>{NS['trt']}"
                f"</tds:Namespace><tds:XAddr>{self.base}/onvif/Media</tds:XAddr></tds:Service>"
                "</tds:GetServicesResponse>")
        if path != "/onvif/Media":
            return 400, _fault("ter:ActionNotSupported", f"{name} is not served at {path}")
        if name == "GetProfiles":
            return 200, _answer(
                "<trt:GetProfilesResponse>"
                + self._profile("Profile_102", "subStream", 640, 360, 15)
                + self._profile("Profile_101", "mainStream", 1920, 1080, 25)
                + "</trt:GetProfilesResponse>")
        token = call.find("trt:ProfileToken", NS).text
        channel = {"Profile_101": "101", "Profile_102": "102"}[token]
        if name == "GetStreamUri":
            setup = call.find("trt:StreamSetup", NS)
            assert setup.find("tt:Stream", NS).text == "RTP-Unicast"
            assert setup.find("tt:Transport/tt:Protocol", NS).text == "RTSP"
            return 200, _answer(f"<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>rtsp://127.0.0.1:554/Streaming/"
                                f"Channels/{channel}</tt:Uri></trt:MediaUri></trt:GetStreamUriResponse>")
        if name == "GetSnapshotUri" and channel == "101":
            return 200, _answer(f"<trt:GetSnapshotUriResponse><trt:MediaUri><tt:Uri>{self.base}/snapshot/{channel}.jpg"
                                "</tt:Uri></trt:MediaUri></trt:GetSnapshotUriResponse>")
        return 400, _fault("ter:ActionNotSupported", "no snapshot for this profile")

    @staticmethod
    def _profile(token: str, name: str, width: int, height: int, fps: int) -> str:
        return (f'<trt:Profiles token="{token}" fixed="true"><tt:Name>{name}</tt:Name>'
                f'<tt:VideoEncoderConfiguration token="V{token}"><tt:Name>v</tt:Name><tt:Encoding>H264</tt:Encoding>'
                f"<tt:Resolution><tt:Width>{width}</tt:Width><tt:Height>{height}</tt:Height></tt:Resolution>"
                f"<tt:RateControl><tt:FrameRateLimit>{fps}</tt:FrameRateLimit></tt:RateControl>"
                "</tt:VideoEncoderConfiguration></trt:Profiles>")


@pytest.fixture
def camera():
    with FakeCamera() as fake:
        yield fake


def test_unicast_probe_finds_the_camera_once(camera):
    devices = discover(1.0, address="127.0.0.1", port=camera.discovery_port)
    assert len(devices) == 1
    device = devices[0]
    assert device.xaddrs == (camera.device_url,)
    assert device.name == "Room 101"
    assert device.scope("hardware") == "DS-2CD2T47"
    assert "dn:NetworkVideoTransmitter" in device.types
    assert device.answered_from == "127.0.0.1"


def test_multicast_probe_on_loopback():
    try:
        fake = FakeCamera(multicast=True)
    except OSError as error:
        pytest.skip(f"this machine cannot join a multicast group on loopback: {error}")
    with fake:
        devices = discover(1.5, port=fake.discovery_port, interface="127.0.0.1")
    if fake.probes == 0:
        pytest.skip("multicast is not routed over loopback on this machine (the unicast test covers the protocol)")
    assert [d.xaddrs for d in devices] == [(fake.device_url,)]


def test_probe_with_nobody_listening_returns_nothing_after_the_timeout():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as idle:
        idle.bind(("127.0.0.1", 0))  # a port where nothing answers
        assert discover(0.3, address="127.0.0.1", port=idle.getsockname()[1]) == []


def test_answers_to_another_probe_and_garbage_are_ignored():
    message = probe_message("uuid:mine")
    assert b"NetworkVideoTransmitter" in message
    other = message.replace(b"a:MessageID>uuid:mine", b"a:RelatesTo>uuid:other").replace(
        b"</a:MessageID>", b"</a:RelatesTo>")
    assert parse_probe_matches(other, "uuid:mine") == []
    assert parse_probe_matches(b"not xml", "uuid:mine") == []
    assert parse_probe_matches(b'<!DOCTYPE x [<!ENTITY a "b">]><x/>', None) == []


def test_streams_main_and_sub_with_digest_and_the_cameras_clock(camera):
    client = OnvifClient(camera.device_url, USER, PASSWORD, timeout=2)
    streams = client.streams()
    assert [s.role for s in streams] == ["main", "sub"]
    main, sub = streams
    assert (main.profile.token, main.profile.width, main.profile.height, main.profile.fps) == ("Profile_101", 1920, 1080, 25)
    assert main.profile.encoding == "H264"
    assert main.uri == "rtsp://127.0.0.1:554/Streaming/Channels/101"
    assert sub.uri.endswith("/102")
    assert main.snapshot_uri == f"{camera.base}/snapshot/101.jpg"
    assert sub.snapshot_uri is None  # the camera has none for this profile
    assert main.spec() == "rtsp://admin:s3cret%26%3Cpw%3E@127.0.0.1:554/Streaming/Channels/101"
    assert "s3cret" not in repr(main)
    offset = client.clock_offset()
    assert abs(offset - CAMERA_CLOCK_AHEAD) < timedelta(seconds=3)
    assert camera.calls[:2] == ["GetSystemDateAndTime", "GetServices"]


def test_wrong_password_is_an_auth_failure(camera):
    with pytest.raises(OnvifAuthFailed, match="127.0.0.1") as caught:
        OnvifClient(camera.device_url, USER, "wrong", timeout=2).get_profiles()
    assert caught.value.code == "onvif_auth"


def test_a_web_page_is_not_onvif():
    class Page(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            status = 404 if self.path == "/missing" else 200
            body = b"<html><body>router login</body></html>"
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        with pytest.raises(NotOnvif):
            OnvifClient(f"{base}/onvif/device_service", timeout=2).get_profiles()
        with pytest.raises(NotOnvif, match="404"):
            OnvifClient(f"{base}/missing", timeout=2).get_profiles()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_a_silent_camera_times_out_and_a_closed_port_is_unreachable():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # accepts the connection in the kernel, never answers
        client = OnvifClient(f"http://127.0.0.1:{silent.getsockname()[1]}/onvif/device_service", timeout=0.5)
        with pytest.raises(DeviceUnavailable, match="0.5"):
            client.get_profiles()
        port = silent.getsockname()[1]
    with pytest.raises(DeviceUnavailable) as caught:
        OnvifClient(f"http://127.0.0.1:{port}/onvif/device_service", timeout=1).get_profiles()
    assert caught.value.code == "device_unavailable"


def test_addresses_typed_by_hand():
    assert device_service_url("192.168.1.64") == "http://192.168.1.64/onvif/device_service"
    assert device_service_url(" cam:8080 ") == "http://cam:8080/onvif/device_service"
    assert device_service_url("http://10.0.0.5/onvif/device_service") == "http://10.0.0.5/onvif/device_service"


def test_cli_discover_lists_devices_and_stream_addresses(camera, monkeypatch, capsys):
    from app.cli.video_cmd import main

    monkeypatch.setenv("EXAMSITE_CAMERA_PASSWORD", PASSWORD)
    code = main(["video", "discover", "--address", "127.0.0.1", "--port", str(camera.discovery_port),
                 "--timeout", "1", "--user", USER, "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Room 101" in out and camera.device_url in out
    assert "main 1920×1080 H264 25 fps: rtsp://127.0.0.1:554/Streaming/Channels/101" in out
    assert "sub 640×360" in out
    assert PASSWORD not in out


def test_cli_discover_by_device_url_and_a_bad_password(camera, monkeypatch, capsys):
    from app.cli.video_cmd import main

    monkeypatch.setenv("EXAMSITE_CAMERA_PASSWORD", "wrong")
    code = main(["video", "discover", "--address", camera.device_url, "--user", USER, "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 1
    assert "refused the user name or password" in out
