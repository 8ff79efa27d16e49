"""Patient queries and the page each must show in its top three, on whichever database runs the suite."""

from pathlib import Path

import pytest

from search.service import search

CASES = [
    tuple(line.split("\t"))
    for line in (Path(__file__).parent / "relevance.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


def test_the_relevance_set_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[query for query, _ in CASES])
def test_patient_query_finds_the_right_page_in_the_top_three(shipped_site, query, expected):
    top = [result.url for result in search(query).results[:3]]
    assert expected in top, top
