"""The house's layout holds: each app imports only from the rooms below it, so there is no import circle.

core: site-wide plumbing, imports no app. rendering and pictures sit below the content apps (articles,
treatments, glossary), which do not import one another. search, seo, reviews and feedback sit above them,
the public pages above those, and the staff's editorial tools at the top.
"""

import ast

from tests.conftest import PROJECT

LAYER = {
    "core": 0,
    "rendering": 1,
    "pictures": 2,
    "articles": 3,
    "treatments": 3,
    "glossary": 3,
    "search": 4,
    "seo": 4,
    "reviews": 4,
    "feedback": 4,
    "pages": 5,
    "editorial": 6,
    "pain_site": 7,
}


def imported_apps(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in LAYER:
                yield top, node.lineno


def modules():
    for app in LAYER:
        for path in sorted((PROJECT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield app, path


def test_each_module_imports_only_from_the_rooms_below_its_own():
    wrong = [
        f"{path.relative_to(PROJECT)}:{line} imports {other}"
        for app, path in modules()
        for other, line in imported_apps(path)
        if other != app and LAYER[other] >= LAYER[app]
    ]
    assert wrong == []


def test_the_check_sees_a_wrong_way_import(tmp_path):
    upward = tmp_path / "upward.py"
    upward.write_text("from pages.linking import page_annotator\nimport core.models\n")
    assert list(imported_apps(upward)) == [("pages", 1), ("core", 2)]
