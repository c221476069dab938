"""plan.json: the exam plan (考核计划) with its rooms, sessions and rules."""

from __future__ import annotations

from dataclasses import asdict, fields
from decimal import Decimal
from enum import Enum

from app.domain.plan import Aggregation, ExamPlan, ExamRules, Level, RoomSpec, SessionKind, SessionSpec
from app.i18n import tr
from app.package.errors import Malformed
from app.package.fields import Fields, unique, wrong


def plan_to_json(plan: ExamPlan) -> dict:
    return {
        "plan_code": plan.plan_code, "agency_code": plan.agency_code, "agency_name": plan.agency_name,
        "province_code": plan.province_code, "occupation_code": plan.occupation_code,
        "occupation_name": plan.occupation_name, "level": int(plan.level), "exam_date": plan.exam_date,
        "rooms": [{"code": r.code, "name": r.name, "capacity": r.capacity, "location": r.location} for r in plan.rooms],
        "sessions": [{
            "code": s.code, "kind": s.kind.value, "title": s.title, "starts_at": s.starts_at, "ends_at": s.ends_at,
            "room_codes": list(s.room_codes), "paper_code": s.paper_code, "task_codes": list(s.task_codes),
        } for s in plan.sessions],
        "rules": rules_to_json(plan.rules),
    }


def rules_to_json(rules: ExamRules) -> dict:
    return {key: (value.value if isinstance(value, Enum) else value) for key, value in asdict(rules).items()}


def rules_from_json(data: Fields) -> ExamRules:
    """Rules absent from the package keep ExamRules' defaults; unknown rules are refused."""
    known = {field.name: field for field in fields(ExamRules)}
    unknown = sorted(set(data.data) - set(known))
    if unknown:
        raise Malformed(tr("the rule {field} is not known", field=unknown[0]))
    defaults, values = ExamRules(), {}
    for name in data.data:
        default = getattr(defaults, name)
        if isinstance(default, bool):
            values[name] = data.boolean(name)
        elif isinstance(default, Aggregation):
            values[name] = data.enum(name, Aggregation)
        elif isinstance(default, Decimal):
            values[name] = data.decimal(name)
        else:
            values[name] = data.integer(name, minimum=0, maximum=100_000)
    rules = ExamRules(**values)
    if rules.examiner_count < 1:
        raise wrong(data.path("examiner_count"))
    return rules


def plan_from_json(data: Fields) -> ExamPlan:
    rooms = tuple(RoomSpec(code=r.text("code", code=True), name=r.text("name", max_length=100),
                           capacity=r.integer("capacity", minimum=1, maximum=10_000),
                           location=r.text("location", max_length=200))
                  for r in data.objects("rooms"))
    sessions = tuple(_session(s) for s in data.objects("sessions"))
    plan = ExamPlan(
        plan_code=data.text("plan_code", code=True), agency_code=data.text("agency_code", code=True),
        agency_name=data.text("agency_name", max_length=200), province_code=data.text("province_code", code=True),
        occupation_code=data.text("occupation_code", code=True),
        occupation_name=data.text("occupation_name", max_length=100), level=data.enum("level", Level),
        exam_date=data.day("exam_date"), rooms=rooms, sessions=sessions, rules=rules_from_json(data.obj("rules")),
    )
    check_plan(plan)
    return plan


def _session(s: Fields) -> SessionSpec:
    kind = s.enum("kind", SessionKind)
    session = SessionSpec(
        code=s.text("code", code=True), kind=kind, title=s.text("title", max_length=200),
        starts_at=s.timestamp("starts_at"), ends_at=s.timestamp("ends_at"), room_codes=s.codes("room_codes"),
        paper_code=s.text("paper_code", optional=True, code=True), task_codes=s.codes("task_codes"),
    )
    if session.ends_at <= session.starts_at:
        raise wrong(s.path("ends_at"))
    if kind is SessionKind.THEORY and (session.paper_code is None or session.task_codes):
        raise wrong(s.path("paper_code"))
    if kind is SessionKind.PRACTICAL and (session.paper_code is not None or not session.task_codes):
        raise wrong(s.path("task_codes"))
    return session


def check_plan(plan: ExamPlan) -> None:
    """Codes are unique and every session's rooms exist."""
    unique((room.code for room in plan.rooms), tr("room"))
    unique((session.code for session in plan.sessions), tr("session"))
    rooms = {room.code for room in plan.rooms}
    for session in plan.sessions:
        unique(session.room_codes, tr("room"))
        for room in session.room_codes:
            if room not in rooms:
                raise Malformed(tr("session {session} names an unknown room {room}", session=session.code, room=room))
