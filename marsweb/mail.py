"""The email the site sends: text and HTML from one template pair, headers a reader shows right."""

import email.policy

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


class SiteEmail(EmailMultiAlternatives):
    """An email whose header lines may be as long as RFC 5322 allows (998 characters).

    With the usual 78, Python folds a subject that does not fit beside "Subject:" onto the
    next line whole, and readers then show it with a leading space.
    """

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))


def site_email(*, subject: str, template: str, context: dict, to: list[str]) -> SiteEmail:
    """``template``.txt as the text, ``template``.html as the HTML alternative.

    The subject becomes one line (titles are staff input: no line break reaches a header).
    """
    message = SiteEmail(
        subject=" ".join(subject.split()),
        body=render_to_string(f"{template}.txt", context),
        to=to,
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message
