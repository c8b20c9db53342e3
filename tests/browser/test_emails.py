"""The HTML emails as a phone shows them: nothing wider than the screen."""

import pytest

from events.models import Rsvp
from events.tasks import EMAILS, build_email
from lights.models import Lighting
from lights.tasks import outcome_email
from tests.factories import make_event

pytestmark = pytest.mark.django_db

PHONE = {"width": 390, "height": 844}


def html_of(message) -> str:
    return next(content for content, kind in message.alternatives if kind == "text/html")


def test_every_html_email_fits_a_phone_screen(browser):
    event = make_event(
        slug="a-very-long-event-slug-that-makes-a-long-address-for-the-calendar-file",
        title="Virtual NASA Social: Perseverance lands on Mars, with the whole team (Rehearsal)",
    )
    rsvp = Rsvp.objects.create(
        event=event,
        name="Katherine Coleman Goble Johnson",
        email="katherine@example.org",
        status=Rsvp.Status.WAITLISTED,
        waitlisted_at=event.starts_at,
        seated_at=event.starts_at,
    )
    pages = [html_of(build_email(rsvp, kind)) for kind in EMAILS]
    lighting = Lighting(landmark="Empire State Building", city="New York", submitter_email="x@y.z")
    pages += [html_of(outcome_email(lighting, approved=approved)) for approved in (True, False)]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        for html in pages:
            page.set_content(html)
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()
