"""How content problems are shown to staff on the command line."""

import os
from pathlib import Path

from django.conf import settings


def display_path(problem, content_dir=None):
    """The problem's file as a path staff can open: relative to the current folder when possible."""
    if problem.path.startswith("admin/"):
        return problem.path
    full = Path(content_dir or settings.CONTENT_DIR) / problem.path
    relative = os.path.relpath(full)
    return str(full) if relative.startswith("..") else relative


def format_problem(problem, content_dir=None):
    return problem.format(display_path(problem, content_dir))
