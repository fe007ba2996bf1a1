"""Canonical indicators: one indicator across documents, kommuner and years.

Plans word the same indicator differently ("Sjukfrånvaron ska minska inom
alla verksamheter", "Minska sjukfrånvaron med 1 %-enhet").
:func:`refresh_canonical` groups the indicator texts of the whole database
by their normalised wording (lemmas, stop words, numbers and years out;
RapidFuzz similarity), writes one ``canonical_indicators`` row a group and
sets ``indicators.canonical_id``.  Each group is linked to a Kolada KPI by
an id printed in its texts (method ``id``) or else by the likeness of its
label to a KPI title (method ``fuzzy``, only above a measured threshold).

:func:`compare` answers "how do kommuner set and reach this indicator":
the canonical indicators matching a query, with each document's target
and values.
"""

from __future__ import annotations

import functools
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from rapidfuzz import fuzz, process

from .rules import RulesModel, load_rules, load_table

def token_dice(a: str, b: str, *, processor=None, score_cutoff=None) -> float:
    """Share of words two keys have in common (0-100), words alike at 88 or more counting as one.

    Unlike a character score, "andel" and "antal" (80) or "grundskola" and
    "gymnasieskola" stay different words, so "Andel elever ..." and "Antal
    elever ..." do not merge; inflected or misspelt words still meet.
    """
    left, right = a.split(), b.split()
    if not left or not right:
        return 0.0
    pool = list(right)
    matched = 0
    for word in left:
        if word in pool:
            pool.remove(word)
            matched += 1
            continue
        hit = process.extractOne(word, pool, scorer=fuzz.ratio, score_cutoff=88) if pool else None
        if hit:
            pool.pop(hit[2])
            matched += 1
    return 200.0 * matched / (len(left) + len(right))


SCORERS = {
    "token_dice": token_dice,
    "ratio": fuzz.ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "WRatio": fuzz.WRatio,
    "partial_token_sort_ratio": fuzz.partial_token_sort_ratio,
}


class CanonicalRules(RulesModel):
    stop_words: list[str]
    kolada_stop_words: list[str]
    group_scorer: str
    group_threshold: float
    block_max_share: float
    kolada_scorer: str
    kolada_threshold: float


def canonical_rules() -> CanonicalRules:
    rules = load_rules("canonical.yaml", CanonicalRules)
    for name in (rules.group_scorer, rules.kolada_scorer):
        if name not in SCORERS:
            from .errors import RulesError
            from .resources import rules_dir

            raise RulesError(
                f"{rules_dir() / 'canonical.yaml'}: unknown scorer '{name}' "
                f"(one of {', '.join(SCORERS)})"
            )
    return rules


# --------------------------------------------------------------------------
# Normalised wording
# --------------------------------------------------------------------------


def _normalize_many(texts: Sequence[str]) -> list[str]:
    from .nlp import normalize_many

    return normalize_many(list(texts))


def matching_keys(texts: Sequence[str], *, kolada: bool = False) -> list[str]:
    """The words of each text that say what it measures, in order.

    ``kolada=True`` also drops the words that tell Kolada KPI variants apart
    ("hemkommun", "kommunala skolor"), for matching against KPI titles.
    """
    rules = canonical_rules()
    stop = set(rules.stop_words)
    if kolada:
        stop |= set(rules.kolada_stop_words)
    keys = []
    for normalized in _normalize_many(texts) if texts else ():  # (no texts: spaCy need not load)
        words = [w for w in normalized.split() if w not in stop]
        keys.append(" ".join(dict.fromkeys(words)))
    return keys


# --------------------------------------------------------------------------
# Kolada
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class KoladaKpi:
    id: str
    title: str
    operating_area: str


@functools.lru_cache(maxsize=None)
def kolada_kpis() -> dict[str, KoladaKpi]:
    """The Kolada KPIs of ``rules/kolada_kpis.csv`` by id."""
    return {
        row["id"]: KoladaKpi(row["id"], row["title"], row["operating_area"])
        for row in load_table("kolada_kpis.csv")
    }


@functools.lru_cache(maxsize=None)
def _kolada_index() -> tuple[tuple[str, ...], tuple[str, ...]]:
    ids = tuple(sorted(kolada_kpis()))
    keys = tuple(matching_keys([kolada_kpis()[i].title for i in ids], kolada=True))
    return ids, keys


