"""Links from indicators and activities to goals, and goal restatements."""

from __future__ import annotations

import pytest

from planextract.link import Anchor, choose_goal, goal_by_wording, same_goal, set_parent, wording_similarity
from planextract.models import Goal


def goal(key, text, parent=None):
    return Goal(key=key, level="verksamhet", text=text, page=1, bbox=None, source="list", parent_key=parent)


MALBILD = [
    goal(1, "Fortsätta utvecklingsarbetet mellan Ekonomiskt bistånd och Arbetsmarknadsenheten."),
    goal(2, "Krisberedskap i alla verksamheter."),
    goal(3, "Budget i balans."),
    goal(4, "Minska sjukfrånvaron med 1 % - enhet. Arbeta enligt kontorets tjänsteskrivelse ” Plan för minskning av sjuktagen 2023”."),
    goal(5, "Utveckla och förbättra samverkan med Äldre- och omsorgsnämnden."),
]


def test_action_serves_the_goal_it_words_not_the_last_goal():
    assert goal_by_wording("Minska sjukfrånvaron med 1 % enhet", MALBILD).key == 4


@pytest.mark.parametrize(
    "text", ["Aktivitetsplikt", "Schemaläggning utifrån behov", "Systematiskt arbete med målgruppen"]
)
def test_no_goal_by_wording_when_none_is_carried_out(text):
    assert goal_by_wording(text, MALBILD) is None


def test_wording_needs_a_shared_content_word():
    assert wording_similarity("och i med", "Budget i balans och med") == 0.0


def test_choose_goal_order():
    # same row first, then wording, then the nearest goal above
    assert choose_goal("Minska sjukfrånvaron med 1 % enhet", Anchor(row_goal=9, scope_goal=7), MALBILD) == 9
    assert choose_goal("Minska sjukfrånvaron med 1 % enhet", Anchor(scope_goal=7), MALBILD) == 4
    assert choose_goal("Erbjuda olika insatser", Anchor(scope_goal=7), MALBILD) == 7
    assert choose_goal("Erbjuda olika insatser", Anchor(), MALBILD) is None


def test_same_goal_finds_a_restatement():
    goals = [goal(1, "Alla brukare inom socialnämndens verksamheter ska erbjudas en meningsfull vardag")]
    assert same_goal("Alla brukare inom socialnämnden ska erbjudas en meningsfull vardag", goals).key == 1
    assert same_goal("ETT VÄXANDE SALA", [goal(2, "Ett växande Sala")]).key == 2
    assert same_goal("Ett hållbart Sala", [goal(2, "Ett växande Sala")]) is None


def test_set_parent_refuses_a_cycle():
    a, b = goal(1, "A"), goal(2, "B", parent=1)
    assert set_parent([a, b], a, 2) is False
    assert a.parent_key is None
    c = goal(3, "C")
    assert set_parent([a, b, c], c, 2) is True and c.parent_key == 2


@pytest.mark.parametrize(
    "action, goal_key",
    [
        ("Ledarskap för minskad sjukfrånvaro", 4),  # same stem
        ("Gemensamma processer med Äldre- och omsorgsnämnden", 5),
        ("Budget i balans genom översyn av avgifter", 3),
        ("Säkerställa utbildning och övning inom krisberedskap", 2),
    ],
)
def test_action_shares_content_words_with_its_goal(action, goal_key):
    assert goal_by_wording(action, MALBILD).key == goal_key


def test_compound_words_count_as_shared():
    goals = [goal(1, "Öka personalkontinuiteten i hemtjänsten."), goal(2, "Budget i balans.")]
    assert goal_by_wording("Välfärdsteknik för ökad kontinuitet", goals).key == 1


def test_a_long_item_carrying_the_few_words_of_its_goal():
    from planextract.link import goal_by_wording
    from planextract.models import Goal

    goals = [
        Goal(key=1, level="kf", text="Alla barn och unga i Skövde ska ha jämlika förutsättningar för en god hälsa.",
             page=1, bbox=None, source="prose"),
        Goal(key=2, level="kf", text="Fler barn och unga ska uppleva en god psykisk hälsa.", page=1, bbox=None,
             source="list"),
    ]
    item = "Andelen elever i årskurs 9 som uppger en god psykisk hälsa ska öka till minst 75 % år 2030 (U01405)."
    assert goal_by_wording(item, goals).key == 2
