"""Care cards placed by slug, and the hand-written emergency lists staff are asked to replace with them.

What staff are told comes from `check_content`, through the article parser; these tests read the same
problems, with the lines they name in the file.
"""

import pytest

from articles.parser import parse_article
from rendering.cards import HAND_WRITTEN, USAGE, hand_written_emergency_lists, place_cards, placements, without_placements
from tests.conftest import article_text


def parse(body):
    return parse_article("articles/page.md", "page", article_text(body=body).encode())


def problems(parsed, code):
    return [(p.line, p.level, p.message) for p in parsed.problems if p.code == code]


def test_a_placement_is_found_with_the_line_it_is_on_in_the_file():
    parsed = parse("Words.\n\n[[card: emergency-after-procedure]]\n\n[[card:fever-after-injection]]\n")
    # The front matter takes lines 1-5, so the body's first line is line 6.
    assert parsed.card_placements == [("emergency-after-procedure", 8), ("fever-after-injection", 10)]
    assert parsed.card_slugs == ["emergency-after-procedure", "fever-after-injection"]
    assert problems(parsed, "card") == []


def test_a_placement_may_be_indented_by_a_space_or_two_but_not_into_a_code_block():
    found, garbled = placements(" [[card: one]]\n    [[card: in-code]]\n\t[[card: in-tab-code]]\n")
    assert found == [("one", 1)] and garbled == []


@pytest.mark.parametrize("fence", ["```", "~~~", "```markdown"])
def test_a_placement_shown_as_an_example_in_a_code_block_is_left_alone(fence):
    text = f"How to place a card:\n\n{fence}\n[[card: example-card]]\n[[Card garbled]]\n```\n\n[[card: real-card]]\n"
    if fence.startswith("~"):
        text = text.replace("```\n\n", "~~~\n\n")
    found, garbled = placements(text)
    assert found == [("real-card", 8)] and garbled == []


@pytest.mark.parametrize(
    "line",
    [
        "[[Card after]]",
        "[[card after]]",
        "[[ card: after ]]",
        "[[CARD: after]]",
        "[[card: After_Care]]",
        "[[card:  after]]",
        "See [[card: after]] for help.",
        "[[card: after]].",
    ],
)
def test_a_garbled_placement_is_an_error_that_shows_how_to_write_it(line):
    parsed = parse(f"Words.\n\n{line}\n")
    assert problems(parsed, "card") == [(8, "error", f"'{line}' is not a card placement: {USAGE}")]
    assert parsed.card_placements == []


def test_a_long_garbled_line_is_quoted_in_part():
    line = "[[card " + "x" * 100
    (_, message), *_ = placements(line)[1]
    assert message.startswith(f"'{line[:60]}' is not a card placement")


def test_ordinary_double_brackets_are_not_mistaken_for_a_placement():
    assert placements("A wiki-style [[link]] and [[cardiology]] notes.") == ([], [])


def test_placements_are_not_prose_to_read_count_or_grade():
    with_card = parse("The doctor puts a thin needle near the nerve.\n\n[[card: emergency-after-procedure]]\n")
    without_card = parse("The doctor puts a thin needle near the nerve.\n")
    assert with_card.word_count == without_card.word_count
    assert "card" not in with_card.prose and "emergency" not in with_card.prose
    assert without_placements("<p>Before</p>\n<p>[[card: a-card]]</p>\n<p>After</p>") == "<p>Before</p>\n\n<p>After</p>"


def test_each_placement_becomes_its_card_and_only_the_prose_between_is_annotated():
    html = "<p>Rest.</p><p>[[card: first]]</p><p>Walk.</p><p>[[card:second]]</p><p>Drink.</p>"
    placed = place_cards(html, lambda slug: f"<section>{slug}</section>", annotate=str.upper)
    assert placed == "<P>REST.</P><section>first</section><P>WALK.</P><section>second</section><P>DRINK.</P>"


def test_a_page_with_no_placements_is_only_annotated():
    assert place_cards("<p>Rest.</p>", lambda slug: "card", annotate=str.upper) == "<P>REST.</P>"
    assert place_cards("<p>Rest.</p>", lambda slug: "card") == "<p>Rest.</p>"


