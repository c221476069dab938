"""检录 / Check-in desk: find the candidate, gather the evidence, let the proctor decide.

Inputs: a ticket QR seen by the camera, a scanner gun (keyboard wedge), an ID card on the reader,
or a manual search. Every service call runs through app/ui/tasks.py; every refusal is a sentence
in the banner. Devices that drop show their state; the other inputs keep working.
"""

from __future__ import annotations

from functools import partial

import weakref
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from app.domain.actor import Actor
from app.domain.roles import Role
from app.errors import KnownError
from app.identity import compare_faces
from drivers.face import face_engine
from app.identity.tickets import TicketRejected, status_text
from app.services.checkin import CheckinService, Decision, DeskCandidate, Method
from app.services.overview import OverviewService
from app.services.site import Site
from app.ui.desk import texts
from app.ui.desk.camera_view import CameraView
from app.ui.desk.candidate_card import BAD, GOOD, NEUTRAL, CandidateCard
from app.ui.desk.case import DeskCase
from app.ui.desk.decision_bar import Banner, DecisionBar
from app.ui.desk.demo_controls import DemoControls
from app.ui.desk.demo_queue import DemoClock
from app.ui.desk.devices import DeskDevices, configured_specs
from app.ui.desk.images import bgr_to_qimage, decode_picture, jpeg_bytes
from app.ui.desk.qr_watch import QrWatch
from app.ui.desk.reason_dialog import ReasonDialog
from app.ui.desk.search_box import SearchBox
from app.ui.desk.session_bar import SessionBar
from app.ui.desk.wedge_filter import WedgeFilter
from app.ui.tasks import FILES, run_task

TICKET_PREFIX = "ES1."


def _window_of(panel_ref) -> QWidget | None:
    panel = panel_ref()
    return None if panel is None else panel.window()


def _accepts_keys(panel_ref) -> bool:
    panel = panel_ref()
    return panel is not None and panel.isVisible() and not panel._shut


