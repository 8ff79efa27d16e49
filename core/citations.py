"""Sources as real citations: a title, a publisher, a web address and the day someone last checked it.

Articles list them in front matter and treatments and conditions in the admin;
both come through `read_citation`, so a page always shows them the same way.
An old plain-text source ("NHS: Sciatica (nhs.uk)") is still read, as a title
alone, and staff are told how to write it in full.
"""

import datetime
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

TITLE_MAX = 300
PUBLISHER_MAX = 120
URL_MAX = 500
KEYS = ("title", "publisher", "url", "checked")
OLD_STYLE = (
    "this source is plain text; write it as a citation with 'title', 'publisher', 'url' and 'checked' "
    "(the date you last opened the link)"
)


@dataclass(frozen=True)
class Citation:
    title: str
    publisher: str = ""
    url: str = ""
    checked: datetime.date | None = None

    def as_json(self):
        data = asdict(self)
        data["checked"] = self.checked.isoformat() if self.checked else None
        return data

    @classmethod
    def from_json(cls, data):
        if isinstance(data, str):  # stored before sources were citations
            return cls(title=data)
        checked = data.get("checked")
        return cls(
            title=data.get("title", ""),
            publisher=data.get("publisher", ""),
            url=data.get("url", ""),
            checked=datetime.date.fromisoformat(checked) if checked else None,
        )


def url_problem(url):
    """Why a source's address cannot be linked, or None."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or any(char.isspace() for char in url):
        return f"'{url}' is not a web address; it must start with https:// (or http://)"
    return None


def read_citation(value):
    """(Citation or None, [(level, message)]) for one item of a `sources` list."""
    if isinstance(value, str):
        title = " ".join(value.split())
        if not title:
            return None, [("error", "a source is empty")]
        if len(title) > TITLE_MAX:
            return None, [("error", f"a source is longer than {TITLE_MAX} characters")]
        return Citation(title=title), [("warning", OLD_STYLE)]
    if not isinstance(value, dict):
        return None, [("error", "each source must be a citation with 'title', 'publisher', 'url' and 'checked'")]
    problems = [("warning", f"unknown key '{key}' in a source is ignored") for key in value if key not in KEYS]
    texts = {}
    for key, limit in (("title", TITLE_MAX), ("publisher", PUBLISHER_MAX), ("url", URL_MAX)):
        raw = value.get(key)
        if raw is not None and not isinstance(raw, str):
            return None, [("error", f"a source's '{key}' must be text")]
        texts[key] = " ".join((raw or "").split())
        if len(texts[key]) > limit:
            return None, [("error", f"a source's '{key}' is longer than {limit} characters")]
    if not texts["title"]:
        return None, [("error", "every source needs a 'title': the page's name as its publisher gives it")]
    checked = value.get("checked")
    if checked is not None and not (isinstance(checked, datetime.date) and not isinstance(checked, datetime.datetime)):
        return None, [("error", f"the source '{texts['title']}' has a 'checked' that is not a date written YYYY-MM-DD")]
    if texts["url"] and url_problem(texts["url"]):
        return None, [("error", f"the source '{texts['title']}': {url_problem(texts['url'])}")]
    for key, why in (("publisher", "who published it"), ("url", "its web address"), ("checked", "the day you checked it")):
        if not texts.get(key) and not (key == "checked" and checked):
            problems.append(("warning", f"the source '{texts['title']}' has no '{key}' ({why})"))
    return Citation(texts["title"], texts["publisher"], texts["url"], checked), problems
