"""The practical score sheet for the paper archive (操作技能考核评分记录表): one page per candidate and task.

Each page stands alone: the plan, session, room, candidate and task; every rubric item with each
examiner's marks (their newest signed version); the totals, the rule that combined them and the
combined score; the examiner lead's resolution if there was one; each signer's handwritten
signature, drawn from the stored strokes as vector paths (never a bitmap), with the signing time,
the key fingerprint and the SHA-256 of the signed payload; earlier versions with their correction
reasons; and the supervisor's countersignature of the room. Plain values in (the dataclasses
below, filled by app.services.score_sheets), a PDF out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.reports import text
from app.reports.fonts import cjk_font, latin, style
from app.reports.pages import counting_canvas

TITLE = "职业技能等级认定 操作技能考核评分记录表"
MARGIN = 12 * mm
SHADE = colors.HexColor("#EEF2F6")
INK = colors.HexColor("#10243A")
RULES = {"mean": "算术平均", "median": "中位数", "trimmed_mean": "去掉一个最高分和一个最低分后平均"}
KINDS = {"score": "得分项", "deduction": "扣分项", "veto": "否决项"}
Strokes = Sequence[Sequence[Sequence[float]]]


@dataclass(frozen=True)
class SignatureMark:
    """One signature as printed: who, when, with which key, over which payload, and the handwriting."""

    signer_no: str
    signer_name: str
    signed_at: datetime
    key_fingerprint: str
    payload_sha256: str
    strokes: Strokes = ()


@dataclass(frozen=True)
class ExaminerSheet:
    """One examiner's newest signed version, and the versions before it."""

    examiner_no: str
    examiner_name: str
    version: int
    entries: dict[str, str]
    total: str
    reason: str | None  # the correction's reason when version > 1
    signature: SignatureMark
    history: tuple[tuple[int, str, datetime | None, str | None], ...] = ()  # (version, total, signed_at, reason)


@dataclass(frozen=True)
class RubricLine:
    code: str
    description: str
    kind: str
    max_points: str
    step: str


@dataclass(frozen=True)
class Resolution:
    score: str
    reason: str
    signature: SignatureMark


@dataclass(frozen=True)
class Countersignature:
    signature: SignatureMark
    covers: bool  # every sheet on this page was signed before the countersignature


@dataclass(frozen=True)
class ScoreSheetPage:
    site_name: str
    plan_code: str
    agency_name: str
    occupation: str
    level_title: str
    session_code: str
    session_title: str
    starts_at: datetime
    room_code: str
    room_name: str
    ticket_no: str
    candidate_name: str
    seat_no: int | None
    task_code: str
    task_title: str
    time_limit_minutes: int
    max_score: str
    rubric: tuple[RubricLine, ...]
    sheets: tuple[ExaminerSheet, ...]
    rule: str  # mean | median | trimmed_mean
    combined: str
    spread: str
    threshold: str
    flagged: bool
    final: str | None
    resolution: Resolution | None = None
    countersignature: Countersignature | None = None
    printed_at: datetime | None = None
    notes: tuple[str, ...] = field(default=())


def decode_handwriting(data: bytes | None) -> list[list[list[float]]]:
    """The strokes of a stored handwriting (app.practical.signing.encode_strokes); [] when absent or damaged."""
    if not data:
        return []
    try:
        strokes = json.loads(bytes(data).decode("ascii"))["strokes"]
        return [[[float(v) for v in point[:4]] for point in stroke] for stroke in strokes]
    except (ValueError, KeyError, TypeError, IndexError):
        return []


def catmull_rom(points: Sequence[Sequence[float]]) -> list[tuple[tuple[float, float], ...]]:
    """Cubic Bézier pieces (start, control 1, control 2, end) of the Catmull-Rom curve through the points."""
    xy = [(float(p[0]), float(p[1])) for p in points]
    pieces = []
    for i in range(len(xy) - 1):
        p0, p1, p2, p3 = xy[max(i - 1, 0)], xy[i], xy[i + 1], xy[min(i + 2, len(xy) - 1)]
        pieces.append((p1, (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6),
                       (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6), p2))
    return pieces


