"""Reading targets (målvärden) out of Swedish plan text."""

from __future__ import annotations

import pytest

from planextract.models import Target
from planextract.targets import clean_text, is_no_target, parse_target

FIELDS = ("direction", "target_op", "target_value", "unit", "target_year", "baseline_value", "baseline_year")


def fields(target: Target) -> tuple:
    return tuple(getattr(target, name) for name in FIELDS)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the cases of the extraction contract
        ("ska öka från 60 % (2022) till minst 70 % fram till och med 2023",
         ("increase", ">=", 70.0, "%", 2023, 60.0, 2022)),
        ("Minska med 1 %-enhet", ("decrease", None, 1.0, "procentenheter", None, None, None)),
        ("<1%", ("reach", "<", 1.0, "%", None, None, None)),
        ("≥12%", ("reach", ">=", 12.0, "%", None, None, None)),
        ("Budget i balans", ("maintain", None, None, None, None, None, None)),
        ("ska uppgå till minst 12 %", ("reach", ">=", 12.0, "%", None, None, None)),
        ("ska understiga 6 %", ("reach", "<", 6.0, "%", None, None, None)),
        ("maximalt 4 %", ("reach", "<=", 4.0, "%", None, None, None)),
        ("Hitta lämplig lokal", ("reach", None, None, None, None, None, None)),
        # real wordings (Götene, Sala)
        ("Andelen brukare inom särskilt boende som är nöjda med de aktiviteter som erbjuds "
         "ska öka från 60 % (2022) till minst 70 % fram till och med 2023",
         ("increase", ">=", 70.0, "%", 2023, 60.0, 2022)),
        ("Minska sjukfrånvaron med 1 % enhet", ("decrease", None, 1.0, "procentenheter", None, None, None)),
        ("Minska sjukfrånvaron med 1 % - enhet. Arbeta enligt kontorets tjänsteskrivelse "
         "”Plan för minskning av sjuktagen 2023”.",
         ("decrease", None, 1.0, "procentenheter", None, None, None)),
        ("Medarbetare som sprider ett gott rykte om sin arbetsplats ska öka från -34 till "
         "minst 10 i index till medarbetarundersökningen 2024",
         ("increase", ">=", 10.0, "index", 2024, -34.0, None)),
        ("Medarbetare som upplever ett gott ledarskap ska öka från 2,75 till minst 3,0 till "
         "medarbetarundersökningen 2024. (skala 1-4)",
         ("increase", ">=", 3.0, None, 2024, 2.75, None)),
        ("Personalomsättningen ska minska från 13 % till högst 11 % fram till och med 2023",
         ("decrease", "<=", 11.0, "%", 2023, 13.0, None)),
        ("Sjukfrånvaron ska minska inom alla verksamheter från 8,9 % till 6 % fram till och med 2023",
         ("decrease", "=", 6.0, "%", 2023, 8.9, None)),
        ("Andel långtidsarbetslösa (minst 6 mån) 16-24 år ska vara maximalt 4 % fram till och med 2023.",
         ("reach", "<=", 4.0, "%", 2023, None, None)),
        ("Andelen brukare i särskilt boende som känner sig trygga ska vara minst 98 % och "
         "helst öka fram till och med 2023",
         ("reach", ">=", 98.0, "%", 2023, None, None)),
        ("Andel unga vuxna med ekonomiskt bistånd ska inte överskrida 8 % under 2023.",
         ("reach", "<=", 8.0, "%", 2023, None, None)),
        ("Antal hemlösa per 10 000 invånare ska minska från 18,1 till 11,0 till "
         "Socialstyrelsens mätning 2024",
         ("decrease", "=", 11.0, "per 10 000 invånare", 2024, 18.1, None)),
        ("Antalet nya välfärdstekniklösningar och e-tjänster ska öka med minst två per år "
         "inom områdena äldreomsorg, funktionshinder och individ- och familjeomsorg fram "
         "till och med 2023.",
         ("increase", ">=", 2.0, "antal", 2023, None, None)),
        ("Nöjd medarbetarindex ska öka från 63 till minst 70 till medarbetarundersökningen 2025",
         ("increase", ">=", 70.0, "index", 2025, 63.0, None)),
        ("Den som efterfrågar anhörigstöd ska få kontakt med anhörigsamordnare inom en vecka.",
         ("reach", "<=", 1.0, "veckor", None, None, None)),
        ("Andelen brukare i särskilt boende som känner sig trygga ska öka.",
         ("increase", None, None, None, None, None, None)),
        ("Arbetslösheten minskar", ("decrease", None, None, None, None, None, None)),
        ("Öka", ("increase", None, None, None, None, None, None)),
        ("Bibehåll a nivå", ("maintain", None, None, None, None, None, None)),
        # numbers, units and years written in other ways
        ("Nettokostnaden ska vara högst 12 500 kr/inv senast 2025",
         ("reach", "<=", 12500.0, "kr/inv", 2025, None, None)),
        ("Nettokostnaden ska vara högst 12\u202f500 kronor per invånare år 2026",
         ("reach", "<=", 12500.0, "kr/inv", 2026, None, None)),
        ("Underskottet ska minska till −1,5 mnkr till 2026",
         ("decrease", "=", -1.5, "mnkr", 2026, None, None)),
        ("ska öka med 3,5 procentenheter till 2030",
         ("increase", None, 3.5, "procentenheter", 2030, None, None)),
        ("Minst 70 % 2027", ("reach", ">=", 70.0, "%", 2027, None, None)),
        ("Väntetiden ska understiga 14 dagar t.o.m. 2025", ("reach", "<", 14.0, "dagar", 2025, None, None)),
        ("Antalet ska öka jämfört med 2019", ("increase", None, None, None, None, None, 2019)),
        ("Kostnaderna ska minska från 2022 års nivå", ("decrease", None, None, None, None, None, 2022)),
        ("Andelen ska öka från 40 % till 50 % under perioden 2025–2028",
         ("increase", "=", 50.0, "%", 2028, 40.0, None)),
        ("Andelen ska gå från 40 % till 30 %", ("decrease", "=", 30.0, "%", None, 40.0, None)),
        ("Resultat på minst 2%", ("reach", ">=", 2.0, "%", None, None, None)),
        ("NKI ska vara över 75 poäng", ("reach", ">", 75.0, "poäng", None, None, None)),
        ("Målet för året är 40 procent.", ("reach", "=", 40.0, "%", None, None, None)),
        ("100 % av enheterna använder den gemensamma mallen.", ("reach", "=", 100.0, "%", None, None, None)),
        ("Invånarna är mer nöjda med kommunens verksamheter", ("increase", None, None, None, None, None, None)),
        ("Nämnden ska bedriva verksamheten inom tilldelad budgetram.",
         ("maintain", None, None, None, None, None, None)),
        ("Kommunkoncernens verksamheter ska vara fossilfria senast år 2030.",
         ("reach", None, None, None, 2030, None, None)),
        ("Utsläppen ska vara högst 1,6 ton per invånare", ("reach", "<=", 1.6, "ton", None, None, None)),
        ("Högst 114 kWh/m²", ("reach", "<=", 114.0, "kWh/m²", None, None, None)),
        ("0 tkr eller bättre", ("reach", ">=", 0.0, "tkr", None, None, None)),  # comparison after the value
        ("80 eller mer", ("reach", ">=", 80.0, None, None, None, None)),
        ("Högst 5 dagar eller kortare", ("reach", "<=", 5.0, "dagar", None, None, None)),
        # "ingen ... mer än": at most; "från och med" names the year
        ("Från och med 2027 ska ingen behöva vänta mer än 60 dagar på en plats.",
         ("reach", "<=", 60.0, "dagar", 2027, None, None)),
        # the level now in a parenthesis after the target is its baseline
        ("Andelen trygga ska ligga kvar på minst 92 % (93 % år 2024).",
         ("maintain", ">=", 92.0, "%", None, 93.0, 2024)),
        ("ska öka till minst 75 procent 2026 (utgångsläge 68 procent 2024)",
         ("increase", ">=", 75.0, "%", 2026, 68.0, 2024)),
        # "år" before a year is no unit; the baseline's year follows its value
        ("Antalet besökare ska minska från 16 (2024) till högst 12 år 2028",
         ("decrease", "<=", 12.0, "antal", 2028, 16.0, 2024)),
        ("Antalet arrangemang ska öka från 140 år 2024 till minst 180 år 2026.",
         ("increase", ">=", 180.0, "antal", 2026, 140.0, 2024)),
        # the share a statement opens with is its target; "inom 14 dagar" defines what is counted
        ("Minst 90 procent av besluten om hemtjänst ska fattas inom 14 dagar från ansökan.",
         ("reach", ">=", 90.0, "%", None, None, None)),
    ],
)
def test_parse_target(text, expected):
    target = parse_target(text)
    assert target is not None
    assert fields(target) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "2023",  # a year is not a value
        "127",
        "37,4",
        "12 (26)",  # a page number
        "2024-11-14",  # a date
        "- *",
        "Uppfyllt",
        "Ej uppfyllt",
        "Sala är en företagsam kommun med god entreprenörsanda.",
        "Snittet i riket ligger på 0.83 procent (2019).",
        "Trots att antalet hushåll inte har ökat under året är arbetslösheten en utmaning och "
        "det behövs insatser för att stödja arbetslösa invånare och minska arbetslösheten.",
        "Det pågående arbetet kring Aktivitetsplikten är en av förutsättningarna för att "
        "egenförsörjningen hos medborgarna ska öka.",
        "Ekonomi i balans enligt tilldelad ram har under flera år varit en utmaning att uppnå.",
        "Detta ska nås genom att särskilt fokusera på att:",
        "Hur ligger Kungälv till 2014, i förhållande till drygt 200 andra kommuner?",
        "Ett växande Sala",
        "<i>Ett hållbart Sala</i>",
        "Summa",
        "SALA KOMMUN",
        "Andel invånare 65 år och äldre",
        "Sala kommun ska erbjuda Västmanlands bästa förutsättningar för företagande.",
    ],
)
def test_not_a_target(text):
    assert parse_target(text) is None


