"""A readable diff between the text a clinician approved and the page's text now.

Unchanged stretches fold to one line; a changed line shows the words taken
out and the words put in, so a one-letter change is easy to find.
"""

import difflib
import html
import re
from dataclasses import dataclass

CONTEXT = 2
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass
class DiffLine:
    kind: str  # "same", "removed", "added", "changed", "folded"
    html: str  # escaped text, with <del> and <ins> around changed words


def _words(text):
    return _TOKENS.findall(text)


def _changed_line(old, new):
    old_words, new_words = _words(old), _words(new)
    parts = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes():
        taken, put = html.escape("".join(old_words[a1:a2])), html.escape("".join(new_words[b1:b2]))
        if op == "equal":
            parts.append(taken)
        else:
            parts.append((f"<del>{taken}</del>" if taken else "") + (f"<ins>{put}</ins>" if put else ""))
    return "".join(parts)


def readable_diff(old, new):
    old_lines, new_lines = old.splitlines(), new.splitlines()
    lines = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for group in matcher.get_grouped_opcodes(CONTEXT):
        if lines or group[0][1] > 0:
            lines.append(DiffLine("folded", "…"))
        for op, a1, a2, b1, b2 in group:
            if op == "equal":
                lines += [DiffLine("same", html.escape(line)) for line in old_lines[a1:a2]]
            elif op == "replace" and a2 - a1 == b2 - b1:
                lines += [
                    DiffLine("changed", _changed_line(o, n)) for o, n in zip(old_lines[a1:a2], new_lines[b1:b2], strict=True)
                ]
            else:
                lines += [DiffLine("removed", f"<del>{html.escape(line)}</del>") for line in old_lines[a1:a2]]
                lines += [DiffLine("added", f"<ins>{html.escape(line)}</ins>") for line in new_lines[b1:b2]]
    return lines
