"""Goal trees printed as one table (rows of different kinds), marks in period
and status columns, and indicator cards laid on their side."""

from __future__ import annotations

import pytest

from planextract import classify as C
from planextract import table_rows as T
from planextract.errors import RulesError
from planextract.extract import extract_items
from planextract.resources import rules_dir
from planextract.rules import parse_rules

from .docbuilder import build
from .test_extract import by_text


def test_a_kind_column_says_what_each_row_is():
    doc = build([
        ("h", 1, "Måluppfyllelse"),
        ("t", ["Nivå", "Mål, indikator och aktivitet", "Utfall 2024", "Målvärde 2025", "Prognos helår / status"], [
            ["KF-mål", "Helsingborg ska vara en hållbar stad", "", "", ""],
            ["Nämndmål", "Tillsynen ska vara effektiv och rättssäker", "", "", "Uppfylls delvis"],
            ["Indikator", "Andel inspektioner som genomförts enligt plan, %", "88 %", "Minst 95 %", "Uppfylls"],
            ["Aktivitet", "Införa digital inspektionsrapport", "", "", "Pågår"],
            ["Verksamhetsmål", "Minst 300 livsmedelskontroller ska genomföras under 2025", "", "", ""],
            ["Indikator", "Antal livsmedelskontroller", "262", "Minst 300", ""],
            ["Uppdrag", "Utreda en gemensam miljöförvaltning", "", "", "Pågår"],
        ]),
    ], organ="Miljönämnden")
    ext = extract_items(doc)
    kf = by_text(ext.goals, "Helsingborg ska vara en hållbar stad")
    namnd = by_text(ext.goals, "Tillsynen ska vara effektiv och rättssäker")
    verksamhet = by_text(ext.goals, "Minst 300 livsmedelskontroller ska genomföras under 2025")
    assert (kf.level, namnd.level, verksamhet.level) == ("kf", "namnd", "verksamhet")
    assert (namnd.parent_key, verksamhet.parent_key) == (kf.key, namnd.key)
    assert namnd.status == "partly"
    share = by_text(ext.indicators, "Andel inspektioner som genomförts enligt plan, %")
    assert share.goal_key == namnd.key and share.targets[0].target_value == 95
    assert [(v.period, v.value) for v in share.values] == [("2024", 88.0)]
    assert by_text(ext.indicators, "Antal livsmedelskontroller").goal_key == verksamhet.key
    action = by_text(ext.activities, "Införa digital inspektionsrapport")
    assert (action.goal_key, action.status) == (namnd.key, "Pågår")
    assert not [a for a in ext.activities if "miljöförvaltning" in a.text]  # an uppdrag, no item


def test_a_code_column_marks_the_goal_rows():
    doc = build([
        ("h", 1, "Mål och indikatorer"),
        ("t", ["Nr", "Mål och indikatorer", "Utfall 2024", "Målvärde 2026"], [
            ["KF 1", "Äldre i Linköping ska leva ett tryggt och självständigt liv", "", ""],
            ["ÄN 1.1", "Fler äldre ska kunna bo kvar hemma med stöd", "", ""],
            ["", "Andel brukare som känner sig trygga hemma, %", "84", "Minst 88 %"],
            ["", "Antal personal som en brukare möter under 14 dagar", "15", "Högst 14"],
        ]),
    ], organ="Äldrenämnden")
    ext = extract_items(doc)
    kf = by_text(ext.goals, "Äldre i Linköping ska leva ett tryggt och självständigt liv")
    home = by_text(ext.goals, "Fler äldre ska kunna bo kvar hemma med stöd")
    assert (kf.level, home.level, home.parent_key) == ("kf", "namnd", kf.key)
    assert len(ext.goals) == 2 and len(ext.indicators) == 2
    assert all(i.goal_key == home.key for i in ext.indicators)


def test_numbered_rows_among_dash_bulleted_indicators_are_goals_under_a_labelled_goal():
    doc = build([
        ("h", 1, "Mål, indikatorer och målvärden 2026", "4"),
        ("p", "Kommunfullmäktiges mål 1"),
        ("p", "Äldre örebroare har en trygg, aktiv och självständig vardag"),
        ("t", ["Nämndens mål och indikatorer", "Utfall 2024", "Utfall 2025", "Målvärde 2026"], [
            ["1.1 Fler äldre ska kunna bo kvar hemma med ett tryggt stöd", "", "", ""],
            ["– Andel hemtjänsttagare som känner sig trygga hemma (U21468)", "86 %", "87 %", "Minst 90 %"],
            ["1.2 Äldre ska ha tillgång till en meningsfull vardag", "", "", ""],
            ["– Antal besök per vecka på mötesplatser för seniorer", "1 210", "1 290", "Minst 1 400"],
        ]),
    ], organ="Vård- och omsorgsnämnden")
    ext = extract_items(doc)
    kf = by_text(ext.goals, "Äldre örebroare har en trygg, aktiv och självständig vardag")
    first = by_text(ext.goals, "Fler äldre ska kunna bo kvar hemma med ett tryggt stöd")
    second = by_text(ext.goals, "Äldre ska ha tillgång till en meningsfull vardag")
    assert kf.level == "kf" and first.parent_key == second.parent_key == kf.key
    assert [g.text for g in ext.goals if "indikatorer" in g.text] == []  # the heading is no goal area
    assert by_text(ext.indicators, "Andel hemtjänsttagare som känner sig trygga hemma (U21468)").goal_key == first.key
    visits = by_text(ext.indicators, "Antal besök per vecka på mötesplatser för seniorer")
    assert visits.goal_key == second.key and visits.targets[0].target_value == 1400


