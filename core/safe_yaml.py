"""Staff-written YAML, read safely, with the line of every problem.

`yaml.safe_load` is not enough for files written by people: it accepts
aliases (a billion-laughs file explodes later), silently keeps the last of two
duplicate keys, reads `no:` as the key False, and raises a zoo of exceptions.
Here the YAML is composed into nodes first and every node is checked before
any value is built, so each problem becomes one `ContentError` with its line.
Article front matter, the glossary and the synonyms all come through here.
"""

import re
import unicodedata
from collections import deque

import yaml

from .problems import ERROR, ContentError, Problem

MAX_DEPTH = 8
STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}
STR_TAG = "tag:yaml.org,2002:str"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
# Unicode's control characters (category Cc is exactly U+0000-U+001F and U+007F-U+009F) but the newline
# and the tab, and the text-direction controls. One search, not a category lookup per character: that
# lookup was a third of the time it took to read an article.
FORBIDDEN_CHARACTERS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")


def _forbidden_character(text):
    """The first control or text-direction character, which no page should carry."""
    found = FORBIDDEN_CHARACTERS.search(text)
    return (found.start(), found.group()) if found else None


def decode(raw):
    """Bytes to text: strict UTF-8, BOM and CRLF tolerated, control characters refused."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(line, "the file is not UTF-8 text; save it as UTF-8 in your editor", "encoding") from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    found = _forbidden_character(text)
    if found:
        index, char = found
        line = text.count("\n", 0, index) + 1
        name = unicodedata.name(char, f"U+{ord(char):04X}")
        raise ContentError(line, f"the text contains an invisible control character ({name}); delete it", "control")
    return text


def _line(node, first_line):
    # The YAML's first line is line `first_line` of the file (2 in front matter, after the fence).
    return node.start_mark.line + first_line


def _check_nesting(front_text, first_line, what):
    """Refuse deep nesting from the event stream, before any node is built.

    libyaml builds nodes by recursing in C: a file nested some 30,000 deep (`[[[[...`, well within the
    size limit) crashed the whole process, with no exception to catch. Its parser is not recursive.
    """
    depth, loader = 0, _Loader(front_text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ContentError(event.start_mark.line + first_line, f"{what} is nested too deeply", "depth")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()


def _check_node(node, loader, first_line, what):
    """Walk the node tree iteratively, refusing anything unsafe or ambiguous.

    Breadth first: an alias is met again near the top, before the depth it fakes (a billion-laughs file is
    refused for its aliases, at the line of its first anchor, not as "nested too deeply").
    """
    seen = set()
    stack = deque([(node, 1)])
    while stack:
        current, depth = stack.popleft()
        if id(current) in seen:
            raise ContentError(_line(current, first_line), "YAML anchors and aliases (& and *) are not allowed", "alias")
        seen.add(id(current))
        if depth > MAX_DEPTH:
            raise ContentError(_line(current, first_line), f"{what} is nested too deeply", "depth")
        if current.tag not in STANDARD_TAGS:
            raise ContentError(_line(current, first_line), f"the YAML tag {current.tag!r} is not allowed", "tag")
        if isinstance(current, yaml.MappingNode):
            keys = set()
            for key_node, value_node in current.value:
                _check_key(key_node, keys, first_line)
                stack.append((value_node, depth + 1))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in current.value)
        elif current.tag == "tag:yaml.org,2002:timestamp":
            try:
                loader.construct_object(current)
            except ValueError:
                raise ContentError(
                    _line(current, first_line), f"{current.value!r} is not a real date; write dates as YYYY-MM-DD", "date"
                ) from None


def _check_key(key_node, keys, first_line):
    if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != STR_TAG:
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag == "tag:yaml.org,2002:bool":
            message = f"the key {key_node.value!r} is read as true/false; put it in quotes or rename it"
        elif key_node.tag == "tag:yaml.org,2002:merge":
            message = "merge keys (<<) are not allowed"
        else:
            message = "every key must be a plain word such as 'title'"
        raise ContentError(_line(key_node, first_line), message, "key")
    if key_node.value in keys:
        raise ContentError(
            _line(key_node, first_line), f"the key {key_node.value!r} appears twice; keep only one", "duplicate-key"
        )
    keys.add(key_node.value)


def _check_values(data, key_lines):
    """Escaped control characters ("\\x1b") only appear once values are built."""
    stack = [(key, value) for key, value in data.items()]
    while stack:
        key, value = stack.pop()
        if isinstance(value, str) and _forbidden_character(value):
            raise ContentError(key_lines[key], f"'{key}' contains an invisible control character; delete it", "control")
        if isinstance(value, list):
            stack.extend((key, item) for item in value)
        elif isinstance(value, dict):
            stack.extend((key, item) for item in value.values())


EMPTY_FRONT_MATTER = "the front matter is empty; it needs at least title, summary and published"


def parse_yaml(front_text, *, first_line=2, what="the front matter", empty_message=EMPTY_FRONT_MATTER):
    """YAML text to (mapping, {key: line}). Staff-written YAML files (glossary, synonyms) use it too."""
    if "\t" in front_text:
        line = front_text[: front_text.index("\t")].count("\n") + first_line
        raise ContentError(line, "a tab character is used for spacing; use spaces instead", "tab")
    loader = _Loader(front_text)
    try:
        _check_nesting(front_text, first_line, what)
        node = loader.get_single_node()
        if node is None:
            raise ContentError(first_line, empty_message, "empty")
        if not isinstance(node, yaml.MappingNode):
            raise ContentError(_line(node, first_line), f"{what} must be a list of 'key: value' lines", "not-mapping")
        _check_node(node, loader, first_line, what)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark or exc.problem_mark
        last_line = front_text.count("\n") + first_line
        line = min(mark.line + first_line, last_line) if mark else first_line
        problem = exc.problem or "cannot be read"
        raise ContentError(line, f"{what} is not valid YAML: {problem}", "yaml") from None
    except yaml.YAMLError as exc:
        raise ContentError(first_line, f"{what} is not valid YAML: {exc}", "yaml") from None
    finally:
        loader.dispose()
    key_lines = {key_node.value: _line(key_node, first_line) for key_node, _ in node.value}
    _check_values(data, key_lines)
    return data, key_lines


def read_data_file(raw, path, what, empty_message, problems):
    """A whole staff-edited YAML file (glossary.yml, synonyms.yml) as (mapping, {key: line}).

    On failure the problem is appended to `problems` with `path` and its line, and None is returned.
    """
    try:
        return parse_yaml(decode(raw), first_line=1, what=what, empty_message=empty_message)
    except ContentError as exc:
        problems.append(Problem(path, exc.line, ERROR, exc.message, exc.code))
        return None
