"""Demo only: the queue at the door, played on the simulated camera and ID card reader.

The candidates come from the demo's own sample package (opened with the site key, no database).
`ticket_frame` draws a plausible desk picture: a wall, a person, and the printed admission
ticket held up with its QR code (drivers.scanner.encode_qr). `id_card` gives the fields the
simulated reader puts on its card.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import numpy as np

from app.domain.roster import RosterEntry
from app.package.reader import open_package
from app.errors import KnownError
from drivers.face import face_engine
from drivers.face.sim import draw_face_marker
from drivers.imaging import decode_image
from drivers.scanner import encode_qr

FRAME_SIZE = (1280, 720)


@dataclass(frozen=True)
class DemoCandidate:
    ticket_no: str
    name: str
    gender: str
    id_number: str
    token: str
    person: int | None = None  # the simulated face engine's person number of the roster portrait


def load_queue(demo, session_code: str) -> list[DemoCandidate]:
    """Everyone of `session_code` in the demo package who has a ticket QR, in ticket order."""
    site = demo.site
    package = open_package(demo.package_path, site.require_keys(), site.trusted_issuers)
    entries: list[RosterEntry] = [e for e in package.roster
                                  if e.ticket_token and any(s.session_code == session_code for s in e.seats)]
    return [DemoCandidate(e.ticket_no, e.name, e.gender, e.id_number, e.ticket_token, _person(e.photo))
            for e in sorted(entries, key=lambda e: e.ticket_no)]


def _person(photo: bytes) -> int | None:
    """Which simulated person the roster portrait shows (sample portraits carry a marker)."""
    try:
        return face_engine("sim").person(decode_image(photo))
    except KnownError:
        return None


def _birth_date(id_number: str) -> date:
    return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))


def id_card(candidate: DemoCandidate) -> dict:
    """The fields of this candidate's (simulated) resident ID card."""
    issued = date.today() - timedelta(days=3 * 365)
    return {"card_type": "resident", "name": candidate.name, "gender": candidate.gender,
            "birth_date": _birth_date(candidate.id_number), "id_number": candidate.id_number,
            "address": "江苏省南京市玄武区示范路1号", "authority": "南京市公安局玄武分局",
            "valid_from": issued, "valid_until": issued + timedelta(days=20 * 365)}


def _ellipse(shape: tuple[int, int], cx: float, cy: float, rx: float, ry: float) -> np.ndarray:
    ys, xs = np.ogrid[: shape[0], : shape[1]]
    return ((xs - cx) / rx) ** 2 + ((ys - cy) / ry) ** 2 <= 1


def ticket_frame(token: str, seed: int = 0, person: int | None = None) -> np.ndarray:
    """A 1280×720 BGR picture of a candidate holding up their admission ticket to the desk camera.

    With `person`, the candidate's simulated face (the sim engine's marker) is in the picture.
    """
    width, height = FRAME_SIZE
    frame = np.empty((height, width, 3), np.uint8)
    shade = np.linspace(205, 160, height, dtype=np.float32)[:, None]
    frame[:, :, 0] = (shade * 0.95).astype(np.uint8)
    frame[:, :, 1] = (shade * 0.97).astype(np.uint8)
    frame[:, :, 2] = shade.astype(np.uint8)
    frame[int(height * 0.78):, :] = (92, 112, 128)  # the desk
    clothes = (72, 82, 96) if seed % 2 else (96, 74, 60)
    shape = (height, width)
    frame[_ellipse(shape, 360, 250, 95, 120)] = (150, 178, 214)  # head
    frame[_ellipse(shape, 360, 700, 260, 270)] = clothes  # shoulders
    qr = encode_qr(token, module_px=4, border=3)
    side = qr.shape[0]
    paper_w, paper_h = side + 80, side + 150
    left, top = 700, max(20, (height - paper_h) // 2 - 20)
    frame[top + 8: top + paper_h + 8, left + 8: left + paper_w + 8] = (70, 80, 90)  # shadow
    frame[top: top + paper_h, left: left + paper_w] = (246, 248, 250)
    frame[top + 14: top + 40, left + 20: left + paper_w - 20] = (170, 110, 40)  # the ticket's title bar
    frame[top + 60: top + 60 + side, left + 40: left + 40 + side] = qr[:, :, None]
    for line in range(3):
        y = top + 80 + side + line * 18
        frame[y: y + 6, left + 40: left + paper_w - 60 - line * 40] = (150, 150, 150)
    return frame if person is None else draw_face_marker(frame, person)


class DemoClock:
    """The demo desk's clock: real time shifted so that it is `lead` before the chosen session starts.

    A demo is shown at any hour, but check-in only makes sense shortly before a session; the
    shift keeps the ticket windows, the cut-off and the countdown meaningful.
    """

    def __init__(self, lead: timedelta = timedelta(minutes=20)) -> None:
        self.lead = lead
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(timezone.utc) + self.offset

    def aim(self, starts_at: datetime) -> None:
        self.offset = (starts_at - self.lead) - datetime.now(timezone.utc)
