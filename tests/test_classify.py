"""Column roles, heading kinds, goal levels, attainment and clean text."""

from __future__ import annotations

import pytest

from planextract import classify as C
from planextract.errors import RulesError
from planextract.rules import parse_rules


@pytest.mark.parametrize(
    "header, roles",
    [
        (["Indikator", "Nyckeltal", "Mål", "2022", "2023"], ["indicator", "measure", "target", "outcome", "outcome"]),
        (["Åtgärd", "Aktivitet", "Ansvarig", "Tiplan", "Uppföljning (när/hur)"],
         ["activity", "activity_detail", "responsible", "timeline", "follow_up"]),
        (["Resultat/indikator/nyckeltal", "Analys"], ["indicator", "analysis"]),
        (["Aktiviteter", "Kommentar"], ["activity", "comment"]),
        (["Mål", "Aktivitet"], ["goal", "activity"]),
        (["Mål", "Indikator", "Målvärde 2025", "Utfall 2024", "Status"], ["goal", "indicator", "target", "outcome", "status"]),
        (["Strategiska mål", "Socialnämndens mål 2020-2023", "Indikatorer", "Uppföljning/ utvärdering"],
         ["goal", "goal", "indicator", "follow_up"]),
        (["Tkr", "Bokslut 2023", "Budget 2024", "Plan 2026"], ["ignore", "ignore", "ignore", "ignore"]),
        (["Nyckeltal", "Utfall 2023"], ["indicator", "outcome"]),
    ],
)
def test_column_roles(header, roles):
    assert [c.role for c in C.column_roles(header)] == roles


def test_column_years():
    cols = C.column_roles(["Indikator", "Målvärde 2025", "Utfall 2024", "2023"])
    assert (cols[1].role, cols[1].year) == ("target", 2025)
    assert (cols[2].role, cols[2].period) == ("outcome", "2024")
    assert (cols[3].role, cols[3].period) == ("outcome", "2023")


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Målområde", "goal_area"),
        ("Kommunfullmäktiges utvecklingsmål", "goal"),
        ("Nämndens egna utvecklingsmål", "goal"),
        ("MÅLBILD", "goal"),
        ("5 Socialnämndens politiska mål och indikatorer", "goal"),
        ("2.4 Kommunens strategiska mål", "goal"),
        ("Vi har lyckats när:", "indicator"),
        ("Så mäter vi:", "indicator"),
        ("Så följer vi upp", "indicator"),
        ("Det här gör vi 2025:", "activity"),
        ("5.3.1 Indikatorer", "indicator"),
        ("STRATEGI OCH GENOMFÖRANDE", "activity"),
        ("Åtgärdsförslag – på kort och lång sikt", "activity"),
        ("Aktivitetsuppföljning – Ett hållbart Sala", "activity"),
        ("Detta ska nås genom att särskilt fokusera på att:", "skip"),
        ("Använd nedanstående stödfrågor i analysarbetet:", "skip"),
        ("POLITISKA UPPDRAG FRÅN UNDERLAG BUDGET 2024 STRATEGISKPLAN 2025 - 2027", "skip"),
        ("Viktiga händelser", "skip"),
        ("Inledning", "never"),
        ("Ekonomi", "never"),
        ("4 Omvärldsanalys", "never"),
        ("2.2 Vår vision", "never"),
        ("NULÄGESANALYS", "never"),
        ("Kontorets samlade analys av Kommunfullmäktiges utvecklingsmål under verksamhetsåret 2024", "never"),
        ("Ett växande Sala", None),
        ("Mål 1: Hög sysselsättning och ett mångsidigt näringsliv", None),
        # the noun a relative clause qualifies names the kind
        ("Insatser som inte ingår i logikmodellen", "activity"),
        ("Insatser som har bidragit till målet", "activity"),
        ("Frågor som nämnden ska arbeta med", None),
        ("Utvecklingsarbete 2026 – nämndmål 3", "activity"),  # the goal it serves after a dash
        # a compound's last part is its head noun, when a word of the lexicon comes before it
        ("Utvecklingsinsatser 2026", "activity"),
        ("Kvalitetsindikatorer", "indicator"),
        ("Handlingsplan för näringsliv och attraktivitet 2026–2027", None),  # "attr" is no word
    ],
)
def test_heading_kind(text, kind):
    assert C.heading_kind(text) == kind


