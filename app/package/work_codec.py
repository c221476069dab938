"""tasks.json, papers/index.json and the sealed paper's plaintext (the items with their key)."""

from __future__ import annotations

from app.domain.canonical import canonical_json
from app.domain.paper import Choice, Item, ItemKind, Paper, PracticalTask, RubricItem, RubricItemKind
from app.i18n import tr
from app.package.errors import Malformed
from app.package.fields import Fields, unique, wrong


def tasks_to_json(tasks) -> dict:
    return {"tasks": [{
        "code": t.code, "title": t.title, "time_limit_minutes": t.time_limit_minutes, "max_score": t.max_score,
        "rubric": [{"code": r.code, "description": r.description, "kind": r.kind.value, "max_points": r.max_points,
                    "step": r.step} for r in t.rubric],
    } for t in tasks]}


def tasks_from_json(data: Fields) -> tuple[PracticalTask, ...]:
    tasks = []
    for t in data.objects("tasks"):
        rubric = tuple(RubricItem(code=r.text("code", code=True), description=r.text("description", max_length=1000),
                                  kind=r.enum("kind", RubricItemKind), max_points=r.decimal("max_points"),
                                  step=r.decimal("step")) for r in t.objects("rubric"))
        for index, item in enumerate(rubric):
            if item.step <= 0 or item.max_points % item.step:
                raise wrong(f"{t.path('rubric')}[{index}].step")
        unique((item.code for item in rubric), tr("rubric item"))
        tasks.append(PracticalTask(code=t.text("code", code=True), title=t.text("title", max_length=200),
                                   time_limit_minutes=t.integer("time_limit_minutes", minimum=1, maximum=24 * 60),
                                   max_score=t.decimal("max_score"), rubric=rubric))
    unique((task.code for task in tasks), tr("task"))
    return tuple(tasks)


def paper_member(code: str) -> str:
    return f"papers/{code}.bin"


def index_to_json(papers) -> dict:
    """`papers` are (Paper) values: only what the desk may see before the exam."""
    return {"papers": [{"code": p.code, "title": p.title, "item_count": len(p.items),
                        "duration_minutes": p.duration_minutes, "member": paper_member(p.code)} for p in papers]}


def index_from_json(data: Fields) -> list[dict]:
    entries = []
    for p in data.objects("papers"):
        code = p.text("code", code=True)
        entry = {"code": code, "title": p.text("title", max_length=200),
                 "item_count": p.integer("item_count", minimum=1, maximum=10_000),
                 "duration_minutes": p.integer("duration_minutes", minimum=1, maximum=24 * 60),
                 "member": p.text("member")}
        if entry["member"] != paper_member(code):
            raise wrong(p.path("member"))
        entries.append(entry)
    unique((entry["code"] for entry in entries), tr("paper"))
    return entries


def paper_to_json(paper: Paper) -> dict:
    return {"code": paper.code, "title": paper.title, "duration_minutes": paper.duration_minutes,
            "items": [{"code": i.code, "kind": i.kind.value, "stem": i.stem,
                       "choices": [{"key": c.key, "text": c.text} for c in i.choices],
                       "correct": list(i.correct), "points": i.points} for i in paper.items]}


def paper_from_json(data: Fields) -> Paper:
    items = []
    for i in data.objects("items"):
        choices = tuple(Choice(key=c.text("key", max_length=4), text=c.text("text", max_length=2000))
                        for c in i.objects("choices"))
        item = Item(code=i.text("code", code=True), kind=i.enum("kind", ItemKind), stem=i.text("stem", max_length=5000),
                    choices=choices, correct=tuple(i.items("correct")), points=i.decimal("points"))
        _check_item(item, i)
        items.append(item)
    unique((item.code for item in items), tr("item"))
    return Paper(code=data.text("code", code=True), title=data.text("title", max_length=200),
                 duration_minutes=data.integer("duration_minutes", minimum=1, maximum=24 * 60), items=tuple(items))


def _check_item(item: Item, where: Fields) -> None:
    keys = [choice.key for choice in item.choices]
    unique(keys, tr("choice"))
    if not item.correct or not set(item.correct) <= set(keys) or len(set(item.correct)) != len(item.correct):
        raise wrong(where.path("correct"))
    if item.kind is ItemKind.TRUE_FALSE and sorted(keys) != ["F", "T"]:
        raise wrong(where.path("choices"))
    if item.kind in (ItemKind.SINGLE, ItemKind.TRUE_FALSE) and len(item.correct) != 1:
        raise wrong(where.path("correct"))
    if item.kind is ItemKind.MULTIPLE and len(keys) < 2:
        raise Malformed(tr("item {item} has too few choices", item=item.code))


def paper_aad(package_id: str, paper_code: str) -> bytes:
    """What a sealed paper is bound to: this package and this paper code."""
    return b"examsite paper aad v1\x00" + canonical_json({"package_id": package_id, "paper_code": paper_code})
