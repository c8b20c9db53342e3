"""A mission's live feed as Atom (``/missions/<slug>/live.atom``), for feed readers."""

from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.template.defaultfilters import linebreaks_filter, urlize
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, format_html

from marsweb import clock
from missions import live
from missions.models import LiveUpdate, Mission


@dataclass(frozen=True)
class Item:
    entry: live.Entry
    page_url: str  # the mission's page, absolute


class MissionLiveAtom(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, slug: str) -> live.Feed:
        try:
            mission, milestones = Mission.objects.published().with_timeline(slug=slug)
        except Mission.DoesNotExist:
            raise Http404("No such mission") from None
        updates = LiveUpdate.objects.filter(mission=mission)
        return live.build_feed(mission, milestones, updates, now=clock.now())

    def title(self, feed: live.Feed) -> str:
        label = " (rehearsal)" if feed.mission.is_rehearsal else ""
        return f"{feed.mission.name}{label}: live updates"

    def subtitle(self, feed: live.Feed) -> str:
        return "Landing night as it happens: staff posts and the key events of the landing."

    def link(self, feed: live.Feed) -> str:
        return feed.mission.get_absolute_url() + "#live"

    def items(self, feed: live.Feed) -> list[Item]:
        page = settings.SITE_URL + feed.mission.get_absolute_url()
        newest_first = sorted(feed.entries, key=lambda entry: entry.at, reverse=True)
        return [Item(entry, page) for entry in newest_first]

    def item_title(self, item: Item) -> str:
        prefix = "" if item.entry.kind == LiveUpdate.Kind.UPDATE else f"{item.entry.kind_label}: "
        return prefix + item.entry.headline

    def item_description(self, item: Item) -> str:
        source = f"\n\nSource: {item.entry.source_note}" if item.entry.source_note else ""
        text = linebreaks_filter(urlize(escape(item.entry.body + source)))
        picture = item.entry.picture
        if picture is None:
            return text
        src = urljoin(item.page_url, picture.src)
        return format_html('<p><img src="{}" alt="{}"></p>', src, picture.alt) + text

    def item_link(self, item: Item) -> str:
        return f"{item.page_url}#{item.entry.anchor}"

    def item_guid(self, item: Item) -> str:
        return self.item_link(item)

    def item_pubdate(self, item: Item):
        return item.entry.at

    def item_updateddate(self, item: Item):
        return item.entry.edited_at or item.entry.at
