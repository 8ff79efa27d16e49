"""Time to serve pages in production mode (debug off, full middleware), in process: rendered and cached.

Runs in a fresh interpreter with a throwaway SQLite database and the shipped
content, and prints the median and p99 of 500 requests after 50 warm-ups.
The site logs every request at the level that ships; that log goes nowhere
and the figures come back on the child's stderr.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
REQUESTS = 500

CHILD = """
import statistics, sys, time, django
django.setup()
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
call_command("load_starter", verbosity=0)
call_command("sync_content", verbosity=0)
call_command("collectstatic", "--noinput", verbosity=0)
client = Client(HTTP_HOST="localhost")
for path in ["/articles/nerve-blocks/", "/treatments/nerve-blocks/", "/articles/", "/"]:
    for _ in range(50):
        assert client.get(path).status_code == 200
    separator = "&" if "?" in path else "?"
    for label, make_path in (("rendered", lambda n: f"{{path}}{{separator}}miss={{n}}"), ("cached", lambda n: path)):
        times = []
        for n in range({requests}):
            started = time.perf_counter()
            client.get(make_path(n))
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        p99 = times[int(len(times) * 0.99) - 1]
        print(f"  {{path:<26}} {{label:<9}} median {{statistics.median(times):6.2f}} ms   p99 {{p99:6.2f}} ms", file=sys.stderr)
"""


def main():
    print("== Page serving, production settings, in process (no network)")
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "pain_site.settings",
            "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-0123456789",
            "DJANGO_DEBUG": "",
            "DATABASE_URL": f"sqlite:///{Path(tmp) / 'db.sqlite3'}",
            "CONTENT_DIR": str(PROJECT / "content"),
        }
        env.pop("CACHE_URL", None)
        subprocess.run(
            [sys.executable, "-c", CHILD.format(requests=REQUESTS)], cwd=PROJECT, env=env, check=True, stdout=subprocess.DEVNULL
        )


if __name__ == "__main__":
    main()
