"""check_content knows treatments and conditions: article references and entries due for review."""

import datetime

import pytest

from articles.checks import check_content
from tests.treatments.conftest import make_condition, make_treatment
from treatments.models import Condition, Treatment

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


def test_unreviewed_and_overdue_entries_are_warnings(content, settings):
    Treatment.objects.all().delete()
    Condition.objects.all().delete()
    make_treatment()
    make_condition(reviewed=datetime.date(2000, 1, 1), reviewed_by="Dr. Old")
    make_condition(slug="fresh", name="Fresh", reviewed=datetime.date.today(), reviewed_by="Dr. New")
    warnings = {(p.path, p.code) for p in check_content().warnings}
    assert ("admin/treatment/test-heat", "unreviewed") in warnings
    assert ("admin/condition/test-ache", "review-due") in warnings
    assert not any(path == "admin/condition/fresh" for path, _ in warnings)
