from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.models import Event
from missions.models import Mission


class TranslatedSitemap(Sitemap):
    """Every page in each language (settings.LANGUAGES), each naming the others and English
    as the default (hreflang alternates and x-default)."""

    i18n = True
    alternates = True
    x_default = True


class PageSitemap(TranslatedSitemap):
    changefreq = "hourly"

    def items(self) -> list[str]:
        return ["home", "missions:list", "events:list", "lights:list", "lights:submit", "mars-time"]

    def location(self, item: str) -> str:
        return reverse(item)


class MissionSitemap(TranslatedSitemap):
    changefreq = "daily"
    limit = 1000

    def items(self):
        # Rehearsals are for staff and their guests, not for search engines.
        return Mission.objects.published().real().order_by("pk")

    def lastmod(self, mission: Mission):
        return mission.updated_at


class EventSitemap(TranslatedSitemap):
    changefreq = "daily"
    limit = 1000

    def items(self):
        # Rehearsals' events are practice, as their missions are.
        return Event.objects.published().filter(rehearsal_of=None).order_by("pk")

    def lastmod(self, event: Event):
        return event.updated_at


SITEMAPS = {"pages": PageSitemap, "missions": MissionSitemap, "events": EventSitemap}
