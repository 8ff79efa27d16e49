import pytest

from articles.sync import sync_content
from tests.conftest import PROJECT


@pytest.fixture
def shipped_site(db, settings):
    """The real content, synced and indexed, with the starter treatments and conditions."""
    settings.CONTENT_DIR = PROJECT / "content"
    sync_content()
