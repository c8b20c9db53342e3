"""Email to people who submitted a lighting, sent through django.tasks.

Enqueued with the moderation it reports (marsweb.tasks.enqueue_with_transaction).
"""

from django.conf import settings
from django.tasks import task
from django.utils import translation
from django.utils.translation import gettext as _

from lights.models import Lighting
from marsweb import clock
from marsweb.mail import SiteEmail, site_email


def outcome_email(lighting: Lighting, *, approved: bool) -> SiteEmail:
    """The email telling a submitter whether staff published their lighting, in the language
    they submitted it in."""
    with translation.override(lighting.submitter_language):
        return _outcome_email(lighting, approved=approved)


def _outcome_email(lighting: Lighting, *, approved: bool) -> SiteEmail:
    return site_email(
        subject=(_("Published: {landmark}") if approved else _("Not published: {landmark}")).format(
            landmark=lighting.landmark
        ),
        template="lights/email/outcome",
        context={"lighting": lighting, "approved": approved, "site_url": settings.SITE_URL},
        to=[lighting.submitter_email],
    )


@task()
def lighting_send_outcome(*, lighting_id: int, unless_sent: bool = False) -> str:
    """Tell the person who submitted a lighting whether staff published it, and record it.

    ``unless_sent`` (a retry) skips it if the submitter was told since the last review. A
    failure raises and records nothing, so that retry_emails sends it again.
    """
    lighting = Lighting.objects.filter(pk=lighting_id).first()
    if lighting is None or not lighting.submitter_email or lighting.reviewed_at is None:
        return "skipped"
    if unless_sent and outcome_sent(lighting):
        return "skipped"
    approved = lighting.moderation == Lighting.Moderation.APPROVED
    outcome_email(lighting, approved=approved).send()
    Lighting.objects.filter(pk=lighting_id).update(outcome_sent_at=clock.now())
    return "sent"


def outcome_sent(lighting: Lighting) -> bool:
    sent = lighting.outcome_sent_at
    return sent is not None and sent >= lighting.reviewed_at
