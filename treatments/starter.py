"""Starter treatments, conditions and care cards: the text the site ships, read and checked.

The text lives in `treatments/starter/*.yml` so it can be read and reviewed
as prose; `manage.py load_starter` (treatments/loading.py) puts it on a site.
`manage.py load_starter --check` prints every problem and each page's reading
grade, for the people who write it, and changes nothing.
"""

from pathlib import Path

import yaml
from django.core.exceptions import FieldDoesNotExist

from core.citations import read_citation
from core.slugs import slug_problem
from rendering.markup import render_markdown
from rendering.readability import reading_grade

from . import prose, risk_bands
from .models import MAX_KEY_POINTS, MIN_KEY_POINTS, URGENCY_ORDER, CareCard, Condition, Risk, Treatment, TreatmentQuestion

STARTER_DIR = Path(__file__).resolve().parent / "starter"

CARD_TEXT = ("slug", "urgency", "title", "summary", "body")
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
TREATMENT_LISTS = ("other_names", "key_points", "questions_to_ask")
CONDITION_LISTS = ("other_names", "key_points", "self_care_do", "self_care_dont", "questions_to_ask")
ENTRY_LIMITS = {"name": 90, "summary": 160, "plain_alias": 120, "lead": 300}
CARD_LIMITS = {"title": 120, "summary": 200}
RISK_LIMITS = {"description": 300, "frequency": 80}


KINDS = ("care_cards", "treatments", "conditions")
MODELS = {"care_cards": CareCard, "treatments": Treatment, "conditions": Condition}
SPANISH_CARD = ("title", "summary", "body")
SPANISH_TREATMENT = ("name", "plain_alias", "summary", *TREATMENT_MARKDOWN)
SPANISH_CONDITION = ("name", "lead", "summary", *CONDITION_MARKDOWN)
SPANISH_GLANCE = GLANCE[:-1]  # how invasive is a choice from a list, shown in the page's language by the site


def _read_folder(directory):
    data = {key: [] for key in KINDS}
    for path in sorted(Path(directory).glob("*.yml")):
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key in data:
            data[key].extend(loaded.get(key) or [])
    return data


def read(directory=STARTER_DIR):
    """The English entries, and under "es" the Spanish text of each, keyed by the English slug."""
    data = _read_folder(directory)
    spanish = _read_folder(Path(directory) / "es")
    data["es"] = {key: {entry.get("slug"): entry for entry in spanish[key]} for key in KINDS}
    return data


def _missing(entry, keys, label):
    return [f"{label}: '{key}' is missing or empty" for key in keys if not str(entry.get(key) or "").strip()]


def _too_long(entry, label, limits):
    return [
        f"{label}: '{key}' is {len(str(entry[key]))} characters; the limit is {limit}"
        for key, limit in limits.items()
        if key in entry and len(str(entry[key] or "")) > limit
    ]


def _non_empty_lists(entry, keys, label):
    return [f"{label}: '{key}' needs at least one item" for key in keys if not entry.get(key)]


def _unknown(entry, key, known, label):
    return [f"{label}: unknown {key} entry '{value}'" for value in entry.get(key) or [] if value not in known]


def _key_points(entry, label):
    count = len(entry.get("key_points") or [])
    if MIN_KEY_POINTS <= count <= MAX_KEY_POINTS:
        return []
    return [f"{label}: 'key_points' needs {MIN_KEY_POINTS} to {MAX_KEY_POINTS} items, not {count}"]


def _sources(entry, label):
    problems = []
    for value in entry.get("sources") or []:
        citation, issues = read_citation(value)
        problems += [f"{label}: {message}" for level, message in issues if level == "error"]
        if citation and not (citation.publisher and citation.url):
            problems.append(f"{label}: the source '{citation.title}' needs a publisher and a web address")
    return problems


def _risks(entry, label):
    problems = []
    for risk in entry.get("risks") or []:
        where = f"{label} risk '{str(risk.get('description', ''))[:40]}'"
        problems += _missing(risk, ("description", "band"), where) + _too_long(risk, where, RISK_LIMITS)
        if risk.get("band") not in risk_bands.BY_KEY:
            problems.append(f"{where}: band must be one of {', '.join(risk_bands.BY_KEY)}")
            continue
        if risk.get("course", Risk.PASSES) not in (Risk.PASSES, Risk.LASTS):
            problems.append(f"{where}: course must be 'passes' or 'lasts'")
        mismatch = risk_bands.frequency_problem(risk["band"], risk.get("frequency"))
        if mismatch:
            problems.append(f"{where}: {mismatch}")
    if entry.get("risks") and not any(risk.get("important") for risk in entry["risks"]):
        problems.append(f"{label}: mark the risks 'At a glance' should name with 'important: true'")
    return problems


def _entry_problems(entry, label, text_keys, list_keys, cards):
    problems = _missing(entry, text_keys, label) + _too_long(entry, label, ENTRY_LIMITS) + _key_points(entry, label)
    problems += _non_empty_lists(entry, (*list_keys, "care_cards", "sources"), label)
    problems += _unknown(entry, "care_cards", cards, label) + _sources(entry, label)
    slug = slug_problem(entry.get("slug"))
    return problems + ([f"{label}: {slug}"] if slug else [])


