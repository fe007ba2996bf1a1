"""extract_items on hand-made documents modelled on real plan layouts."""

from __future__ import annotations

import pytest

from .docbuilder import build
from planextract.extract import extract_items, parse_value
from planextract import prose

STODFRAGOR = [
    ("p", "Använd nedanstående stödfrågor i analysarbetet:"),
    ("li", "Finns avvikelser/oönskade resultat?"),
    ("li", "Åtgärdsförslag – prioriteringar på kort och lång sikt"),
]


def by_text(items, text):
    found = [item for item in items if item.text == text]
    assert len(found) == 1, f"{text!r} found {len(found)} times in {[i.text for i in items]}"
    return found[0]


# --------------------------------------------------------------------------
# A follow-up in the Sala layout: goal areas, utvecklingsmål, success
# indicators, result and activity tables, the board's own goals.
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sala_follow_up():
    doc = build([
        ("h", 1, "Social- och arbetsmarknadsnämnden"),
        ("h", 2, "Målområde"),
        ("h", 2, "Ett växande Sala"),
        ("p", "Växande har flera dimensioner. En viktig dimension är att individer ges möjlighet att utvecklas."),
        ("h", 2, "Kommunfullmäktiges utvecklingsmål"),
        ("p", "Sala ska erbjuda attraktiva boenden och verka för fler arbetstillfällen, stärkt näringsliv och bra utbildning i hela kommunen."),
        ("h", 3, "Detta ska nås genom att särskilt fokusera på att:"),
        ("li", "Arbeta proaktivt och ha beredskap vad gäller mark och planer"),
        ("h", 3, "Vi har lyckats när:"),
        ("li", "Antalet företag och arbetstillfällen ökar"),
        ("li", "Arbetslösheten minskar"),
        *STODFRAGOR,
        ("page",),
        ("h", 1, "Resultatanalys"),
        ("h", 1, "Ett växande Sala"),
        ("p", "Vilket/vilka av nämndens/kontorets resultat har en direkt koppling till ovanstående utpekade fokuspunkter?"),
        ("t", ["Resultat/indikator/nyckeltal", "Analys"], [[
            "Lägre antal aktuella hushåll som uppstår försörjningsstöd och fler i sysselsättning.",
            "Utifrån Aktivitetsplikten har fler och nya former av insatser tagits fram."]]),
        ("h", 1, "Aktivitetsuppföljning"),
        ("h", 1, "Ett växande Sala"),
        ("t", ["Aktiviteter", "Kommentar"], [[
            "Implementera aktivitetsplikten och utveckla verksamheter som kan möta upp de behov av insatser som finns.",
            "Fler personer i olika former av åtgärder och insatser."]]),
        ("page",),
        ("h", 1, "Målområde"),
        ("h", 1, "Ett hållbart Sala"),
        ("p", "Sala ska vara en socialt hållbar kommun för människor i livets alla skeden."),
        ("h", 1, "Kommunfullmäktiges utvecklingsmål"),
        ("p", "Fokus på människors hälsa och välmående genom hela livet."),
        ("h", 2, "Vi har lyckats när:"),
        ("li", "Koldioxidutsläppen minskar"),
        ("h", 1, "Nämndens egna utvecklingsmål"),
        ("h", 2, "Använd nedanstående stödfrågor i analysarbetet:"),
        ("li", "Finns avvikelser/oönskade resultat?"),
        ("h", 1, "Resultatanalys"),
        ("h", 2, "Vilka utvecklingsmål och konkreta aktiviteter har nämnden satt kopplat till grunduppdraget?"),
        ("t", ["Mål", "Aktivitet"], [
            ["100 % av enheterna använder sig av den kommunövergripande mallen för arbetsplatsträffar.",
             "Verksamheterna arbetar enligt rutinerna för SAM."],
            ["Minska sjukfrånvaron med 1 % -enhet.",
             "Aktivt arbete enligt kontorets tjänsteskrivelse \"Plan för minskning av sjuktalen 2023\"."]]),
        ("p", "Målet bedöms vara delvis uppnått."),
    ], organ="Social- och arbetsmarknadsnämnden")
    return extract_items(doc)


def test_sala_goal_areas_and_utvecklingsmal(sala_follow_up):
    ext = sala_follow_up
    area = by_text(ext.goals, "Ett växande Sala")
    assert (area.level, area.source, area.parent_key, area.page) == ("kf", "heading", None, 1)
    goal = by_text(ext.goals, "Sala ska erbjuda attraktiva boenden och verka för fler arbetstillfällen, stärkt näringsliv och bra utbildning i hela kommunen.")
    assert (goal.level, goal.parent_key) == ("kf", area.key)
    second = by_text(ext.goals, "Fokus på människors hälsa och välmående genom hela livet.")
    assert second.parent_key == by_text(ext.goals, "Ett hållbart Sala").key


def test_sala_restated_goal_areas_are_the_same_goal(sala_follow_up):
    assert [g.text for g in sala_follow_up.goals].count("Ett växande Sala") == 1


def test_sala_no_items_from_focus_lists_and_stodfragor(sala_follow_up):
    texts = {i.text for i in sala_follow_up.goals + sala_follow_up.indicators + sala_follow_up.activities}
    assert "Arbeta proaktivt och ha beredskap vad gäller mark och planer" not in texts
    assert "Finns avvikelser/oönskade resultat?" not in texts
    assert not any("dimensioner" in t for t in texts)


def test_sala_success_indicators_link_to_the_utvecklingsmal(sala_follow_up):
    ext = sala_follow_up
    goal = by_text(ext.goals, "Sala ska erbjuda attraktiva boenden och verka för fler arbetstillfällen, stärkt näringsliv och bra utbildning i hela kommunen.")
    ind = by_text(ext.indicators, "Arbetslösheten minskar")
    assert (ind.goal_key, ind.source) == (goal.key, "list")
    assert ind.targets and ind.targets[0].direction == "decrease"


def test_sala_result_and_activity_tables_link_to_the_restated_area(sala_follow_up):
    # "Ett växande Sala" named again: its items serve the area's utvecklingsmål
    ext = sala_follow_up
    area = by_text(ext.goals, "Sala ska erbjuda attraktiva boenden och verka för fler arbetstillfällen, stärkt näringsliv och bra utbildning i hela kommunen.")
    ind = by_text(ext.indicators, "Lägre antal aktuella hushåll som uppstår försörjningsstöd och fler i sysselsättning.")
    assert (ind.goal_key, ind.source, ind.page) == (area.key, "table", 2)
    act = by_text(ext.activities, "Implementera aktivitetsplikten och utveckla verksamheter som kan möta upp de behov av insatser som finns.")
    assert act.goal_key == area.key
    assert act.status == "Fler personer i olika former av åtgärder och insatser."


def test_sala_board_goals_from_a_goal_activity_table(sala_follow_up):
    ext = sala_follow_up
    goal = by_text(ext.goals, "Minska sjukfrånvaron med 1 % -enhet.")
    assert (goal.level, goal.source, goal.parent_key) == ("namnd", "table", None)
    assert goal.target.direction == "decrease" and goal.target.target_value == 1.0
    act = by_text(ext.activities, "Aktivt arbete enligt kontorets tjänsteskrivelse \"Plan för minskning av sjuktalen 2023\".")
    assert act.goal_key == goal.key
    assert (goal.status, goal.status_text) == ("partly", "Målet bedöms vara delvis uppnått.")


# --------------------------------------------------------------------------
# A verksamhetsplan: indicator tables with outcome years and footnotes,
# Målbild goals, action tables "Åtgärd | Aktivitet | Ansvarig | Tidplan".
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def verksamhetsplan():
    doc = build([
        ("h", 1, "Inledning"),
        ("p", "Verksamhetsplanen ska tydliggöra vår väg framåt."),
        ("h", 1, "Verksamhetsansvar"),
        ("h", 2, "POLITISKA UPPDRAG FRÅN UNDERLAG BUDGET 2024 STRATEGISKPLAN 2025 - 2027"),
        ("li", "Styrelse och nämnder ska se över möjligheterna till ökad intäktsfinansiering av sin verksamhet."),
        ("h", 1, "Ekonomi"),
        ("t", ["Tkr", "Bokslut 2023", "Budget 2024", "Budget 2025"], [["Kostnader", "211 610", "183 974", "179 731"]]),
        ("h", 1, "Kommunfullmäktiges utvecklingsmål"),
        ("h", 2, "ETT HÅLLBART SALA"),
        ("p", "Detta mål behandlar områdena hållbarhet. Sala ska vara en socialt hållbar kommun."),
        ("t", ["Indikator", "Nyckeltal", "Mål", "2022", "2023"], [
            ["Egenförsörjningen bland medborgarna ökar", "Individer med ekonomiskt bistånd räknat i helårsekvivalenter", "Öka", "127", "- *"],
            ["Krisberedskap i alla verksamheter", "Antal utbildade", "Öka", "- **", "- **"],
            ["Bedrivs enligt beslutade anslag", "Antal verksamheter med budget i balans", "Budget i balans", "Ej uppfyllt", "Ej uppfyllt"],
            ["Ökad frisknärvaro", "Sjukfrånvaro", "Minska med 1 % enhet", "Uppfyllt", "Uppfyllt"]]),
        ("p", "* Resultat saknas utifrån byte av verksamhetssystem"),
        ("h", 3, "NULÄGESANALYS"),
        ("p", "Analys:"),
        ("li", "Egenförsörjningen har ökat."),
        ("h", 3, "MÅLBILD"),
        ("p", "För att nå måluppfyllelse enligt Kommunfullmäktiges utvecklingsmål behöver kontoret;"),
        ("li", "Fortsätta utvecklingsarbetet mellan Ekonomiskt bistånd och Arbetsmarknadsenheten."),
        ("li", "Krisberedskap i alla verksamheter."),
        ("li", "Budget i balans."),
        ("li", "Minska sjukfrånvaron med 1 % - enhet. Arbeta enligt kontorets tjänsteskrivelse ” Plan för minskning av sjuktagen 2023”."),
        ("li", "Utveckla och förbättra samverkan med Äldre- och omsorgsnämnden."),
        ("page",),
        ("h", 3, "STRATEGI OCH GENOMFÖRANDE"),
        ("t", ["Åtgärd", "Aktivitet", "Ansvarig", "Tiplan", "Uppföljning (när/hur)"], [
            ["Aktivitetsplikt", "Arbetar efter upprättad plan för Aktivitetsplikten", "Socialchef Verksamhetschef", "2025", "När: Delår och Årsbokslut"],
            ["Minska sjukfrånvaron med 1 % enhet", "Arbeta med kontorets tjänsteskrivelse ”Plan för minskning av sjuktagen 2023”",
             "Socialchef Verksamhetschef", "2025", "När: Delår och Årsbokslut Hur: Mätning sjukstatistik"]]),
        ("h", 2, "ETT TRYGGT OCH RÄTTVIST SALA"),
        ("t", ["Indikator", "Nyckeltal", "Mål", "2022", "2023"], [["Familjecentral", "Lämplig lokal", "Hitta lämplig lokal", "-", "**"]]),
    ], organ="Social- och arbetsmarknadsnämnden")
    return extract_items(doc)


def test_plan_goal_areas_and_malbild(verksamhetsplan):
    ext = verksamhetsplan
    area = by_text(ext.goals, "ETT HÅLLBART SALA")
    assert area.level == "kf"
    # the area's utvecklingsmål stated in its introduction
    stated = by_text(ext.goals, "Sala ska vara en socialt hållbar kommun.")
    assert (stated.level, stated.parent_key, stated.source) == ("kf", area.key, "prose")
    malbild = by_text(ext.goals, "Budget i balans.")
    assert (malbild.level, malbild.parent_key, malbild.source) == ("verksamhet", stated.key, "list")
    assert malbild.target.direction == "maintain"
    assert len([g for g in ext.goals if g.parent_key == stated.key]) == 5
    texts = {g.text for g in ext.goals}
    assert not any("uppdrag" in t or "intäktsfinansiering" in t or "Verksamhetsplanen" in t for t in texts)
    assert "Egenförsörjningen har ökat." not in texts | {i.text for i in ext.indicators}


def test_plan_indicator_table(verksamhetsplan):
    ext = verksamhetsplan
    area = by_text(ext.goals, "Sala ska vara en socialt hållbar kommun.")
    ind = by_text(ext.indicators, "Egenförsörjningen bland medborgarna ökar")
    assert ind.measure == "Individer med ekonomiskt bistånd räknat i helårsekvivalenter"
    assert [(t.text, t.direction) for t in ind.targets] == [("Öka", "increase")]
    assert [(v.period, v.value) for v in ind.values] == [("2022", 127.0)]  # "- *" is no value
    assert ind.goal_key == area.key
    sick = by_text(ext.indicators, "Ökad frisknärvaro")
    assert sick.targets[0].target_value == 1.0 and sick.targets[0].direction == "decrease"
    assert [(v.period, v.text) for v in sick.values] == [("2022", "Uppfyllt"), ("2023", "Uppfyllt")]
    # the Målbild goal worded like it comes after it: the indicator serves the area
    assert by_text(ext.indicators, "Krisberedskap i alla verksamheter").goal_key == area.key
    lokal = by_text(ext.indicators, "Familjecentral")
    assert lokal.targets[0].direction == "reach" and lokal.values == []
    assert lokal.goal_key == by_text(ext.goals, "ETT TRYGGT OCH RÄTTVIST SALA").key


def test_plan_action_table(verksamhetsplan):
    ext = verksamhetsplan
    act = by_text(ext.activities, "Minska sjukfrånvaron med 1 % enhet")
    assert act.detail == "Arbeta med kontorets tjänsteskrivelse ”Plan för minskning av sjuktagen 2023”"
    assert (act.responsible, act.timeline) == ("Socialchef Verksamhetschef", "2025")
    assert act.follow_up == "När: Delår och Årsbokslut Hur: Mätning sjukstatistik"
    assert act.page == 2 and act.source == "table"
    # serves the goal it words, not the last goal of the Målbild list
    assert act.goal_key == by_text(ext.goals, "Minska sjukfrånvaron med 1 % - enhet. Arbeta enligt kontorets tjänsteskrivelse ” Plan för minskning av sjuktagen 2023”.").key
    # no goal worded like it: the goal of the area it follows
    assert by_text(ext.activities, "Aktivitetsplikt").goal_key == by_text(ext.goals, "Sala ska vara en socialt hållbar kommun.").key


def test_plan_budget_table_yields_nothing(verksamhetsplan):
    assert not any("Kostnader" in i.text for i in verksamhetsplan.indicators)


# --------------------------------------------------------------------------
# A Götene-style programme: numbered goal headings with Indikatorer lists,
# KF goals in a list, and an appendix table restating the goals.
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def programme():
    doc = build([
        ("h", 1, "2 Inledning"),
        ("p", "Kommunfullmäktige har gett socialnämnden i uppdrag att ta fram ett program."),
        ("h", 2, "2.3 För-dig-perspektivet – vår gemensamma värdegrund"),
        ("p", "Personen ska uppleva ett bemötande som:"),
        ("li", "Stärker din Förmåga"),
        ("h", 2, "2.4 Kommunens strategiska mål"),
        ("p", "Det socialpolitiska programmet tar hänsyn till de av kommunfullmäktige fastställda strategiska målen för 2020-2022. Strategiska mål är politiskt prioriterade mål för mandatperioden."),
        ("p", "Kommunfullmäktiges nuvarande strategiska mål är:"),
        ("li", "Ökad nytta för alla kommuninvånare inom befintlig ekonomi."),
        ("li", "En kommun som är attraktiv att bo, besöka och verka i."),
        ("h", 1, "5 Socialnämndens politiska mål och indikatorer"),
        ("p", "Det konkreta arbetet med socialnämndens mål sker i respektive verksamhets handlingsplan."),
        ("h", 2, "5.1 Alla brukare inom socialnämndens verksamheter ska erbjudas en meningsfull vardag"),
        ("p", "För att öka den enskildes livskvalitet är det viktigt att erbjuda en meningsfull vardag."),
        ("h", 3, "Indikatorer"),
        ("p", "Alla verksamheter"),
        ("li", "Det ska finnas tillgängliga mötesplatser för alla åldrar inom socialnämndens verksamheter."),
        ("p", "Äldreomsorg"),
        ("li", "Andelen brukare inom särskilt boende som är nöjda med de aktiviteter som erbjuds på boendet ska öka."),
        ("h", 2, "5.3 Brukarna känner trygghet med socialnämndens insatser"),
        ("h", 3, "5.3.1 Indikatorer"),
        ("li", "Andelen brukare i särskilt boende som känner sig trygga ska öka."),
        ("h", 1, "6 Sammanfattning"),
        ("h", 2, "Bostadsbrist"),
        ("p", "Därför har socialnämnden som mål att behovet av trygghetsboende ska tillgodoses."),
        ("page",),
        ("h", 1, "8 Bilaga: socialnämndens mål 2020-2022 förlängda till och med 2023"),
        ("t", ["Strategiska mål", "Socialnämndens mål 2020-2023", "Indikatorer", "Uppföljning/ utvärdering"], [
            ["Ökad nytta för alla kommuninvånare inom befintlig ekonomi.",
             "Alla brukare inom socialnämnden ska erbjudas en meningsfull vardag",
             "Äldreomsorg\nAndelen brukare inom särskilt boende som är nöjda med de aktiviteter som erbjuds på boendet "
             "ska öka från 60 % (2022) till minst 70 % fram till och med 2023",
             "Nationell brukarenkät särskilt boende, 1g/år, Socialstyrelsen"],
            ["", "",
             "Individ- och familjeomsorg\nAndel barnfamiljer med långvarigt ekonomiskt bistånd ska vara maximalt 2,0 % "
             "och helst minska fram till och med 2023.",
             "KOLADA mått (N31805)"],
        ]),
    ])
    return extract_items(doc)


def test_programme_goal_headings(programme):
    ext = programme
    goal = by_text(ext.goals, "Alla brukare inom socialnämndens verksamheter ska erbjudas en meningsfull vardag")
    assert (goal.level, goal.source) == ("namnd", "heading")
    assert by_text(ext.goals, "Brukarna känner trygghet med socialnämndens insatser").level == "namnd"
    kf = by_text(ext.goals, "Ökad nytta för alla kommuninvånare inom befintlig ekonomi.")
    assert kf.level == "kf"
    # the appendix restates the goal: the same goal, now under its KF goal
    assert goal.parent_key == kf.key
    assert len(ext.goals) == 4
    texts = {g.text for g in ext.goals}
    assert "Stärker din Förmåga" not in texts


def test_programme_indicator_lists_and_group_labels(programme):
    ext = programme
    goal = by_text(ext.goals, "Alla brukare inom socialnämndens verksamheter ska erbjudas en meningsfull vardag")
    ind = by_text(ext.indicators, "Andelen brukare inom särskilt boende som är nöjda med de aktiviteter som erbjuds på boendet ska öka.")
    assert ind.goal_key == goal.key and ind.targets[0].direction == "increase"
    assert not any(i.text in ("Äldreomsorg", "Alla verksamheter") for i in ext.indicators)
    other = by_text(ext.indicators, "Andelen brukare i särskilt boende som känner sig trygga ska öka.")
    assert other.goal_key == by_text(ext.goals, "Brukarna känner trygghet med socialnämndens insatser").key


def test_programme_appendix_targets_and_kolada(programme):
    ext = programme
    goal = by_text(ext.goals, "Alla brukare inom socialnämndens verksamheter ska erbjudas en meningsfull vardag")
    ind = by_text(ext.indicators, "Andelen brukare inom särskilt boende som är nöjda med de aktiviteter som erbjuds på boendet ska öka från 60 % (2022) till minst 70 % fram till och med 2023")
    target = ind.targets[0]
    assert (target.direction, target.target_op, target.target_value, target.unit, target.target_year) == ("increase", ">=", 70.0, "%", 2023)
    assert (target.baseline_value, target.baseline_year) == (60.0, 2022)
    assert ind.goal_key == goal.key and ind.page == 2
    cont = by_text(ext.indicators, "Andel barnfamiljer med långvarigt ekonomiskt bistånd ska vara maximalt 2,0 % och helst minska fram till och med 2023.")
    assert cont.goal_key == goal.key  # merged goal cells continue downwards
    assert cont.kolada_kpi == "N31805"


# --------------------------------------------------------------------------
# A financial follow-up: no goals at all.
# --------------------------------------------------------------------------


def test_financial_follow_up_yields_nothing():
    doc = build([
        ("p", "Socialnämnden"),
        ("h", 1, "Månadsuppföljning maj 2026"),
        ("p", "Socialnämnden redovisar ett prognostiserat underskott om 12 mnkr för helåret."),
        ("h", 1, "Ekonomisk uppföljning"),
        ("t", ["Verksamhet (tkr)", "Budget 2026", "Utfall maj", "Prognos helår", "Avvikelse"],
         [["Äldreomsorg", "120 000", "51 000", "123 000", "-3 000"], ["Summa", "300 000", "130 000", "312 000", "-12 000"]]),
        ("h", 1, "Åtgärder för en budget i balans"),
        ("p", "Nämnden ska vidta åtgärder för att nå en budget i balans. Förvaltningen ser över bemanningen."),
        ("h", 1, "Prognos"),
        ("li", "Kostnaderna för placeringar ska minska under hösten."),
        ("h", 1, "Viktiga händelser"),
        ("li", "Ny förvaltningschef har anställts."),
    ], organ="Socialnämnden")
    ext = extract_items(doc)
    assert ext.goals == [] and ext.indicators == []


@pytest.mark.parametrize("text, value", [("37,4", 37.4), ("1 104", 1104.0), ("61 %", 61.0), ("-", None), ("Uppfyllt", None)])
def test_parse_value(text, value):
    assert parse_value(text) == value


def test_action_headings_with_description_subheadings():
    doc = build([
        ("h", 1, "Handlingsplan 2026"),
        ("h", 1, "Verksamhetsanpassa schemat"),
        ("h", 2, "Beskrivning av åtgärd"),
        ("p", "Bemanningen läggs utifrån deltagarnas behov av stöd."),
        ("h", 2, "Risker"),
        ("p", "Otrygghet hos personal."),
        ("h", 2, "Uppföljning"),
        ("p", "Kontinuerliga uppföljningar med verksamhetskontroller."),
        ("h", 1, "Samlokalisera KTS och KTV"),
        ("h", 2, "Beskrivning av åtgärd"),
        ("p", "Lokalerna är inte anpassade."),
    ])
    ext = extract_items(doc)
    assert [a.text for a in ext.activities] == ["Verksamhetsanpassa schemat", "Samlokalisera KTS och KTV"]
    assert ext.activities[0].follow_up == "Kontinuerliga uppföljningar med verksamhetskontroller."
    assert ext.activities[0].source == "heading" and ext.goals == []


def test_coded_actions_in_running_text_serve_the_goal_their_area_names():
    doc = build([
        ("h", 1, "Kommunfullmäktiges klimatmål"),
        ("p", "Kommunfullmäktige har beslutat om följande mål för klimat och energi:"),
        ("li", "Utsläppen av fossil koldioxid ska minska med minst 65 procent per invånare till år 2030."),
        ("li", "Kommunkoncernens verksamheter ska vara fossilfria senast år 2030."),
        ("h", 1, "Insatsområden och åtgärder"),
        ("h", 2, "Kommunkoncernens fordon och maskiner"),
        ("p", "Åtgärderna inom området bidrar till målet om fossilfria verksamheter i kommunkoncernen."),
        ("p", "F1 Byta samtliga personbilar och lätta lastbilar till"),
        ("p", "elfordon vid ordinarie utbyte. Ansvarig: Kommunledningsförvaltningen. Tidplan: 2025–2027."),
        ("p", "F2 Ställa krav på fossilfria drivmedel. Ansvarig: Upphandlingsenheten. Tidplan: 2025."),
        ("h", 1, "Indikatorer för uppföljning"),
        ("t", ["Mål", "Indikator", "Målvärde 2030"], [["1", "Utsläpp av fossil koldioxid per invånare, ton", "Högst 1,6 ton"]]),
        ("h", 1, "Kalender"),
        ("t", ["Datum", "Aktivitet"], [["12 mars", "Uppstart med budgeten 2027."]]),
    ])
    ext = extract_items(doc)
    fossil = by_text(ext.goals, "Kommunkoncernens verksamheter ska vara fossilfria senast år 2030.")
    act = by_text(ext.activities, "Byta samtliga personbilar och lätta lastbilar till elfordon vid ordinarie utbyte.")
    assert (act.responsible, act.timeline, act.goal_key) == ("Kommunledningsförvaltningen", "2025–2027", fossil.key)
    assert by_text(ext.activities, "Ställa krav på fossilfria drivmedel.").timeline == "2025"
    ind = by_text(ext.indicators, "Utsläpp av fossil koldioxid per invånare, ton")
    assert ind.goal_key == ext.goals[0].key  # "1": the first goal of the list
    assert ind.targets[0].target_year == 2030
    assert len(ext.activities) == 2  # the calendar is not activities


# --------------------------------------------------------------------------
# An action plan: numbered areas, a goal stated under each, numbered actions
# with a description and a table of who does what when.
# --------------------------------------------------------------------------

FIELDS = ["Förvaltning/Bolag", "Ansvarig", "Tidsplan"]


@pytest.fixture(scope="module")
def action_plan():
    doc = build([
        ("h", 1, "Handlingsplan för klimat och energi"),
        ("h", 2, "Åtgärdsplan"),
        ("li", "Minskad energianvändning", "1."),
        ("p", "Blekinge bidrar till Sveriges mål om 50 procent effektivare energianvändning till år 2030 jämfört med 2005."),
        ("h", 3, "Tilläggsisolera, byta fönster osv.", "1.1"),
        ("p", "Vid större planerade åtgärder tilläggsisoleras fastigheterna."),
        ("t", FIELDS, [["Kommunledningsförv", "Teknisk chef", "31 maj 2026"], ["Miljöförbundet", "", ""],
                       ["Olofströms Hus AB", "Fastighetschef", "31 maj 2026"]]),
        ("p", "1.2 Utred möjligheterna för en bil- och elcykelpool av de kommunala"),
        ("p", "tjänstefordonen som står stilla på kvällar och helger."),
        ("t", FIELDS, [["Kommunledningsförv", "Miljösamordnare", "31 dec 2023"]]),
        ("li", "Förnybar energi", "2."),
        ("p", "Blekinges elproduktion är 100 procent förnybar år 2040. Solelen ska stå för cirka 5 procent av elanvändningen senast år 2030."),
        ("h", 3, "Ta fram en lista för lämpliga tak för solcellsetablering.", "2.1"),
        ("p", "Utreda och sammanställa en lista över tak."),
        ("t", FIELDS, [["Kommunledningsförv", "Teknisk chef", "31 dec 2025"]]),
    ])
    return extract_items(doc)


def test_action_plan_areas_and_their_stated_goals(action_plan):
    ext = action_plan
    area = by_text(ext.goals, "Minskad energianvändning")
    assert (area.level, area.parent_key) == ("kf", None)
    stated = by_text(ext.goals, "Blekinge bidrar till Sveriges mål om 50 procent effektivare energianvändning till år 2030 jämfört med 2005.")
    assert stated.parent_key == area.key
    # two dated sentences: two goals
    other = by_text(ext.goals, "Förnybar energi")
    assert by_text(ext.goals, "Blekinges elproduktion är 100 procent förnybar år 2040.").parent_key == other.key
    solar = by_text(ext.goals, "Solelen ska stå för cirka 5 procent av elanvändningen senast år 2030.")
    assert solar.target is not None and solar.target.target_year == 2030
    assert len(ext.goals) == 5


def test_action_plan_actions_with_fields_serve_their_area(action_plan):
    ext = action_plan
    area = by_text(ext.goals, "Minskad energianvändning")
    act = by_text(ext.activities, "Tilläggsisolera, byta fönster osv.")
    assert act.detail == "Vid större planerade åtgärder tilläggsisoleras fastigheterna."
    assert act.responsible == "Kommunledningsförv: Teknisk chef; Olofströms Hus AB: Fastighetschef"
    assert (act.timeline, act.source, act.goal_key) == ("31 maj 2026", "heading", area.key)
    # an action numbered in running text, its title broken over two lines
    pool = by_text(ext.activities, "Utred möjligheterna för en bil- och elcykelpool av de kommunala tjänstefordonen som står stilla på kvällar och helger.")
    assert (pool.responsible, pool.timeline, pool.goal_key) == ("Kommunledningsförv: Miljösamordnare", "31 dec 2023", area.key)
    roof = by_text(ext.activities, "Ta fram en lista för lämpliga tak för solcellsetablering.")
    assert roof.goal_key == by_text(ext.goals, "Förnybar energi").key
    assert len(ext.activities) == 3


# --------------------------------------------------------------------------
# Goals and actions in running text: directions one a paragraph, their
# follow-up goal by goal, "Målet är att ..." sentences.
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def prose_follow_up():
    doc = build([
        ("h", 1, "Uppföljning inriktning budget"),
        ("h", 1, "Inriktning budget 2026"),
        ("p", "Inriktningen i budget framgår nedan och därefter följer en redovisning av förvaltningens insatser."),
        ("p", "Det långsiktiga arbetet med tidiga insatser för att elever i årskurs 3 ska klara de nationella proven fortsätter."),
        ("p", "De ökade resurserna till förskolor och skolor syftar till att minska arbetsbelastningen."),
        ("h", 2, "Uppföljning per område"),
        ("h", 3, "Tidiga insatser"),
        ("p", "Det långsiktiga arbetet med tidiga insatser för att elever i årskurs 3 ska klara de nationella proven fortsätter."),
        ("p", "Arbetet inriktas under året mot att stärka stödet. Målet är att alla skolor ska ha fungerande rutiner vid utgången av 2026. "
              "Under våren genomförs uppföljningar av skolornas handlingsplaner. Syftet är att skapa en sammanhållen struktur."),
        ("h", 3, "Förbättra arbetsmiljön"),
        ("p", "De ökade resurserna till förskolor och skolor syftar till att minska arbetsbelastningen."),
        ("p", "I förvaltningens uppföljning konstateras att arbetet fungerar väl. Mallar och checklistor ska ses över."),
        ("h", 2, "Sammanfattning"),
        ("p", "Arbetet med tidiga insatser pågår enligt plan."),
    ], organ="Barn- och ungdomsnämnden")
    return extract_items(doc)


def test_directions_one_a_paragraph_are_goals(prose_follow_up):
    ext = prose_follow_up
    early = by_text(ext.goals, "Det långsiktiga arbetet med tidiga insatser för att elever i årskurs 3 ska klara de nationella proven fortsätter.")
    assert (early.level, early.source) == ("namnd", "prose")
    assert not any("framgår nedan" in g.text for g in ext.goals)


def test_follow_up_goal_sentences_and_actions(prose_follow_up):
    ext = prose_follow_up
    early = by_text(ext.goals, "Det långsiktiga arbetet med tidiga insatser för att elever i årskurs 3 ska klara de nationella proven fortsätter.")
    goal = by_text(ext.goals, "Målet är att alla skolor ska ha fungerande rutiner vid utgången av 2026.")
    assert (goal.level, goal.parent_key, goal.target.target_year) == ("verksamhet", early.key, 2026)
    act = by_text(ext.activities, "Under våren genomförs uppföljningar av skolornas handlingsplaner.")
    assert (act.goal_key, act.source) == (goal.key, "prose")
    work = by_text(ext.activities, "Mallar och checklistor ska ses över.")
    assert work.goal_key == by_text(ext.goals, "De ökade resurserna till förskolor och skolor syftar till att minska arbetsbelastningen.").key
    # purposes, findings and directions are no actions; nor is a summary outside the follow-up
    assert [a.text for a in ext.activities] == [act.text, work.text]
    assert len(ext.goals) == 3


def test_areas_named_by_prefix_and_their_shifts():
    doc = build([
        ("h", 1, "Strategiska utvecklingsområden"),
        ("h", 2, "Samverkan"),
        ("p", "Målet är en mer sammanhållen biblioteksverksamhet där invånare ges goda möjligheter att ta del av utbudet."),
        ("h", 2, "Utvecklingsområde Läsfrämjande"),
        ("p", "Läsfrämjande är ett av bibliotekens kärnuppdrag."),
        ("h", 3, "Förflyttningar folkbibliotek"),
        ("p", "Folkbiblioteket fortsätter arbetet med att stärka Alingsås som litteraturstad. Biblioteket ska uppmuntra lustläsning."),
    ], organ="Kultur- och utbildningsnämnden")
    ext = extract_items(doc)
    area = by_text(ext.goals, "Läsfrämjande")
    assert (area.level, area.source) == ("kf", "heading")
    shift = by_text(ext.goals, "Folkbiblioteket fortsätter arbetet med att stärka Alingsås som litteraturstad. Biblioteket ska uppmuntra lustläsning.")
    assert (shift.level, shift.parent_key) == ("verksamhet", area.key)
    whole = by_text(ext.goals, "Målet är en mer sammanhållen biblioteksverksamhet där invånare ges goda möjligheter att ta del av utbudet.")
    assert whole.target is None  # a direction, no level or year to reach
    assert len(ext.goals) == 3 and ext.activities == []