def test_group_rows_name_goals_by_number_and_marks_give_timeline_and_status():
    doc = build([
        ("h", 1, "Fler elever ska ta examen inom fyra år", "1.1"),
        ("h", 1, "Eleverna ska känna sig trygga i skolan", "1.2"),
        ("h", 1, "Åtaganden 2026"),
        ("t", ["Åtagande", "Ansvar", "Kv 1", "Kv 2", "Kv 3", "Kv 4"], [
            ["Nämndmål 1.1", "", "", "", "", ""],
            ["Införa en modell för tidig identifiering av elever i risk", "Rektorer", "X", "X", "X", "X"],
            ["Nämndmål 1.2", "", "", "", "", ""],
            ["Genomföra trygghetsvandringar med elevråden", "Rektorer", "", "X", "", "X"],
        ]),
        ("h", 1, "Uppföljning av aktiviteter"),
        ("t", ["Aktivitet", "Ansvar", "Klar", "Pågår", "Ej påbörjad"], [
            ["Ta fram ordningsregler för mobiltelefoner", "Rektorer", "", "X", ""],
            ["Samordna lokalnyttjandet mellan skolorna", "Förvaltningen", "X", "", ""],
        ]),
    ], organ="Utbildningsnämnden")
    ext = extract_items(doc)
    exam = by_text(ext.goals, "Fler elever ska ta examen inom fyra år")
    safe = by_text(ext.goals, "Eleverna ska känna sig trygga i skolan")
    assert len(ext.goals) == 2  # "Nämndmål 1.1" names a goal, it adds none
    early = by_text(ext.activities, "Införa en modell för tidig identifiering av elever i risk")
    walks = by_text(ext.activities, "Genomföra trygghetsvandringar med elevråden")
    assert (early.goal_key, early.timeline, early.responsible) == (exam.key, "Kv 1–Kv 4", "Rektorer")
    assert (walks.goal_key, walks.timeline) == (safe.key, "Kv 2, Kv 4")
    assert by_text(ext.activities, "Ta fram ordningsregler för mobiltelefoner").status == "Pågår"
    rooms = by_text(ext.activities, "Samordna lokalnyttjandet mellan skolorna")
    assert (rooms.status, rooms.timeline) == ("Klar", None)  # "Klar" heads a status mark, no deadline


def test_several_numbered_goals_in_one_cell_and_counts_that_are_no_items():
    doc = build([
        ("h", 1, "Mål"),
        ("t", ["Kommunfullmäktiges mål 2023–2026", "Nämndens mål 2025"], [
            ["1. Södertälje är en trygg kommun där alla kan växa.",
             "1.1 Fler invånare tar del av kultur- och fritidslivet. 1.2 Nämndens mötesplatser är trygga för alla."],
        ]),
        ("h", 1, "Målöversikt"),
        ("t", ["Nämndmål", "Indikatorer", "Åtaganden"], [["1.1", "6", "3"], ["1.2", "2", "2"]]),
    ], organ="Kultur- och fritidsnämnden")
    ext = extract_items(doc)
    kf = by_text(ext.goals, "Södertälje är en trygg kommun där alla kan växa.")
    parts = [by_text(ext.goals, "Fler invånare tar del av kultur- och fritidslivet."),
             by_text(ext.goals, "Nämndens mötesplatser är trygga för alla.")]
    assert [g.parent_key for g in parts] == [kf.key, kf.key]
    assert all(g.target is None or g.target.target_year is None for g in parts)  # "Nämndens mål 2025": the plan's year, no target year
    assert ext.indicators == [] and ext.activities == []


def test_an_indicator_card_laid_on_its_side():
    doc = build([
        ("h", 2, "Alla barn i förskolan ska utveckla sitt språk"),
        ("h", 4, "Andel årsarbetare i förskolan med förskollärarlegitimation, %"),
        ("p", "Källa: Kolada, N11805"),
        ("t", ["2023", "2024", "Tertial 2 2025"], [
            ["Utfall 39", "41", "44,5"], ["Målvärde Minst 42", "Minst 42", "Minst 44"]]),
    ], organ="Bildningsnämnden")
    ext = extract_items(doc)
    goal = by_text(ext.goals, "Alla barn i förskolan ska utveckla sitt språk")
    card = by_text(ext.indicators, "Andel årsarbetare i förskolan med förskollärarlegitimation, %")
    assert (card.goal_key, card.kolada_kpi) == (goal.key, "N11805")
    assert [(v.period, v.value) for v in card.values] == [("2023", 39.0), ("2024", 41.0), ("Tertial 2 2025", 44.5)]
    (target,) = card.targets  # the latest period's target; earlier ones were past years'
    assert (target.text, target.target_value, target.target_year) == ("Minst 44", 44.0, 2025)


@pytest.mark.parametrize(
    "cell, kind",
    [("KF-mål", "goal"), ("Nämdmål", "goal"), ("Indikator", "indicator"), ("Aktivitet", "activity"),
     ("Uppdrag", "none"), ("Fler elever ska klara målen", None)],
)
def test_kind_of_cell(cell, kind):
    assert T.kind_of_cell(cell) == kind


