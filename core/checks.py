"""The check registry: apps add their own checks to check_content without the content app importing them.

A reference check looks at one parsed article (`check(parsed)` yields Problems);
a database check looks at an app's own entries (`check()` yields Problems).
"""

_reference_checks = []
_database_checks = []


def register_reference_check(check):
    if check not in _reference_checks:
        _reference_checks.append(check)
    return check


def register_database_check(check):
    if check not in _database_checks:
        _database_checks.append(check)
    return check


def reference_checks():
    return list(_reference_checks)


def database_checks():
    return list(_database_checks)
