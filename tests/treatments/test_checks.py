"""check_content knows treatments and conditions: article references and entries due for review."""

import pytest

from articles.checks import check_content

pytestmark = pytest.mark.django_db


def test_unknown_treatment_slug_in_an_article_is_an_error_with_a_suggestion(content, treatment, condition):
    content.write("one", treatments="[test-heet]", conditions="[test-ache]")
    errors = check_content().errors
    assert len(errors) == 1
    assert "'treatments' names 'test-heet', which does not exist; did you mean 'test-heat'?" in errors[0].message
    assert errors[0].path == "articles/one.md"


def test_unknown_condition_slug_is_an_error(content, condition):
    content.write("one", conditions="[no-such-thing]")
    assert any("'conditions' names 'no-such-thing'" in p.message for p in check_content().errors)


def test_known_slugs_pass(content, treatment, condition):
    content.write("one", treatments="[test-heat]", conditions="[test-ache]")
    assert check_content().errors == []