# Hand-written emergency lists: the safety message must be written once, as a card, so staff are warned.


@pytest.mark.parametrize(
    "words",
    [
        "call 911",
        "ring 999",
        "dial 112",
        "go to the emergency room",
        "go to the Emergency Department",
        "go to the ER",
        "go to A&E",
        "call an ambulance",
        "go to urgent care",
    ],
)
def test_a_lead_in_that_sends_readers_for_help_followed_by_a_list_is_a_warning(words):
    parsed = parse(f"Words.\n\nIf you have any of these, {words}:\n\n- Fever\n- Weakness\n")
    assert problems(parsed, "hand-written-emergency") == [(8, "warning", HAND_WRITTEN)]


@pytest.mark.parametrize("list_item", ["- Fever", "* Fever", "+ Fever", "1. Fever", "2) Fever", "  - Fever"])
def test_every_way_of_writing_a_list_counts(list_item):
    assert hand_written_emergency_lists(f"Call 911 if you have:\n{list_item}\n") == [1]


@pytest.mark.parametrize(
    "text",
    [
        "Call 911 if you have a fever.\n\nRest is the best treatment.\n",  # no list follows
        "Call 911 if you have a fever.\n",  # nothing follows
        "Our clinic opened in 1911.\n\n- Fever\n",  # a number that only contains 911
        "In an emergency, we are here.\n\n- Fever\n",  # 'emergency' alone is not a place to go
        "Other centres may help:\n\n- Call 911\n- Go to the ER\n",  # the list items themselves are not lead-ins
        "    Call 911 in an indented code example\n- Fever\n",
        "```\nCall 911\n- Fever\n```\n",  # an example in a code block
        "[[card: emergency-after-procedure]]\n\nCall 911 or read the card above.\n",
    ],
)
def test_text_that_is_not_a_hand_written_emergency_list_is_not_flagged(text):
    assert hand_written_emergency_lists(text) == []


def test_a_callout_that_sends_readers_for_help_is_flagged_at_its_first_line():
    text = 'Words.\n\n!!! warning "Get help"\n    If your legs go weak,\n\n    call 911.\n\nMore words.\n'
    assert hand_written_emergency_lists(text) == [3]


def test_a_callout_title_that_sends_readers_for_help_is_flagged():
    assert hand_written_emergency_lists('!!! danger "Call an ambulance"\n    Now.\n') == [1]


def test_a_callout_is_judged_by_its_own_words_not_the_text_after_it():
    text = '!!! note "Before you come"\n    Eat a light breakfast.\n\nIf you have any of these, call 911:\n\n- Fever\n'
    assert hand_written_emergency_lists(text) == [4]


def test_a_callout_and_a_lead_in_are_each_reported():
    parsed = parse('!!! warning "Get help"\n    Call 911 if your legs go weak.\n\nGo to the emergency room if:\n\n- Fever\n')
    assert [line for line, _, _ in problems(parsed, "hand-written-emergency")] == [6, 9]


@pytest.mark.parametrize("indent", ["    ", "\t"])
def test_a_callout_s_first_line_of_text_counts_however_it_is_indented(indent):
    assert hand_written_emergency_lists(f'!!! warning "Get help"\n{indent}Call 911 now.\n\nRest well.\n') == [1]


def test_a_callout_whose_words_wrap_onto_the_next_line_is_still_flagged():
    assert hand_written_emergency_lists('!!! warning "Get help"\n    If your legs go weak, go to the emergency\n    room.\n') == [
        1
    ]


@pytest.mark.parametrize("text", ["ER staff can help if you have:\n- Fever", "If you have these, go to the\tER:\n- Chest pain\n"])
def test_er_counts_as_a_word_at_the_start_of_a_page_and_after_any_space(text):
    assert hand_written_emergency_lists(text) == [1]


@pytest.mark.parametrize("words", ["Tell your other doctor or a carer, never later", "Call the number on your letter"])
def test_words_that_only_end_in_er_send_no_one_for_help(words):
    assert hand_written_emergency_lists(f"{words}:\n- Fever\n") == []