@pytest.mark.parametrize(
    "text, expected",
    [
        ("5.1 Alla brukare inom socialnämndens verksamheter ska erbjudas en meningsfull vardag", True),
        ("10.1. Mål 1: Hög sysselsättning och ett mångsidigt näringsliv", True),
        ("Vad ska nämnden göra?", False),
        ("Ekonomi", False),
        ("Detta ska nås genom att särskilt fokusera på att:", False),
    ],
)
def test_is_goal_statement(text, expected):
    assert C.is_goal_statement(text) is expected


@pytest.mark.parametrize(
    "texts, level",
    [
        (["Kommunfullmäktiges utvecklingsmål"], "kf"),
        (["Nämndens egna utvecklingsmål"], "namnd"),
        (["Socialnämndens mål"], "namnd"),
        (["MÅLBILD", "Kommunfullmäktiges utvecklingsmål"], "verksamhet"),
        (["Ett växande Sala", "Kommunfullmäktiges utvecklingsmål"], "kf"),
        (["Förbundsstyrelsens mål"], "namnd"),
        (["Ekonomi"], None),
    ],
)
def test_goal_level(texts, level):
    assert C.goal_level(texts) == level


@pytest.mark.parametrize(
    "text, status",
    [
        ("Vi ser en positiv trend. Målet bedöms vara uppnått.", "met"),
        ("Målet bedöms vara delvis uppnått.", "partly"),
        ("Målet bedöms inte vara uppnått under året.", "not_met"),
        ("Målet är ej uppnått.", "not_met"),
        ("Arbetet pågår enligt plan.", None),
        ("Bedömning: Uppfyllt", "met"),  # a labelled assessment line
        ("Bedömning helår: Uppfylls", "met"),
        ("Bedömning helår: Uppfylls delvis", "partly"),
        ("Bedömning helår: Uppfylls inte", "not_met"),
        ("Resultatet uppfylls när alla har svarat.", None),
    ],
)
def test_attainment(text, status):
    found = C.attainment(text)
    assert (found[0] if found else None) == status


def test_attainment_keeps_the_sentence():
    assert C.attainment("Vi ser en positiv trend. Målet bedöms vara delvis uppnått.")[1] == (
        "Målet bedöms vara delvis uppnått."
    )


@pytest.mark.parametrize(
    "cell, status",
    [("Uppfyllt", "met"), ("Ej uppfyllt", "not_met"), ("Delvis uppfyllt", "partly"), ("Grön", "met"), ("", None)],
)
def test_status_word(cell, status):
    assert C.status_word(cell) == status


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("• Arbetar efter ny modell och \nmetod.   ", "Arbetar efter ny modell och metod."),
        ("det rätts-\nsäkra arbetet för barn- och unga", "det rättssäkra arbetet för barn- och unga"),
        ("5.1 Alla brukare ska erbjudas", "Alla brukare ska erbjudas"),
        ("- Minska sjukfrånvaron", "Minska sjukfrånvaron"),
        ("Soft\u00adhyphen", "Softhyphen"),
    ],
)
def test_clean_text(raw, clean):
    assert C.clean_text(raw) == clean


@pytest.mark.parametrize("raw, clean", [("- *", ""), ("37,4 **", "37,4"), ("Öka*", "Öka")])
def test_clean_cell_strips_footnote_markers(raw, clean):
    assert C.clean_cell(raw) == clean


def test_split_cell_items_drops_group_labels():
    cell = (
        "Alla verksamheter\nDet ska finnas mötesplatser för alla åldrar\n"
        "Äldreomsorg\nAndelen brukare som är nöjda ska öka från 60 % till minst 70 %"
    )
    assert C.split_cell_items(cell) == [
        "Det ska finnas mötesplatser för alla åldrar",
        "Andelen brukare som är nöjda ska öka från 60 % till minst 70 %",
    ]


