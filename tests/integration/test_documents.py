"""Printed documents from a demo site: admission tickets (PDF with photo and QR) and sign-in sheets (PDF, XLSX).

The PDFs are read back the way a person would meet them: their text through poppler's pdftotext,
their QR codes from a rendered page through the desk's own decoder (drivers.scanner).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import cv2
import openpyxl
import pytest
from sqlalchemy import text

from app.cli import documents_cmd
from app.cli.common import common_options
from app.domain.roles import Role
from app.errors import KnownError, NotFound, PermissionDenied
from app.persistence import repositories
from app.reports import PlanInfo, TicketRow, TicketSitting, tickets_pdf
from app.services.auth import AuthService
from app.services.checkin import CheckinService, Decision, Evidence, Method
from app.services.documents import DocumentService
from app.services.site import verify_audit
from app.simulation.clock import ManualClock as Clock
from app.simulation.demo_site import (
    DEMO_ADMIN_PASSWORD,
    DEMO_PASSPHRASE,
    DEMO_STAFF_PASSWORD,
    create_demo_site,
)
from drivers.scanner import decode_qr

SESSION, ROOM = "TH1", "R01"
SHANGHAI = ZoneInfo("Asia/Shanghai")
POPPLER = shutil.which("pdftotext") and shutil.which("pdftoppm")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdftoppm) is not installed")


@pytest.fixture
def demo(tmp_path, database_url):
    demo = create_demo_site(tmp_path / "site", database_url, candidates=8)
    auth = AuthService(demo.site)
    actors = {Role.ADMIN: auth.login("admin", DEMO_ADMIN_PASSWORD, Role.ADMIN)}
    for staff_no, (_, secret) in demo.credentials.items():
        for role in (Role.CHIEF_PROCTOR, Role.PROCTOR, Role.SUPERVISOR, Role.EXAMINER):
            if role not in actors and role in _roles(auth, staff_no):
                actors[role] = auth.login(staff_no, secret, role)
    yield demo, actors
    demo.site.close()


def _roles(auth, staff_no):
    return next(entry.roles for entry in auth.directory() if entry.staff_no == staff_no)


def roster(site, session_code=SESSION):
    """(ticket, name, token, room code) in the order tickets are printed."""
    with site.db.read() as session:
        plan = repositories.current_plan(session)
        return [(c.ticket_no, c.name, c.ticket_token, room.code)
                for c, _, es, room in repositories.roster(session, plan.id) if es.code == session_code]


def audit_events(site, action):
    with site.db.read() as session:
        rows = session.execute(text("SELECT subject, role, after FROM audit_event WHERE action = :a ORDER BY seq"),
                               {"a": action}).all()
    return [(subject, role, json.loads(after)) for subject, role, after in rows]


def pdf_text(path) -> list[str]:
    """The text layer of each page, without white space (pdftotext drops or adds spaces around Chinese)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    return ["".join(page.split()) for page in out.decode("utf-8").split("\f")[:-1]]


def page_image(path, page, tmp_path, dpi=150):
    stem = tmp_path / f"page-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page), str(path),
                    str(stem)], check=True)
    return cv2.imread(f"{stem}.png")


# -- admission tickets ---------------------------------------------------------------------

