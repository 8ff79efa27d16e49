"""Generate realistic articles for benchmarks: about 1,200 words with headings, lists, links, a table and footnotes."""

import random
import shutil
from pathlib import Path

SHIPPED_CONTENT = Path(__file__).resolve().parent.parent / "content"

WORDS = [
    "pain",
    "nerve",
    "doctor",
    "shot",
    "needle",
    "back",
    "neck",
    "leg",
    "spine",
    "joint",
    "relief",
    "weeks",
    "months",
    "people",
    "may",
    "help",
    "feel",
    "sore",
    "treatment",
    "heat",
    "numb",
    "medicine",
    "steroid",
    "rest",
    "walk",
    "sleep",
    "stress",
    "body",
    "brain",
    "signal",
    "risk",
    "safe",
    "care",
    "plan",
    "clinic",
    "daily",
    "gentle",
    "stretch",
    "swelling",
    "ache",
    "burning",
    "tingling",
    "weak",
    "strong",
    "better",
    "worse",
    "morning",
    "night",
    "simple",
    "small",
]


def _sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng):
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))


def article_body(rng, index, total):
    parts = []
    for section in range(10):
        parts.append(f"## Section {section + 1} about {rng.choice(WORDS)}")
        parts.append(_paragraph(rng))
        if section == 1:
            parts.append("\n".join(f"- {_sentence(rng)}" for _ in range(5)))
        if section == 2:
            other = rng.randrange(total)
            parts.append(f"See [a related article](article-{other}.md) and [the NHS](https://www.nhs.uk/).")
        if section == 3:
            parts.append(
                "| Treatment | Time | Relief |\n|---|---|---|\n| Nerve block | 30 min | weeks |\n| RFA | 1 hour | months |"
            )
        if section == 4:
            parts.append(f"{_sentence(rng)}[^1]\n\n[^1]: {_sentence(rng)}")
        parts.append(_paragraph(rng))
    return "\n\n".join(parts)


def article_text(rng, index, total):
    return (
        "---\n"
        f'title: "Generated article {index}"\n'
        f'summary: "A generated article for benchmarks, number {index}."\n'
        "published: 2024-01-01\n"
        "tags: [bench, generated]\n"
        "---\n\n" + article_body(rng, index, total) + "\n"
    )


def write_articles(folder, count, seed=7):
    rng = random.Random(seed)
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    (folder / "images").mkdir(exist_ok=True)
    for index in range(count):
        (articles / f"article-{index}.md").write_text(article_text(rng, index, count), encoding="utf-8")
    return articles


def write_site_content(folder, count, data_files=False):
    """`count` generated articles plus the shipped ones (and, with `data_files`, its glossary and synonyms)."""
    articles = write_articles(folder, count)
    for path in (SHIPPED_CONTENT / "articles").glob("*.md"):
        shutil.copy(path, articles / path.name)
    for name in ("glossary.yml", "synonyms.yml") if data_files else ():
        shutil.copy(SHIPPED_CONTENT / name, folder / name)
    return articles
