"""Grading on the site host: each submitted candidate's theory score, and item statistics per room.

The answer keys are sealed at rest and opened here only; scores are stored on the candidate's
theory state and the grading is audited. Void candidates (an incident) score zero.
"""

from __future__ import annotations

import json
from decimal import Decimal

from app.domain.actor import Actor
from app.domain.roles import Role
from app.persistence import theory_store
from app.results.sealed import require_not_sealed
from app.services.authz import require
from app.services.theory_console import ANSWER_KEY_CONTEXT
from app.services.theory_context import TheoryContext
from app.services.theory_views import CandidateScore, ItemStatistics, SubmitHow
from app.theory.grading import KeyedItem, grade
from app.theory.statistics import item_figures

GRADE_ROLES = (Role.ADMIN, Role.CHIEF_PROCTOR)
STATISTICS_ROLES = (Role.ADMIN, Role.CHIEF_PROCTOR, Role.SUPERVISOR)


def _keyed(ctx: TheoryContext, session, paper_id: int) -> list[KeyedItem]:
    cipher = ctx.site.require_keys().field_cipher()
    return [KeyedItem(row.code, row.kind, frozenset(json.loads(cipher.decrypt(row.answer_key_sealed,
                                                                               ANSWER_KEY_CONTEXT))), row.points)
            for row in theory_store.items(session, paper_id)]


def _graded_rows(ctx: TheoryContext, session, exam_session, rooms):
    """Per room: (room, keyed items, [(sitting, candidate, state, Grade)]) of submitted candidates."""
    out = []
    for room in rooms:
        run = theory_store.room_run(session, exam_session.id, room.id)
        if run is None or run.paper_id is None:
            continue
        keyed = _keyed(ctx, session, run.paper_id)
        codes = {item.id: item.code for item in ctx.paper(session, run.paper_id).items}
        rows = [(sitting, candidate, state) for sitting, candidate, state
                in theory_store.sittings_in_room(session, exam_session.id, room.id)
                if state is not None and state.submitted_at is not None]
        answers = theory_store.answers_of_sittings(session, [sitting.id for sitting, _, _ in rows])
        graded = []
        for sitting, candidate, state in rows:
            responses = {codes[a.item_id]: a.response for a in answers[sitting.id]}
            graded.append((sitting, candidate, state, grade(keyed, responses)))
        out.append((room, keyed, graded))
    return out


def _grade(ctx: TheoryContext, actor: Actor, session_code: str, room_code: str | None) -> list[CandidateScore]:
    require(actor, *GRADE_ROLES)
    now = ctx.clock()
    scores: list[CandidateScore] = []
    with ctx.site.db.transaction() as tx:
        plan, exam_session = ctx.plan_session(tx, session_code)
        require_not_sealed(exam_session)
        rooms = [ctx.room(plan, room_code)] if room_code else [r for r in plan.rooms
                                                               if r.code in (exam_session.room_codes or [])]
        for room, _, graded in _graded_rows(ctx, tx, exam_session, rooms):
            for sitting, candidate, state, result in graded:
                state = theory_store.candidate_state(tx, sitting.id, lock=True)
                score = Decimal(0) if state.voided else result.score
                state.score, state.max_score, state.graded_at = score, result.max_score, now
                scores.append(CandidateScore(candidate.ticket_no, candidate.name, room.code, score, result.max_score,
                                             result.correct, result.answered, len(result.item_scores), state.voided,
                                             SubmitHow(state.submitted_how)))
        ctx.site.audit.record(tx, actor, "theory.graded", f"session:{session_code}" + (f":{room_code}" if room_code else ""),
                              after={"scores": {s.ticket_no: s.score for s in scores},
                                     "void": sorted(s.ticket_no for s in scores if s.voided)})
    return scores


def grade_session(ctx: TheoryContext, actor: Actor, session_code: str) -> list[CandidateScore]:
    return _grade(ctx, actor, session_code, None)


def grade_room(ctx: TheoryContext, actor: Actor, session_code: str, room_code: str) -> list[CandidateScore]:
    return _grade(ctx, actor, session_code, room_code)


def item_statistics(ctx: TheoryContext, actor: Actor, session_code: str, room_code: str) -> list[ItemStatistics]:
    require(actor, *STATISTICS_ROLES)
    with ctx.site.db.read() as session:
        plan, exam_session = ctx.plan_session(session, session_code)
        room = ctx.room(plan, room_code)
        found = _graded_rows(ctx, session, exam_session, [room])
    if not found:
        return []
    _, keyed, graded = found[0]
    rows = [result.item_scores for _, _, state, result in graded if not state.voided]
    figures = {f.code: f for f in item_figures({item.code: item.points for item in keyed}, rows)}
    return [ItemStatistics(item.code, item.kind, item.points, figures[item.code].candidates,
                           figures[item.code].difficulty, figures[item.code].discrimination) for item in keyed]



