"""The background-work helper: results, progress and failures arrive on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication, QWidget

from app.errors import KnownError
from app.ui.tasks import FILES, run_task


def test_result_and_progress_arrive_on_the_gui_thread(zh_app, qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    seen = []

    def work(progress):
        progress(1, 2, "half")
        return threading.get_ident()

    task = run_task(owner, work, lane=FILES,
                    on_progress=lambda done, total, stage: seen.append((done, total, stage, threading.get_ident())),
                    on_success=lambda value: seen.append(("done", value, threading.get_ident())))
    with qtbot.waitSignal(task.finished):
        pass
    gui = threading.get_ident()
    assert seen[0] == (1, 2, "half", gui)
    assert seen[1][0] == "done" and seen[1][1] != gui and seen[1][2] == gui


def test_known_error_goes_to_its_handler(zh_app, qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    refused = []

    def work(progress):
        raise KnownError("磁盘已满")

    task = run_task(owner, work, on_known_error=lambda exc: refused.append(exc.message))
    with qtbot.waitSignal(task.failed):
        pass
    assert refused == ["磁盘已满"]


def test_known_error_without_handler_is_a_message_box(zh_app, qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    def work(progress):
        raise KnownError("摄像头未连接")

    task = run_task(owner, work)
    with qtbot.waitSignal(task.finished):
        pass
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "knownErrorBox" and w.isVisible()]
    assert [box.text() for box in boxes] == ["摄像头未连接"]
    for box in boxes:
        box.close()


def test_a_bug_shows_the_internal_error_dialog_and_is_reported(zh_app, qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)

    def work(progress):
        raise ZeroDivisionError("oops")

    with qtbot.captureExceptions() as reported:
        task = run_task(owner, work)
        with qtbot.waitSignal(task.finished):
            pass
    assert [type(exc) for exc_type, exc, tb in reported] == [ZeroDivisionError]
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "internalErrorBox" and w.isVisible()]
    assert len(boxes) == 1
    assert "ZeroDivisionError" in boxes[0].detailedText()
    assert "内部错误" in boxes[0].text()
    boxes[0].close()
    boxes[0].deleteLater()
