"""同步 / Delivery: every outbox item on its way to the provincial platform (docs/sync.md).

Each item shows its state (queued, sending, delivered, retrying with the next attempt and the last
error, needing attention), a progress bar (bytes the platform acknowledged of the sealed size,
chunk by chunk for uploads) and, once delivered, its receipt checked again against the pinned
platform key (verified, the platform key's fingerprint, when the platform received it). "Deliver
now" runs the sync worker once on the files lane, so refreshes go on during a long upload; the
administrator may also send an item that needs attention again and export the undelivered items
for a USB stick. The list refreshes every 2 s while the panel is shown. `refreshed` and `acted`
fire when a load or an action comes back (tests wait on them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.actor import Actor
from app.errors import KnownError
from app.services.outbox import (
    ATTENTION,
    DELIVERED,
    QUEUED,
    REQUEUE_ROLES,
    RESULTS,
    RETRYING,
    SENDING,
    OutboxService,
    OutboxView,
)
from app.services.site import Site
from app.ui import labels
from app.ui.console.table_model import ROW_ROLE, Column, RowsModel
from app.ui.console.tables import make_table
from app.ui.style import ERROR, MUTED, SUCCESS
from app.ui.tasks import FILES, run_task

REFRESH_MS = 2000
STATE_COLOURS = {DELIVERED: SUCCESS, RETRYING: "#9a6700", ATTENTION: ERROR, QUEUED: MUTED, SENDING: "#1f5f99"}


class _ItemsModel(RowsModel):
    """The outbox rows, with the state column coloured."""

    def __init__(self, columns, state_column: int, parent=None) -> None:
        super().__init__(columns, parent)
        self.state_column = state_column

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == self.state_column:
            return QColor(STATE_COLOURS.get(self.rows[index.row()].view.state, MUTED))
        return super().data(index, role)

    def replace_row(self, number: int, row) -> None:
        self.rows[number] = row
        self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))


class _ProgressDelegate(QStyledItemDelegate):
    """Draws the acknowledged share of an item as a progress bar inside its cell."""

    def paint(self, painter, option, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is None:
            return super().paint(painter, option, index)
        view = row.view
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(6, 5, -6, -5)
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        bar.minimum, bar.maximum = 0, 1000
        bar.progress = 1000 if view.state == DELIVERED or not view.size else int(1000 * view.acknowledged / view.size)
        bar.text = f"{bar.progress // 10} %"
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


@dataclass(frozen=True)
class _Row:
    """One outbox item as the panel shows it: the service's view, its file name, its receipt checked again."""

    view: OutboxView
    name: str
    verified: bool | None


