"""The shipped synonyms send patients to the right place (a clinical read found two that did not)."""

from pathlib import Path

from search.synonyms import parse_synonyms
from tests.conftest import PROJECT


def shipped():
    parsed = parse_synonyms((Path(PROJECT) / "content" / "synonyms.yml").read_bytes())
    assert parsed.ok, parsed.problems
    return parsed.entries


def test_tailbone_pain_is_not_sent_to_sacroiliac_joint_pain():
    assert "sacroiliac joint pain" not in shipped().get("tailbone pain", [])


def test_plain_rhizotomy_names_another_surgery_and_is_not_sent_to_ablation():
    synonyms = shipped()
    assert "radiofrequency ablation" not in synonyms.get("rhizotomy", [])
    assert "radiofrequency ablation" in synonyms["facet rhizotomy"]


def test_patients_words_for_the_new_procedures_reach_them():
    synonyms = shipped()
    assert "epidural steroid injections" in synonyms["shot in my back"]
    assert any(target.startswith("vertebral augmentation") for target in synonyms["kyphoplasty"])
    assert any(target.startswith("intrathecal drug delivery") for target in synonyms["pain pump"])
