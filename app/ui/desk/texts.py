"""The desk's sentences that are built from several facts (context "Desk" in the catalog)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.services.checkin import CheckinOutcome, Decision, DeskCandidate
from app.ui.desk.reason_dialog import ReasonDialog
from app.ui.labels import local_time


def _t(text: str) -> str:
    return QCoreApplication.translate("Desk", text)


def camera_state(state: str) -> str:
    return {
        "connecting": _t("Camera: connecting…"),
        "live": _t("Camera: live"),
        "lost": _t("Camera: disconnected, reconnecting…"),
        "closed": _t("Camera: stopped"),
    }.get(state, state)


def reader_state(state: str, sentence: str) -> str:
    title = {
        "connecting": _t("ID card reader: connecting…"),
        "ready": _t("ID card reader: ready"),
        "card": _t("ID card reader: card read"),
        "error": _t("ID card reader: read failed"),
        "lost": _t("ID card reader: not connected, retrying…"),
        "stopped": _t("ID card reader: stopped"),
    }.get(state, state)
    if state in ("error", "lost") and sentence:
        return _t("{state} ({sentence})").format(state=title, sentence=sentence)
    return title


def seat_text(seat_no: int | None) -> str:
    return "—" if seat_no is None else str(seat_no)


def found_message(candidate: DeskCandidate) -> str:
    return _t("{name}: {room}, seat {seat}. Check the evidence, then decide.").format(
        name=candidate.name, room=candidate.room_name, seat=seat_text(candidate.seat_no))


def outcome_message(outcome: CheckinOutcome) -> str:
    if outcome.decision is Decision.REJECTED:
        return _t("{name} was refused entry.").format(name=outcome.name)
    if outcome.decision is Decision.OVERRIDDEN:
        return _t("{name} checked in by special admission: {room}, seat {seat}").format(
            name=outcome.name, room=outcome.room_name, seat=seat_text(outcome.seat_no))
    return _t("{name} checked in: {room}, seat {seat}").format(
        name=outcome.name, room=outcome.room_name, seat=seat_text(outcome.seat_no))


def decided_state(outcome: CheckinOutcome) -> str:
    if outcome.decision is Decision.REJECTED:
        return _t("Refused")
    return _t("Checked in at {time}").format(time=f"{local_time(outcome.at):%H:%M}")


def face_result(same: bool, distance: float, threshold: float) -> str:
    verdict = _t("pass") if same else _t("FAIL")
    return _t("Distance {distance} (threshold {threshold}): {verdict}").format(
        distance=f"{distance:.2f}", threshold=f"{threshold:.2f}", verdict=verdict)


def face_problem(message: str, source: str | None) -> str:
    where = {"a": _t("live picture"), "b": _t("roster photo")}.get(source or "")
    if where:
        return _t("Not compared ({where}): {message} Use the visual check.").format(where=where, message=message)
    return _t("Not compared: {message} Use the visual check.").format(message=message)


def reason_dialog(decision: Decision, name: str, problems: list[str], parent: QWidget) -> ReasonDialog:
    listed = "；".join(problems)
    if decision is Decision.REJECTED:
        title = _t("Refuse entry")
        prompt = _t("Refuse {name} entry to the exam. Why?").format(name=name)
        suggestions = [_t("Not the person on the roster photo"), _t("The ID card belongs to someone else"),
                       _t("No valid identity document"), _t("Arrived after the cut-off"),
                       _t("The candidate refused the identity check")]
    else:
        title = _t("Special admission")
        prompt = _t("Admit {name} despite: {problems}. The reason is recorded and audited.").format(
            name=name, problems=listed or _t("nothing flagged"))
        suggestions = [_t("Temporary identity certificate checked"), _t("Photo outdated; identity confirmed by visual check"),
                       _t("Late because of a traffic accident, with proof"), _t("Ticket reprinted on site; identity checked")]
    return ReasonDialog(title, prompt, suggestions, parent)