def test_goal_labels_and_codes():
    assert T.goal_label("Nämndmål 1.1 Fler elever ska ta examen") == ("Nämndmål", "1.1", "Fler elever ska ta examen")
    assert T.goal_label("Verksamhetsmål: Alla ska få en plan") == ("Verksamhetsmål", None, "Alla ska få en plan")
    assert T.goal_label("Nämndmål 1.1") == ("Nämndmål", "1.1", "")
    assert T.goal_label("Mål för verksamheten") is None  # a label needs its number or a colon
    assert [T.is_code(c) for c in ("KF 1", "ÄN 1.1", "V3", "1.1", "2026", "Andel")] == [
        True, True, True, True, False, False]
    assert C.bare_goal_label("Kommunfullmäktiges mål 1") == ("kommunfullmäktiges mål", "1")
    assert C.bare_goal_label("Kommunfullmäktiges mål 1 Äldre ska leva tryggt") is None


def test_a_header_naming_goals_and_indicators_is_an_indicator_column():
    assert C.column_role("Verksamhetsmål / indikator").role == "indicator"
    assert C.column_role("Nämndens mål och indikatorer").role == "indicator"
    assert C.column_role("Nämndmål").role == "goal"


def test_row_rules_validation(tmp_path):
    path = tmp_path / "rows.yaml"
    path.write_text((rules_dir() / "rows.yaml").read_text(encoding="utf-8") + "\nunknown_key: 1\n", encoding="utf-8")
    with pytest.raises(RulesError, match="rows.yaml: unknown key 'unknown_key'"):
        parse_rules(path, T.RowRules)
    rules = parse_rules(rules_dir() / "rows.yaml", T.RowRules)
    with pytest.raises(RulesError, match="row_kinds: unknown key.s. target; expected goal, indicator"):
        T.check_row_rules(rules.model_copy(update={"row_kinds": {**rules.row_kinds, "target": ["mål"]}}))
    with pytest.raises(RulesError, match="goal_code_pattern: not a regular expression"):
        T.check_row_rules(rules.model_copy(update={"goal_code_pattern": "([A-Z"}))


def test_coded_goals_in_running_text_name_their_parent_by_code():
    doc = build([
        ("h", 1, "Mål och indikatorer"),
        ("t", ["Nr", "Mål och indikatorer", "Utfall 2024", "Målvärde 2026"], [
            ["KF 1", "Äldre ska leva ett tryggt liv", "", ""],
            ["ÄN 1.2", "Beslut om insatser ska fattas snabbt", "", ""],
            ["", "Handläggningstid för hemtjänst, dagar", "19", "Högst 14"],
        ]),
        ("h", 1, "Verksamhetsmål för biståndshandläggningen"),
        ("p", "V1 Minst 90 procent av besluten om hemtjänst ska fattas inom 14 dagar från ansökan (ÄN 1.2). "
              "V2 En e-tjänst för ansökan om hemtjänst ska vara införd senast i juni 2026."),
        ("h", 1, "Aktiviteter 2026"),
        ("t", ["Nr", "Aktivitet", "Mål", "Ansvarig"], [
            ["1", "Införa en e-tjänst för ansökan om hemtjänst", "V2", "Socialförvaltningen"],
            ["2", "Korta handläggningen med ett mottagningsteam", "ÄN 1.2", "Socialförvaltningen"],
        ]),
    ], organ="Äldrenämnden")
    ext = extract_items(doc)
    quick = by_text(ext.goals, "Beslut om insatser ska fattas snabbt")
    v1 = by_text(ext.goals, "Minst 90 procent av besluten om hemtjänst ska fattas inom 14 dagar från ansökan.")
    v2 = by_text(ext.goals, "En e-tjänst för ansökan om hemtjänst ska vara införd senast i juni 2026.")
    assert (v1.level, v1.parent_key) == ("verksamhet", quick.key)
    assert v1.target.target_value == 90
    assert len(ext.goals) == 4  # "V2" and "ÄN 1.2" in the Mål column name goals, they add none
    assert by_text(ext.activities, "Införa en e-tjänst för ansökan om hemtjänst").goal_key == v2.key
    assert by_text(ext.activities, "Korta handläggningen med ett mottagningsteam").goal_key == quick.key


def test_lists_whose_lead_in_or_heading_names_their_goal_and_field_sub_bullets():
    doc = build([
        ("h", 1, "Antalet vårdskador ska minska", "3"),
        ("p", "Vårdskadorna har ökat sedan 2023."),
        ("h", 1, "Väntetiderna till operation ska minska", "4"),
        ("p", "Köerna till operation är längre än vårdgarantin."),
        ("p", "Aktiviteter 2026 som bidrar till nämndmål 3:"),
        ("li", "Införa strukturerad överrapportering vid alla överflyttningar."),
        ("h", 2, "Aktiviteter för nämndmål 4"),
        ("li", "Erbjuda vård hos annan vårdgivare genom en samlad vårdlots.", "1."),
        ("li", "Ansvar: Sjukhusförvaltningarna", "–"),
        ("li", "Klart: Juni 2026", "–"),
    ], organ="Hälso- och sjukvårdsnämnden")
    doc.blocks[-2].depth = doc.blocks[-1].depth = 1
    ext = extract_items(doc)
    harm = by_text(ext.goals, "Antalet vårdskador ska minska")
    wait = by_text(ext.goals, "Väntetiderna till operation ska minska")
    assert by_text(ext.activities, "Införa strukturerad överrapportering vid alla överflyttningar.").goal_key == harm.key
    lots = by_text(ext.activities, "Erbjuda vård hos annan vårdgivare genom en samlad vårdlots.")
    assert (lots.goal_key, lots.responsible, lots.timeline) == (wait.key, "Sjukhusförvaltningarna", "Juni 2026")
    assert len(ext.activities) == 2


