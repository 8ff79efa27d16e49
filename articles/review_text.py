"""The text a clinical reviewer approves for an article: everything in the file that reaches the page.

The slug, the dates, `draft` and `redirect_from` are left out: renaming a file
or changing its date does not change what patients read, so it keeps its review.
"""

import hashlib


def text_fingerprint(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def review_text(meta, body):
    lines = [f"Title: {meta.title}", f"Summary: {meta.summary}"]
    if meta.translation_of:
        lines.append(f"Translation of: {meta.translation_of}")
    for label, values in (("Treatments", meta.treatments), ("Conditions", meta.conditions), ("Tags", meta.tags)):
        if values:
            lines.append(f"{label}: {', '.join(values)}")
    if meta.image:
        lines.append(f"Picture: {meta.image} ({meta.image_alt or 'decorative'})")
    if meta.sources:
        lines.append("Sources:")
        lines += [f"- {citation_line(citation)}" for citation in meta.sources]
    return "\n".join(lines) + "\n\n" + body.strip() + "\n"


def citation_line(citation):
    parts = [citation.title, citation.publisher, citation.url, citation.checked.isoformat() if citation.checked else ""]
    return ", ".join(part for part in parts if part)
