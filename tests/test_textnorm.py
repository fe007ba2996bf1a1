"""Text normalisation: characters, spaces, hyphenation at line ends."""

from __future__ import annotations

import pytest

from planextract.textnorm import dehyphenate, fold, join_lines, normalize


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("\ufb01nansiering", "finansiering"),
        ("e\ufb00ekt", "effekt"),
        ("\ufb02yg och \ufb03ciell \ufb04", "flyg och fficiell ffl"),
        ("verk\u00adsamheten", "verksamheten"),
        ("12\u00a0345\u2009kr", "12 345 kr"),
        ("10\u202f%", "10 %"),
        ("\uf0b7 Öka andelen", "• Öka andelen"),
        ("\uf0a7 Minska", "• Minska"),
        ("\u25aa punkt", "• punkt"),
        ("  flera   mellanslag\toch\nrader  ", "flera mellanslag och rader"),
        ("a\u0308r", "är"),  # decomposed ä becomes one character (NFC)
        ("noll\u200bbredd", "nollbredd"),
        ("\uf0b3 70 %", "≥ 70 %"),
        ("", ""),
    ],
)
def test_normalize(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("inom verksam-", "heten", "inom verksamheten"),
        ("Barn-", "och ungdomsnämnden", "Barn- och ungdomsnämnden"),
        ("inom vård-", "och omsorg", "inom vård- och omsorg"),
        ("hälso-", "eller sjukvård", "hälso- eller sjukvård"),
        ("perioden 2025-", "2028", "perioden 2025-2028"),
        ("nytt IT-", "stöd", "nytt IT-stöd"),
        ("fler e-", "tjänster", "fler e-tjänster"),
        ("covid-", "19", "covid-19"),
        ("Göteborgs-", "Posten", "Göteborgs-Posten"),
        ("IT-avdel-", "ningen", "IT-avdelningen"),
        ("verksam\u00ad", "heten", "verksamheten"),
        ("verksam\x02", "heten", "verksamheten"),  # pdfium's mark of a line-end hyphen
        ("ett mål -", "inte två", "ett mål - inte två"),
        ("utan bindestreck", "på nästa rad", "utan bindestreck på nästa rad"),
        ("", "bara b", "bara b"),
        ("bara a ", "", "bara a"),
    ],
)
def test_join_lines(a, b, expected):
    assert join_lines(a, b) == expected


def test_dehyphenate_a_paragraph():
    lines = [
        "Nämnden ska öka verksam\u00ad",
        "hetens kvalitet inom vård-",
        "och omsorg under 2025-",
        "2028 med nytt IT-",
        "stöd och \ufb01nansiering.",
    ]
    assert dehyphenate(lines) == (
        "Nämnden ska öka verksamhetens kvalitet inom vård- och omsorg "
        "under 2025-2028 med nytt IT-stöd och finansiering."
    )


def test_dehyphenate_joins_plain_line_breaks_with_one_space():
    assert dehyphenate(["Andelen  ", "  brukare", "", "ska öka"]) == "Andelen brukare ska öka"


@pytest.mark.parametrize(
    "text, key",
    [
        ("Mål – ”Barn”", 'mål - "barn"'),
        ("  ÅTGÄRD\u00a0 1 ", "åtgärd 1"),
        ("Öka", "öka"),  # ö stays ö
    ],
)
def test_fold(text, key):
    assert fold(text) == key


def test_fold_makes_variants_equal():
    assert fold("Barn‐ och ungdomsnämnden") == fold("barn- och  UNGDOMSNÄMNDEN")
