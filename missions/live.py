"""A mission's live feed on landing night: what staff post, and the key events its
milestones post by themselves.

A milestone's key event is derived when the feed is read, not stored by a job: it shows
from the second Earth hears of the milestone (``earth_received_at``), on every server at
once, with nothing to schedule or to go wrong if a cron run is late. Staff rewrite one by
posting an update that names the milestone, and suppress it by withdrawing that update.

Coverage (the LIVE badge, and how often pages poll) runs from ``live_from`` to
``live_until``; left empty, from two hours before Earth hears of the touchdown (or arrival)
to three hours after. A rehearsal is a mission of its own: its feed is its own timeline's
and its own posts', never the real mission's.

Every function here takes what it shows as already loaded, and "now" from its caller.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urljoin

from django.utils.translation import gettext as _

from marsweb import images
from marsweb.translated import active_language, fallback_lang
from missions.landing import landing_of
from missions.models import LiveUpdate, Milestone, Mission

BEFORE_LANDING = timedelta(hours=2)
AFTER_LANDING = timedelta(hours=3)
# How often a page asks for new posts: often while the night is live, now and then before.
LIVE_POLL_SECONDS = 10
WAITING_POLL_SECONDS = 60
# What the page and the fragment show; older posts stay on the Atom feed.
SHOWN = 50


@dataclass(frozen=True)
class Picture:
    """A post's image: the smallest copy as ``src``, every copy in ``srcset``."""

    src: str
    srcset: str
    width: int | None
    height: int | None
    alt: str


@dataclass(frozen=True)
class Entry:
    """One post as the feed shows it."""

    anchor: str  # the element id: "update-12", "milestone-7"
    kind: str  # LiveUpdate.Kind: key, update, correction
    headline: str
    body: str
    at: datetime
    headline_lang: str = ""  # "en" when the headline is the English in place of a translation
    body_lang: str = ""
    pinned: bool = False
    edited_at: datetime | None = None
    source_note: str = ""
    picture: Picture | None = None

    @property
    def is_key(self) -> bool:
        return self.kind == LiveUpdate.Kind.KEY

    @property
    def kind_label(self) -> str:
        return LiveUpdate.Kind(self.kind).label

    @property
    def version(self) -> str:
        """Changes when the post is edited or (un)pinned: pages replace their copy."""
        edited = int(self.edited_at.timestamp()) if self.edited_at else 0
        return f"{edited}-{int(self.pinned)}"


@dataclass(frozen=True)
class Feed:
    mission: Mission
    entries: list[Entry]  # pinned first, then newest (or oldest) first
    key_moments: list[Entry]  # key events, in the order they happened
    starts: datetime | None
    ends: datetime | None
    now: datetime
    oldest_first: bool = False
    next_change_at: datetime | None = None  # a key event or a post timed for later appears

    @property
    def changes_in_seconds(self) -> int | None:
        """Seconds until the feed shows something new by itself: no cache may keep it past
        then (marsweb.caching.keep_seconds)."""
        if self.next_change_at is None:
            return None
        return max(1, math.ceil((self.next_change_at - self.now).total_seconds()))

    @property
    def is_live(self) -> bool:
        return self.starts is not None and self.starts <= self.now < self.ends

    @property
    def is_over(self) -> bool:
        return self.ends is not None and self.now >= self.ends

    @property
    def poll_seconds(self) -> int | None:
        """How often a page asks for new posts; None once coverage has ended."""
        if self.is_over:
            return None
        return LIVE_POLL_SECONDS if self.is_live else WAITING_POLL_SECONDS

    @property
    def shown_at_most(self) -> int:
        """How many posts the page and the fragment hold (older ones stay on the Atom feed)."""
        return SHOWN

    @property
    def newest_at(self) -> datetime | None:
        return max((entry.at for entry in self.entries), default=None)


def coverage(
    mission: Mission, milestones: Iterable[Milestone]
) -> tuple[datetime | None, datetime | None]:
    """When the mission's live coverage starts and ends; (None, None) with nothing to cover."""
    landing = landing_of(mission, milestones)
    heard = landing.heard_at if landing is not None else None
    starts = mission.live_from or (heard - BEFORE_LANDING if heard else None)
    ends = mission.live_until or (heard + AFTER_LANDING if heard else None)
    if starts is None or ends is None:
        return None, None
    return starts, ends