def match_kolada(
    key: str, *, scorer: Optional[str] = None, threshold: Optional[float] = None
) -> Optional[tuple[str, float]]:
    """The KPI whose title is most like ``key`` (a :func:`matching_keys` key, kolada=True).

    Returns ``(kpi id, score)``, or ``None`` below the threshold.  Scorer and
    threshold default to ``rules/canonical.yaml``.
    """
    rules = canonical_rules()
    if not key:
        return None
    ids, keys = _kolada_index()
    hit = process.extractOne(
        key,
        keys,
        scorer=SCORERS[scorer or rules.kolada_scorer],
        processor=None,
        score_cutoff=rules.kolada_threshold if threshold is None else threshold,
    )
    if hit is None:
        return None
    return ids[hit[2]], round(float(hit[1]), 1)


# --------------------------------------------------------------------------
# Grouping
# --------------------------------------------------------------------------


def group_keys(keys: Iterable[str], *, scorer: Optional[str] = None, threshold: Optional[float] = None) -> dict[str, str]:
    """Map each distinct non-empty key to its group's leader key.

    Keys are taken most frequent first (ties alphabetically), so the result
    does not depend on row order.  A key joins the most similar leader at or
    above the threshold, among leaders sharing a word with it that is not
    too common; otherwise it leads a new group.
    """
    rules = canonical_rules()
    score = SCORERS[scorer or rules.group_scorer]
    cutoff = rules.group_threshold if threshold is None else threshold
    counts = Counter(k for k in keys if k)
    ordered = sorted(counts, key=lambda k: (-counts[k], k))
    df = Counter(word for key in ordered for word in set(key.split()))
    limit = max(2.0, rules.block_max_share * len(ordered))
    leaders: list[str] = []
    sizes: list[int] = []  # words of each leader
    dice = score is token_dice
    by_word: dict[str, list[int]] = defaultdict(list)
    leader_of: dict[str, str] = {}
    for key in ordered:
        words = set(key.split())
        blocking = {w for w in words if df[w] <= limit} or words
        candidates = sorted({i for w in blocking for i in by_word.get(w, ())})
        best, best_score = None, cutoff
        n_words = len(key.split())
        for index in candidates:
            if dice and 200.0 * min(n_words, sizes[index]) / (n_words + sizes[index]) < best_score:
                continue  # token_dice can reach no more than this: the words of the shorter key all matched
            value = score(key, leaders[index], processor=None)
            if value >= best_score and (best is None or value > best_score):
                best, best_score = index, value
        if best is not None:
            leader_of[key] = leaders[best]
            continue
        leaders.append(key)
        sizes.append(n_words)
        leader_of[key] = key
        for word in words:
            by_word[word].append(len(leaders) - 1)
    return leader_of


def canonical_id(leader_key: str) -> str:
    """A stable id of a group: re-running on the same texts gives the same ids."""
    return "c" + hashlib.sha1(leader_key.encode("utf-8")).hexdigest()[:12]


def _label(texts: list[str]) -> str:
    counts = Counter(" ".join(t.split()) for t in texts)
    return sorted(counts, key=lambda t: (-counts[t], len(t), t))[0]


def warm_up() -> None:
    """Load what :func:`refresh_canonical` needs: rules, the lemmatiser, the Kolada titles' keys."""
    canonical_rules()
    _kolada_index()


@dataclass
class CanonicalSummary:
    indicators: int = 0
    canonical: int = 0
    shared: int = 0  # groups found in more than one document
    kolada_id: int = 0
    kolada_fuzzy: int = 0


