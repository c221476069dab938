"""The administrator's console on a demo site: verifying packages and the session overview."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QApplication

from app.domain.roles import Role
from app.ui.console.window import ConsoleWindow


@pytest.fixture
def admin_console(zh_app, demo, qtbot, log_in):
    window = ConsoleWindow(demo.site, log_in(Role.ADMIN))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.overview_panel.plan is not None)
    return window


def internal_error_boxes():
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "internalErrorBox" and w.isVisible()]


def test_verifying_a_good_package_shows_its_summary(admin_console, demo, qtbot):
    panel = admin_console.package_panel
    panel.set_package_path(demo.package_path)
    assert not panel.import_button.isEnabled()
    with qtbot.waitSignal(panel.verification_finished) as finished:
        panel.verify_button.click()
    assert finished.args == [True]
    assert panel.summary.isVisible()
    plan = admin_console.overview_panel.plan
    assert panel.summary.values["plan"].text() == plan.plan_code
    assert panel.summary.values["issuer"].text() == plan.issuer_fingerprint
    assert f"考生 {plan.candidates} 人" in panel.summary.values["counts"].text()
    assert panel.result.objectName() == "success"
    assert panel.import_button.isEnabled()


def test_verifying_a_truncated_file_shows_the_refusal(admin_console, demo, qtbot, tmp_path):
    broken = tmp_path / "broken.espkg"
    data = demo.package_path.read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    panel = admin_console.package_panel
    panel.set_package_path(broken)
    with qtbot.waitSignal(panel.verification_finished) as finished:
        panel.verify_button.click()
    assert finished.args == [False]
    assert panel.result.objectName() == "error" and panel.result.isVisible()
    assert panel.result.text().startswith("校验未通过：")
    assert "\n" not in panel.result.text() and "Traceback" not in panel.result.text()
    assert not panel.summary.isVisible()
    assert not panel.import_button.isEnabled()
    assert not internal_error_boxes()


def test_reimporting_the_same_package_is_refused_cleanly(admin_console, demo, qtbot, tmp_path):
    copy = tmp_path / "again.espkg"
    shutil.copyfile(demo.package_path, copy)
    panel = admin_console.package_panel
    panel.set_package_path(copy)
    with qtbot.waitSignal(panel.verification_finished):
        panel.verify_button.click()
    with qtbot.waitSignal(panel.import_finished) as finished:
        panel.import_button.click()
    assert finished.args == [False]
    assert panel.outcome.objectName() == "error" and panel.outcome.text().startswith("未导入：")
    assert not panel.progress.isVisible()
    assert not panel.busy and not internal_error_boxes()


def test_overview_shows_plan_sessions_rooms_and_staff(admin_console, demo):
    overview = admin_console.overview_panel
    plan = overview.plan
    assert overview.header.values["plan"].text() == plan.plan_code
    assert overview.sessions.rowCount() == len(plan.sessions) > 0
    assert overview.rooms.rowCount() == len(plan.rooms) > 0
    assert overview.staff.rowCount() == len(plan.staff) > 0
    kinds = {overview.sessions.index(row, 1).data() for row in range(overview.sessions.rowCount())}
    assert kinds <= {"理论", "实操"}
    roster = overview.roster
    assert roster.model.rowCount() == len(plan.roster) > 0
    genders = {roster.model.index(row, 2).data() for row in range(roster.model.rowCount())}
    assert genders <= {"男", "女"}
    assert all("*" in roster.model.index(row, 3).data() for row in range(roster.model.rowCount()))


def test_roster_filter_and_portrait(admin_console, qtbot):
    roster = admin_console.overview_panel.roster
    everyone = roster.visible_tickets()
    first = roster.model.rows[0]
    roster.search.setText(first.ticket_no)
    assert set(roster.visible_tickets()) == {first.ticket_no}
    roster.search.setText(first.name)
    assert first.ticket_no in roster.visible_tickets()
    assert all(first.name in row.name for row in roster.model.rows if row.ticket_no in roster.visible_tickets())
    roster.search.setText("无此考生")
    assert roster.visible_tickets() == []
    roster.search.clear()
    assert sorted(roster.visible_tickets()) == sorted(everyone)
    with qtbot.waitSignal(roster.photo_shown) as shown:
        assert roster.select_ticket(first.ticket_no)
    assert shown.args == [first.ticket_no]
    assert roster.portrait.pixmap() is not None and not roster.portrait.pixmap().isNull()
    assert first.name in roster.caption.text()


def test_proctor_sees_the_overview_but_not_the_package_panel(zh_app, demo, qtbot, log_in):
    window = ConsoleWindow(demo.site, log_in(Role.PROCTOR))
    qtbot.addWidget(window)
    assert window.package_panel is None
    qtbot.waitUntil(lambda: window.overview_panel.plan is not None)
    assert "监考员" in window.who.text()
