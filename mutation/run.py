"""`make mutation`: mutmut, one module at a time, against only the test files that exercise it.

For each module in mutation/modules.toml the runner lays out a workspace, .mutation/<module>/, that links
the project in and has a pyproject.toml of its own telling mutmut to mutate that one file and to run only
that module's test files. It then runs `mutmut run` with one child per core, and prints the module's score
and every surviving mutant with its diff. A mutant listed in mutation/equivalent.txt (with the reason no
reader or member of staff could ever see the difference) is left out of the score; an entry whose mutant
no longer exists, or now changes something else, is reported as stale and counts again.

    .venv/bin/python mutation/run.py                       # every module, every mutant
    .venv/bin/python mutation/run.py --sample 15           # 15 mutants a module, the same 15 each run
    .venv/bin/python mutation/run.py --modules core/page_cache.py --keep

Exit status: 1 when a module scores under --fail-under (90 for a full run; a sample only reports unless
it is given), 2 when mutmut itself could not run (the log's end is printed).
"""

import argparse
import contextlib
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "mutation"
WORK = ROOT / ".mutation"
MODULES_FILE = HERE / "modules.toml"
EQUIVALENT_FILE = HERE / "equivalent.txt"
HAND_MUTANTS_FILE = HERE / "hand_mutants.toml"
MUTMUT = Path(sys.executable).parent / "mutmut"
# Never linked into a workspace: version control, the virtualenv, the workspaces themselves, local data.
NOT_LINKED = {".git", ".venv", ".mutation", "node_modules", "media", "staticfiles", "__pycache__", ".secret_key", ".env"}
NOT_LINKED_PATTERNS = ("db.sqlite3*", ".test-db.sqlite3*", "*.pyc")
# mutmut's exit codes, as it files them (mutmut/stats.py).
KILLED = {1, 3, 36, 37, 24, -24, 152, 255, -9, -11}  # failed, pytest error, timeout, type check, CPU limit, killed
SURVIVED = {0}
NO_TESTS = {5, 33}


@dataclass
class Equivalent:
    name: str
    fingerprint: str
    reason: str
    line: int


@dataclass
class Result:
    module: str
    total: int = 0
    killed: int = 0
    survivors: list = field(default_factory=list)  # [(name, diff)] that count against the score
    equivalent: list = field(default_factory=list)  # [(name, reason)]
    stale: list = field(default_factory=list)  # entries of equivalent.txt or hand_mutants.toml that no longer match
    unchecked: int = 0
    hand_total: int = 0  # the changes in hand_mutants.toml: reported apart, and every one must be killed
    hand_survivors: list = field(default_factory=list)
    seconds: float = 0.0
    error: str = ""

    @property
    def counted(self):
        return self.total - len(self.equivalent) - self.unchecked

    @property
    def score(self):
        return 100.0 * self.killed / self.counted if self.counted else 100.0


def read_modules():
    """{module path: [test files]}, in the file's order."""
    data = tomllib.loads(MODULES_FILE.read_text(encoding="utf-8"))
    modules = {}
    for module, tests in data.items():
        if isinstance(tests, str):
            tests = [tests]
        for path in [module, *tests]:
            if not (ROOT / path).exists():
                raise SystemExit(f"{MODULES_FILE.relative_to(ROOT)}: {path} does not exist")
        modules[module] = list(tests)
    return modules


EQUIVALENT_LINE = re.compile(r"^(?P<name>\S+__mutmut_\d+)\s+(?P<fingerprint>[0-9a-f]{8})\s+(?P<reason>\S.*)$")


