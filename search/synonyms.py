"""content/synonyms.yml: the words patients use, mapped to the words the site uses. Staff edit it.

pinched nerve: [radiculopathy, sciatica]
rfa: radiofrequency ablation
"""

from dataclasses import dataclass, field

from core.problems import ERROR, Problem
from core.safe_yaml import read_data_file

from .query import words_of

SYNONYMS_FILE = "synonyms.yml"
SPANISH_SYNONYMS_FILE = "es/synonyms.yml"


@dataclass
class SynonymFile:
    entries: dict = field(default_factory=dict)  # phrase -> [target phrases]
    problems: list = field(default_factory=list)

    @property
    def ok(self):
        return not any(problem.is_error for problem in self.problems)


def parse_synonyms(raw, path=SYNONYMS_FILE):
    result = SynonymFile()
    loaded = read_data_file(raw, path, "the synonyms file", "the synonyms file is empty", result.problems)
    if loaded is None:
        return result
    data, key_lines = loaded
    for phrase, targets in data.items():
        line = key_lines.get(phrase, 1)
        if isinstance(targets, str):
            targets = [targets]
        if not isinstance(targets, list) or not targets or not all(isinstance(t, str) and words_of(t) for t in targets):
            message = f"'{phrase}': list what it means, like [radiofrequency ablation, nerve ablation]"
            result.problems.append(Problem(path, line, ERROR, message, "synonyms"))
            continue
        if not words_of(phrase):
            result.problems.append(Problem(path, line, ERROR, f"'{phrase}' has no words to match", "synonyms"))
            continue
        result.entries[" ".join(words_of(phrase))] = [" ".join(words_of(target)) for target in targets]
    return result


def save_synonyms(parsed, language="en"):
    """Replace one language's stored synonyms (inside the sync's transaction). The parser above stays free of the ORM."""
    from .models import Synonym

    Synonym.objects.filter(language=language).delete()
    Synonym.objects.bulk_create(
        Synonym(language=language, phrase=phrase, targets=targets) for phrase, targets in parsed.entries.items()
    )
