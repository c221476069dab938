"""成绩 / Results: per candidate theory, practical, outcome and certificate number; compute, print the
public list and room records, sign a room record, seal the plan (typed confirmation), and the state
of the seal and of its delivery to the platform. Every action goes through the results, room-record
and seal services off the GUI thread; `refreshed` and `acted` fire when they come back (tests wait)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFrame, QGridLayout, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from app.domain.actor import Actor
from app.domain.roles import Role
from app.errors import KnownError
from app.results.outcome import Outcome
from app.services.results import ResultsService, RoomRecordService
from app.services.seal import SEAL_ROLES, SealService
from app.services.site import Site
from app.ui import labels
from app.ui.console.table_model import Column, RowsModel
from app.ui.console.tables import make_table
from app.ui.tasks import run_task

SIGN_ROLES = (Role.CHIEF_PROCTOR, Role.SUPERVISOR)


class ResultsPanel(QWidget):
    refreshed = Signal()
    acted = Signal(object)

    def __init__(self, site: Site, actor: Actor, parent: QWidget | None = None, *, key_params=None) -> None:
        super().__init__(parent)
        self.site, self.actor = site, actor
        self.results = ResultsService(site)
        self.records = RoomRecordService(site, key_params=key_params)
        self.sealer = SealService(site)
        self.state: dict | None = None
        self.rooms: list[tuple[str, str]] = []
        self.dialog: QInputDialog | None = None
        self.last_path: Path | None = None

        title = QLabel(self.tr("Results"))
        title.setObjectName("sectionTitle")
        self.summary = QLabel()
        self.seal_state = QLabel()
        self.sync_state = QLabel()
        for label in (self.summary, self.seal_state, self.sync_state):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        card = QFrame()
        card.setObjectName("card")
        grid = QGridLayout(card)
        grid.setContentsMargins(18, 10, 18, 10)
        for row, (name, value) in enumerate(((self.tr("Results"), self.summary), (self.tr("Seal"), self.seal_state),
                                             (self.tr("Delivery"), self.sync_state))):
            caption = QLabel(name)
            caption.setObjectName("muted")
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)

        self.model = RowsModel([
            Column(self.tr("Ticket"), lambda o: o.ticket_no),
            Column(self.tr("Name"), lambda o: o.name),
            Column(self.tr("Theory"), lambda o: self._subject(o.theory), numeric=True),
            Column(self.tr("Practical"), lambda o: self._subject(o.practical), numeric=True),
            Column(self.tr("Outcome"), lambda o: self._outcome(o.outcome)),
            Column(self.tr("Certificate number"), lambda o: o.certificate_no or "—"),
        ], self)
        self.table = make_table(self.model, stretch_column=1)

        self.compute_button = QPushButton(self.tr("Compute results"))
        self.compute_button.clicked.connect(self.compute)
        self.list_button = QPushButton(self.tr("Print public list"))
        self.list_button.clicked.connect(self.print_public_list)
        self.room_choice = QComboBox()
        self.room_choice.setMinimumWidth(150)
        self.record_button = QPushButton(self.tr("Print room record"))
        self.record_button.clicked.connect(self.print_room_record)
        self.sign_button = QPushButton(self.tr("Sign room record"))
        self.sign_button.clicked.connect(self.ask_sign)
        self.sign_button.setVisible(actor.role in SIGN_ROLES)
        self.seal_button = QPushButton(self.tr("Seal…"))
        self.seal_button.setObjectName("danger")
        self.seal_button.clicked.connect(self.ask_seal)
        self.seal_button.setVisible(actor.role in SEAL_ROLES)
        actions = QHBoxLayout()
        for widget in (self.compute_button, self.list_button, self.room_choice, self.record_button, self.sign_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.seal_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(card)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.refresh()

    # -- words -----------------------------------------------------------------------------
    def _outcome(self, outcome: Outcome) -> str:
        return {Outcome.PASSED: self.tr("Passed"), Outcome.FAILED: self.tr("Failed"),
                Outcome.ABSENT: self.tr("Absent"), Outcome.VIOLATION: self.tr("Violation"),
                Outcome.INCOMPLETE: self.tr("Waiting")}[outcome]

    def _subject(self, result) -> str:
        if result is None:
            return "—"
        if result.outcome in (Outcome.PASSED, Outcome.FAILED):
            return format(result.score, "f")
        return self._outcome(result.outcome)

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        def load(progress):
            outcomes = self.results.results(self.actor)
            state = self.results.state(self.actor)
            delivery = None
            if state["outbox_key"]:
                from app.services.outbox import OutboxService

                delivery = OutboxService(self.site).item(state["outbox_key"])
            with self.site.db.read() as session:
                from app.persistence import repositories

                plan = repositories.current_plan(session)
                rooms = [(s.code, code) for s in plan.sessions for code in (s.room_codes or [])] if plan else []
            return outcomes, state, delivery, rooms

        task = run_task(self, load, on_success=self._show, on_known_error=self._refused)
        task.finished.connect(self.refreshed)

    def _show(self, loaded) -> None:
        outcomes, self.state, delivery, rooms = loaded
        self.model.set_rows(outcomes)
        if rooms != self.rooms:
            self.rooms = rooms
            self.room_choice.clear()
            for session_code, room_code in rooms:
                self.room_choice.addItem(f"{session_code} · {room_code}", (session_code, room_code))
        counts = {outcome: sum(1 for o in outcomes if o.outcome is outcome) for outcome in Outcome}
        if not outcomes:
            self.summary.setText(self.tr("Not computed yet."))
        else:
            self.summary.setText(self.tr("{count} candidates: {passed} passed, {failed} failed, {absent} absent, "
                                         "{violation} violations, {waiting} waiting · computed {time}").format(
                count=len(outcomes), passed=counts[Outcome.PASSED], failed=counts[Outcome.FAILED],
                absent=counts[Outcome.ABSENT], violation=counts[Outcome.VIOLATION],
                waiting=counts[Outcome.INCOMPLETE], time=_when(self.state["computed_at"])))
        sealed = self.state["sealed_at"] is not None
        if sealed:
            self.seal_state.setText(self.tr("Sealed at {time} · document {digest}").format(
                time=_when(self.state["sealed_at"]), digest=self.state["document_sha256"][:16]))
        else:
            self.seal_state.setText(self.tr("Not sealed: results, answers and score sheets can still change."))
        if delivery is not None:
            self.sync_state.setText(self.tr("{state} · {acknowledged} of {size} bytes · attempts {attempts}").format(
                state=self._delivery_state(delivery.state), acknowledged=delivery.acknowledged, size=delivery.size,
                attempts=delivery.attempts))
        else:
            self.sync_state.setText(self.tr("Not queued: configure the platform, then the seal is sent.")
                                    if sealed else self.tr("Sent to the platform after the seal."))
        for button in (self.compute_button, self.seal_button, self.sign_button):
            button.setEnabled(not sealed)

    def _delivery_state(self, state: str) -> str:
        return {"queued": self.tr("Queued"), "sending": self.tr("Sending"), "delivered": self.tr("Delivered"),
                "retrying": self.tr("Retrying"), "attention": self.tr("Needs attention")}.get(state, state)

    def _refused(self, exc: KnownError) -> None:
        self.message.setText(exc.message)

    # -- actions ---------------------------------------------------------------------------
    def _act(self, work, done_text) -> None:
        def finished(value) -> None:
            self.message.setText(done_text(value))
            self.acted.emit(value)
            self.refresh()

        def refused(exc: KnownError) -> None:
            self.message.setText(exc.message)
            self.acted.emit(exc)

        run_task(self, lambda progress: work(), on_success=finished, on_known_error=refused)

    def _out(self, name: str) -> Path:
        folder = self.site.home.root / "reports"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / name

    def compute(self) -> None:
        self._act(lambda: self.results.compute(self.actor),
                  lambda outcomes: self.tr("Computed {count} results.").format(count=len(outcomes)))

    def print_public_list(self) -> None:
        def work():
            printed = self.results.print_public_list(self.actor, self._out("public-list.pdf"))
            self.last_path = printed.path
            return printed

        self._act(work, lambda printed: self.tr("Public list written to {path}").format(path=printed.path))

    def selected_room(self) -> tuple[str, str] | None:
        return self.room_choice.currentData()

    def print_room_record(self) -> None:
        chosen = self.selected_room()
        if chosen is None:
            return
        session_code, room_code = chosen

        def work():
            printed = self.records.print(self.actor, session_code, room_code,
                                         self._out(f"room-record-{session_code}-{room_code}.pdf"))
            self.last_path = printed.path
            return printed

        self._act(work, lambda printed: self.tr("Room record written to {path}").format(path=printed.path))

    def ask_sign(self) -> None:
        chosen = self.selected_room()
        if chosen is None:
            return
        dialog = self._input(self.tr("Sign room record"), self.tr(
            "Your password unlocks your own signing key. You sign the record of {room} as it stands now.").format(
            room=" · ".join(chosen)), password=True)
        dialog.textValueSelected.connect(lambda secret: self._act(
            lambda: self.records.sign(self.actor, chosen[0], chosen[1], secret),
            lambda record: self.tr("You signed the room record of {room}.").format(room=record.room_code)))
        dialog.open()

    def ask_seal(self) -> None:
        plan = (self.state or {}).get("plan", "")
        dialog = self._input(self.tr("Seal the plan"), self.tr(
            "After the seal nothing in plan {plan} can change: results, answers, score sheets and room records "
            "are frozen and signed, then sent to the platform. Type the plan code to confirm.").format(plan=plan))
        dialog.textValueSelected.connect(lambda typed: self._act(
            lambda: self.sealer.seal(self.actor, typed),
            lambda sealed: self.tr("Sealed: document {digest}.").format(digest=sealed.document_sha256[:16])))
        dialog.open()

    def _input(self, title: str, prompt: str, *, password: bool = False) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(prompt)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password if password else QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(self.tr("OK"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        self.dialog = dialog
        return dialog


def _when(moment) -> str:
    return "—" if moment is None else f"{labels.local_time(moment):%Y-%m-%d %H:%M}"