def test_nested_action_lists_under_the_unit_doing_them_and_goal_numbers_in_parentheses():
    doc = build([
        ("h", 1, "Målområden och mål"),
        ("h", 2, "Ett Västerås där alla kan växa"),
        ("p", "Skillnaderna mellan skolorna är stora."),
        ("t", ["Kommunfullmäktiges mål", "Indikatorer och målvärden 2026"], [
            ["1.1 Fler elever ska klara sin utbildning.", "• Andel behöriga till gymnasiet: minst 87 %"],
            ["1.2 Fler unga ska gå vidare till arbete.", "• Andel unga i arbete: öka"],
        ]),
        ("h", 3, "Prioriterade insatser 2026"),
        ("li", "Grundskolenämnden"),
        ("li", "Utöka lovskolan till alla elever i årskurs 6–9 (mål 1.1)", "–"),
        ("li", "Utbildnings- och arbetsmarknadsnämnden"),
        ("li", "Starta ett jobbspår mot vård och omsorg (mål 1.2)", "–"),
        ("li", "Förlänga mätningen av kvävedioxid – Ansvarig: enheten för miljöskydd, klart december 2025"),
    ], organ="Kommunfullmäktige")
    for block in doc.blocks:
        block.depth = 1 if block.marker == "–" else 0
    ext = extract_items(doc)
    area = by_text(ext.goals, "Ett Västerås där alla kan växa")
    school = by_text(ext.goals, "Fler elever ska klara sin utbildning.")
    work = by_text(ext.goals, "Fler unga ska gå vidare till arbete.")
    assert (area.level, school.parent_key) == ("kf", area.key)
    lov = by_text(ext.activities, "Utöka lovskolan till alla elever i årskurs 6–9")
    spar = by_text(ext.activities, "Starta ett jobbspår mot vård och omsorg")
    assert (lov.goal_key, lov.responsible) == (school.key, "Grundskolenämnden")
    assert (spar.goal_key, spar.responsible) == (work.key, "Utbildnings- och arbetsmarknadsnämnden")
    no2 = by_text(ext.activities, "Förlänga mätningen av kvävedioxid")
    assert (no2.responsible, no2.timeline) == ("enheten för miljöskydd", "december 2025")
    assert not [a for a in ext.activities if a.text.endswith("nämnden")]  # the units are labels


def test_measures_followed_up_in_prose_and_a_column_naming_the_goal_served():
    doc = build([
        ("h", 1, "Programmet i korthet"),
        ("t", ["Målområde", "Etappmål"], [["Rik natur och friskt vatten",
                                            "NV1 Värdefull natur ska ha ett långsiktigt skydd."]]),
        ("h", 1, "Målområde 2: Rik natur och friskt vatten"),
        ("p", "NV1 Värdefull natur ska ha ett långsiktigt skydd."),
        ("p", "Skyddet sker genom naturreservat. Etappmålet följs upp med andelen skyddad natur av landarealen, "
              "som ska öka från 8,1 procent (2024) till minst 12 procent 2030, och med antalet naturreservat, "
              "som ska öka till minst 15 år 2030."),
        ("t", ["", "Målområde 1", "Målområde 2"], [["Agenda 2030", "Mål 7, 11 och 13", "Mål 6, 14 och 15"]]),
        ("h", 1, "Åtgärder"),
        ("t", ["Åtgärd Bilda naturreservat för Tullingeåsen och", "Bidrar till NV1", "Klart 2027"], [
            ["Kassmyraskogen.", "", ""],
            ["Ta fram en grönplan för tätortsnära natur", "Rik natur och friskt vatten", "2026"],
        ]),
    ], organ="Kommunfullmäktige")
    ext = extract_items(doc)
    nv1 = by_text(ext.goals, "Värdefull natur ska ha ett långsiktigt skydd.")  # its code is numbering
    share = by_text(ext.indicators, "andelen skyddad natur av landarealen, som ska öka från 8,1 procent (2024) "
                                    "till minst 12 procent 2030")
    (target,) = share.targets
    assert (target.target_value, target.baseline_value, target.target_year) == (12.0, 8.1, 2030)
    assert by_text(ext.indicators, "antalet naturreservat, som ska öka till minst 15 år 2030")
    assert not [g for g in ext.goals if g.text.startswith("Mål ")]  # Agenda 2030's goals by number
    # a header run together with the first row, its last words wrapped onto a row of their own
    reserve = by_text(ext.activities, "Bilda naturreservat för Tullingeåsen och Kassmyraskogen.")
    assert (reserve.goal_key, reserve.timeline) == (nv1.key, "2027")
    plan = by_text(ext.activities, "Ta fram en grönplan för tätortsnära natur")
    assert plan.goal_key == by_text(ext.goals, "Rik natur och friskt vatten").key
    assert len(ext.goals) == 2  # "Bidrar till" names goals, it adds none


