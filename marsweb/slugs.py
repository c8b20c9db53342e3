from django.db import models
from django.utils.text import slugify


def unique_slug(model: type[models.Model], base: str, *, max_length: int = 110) -> str:
    """``base`` as a slug, or ``base-2``, ``base-3``… whichever ``model`` does not use yet."""
    slug = slugify(base)[:max_length]
    candidate, n = slug, 1
    while model._default_manager.filter(slug=candidate).exists():
        n += 1
        candidate = f"{slug}-{n}"
    return candidate