def test_goals_after_labels_means_and_a_followed_up_appendix():
    doc = build([
        ("h", 1, "Mål- och medeluppföljning"),
        ("p", "Samhällsmål – framtida tillstånd: ökad tillgång till arbete, utbildning och fritid"),
        ("h", 3, "Mål – tågresandet ska tredubblas"),
        ("p", "Målet enligt målbilden är att tågtrafiken ska tredubblas från 10,5 miljoner resor år 2006 till 39 miljoner resor 2035."),
        ("h", 3, "Medel – infrastrukturen byggs ut för att klara trafikökningen"),
        ("h", 1, "Bilaga 1 – uppföljning av infrastrukturåtgärder"),
        ("t", ["Åtgärd", "Målår", "Status"], [["Mötesstation Grohed", "2017", "Genomfört"]]),
    ])
    ext = extract_items(doc)
    assert by_text(ext.goals, "ökad tillgång till arbete, utbildning och fritid").source == "prose"
    end = by_text(ext.goals, "tågresandet ska tredubblas")
    assert end.target is not None and end.target.target_value == 39.0
    means = by_text(ext.goals, "infrastrukturen byggs ut för att klara trafikökningen")
    assert means.parent_key == end.key
    assert by_text(ext.activities, "Mötesstation Grohed").goal_key == means.key


def test_goals_named_by_number_in_tables_and_headings():
    doc = build([
        ("h", 1, "Mål, indikatorer och aktiviteter"),
        ("h", 2, "Attraktiv arbetsgivare"),
        ("t", ["Nämndmål", "Indikator", "Målvärde 2026"], [
            ["Nämndmål 3. Sjukfrånvaron bland nämndens medarbetare ska minska.", "Sjukfrånvaro totalt, %", "Högst 8,0 %"],
            ["Nämndmål 4. Fler medarbetare ska ha rätt utbildning.", "Andel undersköterskor, %", "Minst 80 %"]]),
        ("h", 3, "Aktiviteter – nämndmål 3"),
        ("li", "Tidig kontakt med företagshälsovården vid upprepad korttidsfrånvaro."),
        ("h", 3, "Aktiviteter – nämndmål 4"),
        ("li", "Erbjuda validering av reell kompetens till alla vårdbiträden."),
    ], organ="Vård- och omsorgsnämnden")
    ext = extract_items(doc)
    area = by_text(ext.goals, "Attraktiv arbetsgivare")
    sick = by_text(ext.goals, "Sjukfrånvaron bland nämndens medarbetare ska minska.")
    assert sick.parent_key == area.key
    assert by_text(ext.activities, "Tidig kontakt med företagshälsovården vid upprepad korttidsfrånvaro.").goal_key == sick.key
    skills = by_text(ext.goals, "Fler medarbetare ska ha rätt utbildning.")
    assert by_text(ext.activities, "Erbjuda validering av reell kompetens till alla vårdbiträden.").goal_key == skills.key
    assert by_text(ext.indicators, "Sjukfrånvaro totalt, %").targets[0].target_year == 2026


def test_targets_by_row_label_and_group_rows():
    doc = build([
        ("h", 1, "Bilaga 2 – hastigheter per bana"),
        ("t", ["Bana", "Hastighet 2013 (km/h)", "Hastighet 2035 enligt målbild (km/h)", "Hastighet nuläge (km/h)"], [
            ["Bohusbanan: Strömstad–Göteborg", "90–140", "110–160", "90–140"],
            ["Göteborg – Borås kommer inte att uppnå 320 km/h.", "", "", ""],
            ["Älvsborgsbanan: Uddevalla–Borås", "90–160", "160", "90–160"]]),
        ("h", 1, "Bilaga 1 – infrastrukturåtgärder"),
        ("t", ["Åtgärd", "Målår", "Status"], [
            ["Bohusbanan, Strömstad - Göteborg", "", ""],
            ["Mötesstation Grohed", "2017", "Genomfört"],
            ["Förlängda mötesspår i Säve och Kode", "2020", "Ej beslutat"],
            ["Plattformsförlängningar till 250 m", "2028", "Beslutat"]]),
    ])
    ext = extract_items(doc)
    assert [i.text for i in ext.indicators] == ["Bohusbanan: Strömstad–Göteborg", "Älvsborgsbanan: Uddevalla–Borås"]
    speed = ext.indicators[1]
    assert [v.period for v in speed.values] == ["2013", "Hastighet nuläge (km/h)"]
    assert speed.targets[0].target_value == 160.0
    assert [a.text for a in ext.activities] == [
        "Mötesstation Grohed", "Förlängda mötesspår i Säve och Kode", "Plattformsförlängningar till 250 m"]
    assert ext.activities[0].status == "Genomfört"


def test_headings_of_background_goals_by_level_are_no_goals():
    doc = build([
        ("h", 1, "Mål för hållbar utveckling"),
        ("p", "Många mål på internationell, nationell och kommunal nivå utgör en grund för arbetet."),
        ("h", 2, "Regional nivå"),
        ("li", "Strategisk plan för ökad cykling i Västra Götaland (VGR, 2024)"),
        ("h", 1, "Fokusområden"),
        ("p", "För att nå målen har två fokusområden tagits fram."),
        ("li", "Beteendepåverkande åtgärder"),
        ("h", 1, "Kvaliteter"),
        ("p", "Nio kvaliteter har tagits fram."),
    ])
    ext = extract_items(doc)
    assert [g.text for g in ext.goals] == []


def test_measure_labels_titles_and_focus_lists():
    doc = build([
        ("h", 1, "Målområden och mål"),
        ("p", "MÅLOMRÅDE 1"),
        ("h", 2, "Lärande och arbete"),
        ("h", 3, "Kommunfullmäktiges mål"),
        ("li", "Fler elever ska nå kunskapskraven."),
        ("p", "Så här mäter vi"),
        ("li", "Andelen behöriga elever ska öka från 82 % (2024) till minst 87 % år 2028."),
        ("li", "Fler vuxna ska bli självförsörjande."),
        ("p", "Så här mäter vi"),
        ("li", "Andelen hushåll med långvarigt ekonomiskt bistånd ska understiga 1,5 % år 2028."),
        ("h", 1, "Förskolenämndens mål"),
        ("p", "Under året fokuserar vi särskilt på:"),
        ("li", "språkutveckling och läsning"),
        ("h", 1, "Verksamhetsmål 2026"),
        ("h", 2, "Språk och läsning"),
        ("p", "Vårt mål är att alla barn varje dag ska möta böcker och berättande."),
        ("t", ["Så här vet vi att vi lyckas", "Utfall 2025", "Målvärde 2026"], [
            ["Antal avdelningar med ett utsett läsombud", "5", "Alla 12"], ["Så här gör vi", "", ""]]),
        ("li", "Vi läser högt för barnen i mindre grupper minst en gång om dagen."),
    ], organ="Kommunfullmäktige")
    ext = extract_items(doc)
    area = by_text(ext.goals, "Lärande och arbete")
    assert area.level == "kf"
    pupils = by_text(ext.goals, "Fler elever ska nå kunskapskraven.")
    adults = by_text(ext.goals, "Fler vuxna ska bli självförsörjande.")
    assert by_text(ext.indicators, "Andelen behöriga elever ska öka från 82 % (2024) till minst 87 % år 2028.").goal_key == pupils.key
    assert by_text(ext.indicators, "Andelen hushåll med långvarigt ekonomiskt bistånd ska understiga 1,5 % år 2028.").goal_key == adults.key
    books = by_text(ext.goals, "Vårt mål är att alla barn varje dag ska möta böcker och berättande.")
    assert by_text(ext.indicators, "Antal avdelningar med ett utsett läsombud").goal_key == books.key
    assert by_text(ext.activities, "Vi läser högt för barnen i mindre grupper minst en gång om dagen.").goal_key == books.key
    texts = {g.text for g in ext.goals}
    assert "Språk och läsning" not in texts and "språkutveckling och läsning" not in texts
    assert len(ext.goals) == 4


def test_areas_listed_by_number_in_one_paragraph():
    doc = build([
        ("h", 1, "Kommunövergripande mål"),
        ("p", "Fullmäktige beslutar om vilka fokusområden som blir mål. Förslaget är följande:"),
        ("p", "Fokusområde 1 – Hållbarhet i näringsliv och arbetsmarknad Fokusområde 9 – Klimatanpassning"),
        ("p", "Målområde 2: Trygghet. Fokus ligger på att alla ska känna sig trygga i hela kommunen under hela året."),
    ], organ="Kommunstyrelsen")
    ext = extract_items(doc)
    assert [g.text for g in ext.goals[:2]] == ["Hållbarhet i näringsliv och arbetsmarknad", "Klimatanpassning"]
    assert ext.goals[0].level == "kf"
    assert not any(g.text.startswith("Trygghet.") for g in ext.goals)


# --------------------------------------------------------------------------
# Target columns: year and unit from the header, unit from the indicator's words
# --------------------------------------------------------------------------


def test_target_cell_completed_from_header_and_indicator():
    doc = build([
        ("h", 1, "Mål och indikatorer"),
        ("t", ["Indikator", "Mål 2026"], [
            ["Antal besök per månad på kommunens träffpunkter", "Minst 900"],
            ["Handläggningstid för bygglov, median, veckor", "Högst 5"],
            ["Andel nöjda brukare, %", "Öka"],
        ]),
        ("h", 1, "Hastigheter"),
        ("t", ["Bana", "Hastighet 2013 (km/h)", "Hastighet 2035 enligt målbild (km/h)"], [
            ["Bohusbanan: Strömstad–Göteborg", "90–140", "110–160"],
            ["Älvsborgsbanan: Uddevalla–Borås", "90–160", "160"],
        ]),
    ])
    ext = extract_items(doc)
    visits = by_text(ext.indicators, "Antal besök per månad på kommunens träffpunkter").targets[0]
    assert (visits.target_op, visits.target_value, visits.unit, visits.target_year) == (">=", 900.0, "antal", 2026)
    weeks = by_text(ext.indicators, "Handläggningstid för bygglov, median, veckor").targets[0]
    assert (weeks.unit, weeks.target_year) == ("veckor", 2026)
    more = by_text(ext.indicators, "Andel nöjda brukare, %").targets[0]
    assert (more.direction, more.unit, more.target_year) == ("increase", None, None)
    span = by_text(ext.indicators, "Bohusbanan: Strömstad–Göteborg").targets[0]
    assert (span.direction, span.target_value, span.unit, span.target_year) == ("reach", None, "km/h", 2035)
    level = by_text(ext.indicators, "Älvsborgsbanan: Uddevalla–Borås").targets[0]
    assert (level.direction, level.target_value, level.unit, level.target_year) == ("reach", 160.0, "km/h", 2035)


def test_table_goal_keeps_its_level_unless_its_indicators_carry_the_target():
    doc = build([
        ("h", 1, "God ekonomisk hushållning"),
        ("t", ["Finansiella mål", "Nyckeltal"], [
            ["Årets resultat ska utgöra minst 2 procent av skatteintäkterna.", "Mäts genom bokföringen, resultaträkningen"],
        ]),
        ("h", 1, "Kommunens mål"),
        ("t", ["Mål", "Indikator", "Målvärde"], [
            ["Fler vuxna ska bli självförsörjande genom arbete eller studier.",
             "Andel deltagare som går vidare till arbete, %", "Minst 40 %"],
        ]),
    ])
    ext = extract_items(doc)
    result = by_text(ext.goals, "Årets resultat ska utgöra minst 2 procent av skatteintäkterna.")
    assert result.target is not None and (result.target.target_op, result.target.target_value) == (">=", 2.0)
    assert by_text(ext.indicators, "Mäts genom bokföringen, resultaträkningen").goal_key == result.key
    directed = by_text(ext.goals, "Fler vuxna ska bli självförsörjande genom arbete eller studier.")
    assert directed.target is None  # its indicator's "Minst 40 %" is the target


def test_form_fields_printed_as_paragraphs():
    """A form without borders: each paragraph opens with its field name."""
    doc = build([
        ("h", 1, "Mål för verksamheten"),
        ("p", "Verksamhetsmål med inriktning på god ekonomisk hushållning Kommunen ska ha en frisknärvaro som ska vara minst 95 %."),
        ("p", "Koppling till god ekonomisk hushållning God hälsa är en tillgång för individen och organisationen."),
        ("p", "Nyckeltal Statistik frisknärvaro (större än 2022)"),
        ("p", "Verksamhetsmål med inriktning på god ekonomisk hushållning Kommunen ska skapa ett rikt utbud inom kultur och fritid."),
        ("p", "Nyckeltal Mäts genom antal besök inom egna verksamheter (ska öka i jämförelse med 2022)"),
    ])
    ext = extract_items(doc)
    assert [g.text for g in ext.goals] == [
        "Kommunen ska ha en frisknärvaro som ska vara minst 95 %.",
        "Kommunen ska skapa ett rikt utbud inom kultur och fritid.",
    ]
    health, culture = ext.goals
    assert (health.target.target_op, health.target.target_value, health.target.unit) == (">=", 95.0, "%")
    presence = by_text(ext.indicators, "Statistik frisknärvaro (större än 2022)")
    assert presence.goal_key == health.key
    assert (presence.targets[0].text, presence.targets[0].direction, presence.targets[0].baseline_year) == (
        "större än 2022", "increase", 2022)
    visits = by_text(ext.indicators, "Mäts genom antal besök inom egna verksamheter (ska öka i jämförelse med 2022)")
    assert visits.goal_key == culture.key and visits.targets[0].direction == "increase"


def test_a_field_name_once_is_no_form():
    doc = build([
        ("h", 1, "Mål för verksamheten"),
        ("p", "Nyckeltal Kolada visar att kommunen ligger över riket i de flesta mått."),
    ])
    ext = extract_items(doc)
    assert ext.indicators == [] and ext.goals == []


def test_goal_sentences_by_their_grammar():
    doc = build([
        ("h", 1, "Övergripande information"),
        ("p", "Kravet på god ekonomisk hushållning omfattar verksamhet och ekonomi. Det finansiella målet för "
              "god ekonomisk hushållning 2027 är ett positivt resultat på 1 procent av omsättningen."),
        ("h", 1, "Uppföljning"),
        ("p", "Ett av revisorernas egna delmål är att mer än hälften av yrkesrevisorerna ska vara certifierade.1 "
              "Certifiering utfärdas av en oberoende nämnd."),
        ("p", "Avsikten med nedan angivna verksamhetsmål är att de ska ge en samlad bild."),
        ("p", "Kommunens mål för cykling är att;"),
    ])
    ext = extract_items(doc)
    assert [g.text for g in ext.goals] == [
        "Det finansiella målet för god ekonomisk hushållning 2027 är ett positivt resultat på 1 procent av omsättningen.",
        "Ett av revisorernas egna delmål är att mer än hälften av yrkesrevisorerna ska vara certifierade.",
    ]
    target = ext.goals[0].target
    assert (target.direction, target.target_op, target.target_value, target.unit, target.target_year) == (
        "reach", "=", 1.0, "%", 2027)


def test_goal_named_by_its_noun_and_headings_about_goals():
    doc = build([
        ("h", 1, "Strategin ska bidra till klimatmålen för länet"),
        ("p", "Sedan 2009 finns ett gemensamt klimatmål i länet – att vara en fossiloberoende region år 2030. "
              "Klimatmålet innebär att utsläppen av växthusgaser ska minska med 80 procent från 1990 års nivå till år 2030."),
        ("h", 1, "De ska tillsammans bidra till att uppfylla den gemensamma visionen"),
    ])
    ext = extract_items(doc)
    assert [g.text for g in ext.goals] == [
        "Sedan 2009 finns ett gemensamt klimatmål i länet – att vara en fossiloberoende region år 2030.",
        "Klimatmålet innebär att utsläppen av växthusgaser ska minska med 80 procent från 1990 års nivå till år 2030.",
    ]
    assert ext.goals[0].target.target_year == 2030


def test_paragraphs_under_goal_and_action_headings_by_their_grammar():
    """Bullets the layout lost: each short paragraph states one item."""
    doc = build([
        ("h", 1, "Våra mål"),
        ("p", "Arbetet bedrivs i nära samverkan med skolorna och socialtjänsten i hela kommunen."),
        ("p", "Ökad andel elever som känner sig trygga i skolan"),
        ("p", "Vi ska minska sjukfrånvaron bland medarbetarna."),
        ("h", 1, "Indikatorer"),
        ("p", "Andel elever i årskurs 9 som känner sig trygga i skolan ska öka."),
        ("p", "Indikatorerna följs upp i delårsrapporten."),
        ("h", 1, "Aktiviteter"),
        ("p", "Utveckla samverkan med elevhälsan."),
        ("p", "Implementera den nya rutinen för avvikelser."),
        ("p", "Arbetet har pågått under hela året och följs upp i december."),
    ])
    ext = extract_items(doc)
    assert [g.text for g in ext.goals] == [
        "Ökad andel elever som känner sig trygga i skolan",
        "Vi ska minska sjukfrånvaron bland medarbetarna.",
    ]
    safe = by_text(ext.indicators, "Andel elever i årskurs 9 som känner sig trygga i skolan ska öka.")
    assert len(ext.indicators) == 1 and safe.targets[0].direction == "increase"
    assert safe.goal_key is not None
    assert [a.text for a in ext.activities] == [
        "Utveckla samverkan med elevhälsan.",
        "Implementera den nya rutinen för avvikelser.",
    ]


@pytest.mark.parametrize("sentence, action", [
    ("Utifrån beslutet har förvaltningen specificerat hur lärare ska ges möjlighet att delta.", True),
    ("Nämnden har även genomfört en utbildning för alla chefer.", True),
    ("Inom elevhälsan sker en kompetenshöjande insats.", True),
    ("Ledningsgruppen fortsätter samtidigt att arbeta med förutsättningarna.", True),
    ("Under 2024 har socialtjänsten och skolan infört gemensamma trygghetsmöten.", True),
    ("Andelen behöriga lärare har ökat under året.", False),
    ("Resultatet bedöms som gott.", False),
])
def test_action_sentences_by_their_verb(sentence, action):
    from planextract import prose

    assert prose.is_action_sentence(sentence) is action


def test_indicator_words_wrapped_onto_rows_of_their_own_and_notes():
    doc = build([
        ("h", 1, "Måluppfyllelse"),
        ("h", 2, "En stad med minskad klimatpåverkan"),
        ("t", ["Mål", "Bedömning", "Kommentar"], [
            ["Andelen resor med gång, cykel och kollektivtrafik ska öka.", "Målet bedöms inte uppnås", "Oförändrat."],
        ]),
        ("t", ["Indikator", "Utfall 2024", "Målvärde 2025"], [
            ["Andel resor med gång, cykel och kollektivtrafik enligt resvaneundersökning,", "41", "Minst 45 %"],
            ["%", "", ""],
            ["Antal cykelpassager vid mätpunkten", "2 910", "Öka"],
            ["Drottningtorget, per dygn", "", ""],
            ["– = mäts vid årets slut.", "", ""],
        ]),
    ])
    ext = extract_items(doc)
    assert [i.text for i in ext.indicators] == [
        "Andel resor med gång, cykel och kollektivtrafik enligt resvaneundersökning, %",
        "Antal cykelpassager vid mätpunkten Drottningtorget, per dygn",
    ]
    area = by_text(ext.goals, "En stad med minskad klimatpåverkan")
    goal = by_text(ext.goals, "Andelen resor med gång, cykel och kollektivtrafik ska öka.")
    assert goal.parent_key == area.key


def test_goal_target_from_its_column_when_no_indicator():
    doc = build([
        ("h", 1, "God ekonomisk hushållning"),
        ("t", ["Finansiellt mål", "Målvärde"], [
            ["Soliditet inklusive samtliga pensionsförpliktelser", "Ska inte understiga 40 %"],
            ["Nämndernas ekonomiska utfall", "Budget i balans"],
        ]),
    ])
    ext = extract_items(doc)
    solidity = by_text(ext.goals, "Soliditet inklusive samtliga pensionsförpliktelser").target
    assert (solidity.text, solidity.target_op, solidity.target_value, solidity.unit) == (
        "Ska inte understiga 40 %", ">=", 40.0, "%")
    assert by_text(ext.goals, "Nämndernas ekonomiska utfall").target.direction == "maintain"


@pytest.mark.parametrize("sentence", [
    "Övrigt arbete för att förbättra arbetsmiljön planeras att ske inom ramen för det ordinarie arbetet.",
    "Dessa insatser genomförs under hösten.",
    "Förvaltningens arbete planeras i en särskild handlingsplan.",
])
def test_summaries_of_actions_are_no_actions(sentence):
    from planextract import prose

    assert not prose.is_action_sentence(sentence)


@pytest.mark.parametrize("text, expected", [
    ("Blekinge bidrar till Sveriges mål om 50 procent effektivare energianvändning till år 2030 jämfört med 2005.",
     ("increase", None, 50.0, "%", 2030, 2005)),
    ("Blekinges elproduktion är 100 procent förnybar år 2040.", ("reach", "=", 100.0, "%", 2040, None)),
    ("Sveriges mål om en fossiloberoende fordonsflotta är uppnått till år 2030.", ("reach", None, None, None, 2030, None)),
])
def test_dated_statements_set_their_target(text, expected):
    from planextract.column_targets import dated_target

    t = dated_target(text)
    assert (t.direction, t.target_op, t.target_value, t.unit, t.target_year, t.baseline_year) == expected


def test_no_year_no_dated_target():
    from planextract.column_targets import dated_target

    assert dated_target("Blekinge ska ha 100 procent förnybar el.") is None


def test_goal_target_read_in_the_main_clause():
    from planextract.column_targets import goal_target

    t = goal_target("Öka cyklingens attraktivitet genom att skapa förutsättningar för att fler ska kunna cykla.")
    assert t.direction == "increase" and t.text.startswith("Öka cyklingens attraktivitet genom att")
    assert goal_target("Utveckla handledarskapet") is None


def test_explanations_under_goal_headings_are_no_goals():
    doc = build([
        ("h", 1, "Våra mål"),
        ("p", "Arbetet ska ske i nära samverkan med skolorna."),
        ("p", "För att nå dit ska nämnden prioritera tidiga insatser."),
        ("p", "Alla barn ska känna sig trygga i förskolan."),
    ])
    ext = extract_items(doc)
    assert [g.text for g in ext.goals] == ["Alla barn ska känna sig trygga i förskolan."]


def test_sentence_fragments_in_action_lists_are_no_actions():
    doc = build([
        ("h", 1, "Genomförande"),
        ("p", "Genomförandet av strategin"),
        ("li", "sker i dialog och samverkan, med utgångspunkt i kunskap och lärande."),
        ("li", "i dialog och samverkan"),
        ("li", "bygga regional kapacitet och samordning"),
    ])
    ext = extract_items(doc)
    assert [a.text for a in ext.activities] == ["bygga regional kapacitet och samordning"]


def test_goal_list_items_continuing_a_sentence():
    doc = build([
        ("h", 1, "Strategins mål"),
        ("li", "pekar ut riktningen framåt och handlar om behovet av omställning."),
        ("li", "i ett svårt ekonomiskt läge ska välfärden prioriteras."),
    ])
    ext = extract_items(doc)
    assert [g.text for g in ext.goals] == ["i ett svårt ekonomiskt läge ska välfärden prioriteras."]


def test_the_one_paragraph_a_goal_lead_in_announces():
    doc = build([
        ("h", 1, "God ekonomisk hushållning"),
        ("p", "Enligt kommunallagen ska kommunen ange mål med inriktning på god ekonomisk hushållning."),
        ("p", "Som övergripande finansiellt mål i kommunen gäller:"),
        ("p", "Ekonomin sätter gränsen för verksamhetens omfattning."),
        ("p", "Utifrån de strategiska målen fastställer nämnderna sina egna mål."),
    ])
    ext = extract_items(doc)
    assert [g.text for g in ext.goals] == ["Ekonomin sätter gränsen för verksamhetens omfattning."]


def test_activity_heading_by_its_head_noun_and_inline_fields_of_listed_activities():
    doc = build([
        ("h", 1, "Fler barn och unga ska ha en aktiv och meningsfull fritid"),
        ("h", 2, "Genomförda och pågående aktiviteter"),
        ("li", "Införa gemensam kartläggning i matematik i årskurs 7. Ansvar: rektorer 7–9. Tid: ht 2025.", "1."),
        ("li", "Öppna träningar för flickor i fyra idrottshallar på helgerna."),
    ])
    ext = extract_items(doc)
    first = by_text(ext.activities, "Införa gemensam kartläggning i matematik i årskurs 7.")
    assert (first.responsible, first.timeline) == ("rektorer 7–9", "ht 2025")
    assert by_text(ext.activities, "Öppna träningar för flickor i fyra idrottshallar på helgerna.")


def test_the_goal_a_goal_contributes_to_is_its_parent_not_the_scope_of_what_follows():
    doc = build([
        ("h", 1, "Måluppfyllelse"),
        ("h", 2, "Fler barn och unga ska ha en aktiv och meningsfull fritid"),
        ("p", "Bidrar till kommunfullmäktiges mål: Luleå ska vara en attraktiv kommun att växa upp i."),
        ("t", ["Nyckeltal", "2024", "Mål 2025"], [["Antal besök i Ungdomens hus", "41 200", "45 000"]]),
        ("h", 2, "Fritidsgårdarna ska vara trygga mötesplatser"),
        ("p", "Bidrar till kommunfullmäktiges mål: Luleå ska vara en attraktiv kommun att växa upp i."),
        ("h", 3, "Genomförda aktiviteter"),
        ("li", "Två fritidsledare har utbildats i konflikthantering."),
    ])
    ext = extract_items(doc)
    kf = by_text(ext.goals, "Luleå ska vara en attraktiv kommun att växa upp i.")
    fritid = by_text(ext.goals, "Fler barn och unga ska ha en aktiv och meningsfull fritid")
    trygga = by_text(ext.goals, "Fritidsgårdarna ska vara trygga mötesplatser")
    assert fritid.parent_key == kf.key and trygga.parent_key == kf.key and kf.parent_key is None
    assert by_text(ext.indicators, "Antal besök i Ungdomens hus").goal_key == fritid.key
    assert by_text(ext.activities, "Två fritidsledare har utbildats i konflikthantering.").goal_key == trygga.key


def test_an_action_table_names_goals_numbered_inside_a_goal_table():
    doc = build([
        ("h", 1, "Mål och indikatorer"),
        ("t", ["Mål", "Indikator", "Målvärde 2025"], [
            ["1. Antalet bränder i bostäder ska minska.", "Antal bränder i bostäder", "Högst 5,0"],
            ["2. Den enskilde ska få hjälp snabbt vid en olycka.", "Medianresponstid, minuter", "Högst 12"],
        ]),
        ("h", 1, "Aktiviteter"),
        ("t", ["Nr", "Aktivitet", "Mål", "Ansvarig"], [
            ["A1", "Samverka med ambulansen om gemensam utlarmning.", "2", "Räddningschef"],
            ["A2", "Kampanj om brandvarnare och spisvakter.", "1", "Förebyggande"],
        ]),
    ])
    ext = extract_items(doc)
    fires = by_text(ext.goals, "Antalet bränder i bostäder ska minska.")
    rescue = by_text(ext.goals, "Den enskilde ska få hjälp snabbt vid en olycka.")
    assert by_text(ext.activities, "Samverka med ambulansen om gemensam utlarmning.").goal_key == rescue.key
    assert by_text(ext.activities, "Kampanj om brandvarnare och spisvakter.").goal_key == fires.key


def test_an_utgangslage_column_is_the_baseline_of_the_target():
    doc = build([
        ("h", 1, "Mål 1. Fler invånare ska känna sig trygga i centrum"),
        ("t", ["Indikator", "Utgångsläge", "Målvärde 2027"], [
            ["Andel invånare som känner sig trygga i centrum kvällstid", "62 % (2024)", "Minst 70 %"],
            ["Anmälda skadegörelsebrott", "1 412 (2023)", "Minska"],
        ]),
    ])
    ext = extract_items(doc)
    safe = by_text(ext.indicators, "Andel invånare som känner sig trygga i centrum kvällstid").targets[0]
    crime = by_text(ext.indicators, "Anmälda skadegörelsebrott").targets[0]
    assert (safe.target_value, safe.baseline_value, safe.baseline_year) == (70, 62, 2024)
    assert (crime.direction, crime.baseline_value, crime.baseline_year) == ("decrease", 1412, 2023)


def test_a_goal_number_alone_in_a_list_labels_the_actions_under_it():
    doc = build([
        ("h", 1, "Fler ska ha den kompetens som arbetslivet efterfrågar", "1"),
        ("t", ["Delmål", "Mått", "Målvärde 2028"], [
            ["1.1 Fler unga ska fullfölja gymnasiet.", "Gymnasieexamen inom fyra år, andel (%)", "Minst 80 %"],
            ["1.2 Fler vuxna ska delta i yrkesutbildning.", "Deltagare i regionalt yrkesvux, antal", "Minst 900"],
        ]),
        ("h", 2, "Åtgärdsförslag"),
        ("li", "Delmål 1.2", "•"),
        ("li", "Utöka regionalt yrkesvux med fler platser inom vård.", "–"),
        ("li", "Delmål 1.1", "•"),
        ("li", "Fördela projektmedel till kommuner som arbetar mot avhopp.", "–"),
    ])
    for block in doc.blocks:
        block.depth = 1 if block.marker == "–" else 0
    ext = extract_items(doc)
    assert [a.text for a in ext.activities] == [
        "Utöka regionalt yrkesvux med fler platser inom vård.",
        "Fördela projektmedel till kommuner som arbetar mot avhopp.",
    ]
    adults = by_text(ext.goals, "Fler vuxna ska delta i yrkesutbildning.")
    young = by_text(ext.goals, "Fler unga ska fullfölja gymnasiet.")
    assert [a.goal_key for a in ext.activities] == [adults.key, young.key]


# --------------------------------------------------------------------------
# Plans carried by labelled paragraphs, goal cards and brochure delmål
# --------------------------------------------------------------------------


def test_labelled_goal_paragraphs_under_their_kf_areas():
    doc = build([
        ("h", 1, "Ett Norrköping där fler arbetar", "2"),
        ("p", "Ett arbete är den viktigaste vägen till egen försörjning och delaktighet."),
        ("p", "Nämndmål 2.1 Fler invånare i arbete eller studier."),
        ("p", "Jobbcenter tar emot deltagare från ekonomiskt bistånd och genom egen anmälan."),
        ("h", 2, "Så mäter vi:"),
        ("li", "Andel deltagare som gått vidare till arbete eller studier (målvärde 2025: minst 40 %, utfall 2024: 36 %)"),
        ("h", 2, "Det här gör vi 2025:"),
        ("li", "Starta branschråd för lager och logistik. (Ansvar: Jobbcenter, klart juni 2025)", "1."),
        ("p", "Nämndmål 2.2 Färre hushåll ska vara långvarigt beroende av ekonomiskt bistånd."),
        ("h", 2, "Det här gör vi 2025:"),
        ("li", "Gå igenom samtliga hushåll som har haft bistånd i mer än två år.", "1."),
    ], organ="Arbetsmarknadsnämnden")
    ext = extract_items(doc)
    area = by_text(ext.goals, "Ett Norrköping där fler arbetar")
    assert area.level == "kf"
    work = by_text(ext.goals, "Fler invånare i arbete eller studier.")
    aid = by_text(ext.goals, "Färre hushåll ska vara långvarigt beroende av ekonomiskt bistånd.")
    assert (work.level, work.parent_key) == ("namnd", area.key)
    assert aid.parent_key == area.key  # the next "Nämndmål" replaces the one before, not nests under it
    assert len(ext.goals) == 3  # the area's introduction is no goal of its own
    indicator = by_text(ext.indicators, "Andel deltagare som gått vidare till arbete eller studier")
    assert indicator.goal_key == work.key
    target = indicator.targets[0]
    assert (target.target_op, target.target_value, target.unit, target.target_year) == (">=", 40.0, "%", 2025)
    assert [(v.period, v.value) for v in indicator.values] == [("2024", 36.0)]
    branch = by_text(ext.activities, "Starta branschråd för lager och logistik.")
    assert (branch.responsible, branch.timeline, branch.goal_key) == ("Jobbcenter", "juni 2025", work.key)
    assert by_text(ext.activities, "Gå igenom samtliga hushåll som har haft bistånd i mer än två år.").goal_key == aid.key


def test_labelled_goals_of_the_kommun_itself_are_not_under_an_area():
    doc = build([
        ("h", 1, "Medborgare"),
        ("p", "Strategiskt mål 1: Flens kommun ska vara en trygg och attraktiv plats att bo och leva på."),
        ("h", 1, "Ekonomi"),
        ("p", "Strategiskt mål 6: Flens kommun ska ha en långsiktigt hållbar ekonomi."),
        ("p", "Kostnaderna för försörjningsstöd ökar."),
    ], organ="Kommunfullmäktige")
    ext = extract_items(doc)
    assert [(g.text, g.level, g.parent_key) for g in ext.goals] == [
        ("Flens kommun ska vara en trygg och attraktiv plats att bo och leva på.", "kf", None),
        ("Flens kommun ska ha en långsiktigt hållbar ekonomi.", "kf", None),
    ]