class DeskPanel(QWidget):
    """The check-in desk. `service`, device specs and `compare` can be injected (tests)."""

    sessions_loaded = Signal()
    session_ready = Signal(str)
    candidate_shown = Signal(str)  # ticket number
    photo_shown = Signal(str)
    face_checked = Signal(str)  # GOOD, BAD or NEUTRAL
    card_checked = Signal(object)  # True / False / None
    lookup_refused = Signal(str)
    decided = Signal(object)  # CheckinOutcome
    decision_refused = Signal(str)
    camera_state_changed = Signal(str)
    reader_state_changed = Signal(str)
    scanned = Signal(str)
    absentees_marked = Signal(int)

    def __init__(self, site: Site, actor: Actor, *, demo=None, service: CheckinService | None = None,
                 camera_spec: str | None = None, reader_spec: str | None = None,
                 compare: Callable = compare_faces, start_devices: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site, self.actor, self.demo = site, actor, demo
        self.demo_clock = DemoClock() if demo is not None and service is None else None
        if demo is not None and compare is compare_faces:  # demo people wear the simulated engine's faces
            compare = partial(compare_faces, engine=face_engine("sim"))
        self.service = service or (CheckinService(site, self.demo_clock) if self.demo_clock else CheckinService(site))
        self.overview = OverviewService(site)
        self.compare = compare
        self.case: DeskCase | None = None
        self.reason_dialog: ReasonDialog | None = None
        self._generation = 0
        self._shut = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        configured = configured_specs()
        self.devices = DeskDevices(camera_spec or configured[0], reader_spec or configured[1],
                                   simulate=demo is not None and camera_spec is None and reader_spec is None,
                                   parent=self)
        self.view = CameraView()
        self.camera_status = QLabel()
        self.reader_status = QLabel()
        for label in (self.camera_status, self.reader_status):
            label.setObjectName("muted")
            label.setWordWrap(True)
        self.retake = QPushButton(self.tr("Retake picture"))
        self.retake.setAutoDefault(False)
        self.retake.setEnabled(False)
        self.retake.clicked.connect(self.retake_picture)
        self.session_bar = SessionBar(self.service.clock)
        self.search_box = SearchBox()
        self.card = CandidateCard()
        self.decisions = DecisionBar()
        self.banner = Banner()
        self.demo_controls = DemoControls(demo, self.devices) if self.devices.sim_camera is not None else None
        me = weakref.ref(self)  # no reference cycles: the panel must be freed on the GUI thread, never by gc
        self.qr_watch = QrWatch(self, self.devices.newest_frame)
        self.wedge = WedgeFilter(lambda: _window_of(me), lambda: _accepts_keys(me), parent=self)
        self._build_layout()
        self._connect()
        self._load_sessions()
        self.wedge.install()
        self._start_when_shown = start_devices

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._start_when_shown and not self._shut:
            self._start_when_shown = False
            self.start_devices()  # the devices start when the desk is first on screen

    # -- layout --------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        title = QLabel(self.tr("Check-in desk"))
        title.setObjectName("sectionTitle")
        devices_row = QHBoxLayout()
        devices_row.addWidget(self.camera_status, 1)
        devices_row.addWidget(self.retake)
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.view)
        left.addLayout(devices_row)
        left.addWidget(self.reader_status)
        left.addWidget(self.session_bar)
        left.addWidget(self.search_box, 1)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(self.banner)
        right.addWidget(self.card)
        right.addStretch(1)
        right.addWidget(self.decisions)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 10)
        columns.addLayout(right, 11)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        if self.demo_controls is not None:
            header.addWidget(self.demo_controls)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addLayout(columns, 1)

    def _connect(self) -> None:
        self.devices.frame_ready.connect(self._show_frame)
        self.devices.camera_state.connect(self._camera_state)
        self.devices.reader_state.connect(self._reader_state)
        self.devices.card_read.connect(self.card_inserted)
        self.qr_watch.found.connect(lambda text, frame: self.scan_code(text, frame.image))
        self.wedge.scanned.connect(self._wedge_scan)
        self.session_bar.session_changed.connect(self._session_selected)
        self.session_bar.absentees_requested.connect(self.mark_absentees)
        self.search_box.search_requested.connect(self.search)
        self.search_box.chosen.connect(lambda candidate: self._found(candidate, Method.MANUAL))
        self.card.consent.toggled.connect(self._consent_changed)
        self.card.visual_check.toggled.connect(lambda _checked: self._update_decisions())
        self.decisions.confirm_clicked.connect(self.confirm)
        self.decisions.reject_clicked.connect(self.ask_to_reject)
        self.decisions.override_clicked.connect(self.ask_to_override)
        self.session_bar.timer.timeout.connect(self._update_decisions)

    # -- devices -------------------------------------------------------------------------------
    def start_devices(self) -> None:
        self.camera_status.setText(self.tr("Camera: connecting…"))
        self.reader_status.setText(self.tr("ID card reader: connecting…"))
        self.devices.start()
        self.qr_watch.start()

    def shutdown(self) -> None:
        """Stop the devices and the keyboard filter (the window is closing). Idempotent."""
        if self._shut:
            return
        self._shut = True
        self.qr_watch.stop()
        self.session_bar.timer.stop()
        self.wedge.uninstall()
        self.devices.stop()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    def _show_frame(self) -> None:
        frame = self.devices.latest_frame()
        if frame is not None and self.isVisible():
            self.view.show_image(bgr_to_qimage(frame.image))

    def _camera_state(self, state: str, sentence: str) -> None:
        self.view.set_state(state, sentence)
        self.camera_status.setText(texts.camera_state(state))
        self.camera_status.setToolTip(sentence)
        self.camera_status.setObjectName("error" if state == "lost" else "muted")
        self.card._restyle(self.camera_status)
        self.camera_state_changed.emit(state)

    def _reader_state(self, state: str, sentence: str) -> None:
        self.reader_status.setText(texts.reader_state(state, sentence))
        self.reader_status.setToolTip(sentence)
        self.reader_status.setObjectName("error" if state in ("lost", "error") else "muted")
        self.card._restyle(self.reader_status)
        self.reader_state_changed.emit(state)

    # -- the session ---------------------------------------------------------------------------
    @property
    def session_code(self) -> str | None:
        return self.session_bar.session_code

    def _load_sessions(self) -> None:
        run_task(self, lambda progress: self.overview.plan_overview(self.actor),
                 on_success=self._sessions_loaded, on_known_error=self._show_refusal)

    def _sessions_loaded(self, plan) -> None:
        if plan is None or not plan.sessions:
            self.banner.show_message(self.tr("No exam package has been imported on this site yet."), "error")
        else:
            if self.demo_clock is not None:
                self.session_bar.chosen_hook = self._aim_demo_clock
            self.session_bar.set_sessions(list(plan.sessions))
        self.sessions_loaded.emit()

    def _aim_demo_clock(self, row) -> None:
        self.demo_clock.aim(row.starts_at)

    def select_session(self, code: str) -> None:
        for index, row in enumerate(self.session_bar.sessions):
            if row.code == code:
                self.session_bar.choice.setCurrentIndex(index)

    def _session_selected(self, code: str) -> None:
        self.clear_case()
        self.banner.show_message("", "info")
        if self.demo_controls is not None:
            self.demo_controls.load(code)

        def work(progress):
            return self.service.cutoff(code), self.service.summary(self.actor, code)

        run_task(self, work, on_success=lambda result: self._session_facts(code, *result),
                 on_known_error=self._show_refusal)

    def _session_facts(self, code: str, cutoff, counts) -> None:
        if code != self.session_code:
            return
        self.session_bar.set_cutoff(cutoff)
        self.session_bar.set_counts(counts)
        self._update_decisions()
        self.session_ready.emit(code)

    def ask_to_confirm(self, question: str) -> bool:
        """Ask the proctor to confirm an action that cannot be undone at the desk (tests replace this)."""
        answer = QMessageBox.question(self, self.tr("Please confirm"), question)
        return answer == QMessageBox.StandardButton.Yes

    def mark_absentees(self) -> None:
        code = self.session_code
        if not code or not self.ask_to_confirm(self.tr("Mark everyone of session {session} who has not checked in as "
                                                "absent?").format(session=code)):
            return

        def done(tickets) -> None:
            self.banner.show_message(self.tr("{count} candidates marked absent.").format(count=len(tickets)), "info")
            self.absentees_marked.emit(len(tickets))
            self.refresh_counts()

        run_task(self, lambda progress: self.service.mark_absentees(self.actor, code), on_success=done,
                 on_known_error=lambda exc: self.banner.show_message(exc.message, "error"))

    def refresh_counts(self) -> None:
        code = self.session_code
        if not code:
            return

        def show(counts) -> None:
            if code == self.session_code:
                self.session_bar.set_counts(counts)

        run_task(self, lambda progress: self.service.summary(self.actor, code), on_success=show,
                 on_known_error=lambda exc: None)

    # -- finding the candidate -----------------------------------------------------------------
    def _next_generation(self) -> int:
        self._generation += 1
        return self._generation

    def _current(self, generation: int) -> bool:
        return generation == self._generation

    def _wedge_scan(self, code: str) -> None:
        self.scanned.emit(code)
        if code.startswith(TICKET_PREFIX):
            self.scan_code(code)
        else:
            self.search_box.text.setText(code)
            self.search(code)

    def scan_code(self, token: str, frame=None) -> None:
        """A ticket QR (from the camera or a scanner gun): authenticate it and find its holder."""
        code = self.session_code
        if code is None:
            return
        generation = self._next_generation()
        capture = frame if frame is not None else self._capture()

        def found(candidate: DeskCandidate) -> None:
            if self._current(generation):
                self._found(candidate, Method.TICKET, ticket_status="valid", capture=capture)

        def refused(exc: KnownError) -> None:
            if self._current(generation):
                self._ticket_refused(exc)

        run_task(self, lambda progress: self.service.scan_ticket(self.actor, code, token),
                 on_success=found, on_known_error=refused)

    def card_inserted(self, card) -> None:
        """An ID card on the reader: evidence for the open case, or the way to find the candidate."""
        if self.case is not None and self.case.open:
            self._check_card(card)
            return
        code = self.session_code
        if code is None:
            return
        generation = self._next_generation()
        capture = self._capture()

        def found(candidate: DeskCandidate) -> None:
            if self._current(generation):
                self._found(candidate, Method.ID_CARD, capture=capture)
                self._check_card(card)

        def refused(exc: KnownError) -> None:
            if self._current(generation):
                self._lookup_refused(exc.message)

        run_task(self, lambda progress: self.service.read_card(self.actor, code, card.id_number, card.card_type),
                 on_success=found, on_known_error=refused)

    def search(self, text: str) -> None:
        code = self.session_code
        if code is None:
            return
        run_task(self, lambda progress: self.service.search(self.actor, code, text),
                 on_success=self.search_box.show_results, on_known_error=self._show_refusal)

    def _capture(self):
        frame = self.devices.newest_frame()
        return None if frame is None else frame.image

    def _found(self, candidate: DeskCandidate, method: Method, *, ticket_status: str = "not_scanned",
               capture=None) -> None:
        self._next_generation()
        if capture is None and method is Method.MANUAL:
            capture = self._capture()
        self.case = DeskCase(candidate, method, ticket_status=ticket_status, capture=capture)
        self.card.show_candidate(candidate)
        self.banner.show_message(texts.found_message(candidate), "info")
        if ticket_status == "valid":
            self.card.show_ticket(status_text("valid"), GOOD)
        else:
            self.card.show_ticket(self.tr("Not scanned"), NEUTRAL)
        self._show_capture()
        self._load_roster_photo(self.case)
        self._update_decisions()
        self.setFocus()
        self.candidate_shown.emit(candidate.ticket_no)

    def _ticket_refused(self, exc: KnownError) -> None:
        self.clear_case()
        if isinstance(exc, TicketRejected):
            self.card.show_ticket(exc.message, BAD)
        self._lookup_refused(exc.message)

    def _lookup_refused(self, message: str) -> None:
        self.banner.show_message(message, "error")
        self.lookup_refused.emit(message)

    def _show_refusal(self, exc: KnownError) -> None:
        self.banner.show_message(exc.message, "error")

    # -- evidence ------------------------------------------------------------------------------
    def _show_capture(self) -> None:
        case = self.case
        self.retake.setEnabled(case is not None and case.open)
        if case is not None:
            if case.capture is None:
                self.card.capture.show_image(None, self.tr("No live picture"))
            else:
                self.card.capture.show_image(bgr_to_qimage(case.capture))

    def retake_picture(self) -> None:
        case = self.case
        if case is None or not case.open:
            return
        capture = self._capture()
        if capture is not None:
            case.capture = capture
            self._show_capture()
            self._compare_faces()

    def _load_roster_photo(self, case: DeskCase) -> None:
        ticket = case.candidate.ticket_no

        def work(progress):
            data, _media_type = self.overview.candidate_photo(self.actor, ticket)
            return decode_picture(data)

        def loaded(picture) -> None:
            if self.case is not case:
                return
            case.roster_photo = picture
            if picture is None:
                self.card.roster_photo.show_image(None, self.tr("The roster photo cannot be displayed."))
            else:
                self.card.roster_photo.show_image(bgr_to_qimage(picture))
            self.photo_shown.emit(ticket)
            self._compare_faces()

        def refused(exc: KnownError) -> None:
            if self.case is case:
                self.card.roster_photo.show_image(None, exc.message)

        run_task(self, work, on_success=loaded, on_known_error=refused)

    def _consent_changed(self, consent: bool) -> None:
        if self.case is None:
            return
        if consent:
            self._compare_faces()
        else:
            self.card.show_face(self.tr("Not compared: the candidate did not consent. Use the visual check."),
                                NEUTRAL)
            self.face_checked.emit(NEUTRAL)
        self._update_decisions()

    def _compare_faces(self) -> None:
        case = self.case
        if case is None or not case.open or not self.card.consent.isChecked():
            return
        if case.capture is None:
            self.card.show_face(self.tr("No live picture to compare: use the visual check."), NEUTRAL)
            return
        if case.roster_photo is None:
            return
        case.face_same = case.face_distance = None
        case.face_problem = ""
        self.card.show_face(self.tr("Comparing…"), NEUTRAL)
        live, roster, compare = case.capture, case.roster_photo, self.compare
        run_task(self, lambda progress: compare(live, roster), lane=FILES,
                 on_success=lambda match: self._face_result(case, match),
                 on_known_error=lambda exc: self._face_problem(case, exc))

    def _face_result(self, case: DeskCase, match) -> None:
        if self.case is not case:
            return
        case.face_same, case.face_distance = bool(match.same), float(match.distance)
        kind = GOOD if match.same else BAD
        self.card.show_face(texts.face_result(match.same, match.distance, match.threshold), kind)
        self._update_decisions()
        self.face_checked.emit(kind)

    def _face_problem(self, case: DeskCase, exc: KnownError) -> None:
        if self.case is not case:
            return
        case.face_problem = exc.message
        self.card.show_face(texts.face_problem(exc.message, getattr(exc, "source", None)), NEUTRAL)
        self._update_decisions()
        self.face_checked.emit(NEUTRAL)

    def _check_card(self, card) -> None:
        case = self.case
        if case is None:
            return
        case.card_id_number = card.id_number
        photo = None
        if card.photo_image:
            picture = decode_picture(card.photo_image)
            photo = None if picture is None else bgr_to_qimage(picture)
        note = card.photo_note or ""
        self.card.show_card(card.name, card.id_number, None, photo, note)
        ticket = case.candidate.ticket_no

        def checked(match: bool) -> None:
            if self.case is not case:
                return
            case.card_match = bool(match)
            self.card.show_card(card.name, card.id_number, case.card_match, photo, note)
            self._update_decisions()
            self.card_checked.emit(case.card_match)

        run_task(self, lambda progress: self.service.card_matches(ticket, card.id_number),
                 on_success=checked, on_known_error=self._show_refusal)

    # -- deciding ------------------------------------------------------------------------------
    def problems(self) -> list[str]:
        """What stands between the open case and a plain confirmation, as the desk sees it."""
        case = self.case
        if case is None:
            return []
        found = []
        if case.ticket_status not in ("valid", "not_scanned"):
            found.append(self.tr("the ticket was refused"))
        if case.card_match is False:
            found.append(self.tr("the ID card does not match the roster"))
        consent = self.card.consent.isChecked()
        if consent and case.face_same is False:
            found.append(self.tr("the face does not match"))
        if not self.card.visual_check.isChecked() and not (consent and case.face_same):
            found.append(self.tr("identity not yet checked: tick the visual check or pass the face comparison"))
        return found

    def late_for_me(self) -> bool:
        return self.session_bar.past_cutoff() and self.actor.role is not Role.CHIEF_PROCTOR

    def confirm_allowed(self) -> bool:
        case = self.case
        return (case is not None and case.open and not case.busy and not self.problems()
                and not self.session_bar.past_cutoff())

    def _update_decisions(self) -> None:
        case = self.case
        if case is None or not case.open or case.busy:
            hint = ""
            if case is not None and case.outcome is None and case.candidate.status != "expected":
                hint = self.tr("This candidate is not waiting for check-in.")
            self.decisions.set_enabled(False, False, False, hint)
            return
        hints = self.problems()
        if self.session_bar.past_cutoff():
            hints.append(self.tr("the late-entry cut-off has passed: only the chief proctor may admit, with a reason")
                         if self.actor.role is not Role.CHIEF_PROCTOR else
                         self.tr("the late-entry cut-off has passed: admit only as a special admission, with a reason"))
        hint = self.tr("To check: {items}.").format(items="；".join(hints)) if hints else \
            self.tr("All checks passed: press Enter to admit.")
        self.decisions.set_enabled(True, True, not self.late_for_me(), hint)

    def confirm(self) -> None:
        self._decide(Decision.CONFIRMED, "")

    def ask_to_reject(self) -> None:
        self.ask_reason(Decision.REJECTED)

    def ask_to_override(self) -> None:
        self.ask_reason(Decision.OVERRIDDEN)

    def ask_reason(self, decision: Decision) -> ReasonDialog | None:
        case = self.case
        if case is None or not case.open:
            return None
        problems = self.problems() + ([self.tr("late arrival")] if self.session_bar.past_cutoff() else [])
        dialog = texts.reason_dialog(decision, case.candidate.name, problems, self)
        dialog.accepted.connect(lambda: self._decide(decision, dialog.reason))
        dialog.finished.connect(dialog.deleteLater)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def _decide(self, decision: Decision, reason: str) -> None:
        case, code = self.case, self.session_code
        if case is None or not case.open or case.busy or code is None:
            return
        consent, visual = self.card.consent.isChecked(), self.card.visual_check.isChecked()
        capture, ticket = case.capture, case.candidate.ticket_no
        case.busy = True
        self._update_decisions()

        def work(progress):
            evidence = case.evidence(consent, visual, None if capture is None else jpeg_bytes(capture))
            return self.service.decide(self.actor, code, ticket, decision, evidence, reason)

        def done(outcome) -> None:
            case.outcome = outcome
            admitted = outcome.decision is not Decision.REJECTED
            self.banner.show_message(texts.outcome_message(outcome), "success" if admitted else "error")
            if self.case is case:
                self.card.show_decided(texts.decided_state(outcome), admitted)
            if self.demo_controls is not None:
                self.demo_controls.mark_done(ticket)
            self.decided.emit(outcome)
            self.refresh_counts()

        def refused(exc: KnownError) -> None:
            self.banner.show_message(exc.message, "error")
            self.decision_refused.emit(exc.message)

        task = run_task(self, work, on_success=done, on_known_error=refused)
        task.finished.connect(lambda: self._decision_over(case))

    def _decision_over(self, case: DeskCase) -> None:
        case.busy = False
        if self.case is case:
            self.retake.setEnabled(case.open)
            self._update_decisions()

    # -- keyboard ------------------------------------------------------------------------------
    def clear_case(self) -> None:
        self._next_generation()
        self.case = None
        self.card.clear()
        self.retake.setEnabled(False)
        self._update_decisions()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.clear_case()
            self.banner.show_message("", "info")
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.search_box.text.hasFocus():
            if self.confirm_allowed():
                self.confirm()
            return
        super().keyPressEvent(event)
