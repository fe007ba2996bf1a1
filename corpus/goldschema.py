"""The gold annotation format, validated strictly (unknown keys are errors).

One JSON file per document (see corpus/README.md).  ``validate_gold``
checks the fields and their domains with pydantic, then the document-level
rules: ids unique, every goal link resolves to a goal, parents form no
cycle, pages lie within the document.
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError

Direction = Literal["increase", "decrease", "maintain", "reach"]
TargetOp = Literal[">=", ">", "<=", "<", "="]
Level = Literal["kf", "namnd", "verksamhet"]
GoalStatus = Literal["met", "partly", "not_met"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Target(Strict):
    text: str = Field(min_length=1)
    direction: Optional[Direction] = None
    target_op: Optional[TargetOp] = None
    target_value: Optional[float] = None
    unit: Optional[str] = None
    target_year: Optional[int] = Field(default=None, ge=1990, le=2100)
    baseline_value: Optional[float] = None
    baseline_year: Optional[int] = Field(default=None, ge=1990, le=2100)


class Value(Strict):
    period: str = Field(min_length=4)
    value: Optional[float] = None


class ItemBase(Strict):
    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    page: int = Field(ge=1)


class GoalItem(ItemBase):
    kind: Literal["goal"]
    level: Level
    parent: Optional[str] = None
    status: Optional[GoalStatus] = None
    target: Optional[Target] = None


class IndicatorItem(ItemBase):
    kind: Literal["indicator"]
    goal: Optional[str] = None
    measure: Optional[str] = None
    kolada_kpi: Optional[str] = Field(default=None, pattern=r"^[NU]\d{5}$")
    target: Optional[Target] = None
    values: list[Value] = []


class ActivityItem(ItemBase):
    kind: Literal["activity"]
    goal: Optional[str] = None
    detail: Optional[str] = None
    responsible: Optional[str] = None
    timeline: Optional[str] = None
    follow_up: Optional[str] = None
    status: Optional[str] = None


Item = Annotated[Union[GoalItem, IndicatorItem, ActivityItem], Field(discriminator="kind")]


class DocumentInfo(Strict):
    kommun: Optional[str] = None
    kommun_code: Optional[str] = Field(default=None, pattern=r"^\d{4}$")
    organ: Optional[str] = None
    doc_type: Optional[str] = None
    period_start: Optional[int] = Field(default=None, ge=1990, le=2100)
    period_end: Optional[int] = Field(default=None, ge=1990, le=2100)
    adopted: Optional[str] = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    diarienummer: Optional[str] = None
    pages: int = Field(ge=1)


class Gold(Strict):
    file: str = Field(pattern=r"\.pdf$")
    split: Literal["tune", "heldout"]
    document: DocumentInfo
    items: list[Item]


def validate_gold(data: dict) -> list[str]:
    """Problems found in one gold document (an empty list when it is valid)."""
    try:
        gold = Gold.model_validate(data)
    except ValidationError as exc:
        return [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
    problems = []
    doc = gold.document
    if doc.period_start and doc.period_end and doc.period_start > doc.period_end:
        problems.append("document: period_start after period_end")
    ids = [item.id for item in gold.items]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        problems.append(f"duplicate ids: {dupes}")
    goals = {item.id: item for item in gold.items if item.kind == "goal"}
    for item in gold.items:
        if item.page > doc.pages:
            problems.append(f"{item.id}: page {item.page} beyond the document's {doc.pages} pages")
        link = item.parent if item.kind == "goal" else item.goal
        if link is not None and link not in goals:
            problems.append(f"{item.id}: links to {link!r}, which is not a goal of this document")
        target = getattr(item, "target", None)
        if target and target.target_op and target.target_value is None:
            problems.append(f"{item.id}: target_op without target_value")
    for goal in goals.values():  # parent chains must end
        seen, node = set(), goal
        while node is not None and node.parent is not None:
            if node.id in seen:
                problems.append(f"{goal.id}: parent links form a cycle")
                break
            seen.add(node.id)
            node = goals.get(node.parent)
    return problems
