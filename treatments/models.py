"""Treatments and conditions: structured entries that admins edit in the Django admin.

Text fields hold Markdown. `save()` renders every one of them through the
same `render_markdown()` and sanitizer as articles, so pages print stored,
safe HTML and never render Markdown during a request.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from core.citations import Citation, url_problem
from core.visibility import PublishedQuerySet, is_public
from pictures.renditions import delete_unused_uploads, save_asset, validate_picture
from rendering.markup import render_markdown
from rendering.readability import reading_grade

from . import prose, risk_bands

EMERGENCY, SAME_DAY, SOON = "emergency", "same_day", "soon"
URGENCY_CHOICES = [
    (EMERGENCY, gettext_lazy("Emergency: call 911 now")),
    (SAME_DAY, gettext_lazy("Same day: call your doctor today")),
    (SOON, gettext_lazy("Soon: make an appointment")),
]
URGENCY_ORDER = {EMERGENCY: 0, SAME_DAY: 1, SOON: 2}


def each_language(obj, source, target, transform):
    """Set `target` in every language from `source` in the same language (empty stays empty: not yet translated)."""
    for code, _ in settings.LANGUAGES:
        value = getattr(obj, f"{source}_{code}", None)
        setattr(obj, f"{target}_{code}", transform(value) if value else None)


def lines(text):
    """One item a line, blank lines and list dashes dropped."""
    return [line.strip().lstrip("-* ").strip() for line in (text or "").splitlines() if line.strip().lstrip("-* ").strip()]


class CareCardQuerySet(models.QuerySet):
    def by_urgency(self):
        """Emergency first, then same day, then soon: the order a reader must see them in."""
        order = models.Case(*[models.When(urgency=key, then=rank) for key, rank in URGENCY_ORDER.items()])
        return self.order_by(order, "title")


class CareCard(models.Model):
    """A 'when to get help' card: the one place a safety message is written.

    Treatment and condition pages list their cards; any Markdown page places
    one by its slug with a line `[[card: SLUG]]`. Its label comes from its
    urgency, so a card can never say "see a doctor soon" above an emergency.
    """

    slug = models.SlugField(
        max_length=80, unique=True, help_text="How pages name this card, for example 'emergency-after-procedure'. Keep it."
    )
    urgency = models.CharField(max_length=10, choices=URGENCY_CHOICES, help_text="How fast the reader must act.")
    title = models.CharField(
        max_length=120,
        help_text="What the card is about, for example 'After a pain procedure'. The urgency is added in front of it.",
    )
    summary = models.CharField(
        max_length=200,
        help_text="The main signs in one short phrase, shown near the top of each page that lists this card. "
        "It follows 'Call 911 now if you have' or 'Call your doctor the same day if you have'.",
    )
    body = models.TextField(help_text="Markdown. The signs that mean the reader should act, as a short list.")
    body_html = models.TextField(editable=False, default="")
    updated_at = models.DateTimeField(auto_now=True)
    spanish_made_from = models.CharField(max_length=64, blank=True, editable=False)
    spanish_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    objects = CareCardQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return f"{self.urgency_label}: {self.title}"

    def save(self, *args, **kwargs):
        each_language(self, "body", "body_html", lambda body: render_markdown(body).html)
        super().save(*args, **kwargs)

    @property
    def urgency_label(self):
        """The urgency in words (in the page's language), with the emergency number this site gives."""
        return self.get_urgency_display().replace("911", settings.EMERGENCY_NUMBER)

    @property
    def summary_lead(self):
        """How the top-of-page summary introduces this card's signs."""
        return {
            EMERGENCY: gettext("Call %(number)s now if you have") % {"number": settings.EMERGENCY_NUMBER},
            SAME_DAY: gettext("Call your doctor the same day if you have"),
            SOON: gettext("Make an appointment soon if you have"),
        }[self.urgency]

    @property
    def anchor(self):
        return f"card-{self.slug}"

    def review_text(self):
        """What a clinical reviewer approves: the card as every page that shows it prints it."""
        head = f"Card {self.slug}\nUrgency: {self.get_urgency_display()}\nTitle: {self.title}\nSummary: {self.summary}"
        return f"{head}\n\n{self.body.strip()}\n"


MIN_KEY_POINTS, MAX_KEY_POINTS = 3, 5


class ReviewedEntry(models.Model):
    """What treatments and conditions share: publication, review and sources."""

    slug = models.SlugField(max_length=80, unique=True, help_text="The web address: lowercase words joined by hyphens.")
    name = models.CharField(max_length=90, help_text="The name patients know it by.")
    summary = models.CharField(
        max_length=160, help_text="One or two plain sentences, up to 160 characters. Shown in lists and search engines."
    )
    published = models.DateField(default=timezone.localdate, help_text="The page is hidden until this day.")
    draft = models.BooleanField(default=False, help_text="Tick to hide the page from the public; staff can still preview it.")
    other_names = models.TextField(
        blank=True,
        help_text="Other names people use, one per line (for example 'pinched nerve' or 'RFA'). Search and links use them.",
    )
    key_points = models.TextField(
        help_text="Three to five short sentences, one per line: what a reader most needs to know. The page opens with them.",
    )
    image = models.FileField(
        upload_to="uploads/",
        blank=True,
        validators=[validate_picture],
        help_text="Optional picture: JPEG, PNG, WebP or GIF, up to 20 MB. The site makes phone-sized copies itself.",
    )
    image_alt = models.CharField(
        max_length=300,
        blank=True,
        help_text="What the picture shows, for people who cannot see it. Needed whenever there is a picture.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    rendered = models.JSONField(default=dict, editable=False)
    # A fingerprint of the English text the Spanish was written from (see treatments/translations.py).
    spanish_made_from = models.CharField(max_length=64, blank=True, editable=False)
    spanish_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    objects = PublishedQuerySet.as_manager()

    MARKDOWN_FIELDS = ()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        for code, _ in settings.LANGUAGES:
            texts = {name: getattr(self, f"{name}_{code}", None) for name in self.MARKDOWN_FIELDS}
            rendered = {name: render_markdown(text).html for name, text in texts.items() if text}
            setattr(self, f"rendered_{code}", rendered or None)
        super().save(*args, **kwargs)
        if self.image:
            self.image.open("rb")
            save_asset(self.image_key, self.image.name, self.image.read())
        delete_unused_uploads(uploaded_picture_keys())

    def clean(self):
        super().clean()
        if self.image and not (self.image_alt_en or "").strip():
            raise ValidationError({"image_alt_en": "Describe the picture for people who cannot see it."})
        for code, _ in settings.LANGUAGES:
            points = lines(getattr(self, f"key_points_{code}", None) or "")
            if code != settings.LANGUAGE_CODE and not points:
                continue  # not translated yet: the page says so
            if not MIN_KEY_POINTS <= len(points) <= MAX_KEY_POINTS:
                raise ValidationError(
                    {f"key_points_{code}": f"Write {MIN_KEY_POINTS} to {MAX_KEY_POINTS} key points, one per line "
                     f"(there are {len(points)})."}
                )  # fmt: skip

    @property
    def image_key(self):
        return f"upload:{self.image.name}" if self.image else ""

    def html(self, field_name):
        return (self.rendered or {}).get(field_name, "")

    @property
    def is_public(self):
        return is_public(self)

    @property
    def other_name_list(self):
        return lines(self.other_names)

    @property
    def questions_to_ask_list(self):
        return lines(self.questions_to_ask)

    def page_prose(self):
        items = [*self.key_point_list, *self.questions_to_ask_list, *self.other_name_list, *self.own_list_items()]
        return prose.page_prose(
            [self.first_sentence, self.summary],
            [self.html(name) for name in self.MARKDOWN_FIELDS],
            items,
            [(faq.question, faq.answer_html) for faq in self.faqs.all()],
            [(card.title, card.summary, card.body_html) for card in self.care_cards.all()],
        )

    def reading_grade(self):
        return reading_grade(self.page_prose())

    def review_text(self):
        """What a clinical reviewer approves: every field and part that reaches the page, in page order."""
        lines = [f"Name: {self.name}", *self.own_header_lines(), f"Summary: {self.summary}", "Key points:"]
        lines += [f"- {point}" for point in self.key_point_list]
        lines += [f"Other names: {', '.join(self.other_name_list)}"] if self.other_names.strip() else []
        lines += [f"Picture: {self.image.name} ({self.image_alt})"] if self.image else []
        for name in self.MARKDOWN_FIELDS:
            lines += ["", f"## {name.replace('_', ' ').capitalize()}", getattr(self, name).strip()]
        lines += ["", *self.own_part_lines(), "", "Questions to ask:", *[f"- {q}" for q in self.questions_to_ask_list]]
        for faq in self.faqs.all():
            lines += ["", f"Q: {faq.question}", f"A: {faq.answer.strip()}"]
        lines += ["", "Sources:", *[f"- {source.line}" for source in self.sources.all()]]
        return "\n".join(lines) + "\n"

    @property
    def key_point_list(self):
        return lines(self.key_points)

    @property
    def citations(self):
        return [source.citation for source in self.sources.all()]

    @property
    def meta_description(self):
        return self.summary

    @property
    def sorted_care_cards(self):
        return sorted(self.care_cards.all(), key=lambda card: (URGENCY_ORDER[card.urgency], card.title))

    @property
    def urgent_care_cards(self):
        """The emergency and same-day cards, for the short summary near the top of the page."""
        return [card for card in self.sorted_care_cards if card.urgency in (EMERGENCY, SAME_DAY)]


def uploaded_picture_keys():
    """The storage keys of every picture a treatment or condition still uses."""
    return {
        f"upload:{name}"
        for model in (Treatment, Condition)
        for name in model.objects.exclude(image="").values_list("image", flat=True)
    }


class Condition(ReviewedEntry):
    lead = models.CharField(max_length=300, help_text="The first sentence of the page: what this condition is, in plain words.")
    symptoms = models.TextField(help_text="Markdown. 'Check if you have it': the signs, as a list.")
    duration = models.TextField(help_text="Markdown. How long it usually lasts.")
    self_care_do = models.TextField(help_text="Things to do yourself, one per line.")
    self_care_dont = models.TextField(help_text="Things to avoid, one per line.")
    causes = models.TextField(help_text="Markdown. What causes it.")
    tests = models.TextField(help_text="Markdown. Tests a doctor may do.")
    treatment_steps = models.TextField(
        help_text="Markdown. Treatments step by step, from self-care through physical therapy to procedures."
    )
    living_with = models.TextField(help_text="Markdown. Living with it day to day.")
    questions_to_ask = models.TextField(help_text="Questions to ask your doctor, one per line.")
    care_cards = models.ManyToManyField(CareCard, through="ConditionCareCard", related_name="conditions")

    MARKDOWN_FIELDS = ("symptoms", "duration", "causes", "tests", "treatment_steps", "living_with")

    class Meta(ReviewedEntry.Meta):
        pass

    def get_absolute_url(self):
        return reverse("treatments:condition", kwargs={"slug": self.slug})

    def own_list_items(self):
        return [*self.self_care_do_list, *self.self_care_dont_list]

    def own_header_lines(self):
        return [f"Lead: {self.lead}"]

    def own_part_lines(self):
        do = [f"- {item}" for item in self.self_care_do_list]
        return ["Do:", *do, "Don't:", *[f"- {item}" for item in self.self_care_dont_list]]

    @property
    def first_sentence(self):
        return self.lead

    @property
    def self_care_do_list(self):
        return lines(self.self_care_do)

    @property
    def self_care_dont_list(self):
        return lines(self.self_care_dont)


class Treatment(ReviewedEntry):
    INVASIVENESS_CHOICES = [
        ("injection", gettext_lazy("An injection through the skin: no cut")),
        ("needle", gettext_lazy("Needles through the skin: no cut")),
        ("implant", gettext_lazy("A small operation to place a device under the skin")),
    ]

    plain_alias = models.CharField(
        max_length=120, help_text="What it does, in everyday words, for example 'using heat to quiet a pain nerve'."
    )
    # At a glance: each field's verbose_name is the label the page prints, so it is translated.
    helps_with = models.CharField(
        gettext_lazy("May help"), max_length=200, help_text="At a glance: what it may help, in a few words."
    )
    procedure_time = models.CharField(
        gettext_lazy("How long it takes"), max_length=200, help_text="At a glance: how long the procedure takes."
    )
    sedation = models.CharField(
        gettext_lazy("Awake or asleep"), max_length=200, help_text="At a glance: awake, lightly sedated, or asleep."
    )
    imaging = models.CharField(
        gettext_lazy("Imaging used"), max_length=200, help_text="At a glance: the imaging that guides the needle, if any."
    )
    home_same_day = models.CharField(
        gettext_lazy("Home the same day"), max_length=200, help_text="At a glance: whether people usually go home the same day."
    )
    relief_starts = models.CharField(
        gettext_lazy("When relief may start"), max_length=200, help_text="At a glance: when relief may start."
    )
    relief_lasts = models.CharField(
        gettext_lazy("How long relief may last"), max_length=200, help_text="At a glance: how long relief may last."
    )
    back_to_normal = models.CharField(
        gettext_lazy("Back to normal activity"), max_length=200, help_text="At a glance: typical return to normal activity."
    )
    invasiveness = models.CharField(
        gettext_lazy("How invasive"), max_length=10, choices=INVASIVENESS_CHOICES, help_text="At a glance: how invasive it is."
    )
    # Sections, in the order the page reads.
    overview = models.TextField(help_text="Markdown. What it is.")
    why_done = models.TextField(help_text="Markdown. Why it is done and who it may help.")
    who_should_not = models.TextField(help_text="Markdown. Who should not have it.")
    alternatives = models.TextField(help_text="Markdown. Other options to talk about with the doctor.")
    preparation = models.TextField(
        help_text="Markdown. How to prepare: blood thinners, eating, a driver, implants and allergies."
    )
    before = models.TextField(help_text="Markdown. What happens before, on the day.")
    during = models.TextField(help_text="Markdown. What happens during.")
    after = models.TextField(help_text="Markdown. What happens right after.")
    results = models.TextField(help_text="Markdown. Results: how often it helps and for how long.")
    recovery = models.TextField(help_text="Markdown. Recovery and aftercare.")
    questions_to_ask = models.TextField(help_text="Questions to ask your doctor, one per line.")
    conditions = models.ManyToManyField(
        Condition, blank=True, related_name="treatments", help_text="The conditions this treatment may help."
    )
    care_cards = models.ManyToManyField(CareCard, through="TreatmentCareCard", related_name="treatments")

    MARKDOWN_FIELDS = (
        "overview", "why_done", "who_should_not", "alternatives", "preparation",
        "before", "during", "after", "results", "recovery",
    )  # fmt: skip
    GLANCE_FIELDS = (
        "helps_with", "procedure_time", "sedation", "imaging", "home_same_day",
        "relief_starts", "relief_lasts", "back_to_normal",
    )  # fmt: skip

    class Meta(ReviewedEntry.Meta):
        pass

    def get_absolute_url(self):
        return reverse("treatments:treatment", kwargs={"slug": self.slug})

    def own_list_items(self):
        return [risk.description for risk in self.risks.all()]

    def own_header_lines(self):
        return [f"What it does: {self.plain_alias}", *[f"{label}: {value}" for label, value in self.at_a_glance]]

    def own_part_lines(self):
        lines = ["Risks:"]
        for risk in self.risks.all():
            how_often = f" ({risk.frequency})" if risk.frequency else ""
            lines.append(f"- {risk.description}{how_often} [{risk.band_info.label}; {risk.get_course_display()}]")
        return lines

    @property
    def first_sentence(self):
        return self.plain_alias

    @property
    def page_title(self):
        return f"{self.name}: {self.plain_alias}"

    @property
    def at_a_glance(self):
        """(label, value) pairs for the at-a-glance box and the comparison table."""
        facts = [(self._meta.get_field(name).verbose_name, getattr(self, name)) for name in self.GLANCE_FIELDS]
        return [*facts, (self._meta.get_field("invasiveness").verbose_name, self.get_invasiveness_display())]

    @property
    def main_risks(self):
        """The risks marked important, for 'At a glance': most often first."""
        return sorted((risk for risk in self.risks.all() if risk.important), key=lambda risk: risk_bands.ORDER[risk.band])

    @property
    def risk_groups(self):
        """[(band, [risks])] in band order, each band's heading taken from the band itself."""
        groups = {}
        for risk in self.risks.all():
            groups.setdefault(risk.band, []).append(risk)
        return [(risk_bands.BY_KEY[key], groups[key]) for key in sorted(groups, key=risk_bands.ORDER.get)]


class Risk(models.Model):
    """One risk of a treatment. The page files it under its band, so its heading always matches its words."""

    PASSES, LASTS = "passes", "lasts"
    COURSE_CHOICES = [(PASSES, gettext_lazy("Usually passes")), (LASTS, gettext_lazy("Can last, or may need more treatment"))]

    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="risks")
    description = models.CharField(max_length=300, help_text="The risk in plain words.")
    band = models.CharField(
        "How often",
        max_length=12,
        choices=risk_bands.BAND_CHOICES,
        help_text="The usual frequency band. The page groups risks by it.",
    )
    frequency = models.CharField(
        "How often, in numbers",
        max_length=80,
        blank=True,
        help_text="Only where a listed source gives it, as a natural frequency: 'about 2 in 100'. It must fit the band.",
    )
    course = models.CharField(
        "Passes or lasts", max_length=6, choices=COURSE_CHOICES, default=PASSES, help_text="Does it go away, or can it last?"
    )
    important = models.BooleanField(
        "Name it at a glance", default=False, help_text="Tick for the two to four risks a reader must know about first."
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers show first within a band.")

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return self.description

    def save(self, *args, **kwargs):
        _, problem = self.frequency_problem()
        if problem:  # the admin form says so first; nothing may store a label that disagrees with its words
            raise ValidationError(problem)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        field, problem = self.frequency_problem() if self.band else (None, None)
        if problem:
            raise ValidationError({field: problem[0].upper() + problem[1:] + "."})

    def frequency_problem(self):
        """(field, plain words) for the first language whose natural frequency does not fit the band, or (None, None)."""
        for code, _ in settings.LANGUAGES:
            field = f"frequency_{code}"
            problem = risk_bands.frequency_problem(self.band, getattr(self, field, None) or "")
            if problem:
                return field, problem
        return None, None

    @property
    def band_info(self):
        return risk_bands.BY_KEY[self.band]

    @property
    def lasts(self):
        return self.course == self.LASTS


class Source(models.Model):
    """A citation on a treatment or condition page: title, publisher, web address and the day it was checked."""

    title = models.CharField(max_length=300, help_text="The page's name as its publisher gives it.")
    publisher = models.CharField(max_length=120, blank=True, help_text="Who published it, for example 'NHS' or 'NICE'.")
    url = models.URLField("Web address", max_length=500, blank=True, help_text="The page's address, starting with https://.")
    checked = models.DateField("Link checked", null=True, blank=True, help_text="The day someone last opened the link.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["order", "id"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.url and url_problem(self.url):
            raise ValidationError({"url": url_problem(self.url)})

    @property
    def citation(self):
        return Citation(self.title, self.publisher, self.url, self.checked)

    @property
    def line(self):
        return ", ".join(part for part in (self.title, self.publisher, self.url, str(self.checked or "")) if part)


class TreatmentSource(Source):
    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="sources")


class ConditionSource(Source):
    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="sources")


class FrequentQuestion(models.Model):
    question = models.CharField(max_length=200, help_text="A question patients ask, in their words.")
    answer = models.TextField(help_text="Markdown. A short, plain answer.")
    answer_html = models.TextField(editable=False, default="")
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers show first.")

    class Meta:
        abstract = True
        ordering = ["order", "id"]

    def __str__(self):
        return self.question

    def save(self, *args, **kwargs):
        each_language(self, "answer", "answer_html", lambda answer: render_markdown(answer).html)
        super().save(*args, **kwargs)


class TreatmentQuestion(FrequentQuestion):
    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="faqs")