def test_goal_cards_read_field_by_field_and_over_a_page_break():
    doc = build([
        ("h", 1, "Kommunfullmäktiges mål"),
        ("li", "Invånarna ska ha förutsättningar för ett självständigt liv med god hälsa."),
        ("h", 1, "Nämndens mål, indikatorer och aktiviteter"),
        ("t", ["", ""], [
            ["Nämndmål", "Äldre med hemtjänst ska få stöd utifrån sina egna behov och önskemål."],
            ["Bidrar till KF-mål", "Invånarna ska ha förutsättningar för ett självständigt liv med god hälsa."],
            ["Indikator", "Brukarbedömning hemtjänst äldreomsorg – helhetssyn, andel (%) (U21468)"],
            ["Målvärde 2026", "Minst 90 %"],
            ["Utfall 2025", "86 %"],
            ["Aktivitet", "Införa fast omsorgskontakt för alla brukare i hemtjänsten."],
            ["Ansvarig", "Verksamhetschef hemtjänst"],
        ]),
        ("page",),
        ("t", ["Klart", "2026-03-31"], [
            ["Aktivitet", "Följa upp varje genomförandeplan två gånger per år."],
            ["Ansvarig", "Enhetschefer hemtjänst"],
            ["Målansvarig", "Socialchef"],
        ]),
    ], organ="Socialnämnden")
    ext = extract_items(doc)
    kf = by_text(ext.goals, "Invånarna ska ha förutsättningar för ett självständigt liv med god hälsa.")
    goal = by_text(ext.goals, "Äldre med hemtjänst ska få stöd utifrån sina egna behov och önskemål.")
    assert (goal.level, goal.parent_key) == ("namnd", kf.key)
    assert len(ext.goals) == 2  # labels are no goals, the KF goal is restated
    indicator = by_text(ext.indicators, "Brukarbedömning hemtjänst äldreomsorg – helhetssyn, andel (%) (U21468)")
    assert (indicator.goal_key, indicator.kolada_kpi) == (goal.key, "U21468")
    assert (indicator.targets[0].target_value, indicator.targets[0].target_year) == (90.0, 2026)
    assert [(v.period, v.value) for v in indicator.values] == [("2025", 86.0)]
    first = by_text(ext.activities, "Införa fast omsorgskontakt för alla brukare i hemtjänsten.")
    assert (first.responsible, first.timeline, first.goal_key) == ("Verksamhetschef hemtjänst", "2026-03-31", goal.key)
    second = by_text(ext.activities, "Följa upp varje genomförandeplan två gånger per år.")
    assert (second.responsible, second.goal_key) == ("Enhetschefer hemtjänst", goal.key)


def test_brochure_long_term_goal_delmal_and_measures_by_wording():
    doc = build([
        ("h", 2, "Målområde 1 – En god start i livet"),
        ("p", "Grunden för en god hälsa läggs tidigt."),
        ("p", "Långsiktigt mål: Alla barn och unga i Skövde ska ha jämlika förutsättningar för en god hälsa."),
        ("h", 3, "Delmål"),
        ("li", "Fler elever ska fullfölja grundskolan med behörighet till gymnasieskolan.", "1a"),
        ("li", "Fler barn och unga ska uppleva en god psykisk hälsa.", "1b"),
        ("h", 3, "Så följer vi upp"),
        ("li", "Andelen elever i årskurs 9 som uppger en god psykisk hälsa ska öka till minst 75 % år 2030 (U01405)."),
        ("h", 3, "Insatser"),
        ("li", "Erbjuda föräldraskapsstöd enligt programmet ABC (Socialförvaltningen, Barn- och utbildningsförvaltningen)"),
    ], organ="Kommunfullmäktige")
    ext = extract_items(doc)
    area = by_text(ext.goals, "En god start i livet")
    long_term = by_text(ext.goals, "Alla barn och unga i Skövde ska ha jämlika förutsättningar för en god hälsa.")
    assert long_term.parent_key == area.key
    mental = by_text(ext.goals, "Fler barn och unga ska uppleva en god psykisk hälsa.")
    assert mental.parent_key == long_term.key
    indicator = by_text(ext.indicators, "Andelen elever i årskurs 9 som uppger en god psykisk hälsa ska öka till minst 75 % år 2030 (U01405).")
    assert indicator.goal_key == mental.key  # the goal's few words recur in the long indicator
    assert indicator.kolada_kpi == "U01405"
    action = by_text(ext.activities, "Erbjuda föräldraskapsstöd enligt programmet ABC")
    assert action.responsible == "Socialförvaltningen, Barn- och utbildningsförvaltningen"


def test_a_form_of_questions_and_long_labels_is_no_goal_card():
    doc = build([
        ("h", 1, "Investeringsprojekt 2027–2031"),
        ("t", ["Projekt (2) – Konstgräsplan", "Projektbeskrivning"], [
            ["Investeringsutgift", "2027 1 200 tkr"],
            ["Status", "Nytt"],
            ["Beskrivning av projektet", "Den befintliga planen är sliten och behöver bytas."],
            ["Vilket fokusområde stödjer projektet?", "Fokusområde 10 Hälsa och välbefinnande"],
            ["Konsekvens vid ej genomförd investering", "Planen kan inte användas för seriespel."],
            ["Projektets genomförandeperiod", "Åren 2027 till 2028"],
        ]),
    ], organ="Kultur- och fritidsnämnden")
    ext = extract_items(doc)
    assert (ext.goals, ext.indicators, ext.activities) == ([], [], [])


def test_run_in_measure_paragraphs_colon_targets_and_planned_actions():
    doc = build([
        ("h", 1, "Verksamheten i siffror"),
        ("p", "Besök på folkbiblioteken ökade till 812 400 under 2024."),
        ("h", 1, "Mål, resultatmått och aktiviteter 2026"),
        ("p", "Inriktningsmål 1: Gävle är en levande och attraktiv kommun."),
        ("p", "Nämndens mål 1.1: Biblioteken ska vara öppna mötesplatser för läsning."),
        ("p", "I dag har fyra bibliotek meröppet. Under 2026 ska förvaltningen installera teknik för meröppet i Sätra."),
        ("p", "Resultatmått: Antalet elever ska öka till minst 2 800 år 2026 (utgångsläge 2 585 år 2024). "
              "Andelen elever från Nordost ska öka."),
        ("h", 2, "Resultatmått 2026:"),
        ("li", "Antal aktiva låntagare: minst 34 000"),
        ("li", "Lån av e-böcker per invånare: följs upp utan målvärde"),
        ("p", "Under 2026 ska nämnden fortsätta att utveckla samverkan med skolorna."),
    ], organ="Kultur- och fritidsnämnden")
    ext = extract_items(doc)
    goal = by_text(ext.goals, "Biblioteken ska vara öppna mötesplatser för läsning.")
    assert goal.level == "namnd"
    assert {g.text for g in ext.goals} == {"Gävle är en levande och attraktiv kommun.", goal.text}
    pupils = by_text(ext.indicators, "Antalet elever ska öka till minst 2 800 år 2026 (utgångsläge 2 585 år 2024).")
    target = pupils.targets[0]
    assert (target.direction, target.target_value, target.target_year, target.baseline_value,
            target.baseline_year) == ("increase", 2800.0, 2026, 2585.0, 2024)
    assert by_text(ext.indicators, "Andelen elever från Nordost ska öka.").goal_key == goal.key
    lenders = by_text(ext.indicators, "Antal aktiva låntagare")
    assert (lenders.targets[0].target_value, lenders.targets[0].target_year) == (34000.0, 2026)
    assert by_text(ext.indicators, "Lån av e-böcker per invånare").targets == []
    assert [a.text for a in ext.activities] == [
        "Under 2026 ska förvaltningen installera teknik för meröppet i Sätra."]  # "fortsätta" is no action


def test_theme_headings_are_goal_areas_and_brochure_lead_ins_govern_their_lists():
    doc = build([
        ("h", 1, "Tema 1 – Ett tryggt åldrande"),
        ("p", "De flesta äldre bor kvar i sitt eget hem."),
        ("h", 2, "Det här vill vi uppnå"),
        ("li", "Fler äldre med hemtjänst ska känna sig trygga med att bo kvar hemma."),
        ("h", 2, "Så vet vi att vi är på rätt väg"),
        ("li", "Andelen brukare som känner sig trygga ska öka från 83 % (2024) till minst 90 % år 2030."),
        ("h", 2, "Exempel på insatser"),
        ("li", "Införa fasta hemtjänstgrupper (Vård- och äldreförvaltningen, 2025–2026)."),
    ], organ="Kommunfullmäktige")
    ext = extract_items(doc)
    area = by_text(ext.goals, "Ett tryggt åldrande")
    safe = by_text(ext.goals, "Fler äldre med hemtjänst ska känna sig trygga med att bo kvar hemma.")
    assert (area.level, safe.parent_key) == ("kf", area.key)
    assert by_text(ext.indicators, "Andelen brukare som känner sig trygga ska öka från 83 % (2024) till minst 90 % år 2030.")
    action = by_text(ext.activities, "Införa fasta hemtjänstgrupper")
    assert (action.responsible, action.timeline) == ("Vård- och äldreförvaltningen", "2025–2026")


def test_a_numbered_heading_over_goals_coded_with_its_number_is_their_area():
    doc = build([
        ("h", 1, "Barn och unga når sin fulla potential", "1"),
        ("p", "Målområdet omfattar utbildning från förskola till vuxenutbildning."),
        ("h", 2, "BUN 1.1 Förskolan ska ge alla barn en god grund för fortsatt lärande"),
        ("p", "Förskolan lägger grunden för det livslånga lärandet."),
    ], organ="Barn- och ungdomsnämnden")
    ext = extract_items(doc)
    area = by_text(ext.goals, "Barn och unga når sin fulla potential")
    assert area.level == "kf"
    # the code names the goal and is no part of its text (as in every gold file)
    assert by_text(ext.goals, "Förskolan ska ge alla barn en god grund för fortsatt lärande").parent_key == area.key


def test_a_paragraph_of_actions_reported_in_a_follow_up():
    doc = build([
        ("h", 1, "Fler personer i hemlöshet ska få en egen bostad"),
        ("h", 2, "Genomförda och pågående aktiviteter"),
        ("p", "Bostad först har utökats med sex lägenheter. Ett vräkningsförebyggande team har startat. "
              "Den ordinarie samverkan med hyresvärdarna har fortsatt."),
    ], organ="Socialnämnden")
    ext = extract_items(doc)
    assert [a.text for a in ext.activities] == [
        "Bostad först har utökats med sex lägenheter.", "Ett vräkningsförebyggande team har startat."]


def test_goals_named_by_letter_in_a_table_and_focus_bullets_that_are_no_goals():
    doc = build([
        ("h", 1, "Kommunstyrelsens mål för 2025–2028", "4"),
        ("p", "Kommunstyrelsen har beslutat om mål med särskilt fokus på:"),
        ("li", "matsvinnet i kommunens egna kök"),
        ("li", "återbruk av möbler och inredning"),
        ("p", "Mål A. Mängden restavfall ska minska med 25 procent per invånare till 2028."),
        ("p", "Mål B. Matsvinnet i skolorna ska minska till högst 30 gram per portion."),
        ("h", 1, "Nyckeltal", "5"),
        ("t", ["Nyckeltal", "Målvärde 2028", "Kopplat till mål"],
         [["Insamlat restavfall, kg per invånare", "Högst 149", "A"],
          ["Matsvinn i skolornas kök, gram per portion", "Högst 30", "B"]]),
    ], organ="Kommunstyrelsen")
    ext = extract_items(doc)
    assert [g.text for g in ext.goals] == [
        "A. Mängden restavfall ska minska med 25 procent per invånare till 2028.",
        "B. Matsvinnet i skolorna ska minska till högst 30 gram per portion."]
    waste, food = ext.goals
    assert by_text(ext.indicators, "Insamlat restavfall, kg per invånare").goal_key == waste.key
    assert by_text(ext.indicators, "Matsvinn i skolornas kök, gram per portion").goal_key == food.key


def test_a_sentence_naming_the_goal_served_and_planned_actions_in_following_paragraphs():
    doc = build([
        ("h", 1, "Mål"),
        ("li", "Fler äldre kan leva ett aktivt liv i sitt eget hem.", "1."),
        ("li", "Medarbetarna har en hållbar arbetsmiljö.", "2."),
        ("h", 1, "Förebyggande verksamhet"),
        ("p", "Träffpunkterna och anhörigstödet bidrar främst till nämndmål 1. Besöken ökade under 2025."),
        ("p", "Under 2026 ska nämnden öppna en ny träffpunkt för seniorer i Rödeby."),
        ("p", "Anhörigstödet ska dessutom starta samtalsgrupper för anhöriga i Jämjö."),
        ("p", "Verksamheten fortsätter att utvecklas."),
        ("p", "Dagverksamheten ska dessutom vara öppen på lördagar."),
        ("p", "Åtgärder för nämndmål 2, arbetsmiljö och kompetens:"),
        ("li", "Införa heltid som norm för alla nyanställda undersköterskor."),
    ])
    ext = extract_items(doc)
    active = by_text(ext.goals, "Fler äldre kan leva ett aktivt liv i sitt eget hem.")
    staff = by_text(ext.goals, "Medarbetarna har en hållbar arbetsmiljö.")
    assert by_text(ext.activities, "Under 2026 ska nämnden öppna en ny träffpunkt för seniorer i Rödeby.").goal_key == active.key
    assert by_text(ext.activities, "Anhörigstödet ska dessutom starta samtalsgrupper för anhöriga i Jämjö.").goal_key == active.key
    assert not [a for a in ext.activities if "lördagar" in a.text]  # no planned action before it
    assert by_text(ext.activities, "Införa heltid som norm för alla nyanställda undersköterskor.").goal_key == staff.key


@pytest.mark.parametrize("sentence, planned", [
    ("Från och med 2026 ställer nämnden krav på fossilfria drivmedel i alla entreprenader.", True),
    ("Under 2026 och 2027 byter trafikenheten ut 1 500 armaturer mot LED.", True),
    ("Under 2026 genomför förvaltningen ett ledarutvecklingsprogram.", True),
    ("Under 2026 fortsätter arbetet med trygghetsvandringar.", False),  # continuing, no new action
    ("Under 2026 ökar antalet platser i förskolan.", False),  # a change, no action
    ("Under 2025 ökade antalet besök.", False),
    ("Under 2025 införs en gemensam registrering, och målet följs upp särskilt.", False),  # passive: a note
])
def test_dated_actions_in_the_present_tense(sentence, planned):
    assert prose.is_planned_action(sentence) is planned


def test_an_action_heading_over_its_description_and_a_line_of_its_fields():
    doc = build([
        ("h", 1, "Mål"),
        ("p", "FS 1 Fler invånare ska få sin vård nära hemmet."),
        ("p", "FS 2 Vården ska bemannas med egna medarbetare."),
        ("h", 1, "Utvecklingsarbeten 2026"),
        ("h", 2, "Införa en länsgemensam modell för samordnad utskrivning"),
        ("p", "Modellen bygger på att planeringen inför hemgång startar redan vid inskrivning."),
        ("p", "Kopplat till FS 1 • Ansvar: Medicinsk verksamhet • Tidplan: 2026"),
        ("h", 2, "Bygga ut karriärvägar för specialistsjuksköterskor"),
        ("p", "Nämnden avsätter medel för studier med bibehållen lön."),
        ("p", "Kopplat till FS 2 • Ansvar: HR-avdelningen • Tidplan: 2026–2027"),
        ("h", 1, "Uppföljning"),
        ("p", "FS 1 Fler invånare ska få sin vård nära hemmet."),
        ("p", "Årsredovisning"),
        ("h", 1, "Internkontroll 2026"),
        ("t", ["Risk", "Kontrollmoment", "Ansvar"], [["Remisser registreras sent", "Stickprov", "Verksamhetschefer"]]),
    ])
    ext = extract_items(doc)
    near = by_text(ext.goals, "Fler invånare ska få sin vård nära hemmet.")
    staff = by_text(ext.goals, "Vården ska bemannas med egna medarbetare.")
    assert len(ext.goals) == 2  # the goal named again under "Uppföljning" is no new goal
    model = by_text(ext.activities, "Införa en länsgemensam modell för samordnad utskrivning")
    assert (model.goal_key, model.responsible, model.timeline) == (near.key, "Medicinsk verksamhet", "2026")
    careers = by_text(ext.activities, "Bygga ut karriärvägar för specialistsjuksköterskor")
    assert (careers.goal_key, careers.timeline) == (staff.key, "2026–2027")
    assert len(ext.activities) == 2  # "Internkontroll 2026" over a table with a responsible column is no action


def test_a_numbered_list_of_actions_after_sections_of_that_number_and_notes_under_a_goal_list():
    doc = build([
        ("h", 1, "Mål", "3"),
        ("h", 2, "Kunskap", "3.1"),
        ("p", "Verksamhetsmål för grundskolan 2025"),
        ("li", "Frånvaron per elev ska minska till högst 8 procent.", "–"),
        ("li", "= uppgiften publiceras av Skolverket i december.", "–"),
        ("h", 1, "Ekonomi", "4"),
        ("h", 2, "Åtgärder för en ekonomi i balans", "4.1"),
        ("p", "Nämnden beslutade i juni om följande åtgärder för att minska underskottet:"),
        ("li", "Samordna skolskjutsarna för grundskolan.", "1."),
        ("li", "Pröva varje nyanställning i ledningsgruppen.", "3."),
        ("p", "Indikatorer och utfall vårterminen 2025:"),
        ("li", "Andel femåringar som når förväntad nivå i språkobservationen: 71 % (målvärde minst 80 %)"),
    ])
    ext = extract_items(doc)
    assert [g.text for g in ext.goals] == ["Frånvaron per elev ska minska till högst 8 procent."]
    assert {a.text for a in ext.activities} == {
        "Samordna skolskjutsarna för grundskolan.", "Pröva varje nyanställning i ledningsgruppen."}
    share = by_text(ext.indicators, "Andel femåringar som når förväntad nivå i språkobservationen")
    assert (share.targets[0].text, share.targets[0].target_value) == ("målvärde minst 80 %", 80)


def test_goal_label_headings_their_parent_line_and_indicators_over_lines_of_fields():
    doc = build([
        ("h", 1, "Kommunfullmäktigemål som berör nämnden"),
        ("p", "I budgeten har kommunfullmäktige beslutat om följande mål som nämnden bidrar till:"),
        ("li", "Malmös elever ska nå goda kunskapsresultat.", "1."),
        ("li", "Barn och unga i Malmö ska växa upp under trygga förhållanden.", "2."),
        ("h", 1, "Nämndsmål 1"),
        ("p", "Andelen lärare med behörighet ska öka."),
        ("p", "Bidrar till kommunfullmäktigemål 2"),
        ("p", "Behörigheten varierar mellan skolor och ämnen."),
        ("h", 2, "Indikatorer"),
        ("p", "Andel lärare med lärarlegitimation, kommunal grundskola (N15813)"),
        ("p", "Startvärde 79,2 % (2025) • Målvärde 2026: minst 81 %"),
        ("h", 2, "Åtgärder 2026"),
        ("p", "Förvaltningen ska under 2026 införa en mentorsmodell. Skolskjutsarna ska upphandlas på nytt inför "
              "läsåret 2026/27."),
    ], organ="Grundskolenämnden")
    ext = extract_items(doc)
    kf = [g for g in ext.goals if g.level == "kf"]
    assert len(kf) == 2 and not ext.activities[2:] and all(g.target is None for g in kf)  # "växa upp" is no increase
    staff = by_text(ext.goals, "Andelen lärare med behörighet ska öka.")
    assert staff.parent_key == kf[1].key
    assert not [g for g in ext.goals if g.text.startswith("Nämndsmål")]
    share = by_text(ext.indicators, "Andel lärare med lärarlegitimation, kommunal grundskola (N15813)")
    assert len(ext.indicators) == 1 and share.goal_key == staff.key
    assert (share.targets[0].target_value, share.targets[0].baseline_value, share.targets[0].baseline_year) == (
        81, 79.2, 2025)
    assert [a.text for a in ext.activities] == [
        "Förvaltningen ska under 2026 införa en mentorsmodell.",
        "Skolskjutsarna ska upphandlas på nytt inför läsåret 2026/27."]
    assert all(a.goal_key == staff.key for a in ext.activities)


def test_numbered_goal_headings_after_a_heading_announcing_them_and_the_boards_target_column():
    doc = build([
        ("h", 1, "Kommunfullmäktiges mål och nämndens bidrag"),
        ("p", "Nämnden bidrar till stadens inriktningsmål enligt nedan."),
        ("h", 1, "Ett jämlikt Stockholm där alla kan delta", "1"),
        ("h", 2, "Stockholm är en kulturstad med ett rikt kulturliv i hela staden", "1.4"),
        ("p", "Kulturen ska vara en självklar del av vardagen."),
        ("p", "Nämndmål: Stadsbiblioteket är en öppen mötesplats för alla."),
        ("t", ["Indikator", "Utfall 2024", "KF:s årsmål 2026", "Nämndens årsmål 2026"], [
            ["Fysiska besök på stadens bibliotek, antal", "6 412 300", "Tas fram av nämnden", "6 600 000"],
        ]),
        ("p", "Under 2026 kommer Stadsbiblioteket att digitalisera sina samlingar. Kulturförvaltningen kommer att "
              "ta fram en plan för läsfrämjande."),
        ("h", 1, "Uppdrag från kommunfullmäktige"),
        ("h", 1, "Ekonomisk översikt", "4"),
    ], organ="Kulturnämnden")
    ext = extract_items(doc)
    area = by_text(ext.goals, "Ett jämlikt Stockholm där alla kan delta")
    kf = by_text(ext.goals, "Stockholm är en kulturstad med ett rikt kulturliv i hela staden")
    library = by_text(ext.goals, "Stadsbiblioteket är en öppen mötesplats för alla.")
    assert (kf.parent_key, library.parent_key) == (area.key, kf.key) and len(ext.goals) == 3
    visits = by_text(ext.indicators, "Fysiska besök på stadens bibliotek, antal")
    assert visits.targets[0].text == "6 600 000" and visits.goal_key == library.key
    assert [a.text for a in ext.activities] == [
        "Under 2026 kommer Stadsbiblioteket att digitalisera sina samlingar.",
        "Kulturförvaltningen kommer att ta fram en plan för läsfrämjande."]


def test_service_headings_sections_serving_the_goal_of_a_sibling_and_named_steps():
    doc = build([
        ("h", 1, "Mål och styrning"),
        ("t", ["Kommunfullmäktiges mål", "Nämndens mål 2026"], [
            ["Barn och unga ska ha en trygg uppväxt.",
             "• N1 Alla barn och elever ska utvecklas så långt som möjligt.\n• N2 Barn och elever ska känna sig trygga."],
        ]),
        ("h", 1, "Skolformernas verksamhetsmål"),
        ("h", 2, "Grundskola och fritidshem"),
        ("p", "Grundskolan har 19 skolor."),
        ("h", 3, "Verksamhetsmål 2026"),
        ("li", "Minst 85 procent av eleverna i årskurs 1 ska klara kartläggningen i läsning."),
        ("h", 3, "Så arbetar vi"),
        ("li", "Införa en daglig läsaktivitet i fritidshemmet."),
        ("h", 1, "Uppföljning av programmet"),
        ("li", "Kartläggning – förvaltningarna tar fram uppgifter om hälsa per område.", "1."),
        ("li", "Prioritering – rådet väljer vilka insatser som ska prioriteras.", "2."),
    ], organ="Barn- och utbildningsnämnden")
    ext = extract_items(doc)
    assert {g.text for g in ext.goals} == {
        "Barn och unga ska ha en trygg uppväxt.", "Alla barn och elever ska utvecklas så långt som möjligt.",
        "Barn och elever ska känna sig trygga.",
        "Minst 85 procent av eleverna i årskurs 1 ska klara kartläggningen i läsning."}
    reading = by_text(ext.goals, "Minst 85 procent av eleverna i årskurs 1 ska klara kartläggningen i läsning.")
    assert [(a.text, a.goal_key) for a in ext.activities] == [
        ("Införa en daglig läsaktivitet i fritidshemmet.", reading.key)]


def test_lettered_area_headings_goal_codes_in_summaries_and_plans_in_a_paragraph():
    doc = build([
        ("h", 1, "Målområden och strategiska mål"),
        ("h", 2, "B Hållbar tillväxt och attraktiv livsmiljö"),
        ("t", ["Strategiskt mål", "Så mäter vi – indikator och målvärde 2028"], [
            ["B1 Det ska finnas fler bostäder i alla delar av kommunen.",
             "• Antal färdigställda bostäder per år – minst 120"],
        ]),
        ("h", 3, "Prioriterade insatser"),
        ("li", "Planlägga minst 60 nya villatomter i Lagan. [B1 • Miljö- och byggnämnden • 2026–2028]"),
        ("p", "Under 2026 ska kommunen införa en samlad företagslots. Handläggningen av bygglov och "
              "livsmedelsregistreringar ska digitaliseras fullt ut senast 2027. Kommunen ska under planperioden "
              "erbjuda minst 40 praktikplatser per år. Kommunen fortsätter också att utveckla dialogen."),
        ("h", 1, "Bilaga. Måltavla"),
        ("t", ["Målområde", "Strategiska mål", "Antal indikatorer"], [
            ["B Hållbar tillväxt och attraktiv livsmiljö", "B1, B2", "4"],
        ]),
    ], organ="Kommunfullmäktige")
    ext = extract_items(doc)
    assert {g.text for g in ext.goals} == {"Hållbar tillväxt och attraktiv livsmiljö",
                                           "Det ska finnas fler bostäder i alla delar av kommunen."}
    homes = by_text(ext.goals, "Det ska finnas fler bostäder i alla delar av kommunen.")
    plots = by_text(ext.activities, "Planlägga minst 60 nya villatomter i Lagan.")
    assert (plots.goal_key, plots.responsible, plots.timeline) == (homes.key, "Miljö- och byggnämnden", "2026–2028")
    assert len(ext.activities) == 4  # three planned in the paragraph; continuing the dialogue is none


def test_labelled_goal_headings_under_area_headings_titled_by_a_labelled_goal():
    doc = build([
        ("h", 1, "Måluppfyllelse"),
        ("h", 2, "Trygghet och närvaro"),
        ("p", "Kommunfullmäktiges mål 2 I Kungsbacka ska barn och unga växa upp i en trygg miljö"),
        ("h", 3, "Nämndmål: Alla elever ska känna sig trygga och ha studiero i skolan"),
        ("p", "Prognos helår: Målet bedöms delvis uppnås."),
        ("h", 3, "Aktiviteter"),
        ("li", "Pågår: Införa gemensamma ordningsregler i alla grundskolor"),
        ("h", 3, "Nämndmål 2.2: Elevernas närvaro i skolan ska öka"),
        ("t", ["Indikator", "Utfall 2025", "Målvärde 2026"], [["Andel elever med mer än 15 procent frånvaro, %",
                                                            "11,8", "Högst 10"]]),
    ], organ="Förskole- och grundskolenämnden")
    ext = extract_items(doc)
    assert not [g for g in ext.goals if g.text == "Trygghet och närvaro"]  # the area, titled by its KF goal
    kf = by_text(ext.goals, "I Kungsbacka ska barn och unga växa upp i en trygg miljö")
    calm = by_text(ext.goals, "Alla elever ska känna sig trygga och ha studiero i skolan")
    presence = by_text(ext.goals, "Elevernas närvaro i skolan ska öka")
    assert (calm.parent_key, presence.parent_key, calm.level) == (kf.key, kf.key, "namnd")
    rules = by_text(ext.activities, "Införa gemensamma ordningsregler i alla grundskolor")
    assert (rules.goal_key, rules.status) == (calm.key, "Pågår")  # the status printed before the action
    assert by_text(ext.indicators, "Andel elever med mer än 15 procent frånvaro, %").goal_key == presence.key


@pytest.mark.parametrize("item, text, status", [
    ("Dela in hemtjänsten i mindre arbetslag – pågår", "Dela in hemtjänsten i mindre arbetslag", "pågår"),
    ("Införa fast omsorgskontakt (genomförd)", "Införa fast omsorgskontakt", "genomförd"),
    ("Ej påbörjad: Ta fram en modell för trygghetsvandringar", "Ta fram en modell för trygghetsvandringar",
     "Ej påbörjad"),
    ("Bygga ut gång- och cykelvägar – etapp 2", "Bygga ut gång- och cykelvägar – etapp 2", None),
])
def test_an_actions_status_printed_before_or_after_it(item, text, status):
    ext = extract_items(build([("h", 1, "Aktiviteter"), ("li", item)]))
    assert [(a.text, a.status) for a in ext.activities] == [(text, status)]


def test_a_title_over_goal_paragraphs_coded_goals_labelled_actions_and_their_field_lines():
    doc = build([
        ("h", 1, "Mål och struktur"),
        ("p", "Kommunfullmäktiges mål i miljö- och klimatprogrammet 2022–2030"),
        ("p", "Värmdö ska vara en klimatneutral kommun senast 2040."),
        ("p", "Energin som används i Värmdö ska vara förnybar och användas effektivt."),
        ("p", "Varje etappmål har en kod efter insatsområdet."),
        ("h", 1, "Etappmål, indikatorer och åtgärder"),
        ("h", 2, "Etappmål"),
        ("p", "E1"),
        ("p", "Produktionen av förnybar el ska öka till minst 40 GWh per år 2030."),
        ("p", "E2"),
        ("p", "Energianvändningen i kommunens lokaler ska minska med 20 procent till 2030."),
        ("p", "Etappmålen E1–E2 bidrar till kommunfullmäktiges mål om förnybar energi."),
        ("h", 2, "Indikatorer"),
        ("li", "Installerad effekt i solcellsanläggningar, MW [E1]: utgångsläge 9,8 (2024) | målnivå minst 25"),
        ("li", "Antal solcellsanläggningar [E1]: utgångsläge 1 420 (2024) | ska öka"),
        ("h", 2, "Åtgärder"),
        ("p", "Åtgärd 1. Installera solceller på alla lämpliga tak på kommunens skolor."),
        ("p", "Etappmål: E2 | Ansvar: Fastighetsavdelningen | Tidsplan: 2026–2029 | Kostnad: 14 mnkr"),
        ("li", "Kommunledningskontoret ges i uppdrag att samordna genomförandet."),
    ], organ="Kommunstyrelsen")
    ext = extract_items(doc)
    assert {g.text for g in ext.goals} == {
        "Värmdö ska vara en klimatneutral kommun senast 2040.",
        "Energin som används i Värmdö ska vara förnybar och användas effektivt.",
        "Produktionen av förnybar el ska öka till minst 40 GWh per år 2030.",
        "Energianvändningen i kommunens lokaler ska minska med 20 procent till 2030."}
    e1 = by_text(ext.goals, "Produktionen av förnybar el ska öka till minst 40 GWh per år 2030.")
    e2 = by_text(ext.goals, "Energianvändningen i kommunens lokaler ska minska med 20 procent till 2030.")
    power = by_text(ext.indicators, "Installerad effekt i solcellsanläggningar, MW")
    assert power.goal_key == e1.key
    assert (power.targets[0].target_value, power.targets[0].baseline_value) == (25, 9.8)
    assert by_text(ext.indicators, "Antal solcellsanläggningar").targets[0].direction == "increase"
    (action,) = ext.activities  # the assignment is no action
    assert (action.text, action.goal_key, action.responsible, action.timeline) == (
        "Installera solceller på alla lämpliga tak på kommunens skolor.", e2.key, "Fastighetsavdelningen",
        "2026–2029")


def test_a_goal_listed_with_its_coded_goals_and_indicator_cards_naming_theirs():
    doc = build([
        ("h", 1, "Mål för 2026"),
        ("li", "Sandviken ska vara en trygg och jämlik kommun där alla barn får en god start i livet. "
               "N1 Barn och unga som behöver stöd ska få det tidigt och nära hemmet. "
               "N2 Barn och vuxna som utsätts för våld i nära relationer ska få skydd och stöd."),
        ("li", "Fler invånare ska ha arbete och egen försörjning. "
               "N3 Fler hushåll med ekonomiskt bistånd ska bli självförsörjande."),
        ("h", 1, "Bilaga: Indikatorer och målvärden 2026"),
        ("p", "Nämndmålen följs upp med indikatorerna nedan."),
        ("h", 1, "Andel barn och unga med insats i öppenvården där insatsen avslutats som planerat", "1"),
        ("p", "Nämndmål: N1 | Källa: verksamhetssystemet | Mätperiod: helår"),
        ("p", "Utgångsläge: 71 % (2025) | Målvärde 2026: minst 75 %"),
        ("h", 1, "Andel hushåll som lämnat ekonomiskt bistånd för arbete", "2"),
        ("p", "Nämndmål: N3 | Källa: Kolada N31807 | Mätperiod: helår"),
        ("p", "Utgångsläge: 38 % (2025) | Målvärde 2026: minst 42 %"),
    ], organ="Socialnämnden")
    ext = extract_items(doc)
    safe = by_text(ext.goals, "Sandviken ska vara en trygg och jämlik kommun där alla barn får en god start i livet.")
    work = by_text(ext.goals, "Fler invånare ska ha arbete och egen försörjning.")
    n1 = by_text(ext.goals, "Barn och unga som behöver stöd ska få det tidigt och nära hemmet.")
    n3 = by_text(ext.goals, "Fler hushåll med ekonomiskt bistånd ska bli självförsörjande.")
    assert len(ext.goals) == 5 and (safe.level, n1.level) == ("kf", "namnd")
    assert (n1.parent_key, n3.parent_key) == (safe.key, work.key)
    care = by_text(ext.indicators, "Andel barn och unga med insats i öppenvården där insatsen avslutats som planerat")
    exits = by_text(ext.indicators, "Andel hushåll som lämnat ekonomiskt bistånd för arbete")
    assert len(ext.indicators) == 2
    assert (care.goal_key, care.targets[0].target_value, care.targets[0].baseline_value) == (n1.key, 75, 71)
    assert (exits.goal_key, exits.kolada_kpi) == (n3.key, "N31807")