def refresh_canonical(db) -> CanonicalSummary:
    """Rebuild ``canonical_indicators`` and ``indicators.canonical_id`` in one transaction.

    Idempotent: the same indicators give the same rows and ids.
    """
    from .nlp import kolada_ids

    rows = list(
        db.query(
            """SELECT i.id, i.document_id, i.text, i.measure, i.kolada_kpi, d.kommun_code
                 FROM indicators i JOIN documents d ON d.id = i.document_id
                ORDER BY i.id"""
        )
    )
    texts = [row["text"] or "" for row in rows]
    keys = matching_keys(texts)
    empty = [n for n, key in enumerate(keys) if not key and rows[n]["measure"]]
    if empty:  # a text of numbers only: its measure says what it is
        for n, key in zip(empty, matching_keys([rows[n]["measure"] for n in empty])):
            keys[n] = key
    leader_of = group_keys(keys)
    members: dict[str, list[int]] = defaultdict(list)
    for n, key in enumerate(keys):
        if key:
            members[leader_of[key]].append(n)

    canonical_rows, assignments = [], []
    summary = CanonicalSummary(indicators=len(rows))
    leaders = sorted(members)
    kolada_keys = matching_keys([_label([texts[n] for n in members[k]]) for k in leaders], kolada=True)
    for leader, kolada_key in zip(leaders, kolada_keys):
        group = members[leader]
        cid = canonical_id(leader)
        printed = Counter()
        for n in group:
            found = [rows[n]["kolada_kpi"]] if rows[n]["kolada_kpi"] else []
            found += kolada_ids(f"{texts[n]} {rows[n]['measure'] or ''}")
            printed.update(set(found))
        kpi = method = None
        score = None
        if printed:
            kpi = sorted(printed, key=lambda k: (-printed[k], k))[0]
            method, score = "id", 100.0
        else:
            hit = match_kolada(kolada_key)
            if hit:
                kpi, score = hit
                method = "fuzzy"
        known = kolada_kpis().get(kpi) if kpi else None
        documents = {rows[n]["document_id"] for n in group}
        kommuner = {rows[n]["kommun_code"] for n in group if rows[n]["kommun_code"]}
        canonical_rows.append(
            {
                "id": cid,
                "label": _label([texts[n] for n in group]),
                "kolada_kpi": kpi,
                "kolada_title": known.title if known else None,
                "kolada_method": method,
                "kolada_score": score,
                "n_documents": len(documents),
                "n_kommuner": len(kommuner),
            }
        )
        assignments.extend((cid, rows[n]["id"]) for n in group)
        summary.canonical += 1
        summary.shared += len(documents) > 1
        summary.kolada_id += method == "id"
        summary.kolada_fuzzy += method == "fuzzy"
    with db.atomic():
        db.execute("UPDATE indicators SET canonical_id = NULL WHERE canonical_id IS NOT NULL")
        db.execute("DELETE FROM canonical_indicators")
        if canonical_rows:
            db["canonical_indicators"].insert_all(canonical_rows, batch_size=500)
        db.conn.executemany("UPDATE indicators SET canonical_id = ? WHERE id = ?", assignments)
    return summary


# --------------------------------------------------------------------------
# Comparing across kommuner
# --------------------------------------------------------------------------


def find_canonical(db, query: str, *, limit: int = 5, min_score: float = 70.0) -> list[dict]:
    """Canonical indicators matching ``query``, best first.

    A label matches when its normalised words hold the query's (RapidFuzz
    token_set_ratio, so "sjukfrånvaro" finds "Sjukfrånvaron ska minska inom
    alla verksamheter") or when full-text search finds the query in one of
    its indicator texts.  Ties go to the indicator found in more documents.
    """
    candidates = list(db.query("SELECT id, label, kolada_kpi, n_documents, n_kommuner FROM canonical_indicators"))
    if not candidates or not query.strip():
        return []
    query_key = matching_keys([query])[0] or " ".join(query.lower().split())
    label_keys = matching_keys([c["label"] for c in candidates])
    scores: dict[str, float] = {}
    for candidate, key in zip(candidates, label_keys):
        if candidate["kolada_kpi"] and candidate["kolada_kpi"].lower() == query.strip().lower():
            scores[candidate["id"]] = 100.0
            continue
        value = fuzz.token_set_ratio(query_key, key, processor=None) if key else 0.0
        if value >= min_score:
            scores[candidate["id"]] = value
    for cid in _fts_canonical_ids(db, query):
        scores[cid] = max(scores.get(cid, 0.0), min_score)
    by_id = {c["id"]: c for c in candidates}
    ranked = sorted(scores, key=lambda cid: (-scores[cid], -by_id[cid]["n_documents"], by_id[cid]["label"]))
    return [dict(by_id[cid], score=round(scores[cid], 1)) for cid in ranked[:limit]]


