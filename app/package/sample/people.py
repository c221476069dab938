"""Invented but plausible candidates and staff for sample packages (no real person is meant)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.domain.roles import Role
from app.domain.roster import RosterEntry, SeatAssignment, StaffMember
from app.identity.idnumber import make_id_number
from app.package.sample.portrait import portrait_png

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
MALE_GIVEN = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国志峰晨亮成康新东文博"
FEMALE_GIVEN = "芳娜敏静丽艳娟霞秀燕玲婷雪慧莉萍红琳倩颖洁琴云梅晶月瑶佳欣怡璐丹蕾薇茜"
#: Region codes of the sample province (32, Jiangsu): districts and county-level cities.
REGIONS = ("320102", "320104", "320105", "320106", "320111", "320113", "320114", "320115", "320116",
           "320117", "320118", "320205", "320206", "320211", "320282", "320312", "320381", "320412",
           "320481", "320505", "320506", "320581", "320582", "320583", "320612", "320681", "320703",
           "320812", "320830", "320902", "320981", "321002", "321081", "321102", "321181", "321203",
           "321281", "321302", "321322")

TINTS = ((198, 220, 240), (214, 232, 214), (240, 226, 204), (226, 214, 236), (236, 236, 236), (206, 230, 232))


def person_name(rng: random.Random, gender: str) -> str:
    given = MALE_GIVEN if gender == "M" else FEMALE_GIVEN
    return rng.choice(SURNAMES) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2, 2))))


def id_number_for(rng: random.Random, gender: str, exam_date: date) -> str:
    """A valid ID number for someone aged 18 to 55 on the exam date, with a matching gender digit."""
    oldest, youngest = exam_date - timedelta(days=55 * 365 + 300), exam_date - timedelta(days=18 * 366)
    birth = oldest + timedelta(days=rng.randrange((youngest - oldest).days))
    sequence = rng.randrange(0, 500) * 2 + (1 if gender == "M" else 0)
    return make_id_number(rng.choice(REGIONS), birth, sequence)


def ticket_number(exam_date: date, province: str, batch: int, level: int, room: int, seat: int) -> str:
    """准考证号: YY + province (2) + batch serial (3) + level (1) + room (2) + seat (2)."""
    return f"{exam_date:%y}{province}{batch:03d}{level}{room:02d}{seat:02d}"


def make_roster(rng: random.Random, count: int, exam_date: date, province: str, level: int,
                rooms: list[tuple[str, int]], sessions: list[str], batch: int = 1) -> list[RosterEntry]:
    """`count` candidates filled into `rooms` (code, capacity) in turn; the same seat in every session.

    `batch` (1–999) keeps the tickets of different sample packages apart.
    """
    roster, per_room = [], -(-count // len(rooms))
    for number in range(count):
        room_index, seat = divmod(number, per_room)
        room_code = rooms[room_index][0]
        gender = "M" if rng.random() < 0.8 else "F"  # electricians: mostly men
        hue = rng.randrange(len(TINTS))
        roster.append(RosterEntry(
            ticket_no=ticket_number(exam_date, province, batch, level, room_index + 1, seat + 1),
            name=person_name(rng, gender), gender=gender, id_type="resident",
            id_number=id_number_for(rng, gender, exam_date), photo=portrait_png(TINTS[hue], person=number + 1), photo_type="image/png",
            seats=tuple(SeatAssignment(session, room_code, seat + 1) for session in sessions),
        ))
    return roster


def make_staff(rng: random.Random, rooms: list[str], theory: str, practical: str) -> list[StaffMember]:
    """Site admin, a chief proctor and a proctor per room, examiners with a lead, one supervisor."""
    def member(number: int, roles: tuple[Role, ...], duties) -> StaffMember:
        gender = "M" if rng.random() < 0.6 else "F"
        return StaffMember(staff_no=f"KW{number:04d}", name=person_name(rng, gender), roles=roles,
                           duties=tuple(SeatAssignment(session, room) for session, room in duties))

    staff = [member(1, (Role.ADMIN,), [])]
    number = 2
    for room in rooms:
        both = [(theory, room), (practical, room)]
        staff.append(member(number, (Role.CHIEF_PROCTOR, Role.PROCTOR), both))
        staff.append(member(number + 1, (Role.PROCTOR,), both))
        number += 2
    scoring = [(practical, room) for room in rooms]
    staff.append(member(100, (Role.EXAMINER_LEAD, Role.EXAMINER), scoring))
    staff += [member(101 + index, (Role.EXAMINER,), scoring) for index in range(3)]
    staff.append(member(200, (Role.SUPERVISOR,), [(session, room) for session in (theory, practical) for room in rooms]))
    return staff
