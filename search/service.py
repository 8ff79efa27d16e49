"""Search as a patient experiences it: synonyms, typo correction, ranking, snippets and paging."""

import html
import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import SiteState
from treatments.models import Condition, Treatment

from .backends import backend
from .models import SearchDocument, Synonym
from .query import make_plan, with_corrections, words_of
from .spelling import Speller

PAGE_SIZE = 10
SNIPPET_WORDS = 32
# What each result is, in the reader's language (shown lowercase above its title).
KIND_LABELS = {
    SearchDocument.TREATMENT: _("treatment"),
    SearchDocument.CONDITION: _("condition"),
    SearchDocument.ARTICLE: _("article"),
    SearchDocument.GLOSSARY: _("glossary"),
}


@dataclass
class Result:
    kind: str
    title: str
    url: str
    snippet: str  # safe HTML: escaped text with <mark> around matched words
    title_html: str

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass
class SearchPage:
    query: str
    results: list = field(default_factory=list)
    total: int = 0
    page: int = 1
    corrected: str = ""  # "Did you mean ...?"
    showing_corrected: bool = False  # no results for the query itself; results are for `corrected`

    @property
    def first_number(self):
        return (self.page - 1) * PAGE_SIZE + 1

    @property
    def pages(self):
        return max(1, -(-self.total // PAGE_SIZE))


def _entry_synonyms():
    """Other names and plain aliases of treatments and conditions point at the entry's name."""
    mapping = {}
    for model in (Treatment, Condition):
        for entry in model.objects.published().only("name", "other_names", *(["plain_alias"] if model is Treatment else [])):
            for alias in entry.other_name_list + ([entry.plain_alias] if model is Treatment else []):
                mapping.setdefault(tuple(words_of(alias)), []).append(words_of(entry.name))
    return mapping


def _build_language():
    synonyms = {tuple(words_of(s.phrase)): [words_of(t) for t in s.targets] for s in Synonym.objects.all()}
    for key, targets in _entry_synonyms().items():
        synonyms.setdefault(key, []).extend(target for target in targets if target not in synonyms.get(key, []))
    vocabulary = {}
    for title, aliases in SearchDocument.objects.values_list("title", "aliases"):
        for word in words_of(f"{title} {aliases}"):
            vocabulary[word] = vocabulary.get(word, 0) + 3
    for phrase, targets in synonyms.items():
        for word in list(phrase) + [w for target in targets for w in target]:
            vocabulary[word] = vocabulary.get(word, 0) + 1
    return synonyms, vocabulary


_language = {}


def language():
    """(synonyms, Speller) for the current content version, built once per process and version."""
    version = SiteState.version()
    if _language.get("version") != version:
        synonyms, vocabulary = _build_language()
        _language.update(version=version, synonyms=synonyms, speller=Speller(vocabulary))
    return _language["synonyms"], _language["speller"]


def _stem(word):
    """A crude stem for highlighting: "injections" and "injection" both mark "inject..."."""
    return word[: max(4, len(word) - 2)]


def _highlight(text, words):
    """Escape `text`, then mark whole words that start with a query word's stem."""
    escaped = html.escape(text)
    stems = sorted(
        {re.escape(html.escape(word[: max(4, len(word) - 2)])) for word in words if len(word) >= 3}, key=len, reverse=True
    )
    if not stems:
        return escaped
    alternatives = "|".join(sorted(stems, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w])((?:{alternatives})[\w'’-]*)", re.IGNORECASE)
    return pattern.sub(r"<mark>\1</mark>", escaped)


def _snippet(doc, words):
    """About SNIPPET_WORDS words from a little before the first matched word (a body runs to thousands)."""
    tokens = f"{doc.summary} {doc.body}".split()
    stems = tuple(_stem(word) for word in words if len(word) >= 3)
    start = next((i for i, token in enumerate(tokens) if token.lower().lstrip("(\"'").startswith(stems)), 0)
    start = max(0, start - 8)
    window = " ".join(tokens[start : start + SNIPPET_WORDS])
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_WORDS < len(tokens) else ""
    return prefix + _highlight(window, words) + suffix


def _result(doc, words):
    return Result(
        kind=doc.kind, title=doc.title, url=doc.url, snippet=_snippet(doc, words), title_html=_highlight(doc.title, words)
    )


def _run(plan, page):
    today = timezone.localdate()
    ids, total = backend().search(plan, today, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    by_id = SearchDocument.objects.in_bulk(ids)
    words = plan.highlight_words()
    results = [_result(by_id[pk], words) for pk in ids if pk in by_id]
    return results, total


def _corrections(plan, speller):
    today = timezone.localdate()
    corrections = {}
    for word in plan.words:
        if word in speller:
            continue
        suggestion = speller.suggest(word)
        if suggestion and suggestion != word and not backend().has_hits(word, today):
            corrections[word] = suggestion
    return corrections


def _definitions(plan):
    """For "what does X mean": the glossary's definition of X."""
    wanted = set(plan.words)
    if not plan.wants_definition or not wanted:
        return []
    definitions = [
        doc for doc in SearchDocument.objects.filter(kind=SearchDocument.GLOSSARY)
        if wanted <= set(words_of(f"{doc.title} {doc.aliases}"))
    ]  # fmt: skip
    return sorted(definitions, key=lambda doc: len(doc.title))[:2]


def _named_pages(plan):
    """A treatment or condition whose name is exactly what was typed, or what a synonym said it means."""
    names = [" ".join(plan.words), *(" ".join(phrase) for phrase in plan.phrases)]
    candidates = SearchDocument.objects.filter(kind__in=(SearchDocument.TREATMENT, SearchDocument.CONDITION))
    wanted = {name for name in names if name}
    return [doc for doc in candidates.only("title") if " ".join(words_of(doc.title)) in wanted]


def _pinned_first(plan, results):
    """The answers a reader plainly asked for lead the first page, whatever the ranking says."""
    pinned = _definitions(plan) + _named_pages(plan)
    if not pinned:
        return results
    by_id = SearchDocument.objects.in_bulk([doc.pk for doc in pinned])
    first = [_result(by_id[doc.pk], plan.highlight_words()) for doc in pinned]
    urls = {result.url for result in first}
    return first + [result for result in results if result.url not in urls]


def search(raw, page=1):
    """Search published content. Raises query.QueryRejected for input that must be refused (400)."""
    synonyms, speller = language()
    plan = make_plan(raw, synonyms)
    result = SearchPage(query=plan.text, page=page)
    if plan.empty:
        return result
    corrections = _corrections(plan, speller)
    corrected_plan = with_corrections(plan, corrections, synonyms) if corrections else None
    if corrected_plan:
        result.corrected = corrected_plan.text
    result.results, result.total = _run(plan, page)
    if page == 1:
        result.results = _pinned_first(plan, result.results)[:PAGE_SIZE]
        result.total = max(result.total, len(result.results))
    if not result.total and corrected_plan:
        result.results, result.total = _run(corrected_plan, page)
        result.showing_corrected = bool(result.total)
    return result
