"""Search, synonyms and the glossary in Spanish: the reader's language only, accents optional, Spanish stems."""

from pathlib import Path

import pytest

from articles.checks import check_content
from articles.sync import sync_content
from search.models import MissedSearch, SearchDocument
from search.service import search
from search.spelling import Speller

CASES = [
    tuple(line.split("\t"))
    for line in (Path(__file__).parent / "relevance_es.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


def urls(query, language="es"):
    return [result.url for result in search(query, language_code=language).results]


def test_the_spanish_relevance_set_is_large_enough():
    assert len(CASES) >= 25


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[query for query, _ in CASES])
def test_spanish_query_finds_the_right_page_in_the_top_three(shipped_site, query, expected):
    assert expected in urls(query)[:3], urls(query)[:3]


def test_spanish_search_finds_only_spanish_pages_and_english_only_english(shipped_site):
    assert all(url.startswith("/es/") for url in urls("dolor"))
    assert urls("dolor")  # Spanish has pages about pain
    assert not any(url.startswith("/es/") for url in urls("pain", "en"))


@pytest.mark.parametrize("typed", ["cirugía de espalda fallida", "cirugia de espalda fallida", "CIRUGIA DE ESPALDA FALLIDA"])
def test_accents_and_capitals_do_not_change_what_is_found(shipped_site, typed):
    assert urls(typed)[0] == "/es/afecciones/pain-after-spine-surgery/"


def test_spanish_word_forms_find_each_other(shipped_site):
    """Spanish stems: the plural 'inyecciones' and the singular 'inyección' are the same word to a search."""
    assert set(urls("inyecciones epidurales")[:3]) & set(urls("inyección epidural")[:3])


def test_a_spanish_typo_is_corrected_with_its_accents(shipped_site):
    page = search("estimulacoin", language_code="es")
    assert page.corrected == "estimulación"
    assert page.results and page.results[0].url.startswith("/es/")


def test_the_spanish_search_page_speaks_spanish(client, shipped_site):
    html = client.get("/es/buscar/?q=ci%C3%A1tica").content.decode()
    assert '<html lang="es"' in html
    assert 'href="/es/afecciones/sciatica-and-radiculopathy/"' in html


def test_nothing_found_in_spanish_is_recorded_as_a_spanish_search(client, shipped_site):
    client.get("/es/buscar/?q=qwxzv")
    client.get("/search/?q=qwxzv")
    assert sorted(MissedSearch.objects.values_list("language", "query", "count")) == [("en", "qwxzv", 1), ("es", "qwxzv", 1)]


def test_spanish_glossary_page_lists_spanish_terms_with_enye_after_n(client, shipped_site):
    html = client.get("/es/glosario/").content.decode()
    assert 'id="term-sedacion"' in html and "Medicamento que le ayuda a relajarse" in html
    assert "Medicine that" not in html
    letters = html[html.index('class="az"') :]
    assert letters.index(">N<") < letters.index(">Ñ<") < letters.index(">O<")


def test_english_glossary_keeps_english_terms(client, shipped_site):
    html = client.get("/glossary/").content.decode()
    assert 'id="term-sedation"' in html and 'id="term-sedacion"' not in html


def test_spanish_pages_define_spanish_words_and_link_the_spanish_glossary(client, shipped_site):
    html = client.get("/es/articulos/el-dia-de-su-procedimiento/").content.decode()
    assert 'class="glossary-link"' in html and 'href="/es/glosario/#term-' in html
    assert "(ver definición)" in html
    assert 'href="/glossary/#term-' not in html


def test_glossary_and_synonyms_are_indexed_per_language(shipped_site):
    spanish_terms = SearchDocument.objects.filter(kind=SearchDocument.GLOSSARY, language="es")
    assert spanish_terms.filter(title="sedación", url="/es/glosario/#term-sedacion").exists()
    assert not SearchDocument.objects.filter(kind=SearchDocument.GLOSSARY, language="en", title="sedación").exists()


def test_what_does_a_word_mean_in_spanish_gives_the_definition_first(shipped_site):
    assert urls("¿qué significa sedación?")[0] == "/es/glosario/#term-sedacion"


def test_spanish_data_file_problems_name_the_spanish_file_and_line(db, content):
    (content.root / "es").mkdir()
    (content.root / "es" / "synonyms.yml").write_text("nervio pinchado: [ciática]\ninyección: 5\n", encoding="utf-8")
    (content.root / "es" / "glossary.yml").write_text("sedación:\n  definición: falta la clave\n", encoding="utf-8")
    problems = {(p.path, p.line) for p in check_content().problems if p.is_error}
    assert ("es/synonyms.yml", 2) in problems and ("es/glossary.yml", 1) in problems


def test_a_broken_spanish_glossary_keeps_the_last_good_one_and_leaves_english_alone(db, content):
    (content.root / "glossary.yml").write_text("sedation:\n  definition: Medicine that relaxes you.\n")
    (content.root / "es").mkdir()
    spanish = content.root / "es" / "glossary.yml"
    spanish.write_text("sedación:\n  definition: Medicamento que le relaja.\n", encoding="utf-8")
    sync_content()
    spanish.write_text("sedación: [\n", encoding="utf-8")
    report = sync_content()
    assert [problem.path for problem in report.failed] == ["es/glossary.yml"]
    terms = SearchDocument.objects.filter(kind=SearchDocument.GLOSSARY)
    assert sorted(terms.values_list("language", "title")) == [("en", "sedation"), ("es", "sedación")]


def test_speller_suggests_the_written_form():
    speller = Speller({"cirugia": 3, "columna": 2}, written={"cirugia": "cirugía"})
    assert speller.suggest("cirujia") == "cirugía"
    assert speller.suggest("columan") == "columna"
    assert speller.suggest("cirugia") is None
