"""Email for the RSVP flow, sent through django.tasks.

Enqueued with the change each reports (marsweb.tasks.enqueue_with_transaction).
"""

import logging

from django.conf import settings
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from events.links import confirm_token
from events.models import Rsvp
from marsweb import clock
from marsweb.mail import SiteEmail, site_email

logger = logging.getLogger(__name__)

# kind: (subject, translated when sent; statuses it still applies to, field that records the send)
EMAILS = {
    "confirm": (_("Confirm your place for {title}"), {Rsvp.Status.PENDING}, "confirmation_sent_at"),
    "already": (
        _("You are already signed up for {title}"),
        {Rsvp.Status.SEATED, Rsvp.Status.WAITLISTED},
        "confirmation_sent_at",
    ),
    "seated": (_("Your seat for {title}"), {Rsvp.Status.SEATED}, "status_email_sent_at"),
    "waitlisted": (
        _("You are on the waitlist for {title}"),
        {Rsvp.Status.WAITLISTED},
        "status_email_sent_at",
    ),
    "reminder": (_("Starting soon: {title}"), {Rsvp.Status.SEATED}, "reminder_sent_at"),
    "cancelled": (
        _("Cancelled: your place for {title}"),
        {Rsvp.Status.CANCELLED},
        "status_email_sent_at",
    ),
}


def build_email(rsvp: Rsvp, kind: str) -> SiteEmail:
    """The email, and every link in it, in the attendee's language."""
    with translation.override(rsvp.language):
        return _build_email(rsvp, kind)


def _build_email(rsvp: Rsvp, kind: str) -> SiteEmail:
    subject_template = EMAILS[kind][0]
    event = rsvp.event
    context = {
        "rsvp": rsvp,
        # A name nobody has confirmed yet is whatever someone typed beside this address:
        # the confirmation email does not repeat it to the address's owner.
        "greeting_name": "" if rsvp.status == Rsvp.Status.PENDING else rsvp.name,
        "event": event,
        "site_url": settings.SITE_URL,
        "page_url": settings.SITE_URL + rsvp.get_absolute_url(),
        "confirm_url": settings.SITE_URL
        + reverse("events:rsvp-confirm", kwargs={"token": confirm_token(rsvp)}),
        "calendar_url": settings.SITE_URL + reverse("events:calendar", kwargs={"slug": event.slug}),
        "waitlist_position": rsvp.waitlist_position(),
        "seat_passed_on": kind == "cancelled" and rsvp.seat_went_to_waitlist(),
        "pending_hours": settings.MARSWEB_RSVP_PENDING_HOURS,
    }
    return site_email(
        subject=subject_template.format(title=event.title),
        template=f"events/email/{kind}",
        context=context,
        to=[rsvp.email],
    )


def already_sent(rsvp: Rsvp, kind: str) -> bool:
    """Whether this email went out since it was last called for."""
    sent_field = EMAILS[kind][2]
    sent = getattr(rsvp, sent_field)
    if kind in ("confirm", "already"):  # asked for again and again: sent since the last ask?
        asked = rsvp.confirmation_requested_at
        return sent is not None and (asked is None or sent >= asked)
    return sent is not None  # cleared with each change of status; a reminder goes once


@task()
def rsvp_send_email(*, rsvp_id: int, kind: str, unless_sent: bool = False) -> str:
    """Send one RSVP email if it still applies, and record that it went out.

    ``unless_sent`` (a retry) skips it if it went out since it was called for. A failure
    raises (the task result records it) and records nothing, so that retry_emails sends it
    again; a reminder's claim is released for the next send_reminders run too.
    """
    statuses, sent_field = EMAILS[kind][1:]
    rsvp = Rsvp.objects.select_related("event").filter(pk=rsvp_id).first()
    if rsvp is None or not rsvp.email or rsvp.status not in statuses:
        return "skipped"
    if unless_sent and already_sent(rsvp, kind):
        return "skipped"
    try:
        build_email(rsvp, kind).send()
    except Exception:
        logger.exception("Sending the %s email for RSVP %s failed", kind, rsvp_id)
        if kind == "reminder":
            Rsvp.objects.filter(pk=rsvp_id).update(reminder_claimed_at=None)
        raise
    Rsvp.objects.filter(pk=rsvp_id).update(**{sent_field: clock.now()})
    return "sent"
