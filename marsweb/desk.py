"""The live desk (``/live/desk/``): where staff run landing night from one page.

A headline posts in two clicks (type it, press Post); each recent post can be pinned,
unpinned, withdrawn or put back with one button, and edited in the admin. Every action is
written to the admin's history (who, what, when). Beside them, the numbers that matter on
the night, refreshed by htmx: seats and waitlists of the landing's events, sign-ups in the
last ten minutes, emails waiting and failed, landmarks lit now. The next milestone's key
event can be written ahead ("Prepare"): it posts itself when Earth hears of the milestone.

It reads events, lights and the task queue as well as missions, so it is part of the site's
top (like the home page), not of an app.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django import forms
from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, F, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_tasks_db.models import DBTaskResult

from events.models import Event, Rsvp
from lights import schedule
from lights.models import Lighting
from marsweb import clock
from missions.models import LiveUpdate, Milestone, Mission, this_second

ACTIONS = {
    "pin": ({"is_pinned": True}, "Pinned."),
    "unpin": ({"is_pinned": False}, "Unpinned."),
    "withdraw": ({"withdrawn_at": "now"}, "Withdrawn: gone from every page within seconds."),
    "restore": ({"withdrawn_at": None}, "Put back."),
}
RECENT = 30
NUMBERS_POLL_SECONDS = 10


# What an editor writes in each language beside the English (missions/translation.py).
TRANSLATED = ("headline", "body", "image_alt")
OTHER_LANGUAGES = [(code, name) for code, name in settings.LANGUAGES if code != "en"]


class PostForm(forms.ModelForm):
    """A post in English (the desk's language, as the admin's), and in each other language
    the site speaks where the editor writes it: a post left untranslated shows in English
    on those pages, marked as English."""

    class Meta:
        model = LiveUpdate
        fields = [
            "headline",
            "kind",
            "body",
            "image",
            "image_alt",
            "is_pinned",
            "milestone",
            *(f"{field}_{code}" for code, _name in OTHER_LANGUAGES for field in TRANSLATED),
        ]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 3}),
            "milestone": forms.HiddenInput,
            **{
                f"body_{code}": forms.Textarea(attrs={"rows": 3}) for code, _name in OTHER_LANGUAGES
            },
        }
        help_texts = {"is_pinned": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["image_alt"].needed_when_chosen = True  # its help: "Required with an image"
        for code, _name in OTHER_LANGUAGES:
            direction = "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
            for field in TRANSLATED:
                form_field = self.fields[f"{field}_{code}"]
                form_field.label = self.fields[field].label
                form_field.help_text = ""
                form_field.required = False
                form_field.widget.attrs.update(lang=code, dir=direction)

    def in_english(self) -> list:
        return [self[name] for name in ("headline", "kind", "body", "image", "image_alt")]

    def in_other_languages(self) -> list[tuple[str, str, list]]:
        """(code, the language's own name, its fields) for each language beside English."""
        return [
            (code, name, [self[f"{field}_{code}"] for field in TRANSLATED])
            for code, name in OTHER_LANGUAGES
        ]


@dataclass(frozen=True)
class Numbers:
    """What staff watch on the night, as of ``now``."""

    now: datetime
    events: list[Event]  # each with .seated and .waiting annotated
    sign_ups_10_min: int
    emails_waiting: int
    emails_failed: int
    lit_now: list[Lighting]
    poll_seconds: int = NUMBERS_POLL_SECONDS


def desk_numbers(mission: Mission | None, *, now: datetime) -> Numbers:
    events = Event.objects.filter(mission=mission) if mission else Event.objects.none()
    events = events.annotate(
        seated=Count("rsvps", filter=Q(rsvps__status=Rsvp.Status.SEATED)),
        waiting=Count("rsvps", filter=Q(rsvps__status=Rsvp.Status.WAITLISTED)),
    ).order_by("starts_at")
    return Numbers(
        now=now,
        events=list(events),
        sign_ups_10_min=Rsvp.objects.filter(created_at__gte=now - timedelta(minutes=10)).count(),
        emails_waiting=DBTaskResult.objects.ready().count(),
        emails_failed=DBTaskResult.objects.failed().count(),
        lit_now=schedule.lit_now(Lighting.objects.published().not_over(now), now=now).lit,
    )


def _mission(request: HttpRequest) -> Mission | None:
    slug = request.GET.get("mission")
    if slug:
        return get_object_or_404(Mission, slug=slug)
    return Mission.objects.published().featured_for_home(now=clock.now())


def _next_milestone(mission: Mission | None, now: datetime) -> Milestone | None:
    """The next milestone Earth will hear of, for writing its key event ahead."""
    if mission is None:
        return None
    upcoming = [
        m
        for m in mission.milestones.all()
        if m.earth_received_at is not None and m.earth_received_at > now
    ]
    return min(upcoming, key=lambda m: m.earth_received_at, default=None)


def _log(request: HttpRequest, update: LiveUpdate, flag: int, message: str) -> None:
    LogEntry.objects.log_actions(
        user_id=request.user.pk,
        queryset=[update],
        action_flag=flag,
        change_message=message,
        single_object=True,
    )


def _desk_url(mission: Mission | None) -> str:
    url = reverse("live-desk")
    return f"{url}?mission={mission.slug}" if mission else url


@never_cache
@staff_member_required
@require_http_methods(["GET", "POST"])
def live_desk(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perms(["missions.add_liveupdate", "missions.change_liveupdate"]):
        raise PermissionDenied("Posting on the live feed needs the live update permissions.")
    mission = _mission(request)
    now = clock.now()
    if request.GET.get("part") == "numbers":
        return render(request, "desk/numbers.html", {"numbers": desk_numbers(mission, now=now)})
    form = PostForm()
    message = ""
    if request.method == "POST" and mission is not None:
        action = request.POST.get("action", "post")
        if action == "post":
            form = PostForm(request.POST, request.FILES)
            if form.is_valid():
                update = form.save(commit=False)
                update.mission, update.posted_by, update.posted_at = (
                    mission,
                    request.user,
                    this_second(),
                )
                with transaction.atomic():  # seen by visitors with its image's copies made
                    update.save()
                    if update.image:
                        update.renditions_make()
                _log(request, update, ADDITION, "Posted from the live desk.")
                return HttpResponseRedirect(_desk_url(mission) + "&posted=1")
        elif action in ACTIONS:
            update = get_object_or_404(LiveUpdate, pk=request.POST.get("update"), mission=mission)
            changes, message = ACTIONS[action]
            values = {field: now if value == "now" else value for field, value in changes.items()}
            # One statement: an editor's form open on this post sees it changed (revision).
            LiveUpdate.objects.filter(pk=update.pk).update(**values, revision=F("revision") + 1)
            _log(request, update, CHANGE, f"{message} (live desk)")
            return HttpResponseRedirect(_desk_url(mission) + f"&done={action}")
    prepare = request.GET.get("prepare")
    next_milestone = _next_milestone(mission, now)
    if prepare and next_milestone and prepare == str(next_milestone.pk) and not form.is_bound:
        form = PostForm(
            initial={
                "headline": next_milestone.title_en,
                "kind": LiveUpdate.Kind.KEY,
                "body": next_milestone.description_en,
                "milestone": next_milestone.pk,
                # The milestone's translations, where staff wrote them.
                **{
                    f"{post_field}_{code}": getattr(next_milestone, f"{field}_{code}") or ""
                    for code, _name in OTHER_LANGUAGES
                    for post_field, field in (("headline", "title"), ("body", "description"))
                },
            }
        )
    done = request.GET.get("done")
    if done in ACTIONS:
        message = ACTIONS[done][1]
    elif request.GET.get("posted"):
        message = "Posted: on every page within seconds."
    updates = (
        list(LiveUpdate.objects.filter(mission=mission).select_related("posted_by")[:RECENT])
        if mission
        else []
    )
    for update in updates:  # what pages in those languages show in English, marked
        update.untranslated = [
            name for code, name in OTHER_LANGUAGES if not getattr(update, f"headline_{code}")
        ]
    return render(
        request,
        "desk/desk.html",
        {
            "mission": mission,
            "missions": Mission.objects.published().order_by("name"),
            "form": form,
            "updates": updates,
            "message": message,
            "next_milestone": next_milestone,
            "numbers": desk_numbers(mission, now=now),
            "now": now,
        },
        status=400 if form.is_bound and form.errors else 200,
    )
