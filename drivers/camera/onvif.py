"""ONVIF cameras: WS-Discovery on the local network, and the media calls that give their stream addresses.

    devices = discover(timeout=3)                      # multicast probe on this subnet
    devices = discover(address="192.168.1.64")         # unicast probe to one camera
    client = OnvifClient(device.xaddrs[0], "admin", "pw")
    for stream in client.streams(): print(stream.role, stream.uri)   # main, sub, ... → rtsp://…

WS-Discovery is UDP multicast to 239.255.255.250:3702 with a TTL of 1: it never crosses a router,
so cameras on another subnet are entered by hand (their address, or the device service URL).
The media calls are SOAP 1.2 over HTTP with a WS-Security UsernameToken (password digest), the
clock offset taken from the camera first because cameras refuse a digest whose time is off.
Standard library only (urllib, xml.etree). See docs/cameras.md.
"""

from __future__ import annotations

import base64
import hashlib
import os
import select
import socket
import time
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib import error as urlerror
from urllib import request as urlrequest
from urllib.parse import quote, urlsplit, urlunsplit

from app.i18n import tr
from drivers.camera.base import mask_password
from drivers.errors import DeviceUnavailable

MULTICAST_GROUP = "239.255.255.250"
DISCOVERY_PORT = 3702
NS = {
    "s": "http://www.w3.org/2003/05/soap-envelope",
    "a": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
    "d": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
    "dn": "http://www.onvif.org/ver10/network/wsdl",
    "tds": "http://www.onvif.org/ver10/device/wsdl",
    "trt": "http://www.onvif.org/ver10/media/wsdl",
    "tt": "http://www.onvif.org/ver10/schema",
    "wsse": "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
    "wsu": "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd",
}
PASSWORD_DIGEST = ("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0"
                   "#PasswordDigest")
NONCE_ENCODING = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary"


class OnvifError(DeviceUnavailable):
    """The camera answered, but not as an ONVIF camera should (a SOAP fault, or not SOAP at all)."""

    code = "onvif"


class OnvifAuthFailed(OnvifError):
    code = "onvif_auth"


class NotOnvif(OnvifError):
    code = "not_onvif"


@dataclass(frozen=True)
class DiscoveredDevice:
    """One answer to a probe: the device's endpoint and its device-service URLs (XAddrs)."""

    endpoint: str
    xaddrs: tuple[str, ...]
    types: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    answered_from: str = ""

    def scope(self, kind: str) -> str:
        """A scope value such as `name` or `hardware` (onvif://www.onvif.org/name/IPC-1 → IPC-1)."""
        prefix = f"onvif://www.onvif.org/{kind}/"
        return next((s[len(prefix):].replace("%20", " ") for s in self.scopes if s.startswith(prefix)), "")

    @property
    def name(self) -> str:
        return self.scope("name") or self.scope("hardware") or self.answered_from


@dataclass(frozen=True)
class MediaProfile:
    token: str
    name: str
    encoding: str = ""
    width: int = 0
    height: int = 0
    fps: float = 0.0


@dataclass(frozen=True)
class CameraStream:
    """A profile with its RTSP address; `role` is main for the largest picture, sub for the next."""

    role: str
    profile: MediaProfile
    uri: str
    snapshot_uri: str | None = None
    username: str = field(default="", repr=False)
    password: str = field(default="", repr=False)

    def spec(self) -> str:
        """The address for open_camera / the recorder, with the credentials put into it."""
        return with_credentials(self.uri, self.username, self.password)


def with_credentials(uri: str, username: str, password: str) -> str:
    parts = urlsplit(uri)
    if not username or parts.username:
        return uri
    netloc = f"{quote(username, safe='')}:{quote(password, safe='')}@{parts.netloc}"
    return urlunsplit(parts._replace(netloc=netloc))


def _parse(data: bytes) -> ET.Element:
    if b"<!DOCTYPE" in data[:2048].upper() or b"<!ENTITY" in data[:2048].upper():
        raise ET.ParseError("documents with a DOCTYPE are refused")
    return ET.fromstring(data)


def _text(element: ET.Element | None, path: str) -> str:
    found = element.find(path, NS) if element is not None else None
    return (found.text or "").strip() if found is not None else ""


