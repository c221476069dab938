"""The room console (考场监控): the seat map with live status and the proctor's actions on a theory room.

Everything goes through `TheoryService` (role and duty checks, audit trail in the same
transaction) on the database lane of app/ui/tasks.py; the seat map refreshes every 2 s while
the panel is shown. Destructive steps (forced submission, voiding, cheating) ask for a reason in
a confirmation dialog; a supervisor sees the map but has no actions.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.actor import Actor
from app.domain.roles import Role
from app.errors import KnownError
from app.services.overview import OverviewService
from app.services.site import Site
from app.services.theory import TheoryService
from app.services.theory_views import RoomConsoleView, RoomPhase, SeatStatus, SeatView
from app.ui import tasks
from app.ui.console.room_dialogs import ConfirmDialog, IncidentDialog, MoveDialog, PasswordDialog, TimeChangeDialog
from app.ui.console.room_seat_map import SeatMap
from app.ui.labels import local_time

REFRESH_MS = 2000
ACTING_ROLES = (Role.PROCTOR, Role.CHIEF_PROCTOR)


class RoomPanel(QWidget):
    loaded = Signal()  # sessions and rooms known
    refreshed = Signal(object)  # RoomConsoleView
    acted = Signal(str, object)  # action, the service's answer
    action_refused = Signal(str)

    def __init__(self, site: Site, actor: Actor, parent: QWidget | None = None, *,
                 service: TheoryService | None = None, refresh_ms: int = REFRESH_MS) -> None:
        super().__init__(parent)
        self.site, self.actor = site, actor
        self.service = service or TheoryService(site)
        self.can_act = actor.role in ACTING_ROLES
        self.view: RoomConsoleView | None = None
        self.selected: SeatView | None = None
        self.dialog = None
        self._room_names: dict[str, str] = {}
        self._refreshing = self._again = False

        self.session = QComboBox()
        self.room = QComboBox()
        self.session.currentIndexChanged.connect(self._session_changed)
        self.room.currentIndexChanged.connect(lambda _: self.refresh())
        self.phase = QLabel()
        self.phase.setObjectName("sectionTitle")
        self.times = QLabel()
        self.times.setObjectName("muted")
        self.leave_code = QLabel()
        self.leave_code.setObjectName("muted")
        self.start_button = QPushButton(self.tr("Start the room…"))
        self.start_button.setObjectName("primary")
        self.start_button.clicked.connect(self.ask_start)
        self.pause_button = QPushButton(self.tr("Pause…"))
        self.pause_button.clicked.connect(self.ask_pause)
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.clicked.connect(self.resume)
        self.counts = QLabel()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.seat_map = SeatMap()
        self.seat_map.selected.connect(self._seat_selected)
        self._build_detail()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Session")))
        top.addWidget(self.session, 2)
        top.addWidget(QLabel(self.tr("Room")))
        top.addWidget(self.room, 1)
        top.addSpacing(12)
        top.addWidget(self.start_button)
        top.addWidget(self.pause_button)
        top.addWidget(self.resume_button)
        state = QHBoxLayout()
        state.addWidget(self.phase)
        state.addWidget(self.times, 1)
        state.addWidget(self.leave_code)
        body = QHBoxLayout()
        body.addWidget(self.seat_map, 1)
        body.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(state)
        layout.addWidget(self.counts)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)

        self.timer = QTimer(self, interval=refresh_ms)
        self.timer.timeout.connect(self.refresh)
        self._show_view()
        self._load_sessions()

    def _build_detail(self) -> None:
        self.detail = QFrame()
        self.detail.setObjectName("card")
        self.detail.setFixedWidth(300)
        self.who = QLabel(self.tr("Choose a seat"))
        self.who.setObjectName("sectionTitle")
        self.who.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.time_button = QPushButton(self.tr("Change time…"))
        self.time_button.clicked.connect(self.ask_time_change)
        self.move_button = QPushButton(self.tr("Move to another seat…"))
        self.move_button.clicked.connect(self.ask_move)
        self.incident_button = QPushButton(self.tr("Record an incident…"))
        self.incident_button.clicked.connect(self.ask_incident)
        self.submit_button = QPushButton(self.tr("Force submission…"))
        self.submit_button.clicked.connect(self.ask_force_submit)
        grid = QGridLayout(self.detail)
        grid.addWidget(self.who, 0, 0)
        grid.addWidget(self.facts, 1, 0)
        for row, button in enumerate((self.time_button, self.move_button, self.incident_button, self.submit_button),
                                     start=2):
            grid.addWidget(button, row, 0)
        grid.setRowStretch(6, 1)

    # --- sessions, rooms, refresh ---------------------------------------------------------------

    def _load_sessions(self) -> None:
        tasks.run_task(self, lambda _: OverviewService(self.site).plan_overview(self.actor),
                       on_success=self._sessions_loaded, on_known_error=lambda e: self._say(e.message, False))

    def _sessions_loaded(self, plan) -> None:
        if plan is None:
            self._say(self.tr("No exam plan on this site yet."), False)
            self.loaded.emit()
            return
        self._room_names = {room.code: room.name for room in plan.rooms}
        theory = [s for s in plan.sessions if s.kind == "theory"]
        now = datetime.now(timezone.utc)
        nearest = min(range(len(theory)), key=lambda i: abs((theory[i].starts_at - now).total_seconds()),
                      default=-1)
        self.session.blockSignals(True)
        self.session.clear()
        for row in theory:
            self.session.addItem(f"{row.code} · {row.title} · {local_time(row.starts_at):%m-%d %H:%M}",
                                 (row.code, row.rooms))
        self.session.setCurrentIndex(nearest)
        self.session.blockSignals(False)
        self._session_changed()
        self.loaded.emit()

    def _session_changed(self) -> None:
        data = self.session.currentData()
        self.room.blockSignals(True)
        self.room.clear()
        for code in (data[1] if data else ()):
            self.room.addItem(self._room_names.get(code, code), code)
        self.room.blockSignals(False)
        self.refresh()

    def select(self, session_code: str, room_code: str) -> None:
        for index in range(self.session.count()):
            if self.session.itemData(index)[0] == session_code:
                self.session.setCurrentIndex(index)
        self.room.setCurrentIndex(max(0, self.room.findData(room_code)))

    def where(self) -> tuple[str, str] | None:
        session, room = self.session.currentData(), self.room.currentData()
        return (session[0], room) if session and room else None

    def refresh(self) -> None:
        where = self.where()
        if where is None:
            return
        if self._refreshing:
            self._again = True  # an action just changed the room: read it again after this one
            return
        self._refreshing, self._again = True, False

        def done(view: RoomConsoleView) -> None:
            self._refreshing = False
            if self._again:
                self.refresh()
                return
            if self.where() == (view.session_code, view.room_code):
                self.view = view
                self._show_view()
            self.refreshed.emit(view)

        def refused(error: KnownError) -> None:
            self._refreshing = False
            self.view = None
            self._show_view()
            self._say(error.message, False)

        task = tasks.run_task(self, lambda _: self.service.room_console(self.actor, *where), on_success=done,
                              on_known_error=refused)
        task.failed.connect(lambda _: setattr(self, "_refreshing", False))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.timer.stop()
        super().hideEvent(event)

    # --- drawing --------------------------------------------------------------------------------

    def phase_text(self, phase: RoomPhase) -> str:
        return {RoomPhase.WAITING: self.tr("Not started"), RoomPhase.RUNNING: self.tr("Running"),
                RoomPhase.PAUSED: self.tr("Paused"), RoomPhase.ENDED: self.tr("Ended")}.get(phase, str(phase))

    def _show_view(self) -> None:
        view = self.view
        acting = self.can_act and view is not None
        phase = view.phase if view else None
        self.start_button.setEnabled(acting and phase is RoomPhase.WAITING)
        self.pause_button.setEnabled(acting and phase is RoomPhase.RUNNING)
        self.resume_button.setEnabled(acting and phase is RoomPhase.PAUSED)
        if view is None:
            self.phase.setText(self.tr("No room"))
            self.times.clear()
            self.leave_code.clear()
            self.counts.clear()
            self.seat_map.show_seats(())
            self._show_selected()
            return
        self.phase.setText(f"{self._room_names.get(view.room_code, view.room_name)} · {self.phase_text(view.phase)}")
        parts = [self.tr("planned {time}").format(time=f"{local_time(view.planned_start):%H:%M}")]
        if view.started_at:
            parts.append(self.tr("started {time}").format(time=f"{local_time(view.started_at):%H:%M}"))
        if view.duration_minutes:
            parts.append(self.tr("{minutes} min").format(minutes=view.duration_minutes))
        if view.paused_seconds:
            parts.append(self.tr("paused {minutes} min in all").format(minutes=view.paused_seconds // 60))
        self.times.setText(" · ".join(parts))
        self.leave_code.setText(self.tr("Terminal exit code: {code}").format(code=view.leave_code)
                                if view.leave_code and self.can_act else "")
        counts = view.counts
        self.counts.setText(self.tr(
            "Seated {seated} · checked in {checked_in} · logged in {logged_in} · answering {answering} · submitted {submitted} · offline {offline} · absent {absent}").format(
            seated=sum(n for k, n in counts.items() if k != SeatStatus.EMPTY.value),
            checked_in=counts.get("checked_in", 0), logged_in=counts.get("logged_in", 0),
            answering=counts.get("answering", 0), submitted=counts.get("submitted", 0),
            offline=counts.get("offline", 0), absent=counts.get("absent", 0)))
        self.seat_map.show_seats(view.seats)
        if self.selected is not None:
            self.selected = next((s for s in view.seats if s.seat_no == self.selected.seat_no), None)
        self._show_selected()

    def _seat_selected(self, _ticket: str, seat_no: int) -> None:
        seats = self.view.seats if self.view else ()
        self.selected = next((s for s in seats if s.seat_no == seat_no), None)
        self._show_selected()

    def _show_selected(self) -> None:
        seat = self.selected
        has_candidate = seat is not None and seat.ticket_no is not None
        if not has_candidate:
            self.who.setText(self.tr("Choose a seat") if seat is None else
                             self.tr("Seat {seat} is empty").format(seat=f"{seat.seat_no:02d}"))
            self.facts.clear()
        else:
            self.who.setText(f"{seat.seat_no:02d} · {seat.name}")
            lines = [self.tr("Admission ticket {ticket}").format(ticket=seat.ticket_no),
                     self.seat_map.status_text(seat)]
            if seat.ends_at:
                lines.append(self.tr("Ends at {time}").format(time=f"{local_time(seat.ends_at):%H:%M:%S}"))
            if seat.time_change_minutes:
                lines.append(self.tr("Time changes {minutes} min").format(minutes=f"{seat.time_change_minutes:+d}"))
            if seat.offline_credit_seconds:
                lines.append(self.tr("Offline time credited {seconds} s").format(seconds=seat.offline_credit_seconds))
            if seat.last_seen_at:
                lines.append(self.tr("Last contact {time}").format(time=f"{local_time(seat.last_seen_at):%H:%M:%S}"))
            if seat.badges:
                lines.append(" ".join(self.seat_map.badge_text(b) for b in seat.badges))
            self.facts.setText("\n".join(lines))
        active = (self.can_act and has_candidate and seat.status is not SeatStatus.SUBMITTED
                  and seat.submitted_how is None and not seat.voided)
        for button in (self.time_button, self.move_button, self.incident_button, self.submit_button):
            button.setEnabled(active)
        self.incident_button.setEnabled(self.can_act and has_candidate and not seat.voided)

    def _say(self, text: str, ok: bool) -> None:
        self.banner.setObjectName("success" if ok else "error")
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    # --- actions --------------------------------------------------------------------------------

    def _act(self, action: str, work, done_text: str) -> None:
        def success(result) -> None:
            self._say(done_text, True)
            self.acted.emit(action, result)
            self.refresh()

        def refused(error: KnownError) -> None:
            self._say(error.message, False)
            self.action_refused.emit(error.message)

        tasks.run_task(self, lambda _: work(), on_success=success, on_known_error=refused)

    def _open(self, dialog, on_accept) -> None:
        self.dialog = dialog
        dialog.accepted.connect(on_accept)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _who(self) -> str:
        return f"{self.selected.name} ({self.selected.ticket_no})"

    def ask_start(self) -> None:
        where = self.where()
        dialog = PasswordDialog(self.room.currentText(), self)

        def accepted() -> None:
            password = dialog.password.text().strip()
            self._act("start", lambda: self.service.start_room(self.actor, *where, password),
                      self.tr("The room has started."))

        self._open(dialog, accepted)

    def ask_pause(self) -> None:
        where = self.where()
        dialog = ConfirmDialog(self.tr("Pause the room"),
                               self.tr("Every terminal in the room stops its clock until you resume."),
                               self.tr("Pause"), self)

        def accepted() -> None:
            reason = dialog.reason
            self._act("pause", lambda: self.service.pause_room(self.actor, *where, reason),
                      self.tr("The room is paused."))

        self._open(dialog, accepted)

    def resume(self) -> None:
        where = self.where()
        self._act("resume", lambda: self.service.resume_room(self.actor, *where), self.tr("The room has resumed."))

    def ask_time_change(self) -> None:
        session, ticket = self.where()[0], self.selected.ticket_no
        dialog = TimeChangeDialog(self._who(), self)

        def accepted() -> None:
            kind, minutes, reason = dialog.chosen_kind(), dialog.minutes.value(), dialog.reason
            self._act("time", lambda: self.service.change_time(self.actor, session, ticket, kind, minutes, reason),
                      self.tr("Time changed by {minutes} min for {ticket}.").format(minutes=minutes, ticket=ticket))

        self._open(dialog, accepted)

    def ask_move(self) -> None:
        session, ticket = self.where()[0], self.selected.ticket_no
        free = [s.seat_no for s in self.view.seats if s.status is SeatStatus.EMPTY and s.seat_no is not None]
        dialog = MoveDialog(self._who(), free, self)

        def accepted() -> None:
            seat, reason = dialog.seat.currentData(), dialog.reason
            self._act("move", lambda: self.service.move_candidate(self.actor, session, ticket, seat, reason),
                      self.tr("{ticket} moved to seat {seat}.").format(ticket=ticket, seat=seat))

        self._open(dialog, accepted)

    def ask_force_submit(self) -> None:
        session, ticket = self.where()[0], self.selected.ticket_no
        dialog = ConfirmDialog(self.tr("Force submission"), self.tr(
            "Submit the exam of {who} now? Their answers so far become final; this cannot be undone.").format(
            who=self._who()), self.tr("Submit now"), self)

        def accepted() -> None:
            reason = dialog.reason
            self._act("submit", lambda: self.service.force_submit(self.actor, session, ticket, reason),
                      self.tr("The exam of {ticket} was submitted.").format(ticket=ticket))

        self._open(dialog, accepted)

    def ask_incident(self) -> None:
        session, ticket = self.where()[0], self.selected.ticket_no
        dialog = IncidentDialog(self._who(), self)

        def accepted() -> None:
            kind, note = dialog.chosen_kind(), dialog.reason
            self._act("incident", lambda: self.service.record_incident(self.actor, session, ticket, kind, note),
                      self.tr("Incident recorded for {ticket}.").format(ticket=ticket))

        self._open(dialog, accepted)