@pytest.mark.parametrize("text", ["Minst 70 % år 2026", "Införa e-tjänsten senast 2025"])
def test_years_are_never_values(text):
    target = parse_target(text)
    assert target is not None
    assert target.target_value in (None, 70.0)
    assert target.target_year in (2025, 2026)


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("upp\u00adföljning  av\u00a0mål", "uppföljning av mål"),
        ("e\ufb00ektiv", "effektiv"),
        ("<p>Öka</p>", "Öka"),
        ("\u22125 %", "-5 %"),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


@pytest.mark.parametrize("text", ["Öka med 5 %", "Minst 70 %"])
def test_target_keeps_the_text(text):
    assert parse_target(f"  {text}  ").text == text


def test_custom_rules_folder(tmp_path):
    """A rules folder given by the caller is what parse_target reads."""
    from planextract.resources import rules_dir

    text = (rules_dir() / "targets.yaml").read_text(encoding="utf-8")
    (tmp_path / "targets.yaml").write_text(
        text.replace("increase: [", "increase: [skjuta i höjden, "), encoding="utf-8"
    )
    (tmp_path / "lemmas.yaml").write_text(
        (rules_dir() / "lemmas.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert parse_target("Priserna ska skjuta i höjden") is None
    target = parse_target("Priserna ska skjuta i höjden", rules_folder=str(tmp_path))
    assert target is not None and target.direction == "increase"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("14", ("reach", "=", 14.0, None, None, None, None)),
        ("Det ska finnas tillgängliga mötesplatser för alla åldrar inom socialnämndens verksamheter.",
         ("reach", None, None, None, None, None, None)),
        ("Den löpande verksamheten ska visa ett positivt resultat.", ("reach", None, None, None, None, None, None)),
    ],
)
def test_known_target(text, expected):
    """Text the caller knows to be a target: bare numbers and statements count."""
    assert parse_target(text) is None
    assert fields(parse_target(text, known_target=True)) == expected


