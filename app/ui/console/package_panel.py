"""考务数据包 / Exam package: choose a file, verify it, then import it (administrator only)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from app.domain.actor import Actor
from app.domain.package import PackageSummary
from app.errors import KnownError
from app.services.packages import PackageService
from app.services.site import Site
from app.ui import labels
from app.ui.tasks import FILES, run_task


class SummaryCard(QFrame):
    """What verification found: identity, issuer, plan and counts (no personal data)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.form = QFormLayout(self)
        self.form.setContentsMargins(18, 14, 18, 14)
        self.form.setHorizontalSpacing(18)
        self.form.setVerticalSpacing(6)
        self.values: dict[str, QLabel] = {}
        for key, title in (
            ("package", self.tr("Package")), ("issuer", self.tr("Issuer key")), ("site", self.tr("For site")),
            ("issued", self.tr("Issued")), ("plan", self.tr("Exam plan")),
            ("occupation", self.tr("Occupation and level")), ("counts", self.tr("Contents")),
        ):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.values[key] = value
            name = QLabel(title)
            name.setObjectName("muted")
            self.form.addRow(name, value)

    def show_summary(self, summary: PackageSummary) -> None:
        self.values["package"].setText(self.tr("{package_id} (format {version}, {size} KB)").format(
            package_id=summary.package_id, version=summary.format_version, size=max(1, summary.size_bytes // 1024)))
        self.values["issuer"].setText(summary.issuer_fingerprint)
        self.values["site"].setText(summary.site_id)
        self.values["issued"].setText(labels.local_time(summary.issued_at).strftime("%Y-%m-%d %H:%M"))
        self.values["plan"].setText(summary.plan_code)
        self.values["occupation"].setText(self.tr("{occupation} · {level}").format(
            occupation=summary.occupation, level=labels.level_title(summary.level)))
        self.values["counts"].setText(self.tr(
            "{sessions} sessions, {rooms} rooms, {candidates} candidates, {staff} staff, "
            "{papers} theory papers, {tasks} practical tasks").format(
            sessions=summary.sessions, rooms=summary.rooms, candidates=summary.candidates, staff=summary.staff,
            papers=summary.papers, tasks=summary.tasks))


class PackagePanel(QWidget):
    """Signals fire after each step so that the window (and tests) can follow."""

    verification_finished = Signal(bool)
    import_finished = Signal(bool)
    imported = Signal(object)  # PackageSummary

    def __init__(self, site: Site, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.actor = PackageService(site), actor
        self.verified: PackageSummary | None = None
        self.busy = False

        title = QLabel(self.tr("Exam package"))
        title.setObjectName("sectionTitle")
        intro = QLabel(self.tr("Choose the signed exam package received from the evaluation agency. "
                               "It is checked before anything is stored; importing is all or nothing."))
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("No file chosen"))
        self.path.textChanged.connect(self._path_changed)
        self.browse_button = QPushButton(self.tr("Choose file…"))
        self.browse_button.clicked.connect(self.browse)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setEnabled(False)
        self.verify_button.clicked.connect(self.verify)
        chooser = QHBoxLayout()
        chooser.addWidget(self.path, 1)
        chooser.addWidget(self.browse_button)
        chooser.addWidget(self.verify_button)

        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.hide()
        self.summary = SummaryCard()
        self.summary.hide()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("primary")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.stage = QLabel()
        self.stage.setObjectName("muted")
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        self.import_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.import_button.setMinimumWidth(120)
        importing = QHBoxLayout()
        importing.setSpacing(12)
        importing.addWidget(self.import_button)
        importing.addWidget(self.progress, 1)
        importing.addWidget(self.stage)
        importing.addStretch(0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(chooser)
        layout.addWidget(self.result)
        layout.addWidget(self.summary)
        layout.addLayout(importing)
        layout.addWidget(self.outcome)
        layout.addStretch(1)

    def browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the exam package"), self.path.text(),
                                                self.tr("Exam packages (*.espkg);;All files (*)"))
        if chosen:
            self.set_package_path(Path(chosen))

    def set_package_path(self, path: Path) -> None:
        self.path.setText(str(path))

    def _path_changed(self, text: str) -> None:
        self.verified = None
        self.summary.hide()
        self.result.hide()
        self.outcome.hide()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_path = bool(self.path.text().strip())
        self.verify_button.setEnabled(has_path and not self.busy)
        self.browse_button.setEnabled(not self.busy)
        self.path.setReadOnly(self.busy)
        self.import_button.setEnabled(self.verified is not None and not self.busy)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    @staticmethod
    def _say(label: QLabel, text: str, kind: str) -> None:
        """Show `text` styled as "success", "error" or "muted"."""
        label.setObjectName(kind)
        label.style().unpolish(label)
        label.style().polish(label)
        label.setText(text)
        label.show()

    def verify(self) -> None:
        path = Path(self.path.text().strip())
        self._set_busy(True)
        self.summary.hide()
        self.outcome.hide()
        self._say(self.result, self.tr("Checking the signature and every member of the package…"), "muted")
        task = run_task(self, lambda progress: self.service.verify(path), lane=FILES,
                        on_success=self._verified, on_known_error=self._refused)
        task.finished.connect(self._verification_done)

    def _verified(self, summary: PackageSummary) -> None:
        self.verified = summary
        self._say(self.result, self.tr("The package is genuine, complete and meant for this site."), "success")
        self.summary.show_summary(summary)
        self.summary.show()

    def _refused(self, exc: KnownError) -> None:
        self.verified = None
        self._say(self.result, self.tr("Refused: {reason}").format(reason=exc.message), "error")

    def _verification_done(self) -> None:
        self._set_busy(False)
        self.verification_finished.emit(self.verified is not None)

    def start_import(self) -> None:
        if self.verified is None or self.busy:
            return
        path = Path(self.path.text().strip())
        self._set_busy(True)
        self.outcome.hide()
        self.progress.setValue(0)
        self.progress.show()
        self.stage.setText(self.tr("Starting…"))
        task = run_task(self, lambda progress: self.service.import_package(self.actor, path, progress),
                        on_success=self._import_succeeded, on_known_error=self._import_refused,
                        on_progress=self._import_progress)
        task.failed.connect(self._import_failed)
        task.finished.connect(self._import_done)

    def _import_progress(self, done: int, total: int, stage: str) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)
        self.stage.setText(stage)

    def _import_succeeded(self, summary: PackageSummary) -> None:
        self.verified = None
        self._say(self.outcome, self.tr("Imported {package_id}: {candidates} candidates, {staff} staff.").format(
            package_id=summary.package_id, candidates=summary.candidates, staff=summary.staff), "success")
        self.imported.emit(summary)

    def _import_refused(self, exc: KnownError) -> None:
        self.progress.hide()
        self.stage.clear()
        self._say(self.outcome, self.tr("Not imported: {reason}").format(reason=exc.message), "error")

    def _import_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):  # a bug: the dialog has the details, the panel says it stopped
            self._import_refused(KnownError(self.tr("an internal error stopped the import; nothing was stored.")))

    def _import_done(self) -> None:
        self._set_busy(False)
        self.import_finished.emit(self.outcome.objectName() == "success")