def build_feed(
    mission: Mission,
    milestones: Sequence[Milestone],
    updates: Iterable[LiveUpdate],
    *,
    now: datetime,
    oldest_first: bool = False,
) -> Feed:
    """The feed as of ``now``: staff posts that are due and not withdrawn, and the key event
    of each milestone Earth has heard of during coverage (rewritten or suppressed by staff)."""
    starts, ends = coverage(mission, milestones)
    rewrites = {u.milestone_id: u for u in updates if u.milestone_id is not None}
    entries = [
        _post(update)
        for update in updates
        if update.milestone_id is None and update.withdrawn_at is None and update.posted_at <= now
    ]
    later = [
        update.posted_at
        for update in updates
        if update.milestone_id is None and update.withdrawn_at is None and update.posted_at > now
    ]
    for milestone in milestones:
        heard = milestone.earth_received_at
        if heard is None or starts is None or not starts <= heard <= ends:
            continue
        if heard > now:
            later.append(heard)
            continue
        rewrite = rewrites.get(milestone.pk)
        if rewrite is None:
            entries.append(_milestone_event(milestone, heard))
        elif rewrite.withdrawn_at is None:
            entries.append(_post(rewrite, at=heard, anchor=f"milestone-{milestone.pk}", key=True))
    entries.sort(key=lambda entry: entry.at, reverse=not oldest_first)
    entries.sort(key=lambda entry: not entry.pinned)  # stable: pinned first, each in order
    entries = entries[:SHOWN]
    key_moments = sorted((e for e in entries if e.is_key), key=lambda e: e.at)
    later += [edge for edge in (starts, ends) if edge is not None and edge > now]
    return Feed(
        mission, entries, key_moments, starts, ends, now, oldest_first, min(later, default=None)
    )


def _post(
    update: LiveUpdate, *, at: datetime | None = None, anchor: str = "", key: bool = False
) -> Entry:
    return Entry(
        anchor=anchor or f"update-{update.pk}",
        kind=LiveUpdate.Kind.KEY if key else update.kind,
        headline=update.headline,
        body=update.body,
        at=at or update.posted_at,
        headline_lang=fallback_lang(update, "headline"),
        body_lang=fallback_lang(update, "body"),
        pinned=update.is_pinned,
        edited_at=update.edited_at,
        source_note=update.source_note,
        picture=_picture(update),
    )


def _picture(update: LiveUpdate) -> Picture | None:
    if not update.image:
        return None
    storage, name, renditions = update.image.storage, update.image.name, update.image_renditions
    return Picture(
        src=images.smallest_url(storage=storage, name=name, renditions=renditions),
        srcset=images.srcset(
            storage=storage, name=name, width=update.image_width, renditions=renditions
        ),
        width=update.image_width,
        height=update.image_height,
        alt=update.image_alt,
    )


def _milestone_event(milestone: Milestone, heard: datetime) -> Entry:
    return Entry(
        anchor=f"milestone-{milestone.pk}",
        kind=LiveUpdate.Kind.KEY,
        headline=milestone.title,
        body=milestone.description,
        at=heard,
        headline_lang=fallback_lang(milestone, "title"),
        body_lang=fallback_lang(milestone, "description"),
        source_note=milestone.source_note,
    )


def structured_data(feed: Feed, *, page_url: str) -> dict:
    """schema.org LiveBlogPosting for the feed, so that search engines can show it as live
    coverage; each post a liveBlogUpdate (a BlogPosting)."""
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "@id": page_url + "#live",
        "url": page_url,
        "headline": _("%(name)s: live updates") % {"name": feed.mission.name},
        "inLanguage": active_language(),
        "about": {"@type": "Thing", "name": feed.mission.name},
        "coverageStartTime": feed.starts,
        "coverageEndTime": feed.ends,
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "@id": f"{page_url}#{entry.anchor}",
                "url": f"{page_url}#{entry.anchor}",
                "headline": entry.headline,
                "articleBody": entry.body or entry.headline,
                "datePublished": entry.at,
                "dateModified": entry.edited_at or entry.at,
                **({"image": urljoin(page_url, entry.picture.src)} if entry.picture else {}),
            }
            for entry in sorted(feed.entries, key=lambda e: e.at, reverse=True)
        ],
    }
    newest = feed.newest_at
    if newest is not None:
        data["datePublished"] = min(e.at for e in feed.entries)
        data["dateModified"] = newest
    return data
