"""Importing packages from the console: into an empty site, and a second sample into a busy one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.domain.roles import Role
from app.package import make_sample
from app.services.auth import AuthService
from app.ui.console.window import ConsoleWindow


def internal_error_boxes():
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "internalErrorBox" and w.isVisible()]


def test_a_bug_during_import_leaves_the_panel_usable(zh_app, empty_site, qtbot, tmp_path, monkeypatch):
    site, admin = empty_site
    window = ConsoleWindow(site, admin)
    qtbot.addWidget(window)
    sample = make_sample(site.public, tmp_path / "sample.espkg", candidates=4)
    panel = window.package_panel

    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(panel.service, "import_package", broken)
    with qtbot.captureExceptions() as bugs:
        assert verify_and_import(panel, sample.path, qtbot) is False
    assert [type(exc) for _type, exc, _tb in bugs] == [RuntimeError]
    assert panel.outcome.objectName() == "error" and not panel.progress.isVisible() and not panel.busy
    boxes = internal_error_boxes()
    assert len(boxes) == 1 and "simulated bug" in boxes[0].detailedText()
    boxes[0].close()


@pytest.fixture
def empty_site(tmp_path):
    from app.simulation.demo_site import DEMO_ADMIN_PASSWORD, create_site

    site = create_site(tmp_path / "site")
    yield site, AuthService(site).login("admin", DEMO_ADMIN_PASSWORD, Role.ADMIN)
    site.close()


def verify_and_import(panel, path, qtbot):
    panel.set_package_path(path)
    with qtbot.waitSignal(panel.verification_finished) as verified:
        panel.verify_button.click()
    assert verified.args == [True]
    with qtbot.waitSignal(panel.import_finished, timeout=60_000) as finished:
        panel.import_button.click()
    return finished.args[0]


def test_import_into_an_empty_site_fills_the_overview(zh_app, empty_site, qtbot, tmp_path):
    site, admin = empty_site
    window = ConsoleWindow(site, admin)
    qtbot.addWidget(window)
    overview = window.overview_panel
    qtbot.waitUntil(lambda: overview.pages.currentIndex() == 0 and "尚未导入" in overview.message.text())
    sample = make_sample(site.public, tmp_path / "sample.espkg", candidates=12, seed=1)
    panel = window.package_panel
    stages = []
    panel.progress.valueChanged.connect(stages.append)
    with qtbot.waitSignal(overview.loaded, timeout=60_000):
        assert verify_and_import(panel, sample.path, qtbot) is True
    assert panel.outcome.objectName() == "success"
    assert stages and stages[-1] == 100
    assert overview.plan is not None and overview.roster.model.rowCount() >= 12
    assert overview.pages.currentIndex() == 1


def test_a_second_sample_on_the_demo_site_imports_or_is_refused_cleanly(zh_app, demo, qtbot, log_in, tmp_path):
    window = ConsoleWindow(demo.site, log_in(Role.ADMIN))
    qtbot.addWidget(window)
    overview = window.overview_panel
    qtbot.waitUntil(lambda: overview.plan is not None)
    second = make_sample(demo.site.public, tmp_path / "second.espkg", seed=1)
    with qtbot.captureExceptions() as bugs:
        imported = verify_and_import(window.package_panel, second.path, qtbot)
    outcome = window.package_panel.outcome
    assert not outcome.isHidden()
    for box in internal_error_boxes():
        box.close()
    assert [exc for _type, exc, _tb in bugs] == []
    if imported:
        qtbot.waitUntil(lambda: overview.roster.model.rowCount() > 0)
    else:
        assert outcome.objectName() == "error" and outcome.text().startswith("未导入：")
        assert window.package_panel.progress.isHidden()
        assert overview.roster.model.rowCount() > 0
