"""GUI fixtures: the application in Chinese, a demo site per module, and no job left running."""

from __future__ import annotations

import gc

import pytest

from app.i18n import language, set_language

pytestmark = pytest.mark.gui


@pytest.fixture
def zh_app(qapp):
    """The QApplication prepared as the product runs it: Chinese, CJK font, our stylesheet.

    The core's language is put back afterwards, so tests elsewhere see what they expect.
    """
    from app.ui.app import prepare_application

    before = language()
    app = prepare_application("zh_CN")
    yield app
    set_language(before)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A demo site with the sample package imported and every staff member given a secret (slowish)."""
    from app.simulation.demo_site import create_demo_site

    demo = create_demo_site(tmp_path_factory.mktemp("demo") / "site", candidates=24)
    yield demo
    demo.site.close()


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_gui_thread():
    """As the application does (app/ui/gc_guard.py): no automatic collection while a GUI test runs,
    so a worker thread never destroys a widget; the test's garbage is collected here, on this thread."""
    gc.collect()
    gc.disable()
    yield
    gc.collect()
    gc.enable()  # tests outside tests/gui run with the normal collector, even after the app disabled it


@pytest.fixture(autouse=True)
def _background_jobs_end(request):
    """Every test ends with its background jobs done and their results delivered."""
    yield
    if "qapp" not in request.fixturenames and "zh_app" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QApplication

    from app.ui import tasks

    assert tasks.wait_for_all(10_000), "a background job did not finish"
    QApplication.processEvents()


@pytest.fixture
def account(demo):
    """account(role) -> (staff_no, secret) of the first demo account whose first role is `role`."""

    def pick(role):
        return next((staff_no, secret) for staff_no, (first, secret) in demo.credentials.items() if first == role)

    return pick


@pytest.fixture
def log_in(demo, account):
    """log_in(role) -> Actor, through the service (for tests about what comes after the launcher)."""
    from app.services.auth import AuthService

    def actor(role):
        staff_no, secret = account(role)
        return AuthService(demo.site).login(staff_no, secret, role)

    return actor