def test_goals_in_bold_over_their_assessment_lines_under_area_headings():
    doc = build([
        ("h", 1, "Styrning och måluppfyllelse"),
        ("h", 2, "Ett levande Gällivare i hela kommunen"),
        ("p", "Målområdet handlar om att hela kommunen ska vara en attraktiv plats att bo och verka på."),
        ("h", 3, "Fler ska vilja bo, arbeta och leva i Gällivare kommun."),
        ("p", "Bedömning: Delvis uppfyllt"),
        ("t", ["Indikator", "2024", "2025", "Mål 2025"], [["Inflyttade till kommunen, antal", "742", "811", "Minst 800"]]),
        ("b", "Invånarna ska ha tillgång till ett rikt kultur- och fritidsliv i hela kommunen."),
        ("p", "Bedömning: Uppfyllt"),
        ("p", "Besöken i kommunens anläggningar och på biblioteken ökade under året."),
        ("p", "Det här har vi gjort"),
        ("li", "Öppnat ett meröppet bibliotek i Nattavaara by."),
        ("h", 2, "Hållbar samhällsomvandling"),
        ("b", "Samhällsomvandlingen ska genomföras så att invånarna får likvärdiga förutsättningar."),
        ("p", "Bedömning: Delvis uppfyllt"),
        ("b", "Kommunens klimatpåverkan ska minska."),
        ("p", "Bedömning: Ej uppfyllt"),
        ("h", 3, "Det här har vi gjort"),
        ("li", "Bytt tolv av kommunens personbilar mot elbilar."),
    ], organ="Kommunfullmäktige")
    ext = extract_items(doc)
    living = by_text(ext.goals, "Ett levande Gällivare i hela kommunen")
    sustainable = by_text(ext.goals, "Hållbar samhällsomvandling")
    more = by_text(ext.goals, "Fler ska vilja bo, arbeta och leva i Gällivare kommun.")
    culture = by_text(ext.goals, "Invånarna ska ha tillgång till ett rikt kultur- och fritidsliv i hela kommunen.")
    climate = by_text(ext.goals, "Kommunens klimatpåverkan ska minska.")
    assert len(ext.goals) == 6
    assert (more.parent_key, culture.parent_key, climate.parent_key) == (living.key, living.key, sustainable.key)
    assert (more.status, culture.status, climate.status) == ("partly", "met", "not_met")
    assert by_text(ext.indicators, "Inflyttade till kommunen, antal").goal_key == more.key
    assert [(a.text, a.goal_key) for a in ext.activities] == [
        ("Öppnat ett meröppet bibliotek i Nattavaara by.", culture.key),
        ("Bytt tolv av kommunens personbilar mot elbilar.", climate.key)]


def test_tiles_of_key_figures_and_a_goal_in_bold_after_the_last_goals_actions():
    doc = build([
        ("h", 1, "Uppföljning av mål"),
        ("h", 2, "I Järfälla ska alla barn och unga få en god start i livet"),
        ("b", "Barn och unga som behöver stöd ska få rätt insats i rätt tid."),
        ("p", "Bedömning helår: Uppfylls delvis"),
        ("t", [], [[
            "Andel utredningar som avslutas inom fyra månader, % Jan–aug 2025: 84 Helår 2024: 79 Målvärde 2025: minst 90",
            "Genomsnittlig utredningstid, dagar Jan–aug 2025: 103 Helår 2024: 118 Målvärde 2025: högst 100"]]),
        ("h", 3, "Aktiviteter"),
        ("li", "Införa ett gemensamt mottagningsteam för alla orosanmälningar (Genomförd)"),
        ("b", "Fler barn och unga i behov av placering ska kunna bo kvar i sitt närområde."),
        ("p", "Bedömning helår: Uppfylls"),
        ("p", "Rekryteringen av egna familjehem har gått bättre än planerat."),
        ("p", "Andel placerade barn i familjehem inom länet, % Jan–aug 2025: 72 Helår 2024: 65 Målvärde 2025: minst 70"),
    ], organ="Socialnämnden")
    ext = extract_items(doc)
    support = by_text(ext.goals, "Barn och unga som behöver stöd ska få rätt insats i rätt tid.")
    near = by_text(ext.goals, "Fler barn och unga i behov av placering ska kunna bo kvar i sitt närområde.")
    assert (support.status, near.status, near.parent_key) == ("partly", "met", support.parent_key)
    quick = by_text(ext.indicators, "Andel utredningar som avslutas inom fyra månader, %")
    assert (quick.goal_key, quick.targets[0].target_value, [v.period for v in quick.values]) == (
        support.key, 90, ["jan–aug 2025", "2024"])
    assert by_text(ext.indicators, "Genomsnittlig utredningstid, dagar").targets[0].target_op == "<="
    assert by_text(ext.indicators, "Andel placerade barn i familjehem inom länet, %").goal_key == near.key
    (action,) = ext.activities  # the analysis under the next goal is no action
    assert (action.status, action.goal_key) == ("Genomförd", support.key)


def test_a_goal_heading_a_table_a_quoted_goal_and_actions_with_their_status_on_the_next_line():
    doc = build([
        ("h", 1, "Måluppfyllelse"),
        ("h", 2, "Attraktiv plats att bo och verka i"),
        ("p", "Kommunfullmäktiges inriktningsmål ”Norrtälje kommun är en attraktiv plats att bo och verka i” "
              "omfattar både näringsliv och bostäder."),
        ("t", ["Nämndmål 1.1 Företagsklimatet i kommunen ska förbättras", "2024", "2025", "Målvärde 2025"], [
            ["Antal nystartade företag per 1 000 invånare", "3,9", "4,1", "Minst 4,0"]]),
        ("p", "Inrätta en företagslots som ger företagare en väg in till kommunen"),
        ("p", "Genomförd"),
        ("p", "Ta fram en etableringsstrategi för verksamhetsmark längs E18"),
        ("p", "Pågår"),
        ("h", 2, "Sammanfattande bedömning"),
        ("t", ["Nämndmål", "Bedömning 2025"], [["1.1 Företagsklimatet i kommunen ska förbättras", "Delvis"]]),
    ], organ="Kommunstyrelsen")
    ext = extract_items(doc)
    kf = by_text(ext.goals, "Norrtälje kommun är en attraktiv plats att bo och verka i")
    climate = by_text(ext.goals, "Företagsklimatet i kommunen ska förbättras")
    assert len(ext.goals) == 2 and climate.parent_key == kf.key  # the area heading is titled by the quoted goal
    assert by_text(ext.indicators, "Antal nystartade företag per 1 000 invånare").goal_key == climate.key
    assert [(a.text, a.status) for a in ext.activities] == [
        ("Inrätta en företagslots som ger företagare en väg in till kommunen", "Genomförd"),
        ("Ta fram en etableringsstrategi för verksamhetsmark längs E18", "Pågår")]


def test_numbered_goals_over_numbered_headings_indicator_sub_bullets_and_action_headings():
    doc = build([
        ("h", 1, "Målkedja 2026"),
        ("p", "Kommunfullmäktige har beslutat om två inriktningsmål."),
        ("li", "Motala ska vara en attraktiv kommun att bo i, verka i och besöka", "1."),
        ("h", 2, "Fler invånare ska ta del av kulturutbudet i hela kommunen", "1.1"),
        ("li", "Motalaborna ska ha goda förutsättningar för en god hälsa", "2."),
        ("h", 2, "Fler invånare ska vara fysiskt aktiva på sin fritid", "2.1"),
        ("h", 3, "Mått och målvärden"),
        ("li", "Antal besök i kommunens motionsspår"),
        ("li", "Utgångsläge: 38 600 (2024)", "–", 1),
        ("li", "Målvärde 2026: minst 42 000", "–", 1),
        ("h", 3, "Aktiviteter 2026"),
        ("h", 3, "Anlägga en belyst motionsslinga vid Varamon"),
        ("p", "Slingan byggs under sommaren och lyses upp till klockan 22."),
        ("h", 3, "Ta fram en plan för spontanidrott"),
        ("p", "Planen tas fram tillsammans med föreningarna."),
    ], organ="Kultur- och fritidsnämnden")
    ext = extract_items(doc)
    attractive = by_text(ext.goals, "Motala ska vara en attraktiv kommun att bo i, verka i och besöka")
    health = by_text(ext.goals, "Motalaborna ska ha goda förutsättningar för en god hälsa")
    active = by_text(ext.goals, "Fler invånare ska vara fysiskt aktiva på sin fritid")
    assert attractive.level == "kf" and active.parent_key == health.key
    assert by_text(ext.goals, "Fler invånare ska ta del av kulturutbudet i hela kommunen").parent_key == attractive.key
    (visits,) = ext.indicators
    assert (visits.targets[0].target_value, visits.targets[0].baseline_value, visits.targets[0].baseline_year) == (
        42000, 38600, 2024)
    assert [(a.text, a.goal_key) for a in ext.activities] == [
        ("Anlägga en belyst motionsslinga vid Varamon", active.key), ("Ta fram en plan för spontanidrott", active.key)]


def test_an_action_then_how_it_stands_and_a_coded_goal_under_a_goal_heading():
    doc = build([
        ("h", 1, "Sigtuna kommun ska erbjuda en likvärdig utbildning av hög kvalitet"),
        ("p", "UN 1 Barnen i förskolan ska utveckla sitt språk och sin förmåga att kommunicera"),
        ("h", 2, "Vad gör vi?"),
        ("li", "Införa en gemensam modell för högläsning i alla förskolor. Arbetet har kommit igång i 21 av 27 förskolor."),
        ("li", "Samordna språkscreeningen med barnhälsovården. Samordningen startade i mars."),
        ("li", "Genomföra trygghetsvandringar med elevråden. Vandringarna är genomförda på alla skolor."),
        ("li", "Erbjuda läxhjälp på biblioteken. Syftet är att fler ska klara skolan."),
    ], organ="Utbildningsnämnden")
    ext = extract_items(doc)
    language = by_text(ext.goals, "Barnen i förskolan ska utveckla sitt språk och sin förmåga att kommunicera")
    assert [(a.text, a.status) for a in ext.activities] == [
        ("Införa en gemensam modell för högläsning i alla förskolor.", "Arbetet har kommit igång i 21 av 27 förskolor."),
        ("Samordna språkscreeningen med barnhälsovården.", "Samordningen startade i mars."),
        ("Genomföra trygghetsvandringar med elevråden.", "Vandringarna är genomförda på alla skolor."),
        ("Erbjuda läxhjälp på biblioteken. Syftet är att fler ska klara skolan.", None),  # a purpose, no report
    ]
    assert all(a.goal_key == language.key for a in ext.activities)


def test_question_headings_colour_thresholds_assignment_rows_and_an_action_lead_in():
    doc = build([
        ("h", 1, "Den som har stöd ska känna sig trygg och ha inflytande över sin vardag.", "1"),
        ("h", 2, "Vad vill vi uppnå?"),
        ("li", "Brukare i hemtjänsten ska möta färre olika medarbetare."),
        ("h", 2, "Hur vet vi att vi lyckas?"),
        ("t", ["Indikator", "Utfall 2024", "Grön", "Gul", "Röd"], [
            ["Andel brukare som känner sig trygga, %", "84", "Minst 88 %", "84–87 %", "Under 84 %"]]),
        ("h", 2, "Vad gör vi 2026?"),
        ("t", ["Åtgärd", "Typ", "Ansvarig", "Klart"], [
            ["Införa fasta arbetslag i hemtjänsten.", "Aktivitet", "Hemtjänsten", "Kvartal 2"],
            ["Erbjuda digital tillsyn nattetid.", "Aktivitet", "Hemtjänsten", "December"],
            ["Utbilda kontaktpersoner i genomförandeplaner.", "Aktivitet", "Särskilt boende", "Kvartal 3"],
            ["Utreda ett trygghetsboende i Husum.", "Uppdrag från KF", "Förvaltningen", "Juni"],
        ]),
        ("p", "Prognosen visar ett underskott. Under 2026 ska förvaltningen:"),
        ("li", "följa upp planerad och utförd tid varje månad", "–"),
        ("h", 1, "Uppföljning"),
        ("p", "Planen följs upp enligt kommunens kalender:"),
        ("li", "Tertialrapport 1, januari–april: nämnden i juni"),
    ], organ="Vård- och omsorgsnämnden")
    ext = extract_items(doc)
    assert by_text(ext.goals, "Brukare i hemtjänsten ska möta färre olika medarbetare.").level == "namnd"
    assert len(ext.goals) == 2
    assert by_text(ext.indicators, "Andel brukare som känner sig trygga, %").targets[0].text == "Minst 88 %"
    assert {a.text for a in ext.activities} == {
        "Införa fasta arbetslag i hemtjänsten.", "Erbjuda digital tillsyn nattetid.",
        "Utbilda kontaktpersoner i genomförandeplaner.", "följa upp planerad och utförd tid varje månad"}


def test_indicator_boxes_of_a_name_and_its_fields_run_together():
    doc = build([
        ("h", 1, "Nämndmål 2"),
        ("p", "Företag och privatpersoner ska vara nöjda med nämndens service."),
        ("p", "Indikator: Nöjd-Kund-Index för bygglov i servicemätningen Insikt Utfall 2024: 68. Utfall 2025: 71. "
              "Målvärde 2026: minst 72. Indikator: Andel e-postfrågor som besvaras inom två arbetsdagar "
              "Utfall 2024: –. Utfall 2025: 78 %. Målvärde 2026: öka."),
    ], organ="Miljö- och byggnadsnämnden")
    ext = extract_items(doc)
    nki = by_text(ext.indicators, "Nöjd-Kund-Index för bygglov i servicemätningen Insikt")
    assert (nki.targets[0].target_value, nki.targets[0].target_year) == (72, 2026)
    assert [(v.period, v.value) for v in nki.values] == [("2024", 68.0), ("2025", 71.0)]
    mail = by_text(ext.indicators, "Andel e-postfrågor som besvaras inom två arbetsdagar")
    assert mail.targets[0].direction == "increase" and len(ext.indicators) == 2


def test_a_goal_ladder_coded_goals_serving_by_code_and_actions_closing_with_unit_and_code():
    doc = build([
        ("h", 1, "Måltrappa 2026", "3"),
        ("p", "Måltrappan visar hur nämndens mål hänger ihop med kommunfullmäktiges mål."),
        ("li", "Ludvika kommun ska vara en attraktiv plats att bo, leva och verka i."),
        ("li", "SBN 1 Det ska finnas planlagd mark för bostäder och verksamheter i hela kommunen.", "–", 1),
        ("li", "Ludvika kommun ska minska sin klimat- och miljöpåverkan."),
        ("li", "SBN 3 Det ska vara enkelt och säkert att gå, cykla och resa kollektivt.", "–", 1),
        ("h", 1, "Verksamhetsmål och mått", "4"),
        ("p", "Avdelningarnas verksamhetsmål (V1–V5) anges nedan med det nämndmål som målet bidrar till."),
        ("t", ["Verksamhetsmål", "Mått", "Utgångsläge", "Målvärde 2026"], [
            ["V1 Beslut i bygglovsärenden ska fattas inom lagstadgad tid. Bidrar till SBN 1",
             "Andel bygglovsbeslut som fattas inom tio veckor", "91 % (2024)", "100 %"]]),
        ("b", "V5 Gång- och cykelvägnätet ska vara sammanhängande, säkert och väl underhållet (SBN 3)."),
        ("li", "Antal kilometer ny gång- och cykelväg under året – minst 2,5 (utfall 2024: 1,2)", "–"),
        ("h", 1, "Aktiviteter 2026", "5"),
        ("li", "Införa digital inlämning av alla bygglovshandlingar via e-tjänst – bygg och miljö (V1)"),
    ], organ="Samhällsbyggnadsnämnden")
    ext = extract_items(doc)
    land = by_text(ext.goals, "Det ska finnas planlagd mark för bostäder och verksamheter i hela kommunen.")
    paths = by_text(ext.goals, "Det ska vara enkelt och säkert att gå, cykla och resa kollektivt.")
    permits = by_text(ext.goals, "Beslut i bygglovsärenden ska fattas inom lagstadgad tid")  # "Bidrar till …" no text
    cycling = by_text(ext.goals, "Gång- och cykelvägnätet ska vara sammanhängande, säkert och väl underhållet.")
    assert (permits.parent_key, cycling.parent_key) == (land.key, paths.key)
    km = by_text(ext.indicators, "Antal kilometer ny gång- och cykelväg under året")
    assert (km.goal_key, km.targets[0].target_value, km.values[0].period) == (cycling.key, 2.5, "2024")
    (action,) = ext.activities
    assert (action.text, action.goal_key, action.responsible) == (
        "Införa digital inlämning av alla bygglovshandlingar via e-tjänst", permits.key, "bygg och miljö")


def test_measures_stated_after_a_sentence_on_how_the_goal_is_followed_up():
    doc = build([
        ("h", 1, "Målområde 3: Effektiv och attraktiv organisation"),
        ("h", 3, "Tyresöborna och företagen ska få en god och tillgänglig service.", "3.1"),
        ("p", "Servicen följs upp genom SKR:s servicemätning Insikt. Andelen som får svar på en enkel fråga "
              "via e-post inom en arbetsdag ska vara minst 90 procent 2026. Utfallet 2025 var 84 procent. "
              "Nöjd Kund Index för företagens helhetsbedömning ska öka från 72 (2024) till minst 75."),
        ("h", 3, "Kommunen ska ha engagerade medarbetare och en god arbetsmiljö.", "3.2"),
        ("p", "Så följer vi upp målet"),
        ("li", "Sjukfrånvaron bland kommunens medarbetare ska inte överstiga 6,0 procent."),
        ("h", 4, "Nämndernas åtaganden 2026"),
        ("li", "Erbjuda heltidsanställning till alla nyanställda inom vård och omsorg (Socialnämnden)."),
    ], organ="Kommunfullmäktige")
    ext = extract_items(doc)
    service = by_text(ext.goals, "Tyresöborna och företagen ska få en god och tillgänglig service.")
    staff = by_text(ext.goals, "Kommunen ska ha engagerade medarbetare och en god arbetsmiljö.")
    email = by_text(ext.indicators, "Andelen som får svar på en enkel fråga via e-post inom en arbetsdag ska vara "
                                    "minst 90 procent 2026.")
    nki = by_text(ext.indicators, "Nöjd Kund Index för företagens helhetsbedömning ska öka från 72 (2024) till minst 75.")
    assert (email.goal_key, email.targets[0].target_value) == (service.key, 90)
    assert (nki.goal_key, nki.targets[0].target_value, nki.targets[0].baseline_value) == (service.key, 75, 72)
    sick = by_text(ext.indicators, "Sjukfrånvaron bland kommunens medarbetare ska inte överstiga 6,0 procent.")
    assert (sick.goal_key, sick.targets[0].target_op) == (staff.key, "<=")
    assert len(ext.indicators) == 3  # "Utfallet 2025 var 84 procent." is none
    (action,) = ext.activities
    assert (action.goal_key, action.responsible) == (staff.key, "Socialnämnden")


def test_a_follow_up_asking_what_was_wanted_what_was_done_and_how_it_went():
    doc = build([
        ("h", 1, "Mål och resultat 2025"),
        ("h", 4, "Kommunfullmäktiges övergripande mål 2023–2026"),
        ("li", "Strängnäs ska vara en trygg kommun där människor vill bo och leva", "1."),
        ("li", "Invånarna ska ha tillgång till en likvärdig välfärd av god kvalitet", "2."),
        ("h", 2, "Trygg hemtjänst"),
        ("h", 3, "Vad ville vi uppnå?"),
        ("p", "Äldre som har hemtjänst ska känna sig trygga och ha inflytande över hur insatserna utförs."),
        ("p", "Målet bidrar till fullmäktiges mål 2."),
        ("h", 3, "Vad har vi gjort?"),
        ("p", "I september infördes digital nattillsyn som ett val för brukare som tidigare fått besök nattetid. "
              "Alla brukare har erbjudits ett uppföljningssamtal om sin genomförandeplan."),
        ("h", 3, "Hur blev resultatet?"),
        ("t", ["Indikator", "Källa", "2024", "2025", "Mål 2025"],
         [["Andel brukare som känner sig trygga, %", "Socialstyrelsen", "84", "86", "≥ 90 %"]]),
    ], organ="Vård- och omsorgsnämnden")
    ext = extract_items(doc)
    welfare = by_text(ext.goals, "Invånarna ska ha tillgång till en likvärdig välfärd av god kvalitet")
    safe = by_text(ext.goals, "Äldre som har hemtjänst ska känna sig trygga och ha inflytande över hur insatserna utförs.")
    assert safe.parent_key == welfare.key and len(ext.goals) == 3
    assert {a.text for a in ext.activities} == {
        "I september infördes digital nattillsyn som ett val för brukare som tidigare fått besök nattetid.",
        "Alla brukare har erbjudits ett uppföljningssamtal om sin genomförandeplan."}
    assert all(a.goal_key == safe.key for a in ext.activities)
    assert by_text(ext.indicators, "Andel brukare som känner sig trygga, %").goal_key == safe.key


def test_labelled_goals_naming_their_parent_under_themes_of_the_quality_cycle():
    doc = build([
        ("h", 1, "Kommunfullmäktiges inriktningsmål", "2"),
        ("li", "Haninge ska vara en trygg kommun där alla kan växa och utvecklas.", "1."),
        ("li", "Barn och unga i Haninge ska få en utbildning av hög kvalitet.", "2."),
        ("h", 1, "Utvecklingsområde: Kunskap och lärande", "3"),
        ("h", 2, "Var är vi?", "3.1"),
        ("p", "Kunskapsresultaten i årskurs 9 har försämrats något sedan 2023."),
        ("h", 2, "Vart ska vi?", "3.2"),
        ("p", "Nämndmål 1: Fler elever ska lämna grundskolan med behörighet till gymnasiet. (inriktningsmål 2)"),
        ("t", ["Indikator", "Startvärde", "Målvärde 2026"],
         [["Andel elever i åk 9 behöriga till yrkesprogram, %", "78,4 % (vt 2025)", "Minst 82 %"]]),
        ("h", 3, "Nämndmål 2: Alla elever ska känna sig trygga i skolan. (inriktningsmål 1)"),
        ("h", 2, "Hur gör vi?", "3.3"),
        ("li", "Erbjuda lovskola i matematik för elever i årskurs 9 (Ansvar: rektorer, klart juni 2026)"),
    ], organ="Grund- och förskolenämnden")
    ext = extract_items(doc)
    safe = by_text(ext.goals, "Haninge ska vara en trygg kommun där alla kan växa och utvecklas.")
    quality = by_text(ext.goals, "Barn och unga i Haninge ska få en utbildning av hög kvalitet.")
    eligible = by_text(ext.goals, "Fler elever ska lämna grundskolan med behörighet till gymnasiet.")
    secure = by_text(ext.goals, "Alla elever ska känna sig trygga i skolan.")
    assert len(ext.goals) == 4  # the theme is no goal area
    assert (eligible.parent_key, secure.parent_key) == (quality.key, safe.key)
    assert by_text(ext.indicators, "Andel elever i åk 9 behöriga till yrkesprogram, %").goal_key == eligible.key
    assert len(ext.activities) == 1


def test_a_follow_up_calendar_under_goals_holds_no_goals():
    doc = build([
        ("h", 1, "Mål för folkhälsoarbetet"),
        ("li", "Fler barn och unga ska ha en aktiv och meningsfull fritid."),
        ("p", "Uppföljningen sker enligt följande:"),
        ("li", "Maj: lägesrapport om insatserna till folkhälsorådet."),
        ("li", "Februari 2027 – redovisning till kommunstyrelsen i samband med verksamhetsberättelsen."),
    ], organ="Kommunstyrelsen")
    assert [g.text for g in extract_items(doc).goals] == ["Fler barn och unga ska ha en aktiv och meningsfull fritid."]


def test_a_line_announcing_the_units_goals_over_a_list_of_them_with_run_in_unit_labels():
    doc = build([
        ("h", 2, "Indikatorer och målnivåer 2026"),
        ("p", "Nämndmål 2.2 Placerade barn ska ha en stabil och trygg uppväxt med en fungerande skolgång."),
        ("p", "Avdelningarnas verksamhetsmål 2026"),
        ("li", "Familjehemsenheten: Minst 20 nya familjehem ska rekryteras under 2026."),
        ("li", "Barn och unga: Placerade barn ska få en hälsoundersökning inom fyra veckor från placeringen."),
    ], organ="Socialnämnden")
    ext = extract_items(doc)
    placed = by_text(ext.goals, "Placerade barn ska ha en stabil och trygg uppväxt med en fungerande skolgång.")
    homes = by_text(ext.goals, "Minst 20 nya familjehem ska rekryteras under 2026.")
    health = by_text(ext.goals, "Placerade barn ska få en hälsoundersökning inom fyra veckor från placeringen.")
    assert len(ext.goals) == 3  # the heading of indicators is no goal area
    assert (homes.parent_key, health.parent_key, homes.level) == (placed.key, placed.key, "verksamhet")
    assert homes.target.target_value == 20


# --------------------------------------------------------------------------
# A goal matrix laid on its side, items grouped under goal labels in a cell
# --------------------------------------------------------------------------

SIDEWAYS_MATRIX = [
    ("h", 1, "Målmatris 2026"),
    ("t", ["", "Målområde 1", "Målområde 2"], [
        ["Kommunfullmäktiges mål", "I Vetlanda ska det vara attraktivt att bo och leva.",
         "Vetlanda ska minska sin klimatpåverkan."],
        ["Nämndens mål", "1.1 Nybyggnation ska underlättas genom aktuella detaljplaner. "
                         "1.2 Invånarna ska kunna lita på att livsmedel är säkra.",
         "2.1 Tillsynen ska bidra till minskade utsläpp till luft och vatten."],
        ["Indikatorer (målvärde 2026)",
         "Till nämndmål 1.1: (cid:127) Bostäder i detaljplaner som vunnit laga kraft, antal (minst 120) "
         "Till nämndmål 1.2: (cid:127) Klagomål som avslutats inom 60 dagar, andel (minst 80 %)",
         "Till nämndmål 2.1: (cid:127) Planerade tillsynsbesök som genomförts, andel (100 %) "
         "(cid:127) Förorenade områden där sanering påbörjats, antal (minst 4)"],
        ["Aktiviteter 2026",
         "Till nämndmål 1.1: (cid:127) Digitalisera samtliga gällande detaljplaner "
         "Till nämndmål 1.2: (cid:127) Genomföra ett tillsynsprojekt om radon i flerbostadshus",
         "Till nämndmål 2.1: (cid:127) Inventera nedlagda deponier och prioritera dem efter risk"],
    ]),
]


def test_a_goal_matrix_on_its_side_is_read_upright():
    out = extract_items(build(SIDEWAYS_MATRIX), learned=False)
    goals = {g.key: g for g in out.goals}
    parents = {g.text: (g.level, goals[g.parent_key].text if g.parent_key else None) for g in out.goals}
    assert parents == {
        "I Vetlanda ska det vara attraktivt att bo och leva.": ("kf", None),
        "Vetlanda ska minska sin klimatpåverkan.": ("kf", None),
        "Nybyggnation ska underlättas genom aktuella detaljplaner.": ("namnd", "I Vetlanda ska det vara attraktivt att bo och leva."),
        "Invånarna ska kunna lita på att livsmedel är säkra.": ("namnd", "I Vetlanda ska det vara attraktivt att bo och leva."),
        "Tillsynen ska bidra till minskade utsläpp till luft och vatten.": ("namnd", "Vetlanda ska minska sin klimatpåverkan."),
    }


def test_items_under_a_goal_label_in_a_cell_serve_that_goal():
    out = extract_items(build(SIDEWAYS_MATRIX), learned=False)
    goals = {g.key: g.text for g in out.goals}
    served = {i.text: goals[i.goal_key][:12] for i in (*out.indicators, *out.activities)}
    assert served == {
        "Bostäder i detaljplaner som vunnit laga kraft, antal": "Nybyggnation",
        "Klagomål som avslutats inom 60 dagar, andel": "Invånarna sk",
        "Planerade tillsynsbesök som genomförts, andel": "Tillsynen sk",
        "Förorenade områden där sanering påbörjats, antal": "Tillsynen sk",
        "Digitalisera samtliga gällande detaljplaner": "Nybyggnation",
        "Genomföra ett tillsynsprojekt om radon i flerbostadshus": "Invånarna sk",
        "Inventera nedlagda deponier och prioritera dem efter risk": "Tillsynen sk",
    }


SIDEWAYS_MATRIX_LONG_LABELS = [
    ("h", 1, "Nämndplan på en sida"),
    ("t", ["", "Nämndmål 1", "Nämndmål 2"], [
        ["Mål", "Fler elever ska nå kunskapskraven och bli behöriga till gymnasieskolan.",
         "Barn och elever ska känna sig trygga och ha studiero i skolan."],
        ["Så vet vi att vi lyckas",
         "(cid:127) Andel elever i åk 9 som är behöriga till yrkesprogram: från 81,4 % till minst 85 %",
         "(cid:127) Andel elever i åk 5 som känner sig trygga i skolan: från 87 % till minst 92 %"],
        ["Det här gör vi 2026",
         "(cid:127) Erbjuda lovskola i matematik och svenska för elever i åk 8 och 9",
         "(cid:127) Genomföra trygghetsvandringar tillsammans med elevråden"],
    ]),
]


def test_a_sideways_matrix_with_row_labels_of_several_words():
    """A row label longer than a name ("Så vet vi att vi lyckas") still names
    the row's field when the vocabulary knows it: each column is one goal."""
    out = extract_items(build(SIDEWAYS_MATRIX_LONG_LABELS), learned=False)
    goals = {g.key: g.text for g in out.goals}
    served = {i.text: goals[i.goal_key][:12] for i in (*out.indicators, *out.activities)}
    assert served == {
        "Andel elever i åk 9 som är behöriga till yrkesprogram": "Fler elever ",
        "Andel elever i åk 5 som känner sig trygga i skolan": "Barn och ele",
        "Erbjuda lovskola i matematik och svenska för elever i åk 8 och 9": "Fler elever ",
        "Genomföra trygghetsvandringar tillsammans med elevråden": "Barn och ele",
    }


CARDS_SIDE_BY_SIDE = [
    ("h", 2, "KF-mål 1: Invånarna ska känna trygghet genom hela livet"),
    ("t", ["", "Nämndmål 1.1", "Nämndmål 1.2"], [
        ["Mål", "Äldre med hemtjänst ska känna sig trygga och ha inflytande över sin vardag.",
         "Boende i särskilt boende ska ha en meningsfull och aktiv vardag."],
    ]),
    ("page",),
    # the header row repeated over the page break, read as the opening of the first row
    ("t", ["Indikator", "Nämndmål 1.1 Andel brukare som känner sig trygga hemma",
           "Nämndmål 1.2 Andel boende som är nöjda med aktiviteterna"], [
        ["Utfall 2025", "86 %", "62 %"],
        ["Målvärde 2026", "Minst 90 %", "Minst 70 %"],
        ["Indikator", "Antal olika personal som besöker en brukare under 14 dagar", ""],
        ["Målvärde 2026", "Högst 12", ""],
        ["Aktiviteter 2026", "(cid:127) Införa fasta arbetslag i alla hemtjänstgrupper",
         "(cid:127) Anställa aktivitetssamordnare på två boenden"],
        ["Ansvar", "Hemtjänsten", "Särskilt boende"],
    ]),
]


def test_goal_cards_side_by_side_each_column_one_card():
    """Fields repeat down the rows (two indicators), so each column is a card;
    the cards go on over a page break column by column."""
    out = extract_items(build(CARDS_SIDE_BY_SIDE), learned=False)
    goals = {g.key: g.text for g in out.goals}
    assert sorted(g.level for g in out.goals if g.text.startswith(("Äldre", "Boende"))) == ["namnd", "namnd"]
    served = {i.text: goals[i.goal_key][:6] for i in (*out.indicators, *out.activities)}
    assert served == {
        "Andel brukare som känner sig trygga hemma": "Äldre ",
        "Andel boende som är nöjda med aktiviteterna": "Boende",
        "Antal olika personal som besöker en brukare under 14 dagar": "Äldre ",
        "Införa fasta arbetslag i alla hemtjänstgrupper": "Äldre ",
        "Anställa aktivitetssamordnare på två boenden": "Boende",
    }
    targets = {i.text: [(t.target_op, t.target_value) for t in i.targets] for i in out.indicators}
    assert targets["Antal olika personal som besöker en brukare under 14 dagar"] == [("<=", 12.0)]
    assert {a.text: a.responsible for a in out.activities}["Införa fasta arbetslag i alla hemtjänstgrupper"] == "Hemtjänsten"


