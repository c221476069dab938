"""A room's sign-in sheet as XLSX: the same rows as the PDF, for offices that keep spreadsheets.

One worksheet: a title and the session's details on top, the table below with its header row
frozen and repeated on every printed page, A4 portrait fitted to one page wide.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from app.reports import text
from app.reports.rows import SheetHeader, SheetRow

TITLE = "职业技能等级认定 考生签到表"
COLUMNS = (("座位号", 8), ("准考证号", 17), ("姓名", 12), ("性别", 6), ("签到时间", 17), ("状态", 9),
           ("考生签名", 26))
HEADER_ROW = 7  # the table's column titles; the rows above hold the session's details
FONT = "宋体"
THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SHADE = PatternFill("solid", fgColor="EEF2F6")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def sign_in_sheet_xlsx(room_rows: Sequence[SheetRow], out_path: str | Path, *, header: SheetHeader) -> int:
    """Write the sheet of one room in one session to `out_path`. Returns the number of candidate rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"签到表-{header.session_code}-{header.room_code}"[:31]
    last = get_column_letter(len(COLUMNS))
    _details(sheet, header, last)
    for column, (title, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
        _cell(sheet, HEADER_ROW, column, title, bold=True, fill=SHADE)
    for offset, row in enumerate(room_rows, start=1):
        number = HEADER_ROW + offset
        values = (text.seat(row.seat_no), row.ticket_no, row.name, text.gender(row.gender), _time(row),
                  text.status(row.status), "")
        for column, value in enumerate(values, start=1):
            cell = _cell(sheet, number, column, value)
            if column == 5 and row.status == "checked_in":
                cell.number_format = "yyyy-mm-dd hh:mm"
        sheet.row_dimensions[number].height = 30
    end = HEADER_ROW + len(room_rows) + 2
    sheet.cell(end, 1, _summary(room_rows)).font = Font(name=FONT, size=11)
    sheet.cell(end + 2, 1, "监考员签名：＿＿＿＿＿＿　＿＿＿＿＿＿　　督导员签名：＿＿＿＿＿＿").font = Font(name=FONT, size=11)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    sheet.print_title_rows = f"1:{HEADER_ROW}"
    sheet.print_area = f"A1:{last}{end + 2}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    sheet.oddFooter.right.text = f"{header.site_name}"
    book.properties.title = TITLE
    book.properties.creator = header.site_name
    book.save(str(out_path))
    return len(room_rows)


def _details(sheet, header: SheetHeader, last: str) -> None:
    sheet.merge_cells(f"A1:{last}1")
    title = sheet.cell(1, 1, TITLE)
    title.font, title.alignment = Font(name=FONT, size=16, bold=True), Alignment(horizontal="center")
    sheet.row_dimensions[1].height = 28
    lines = (
        f"考核计划：{header.plan_code}　　鉴定机构：{header.agency_name}",
        f"职业（工种）：{header.occupation}　　等级：{header.level_title}",
        (f"场次：{header.session_code} {header.session_title}　　时间：{text.day(header.starts_at)} "
         f"{text.span(header.starts_at, header.ends_at)}"),
        f"考场：{header.room_name}（{header.room_code}）{header.room_location}",
        f"监考员：{'、'.join(header.proctors)}　　打印时间：{text.day(header.printed_at)} {text.clock(header.printed_at)}",
    )
    for row, line in enumerate(lines, start=2):
        sheet.merge_cells(f"A{row}:{last}{row}")
        sheet.cell(row, 1, line).font = Font(name=FONT, size=10.5)


def _cell(sheet, row: int, column: int, value, *, bold: bool = False, fill: PatternFill | None = None):
    cell = sheet.cell(row, column, value)
    cell.font, cell.alignment, cell.border = Font(name=FONT, size=11, bold=bold), CENTRE, GRID
    if fill is not None:
        cell.fill = fill
    return cell


def _time(row: SheetRow):
    """A local date-time Excel can sort for a checked-in row; otherwise 缺考 or blank."""
    if row.status == "checked_in" and row.checked_in_at is not None:
        return text.local(row.checked_in_at).replace(tzinfo=None)
    return text.check_in_cell(row.status, row.checked_in_at)


def _summary(rows: Sequence[SheetRow]) -> str:
    present = sum(1 for row in rows if row.status == "checked_in")
    absent = sum(1 for row in rows if row.status == "absent")
    if present + absent == 0:
        return f"应到 {len(rows)} 人，实到 ＿＿ 人，缺考 ＿＿ 人。"
    return f"应到 {len(rows)} 人，实到 {present} 人，缺考 {absent} 人。"
