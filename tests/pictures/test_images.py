"""Pictures: the hostile corpus, rendition rules, markup, cleanup, and pages that survive broken pictures."""

import csv
import io

import pytest
from django.core.files.storage import default_storage
from PIL import Image, PngImagePlugin

from articles.checks import check_content
from articles.sync import sync_content
from pictures.images import ImageRefused, inspect, make_renditions, target_widths
from pictures.models import ImageAsset, Rendition
from tests.conftest import CORPUS

IMAGES = CORPUS / "images"
MANIFEST = [row for row in csv.reader((IMAGES / "MANIFEST.tsv").open(), delimiter="\t") if row and row[0] not in ("file", " ")]


def photo(width, height, fmt="JPEG", mode="RGB", **save):
    buffer = io.BytesIO()
    Image.new(mode, (width, height), (200, 120, 90, 255)[: len(mode)]).save(buffer, fmt, **save)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "expected"), [(row[0], row[1]) for row in MANIFEST], ids=[row[0] for row in MANIFEST])
def test_corpus_pictures_are_accepted_or_refused_with_a_reason(name, expected):
    data = (IMAGES / name).read_bytes()
    if expected.startswith("ACCEPT"):
        info, renditions = make_renditions(name, data)
        assert renditions and all(Image.open(io.BytesIO(r.data)).format in {"WEBP", "JPEG", "PNG"} for r in renditions)
    else:
        with pytest.raises(ImageRefused) as refused:
            inspect(name, data)
        assert len(str(refused.value)) > 10


def test_renditions_come_in_the_usual_widths_as_webp_and_jpeg():
    info, renditions = make_renditions("photo.jpg", photo(2400, 1200))
    assert (info.width, info.height) == (2400, 1200)
    assert sorted({(r.width, r.height) for r in renditions}) == [(480, 240), (720, 360), (960, 480), (1600, 800)]
    assert sorted({r.format for r in renditions}) == ["jpg", "webp"]
    for rendition in renditions:
        assert Image.open(io.BytesIO(rendition.data)).size == (rendition.width, rendition.height)


def test_small_pictures_are_never_upscaled():
    assert target_widths(300) == [300]
    assert target_widths(1000) == [480, 720, 960]
    assert target_widths(1300) == [480, 720, 960, 1300]
    _, renditions = make_renditions("small.png", photo(300, 200, "PNG"))
    assert {r.width for r in renditions} == {300}


def test_transparent_pictures_fall_back_to_png():
    _, renditions = make_renditions("logo.png", photo(600, 300, "PNG", mode="RGBA"))
    assert {r.format for r in renditions} == {"webp", "png"}


def test_exif_orientation_is_applied():
    info, renditions = make_renditions("exif_orientation_6.jpg", (IMAGES / "exif_orientation_6.jpg").read_bytes())
    assert (info.width, info.height) == (20, 40)
    assert Image.open(io.BytesIO(renditions[0].data)).size == (20, 40)


def test_location_and_comments_never_reach_the_public():
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPS
    exif[0x010E] = "secret description"
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "<svg onload=alert(1)>")
    for name, data in (("gps.jpg", photo(800, 600, exif=exif.tobytes())), ("note.png", photo(800, 600, "PNG", pnginfo=text))):
        for rendition in make_renditions(name, data)[1]:
            image = Image.open(io.BytesIO(rendition.data))
            assert not image.getexif() and "exif" not in image.info and "Comment" not in image.info
            assert b"secret" not in rendition.data and b"onload" not in rendition.data


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("huge.jpg", b"\xff\xd8" + b"0" * (20 * 1024 * 1024 + 1), "limit is 20 MB"),
        ("drawing.svg", b"<svg/>", "SVG files are not accepted"),
        ("photo.bmp", b"BM", "not a picture type"),
        ("big.png", None, "megapixels"),
    ],
)
def test_refusals_say_why(name, data, reason):
    if data is None:
        data = photo(8000, 6000, "PNG")
    with pytest.raises(ImageRefused, match=reason):
        inspect(name, data)


@pytest.fixture
def pictured(content):
    (content.root / "images" / "spine.jpg").write_bytes(photo(2000, 1000))
    (content.root / "images" / "small.png").write_bytes(photo(600, 400, "PNG"))
    content.write(
        "with-pictures",
        image="spine.jpg",
        image_alt='"A drawing of the spine"',
        body="## Look\n\nText.\n\n![Two small bones](images/small.png)\n\nMore text.",
    )
    sync_content()
    return content


@pytest.mark.django_db
def test_sync_makes_renditions_and_pages_show_responsive_pictures(client, pictured):
    assert ImageAsset.objects.count() == 2 and Rendition.objects.count() == 10
    html = client.get("/articles/with-pictures/").content.decode()
    main = html[html.index('<figure class="main-picture">') :]
    assert '<source type="image/webp" srcset="/media/renditions/' in main
    assert " 480w, " in main and " 1600w" in main and 'sizes="' in main
    assert 'width="960" height="480" alt="A drawing of the spine" fetchpriority="high"' in main
    body = html[html.index('<div class="prose">') :]
    assert 'alt="Two small bones" loading="lazy" decoding="async"' in body and 'width="480"' in body
    assert 'src="images/small.png"' not in body


@pytest.mark.django_db
def test_renditions_are_served_with_immutable_caching(client, pictured):
    name = Rendition.objects.filter(format="webp").first().name.rsplit("/", 1)[1]
    response = client.get(f"/media/renditions/{name}")
    assert response.status_code == 200 and response["Content-Type"] == "image/webp"
    assert "immutable" in response["Cache-Control"]
    assert client.get("/media/renditions/../../settings.py").status_code == 404
    assert client.get("/media/renditions/notahash-1.webp").status_code == 404


@pytest.mark.django_db
def test_changed_picture_gets_new_names_and_old_ones_are_removed(pictured):
    old = set(Rendition.objects.values_list("name", flat=True))
    (pictured.root / "images" / "spine.jpg").write_bytes(photo(1800, 900, quality=50))
    sync_content()
    new = set(Rendition.objects.values_list("name", flat=True))
    gone = old - new
    assert gone and all(not default_storage.exists(name) for name in gone)


@pytest.mark.django_db
def test_unused_pictures_lose_their_renditions(pictured):
    names = list(Rendition.objects.values_list("name", flat=True))
    pictured.write("with-pictures", body="No pictures now.")
    sync_content()
    assert ImageAsset.objects.count() == 0
    assert not any(default_storage.exists(name) for name in names)


@pytest.mark.django_db
def test_broken_picture_never_breaks_the_page(client, content):
    (content.root / "images" / "broken.jpg").write_bytes((IMAGES / "truncated_half.jpg").read_bytes())
    content.write("broken-picture", image="broken.jpg", image_alt='"x"', body="![A picture](images/broken.jpg)\n\nStill here.")
    report = sync_content()
    assert any("images/broken.jpg' cannot be used" in p.message for p in report.warnings)
    response = client.get("/articles/broken-picture/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Still here." in html and "<picture>" not in html and "broken.jpg" not in html
    error = next(p for p in check_content().errors if p.code == "image")
    assert "cannot be used" in error.message and error.path == "articles/broken-picture.md"


@pytest.mark.django_db
def test_check_content_warns_about_pictures_too_small_for_their_use(content):
    (content.root / "images" / "tiny.jpg").write_bytes(photo(300, 200))
    content.write("tiny", image="tiny.jpg", image_alt='"x"')
    warning = next(p for p in check_content().warnings if p.code == "image-small")
    assert "only 300 px wide" in warning.message
