"""make lighthouse: Lighthouse 12 (mobile settings, Debian Chromium) against `make serve`, four scores per page.

Goal: 100 for performance, accessibility, best practices and SEO on every page.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.local_server import PROJECT, running_site  # noqa: E402
from bench.pages import CHECKED_PAGES  # noqa: E402

# Lighthouse refuses to audit a page that answers 404, so the 404 page is covered by the browser tests (axe) only.
PAGES = {name: path for name, path in CHECKED_PAGES.items() if name != "not found"}
PAGES["article with a large photo"] = "/articles/lighthouse-large-photo/"
if os.environ.get("LIGHTHOUSE_ONLY"):  # e.g. LIGHTHOUSE_ONLY="article with a large photo"
    PAGES = {name: path for name, path in PAGES.items() if name in os.environ["LIGHTHOUSE_ONLY"].split(",")}
LARGE_PHOTO_ARTICLE = """---
title: "A page with a large photo"
summary: "Checks that a 12-megapixel photo does not slow the page down."
published: 2024-01-01
image: large-photo.jpg
image_alt: "A soft pattern of warm colours."
---
## A heading

Some text before the photo.

![A second, smaller view of the same pattern](images/large-photo.jpg)

More text after it.
"""


def content_with_large_photo(folder):
    """The shipped content plus one article whose main and body picture is a 12-megapixel photo."""
    from PIL import Image

    shutil.copytree(PROJECT / "content", folder)
    (folder / "images").mkdir(exist_ok=True)  # not in a fresh clone: git keeps no empty folders
    noise = Image.effect_noise((1000, 750), 50).resize((4000, 3000))
    gradient = Image.linear_gradient("L").resize((4000, 3000))
    Image.merge("RGB", (noise, gradient, Image.blend(noise, gradient, 0.5))).save(
        folder / "images" / "large-photo.jpg", quality=92
    )
    (folder / "articles" / "lighthouse-large-photo.md").write_text(LARGE_PHOTO_ARTICLE)
    return folder


CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = " ".join(
    ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
     "--disable-sync", "--no-first-run"]
)  # fmt: skip


def audit(url, workdir):
    lighthouse = PROJECT / "node_modules" / ".bin" / "lighthouse"
    output = Path(workdir) / "report.json"
    # Chromium leaves an empty folder in TMPDIR each launch; keep them in the run's own folder, removed after.
    env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or "", "TMPDIR": str(workdir)}
    command = [str(lighthouse), url, "--quiet", "--output=json", f"--output-path={output}", f"--chrome-flags={CHROME_FLAGS}",
         f"--only-categories={','.join(CATEGORIES)}", "--max-wait-for-load=30000"]  # fmt: skip
    for _attempt in range(3):  # Chromium occasionally fails to start under load; try again
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        if result.returncode == 0:
            break
    else:
        raise RuntimeError(f"Lighthouse failed on {url}: {result.stderr[-2000:]}")
    report = json.loads(output.read_text())
    scores = {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    failing = [
        audit["id"]
        for audit in report["audits"].values()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") in {"binary", "numeric"}
    ]
    return scores, failing


def main():
    if not shutil.which("chromium") or not (PROJECT / "node_modules" / ".bin" / "lighthouse").exists():
        print("Lighthouse needs Debian chromium and `npm ci`; skipped.")
        return
    print("== Lighthouse 12, mobile, against make serve")
    print(f"  {'page':<26}" + "".join(f"{name:>16}" for name in CATEGORIES))
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        content = content_with_large_photo(Path(tmp) / "content")
        run_audits(tmp, content)


def run_audits(tmp, content):
    with running_site(Path(tmp) / "app", CONTENT_DIR=str(content)) as site:
        for name, path in PAGES.items():
            scores, failing = audit(site + path, tmp)
            print(
                f"  {name:<26}"
                + "".join(f"{scores[c]:>16}" for c in CATEGORIES)
                + (f"   below 1: {', '.join(failing[:6])}" if failing else "")
            )


if __name__ == "__main__":
    main()