GOAL_CARD_WITH_SUBGOALS = [
    ("h", 1, "Hälsosamma levnadsvanor och psykiskt välbefinnande", "2"),
    ("t", [], [
        ["Det vill vi uppnå", "Invånarna ska ha goda möjligheter att leva hälsosamt genom hela livet."],
        ["Delmål till 2029", "2.1 Fler invånare ska vara fysiskt aktiva på fritiden. "
                             "2.2 Den psykiska ohälsan bland unga vuxna ska minska."],
        ["Så följer vi upp", "(cid:127) Andel invånare med stillasittande fritid – från 13 % (2024) till högst 10 % 2029"],
        ["Nationella målområden", "Levnadsvanor; Kontroll, inflytande och delaktighet"],
    ]),
    ("t", [], [
        ["Delmål till 2029", "3.1 Fler invånare ska känna sig trygga i sitt bostadsområde."],
        ["Så följer vi upp", "(cid:127) Andel invånare som känner sig trygga utomhus kvällstid – minst 80 % 2029"],
        ["Nationella målområden", "Boende och närmiljö"],
        ["Viktiga samverkanspartner", "Polisen och räddningstjänsten"],
    ]),
]


def test_a_goal_card_whose_later_goal_row_holds_numbered_sub_goals():
    """"Det vill vi uppnå" heads the card's goal as it would head a list; the
    numbered delmål in one cell are its children, one goal each; national
    areas quoted beside them are no goals; two labels (a goal and its
    measures) make a card."""
    out = extract_items(build(GOAL_CARD_WITH_SUBGOALS), learned=False)
    texts = {g.key: g.text for g in out.goals}
    parents = {g.text: texts.get(g.parent_key) for g in out.goals if g.source == "table"}
    top = "Invånarna ska ha goda möjligheter att leva hälsosamt genom hela livet."
    assert parents[top] != top
    assert parents["Fler invånare ska vara fysiskt aktiva på fritiden."] == top
    assert parents["Den psykiska ohälsan bland unga vuxna ska minska."] == top
    assert "Fler invånare ska känna sig trygga i sitt bostadsområde." in parents
    assert not any("Levnadsvanor" in t or "Boende och närmiljö" in t for t in texts.values())
    assert {i.text[:30] for i in out.indicators} == {"Andel invånare med stillasitta", "Andel invånare som känner sig "}


GOAL_ROWS_WITH_RUN_TOGETHER_CELLS = [
    ("h", 1, "Bygglov"),
    ("t", ["Nämndmål", "Mått och målvärde 2026", "Så gör vi 2026"], [
        ["Sökande ska få beslut i bygglovsärenden inom lagstadgad tid och uppleva en god service.",
         "Andel bygglovsbeslut inom lagstadgad handläggningstid, %: minst 95 Median handläggningstid från "
         "komplett ansökan till beslut, veckor: högst 4 Nöjd kund-index (NKI) för bygglov: minst 70 (2024: 64)",
         "Vi inför en e-tjänst för ansökan om bygglov och anmälan under våren. Vi erbjuder förhandsmöten för "
         "större byggprojekt varannan vecka. Handläggningstiderna publiceras varje månad på kommunens webbplats."],
    ]),
]


def test_measures_and_action_sentences_run_together_in_cells():
    """Measures each closing with a colon and its value, and sentences each
    saying what is done, are one item each even where the cell's lines were
    run together."""
    out = extract_items(build(GOAL_ROWS_WITH_RUN_TOGETHER_CELLS), learned=False)
    assert [(i.text, i.targets[0].target_op, i.targets[0].target_value) for i in out.indicators] == [
        ("Andel bygglovsbeslut inom lagstadgad handläggningstid, %", ">=", 95.0),
        ("Median handläggningstid från komplett ansökan till beslut, veckor", "<=", 4.0),
        ("Nöjd kund-index (NKI) för bygglov", ">=", 70.0),
    ]
    assert [a.text[:30] for a in out.activities] == [
        "Vi inför en e-tjänst för ansök", "Vi erbjuder förhandsmöten för ", "Handläggningstiderna publicera"]


NESTED_LIST_WITH_RUN_IN_KINDS = [
    ("h", 1, "Inriktningsmål"),
    ("li", "Svedala ska växa hållbart med fler bostäder, jobb och företag.", "1."),
    ("h", 1, "Nämndernas mål"),
    ("h", 2, "Kommunstyrelsen"),
    ("li", "Fler bostäder ska byggas i hela kommunen (inriktningsmål 1)", "•", 0),
    ("li", "Mått: Antal färdigställda bostäder. Utgångsläge 142 (2024). Målnivå 2026: minst 200.", "–", 1),
    ("li", "Insats: Anta detaljplanen för Svedala norra etapp 1 med cirka 350 bostäder.", "–", 1),
    ("li", "Handläggningen av bygglov ska vara snabb och rättssäker (inriktningsmål 1)", "•", 0),
    ("li", "Mått: Handläggningstid för bygglov, median i veckor. Utgångsläge 5,2 (2024). Målnivå 2026: högst 4.",
     "–", 1),
]


def test_nested_items_named_by_a_run_in_label_under_goal_bullets():
    """Outer bullets citing a goal by number "(inriktningsmål 1)" are goals
    under it; inner dashes opening "Mått:" or "Insats:" are an indicator and
    an action of the goal above; an indicator's fields follow one a sentence."""
    out = extract_items(build(NESTED_LIST_WITH_RUN_IN_KINDS), learned=False)
    goals = {g.key: g.text for g in out.goals}
    parents = {g.text: goals.get(g.parent_key, "")[:12] for g in out.goals}
    assert parents == {"Svedala ska växa hållbart med fler bostäder, jobb och företag.": "",
                       "Fler bostäder ska byggas i hela kommunen": "Svedala ska ",
                       "Handläggningen av bygglov ska vara snabb och rättssäker": "Svedala ska "}
    built = next(i for i in out.indicators if i.text == "Antal färdigställda bostäder")
    target = built.targets[0]
    assert (target.target_op, target.target_value, target.target_year, target.baseline_value, target.baseline_year) \
        == (">=", 200.0, 2026, 142.0, 2024)
    assert goals[built.goal_key].startswith("Fler bostäder")
    assert [(a.text, goals[a.goal_key][:12]) for a in out.activities] == [
        ("Anta detaljplanen för Svedala norra etapp 1 med cirka 350 bostäder.", "Fler bostäde")]


TABLE_PARTED_BY_KIND_ROWS = [
    ("h", 2, "Näringslivet ska växa", "1.1"),
    ("t", ["Uppföljning", "2024", "Jan–aug 2025", "Mål 2025", "Läge"], [
        ["Indikatorer", "", "", "", ""],
        ["Antal påbörjade bostäder", "86", "41", "Minst 120", "Avvikelse"],
        ["Aktiviteter", "", "", "", ""],
        ["Anta detaljplanen för Hörviks hamnområde", "", "", "", "Försenad"],
    ]),
    ("h", 2, "Fler ärenden ska kunna hanteras digitalt", "1.2"),
    ("page",),
    # its header and "Indikatorer" row were left on the page before as loose lines
    ("t", ["Uppföljning", "2024", "Jan–aug 2025", "Mål 2025", "Läge"], [
        ["Andel e-post som besvaras inom en arbetsdag, %", "81", "88", "Minst 90 %", "I fas"],
        ["Aktiviteter", "", "", "", ""],
        ["Bygga upp en gemensam kunskapsbank för vanliga frågor", "", "", "", "Pågår"],
    ]),
]


def test_a_table_parted_by_rows_naming_the_kind_of_the_rows_below():
    out = extract_items(build(TABLE_PARTED_BY_KIND_ROWS), learned=False)
    assert [(i.text, i.targets[0].target_value) for i in out.indicators] == [
        ("Antal påbörjade bostäder", 120.0), ("Andel e-post som besvaras inom en arbetsdag, %", 90.0)]
    assert [(a.text, a.status) for a in out.activities] == [
        ("Anta detaljplanen för Hörviks hamnområde", "Försenad"),
        ("Bygga upp en gemensam kunskapsbank för vanliga frågor", "Pågår")]


GOALS_NUMBERED_UNDER_AREAS = [
    ("h", 1, "Målområden och strategiska mål 2026–2028"),
    ("p", "Kommunfullmäktige har fastställt tre målområden med sammanlagt åtta strategiska mål."),
    ("h", 1, "Livskvalitet genom hela livet", "1"),
    ("p", "Österåker ska erbjuda en skola med höga resultat och en omsorg som ger trygghet."),
    ("h", 2, "Barn och elever i Österåker når goda kunskapsresultat", "1.1"),
    ("h", 2, "Invånarna känner sig trygga i hela kommunen", "1.2"),
    ("p", "Mål 1.1 följs upp med andelen elever i årskurs 9 som är behöriga till gymnasiets yrkesprogram "
          "(minst 93 %), genomsnittligt meritvärde i årskurs 9 (minst 250) och andelen elever i årskurs 5 "
          "som känner sig trygga i skolan (öka)."),
]


def test_goals_numbered_under_their_area_and_measures_with_levels_in_parentheses():
    """"1.1 Barn och elever … når …" under the area "1 Livskvalitet …" is a goal
    though it has no "ska"; a sentence following a goal up with measures,
    each with its level in parentheses, names one indicator each, of that goal."""
    out = extract_items(build(GOALS_NUMBERED_UNDER_AREAS), learned=False)
    goals = {g.key: g for g in out.goals}
    parents = {g.text: goals[g.parent_key].text[:12] if g.parent_key else None for g in out.goals}
    assert parents == {"Livskvalitet genom hela livet": None,
                       "Barn och elever i Österåker når goda kunskapsresultat": "Livskvalitet",
                       "Invånarna känner sig trygga i hela kommunen": "Livskvalitet"}
    assert [(i.text, goals[i.goal_key].text[:10], i.targets[0].target_value, i.targets[0].direction)
            for i in out.indicators] == [
        ("andelen elever i årskurs 9 som är behöriga till gymnasiets yrkesprogram", "Barn och e", 93.0, "reach"),
        ("genomsnittligt meritvärde i årskurs 9", "Barn och e", 250.0, "reach"),
        ("andelen elever i årskurs 5 som känner sig trygga i skolan", "Barn och e", None, "increase"),
    ]


BOARDS_CONTRIBUTIONS = [
    ("h", 2, "Barn och unga ska få en god start i livet och nå sina mål i skolan", "1.1"),
    ("p", "Andelen elever som lämnar grundskolan med behörighet har ökat men ligger under riket."),
    ("h", 3, "Nämndernas bidrag 2026"),
    ("li", "Barn- och utbildningsnämnden: Införa systematisk screening av språkutveckling i förskolan."),
    ("li", "Kultur- och fritidsnämnden: Utöka läxhjälpen på biblioteket till fyra kvällar i veckan."),
]


def test_the_boards_contributions_are_actions_with_the_board_responsible():
    out = extract_items(build(BOARDS_CONTRIBUTIONS), learned=False)
    assert not any("bidrag" in g.text for g in out.goals)
    assert [(a.text, a.responsible) for a in out.activities] == [
        ("Införa systematisk screening av språkutveckling i förskolan.", "Barn- och utbildningsnämnden"),
        ("Utöka läxhjälpen på biblioteket till fyra kvällar i veckan.", "Kultur- och fritidsnämnden"),
    ]


SUBGOALS_CITING_THEIR_PARENT = [
    ("h", 1, "Övergripande mål"),
    ("li", "Kommunens klimatpåverkan ska minska med minst 70 procent till 2030.", "A."),
    ("li", "Tingsryd ska vara självförsörjande på förnybar el senast 2030.", "B."),
    ("h", 1, "Delmål"),
    ("li", "Den förnybara elproduktionen i kommunen ska öka (bidrar till övergripande mål B).", "3a"),
]


def test_a_goal_citing_its_parent_with_bidrar_till():
    out = extract_items(build(SUBGOALS_CITING_THEIR_PARENT), learned=False)
    goals = {g.key: g.text for g in out.goals}
    child = next(g for g in out.goals if g.text.startswith("Den förnybara"))
    assert child.text == "Den förnybara elproduktionen i kommunen ska öka"
    assert goals[child.parent_key].startswith("Tingsryd ska vara självförsörjande")


GOALS_QUOTED_IN_ONE_SENTENCE = [
    ("h", 1, "Kommunfullmäktiges mål"),
    ("p", "I Strategisk plan 2024–2027 har kommunfullmäktige beslutat om tre övergripande mål: "
          "”Borgholms kommun ska vara en attraktiv plats att bo, leva och verka i året runt”, "
          "”Borgholms kommun ska bidra till en hållbar miljö och ett klimatanpassat Öland” och "
          "”Kommunens verksamheter ska ge invånare och företag god service och vara effektiva”. "
          "Nämndens mål nedan anger vilket av de tre målen de bidrar till."),
]


def test_goals_quoted_one_after_another_in_one_sentence():
    out = extract_items(build(GOALS_QUOTED_IN_ONE_SENTENCE), learned=False)
    assert [g.text for g in out.goals] == [
        "Borgholms kommun ska vara en attraktiv plats att bo, leva och verka i året runt",
        "Borgholms kommun ska bidra till en hållbar miljö och ett klimatanpassat Öland",
        "Kommunens verksamheter ska ge invånare och företag god service och vara effektiva",
    ]


BOARD_HEADINGS_UNDER_GOALS = [
    ("h", 1, "Nämndernas mål"),
    ("h", 2, "Barn- och ungdomsnämnden"),
    ("h", 3, "Nettoram 2026: 1 038,9 mnkr (budget 2025: 979,4 mnkr)"),
    ("li", "Alla barn ska läsa minst 20 minuter varje dag i förskoleklass.", "•"),
]


def test_headings_naming_a_board_or_a_sum_are_no_goals():
    out = extract_items(build(BOARD_HEADINGS_UNDER_GOALS), learned=False)
    assert not any("nämnden" in g.text or "mnkr" in g.text for g in out.goals)


LEGEND_AND_TIMED_ACTIONS = [
    ("h", 1, "Nämndmål"),
    ("li", "Grön: målet bedöms nås vid årets slut.", "•"),
    ("li", "Gul: målet bedöms delvis nås vid årets slut.", "•"),
    ("li", "Alla medarbetare ska ha en arbetsmiljö som främjar hälsa.", "•"),
    ("li", "Vt 2026: Ta fram en plan för kompetensförsörjning i förskola och skola.", "–", 1),
    ("li", "Hela året: Genomföra hälsofrämjande arbetsplatsträffar med stöd av företagshälsovården.", "–", 1),
]


def test_a_colour_legend_is_no_goal_and_a_period_before_an_action_is_its_timeline():
    out = extract_items(build(LEGEND_AND_TIMED_ACTIONS), learned=False)
    assert [g.text for g in out.goals] == ["Alla medarbetare ska ha en arbetsmiljö som främjar hälsa."]
    assert [(a.text, a.timeline) for a in out.activities] == [
        ("Ta fram en plan för kompetensförsörjning i förskola och skola.", "Vt 2026"),
        ("Genomföra hälsofrämjande arbetsplatsträffar med stöd av företagshälsovården.", "Hela året"),
    ]


GOAL_CELLS_NAMING_GOALS = [
    ("h", 1, "Styrmodell"),
    ("t", ["Nivå", "Vem beslutar", "Följs upp i"], [
        ["Kommunfullmäktiges mål", "Kommunfullmäktige i Mål och budget", "Årsredovisningen"],
        ["Nämndmål och indikatorer", "Socialnämnden i nämndsplanen", "Tertialbokslut"],
        ["Verksamhetsmål", "Avdelningarna i sina verksamhetsplaner", "Avdelningarnas uppföljning"],
    ]),
    ("h", 1, "Mål"),
    ("t", ["Kommunfullmäktiges mål", "Nämndens mål som bidrar"], [
        ["Hylte ska vara en attraktiv kommun att bo, leva och verka i.", "Nämndmål 3"],
        ["Barn och unga i Hylte ska ha goda förutsättningar att lyckas.", "Nämndmål 1 och 2"],
    ]),
]


def test_goal_cells_that_name_goals_or_kinds_of_item_are_no_goals():
    out = extract_items(build(GOAL_CELLS_NAMING_GOALS), learned=False)
    assert sorted(g.text for g in out.goals) == [
        "Barn och unga i Hylte ska ha goda förutsättningar att lyckas.",
        "Hylte ska vara en attraktiv kommun att bo, leva och verka i.",
    ]


OUTCOME_WITH_TARGET_IN_PARENTHESES = [
    ("h", 2, "Alla barn och elever ska ges förutsättningar att klara skolan", "1.1"),
    ("p", "Skolan har arbetat vidare med tidiga insatser. Andelen elever i årskurs 9 som är behöriga till "
          "ett yrkesprogram var 81,3 procent (mål 2025: minst 85 procent)."),
]


def test_a_reported_outcome_with_its_target_in_parentheses_is_an_indicator():
    out = extract_items(build(OUTCOME_WITH_TARGET_IN_PARENTHESES), learned=False)
    [indicator] = out.indicators
    assert indicator.text.startswith("Andelen elever i årskurs 9 som är behöriga")
    target = indicator.targets[0]
    assert (target.target_op, target.target_value, target.target_year) == (">=", 85.0, 2025)


def test_a_header_saying_the_target_follows_in_parentheses():
    out = extract_items(build(SIDEWAYS_MATRIX), learned=False)
    targets = {i.text: [(t.target_op, t.target_value, t.unit, t.target_year) for t in i.targets] for i in out.indicators}
    assert targets["Bostäder i detaljplaner som vunnit laga kraft, antal"] == [(">=", 120.0, "antal", 2026)]
    assert targets["Planerade tillsynsbesök som genomförts, andel"] == [("=", 100.0, "%", 2026)]


def test_goal_groups_and_parenthesised_targets():
    from planextract.table_items import goal_groups, parenthesised_target

    assert goal_groups("Andel nöjda brukare") == [(None, None, "Andel nöjda brukare")]
    assert [(n, t.strip()) for _, n, t in goal_groups("Intro Till nämndmål 1.1: a b Nämndmål 2: c")] == [
        (None, "Intro"), ("1.1", "a b"), ("2", "c")]
    assert [n for _, n, _ in goal_groups("Målet för 2030: minska")] == [None]  # a year, not a goal number
    assert parenthesised_target("Nöjd-Kund-Index bygglov (minst 72)", "Indikatorer (målvärde 2026)") == (
        "Nöjd-Kund-Index bygglov", "minst 72")
    assert parenthesised_target("Nöjd-Kund-Index bygglov (NKI)", "Indikatorer") is None


def test_a_heading_of_target_values_governs_indicators_with_last_years_outcome():
    out = extract_items(build([
        ("h", 1, "Nämndens mål 2026"),
        ("b", "Fler barn och unga ska ha en aktiv och meningsfull fritid."),
        ("h", 2, "Målvärden 2026"),
        ("li", "Minst 2 400 deltagare i sommarlovsaktiviteterna (2025: 2 180)"),
        ("li", "Högst 5 dagar i genomsnitt från felanmälan till åtgärd (2025: 9 dagar)"),
    ]), learned=False)
    assert "Målvärden 2026" not in [g.text for g in out.goals]
    found = {i.text: ([(t.target_op, t.target_value) for t in i.targets], [(v.period, v.value) for v in i.values])
             for i in out.indicators}
    assert found == {
        "Minst 2 400 deltagare i sommarlovsaktiviteterna": ([(">=", 2400.0)], [("2025", 2180.0)]),
        "Högst 5 dagar i genomsnitt från felanmälan till åtgärd": ([("<=", 5.0)], [("2025", 9.0)]),
    }


def test_an_action_heading_over_label_and_value_paragraphs():
    out = extract_items(build([
        ("h", 1, "Etappmål till 2028"),
        ("t", ["Nr", "Etappmål 2028", "Bidrar till"], [
            ["E1", "Utsläppen från vägtrafiken i kommunen ska ha minskat med minst 30 procent till 2028.", "Klimatmål 1"],
            ["E2", "Andelen resor med kollektivtrafik, cykel och gång ska öka.", "Klimatmål 1"],
        ]),
        ("h", 1, "Åtgärder 2026–2028"),
        ("h", 2, "Ta fram en plan för publik laddinfrastruktur i tätorterna", "1.1"),
        ("p", "Beskrivning"),
        ("p", "Planen ska visa var kommunen upplåter mark för snabbladdning."),
        ("p", "Etappmål"),
        ("p", "E1"),
        ("p", "Ansvarig"),
        ("p", "Samhällsbyggnadsnämnden"),
        ("p", "Genomförs"),
        ("p", "2026"),
        ("h", 2, "Bygga ut pendlarparkeringar med cykelgarage", "1.2"),
        ("p", "Etappmål"),
        ("p", "E2"),
        ("p", "Ansvarig"),
        ("p", "Trafiknämnden"),
        ("p", "Genomförs"),
        ("p", "2026–2028"),
    ]), learned=False)
    goals = {g.key: g.text for g in out.goals}
    assert len(out.goals) == 2  # "Etappmål 2028" heads goals, not targets
    acts = {a.text: (goals.get(a.goal_key, "")[:12], a.responsible, a.timeline) for a in out.activities}
    assert acts == {
        "Ta fram en plan för publik laddinfrastruktur i tätorterna": ("Utsläppen fr", "Samhällsbyggnadsnämnden", "2026"),
        "Bygga ut pendlarparkeringar med cykelgarage": ("Andelen reso", "Trafiknämnden", "2026–2028"),
    }


def test_label_and_value_paragraphs_of_a_cover_make_no_action():
    out = extract_items(build([
        ("h", 1, "Handlingsplan till Miljö- och klimatprogram 2023–2035"),
        ("p", "Beslutad av"),
        ("p", "Kommunstyrelsen"),
        ("p", "Giltighetstid"),
        ("p", "2026–2030"),
        ("h", 1, "Mål"),
        ("li", "Utsläppen ska minska med 50 procent till 2030."),
        ("li", "Kommunens fordon ska vara fossilfria."),
    ]), learned=False)
    assert out.activities == []


def test_rows_of_a_name_and_one_labelled_field_a_cell_are_indicators():
    out = extract_items(build([
        ("h", 1, "Fler hushåll med ekonomiskt bistånd ska nå egen försörjning.", "3"),
        ("t", ["Invånare som någon gång under året erhållit ekonomiskt bistånd, andel", "Utfall 2024: 2,9 %",
               "Utfall 2025: 2,7 %", "Målvärde 2026: högst 2,5 %"], [
            ["Kolada: N31807", "", "", ""],
            ["Hushåll med långvarigt ekonomiskt bistånd, antal", "Utfall 2024: 142", "Utfall 2025: 131",
             "Målvärde 2026: minska"],
        ]),
    ]), learned=False)
    found = {i.text: (i.kolada_kpi, [(t.direction, t.target_op, t.target_value, t.target_year) for t in i.targets],
                      [(v.period, v.value) for v in i.values]) for i in out.indicators}
    assert found == {
        "Invånare som någon gång under året erhållit ekonomiskt bistånd, andel": (
            "N31807", [("reach", "<=", 2.5, 2026)], [("2024", 2.9), ("2025", 2.7)]),
        "Hushåll med långvarigt ekonomiskt bistånd, antal": (
            None, [("decrease", None, None, None)], [("2024", 142.0), ("2025", 131.0)]),
    }


def test_a_listed_action_closing_with_who_does_it_is_an_activity_under_any_goal():
    out = extract_items(build([
        ("h", 1, "Vården och omsorgen ska vara säker och förebygga skador", "4"),
        ("p", "Bedömning: Uppfylls inte."),
        ("li", "Införa digital signering av läkemedel i hemtjänsten (ansvar: verksamhetschef hälso- och sjukvård; "
               "status: ej påbörjad)", "–"),
        ("li", "Fallolyckor har ökat jämfört med förra året (se tabell)", "–"),
    ]), learned=False)
    assert [(a.text, a.responsible, a.status) for a in out.activities] == [
        ("Införa digital signering av läkemedel i hemtjänsten", "verksamhetschef hälso- och sjukvård", "ej påbörjad")]


def test_a_goal_matrix_on_its_side_without_a_header_row():
    out = extract_items(build([
        ("h", 1, "Mål 2026"),
        ("t", [], [
            ["Målområde", "Ett Mjölby där alla växer", "Ett hållbart Mjölby"],
            ["Kommunfullmäktiges mål", "Alla barn och elever ska ges förutsättningar att nå sin fulla potential.",
             "Mjölby kommun ska ha en ekonomi i balans."],
            ["Nämndens mål", "1.1 Fler elever ska vara behöriga till ett nationellt program. "
                             "1.2 Fler barn ska ha en god språkutveckling.", "2.1 Nämnden ska ha en budget i balans."],
            ["Prioriteringar 2026", "Läsning och matematik i de tidiga åren", "Kompetensförsörjning"],
        ]),
    ]), learned=False)
    goals = {g.key: g for g in out.goals}
    tree = {g.text: (goals[g.parent_key].text if g.parent_key else None) for g in out.goals}
    assert tree == {
        "Ett Mjölby där alla växer": None,
        "Alla barn och elever ska ges förutsättningar att nå sin fulla potential.": "Ett Mjölby där alla växer",
        "Fler elever ska vara behöriga till ett nationellt program.":
            "Alla barn och elever ska ges förutsättningar att nå sin fulla potential.",
        "Fler barn ska ha en god språkutveckling.":
            "Alla barn och elever ska ges förutsättningar att nå sin fulla potential.",
        "Ett hållbart Mjölby": None,
        "Mjölby kommun ska ha en ekonomi i balans.": "Ett hållbart Mjölby",
        "Nämnden ska ha en budget i balans.": "Mjölby kommun ska ha en ekonomi i balans.",
    }


def test_a_row_of_goals_under_perspective_headers_below_a_heading_of_goals():
    out = extract_items(build([
        ("h", 1, "Regionfullmäktiges mål"),
        ("t", ["Invånare", "Samhälle", "Ekonomi"], [
            ["Norrbottningarna ska ha en god och jämlik hälsa.", "Norrbotten ska ha en hållbar tillväxt.",
             "Region Norrbotten ska ha en ekonomi i balans."],
        ]),
        ("h", 1, "Norrbotten i siffror"),
        ("t", ["Mått", "Norrbotten", "Riket"], [["Antal invånare", "249 600", "–"]]),
    ]), learned=False)
    assert [(g.level, g.text) for g in out.goals] == [
        ("kf", "Norrbottningarna ska ha en god och jämlik hälsa."),
        ("kf", "Norrbotten ska ha en hållbar tillväxt."),
        ("kf", "Region Norrbotten ska ha en ekonomi i balans."),
    ]


def test_a_goal_card_with_its_full_year_forecast():
    out = extract_items(build([
        ("h", 1, "Måluppfyllelse"),
        ("t", [], [
            ["Nämndmål", "Alla elever ska ges förutsättningar att nå så långt som möjligt i sitt lärande."],
            ["Prognos helår", "Till stor del uppfyllt"],
            ["Analys", "Andelen elever som når minst betyget E i alla ämnen ökade för andra året i rad."],
        ]),
    ]), learned=False)
    assert [g.text for g in out.goals] == ["Alla elever ska ges förutsättningar att nå så långt som möjligt i sitt lärande."]


def test_an_action_title_run_into_its_description_over_a_line_of_who_and_when():
    out = extract_items(build([
        ("h", 1, "Fler barn och unga ska ha en aktiv och meningsfull fritid."),
        ("h", 2, "Så gör vi"),
        ("p", "Kvällsöppen fritidsgård i Bodafors Fritidsgården i Bodafors håller öppet två kvällar i veckan från hösten."),
        ("p", "Ansvar: Fritidsenheten • Klart: september 2026"),
        ("p", "Läsombud i förskolan Biblioteket utbildar ett läsombud på varje förskola."),
        ("p", "Ansvar: Biblioteket • Klart: december 2026"),
    ]), learned=False)
    assert [(a.text, a.responsible, a.timeline) for a in out.activities] == [
        ("Kvällsöppen fritidsgård i Bodafors", "Fritidsenheten", "september 2026"),
        ("Läsombud i förskolan", "Biblioteket", "december 2026"),
    ]
    assert out.activities[0].detail.startswith("Fritidsgården i Bodafors håller öppet")


def test_initiatives_of_the_year_are_activities_serving_the_goal_coded_in_their_tail():
    out = extract_items(build([
        ("h", 1, "Socialnämnden"),
        ("t", ["Nr", "Nämndmål", "Nyckeltal", "Målvärde 2026"], [
            ["SN 1", "Äldre ska kunna bo kvar hemma med trygg hemtjänst.", "Andel nöjda brukare, %", "Minst 90 %"],
            ["SN 2", "Barn som far illa ska få stöd tidigt.", "Väntetid till insats, dagar", "Högst 30"],
        ]),
        ("h", 2, "Satsningar 2026:"),
        ("li", "Införa ett trygghetsteam för personer med ny hemtjänst (SN 1, 3,8 mnkr)."),
        ("li", "Utöka familjebehandlingen med två behandlare (SN 2, 1,6 mnkr)."),
    ]), learned=False)
    goals = {g.key: g.text for g in out.goals}
    assert "Satsningar 2026:" not in goals.values()
    assert [(a.text, goals.get(a.goal_key, "")[:10]) for a in out.activities] == [
        ("Införa ett trygghetsteam för personer med ny hemtjänst", "Äldre ska "),
        ("Utöka familjebehandlingen med två behandlare", "Barn som f"),
    ]


def test_a_goal_row_serves_the_goal_its_bidrar_till_cell_names():
    out = extract_items(build([
        ("h", 1, "Kungälvs klimatmål"),
        ("t", ["Nr", "Klimatmål", "Målår"], [
            ["1", "Utsläppen av växthusgaser inom kommunen ska minska.", "2035"],
            ["2", "Kommunkoncernens verksamheter ska vara fossilfria.", "2030"],
        ]),
        ("h", 1, "Etappmål till 2028"),
        ("t", ["Nr", "Etappmål 2028", "Bidrar till"], [
            ["E1", "Utsläppen från vägtrafiken i kommunen ska ha minskat med minst 30 procent till 2028.", "Klimatmål 1"],
            ["E2", "Kommunkoncernens egna transporter ska ställas om till el.", "Klimatmål 2"],
        ]),
    ]), learned=False)
    goals = {g.key: g.text for g in out.goals}
    served = {g.text: goals.get(g.parent_key) for g in out.goals}
    assert served["Utsläppen från vägtrafiken i kommunen ska ha minskat med minst 30 procent till 2028."] == \
        "Utsläppen av växthusgaser inom kommunen ska minska."
    assert served["Kommunkoncernens egna transporter ska ställas om till el."] == \
        "Kommunkoncernens verksamheter ska vara fossilfria."


def test_coded_goal_statements_under_a_heading_no_rule_knows_are_goals():
    """"T1 Utsläppen … ska minska …" under "Delmål till 2030" (a heading of no
    known kind): coded goals, as the same goals listed would be; an item
    referring to the code serves that goal."""
    out = extract_items(build([
        ("h", 1, "Fokusområde Transporter och resor"),
        ("p", "Ronneby är en landsbygdskommun med långa avstånd."),
        ("h", 2, "Delmål till 2030"),
        ("p", "T1 Utsläppen av växthusgaser från vägtrafiken i kommunen ska minska med minst 60 procent "
              "till 2030 jämfört med 2010."),
        ("p", "T2 Andelen resor till fots, med cykel eller med kollektivtrafik ska öka till minst 35 procent 2030."),
        ("h", 2, "Åtgärder"),
        ("li", "Bygga ut laddinfrastrukturen vid kommunens arbetsplatser (T1)"),
    ]))
    goals = {g.key: g.text for g in out.goals}
    assert "Utsläppen av växthusgaser från vägtrafiken i kommunen ska minska med minst 60 procent till 2030 " \
           "jämfört med 2010." in goals.values()
    assert any(text.startswith("Andelen resor till fots") for text in goals.values())
    action = out.activities[0]
    assert goals[action.goal_key].startswith("Utsläppen av växthusgaser")


def test_a_table_of_figures_before_any_goal_is_statistics_not_indicators():
    """"Indikator | Härnösand | Riket | År" in the opening pages: figures
    without a stated target, no goal stated yet (ANNOTATION: not items).
    The same table under a goal measures it."""
    figures = ("t", ["Indikator", "Härnösand", "Riket", "År"], [
        ["Medellivslängd, kvinnor, år", "83,6", "84,1", "2024"],
        ["Invånare 16–84 år med gott självskattat hälsotillstånd, %", "68", "71", "2024"],
    ])
    before = extract_items(build([("h", 1, "Folkhälsan i Härnösand"), figures,
                                  ("h", 1, "Mål"), ("h", 2, "Fler invånare ska ha en god hälsa", "1")]))
    assert before.indicators == [] and len(before.goals) == 1
    under = extract_items(build([("h", 1, "Mål"), ("h", 2, "Fler invånare ska ha en god hälsa", "1"), figures]))
    assert [i.text for i in under.indicators] == ["Medellivslängd, kvinnor, år",
                                                  "Invånare 16–84 år med gott självskattat hälsotillstånd, %"]