class Handwriting(Flowable):
    """A handwritten signature as vector paths: smooth curves, line width from the pen's pressure."""

    def __init__(self, strokes: Strokes, width: float, height: float, base_width: float = 1.1) -> None:
        super().__init__()
        self.strokes, self.width, self.height, self.base_width = strokes, width, height, base_width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_handwriting(self.canv, self.strokes, 0, 0, self.width, self.height, self.base_width)


def draw_handwriting(canvas: Canvas, strokes: Strokes, x: float, y: float, width: float, height: float,
                     base_width: float = 1.1, margin: float = 2.0) -> None:
    """Fit the strokes (pad pixels, y down) into the box at (x, y) (PDF points, y up), aspect kept."""
    points = [p for stroke in strokes for p in stroke]
    if not points:
        canvas.saveState()
        canvas.setFont(cjk_font(), 7)
        canvas.setFillColor(colors.grey)
        canvas.drawCentredString(x + width / 2, y + height / 2 - 2, "（无手写签名）")
        canvas.restoreState()
        return
    left, top = min(p[0] for p in points), min(p[1] for p in points)
    span_x, span_y = max(max(p[0] for p in points) - left, 1.0), max(max(p[1] for p in points) - top, 1.0)
    scale = min((width - 2 * margin) / span_x, (height - 2 * margin) / span_y)
    dx = x + (width - span_x * scale) / 2
    dy = y + (height + span_y * scale) / 2

    def at(point) -> tuple[float, float]:
        return dx + (point[0] - left) * scale, dy - (point[1] - top) * scale

    canvas.saveState()
    canvas.setStrokeColor(INK)
    canvas.setFillColor(INK)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    for stroke in strokes:
        if len(stroke) == 1:
            cx, cy = at(stroke[0])
            canvas.circle(cx, cy, _width(stroke[0][3], base_width) / 2, stroke=0, fill=1)
            continue
        for index, (start, c1, c2, end) in enumerate(catmull_rom(stroke)):
            canvas.setLineWidth(_width((stroke[index][3] + stroke[index + 1][3]) / 2, base_width))
            path = canvas.beginPath()
            path.moveTo(*at(start))
            path.curveTo(*at(c1), *at(c2), *at(end))
            canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def _width(pressure: float, base: float) -> float:
    return base * (0.35 + 1.3 * max(0.0, min(1.0, float(pressure))))