@pytest.mark.parametrize("text", ["2024", "12 (26)", "Uppfyllt", ""])
def test_known_target_still_refuses_years_and_status(text):
    assert parse_target(text, known_target=True) is None


@pytest.mark.parametrize(
    "text, year, expected",
    [("Minst 47 %", 2024, 2024), ("Minst 47 % till 2026", 2024, 2026)],
)
def test_default_year(text, year, expected):
    assert parse_target(text, year=year).target_year == expected


def test_phrases_that_name_no_movement_and_placeholders_with_a_year():
    assert parse_target("Barn och unga ska växa upp under trygga förhållanden.") is None
    assert parse_target("Antalet företag ska växa.").direction == "increase"
    assert is_no_target("Fastställs 2026") and is_no_target("Ny indikator") and not is_no_target("Minst 2026")


def test_all_of_a_count_is_an_exact_level():
    target = parse_target("Samtliga 92", known_target=True)
    assert (target.direction, target.target_op, target.target_value) == ("reach", "=", 92.0)


def test_a_direction_under_a_year_column_keeps_its_own_year():
    from planextract.column_targets import column_target

    assert column_target("öka (2030)", 2026).target_year == 2030
    assert column_target("Öka", 2026).target_year is None  # a direction, not the column's year
    assert column_target("Minst 40", 2026).target_year == 2026
