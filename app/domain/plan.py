"""The exam plan (考核计划): occupation, level, sessions, rooms and the rules of the day."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import IntEnum, StrEnum


class Level(IntEnum):
    """National vocational skill levels; 1 is the highest (高级技师), 5 the entry level (初级工)."""

    ONE = 1
    TWO = 2
    THREE = 3
    FOUR = 4
    FIVE = 5

    @property
    def title_zh(self) -> str:
        return {1: "一级/高级技师", 2: "二级/技师", 3: "三级/高级工", 4: "四级/中级工", 5: "五级/初级工"}[self.value]

    @property
    def title_en(self) -> str:
        return {
            1: "Level 1 / Senior technician",
            2: "Level 2 / Technician",
            3: "Level 3 / Senior worker",
            4: "Level 4 / Intermediate worker",
            5: "Level 5 / Junior worker",
        }[self.value]


class SessionKind(StrEnum):
    THEORY = "theory"
    PRACTICAL = "practical"


class Aggregation(StrEnum):
    """How several examiners' scores for one candidate are combined."""

    MEAN = "mean"
    MEDIAN = "median"
    TRIMMED_MEAN = "trimmed_mean"  # drop the highest and the lowest, then the mean


@dataclass(frozen=True)
class ExamRules:
    """The rules of one plan. Minutes are whole minutes; marks and points are Decimals."""

    late_entry_minutes: int = 15
    earliest_submit_minutes: int = 30
    theory_pass_mark: Decimal = Decimal("60")
    practical_pass_mark: Decimal = Decimal("60")
    examiner_count: int = 3
    aggregation: Aggregation = Aggregation.MEAN
    discrepancy_threshold: Decimal = Decimal("10")
    random_seats: bool = False
    shuffle_items: bool = True
    shuffle_options: bool = True
    login_requires_checkin: bool = True
    offline_credit_max_minutes: int = 10
    video_preroll_minutes: int = 15
    record_retention_years: int = 5
    video_retention_years: int = 5


@dataclass(frozen=True)
class RoomSpec:
    code: str
    name: str
    capacity: int
    location: str = ""


@dataclass(frozen=True)
class SessionSpec:
    """One session (场次) of the plan: a theory paper or practical tasks, in given rooms."""

    code: str
    kind: SessionKind
    title: str
    starts_at: datetime  # timezone-aware
    ends_at: datetime  # timezone-aware
    room_codes: tuple[str, ...]
    paper_code: str | None = None  # theory sessions
    task_codes: tuple[str, ...] = ()  # practical sessions


@dataclass(frozen=True)
class ExamPlan:
    plan_code: str
    agency_code: str
    agency_name: str
    province_code: str
    occupation_code: str
    occupation_name: str
    level: Level
    exam_date: date
    rooms: tuple[RoomSpec, ...]
    sessions: tuple[SessionSpec, ...]
    rules: ExamRules = field(default_factory=ExamRules)
