from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from missions.models import Mission


class PageSitemap(Sitemap):
    changefreq = "hourly"

    def items(self) -> list[str]:
        return ["home", "missions:list"]

    def location(self, item: str) -> str:
        return reverse(item)


class MissionSitemap(Sitemap):
    changefreq = "daily"
    limit = 1000

    def items(self):
        # Rehearsals are for staff and their guests, not for search engines.
        return Mission.objects.published().real().order_by("pk")

    def lastmod(self, mission: Mission):
        return mission.updated_at


SITEMAPS = {"pages": PageSitemap, "missions": MissionSitemap}
