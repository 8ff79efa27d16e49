"""The prose a reader meets on a treatment or condition page, for its reading grade.

The starter files (before they are loaded) and the stored entries (after an
admin edits them) are graded the same way, through `page_prose`.
"""

from rendering.cards import without_placements
from rendering.readability import prose_text


def page_prose(sentences, html_sections, items, faqs, cards):
    """sentences: plain text; html_sections: rendered HTML; items: list entries; faqs: (question, answer HTML);
    cards: (title, summary, body HTML)."""
    parts = [f"<p>{text}</p>" for text in sentences if text]
    parts += [without_placements(html) for html in html_sections]
    parts += [f"<ul>{''.join(f'<li>{item}</li>' for item in items)}</ul>"]
    for question, answer_html in faqs:
        parts += [f"<p>{question}</p>", answer_html]
    for title, summary, body_html in cards:
        parts += [f"<p>{title}</p>", f"<p>{summary}</p>", body_html]
    return prose_text("\n".join(parts))
