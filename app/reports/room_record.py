"""The room record (考场情况记录表) as PDF: times, attendance, absentees, incidents, seat changes,
time changes, and the proctors' and supervisor's signatures (electronic when made, else a line).

Takes an `app.results.room_record.RoomRecord` (plain values) and only lays it out.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.reports import text
from app.reports.fonts import cjk_font, latin, style
from app.reports.pages import counting_canvas

TITLE = "职业技能等级认定 考场情况记录表"
MARGIN = 14 * mm
SHADE = colors.HexColor("#EEF2F6")
ENTRY_COLUMNS = (("时间", 18), ("准考证号", 32), ("姓名", 20), ("情况", 96), ("记录人", 16))
GRID_STYLE = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
              ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]


def room_record_pdf(record, out_path: str | Path) -> int:
    """Write the room record to `out_path`; returns the number of pages."""
    counted: list[int] = []

    def furniture(canvas: Canvas, page: int, pages: int) -> None:
        _draw_footer(canvas, record, page, pages)
        counted[:] = [pages]

    document = SimpleDocTemplate(
        str(out_path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=14 * mm,
        bottomMargin=18 * mm, title=f"{TITLE} {record.session_code} {record.room_code}", author=record.site_name,
        subject=record.plan_code, pageCompression=1)
    story = [Paragraph(TITLE, style(16, align=1)), Spacer(1, 5 * mm), _details(record), Spacer(1, 4 * mm),
             _times(record), Spacer(1, 4 * mm)]
    for title, entries in (("缺考考生", record.absentees), ("违纪及异常情况", record.incidents),
                           ("调换座位", record.seat_changes), ("延时及时间调整", record.time_changes)):
        story += [_section(title, entries), Spacer(1, 4 * mm)]
    story.append(KeepTogether([Paragraph("签名", style(11)), Spacer(1, 2 * mm), _signatures(record)]))
    document.build(story, canvasmaker=counting_canvas(furniture))
    return counted[0]


def _details(record) -> Table:
    label, value = style(8.5), style(9.5)
    room = f"{escape(record.room_name)}（{latin(record.room_code)}）" + (
        f" {escape(record.room_location)}" if record.room_location else "")
    kind = "理论知识考试" if record.session_kind == "theory" else "操作技能考核"
    cells = [
        [Paragraph("考核计划", label), Paragraph(latin(record.plan_code), value),
         Paragraph("评价机构", label), Paragraph(escape(record.agency_name), value)],
        [Paragraph("职业（工种）", label), Paragraph(escape(record.occupation), value),
         Paragraph("等级", label), Paragraph(escape(record.level_title), value)],
        [Paragraph("场次", label), Paragraph(f"{latin(record.session_code)} {escape(record.session_title)}", value),
         Paragraph("类别", label), Paragraph(kind, value)],
        [Paragraph("考场", label), Paragraph(room, value), Paragraph("考点", label),
         Paragraph(escape(record.site_name), value)],
    ]
    table = Table(cells, colWidths=[22 * mm, 74 * mm, 18 * mm, 68 * mm], rowHeights=7 * mm)
    table.setStyle(TableStyle([*GRID_STYLE, ("BACKGROUND", (0, 0), (0, -1), SHADE),
                               ("BACKGROUND", (2, 0), (2, -1), SHADE)]))
    return table


def _at(instant) -> str:
    return f"{text.day(instant)} {text.clock(instant)}" if instant else "—"


def _times(record) -> Table:
    label, value = style(8.5), style(9.5)
    pauses = "；".join(f"{text.clock(start)}–{text.clock(end) if end else '…'}" for start, end in record.pauses)
    absent = record.expected - record.present
    cells = [
        [Paragraph("计划时间", label),
         Paragraph(latin(f"{text.day(record.scheduled_start)} "
                         f"{text.span(record.scheduled_start, record.scheduled_end)}"), value),
         Paragraph("应到 / 实到 / 缺考", label),
         Paragraph(latin(f"{record.expected} / {record.present} / {absent}"), value)],
        [Paragraph("开考时间", label), Paragraph(latin(_at(record.started_at)), value),
         Paragraph("结束时间", label), Paragraph(latin(_at(record.ended_at)), value)],
        [Paragraph("暂停", label), Paragraph(latin(pauses) if pauses else "无", value),
         Paragraph("记录事项", label),
         Paragraph(f"违纪异常 {len(record.incidents)} 起，调座 {len(record.seat_changes)} 人次，"
                   f"时间调整 {len(record.time_changes)} 次", value)],
    ]
    table = Table(cells, colWidths=[22 * mm, 74 * mm, 30 * mm, 56 * mm], rowHeights=[7 * mm, 7 * mm, None])
    table.setStyle(TableStyle([*GRID_STYLE, ("BACKGROUND", (0, 0), (0, -1), SHADE),
                               ("BACKGROUND", (2, 0), (2, -1), SHADE)]))
    return table


def _section(title: str, entries) -> KeepTogether:
    head, cell = style(9, align=1), style(9)
    cells = [[Paragraph(name, head) for name, _ in ENTRY_COLUMNS]]
    for entry in entries:
        cells.append([Paragraph(latin(text.clock(entry.at)) if entry.at else "—", style(9, align=1)),
                      Paragraph(latin(entry.ticket_no), style(9, align=1)), Paragraph(escape(entry.name), cell),
                      Paragraph(escape(entry.detail), cell), Paragraph(latin(entry.by), style(9, align=1))])
    if not entries:
        cells.append([Paragraph("无", style(9, align=1)), "", "", "", ""])
    table = Table(cells, colWidths=[width * mm for _, width in ENTRY_COLUMNS], repeatRows=1)
    commands = [*GRID_STYLE, ("BACKGROUND", (0, 0), (-1, 0), SHADE)]
    if not entries:
        commands.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(TableStyle(commands))
    return KeepTogether([Paragraph(f"{title}（{len(entries)}）", style(11)), Spacer(1, 2 * mm), table])


def _signatures(record) -> Table:
    cell = style(9.5)
    cells = [[Paragraph(name, style(9, align=1)) for name in ("职责", "姓名", "签名", "时间")]]
    for signer in record.signers:
        signed = (f"已电子签名 {latin(signer.fingerprint or '')}" if signer.signed_at
                  else "＿＿＿＿＿＿＿＿＿＿")
        cells.append([Paragraph(escape(signer.role), cell),
                      Paragraph(f"{escape(signer.name)}（{latin(signer.staff_no)}）", cell),
                      Paragraph(signed, cell), Paragraph(latin(_at(signer.signed_at)), cell)])
    table = Table(cells, colWidths=[24 * mm, 48 * mm, 70 * mm, 40 * mm], rowHeights=[7 * mm] + [10 * mm] * len(record.signers))
    table.setStyle(TableStyle([*GRID_STYLE, ("BACKGROUND", (0, 0), (-1, 0), SHADE)]))
    return table


def _draw_footer(canvas: Canvas, record, page: int, pages: int) -> None:
    width, _ = A4
    canvas.saveState()
    canvas.setFont(cjk_font(), 8)
    canvas.setFillColor(colors.dimgrey)
    printed = record.printed_at
    canvas.drawString(MARGIN, 9 * mm, f"{record.site_name}" + (f"　打印时间 {_at(printed)}" if printed else ""))
    canvas.drawRightString(width - MARGIN, 9 * mm, f"第 {page} 页 / 共 {pages} 页")
    canvas.restoreState()