def _longer_than_the_field(model, values, label):
    """Text longer than its database column: PostgreSQL would refuse it (SQLite would not say)."""
    problems = []
    for name, value in values.items():
        try:
            limit = getattr(model._meta.get_field(name), "max_length", None)
        except FieldDoesNotExist:
            continue
        if limit and isinstance(value, str) and len(value) > limit:
            problems.append(f"{label}: '{name}' is {len(value)} characters; the limit is {limit}")
    return problems


def _lengths(entry, model, label):
    problems = _longer_than_the_field(model, {**entry, **(entry.get("at_a_glance") or {})}, label)
    for risk in entry.get("risks") or []:
        problems += _longer_than_the_field(Risk, risk, f"{label} risk")
    for faq in entry.get("faqs") or []:
        problems += _longer_than_the_field(TreatmentQuestion, faq, f"{label} question")
    return problems


def _spanish_problems(data):
    problems = []
    required = {"care_cards": SPANISH_CARD, "treatments": SPANISH_TREATMENT, "conditions": SPANISH_CONDITION}
    for kind in KINDS:
        english = {entry.get("slug"): entry for entry in data[kind]}
        for slug, entry in data["es"][kind].items():
            label = f"Spanish {kind[:-1].replace('_', ' ')} {slug}"
            if slug not in english:
                problems.append(f"{label}: there is no English entry with this slug")
                continue
            problems += _missing(entry, required[kind], label) + _lengths(entry, MODELS[kind], label)
            if kind == "treatments":
                problems += _missing(entry.get("at_a_glance") or {}, SPANISH_GLANCE, f"{label} at_a_glance")
            for part in ("risks", "faqs", "key_points", "questions_to_ask", "self_care_do", "self_care_dont"):
                if part in english[slug] and len(entry.get(part) or []) != len(english[slug][part] or []):
                    problems.append(f"{label}: '{part}' must have as many items as the English ({len(english[slug][part])})")
    return problems


def validate(data):
    """Every problem in the starter data, as plain sentences."""
    problems = _spanish_problems(data) if "es" in data else []
    cards = {card.get("slug") for card in data["care_cards"]}
    treatment_slugs = {entry.get("slug") for entry in data["treatments"]}
    condition_slugs = {entry.get("slug") for entry in data["conditions"]}
    for card in data["care_cards"]:
        label = f"care card {card.get('slug')}"
        problems += _missing(card, CARD_TEXT, label) + _too_long(card, label, CARD_LIMITS)
        if card.get("urgency") not in URGENCY_ORDER:
            problems.append(f"{label}: urgency must be {', '.join(URGENCY_ORDER)}")
    for kind, model in MODELS.items():
        problems += [problem for entry in data[kind] for problem in _lengths(entry, model, f"{kind[:-1]} {entry.get('slug')}")]
    for entry in data["treatments"]:
        label = f"treatment {entry.get('slug')}"
        problems += _entry_problems(entry, label, TREATMENT_TEXT, ("risks", "faqs", "conditions", "questions_to_ask"), cards)
        problems += _missing(entry.get("at_a_glance") or {}, GLANCE, f"{label} at_a_glance") + _risks(entry, label)
        problems += _unknown(entry, "conditions", condition_slugs, label)
    for entry in data["conditions"]:
        label = f"condition {entry.get('slug')}"
        problems += _entry_problems(entry, label, CONDITION_TEXT, CONDITION_LISTS, cards)
        problems += _unknown(entry, "treatments", treatment_slugs, label)
    return problems


def page_prose(entry, markdown_fields, cards_by_slug):
    """The prose a reader meets on the entry's page, for the reading grade."""
    items = [item for name in (*CONDITION_LISTS, *TREATMENT_LISTS) for item in entry.get(name) or []]
    items += [risk["description"] for risk in entry.get("risks") or []]
    faqs = [(faq["question"], render_markdown(faq["answer"]).html) for faq in entry.get("faqs") or []]
    cards = [cards_by_slug[slug] for slug in entry.get("care_cards") or [] if slug in cards_by_slug]
    return prose.page_prose(
        [entry.get("lead") or entry.get("plain_alias") or "", entry.get("summary", "")],
        [render_markdown(entry[name]).html for name in markdown_fields],
        list(dict.fromkeys(items)),
        faqs,
        [(card["title"], card["summary"], render_markdown(card["body"]).html) for card in cards],
    )


def grades(data):
    """{(kind, slug): reading grade} for every treatment and condition page."""
    cards = {card["slug"]: card for card in data["care_cards"]}
    result = {}
    for entry in data["treatments"]:
        result[("treatment", entry["slug"])] = reading_grade(page_prose(entry, TREATMENT_MARKDOWN, cards))
    for entry in data["conditions"]:
        result[("condition", entry["slug"])] = reading_grade(page_prose(entry, CONDITION_MARKDOWN, cards))
    return result