# -- the document ----------------------------------------------------------------------------
def score_sheets_pdf(pages: Sequence[ScoreSheetPage], out_path: str | Path) -> int:
    """Write the pages (one per candidate and task) to `out_path`; returns the number of PDF pages."""
    if not pages:
        raise ValueError("no score sheet to print")
    counted: list[int] = []
    first = pages[0]

    def furniture(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(cjk_font(), 8)
        canvas.setFillColor(colors.dimgrey)
        printed = first.printed_at
        when = f"　打印时间 {text.day(printed)} {text.clock(printed)}" if printed else ""
        canvas.drawString(MARGIN, 8 * mm, f"{first.site_name}{when}　签名可用 examsite verify 核验")
        canvas.drawRightString(A4[0] - MARGIN, 8 * mm, f"第 {page} 页 / 共 {total} 页")
        canvas.restoreState()
        counted[:] = [total]

    document = SimpleDocTemplate(
        str(out_path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=12 * mm,
        bottomMargin=14 * mm, title=f"{TITLE} {first.session_code} {first.ticket_no}", author=first.site_name,
        subject=first.plan_code, pageCompression=1)
    story: list[Flowable] = []
    for index, page in enumerate(pages):
        if index:
            story.append(PageBreak())
        story.extend(_page(page))
    document.build(story, canvasmaker=counting_canvas(furniture))
    return counted[0]


def _page(page: ScoreSheetPage) -> list[Flowable]:
    width = A4[0] - 2 * MARGIN
    return [
        Paragraph(TITLE, style(15, align=1, leading=20)),
        Spacer(1, 3 * mm),
        _header(page, width),
        Spacer(1, 3 * mm),
        _marks(page, width),
        Spacer(1, 2.5 * mm),
        _result(page, width),
        Spacer(1, 2.5 * mm),
        KeepTogether([Paragraph("签　名", style(10.5, leading=14)), Spacer(1, 1 * mm), _signatures(page, width)]),
        *_history(page),
    ]


def _header(page: ScoreSheetPage, width: float) -> Table:
    label, value = style(8.5), style(9.5)
    seat = text.seat(page.seat_no)
    cells = [
        [Paragraph("考核计划", label), Paragraph(latin(page.plan_code), value),
         Paragraph("鉴定机构", label), Paragraph(escape(page.agency_name), value)],
        [Paragraph("职业（工种）", label), Paragraph(escape(page.occupation), value),
         Paragraph("等级", label), Paragraph(escape(page.level_title), value)],
        [Paragraph("场次", label),
         Paragraph(f"{latin(page.session_code)} {escape(page.session_title)} {latin(text.day(page.starts_at))}", value),
         Paragraph("考场", label), Paragraph(f"{escape(page.room_name)}（{latin(page.room_code)}）", value)],
        [Paragraph("考生", label),
         Paragraph(f"<b>{escape(page.candidate_name)}</b>　准考证号 {latin(page.ticket_no)}", value),
         Paragraph("座位号", label), Paragraph(latin(seat) if page.seat_no is not None else escape(seat), value)],
        [Paragraph("试题", label),
         Paragraph(f"{latin(page.task_code)} {escape(page.task_title)}", value),
         Paragraph("满分 / 时限", label),
         Paragraph(f"{latin(page.max_score)} 分 / {latin(str(page.time_limit_minutes))} 分钟", value)],
    ]
    table = Table(cells, colWidths=[20 * mm, width - 20 * mm - 22 * mm - 48 * mm, 22 * mm, 48 * mm])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (0, -1), SHADE), ("BACKGROUND", (2, 0), (2, -1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _marks(page: ScoreSheetPage, width: float) -> Table:
    head, cell, small = style(8.5, align=1), style(9, align=1), style(8.5)
    examiners = len(page.sheets)
    mark_width = 17 * mm
    fixed = 15 * mm + 15 * mm + 12 * mm + mark_width * examiners
    cells = [[Paragraph(t, head) for t in ("评分项", "评分内容", "类别", "配分")]
             + [Paragraph(f"{escape(s.examiner_name)}<br/>{latin(s.examiner_no)}", head) for s in page.sheets]]
    for line in page.rubric:
        row = [Paragraph(latin(line.code), cell), Paragraph(escape(line.description), small),
               Paragraph(KINDS.get(line.kind, line.kind), cell), Paragraph(latin(line.max_points), cell)]
        for sheet in page.sheets:
            row.append(Paragraph(_mark(line, sheet.entries.get(line.code)), cell))
        cells.append(row)
    cells.append([Paragraph("合计", head), "", "", Paragraph(latin(page.max_score), cell)]
                 + [Paragraph(latin(s.total, bold=True), cell) for s in page.sheets])
    last = len(cells) - 1
    table = Table(cells, colWidths=[15 * mm, width - fixed, 15 * mm, 12 * mm] + [mark_width] * examiners,
                  repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("BACKGROUND", (0, last), (-1, last), SHADE),
        ("SPAN", (0, last), (2, last)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _mark(line: RubricLine, value: str | None) -> str:
    if value is None:
        return "—"
    if line.kind == "veto":
        return "<b>否决</b>" if value not in ("0", "0.0", "") and float(value) > 0 else "未否决"
    if line.kind == "deduction":
        return latin(f"-{value}") if value not in ("0",) else latin("0")
    return latin(value)


def _result(page: ScoreSheetPage, width: float) -> Table:
    label, value = style(8.5), style(9.5)
    final = page.final if page.final is not None else "待考评组长裁定"
    flag = (f"超过阈值 {latin(page.threshold)}，需组长裁定" if page.flagged else f"未超过阈值 {latin(page.threshold)}")
    cells = [
        [Paragraph("合成规则", label), Paragraph(escape(RULES.get(page.rule, page.rule)), value),
         Paragraph("综合成绩", label), Paragraph(latin(page.combined, bold=True), value)],
        [Paragraph("极差", label), Paragraph(f"{latin(page.spread)}（{flag}）", value),
         Paragraph("最终成绩", label),
         Paragraph(latin(final, bold=True) if page.final is not None else escape(final), style(11))],
    ]
    if page.resolution is not None:
        r = page.resolution
        cells.append([Paragraph("组长裁定", label),
                      Paragraph(f"{escape(r.signature.signer_name)}（{latin(r.signature.signer_no)}）裁定为 "
                                f"{latin(r.score, bold=True)} 分；理由：{escape(r.reason)}", value), "", ""])
    table = Table(cells, colWidths=[20 * mm, width - 20 * mm - 22 * mm - 48 * mm, 22 * mm, 48 * mm])
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (0, -1), SHADE), ("BACKGROUND", (2, 0), (2, 1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if page.resolution is not None:
        commands.append(("SPAN", (1, 2), (3, 2)))
    table.setStyle(TableStyle(commands))
    return table


def _signatures(page: ScoreSheetPage, width: float) -> Table:
    head, cell, tiny = style(8.5, align=1), style(8.5), style(6.8, leading=8.5)
    cells = [[Paragraph(t, head) for t in ("签名人", "手写签名", "签名时间", "密钥指纹 / 签名内容 SHA-256")]]
    rows: list[tuple[str, SignatureMark, str]] = [
        ("考评员", s.signature, f"第 {s.version} 版") for s in page.sheets]
    if page.resolution is not None:
        rows.append(("考评组长（裁定）", page.resolution.signature, ""))
    if page.countersignature is not None:
        rows.append(("督导员（会签）", page.countersignature.signature,
                     "" if page.countersignature.covers else "会签早于本表最新版本"))
    for role, mark, extra in rows:
        when = f"{text.day(mark.signed_at)} {text.local(mark.signed_at):%H:%M:%S}"
        cells.append([
            Paragraph(f"{escape(role)}<br/><b>{escape(mark.signer_name)}</b><br/>{latin(mark.signer_no)}", cell),
            Handwriting(mark.strokes, 52 * mm, 15 * mm),
            Paragraph(latin(when) + (f"<br/>{escape(extra)}" if extra else ""), cell),
            Paragraph(f"密钥 {latin(mark.key_fingerprint)}<br/>摘要 {latin(mark.payload_sha256[:32])}<br/>"
                      f"{latin(mark.payload_sha256[32:])}", tiny),
        ])
    if page.countersignature is None:
        cells.append([Paragraph("督导员（会签）", cell), Paragraph("尚未会签", cell), "", ""])
    table = Table(cells, colWidths=[32 * mm, 56 * mm, 30 * mm, width - 118 * mm],
                  rowHeights=[7 * mm] + [18 * mm] * (len(cells) - 1))
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (1, -1), "CENTER"),
    ]))
    return table


def _history(page: ScoreSheetPage) -> list[Flowable]:
    lines = []
    for sheet in page.sheets:
        for version, total, signed_at, reason in sheet.history:
            when = f"{text.day(signed_at)} {text.local(signed_at):%H:%M}" if signed_at else "未签字"
            lines.append(f"{escape(sheet.examiner_name)}（{latin(sheet.examiner_no)}）第 {version} 版："
                         f"合计 {latin(total)} 分，{latin(when) if signed_at else when}"
                         + (f"；更正原因：{escape(reason)}" if reason else ""))
        if sheet.version > 1 and sheet.reason:
            lines.append(f"{escape(sheet.examiner_name)}（{latin(sheet.examiner_no)}）第 {sheet.version} 版"
                         f"（现行）更正原因：{escape(sheet.reason)}")
    lines.extend(escape(note) for note in page.notes)
    if not lines:
        return []
    return [Spacer(1, 2 * mm), Paragraph("版本与更正记录", style(10.5, leading=14))] + [
        Paragraph("· " + line, style(8.5, leading=11)) for line in lines]
