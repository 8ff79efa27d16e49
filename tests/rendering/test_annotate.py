"""First-mention marking, on sanitized HTML, without a database."""

from rendering.annotate import PageAnnotator, Term, Vocabulary, annotate_first_mentions

VOCABULARY = Vocabulary(
    [
        Term("nerve block", "nb", lambda text: f"<a>{text}</a>"),
        Term("block", "block", lambda text: f"<i>{text}</i>"),
        Term("steroid", "steroid", lambda text: f"<dfn>{text}</dfn>"),
    ]
)


def test_longest_phrase_wins_and_each_key_is_marked_once():
    html = "<p>A nerve block. Another nerve block. A block.</p>"
    assert annotate_first_mentions(html, VOCABULARY) == "<p>A <a>nerve block</a>. Another nerve block. A <i>block</i>.</p>"


def test_never_inside_links_headings_or_code():
    html = '<h2>steroid</h2><p><a href="/x">steroid</a> <code>steroid</code> then steroid</p>'
    assert annotate_first_mentions(html, VOCABULARY).endswith("then <dfn>steroid</dfn></p>")


def test_whole_words_only_and_case_kept():
    assert annotate_first_mentions("<p>Steroids and STEROID</p>", VOCABULARY) == "<p>Steroids and <dfn>STEROID</dfn></p>"


def test_sections_of_one_page_share_what_is_done():
    page = PageAnnotator(VOCABULARY)
    assert "<dfn>" in page.section("<p>steroid</p>")
    assert page.section("<p>steroid</p>") == "<p>steroid</p>"


def test_empty_vocabulary_changes_nothing():
    assert annotate_first_mentions("<p>steroid</p>", Vocabulary([])) == "<p>steroid</p>"
