"""Email to people who submitted a lighting, sent through django.tasks.

Enqueued with the moderation it reports (marsweb.tasks.enqueue_with_transaction).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.template.loader import render_to_string

from lights.models import Lighting


@task()
def lighting_send_outcome(*, lighting_id: int) -> str:
    """Tell the person who submitted a lighting whether staff published it."""
    lighting = Lighting.objects.filter(pk=lighting_id).first()
    if lighting is None or not lighting.submitter_email:
        return "skipped"
    approved = lighting.moderation == Lighting.Moderation.APPROVED
    context = {"lighting": lighting, "approved": approved, "site_url": settings.SITE_URL}
    subject = " ".join(
        (
            f"Published: {lighting.landmark}" if approved else f"Not published: {lighting.landmark}"
        ).split()
    )
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("lights/email/outcome.txt", context),
        to=[lighting.submitter_email],
    )
    message.attach_alternative(render_to_string("lights/email/outcome.html", context), "text/html")
    message.send()
    return "sent"
