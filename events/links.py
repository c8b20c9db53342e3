"""Confirmation links: the signed, time-stamped token an RSVP's confirmation email carries."""

from datetime import timedelta

from django.conf import settings
from django.core import signing

from events.models import Rsvp

# Part of every link already sent: changing it breaks the links in people's inboxes.
CONFIRM_SALT = "events.rsvp.confirm"


class LinkInvalid(Exception):
    """A confirmation link that was never ours, or whose RSVP is gone."""


class LinkExpired(Exception):
    """A genuine confirmation link, too old to use."""


def pending_ttl() -> timedelta:
    """How long a confirmation link works; a pending RSVP expires after it."""
    return timedelta(hours=settings.MARSWEB_RSVP_PENDING_HOURS)


def confirm_token(rsvp: Rsvp) -> str:
    """The signed, time-stamped token of a confirmation link."""
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(rsvp.token)


def rsvp_from_confirm_token(signed: str) -> Rsvp:
    """The RSVP a confirmation link names. Raises LinkInvalid or LinkExpired."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        token = signer.unsign(signed, max_age=pending_ttl())
    except signing.SignatureExpired:
        raise LinkExpired from None
    except signing.BadSignature:
        raise LinkInvalid from None
    rsvp = Rsvp.objects.select_related("event").filter(token=token).first()
    if rsvp is None:
        raise LinkInvalid
    return rsvp