# -- WS-Discovery ---------------------------------------------------------------------------------

def probe_message(message_id: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<s:Envelope xmlns:s="{NS["s"]}" xmlns:a="{NS["a"]}" xmlns:d="{NS["d"]}" xmlns:dn="{NS["dn"]}">'
        f"<s:Header><a:MessageID>{message_id}</a:MessageID>"
        '<a:To s:mustUnderstand="true">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>'
        f'<a:Action s:mustUnderstand="true">{NS["d"]}/Probe</a:Action></s:Header>'
        "<s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body></s:Envelope>"
    ).encode()


def parse_probe_matches(data: bytes, message_id: str | None = None, answered_from: str = "") -> list[DiscoveredDevice]:
    """The devices in a ProbeMatches message; empty for anything else (or an answer to another probe)."""
    try:
        root = _parse(data)
    except ET.ParseError:
        return []
    relates = _text(root, "s:Header/a:RelatesTo")
    if message_id is not None and relates and relates != message_id:
        return []
    devices = []
    for match in root.iterfind("s:Body/d:ProbeMatches/d:ProbeMatch", NS):
        xaddrs = tuple(_text(match, "d:XAddrs").split())
        if not xaddrs:
            continue
        devices.append(DiscoveredDevice(endpoint=_text(match, "a:EndpointReference/a:Address"), xaddrs=xaddrs,
                                        types=tuple(_text(match, "d:Types").split()),
                                        scopes=tuple(_text(match, "d:Scopes").split()), answered_from=answered_from))
    return devices


def discover(timeout: float = 3.0, *, address: str | None = None, port: int = DISCOVERY_PORT,
             interface: str | None = None) -> list[DiscoveredDevice]:
    """Probe for ONVIF cameras for `timeout` seconds: multicast on this subnet, or unicast to `address`.

    `interface` is the local IPv4 address whose network the multicast probe goes out on (default:
    the system's choice). Devices answering more than once are listed once.
    """
    message_id = f"uuid:{uuid.uuid4()}"
    message = probe_message(message_id)
    found: dict[str, DiscoveredDevice] = {}
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP) as sock:
        sock.bind((interface or "", 0))
        if address is None:
            sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
            sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, 1)
            if interface:
                sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(interface))
        target = (address or MULTICAST_GROUP, port)
        try:
            sock.sendto(message, target)
        except OSError as error:
            raise DeviceUnavailable(tr("The discovery probe could not be sent ({detail}); enter the camera's address by hand.",
                                       detail=error.strerror or str(error))) from error
        deadline = time.monotonic() + timeout
        resent = address is None
        while (left := deadline - time.monotonic()) > 0:
            if not resent and left < timeout / 2:  # UDP may be lost: ask a unicast camera twice
                sock.sendto(message, target)
                resent = True
            ready, _, _ = select.select([sock], [], [], min(left, timeout / 2) if not resent else left)
            if not ready:
                continue
            try:
                data, sender = sock.recvfrom(65535)
            except (ConnectionRefusedError, ConnectionResetError):  # ICMP port unreachable from a unicast target
                continue
            for device in parse_probe_matches(data, message_id, sender[0]):
                found.setdefault(device.endpoint or device.xaddrs[0], device)
    return list(found.values())


# -- the media calls ------------------------------------------------------------------------------

def password_digest(nonce: bytes, created: str, password: str) -> str:
    """WS-Security UsernameToken digest: Base64(SHA-1(nonce + created + password))."""
    return base64.b64encode(hashlib.sha1(nonce + created.encode() + password.encode()).digest()).decode()


