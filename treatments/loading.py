"""Put the starter entries on a site: add what is new, update what nobody edited, keep every admin's work.

Each entry's StarterRecord says which starter text was applied last and
whether an admin has since edited or deleted it. Running this again with
the same starter files changes nothing. A card that a release renames names
its old keys under `replaces:`, so the card already on the site is updated in
place; a retired card that nothing uses any more is removed.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.db import transaction
from modeltranslation.translator import translator

from core.citations import read_citation

from . import starter
from .models import (
    CareCard,
    Condition,
    ConditionCareCard,
    ConditionQuestion,
    ConditionSource,
    Risk,
    StarterRecord,
    Treatment,
    TreatmentCareCard,
    TreatmentQuestion,
    TreatmentSource,
)
from .translations import note_spanish_edit


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    kept: list = field(default_factory=list)  # (label, why) for entries an admin owns

    @property
    def changed(self):
        return bool(self.created or self.updated or self.removed)


def starter_hash(entry, spanish):
    both = {"en": entry, "es": spanish}
    return hashlib.sha256(json.dumps(both, sort_keys=True, default=str).encode()).hexdigest()


def _joined(entry, names):
    return {name: "\n".join(entry.get(name) or []) for name in names if name in entry}


def _in_languages(model, english, spanish):
    """Field values for both languages: a translated field gets `_en` (and `_es` when there is Spanish)."""
    translated = set(translator.get_options_for_model(model).fields)
    values = {(f"{name}_en" if name in translated else name): value for name, value in english.items()}
    values.update({f"{name}_es": value for name, value in spanish.items() if name in translated})
    return values


def _card_values(entry, spanish):
    english = {name: entry[name] for name in starter.CARD_TEXT}
    return _in_languages(CareCard, english, {name: spanish[name] for name in starter.SPANISH_CARD if name in spanish})


def _condition_values(entry, spanish):
    english = {**{name: entry[name] for name in starter.CONDITION_TEXT}, **_joined(entry, starter.CONDITION_LISTS)}
    texts = {name: spanish[name] for name in starter.SPANISH_CONDITION if name in spanish}
    return _in_languages(Condition, english, {**texts, **_joined(spanish, starter.CONDITION_LISTS)})


def _treatment_values(entry, spanish):
    english = {name: entry[name] for name in starter.TREATMENT_TEXT}
    english.update({name: entry["at_a_glance"][name] for name in starter.GLANCE})
    texts = {name: spanish[name] for name in starter.SPANISH_TREATMENT if name in spanish}
    texts.update({name: value for name, value in (spanish.get("at_a_glance") or {}).items() if name in starter.SPANISH_GLANCE})
    return _in_languages(
        Treatment, {**english, **_joined(entry, starter.TREATMENT_LISTS)}, {**texts, **_joined(spanish, starter.TREATMENT_LISTS)}
    )


def _replace(model, owner_field, owner, rows):
    model.objects.filter(**{owner_field: owner}).delete()
    for order, row in enumerate(rows):
        model.objects.create(**{owner_field: owner}, order=order, **row)


def _source_rows(entry):
    rows = []
    for value in entry.get("sources") or []:
        citation, _ = read_citation(value)
        rows.append({"title": citation.title, "publisher": citation.publisher, "url": citation.url, "checked": citation.checked})
    return rows


def _faq_rows(entry, spanish):
    translated = spanish.get("faqs") or []
    rows = []
    for index, faq in enumerate(entry.get("faqs") or []):
        row = {"question_en": faq["question"], "answer_en": faq["answer"]}
        if index < len(translated):
            row.update(question_es=translated[index]["question"], answer_es=translated[index]["answer"])
        rows.append(row)
    return rows


def _risk_rows(entry, spanish):
    translated = spanish.get("risks") or []
    rows = []
    for index, risk in enumerate(entry["risks"]):
        row = {
            "description_en": risk["description"],
            "band": risk["band"],
            "frequency_en": risk.get("frequency") or "",
            "course": risk.get("course") or Risk.PASSES,
            "important": bool(risk.get("important")),
        }
        if index < len(translated):
            row.update(description_es=translated[index]["description"], frequency_es=translated[index].get("frequency") or "")
        rows.append(row)
    return rows


class _Loader:
    def __init__(self, report):
        self.report = report
        self.records = {(record.kind, record.key): record for record in StarterRecord.objects.all()}
        self.written = set()  # (kind, key) of entries this run created or updated

    def adopt(self, kind, key, old_keys):
        """A renamed entry takes over the record of its first old key that is still unclaimed."""
        if (kind, key) in self.records:
            return
        for old in old_keys or []:
            record = self.records.pop((kind, old), None)
            if record:
                record.key = key
                record.save(update_fields=["key"])
                self.records[(kind, key)] = record
                return

    def upsert(self, kind, model, key, entry, values, spanish):
        """The entry's object when this run wrote it (so its parts are rewritten too), else None."""
        label = f"{kind} {key}"
        digest = starter_hash(entry, spanish)
        record = self.records.get((kind, key))
        if record is None:
            if model.objects.filter(slug=values["slug"]).exists():
                self.report.kept.append((label, "an entry with this address was made by hand"))
                return None
            obj = model.objects.create(**values)
            self.records[(kind, key)] = StarterRecord.objects.create(kind=kind, key=key, object_id=obj.pk, applied_hash=digest)
            self.report.created.append(label)
            self.written.add((kind, key))
            return obj
        obj = model.objects.filter(pk=record.object_id).first()
        if record.edited or obj is None:
            self.report.kept.append((label, "edited by an admin" if obj else "deleted by an admin"))
            return None
        if record.applied_hash == digest:
            self.report.unchanged.append(label)
            return None
        for name, value in values.items():
            setattr(obj, name, value)
        obj.save()
        StarterRecord.objects.filter(pk=record.pk).update(applied_hash=digest)
        self.report.updated.append(label)
        self.written.add((kind, key))
        return obj

    def existing(self, kind, key, model):
        record = self.records.get((kind, key))
        return model.objects.filter(pk=record.object_id).first() if record else None

    def remove_retired_cards(self, current):
        """Cards an earlier release shipped and this one does not: gone, unless an admin edited or still uses them."""
        for (kind, key), record in list(self.records.items()):
            if kind != StarterRecord.CARD or key in current or record.edited:
                continue
            card = CareCard.objects.filter(pk=record.object_id).first()
            if card and (card.treatments.exists() or card.conditions.exists()):
                continue
            if card:
                card.delete()
            record.delete()
            self.report.removed.append(f"card {key}")


