"""Staff-written YAML (front matter, glossary.yml, synonyms.yml): what staff are told, on which line.

Each refusal is one problem with the line to look at and words saying what to change; nothing is ever
guessed. Front matter starts on line 2 of its file (after the `---`); a whole data file on line 1.
"""

import subprocess
import sys

import pytest

from articles import frontmatter
from core.problems import ContentError
from core.safe_yaml import decode, parse_yaml, read_data_file
from tests.conftest import CORPUS, PROJECT

REFUSED = {
    "01_tab_indentation.md": (4, "tab", "a tab character is used for spacing; use spaces instead"),
    "02_tab_after_colon.md": (2, "tab", "a tab character is used for spacing; use spaces instead"),
    "03_unclosed_single_quote.md": (2, "yaml", "the front matter is not valid YAML: found unexpected end of stream"),
    "05_unclosed_flow_sequence.md": (3, "yaml", "the front matter is not valid YAML: did not find expected ',' or ']'"),
    "08_empty_front_matter.md": (2, "empty", "the front matter is empty; it needs at least title, summary and published"),
    "09_front_matter_is_list.md": (2, "not-mapping", "the front matter must be a list of 'key: value' lines"),
    "10_front_matter_is_scalar.md": (2, "not-mapping", "the front matter must be a list of 'key: value' lines"),
    "15_date_invalid_day.md": (3, "date", "'2024-02-30' is not a real date; write dates as YYYY-MM-DD"),
    "18_norway_and_yes_booleans.md": (5, "key", "the key 'no' is read as true/false; put it in quotes or rename it"),
    "20_duplicate_keys.md": (4, "duplicate-key", "the key 'title' appears twice; keep only one"),
    "24_deep_nesting_2000.md": (3, "depth", "the front matter is nested too deeply"),
    "25_billion_laughs.md": (11, "alias", "YAML anchors and aliases (& and *) are not allowed"),
    "26_recursive_alias.md": (3, "alias", "YAML anchors and aliases (& and *) are not allowed"),
    "27_python_object_apply.md": (
        2,
        "tag",
        "the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
    ),
    "30_custom_unknown_tag.md": (2, "tag", "the YAML tag '!include' is not allowed"),
    "31_binary_tag.md": (2, "tag", "the YAML tag 'tag:yaml.org,2002:binary' is not allowed"),
    "32_merge_key.md": (3, "key", "merge keys (<<) are not allowed"),
    "33_non_string_keys.md": (2, "key", "every key must be a plain word such as 'title'"),
    "43_latin1_encoding.md": (2, "encoding", "the file is not UTF-8 text; save it as UTF-8 in your editor"),
    "44_null_byte_in_yaml.md": (2, "control", "the text contains an invisible control character (U+0000); delete it"),
    "45_control_chars.md": (2, "control", "'title' contains an invisible control character; delete it"),
    "50_invalid_utf8_bytes.md": (2, "encoding", "the file is not UTF-8 text; save it as UTF-8 in your editor"),
}


def refusal(raw):
    with pytest.raises(ContentError) as caught:
        frontmatter.read(raw)
    return caught.value.line, caught.value.code, caught.value.message


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_each_hostile_front_matter_tells_staff_what_is_wrong_and_where(name):
    assert refusal((CORPUS / "yaml_frontmatter" / name).read_bytes()) == REFUSED[name]


def test_a_text_direction_control_in_an_article_s_body_is_refused_at_its_line():
    # "every <RLO>21<PDF> hours" would show as "every 12 hours".
    raw = "---\ntitle: Dose\n---\nTake it\nevery \u202e21\u202c hours.\n".encode()
    assert refusal(raw) == (
        5,
        "control",
        "the text contains an invisible control character (RIGHT-TO-LEFT OVERRIDE); delete it",
    )


@pytest.mark.parametrize(
    "char,name",
    [("\u200f", "RIGHT-TO-LEFT MARK"), ("\u2067", "RIGHT-TO-LEFT ISOLATE"), ("\x1b", "U+001B"), ("\x85", "U+0085")],
)
def test_every_invisible_control_is_named_so_staff_can_find_it(char, name):
    assert refusal(f"---\ntitle: Dose\n---\nBody{char}text\n".encode())[2] == (
        f"the text contains an invisible control character ({name}); delete it"
    )


def test_a_byte_that_is_not_utf8_is_found_on_its_line():
    raw = b"---\ntitle: Dose\n---\nline four\nline five caf\xe9\n"
    assert refusal(raw)[:2] == (5, "encoding")


def test_windows_and_old_mac_line_endings_and_a_byte_order_mark_are_read_as_plain_lines():
    assert decode(b"\xef\xbb\xbf---\r\ntitle: A\r\n---\rBody\r") == "---\ntitle: A\n---\nBody\n"


