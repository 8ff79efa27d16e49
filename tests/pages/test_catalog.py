"""Every word the site itself says is marked for translation and has its Spanish in locale/es.

The templates and the Python modules that put text in front of readers are read with regular
expressions (GNU gettext's makemessages cannot run here), and each msgid found must have a
non-empty Spanish msgstr in the catalog; the catalog must compile and the key strings must
come out in Spanish.
"""

import ast
import re
import shutil
from gettext import GNUTranslations

import pytest
from babel.messages.pofile import read_po
from django.core.management import call_command
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import translation

from tests.conftest import PROJECT

CATALOG = PROJECT / "locale" / "es" / "LC_MESSAGES" / "django.po"
STAFF_ONLY = ("admin", "editorial")
PYTHON_MODULES = (
    "treatments/models.py",
    "treatments/risk_bands.py",
    "seo/views.py",
    "feedback/views.py",
    "search/views.py",
    "search/service.py",
    "search/query.py",
    "search/opensearch.py",
    "core/views.py",
    "pages/cards.py",
)

_STRING = r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\''
TRANSLATE_TAG = re.compile(r"\{%\s*(?:translate|trans)\s+(?:" + _STRING + r")")
UNDERSCORE_ARG = re.compile(r"(?<![\w.])_\(\s*(?:" + _STRING + r")\s*\)")  # filter arguments: |date:_("F j, Y")
BLOCK = re.compile(r"\{%\s*blocktrans(?:late)?\b(.*?)%\}(.*?)\{%\s*endblocktrans(?:late)?\s*%\}", re.DOTALL)
PLURAL = re.compile(r"\{%\s*plural\s*%\}")
VARIABLE = re.compile(r"\{\{\s*(\w+)\s*\}\}")
PYTHON_CALL = re.compile(r"(?<![\w.])(?:_|gettext_lazy|gettext)\(\s*(" + r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'' + r")\s*[,)]")


def public_templates():
    root = PROJECT / "templates"
    return [path for path in sorted(root.rglob("*.html")) if path.relative_to(root).parts[0] not in STAFF_ONLY]


def _literal(match):
    double, single = match.group(1), match.group(2)
    return double if double is not None else single


def _block_msgid(text, trimmed):
    """A blocktranslate body as Django looks it up: `%` doubled, `{{ name }}` as `%(name)s`, trimmed if asked."""
    text = VARIABLE.sub(r"%(\1)s", text.replace("%", "%%"))
    return re.sub(r"\s*\n\s*", " ", text.strip()) if trimmed else text


def template_msgids(text):
    """(msgid, plural or None) for every string a template marks."""
    found = []
    for match in TRANSLATE_TAG.finditer(text):
        found.append((_literal(match).replace("%", "%%"), None))  # the translate tag doubles % too
    for match in UNDERSCORE_ARG.finditer(text):
        found.append((_literal(match).replace("%", "%%"), None))
    for match in BLOCK.finditer(text):
        options, body = match.groups()
        trimmed = re.search(r"\btrimmed\b", options) is not None
        parts = PLURAL.split(body)
        singular = _block_msgid(parts[0], trimmed)
        plural = _block_msgid(parts[1], trimmed) if len(parts) > 1 else None
        found.append((singular, plural))
    return found


def python_msgids(text):
    return [(ast.literal_eval(match.group(1)), None) for match in PYTHON_CALL.finditer(text)]


def marked_strings():
    """{(msgid, plural): where} for every public template and reader-facing Python module."""
    marked = {}
    for path in public_templates():
        for key in template_msgids(path.read_text(encoding="utf-8")):
            marked.setdefault(key, str(path.relative_to(PROJECT)))
    for name in PYTHON_MODULES:
        for key in python_msgids((PROJECT / name).read_text(encoding="utf-8")):
            marked.setdefault(key, name)
    return marked


def spanish_catalog():
    with open(CATALOG, "rb") as handle:
        catalog = read_po(handle, locale="es", abort_invalid=True)
    return {message.id: message.string for message in catalog if message.id}


def test_the_scanner_reads_each_way_of_marking_a_string():
    template = """{% translate "Home" %}{% translate 'Yes' as yes %}{{ day|date:_("F j, Y") }}
    {% blocktranslate trimmed with number=EMERGENCY_NUMBER %}
      In an emergency, call {{ number }}.
    {% endblocktranslate %}
    {% blocktranslate count total=n %}{{ total }} result{% plural %}{{ total }} results{% endblocktranslate %}
    {% translate "Zoom to 200%." %}"""
    assert template_msgids(template) == [
        ("Home", None),
        ("Yes", None),
        ("Zoom to 200%%.", None),
        ("F j, Y", None),
        ("In an emergency, call %(number)s.", None),
        ("%(total)s result", "%(total)s results"),
    ]
    python = 'x = _("Rare")\ny = gettext_lazy("Common")\nz = gettext("Call %(number)s now", )\nw = my_("no")\nv = _(\'Single\')'
    assert python_msgids(python) == [("Rare", None), ("Common", None), ("Call %(number)s now", None), ("Single", None)]