@needs_poppler
def test_tickets_carry_title_names_and_a_qr_that_decodes_to_the_token(demo, tmp_path):
    demo, actors = demo
    out = tmp_path / "tickets.pdf"
    printed = DocumentService(demo.site).tickets(actors[Role.ADMIN], out)
    people = roster(demo.site)
    assert (printed.count, printed.pages) == (8, 4) and out.is_file()
    pages = pdf_text(out)
    assert len(pages) == 4
    assert all(page.count("职业技能等级认定准考证") == 2 for page in pages)
    for index, (ticket, name, _, _) in enumerate(people):
        assert name in pages[index // 2] and ticket in pages[index // 2]
    assert "理论知识考试" in pages[0] and "操作技能考核" in pages[0] and "开考15分钟后不得入场" in pages[0]
    assert "**" in pages[0]  # ID numbers are masked
    codes = decode_qr(page_image(out, 1, tmp_path))
    assert codes == [people[0][2], people[1][2]]
    assert audit_events(demo.site, "documents.tickets_printed") == [
        (f"plan:{_plan_code(demo.site)}", "admin", {"count": 8, "file": "tickets.pdf", "session": None})]
    assert not list(tmp_path.glob("*.part"))


def test_tickets_for_one_session_and_who_may_print_them(demo, tmp_path):
    demo, actors = demo
    service = DocumentService(demo.site)
    printed = service.tickets(actors[Role.CHIEF_PROCTOR], tmp_path / "th1.pdf", session_code=SESSION)
    assert printed.count == 8 and printed.pages == 4
    for role in (Role.PROCTOR, Role.SUPERVISOR, Role.EXAMINER):
        with pytest.raises(PermissionDenied):
            service.tickets(actors[role], tmp_path / "refused.pdf")
    with pytest.raises(NotFound, match="XX9"):
        service.tickets(actors[Role.ADMIN], tmp_path / "refused.pdf", session_code="XX9")
    with pytest.raises(KnownError, match="Cannot write") as refused:
        service.tickets(actors[Role.ADMIN], tmp_path / "missing" / "tickets.pdf")
    assert refused.value.code == "write"
    assert not (tmp_path / "refused.pdf").exists()
    assert [event[1] for event in audit_events(demo.site, "documents.tickets_printed")] == ["chief_proctor"]
    assert verify_audit(demo.site).ok


# -- sign-in sheets ------------------------------------------------------------------------

def _check_in_half_of_the_room(demo, actors):
    """Two of room R01's candidates check in 20 and 19 minutes before the start; the rest are absent."""
    with demo.site.db.read() as session:
        plan = repositories.current_plan(session)
        start = repositories.session_by_code(session, plan.id, SESSION).starts_at
    clock = Clock(start - timedelta(minutes=20))
    desk = CheckinService(demo.site, clock)
    people = [person for person in roster(demo.site) if person[3] == ROOM]
    evidence = Evidence(method=Method.TICKET, ticket_status="valid", face_consent=True, face_distance=0.3,
                        face_same=True)
    times = []
    for ticket, *_ in people[:2]:
        desk.decide(actors[Role.PROCTOR], SESSION, ticket, Decision.CONFIRMED, evidence)
        times.append(clock.now)
        clock.now += timedelta(minutes=1)
    clock.now = start + timedelta(minutes=16)
    desk.mark_absentees(actors[Role.PROCTOR], SESSION)
    return people, times


@needs_poppler
def test_sign_in_sheet_pdf_shows_times_absentees_and_the_signature_column(demo, tmp_path):
    demo, actors = demo
    people, times = _check_in_half_of_the_room(demo, actors)
    out = tmp_path / "r01.pdf"
    printed = DocumentService(demo.site).sign_in_sheet(actors[Role.PROCTOR], SESSION, ROOM, out)
    assert (printed.count, printed.pages) == (4, 1)
    (page,) = pdf_text(out)
    for heading in ("职业技能等级认定考生签到表", "考生签名", "签到时间", "照片", "监考员签名", "督导员签名",
                    "第1页/共1页", "理论知识考试", "第一考场"):
        assert heading in page, heading
    for ticket, name, *_ in people:
        assert ticket in page and name in page
    for at in times:
        assert at.astimezone(SHANGHAI).strftime("%H:%M") in page
    assert page.count("缺考") >= 2 and "应到4人，实到2人，缺考2人" in page
    assert [event[2]["count"] for event in audit_events(demo.site, "documents.sign_in_sheet_printed")] == [4]


def test_sign_in_sheet_xlsx_rows_columns_and_print_setup(demo, tmp_path):
    demo, actors = demo
    people, times = _check_in_half_of_the_room(demo, actors)
    out = tmp_path / "r01.xlsx"
    printed = DocumentService(demo.site).sign_in_sheet(actors[Role.SUPERVISOR], SESSION, ROOM, out, fmt="xlsx")
    assert printed.count == 4 and printed.pages is None
    sheet = openpyxl.load_workbook(out).active
    assert sheet["A1"].value == "职业技能等级认定 考生签到表"
    header = [cell.value for cell in sheet[7]]
    assert header == ["座位号", "准考证号", "姓名", "性别", "签到时间", "状态", "考生签名"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=8, max_row=11)]
    assert [row[1] for row in rows] == [ticket for ticket, *_ in people]
    assert [row[2] for row in rows] == [name for _, name, *_ in people]
    assert [row[5] for row in rows] == ["已签到", "已签到", "缺考", "缺考"]
    assert [row[4] for row in rows[:2]] == [at.astimezone(SHANGHAI).replace(tzinfo=None, microsecond=0)
                                              for at in times]
    assert [row[4] for row in rows[2:]] == ["缺考", "缺考"] and all(row[6] is None for row in rows)
    assert sheet.freeze_panes == "A8" and sheet.print_title_rows == "$1:$7"
    assert sheet.column_dimensions["G"].width >= 20
    assert any("监考员" in str(cell.value) for cell in sheet["A"] if cell.value)
    event = audit_events(demo.site, "documents.sign_in_sheet_printed")[0]
    assert event[:2] == (f"room:{SESSION}:{ROOM}", "supervisor")
    assert event[2] == {"absent": 2, "checked_in": 2, "count": 4, "file": "r01.xlsx", "format": "xlsx"}