def test_tabs_and_newlines_are_ordinary_text():
    assert decode(b"a\tb\nc") == "a\tb\nc"


@pytest.mark.parametrize(
    "yaml_text,line",
    [
        ('title: "ok"\nsummary: "a\\x1bb"\n', 3),
        ('title: "ok"\ntags: ["fine", "bad\\u202eone"]\n', 3),
        ('title: "ok"\nextra:\n  inner: "bad\\x07"\n', 3),
        ('title: "ok"\nextra:\n  - deeper: ["a\\u200fb"]\n', 3),
    ],
)
def test_an_escaped_control_character_in_any_value_is_refused_at_its_key(yaml_text, line):
    with pytest.raises(ContentError) as caught:
        parse_yaml(yaml_text)
    key = yaml_text.splitlines()[1].split(":")[0]
    assert (caught.value.line, caught.value.code) == (line, "control")
    assert caught.value.message == f"'{key}' contains an invisible control character; delete it"


def test_values_are_read_with_the_line_of_each_key():
    data, lines = parse_yaml("title: Dose\npublished: 2024-01-15\ntags: [a, b]\n")
    assert data["title"] == "Dose" and data["tags"] == ["a", "b"] and str(data["published"]) == "2024-01-15"
    assert lines == {"title": 2, "published": 3, "tags": 4}


def test_nesting_is_allowed_up_to_eight_levels_counting_the_keys_and_the_value():
    assert parse_yaml("k: [[[[[[x]]]]]]\n")[0]["k"] == [[[[[["x"]]]]]]
    assert parse_yaml("k: [[[[[[[]]]]]]]\n")[0]["k"] == [[[[[[[]]]]]]]  # eight levels, the last one empty
    with pytest.raises(ContentError) as caught:
        parse_yaml("title: Dose\nk: [[[[[[[x]]]]]]]\n")
    assert (caught.value.line, caught.value.code, caught.value.message) == (3, "depth", "the front matter is nested too deeply")


@pytest.mark.parametrize(
    "raw,code,message",
    [
        (b"a: 1\nyes: 2\n", "key", "the key 'yes' is read as true/false; put it in quotes or rename it"),
        (b"a: 1\n? [x]\n: 2\n", "key", "every key must be a plain word such as 'title'"),
        (b"a: 1\nb: &x [1]\nc: *x\n", "alias", "YAML anchors and aliases (& and *) are not allowed"),
        (b"a: 1\nb: !!python/name:os.system\n", "tag", "the YAML tag 'tag:yaml.org,2002:python/name:os.system' is not allowed"),
        (b"a: 1\nb: 2024-02-30\n", "date", "'2024-02-30' is not a real date; write dates as YYYY-MM-DD"),
        (b"a: 1\nk: [[[[[[[x]]]]]]]\n", "depth", "the glossary is nested too deeply"),
        (b'a: 1\nb: "x\\x1by"\n', "control", "'b' contains an invisible control character; delete it"),
    ],
)
def test_a_data_file_names_the_line_of_each_problem_counting_from_its_first_line(raw, code, message):
    problems = []
    assert read_data_file(raw, "glossary.yml", "the glossary", "empty", problems) is None
    assert [(p.line, p.code, p.message) for p in problems] == [(2, code, message)]


def test_an_anchor_used_once_is_still_refused():
    with pytest.raises(ContentError) as caught:
        parse_yaml("title: Dose\nbase: &b [one]\ncopy: *b\n")
    assert (caught.value.line, caught.value.code) == (3, "alias")


@pytest.mark.parametrize("key", ["yes", "on", "true", "off", "No"])
def test_keys_read_as_true_or_false_are_refused_with_how_to_fix_them(key):
    with pytest.raises(ContentError) as caught:
        parse_yaml(f"title: Dose\n{key}: value\n")
    assert caught.value.message == f"the key '{key}' is read as true/false; put it in quotes or rename it"
    assert caught.value.line == 3


@pytest.mark.parametrize("key", ["1", "2024-01-01", "~", "[a, b]", "{a: b}"])
def test_keys_that_are_not_words_are_refused(key):
    with pytest.raises(ContentError) as caught:
        parse_yaml(f"title: Dose\n? {key}\n: value\n")
    assert caught.value.message == "every key must be a plain word such as 'title'" and caught.value.line == 3


def test_a_quoted_key_that_looks_like_true_is_a_word():
    assert parse_yaml('"no": value\n')[0] == {"no": "value"}


def test_an_impossible_date_anywhere_is_named():
    with pytest.raises(ContentError) as caught:
        parse_yaml("title: Dose\nhistory:\n  - 2024-02-30\n")
    assert (caught.value.line, caught.value.message) == (4, "'2024-02-30' is not a real date; write dates as YYYY-MM-DD")