def test_a_goal_card_under_its_goal_heading_with_bulleted_cells():
    """A card with no goal row under the heading of its goal: "Bidrar till"
    names the goal it serves (its parent), "Så gör vi 2026" and "Så mäter
    vi" (what would head lists of actions and measures) hold one bullet an
    item, an indicator with its target and outcome in its tail."""
    out = extract_items(build([
        ("h", 1, "Kommunfullmäktiges mål"),
        ("li", "Barn och unga i kommunen ska ha goda förutsättningar att lyckas i livet.", "A."),
        ("h", 1, "Barn i förskolan ska ges en god grund för fortsatt lärande", "2"),
        ("t", [], [
            ["Bidrar till", "A. Barn och unga i kommunen ska ha goda förutsättningar att lyckas i livet."],
            ["Varför är målet viktigt?", "Förskolan lägger grunden för barnens språk och lärande."],
            ["Så gör vi 2026", "(cid:127) Ta fram en gemensam plan för språkutvecklande arbetssätt "
                               "(cid:127) Erbjuda förskollärare handledning i att planera undervisning"],
            ["Så mäter vi", "(cid:127) Andel vårdnadshavare som är nöjda med förskolan – målvärde 2026: minst 90 % "
                            "(utfall 2025: 87 %) (cid:127) Andel legitimerade förskollärare – ska öka (utfall 2025: 41 %)"],
        ]),
    ], organ="Barn- och utbildningsnämnden"), learned=False)
    goals = {g.key: g for g in out.goals}
    card_goal = next(g for g in out.goals if g.text.startswith("Barn i förskolan"))
    assert goals[card_goal.parent_key].text.startswith("Barn och unga i kommunen")
    assert [(a.text, a.goal_key) for a in out.activities] == [
        ("Ta fram en gemensam plan för språkutvecklande arbetssätt", card_goal.key),
        ("Erbjuda förskollärare handledning i att planera undervisning", card_goal.key)]
    first, second = out.indicators
    assert (first.text, first.goal_key) == ("Andel vårdnadshavare som är nöjda med förskolan", card_goal.key)
    assert first.targets[0].target_value == 90 and first.targets[0].target_year == 2026
    assert [(v.period, v.value) for v in first.values] == [("2025", 87.0)]
    assert second.text == "Andel legitimerade förskollärare" and second.targets[0].direction == "increase"


def test_a_measure_with_its_level_in_the_text_under_a_goal_is_an_indicator():
    """"Mål 2.1 Fler bostäder ska byggas." then prose whose sentence names a
    measure and the level it shall reach: an indicator of that goal, its
    sentence its target; a sentence asking only a direction stays prose."""
    out = extract_items(build([
        ("h", 1, "Hållbar tillväxt och utveckling", "2"),
        ("p", "Mål 2.1 Fler bostäder ska byggas i hela kommunen."),
        ("p", "Bostadsbyggandet har minskat sedan 2022, främst på grund av högre räntor. Antalet färdigställda "
              "bostäder ska vara minst 150 under 2026 (96 år 2024). Kommunen ska fortsätta att växa."),
    ], organ="Kommunfullmäktige"), learned=False)
    goal = by_text(out.goals, "Fler bostäder ska byggas i hela kommunen.")
    indicator, = out.indicators
    assert indicator.text.startswith("Antalet färdigställda bostäder ska vara minst 150 under 2026")
    assert indicator.goal_key == goal.key
    assert (indicator.targets[0].target_op, indicator.targets[0].target_value) == (">=", 150)


def test_measures_set_as_headings_under_a_heading_of_measures():
    """"Så mäter vi" over nothing of its own, then each measure a heading at
    its level over the text that sets its level: indicators with targets;
    the next heading of another kind ends the run."""
    out = extract_items(build([
        ("h", 2, "Fler elever ska lämna grundskolan med behörighet till gymnasiet", "1"),
        ("h", 3, "Så mäter vi"),
        ("h", 3, "Behörighet till yrkesprogram, årskurs 9"),
        ("p", "Andelen elever i årskurs 9 som är behöriga till ett yrkesprogram ska öka från 81,4 procent (2025) "
              "till minst 86 procent 2026."),
        ("h", 3, "Genomsnittligt meritvärde i årskurs 9"),
        ("p", "Meritvärdet var 216 poäng 2024. Det ska öka till minst 225 poäng 2026."),
        ("h", 3, "Aktiviteter"),
        ("li", "Införa läxhjälp på alla skolor"),
    ], organ="Barn- och utbildningsnämnden"), learned=False)
    goal, = out.goals
    assert [(i.text, i.goal_key) for i in out.indicators] == [
        ("Behörighet till yrkesprogram, årskurs 9", goal.key), ("Genomsnittligt meritvärde i årskurs 9", goal.key)]
    first, second = (i.targets[0] for i in out.indicators)
    assert (first.target_op, first.target_value, first.baseline_value) == (">=", 86, 81.4)
    assert (second.target_op, second.target_value, second.target_year) == (">=", 225, 2026)
    assert [a.text for a in out.activities] == ["Införa läxhjälp på alla skolor"]


def test_a_heading_naming_a_numbered_goal_under_a_title_of_its_own_is_that_goal():
    """"Nämndmål 1 – Kunskap och behörighet" after a table of the numbered
    goals: goal 1 again under a theme title, not a goal "Kunskap och behörighet"."""
    out = extract_items(build([
        ("h", 1, "Nämndens mål 2026"),
        ("t", ["Nr", "Nämndmål 2026", "Bidrar till"], [
            ["1", "Fler elever ska lämna grundskolan med behörighet till ett nationellt program.", "KF-mål B"],
            ["2", "Barn och elever ska känna sig trygga och ha studiero i förskola och skola.", "KF-mål B"],
        ]),
        ("h", 1, "Nämndmål 1 – Kunskap och behörighet"),
        ("h", 2, "Aktiviteter"),
        ("li", "Införa läxhjälp på alla skolor"),
        ("h", 1, "Nämndmål 2 – Trygghet och studiero"),
        ("h", 2, "Aktiviteter"),
        ("li", "Genomföra trygghetsvandringar på alla skolor"),
    ], organ="Barn- och utbildningsnämnden"), learned=False)
    assert sorted(g.text for g in out.goals) == [
        "Barn och elever ska känna sig trygga och ha studiero i förskola och skola.",
        "Fler elever ska lämna grundskolan med behörighet till ett nationellt program."]
    goals = {g.key: g.text for g in out.goals}
    assert [(a.text, goals[a.goal_key][:10]) for a in out.activities] == [
        ("Införa läxhjälp på alla skolor", "Fler eleve"), ("Genomföra trygghetsvandringar på alla skolor", "Barn och e")]


def test_a_goal_restated_with_its_label_and_number_is_the_same_goal():
    """"Bidrar till | Strategiskt mål 1: En nära … vård" restates the goal of
    the heading "Strategiskt mål 1: En nära … vård": one goal, the parent of
    the card's goal."""
    out = extract_items(build([
        ("h", 1, "Strategiskt mål 1: En nära och tillgänglig vård i hela Dalarna"),
        ("t", [], [
            ["Nämndmål 1.1", "Fler invånare ska ha en fast vårdkontakt i primärvården"],
            ["Bidrar till", "Strategiskt mål 1: En nära och tillgänglig vård i hela Dalarna"],
            ["Indikator", "Andel invånare med fast vårdkontakt"],
        ]),
    ], organ="Hälso- och sjukvårdsnämnden"), learned=False)
    strategic = by_text(out.goals, "En nära och tillgänglig vård i hela Dalarna")
    board = by_text(out.goals, "Fler invånare ska ha en fast vårdkontakt i primärvården")
    assert len(out.goals) == 2 and board.parent_key == strategic.key


def test_indicators_as_columns_with_rows_naming_their_goal_and_kolada_id():
    """A table laid on its side: the indicators are the columns, a row "Avser
    mål" names the goal each serves by number, a row "Kolada-id" their ids,
    the other rows their outcomes and target."""
    out = extract_items(build([
        ("h", 1, "Nämndens mål"),
        ("li", "Alla elever ska lämna grundskolan med godkända betyg i samtliga ämnen", "1."),
        ("li", "Alla elever ska känna sig trygga i skolan och på fritidshemmet", "2."),
        ("h", 1, "Indikatorer"),
        ("t", ["", "Elever i åk 9 med godkända betyg i alla ämnen, %", "Elever i åk 8 som känner sig trygga, %"], [
            ["Avser mål", "1", "2"],
            ["Kolada-id", "N15419", "–"],
            ["Utfall 2024", "70,4", "76"],
            ["Målvärde 2025", "minst 75", "minst 85"],
        ]),
    ], organ="Barn- och utbildningsnämnden"), learned=False)
    goals = {g.key: g.text[:12] for g in out.goals}
    assert [(i.text, goals[i.goal_key], i.kolada_kpi, i.targets[0].target_value) for i in out.indicators] == [
        ("Elever i åk 9 med godkända betyg i alla ämnen, %", "Alla elever ", "N15419", 75),
        ("Elever i åk 8 som känner sig trygga, %", "Alla elever ", None, 85)]
    assert out.indicators[1].goal_key != out.indicators[0].goal_key


def test_indicators_as_columns_under_a_period_corner_may_have_short_names():
    """"Period | Budgetavvikelse, mnkr | …" over periods and a target row: two
    words name an indicator when the corner says the rows are periods."""
    out = extract_items(build([
        ("h", 1, "Ekonomi i balans"),
        ("t", ["Period", "Budgetavvikelse, mnkr", "Kostnad för inhyrd personal, mnkr"], [
            ["Helår 2024", "-188,0", "206,3"],
            ["Jan–aug 2025", "-96,5", "92,1"],
            ["Målvärde 2025", "0", "≤ 110"],
        ]),
    ], organ="Hälso- och sjukvårdsnämnden"), learned=False)
    assert [(i.text, i.targets[0].target_value) for i in out.indicators] == [
        ("Budgetavvikelse, mnkr", 0), ("Kostnad för inhyrd personal, mnkr", 110)]


def test_goals_stated_as_clauses_of_running_prose():
    """A follow-up written in prose: the council's goal named in a clause
    after "inriktningsmål att", the board's goals as clauses closed by their
    number "(mål 1)" or their assessment "[Delvis uppfyllt]"; each goal's
    text is its clause, and a later table names it by number."""
    out = extract_items(build([
        ("h", 1, "Måluppfyllelse"),
        ("h", 2, "Lärande"),
        ("p", "Under fullmäktiges inriktningsmål att Älvkarleby ska erbjuda en utbildning av hög kvalitet där alla "
              "barn utvecklas har nämnden beslutat att alla elever ska lämna grundskolan med godkända betyg i "
              "samtliga ämnen (mål 1). Nämnden har också som mål att barn i förskolan ska möta en verksamhet som "
              "stimulerar språk och lärande (mål 2)."),
        ("p", "För hemtjänsten har nämnden beslutat att den som har hemtjänst ska möta så få olika medarbetare "
              "som möjligt [Delvis uppfyllt]. Antalet olika medarbetare var 13 vid mätningen i maj."),
        ("t", ["", "Elever i åk 9 med godkända betyg i alla ämnen, %", "Barn med genomförd språkkartläggning, %"], [
            ["Avser mål", "1", "2"],
            ["Utfall 2024", "70,4", "64"],
            ["Målvärde 2025", "minst 75", "100"],
        ]),
    ], organ="Barn- och utbildningsnämnden"), learned=False)
    council = by_text(out.goals, "Älvkarleby ska erbjuda en utbildning av hög kvalitet där alla barn utvecklas")
    first = by_text(out.goals, "alla elever ska lämna grundskolan med godkända betyg i samtliga ämnen")
    second = by_text(out.goals, "barn i förskolan ska möta en verksamhet som stimulerar språk och lärande")
    care = by_text(out.goals, "den som har hemtjänst ska möta så få olika medarbetare som möjligt")
    assert (council.level, first.level, first.parent_key) == ("kf", "namnd", council.key)
    assert care.status == "partly" and len(out.goals) == 4
    assert [i.goal_key for i in out.indicators] == [first.key, second.key]


def test_an_action_table_naming_earlier_goals_in_short_words_links_to_them():
    """An appendix of actions whose goal column names goals stated earlier
    in a few words of its own ("Färre placeringar utanför hemmet"): the
    actions serve those goals; the short names are no new goals."""
    out = extract_items(build([
        ("h", 1, "Måluppfyllelse"),
        ("p", "Det andra målet är att färre barn och unga ska behöva placeras utanför hemmet [Uppfyllt]."),
        ("p", "Nämnden har som mål att sjukfrånvaron bland nämndens medarbetare ska minska [Ej uppfyllt]."),
        ("h", 1, "Bilaga 1 Aktiviteter"),
        ("t", ["Aktivitet", "Nämndmål", "Ansvar"], [
            ["Utöka familjebehandlingen i hemmet med två tjänster", "Färre placeringar utanför hemmet", "IFO"],
            ["Införa tidiga samtal vid korttidsfrånvaro", "Minskad sjukfrånvaro", "HR"],
        ]),
    ], organ="Socialnämnden"), learned=False)
    placed = by_text(out.goals, "färre barn och unga ska behöva placeras utanför hemmet")
    sick = by_text(out.goals, "sjukfrånvaron bland nämndens medarbetare ska minska")
    assert len(out.goals) == 2 and (placed.status, sick.status) == ("met", "not_met")
    assert [a.goal_key for a in out.activities] == [placed.key, sick.key]


def test_a_decimal_outline_of_areas_goals_measures_and_points():
    """A plan written as a decimal outline: "3.1" an area, "3.1.2" the board's
    goal; "3.1.2.1 Antalet … ska minska. Källa: …" a numbered clause stating a
    measure (an indicator of the goal, not a goal under it); a point one level
    down stated as a goal after a label naming a part of the organisation
    ("3.1.3.1 Grundskolan: …") a goal under the heading's."""
    out = extract_items(build([
        ("h", 1, "Mål och åtgärder 2026", "3"),
        ("h", 2, "Trygg och värdig omsorg i hela kommunen", "3.1"),
        ("h", 3, "Den som behöver särskilt boende ska erbjudas plats utan lång väntan", "3.1.2"),
        ("h", 4, "Antalet beslut om särskilt boende som inte verkställts inom tre månader ska minska. "
                 "Källa: nämndens rapportering.", "3.1.2.1"),
        ("h", 3, "Förskolan och skolan ska vara trygga platser fria från kränkningar.", "3.1.3"),
        ("p", "3.1.3.1 Grundskolan: Rastverksamheten ska vara organiserad med vuxna närvarande på alla "
              "skolgårdar."),
        ("li", "Andel elever som känner sig trygga på rasterna", "a)"),
    ], organ="Vård- och omsorgsnämnden"), learned=False)
    area = by_text(out.goals, "Trygg och värdig omsorg i hela kommunen")
    housing = by_text(out.goals, "Den som behöver särskilt boende ska erbjudas plats utan lång väntan")
    school = by_text(out.goals, "Förskolan och skolan ska vara trygga platser fria från kränkningar.")
    breaks = by_text(out.goals, "Rastverksamheten ska vara organiserad med vuxna närvarande på alla skolgårdar.")
    assert (housing.parent_key, school.parent_key, breaks.parent_key) == (area.key, area.key, school.key)
    assert len(out.goals) == 4
    decisions = by_text(out.indicators, "Antalet beslut om särskilt boende som inte verkställts inom tre "
                                        "månader ska minska. Källa: nämndens rapportering.")
    assert decisions.goal_key == housing.key


def test_points_of_a_decimal_outline_reporting_measures_are_indicators():
    """"3.1.1.1 Andelen … var 84 procent … Målvärdet för 2026 är minst 88
    procent." under the goal "3.1.1": the point is one indicator of that
    goal, its target the sentence after that states one."""
    out = extract_items(build([
        ("h", 1, "Måluppfyllelse", "3"),
        ("h", 2, "I Hallstahammar ska alla kunna leva ett tryggt liv", "3.1"),
        ("h", 3, "Äldre personer med hemtjänst ska uppleva trygghet i vardagen", "3.1.1"),
        ("p", "3.1.1.1 Andelen brukare med hemtjänst som känner sig trygga hemma var 84 procent i "
              "brukarundersökningen 2025. Nästa mätning redovisas i tertial 2. Målvärdet för 2026 är att "
              "andelen ska vara minst 88 procent."),
        ("p", "3.1.1.2 Antalet hushåll med långvarigt ekonomiskt bistånd var 163 i april. Det följs utan "
              "målvärde för 2026."),
    ], organ="Socialnämnden"), learned=False)
    goal = by_text(out.goals, "Äldre personer med hemtjänst ska uppleva trygghet i vardagen")
    first, second = out.indicators
    assert first.text.startswith("Andelen brukare med hemtjänst") and first.text.endswith("minst 88 procent.")
    assert (first.goal_key, first.targets[0].target_value, first.targets[0].target_op) == (goal.key, 88, ">=")
    assert second.text.startswith("Antalet hushåll") and second.goal_key == goal.key and not second.targets


def test_a_measure_reported_in_prose_with_its_target_in_a_later_sentence():
    """"Antalet barn … i heldygnsvård var 14 den 31 augusti, …. Enligt
    verksamhetsplanen ska antalet vara högst 15 vid årets slut.": the measure
    is an indicator of the goal the paragraph follows up, its target the later
    sentence; a measure reported with no target is analysis."""
    out = extract_items(build([
        ("h", 1, "Måluppfyllelse"),
        ("p", "Det andra målet är att färre barn och unga ska behöva placeras utanför hemmet [Uppfyllt]. "
              "Antalet barn och unga i heldygnsvård var 14 den 31 augusti, att jämföra med 19 vid årsskiftet. "
              "Enligt verksamhetsplanen ska antalet vara högst 15 vid årets slut. Andelen placerade i "
              "familjehem var 60 procent."),
    ], organ="Socialnämnden"), learned=False)
    goal, = out.goals
    indicator, = out.indicators
    assert (indicator.text, indicator.goal_key) == ("Antalet barn och unga i heldygnsvård", goal.key)
    assert (indicator.targets[0].target_op, indicator.targets[0].target_value) == ("<=", 15)


def test_indicators_in_a_cell_with_their_fields_one_a_sentence():
    """An "effektkedja" table: bulleted indicators in one cell, each "name.
    Utgångsläge 2,1 (2025). Mål 2028: minst 4.", beside a "Förväntat
    resultat" column that is no target of theirs."""
    out = extract_items(build([
        ("h", 1, "Strategiområde 1 Attraktiv arbetsgivare"),
        ("t", ["Insats (ansvar, tid)", "Förväntat resultat", "Effektmål 2028", "Indikatorer och målvärden"], [
            ["Ta fram en gemensam arbetsgivarprofil (HR-avdelningen, 2026)", "Samma budskap i all rekrytering",
             "Tjörns kommun är ett förstahandsval för sökande inom bristyrken",
             "• Antal behöriga sökande per annonserad tjänst. Utgångsläge 2,1 (2025). Mål 2028: minst 4.\n"
             "• Andel nyanställda som är nöjda med introduktionen. Ny mätning 2026. Mål 2028: minst 85 %."],
        ]),
    ], organ="Kommunstyrelsen"), learned=False)
    first, second = out.indicators
    assert (first.text, first.targets[0].target_value, first.targets[0].baseline_value) == (
        "Antal behöriga sökande per annonserad tjänst", 4, 2.1)
    assert (second.text, second.targets[0].target_value) == ("Andel nyanställda som är nöjda med introduktionen", 85)


def test_coded_goals_and_lettered_indicators_run_together_in_cells():
    """"A1 Fler bostäder ska byggas …. A2 Kil ska ha …" in one cell: two goals;
    "A1 a) Antal … Målvärde 2026: minst 45 (2024: 31) A2 a) …" in the next:
    indicators of the goals their codes name."""
    out = extract_items(build([
        ("h", 1, "Målkarta 2026"),
        ("t", ["Kommunfullmäktiges mål", "Indikatorer och målvärden"], [
            ["A1 Fler bostäder ska byggas i hela kommunen. A2 Kil ska ha ett gott företagsklimat och fler "
             "arbetstillfällen.",
             "A1 a) Antal färdigställda bostäder per år. Målvärde 2026: minst 45 (2024: 31) A2 a) Antal "
             "nystartade företag per 1 000 invånare. Målvärde 2026: öka (2024: 3,9)"],
        ]),
    ], organ="Kommunfullmäktige"), learned=False)
    homes = by_text(out.goals, "Fler bostäder ska byggas i hela kommunen.")
    firms = by_text(out.goals, "Kil ska ha ett gott företagsklimat och fler arbetstillfällen.")
    assert len(out.goals) == 2
    assert [(i.text, i.goal_key) for i in out.indicators] == [
        ("Antal färdigställda bostäder per år", homes.key), ("Antal nystartade företag per 1 000 invånare", firms.key)]
    assert out.indicators[0].targets[0].target_value == 45


def test_goals_closing_with_their_assessment_in_brackets_beside_indicator_columns():
    """"HSN 1 Väntetiderna … ska minska [Prognos helår: delvis uppnått]": the
    bracket is the goal's status, not its text; a section whose table has the
    indicators as columns under a "Period" corner is no action's field table."""
    out = extract_items(build([
        ("h", 1, "Måluppfyllelse"),
        ("h", 2, "INVÅNARNA HAR TILLGÅNG TILL EN JÄMLIK OCH TILLGÄNGLIG VÅRD"),
        ("t", ["Period", "Andel besök inom 90 dagar, %", "Andel operationer inom 90 dagar, %"], [
            ["Helår 2024", "61", "57"], ["Jan–aug 2025", "66", "63"], ["Målvärde 2025", "≥ 75", "≥ 70"]]),
        ("h", 3, "HSN 1 Väntetiderna till planerad specialiserad vård ska minska [Prognos helår: delvis uppnått]"),
    ], organ="Hälso- och sjukvårdsnämnden"), learned=False)
    area = by_text(out.goals, "INVÅNARNA HAR TILLGÅNG TILL EN JÄMLIK OCH TILLGÄNGLIG VÅRD")
    waits = by_text(out.goals, "Väntetiderna till planerad specialiserad vård ska minska")
    assert (waits.status, waits.parent_key) == ("partly", area.key)
    assert not out.activities and len(out.indicators) == 2


def test_a_roadmap_of_actions_by_year_whose_rows_name_their_goal_by_letter():
    """A roadmap "Delmål | 2026 | 2027" whose rows name the delmål listed
    "a)", "b)" above by letter: the letters are no goals, the actions in a
    row serve the goal of that letter, each with its column's year."""
    out = extract_items(build([
        ("h", 1, "Delmål"),
        ("li", "Fler barn och unga ska vara fysiskt aktiva på fritiden.", "a)"),
        ("li", "Färre unga ska börja använda tobak och nikotin.", "b)"),
        ("h", 1, "Färdplan"),
        ("t", ["Delmål", "2026", "2027"], [
            ["a)", "• Avgiftsfri spontanidrott på lördagar", "• Aktivitetsbaserat lov"],
            ["b)", "• Tobaksfri skoltid införs på alla skolor", ""],
        ]),
    ], organ="Kommunfullmäktige"), learned=False)
    active = by_text(out.goals, "Fler barn och unga ska vara fysiskt aktiva på fritiden.")
    tobacco = by_text(out.goals, "Färre unga ska börja använda tobak och nikotin.")
    assert len(out.goals) == 2
    assert [(a.text, a.goal_key, a.timeline) for a in out.activities] == [
        ("Avgiftsfri spontanidrott på lördagar", active.key, "2026"), ("Aktivitetsbaserat lov", active.key, "2027"),
        ("Tobaksfri skoltid införs på alla skolor", tobacco.key, "2026")]


def test_a_table_of_targets_by_year_holds_no_actions():
    """"Finansiellt mål | 2026 | 2027" over "Minst 2,0 %", "Budget i balans": levels by year, no actions."""
    out = extract_items(build([
        ("h", 1, "Finansiella mål"),
        ("t", ["Finansiellt mål", "2026", "2027"], [
            ["Årets resultat ska uppgå till minst 2 procent av skatteintäkterna", "Minst 2,0 %", "Minst 2,0 %"],
            ["Nämnderna ska bedriva sin verksamhet inom tilldelad budgetram", "Budget i balans", "Budget i balans"],
        ]),
    ], organ="Kommunfullmäktige"), learned=False)
    assert len(out.goals) == 2 and not out.activities


def test_lettered_measures_under_a_goal_and_their_targets_in_an_appendix_by_reference():
    """"4.1.1 Fler elever ska …" over "a) Andel elever …", "b) Genomsnittligt
    meritvärde …": indicators of that goal; an appendix "Ref. | Indikator
    (kortnamn) | Utfall 2025 | Målvärde 2026" naming them "4.1.1 a" gives
    their figures and targets, and holds no indicators of its own."""
    out = extract_items(build([
        ("h", 1, "Mål och indikatorer 2026", "4"),
        ("h", 2, "Barn och elever ska utvecklas så långt som möjligt", "4.1"),
        ("h", 3, "Fler elever ska nå minst godtagbara kunskaper i alla ämnen i årskurs 9.", "4.1.1"),
        ("li", "Andel elever i årskurs 9 som uppnått kunskapskraven i alla ämnen", "a)"),
        ("li", "Genomsnittligt meritvärde i årskurs 9, kommunala skolor", "b)"),
        ("h", 1, "Bilaga 1 Målvärden 2026"),
        ("t", ["Ref.", "Indikator (kortnamn)", "Utfall 2025", "Målvärde 2026"], [
            ["4.1.1 a", "Kunskapskrav i alla ämnen åk 9", "86,4 %", "Minst 88 %"],
            ["4.1.1 b", "Meritvärde åk 9", "259,7", "Minst 262"],
        ]),
    ], organ="Barn- och utbildningsnämnden"), learned=False)
    goal = by_text(out.goals, "Fler elever ska nå minst godtagbara kunskaper i alla ämnen i årskurs 9.")
    assert [(i.text, i.goal_key, i.targets[0].target_value, [v.value for v in i.values]) for i in out.indicators] == [
        ("Andel elever i årskurs 9 som uppnått kunskapskraven i alla ämnen", goal.key, 88, [86.4]),
        ("Genomsnittligt meritvärde i årskurs 9, kommunala skolor", goal.key, 262, [259.7])]


def test_a_goal_matrix_on_its_side_headed_by_the_goals_codes():
    """"Målkarta | RS 2.1 | RS 2.2" over rows "Regionstyrelsens mål",
    "Därför är målet viktigt", "Indikator", "Utgångsläge", "Målvärde 2026",
    "Aktiviteter 2026", "Ansvarig": each column one goal, known by its code."""
    out = extract_items(build([
        ("h", 1, "En hållbar region"),
        ("t", ["Målkarta", "RS 2.1", "RS 2.2"], [
            ["Regionstyrelsens mål", "Utsläppen från regionens egna resor ska minska.",
             "Energianvändningen i regionens lokaler ska minska."],
            ["Därför är målet viktigt", "Regionen ska vara fossilfri 2030.", "Energikostnaderna har ökat."],
            ["Indikator", "Koldioxidutsläpp från tjänsteresor, ton", "Energianvändning i egna lokaler, kWh per kvm"],
            ["Utgångsläge", "1 240 (2024)", "178 (2024)"],
            ["Målvärde 2026", "Högst 1 000", "Högst 165"],
            ["Aktiviteter 2026", "• Ersätta tjänstebilar med elbilar", "• Byta till LED-belysning i hus 1"],
            ["Ansvarig", "Ekonomidirektör", "Fastighetschef"],
        ]),
    ], organ="Regionstyrelsen"), learned=False)
    travel = by_text(out.goals, "Utsläppen från regionens egna resor ska minska.")
    energy = by_text(out.goals, "Energianvändningen i regionens lokaler ska minska.")
    assert len(out.goals) == 2
    assert [(i.goal_key, i.targets[0].target_value) for i in out.indicators] == [(travel.key, 1000), (energy.key, 165)]
    assert [(a.text, a.goal_key, a.responsible) for a in out.activities] == [
        ("Ersätta tjänstebilar med elbilar", travel.key, "Ekonomidirektör"),
        ("Byta till LED-belysning i hus 1", energy.key, "Fastighetschef")]


def test_a_measure_a_goal_is_followed_by_with_its_target_in_a_later_sentence():
    """"Vi följer målet genom andelen elever …, enligt …. I enkäten 2024 var
    andelen 44 procent. Andelen ska vara minst 60 procent år 2030.": the
    measure is an indicator of the goal, its target the later sentence."""
    out = extract_items(build([
        ("h", 1, "Mål"),
        ("h", 2, "Fler barn ska gå och cykla till skolan.", "1.1"),
        ("p", "Vi följer målet genom andelen elever i årskurs 4–9 som går eller cyklar till skolan, enligt "
              "kommunens resvaneenkät. I enkäten 2024 var andelen 44 procent. Andelen ska vara minst 60 procent "
              "år 2030."),
    ], organ="Kommunfullmäktige"), learned=False)
    goal = by_text(out.goals, "Fler barn ska gå och cykla till skolan.")
    indicator, = out.indicators
    assert (indicator.text, indicator.goal_key) == (
        "andelen elever i årskurs 4–9 som går eller cyklar till skolan", goal.key)
    assert (indicator.targets[0].target_value, indicator.targets[0].target_year) == (60, 2030)


def test_goals_named_as_that_clauses_after_the_words_announcing_them():
    out = extract_items(build([
        ("h", 1, "Måluppfyllelse"),
        ("p", "Kommunfullmäktige har beslutat om tre övergripande mål som berör nämnden: att Staffanstorp ska "
              "vara en trygg och trivsam kommun, att kommunen ska växa hållbart med en god infrastruktur och att "
              "kommunens verksamheter ska bedrivas kostnadseffektivt."),
    ], organ="Tekniska nämnden"), learned=False)
    assert [(g.text, g.level) for g in out.goals] == [
        ("Staffanstorp ska vara en trygg och trivsam kommun", "kf"),
        ("kommunen ska växa hållbart med en god infrastruktur", "kf"),
        ("kommunens verksamheter ska bedrivas kostnadseffektivt", "kf")]


def test_lettered_subgoals_inline_and_goals_asked_about_in_questions():
    """"Till målet hör två delmål: (a) … och (b) …" names two goals under the
    goal stated before; "Fråga: Nådde kommunen målet att …?" names a goal."""
    out = extract_items(build([
        ("h", 1, "Måluppfyllelse"),
        ("p", "Kommunfullmäktige har som mål att Tanum ska ha ett livskraftigt näringsliv i hela kommunen. Till "
              "målet hör två delmål: (a) antalet företag som startas i kommunen ska öka och (b) fler unga ska ha "
              "ett arbete eller studera."),
        ("h", 1, "Finansiella mål"),
        ("p", "Fråga: Nådde kommunen målet att investeringarna ska finansieras med egna medel till minst 70 "
              "procent? Svar: Nej."),
    ], organ="Kommunstyrelsen"), learned=False)
    business = by_text(out.goals, "Tanum ska ha ett livskraftigt näringsliv i hela kommunen")
    firms = by_text(out.goals, "antalet företag som startas i kommunen ska öka")
    young = by_text(out.goals, "fler unga ska ha ett arbete eller studera")
    invest = by_text(out.goals, "investeringarna ska finansieras med egna medel till minst 70 procent")
    assert (firms.parent_key, young.parent_key) == (business.key, business.key)
    assert invest.target.target_value == 70 and len(out.goals) == 4


def test_a_goal_labelled_by_its_horizon_in_a_line_of_its_own():
    """"Långsiktigt mål till 2040" alone, then the goal's paragraph: a goal,
    though it is worded as a state ("Mark är en klimatneutral kommun …");
    "Verksamhetsmål 2026:" with its colon leads in a list instead."""
    out = extract_items(build([
        ("h", 1, "Klimat och energi", "1"),
        ("p", "Långsiktigt mål till 2040"),
        ("p", "Mark är en klimatneutral kommun senast 2040, och energin kommer från förnybara källor."),
        ("h", 1, "Individ- och familjeomsorg", "2"),
        ("p", "Verksamhetsmål 2026:"),
        ("li", "Utredningstiden för barnavårdsutredningar ska i genomsnitt understiga 100 dagar."),
    ], organ="Kommunfullmäktige"), learned=False)
    assert [g.text for g in out.goals] == [
        "Mark är en klimatneutral kommun senast 2040, och energin kommer från förnybara källor.",
        "Utredningstiden för barnavårdsutredningar ska i genomsnitt understiga 100 dagar."]


def test_measures_named_in_a_sentence_after_the_words_that_lead_them():
    """"För mål 1a följer vi andelen …, som var 79 procent 2025 och som ska
    vara minst 85 procent 2030." and "Som mått används invånarnas betygsindex
    … (3a), antalet … (3b) och antalet … (3c).": each measure is an
    indicator named by its noun phrase, its target from its own clause or the
    paragraph's later sentence, linked to the goal the sentence names."""
    out = extract_items(build([
        ("h", 1, "Målområde 1 Barn och unga"),
        ("h", 2, "Mål"),
        ("li", "Barn och unga ska klara skolan.", "1."),
        ("li", "Unga ska må bra.", "2."),
        ("h", 2, "Uppföljning"),
        ("p", "För mål 1 följer vi andelen elever i årskurs 9 som är behöriga till ett yrkesprogram, som var "
              "79 procent 2025 och som ska vara minst 85 procent 2030. För mål 2 används den totala "
              "sjukfrånvaron bland eleverna (2a) och indexet för elevernas trivsel (2b)."),
        ("p", "Som mått används personalomsättningen bland lärarna. Utfallet 2025 var 11 procent. "
              "Omsättningen ska minska till högst 9 procent 2026."),
        ("p", "Målet följs upp genom den ekonomiska uppföljningen och nämndens årliga klimatbokslut."),
    ], organ="Kommunfullmäktige"), learned=False)
    school = by_text(out.goals, "Barn och unga ska klara skolan.")
    health = by_text(out.goals, "Unga ska må bra.")
    found = [(i.text, i.targets[0].target_value if i.targets else None) for i in out.indicators]
    assert found == [
        ("andelen elever i årskurs 9 som är behöriga till ett yrkesprogram", 85),
        ("den totala sjukfrånvaron bland eleverna", None),
        ("indexet för elevernas trivsel", None),
        ("personalomsättningen bland lärarna", 9),
    ]
    assert [i.goal_key for i in out.indicators[:3]] == [school.key, health.key, health.key]


