"""Trailing parentheses of listed items read as their fields."""

from __future__ import annotations

import pytest

from planextract.item_tails import (action_field_line, activity_tail, bracketed_fields, field_line, indicator_meta_line,
                                    indicator_tail, indicator_value_tail, named_field_run, trailing_indicator_fields)


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
    # a bare period after the responsible is the timeline
    ("Erbjuda utbildning till undersköterska (Vård- och äldreförvaltningen, 2025–2028).",
     "Erbjuda utbildning till undersköterska",
     {"responsible": "Vård- och äldreförvaltningen", "timeline": "2025–2028"}),
    ("Införa en rutin (Socialförvaltningen, hösten 2026)", "Införa en rutin",
     {"responsible": "Socialförvaltningen", "timeline": "hösten 2026"}),
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


@pytest.mark.parametrize("text, body, target, values, kolada", [
    ("Antal aktiva låntagare: minst 34 000", "Antal aktiva låntagare", "minst 34 000", [], None),
    ("Sjukfrånvaro, andel av arbetstid: högst 6,0 procent (utgångsläge 7,2 procent 2024)",
     "Sjukfrånvaro, andel av arbetstid", "högst 6,0 procent (utgångsläge 7,2 procent 2024)", [], None),
    ("Resor per invånare, antal (Kolada N60403) – minst 37 [utfall 2024: 34]",
     "Resor per invånare, antal", "minst 37", [("2024", "34")], "N60403"),
    ("Marknadsandel av resor (%): öka till minst 9 % (2024: 7,8 %)",
     "Marknadsandel av resor (%)", "öka till minst 9 %", [("2024", "7,8 %")], None),
    ("Lån av e-böcker per invånare: följs upp utan målvärde", "Lån av e-böcker per invånare", None, [], None),
])
def test_indicator_target_after_a_colon_or_dash(text, body, target, values, kolada):
    tail = indicator_value_tail(text)
    assert (tail.body, tail.target_text, tail.values, tail.kolada) == (body, target, values, kolada)


@pytest.mark.parametrize("text", [
    "Samverkan med skolan: ett viktigt område",
    "Andel deltagare i arbete (målvärde 2025: minst 40 %)",  # the colon is the parenthesis's
    "Nöjdhet – öka",  # one word is no measure
    "Andelen ska öka: minst 40 %",  # a statement, not a measure
])
def test_no_target_after_a_colon_or_dash(text):
    assert indicator_value_tail(text) is None


@pytest.mark.parametrize("text, period, body, target, year, values", [
    ("Andel studerande i yrkesvux med arbete – utfall 2024: 66 %, jan–aug 2025: 70 %, målvärde 2025: minst 72 %",
     None, "Andel studerande i yrkesvux med arbete", "målvärde 2025: minst 72 %", 2025,
     [("2024", "66 %"), ("jan–aug 2025", "70 %")]),
    ("Antal unga i sociala insatsgrupper: 26 (2023: 19), målvärde minst 20",
     "2024", "Antal unga i sociala insatsgrupper", "målvärde minst 20", None, [("2024", "26"), ("2023", "19")]),
    ("Orosanmälningar om unga, antal: 412 (2023: 455), antalet ska minska",
     "2024", "Orosanmälningar om unga, antal", "antalet ska minska", None, [("2024", "412"), ("2023", "455")]),
    # outcomes dated in the parenthesis, or dated by the header ("Indikatorer med målvärde 2026 (utfall 2025)")
    ("Hållbart medarbetarengagemang (HME), totalindex: minst 80 (78 år 2025)",
     None, "Hållbart medarbetarengagemang (HME), totalindex", "minst 80", None, [("2025", "78")]),
    ("Andel elever som fullföljer sin yrkesutbildning: minst 85 % (82 %)",
     "2025", "Andel elever som fullföljer sin yrkesutbildning", "minst 85 %", None, [("2025", "82 %")]),
])
def test_indicator_outcomes_and_target_as_labelled_parts(text, period, body, target, year, values):
    tail = indicator_value_tail(text, outcome_period=period)
    assert (tail.body, tail.target_text, tail.target_year, tail.values) == (body, target, year, values)


