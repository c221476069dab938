"""The check-in stage of the simulated exam day: the whole theory roster at the door.

Real services (tickets, database, audit), real drivers where they can run without hardware (the
ID-card driver speaking the SAM protocol to the simulated reader over a pseudo-terminal, QR
decoding of camera frames), simulated people and a simulated camera and face engine. Most
candidates arrive on time with their ticket or their ID card; three arrive after the cut-off and
are admitted by the chief proctor with a reason; the rest are absent. Someone brings a forged
ticket, and someone else brings a real candidate's ticket but is not that candidate.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.domain.roles import Role
from app.domain.roster import RosterEntry
from app.errors import KnownError
from app.i18n import tr
from app.identity.face import compare_faces
from app.identity.idnumber import birth_date_of
from app.identity.tickets import TicketRejected, issue_ticket
from app.package import open_package
from app.security import SigningKey
from app.services.auth import AuthService
from app.services.checkin import (
    CheckinRefused,
    CheckinService,
    Decision,
    Evidence,
    Method,
)
from app.simulation.clock import ManualClock as Clock
from app.simulation.demo_site import DemoSite
from drivers.camera import SimulatedCamera
from drivers.camera.desk_scene import desk_scene
from drivers.face import face_engine
from drivers.idcard import SimulatedCardReader, open_card_reader
from drivers.imaging import decode_image, encode_jpeg
from drivers.scanner import decode_qr

SESSION = "TH1"
LATE, ABSENT = 3, 6
STRANGER = 4000  # a person number no roster portrait carries


class CheckFailed(Exception):
    """Something the stage expected did not happen."""


@dataclass
class Desk:
    """One check-in desk: a proctor, the chief proctor, a camera, a card reader, the face engine."""

    service: CheckinService
    clock: Clock
    proctor: object
    chief: object
    camera: SimulatedCamera
    reader: SimulatedCardReader
    driver: object
    faces: object = field(default_factory=lambda: face_engine("sim"))
    photos: dict[str, object] = field(default_factory=dict)

    def look(self, token: str | None, person: int | None, seed: int):
        self.camera.show(desk_scene(token, person, seed))
        return self.camera.read(2.0).image

    def scan(self, token: str, person: int, seed: int):
        frame = self.look(token, person, seed)
        codes = decode_qr(frame)
        if codes != [token]:
            raise CheckFailed(f"the desk camera did not read the ticket (read {len(codes)} codes)")
        return frame, self.service.scan_ticket(self.proctor, SESSION, codes[0])

    def card(self, entry: RosterEntry):
        self.reader.insert({"name": entry.name, "gender": entry.gender, "id_number": entry.id_number,
                            "birth_date": birth_date_of(entry.id_number), "address": "江苏省南京市玄武区中山路1号",
                            "authority": "南京市公安局玄武分局", "valid_from": date(2020, 6, 1),
                            "valid_until": date(2040, 6, 1)})
        try:
            card = self.driver.read_card(timeout=3.0)
        finally:
            self.reader.remove()
        if card is None or card.id_number != entry.id_number:
            raise CheckFailed("the ID-card reader did not read the card")
        return card

    def evidence(self, method: Method, frame, entry: RosterEntry, card=None, ticket="valid") -> Evidence:
        match = compare_faces(frame, self.photos[entry.ticket_no], engine=self.faces)
        return Evidence(method=method, ticket_status=ticket, card_id_number=card.id_number if card else None,
                        face_consent=True, face_distance=match.distance, face_same=match.same,
                        photo_jpeg=encode_jpeg(frame[:540, :960]))


def run(demo: DemoSite) -> str:
    site = demo.site
    package = open_package(demo.package_path, site.require_keys(), site.trusted_issuers)
    roster = [e for e in package.roster if any(seat.session_code == SESSION for seat in e.seats)]
    start = next(s.starts_at for s in package.plan.sessions if s.code == SESSION)
    clock = Clock(start - timedelta(minutes=45))
    auth = AuthService(site)
    actors = {role: auth.login(no, secret, role) for no, (role, secret) in demo.credentials.items()
              if role in (Role.PROCTOR, Role.CHIEF_PROCTOR)}
    camera = SimulatedCamera(size=(1920, 1080))
    camera.open()
    reader = SimulatedCardReader(name="sim-desk").start()
    driver = open_card_reader(f"serial:{reader.device_path}")
    desk = Desk(CheckinService(site, clock), clock, actors[Role.PROCTOR], actors[Role.CHIEF_PROCTOR],
                camera, reader, driver)
    try:
        desk.photos = {e.ticket_no: decode_image(e.photo) for e in roster}
        return _day_at_the_door(desk, roster, package.plan.plan_code)
    finally:
        driver.close()
        reader.stop()
        camera.close()


def _day_at_the_door(desk: Desk, roster: list[RosterEntry], plan_code: str) -> str:
    rng = random.Random(7)
    order = roster[:]
    rng.shuffle(order)
    late, absent, on_time = order[:LATE], order[LATE:LATE + ABSENT], order[LATE + ABSENT:]
    for number, entry in enumerate(on_time):
        desk.clock.now += timedelta(seconds=25)
        person = desk.faces.person(desk.photos[entry.ticket_no])
        if number % 5 == 4:  # no ticket with them: the ID card finds them
            card = desk.card(entry)
            found = desk.service.read_card(desk.proctor, SESSION, card.id_number)
            evidence = desk.evidence(Method.ID_CARD, desk.look(None, person, number), entry, card, "not_scanned")
        else:
            frame, found = desk.scan(entry.ticket_token, person, number)
            evidence = desk.evidence(Method.TICKET, frame, entry, desk.card(entry) if number % 3 == 0 else None)
        if found.ticket_no != entry.ticket_no or not evidence.face_same:
            raise CheckFailed(f"ticket {entry.ticket_no} was not recognised at the desk")
        desk.service.decide(desk.proctor, SESSION, entry.ticket_no, Decision.CONFIRMED, evidence)
    forged_reason = _forged_ticket(desk, roster[0], plan_code)
    impostor = _impostor(desk, absent[0])
    desk.clock.now = desk.service.cutoff(SESSION) + timedelta(minutes=4)
    for number, entry in enumerate(late):
        frame, _ = desk.scan(entry.ticket_token, desk.faces.person(desk.photos[entry.ticket_no]), 100 + number)
        evidence = desk.evidence(Method.TICKET, frame, entry)
        try:
            desk.service.decide(desk.proctor, SESSION, entry.ticket_no, Decision.CONFIRMED, evidence)
            raise CheckFailed("a proctor admitted a late candidate")
        except CheckinRefused as refused:
            if refused.code != "late":
                raise
        desk.service.decide(desk.chief, SESSION, entry.ticket_no, Decision.OVERRIDDEN, evidence,
                            reason="地铁故障，持运营方延误证明")
    marked = desk.service.mark_absentees(desk.proctor, SESSION)
    if sorted(marked) != sorted(e.ticket_no for e in absent):
        raise CheckFailed(f"{len(marked)} marked absent, {len(absent)} expected")
    counts = desk.service.summary(desk.chief, SESSION)
    checked_in = sum(c["checked_in"] for c in counts.values())
    if checked_in != len(on_time) + len(late):
        raise CheckFailed(f"{checked_in} checked in, {len(on_time) + len(late)} expected")
    return tr("{checked_in} checked in ({late} late, admitted by the chief proctor), {absent} absent; "
              "forged ticket refused: {forged}; a stranger with a real ticket refused (face distance {distance})",
              checked_in=checked_in, late=len(late), absent=len(marked), forged=forged_reason, distance=impostor)


def _forged_ticket(desk: Desk, victim: RosterEntry, plan_code: str) -> str:
    now = desk.clock.now
    token = issue_ticket(SigningKey.generate(), ticket_no=victim.ticket_no, plan_code=plan_code, sessions=[SESSION],
                         id_number=victim.id_number, valid_from=now - timedelta(days=1),
                         valid_until=now + timedelta(days=1))
    try:
        desk.scan(token, STRANGER, 999)
    except TicketRejected as refused:
        if refused.code != "forged":
            raise CheckFailed(f"a forged ticket was refused as {refused.code}") from None
        return refused.message
    raise CheckFailed("a forged ticket was accepted")


def _impostor(desk: Desk, victim: RosterEntry) -> str:
    frame, found = desk.scan(victim.ticket_token, STRANGER, 998)
    evidence = desk.evidence(Method.TICKET, frame, victim)
    if evidence.face_same:
        raise CheckFailed("a stranger's face matched the roster photo")
    try:
        desk.service.decide(desk.proctor, SESSION, found.ticket_no, Decision.CONFIRMED, evidence)
    except KnownError:
        desk.service.decide(desk.proctor, SESSION, found.ticket_no, Decision.REJECTED, evidence, reason="人证不一致")
        return f"{evidence.face_distance:.2f}"
    raise CheckFailed("a stranger with a real candidate's ticket was admitted")