@pytest.mark.parametrize("sentence, names", [
    ("Etappmål a följs upp med insamlat hushållsavfall i kilo per invånare [A1] och med andelen av "
     "hushållsavfallet som går till materialåtervinning [A2].",
     ["insamlat hushållsavfall i kilo per invånare", "andelen av hushållsavfallet som går till materialåtervinning"]),
    ("Som mått används invånarnas betygsindex för kultur- och fritidsutbudet (3a) och antalet besök i "
     "simhallen (3b).", ["invånarnas betygsindex för kultur- och fritidsutbudet", "antalet besök i simhallen"]),
    ("Nämnden följer även andelen lärare med lärarlegitimation och behörighet i ämnet (N15813), 86 procent "
     "2025, som ska vara minst 88 procent 2026.",
     ["andelen lärare med lärarlegitimation och behörighet i ämnet (N15813)"]),
    ("Den andra är antalet fallhändelser med skada per 1 000 vårddygn, som ska minska jämfört med 2025.",
     ["antalet fallhändelser med skada per 1 000 vårddygn"]),
    ("Nämnden följer upp arbetet i samband med delårsrapporten.", []),
    ("Målet följs upp med två indikatorer.", []),
    ("För grannregionerna används målbilden i begränsad utsträckning.", []),
    ("Nämnderna följs upp med de uppdrag som nämnden får.", []),
])
def test_named_measures(sentence, names):
    assert [m.name for m in prose.named_measures(sentence)] == names


def test_points_of_a_goal_outline_stating_a_measure_and_its_level():
    """"3.1.1.1 Antalet påbörjade bostäder ska uppgå till minst 40 under 2025"
    in body type under the goal heading "3.1.1 …" is an indicator of that goal;
    "3.3.3 Utsläppen … ska minska med 50 procent …" after the goals 3.3.1
    and 3.3.2 is a goal like them."""
    parsed = build([
        ("h", 1, "Måluppfyllelse", "3"),
        ("h", 2, "Kinda ska vara en attraktiv plats att bo", "3.1"),
        ("h", 3, "Bostadsbyggandet ska öka i alla kommunens tätorter", "3.1.1"),
        ("h", 4, "Antalet påbörjade bostäder ska uppgå till minst 40 under 2025", "3.1.1.1"),
        ("h", 4, "Handläggningstiden för bygglov ska minska till högst 21 dagar i median", "3.1.1.2"),
        ("h", 2, "Hållbar kommun", "3.3"),
        ("h", 3, "Kommunens verksamheter ska vara fossilfria", "3.3.1"),
        ("h", 3, "Utsläppen av växthusgaser från kommunens transporter ska minska med 50 procent till 2030", "3.3.2"),
    ], organ="Kommunstyrelsen")
    for section in parsed.sections:
        section.bold = section.level < 4
    out = extract_items(parsed, learned=False)
    housing = by_text(out.goals, "Bostadsbyggandet ska öka i alla kommunens tätorter")
    assert [(i.text, i.goal_key, i.targets[0].target_value) for i in out.indicators] == [
        ("Antalet påbörjade bostäder ska uppgå till minst 40 under 2025", housing.key, 40),
        ("Handläggningstiden för bygglov ska minska till högst 21 dagar i median", housing.key, 21)]
    by_text(out.goals, "Utsläppen av växthusgaser från kommunens transporter ska minska med 50 procent till 2030")


def test_a_bodys_goal_reported_in_a_sentence_is_the_clause_after_att():
    """"Fullmäktiges mål är att A och att B." reports two goals, each the words
    after "att"; "Vårt mål är att A och att B." states one goal whole; a
    heading closed by where an action stands ("… [Genomförd]") is an action."""
    out = extract_items(build([
        ("h", 1, "Målområden och mål"),
        ("h", 2, "Ett växande Österlen"),
        ("p", "Fullmäktiges mål är att befolkningen ska öka till minst 21 000 invånare år 2030."),
        ("h", 2, "Goda livsvillkor"),
        ("p", "Fullmäktiges mål är att fler elever ska lämna grundskolan med godkända betyg och att äldre ska "
              "kunna leva ett tryggt liv."),
        ("h", 3, "Ny företagslots i kommunhuset. [Genomförd]"),
        ("p", "Sedan mars har företag en ingång till kommunen."),
        ("h", 2, "Medarbetare"),
        ("p", "Vårt mål är att sjukfrånvaron ska minska och att fler medarbetare ska vilja stanna hos oss."),
    ], organ="Kommunfullmäktige"), learned=False)
    texts = [g.text for g in out.goals]
    assert "befolkningen ska öka till minst 21 000 invånare år 2030" in texts
    assert "fler elever ska lämna grundskolan med godkända betyg" in texts
    assert "äldre ska kunna leva ett tryggt liv" in texts
    assert "Vårt mål är att sjukfrånvaron ska minska och att fler medarbetare ska vilja stanna hos oss." in texts
    assert [(a.text, a.status) for a in out.activities] == [("Ny företagslots i kommunhuset.", "Genomförd")]


def test_an_action_table_numbered_by_row_with_a_goal_column_of_its_own():
    """"Nr | Åtgärd | Delmål | Ansvarig" with a group row: the numbers count
    the actions and the Delmål cell names each one's goal by code; the
    numbered rows are no goals."""
    out = extract_items(build([
        ("h", 1, "Delmål"),
        ("li", "Fler gästnätter ska det bli året runt.", "A1"),
        ("li", "Fler företag ska ha öppet året runt.", "A2"),
        ("h", 1, "Aktivitetsplan 2026"),
        ("t", ["Nr", "Åtgärd", "Delmål", "Ansvarig"], [
            ["", "Fokus A – En destination året runt", "", ""],
            ["1", "Ta fram ett sommarpaket med guidade turer", "A1", "Kommunen"],
            ["2", "Starta ett stöd för företag som vill förlänga säsongen", "A2", "Näringslivsenheten"]]),
    ], organ="Kommunstyrelsen"), learned=False)
    guests = by_text(out.goals, "Fler gästnätter ska det bli året runt.")
    firms = by_text(out.goals, "Fler företag ska ha öppet året runt.")
    assert len(out.goals) == 2
    assert [(a.text, a.goal_key, a.responsible) for a in out.activities if a.goal_key is not None] == [
        ("Ta fram ett sommarpaket med guidade turer", guests.key, "Kommunen"),
        ("Starta ett stöd för företag som vill förlänga säsongen", firms.key, "Näringslivsenheten")]


def test_a_decisions_outline_points_lead_in_indicators_and_direct_actions():
    """Under the goal "5.1.2 Mål: …", the point "5.1.2.1 Målet följs upp med
    följande indikatorer:" leads in the indicators listed under it, and
    "5.1.2.2 Samhällsbyggnadsnämnden ska under 2027 ta fram …" directs a body
    to an action of that goal."""
    parsed = build([
        ("h", 1, "Mål för mandatperioden", "5"),
        ("h", 2, "Livsmiljö och samhällsbyggande", "5.1"),
        ("h", 3, "Mål: Salem ska växa hållbart med minst 900 nya bostäder till 2030.", "5.1.2"),
        ("h", 4, "Målet följs upp med följande indikatorer:", "5.1.2.1"),
        ("li", "Antal färdigställda bostäder per år", "a)"),
        ("li", "Andel nya bostäder nära pendeltåg", "b)"),
        ("h", 4, "Samhällsbyggnadsnämnden ska under 2027 ta fram ett nytt bostadsförsörjningsprogram.", "5.1.2.2"),
        ("h", 4, "Tekniska nämnden ska byta ut belysningen längs gång- och cykelvägen.", "5.1.2.3"),
    ], organ="Kommunfullmäktige")
    for section in parsed.sections:
        section.bold = section.level < 3
    out = extract_items(parsed, learned=False)
    goal = by_text(out.goals, "Salem ska växa hållbart med minst 900 nya bostäder till 2030.")
    assert [(i.text, i.goal_key) for i in out.indicators] == [
        ("Antal färdigställda bostäder per år", goal.key), ("Andel nya bostäder nära pendeltåg", goal.key)]
    assert [(a.text, a.goal_key) for a in out.activities] == [
        ("Samhällsbyggnadsnämnden ska under 2027 ta fram ett nytt bostadsförsörjningsprogram.", goal.key),
        ("Tekniska nämnden ska byta ut belysningen längs gång- och cykelvägen.", goal.key)]
    assert len(out.goals) == 2


@pytest.mark.parametrize("text, items", [
    ("I Vilhelmina ska vara en trygg kommun för alla. II Invånarna ska ha goda förutsättningar för hälsa. "
     "III Kommunens verksamheter ska ha god kvalitet.",
     ["Vilhelmina ska vara en trygg kommun för alla.", "Invånarna ska ha goda förutsättningar för hälsa.",
      "Kommunens verksamheter ska ha god kvalitet."]),
    ("I varje avsnitt nedan beskrivs nuläget. Nämndens mål står i rutan.", []),  # "I" the preposition
    ("I Vilhelmina ska alla vara trygga. III Invånarna ska ha hälsa.", []),  # does not count on
])
def test_a_list_numbered_in_roman_numerals_read_as_one_paragraph(text, items):
    assert prose.roman_items(text) == items
    out = extract_items(build([("h", 1, "Kommunfullmäktiges inriktningsmål"), ("p", text)],
                              organ="Socialnämnden"), learned=False)
    assert [g.text for g in out.goals] == items


def test_a_goal_sentence_closed_by_its_assessment_inside_a_paragraph():
    """"… Fler elever ska lämna grundskolan med behörighet … [delvis uppfyllt].
    Andelen behöriga ökade …": the sentence closed by its assessment is a goal
    with that status; the paragraph's other sentences are analysis."""
    out = extract_items(build([
        ("h", 1, "Social hållbarhet"),
        ("p", "Utbildning är den viktigaste faktorn för att unga ska etablera sig. Fler elever ska lämna "
              "grundskolan med behörighet till gymnasieskolans nationella program [delvis uppfyllt]. Andelen "
              "behöriga ökade för andra året i rad."),
    ], organ="Kommunfullmäktige"), learned=False)
    assert [(g.text, g.status) for g in out.goals] == [
        ("Fler elever ska lämna grundskolan med behörighet till gymnasieskolans nationella program", "partly")]
    assert prose.goal_clause("Andelen behöriga ökade för andra året i rad.") is None


def test_indicators_coded_in_the_body_take_their_figures_from_an_appendix_by_code():
    """"Vi följer andelen … (1.1a)" and a bullet "Andel … (1.2a)": an appendix
    table "Kod | Indikator | Målvärde 2026" restates them by code, giving
    their targets and adding no indicators; the code is not the text."""
    out = extract_items(build([
        ("h", 1, "Nämndmål 1.1 Fler elever ska nå kunskapskraven."),
        ("p", "Vi följer andelen elever i årskurs 9 som uppnått kunskapskraven i alla ämnen (1.1a)."),
        ("li", "Genomsnittlig närvaro i grundskolan (1.2a)", "•"),
        ("h", 1, "Bilaga 1 Indikatorer och målvärden"),
        ("t", ["Kod", "Indikator", "Målvärde 2026"], [
            ["1.1a", "Elever i åk 9 som uppnått kunskapskraven, %", "Minst 77 %"],
            ["1.2a", "Genomsnittlig närvaro i grundskolan, %", "Minst 94 %"]]),
    ], organ="Bildningsnämnden"), learned=False)
    assert [(i.text, i.targets[0].target_value if i.targets else None) for i in out.indicators] == [
        ("andelen elever i årskurs 9 som uppnått kunskapskraven i alla ämnen", 77),
        ("Genomsnittlig närvaro i grundskolan", 94)]


def test_a_level_naming_no_year_is_for_the_year_the_document_covers():
    """In a plan for 2026, "Andelen … ska vara minst 80 procent." is a target
    for 2026; "… ska öka." (a movement alone) names no year; a plan covering
    2026–2030 dates nothing."""
    def targets(start, end):
        parsed = build([
            ("h", 1, "Nämndmål 1 Fler elever ska nå målen."),
            ("h", 2, "Indikatorer"),
            ("li", "Andelen elever som är behöriga till gymnasiet ska vara minst 80 procent.", "•"),
            ("li", "Andelen elever som känner sig trygga ska öka.", "•"),
        ], organ="Barn- och utbildningsnämnden")
        parsed.meta.period_start, parsed.meta.period_end = start, end
        out = extract_items(parsed, learned=False)
        return [(t.target_value, t.target_year) for i in out.indicators for t in i.targets]

    assert targets(2026, 2026) == [(80, 2026), (None, None)]
    assert targets(2026, 2030) == [(80, None), (None, None)]


def test_annual_report_history_table_tiles_and_actions_by_unit():
    doc = build([
        ("h", 1, "Kommunfullmäktiges mål"),
        ("t", ["Kommunfullmäktiges mål", "2023", "2024", "2025"], [
            ["1.1 Alla barn och elever ska ges förutsättningar att nå kunskapskraven.",
             "Ej uppfyllt", "Delvis uppfyllt", "Delvis uppfyllt"],
            ["1.2 Äldre ska kunna leva ett självständigt liv med trygghet.", "Uppfyllt", "Uppfyllt", "Uppfyllt"]]),
        ("h", 2, "1.1 Alla barn och elever ska ges förutsättningar att nå kunskapskraven."),
        ("t", [], [["Elever i åk 9 som är behöriga till yrkesprogram, % 82,4 % Mål 2025: minst 85 % "
                    "2024: 79,8 % • 2023: 77,1 % Kolada N15436",
                    "Genomsnittligt meritvärde i åk 9 (17 ämnen) 203,5 Mål 2025: minst 210 2024: 199,0 • 2023: 201,6"]]),
        ("t", [], [["Barn- och utbildningsnämnden", "Ett elevhälsoteam har arbetat förebyggande i alla klasser."],
                   ["", "Centralskolan har infört läxhjälp tre eftermiddagar i veckan."],
                   ["Kultur- och fritidsutskottet", "Biblioteket har genomfört lässatsningen Sommarboken."]]),
        ("h", 1, "Finansiella mål"),
        ("t", [], [["Årets resultat ska uppgå till minst 2 procent av skatteintäkterna. Utfall 2025: 1,1 % "
                    "Målet är inte uppfyllt 2024: 1,8 % • 2023: 0,6 %",
                    "Minst 70 procent av årets investeringar ska finansieras med egna medel. Utfall 2025: 74 % "
                    "Målet är uppfyllt 2024: 81 % • 2023: 52 %"]]),
    ])
    ext = extract_items(doc)
    assert not any("uppfyllt" in a.text.lower() for a in ext.activities)  # attainment by year, no actions
    learning = ext.goals[0]
    assert learning.text == "Alla barn och elever ska ges förutsättningar att nå kunskapskraven."
    assert [i.text for i in ext.indicators] == ["Elever i åk 9 som är behöriga till yrkesprogram, %",
                                                "Genomsnittligt meritvärde i åk 9 (17 ämnen)"]
    assert ext.indicators[0].targets[0].target_value == 85.0 and ext.indicators[0].kolada_kpi == "N15436"
    assert [(a.text, a.responsible) for a in ext.activities] == [
        ("Ett elevhälsoteam har arbetat förebyggande i alla klasser.", "Barn- och utbildningsnämnden"),
        ("Centralskolan har infört läxhjälp tre eftermiddagar i veckan.", "Barn- och utbildningsnämnden"),
        ("Biblioteket har genomfört lässatsningen Sommarboken.", "Kultur- och fritidsutskottet")]
    assert all(a.goal_key == learning.key for a in ext.activities)
    financial = [g for g in ext.goals if g.page == 1 and "ska" in g.text][-2:]
    assert [(g.text, g.status) for g in financial] == [
        ("Årets resultat ska uppgå till minst 2 procent av skatteintäkterna.", "not_met"),
        ("Minst 70 procent av årets investeringar ska finansieras med egna medel.", "met")]


def test_action_cards_in_a_header_less_grid_link_by_goal_code():
    doc = build([
        ("h", 1, "Mål för handlingsplanen"),
        ("li", "Energianvändningen i kommunens lokaler ska minska med 15 procent till 2028.", "M1"),
        ("li", "Kommunens fordon ska drivas fossilfritt senast 2028.", "M2"),
        ("h", 1, "Åtgärdskort"),
        ("t", [], [["Åtgärd 1 Energieffektivisera ventilationen i Näktergalens skola Mål: M1 Ansvarig: Fastighetsenheten "
                    "Genomförande: 2026 Kostnad: 1,8 mnkr Status: Projektering pågår",
                    "Åtgärd 2 Byta resterande personbilar mot elbilar Mål: M2 Ansvarig: Fordonssamordnare "
                    "Genomförande: 2026–2028 Status: Ny åtgärd"]]),
    ])
    ext = extract_items(doc)
    assert [(a.text, a.responsible, a.timeline, a.status) for a in ext.activities] == [
        ("Energieffektivisera ventilationen i Näktergalens skola", "Fastighetsenheten", "2026", "Projektering pågår"),
        ("Byta resterande personbilar mot elbilar", "Fordonssamordnare", "2026–2028", "Ny åtgärd")]
    goals = {g.key: g.text for g in ext.goals}
    assert [goals[a.goal_key][:20] for a in ext.activities] == ["Energianvändningen i", "Kommunens fordon ska"]


def test_a_goal_quoted_from_a_decision_stands_in_an_introduction():
    doc = build([
        ("h", 1, "Inledning"),
        ("p", "Kommunfullmäktige har i miljö- och klimatprogrammet beslutat att ”Surahammars kommun ska vara en "
              "klimatneutral kommunorganisation senast 2035”. Handlingsplanen är kommunstyrelsens bidrag till målet."),
        ("h", 1, "Ekonomi"),
        ("p", "Nämnden har beslutat att ”ge förvaltningen i uppdrag att se över taxan”."),
    ])
    assert [g.text for g in extract_items(doc).goals] == [
        "Surahammars kommun ska vara en klimatneutral kommunorganisation senast 2035"]


def test_a_chart_caption_its_table_of_places_and_its_note_make_one_indicator():
    doc = build([
        ("h", 1, "Barn och unga"),
        ("b", "Barn och unga i Gagnef ska ha goda förutsättningar att lyckas i skolan."),
        ("p", "Diagram 3. Antal olika personal som en hemtjänsttagare möter under 14 dagar, medelvärde"),
        ("t", ["2023", "2024", "2025"], [["Gagnef 16", "13", "11"], ["Länet 15", "15", "15"]]),
        ("p", "Källa: SCB via Kolada (U21401). Målvärde 2025: högst 12."),
        ("p", "Genomfört 2025"),
        ("li", "Februari: Skolbibliotekarie anställdes för att arbeta med läsfrämjande insatser.", "–"),
    ])
    doc.meta.kommun = "Gagnef"
    ext = extract_items(doc)
    [indicator] = ext.indicators
    assert indicator.text == "Antal olika personal som en hemtjänsttagare möter under 14 dagar, medelvärde"
    assert [(v.period, v.value) for v in indicator.values] == [("2023", 16.0), ("2024", 13.0), ("2025", 11.0)]
    assert (indicator.targets[0].target_op, indicator.targets[0].target_value) == ("<=", 12.0)
    assert indicator.kolada_kpi == "U21401"
    assert len(ext.activities) == 1  # "Genomfört 2025" heads the actions done


def test_goals_named_again_by_number_and_short_name_and_actions_sorted_by_status():
    doc = build([
        ("h", 1, "Mål och måluppfyllelse"),
        ("p", "KF A I Mörbylånga kommun ska alla invånare kunna leva ett gott och tryggt liv."),
        ("p", "Mål 1 Äldre ska känna sig trygga med de insatser de får."),
        ("p", "Mål 2 Fler äldre ska kunna bo kvar i sitt eget hem."),
        ("h", 1, "Hemtjänst"),
        ("t", ["Genomfört under 2025", "Påbörjat, fortsätter 2026"], [
            ["• Fasta hemtjänstgrupper i Färjestaden (mål 2)\n• Nyckelfria lås hos alla hemtjänsttagare (mål 1)",
             "• Digital tillsyn nattetid som alternativ till nattbesök (mål 2)"]]),
        ("h", 1, "Samlad bedömning"),
        ("t", ["Mål", "Bedömning 2025", "Kommentar"], [
            ["1 Trygghet", "Delvis uppfyllt", "Målvärdet nås i hemtjänsten."],
            ["2 Bo kvar hemma", "Ej uppfyllt", "Kontinuiteten når inte målvärdet."]]),
    ])
    ext = extract_items(doc)
    assert [(g.text, g.status) for g in ext.goals] == [
        ("I Mörbylånga kommun ska alla invånare kunna leva ett gott och tryggt liv.", None),
        ("Äldre ska känna sig trygga med de insatser de får.", "partly"),
        ("Fler äldre ska kunna bo kvar i sitt eget hem.", "not_met")]
    goals = {g.key: g.text[:5] for g in ext.goals}
    assert [(a.text, a.status, goals[a.goal_key]) for a in ext.activities] == [
        ("Fasta hemtjänstgrupper i Färjestaden", "Genomfört under 2025", "Fler "),
        ("Nyckelfria lås hos alla hemtjänsttagare", "Genomfört under 2025", "Äldre"),
        ("Digital tillsyn nattetid som alternativ till nattbesök", "Påbörjat, fortsätter 2026", "Fler ")]


def test_a_goal_in_a_table_caption_and_coded_actions_closed_by_their_fields():
    doc = build([
        ("h", 1, "Tillgänglig vård"),
        ("p", "Tabell 2. RS 1 – Väntetiderna i den planerade vården ska kortas så att vårdgarantin uppfylls."),
        ("t", ["Indikator", "Utfall 2024", "Målvärde 2026"], [["Andel operationer inom 90 dagar, %", "71", "Minst 80"]]),
        ("h", 2, "Åtaganden"),
        ("p", "Å1 Införa en regiongemensam produktionsplanering för operationer (ansvar: koncernavdelning "
              "hälso- och sjukvård; klart: kvartal 2 2026)."),
        ("p", "Primärvården ska vara första linjens vård och invånarnas självklara kontakt med vården."),
    ])
    ext = extract_items(doc)
    [goal] = ext.goals
    assert goal.text == "Väntetiderna i den planerade vården ska kortas så att vårdgarantin uppfylls."
    assert ext.indicators[0].goal_key == goal.key
    [action] = ext.activities
    assert (action.text, action.responsible, action.timeline) == (
        "Införa en regiongemensam produktionsplanering för operationer", "koncernavdelning hälso- och sjukvård",
        "kvartal 2 2026")


def test_a_tree_table_of_assessed_goal_rows_and_actions_for_indicators_named_again():
    doc = build([
        ("h", 1, "Måluppfyllelse"),
        ("t", ["Mål och indikatorer", "Målvärde 2026", "Utfall 2025", "Prognos helår"], [
            ["KF-mål 2: Boxholm ska minska sin klimatpåverkan.", "", "", ""],
            ["Nämndmål 2.1: Dricksvattnet ska vara säkert och leveranserna driftsäkra.", "", "", "Uppnås delvis"],
            ["– Vattenförluster i ledningsnätet, % av producerad mängd", "Högst 15 %", "19", ""],
            ["Nämndmål 2.2: Mängden hushållsavfall per invånare ska minska.", "", "", "Uppnås"],
            ["– Insamlat hushållsavfall, kg per invånare", "Högst 420", "436", ""]]),
        ("h", 1, "Nämndmål 2.1"),
        ("p", "Vattenförlusterna ligger fortfarande över målvärdet. Målet bedöms därför uppnås delvis."),
        ("h", 1, "Åtgärder vid avvikelse"),
        ("t", ["Avvikande indikator", "Åtgärd", "Ansvarig"], [
            ["Vattenförluster i ledningsnätet", "Läcksöka ledningsnätet i Åsbo med ny mätutrustning.", "VA-enheten"]]),
    ])
    ext = extract_items(doc)
    assert [(g.text, g.status) for g in ext.goals] == [
        ("Boxholm ska minska sin klimatpåverkan.", None),
        ("Dricksvattnet ska vara säkert och leveranserna driftsäkra.", "partly"),
        ("Mängden hushållsavfall per invånare ska minska.", "met")]
    assert [i.text for i in ext.indicators] == ["Vattenförluster i ledningsnätet, % av producerad mängd",
                                                "Insamlat hushållsavfall, kg per invånare"]
    [action] = ext.activities
    assert action.goal_key == ext.goals[1].key == ext.indicators[0].goal_key


def test_a_numbered_list_run_together_and_a_plan_by_quarter_naming_goals_by_number():
    doc = build([
        ("h", 1, "Målbild 2027"),
        ("p", "1 År 2027 upplever företagarna att kommunen ger snabb service. 2 År 2027 finns det mark redo "
              "för nya företag i centralorten."),
        ("p", "3 År 2027 är fler unga i arbete hos företagen i kommunen."),
        ("h", 1, "Åtgärdsplan"),
        ("t", ["När", "Åtgärd", "Ansvarig", "Mål"], [
            ["Kvartal 1 2026", "Inrätta en företagslots med en ingång för alla tillståndsfrågor", "Näringslivsenheten", "1"],
            ["", "Nämnden fastställer internkontrollplan 2026", "Nämnden", "–"],
            ["Kvartal 2 2026", "Starta sommarjobb hos privata arbetsgivare för ungdomar", "Arbetsmarknadsenheten", "3, 2"]]),
    ])
    ext = extract_items(doc, learned=False)
    assert [g.text[:22] for g in ext.goals] == ["År 2027 upplever föret", "År 2027 finns det mark", "År 2027 är fler unga i"]
    goals = {g.key: g.text[:22] for g in ext.goals}
    assert [(a.text[:18], goals[a.goal_key]) for a in ext.activities] == [  # the board's own cycle is no action
        ("Inrätta en företag", "År 2027 upplever föret"), ("Starta sommarjobb ", "År 2027 är fler unga i")]


def test_goals_naming_their_indicators_by_code_link_the_appendix_rows():
    doc = build([
        ("h", 2, "Fler invånare ska ta del av kulturlivet.", "KFN 1"),
        ("p", "Följs upp med indikator I1 och I2 (se bilaga)"),
        ("h", 2, "Barn och unga ska ha en meningsfull fritid.", "KFN 2"),
        ("p", "Följs upp med indikator I3 (se bilaga)"),
        ("h", 1, "Bilaga – indikatorer"),
        ("t", ["Kod", "Indikator", "Utfall 2025", "Målvärde 2026"], [
            ["I1", "Antal fysiska besök på folkbiblioteken per invånare", "4,9", "Minst 5,2"],
            ["I2", "Antal publika kulturarrangemang utanför centralorten", "14", "Minst 20"],
            ["I3", "Andel barn 7–15 år som deltar i kulturskolan, %", "31", "Öka"]]),
    ])
    ext = extract_items(doc, learned=False)
    goals = {g.key: g.text[:5] for g in ext.goals}
    assert [(i.text[:12], goals[i.goal_key]) for i in ext.indicators] == [
        ("Antal fysisk", "Fler "), ("Antal publik", "Fler "), ("Andel barn 7", "Barn ")]


def test_goals_quoted_in_assessments_and_actions_for_a_deviating_indicator_by_code():
    doc = build([
        ("h", 1, "Måluppfyllelse"),
        ("li", "Nämndmålet ”Alla elever ska nå kunskapskraven i årskurs 6 och 9” bedöms delvis kunna uppfyllas "
               "under året.", "1."),
        ("li", "Nämndmålet ”Fler elever ska ha en hög närvaro i skolan” bedöms inte uppfyllas under året.", "2."),
        ("h", 1, "Indikatorer"),
        ("t", ["Mål", "Nr", "Indikator", "Målvärde 2026", "T1 2026"], [
            ["1", "1b", "Andel elever i årskurs 6 som bedöms nå lägst E i matematik, %", "Minst 85 %", "74"],
            ["2", "2a", "Andel elever med mer än 15 procent frånvaro, %", "Högst 10 %", "16,2"]]),
        ("h", 1, "Avvikelser och åtgärder"),
        ("t", ["Avvikelse", "Åtgärd", "Ansvarig", "Klart"], [
            ["Indikator 2a: 16,2 procent av eleverna har hög frånvaro.", "Inrätta ett närvaroteam med kurator.",
             "Elevhälsochef", "Juni 2026"],
            ["", "Införa digital frånvaroanmälan med sms till vårdnadshavare.", "IT-samordnare", "September 2026"]]),
    ])
    ext = extract_items(doc, learned=False)
    assert [(g.text, g.status) for g in ext.goals] == [
        ("Alla elever ska nå kunskapskraven i årskurs 6 och 9", "partly"),
        ("Fler elever ska ha en hög närvaro i skolan", "not_met")]
    assert [a.goal_key for a in ext.activities] == [ext.goals[1].key] * 2


def test_actions_after_their_time_and_promises_to_the_user_as_goals():
    doc = build([
        ("h", 1, "Äldre personer ska uppleva trygghet och inflytande i sin vardag", "1"),
        ("t", ["Vårt kvalitetslöfte till dig", "Så följer vi upp", "Utfall 2025", "Nivå 2026"], [
            ["Du som har hemtjänst ska möta så få personer som möjligt.",
             "Antal personal som en hemtjänsttagare möter under 14 dagar", "16", "Högst 12"]]),
        ("b", "Utvecklingsarbete 2026 – nämndmål 1"),
        ("p", "Kv 1"),
        ("p", "Dela in hemtjänsten i fyra geografiska grupper med fast gruppledare — Hemtjänsten"),
        ("p", "Hela året Rekrytera och utbilda fler kontaktpersoner i närområdet — Biståndsenheten"),
    ])
    ext = extract_items(doc, learned=False)
    assert [g.text for g in ext.goals] == ["Äldre personer ska uppleva trygghet och inflytande i sin vardag",
                                           "Du som har hemtjänst ska möta så få personer som möjligt."]
    assert ext.indicators[0].goal_key == ext.goals[1].key  # the promise in its row
    assert [(a.text, a.timeline, a.responsible) for a in ext.activities] == [
        ("Dela in hemtjänsten i fyra geografiska grupper med fast gruppledare", "Kv 1", "Hemtjänsten"),
        ("Rekrytera och utbilda fler kontaktpersoner i närområdet", "Hela året", "Biståndsenheten")]


def test_numbered_focus_areas_their_horizon_goal_in_bold_and_a_roadmap_by_year():
    doc = build([
        ("h", 1, "Fokusområden och mål"),
        ("h", 1, "Ett friskt hav", "1"),
        ("b", "År 2040 har havet och kustvattnen i Sotenäs god ekologisk status."),
        ("t", ["Delmål till 2030", "Indikator", "Målnivå 2030"], [
            ["1.1 Utsläppen av näringsämnen från enskilda avlopp ska minska.", "Andel godkända avlopp, %", "Minst 90 %"]]),
        ("h", 1, "Färdplan 2026–2030"),
        ("t", ["Delmål", "2026", "2027", "2028", "Ansvarig"], [
            ["1.1 Näringsämnen", "• Inventera alla enskilda avlopp i Bovallstrand", "–",
             "• Bygga två dagvattendammar vid Kungshamns hamn", "Miljöenheten"]]),
    ])
    ext = extract_items(doc, learned=False)
    assert [g.text for g in ext.goals] == [
        "Ett friskt hav", "År 2040 har havet och kustvattnen i Sotenäs god ekologisk status.",
        "Utsläppen av näringsämnen från enskilda avlopp ska minska."]
    assert (ext.goals[1].target.target_year, ext.goals[1].parent_key) == (2040, ext.goals[0].key)
    assert [(a.text, a.timeline, a.goal_key) for a in ext.activities] == [
        ("Inventera alla enskilda avlopp i Bovallstrand", "2026", ext.goals[2].key),
        ("Bygga två dagvattendammar vid Kungshamns hamn", "2028", ext.goals[2].key)]


def test_goals_by_area_and_deadline_named_later_by_letter_and_year():
    doc = build([
        ("h", 1, "Etappmål"),
        ("t", ["Fokusområde", "Senast 2026", "Senast 2028"], [
            ["A. Digital infrastruktur och service", "Alla skolor och bibliotek på landsbygden har publikt wifi.",
             "Minst 98 procent av hushållen har tillgång till bredband om minst 1 Gbit/s."],
            ["B. Resor och kommunikationer", "Anropsstyrd kollektivtrafik finns i alla byar med fler än 50 invånare.", "–"]]),
        ("h", 1, "Åtgärder"),
        ("t", ["Nr", "Åtgärd", "Etappmål", "Ansvarig"], [
            ["1", "Installera publikt wifi i bygdegårdarna i Holje och Vilshult", "A 2026", "Digitaliseringsenheten"],
            ["2", "Söka statligt bredbandsstöd för de sista adresserna", "A 2028", "Kommunstyrelsen"]]),
    ])
    ext = extract_items(doc, learned=False)
    assert [g.text[:20] for g in ext.goals] == ["Digital infrastruktu", "Alla skolor och bibl", "Minst 98 procent av ",
                                                "Resor och kommunikat", "Anropsstyrd kollekti"]
    wifi, broadband = ext.goals[1], ext.goals[2]
    assert (wifi.parent_key, wifi.target.target_year, broadband.target.target_value) == (ext.goals[0].key, 2026, 98.0)
    assert [a.goal_key for a in ext.activities] == [wifi.key, broadband.key]


