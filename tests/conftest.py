import textwrap
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
PROJECT = Path(__file__).parent.parent


def article_text(title="A test article", summary="A short summary.", published="2024-01-15", body=None, **fields):
    """Front matter and body for one article; extra fields are written as YAML lines."""
    lines = ["---", f'title: "{title}"', f'summary: "{summary}"', f"published: {published}"]
    for key, value in fields.items():
        lines.append(f"{key}: {value}")
    lines.append("---")
    body = (
        body
        if body is not None
        else "## Hello\n\nThe doctor puts a thin needle near the nerve. Most people go home the same day."
    )
    return "\n".join(lines) + "\n" + textwrap.dedent(body).strip() + "\n"


class ContentFolder:
    """A throwaway CONTENT_DIR that tests write articles into."""

    def __init__(self, root):
        self.root = root
        self.articles = root / "articles"
        self.articles.mkdir(parents=True)
        (root / "images").mkdir()

    def write(self, slug, text=None, **fields):
        path = self.articles / f"{slug}.md"
        path.write_text(text if text is not None else article_text(**fields), encoding="utf-8")
        return path

    def write_bytes(self, name, raw):
        path = self.articles / name
        path.write_bytes(raw)
        return path

    def remove(self, slug):
        (self.articles / f"{slug}.md").unlink()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test's database starts at the same content version, so cached pages must not leak between tests."""
    from django.core.cache import cache

    from search import service
    from treatments import linking

    def clear():
        cache.clear()
        linking._vocabularies.clear()
        service._language.clear()

    clear()
    yield
    clear()


@pytest.fixture
def content(tmp_path, settings):
    folder = ContentFolder(tmp_path / "content")
    settings.CONTENT_DIR = folder.root
    return folder


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user("editor", password="a-long-test-password", is_staff=True)
