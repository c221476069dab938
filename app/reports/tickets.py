"""Admission tickets (准考证) as PDF: two A5-sized tickets on each A4 page, with photo and QR.

The QR carries the issuer-signed token the check-in desk scans; it is printed at least 35 mm
wide with error correction M, so a desk camera reads it from a crumpled or smudged sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from app.reports import text
from app.reports.drawing import draw_photo, draw_qr
from app.reports.fonts import cjk_font, latin, style
from app.reports.rows import PlanInfo, TicketRow

TITLE = "职业技能等级认定 准考证"
PER_PAGE = 2
BOX_WIDTH, BOX_HEIGHT = 186 * mm, 130 * mm
LEFT_WIDTH = 118 * mm
PHOTO_WIDTH, PHOTO_HEIGHT = 26 * mm, 35 * mm
QR_SIZE = 44 * mm  # quiet zone included: the symbol itself is about 38 mm
LABEL_BACKGROUND = colors.HexColor("#EEF2F6")


def tickets_pdf(rows: Sequence[TicketRow], out_path: str | Path, *, plan_info: PlanInfo) -> int:
    """Write one ticket per row, two to an A4 page, to `out_path`. Returns the number of pages."""
    canvas = Canvas(str(out_path), pagesize=A4, pageCompression=1)
    canvas.setTitle(TITLE)
    canvas.setAuthor(plan_info.agency_name)
    canvas.setSubject(plan_info.plan_code)
    width, height = A4
    pages = 0
    for start in range(0, len(rows), PER_PAGE):
        pages += 1
        for slot, row in enumerate(rows[start:start + PER_PAGE]):
            top = height - slot * height / 2 - 9 * mm
            draw_ticket(canvas, row, plan_info, (width - BOX_WIDTH) / 2, top)
        _cut_line(canvas, width, height / 2)
        canvas.showPage()
    if not pages:  # an empty selection still gives a valid file that says so
        canvas.setFont(cjk_font(), 12)
        canvas.drawCentredString(width / 2, height / 2, "没有需要打印的准考证。")
        canvas.showPage()
        pages = 1
    canvas.save()
    return pages


def draw_ticket(canvas: Canvas, row: TicketRow, plan: PlanInfo, left: float, top: float) -> None:
    """One ticket in a BOX_WIDTH × BOX_HEIGHT frame whose top-left corner is (left, top)."""
    canvas.saveState()
    canvas.setLineWidth(1)
    canvas.rect(left, top - BOX_HEIGHT, BOX_WIDTH, BOX_HEIGHT)
    centre = left + BOX_WIDTH / 2
    canvas.setFont(cjk_font(), 18)
    canvas.setLineWidth(0.45)
    canvas.drawCentredString(centre, top - 12 * mm, TITLE, mode=2)  # fill and stroke: a bold face
    canvas.setFont(cjk_font(), 9)
    canvas.drawCentredString(centre, top - 18.5 * mm, f"{plan.agency_name}　　考点：{plan.site_name}")
    canvas.setLineWidth(0.6)
    canvas.line(left, top - 21.5 * mm, left + BOX_WIDTH, top - 21.5 * mm)
    canvas.restoreState()

    x, y = left + 5 * mm, top - 25 * mm
    for flowable in (_fields(row, plan), _sittings(row)):
        _, used = flowable.wrapOn(canvas, LEFT_WIDTH, BOX_HEIGHT)
        flowable.drawOn(canvas, x, y - used)
        y -= used + 3.5 * mm
    notes = _notes(plan)
    _, used = notes.wrapOn(canvas, LEFT_WIDTH, BOX_HEIGHT)
    notes.drawOn(canvas, x, y - used)

    right = left + BOX_WIDTH - 5 * mm - QR_SIZE
    middle = right + QR_SIZE / 2
    draw_photo(canvas, row.photo, middle - PHOTO_WIDTH / 2, top - 25 * mm - PHOTO_HEIGHT, PHOTO_WIDTH, PHOTO_HEIGHT)
    qr_bottom = top - 62 * mm - QR_SIZE
    if row.token:
        draw_qr(canvas, row.token, right, qr_bottom, QR_SIZE)
        caption = "入场扫码核验"
    else:
        caption = "本证无二维码，请人工核验"
    canvas.saveState()
    canvas.setFont(cjk_font(), 7.5)
    canvas.drawCentredString(middle, qr_bottom - 1 * mm, caption)
    canvas.setFont("Helvetica", 7)
    canvas.drawCentredString(middle, qr_bottom - 4.5 * mm, row.ticket_no)
    canvas.restoreState()


def _fields(row: TicketRow, plan: PlanInfo) -> Table:
    label, value = style(9), style(10)
    cells = [
        [Paragraph("姓　　名", label), Paragraph(escape(row.name), style(12)),
         Paragraph("性别", label), Paragraph(text.gender(row.gender), value)],
        [Paragraph("准考证号", label), Paragraph(latin(row.ticket_no, bold=True), style(12)), "", ""],
        [Paragraph("证件号码", label), Paragraph(latin(row.id_masked), value), "", ""],
        [Paragraph("职业（工种）", label),
         Paragraph(f"{escape(plan.occupation_name)}（{latin(plan.occupation_code)}）", value), "", ""],
        [Paragraph("等　　级", label), Paragraph(escape(plan.level_title), value),
         Paragraph("计划", label), Paragraph(latin(plan.plan_code), style(8))],
    ]
    table = Table(cells, colWidths=[22 * mm, 50 * mm, 12 * mm, 34 * mm], rowHeights=7.2 * mm)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_BACKGROUND),
        ("BACKGROUND", (2, 0), (2, 0), LABEL_BACKGROUND),
        ("BACKGROUND", (2, 4), (2, 4), LABEL_BACKGROUND),
        ("SPAN", (1, 1), (3, 1)), ("SPAN", (1, 2), (3, 2)), ("SPAN", (1, 3), (3, 3)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _sittings(row: TicketRow) -> Table:
    head, cell, small = style(8.5, align=1), style(8.5, align=1), style(7.5, align=1, leading=9)
    cells = [[Paragraph(title, head) for title in ("考试科目", "日期", "时间", "考场", "座位号")]]
    for sitting in row.sittings:
        room = escape(sitting.room_name) + (f"<br/>{escape(sitting.room_location)}" if sitting.room_location else "")
        cells.append([
            Paragraph(escape(sitting.session_title), cell),
            Paragraph(latin(text.day(sitting.starts_at)), cell),
            Paragraph(latin(text.span(sitting.starts_at, sitting.ends_at)), cell),
            Paragraph(room, small),
            Paragraph(latin(text.seat(sitting.seat_no), bold=True) if sitting.seat_no else text.UNSEATED, cell),
        ])
    table = Table(cells, colWidths=[27 * mm, 21 * mm, 22 * mm, 34 * mm, 14 * mm], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_BACKGROUND),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _notes(plan: PlanInfo) -> Paragraph:
    rules = (
        "凭本准考证和本人有效身份证件原件参加考试，二者缺一不得入场。",
        "请于开考前 30 分钟到达考点，接受身份核验（人证合一），对号入座。",
        f"开考 {plan.late_entry_minutes} 分钟后不得入场。",
        "严禁携带手机、智能手表等通讯工具和电子设备进入考场。",
        "服从监考人员安排；本证请妥善保管，不得涂改、转借。",
    )
    lines = "<br/>".join(f"{number}. {escape(rule)}" for number, rule in enumerate(rules, start=1))
    return Paragraph(f'<font size="9.5">考生须知</font><br/>{lines}', style(8.3, leading=11.5))


def _cut_line(canvas: Canvas, width: float, y: float) -> None:
    canvas.saveState()
    canvas.setDash(3, 3)
    canvas.setLineWidth(0.4)
    canvas.setStrokeColor(colors.grey)
    canvas.line(8 * mm, y, width - 8 * mm, y)
    canvas.setFont(cjk_font(), 6.5)
    canvas.setFillColor(colors.grey)
    canvas.drawRightString(width - 8 * mm, y + 1.2 * mm, "沿虚线剪开")
    canvas.restoreState()