def test_a_goal_table_numbering_its_goals_beside_a_cell_of_indicators_and_targets():
    """"Nr | Nämndmål | KF-mål | Mått och målnivå 2026": every row a goal
    (no mixed table), the last cell its indicators with their targets; the
    Nr cell codes the goal, and later tables name it by that code."""
    doc = build([
        ("h", 1, "Mål 2026"),
        ("li", "Karlskronaborna har goda förutsättningar för ett tryggt liv.", "A."),
        ("li", "Karlskrona kommun är en attraktiv arbetsgivare.", "B."),
        ("t", ["Nr", "Nämndmål 2026", "KF-mål", "Mått och målnivå 2026"], [
            ["1", "Äldre personer känner sig trygga i hemtjänsten.", "A",
             "• Andel brukare som känner sig trygga (U21468): minst 88 % (nuläge 85 % år 2025)\n"
             "• Läkemedelsavvikelser per 1 000 vårddygn: ska minska (nuläge 3,1 år 2025)"],
            ["2", "Medarbetarna har en hållbar arbetsmiljö.", "B",
             "• Sjukfrånvaro bland tillsvidareanställda, %: högst 8,0 (nuläge 9,4 år 2025)"],
        ]),
        ("h", 1, "Biståndshandläggning"),
        ("t", ["Nr", "Verksamhetsmål 2026", "Nämndmål"], [
            ["V1", "Handläggningstiden ska vara högst 30 dagar i genomsnitt.", "1"],
        ]),
        ("t", ["Åtgärd 2026", "Mål", "Kostnad, tkr", "Klart"], [
            ["Införa en e-tjänst för ansökan om hemtjänst.", "V1", "350", "Maj 2026"],
            ["Erbjuda validering på arbetstid.", "2", "Inom ram", "Hösten 2026"],
        ]),
    ], organ="Äldrenämnden")
    assert C.column_role("Mått och målnivå 2026") == C.Column("indicator", "Mått och målnivå 2026", year=2026)
    ext = extract_items(doc)
    safe = by_text(ext.goals, "Äldre personer känner sig trygga i hemtjänsten.")
    staff = by_text(ext.goals, "Medarbetarna har en hållbar arbetsmiljö.")
    v1 = by_text(ext.goals, "Handläggningstiden ska vara högst 30 dagar i genomsnitt.")
    assert len(ext.goals) == 5 and v1.parent_key == safe.key
    share = by_text(ext.indicators, "Andel brukare som känner sig trygga (U21468)")
    assert share.goal_key == safe.key
    assert (share.targets[0].target_value, share.targets[0].baseline_value) == (88, 85)
    fewer = by_text(ext.indicators, "Läkemedelsavvikelser per 1 000 vårddygn")
    assert fewer.targets[0].direction == "decrease"
    assert by_text(ext.indicators, "Sjukfrånvaro bland tillsvidareanställda, %").goal_key == staff.key
    assert by_text(ext.activities, "Införa en e-tjänst för ansökan om hemtjänst.").goal_key == v1.key
    assert by_text(ext.activities, "Erbjuda validering på arbetstid.").goal_key == staff.key


def test_goals_numbered_in_one_cell_group_rows_naming_them_and_indicators_under_their_name():
    doc = build([
        ("h", 1, "Nämndens bidrag till målen"),
        ("t", ["Övergripande mål", "Nämndens fokusområden 2026–2028"], [
            ["1. Trygga livsmiljöer i hela Nacka",
             "1.1 Gator och cykelvägar är trafiksäkra året runt 1.2 Parker är välskötta och tillgängliga för alla"],
            ["2. Ett starkt klimatarbete", "2.1 Fler resor sker till fots, med cykel och med kollektivtrafik"],
        ]),
        ("h", 1, "Fler resor sker till fots, med cykel och med kollektivtrafik", "2.1"),
        ("h", 2, "Antal cykelpassager per dygn vid fasta mätpunkter"),
        ("p", "Utfall 2023: 9 850 | Utfall 2024: 10 420 | Målnivå 2028: minst 12 000 | Källa: cykelräknare"),
        ("p", "Andel resor till fots, med cykel eller kollektivtrafik, %"),
        ("p", "Utfall 2019: 54 % | Utfall 2023: 61 % | Målnivå 2028: öka | Källa: resvaneundersökningen"),
        ("h", 1, "Åtgärdsplan 2026–2028"),
        ("t", ["Åtgärd", "Ansvarig", "2026", "2027", "2028"], [
            ["Fokusområde 1.1 Gator och cykelvägar är trafiksäkra året runt", "", "", "", ""],
            ["Bygga om tolv övergångsställen vid skolor", "Trafikenheten", "x", "x", ""],
            ["Fokusområde 1.2 Parker är välskötta och tillgängliga för alla", "", "", "", ""],
            ["Rusta upp lekplatserna i Fisksätra och Älta", "Parkenheten", "x", "", ""],
            ["Sätta upp belysning längs gångstråken i Ektorpsparken", "Parkenheten", "", "x", ""],
        ]),
    ])
    ext = extract_items(doc)
    assert len(ext.goals) == 5
    streets = by_text(ext.goals, "Gator och cykelvägar är trafiksäkra året runt")
    parks = by_text(ext.goals, "Parker är välskötta och tillgängliga för alla")
    travel = by_text(ext.goals, "Fler resor sker till fots, med cykel och med kollektivtrafik")
    assert streets.parent_key == by_text(ext.goals, "Trygga livsmiljöer i hela Nacka").key
    bikes = by_text(ext.indicators, "Antal cykelpassager per dygn vid fasta mätpunkter")
    assert bikes.goal_key == travel.key
    assert (bikes.targets[0].target_value, bikes.targets[0].target_year) == (12000, 2028)
    assert [(v.period, v.value) for v in bikes.values] == [("2023", 9850.0), ("2024", 10420.0)]
    share = by_text(ext.indicators, "Andel resor till fots, med cykel eller kollektivtrafik, %")
    assert share.targets[0].direction == "increase"
    assert len(ext.activities) == 3 and not [a for a in ext.activities if "Fokusområde" in a.text]
    assert by_text(ext.activities, "Bygga om tolv övergångsställen vid skolor").goal_key == streets.key
    assert by_text(ext.activities, "Sätta upp belysning längs gångstråken i Ektorpsparken").goal_key == parks.key


