"""Put the starter entries on a site: add what is new, update what nobody edited, keep every admin's work.

Each entry's StarterRecord says which starter text was applied last and
whether an admin has since edited or deleted it. Running this again with
the same starter files changes nothing.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.db import transaction

from . import starter
from .models import (
    CareCard,
    Condition,
    ConditionCareCard,
    ConditionQuestion,
    Risk,
    StarterRecord,
    Treatment,
    TreatmentCareCard,
    TreatmentQuestion,
)


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    kept: list = field(default_factory=list)  # (label, why) for entries an admin owns

    @property
    def changed(self):
        return bool(self.created or self.updated)


def starter_hash(entry):
    return hashlib.sha256(json.dumps(entry, sort_keys=True, default=str).encode()).hexdigest()


def _card_values(entry):
    return {"urgency": entry["urgency"], "title": entry["title"], "body": entry["body"]}


def _condition_values(entry):
    values = {name: entry[name] for name in starter.CONDITION_TEXT}
    for name in ("other_names", "self_care_do", "self_care_dont", "questions_to_ask", "sources"):
        values[name] = "\n".join(entry.get(name) or [])
    return values


def _treatment_values(entry):
    values = {name: entry[name] for name in starter.TREATMENT_TEXT}
    values.update({name: entry["at_a_glance"][name] for name in starter.GLANCE})
    for name in ("other_names", "questions_to_ask", "sources"):
        values[name] = "\n".join(entry.get(name) or [])
    return values


def _replace_faqs(model, owner_field, owner, faqs):
    model.objects.filter(**{owner_field: owner}).delete()
    for order, faq in enumerate(faqs or []):
        model.objects.create(**{owner_field: owner}, question=faq["question"], answer=faq["answer"], order=order)


def _replace_cards(through, owner_field, owner, keys, cards):
    through.objects.filter(**{owner_field: owner}).delete()
    for key in keys:
        through.objects.create(**{owner_field: owner}, card=cards[key])


class _Loader:
    def __init__(self, report):
        self.report = report
        self.records = {(record.kind, record.key): record for record in StarterRecord.objects.all()}
        self.written = set()  # (kind, key) of entries this run created or updated

    def upsert(self, kind, model, key, entry, values):
        """The entry's object when this run wrote it (so its parts are rewritten too), else None."""
        label = f"{kind} {key}"
        digest = starter_hash(entry)
        record = self.records.get((kind, key))
        if record is None:
            if "slug" in values and model.objects.filter(slug=values["slug"]).exists():
                self.report.kept.append((label, "an entry with this address was made by hand"))
                return None
            obj = model(**values)
            obj.save()
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


def load_starter(data=None):
    """Apply the starter files to the database, in one transaction. Raises ValueError if they are incomplete."""
    data = data or starter.read()
    problems = starter.validate(data)
    if problems:
        raise ValueError("starter data is incomplete:\n" + "\n".join(problems))
    report = LoadReport()
    with transaction.atomic():
        loader = _Loader(report)
        for entry in data["care_cards"]:
            loader.upsert(StarterRecord.CARD, CareCard, entry["key"], entry, _card_values(entry))
        cards = {entry["key"]: loader.existing(StarterRecord.CARD, entry["key"], CareCard) for entry in data["care_cards"]}
        for entry in data["conditions"]:
            condition = loader.upsert(StarterRecord.CONDITION, Condition, entry["slug"], entry, _condition_values(entry))
            if condition:
                _replace_cards(ConditionCareCard, "condition", condition, entry["care_cards"], cards)
                _replace_faqs(ConditionQuestion, "condition", condition, entry.get("faqs"))
        for entry in data["treatments"]:
            treatment = loader.upsert(StarterRecord.TREATMENT, Treatment, entry["slug"], entry, _treatment_values(entry))
            if treatment:
                _replace_cards(TreatmentCareCard, "treatment", treatment, entry["care_cards"], cards)
                _replace_faqs(TreatmentQuestion, "treatment", treatment, entry["faqs"])
                Risk.objects.filter(treatment=treatment).delete()
                for order, risk in enumerate(entry["risks"]):
                    Risk.objects.create(treatment=treatment, order=order, kind=risk["kind"],
                                        description=risk["description"], frequency=risk.get("frequency") or "")  # fmt: skip
        _link(loader, data)
    return report


def _link(loader, data):
    """A link may be written on either side; the pages show it on both. Only entries on the site are linked."""
    treatments = {e["slug"]: loader.existing(StarterRecord.TREATMENT, e["slug"], Treatment) for e in data["treatments"]}
    conditions = {e["slug"]: loader.existing(StarterRecord.CONDITION, e["slug"], Condition) for e in data["conditions"]}
    pairs = {(t["slug"], slug) for t in data["treatments"] for slug in t["conditions"]}
    pairs |= {(slug, c["slug"]) for c in data["conditions"] for slug in c.get("treatments") or []}
    for treatment_slug, condition_slug in sorted(pairs):
        treatment, condition = treatments.get(treatment_slug), conditions.get(condition_slug)
        written = {(StarterRecord.TREATMENT, treatment_slug), (StarterRecord.CONDITION, condition_slug)} & loader.written
        if treatment and condition and written and not treatment.conditions.filter(pk=condition.pk).exists():
            treatment.conditions.add(condition)