class ConditionQuestion(FrequentQuestion):
    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="faqs")


class TreatmentCareCard(models.Model):
    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE)
    card = models.ForeignKey(CareCard, on_delete=models.PROTECT, help_text="Pick a card, or add a new one with +.")

    class Meta:
        unique_together = [("treatment", "card")]

    def __str__(self):
        return str(self.card)


class ConditionCareCard(models.Model):
    condition = models.ForeignKey(Condition, on_delete=models.CASCADE)
    card = models.ForeignKey(CareCard, on_delete=models.PROTECT, help_text="Pick a card, or add a new one with +.")

    class Meta:
        unique_together = [("condition", "card")]

    def __str__(self):
        return str(self.card)


class StarterRecord(models.Model):
    """One row per starter entry this site has received (see `manage.py load_starter`).

    It lets a later release add its new entries and update the ones nobody
    touched, while an entry an admin edited or deleted is never overwritten or
    brought back.
    """

    CARD, CONDITION, TREATMENT = "card", "condition", "treatment"
    KIND_CHOICES = [(CARD, "Care card"), (CONDITION, "Condition"), (TREATMENT, "Treatment")]

    kind = models.CharField(max_length=10, choices=KIND_CHOICES)
    key = models.CharField(max_length=80, help_text="The entry's slug (a care card's key) in the starter files.")
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    applied_hash = models.CharField(max_length=64, blank=True, help_text="Which version of the starter text was applied.")
    edited = models.BooleanField(default=False, help_text="An admin changed or deleted it, so load_starter leaves it alone.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="one_starter_record_per_entry")]

    def __str__(self):
        return f"{self.kind} {self.key}"

    @classmethod
    def mark_edited(cls, obj):
        kind = {CareCard: cls.CARD, Condition: cls.CONDITION, Treatment: cls.TREATMENT}.get(type(obj))
        if kind and obj.pk:
            cls.objects.filter(kind=kind, object_id=obj.pk).update(edited=True)