def test_every_marked_string_has_its_spanish():
    marked = marked_strings()
    assert len(marked) > 150  # the scanner is finding the site's words, not silently nothing
    catalog = spanish_catalog()
    missing = []
    for (msgid, plural), where in sorted(marked.items()):
        if plural is None:
            spanish = catalog.get(msgid)
            ok = isinstance(spanish, str) and spanish.strip()
        else:
            spanish = catalog.get((msgid, plural))
            ok = isinstance(spanish, tuple) and len(spanish) == 2 and all(form.strip() for form in spanish)
        if not ok:
            missing.append(f"{where}: {msgid!r}")
    assert missing == []


def test_every_public_template_that_marks_strings_loads_i18n():
    missing = []
    for path in public_templates():
        text = path.read_text(encoding="utf-8")
        if template_msgids(text) and not re.search(r"\{%\s*load\s[^%]*\bi18n\b", text):
            missing.append(str(path.relative_to(PROJECT)))
    assert missing == []


def test_spanish_keeps_every_placeholder_of_the_english():
    placeholder = re.compile(r"%\(\w+\)s|<[^>]+>")
    wrong = []
    for msgid, spanish in spanish_catalog().items():
        pairs = zip(msgid, spanish, strict=True) if isinstance(msgid, tuple) else [(msgid, spanish)]
        for english, translated in pairs:
            if sorted(placeholder.findall(english)) != sorted(placeholder.findall(translated)):
                wrong.append(english)
    assert wrong == []


@pytest.fixture
def fresh_catalog(tmp_path):
    """The catalog compiled afresh by compile_translations, in a copy of locale/, and used by Django."""
    locale = tmp_path / "locale"
    shutil.copytree(PROJECT / "locale", locale, ignore=shutil.ignore_patterns("*.mo"))
    with override_settings(LOCALE_PATHS=[locale]):
        call_command("compile_translations", verbosity=0)
        yield locale / "es" / "LC_MESSAGES" / "django.mo"


def test_the_catalog_compiles(fresh_catalog):
    with open(fresh_catalog, "rb") as handle:
        compiled = GNUTranslations(handle)
    assert compiled.gettext("When to get help") == "Cuándo pedir ayuda"
    assert compiled.ngettext("%(total)s result.", "%(total)s results.", 2) == "%(total)s resultados."


def test_key_strings_come_out_in_spanish(fresh_catalog):
    from treatments import risk_bands
    from treatments.models import EMERGENCY, SAME_DAY, SOON, CareCard, Risk, Treatment

    with translation.override("es"):
        assert CareCard(urgency=EMERGENCY).urgency_label == "Emergencia: llame al 911 ahora"
        assert CareCard(urgency=SAME_DAY).urgency_label == "Hoy mismo: llame a su médico"
        assert CareCard(urgency=SOON).summary_lead == "Pida una cita pronto si tiene"
        band = risk_bands.BY_KEY["uncommon"]
        assert f"{band.label}: {band.meaning}" == "Poco frecuente: entre 1 de cada 100 y 1 de cada 1,000 personas"
        assert Risk(course=Risk.PASSES).get_course_display() == "Suele desaparecer"
        assert str(Treatment._meta.get_field("helps_with").verbose_name) == "Puede ayudar con"

        card = CareCard(slug="after", urgency=EMERGENCY, title="Después del procedimiento", summary="fiebre alta")
        summary = render_to_string("includes/help_summary.html", {"cards": [card]})
        assert "Cuándo pedir ayuda" in summary and "Llame al 911 ahora si tiene:" in summary

        count = Template(
            "{% load i18n %}{% blocktranslate trimmed count total=n %}{{ total }} result.{% plural %}"
            "{{ total }} results.{% endblocktranslate %}"
        )
        assert count.render(Context({"n": 1})) == "1 resultado."
        assert count.render(Context({"n": 3})) == "3 resultados."

        import datetime

        day = Template('{% load i18n %}{{ day|date:_("F j, Y") }}').render(Context({"day": datetime.date(2024, 3, 5)}))
        assert day == "5 de marzo de 2024"

    with translation.override("en"):
        assert CareCard(urgency=EMERGENCY).urgency_label == "Emergency: call 911 now"
        assert str(risk_bands.BY_KEY["uncommon"].label) == "Uncommon"


@pytest.mark.django_db
def test_a_spanish_page_speaks_spanish_and_the_english_one_is_unchanged(client, fresh_catalog):
    spanish = client.get("/es/buscar/").content.decode()
    assert '<html lang="es">' in spanish
    assert "Saltar al contenido principal" in spanish and "¿Qué está buscando?" in spanish
    english = client.get("/search/").content.decode()
    assert '<html lang="en">' in english
    assert "Skip to main content" in english and "What are you looking for?" in english
