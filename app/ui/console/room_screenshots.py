"""A screenshot of the room console for docs/terminal-ui.md, on a throwaway demo site.

    QT_QPA_PLATFORM=offscreen python -m app.ui.console.room_screenshots docs/screenshots

Writes room-console.png (1366×768, Chinese): room R01 of TH1 started, a time change, a move,
a warning and a forced submission recorded, one seat selected.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent

from app.domain.roles import Role
from app.services.auth import AuthService
from app.services.theory import IncidentKind, SeatStatus, TimeChangeKind
from app.ui import tasks
from app.ui.app import prepare_application
from app.ui.console.window import ConsoleWindow
from app.ui.screenshots import shoot, wait_for


def take_all(out: Path) -> None:
    from app.simulation.demo_site import create_demo_site

    root = Path(tempfile.mkdtemp(prefix="examsite-room-shots-"))
    prepare_application("zh_CN")
    demo = create_demo_site(root / "site", candidates=40)
    window = None
    try:
        staff_no, (role, secret) = next(item for item in demo.credentials.items() if item[1][0] == Role.PROCTOR)
        actor = AuthService(demo.site).login(staff_no, secret, role)
        window = ConsoleWindow(demo.site, actor, demo=demo, desk_options={"start_devices": False})
        panel = window.room_panel
        window.show_panel(panel)
        wait_for(panel.refreshed, lambda: panel.view is not None)
        service, session, room = panel.service, *panel.where()
        service.start_room(actor, session, room, demo.exam_password)
        seated = [s for s in service.room_console(actor, session, room).seats if s.ticket_no]
        service.change_time(actor, session, seated[0].ticket_no, TimeChangeKind.ACCOMMODATION, 15, "视力障碍，合理便利")
        free = next(s.seat_no for s in service.room_console(actor, session, room).seats
                    if s.status is SeatStatus.EMPTY)
        service.move_candidate(actor, session, seated[3].ticket_no, free, "考试机故障，换机续考")
        service.record_incident(actor, session, seated[5].ticket_no, IncidentKind.WARNING, "左顾右盼，口头警告")
        service.force_submit(actor, session, seated[7].ticket_no, "考生身体不适，申请提前结束")
        panel.refresh()
        wait_for(panel.refreshed)
        panel.seat_map.select_seat(seated[0].seat_no)
        shoot(window, out / "room-console.png")
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
