"""The query planner and speller: pure functions, no database."""

import pytest
from django.db import connection

from search.backends import PostgresBackend, SqliteBackend, backend
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
    assert SqliteBackend.match_terms(plan) == ['"x"', '"1"', '"1"', '"near"*']
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


@pytest.mark.parametrize(("vendor", "engine"), [("postgresql", PostgresBackend), ("sqlite", SqliteBackend)])
def test_search_uses_the_text_search_of_the_database_the_site_runs_on(monkeypatch, vendor, engine):
    monkeypatch.setattr(connection, "vendor", vendor)
    assert isinstance(backend(), engine)


def test_a_six_letter_word_two_edits_off_is_corrected_but_a_five_letter_one_is_not():
    assert Speller({"opioid": 3}).suggest("opiods") == "opioid"
    assert Speller({"nerve": 9}).suggest("erves") is None


def test_between_two_equally_close_words_the_one_the_site_uses_more_is_suggested():
    assert Speller({"pain": 9, "paid": 1}).suggest("paim") == "pain"
    assert Speller({"pain": 1, "paid": 9}).suggest("paim") == "paid"


def test_a_word_with_digits_such_as_a_spinal_level_is_never_corrected():
    assert Speller({"nerve": 9}).suggest("nerv3") is None


def test_words_of_three_to_thirty_letters_are_suggested_and_longer_typed_words_are_left_alone():
    thirty = "neuro" * 6
    assert Speller({"leg": 5}).suggest("legg") == "leg"
    assert Speller({thirty: 1}).suggest("neuro" * 5 + "neura") == thirty
    assert Speller({thirty: 1}).suggest(thirty + "s") is None
    assert Speller({thirty + "s": 1}).suggest(thirty) is None


def test_distance_counts_every_letter_missing_from_an_empty_word():
    assert distance("", "abc") == distance("abc", "") == 3
    assert distance("ab", "ba") == 1


def test_the_longest_synonym_phrase_takes_its_words_before_a_shorter_one_inside_it():
    synonyms = {("nerve",): [["neuralgia"]], ("pinched", "nerve"): [["radiculopathy"]]}
    assert make_plan("pinched nerve", synonyms).phrases == [["radiculopathy"]]


def test_two_names_for_the_same_thing_search_for_it_once():
    synonyms = {("rfa",): [["ablation"]], ("burning",): [["ablation"]]}
    assert make_plan("rfa burning", synonyms).phrases == [["ablation"]]


@pytest.mark.parametrize(
    ("raw", "wants"), [("what is a nerve block injection", True), ("what is a nerve block injection risk", False)]
)
def test_a_question_of_up_to_three_words_asks_what_they_mean(raw, wants):
    assert make_plan(raw).wants_definition is wants


def test_a_spanish_question_drops_spanish_little_words():
    plan = make_plan("qué es la ciática", language="es")
    assert (plan.words, plan.wants_definition, plan.language) == (["ciática"], True, "es")


@pytest.mark.parametrize(("raw", "prefix"), [("sci", True), ("sciat.", False), ("sciat?", False), ("sciat!", False)])
def test_a_last_word_of_three_letters_or_more_is_unfinished_unless_the_query_ends_a_sentence(raw, prefix):
    assert make_plan(raw).prefix_last is prefix


def test_a_long_query_is_read_up_to_twenty_four_words_and_searched_for_twelve():
    assert make_plan("the " * 24 + "sciatica").words == []
    assert make_plan(" ".join(f"w{n}" for n in range(13))).words == [f"w{n}" for n in range(12)]


def test_unusual_spaces_and_line_separators_are_plain_spaces():
    assert clean("back\u00a0pain\u2028now") == "back pain now"


def test_a_corrected_spanish_query_is_still_read_as_spanish():
    plan = with_corrections(make_plan("cirugia de espalda falida", language="es"), {"falida": "fallida"})
    assert (plan.text, plan.words, plan.language) == ("cirugia de espalda fallida", ["cirugia", "espalda", "fallida"], "es")


def test_distance_counts_each_added_or_repeated_letter_as_one_edit():
    assert distance("nerve", "nerrve") == 1
    assert distance("zzz", "z") == 2
