"""A mission's live feed as Atom (``/missions/<slug>/live.atom``), for feed readers."""

from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.template.defaultfilters import linebreaks_filter, urlize
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from marsweb import clock
from marsweb.translated import active_language
from missions import live
from missions.models import LiveUpdate, Mission


@dataclass(frozen=True)
class Item:
    entry: live.Entry
    page_url: str  # the mission's page, absolute


class LanguageMarkedAtom(Atom1Feed):
    """Atom whose entries not translated yet say they are English (``xml:lang``), as pages
    mark them ``lang="en"``."""

    def item_attributes(self, item) -> dict[str, str]:
        lang = item.get("lang")
        return {"xml:lang": lang} if lang else {}


class MissionLiveAtom(Feed):
    """The feed in the language of its address (``/es/missions/<slug>/live.atom``): its own
    words, and each post's translation where staff wrote one."""

    feed_type = LanguageMarkedAtom

    def get_object(self, request: HttpRequest, slug: str) -> live.Feed:
        try:
            mission, milestones = Mission.objects.published().with_timeline(slug=slug)
        except Mission.DoesNotExist:
            raise Http404("No such mission") from None
        updates = LiveUpdate.objects.filter(mission=mission)
        return live.build_feed(mission, milestones, updates, now=clock.now())

    def title(self, feed: live.Feed) -> str:
        # A rehearsal's name says so already: "Perseverance (Rehearsal)".
        return _("%(name)s: live updates") % {"name": feed.mission.name}

    def subtitle(self, feed: live.Feed) -> str:
        return _("Landing night as it happens: staff posts and the key events of the landing.")

    def item_extra_kwargs(self, item: Item) -> dict:
        return {"lang": item.entry.headline_lang}

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
        entry = item.entry
        text = linebreaks_filter(urlize(escape(entry.body)))
        if entry.body_lang != entry.headline_lang:  # the entry says the headline's language
            text = format_html(
                '<div lang="{}">{}</div>', entry.body_lang or active_language(), text
            )
        if entry.source_note:
            # Sources are cited as published (in English), as on the pages.
            source = format_html('<span lang="en" dir="ltr">{}</span>', entry.source_note)
            sentence = conditional_escape(_("Source: %(source)s")) % {"source": source}
            text += format_html("<p>{}</p>", mark_safe(sentence))  # escaped above
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
