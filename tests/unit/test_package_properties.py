"""Property tests: arbitrary valid plans and rosters round-trip; any corrupted byte is refused."""

from __future__ import annotations

from dataclasses import replace

import zipfile
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.canonical import canonical_json
from app.domain.paper import PracticalTask, RubricItem, RubricItemKind
from app.domain.plan import ExamPlan, ExamRules, Level, RoomSpec, SessionKind, SessionSpec
from app.domain.roles import Role
from app.domain.roster import RosterEntry, SeatAssignment, StaffMember
from app.identity.idnumber import make_id_number
from app.identity.tickets import read_ticket
from app.package import PackageError, build_package, open_package, verify_package
from app.package.fields import parse_json
from app.security import FAST_FOR_TESTS, SigningKey, SiteKeys

SITE = SiteKeys.generate("SITE-P", "属性测试考点")
ISSUER = SigningKey.generate()
EXAM_DAY = date(2026, 6, 1)
FAST_SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

codes = st.from_regex(r"\A[A-Z][A-Z0-9]{0,5}\Z")
names = st.text(st.characters(categories=("Lo", "Lu", "Ll", "Nd")), min_size=1, max_size=8)
TASK = PracticalTask("T1", "实操", 60, Decimal("10"), (RubricItem("I1", "步骤", RubricItemKind.SCORE, Decimal("10")),))


@st.composite
def packages(draw):
    room_codes = draw(st.lists(codes, min_size=1, max_size=3, unique=True))
    capacity = draw(st.integers(5, 40))
    rooms = tuple(RoomSpec(code, draw(names), capacity, draw(st.text(max_size=10))) for code in room_codes)
    start = datetime(2026, 6, 1, 1, 0, tzinfo=timezone.utc)
    sessions = (SessionSpec("PR1", SessionKind.PRACTICAL, draw(names), start, start + timedelta(hours=3),
                            tuple(room_codes), task_codes=("T1",)),)
    rules = ExamRules(late_entry_minutes=draw(st.integers(0, 60)), examiner_count=draw(st.integers(1, 5)),
                      theory_pass_mark=draw(st.decimals(0, 100, places=1)), shuffle_items=draw(st.booleans()))
    plan = ExamPlan(draw(codes), draw(codes), draw(names), "32", "6-31-01-03", draw(names),
                    draw(st.sampled_from(list(Level))), EXAM_DAY, rooms, sessions, rules)
    count = draw(st.integers(0, 4))
    roster = []
    for number in range(count):
        room = draw(st.sampled_from(room_codes))
        seat = draw(st.one_of(st.none(), st.just(number + 1)))
        birth = draw(st.dates(date(1950, 1, 1), date(2008, 1, 1)))
        sequence = draw(st.integers(0, 999))
        roster.append(RosterEntry(
            ticket_no=f"26{number:04d}", name=draw(names), gender="M" if sequence % 2 else "F", id_type="resident",
            id_number=make_id_number("320102", birth, sequence), photo=draw(st.binary(max_size=64)),
            photo_type=draw(st.sampled_from(["image/png", "image/jpeg"])),
            seats=(SeatAssignment("PR1", room, seat),)))
    staff = tuple(StaffMember(f"S{index}", draw(names), (draw(st.sampled_from(list(Role))),),
                              (SeatAssignment("PR1", draw(st.sampled_from(room_codes))),))
                  for index in range(draw(st.integers(0, 3))))
    return plan, tuple(roster), staff


@FAST_SETTINGS
@given(packages())
def test_build_then_open_round_trips(tmp_path_factory, content):
    plan, roster, staff = content
    path = tmp_path_factory.mktemp("p") / "p.espkg"
    build_package(path, plan=plan, roster=roster, staff=staff, tasks=[TASK], papers={}, issuer=ISSUER,
                  site=SITE.public, paper_params=FAST_FOR_TESTS)
    package = open_package(path, SITE, [ISSUER.public_key])
    assert tuple(replace(entry, ticket_token=None) for entry in package.roster) == roster
    for entry in package.roster:
        claims = read_ticket(entry.ticket_token, [ISSUER.public_key])
        assert claims.ticket_no == entry.ticket_no and claims.plan_code == plan.plan_code
    assert package.staff == staff and package.tasks == (TASK,)
    assert package.plan == plan


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_single_byte_corruption_of_any_member_is_refused(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("c")
    source = folder / "good.espkg"
    if not source.exists():
        plan, roster, staff = data.draw(packages())
        build_package(source, plan=plan, roster=roster, staff=staff, tasks=[TASK], papers={}, issuer=ISSUER,
                      site=SITE.public, paper_params=FAST_FOR_TESTS)
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    name = data.draw(st.sampled_from(sorted(members)))
    content = bytearray(members[name])
    if not content:
        return
    position = data.draw(st.integers(0, len(content) - 1))
    content[position] ^= data.draw(st.integers(1, 255))
    members[name] = bytes(content)
    bad = folder / "bad.espkg"
    with zipfile.ZipFile(bad, "w") as archive:
        for member, payload in members.items():
            archive.writestr(member, payload)
    try:
        open_package(bad, SITE, [ISSUER.public_key])
    except PackageError as error:
        assert error.code in ("tampered", "bad_signature", "malformed", "unsupported_version", "wrong_site")
    else:
        raise AssertionError(f"a package with {name} altered at byte {position} was accepted")
    verify_package(source, SITE.public, [ISSUER.public_key])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=15)


@given(json_values)
def test_canonical_json_round_trips_through_the_strict_reader(value):
    encoded = canonical_json(value)
    assert parse_json(encoded) == value
    assert canonical_json(parse_json(encoded)) == encoded
