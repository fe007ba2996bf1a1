"""Text normalisation shared by every layer.

PDF text arrives with ligature characters (``ﬁ``), soft hyphens, no-break
and thin spaces, private-use bullet glyphs from the Symbol and Wingdings
fonts and words broken across lines.  :func:`normalize` turns a raw string
into plain NFC text with single spaces; :func:`join_lines` and
:func:`dehyphenate` undo hyphenation at line ends while keeping real
hyphens ("Barn- och ungdomsnämnden", "2025-2028", "IT-stöd");
:func:`fold` gives a key for comparing texts.

The character tables live in ``rules/textnorm.yaml``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable

from .rules import RulesModel, load_rules

BULLET = "•"

# pdfium reports a hyphen it takes for a line-end hyphenation as U+0002
# (U+FFFE in its bulk text): both stand for "-".
_PDFIUM_HYPHENS = {"\x02": "-", "\ufffe": "-"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})
_QUOTES = str.maketrans({c: '"' for c in "“”„«»″"} | {c: "'" for c in "‘’‚‹›′`´"})


class TextNormRules(RulesModel):
    """``rules/textnorm.yaml``: character tables and hyphenation words."""

    ligatures: dict[str, str]
    bullets: list[str]
    symbols: dict[str, str]
    symbol_font_misread: dict[str, str]
    spaces: list[str]
    dropped: list[str]
    hyphen_conjunctions: list[str]


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict, frozenset]:
    rules = load_rules("textnorm.yaml", TextNormRules)
    table: dict[str, str] = dict(_PDFIUM_HYPHENS)
    table.update(rules.ligatures)
    table.update(rules.symbols)
    table.update({c: BULLET for c in rules.bullets})
    table.update({c: " " for c in rules.spaces})
    table.update({c: "" for c in rules.dropped})
    conjunctions = frozenset(word.casefold() for word in rules.hyphen_conjunctions)
    return str.maketrans(table), conjunctions


@functools.lru_cache(maxsize=1)
def symbol_font_chars() -> dict[str, str]:
    """What a glyph of a Symbol font stands for, keyed by the character pdfium
    reports for it (``symbol_font_misread`` in textnorm.yaml)."""
    return dict(load_rules("textnorm.yaml", TextNormRules).symbol_font_misread)


@functools.lru_cache(maxsize=256)
def is_symbol_font(name: str) -> bool:
    """A font named Symbol ("Symbol", "ABCDEF+SymbolMT"), whose codes pdfium and
    pdfminer read through StandardEncoding (see :func:`symbol_font_chars`)."""
    return name[name.find("+") + 1:][:6].lower() == "symbol"


def normalize_chars(text: str) -> str:
    """Map ligatures, bullets, symbols and odd spaces; drop soft hyphens; NFC.

    Keeps the number of words but not the spacing: runs of spaces are left
    as they are (see :func:`normalize`).
    """
    table, _ = _tables()
    text = _CONTROL.sub("", text.translate(table))
    return unicodedata.normalize("NFC", text)


def fold_space(text: str) -> str:
    """Fold every run of white space into one space and strip the ends."""
    return _SPACES.sub(" ", text).strip()


def normalize(text: str) -> str:
    """The normal form of a piece of PDF text: clean characters, single spaces."""
    if not text:
        return ""
    return fold_space(normalize_chars(text))


def fold(text: str) -> str:
    """A key for comparing texts: normalised, case-folded, one kind of dash and quote.

    Keeps å, ä and ö (they are letters of their own in Swedish, not
    accented a and o).
    """
    text = normalize(text).casefold().translate(_DASHES).translate(_QUOTES)
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------
# Hyphenation at line ends
# --------------------------------------------------------------------------

_WORD_BEFORE_HYPHEN = re.compile(r"(\S*?)-$")
_FIRST_WORD = re.compile(r"^[^\s]+")


def _hyphen_join(fragment: str, next_text: str) -> str:
    """How to join a line ending in ``fragment-`` with ``next_text``.

    Returns ``"join"`` (a word broken at the line end: drop the hyphen),
    ``"keep"`` (a real hyphen inside a word: keep it, no space) or
    ``"space"`` (a hyphen ending a word before "och"/"eller": keep it and a
    space).
    """
    _, conjunctions = _tables()
    first = _FIRST_WORD.match(next_text)
    if not first or not fragment:
        return "space"
    word = first.group(0)
    bare = word.rstrip(".,;:!?)").casefold()
    if bare in conjunctions or word.casefold() in conjunctions:
        return "space"
    head = fragment[-1]
    nxt = word[0]
    if not head.isalpha():  # "2025-" + "2028", "(a)-"
        return "keep"
    if not nxt.isalpha():  # "covid-" + "19"
        return "keep"
    if nxt.isupper():  # "Göteborgs-" + "Posten", "EU-" + "Kommissionen"
        return "keep"
    if len(fragment) == 1:  # "e-" + "tjänster"
        return "keep"
    if fragment.isupper() or any(c.isdigit() for c in fragment):  # "IT-" + "stöd"
        return "keep"
    return "join"


def join_lines(a: str, b: str) -> str:
    """Join two consecutive lines of one paragraph, undoing hyphenation.

    >>> join_lines("inom verksam-", "heten")
    'inom verksamheten'
    >>> join_lines("Barn-", "och ungdomsnämnden")
    'Barn- och ungdomsnämnden'
    >>> join_lines("IT-", "stöd")
    'IT-stöd'
    """
    a = a.rstrip()
    b = b.lstrip()
    if not a:
        return b
    if not b:
        return a
    if a.endswith("\u00ad"):  # an explicit soft hyphen marks a break point
        return a[:-1] + b
    if a[-1] in _PDFIUM_HYPHENS:
        a = a[:-1] + "-"
    if a.endswith("-") and len(a) >= 2 and not a[-2].isspace():
        match = _WORD_BEFORE_HYPHEN.search(a)
        # "IT-avdel-" + "ningen": decide on the part after the word's own hyphen
        fragment = match.group(1).rsplit("-", 1)[-1] if match else ""
        how = _hyphen_join(fragment, b)
        if how == "join":
            return a[:-1] + b
        if how == "keep":
            return a + b
    return a + " " + b


def dehyphenate(lines: Iterable[str]) -> str:
    """Join the lines of one paragraph into one normalised string."""
    text = ""
    for line in lines:
        soft = line.rstrip().endswith("\u00ad")
        text = join_lines(text, normalize(line) + ("\u00ad" if soft else ""))
    return text.replace("\u00ad", "")
