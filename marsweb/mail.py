"""The email the site sends: text and HTML from one template pair, headers a reader shows
right, over one kept connection to the mail server per worker."""

import contextlib
import email.policy
import smtplib
import threading

from django.core.mail import EmailMultiAlternatives, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string


def _closed_by_server(error: BaseException) -> bool:
    """A kept connection the server has closed (its idle timeout, a restart, its limit of
    messages per connection: 421) sent nothing: the message goes again on a new one."""
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code == 421
    return isinstance(error, (smtplib.SMTPServerDisconnected, ConnectionError))


_kept = threading.local()
_configuration = [0]  # bumped when the tests change MAILERS: kept connections then go


@receiver(setting_changed)
def _forget_connections(*, setting: str, **kwargs) -> None:
    if setting in ("MAILERS", "EMAIL_BACKEND"):
        _configuration[0] += 1


def kept_connection() -> tuple[BaseEmailBackend, bool]:
    """This thread's open connection to the mail server (MAILERS' default), and whether it
    was opened just now.

    An email worker sends one message per task: opening a connection for each (TCP, EHLO,
    STARTTLS and login on a real relay, QUIT) cost more than building the message. A
    connection kept open sends the next message at once.
    """
    connection = getattr(_kept, "connection", None)
    if connection is None or _kept.configuration != _configuration[0]:
        connection = _kept.connection = mailers.default
        _kept.configuration = _configuration[0]
    return connection, connection.open() is not False


def _drop_kept_connection() -> None:
    connection, _kept.connection = getattr(_kept, "connection", None), None
    if connection is not None:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            connection.close()  # it is gone already, and so is what it held


class SiteEmail(EmailMultiAlternatives):
    """An email whose header lines may be as long as RFC 5322 allows (998 characters).

    With the usual 78, Python folds a subject that does not fit beside "Subject:" onto the
    next line whole, and readers then show it with a leading space.
    """

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))

    def send(self) -> int:
        """Send over the thread's kept connection, once more on a new one if the server had
        closed it. Any other failure raises, and the next message opens a new connection."""
        try:
            connection, fresh = kept_connection()
            try:
                return connection.send_messages([self])
            except Exception as error:
                if fresh or not _closed_by_server(error):
                    raise
                _drop_kept_connection()
                return kept_connection()[0].send_messages([self])
        except BaseException:
            _drop_kept_connection()
            raise


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
