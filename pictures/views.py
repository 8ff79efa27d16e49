from django.core.files.storage import default_storage
from django.http import FileResponse, Http404

from .renditions import RENDITION_DIR, RENDITION_NAME

CONTENT_TYPES = {"webp": "image/webp", "jpg": "image/jpeg", "png": "image/png"}


def rendition(request, name):
    """Serve a rendition from local storage, cacheable forever (its name changes when the picture does)."""
    if not RENDITION_NAME.fullmatch(name) or not default_storage.exists(f"{RENDITION_DIR}/{name}"):
        raise Http404("No such picture")
    response = FileResponse(default_storage.open(f"{RENDITION_DIR}/{name}"), content_type=CONTENT_TYPES[name.rsplit(".", 1)[1]])
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
