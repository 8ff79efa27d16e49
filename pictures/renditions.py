"""Renditions in storage: made once, when content is synced or an image uploaded, never during a request.

Names carry the content hash, so a changed picture gets new names and old
ones can be cached forever; renditions nobody uses any more are deleted.
Storage is Django's default storage (local files, or S3 through STORAGES).
"""

import hashlib
import re
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from .images import ImageRefused, inspect, make_renditions
from .models import ImageAsset, Rendition

RENDITION_DIR = "renditions"
RENDITION_NAME = re.compile(r"[0-9a-f]{20}-\d{1,5}\.(webp|jpg|png)")


def content_key(relative):
    return f"content:images/{relative}"


def _store(asset, renditions):
    for old in asset.renditions.all():
        default_storage.delete(old.name)
    asset.renditions.all().delete()
    for rendition in renditions:
        name = f"{RENDITION_DIR}/{asset.content_hash[:20]}-{rendition.width}.{rendition.format}"
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(rendition.data))
        Rendition.objects.create(asset=asset, width=rendition.width, height=rendition.height, format=rendition.format, name=name)


def save_asset(key, name, data, size=0, mtime_ns=0):
    """Check a picture and (re)make its renditions. A refused picture is kept with its error and no renditions."""
    digest = hashlib.sha256(data).hexdigest()
    asset, _ = ImageAsset.objects.get_or_create(key=key, defaults={"content_hash": digest})
    if asset.content_hash == digest and asset.renditions.exists() and not asset.error:
        ImageAsset.objects.filter(pk=asset.pk).update(size=size, mtime_ns=mtime_ns)
        return asset
    asset.content_hash, asset.size, asset.mtime_ns = digest, size, mtime_ns
    try:
        info, renditions = make_renditions(name, data)
    except ImageRefused as exc:
        asset.error, asset.width, asset.height = str(exc), 0, 0
        asset.save()
        _store(asset, [])
        return asset
    asset.error, asset.width, asset.height = "", info.width, info.height
    asset.save()
    _store(asset, renditions)
    return asset


def delete_assets(assets):
    for asset in assets:
        _store(asset, [])
        asset.delete()


def sync_content_images(content_dir, referenced, problems):
    """Make renditions for every referenced content picture whose file changed; drop the unreferenced.

    `referenced` maps an image path under images/ to the article paths that use it. Refused pictures are
    reported in `problems` as (article path, message).
    """
    root = Path(content_dir) / "images"
    known = {asset.key: asset for asset in ImageAsset.objects.filter(key__startswith="content:")}
    wanted = {content_key(path): path for path in referenced}
    for key, relative in wanted.items():
        path = (root / relative).resolve()
        asset = known.get(key)
        if root.resolve() not in path.parents or not path.is_file():
            message = f"the picture 'images/{relative}' is not in the images folder"
        else:
            stat = path.stat()
            if not asset or (asset.size, asset.mtime_ns) != (stat.st_size, stat.st_mtime_ns):
                asset = save_asset(key, relative, path.read_bytes(), stat.st_size, stat.st_mtime_ns)
            message = f"the picture 'images/{relative}' cannot be used: {asset.error}" if asset.error else ""
        for user in referenced[relative] if message else []:
            problems.append((user, message))
    delete_assets([asset for key, asset in known.items() if key not in wanted])


def validate_picture(upload):
    """Form validator for admin uploads: the same checks as content pictures, naming the field's file."""
    upload.open("rb")
    data = upload.read()
    try:
        inspect(upload.name, data)
    except ImageRefused as exc:
        raise ValidationError(f"The picture '{upload.name}' cannot be used: {exc}.") from None
    finally:
        upload.seek(0)


def delete_unused_uploads(used_keys):
    """Drop renditions of uploaded pictures whose key is not in `used_keys` (the owners say which they still use)."""
    delete_assets(list(ImageAsset.objects.filter(key__startswith="upload:").exclude(key__in=set(used_keys))))
