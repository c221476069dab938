"""Screenshots of the check-in desk for docs/ui.md, on a throwaway demo site (simulated devices).

    QT_QPA_PLATFORM=offscreen python -m app.ui.desk.screenshots docs/screenshots

Writes desk-zh.png (a candidate found), desk-refused-zh.png (a forged ticket) and
desk-camera-lost-zh.png (the camera unplugged), at 1366×768 in Chinese.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent

from app.domain.roles import Role
from app.identity.tickets import issue_ticket
from app.security import SigningKey
from app.services.auth import AuthService
from app.ui import tasks
from app.ui.app import prepare_application
from app.ui.console.window import ConsoleWindow
from app.ui.desk.demo_queue import ticket_frame
from app.ui.screenshots import shoot, wait_for


def take_all(out: Path) -> None:
    from app.simulation.demo_site import create_demo_site

    root = Path(tempfile.mkdtemp(prefix="examsite-desk-shots-"))
    prepare_application("zh_CN")
    demo = create_demo_site(root / "site", candidates=40)
    window = None
    try:
        staff_no, (role, secret) = next(item for item in demo.credentials.items() if item[1][0] == Role.PROCTOR)
        window = ConsoleWindow(demo.site, AuthService(demo.site).login(staff_no, secret, role), demo=demo)
        desk = window.desk_panel
        shoot(window, out / "desk-start.png")  # shows the window; this first picture is thrown away
        (out / "desk-start.png").unlink()
        controls = desk.demo_controls
        wait_for(controls.queue_loaded, lambda: bool(controls.queue))
        wait_for(desk.camera_state_changed, lambda: desk.view.state == "live")
        controls.next_candidate()
        wait_for(desk.face_checked)
        controls.place_card()
        wait_for(desk.card_checked)
        shoot(window, out / "desk-zh.png")

        forged = issue_ticket(SigningKey.generate(), ticket_no=controls.queue[5].ticket_no, plan_code="KH-UNKNOWN",
                              sessions=[desk.session_code], id_number=controls.queue[5].id_number,
                              valid_from=desk.service.clock() - timedelta(days=1),
                              valid_until=desk.service.clock() + timedelta(days=1))
        desk.devices.sim_camera.show(ticket_frame(forged, 5))
        wait_for(desk.lookup_refused)
        shoot(window, out / "desk-refused-zh.png")

        desk.search_box.text.setText(controls.queue[3].name)
        desk.search_box.submit()
        wait_for(desk.search_box.results.model().rowsInserted, lambda: desk.search_box.results.count() > 0)
        desk.devices.sim_camera.show(None)
        desk.devices.sim_camera.unplug()
        wait_for(desk.camera_state_changed, lambda: desk.view.state == "lost")
        desk.search_box.results.itemClicked.emit(desk.search_box.results.item(0))
        wait_for(desk.photo_shown)
        shoot(window, out / "desk-camera-lost-zh.png")
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        tasks.wait_for_all()
        demo.site.close()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    take_all(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
