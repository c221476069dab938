"""Practical tasks for the 电工 level-4 sample, with rubrics in the usual 评分细则 shape.

Each task has score items (earned in steps), deduction items (taken off the task) and the veto
item 安全文明生产: a serious safety violation scores the whole task zero.
"""

from __future__ import annotations

from decimal import Decimal

from app.domain.paper import PracticalTask, RubricItem, RubricItemKind

D = Decimal
SCORE, DEDUCT, VETO = RubricItemKind.SCORE, RubricItemKind.DEDUCTION, RubricItemKind.VETO

_VETO_TEXT = "安全文明生产：违反安全操作规程（如带电接线、未经允许通电、造成短路或人身伤害）的，本题记零分"

TASKS: tuple[tuple[str, str, int, tuple[tuple[str, str, RubricItemKind, str, str], ...]], ...] = (
    ("T1", "三相异步电动机正反转控制线路安装与调试", 90, (
        ("T1-01", "元器件选择与检查：正确选择接触器、热继电器、熔断器、按钮规格并检查完好", SCORE, "10", "1"),
        ("T1-02", "元器件布置与安装：布局合理、安装牢固、整齐美观", SCORE, "10", "1"),
        ("T1-03", "主电路接线：相序正确、换相正确、导线压接牢固无露铜", SCORE, "15", "1"),
        ("T1-04", "控制电路接线：自锁、按钮联锁和接触器联锁接线正确", SCORE, "15", "1"),
        ("T1-05", "通电试车：正转、反转、停止动作正确，联锁可靠", SCORE, "10", "2"),
        ("T1-06", "工艺不规范：布线不横平竖直、交叉跨接、线号缺失等，每处扣", DEDUCT, "5", "0.5"),
        ("T1-07", "超时：每超时5分钟扣", DEDUCT, "5", "1"),
        ("T1-08", _VETO_TEXT, VETO, "1", "1"),
    )),
    ("T2", "照明线路（双控开关控制一盏灯及插座回路）安装", 45, (
        ("T2-01", "按图接线：相线进开关、零线进灯头，双控接线正确", SCORE, "10", "1"),
        ("T2-02", "插座接线：左零右相上接地，PE线连接可靠", SCORE, "5", "1"),
        ("T2-03", "通电检验：开关控制正确、插座极性正确", SCORE, "5", "1"),
        ("T2-04", "工艺不规范：接头松动、绝缘处理不当等，每处扣", DEDUCT, "4", "0.5"),
        ("T2-05", _VETO_TEXT, VETO, "1", "1"),
    )),
    ("T3", "常用电工仪表使用与故障排查", 45, (
        ("T3-01", "兆欧表测量电动机绕组绝缘电阻：开路短路试验、接线与读数正确", SCORE, "8", "1"),
        ("T3-02", "钳形电流表测量运行电流：量程选择与读数正确", SCORE, "6", "1"),
        ("T3-03", "按故障现象排查控制线路故障并说明原因", SCORE, "6", "1"),
        ("T3-04", "仪表使用不当或损坏仪表，每次扣", DEDUCT, "5", "1"),
        ("T3-05", _VETO_TEXT, VETO, "1", "1"),
    )),
)


def make_tasks() -> list[PracticalTask]:
    """Three tasks worth 60 + 20 + 20 = 100 points."""
    tasks = []
    for code, title, minutes, rubric in TASKS:
        items = tuple(RubricItem(code=item_code, description=text, kind=kind, max_points=D(points), step=D(step))
                      for item_code, text, kind, points, step in rubric)
        max_score = sum((item.max_points for item in items if item.kind is SCORE), D(0))
        tasks.append(PracticalTask(code=code, title=title, time_limit_minutes=minutes, max_score=max_score,
                                   rubric=items))
    return tasks
