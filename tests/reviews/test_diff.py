"""What a clinical reviewer is shown: the text they approved against the page's text now.

Each line is (kind, html); unchanged stretches fold to "…", a changed line marks the words taken out and
put in, and nothing a page says can turn into markup on the reviewer's screen.
"""

from reviews.diff import readable_diff


def shown(old, new):
    return [(line.kind, line.html) for line in readable_diff(old, new)]


def test_a_one_word_change_marks_only_that_word():
    assert shown("Rest for one day.", "Rest for two day.") == [("changed", "Rest for <del>one</del><ins>two</ins> day.")]


def test_words_added_or_taken_out_within_a_line_are_marked_alone():
    assert shown("Take one tablet.", "Take one small tablet.") == [("changed", "Take one <ins>small </ins>tablet.")]
    assert shown("Take one small tablet.", "Take one tablet.") == [("changed", "Take one <del>small </del>tablet.")]


def test_a_one_character_change_in_a_number_is_easy_to_find():
    assert shown("every 12 hours", "every 21 hours") == [("changed", "every <del>12</del><ins>21</ins> hours")]


def test_identical_texts_show_nothing_to_review():
    assert shown("Same.\nWords.", "Same.\nWords.") == []


def test_unchanged_lines_far_from_a_change_fold_away():
    old = "\n".join(f"Line {n}." for n in range(1, 11))
    new = old.replace("Line 6.", "Line six.")
    assert shown(old, new) == [
        ("folded", "…"),
        ("same", "Line 4."),
        ("same", "Line 5."),
        ("changed", "Line <del>6</del><ins>six</ins>."),
        ("same", "Line 7."),
        ("same", "Line 8."),
    ]


def test_a_change_at_the_top_has_no_fold_above_it_and_two_far_changes_are_folded_between():
    old = "\n".join(f"Line {n}." for n in range(1, 13))
    new = old.replace("Line 1.", "Line one.").replace("Line 12.", "Line twelve.")
    assert shown(old, new) == [
        ("changed", "Line <del>1</del><ins>one</ins>."),
        ("same", "Line 2."),
        ("same", "Line 3."),
        ("folded", "…"),
        ("same", "Line 10."),
        ("same", "Line 11."),
        ("changed", "Line <del>12</del><ins>twelve</ins>."),
    ]


def test_whole_lines_added_or_taken_out_are_shown_whole():
    assert shown("One.\nTwo.", "One.\nTwo.\nThree.") == [("same", "One."), ("same", "Two."), ("added", "<ins>Three.</ins>")]
    assert shown("One.\nTwo.\nThree.", "One.\nThree.") == [("same", "One."), ("removed", "<del>Two.</del>"), ("same", "Three.")]


def test_a_paragraph_rewritten_into_more_lines_shows_the_old_lines_then_the_new():
    assert shown("Rest.\nEnd.", "Rest a day.\nThen walk.\nEnd.") == [
        ("removed", "<del>Rest.</del>"),
        ("added", "<ins>Rest a day.</ins>"),
        ("added", "<ins>Then walk.</ins>"),
        ("same", "End."),
    ]


def test_several_lines_changed_one_for_one_are_each_marked_word_by_word():
    assert shown("A one.\nB one.\nC.", "A two.\nB two.\nC.") == [
        ("changed", "A <del>one</del><ins>two</ins>."),
        ("changed", "B <del>one</del><ins>two</ins>."),
        ("same", "C."),
    ]


def test_nothing_in_the_page_becomes_markup_for_the_reviewer():
    lines = shown('<b>Old</b> & "x"\nKeep <i>', '<b>New</b> & "x"\nKeep <i>\n<script>alert(1)</script>')
    assert lines == [
        ("changed", "&lt;b&gt;<del>Old</del><ins>New</ins>&lt;/b&gt; &amp; &quot;x&quot;"),
        ("same", "Keep &lt;i&gt;"),
        ("added", "<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>"),
    ]
    assert shown("<old>", "") == [("removed", "<del>&lt;old&gt;</del>")]
    assert shown("a <x>", "a <y>") == [("changed", "a &lt;<del>x</del><ins>y</ins>&gt;")]


def test_a_change_on_the_fourth_line_folds_the_one_line_above_its_context():
    old = "One.\nTwo.\nThree.\nFour.\nFive."
    assert shown(old, old.replace("Four.", "Four!")) == [
        ("folded", "…"),
        ("same", "Two."),
        ("same", "Three."),
        ("changed", "Four<del>.</del><ins>!</ins>"),
        ("same", "Five."),
    ]


def test_a_long_page_with_many_repeated_lines_still_shows_one_changed_line():
    lines = ["Rest.", "", "Walk a little."] * 100
    changed = lines.copy()
    changed[150] = "Rest for two days."
    assert [kind for kind, _ in shown("\n".join(lines), "\n".join(changed))] == [
        "folded",
        "same",
        "same",
        "changed",
        "same",
        "same",
    ]


def test_a_long_paragraph_with_one_changed_word_shows_that_word_alone():
    paragraph = " ".join(["the dose is one tablet"] * 60)
    ((kind, html),) = shown(paragraph, paragraph.replace("one tablet", "two tablets", 1))
    assert kind == "changed" and html.count("<del>") == 2 and html.count("<ins>") == 2
    assert html.startswith("the dose is <del>one</del><ins>two</ins> <del>tablet</del><ins>tablets</ins> the dose is one tablet")