def _fts_canonical_ids(db, query: str) -> list[str]:
    import sqlite3

    words = [w for w in "".join(c if c.isalnum() else " " for c in query).split() if len(w) > 1]
    if not words or "indicators_fts" not in db.table_names():
        return []
    match = " ".join(f'"{w}"' for w in words)
    try:
        found = db.execute(
            """SELECT DISTINCT i.canonical_id FROM indicators_fts f
                 JOIN indicators i ON i.rowid = f.rowid
                WHERE indicators_fts MATCH ? AND i.canonical_id IS NOT NULL""",
            [match],
        ).fetchall()
    except sqlite3.OperationalError:
        return []
    return [row[0] for row in found]


def _format_number(value) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def compare(db, query: str, *, limit: int = 5, min_score: float = 70.0):
    """Targets and values of the canonical indicators matching ``query``, across documents.

    Returns ``(targets, values)``, two :class:`pandas.DataFrame`: one row per
    indicator and target (kommun, document, period, indicator text,
    direction, target, target year), and measured values with one row per
    indicator and one column per period.
    """
    import pandas as pd

    from .metadata import organisation_name

    found = find_canonical(db, query, limit=limit, min_score=min_score)
    target_columns = ["indicator", "kolada", "kommun", "document", "period", "text", "direction", "target", "target_year", "page"]
    if not found:
        return pd.DataFrame(columns=target_columns), pd.DataFrame()
    ids = [c["id"] for c in found]
    marks = ",".join("?" * len(ids))
    indicators = list(
        db.query(
            f"""SELECT i.id, i.canonical_id, i.text, i.page, d.file, d.kommun, d.kommun_code,
                       d.period_start, d.period_end
                  FROM indicators i JOIN documents d ON d.id = i.document_id
                 WHERE i.canonical_id IN ({marks})""",
            ids,
        )
    )
    ind_ids = [row["id"] for row in indicators]
    imarks = ",".join("?" * len(ind_ids))
    targets: dict[str, list[dict]] = defaultdict(list)
    for row in db.query(f"SELECT * FROM targets WHERE indicator_id IN ({imarks}) ORDER BY id", ind_ids):
        targets[row["indicator_id"]].append(row)
    values: dict[str, list[dict]] = defaultdict(list)
    for row in db.query(f"SELECT * FROM indicator_values WHERE indicator_id IN ({imarks}) ORDER BY id", ind_ids):
        values[row["indicator_id"]].append(row)

    order = {cid: n for n, cid in enumerate(ids)}
    labels = {c["id"]: c for c in found}
    target_rows, value_rows = [], []
    for ind in sorted(indicators, key=lambda r: (order[r["canonical_id"]], r["kommun"] or "", r["period_start"] or 0, r["file"], r["id"])):
        canonical = labels[ind["canonical_id"]]
        who = ind["kommun"] or organisation_name(ind["kommun_code"]) or ""
        period = _period_text(ind["period_start"], ind["period_end"])
        base = {
            "indicator": canonical["label"],
            "kolada": canonical["kolada_kpi"] or "",
            "kommun": who,
            "document": ind["file"],
            "period": period,
            "text": ind["text"],
            "page": ind["page"],
        }
        for target in targets.get(ind["id"]) or [None]:
            row = dict(base, direction="", target="", target_year="")
            if target:
                value = " ".join(p for p in (target["target_op"] or "", _format_number(target["target_value"]), target["unit"] or "") if p)
                row.update(direction=target["direction"] or "", target=value, target_year=_format_number(target["target_year"]))
            target_rows.append(row)
        for value in values.get(ind["id"], []):
            value_rows.append({"indicator": canonical["label"], "kommun": who, "document": ind["file"], "period": value["period"], "value": value["value"]})
    table = pd.DataFrame(target_rows, columns=target_columns)
    if not value_rows:
        return table, pd.DataFrame()
    long = pd.DataFrame(value_rows)
    wide = long.pivot_table(index=["indicator", "kommun", "document"], columns="period", values="value", aggfunc="first", sort=True).reset_index()
    wide.columns.name = None
    return table, wide


def _period_text(start: Optional[int], end: Optional[int]) -> str:
    if start is None:
        return ""
    return str(start) if end in (None, start) else f"{start}–{end}"