def test_split_cell_items_keeps_short_pieces_together():
    assert C.split_cell_items("Ekonomiskt utfall. Kontinuerlig sjukstatistik från HR.") == [
        "Ekonomiskt utfall. Kontinuerlig sjukstatistik från HR."
    ]


def test_split_bullets():
    cell = "• Erbjuda stöd och hjälp till\nvåldsutsatta och utövare.\n• Utbilda personal i SIP"
    assert C.split_bullets(cell) == ["Erbjuda stöd och hjälp till våldsutsatta och utövare.", "Utbilda personal i SIP"]
    assert C.split_bullets("Planering av resor och möten.") == ["Planering av resor och möten."]
    # an unmapped bullet glyph after text: the cell's first glyph was cleaned away
    assert C.split_bullets("Ta fram en plan för språket (cid:127) Erbjuda handledning") == [
        "Ta fram en plan för språket", "Erbjuda handledning"]
    assert C.split_bullets("(cid:127) Ta fram en plan för språket") == ["Ta fram en plan för språket"]


@pytest.mark.parametrize(
    "name, model",
    [
        ("columns.yaml", C.ColumnRules),
        ("headings.yaml", C.HeadingRules),
        ("goal_levels.yaml", C.GoalLevelRules),
        ("attainment.yaml", C.AttainmentRules),
    ],
)
def test_rules_files_reject_unknown_keys(tmp_path, name, model):
    from planextract.resources import rules_dir

    text = (rules_dir() / name).read_text(encoding="utf-8") + "\nunknown_key: 1\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError, match=f"{name}: unknown key 'unknown_key'"):
        parse_rules(path, model)


def test_numbered_action_codes():
    assert C.ITEM_CODE.match("3.3 Utred möjligheterna för en bilpool")
    assert C.ITEM_CODE.match("3.4 ”lånecyklar” pendelprojekt")
    assert C.ITEM_CODE.match("T1 Bygga ut laddinfrastruktur")
    assert not C.ITEM_CODE.match("2. Optimera")
    assert [t for _, t in C.coded_items("3.3 Utred bilpool. 3.4 Genomför pendelprojekt.")] == [
        "Utred bilpool.", "Genomför pendelprojekt."]


@pytest.mark.parametrize("text", [
    "Hur kan nämnden bidra till målet?",
    "Finns avvikelser/oönskade resultat?",
])
def test_questions_are_skipped(text):
    assert C.heading_kind(text) == "skip"


@pytest.mark.parametrize("text, kind", [
    ("Hur ska vi nå dit?", "activity"),
    ("Vad gör vi?", "activity"),
    ("Hur mäter vi?", "indicator"),
    ("Vilka aktiviteter genomför nämnden?", "activity"),
])
def test_questions_asking_for_items(text, kind):
    assert C.heading_kind(text) == kind


@pytest.mark.parametrize("text, label", [
    ("Regional nivå", True),
    ("Internationell och nationell nivå", True),
    ("Arbetsmarknads- och integrationsenhet", True),
    ("Grundskolan", True),
    ("God vård och omsorg", False),
    ("Trygg enhet", False),
    ("Hög nivå på service", False),
])
def test_group_labels_by_class(text, label):
    assert C.is_group_label(text) is label


@pytest.mark.parametrize("header, role", [
    ("Resultatmått", "measure"),  # a compound takes the role of its head, not its modifier
    ("Målbild 2030", "target"),
    ("Målsättning 2026", "target"),
    ("Socialnämndens mål 2020-2023", "goal"),
    ("Riktvärde", "target"),
    ("Indikatorn", "indicator"),
    ("Åtgärderna", "activity"),
    ("Fokusområde", "goal"),
    ("Kommunstyrelsens mål 2026", "goal"),
    ("Målet är uppnått när …", "indicator"),  # the criterion completing the header's sentence
    ("Resultat vi förväntar oss (mått)", "indicator"),  # results named as measures: each cell an indicator
    ("Resultat", "outcome"),
    ("Nivå 2027", "target"),  # the level for that year
])
def test_column_role_of_compounds_and_owners(header, role):
    assert C.column_role(header).role == role


