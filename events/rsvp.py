"""The RSVP flow: every state change of an RSVP, for views, admin and commands alike.

Seats are counted and given inside one transaction that first locks the event row
(``select_for_update`` on PostgreSQL; on SQLite the connection's IMMEDIATE transactions
take the database write lock at BEGIN), so two confirmations can never both take the
last seat. Each email is enqueued with the change it reports (marsweb.tasks): it goes out
only if that change commits, a failed send never undoes a stored RSVP, and the *_sent_at
fields tell ``retry_emails`` what to send again.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q

from events.links import pending_ttl
from events.models import Event, Rsvp, new_token
from events.tasks import rsvp_send_email
from marsweb import clock
from marsweb.tasks import enqueue_with_transaction


class RsvpError(Exception):
    """A state change that is not possible now; the message says why, for staff."""


def normalize_email(email: str) -> str:
    return email.strip().lower()


def _send_email(rsvp_id: int, kind: str, *, unless_sent: bool = False) -> None:
    enqueue_with_transaction(rsvp_send_email, rsvp_id=rsvp_id, kind=kind, unless_sent=unless_sent)


def rsvp_request(
    *,
    event: Event,
    name: str,
    email: str,
    language: str = settings.LANGUAGE_CODE,
    now: datetime | None = None,
) -> Rsvp:
    """A visitor asks for a seat: store a pending RSVP (or find theirs) and email them.

    Whatever was stored before, the visitor sees the same answer. A pending RSVP gets a fresh
    confirmation link; a confirmed one gets a note with the link to its own page; a
    cancelled one starts over as pending. Within a minute of the last request nothing more
    is sent, so the form cannot be used to flood someone's inbox, and a double submit sends
    one email: the request's time is stored in the transaction that enqueues the email.
    A pending RSVP keeps the name it was first given: whoever knows an address must not
    rename the seat its owner is about to confirm.

    Most sign-ups are a new address: that is one INSERT in a transaction of its own, so the
    database's write lock (all of SQLite's) is held for as short a time as possible. Only
    when the address is already there (the unique constraint says so) are rows locked and
    read.
    """
    now = now or clock.now()
    email = normalize_email(email)
    name = name.strip()
    rsvp = Rsvp(
        event=event, name=name, email=email, language=language, confirmation_requested_at=now
    )
    # Field checks only: the event is known to exist, and the database enforces uniqueness.
    rsvp.full_clean(exclude=["event"], validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            rsvp.save(force_insert=True)
            _send_email(rsvp.pk, "confirm")
        return rsvp
    except IntegrityError:  # this address has asked before (two random tokens never clash)
        pass
    return _rsvp_request_again(event=event, name=name, email=email, language=language, now=now)


def _rsvp_request_again(
    *, event: Event, name: str, email: str, language: str, now: datetime
) -> Rsvp:
    with transaction.atomic():
        rsvp = Rsvp.objects.select_for_update().filter(event=event, email=email).first()
        if rsvp is None:  # purged or deleted since the INSERT failed: start afresh
            rsvp = Rsvp(event=event, name=name, email=email, language=language)
            rsvp.save(force_insert=True)
        elif rsvp.status == Rsvp.Status.CANCELLED:  # a new sign-up: nothing of the old holds
            rsvp.status = Rsvp.Status.PENDING
            rsvp.name = name
            rsvp.confirmed_at = rsvp.seated_at = rsvp.waitlisted_at = rsvp.cancelled_at = None
            rsvp.confirmation_requested_at = None
            rsvp.confirmation_sent_at = rsvp.status_email_sent_at = None
            rsvp.reminder_claimed_at = rsvp.reminder_sent_at = None
            rsvp.save()

        asked = rsvp.confirmation_requested_at
        if asked is None or now - asked >= timedelta(minutes=1):
            # Asked again from a page in another language: the emails speak that one now.
            rsvp.confirmation_requested_at = now
            rsvp.language = language
            rsvp.save(update_fields=["confirmation_requested_at", "language"])
            kind = "confirm" if rsvp.status == Rsvp.Status.PENDING else "already"
            _send_email(rsvp.pk, kind)
    return rsvp


def _lock(rsvp: Rsvp) -> tuple[Event, Rsvp]:
    """Lock the event row, then re-read the RSVP inside the transaction."""
    event = Event.objects.select_for_update().get(pk=rsvp.event_id)
    return event, Rsvp.objects.select_for_update().get(pk=rsvp.pk)


def _has_free_seat(event: Event) -> bool:
    return event.capacity is None or event.rsvps.seated().count() < event.capacity


def _seat(rsvp: Rsvp, now: datetime) -> None:
    rsvp.status = Rsvp.Status.SEATED
    rsvp.seated_at = now
    rsvp.status_email_sent_at = None
    rsvp.save()
    _send_email(rsvp.pk, "seated")


def _fill_from_waitlist(event: Event, now: datetime) -> list[Rsvp]:
    promoted = []
    for waiting in event.rsvps.waitlisted().select_for_update():
        if not _has_free_seat(event):
            break
        _seat(waiting, now)
        promoted.append(waiting)
    return promoted


def rsvp_confirm(*, rsvp: Rsvp, now: datetime | None = None) -> Rsvp:
    """The attendee confirms their address: a seat if one is free, else the waitlist.

    Confirming twice changes nothing. A pending RSVP holds no seat until this runs.
    """
    now = now or clock.now()
    with transaction.atomic():
        event, rsvp = _lock(rsvp)
        if rsvp.status != Rsvp.Status.PENDING:
            return rsvp
        rsvp.confirmed_at = now
        if _has_free_seat(event):
            _seat(rsvp, now)
        else:
            rsvp.status = Rsvp.Status.WAITLISTED
            rsvp.waitlisted_at = now
            rsvp.status_email_sent_at = None
            rsvp.save()
            _send_email(rsvp.pk, "waitlisted")
    return rsvp


def rsvp_cancel(*, rsvp: Rsvp, now: datetime | None = None) -> Rsvp:
    """The attendee gives up their seat or place, and is emailed that it is done; a freed
    seat goes to the waitlist at once."""
    now = now or clock.now()
    with transaction.atomic():
        event, rsvp = _lock(rsvp)
        if rsvp.status == Rsvp.Status.CANCELLED:
            return rsvp
        was_seated = rsvp.status == Rsvp.Status.SEATED
        rsvp.status = Rsvp.Status.CANCELLED
        rsvp.cancelled_at = now
        rsvp.status_email_sent_at = None
        rsvp.save()
        if rsvp.email:
            _send_email(rsvp.pk, "cancelled")
        if was_seated:
            _fill_from_waitlist(event, now)
    return rsvp


def rsvp_promote(*, rsvp: Rsvp, now: datetime | None = None) -> Rsvp:
    """Staff give a waitlisted attendee a seat by hand, if one is free."""
    now = now or clock.now()
    with transaction.atomic():
        event, rsvp = _lock(rsvp)
        if rsvp.status != Rsvp.Status.WAITLISTED:
            raise RsvpError(f"{rsvp.name} is not on the waitlist.")
        if not _has_free_seat(event):
            raise RsvpError(f"{event.title} is full: raise its capacity to seat {rsvp.name}.")
        _seat(rsvp, now)
    return rsvp


def event_fill_from_waitlist(*, event: Event, now: datetime | None = None) -> list[Rsvp]:
    """After staff raise the capacity: seat the waitlist in order while seats are free."""
    now = now or clock.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        return _fill_from_waitlist(event, now)


def rsvp_resend_confirmation(*, rsvp: Rsvp) -> bool:
    """Staff send a pending RSVP's confirmation email again. False when not pending."""
    if rsvp.status != Rsvp.Status.PENDING or not rsvp.email:
        return False
    with transaction.atomic():
        Rsvp.objects.filter(pk=rsvp.pk).update(confirmation_requested_at=clock.now())
        _send_email(rsvp.pk, "confirm")
    return True


