"""Care cards placed in Markdown by slug: `[[card: emergency-after-procedure]]` on a line of its own.

The card itself lives in the database (treatments' CareCard), written once.
Markdown renders the line as a paragraph holding the placement; the page's
view swaps that paragraph for the card, so an edit to a card shows on every
page that places it. Pure text functions: no database here.
"""

import re

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
PLACEMENT_LINE = re.compile(rf"^\[\[card: ?({SLUG})\]\]$")
LOOKS_LIKE_A_PLACEMENT = re.compile(r"\[\[\s*card\b", re.IGNORECASE)
PLACEMENT_HTML = re.compile(rf"<p>\[\[card: ?({SLUG})\]\]</p>")
FENCE = re.compile(r"^(```|~~~)")
USAGE = (
    "place a care card with a line of its own written exactly as [[card: SLUG]], for example [[card: emergency-after-procedure]]"
)


def placements(markdown):
    """([(slug, line)], [(line, problem)]) for a Markdown text; lines count from 1, code blocks are skipped."""
    found, problems, in_code = [], [], False
    if "[[" not in markdown:  # most pages place no card: skip reading them line by line
        return found, problems
    for number, line in enumerate(markdown.splitlines(), start=1):
        stripped = line.strip()
        if FENCE.match(stripped):
            in_code = not in_code
            continue
        if in_code or line.startswith(("    ", "\t")):
            continue
        match = PLACEMENT_LINE.match(stripped)
        if match:
            found.append((match.group(1), number))
        elif LOOKS_LIKE_A_PLACEMENT.search(stripped):
            problems.append((number, f"'{stripped[:60]}' is not a card placement: {USAGE}"))
    return found, problems


def without_placements(html):
    """Rendered HTML with the placements taken out: they are not prose to read, grade or search."""
    return PLACEMENT_HTML.sub("", html)


def place_cards(html, render_card, annotate=str):
    """Swap each placement in rendered HTML for `render_card(slug)`; the text between goes through `annotate`."""
    parts = PLACEMENT_HTML.split(html)
    return "".join(render_card(part) if index % 2 else annotate(part) for index, part in enumerate(parts))


# Phrases may wrap onto the next line. The lookahead names every phrase's first letter, so the search jumps
# between those letters instead of trying each phrase at every character (a third of the time).
EMERGENCY_WORDS = re.compile(
    r"(?=[91eau])(?:\b(?:911|999|112)\b|emergency\s+(?:room|department)|\bER\b|\bA&E\b|ambulance|urgent\s+care)",
    re.IGNORECASE,
)
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
HAND_WRITTEN = (
    "this looks like a hand-written emergency list; safety messages are written once, as care cards: "
    "place the card that fits with [[card: SLUG]] (the cards are listed in the admin)"
)


def hand_written_emergency_lists(markdown):
    """Lines where a callout, or a lead-in line followed by a list, tells readers to call 911 or go to the ER."""
    found, in_code = [], False
    if not EMERGENCY_WORDS.search(markdown):
        return found
    lines = markdown.splitlines()
    for index, line in enumerate(lines):
        stripped = line.strip()
        if FENCE.match(stripped):
            in_code = not in_code
        if in_code or not stripped:
            continue
        if stripped.startswith("!!!"):
            block = [stripped] + [text for text in _indented_block(lines, index + 1)]
            if EMERGENCY_WORDS.search("\n".join(block)):
                found.append(index + 1)
        elif not LIST_ITEM.match(line) and not line.startswith(" ") and EMERGENCY_WORDS.search(stripped):
            following = next((text for text in lines[index + 1 :] if text.strip()), "")
            if LIST_ITEM.match(following):
                found.append(index + 1)
    return found


def _indented_block(lines, start):
    for text in lines[start:]:
        if text.strip() and not text.startswith(("    ", "\t")):
            return
        yield text.strip()