def _security_header(username: str, password: str, now: datetime) -> str:
    nonce = os.urandom(16)
    created = now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"
    return (f'<wsse:Security s:mustUnderstand="1" xmlns:wsse="{NS["wsse"]}" xmlns:wsu="{NS["wsu"]}">'
            f"<wsse:UsernameToken><wsse:Username>{_escape(username)}</wsse:Username>"
            f'<wsse:Password Type="{PASSWORD_DIGEST}">{password_digest(nonce, created, password)}</wsse:Password>'
            f'<wsse:Nonce EncodingType="{NONCE_ENCODING}">{base64.b64encode(nonce).decode()}</wsse:Nonce>'
            f"<wsu:Created>{created}</wsu:Created></wsse:UsernameToken></wsse:Security>")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class OnvifClient:
    """The device and media services of one camera. Not thread-safe; cheap to make."""

    def __init__(self, xaddr: str, username: str = "", password: str = "", *, timeout: float = 5.0) -> None:
        self.xaddr = xaddr
        self.username = username
        self.password = password
        self.timeout = timeout
        self.description = mask_password(xaddr)
        self._clock_offset: timedelta | None = None
        self._media_xaddr: str | None = None
        passwords = urlrequest.HTTPPasswordMgrWithDefaultRealm()
        if username:
            root = urlsplit(xaddr)
            passwords.add_password(None, f"{root.scheme}://{root.netloc}/", username, password)  # every service
        self._opener = urlrequest.build_opener(urlrequest.HTTPDigestAuthHandler(passwords))

    # -- transport --

    def call(self, url: str, body: str, *, authenticate: bool = True) -> ET.Element:
        """POST one SOAP request; the Body's first child of the answer, or a precise OnvifError."""
        header = ""
        if authenticate and self.username:
            header = _security_header(self.username, self.password, datetime.now(UTC) + self.clock_offset())
        envelope = (f'<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="{NS["s"]}">'
                    f"<s:Header>{header}</s:Header><s:Body>{body}</s:Body></s:Envelope>").encode()
        request = urlrequest.Request(url, data=envelope, method="POST",
                                     headers={"Content-Type": "application/soap+xml; charset=utf-8"})
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                data = response.read()
        except urlerror.HTTPError as error:
            data = error.read() or b""
            if error.code == 401:
                raise OnvifAuthFailed(self._auth_sentence()) from None
            self._raise_fault(data, error.code)
            raise NotOnvif(tr("{address} answered HTTP {status}: it is not an ONVIF camera, or not at this address.",
                              address=self.description, status=error.code)) from None
        except (urlerror.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, TimeoutError | socket.timeout):
                raise DeviceUnavailable(tr("Camera {address} did not answer within {seconds} seconds.",
                                           address=self.description, seconds=f"{self.timeout:g}")) from None
            raise DeviceUnavailable(tr("Camera {address} cannot be reached ({detail}); check the address and the network.",
                                       address=self.description, detail=str(reason))) from None
        self._raise_fault(data, 200)
        try:
            body_element = _parse(data).find("s:Body", NS)
        except ET.ParseError:
            body_element = None
        if body_element is None or len(body_element) == 0:
            raise NotOnvif(tr("{address} did not answer in SOAP: it is not an ONVIF camera, or not at this address.",
                              address=self.description))
        return body_element[0]

    def _auth_sentence(self) -> str:
        return tr("Camera {address} refused the user name or password.", address=self.description)

    def _raise_fault(self, data: bytes, status: int) -> None:
        try:
            fault = _parse(data).find("s:Body/s:Fault", NS)
        except ET.ParseError:
            return
        if fault is None:
            return
        codes = [element.text or "" for element in fault.iter(f"{{{NS['s']}}}Value")]
        if any(code.endswith(("NotAuthorized", "FailedAuthentication", "InvalidSecurity")) for code in codes):
            raise OnvifAuthFailed(self._auth_sentence())
        reason = _text(fault, "s:Reason/s:Text") or (codes[-1] if codes else str(status))
        raise OnvifError(tr("Camera {address} refused the request: {reason}", address=self.description, reason=reason))

    # -- device service --

    def clock_offset(self) -> timedelta:
        """The camera's clock minus ours (GetSystemDateAndTime needs no password); zero if it cannot say."""
        if self._clock_offset is None:
            self._clock_offset = timedelta(0)
            try:
                answer = self.call(self.xaddr, f'<tds:GetSystemDateAndTime xmlns:tds="{NS["tds"]}"/>', authenticate=False)
            except OnvifError:
                return self._clock_offset
            utc = answer.find("tds:SystemDateAndTime/tt:UTCDateTime", NS)
            if utc is not None:
                parts = [int(_text(utc, f"tt:{a}/tt:{b}") or 0) for a, b in
                         (("Date", "Year"), ("Date", "Month"), ("Date", "Day"),
                          ("Time", "Hour"), ("Time", "Minute"), ("Time", "Second"))]
                try:
                    self._clock_offset = datetime(*parts, tzinfo=UTC) - datetime.now(UTC)
                except ValueError:
                    pass
        return self._clock_offset

    def media_xaddr(self) -> str:
        """The media service's URL (GetServices, then GetCapabilities, else the device service itself)."""
        if self._media_xaddr is None:
            found = ""
            try:
                answer = self.call(self.xaddr, f'<tds:GetServices xmlns:tds="{NS["tds"]}">'
                                               "<tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>")
                found = next((_text(service, "tds:XAddr") for service in answer.iterfind("tds:Service", NS)
                              if _text(service, "tds:Namespace") == NS["trt"]), "")
            except OnvifAuthFailed:
                raise
            except OnvifError:
                try:
                    answer = self.call(self.xaddr, f'<tds:GetCapabilities xmlns:tds="{NS["tds"]}">'
                                                   "<tds:Category>Media</tds:Category></tds:GetCapabilities>")
                    found = _text(answer, "tds:Capabilities/tt:Media/tt:XAddr")
                except OnvifAuthFailed:
                    raise
                except OnvifError:
                    found = ""
            self._media_xaddr = found or self.xaddr
        return self._media_xaddr

    # -- media service --

    def get_profiles(self) -> list[MediaProfile]:
        answer = self.call(self.media_xaddr(), f'<trt:GetProfiles xmlns:trt="{NS["trt"]}"/>')
        profiles = []
        for element in answer.iterfind("trt:Profiles", NS):
            encoder = element.find("tt:VideoEncoderConfiguration", NS)
            fps = _text(encoder, "tt:RateControl/tt:FrameRateLimit")
            profiles.append(MediaProfile(
                token=element.get("token", ""), name=_text(element, "tt:Name"),
                encoding=_text(encoder, "tt:Encoding"),
                width=int(_text(encoder, "tt:Resolution/tt:Width") or 0),
                height=int(_text(encoder, "tt:Resolution/tt:Height") or 0), fps=float(fps or 0)))
        return profiles

    def get_stream_uri(self, profile_token: str) -> str:
        body = (f'<trt:GetStreamUri xmlns:trt="{NS["trt"]}" xmlns:tt="{NS["tt"]}"><trt:StreamSetup>'
                "<tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport>"
                f"</trt:StreamSetup><trt:ProfileToken>{_escape(profile_token)}</trt:ProfileToken></trt:GetStreamUri>")
        uri = _text(self.call(self.media_xaddr(), body), "trt:MediaUri/tt:Uri")
        if not uri:
            raise OnvifError(tr("Camera {address} gave no stream address for profile {profile}.",
                                address=self.description, profile=profile_token))
        return uri

    def get_snapshot_uri(self, profile_token: str) -> str | None:
        """The JPEG snapshot URL, or None where the camera has none."""
        body = (f'<trt:GetSnapshotUri xmlns:trt="{NS["trt"]}"><trt:ProfileToken>{_escape(profile_token)}'
                "</trt:ProfileToken></trt:GetSnapshotUri>")
        try:
            return _text(self.call(self.media_xaddr(), body), "trt:MediaUri/tt:Uri") or None
        except OnvifAuthFailed:
            raise
        except OnvifError:
            return None

    def streams(self) -> list[CameraStream]:
        """Every video profile with its RTSP address, largest picture first: main, sub, third, …"""
        profiles = sorted((p for p in self.get_profiles() if p.token), key=lambda p: p.width * p.height, reverse=True)
        roles = ("main", "sub")
        return [CameraStream(role=roles[index] if index < len(roles) else f"stream{index + 1}", profile=profile,
                             uri=self.get_stream_uri(profile.token), snapshot_uri=self.get_snapshot_uri(profile.token),
                             username=self.username, password=self.password)
                for index, profile in enumerate(profiles)]


def device_service_url(address: str) -> str:
    """The usual device-service URL for an address typed by hand (`192.168.1.64`, `host:8080` or a full URL)."""
    address = address.strip()
    return address if "://" in address else f"http://{address}/onvif/device_service"