def load_starter(data=None):
    """Apply the starter files to the database, in one transaction. Raises ValueError if they are incomplete."""
    data = data or starter.read()
    problems = starter.validate(data)
    if problems:
        raise ValueError("starter data is incomplete:\n" + "\n".join(problems))
    report = LoadReport()
    with transaction.atomic():
        loader = _Loader(report)
        spanish = data.get("es") or {"care_cards": {}, "treatments": {}, "conditions": {}}
        for entry in data["care_cards"]:
            es = spanish["care_cards"].get(entry["slug"], {})
            loader.adopt(StarterRecord.CARD, entry["slug"], entry.get("replaces"))
            card = loader.upsert(StarterRecord.CARD, CareCard, entry["slug"], entry, _card_values(entry, es), es)
            if card:
                note_spanish_edit(card)
        cards = {entry["slug"]: loader.existing(StarterRecord.CARD, entry["slug"], CareCard) for entry in data["care_cards"]}
        for entry in data["conditions"]:
            es = spanish["conditions"].get(entry["slug"], {})
            values = _condition_values(entry, es)
            condition = loader.upsert(StarterRecord.CONDITION, Condition, entry["slug"], entry, values, es)
            if condition:
                _link_cards(ConditionCareCard, "condition", condition, entry["care_cards"], cards)
                _replace(ConditionQuestion, "condition", condition, _faq_rows(entry, es))
                _replace(ConditionSource, "condition", condition, _source_rows(entry))
                note_spanish_edit(condition)
        for entry in data["treatments"]:
            es = spanish["treatments"].get(entry["slug"], {})
            values = _treatment_values(entry, es)
            treatment = loader.upsert(StarterRecord.TREATMENT, Treatment, entry["slug"], entry, values, es)
            if treatment:
                _link_cards(TreatmentCareCard, "treatment", treatment, entry["care_cards"], cards)
                _replace(TreatmentQuestion, "treatment", treatment, _faq_rows(entry, es))
                _replace(TreatmentSource, "treatment", treatment, _source_rows(entry))
                _replace(Risk, "treatment", treatment, _risk_rows(entry, es))
                note_spanish_edit(treatment)
        _link_conditions(loader, data)
        loader.remove_retired_cards({entry["slug"] for entry in data["care_cards"]})
    return report


def _link_cards(through, owner_field, owner, slugs, cards):
    through.objects.filter(**{owner_field: owner}).delete()
    for slug in slugs:
        if cards.get(slug):
            through.objects.create(**{owner_field: owner}, card=cards[slug])


def _link_conditions(loader, data):
    """A link may be written on either side; the pages show it on both. Only entries this run wrote gain links."""
    treatments = {e["slug"]: loader.existing(StarterRecord.TREATMENT, e["slug"], Treatment) for e in data["treatments"]}
    conditions = {e["slug"]: loader.existing(StarterRecord.CONDITION, e["slug"], Condition) for e in data["conditions"]}
    pairs = {(t["slug"], slug) for t in data["treatments"] for slug in t["conditions"]}
    pairs |= {(slug, c["slug"]) for c in data["conditions"] for slug in c.get("treatments") or []}
    for treatment_slug, condition_slug in sorted(pairs):
        treatment, condition = treatments.get(treatment_slug), conditions.get(condition_slug)
        written = {(StarterRecord.TREATMENT, treatment_slug), (StarterRecord.CONDITION, condition_slug)} & loader.written
        if treatment and condition and written and not treatment.conditions.filter(pk=condition.pk).exists():
            treatment.conditions.add(condition)