def test_a_yaml_error_at_the_end_is_named_on_the_last_line_of_the_front_matter():
    with pytest.raises(ContentError) as caught:
        parse_yaml('title: Dose\nsummary: "never closed\n')
    assert caught.value.line == 3 and caught.value.code == "yaml"


def test_a_data_file_reports_its_problems_with_its_own_name_and_lines():
    problems = []
    assert read_data_file(b"anesthetic:\n  definition: x\nanesthetic:\n  definition: y\n", "glossary.yml", "the glossary",
                          "the glossary is empty", problems) is None  # fmt: skip
    assert [(p.path, p.line, p.level, p.message, p.code) for p in problems] == [
        ("glossary.yml", 3, "error", "the key 'anesthetic' appears twice; keep only one", "duplicate-key")
    ]


@pytest.mark.parametrize(
    "raw,line,message",
    [
        (b"", 1, "the glossary is empty"),
        (b"# only a comment\n", 1, "the glossary is empty"),
        (b"- a\n- b\n", 1, "the glossary must be a list of 'key: value' lines"),
        (b"term: [unclosed\n", 1, "the glossary is not valid YAML: did not find expected ',' or ']'"),
        (b"ok: 1\n\tbad: 2\n", 2, "a tab character is used for spacing; use spaces instead"),
        (b"term:\n  definition: caf\xe9\n", 2, "the file is not UTF-8 text; save it as UTF-8 in your editor"),
    ],
)
def test_a_data_file_names_each_problem_in_its_own_words(raw, line, message):
    problems = []
    assert read_data_file(raw, "glossary.yml", "the glossary", "the glossary is empty", problems) is None
    assert [(p.line, p.message) for p in problems] == [(line, message)]


def test_a_good_data_file_is_read_with_the_line_of_each_entry():
    problems = []
    data, lines = read_data_file(b"a: 1\nb:\n  c: 2\n", "synonyms.yml", "the synonyms", "empty", problems)
    assert data == {"a": 1, "b": {"c": 2}} and lines == {"a": 1, "b": 2} and problems == []


@pytest.mark.parametrize(
    "nesting",
    [
        "'[' * 90000 + ']' * 90000",
        "'[' + '[[[[[[],' * 7000 + ']' * 35001",  # nesting that climbs while lists close along the way
        "'[' + '[],' * 40000 + '[' * 40000 + ']' * 40001",  # many closed lists first, then the deep one
    ],
    ids=["straight", "climbing", "after-closed-lists"],
)
def test_front_matter_nested_tens_of_thousands_deep_is_refused_not_a_crash(nesting):
    # libyaml's node builder recursed in C and took the whole process down at about 30,000 levels.
    script = (
        "from core.safe_yaml import parse_yaml\n"
        "from core.problems import ContentError\n"
        "try:\n"
        f"    parse_yaml('title: Dose\\nk: ' + {nesting})\n"
        "except ContentError as exc:\n"
        "    print(exc.line, exc.code, exc.message)\n"
    )
    with pytest.raises(ContentError, match="nested too deeply"):
        parse_yaml("title: Dose\nk: " + "[" * 20 + "]" * 20)  # refused in this process too
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout) == (0, "3 depth the front matter is nested too deeply\n")


@pytest.mark.parametrize("nesting", ["[" * 8 + "x" + "]" * 8, "{a: " * 8 + "x" + "}" * 8, "[{a: [{a: [{a: [{a: x}]}]}]}]"])
def test_a_data_file_nested_too_deeply_is_refused_in_its_own_name(nesting):
    problems = []
    assert read_data_file(f"ok: 1\nterm: {nesting}\n".encode(), "glossary.yml", "the glossary", "empty", problems) is None
    assert [(p.line, p.message, p.code) for p in problems] == [(2, "the glossary is nested too deeply", "depth")]


def test_a_control_character_is_found_on_its_line_even_after_blank_lines_at_the_top():
    problems = []
    read_data_file(b"\nterm:\n  definition: a\x07b\n", "glossary.yml", "the glossary", "empty", problems)
    assert [(p.line, p.code) for p in problems] == [(3, "control")]


def test_the_first_of_several_tabs_is_the_one_named():
    with pytest.raises(ContentError) as caught:
        parse_yaml("title: Dose\nk:\n\t- a\n\t- b\n")
    assert (caught.value.line, caught.value.code) == (4, "tab")


def test_a_character_yaml_cannot_read_is_refused():
    with pytest.raises(ContentError) as caught:
        parse_yaml("title: a\ufffeb\n")
    assert (caught.value.line, caught.value.code) == (2, "yaml")
    assert caught.value.message.startswith("the front matter is not valid YAML: unacceptable character #xfffe")