def test_goal_rows_opened_by_a_lettered_code_under_a_labelled_goal_row():
    doc = build([
        ("h", 1, "Mål och mätetal"),
        ("t", ["Mål och mätetal", "Utfall 2024", "Utfall 2025", "Målvärde 2026"], [
            ["Strategiskt mål 1: Länets invånare har en god och jämlik hälsa", "", "", ""],
            ["FS 1 Fler invånare ska ha goda levnadsvanor", "", "", ""],
            ["Andel vuxna som röker dagligen, %", "6,1", "5,6", "Högst 5,0"],
            ["Antal hälsosamtal i primärvården", "7 210", "7 540", "Minst 8 000"],
            ["FS 2 Alla vårdcentraler ska erbjuda videobesök", "", "", "Samtliga 44"],
        ]),
    ])
    ext = extract_items(doc)
    assert len(ext.goals) == 3 and len(ext.indicators) == 2
    health = by_text(ext.goals, "Länets invånare har en god och jämlik hälsa")
    habits = by_text(ext.goals, "Fler invånare ska ha goda levnadsvanor")
    video = by_text(ext.goals, "Alla vårdcentraler ska erbjuda videobesök")
    assert (habits.parent_key, video.parent_key) == (health.key, health.key)
    assert video.target is not None and video.target.text == "Samtliga 44"
    assert by_text(ext.indicators, "Andel vuxna som röker dagligen, %").goal_key == habits.key
    assert by_text(ext.indicators, "Antal hälsosamtal i primärvården").goal_key == habits.key
    assert T.lettered_code("FS 1 Fler invånare ska …") == ("FS 1", "Fler invånare ska …")
    assert T.lettered_code("1.1 Fler invånare") is None and T.code_scheme("ÄN 1.2") == "ÄN"


def test_a_goal_boxed_in_one_row_and_indicators_laid_out_as_columns():
    doc = build([
        ("h", 1, "Kommunfullmäktiges mål"),
        ("li", "Barn och unga ska få en god start i livet.", "A"),
        ("li", "Vänersborg ska vara en trygg kommun att växa upp i.", "B"),
        ("h", 1, "Trygghet och studiero"),
        ("t", [], [["Nämndmål 2\nKF-mål B", "Barn och elever ska känna sig trygga och ha studiero i skolan.",
                    "Prognos helår:\nUppfyllt"]]),
        ("t", ["Andel (%)", "Elever i åk 5 som känner sig trygga i skolan",
               "Elever i åk 8 som upplever studiero på lektionerna"], [
            ["Vt 2024", "87", "61"],
            ["Vt 2025", "90", "63"],
            ["Målvärde 2025", "Minst 90", "Öka"],
        ]),
    ])
    ext = extract_items(doc)
    safe = by_text(ext.goals, "Barn och elever ska känna sig trygga och ha studiero i skolan.")
    assert safe.level == "namnd" and safe.status == "met"
    assert safe.parent_key == by_text(ext.goals, "Vänersborg ska vara en trygg kommun att växa upp i.").key
    assert not [g for g in ext.goals if g.text == "Trygghet och studiero"]  # the box's title, no goal
    five = by_text(ext.indicators, "Elever i åk 5 som känner sig trygga i skolan")
    assert five.goal_key == safe.key
    assert (five.targets[0].target_op, five.targets[0].target_value, five.targets[0].target_year) == (">=", 90, 2025)
    assert [(v.period, v.value) for v in five.values] == [("Vt 2024", 87.0), ("Vt 2025", 90.0)]
    calm = by_text(ext.indicators, "Elever i åk 8 som upplever studiero på lektionerna")
    assert calm.targets[0].direction == "increase"
    assert T.goal_box([], [["Nämndmål 1 Fler ska …", "Text"]]) is None  # the label opens the goal's words


def test_an_indicator_header_naming_the_goal_and_a_summary_section():
    doc = build([
        ("h", 1, "Mål"),
        ("t", ["Kod", "Nämndmål"], [["SN 5", "Socialnämnden ska ha engagerade medarbetare."],
                                     ["SN 6", "Socialnämnden ska ha medarbetare som vill stanna."]]),
        ("h", 1, "Medarbetare"),
        ("t", ["Indikator för SN 6", "Målvärde 2025", "Utfall 2025"], [
            ["Personalomsättning bland socialsekreterare, %", "Högst 15 %", "18"]]),
        ("h", 1, "Sammanställning av måluppfyllelse"),
        ("t", ["Nämndmål", "Bedömning"], [["Socialnämnden ska ha engagerade medarbetare.", "Uppfyllt"]]),
    ], organ="Socialnämnden")
    ext = extract_items(doc)
    assert len(ext.goals) == 2
    stay = by_text(ext.goals, "Socialnämnden ska ha medarbetare som vill stanna.")
    assert by_text(ext.indicators, "Personalomsättning bland socialsekreterare, %").goal_key == stay.key