def test_part_of_a_year_is_an_outcome_period():
    assert (C.column_role("Jan–aug 2025").role, C.column_role("Jan–aug 2025").value_period) == (
        "outcome", "jan–aug 2025")
    assert C.column_role("Helår 2024").value_period == "2024"


@pytest.mark.parametrize("text, kind", [
    ("Nämnden har beslutat om följande mål:", "goal"),
    ("Detta ska uppnås genom följande insatser:", "activity"),
    ("Vi har lyckats när:", "indicator"),
    ("Nedan redogörs för fokusområdena:", None),
    ("Nedan följer en sammanfattning av resultatet:", None),
    # the subject counts the items, whatever the sentence ends with
    ("Två insatser gäller planen som helhet och bidrar till det övergripande målet snarare än till ett enskilt effektmål:",
     "activity"),
])
def test_lead_in_kind_by_its_last_noun(text, kind):
    from planextract.prose import lead_kind

    assert lead_kind(text) == kind


@pytest.mark.parametrize("header, roles", [
    (["Verksamhetens mål", "Indikator", "Målvärde"], ["goal", "indicator", "target"]),
    (["Indikator", "Nyckeltal", "Kommunens mål"], ["indicator", "measure", "target"]),
    (["Målbild", "Aktiviteter"], ["goal", "activity"]),
    (["Indikator", "Utfall 2024", "Målbild"], ["indicator", "outcome", "target"]),
])
def test_owned_goal_columns_by_context(header, roles):
    assert [c.role for c in C.column_roles(header)] == roles


@pytest.mark.parametrize("text,number", [
    ("1. Antalet bränder i bostäder ska minska.", "1"), ("2.3 Fler ska arbeta", "2.3"), ("(3) Färre olyckor", "3"),
    ("a) Fler ska arbeta", None), ("Antalet bränder", None),
])
def test_printed_number(text, number):
    assert C.printed_number(text) == number


@pytest.mark.parametrize("text,number", [
    ("Delmål 1.1", "1.1"), ("Mål 2:", "2"), ("Delmål 1.1 Fler unga ska fullfölja gymnasiet", None), ("Mål", None),
])
def test_label_reference(text, number):
    assert C.label_reference(text) == number


@pytest.mark.parametrize("text, expected", [
    ("Nämndmål 2.1 Fler invånare i arbete eller studier.", ("nämndmål", "2.1", "Fler invånare i arbete eller studier.")),
    ("Långsiktigt mål: Alla barn ska ha en god hälsa.", ("långsiktigt mål", None, "Alla barn ska ha en god hälsa.")),
    ("Strategiskt mål 1: Flen ska vara tryggt.", ("strategiskt mål", "1", "Flen ska vara tryggt.")),
    ("Delmål 1a Fler elever ska nå målen.", ("delmål", "1a", "Fler elever ska nå målen.")),
    ("Målet är att alla ska ha arbete.", None),  # a goal sentence, no label
    ("Mål 2025: 80 %", None),  # a target
    ("Mål och budget 2025", None),
    ("Nämndmål 2.1 fler invånare", None),  # the goal opens with a capital
    ("KOMMUNFULLMÄKTIGES MÅL Fler elever ska lämna grundskolan med behörighet.",
     ("kommunfullmäktiges mål", None, "Fler elever ska lämna grundskolan med behörighet.")),  # a kicker in capitals
    ("Kommunfullmäktiges mål Fler elever ska lämna grundskolan.", None),
])
def test_goal_label(text, expected):
    assert C.goal_label(text) == expected


