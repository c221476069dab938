"""A room's sign-in sheet (考生签到表) as PDF: photos, seats, check-in times and a column to sign.

Every page repeats the header (plan, session, room, proctors) and ends with lines for the
proctors' and the supervisor's signatures and "第 x 页 / 共 y 页", so each page stands alone
in the paper record.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.reports import text
from app.reports.drawing import photo_flowable
from app.reports.fonts import cjk_font, latin, style
from app.reports.pages import counting_canvas
from app.reports.rows import SheetHeader, SheetRow

TITLE = "职业技能等级认定 考生签到表"
MARGIN = 12 * mm
HEADER_HEIGHT, FOOTER_HEIGHT = 54 * mm, 30 * mm
COLUMNS = (("座位号", 14), ("准考证号", 34), ("姓名", 24), ("性别", 10), ("照片", 20), ("签到时间", 22),
           ("考生签名", 62))
ROW_HEIGHT, PHOTO_WIDTH, PHOTO_HEIGHT = 20 * mm, 14 * mm, 18.5 * mm
SHADE = colors.HexColor("#EEF2F6")
ABSENT_SHADE = colors.HexColor("#F4F4F4")


def sign_in_sheet_pdf(room_rows: Sequence[SheetRow], out_path: str | Path, *, header: SheetHeader) -> int:
    """Write the sheet of one room in one session to `out_path`. Returns the number of pages."""
    counted: list[int] = []

    def furniture(canvas: Canvas, page: int, pages: int) -> None:
        _draw_header(canvas, header)
        _draw_footer(canvas, header, page, pages)
        counted[:] = [pages]

    document = SimpleDocTemplate(
        str(out_path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=HEADER_HEIGHT,
        bottomMargin=FOOTER_HEIGHT, title=f"{TITLE} {header.session_code} {header.room_code}",
        author=header.site_name, subject=header.plan_code, pageCompression=1)
    document.build([_table(room_rows), Spacer(1, 4 * mm), _summary(room_rows)],
                   canvasmaker=counting_canvas(furniture))
    return counted[0]


def _table(rows: Sequence[SheetRow]) -> Table:
    head, cell = style(9, align=1), style(9.5, align=1)
    cells = [[Paragraph(title, head) for title, _ in COLUMNS]]
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    for number, row in enumerate(rows, start=1):
        cells.append([
            Paragraph(latin(text.seat(row.seat_no), bold=True) if row.seat_no else text.UNSEATED, cell),
            Paragraph(latin(row.ticket_no), cell),
            Paragraph(escape(row.name), style(11, align=1)),
            Paragraph(text.gender(row.gender), cell),
            photo_flowable(row.photo, PHOTO_WIDTH, PHOTO_HEIGHT),
            Paragraph(_time_cell(row), cell),
            "",
        ])
        if row.status == "absent":
            commands.append(("BACKGROUND", (0, number), (-1, number), ABSENT_SHADE))
    widths = [width * mm for _, width in COLUMNS]
    table = Table(cells, colWidths=widths, rowHeights=[8 * mm] + [ROW_HEIGHT] * len(rows), repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table


def _time_cell(row: SheetRow) -> str:
    shown = text.check_in_cell(row.status, row.checked_in_at)
    return latin(shown) if row.status == "checked_in" else escape(shown)


def _summary(rows: Sequence[SheetRow]) -> Paragraph:
    expected = len(rows)
    present = sum(1 for row in rows if row.status == "checked_in")
    absent = sum(1 for row in rows if row.status == "absent")
    decided = present + absent > 0
    blank = "＿＿＿"
    waiting = expected - present - absent
    tail = f"，未签到 {waiting} 人" if decided and waiting else ""
    return Paragraph(
        f"应到 {expected} 人，实到 {present if decided else blank} 人，缺考 {absent if decided else blank} 人{tail}。",
        style(10.5))


def _draw_header(canvas: Canvas, header: SheetHeader) -> None:
    width, height = A4
    canvas.saveState()
    canvas.setFont(cjk_font(), 16)
    canvas.setLineWidth(0.4)
    canvas.drawCentredString(width / 2, height - 16 * mm, TITLE, mode=2)
    label, value = style(8.5), style(9.5)
    proctors = "、".join(header.proctors) or "＿＿＿＿＿＿"
    room = f"{escape(header.room_name)}（{latin(header.room_code)}）" + (
        f" {escape(header.room_location)}" if header.room_location else "")
    cells = [
        [Paragraph("考核计划", label), Paragraph(latin(header.plan_code), value),
         Paragraph("鉴定机构", label), Paragraph(escape(header.agency_name), value)],
        [Paragraph("职业（工种）", label), Paragraph(escape(header.occupation), value),
         Paragraph("等级", label), Paragraph(escape(header.level_title), value)],
        [Paragraph("场次", label), Paragraph(f"{latin(header.session_code)} {escape(header.session_title)}", value),
         Paragraph("时间", label),
         Paragraph(latin(f"{text.day(header.starts_at)}  {text.span(header.starts_at, header.ends_at)}"), value)],
        [Paragraph("考场", label), Paragraph(room, value),
         Paragraph("监考员", label), Paragraph(escape(proctors), value)],
    ]
    table = Table(cells, colWidths=[22 * mm, 75 * mm, 18 * mm, 71 * mm], rowHeights=7 * mm)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (0, -1), SHADE), ("BACKGROUND", (2, 0), (2, -1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    _, used = table.wrapOn(canvas, width - 2 * MARGIN, HEADER_HEIGHT)
    table.drawOn(canvas, MARGIN, height - 22 * mm - used)
    canvas.restoreState()


def _draw_footer(canvas: Canvas, header: SheetHeader, page: int, pages: int) -> None:
    width, _ = A4
    line = "＿" * 8
    canvas.saveState()
    canvas.setFont(cjk_font(), 10)
    canvas.drawString(MARGIN, 19 * mm, f"监考员签名：{line}　{line}")
    canvas.drawRightString(width - MARGIN, 19 * mm, f"督导员签名：{line}")
    canvas.setFont(cjk_font(), 8)
    canvas.setFillColor(colors.dimgrey)
    canvas.drawString(MARGIN, 10 * mm, f"{header.site_name}　打印时间 {text.day(header.printed_at)} "
                                       f"{text.clock(header.printed_at)}")
    canvas.drawRightString(width - MARGIN, 10 * mm, f"第 {page} 页 / 共 {pages} 页")
    canvas.restoreState()