def test_a_shift_from_one_state_to_another_and_a_count_of_people_with_an_insats():
    doc = build([
        ("h", 1, "Verksamheten i siffror"),
        ("t", ["Antal personer med insats", "Dec 2024", "Dec 2025"], [["Daglig verksamhet enligt LSS", "4 026", "4 140"]]),
        ("h", 1, "Göteborg ska vara en jämlik stad där alla kan leva ett självständigt liv"),
        ("h", 2, "Vad vill vi uppnå?"),
        ("t", ["Nr", "Från (2025)", "Till (2028)"], [
            ["1", "Personalen bestämmer hur och när insatsen ges.",
             "Brukare bestämmer själva över sin vardag och är delaktiga i planeringen."]]),
    ], organ="Nämnden för funktionsstöd")
    ext = extract_items(doc)
    assert not ext.activities  # a count of people, no action
    shift = by_text(ext.goals, "Brukare bestämmer själva över sin vardag och är delaktiga i planeringen.")
    assert not [g for g in ext.goals if g.text.startswith("Personalen")]  # where it starts from is no goal
    assert shift.parent_key == by_text(ext.goals, "Göteborg ska vara en jämlik stad där alla kan leva ett självständigt liv").key


def test_goal_codes_with_a_letter_after_the_number():
    assert T.is_code("1a") and T.is_code("KF 2b") and not T.is_code("1x") and not T.is_code("Mål")


def test_a_numbered_goal_heading_its_table_a_satsning_column_and_a_card_with_field_lines():
    doc = build([
        ("h", 1, "Ett attraktivt Västervik att bo och verka i", "1"),
        ("t", ["Mål 1.1 Fler ska vilja bo och driva företag i kommunen.", "Utfall 2024", "Målnivå 2026"], [
            ["Antal nyregistrerade företag per 1 000 invånare", "3,9", "Minst 4,5"]]),
        ("t", ["Satsning 2026", "Nämnd", "Mål", "Tkr"], [
            ["Inrätta en gemensam företagslots", "Kommunstyrelsen", "1.1", "1 500"]]),
        ("h", 1, "Strategiskt mål 2: En nära vård"),
        ("t", [], [
            ["Nämndmål 2.1", "Fler invånare ska ha en fast vårdkontakt"],
            ["Styrtal", "Andel listade med fast läkarkontakt Utgångsläge: 36 % (2024) • Målvärde 2026: minst 45 %"],
            ["Aktivitet", "Införa en namngiven fast vårdkontakt Ansvarig: Division primärvård • Klart: mars 2026"],
        ]),
    ], organ="Kommunfullmäktige")
    ext = extract_items(doc)
    firms = by_text(ext.goals, "Fler ska vilja bo och driva företag i kommunen.")
    assert by_text(ext.indicators, "Antal nyregistrerade företag per 1 000 invånare").goal_key == firms.key
    assert by_text(ext.activities, "Inrätta en gemensam företagslots").goal_key == firms.key
    contact = by_text(ext.indicators, "Andel listade med fast läkarkontakt")
    assert (contact.targets[0].target_value, contact.targets[0].baseline_value) == (45, 36)
    care = by_text(ext.activities, "Införa en namngiven fast vårdkontakt")
    assert (care.responsible, care.timeline) == ("Division primärvård", "mars 2026")


def test_a_grid_of_goal_tiles_naming_the_coded_goals_under_them():
    assert T.goal_tile("Strategiskt mål 1 Västmanland ska ha en hållbar tillväxt i hela länet. "
                       "Nämndens mål: KTN 1, KTN 3") == (
        "Västmanland ska ha en hållbar tillväxt i hela länet.", "1", ["KTN 1", "KTN 3"])
    assert T.goal_tile("Strategiskt mål 2 Budget i balans") is None  # no statement
    doc = build([
        ("h", 2, "Regionfullmäktiges strategiska mål", "4.1"),
        ("t", [], [["Strategiskt mål 1 Västmanland ska ha en hållbar tillväxt i hela länet. Nämndens mål: KTN 1",
                    "Strategiskt mål 2 Invånarna ska ha ett högt förtroende för regionen. Nämndens mål: KTN 2"]]),
        ("h", 2, "Nämndens mål", "4.2"),
        ("b", "KTN 1 Resandet med kollektivtrafiken ska öka i hela länet."),
        ("p", "Fler resor med buss och tåg minskar trängseln och utsläppen och gör det möjligt att pendla "
              "till arbete och studier. Resandet ökade med fyra procent 2024."),
        ("b", "KTN 2 Resenärerna ska vara nöjda med kollektivtrafiken."),
        ("p", "Nöjdheten påverkas mest av punktligheten och av informationen när trafiken inte går som "
              "planerat. Under 2024 var fler förseningar än vanligt."),
        ("h", 1, "Aktiviteter 2026", "5"),
        ("t", ["Nämndmål", "Aktiviteter 2026"], [
            ["KTN 1", "• Införa en ny stomlinje mellan Västerås och Köping (Trafikplanering, augusti 2026)"],
            ["Gemensamt", "• Ta fram ett nytt trafikförsörjningsprogram (Förvaltningsledning, kvartal 4)"]]),
    ], organ="Kollektivtrafiknämnden")
    ext = extract_items(doc)
    growth = by_text(ext.goals, "Västmanland ska ha en hållbar tillväxt i hela länet.")
    trust = by_text(ext.goals, "Invånarna ska ha ett högt förtroende för regionen.")
    travel = by_text(ext.goals, "Resandet med kollektivtrafiken ska öka i hela länet.")
    happy = by_text(ext.goals, "Resenärerna ska vara nöjda med kollektivtrafiken.")
    assert len(ext.goals) == 4 and (travel.parent_key, happy.parent_key) == (growth.key, trust.key)
    line = by_text(ext.activities, "Införa en ny stomlinje mellan Västerås och Köping")
    assert (line.goal_key, line.responsible, line.timeline) == (travel.key, "Trafikplanering", "augusti 2026")
    programme = by_text(ext.activities, "Ta fram ett nytt trafikförsörjningsprogram")
    assert (programme.responsible, programme.timeline) == ("Förvaltningsledning", "kvartal 4")


