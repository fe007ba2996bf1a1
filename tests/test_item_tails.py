"""Trailing parentheses of listed items read as their fields."""

from __future__ import annotations

import pytest

from planextract.item_tails import activity_tail, indicator_tail


def test_indicator_target_outcomes_and_kolada_in_a_parenthesis():
    tail = indicator_tail(
        "Arbetslöshet 18–65 år, andel av befolkningen (målvärde 2025: högst 9,0 %, "
        "utfall 2023: 9,4 %, utfall 2024: 9,8 %, Kolada N03920)")
    assert tail.body == "Arbetslöshet 18–65 år, andel av befolkningen"
    assert (tail.target_text, tail.target_year) == ("målvärde 2025: högst 9,0 %", 2025)
    assert tail.values == [("2023", "9,4 %"), ("2024", "9,8 %")]
    assert tail.kolada == "N03920"


def test_indicator_outcome_without_a_value_is_kept():
    tail = indicator_tail("Deltagare som är nöjda, andel (målvärde 2025: minst 85 %, utfall 2024: –)")
    assert tail.values == [("2024", "–")]


@pytest.mark.parametrize("text", [
    "Andelen elever som uppger en god psykisk hälsa (U01405).",  # a Kolada id alone stays in the text
    "Antal deltagare i Tidig samordnad insats (TSI)",
    "Andel (%) som är nöjda med bemötandet",
    "Andel som får svar (se bilaga 2: definitioner)",
])
def test_parenthesis_that_belongs_to_the_indicator(text):
    assert indicator_tail(text) is None


@pytest.mark.parametrize("text, body, fields", [
    ("Ge alla nya biståndssökande en tid hos Jobbcenter. (Ansvar: Ekonomiskt bistånd, klart mars 2025)",
     "Ge alla nya biståndssökande en tid hos Jobbcenter.",
     {"responsible": "Ekonomiskt bistånd", "timeline": "mars 2025"}),
    ("Starta branschråd (Ansvar: Jobbcenter och näringslivskontoret)",
     "Starta branschråd", {"responsible": "Jobbcenter och näringslivskontoret"}),
    ("Erbjuda fysisk aktivitet på recept (Kultur- och fritidsförvaltningen, Västra Götalandsregionen).",
     "Erbjuda fysisk aktivitet på recept",
     {"responsible": "Kultur- och fritidsförvaltningen, Västra Götalandsregionen"}),
    ("Införa heltid som norm inom vård och omsorg (ansvarig: socialnämnden).",
     "Införa heltid som norm inom vård och omsorg", {"responsible": "socialnämnden"}),
    ("Genomföra trygghetsvandringar (Kommunstyrelsen, AB Skövdebostäder)",
     "Genomföra trygghetsvandringar", {"responsible": "Kommunstyrelsen, AB Skövdebostäder"}),
])
def test_activity_responsible_and_deadline(text, body, fields):
    assert activity_tail(text) == (body, fields)


@pytest.mark.parametrize("text", [
    "Utveckla samverkan enligt modellen Tidig samordnad insats (TSI)",
    "Erbjuda föräldraskapsstöd i grupp (ABC) på fyra orter",
    "Bygga ut laddinfrastrukturen (minst 40 nya laddpunkter)",
])
def test_parenthesis_that_belongs_to_the_activity(text):
    assert activity_tail(text) is None
