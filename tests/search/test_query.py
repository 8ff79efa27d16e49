"""The query planner and speller: pure functions, no database."""

import pytest

from search.backends import PostgresBackend, SqliteBackend
from search.query import MAX_QUERY_LENGTH, QueryRejected, clean, make_plan, with_corrections
from search.spelling import Speller, distance

SYNONYMS = {("pinched", "nerve"): [["radiculopathy"], ["sciatica"]], ("rfa",): [["radiofrequency", "ablation"]]}


def test_clean_normalises_spaces_controls_and_length():
    assert clean("  Sciatica\t\n  pain \u202e ") == "Sciatica pain"
    assert clean("ｓｃｉａｔｉｃａ") == "sciatica"
    assert len(clean("x" * 5000)) == MAX_QUERY_LENGTH


def test_nul_is_rejected():
    with pytest.raises(QueryRejected):
        make_plan("aspirin\x00")


def test_stop_words_are_dropped_but_synonym_phrases_found_first():
    plan = make_plan("what is a pinched nerve?", SYNONYMS)
    assert plan.words == ["pinched", "nerve"]
    assert plan.phrases == [["radiculopathy"], ["sciatica"]]
    assert plan.prefix_last is False


def test_unfinished_last_word_is_a_prefix():
    assert make_plan("sciat").prefix_last is True
    assert make_plan("sc").prefix_last is False


def test_operator_syntax_becomes_plain_words():
    plan = make_plan('pain NEAR(fever) "unclosed OR * -x pain:*')
    assert plan.words == ["pain", "near", "fever", "unclosed", "x", "pain"]


def test_corrections_rebuild_the_plan():
    plan = with_corrections(make_plan("rfa for siatica"), {"siatica": "sciatica"}, SYNONYMS)
    assert plan.text == "rfa for sciatica"
    assert plan.phrases == [["radiofrequency", "ablation"]]


def test_match_expressions_contain_only_quoted_words():
    plan = make_plan('x" OR 1=1 -- NEAR(a', SYNONYMS)
    expression = SqliteBackend.match_expression(plan)
    assert expression == '"x" OR "1" OR "1" OR "near"*'
    parts, params = PostgresBackend.tsquery_parts(plan)
    assert all("%s" in part for part in parts) and params[-1] == "near:*" and len(parts) == len(params)


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("siatica", "sciatica"), ("sciatcia", "sciatica"), ("stimulater", "stimulator"), ("ablaton", "ablation"), ("nerv", "nerve")],
)
def test_speller_finds_the_intended_word(typo, meant):
    speller = Speller({"sciatica": 5, "stimulator": 3, "ablation": 3, "nerve": 9, "never": 1})
    assert speller.suggest(typo) == meant


def test_speller_leaves_known_short_and_far_words_alone():
    speller = Speller({"sciatica": 5})
    assert speller.suggest("sciatica") is None
    assert speller.suggest("abc") is None
    assert speller.suggest("zzzzzzzz") is None


def test_distance_counts_swaps_as_one_edit():
    assert distance("sciatica", "sciatcia") == 1
    assert distance("kitten", "sitting") == 3


@pytest.mark.parametrize(
    "raw,words,wants",
    [
        ("what does sedation mean", ["sedation"], True),
        ("What is a nerve block?", ["nerve", "block"], True),
        ("define fluoroscopy", ["fluoroscopy"], True),
        ("nerve block side effects", ["nerve", "block", "side", "effects"], False),
        ("what does the pain pump do to my mood swings at night", ["pain", "pump", "mood", "swings", "night"], False),
    ],
)
def test_a_question_about_a_word_s_meaning_is_read_as_such(raw, words, wants):
    plan = make_plan(raw)
    assert plan.words == words and plan.wants_definition is wants
