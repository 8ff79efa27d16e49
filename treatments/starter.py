"""Starter treatments, conditions and care cards: the text the site ships, read and checked.

The text lives in `treatments/starter/*.yml` so it can be read and reviewed
as prose; `manage.py load_starter` (treatments/loading.py) puts it on a site.
"""

from pathlib import Path

import yaml

from rendering.markup import render_markdown
from rendering.readability import prose_text, reading_grade

STARTER_DIR = Path(__file__).resolve().parent / "starter"

CARD_KEYS = ("key", "urgency", "title", "body")
TREATMENT_TEXT = (
    "slug", "name", "plain_alias", "summary", "overview", "why_done", "who_should_not", "alternatives",
    "preparation", "before", "during", "after", "results", "recovery",
)  # fmt: skip
GLANCE = (
    "helps_with", "procedure_time", "sedation", "imaging", "home_same_day",
    "relief_starts", "relief_lasts", "back_to_normal", "invasiveness",
)  # fmt: skip
CONDITION_TEXT = (
    "slug", "name", "lead", "summary", "symptoms", "duration", "causes", "tests", "treatment_steps", "living_with",
)  # fmt: skip
TREATMENT_MARKDOWN = TREATMENT_TEXT[4:]
CONDITION_MARKDOWN = CONDITION_TEXT[4:]


def read(directory=STARTER_DIR):
    data = {"care_cards": [], "treatments": [], "conditions": []}
    for path in sorted(Path(directory).glob("*.yml")):
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key in data:
            data[key].extend(loaded.get(key) or [])
    return data


def _missing(entry, keys, label):
    return [f"{label}: '{key}' is missing or empty" for key in keys if not str(entry.get(key) or "").strip()]


def _non_empty_lists(entry, keys, label):
    return [f"{label}: '{key}' needs at least one item" for key in keys if not entry.get(key)]


def _unknown(entry, key, known, label):
    return [f"{label}: unknown {key} entry '{value}'" for value in entry.get(key) or [] if value not in known]


def validate(data):
    """Every problem in the starter data, as plain sentences."""
    problems = []
    card_keys = {card.get("key") for card in data["care_cards"]}
    treatment_slugs = {entry.get("slug") for entry in data["treatments"]}
    condition_slugs = {entry.get("slug") for entry in data["conditions"]}
    for card in data["care_cards"]:
        problems += _missing(card, CARD_KEYS, f"care card {card.get('key')}")
        if card.get("urgency") not in {"emergency", "urgent", "soon"}:
            problems.append(f"care card {card.get('key')}: urgency must be emergency, urgent or soon")
    for entry in data["treatments"]:
        label = f"treatment {entry.get('slug')}"
        problems += _missing(entry, TREATMENT_TEXT, label)
        problems += _missing(entry.get("at_a_glance") or {}, GLANCE, f"{label} at_a_glance")
        problems += _non_empty_lists(entry, ("risks", "faqs", "care_cards", "conditions", "sources", "questions_to_ask"), label)
        kinds = {risk.get("kind") for risk in entry.get("risks") or []}
        if kinds != {"common", "serious"}:
            problems.append(f"{label}: risks need both 'common' and 'serious' kinds")
        problems += _unknown(entry, "conditions", condition_slugs, label)
        problems += _unknown(entry, "care_cards", card_keys, label)
    for entry in data["conditions"]:
        label = f"condition {entry.get('slug')}"
        problems += _missing(entry, CONDITION_TEXT, label)
        problems += _non_empty_lists(
            entry, ("other_names", "self_care_do", "self_care_dont", "questions_to_ask", "care_cards", "sources"), label
        )
        problems += _unknown(entry, "treatments", treatment_slugs, label)
        problems += _unknown(entry, "care_cards", card_keys, label)
    return problems


def page_prose(entry, markdown_fields, cards_by_key):
    """The prose a reader meets on the entry's page, for the reading grade."""
    parts = [entry.get("lead") or entry.get("plain_alias") or "", entry.get("summary", "")]
    parts += [render_markdown(entry[name]).html for name in markdown_fields]
    for name in ("questions_to_ask", "self_care_do", "self_care_dont", "other_names"):
        parts += [f"<li>{item}</li>" for item in entry.get(name) or []]
    parts += [f"<li>{risk['description']}</li>" for risk in entry.get("risks") or []]
    for faq in entry.get("faqs") or []:
        parts += [f"<p>{faq['question']}</p>", render_markdown(faq["answer"]).html]
    for key in entry.get("care_cards") or []:
        card = cards_by_key.get(key)
        if card:
            parts += [f"<p>{card['title']}</p>", render_markdown(card["body"]).html]
    return prose_text("\n".join(f"<p>{part}</p>" if not part.startswith("<") else part for part in parts))


def grades(data):
    """{(kind, slug): reading grade} for every treatment and condition page."""
    cards = {card["key"]: card for card in data["care_cards"]}
    result = {}
    for entry in data["treatments"]:
        result[("treatment", entry["slug"])] = reading_grade(page_prose(entry, TREATMENT_MARKDOWN, cards))
    for entry in data["conditions"]:
        result[("condition", entry["slug"])] = reading_grade(page_prose(entry, CONDITION_MARKDOWN, cards))
    return result


def check_main():
    """`python -m treatments.starter`: print problems and reading grades (for writers of the starter text)."""
    data = read()
    for problem in validate(data):
        print("PROBLEM:", problem)
    for (kind, slug), grade in sorted(grades(data).items()):
        print(f"{kind:<10} {slug:<36} grade {grade}")


if __name__ == "__main__":
    check_main()