def rsvp_is_expired(rsvp: Rsvp, *, now: datetime | None = None) -> bool:
    """A pending RSVP whose confirmation window has passed."""
    now = now or clock.now()
    return (
        rsvp.status == Rsvp.Status.PENDING
        and now - rsvp.created_at > pending_ttl()
        and (rsvp.confirmation_sent_at is None or now - rsvp.confirmation_sent_at > pending_ttl())
    )


def rsvps_send_reminders(*, now: datetime | None = None) -> int:
    """Remind every seated attendee of events starting within the reminder window, once.

    Safe to run every minute from cron, even twice at once: each RSVP is claimed with a
    conditional UPDATE before its email is enqueued, so only one run sends it. A failed
    send clears the claim (see events.tasks), and the next run tries again.
    """
    now = now or clock.now()
    window = timedelta(minutes=settings.MARSWEB_REMINDER_MINUTES_BEFORE)
    due = Rsvp.objects.filter(
        status=Rsvp.Status.SEATED,
        reminder_claimed_at=None,
        email__isnull=False,
        event__starts_at__gt=now,
        event__starts_at__lte=now + window,
    ).values_list("pk", flat=True)
    sent = 0
    for rsvp_id in list(due):
        with transaction.atomic():
            claimed = Rsvp.objects.filter(pk=rsvp_id, reminder_claimed_at=None).update(
                reminder_claimed_at=now
            )
            if claimed:
                _send_email(rsvp_id, "reminder")
                sent += 1
    return sent


