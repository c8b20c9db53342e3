"""Grow the database with realistic bulk content, to show page costs do not grow with it."""

import random
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction

from events.models import Event, Rsvp, new_token
from lights.models import Lighting
from marsweb import clock
from missions.models import Milestone, Mission


class Command(BaseCommand):
    help = (
        "Add FACTOR times the seed content: missions with milestones, events, lightings, and "
        "RSVPS RSVPs spread over the events (default 100x and 100,000). For load tests; "
        "never run it on a real site."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--factor", type=int, default=100)
        parser.add_argument("--rsvps", type=int, default=100_000)

    @transaction.atomic
    def handle(self, *args, factor: int, rsvps: int, **options) -> None:
        rng = random.Random(2021)
        now = clock.now()
        missions = Mission.objects.bulk_create(
            Mission(
                name=f"Bulk Rover {n}",
                slug=f"bulk-rover-{n}",
                agency="Bulk Space Agency",
                kind=Mission.Kind.ROVER,
                status=Mission.Status.ACTIVE,
                summary="A mission made up to fill the database for a load test.",
                landed_at=now - timedelta(days=rng.randint(1, 5000)),
                latitude=rng.uniform(-60, 60),
                longitude_east=rng.uniform(0, 359),
                is_published=True,
            )
            for n in range(9 * factor)
        )
        Milestone.objects.bulk_create(
            Milestone(
                mission=mission,
                kind=kind,
                title=kind.title(),
                occurs_at=mission.landed_at - timedelta(minutes=offset),
                signal_delay=timedelta(minutes=12),
            )
            for mission in missions
            for kind, offset in (
                ("launch", 300 * 24 * 60),
                ("entry-interface", 7),
                ("touchdown", 0),
            )
        )
        starts = [now + timedelta(hours=rng.randint(-5000, 5000)) for _ in range(3 * factor)]
        events = Event.objects.bulk_create(
            Event(
                title=f"Bulk watch party {n}",
                slug=f"bulk-watch-party-{n}",
                kind=Event.Kind.VIRTUAL_SOCIAL,
                starts_at=starts[n],
                ends_at=starts[n] + timedelta(hours=rng.randint(1, 6)),
                time_zone="America/Los_Angeles",
                summary="An event made up for a load test.",
                capacity=rng.choice([None, 100, 1000]),
                is_published=True,
            )
            for n in range(3 * factor)
        )
        statuses = [
            Rsvp.Status.SEATED,
            Rsvp.Status.WAITLISTED,
            Rsvp.Status.PENDING,
            Rsvp.Status.CANCELLED,
        ]
        batch = []
        for n in range(rsvps):
            batch.append(
                Rsvp(
                    event=events[n % len(events)],
                    name=f"Bulk Attendee {n}",
                    email=f"bulk{n}@example.org",
                    status=rng.choice(statuses),
                    token=new_token(),
                    confirmed_at=now,
                    waitlisted_at=now,
                )
            )
            if len(batch) == 5000:
                Rsvp.objects.bulk_create(batch)
                batch = []
        Rsvp.objects.bulk_create(batch)
        Lighting.objects.bulk_create(
            Lighting(
                landmark=f"Bulk Tower {n}",
                city="Paris",
                country="France",
                latitude=round(rng.uniform(-60, 60), 5),
                longitude=round(rng.uniform(-179, 179), 5),
                time_zone="Europe/Paris",
                start_kind="unknown",
                end_kind="unknown",
                is_published=True,
            )
            for n in range(3 * factor)
        )
        self.stdout.write(
            f"Added {len(missions)} missions, {len(events)} events, {rsvps} RSVPs and {3 * factor} lightings."
        )
