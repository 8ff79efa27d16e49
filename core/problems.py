"""Content problems: what staff see from sync_content and check_content."""

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    level: str
    message: str
    code: str = ""

    def format(self, display_path=None):
        return f"{display_path or self.path}:{self.line}: {self.level}: {self.message}"

    @property
    def is_error(self):
        return self.level == ERROR


class ContentError(Exception):
    """A file cannot be read as an article; carries the line it happened on."""

    def __init__(self, line, message, code="invalid"):
        super().__init__(message)
        self.line = line
        self.message = message
        self.code = code


def sort_for_report(problems):
    """Errors first, then warnings; each group by file and line."""
    return sorted(problems, key=lambda p: (not p.is_error, p.path, p.line, p.message))