def test_names_a_goal_with_a_prefixed_goal_word():
    assert C.names_a_goal("Bidrar till KF-mål")
    assert C.names_a_goal("Bidrar till kommunfullmäktiges mål")
    assert not C.names_a_goal("Bidrar till en god hälsa")


def test_a_list_of_one_schemes_codes_run_into_one_paragraph():
    text = ("SN 1 Barn och unga som behöver stöd ska få rätt insats i rätt tid (KF 2) "
            "SN 2 Fler personer med ekonomiskt bistånd ska nå egen försörjning (KF 1)")
    assert [item for _, item in C.coded_items(text)] == [
        "Barn och unga som behöver stöd ska få rätt insats i rätt tid (KF 2)",
        "Fler personer med ekonomiskt bistånd ska nå egen försörjning (KF 1)"]
    # another scheme's code inside an item opens none
    assert len(C.coded_items("T1 Bygga ut laddplatser enligt plan E2 Kommunen i samråd")) == 1


def test_a_heading_equal_to_a_term_of_goals_names_goals_though_it_holds_an_action_word():
    """"Mål och åtgärder 2026" is a term of goal headings; the word "åtgärder"
    it holds does not make it a heading of actions.  A long sentence ending
    with a full stop names no kind by a word it holds."""
    assert C.heading_kind("MÅL OCH ÅTGÄRDER 2026") == "goal"
    assert C.heading_kind("Åtgärder 2026") == "activity"
    assert C.heading_kind("Måtten och åtgärderna följs upp i delårsrapporten per augusti och i "
                          "verksamhetsberättelsen.") is None


def test_the_period_a_heading_covers_is_no_part_of_its_kind():
    assert C.heading_kind("3.1.1.4 Insatser under tertialet:") == "activity"
    assert C.heading_kind("Genomförda aktiviteter under året") == "activity"
    assert C.heading_kind("Det här vill vi nå till 2030") == "goal"
    assert C.heading_kind("Det här vill vi nå fram till år 2030:") == "goal"


def test_a_captions_label_is_numbering():
    assert C.strip_caption_label("Diagram 3. Andel elever i årskurs 9, procent") == "Andel elever i årskurs 9, procent"
    assert C.strip_caption_label("Figur 2: Antal invånare") == "Antal invånare"
    assert C.strip_caption_label("Mål 3. Alla ska ha ett arbete") == "Mål 3. Alla ska ha ett arbete"


@pytest.mark.parametrize("text, status", [
    ("Nämndmålet ”Fler elever ska ha en hög närvaro” bedöms inte uppfyllas under året.", "not_met"),
    ("Nämndmålet ”Alla ska nå målen” bedöms delvis kunna uppfyllas under året.", "partly"),
    ("Nämndmålet ”Alla ska vara trygga” bedöms uppfyllas under året.", "met"),
])
def test_attainment_judged_for_the_year(text, status):
    assert C.attainment(text)[0] == status


def test_a_sentence_closing_with_a_quotation_ends_there():
    from planextract import classify as C

    assert C.sentences("Nämndens vision är ”I Vännäs lyckas alla barn”. Kommunfullmäktige har beslutat om tre mål:") == [
        "Nämndens vision är ”I Vännäs lyckas alla barn”.", "Kommunfullmäktige har beslutat om tre mål:"]
    assert C.sentences("Visionen lyder ”Alla ska lyckas.” Nämnden har mål.") == [
        "Visionen lyder ”Alla ska lyckas.”", "Nämnden har mål."]


@pytest.mark.parametrize("header, field", [
    ("Utförare", True), ("Plats", True), ("Kostnad, tkr", True), ("Nr", True), ("Ansvarig enhet", True),
    ("Åtgärd", False), ("Genomförda insatser 2025", False), ("Genomfört under året", False),
    ("Kommentar", False), ("Indikator", False), ("Status", False),
])
def test_a_field_column_never_holds_items(header, field):
    """Where an action is done, who does it and what it costs are fields; a
    column of what was done, or of comments, may hold items."""
    assert C.is_field_column(header) is field