def test_a_labelled_target_makes_a_listed_line_an_indicator():
    from planextract.item_tails import labels_a_target

    assert labels_a_target("Andel elever med examen – utfall 2024: 66 %, målvärde 2025: minst 72 %")
    assert not labels_a_target("Antal besökare: 26 (2023: 19), ökning med sju")
    assert not labels_a_target("Införa en gemensam modell för extra anpassningar")


def test_a_line_of_fields_parted_by_bars():
    found = field_line("Utfall 2023: 9 850 | Utfall 2024: 10 420 | Målnivå 2028: minst 12 000 | Källa: cykelräknare")
    assert (found.target_text, found.target_year) == ("minst 12 000", 2028)
    assert found.values == [("2023", "9 850"), ("2024", "10 420")]
    dashed = field_line("Utfall 2023: 412 | Målnivå 2028: – | Källa: besöksräknare, Kolada U85417")
    assert (dashed.target_text, dashed.kolada) == (None, "U85417")
    assert field_line("Ansvarig: Parkenheten | Klart: 2026") is None  # an action's fields
    assert field_line("Källa: SCB | Avser: 2024") is None  # neither outcome nor target
    assert field_line("Utfall 2024: 61 %") is None  # one field alone
    assert field_line("Vi bygger om | vi river") is None


def test_a_line_of_an_indicators_particulars_names_its_goal_by_code():
    assert indicator_meta_line("Nämndmål: N3 | Källa: Kolada N31807 | Mätperiod: helår") == ("N3", "N31807")
    assert indicator_meta_line("Nämndmål: N2 | Källa: egen mätning | Mätperiod: två mätveckor per år") == ("N2", None)
    assert indicator_meta_line("Utgångsläge: 71 % (2025) | Målvärde 2026: minst 75 %") is None  # values
    assert indicator_meta_line("Källa: SCB | Mätperiod: helår") is None  # no goal named
    assert indicator_meta_line("Ansvarig: Parkenheten | Klart: 2026") is None


def test_an_indicator_run_on_into_its_labelled_fields():
    name, fields = named_field_run(
        "Andel utredningar som avslutas inom fyra månader, % Jan–aug 2025: 84 Helår 2024: 79 Målvärde 2025: minst 90")
    assert name == "Andel utredningar som avslutas inom fyra månader, %"
    assert (fields.target_text, fields.target_year) == ("minst 90", 2025)
    assert fields.values == [("jan–aug 2025", "84"), ("2024", "79")]
    name, fields = named_field_run("Utbetalt bistånd per invånare, kr Jan–aug 2025: 912 Helår 2024: 1 433")
    assert (name, fields.target_text, fields.values[1]) == ("Utbetalt bistånd per invånare, kr", None, ("2024", "1 433"))
    assert named_field_run("Nämnden har beslutat: Vi ska öka.") is None
    assert named_field_run("Ansvarig: Parkenheten Klart: 2026") is None  # no name
    assert named_field_run("Antal besök Källa: SCB Avser: 2024") is None  # neither outcome nor target


def test_a_tile_with_an_unlabelled_figure_years_as_labels_and_no_target():
    name, fields = named_field_run(
        "Elever i åk 9 som är behöriga till yrkesprogram, % 82,4 % Mål 2025: minst 85 % "
        "2024: 79,8 % • 2023: 77,1 % Kolada N15436")
    assert name == "Elever i åk 9 som är behöriga till yrkesprogram, %"
    assert (fields.target_text, fields.target_year, fields.kolada) == ("minst 85 %", 2025, "N15436")
    assert sorted(fields.values) == [("2023", "77,1 %"), ("2024", "79,8 %"), ("2025", "82,4 %")]
    name, fields = named_field_run("Anmälda fall av skadegörelse per 1 000 invånare 14,2 Inget målvärde 2024: 12,8 • 2023: 13,5")
    assert (name, fields.target_text) == ("Anmälda fall av skadegörelse per 1 000 invånare", None)
    assert fields.values == [("2024", "12,8"), ("2023", "13,5")]
    # a goal in its tile: its outcomes and the attainment among them
    name, fields = named_field_run(
        "Årets resultat ska uppgå till minst 2 procent av skatteintäkter. Utfall 2025: 1,1 % "
        "Målet är inte uppfyllt 2024: 1,8 % • 2023: 0,6 %")
    assert name == "Årets resultat ska uppgå till minst 2 procent av skatteintäkter."
    assert (fields.status, fields.values[0]) == ("not_met", ("2025", "1,1 %"))
    # the year of a label in words is no label of its own
    assert named_field_run("Indikatorn Andel förhandsbedömningar som påbörjas samma dag var 96 procent "
                           "(målvärde 2025: 100 procent, utfall 2024: 91 procent).") is None


