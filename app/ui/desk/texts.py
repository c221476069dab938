"""The desk's sentences that are built from several facts (context "Desk" in the catalog)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.services.checkin import CheckinOutcome, Decision, DeskCandidate
from app.ui.desk.reason_dialog import ReasonDialog
from app.ui.labels import local_time


def camera_state(state: str) -> str:
    return {
        "connecting": QCoreApplication.translate("Desk", "Camera: connecting…"),
        "live": QCoreApplication.translate("Desk", "Camera: live"),
        "lost": QCoreApplication.translate("Desk", "Camera: disconnected, reconnecting…"),
        "closed": QCoreApplication.translate("Desk", "Camera: stopped"),
    }.get(state, state)


def reader_state(state: str, sentence: str) -> str:
    title = {
        "connecting": QCoreApplication.translate("Desk", "ID card reader: connecting…"),
        "ready": QCoreApplication.translate("Desk", "ID card reader: ready"),
        "card": QCoreApplication.translate("Desk", "ID card reader: card read"),
        "error": QCoreApplication.translate("Desk", "ID card reader: read failed"),
        "lost": QCoreApplication.translate("Desk", "ID card reader: not connected, retrying…"),
        "stopped": QCoreApplication.translate("Desk", "ID card reader: stopped"),
    }.get(state, state)
    if state in ("error", "lost") and sentence:
        return QCoreApplication.translate("Desk", "{state} ({sentence})").format(state=title, sentence=sentence)
    return title


def seat_text(seat_no: int | None) -> str:
    return "—" if seat_no is None else str(seat_no)


def found_message(candidate: DeskCandidate) -> str:
    return QCoreApplication.translate("Desk", "{name}: {room}, seat {seat}. Check the evidence, then decide.").format(
        name=candidate.name, room=candidate.room_name, seat=seat_text(candidate.seat_no))


def outcome_message(outcome: CheckinOutcome) -> str:
    if outcome.decision is Decision.REJECTED:
        return QCoreApplication.translate("Desk", "{name} was refused entry.").format(name=outcome.name)
    if outcome.decision is Decision.OVERRIDDEN:
        return QCoreApplication.translate("Desk", "{name} checked in by special admission: {room}, seat {seat}").format(
            name=outcome.name, room=outcome.room_name, seat=seat_text(outcome.seat_no))
    return QCoreApplication.translate("Desk", "{name} checked in: {room}, seat {seat}").format(
        name=outcome.name, room=outcome.room_name, seat=seat_text(outcome.seat_no))


def decided_state(outcome: CheckinOutcome) -> str:
    if outcome.decision is Decision.REJECTED:
        return QCoreApplication.translate("Desk", "Refused")
    return QCoreApplication.translate("Desk", "Checked in at {time}").format(time=f"{local_time(outcome.at):%H:%M}")


def face_result(same: bool, distance: float, threshold: float) -> str:
    verdict = QCoreApplication.translate("Desk", "pass") if same else QCoreApplication.translate("Desk", "FAIL")
    return QCoreApplication.translate("Desk", "Distance {distance} (threshold {threshold}): {verdict}").format(
        distance=f"{distance:.2f}", threshold=f"{threshold:.2f}", verdict=verdict)


def face_problem(message: str, source: str | None) -> str:
    translate = QCoreApplication.translate
    where = {"a": translate("Desk", "live picture"), "b": translate("Desk", "roster photo")}.get(source or "")
    if where:
        return translate("Desk", "Not compared ({where}): {message} Use the visual check.").format(
            where=where, message=message)
    return translate("Desk", "Not compared: {message} Use the visual check.").format(message=message)


def reason_dialog(decision: Decision, name: str, problems: list[str], parent: QWidget) -> ReasonDialog:
    translate = QCoreApplication.translate
    if decision is Decision.REJECTED:
        title = translate("Desk", "Refuse entry")
        prompt = translate("Desk", "Refuse {name} entry to the exam. Why?").format(name=name)
        suggestions = [translate("Desk", "Not the person on the roster photo"),
                       translate("Desk", "The ID card belongs to someone else"),
                       translate("Desk", "No valid identity document"),
                       translate("Desk", "Arrived after the cut-off"),
                       translate("Desk", "The candidate refused the identity check")]
    else:
        title = translate("Desk", "Special admission")
        prompt = translate("Desk", "Admit {name} despite: {problems}. The reason is recorded and audited.").format(
            name=name, problems="；".join(problems) or translate("Desk", "nothing flagged"))
        suggestions = [translate("Desk", "Temporary identity certificate checked"),
                       translate("Desk", "Photo outdated; identity confirmed by visual check"),
                       translate("Desk", "Late because of a traffic accident, with proof"),
                       translate("Desk", "Ticket reprinted on site; identity checked")]
    return ReasonDialog(title, prompt, suggestions, parent)
