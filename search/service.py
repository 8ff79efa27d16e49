"""Search as a patient experiences it: synonyms, typo correction, ranking, snippets and paging."""

import html
import re
from dataclasses import dataclass, field

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.models import SiteState
from treatments.models import Condition, Treatment

from .backends import backend
from .models import SearchDocument, Synonym
from .query import fold, make_plan, with_corrections, words_of
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


# Kinds of page a reader may ask for by name; an article is named by its title up to a colon.
NAMED_KINDS = (SearchDocument.TREATMENT, SearchDocument.CONDITION, SearchDocument.ARTICLE)


def _name_of(kind, title):
    """The words a page is known by: an entry's name, or an article's title up to its colon ("Your procedure day")."""
    name = title.split(":")[0] if kind == SearchDocument.ARTICLE else title
    return fold(" ".join(words_of(name)))


def _key(phrase):
    """A synonym's words as the query's are compared with them: accents optional ("inyeccion" is "inyección")."""
    return tuple(fold(word) for word in words_of(phrase))


def _entry_synonyms(language):
    """Other names and plain aliases of treatments and conditions, in the language, point at the entry's name."""
    mapping = {}
    with translation.override(language):
        for model in (Treatment, Condition):
            for entry in model.objects.published():
                if not entry.name:
                    continue  # not yet in this language
                aliases = entry.other_name_list + ([entry.plain_alias] if model is Treatment and entry.plain_alias else [])
                for alias in aliases:
                    mapping.setdefault(_key(alias), []).append(words_of(entry.name))
    return mapping


def _build_language(language):
    synonyms = {_key(s.phrase): [words_of(t) for t in s.targets] for s in Synonym.objects.filter(language=language)}
    for key, targets in _entry_synonyms(language).items():
        synonyms.setdefault(key, []).extend(target for target in targets if target not in synonyms.get(key, []))
    vocabulary, written, names = {}, {}, {}
    documents = SearchDocument.objects.filter(language=language).values_list("pk", "kind", "title", "aliases", "visible_from")
    for pk, kind, title, aliases, visible_from in documents:
        if kind in NAMED_KINDS:
            names.setdefault(_name_of(kind, title), []).append((kind == SearchDocument.ARTICLE, pk, visible_from))
        for word in words_of(f"{title} {aliases}"):
            vocabulary[fold(word)] = vocabulary.get(fold(word), 0) + 3
            if word != fold(word):
                written.setdefault(fold(word), word)  # the accented form, as the page spells it
    for phrase, targets in synonyms.items():
        for word in list(phrase) + [fold(w) for target in targets for w in target]:
            vocabulary[word] = vocabulary.get(word, 0) + 1
    return {"synonyms": synonyms, "speller": Speller(vocabulary, written), "names": names}


_language = {}


def _language_data(code):
    """Synonyms, Speller and page names for one language and the current content version, built once per
    process and version: the same for every query, and at 10,000 pages too slow to read per query."""
    version = SiteState.version()
    cached = _language.get(code)
    if not cached or cached["version"] != version:
        cached = _language[code] = {"version": version, **_build_language(code)}
    return cached


def language(code="en"):
    """(synonyms, Speller) for one language and the current content version."""
    cached = _language_data(code)
    return cached["synonyms"], cached["speller"]


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
    ids, total = backend().search(plan, today, PAGE_SIZE, (page - 1) * PAGE_SIZE, plan.language)
    by_id = SearchDocument.objects.in_bulk(ids)
    words = plan.highlight_words()
    results = [_result(by_id[pk], words) for pk in ids if pk in by_id]
    return results, total


def _corrections(plan, speller):
    today = timezone.localdate()
    corrections = {}
    for word in plan.words:
        if fold(word) in speller:
            continue
        suggestion = speller.suggest(fold(word))
        if suggestion and fold(suggestion) != fold(word) and not backend().has_hits(word, today, plan.language):
            corrections[word] = suggestion
    return corrections


def _definitions(plan):
    """For "what does X mean": the glossary's definition of X."""
    wanted = set(plan.words)
    if not plan.wants_definition or not wanted:
        return []
    definitions = [
        doc for doc in SearchDocument.objects.filter(kind=SearchDocument.GLOSSARY, language=plan.language)
        if {fold(word) for word in wanted} <= {fold(word) for word in words_of(f"{doc.title} {doc.aliases}")}
    ]  # fmt: skip
    return sorted(definitions, key=lambda doc: len(doc.title))[:2]


def _named_pages(plan, synonyms, pages):
    """Visible pages named exactly what was typed, or what the whole of what was typed stands for.

    A synonym for only part of the query does not count: "epidural steroid injections" names the
    epidural page, even though "injections" alone stands for nerve blocks. Treatments and conditions
    come before an article of the same name.
    """
    typed = [_key(plan.text), tuple(fold(word) for word in plan.words)]
    wanted = [" ".join(key) for key in typed] + [
        " ".join(fold(w) for w in target) for key in typed for target in synonyms.get(key, [])
    ]
    today = timezone.localdate()
    named = {page for name in set(wanted) if name for page in pages.get(name, [])}
    return [pk for _is_article, pk, visible_from in sorted(named) if visible_from and visible_from <= today]


def _pinned_first(plan, results, synonyms, names):
    """The answers a reader plainly asked for lead the first page, whatever the ranking says."""
    pinned = [doc.pk for doc in _definitions(plan)] + _named_pages(plan, synonyms, names)
    if not pinned:
        return results
    by_id = SearchDocument.objects.in_bulk(pinned)
    first = [_result(by_id[pk], plan.highlight_words()) for pk in pinned if pk in by_id]
    urls = {result.url for result in first}
    return first + [result for result in results if result.url not in urls]


def search(raw, page=1, language_code=None):
    """Search published content in a language (the active one). Raises query.QueryRejected for input that must be refused."""
    code = language_code or translation.get_language() or "en"
    data = _language_data(code)
    synonyms, speller = data["synonyms"], data["speller"]
    plan = make_plan(raw, synonyms, code)
    result = SearchPage(query=plan.text, page=page)
    if plan.empty:
        return result
    corrections = _corrections(plan, speller)
    corrected_plan = with_corrections(plan, corrections, synonyms) if corrections else None
    if corrected_plan:
        result.corrected = corrected_plan.text
    result.results, result.total = _run(plan, page)
    if not result.total and corrected_plan:
        result.results, result.total = _run(corrected_plan, page)
        result.showing_corrected = bool(result.total)
    if page == 1:
        shown_plan = corrected_plan if result.showing_corrected else plan
        result.results = _pinned_first(shown_plan, result.results, synonyms, data["names"])[:PAGE_SIZE]
        result.total = max(result.total, len(result.results))
    return result