def test_an_actions_fields_in_parentheses_parted_by_bullets_even_when_a_bullet_opens_a_line():
    doc = build([
        ("h", 1, "Mål"),
        ("p", "N1 Företagarna ska uppleva en snabb och rättssäker service från kommunen."),
        ("h", 1, "Aktiviteter"),
        ("li", "Införa en företagslots med en gemensam ingång för alla tillståndsärenden (N1 • näringslivsenheten"),
        ("li", "2026)"),
        ("li", "Erbjuda yrkessvenska kombinerat med praktik för nyanlända (N1 • vuxenutbildningen • 2026–2028)"),
    ])
    ext = extract_items(doc, learned=False)
    assert [(a.text, a.responsible, a.timeline) for a in ext.activities] == [
        ("Införa en företagslots med en gemensam ingång för alla tillståndsärenden", "näringslivsenheten", "2026"),
        ("Erbjuda yrkessvenska kombinerat med praktik för nyanlända", "vuxenutbildningen", "2026–2028")]


def test_measures_reported_in_a_follow_up_with_their_targets_in_passing():
    doc = build([
        ("h", 1, "Ekonomiskt bistånd"),
        ("p", "Nämnden har som mål att fler personer med ekonomiskt bistånd ska gå vidare till arbete [Delvis uppfyllt]. "
              "Andelen deltagare i Jobbcentrum som gått vidare till arbete eller studier var 34 procent efter augusti "
              "(29 procent 2024); målvärdet är minst 40 procent. Andelen arbetad tid som utförs av timavlönade var "
              "12 procent (14 procent 2024) och ska fortsätta att minska. Andelen var lägre än väntat."),
    ])
    ext = extract_items(doc, learned=False)
    assert [(i.text, i.targets[0].text) for i in ext.indicators] == [
        ("Andelen deltagare i Jobbcentrum som gått vidare till arbete eller studier", "minst 40 procent"),
        ("Andelen arbetad tid som utförs av timavlönade", "ska fortsätta att minska")]
    assert ext.indicators[1].targets[0].direction == "decrease"


def test_actions_reported_done_under_a_goal_are_actions_not_goals():
    doc = build([
        ("h", 1, "Mål och måluppfyllelse"),
        ("p", "Nykvarn ska vara en trygg och attraktiv kommun att bo och leva i."),
        ("li", "Genomförde trygghetsvandringar i Centrum tillsammans med polisen."),
        ("li", "Anställde två kommunvärdar som är ute kvällstid under helger."),
        ("li", "Tog fram en ny belysningsplan för gång- och cykelvägar."),
    ])
    ext = extract_items(doc, learned=False)
    assert [a.text[:12] for a in ext.activities] == ["Genomförde t", "Anställde tv", "Tog fram en "]
    assert not any(g.text.startswith(("Genomförde", "Anställde", "Tog")) for g in ext.goals)


@pytest.mark.parametrize("text, done", [
    ("Startade familjecentralen i Nykvarns centrum", True),
    ("Sålde 4,2 hektar mark i Mörby industriområde", True),
    ("Utvecklande samtal med alla medarbetare", False),  # a participle, no past tense
    ("Ökade andelen elever som känner sig trygga", False),  # a change, no action
    ("Fler vuxna ska slutföra sina studier", False),
])
def test_an_action_reported_done_by_its_verb_in_the_past(text, done):
    assert prose.opens_with_done_action(text) is done


def test_a_map_of_goals_headed_by_the_goals_its_columns_serve_and_captions_closing_with_a_target():
    doc = build([
        ("h", 1, "Målkarta 2026"),
        ("t", ["Grästorp är en kommun där alla barn och unga får en god start i livet",
               "Grästorps kommun har en ekonomi i balans och en effektiv verksamhet"], [
            ["1a Alla elever ska nå kunskapskraven i samtliga ämnen.", "2a Nämnden ska bedriva verksamheten inom budgetram."],
            ["1b Barn och elever ska känna sig trygga i skolan.", ""]]),
        ("h", 1, "Mål och uppföljning"),
        ("h", 2, "1a Alla elever ska nå kunskapskraven i samtliga ämnen."),
        ("p", "Diagram 1. Andel elever i årskurs 6 med lägst betyget E i matematik, %. Målvärde 2026: minst 88 %."),
        ("t", ["2023", "2024", "2025"], [["Grästorp 84,0", "82,5", "86,1"], ["Riket 88,4", "88,9", "89,2"]]),
        ("h", 1, "Utvecklingsinsatser 2026"),
        ("li", "Införa en gemensam modell för extra anpassningar i matematik (mål 1b; ansvar: rektorer)."),
    ])
    doc.meta.kommun = "Grästorp"
    ext = extract_items(doc, learned=False)
    texts = {g.key: g.text[:12] for g in ext.goals}
    assert [(g.text[:12], g.level, texts.get(g.parent_key)) for g in ext.goals] == [
        ("Grästorp är ", "kf", None), ("Grästorps ko", "kf", None), ("Alla elever ", "namnd", "Grästorp är "),
        ("Nämnden ska ", "namnd", "Grästorps ko"), ("Barn och ele", "namnd", "Grästorp är ")]
    [indicator] = ext.indicators
    assert indicator.text == "Andel elever i årskurs 6 med lägst betyget E i matematik, %"
    assert (indicator.targets[0].target_value, indicator.targets[0].target_year) == (88.0, 2026)
    assert texts[indicator.goal_key] == "Alla elever "
    [action] = ext.activities
    assert (action.responsible, texts[action.goal_key]) == ("rektorer", "Barn och ele")


def test_a_risk_register_holds_no_actions_and_a_lead_in_names_what_it_lists_before_its_clause():
    doc = build([
        ("h", 1, "Aktiviteter 2026"),
        ("p", "Utöver aktiviteterna i tabellen genomför förvaltningen följande arbeten, som inte är kopplade "
              "till ett enskilt mål:"),
        ("li", "Byta verksamhetssystem för individ- och familjeomsorgen."),
        ("li", "Revidera nämndens delegationsordning."),
        ("h", 1, "Uppföljning av risker"),
        ("t", ["Risk", "Sannolikhet", "Konsekvens", "Åtgärd"], [
            ["Utredningstiden överskrids på grund av vakanser", "Hög", "Allvarlig", "Kontroll av utredningstider varje månad"],
            ["Felaktiga utbetalningar av ekonomiskt bistånd", "Medel", "Kännbar", "Stickprov av tio ärenden per tertial"]]),
    ])
    ext = extract_items(doc)
    assert not ext.goals
    assert [a.text for a in ext.activities] == ["Byta verksamhetssystem för individ- och familjeomsorgen.",
                                                "Revidera nämndens delegationsordning."]


@pytest.mark.parametrize("lead, kind", [
    ("Förvaltningen genomför följande arbeten, som inte är kopplade till ett enskilt mål:", None),
    ("Nämnden har beslutat om följande prioriterade mål som nämnden bidrar till:", "goal"),
    ("För varje nämndmål redovisar vi mått som svarar på tre frågor:", None),
])
def test_the_kind_a_lead_in_names(lead, kind):
    assert prose.lead_kind(lead) == kind


def test_a_code_whose_words_stand_elsewhere_is_no_goal():
    doc = build([
        ("h", 1, "Målkedja 2026"),
        ("p", "KF B"),
        ("p", "Fler invånare ska vara självförsörjande."),
        ("p", "SN 3"),
        ("p", "SN 4"),
    ])
    ext = extract_items(doc, learned=False)
    assert [g.text for g in ext.goals] == ["Fler invånare ska vara självförsörjande."]


def test_goals_given_short_names_that_tables_and_actions_name_them_by():
    doc = build([
        ("h", 1, "Styrning och måluppfyllelse"),
        ("p", "Kommunfullmäktige har beslutat om fyra mål. Varje mål har ett kortnamn som används i redovisningen nedan:"),
        ("li", "Livskvalitet: Lekebergs invånare ska ha goda förutsättningar för en god hälsa."),
        ("li", "Attraktivitet: Lekeberg ska vara en attraktiv kommun att bo i, besöka och driva företag i."),
        ("t", ["Mål", "KS", "BN", "Samlad bedömning"], [
            ["Livskvalitet", "Uppf.", "Delvis", "Delvis uppfyllt"],
            ["Attraktivitet", "Uppf.", "–", "Uppfyllt"]]),
        ("h", 1, "Kommunstyrelsen"),
        ("p", "Genomfört 2025"),
        ("li", "Kommunen har marknadsfört lediga tomter i Fjugesta på två bomässor. [Attraktivitet]"),
    ])
    ext = extract_items(doc)
    assert [g.text for g in ext.goals] == [
        "Lekebergs invånare ska ha goda förutsättningar för en god hälsa.",
        "Lekeberg ska vara en attraktiv kommun att bo i, besöka och driva företag i."]
    [action] = ext.activities
    assert (action.text, action.goal_key) == (
        "Kommunen har marknadsfört lediga tomter i Fjugesta på två bomässor.", ext.goals[1].key)


def test_an_action_cell_closing_with_its_field_line_gives_those_fields():
    """"Införa … Ansvar: Föreningsenheten • Klart: juni 2026" in an Aktivitet
    cell: the action, its responsible unit and its time."""
    out = extract_items(build([
        ("h", 1, "Fler flickor och kvinnor ska delta i föreningsidrott"),
        ("t", ["Aktivitet 2026", "Kommentar"], [
            ["Införa jämställdhetskrav i riktlinjerna för tidsfördelning Ansvar: Föreningsenheten • Klart: juni 2026", ""],
            ["Starta prova-på-verksamhet för tjejer på tre fritidsgårdar", "Pågår"],
        ]),
    ]), learned=False)
    first, second = out.activities
    assert first.text == "Införa jämställdhetskrav i riktlinjerna för tidsfördelning"
    assert (first.responsible, first.timeline) == ("Föreningsenheten", "juni 2026")
    assert second.text == "Starta prova-på-verksamhet för tjejer på tre fritidsgårdar"


def test_a_grid_whose_cells_open_with_their_labels_is_a_goal_card():
    """A header-less four-field grid: each cell opens with its label (the goal
    with its code, "Så mäter vi", "Det här gör vi 2026", risks, which are no items)."""
    out = extract_items(build([
        ("h", 1, "Inriktningsmål 1 Äldre ska kunna leva ett självständigt liv"),
        ("t", ["", ""], [
            ["Nämndens mål ÄLN 1.1 Fler äldre ska kunna bo kvar hemma med ett stöd efter behov.",
             "Så mäter vi (cid:127) Andel hemtjänsttagare som är nöjda med hemtjänsten – målvärde 2026: minst 88 %"],
            ["Det här gör vi 2026 (cid:127) Införa kontinuitetsmätning i alla hemtjänstområden (ansvar: "
             "vård- och omsorgsförvaltningen) (cid:127) Starta ett hemrehabiliteringsteam",
             "Risker och beroenden Brist på undersköterskor med körkort."],
        ]),
    ]), learned=False)
    goals = {g.key: g.text for g in out.goals}
    assert "Fler äldre ska kunna bo kvar hemma med ett stöd efter behov." in goals.values()
    assert [i.text for i in out.indicators] == ["Andel hemtjänsttagare som är nöjda med hemtjänsten"]
    assert [(a.text, a.responsible) for a in out.activities] == [
        ("Införa kontinuitetsmätning i alla hemtjänstområden", "vård- och omsorgsförvaltningen"),
        ("Starta ett hemrehabiliteringsteam", None)]
    assert {goals[i.goal_key] for i in (*out.indicators, *out.activities)} == {
        "Fler äldre ska kunna bo kvar hemma med ett stöd efter behov."}


def test_indicator_lines_under_a_side_label_run_together_and_the_goal_they_serve():
    """A side-head block: "Nämndmål 1" / the goal / "Bidrar till" / "Kommunfullmäktiges
    mål 1" / "Indikatorer" / lines "name: figure (helår 2025: …; mål 2026: …)" set
    as one paragraph. Each line is an indicator of the nämndmål, whose parent is KF goal 1."""
    out = extract_items(build([
        ("h", 1, "Kommunfullmäktiges mål"),
        ("li", "Hörby ska vara en attraktiv kommun att bo, leva och verka i.", "1."),
        ("h", 1, "Uppföljning av nämndmålen"),
        ("p", "Nämndmål 1"),
        ("p", "Bygglovshandläggningen ska vara snabb, rättssäker och serviceinriktad."),
        ("p", "Bidrar till"),
        ("p", "Kommunfullmäktiges mål 1"),
        ("p", "Indikatorer"),
        ("p", "Median handläggningstid för bygglov, veckor: 4,8 (helår 2025: 5,6; mål 2026: högst 5) "
              "Nöjd-Kund-Index för bygglov: mäts helår (helår 2025: 66; mål 2026: minst 70)"),
        ("p", "Aktiviteter"),
        ("li", "Införa digital ansökan och signering av bygglov (klar)"),
    ]), learned=False)
    goals = {g.key: g for g in out.goals}
    own = next(g for g in out.goals if g.text.startswith("Bygglovshandläggningen"))
    assert goals[own.parent_key].text.startswith("Hörby ska vara")
    assert [(i.text, i.targets[0].target_value, [v.period for v in i.values]) for i in out.indicators] == [
        ("Median handläggningstid för bygglov, veckor", 5.0, ["helår 2025"]),
        ("Nöjd-Kund-Index för bygglov", 70.0, ["helår 2025"])]
    assert {goals[x.goal_key].text for x in (*out.indicators, *out.activities)} == {own.text}


def test_goals_led_in_under_a_vision_heading_and_a_theory_of_change_table():
    """"Vision och styrning" holds no items of its own, but a lead-in that names
    the goals decided leads its list; an "Om vi … | … så märks det i" table gives
    the actions (first column) and the indicator they should move."""
    out = extract_items(build([
        ("h", 1, "Vision och styrning"),
        ("p", "Nämndens vision är ”I Vännäs lyckas alla barn”. Kommunfullmäktige har beslutat om tre "
              "strategiska mål för 2024–2027:"),
        ("li", "Vännäs ska vara en kommun där alla barn och unga får en god utbildning.", "1."),
        ("li", "Kommunen ska ha en långsiktigt hållbar ekonomi.", "2."),
        ("h", 1, "Inledning"),
        ("p", "Nämnden har pekat ut tre prioriterade utvecklingsområden för perioden 2026–2028:"),
        ("li", "Närvaro, trygghet och studiero"),
        ("h", 1, "Mål och insatser"),
        ("t", ["Om vi …", "Ansvar", "… så märks det i", "Mål 2026"], [
            ["inför vuxna rastvärdar med västar på alla skolgårdar", "Rektorerna F–6",
             "andel elever i årskurs 5 som känner sig trygga i skolan", "Minst 92 %"],
            ["kartlägger otrygga platser tillsammans med elevråden", "Elevhälsan", "", ""],
        ]),
    ]), learned=False)
    assert [g.text for g in out.goals] == [
        "Vännäs ska vara en kommun där alla barn och unga får en god utbildning.",
        "Kommunen ska ha en långsiktigt hållbar ekonomi."]
    assert [i.text for i in out.indicators] == ["andel elever i årskurs 5 som känner sig trygga i skolan"]
    assert [(a.text, a.responsible) for a in out.activities] == [
        ("inför vuxna rastvärdar med västar på alla skolgårdar", "Rektorerna F–6"),
        ("kartlägger otrygga platser tillsammans med elevråden", "Elevhälsan")]


def test_a_goal_quoted_after_is_att():
    out = extract_items(build([
        ("h", 1, "Ekonomi och effektivitet"),
        ("p", "Kommunfullmäktiges mål för målområdet är att ”Kommunens resurser ska användas effektivt och "
              "verksamheterna ska ha en budget i balans”. Nämnden har ett eget mål för ekonomin."),
    ]), learned=False)
    assert [g.text for g in out.goals] == [
        "Kommunens resurser ska användas effektivt och verksamheterna ska ha en budget i balans"]


def test_a_plan_on_one_page_laid_on_its_side_with_dated_goals():
    """"Kulturplanen på en sida": row labels "Mål 2029", "Så följer vi upp",
    "Så gör vi" down the first column, one fokusområde a column; the "Mål 2029"
    row states goals (not target values), and each column's items serve its goal.
    A header word that is one letter off a field's ("starkt" / "start") names
    no field."""
    out = extract_items(build([
        ("h", 1, "Kulturplanen på en sida"),
        ("t", ["", "Barn och unga skapar", "Ett starkt kulturliv"], [
            ["Mål 2029", "Alla barn och unga i Habo har möjlighet att skapa och uppleva kultur på sin fritid.",
             "Kulturföreningarna och kulturskaparna i Habo ska öka sin verksamhet med minst 20 procent till 2029."],
            ["Så följer vi upp", "• Antal elever i kulturskolan – mål 2029: minst 520 (2025: 452)", "–"],
            ["Så gör vi", "• Starta kulturskola på fritids i Brandstorp och Furusand (Kulturskolan)",
             "• Inför fleråriga verksamhetsbidrag för kulturföreningar (Kultur- och fritidsnämnden)"],
        ]),
    ]), learned=False)
    assert [g.text for g in out.goals] == [
        "Alla barn och unga i Habo har möjlighet att skapa och uppleva kultur på sin fritid.",
        "Kulturföreningarna och kulturskaparna i Habo ska öka sin verksamhet med minst 20 procent till 2029."]
    indicator = by_text(out.indicators, "Antal elever i kulturskolan")
    assert indicator.goal_key == out.goals[0].key
    assert [(t.target_value, t.target_year) for t in indicator.targets] == [(520, 2029)]
    assert [(a.text, a.responsible, a.goal_key) for a in out.activities] == [
        ("Starta kulturskola på fritids i Brandstorp och Furusand", "Kulturskolan", out.goals[0].key),
        ("Inför fleråriga verksamhetsbidrag för kulturföreningar", "Kultur- och fritidsnämnden", out.goals[1].key)]


def test_a_quality_report_with_the_principals_goals_under_curriculum_areas():
    """Under one KF goal stated before, "Huvudmannens mål: …" paragraphs state
    the board's goals under headings naming the curriculum's areas (themes,
    not goals); "a) Införa … – Ansvar: …; uppföljning: …" items are actions
    with their fields (a dash inside a field); an "Utvecklingsområde" column
    whose cells are actions holds actions."""
    out = extract_items(build([
        ("h", 1, "3 Mål och resultat"),
        ("p", "Kvalitetsarbetet utgår från kommunfullmäktiges mål för barn och unga:"),
        ("p", "Alla barn och unga i Hofors ska ha goda förutsättningar att lyckas i skolan och i livet."),
        ("h", 2, "3.1 Normer och värden"),
        ("p", "Huvudmannens mål: Alla barn och elever ska känna sig trygga i förskolan och skolan."),
        ("p", "Utvecklingsområden läsåret 2025/26:"),
        ("li", "Erbjuda läxhjälp med lärare två eftermiddagar i veckan på samtliga grundskolor. – Ansvar: "
               "rektorer F–9; uppföljning: juni 2026", "a)"),
        ("h", 2, "3.2 Kunskaper"),
        ("p", "Huvudmannens mål: Andelen elever som når kunskapskraven i alla ämnen ska öka."),
        ("h", 1, "4 Uppföljning av förra årets utvecklingsområden"),
        ("t", ["Område", "Utvecklingsområde 2024/25", "Genomfört"], [
            ["Normer och värden", "Kartlägga otrygga platser tillsammans med elevråden på alla skolor.", "Ja"],
            ["Kunskaper", "Schemalägga klassråd varje vecka i åk 4–9.", "Delvis"],
        ]),
    ]), learned=False)
    kf, *board = out.goals
    assert kf.text.startswith("Alla barn och unga i Hofors") and kf.level == "kf"
    assert [(g.text, g.level, g.parent_key) for g in board] == [
        ("Alla barn och elever ska känna sig trygga i förskolan och skolan.", "namnd", kf.key),
        ("Andelen elever som når kunskapskraven i alla ämnen ska öka.", "namnd", kf.key)]
    first = out.activities[0]
    assert (first.text, first.responsible, first.follow_up) == (
        "Erbjuda läxhjälp med lärare två eftermiddagar i veckan på samtliga grundskolor.", "rektorer F–9", "juni 2026")
    assert [a.text for a in out.activities[1:]] == [
        "Kartlägga otrygga platser tillsammans med elevråden på alla skolor.",
        "Schemalägga klassråd varje vecka i åk 4–9."]


def test_a_goal_coded_in_its_indicator_tables_header_and_actions_by_status_with_months():
    """"AVN 1 Fler invånare ska …" heading the first column of its indicator table
    is the goal (its code numbering); "Genomfört januari–augusti | Planerat
    september–december" sorts its actions by where they stand ("–": none); a first
    row closing with figures ("…, antal 212") is no header taken for a row."""
    out = extract_items(build([
        ("h", 1, "Verksamheten i siffror"),
        ("t", ["Jan–aug 2023", "Jan–aug 2024", "Jan–aug 2025"], [
            ["Deltagare i arbetsmarknadsinsatser, antal 212", "238", "251"],
            ["Unga inom det kommunala aktivitetsansvaret, antal 96", "104", "99"]]),
        ("h", 1, "Måluppfyllelse"),
        ("t", ["AVN 1 Fler invånare ska gå från försörjningsstöd till arbete eller studier", "Utfall jan–aug 2024",
               "Utfall jan–aug 2025", "Målvärde 2025"], [
            ["Hushåll med försörjningsstöd, genomsnitt per månad", "286", "271", "Högst 260"]]),
        ("t", ["Genomfört januari–augusti", "Planerat september–december"], [
            ["• Uppsökande hembesök till unga som inte svarat på kontakt", "–"]]),
    ]), learned=False)
    assert [g.text for g in out.goals] == ["Fler invånare ska gå från försörjningsstöd till arbete eller studier"]
    assert [(i.text, i.goal_key) for i in out.indicators] == [
        ("Hushåll med försörjningsstöd, genomsnitt per månad", out.goals[0].key)]
    assert [(a.text, a.goal_key) for a in out.activities] == [
        ("Uppsökande hembesök till unga som inte svarat på kontakt", out.goals[0].key)]


def test_measures_under_numbered_goals_and_an_action_matrix_marked_by_goal():
    """"– Gästnätter …: 38 200 (2024) » minst 50 000 (2030)" under a numbered
    goal is its indicator, with baseline and target (not a goal of the list);
    a matrix "Nr | Åtgärd | Ansvar | När | Mål 1 | Mål 2 | Mål 3" links each
    action to the goal its plain "X" marks ("(X)": it serves that goal too)."""
    out = extract_items(build([
        ("h", 1, "Målbild 2030"),
        ("li", "Företagsklimatet på Tjörn ska vara bland de bästa i Västra Götaland.", "1."),
        ("li", "Nöjd Kund Index för företagens myndighetskontakter (U07451): 70 (2024) » minst 75 (2030)", "–", 1),
        ("li", "Fler företag ska starta, växa och stanna på Tjörn.", "2."),
        ("li", "Antal arbetstillfällen i kommunen: 5 820 (2023) » öka (2030)", "–", 1),
        ("li", "Besöksnäringen ska vara en året runt-näring.", "3."),
        ("li", "Gästnätter under oktober–april: 38 200 (2024) » minst 50 000 (2030)", "–", 1),
        ("h", 1, "Åtgärder 2026–2030"),
        ("t", ["Nr", "Åtgärd", "Ansvar", "När", "Mål 1", "Mål 2", "Mål 3"], [
            ["A1", "Företagslots – en väg in till kommunen för alla företagsärenden", "Näringslivsenheten", "2026",
             "X", "(X)", ""],
            ["A2", "Detaljplan för verksamhetsområde Myggenäs norra", "Samhällsbyggnadsnämnden", "2026–2028",
             "", "(X)", "X"],
            ["A3", "Evenemangsstöd för höst- och vinterevenemang", "Kultur- och fritidsnämnden", "2027–2030",
             "", "(X)", ""]]),
    ]), learned=False)
    goals = [g.text for g in out.goals]
    assert goals == ["Företagsklimatet på Tjörn ska vara bland de bästa i Västra Götaland.",
                     "Fler företag ska starta, växa och stanna på Tjörn.",
                     "Besöksnäringen ska vara en året runt-näring."]
    keys = [g.key for g in out.goals]
    assert [i.text for i in out.indicators] == [
        "Nöjd Kund Index för företagens myndighetskontakter (U07451)", "Antal arbetstillfällen i kommunen",
        "Gästnätter under oktober–april"]
    assert [i.goal_key for i in out.indicators] == keys
    nki, jobs, nights = (i.targets[0] for i in out.indicators)
    assert (nki.target_op, nki.target_value, nki.unit, nki.target_year, nki.baseline_value, nki.baseline_year) == (
        ">=", 75.0, "index", 2030, 70.0, 2024)
    assert (jobs.direction, jobs.target_year, jobs.baseline_value, jobs.baseline_year) == ("increase", 2030, 5820.0, 2023)
    assert (nights.target_value, nights.baseline_value) == (50000.0, 38200.0)
    assert [a.goal_key for a in out.activities] == [keys[0], keys[2], keys[1]]


def test_stage_goals_in_a_table_with_actions_by_code_and_a_table_of_costs():
    """"I Burlövs kommun ska det vara tryggt …" under "Kommunfullmäktiges mål"
    is a goal; a stage goal that asks to decrease keeps that direction with
    the level its "Mål 2028" cell sets ("Högst 6"), "Samtliga 92" is exactly
    92; "… – etappmål T5, varje vår" serves T5 and says when; "Fysiska
    åtgärder | 9 330 | 8 000" is a row of costs, not a header of actions."""
    out = extract_items(build([
        ("h", 1, "Mål"),
        ("h", 2, "Kommunfullmäktiges mål"),
        ("p", "I Burlövs kommun ska det vara tryggt och säkert att röra sig, oavsett hur man väljer att resa."),
        ("t", ["Nr", "Etappmål", "Utgångsläge", "Mål 2028"], [
            ["T1", "Antalet svårt skadade i trafiken på det kommunala vägnätet ska minska.", "11 (2024)", "Högst 6"],
            ["T4", "Alla gång- och cykelpassager på huvudgator ska vara hastighetssäkrade till 30 km/h.",
             "38 (2025)", "Samtliga 92"],
            ["T5", "Antalet skadade cyklister ska minska.", "23 (2024)", "Minska"]]),
        ("h", 1, "Beteendepåverkande åtgärder"),
        ("li", "Genomföra cykelträning för elever i årskurs 4 tillsammans med NTF Skåne – etappmål T5, varje vår"),
        ("h", 1, "Kostnader"),
        ("t", ["Tkr", "2026", "2027", "Summa"], [
            ["Fysiska åtgärder", "9 330", "8 000", "17 330"],
            ["Beteendepåverkande åtgärder", "150", "150", "300"]]),
    ]), learned=False)
    kf, t1, t4, t5 = out.goals
    assert kf.text.startswith("I Burlövs kommun ska det vara tryggt")
    assert (t1.target.direction, t1.target.target_op, t1.target.target_value) == ("decrease", "<=", 6.0)
    assert (t4.target.direction, t4.target.target_op, t4.target.target_value) == ("reach", "=", 92.0)
    [action] = out.activities
    assert (action.text, action.timeline) == (
        "Genomföra cykelträning för elever i årskurs 4 tillsammans med NTF Skåne", "varje vår")
    assert action.goal_key == t5.key


def test_items_under_each_goal_are_its_indicators_where_the_plan_says_so():
    """"Under varje nämndmål anges de indikatorer …": the dashed items under
    "NM1 Fler invånare ska …" are its indicators, though worded as targets
    ("Antalet besök … ska öka från 142 000 (2024) till minst 150 000."); the
    next KF goal's paragraph is no part of NM2; bullets after a paragraph
    that states no goal are goals still."""
    out = extract_items(build([
        ("h", 1, "2 Mål och indikatorer"),
        ("p", "Nämndmålen utgår från kommunfullmäktiges mål. Under varje nämndmål anges de indikatorer som "
              "visar om målet nås."),
        ("p", "Kommunfullmäktiges mål: Staffanstorp ska vara en attraktiv kommun att leva och bo i."),
        ("p", "NM1 Fler invånare ska ta del av ett brett och tillgängligt kulturutbud."),
        ("li", "Antalet besök på biblioteken ska öka från 142 000 (2024) till minst 150 000.", "–"),
        ("li", "Andelen elever i årskurs 4–9 som deltar i kulturskolans verksamhet ska uppgå till minst 30 %.", "–"),
        ("p", "NM2 Barn och unga ska ha en meningsfull fritid med möjlighet till inflytande."),
        ("li", "Antalet besök på fritidsgårdarna ska öka.", "–"),
        ("p", "Kommunfullmäktiges mål: Staffanstorp ska ha en god folkhälsa och ett hållbart samhälle."),
        ("p", "Nettokostnadsram 2026: 61,4 mnkr (2025: 60,2 mnkr)"),
        ("li", "Fler bostäder ska byggas i hela kommunen"),
    ]), learned=False)
    texts = [g.text for g in out.goals]
    assert "Barn och unga ska ha en meningsfull fritid med möjlighet till inflytande." in texts
    assert "Staffanstorp ska ha en god folkhälsa och ett hållbart samhälle." in texts
    assert "Fler bostäder ska byggas i hela kommunen" in texts
    nm1 = next(g for g in out.goals if g.text.startswith("Fler invånare"))
    nm2 = next(g for g in out.goals if g.text.startswith("Barn och unga"))
    assert [(i.text[:30], i.goal_key) for i in out.indicators] == [
        ("Antalet besök på biblioteken s", nm1.key), ("Andelen elever i årskurs 4–9 s", nm1.key),
        ("Antalet besök på fritidsgårdar", nm2.key)]
    library = out.indicators[0].targets[0]
    assert (library.direction, library.target_value, library.baseline_value, library.baseline_year) == (
        "increase", 150000.0, 142000.0, 2024)


def test_coded_action_headings_with_their_fields_under_an_area_of_actions():
    """"A1 Bygga upp …" over "Beskrivning" / …, "Bidrar till effektmål" / "1",
    "Ansvarig" / …, "Tidsperiod" / …: an action (its code no part of its text)
    serving goal 1; a label whose value the layout dropped ("–") does not take
    the next label for its value; "Insatsområde A – …" over actions only is
    no goal area; "Nr | Indikator" over "2a": a measure of goal 2."""
    out = extract_items(build([
        ("h", 1, "Handlingsplanens mål", "3"),
        ("p", "Regionala utvecklingsnämnden har beslutat om två effektmål som ska vara uppnådda 2027:"),
        ("li", "Fler invånare ska få sin kompetens validerad och kunna gå vidare till arbete eller studier.", "1."),
        ("li", "Utbildningsutbudet i länet ska i högre grad motsvara arbetsgivarnas behov.", "2."),
        ("t", ["Nr", "Indikator", "Utgångsläge", "Målvärde 2027"], [
            ["1a", "Antal personer som genomgått validering inom vård- och industriyrken per år", "140 (2024)",
             "Minst 400"],
            ["2a", "Antal platser i yrkesvux och yrkeshögskola inom bristyrken i länet", "2 350 (2024)",
             "Öka med 20 %"]]),
        ("h", 1, "Insatser 2026–2027", "4"),
        ("h", 2, "Insatsområde A – Validering och matchning", "4.1"),
        ("h", 3, "A1 Bygga upp en regional valideringsfunktion för vård- och industriyrken"),
        ("p", "Beskrivning"), ("p", "En gemensam funktion tar emot personer som vill få sin kompetens bedömd."),
        ("p", "Bidrar till effektmål"), ("p", "1"),
        ("p", "Ansvarig"), ("p", "Region Uppsala, enheten för kompetensförsörjning"),
        ("p", "Tidsperiod"), ("p", "2026-01-01 – 2027-12-31"),
        ("h", 3, "A2 Sprida en modell för äldre medarbetares kompetensutveckling bland länets arbetsgivare"),
        ("p", "Beskrivning"), ("p", "En modell för flexibla arbetstider prövas i regionen."),
        ("p", "Bidrar till effektmål"),
        ("p", "Ansvarig"), ("p", "Region Uppsala, HR-avdelningen"),
        ("p", "Tidsperiod"), ("p", "2027"),
    ]), learned=False)
    first, second = out.goals
    assert [i.goal_key for i in out.indicators] == [first.key, second.key]
    build_up, spread = out.activities
    assert (build_up.text, build_up.responsible, build_up.timeline, build_up.goal_key) == (
        "Bygga upp en regional valideringsfunktion för vård- och industriyrken",
        "Region Uppsala, enheten för kompetensförsörjning", "2026-01-01 – 2027-12-31", first.key)
    assert (spread.responsible, spread.timeline) == ("Region Uppsala, HR-avdelningen", "2027")
