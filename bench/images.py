"""Image benchmark: time and peak memory to make the renditions of a 24-megapixel photo and of 100 ordinary photos.

Each case runs in a fresh process so its peak memory (max RSS) is its own.
Goal: peak memory under 250 MB for the large photo.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
GOAL_MB = 250

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, ".")
from pictures.images import make_renditions

count = int(sys.argv[1])
photos = [open(path, "rb").read() for path in sys.argv[2:]]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
started = time.perf_counter()
made = 0
for index in range(count):
    _, renditions = make_renditions("photo.jpg", photos[index % len(photos)])
    made += len(renditions)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "before_mb": before, "renditions": made, "bytes": len(photos[0])}))
"""


PHOTO = r"""
import sys
from PIL import Image
path, width, height, seed = sys.argv[1], *(int(value) for value in sys.argv[2:])
noise = Image.effect_noise((width // 4, height // 4), 40 + seed).resize((width, height))
gradient = Image.linear_gradient("L").resize((width, height))
Image.merge("RGB", (noise, gradient, Image.blend(noise, gradient, 0.5))).save(path, "JPEG", quality=90)
"""


def photo(path, width, height, seed):
    """A smooth gradient with noise compresses like a real photo. Made in its own process: a child
    process inherits its parent's peak memory figure, so the measuring parent must stay small."""
    subprocess.run([sys.executable, "-c", PHOTO, str(path), str(width), str(height), str(seed)], check=True)
    return str(path)


def run(width, height, count, workdir):
    paths = [photo(Path(workdir) / f"{width}-{seed}.jpg", width, height, seed) for seed in range(min(count, 5))]
    result = subprocess.run([sys.executable, "-c", CHILD, str(count), *paths], cwd=PROJECT,
                            capture_output=True, text=True, check=True)  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    print("== Image renditions (Pillow; 480/720/960/1600 px, WebP and JPEG)")
    with tempfile.TemporaryDirectory(prefix="bench-images-") as workdir:
        large = run(6000, 4000, 1, workdir)
        ordinary = run(2016, 1512, 100, workdir)
    met = "met" if large["peak_mb"] < GOAL_MB else "MISSED"
    print(
        f"  24 MP photo ({large['bytes'] / 1e6:.1f} MB JPEG): {large['seconds']:.2f} s, {large['renditions']} renditions, "
        f"peak memory {large['peak_mb']:.0f} MB (the process before decoding: {large['before_mb']:.0f} MB); "
        f"goal < {GOAL_MB} MB: {met}, ratio {large['peak_mb'] / GOAL_MB:.2f}"
    )
    print(
        f"  100 ordinary photos (3 MP, {ordinary['bytes'] / 1e6:.1f} MB each): {ordinary['seconds']:.1f} s "
        f"({ordinary['seconds'] * 10:.0f} ms each), peak memory {ordinary['peak_mb']:.0f} MB"
    )


if __name__ == "__main__":
    main()
