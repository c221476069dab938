"""The public list of results (成绩公示表) as PDF and XLSX: names and ID numbers already masked.

The writers take the listing the results service prepares (`app.services.results.PublicList`:
plan, agency, site, occupation, level, date and rows of ticket, masked name, masked ID number,
theory, practical, outcome and certificate number) and only lay it out.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.reports import text
from app.reports.fonts import cjk_font, latin, style
from app.reports.pages import counting_canvas

TITLE = "职业技能等级认定 成绩公示表"
NOTE = ("公示期为 5 个工作日。对公示结果有异议的，请在公示期内向考点或评价机构实名反映。"
        "姓名、身份证号已作部分隐藏。")
COLUMNS = (("序号", 10), ("准考证号", 28), ("姓名", 17), ("身份证号", 34), ("理论", 17), ("实操", 17),
           ("结果", 15), ("证书编号", 48))
MARGIN = 10 * mm
HEADER_HEIGHT, FOOTER_HEIGHT = 44 * mm, 22 * mm
SHADE = colors.HexColor("#EEF2F6")
FAIL_SHADE = colors.HexColor("#F6F6F6")
XLSX_FONT = "宋体"
THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
HEADER_ROW = 5


def _values(number: int, row) -> tuple[str, ...]:
    return (str(number), row.ticket_no, row.name, row.id_number, row.theory, row.practical, row.outcome,
            row.certificate_no or "—")


def public_list_pdf(listing, out_path: str | Path) -> int:
    """Write the public list to `out_path` as PDF; returns the number of pages."""
    counted: list[int] = []

    def furniture(canvas: Canvas, page: int, pages: int) -> None:
        _draw_header(canvas, listing)
        _draw_footer(canvas, listing, page, pages)
        counted[:] = [pages]

    document = SimpleDocTemplate(
        str(out_path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=HEADER_HEIGHT,
        bottomMargin=FOOTER_HEIGHT, title=f"{TITLE} {listing.plan_code}", author=listing.site_name,
        subject=listing.plan_code, pageCompression=1)
    document.build([_table(listing.rows), Spacer(1, 4 * mm), _summary(listing.rows)],
                   canvasmaker=counting_canvas(furniture))
    return counted[0]


def _table(rows) -> Table:
    head, cell = style(9, align=1), style(9, align=1)
    cells = [[Paragraph(title, head) for title, _ in COLUMNS]]
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    for number, row in enumerate(rows, start=1):
        values = _values(number, row)
        cells.append([Paragraph(latin(value) if column in (0, 1, 3, 7) else escape(value), cell)
                      for column, value in enumerate(values)])
        if row.outcome != "合格":
            commands.append(("BACKGROUND", (0, number), (-1, number), FAIL_SHADE))
    table = Table(cells, colWidths=[width * mm for _, width in COLUMNS], repeatRows=1,
                  rowHeights=[8 * mm] + [7.5 * mm] * len(rows))
    table.setStyle(TableStyle(commands))
    return table


def _summary(rows) -> Paragraph:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.outcome] = counts.get(row.outcome, 0) + 1
    parts = "，".join(f"{name} {counts[name]} 人" for name in ("合格", "不合格", "缺考", "违纪", "待定")
                     if counts.get(name))
    return Paragraph(f"共 {len(rows)} 人：{parts}。" if parts else f"共 {len(rows)} 人。", style(10.5))


def _draw_header(canvas: Canvas, listing) -> None:
    width, height = A4
    canvas.saveState()
    canvas.setFont(cjk_font(), 16)
    canvas.drawCentredString(width / 2, height - 15 * mm, TITLE)
    label, value = style(8.5), style(9.5)
    cells = [
        [Paragraph("考核计划", label), Paragraph(latin(listing.plan_code), value),
         Paragraph("评价机构", label), Paragraph(escape(listing.agency_name), value)],
        [Paragraph("职业（工种）", label), Paragraph(escape(listing.occupation), value),
         Paragraph("等级", label), Paragraph(escape(listing.level_title), value)],
        [Paragraph("考点", label), Paragraph(escape(listing.site_name), value),
         Paragraph("考核日期", label), Paragraph(latin(listing.exam_date), value)],
    ]
    table = Table(cells, colWidths=[22 * mm, 80 * mm, 20 * mm, 68 * mm], rowHeights=7 * mm)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (0, -1), SHADE), ("BACKGROUND", (2, 0), (2, -1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    _, used = table.wrapOn(canvas, width - 2 * MARGIN, HEADER_HEIGHT)
    table.drawOn(canvas, MARGIN, height - 20 * mm - used)
    canvas.restoreState()


def _draw_footer(canvas: Canvas, listing, page: int, pages: int) -> None:
    width, _ = A4
    canvas.saveState()
    paragraph = Paragraph(escape(NOTE), style(8.5))
    _, used = paragraph.wrapOn(canvas, width - 2 * MARGIN, 12 * mm)
    paragraph.drawOn(canvas, MARGIN, 13 * mm)
    canvas.setFont(cjk_font(), 8)
    canvas.setFillColor(colors.dimgrey)
    canvas.drawString(MARGIN, 7 * mm, f"{listing.site_name}　公示日期 {text.day(listing.published_at)}")
    canvas.drawRightString(width - MARGIN, 7 * mm, f"第 {page} 页 / 共 {pages} 页")
    canvas.restoreState()


def public_list_xlsx(listing, out_path: str | Path) -> int:
    """Write the public list to `out_path` as XLSX; returns the number of rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = "成绩公示"
    last = get_column_letter(len(COLUMNS))
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"] = TITLE
    sheet["A1"].font = Font(name=XLSX_FONT, size=16, bold=True)
    sheet["A1"].alignment = CENTRE
    details = (f"考核计划 {listing.plan_code}　评价机构 {listing.agency_name}　考点 {listing.site_name}",
               f"职业（工种） {listing.occupation}　等级 {listing.level_title}　考核日期 {listing.exam_date}")
    for offset, line in enumerate(details, start=2):
        sheet.merge_cells(f"A{offset}:{last}{offset}")
        sheet.cell(offset, 1, line).font = Font(name=XLSX_FONT, size=10.5)
    for column, (title, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width * 0.62
        _cell(sheet, HEADER_ROW, column, title, bold=True).fill = PatternFill("solid", fgColor="EEF2F6")
    for number, row in enumerate(listing.rows, start=1):
        for column, value in enumerate(_values(number, row), start=1):
            _cell(sheet, HEADER_ROW + number, column, value)
    end = HEADER_ROW + len(listing.rows) + 2
    sheet.merge_cells(f"A{end}:{last}{end}")
    sheet.cell(end, 1, NOTE).font = Font(name=XLSX_FONT, size=10)
    sheet.cell(end, 1).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[end].height = 32
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    sheet.print_title_rows = f"1:{HEADER_ROW}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    book.properties.title = f"{TITLE} {listing.plan_code}"
    book.save(out_path)
    return len(listing.rows)


def _cell(sheet, row: int, column: int, value: str, *, bold: bool = False):
    cell = sheet.cell(row, column, value)
    cell.font = Font(name=XLSX_FONT, size=10.5, bold=bold)
    cell.alignment, cell.border = CENTRE, GRID
    return cell
