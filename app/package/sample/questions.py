"""A plausible theory paper for 电工 (electrician), level 4: generated from templates.

Numeric templates (Ohm's law, power, motors, transformers…) vary their values, so 80 distinct
single-choice items come out of a few dozen patterns; safety and wiring knowledge is fixed text.
The answer key is computed, never typed, so it is right by construction.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from decimal import Decimal

from app.domain.paper import Choice, Item, ItemKind, Paper

Question = tuple[str, str, list[str]]  # stem, correct answer, wrong answers


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def _numeric(stem: str, answer: float, unit: str, factors=(0.5, 2, 1.5, 0.75, 3, 1.25)) -> Question:
    right = _n(answer) + unit
    wrong = []
    for factor in factors:
        candidate = _n(answer * factor) + unit
        if candidate != right and candidate not in wrong:
            wrong.append(candidate)
    return stem, right, wrong[:3]


TEMPLATES: tuple[Callable[[random.Random], Question], ...] = (
    lambda r: (lambda u, i: _numeric(f"某电阻两端电压为{u}V，通过的电流为{i}A，该电阻的阻值为（　）。", u / i, "Ω"))(
        r.choice((6, 12, 24, 36, 48, 110, 220)), r.choice((0.5, 1, 2, 4))),
    lambda r: (lambda p: _numeric(f"一只额定电压220V、额定功率{p}W的白炽灯，正常工作时的电流约为（　）。", p / 220, "A"))(
        r.choice((22, 44, 66, 110, 220, 440, 660))),
    lambda r: (lambda a, b: _numeric(f"阻值分别为{a}Ω和{b}Ω的两个电阻串联，其总电阻为（　）。", a + b, "Ω"))(
        r.choice((10, 20, 30, 47, 100, 150)), r.choice((5, 15, 22, 33, 68, 200))),
    lambda r: (lambda a: _numeric(f"两个阻值均为{a}Ω的电阻并联，其等效电阻为（　）。", a / 2, "Ω", (2, 4, 0.25, 1)))(
        r.choice((10, 20, 40, 60, 100, 220, 330, 470))),
    lambda r: (lambda p, h: _numeric(f"功率为{p}kW的电动机连续运行{h}h，消耗的电能为（　）。", p * h, "kW·h"))(
        r.choice((1.5, 2.2, 4, 5.5, 7.5, 11)), r.choice((2, 4, 6, 8, 10))),
    lambda r: (lambda p: _numeric(f"一台{p}对磁极的三相异步电动机接在50Hz电源上，其同步转速为（　）。", 3000 / p, "r/min",
                                  (2, 0.5, 1.5, 0.75)))(r.choice((1, 2, 3, 4, 5))),
    lambda r: (lambda n: _numeric(f"某三相异步电动机同步转速为1500r/min，额定转速为{n}r/min，其额定转差率为（　）。",
                                  (1500 - n) / 15, "%", (2, 0.5, 3, 1.5)))(r.choice((1440, 1450, 1455, 1460, 1470, 1425))),
    lambda r: (lambda u: _numeric(f"三相四线制供电系统中，相电压为{u}V，则线电压约为（　）。", u * math.sqrt(3), "V",
                                  (1 / math.sqrt(3), math.sqrt(2 / 3), 2 / math.sqrt(3))))(
        r.choice((127, 220, 230, 240))),
    lambda r: (lambda n1, n2, u1: _numeric(
        f"一台单相变压器一次绕组{n1}匝、二次绕组{n2}匝，一次电压为{u1}V，则二次电压为（　）。", u1 * n2 / n1, "V",
        ((n1 / n2) ** 2, 2, 0.5, n1 / n2)))(r.choice((1100, 2200, 3300)), r.choice((55, 110, 180)), r.choice((220, 380))),
    lambda r: (lambda p: _numeric(f"额定电压380V的三相异步电动机额定功率为{p}kW，按经验估算其额定电流约为（　）。", 2 * p, "A",
                                  (0.5, 1.5, 3, 4)))(r.choice((1.5, 2.2, 3, 4, 5.5, 7.5, 11, 15, 18.5, 22))),
    lambda r: (lambda c: _numeric(f"两只电容量均为{c}μF的电容器串联后，总电容量为（　）。", c / 2, "μF", (2, 4, 1, 0.25)))(
        r.choice((2, 4, 10, 20, 47, 100))),
    lambda r: (lambda f: _numeric(f"交流电的频率为{f}Hz时，其周期为（　）。", 1000 / f, "ms", (2, 0.5, 10, 0.1)))(
        r.choice((25, 50, 60, 100, 400))),
    lambda r: (lambda u: _numeric(f"正弦交流电压的有效值为{u}V，其最大值约为（　）。", u * math.sqrt(2), "V",
                                  (1 / math.sqrt(2), 0.5, math.sqrt(3 / 2))))(
        r.choice((12, 24, 36, 100, 110, 220, 380))),
)

FIXED_SINGLE: tuple[Question, ...] = (
    ("在TN-S系统中，保护接地线（PE线）的颜色应为（　）。", "黄绿双色", ["淡蓝色", "黑色", "红色"]),
    ("用于防止人身触电的剩余电流动作保护器，其额定动作电流一般不大于（　）。", "30mA", ["100mA", "300mA", "500mA"]),
    ("测量电动机绕组的绝缘电阻应使用（　）。", "兆欧表", ["万用表电阻挡", "钳形电流表", "接地电阻测试仪"]),
    ("电流互感器运行时，其二次侧严禁（　）。", "开路", ["短路", "接地", "接电流表"]),
    ("电压互感器运行时，其二次侧严禁（　）。", "短路", ["开路", "接地", "接电压表"]),
    ("低压验电笔一般适用的电压范围是（　）。", "60～500V", ["12～36V", "500～1000V", "1～10kV"]),
    ("发现有人触电时，首先应当（　）。", "使触电者迅速脱离电源", ["立即进行人工呼吸", "打电话报告领导", "给触电者喝水"]),
    ("在电动机控制线路中，热继电器主要用作（　）。", "过载保护", ["短路保护", "失压保护", "欠压保护"]),
    ("在电动机控制线路中，熔断器主要用作（　）。", "短路保护", ["过载保护", "失压保护", "断相保护"]),
    ("接触器自锁控制线路中，自锁触点应与启动按钮（　）。", "并联", ["串联", "混联", "无需连接"]),
    ("电动机正反转控制线路中，为防止两个接触器同时吸合造成短路，应设置（　）。", "联锁", ["自锁", "点动", "延时"]),
    ("三相异步电动机采用星-三角降压启动时，启动电流为直接启动时的（　）。", "1/3", ["1/2", "1/√3", "2/3"]),
    ("要改变三相异步电动机的旋转方向，应（　）。", "任意对调两根电源相线", ["改变电源电压", "改变电源频率", "对调定子绕组首尾"]),
    ("用万用表测量电阻前，必须（　）。", "断开被测电路的电源", ["将表笔短接后再通电", "选择最大电流挡", "将被测电路接地"]),
    ("电工用绝缘手套应定期做耐压试验，其试验周期一般为（　）。", "6个月", ["1个月", "2年", "3年"]),
    ("一般场所低压配电系统中，电气设备保护接地的接地电阻一般不应大于（　）。", "4Ω", ["10Ω", "30Ω", "100Ω"]),
    ("交流接触器铁芯上装设短路环的作用是（　）。", "减小振动和噪声", ["增大吸力", "减小铁损", "灭弧"]),
    ("按钮帽的颜色中，停止按钮一般采用（　）。", "红色", ["绿色", "黄色", "白色"]),
    ("在潮湿场所或金属容器内使用的手持照明灯，其电压不应超过（　）。", "12V", ["36V", "110V", "220V"]),
    ("导线截面选择时，首先应满足的条件是（　）。", "允许载流量", ["机械强度最大", "价格最低", "颜色统一"]),
)

FIXED_MULTIPLE: tuple[tuple[str, list[str], list[str]], ...] = (
    ("电气安全用具中，属于基本绝缘安全用具的有（　）。", ["绝缘棒", "绝缘夹钳"], ["绝缘靴", "绝缘垫", "遮栏"]),
    ("三相异步电动机的调速方法有（　）。", ["变极调速", "变频调速", "变转差率调速"], ["变相序调速", "变颜色调速"]),
    ("电动机控制线路中常用的保护有（　）。", ["短路保护", "过载保护", "失压保护"], ["过速保护", "防雷保护"]),
    ("停电检修时，保证安全的技术措施包括（　）。", ["停电", "验电", "装设接地线", "悬挂标示牌和装设遮栏"], ["办理交接班"]),
    ("下列属于主令电器的有（　）。", ["按钮", "行程开关", "万能转换开关"], ["交流接触器", "熔断器"]),
    ("造成电动机过热的原因可能有（　）。", ["负载过大", "电源缺相", "通风不良"], ["转速过低报警", "接地良好"]),
    ("兆欧表使用前应进行的检查有（　）。", ["开路试验", "短路试验"], ["带电测量", "接通电源预热", "更换表笔"]),
    ("导线连接的基本要求包括（　）。", ["接触紧密、接头电阻小", "机械强度足够", "绝缘性能良好"], ["接头越多越好", "可以不包扎"]),
    ("触电急救的正确做法有（　）。", ["迅速切断电源", "用干燥木棒挑开电线", "必要时进行心肺复苏"], ["直接用手拉开触电者"]),
    ("下列属于低压配电电器的有（　）。", ["刀开关", "低压断路器", "熔断器"], ["电流互感器", "避雷器"]),
)

FIXED_TRUE_FALSE: tuple[tuple[str, bool], ...] = (
    ("电工作业人员必须经专业安全技术培训，取得特种作业操作证后方可上岗作业。", True),
    ("在带电设备附近使用金属梯子作业是允许的。", False),
    ("热继电器既能作过载保护，也能作短路保护。", False),
    ("三相异步电动机的转子转速总是低于旋转磁场的同步转速。", True),
    ("可以用万用表的电阻挡测量带电电路的电阻。", False),
    ("接地线必须使用专用线夹固定在导体上，严禁用缠绕的方法接地或短路。", True),
    ("电动机正反转控制线路中，只要有按钮联锁就可以不设接触器联锁。", False),
    ("PE线上不得装设开关或熔断器。", True),
    ("电流互感器二次侧可以开路运行。", False),
    ("验电前应先在有电设备上确认验电器良好。", True),
)


def _choice_item(rng: random.Random, code: str, kind: ItemKind, stem: str, right: list[str], wrong: list[str],
                 count: int = 4) -> Item:
    options = [(text, True) for text in right] + [(text, False) for text in wrong[:max(count - len(right), 0)]]
    rng.shuffle(options)
    keys = "ABCDE"
    return Item(code=code, kind=kind, stem=stem,
                choices=tuple(Choice(keys[index], text) for index, (text, _) in enumerate(options)),
                correct=tuple(keys[index] for index, (_, ok) in enumerate(options) if ok), points=Decimal(1))


def make_paper(code: str, rng: random.Random, singles: int = 80, multiples: int = 10, true_false: int = 10) -> Paper:
    """电工 level-4 theory paper: `singles` + `multiples` + `true_false` items of 1 point each."""
    questions: list[Question] = list(FIXED_SINGLE)
    stems = {stem for stem, _, _ in questions}
    attempts = 0
    while len(questions) < singles and attempts < 10_000:
        attempts += 1
        question = rng.choice(TEMPLATES)(rng)
        if question[0] not in stems and len(question[2]) == 3:
            stems.add(question[0])
            questions.append(question)
    rng.shuffle(questions)
    items = [_choice_item(rng, f"S{index:03d}", ItemKind.SINGLE, stem, [right], wrong)
             for index, (stem, right, wrong) in enumerate(questions[:singles], start=1)]
    items += [_choice_item(rng, f"M{index:03d}", ItemKind.MULTIPLE, stem, right, wrong, count=max(4, len(right) + 1))
              for index, (stem, right, wrong) in enumerate(FIXED_MULTIPLE[:multiples], start=1)]
    items += [Item(code=f"T{index:03d}", kind=ItemKind.TRUE_FALSE, stem=stem,
                   choices=(Choice("T", "正确"), Choice("F", "错误")), correct=("T" if truth else "F",),
                   points=Decimal(1))
              for index, (stem, truth) in enumerate(FIXED_TRUE_FALSE[:true_false], start=1)]
    return Paper(code=code, title="电工（四级/中级工）理论知识考试试卷", duration_minutes=90, items=tuple(items))
