"""A realistic, signed sample package for demos and tests: 电工 (6-31-01-03), 四级/中级工.

Everything is invented: the agency, the people and their ID numbers (valid check characters,
plausible regions and ages). The default issuer is the well-known sample key, which a real site
must never trust for real exams.
"""

from __future__ import annotations

import math
import random
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from app.domain.plan import Aggregation, ExamPlan, ExamRules, Level, RoomSpec, SessionKind, SessionSpec
from app.package.sample.people import make_roster, make_staff
from app.package.sample.practical import make_tasks
from app.package.sample.questions import make_paper
from app.package.writer import build_package
from app.security import PRODUCTION, ScryptParams, SigningKey, SitePublic

SHANGHAI = ZoneInfo("Asia/Shanghai")
PROVINCE = "32"
ROOM_CAPACITY = 30
ROOM_NAMES = ("第一考场", "第二考场", "第三考场", "第四考场", "第五考场", "第六考场", "第七考场", "第八考场")


@dataclass(frozen=True)
class SampleInfo:
    path: Path
    package_id: str
    exam_password: str
    issuer_fingerprint: str


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), SHANGHAI)


def make_plan(exam_date: date, candidates: int, seed: int) -> ExamPlan:
    rooms = tuple(RoomSpec(code=f"R{index:02d}", name=ROOM_NAMES[index - 1] if index <= len(ROOM_NAMES) else f"第{index}考场",
                           capacity=ROOM_CAPACITY, location=f"实训楼{(index + 1) // 2}层 {100 * ((index + 1) // 2) + index:03d}室")
                  for index in range(1, max(2, math.ceil(candidates / ROOM_CAPACITY)) + 1))
    room_codes = tuple(room.code for room in rooms)
    sessions = (
        SessionSpec(code="TH1", kind=SessionKind.THEORY, title="理论知识考试", starts_at=_at(exam_date, 9),
                    ends_at=_at(exam_date, 10, 30), room_codes=room_codes, paper_code="DG4-LL-A"),
        SessionSpec(code="PR1", kind=SessionKind.PRACTICAL, title="操作技能考核", starts_at=_at(exam_date, 14),
                    ends_at=_at(exam_date, 17), room_codes=room_codes, task_codes=("T1", "T2", "T3")),
    )
    return ExamPlan(
        plan_code=f"KH{PROVINCE}{exam_date:%Y%m%d}{seed % 1000:03d}", agency_code=f"{PROVINCE}0199",
        agency_name="东江市职业技能鉴定指导中心", province_code=PROVINCE, occupation_code="6-31-01-03",
        occupation_name="电工", level=Level.FOUR, exam_date=exam_date, rooms=rooms, sessions=sessions,
        rules=ExamRules(examiner_count=3, aggregation=Aggregation.MEAN, late_entry_minutes=15,
                        earliest_submit_minutes=30),
    )


def make_sample(site: SitePublic, out: Path, *, issuer: SigningKey | None = None, exam_password: str | None = None,
                candidates: int = 60, exam_date: date | None = None, seed: int = 0,
                paper_params: ScryptParams = PRODUCTION) -> SampleInfo:
    """Write a signed sample package for `site` to `out`; the exam password is random unless given."""
    if candidates < 1:
        raise ValueError("a sample needs at least one candidate")
    issuer = issuer or SigningKey.sample_issuer()
    exam_password = exam_password or f"{secrets.randbelow(10**8):08d}"
    exam_date = exam_date or datetime.now(SHANGHAI).date()
    rng = random.Random(seed)
    plan = make_plan(exam_date, candidates, seed)
    room_codes = [room.code for room in plan.rooms]
    roster = make_roster(rng, candidates, exam_date, PROVINCE, int(plan.level),
                         [(room.code, room.capacity) for room in plan.rooms], [s.code for s in plan.sessions],
                         batch=1 + seed % 999)
    staff = make_staff(rng, room_codes, "TH1", "PR1")
    paper = make_paper("DG4-LL-A", rng)
    issued_at = datetime.now(timezone.utc) - timedelta(seconds=1)
    package_id = build_package(Path(out), plan=plan, roster=roster, staff=staff, tasks=make_tasks(),
                               papers={paper.code: (paper, exam_password)}, issuer=issuer, site=site,
                               issued_at=issued_at, paper_params=paper_params)
    return SampleInfo(path=Path(out), package_id=package_id, exam_password=exam_password,
                      issuer_fingerprint=issuer.fingerprint)
