"""The results panel on a demo site's real database: compute, print, refuse an early signature, seal."""

from __future__ import annotations

import pytest

from app.domain.roles import Role
from app.errors import InvalidState
from app.results.outcome import Outcome
from app.security import FAST_FOR_TESTS
from app.ui.console.results_panel import ResultsPanel

TIMEOUT = 30_000


@pytest.fixture
def panel(zh_app, qtbot, tmp_path):
    from app.simulation.demo_site import create_demo_site

    demo = create_demo_site(tmp_path / "site", candidates=6)

    def make(role=Role.CHIEF_PROCTOR):
        widget = ResultsPanel(demo.site, log_in_to(demo, role), key_params=FAST_FOR_TESTS)
        qtbot.addWidget(widget)
        qtbot.waitUntil(lambda: widget.state is not None, timeout=TIMEOUT)
        widget.resize(1166, 700)
        return widget

    yield make
    demo.site.close()


def log_in_to(demo, role):
    from app.services.auth import AuthService

    staff_no = next(no for no, (first, _) in demo.credentials.items()
                    if first is role or (role is Role.CHIEF_PROCTOR and no == "KW0002"))
    return AuthService(demo.site).login(staff_no, demo.credentials[staff_no][1], role)


def act(qtbot, panel, start):
    with qtbot.waitSignal(panel.acted, timeout=TIMEOUT) as acted:
        start()
    with qtbot.waitSignal(panel.refreshed, timeout=TIMEOUT):
        pass
    return acted.args[0]


def test_compute_print_and_seal_with_a_typed_confirmation(panel, qtbot):
    widget = panel()
    assert widget.model.rowCount() == 0 and widget.seal_button.isVisibleTo(widget) and widget.sign_button.isVisibleTo(widget)
    assert widget.room_choice.count() >= 2
    outcomes = act(qtbot, widget, widget.compute)
    assert widget.model.rowCount() == len(outcomes) == 6
    assert {o.outcome for o in outcomes} == {Outcome.ABSENT}  # nobody checked in on this site
    assert "6" in widget.summary.text()
    printed = act(qtbot, widget, widget.print_public_list)
    assert printed.path.exists() and str(printed.path) in widget.message.text()
    printed = act(qtbot, widget, widget.print_room_record)
    assert printed.path.read_bytes().startswith(b"%PDF")

    widget.ask_sign()
    with qtbot.waitSignal(widget.acted, timeout=TIMEOUT) as refused:
        widget.dialog.setTextValue("demo1234")
        widget.dialog.accept()
    assert isinstance(refused.args[0], InvalidState) and refused.args[0].message in widget.message.text()
    assert refused.args[0].code == "state"

    widget.ask_seal()
    with qtbot.waitSignal(widget.acted, timeout=TIMEOUT):
        widget.dialog.setTextValue("not the plan")
        widget.dialog.accept()
    assert widget.state["sealed_at"] is None and widget.message.text()
    widget.ask_seal()
    with qtbot.waitSignal(widget.acted, timeout=TIMEOUT) as sealed:
        widget.dialog.setTextValue(widget.state["plan"])
        widget.dialog.accept()
    with qtbot.waitSignal(widget.refreshed, timeout=TIMEOUT):
        pass
    assert sealed.args[0].document_sha256 in widget.seal_state.text() or \
        sealed.args[0].document_sha256[:16] in widget.seal_state.text()
    assert not widget.compute_button.isEnabled() and not widget.seal_button.isEnabled()


def test_the_supervisor_sees_results_but_may_not_seal(panel):
    widget = panel(Role.SUPERVISOR)
    assert not widget.seal_button.isVisibleTo(widget) and widget.sign_button.isVisibleTo(widget)
