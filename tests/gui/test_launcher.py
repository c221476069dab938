"""The role launcher and staff log-in: six roles, inline refusals, the console after log-in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.domain.roles import Role
from app.ui.app import SiteUi
from app.ui.console.window import ConsoleWindow
from app.ui.launcher import LauncherWindow


def test_launcher_shows_all_six_roles(zh_app, demo, qtbot):
    launcher = LauncherWindow(demo.site, demo)
    qtbot.addWidget(launcher)
    assert set(launcher.tiles) == set(Role)
    assert [tile.accessibleName() for tile in launcher.tiles.values()] == [
        "考点管理员", "监考员", "主监考", "考评员", "考评组长", "督导员"]
    assert demo.site.config.site_name in [label.text() for label in launcher.findChildren(QLabel)]
    assert launcher.demo_panel is not None and len(launcher.demo_panel.rows) == len(demo.credentials)


def test_choosing_a_role_offers_only_its_staff(zh_app, demo, qtbot, account):
    launcher = LauncherWindow(demo.site, demo)
    qtbot.addWidget(launcher)
    qtbot.mouseClick(launcher.tiles[Role.EXAMINER], Qt.MouseButton.LeftButton)
    assert launcher.pages.currentIndex() == 1
    offered = [launcher.form.staff.itemData(i) for i in range(launcher.form.staff.count())]
    holders = [entry.staff_no for entry in launcher.directory if Role.EXAMINER in entry.roles]
    assert offered == holders and offered
    assert launcher.form.secret.echoMode() == launcher.form.secret.EchoMode.Password
    assert "PIN" in launcher.form.secret_label.text()


def test_wrong_password_is_refused_inline(zh_app, demo, qtbot, account):
    launcher = LauncherWindow(demo.site, demo)
    qtbot.addWidget(launcher)
    launcher.show()
    launcher.choose_role(Role.ADMIN)
    staff_no, _secret = account(Role.ADMIN)
    assert launcher.form.select_staff(staff_no)
    qtbot.keyClicks(launcher.form.secret, "not-the-password")
    with qtbot.assertNotEmitted(launcher.logged_in), qtbot.waitSignal(launcher.form.attempt_finished):
        qtbot.keyClick(launcher.form.secret, Qt.Key.Key_Return)
    assert launcher.form.error.isVisible()
    assert launcher.form.error.objectName() == "error"
    assert launcher.form.error.text() and "Traceback" not in launcher.form.error.text()
    assert launcher.form.secret.text() == ""


def test_admin_logs_in_and_out(zh_app, demo, qtbot, account):
    ui = SiteUi(demo.site, demo)
    launcher = ui.show_launcher()
    qtbot.addWidget(launcher)
    qtbot.mouseClick(launcher.tiles[Role.ADMIN], Qt.MouseButton.LeftButton)
    staff_no, secret = account(Role.ADMIN)
    launcher.form.select_staff(staff_no)
    qtbot.keyClicks(launcher.form.secret, secret)
    with qtbot.waitSignal(ui.window_changed) as changed:
        qtbot.keyClick(launcher.form.secret, Qt.Key.Key_Return)
    console = changed.args[0]
    assert isinstance(console, ConsoleWindow) and ui.window is console
    assert console.package_panel is not None and console.overview_panel is not None
    assert console.navigation.item(0).text() == "考务数据包"
    assert "考点管理员" in console.who.text()
    assert demo.site.config.site_id in console.where.text()
    qtbot.waitUntil(lambda: console.overview_panel.plan is not None)
    with qtbot.waitSignal(ui.window_changed) as changed:
        console.logout_action.trigger()
    assert isinstance(changed.args[0], LauncherWindow)
    ui.close()


def test_demo_panel_fills_the_form(zh_app, demo, qtbot, account):
    launcher = LauncherWindow(demo.site, demo)
    qtbot.addWidget(launcher)
    staff_no, secret = account(Role.PROCTOR)
    row = [r[0] for r in launcher.demo_panel.rows].index(staff_no)
    launcher.demo_panel.table.cellDoubleClicked.emit(row, 0)
    assert launcher.pages.currentIndex() == 1
    assert launcher.form.staff.currentData() == staff_no
    assert launcher.form.secret.text() == secret
    with qtbot.waitSignal(launcher.logged_in) as logged:
        launcher.form.submit()
    assert logged.args[0].role == Role.PROCTOR


def test_run_gui_screenshot_mode_saves_the_launcher_and_exits(zh_app, demo, tmp_path):
    from PySide6.QtGui import QImage

    from app.ui.app import WINDOW_SIZE, run_gui

    shot = tmp_path / "shots" / "launcher.png"
    assert run_gui(demo.site, "zh_CN", demo=demo, screenshot=shot) == 0
    image = QImage(str(shot))
    assert (image.width(), image.height()) == WINDOW_SIZE