class SyncPanel(QWidget):
    refreshed = Signal()
    acted = Signal(object)

    def __init__(self, site: Site, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site, self.actor = site, actor
        self.platform = None  # the pinned PlatformLink, or None before `examsite sync configure`
        self.rows: list[_Row] = []
        self.dialog: QFileDialog | None = None
        self.last_export: Path | None = None
        self._loading = self._delivering = False

        title = QLabel(self.tr("Delivery to the platform"))
        title.setObjectName("sectionTitle")
        self.platform_label = QLabel()
        self.summary = QLabel()
        for label in (self.platform_label, self.summary):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        card = QFrame()
        card.setObjectName("card")
        grid = QGridLayout(card)
        grid.setContentsMargins(18, 10, 18, 10)
        for number, (name, value) in enumerate(((self.tr("Platform"), self.platform_label),
                                                (self.tr("Outbox"), self.summary))):
            caption = QLabel(name)
            caption.setObjectName("muted")
            grid.addWidget(caption, number, 0)
            grid.addWidget(value, number, 1)
        grid.setColumnStretch(1, 1)

        self.model = _ItemsModel([
            Column(self.tr("Item"), self._item_text),
            Column(self.tr("State"), self._state_text),
            Column(self.tr("Progress"), lambda row: ""),
            Column(self.tr("Size"), lambda row: _bytes(row.view.size), numeric=True),
            Column(self.tr("Attempts"), lambda row: str(row.view.attempts), numeric=True),
            Column(self.tr("Receipt or last error"), self._outcome_text),
        ], state_column=1, parent=self)
        self.table = make_table(self.model, stretch_column=5)
        self.table.setItemDelegateForColumn(2, _ProgressDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(2, 150)
        self.table.setColumnWidth(0, 300)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setObjectName("muted")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.deliver_button = QPushButton(self.tr("Deliver now"))
        self.deliver_button.clicked.connect(self.deliver_now)
        self.retry_button = QPushButton(self.tr("Send again"))
        self.retry_button.setToolTip(self.tr("Queue the selected item that needs attention again and send it"))
        self.retry_button.clicked.connect(self.retry_selected)
        self.export_button = QPushButton(self.tr("Export for USB…"))
        self.export_button.clicked.connect(self.ask_export)
        admin = actor.role in REQUEUE_ROLES
        self.retry_button.setVisible(admin)
        self.export_button.setVisible(admin)
        actions = QHBoxLayout()
        for button in (self.deliver_button, self.retry_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
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
        layout.addWidget(self.details)
        layout.addWidget(self.message)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self._update_buttons()

    # -- showing --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True

        def load(progress):
            from app.persistence import outbox_store
            from app.sync.receipt import ReceiptError, verify_receipt

            outbox = OutboxService(self.site)
            try:
                platform = outbox.link()
            except KnownError:
                platform = None
            views = outbox.status()
            with self.site.db.read() as session:
                metas = {item.idempotency_key: json.loads(item.meta) for item in outbox_store.all_items(session)}
            rows = []
            for view in views:
                verified = None
                if view.receipt is not None and platform is not None:
                    try:
                        verify_receipt(view.receipt, platform.signing_public, idempotency_key=view.key)
                        verified = True
                    except ReceiptError:
                        verified = False
                upload = metas.get(view.key, {}).get("upload") or {}
                rows.append(_Row(view, str(upload.get("name") or ""), verified))
            return platform, rows

        task = run_task(self, load, on_success=self._show, on_known_error=self._refused)
        task.finished.connect(self._loaded)

    def _loaded(self) -> None:
        self._loading = False
        self.refreshed.emit()

    def _show(self, loaded) -> None:
        self.platform, rows = loaded
        selected = self.selected()
        self.rows = rows
        self.model.set_rows(rows)
        if selected is not None:
            self.select(selected.view.key)
        if self.platform is None:
            self.platform_label.setText(self.tr("No platform is configured: the administrator pins it with "
                                                "'examsite sync configure'."))
        else:
            self.platform_label.setText(self.tr("{url} · receipt key fingerprint {fingerprint}").format(
                url=self.platform.url, fingerprint=self.platform.fingerprint))
        states = [row.view.state for row in rows]
        if not rows:
            self.summary.setText(self.tr("Nothing to deliver: the outbox is empty."))
        else:
            self.summary.setText(self.tr("{count} items: {delivered} delivered, {waiting} on their way, "
                                         "{attention} need attention").format(
                count=len(rows), delivered=states.count(DELIVERED), attention=states.count(ATTENTION),
                waiting=len(rows) - states.count(DELIVERED) - states.count(ATTENTION)))
        self._show_selected()

    def _refused(self, exc: KnownError) -> None:
        self.message.setText(exc.message)

    # -- words ----------------------------------------------------------------------------
    def _item_text(self, row: _Row) -> str:
        view = row.view
        subject = view.subject.split(":", 1)[-1]
        if view.kind == RESULTS:
            return self.tr("Results {subject}").format(subject=subject)
        if view.subject.startswith("video:"):
            return self.tr("Video {subject} · {name}").format(subject=subject, name=row.name)
        return self.tr("File {subject} · {name}").format(subject=subject, name=row.name)

    def _state_text(self, row: _Row) -> str:
        view = row.view
        if view.state == RETRYING and view.next_attempt_at is not None:
            return self.tr("Retrying at {time}").format(time=_clock(view.next_attempt_at))
        return {QUEUED: self.tr("Queued"), SENDING: self.tr("Sending"), DELIVERED: self.tr("Delivered"),
                RETRYING: self.tr("Retrying"), ATTENTION: self.tr("Needs attention")}.get(view.state, view.state)

    def _outcome_text(self, row: _Row) -> str:
        view = row.view
        if view.state == DELIVERED and view.receipt is not None:
            fields = view.receipt.get("receipt", {})
            text = self.tr("✓ Receipt verified") if row.verified else \
                self.tr("✗ Receipt does not verify") if row.verified is False else self.tr("Receipt stored")
            return self.tr("{verdict} · platform {fingerprint} · received {time}").format(
                verdict=text, fingerprint=str(fields.get("platform_key", "")).removeprefix("SHA256:")[:9],
                time=_received(fields.get("received_at")))
        if view.last_error:
            return _first_line(view.last_error)
        if view.acknowledged:
            return self.tr("{acknowledged} of {size} acknowledged").format(
                acknowledged=_bytes(view.acknowledged), size=_bytes(view.size))
        return ""

    def _show_selected(self) -> None:
        row = self.selected()
        self._update_buttons()
        if row is None:
            self.details.setText("")
            return
        view = row.view
        lines = [self.tr("Key {key} · {acknowledged} of {size} acknowledged · queued {time}").format(
            key=view.key, acknowledged=_bytes(view.acknowledged), size=_bytes(view.size), time=_clock(view.created_at))]
        if view.receipt is not None:
            fields = view.receipt.get("receipt", {})
            lines.append(self.tr("Receipt: record {record} · platform key {fingerprint} · received {time}").format(
                record=fields.get("record", ""), fingerprint=fields.get("platform_key", ""),
                time=_received(fields.get("received_at"))))
        elif view.last_error:
            lines.append(self.tr("Last error: {error}").format(error=view.last_error))
        self.details.setText("\n".join(lines))

    # -- selection ------------------------------------------------------------------------
    def selected(self) -> _Row | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select(self, key: str) -> None:
        for number, row in enumerate(self.model.rows):
            if row.view.key == key:
                self.table.selectRow(number)
                return

    def _update_buttons(self) -> None:
        row = self.selected()
        self.deliver_button.setEnabled(not self._delivering)
        self.retry_button.setEnabled(not self._delivering and row is not None and row.view.state == ATTENTION)

    # -- actions --------------------------------------------------------------------------
    def _deliver(self, work, done_text) -> None:
        """Run a delivery off the GUI thread on the files lane: an upload must not hold up the database lane."""
        self._delivering = True
        self._update_buttons()
        self.message.setText(self.tr("Delivering…"))

        def finished(value) -> None:
            self.message.setText(done_text(value))
            self._end_delivery(value)

        def refused(exc: KnownError) -> None:
            self.message.setText(exc.message)
            self._end_delivery(exc)

        task = run_task(self, work, lane=FILES, on_success=finished, on_known_error=refused,
                        on_progress=self._progressed)
        task.failed.connect(lambda exc: None if isinstance(exc, KnownError) else self._end_delivery(exc))

    def _end_delivery(self, value) -> None:
        self._delivering = False
        self._update_buttons()
        self.acted.emit(value)
        self.refresh()

    def _progressed(self, done: int, size: int, key: str) -> None:
        """An upload's acknowledged offset, as the worker reports it between refreshes."""
        for number, row in enumerate(self.model.rows):
            if row.view.key == key:
                self.model.replace_row(number, _Row(replace(row.view, state=SENDING, acknowledged=done), row.name,
                                                    row.verified))

    def _worker_run(self, progress, keys: list[str] | None = None):
        from app.sync.client import UpstreamClient
        from app.sync.worker import RunSummary, SyncWorker

        outbox = OutboxService(self.site)
        with UpstreamClient(outbox.link()) as client:
            worker = SyncWorker(outbox, client, progress=lambda key, done, size: progress(done, size, key))
            if keys is None:
                return worker.run_once(all_pending=True)
            summary = RunSummary()
            for key in keys:
                outcome = worker.deliver(key)
                if outcome is not None:
                    getattr(summary, outcome).append(key)
            return summary

    def _summary_text(self, summary) -> str:
        return self.tr("Delivered {delivered}; waiting to retry {retrying}; needing attention {attention}.").format(
            delivered=len(summary.delivered), retrying=len(summary.retrying), attention=len(summary.attention))

    def deliver_now(self) -> None:
        if not self._delivering:
            self._deliver(self._worker_run, self._summary_text)

    def retry_selected(self) -> None:
        row = self.selected()
        if row is None or row.view.state != ATTENTION or self._delivering:
            return
        key = row.view.key

        def work(progress):
            OutboxService(self.site).requeue(self.actor, key)
            return self._worker_run(progress, [key])

        self._deliver(work, self._summary_text)

    def ask_export(self) -> None:
        dialog = QFileDialog(self, self.tr("Export undelivered items for USB"),
                             str(Path.home() / f"{self.site.config.site_id}.essync"),
                             self.tr("ExamSite export (*.essync)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setDefaultSuffix("essync")
        dialog.fileSelected.connect(self.export_to)
        self.dialog = dialog
        dialog.open()

    def export_to(self, path: str) -> None:
        out = Path(path)

        def work(progress):
            return OutboxService(self.site).export(self.actor, out)

        def finished(count) -> None:
            self.last_export = out
            self.message.setText(self.tr("{count} undelivered items written to {path}.").format(count=count, path=out))
            self.acted.emit(count)

        def refused(exc: KnownError) -> None:
            self.message.setText(exc.message)
            self.acted.emit(exc)

        run_task(self, work, lane=FILES, on_success=finished, on_known_error=refused)


def _clock(moment: datetime) -> str:
    return f"{labels.local_time(moment):%H:%M:%S}"


def _received(value) -> str:
    try:
        return f"{labels.local_time(datetime.fromisoformat(str(value))):%m-%d %H:%M:%S}"
    except ValueError:
        return str(value or "—")


def _first_line(text: str) -> str:
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= 120 else line[:119] + "…"


def _bytes(count: int) -> str:
    if count < 1024:
        return f"{count} B"
    for unit in ("KiB", "MiB", "GiB"):
        count /= 1024
        if count < 1024 or unit == "GiB":
            return f"{count:.1f} {unit}"
    return f"{count:.1f} GiB"