def test_a_matrix_of_actions_under_goal_columns_and_a_header_read_as_the_first_row():
    doc = build([
        ("h", 1, "Kommunfullmäktiges mål och nämndens mål"),
        ("t", ["Nämndmål 1.1 Fler Täbybor ska ta del av kulturen.", "Utfall 2023", "Utfall 2024", "Målvärde 2026"],
         [["Antal besök på folkbiblioteken per invånare (N09890)", "4,1", "4,3", "Minst 4,5"]]),
        ("t", ["Nämndmål 2.2 Barn och unga ska ha tillgång till fritids- och kulturaktiviteter.", "Utfall 2023",
               "Utfall 2024", "Målvärde 2026"], [["Antal anpassade aktiviteter per vecka", "6", "8", "Minst 10"]]),
        ("t", [], [["Nämndmål 3.2 Lokalerna ska användas effektivt.", "Utfall 2023", "Utfall 2024", "Målvärde 2026"],
                   ["Beläggningsgrad i idrottshallarna, %", "87", "89", "Minst 92 %"]]),
        ("h", 1, "Aktiviteter 2026"),
        ("t", ["Verksamhet", "1.1 Kultur och bibliotek", "2.2 Fritid för alla", "3.2 Lokaler"], [
            ["Biblioteken", "Utöka de meröppna tiderna på filialerna.", "–", "–"],
            ["Idrott och friluftsliv", "–", "• Erbjuda simskola för barn.\n• Starta en musikgrupp.",
             "Byta till LED-belysning i fyra idrottshallar."]]),
    ], organ="Kultur- och fritidsnämnden")
    ext = extract_items(doc)
    culture = by_text(ext.goals, "Fler Täbybor ska ta del av kulturen.")
    access = by_text(ext.goals, "Barn och unga ska ha tillgång till fritids- och kulturaktiviteter.")
    rooms = by_text(ext.goals, "Lokalerna ska användas effektivt.")
    assert len(ext.goals) == 3
    assert by_text(ext.indicators, "Antal anpassade aktiviteter per vecka").goal_key == access.key
    assert by_text(ext.indicators, "Beläggningsgrad i idrottshallarna, %").targets[0].target_value == 92
    assert sorted((a.text, a.goal_key, a.responsible) for a in ext.activities) == sorted([
        ("Utöka de meröppna tiderna på filialerna.", culture.key, "Biblioteken"),
        ("Erbjuda simskola för barn.", access.key, "Idrott och friluftsliv"),
        ("Starta en musikgrupp.", access.key, "Idrott och friluftsliv"),
        ("Byta till LED-belysning i fyra idrottshallar.", rooms.key, "Idrott och friluftsliv")])


def test_indicators_as_columns_named_by_long_phrases():
    doc = build([
        ("h", 1, "Äldreomsorg"),
        ("p", "Nämndmål SN 3 Äldre ska kunna bo kvar hemma med en trygg hemtjänst."),
        ("t", ["", "Nöjda brukare i hemtjänsten, %", "Väntetid till särskilt boende, dagar"], [
            ["Utfall 2024", "86", "81"], ["Utfall 2025", "89", "58"], ["Målvärde 2025", "Minst 90", "Högst 60"]]),
    ], organ="Socialnämnden")
    ext = extract_items(doc)
    wait = by_text(ext.indicators, "Väntetid till särskilt boende, dagar")  # "tid" names no timeline here
    assert (wait.targets[0].target_op, wait.targets[0].target_value) == ("<=", 60)
    assert [v.text for v in by_text(ext.indicators, "Nöjda brukare i hemtjänsten, %").values] == ["86", "89"]


def test_marks_under_goal_columns_name_the_goal_served():
    """"Mål 1 | Mål 2 | Mål 3" with "X" and "(X)": the goal an action serves
    is the plain mark's; a bracketed mark only where no plain one stands."""
    columns = C.column_roles(["Nr", "Åtgärd", "Ansvar", "Mål 1", "Mål 2", "Mål 3"])
    rows = [["A1", "Företagslots", "Näringslivsenheten", "X", "(X)", ""],
            ["A2", "Detaljplan för Myggenäs norra", "Samhällsbyggnadsnämnden", "", "(X)", "X"],
            ["A3", "Evenemangsstöd", "Kultur- och fritidsnämnden", "", "(x)", ""]]
    marks = T.mark_columns(columns, rows)
    assert marks == {3: "goal", 4: "goal", 5: "goal"}
    assert [T.marked_goal(columns, marks, row) for row in rows] == ["1", "3", "2"]
    assert T.marked_fields(columns, marks, rows[0]) == {}
