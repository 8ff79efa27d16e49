"""The search page: results, snippets, paging, corrections, the no-results page and hostile input."""

import json
import re
from urllib.parse import quote

import pytest
from django.core.management import call_command

from articles.sync import sync_content
from search.models import SearchDocument
from search.service import search
from tests.conftest import CORPUS
from tests.treatments.conftest import make_treatment

pytestmark = pytest.mark.django_db
QUERIES = [json.loads(line) for line in (CORPUS / "search" / "queries.jsonl").read_text().splitlines() if line]


def results(html):
    block = html[html.index('id="search-results"') : html.index("</ol>", html.index('id="search-results"'))]
    return re.findall(r'<h2><a href="([^"]+)">', block)


def test_results_sit_in_search_results_each_a_link_with_kind_and_snippet(client, shipped_site):
    html = client.get("/search/?q=sciatica").content.decode()
    links = results(html)
    assert links[0] == "/conditions/sciatica-and-radiculopathy/"
    first = html[html.index('id="search-results"') :]
    assert '<span class="result-kind">condition</span>' in first
    assert "<mark>Sciatica</mark>" in first


def test_snippet_highlights_are_escaped(client, content):
    content.write("html-words", title="Tags", body="Never type <b>sciatica</b> in HTML. Sciatica is leg pain.")
    sync_content()
    html = client.get("/search/?q=sciatica").content.decode()
    assert "<b>" not in html[html.index('id="search-results"') :]
    assert "&lt;b&gt;<mark>sciatica</mark>&lt;/b&gt;" in html or "<mark>Sciatica</mark>" in html


def test_paging_shows_ten_a_page(client, content):
    for number in range(13):
        content.write(f"okapi-{number}", title=f"Okapi story {number}", body="An okapi story.")
    sync_content()
    first = client.get("/search/?q=okapi").content.decode()
    assert len(results(first)) == 10 and "Page 1 of 2" in first
    second = client.get("/search/?q=okapi&page=2").content.decode()
    assert len(results(second)) == 3 and 'start="11"' in second
    assert client.get("/search/?q=okapi&page=abc").status_code == 200


def test_misspelling_offers_did_you_mean_and_shows_corrected_results(client, shipped_site):
    html = client.get("/search/?q=siatica").content.decode()
    assert "Showing results for <strong>sciatica</strong> instead" in html
    assert results(html)[0] == "/conditions/sciatica-and-radiculopathy/"


def test_did_you_mean_link_when_the_query_also_found_something(shipped_site):
    page = search("stimulater pain")
    assert page.corrected == "stimulator pain" and not page.showing_corrected


def test_nothing_found_is_a_helpful_page(client, shipped_site):
    html = client.get("/search/?q=qwxzv").content.decode()
    assert "We found nothing for “qwxzv”" in html
    assert 'href="/conditions/sciatica-and-radiculopathy/"' in html and 'href="/treatments/nerve-blocks/"' in html
    assert "Call the clinic" in html


def test_drafts_and_future_articles_are_not_found(client, content):
    content.write("secret", title="Zebrafish draft", draft="true")
    content.write("later", title="Zebrafish later", published="2999-01-01")
    sync_content()
    assert results(client.get("/search/?q=zebrafish").content.decode()) == []


def test_sync_updates_and_removes_documents(content):
    content.write("one", title="Okapi facts")
    sync_content()
    assert [r.url for r in search("okapi").results] == ["/articles/one/"]
    content.write("one", title="Giraffe facts")
    sync_content()
    assert search("okapi").results == [] and len(search("giraffe").results) == 1
    content.remove("one")
    sync_content()
    assert search("giraffe").results == []


def test_admin_save_updates_the_index(db):
    treatment = make_treatment(slug="cryo-test", name="Cryoneurolysis test")
    assert search("cryoneurolysis").results[0].url == "/treatments/cryo-test/"
    treatment.name = "Freezing therapy test"
    treatment.save()
    assert search("cryoneurolysis").results == [] and search("freezing").results[0].url == "/treatments/cryo-test/"
    treatment.delete()
    assert search("freezing").results == []


def test_rebuild_command_restores_the_index(shipped_site, capsys):
    SearchDocument.objects.all().delete()
    assert search("sciatica").results == []
    call_command("rebuild_search_index")
    assert "Indexed" in capsys.readouterr().out
    assert search("sciatica").results[0].url == "/conditions/sciatica-and-radiculopathy/"


def test_synonyms_file_problems_are_reported(content):
    from articles.checks import check_content

    (content.root / "synonyms.yml").write_text("pinched nerve: 5\n")
    problem = next(p for p in check_content().problems if p.path == "synonyms.yml")
    assert problem.is_error and problem.line == 1


def _get(client, query):
    encoded = quote(query.encode("utf-8", "surrogatepass"), safe="")
    return client.get("/search/?q=" + encoded)


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
def test_hostile_queries_answer_200_or_400_and_never_reflect_markup(client, shipped_site, query):
    response = _get(client, query)
    html = response.content.decode()
    if "\x00" in query:
        assert response.status_code == 400
        assert "We could not search for that" in html
    else:
        assert response.status_code == 200
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "Set-Cookie: x" not in str(response.headers) and "49" not in re.findall(r"<h1>.*?</h1>", html, re.S)[0]
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert len(heading) < 400


@pytest.mark.parametrize(
    "query", ["NEAR(pain fever)", '"pain', "pain*", "pain OR fever", "pain AND NOT fever", "pain & !fever", "💊 pain"]
)
def test_full_text_operator_syntax_is_treated_as_words(client, shipped_site, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert results(response.content.decode())