def rsvps_retry_emails(*, now: datetime | None = None) -> int:
    """Enqueue again every RSVP email that was called for and has not gone out since:
    its send failed, or the worker sending it was stopped (marsweb.tasks.recover_stale_tasks).

    An email still waiting in the worker's queue is enqueued again too, but marked
    ``unless_sent``: queued behind the first, the copy finds the email sent and skips it.
    """
    now = now or clock.now()
    settled = now - timedelta(minutes=1)  # leave emails that are being sent right now alone
    count = 0
    not_sent_since_asked = Q(confirmation_sent_at=None) | Q(
        confirmation_sent_at__lt=F("confirmation_requested_at")
    )
    asked = Rsvp.objects.filter(
        not_sent_since_asked,
        email__isnull=False,
        confirmation_requested_at__lt=settled,
        confirmation_requested_at__gt=now - pending_ttl(),
    )
    pending = asked.filter(status=Rsvp.Status.PENDING)
    already = asked.filter(status__in=[Rsvp.Status.SEATED, Rsvp.Status.WAITLISTED])
    confirmed = Rsvp.objects.filter(
        status__in=[Rsvp.Status.SEATED, Rsvp.Status.WAITLISTED],
        status_email_sent_at=None,
        email__isnull=False,
        confirmed_at__lt=settled,
        event__ends_at__gt=now,
    )
    cancelled = Rsvp.objects.filter(
        status=Rsvp.Status.CANCELLED,
        status_email_sent_at=None,
        email__isnull=False,
        cancelled_at__lt=settled,
        cancelled_at__gt=now - pending_ttl(),
    )
    reminders = Rsvp.objects.filter(
        status=Rsvp.Status.SEATED,
        reminder_sent_at=None,
        email__isnull=False,
        reminder_claimed_at__lt=settled,
        event__starts_at__gt=now,
    )
    with transaction.atomic():
        for rsvp in pending:
            _send_email(rsvp.pk, "confirm", unless_sent=True)
            count += 1
        for rsvp in confirmed:
            kind = "seated" if rsvp.status == Rsvp.Status.SEATED else "waitlisted"
            _send_email(rsvp.pk, kind, unless_sent=True)
            count += 1
        for rsvp in cancelled:
            _send_email(rsvp.pk, "cancelled", unless_sent=True)
            count += 1
        for rsvp in already:
            _send_email(rsvp.pk, "already", unless_sent=True)
            count += 1
        for rsvp in reminders:
            _send_email(rsvp.pk, "reminder", unless_sent=True)
            count += 1
    return count


def rsvps_purge(*, now: datetime | None = None, days: int | None = None) -> int:
    """Erase names and addresses of RSVPs to events that ended ``days`` ago; counts stay.

    Pending RSVPs that were never confirmed are erased too once their link has expired.
    """
    now = now or clock.now()
    days = settings.MARSWEB_RSVP_PURGE_AFTER_DAYS if days is None else days
    old = Rsvp.objects.filter(purged_at=None).filter(
        Q(event__ends_at__lt=now - timedelta(days=days))
        | Q(status=Rsvp.Status.PENDING, created_at__lt=now - pending_ttl())
    )
    count = 0
    for rsvp in old.only("pk"):
        Rsvp.objects.filter(pk=rsvp.pk).update(
            name="", email=None, token=new_token(), purged_at=now
        )
        count += 1
    return count