def read_equivalents():
    """{mutant name: Equivalent}. Each line: NAME FINGERPRINT REASON; '#' starts a comment."""
    found = {}
    for number, raw in enumerate(EQUIVALENT_FILE.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = EQUIVALENT_LINE.match(line)
        if not match:
            raise SystemExit(f"{EQUIVALENT_FILE.relative_to(ROOT)}:{number}: expected 'NAME FINGERPRINT REASON', got {line!r}")
        found[match["name"]] = Equivalent(match["name"], match["fingerprint"], match["reason"], number)
    return found


def fingerprint(diff):
    """Eight hex digits naming what a mutant changes (its removed and added lines), not where it sits."""
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    return hashlib.sha256("\n".join(line.strip() for line in changed).encode()).hexdigest()[:8]


def slug(module):
    return module.removesuffix(".py").replace("/", "-")


def _toml(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    return "[" + ", ".join(_toml(item) for item in value) + "]"


def lay_out_workspace(module, tests, jobs):
    """A fresh .mutation/<module>/ with the project linked in and mutmut's settings for this module alone."""
    workspace = WORK / slug(module)
    shutil.rmtree(workspace, ignore_errors=True)
    workspace.mkdir(parents=True)
    source_paths, also_copy = [], []
    for entry in sorted(ROOT.iterdir()):
        name = entry.name
        if name in NOT_LINKED or name == "pyproject.toml" or any(Path(name).match(p) for p in NOT_LINKED_PATTERNS):
            continue
        (workspace / name).symlink_to(entry)
        if entry.is_dir() and name != "tests" and any(entry.rglob("*.py")):
            source_paths.append(name)
        elif name != "tests":
            also_copy.append(name)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pytest_options = project["tool"]["pytest"]["ini_options"]
    mutmut_options = {
        "source_paths": source_paths,
        "also_copy": also_copy,
        "only_mutate": [module],
        "pytest_add_cli_args_test_selection": tests,
        # One SQLite test database made once and copied for each mutant; no Redis shared between children.
        "pytest_add_cli_args": ["-p", "mutation.pytest_plugin", "--reuse-db"],
        "use_git_change_detection": False,
        "use_setproctitle": False,
    }
    lines = ["[tool.pytest.ini_options]"]
    lines += [f"{key} = {_toml(value)}" for key, value in pytest_options.items()]
    lines += ["", "[tool.mutmut]"]
    lines += [f"{key} = {_toml(value)}" for key, value in mutmut_options.items()]
    (workspace / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return workspace


@contextlib.contextmanager
def inside(workspace):
    """mutmut's own functions read their settings and files relative to the working directory."""
    from mutmut.configuration import reset_config

    old = Path.cwd()
    os.chdir(workspace)
    reset_config()
    try:
        yield
    finally:
        reset_config()
        os.chdir(old)


def all_mutant_names(workspace, module):
    from mutmut.mutation.file_mutation import mutate_file_contents
    from mutmut.utils.format_utils import get_mutant_name

    with inside(workspace):
        mutated = mutate_file_contents(module, Path(module).read_text(encoding="utf-8"))
    return [get_mutant_name(Path(module), name) for name in mutated.mutant_names]


def mutant_diff(workspace, module, name):
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    with inside(workspace):
        return get_diff_for_mutant(name, path=module)


def run_module(module, tests, args, equivalents, hand_mutants):
    result = Result(module)
    started = time.monotonic()
    workspace = lay_out_workspace(module, tests, args.jobs)
    names = []
    if args.sample:
        every = all_mutant_names(workspace, module)
        names = sorted(random.Random(f"{args.seed}:{module}").sample(every, min(args.sample, len(every))))
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CACHE_URL", "MUTANT_UNDER_TEST"}}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    log = workspace / "mutmut.log"
    with log.open("w", encoding="utf-8") as out:
        code = subprocess.call(
            [str(MUTMUT), "run", "--max-children", str(args.jobs), *names], cwd=workspace, stdout=out, stderr=out, env=env
        )
    reap(workspace)
    meta = workspace / "mutants" / (module + ".meta")
    if code != 0 or not meta.exists():
        tail = log.read_text(encoding="utf-8", errors="replace").replace("\r", "\n").splitlines()[-40:]
        result.error = f"mutmut exited {code}; the end of {log.relative_to(ROOT)}:\n" + "\n".join(tail)
        result.seconds = time.monotonic() - started
        return result
    control = control_run(workspace, module, tests, env)
    if control:
        result.error = control
        result.seconds = time.monotonic() - started
        return result
    exit_codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    if names:
        exit_codes = {name: exit_codes.get(name) for name in names}
    else:  # a full run also makes the changes mutmut cannot
        run_hand_mutants(workspace, module, tests, env, hand_mutants.get(module, []), result)
    result.total = len(exit_codes)
    for name, exit_code in sorted(exit_codes.items(), key=lambda item: _natural(item[0])):
        if exit_code is None:
            result.unchecked += 1
        elif exit_code in KILLED:
            result.killed += 1
            if name in equivalents:
                known = equivalents[name]
                result.stale.append(f"{EQUIVALENT_FILE.name}:{known.line}: {name} is killed by a test; delete the line")
        else:  # survived, no test reached it, or anything mutmut could not classify
            diff = mutant_diff(workspace, module, name)
            known = equivalents.get(name)
            if known and known.fingerprint == fingerprint(diff):
                result.equivalent.append((name, known.reason))
                continue
            if known:
                result.stale.append(
                    f"{EQUIVALENT_FILE.name}:{known.line}: {name} now changes {fingerprint(diff)}; it counts again"
                )
            label = (
                "no test reaches it" if exit_code in NO_TESTS else "survived" if exit_code in SURVIVED else f"exit {exit_code}"
            )
            result.survivors.append((name, label, fingerprint(diff), diff))
    if not names:  # a full run: entries for mutants that no longer exist are stale too
        prefix = module.removesuffix(".py").replace("/", ".") + "."
        for name, known in equivalents.items():
            if name.startswith(prefix) and name not in exit_codes:
                result.stale.append(f"{EQUIVALENT_FILE.name}:{known.line}: {name} is no longer made; delete the line")
    if not args.keep:
        shutil.rmtree(workspace, ignore_errors=True)
    result.seconds = time.monotonic() - started
    return result


def run_tests(workspace, module, tests, env):
    """The module's tests as a mutant's run sees them (private database, own temporary folder), no mutant active."""
    dotted = module.removesuffix(".py").replace("/", ".")
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", "--rootdir=.", "-p", "mutation.pytest_plugin"]
    return subprocess.run(
        [*command, "--reuse-db", *tests],
        cwd=workspace / "mutants",
        env={**env, "MUTANT_UNDER_TEST": f"{dotted}.x_control__mutmut_0"},
        capture_output=True,
        text=True,
    )


def control_run(workspace, module, tests, env):
    """They must pass with no mutant in place: otherwise every "killed" could be the set-up failing, not a test noticing."""
    completed = run_tests(workspace, module, tests, env)
    if completed.returncode == 0:
        return ""
    tail = (completed.stdout + completed.stderr).splitlines()[-30:]
    return "the tests fail with no mutant in place, so no kill can be trusted:\n" + "\n".join(tail)


def read_hand_mutants():
    """{module: [{why, old, new}]}: changes mutmut cannot make (module-level code, a deleted statement)."""
    if not HAND_MUTANTS_FILE.exists():
        return {}
    found = {}
    for mutant in tomllib.loads(HAND_MUTANTS_FILE.read_text(encoding="utf-8")).get("mutant", []):
        found.setdefault(mutant["module"], []).append(mutant)
    return found


def run_hand_mutants(workspace, module, tests, env, mutants, result):
    """Apply each hand-written change to the module as mutmut laid it out, run its tests, and put it back."""
    path = workspace / "mutants" / module
    original = path.read_text(encoding="utf-8")
    try:
        for mutant in mutants:
            name = f"hand: {mutant['why']}"
            if mutant["old"] not in original:
                result.stale.append(f"{HAND_MUTANTS_FILE.name}: the code '{name}' changes is no longer there; update it")
                continue
            path.write_text(original.replace(mutant["old"], mutant["new"]), encoding="utf-8")
            result.hand_total += 1
            if run_tests(workspace, module, tests, env).returncode == 0:
                removed = [f"-{line}" for line in mutant["old"].splitlines()]
                added = [f"+{line}" for line in mutant["new"].splitlines()]
                result.hand_survivors.append((name, "survived", "by hand", "\n".join(["---", "+++", *removed, *added])))
    finally:
        path.write_text(original, encoding="utf-8")


def reap(workspace):
    """Stop what a mutant's run killed for its time left behind (the sync workers it had forked, now orphans)."""
    for process in Path("/proc").iterdir():
        if process.name.isdigit():
            with contextlib.suppress(OSError):
                if Path(os.readlink(process / "cwd")).is_relative_to(workspace):
                    os.kill(int(process.name), signal.SIGKILL)


def _natural(name):
    function, _, number = name.rpartition("__mutmut_")
    return function, int(number or 0)


def report(result, args):
    print(f"\n== {result.module}  ({_minutes(result.seconds)})")
    if result.error:
        print(result.error)
        return
    for name, label, print_id, diff in result.survivors + result.hand_survivors:
        print(f"\n-- {label}: {name}  {print_id}")
        print("\n".join(line for line in diff.splitlines()[2:] if line.strip()))
    for message in result.stale:
        print(f"   stale: {message}")
    print(
        f"   {result.total} mutants: {result.killed} killed, {len(result.survivors)} surviving, "
        f"{len(result.equivalent)} equivalent (listed){f', {result.unchecked} not checked' if result.unchecked else ''}"
        f"  ->  score {result.score:.1f}%"
    )
    if result.hand_total:
        killed = result.hand_total - len(result.hand_survivors)
        print(f"   {killed}/{result.hand_total} of the changes in {HAND_MUTANTS_FILE.name} killed")


def _minutes(seconds):
    return f"{int(seconds // 60)}m{int(seconds % 60):02d}s"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--modules", default="", help="module paths, separated by commas or spaces (default: all listed)")
    parser.add_argument("--sample", type=int, default=0, help="test only this many mutants of each module")
    parser.add_argument("--seed", default="0", help="which sample (the same seed picks the same mutants)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="mutants tested at once (default: one per core)")
    parser.add_argument("--fail-under", type=float, default=None, help="exit 1 below this score (default 90, none for a sample)")
    parser.add_argument("--keep", action="store_true", help="keep .mutation/<module>/ to look at with mutmut show or browse")
    args = parser.parse_args(argv)
    fail_under = args.fail_under if args.fail_under is not None else (None if args.sample else 90.0)

    modules = read_modules()
    chosen = [name for name in re.split(r"[,\s]+", args.modules) if name]
    unknown = [name for name in chosen if name not in modules]
    if unknown:
        raise SystemExit(f"not in {MODULES_FILE.relative_to(ROOT)}: {', '.join(unknown)}")
    equivalents = read_equivalents()
    hand_mutants = read_hand_mutants()
    what = f"a sample of {args.sample} mutants a module (seed {args.seed})" if args.sample else "every mutant"
    print(f"mutmut on {len(chosen or modules)} module(s), {what}, {args.jobs} at once")

    results = []
    for module, tests in modules.items():
        if chosen and module not in chosen:
            continue
        print(f"\n>> {module}: against {', '.join(tests)}", flush=True)
        result = run_module(module, tests, args, equivalents, hand_mutants)
        report(result, args)
        results.append(result)
        sys.stdout.flush()

    print("\n== scores")
    width = max(len(result.module) for result in results)
    for result in results:
        score = "error" if result.error else f"{result.score:5.1f}%"
        counts = "" if result.error else f"{result.killed}/{result.counted} killed, {len(result.equivalent)} equivalent"
        if result.hand_total:
            counts += f", by hand {result.hand_total - len(result.hand_survivors)}/{result.hand_total}"
        print(f"   {result.module:<{width}}  {score}  {counts:<48} {_minutes(result.seconds)}")
    if any(result.error for result in results):
        return 2
    if fail_under is not None and any(result.score < fail_under for result in results):
        print(f"\nunder {fail_under:g}%: " + ", ".join(r.module for r in results if r.score < fail_under))
        return 1
    if any(result.hand_survivors for result in results):
        print(f"\na change in {HAND_MUTANTS_FILE.name} survived: " + ", ".join(r.module for r in results if r.hand_survivors))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
