from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from missions.models import Mission
from missions.rehearsal import mission_rehearse


class Command(BaseCommand):
    help = (
        "Rehearse a landing night: copy a mission's timeline so its landing falls N minutes "
        "from now. Earlier rehearsals of the same mission are replaced unless --keep is given."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("mission_slug")
        parser.add_argument("--minutes", type=float, default=30.0)
        parser.add_argument("--keep", action="store_true", help="Keep earlier rehearsals.")

    def handle(self, *args, mission_slug: str, minutes: float, keep: bool, **options) -> None:
        try:
            mission = Mission.objects.real().get(slug=mission_slug)
        except Mission.DoesNotExist:
            raise CommandError(f"No mission with the slug {mission_slug!r}.") from None
        try:
            rehearsal = mission_rehearse(mission=mission, minutes=minutes, replace=not keep)
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Rehearsal {rehearsal.name!r} lands at {rehearsal.landed_at:%Y-%m-%d %H:%M:%S} UTC: "
            f"{settings.SITE_URL}{rehearsal.get_absolute_url()}"
        )