def test_sign_in_sheet_refusals(demo, tmp_path):
    demo, actors = demo
    service = DocumentService(demo.site)
    with pytest.raises(PermissionDenied):
        service.sign_in_sheet(actors[Role.EXAMINER], SESSION, ROOM, tmp_path / "x.pdf")
    with pytest.raises(NotFound, match="R99"):
        service.sign_in_sheet(actors[Role.PROCTOR], SESSION, "R99", tmp_path / "x.pdf")
    with pytest.raises(KnownError, match="doc"):
        service.sign_in_sheet(actors[Role.PROCTOR], SESSION, ROOM, tmp_path / "x.doc", fmt="doc")
    assert not list(tmp_path.glob("x.*")) and audit_events(demo.site, "documents.sign_in_sheet_printed") == []


# -- command line --------------------------------------------------------------------------

def run_cli(*argv):
    parent = common_options()
    parser = argparse.ArgumentParser(parents=[parent])
    documents_cmd.register(parser.add_subparsers(dest="command", required=True), parent)
    args = parser.parse_args(list(argv))
    return args.run(args)


def test_cli_prints_tickets_as_admin_and_sheets_as_a_proctor(demo, tmp_path, monkeypatch, capsys):
    demo, actors = demo
    home = str(demo.site.home.root)  # its site.json names the test's database
    monkeypatch.delenv("EXAMSITE_DB", raising=False)
    monkeypatch.setenv("EXAMSITE_PASSPHRASE", DEMO_PASSPHRASE)
    monkeypatch.setenv("EXAMSITE_ADMIN_PASSWORD", DEMO_ADMIN_PASSWORD)
    monkeypatch.setenv("EXAMSITE_STAFF_SECRET", DEMO_STAFF_PASSWORD)
    assert run_cli("documents", "tickets", "--home", home, "--out", str(tmp_path / "t.pdf"),
                   "--session", SESSION) == 0
    assert "8 admission tickets" in capsys.readouterr().out
    proctor = actors[Role.PROCTOR].staff_no
    assert run_cli("documents", "sign-in", "--home", home, "--staff", proctor, "--role", "proctor",
                   "--session", SESSION,
                   "--room", ROOM, "--out", str(tmp_path / "r01.xlsx")) == 0
    assert "4 candidates" in capsys.readouterr().out
    assert openpyxl.load_workbook(tmp_path / "r01.xlsx").active["A1"].value == "职业技能等级认定 考生签到表"
    with pytest.raises(PermissionDenied):
        run_cli("documents", "tickets", "--home", home, "--staff", proctor, "--role", "proctor", "--out", str(tmp_path / "n.pdf"))
    roles = [event[1] for event in audit_events(demo.site, "documents.sign_in_sheet_printed")]
    assert roles == ["proctor"]


def _plan_code(site):
    with site.db.read() as session:
        return repositories.current_plan(session).plan_code


@needs_poppler
def test_a_damaged_photo_or_missing_token_still_prints(tmp_path):
    start = datetime(2030, 6, 1, 1, 0, tzinfo=UTC)
    sitting = TicketSitting("TH1", "理论知识考试", start, start + timedelta(minutes=90), "第一考场", "", None)
    rows = [TicketRow("300000000001", "张三&李", "M", "3201**********1234", b"not an image", None, (sitting,))]
    plan = PlanInfo("KH1", "某鉴定中心", "某考点", "6-31-01-03", "电工", "四级/中级工", 20)
    assert tickets_pdf(rows, tmp_path / "t.pdf", plan_info=plan) == 1
    (page,) = pdf_text(tmp_path / "t.pdf")
    assert "张三&李" in page and "照片" in page and "现场分配" in page and "人工核验" in page
    assert "开考20分钟后不得入场" in page and "09:00–10:30" in page
