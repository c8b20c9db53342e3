"""Uploaded images: what is accepted, and the smaller copies made for ``srcset``."""

from io import BytesIO
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.template.defaultfilters import filesizeformat
from PIL import Image, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
RENDITION_WIDTHS = (320, 640, 1280)


def validate_image_upload(file) -> None:
    """Refuse files that are too big, not images, or images of a format we do not serve."""
    max_bytes = settings.MARSWEB_IMAGE_MAX_BYTES
    if file.size is not None and file.size > max_bytes:
        raise ValidationError(
            "This file is %(size)s; images may be at most %(max)s.",
            code="too_large",
            params={"size": filesizeformat(file.size), "max": filesizeformat(max_bytes)},
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            "This file is not an image we can read. Upload a JPEG, PNG or WebP file.",
            code="not_an_image",
        ) from None
    finally:
        file.seek(position)
    if image_format not in ACCEPTED_FORMATS:
        raise ValidationError(
            "%(format)s images are not accepted. Upload a JPEG, PNG or WebP file.",
            code="bad_format",
            params={"format": image_format or "This kind of"},
        )
    if width * height > settings.MARSWEB_IMAGE_MAX_PIXELS:
        raise ValidationError(
            "This image is %(w)s × %(h)s pixels, too large to process. "
            "Resize it below %(mp)s megapixels.",
            code="too_many_pixels",
            params={"w": width, "h": height, "mp": settings.MARSWEB_IMAGE_MAX_PIXELS // 1_000_000},
        )


def image_make_renditions(*, storage: Storage, name: str) -> dict[str, str]:
    """Write WebP copies of the stored image ``name`` at each smaller standard width.

    Returns ``{width: storage name}``, what an image model keeps (``MissionImage.renditions``).
    Widths at or above the original's are skipped: the original serves those.
    """
    renditions: dict[str, str] = {}
    stem = PurePosixPath(name)
    with storage.open(name, "rb") as original, Image.open(original) as image:
        image.load()
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "transparency" in image.info else "RGB")
        for width in RENDITION_WIDTHS:
            if width >= image.width:
                continue
            height = round(image.height * width / image.width)
            copy = image.resize((width, height), Image.Resampling.LANCZOS)
            buffer = BytesIO()
            copy.save(buffer, "WEBP", quality=82, method=4)
            target = str(stem.parent / "renditions" / f"{stem.stem}-{width}w.webp")
            if storage.exists(target):
                storage.delete(target)
            renditions[str(width)] = storage.save(target, ContentFile(buffer.getvalue()))
    return renditions


def smallest_url(*, storage: Storage, name: str, renditions: dict[str, str]) -> str:
    """The ``src`` of an image shown through ``srcset``: its smallest copy, or the original."""
    return storage.url(renditions[min(renditions, key=int)] if renditions else name)


def srcset(*, storage: Storage, name: str, width: int | None, renditions: dict[str, str]) -> str:
    """The ``srcset`` attribute value: every rendition, then the original at its width."""
    candidates = [
        f"{storage.url(path)} {w}w"
        for w, path in sorted(renditions.items(), key=lambda r: int(r[0]))
    ]
    if width:
        candidates.append(f"{storage.url(name)} {width}w")
    return ", ".join(candidates)