def test_an_actions_fields_in_square_brackets():
    found = bracketed_fields("Planlägga minst 60 nya villatomter i Lagan. [B1 • Miljö- och byggnämnden • 2026–2028]")
    assert found == ("Planlägga minst 60 nya villatomter i Lagan.",
                     {"responsible": "Miljö- och byggnämnden", "timeline": "2026–2028"}, "B1")
    assert bracketed_fields("Ta fram en plan [utkast]") is None  # other words: part of the text
    assert bracketed_fields("Ta fram en plan") is None


def test_a_target_in_a_sentence_of_its_own_and_fields_parted_by_sentences():
    found = indicator_value_tail("Andel elever med mer än 15 % frånvaro: 14,8 % (2024), 16,1 % (vt 2025). "
                                 "Målvärde 2025: högst 12 %.")
    assert found.body == "Andel elever med mer än 15 % frånvaro" and found.target_year == 2025
    assert found.values == [("2024", "14,8 %"), ("vt 2025", "16,1 %")]
    fields = action_field_line("Status: Pågår. Ansvarig: rektorer åk 7–9.")
    assert fields.fields == {"status": "Pågår", "responsible": "rektorer åk 7–9"}


def test_an_outcome_in_brackets_before_the_target_after_a_dash():
    found = indicator_value_tail("Andel elever i åk 9 behöriga till yrkesprogram (utfall 2025: 79,4 %) – "
                                 "målvärde 2026: minst 84 %")
    assert (found.body, found.target_year, found.values) == (
        "Andel elever i åk 9 behöriga till yrkesprogram", 2026, [("2025", "79,4 %")])
    assert "minst 84 %" in found.target_text


@pytest.mark.parametrize("text, found", [
    ("Bygga laddinfrastruktur vid depån i Köping (Infrastruktur, kvartal 4)",
     ("Bygga laddinfrastruktur vid depån i Köping", {"responsible": "Infrastruktur", "timeline": "kvartal 4"})),
    ("Visa realtidsinformation i appen (Kundcenter och IT, oktober 2026)",
     ("Visa realtidsinformation i appen", {"responsible": "Kundcenter och IT", "timeline": "oktober 2026"})),
    ("Införa en ny taxa (se bilaga 2)", None),  # no name before when
    ("Utreda en ny linje (Sala, Fagersta och Arboga)", None),  # places, not who and when
])
def test_a_name_of_any_kind_before_when_is_who(text, found):
    assert activity_tail(text) == found


def test_an_outcome_labelled_by_its_year_alone_closes_an_indicator():
    from planextract.item_tails import indicator_tail

    tail = indicator_tail("Minst 2 400 deltagare i sommarlovsaktiviteterna (2025: 2 180)")
    assert tail.body == "Minst 2 400 deltagare i sommarlovsaktiviteterna"
    assert tail.values == [("2025", "2 180")]
    assert indicator_tail("Antal besök (2025 års nivå)") is None  # words: the parenthesis is text


def test_fields_in_parentheses_parted_by_semicolons():
    """"(delmål 4a; Kostenheten; ht 2026)": the goal served by its label and
    code, who and when."""
    assert bracketed_fields("Servera vegetarisk lunch två dagar i veckan (delmål 4a; Kostenheten; ht 2026).") == (
        "Servera vegetarisk lunch två dagar i veckan", {"responsible": "Kostenheten", "timeline": "ht 2026"}, "4a")
    # a parenthesis of other words belongs to the text
    assert bracketed_fields("Utreda en solcellspark (på deponin; om bygglov ges).") is None


def test_an_action_tail_followed_by_its_status_in_brackets():
    """"(ansvar: …, klart …) [Pågår]": who, by when and where it stands."""
    assert activity_tail("Trygghetsringning till ensamboende över 80 år (ansvar: biståndsenheten, "
                         "klart september 2026) [Ej påbörjad]") == (
        "Trygghetsringning till ensamboende över 80 år",
        {"responsible": "biståndsenheten", "timeline": "september 2026", "status": "Ej påbörjad"})
    assert activity_tail("Införa läxhjälp (se bilaga) [Pågår]") is None


def test_an_action_tail_naming_a_unit_then_when_in_words_of_its_own():
    assert activity_tail("Utred möjligheten till subventionerat pendlarkort (HR-avdelningen, beslutsunderlag "
                         "senast december 2026)") == (
        "Utred möjligheten till subventionerat pendlarkort",
        {"responsible": "HR-avdelningen", "timeline": "beslutsunderlag senast december 2026"})


def test_indicator_fields_one_a_sentence_with_an_outcome_after_the_target():
    found = trailing_indicator_fields("Antal färdigställda bostäder per år. Målvärde 2026: minst 45 (2024: 31)")
    assert (found.body, found.target_text, found.target_year, found.values) == (
        "Antal färdigställda bostäder per år", "minst 45", 2026, [("2024", "31")])


def test_an_action_tail_after_a_dash_and_an_indicator_closing_with_its_own_assessment():
    assert activity_tail("Handledarutbildning i samarbete med Högskolan Dalarna – ansvar: förskolechefer "
                         "[genomförd].") == (
        "Handledarutbildning i samarbete med Högskolan Dalarna",
        {"responsible": "förskolechefer", "status": "genomförd"})
    assert activity_tail("Bygga om torget – ett lyft för centrum") is None
    # where it stands among the fields in the parenthesis
    assert activity_tail("Detaljplan för Rimforsa strand etapp 2 har antagits (ansvar: samhällsbyggnad; genomförd)") == (
        "Detaljplan för Rimforsa strand etapp 2 har antagits", {"responsible": "samhällsbyggnad", "status": "genomförd"})
    # who and when after a dash, unlabelled
    assert activity_tail("Dela in hemtjänsten i mindre geografiska team – Vård- och omsorgsnämnden, 2026") == (
        "Dela in hemtjänsten i mindre geografiska team", {"responsible": "Vård- och omsorgsnämnden", "timeline": "2026"})
    found = trailing_indicator_fields("Genomsnittligt meritvärde i årskurs 9 ska öka till minst 220 poäng. "
                                      "Utfall 2025: 214 (2024: 207) [delvis uppnått].")
    assert (found.body, found.values) == (
        "Genomsnittligt meritvärde i årskurs 9 ska öka till minst 220 poäng", [("2025", "214"), ("2024", "207")])


@pytest.mark.parametrize("text, period, body, baseline, year, target", [
    ("Gästnätter under oktober–april: 38 200 (2024) » minst 50 000 (2030)", None,
     "Gästnätter under oktober–april", "38 200", 2024, "minst 50 000 (2030)"),
    # a header's outcome period must not take "(2030)" for an outcome
    ("Antal arbetstillfällen i kommunen: 5 820 (2023) » öka (2030)", "2026",
     "Antal arbetstillfällen i kommunen", "5 820", 2023, "öka (2030)"),
    ("Andel elever med godkänt i alla ämnen – 71 % (2025) → minst 80 % (2028)", None,
     "Andel elever med godkänt i alla ämnen", "71 %", 2025, "minst 80 % (2028)"),
])
def test_a_baseline_then_an_arrow_then_the_target(text, period, body, baseline, year, target):
    tail = indicator_value_tail(text, outcome_period=period)
    assert (tail.body, tail.baseline, tail.baseline_year, tail.target_text, tail.values) == (
        body, baseline, year, target, [])
