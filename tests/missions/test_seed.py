import pytest
from django.core.management import call_command

from events.models import Event
from lights.models import Lighting
from missions.models import Milestone, Mission

pytestmark = pytest.mark.django_db

ARTICLE_MISSIONS = {
    "perseverance": "Perseverance",
    "ingenuity": "Ingenuity",
    "curiosity": "Curiosity",
    "spirit": "Spirit",
    "opportunity": "Opportunity",
    "insight": "InSight",
    "hope": "Hope (Emirates Mars Mission)",
    "tianwen-1": "Tianwen-1 and Zhurong",
    "mars-sample-return": "Mars Sample Return",
}


def snapshot():
    return (
        list(Mission.objects.order_by("pk").values()),
        list(Milestone.objects.order_by("pk").values()),
        list(Event.objects.order_by("pk").values()),
        list(Lighting.objects.order_by("pk").values()),
    )


def test_seed_loads_every_mission_the_article_names_with_a_source():
    call_command("seed")
    missions = {m.slug: m for m in Mission.objects.all()}
    assert {slug: m.name for slug, m in missions.items()} == ARTICLE_MISSIONS
    for mission in missions.values():
        assert mission.is_published
        assert "Space.com" in mission.source_note
    assert missions["ingenuity"].parent == missions["perseverance"]
    assert Mission.objects.filter(is_featured=True).get().slug == "perseverance"


def test_seed_is_idempotent():
    call_command("seed")
    before = snapshot()
    call_command("seed")
    call_command("seed", "--update")
    assert snapshot() == before


def test_seed_leaves_staff_edits_alone_unless_told_to_update():
    call_command("seed")
    Mission.objects.filter(slug="insight").update(summary="Edited by staff")
    call_command("seed")
    assert Mission.objects.get(slug="insight").summary == "Edited by staff"
    call_command("seed", "--update")
    assert Mission.objects.get(slug="insight").summary != "Edited by staff"


def test_perseverance_landing_has_both_clocks_and_the_seven_minutes():
    call_command("seed")
    perseverance = Mission.objects.get(slug="perseverance")
    touchdown = perseverance.milestones.get(kind="touchdown")
    assert touchdown.earth_received_at.isoformat() == "2021-02-18T20:55:00+00:00"
    assert touchdown.occurs_at.isoformat() == "2021-02-18T20:43:38+00:00"
    entry = perseverance.milestones.get(kind="entry-interface")
    assert (touchdown.occurs_at - entry.occurs_at).total_seconds() == 410  # about seven minutes
    edl_kinds = list(
        perseverance.milestones.filter(occurs_at__gte=entry.occurs_at).values_list(
            "kind", flat=True
        )
    )
    assert edl_kinds == [
        "entry-interface",
        "peak-heating",
        "parachute-deploy",
        "heat-shield-separation",
        "backshell-separation",
        "sky-crane",
        "touchdown",
    ]
    assert all(m.source_note for m in perseverance.milestones.all())


def test_statuses_are_as_known_today():
    call_command("seed")
    status = dict(Mission.objects.values_list("slug", "status"))
    assert status["insight"] == "ended"
    assert status["ingenuity"] == "ended"
    assert status["curiosity"] == "active"
    assert status["mars-sample-return"] == "planned"
    assert "2022" in Mission.objects.get(slug="insight").status_note


def test_seed_loads_the_articles_events_and_lightings():
    call_command("seed")
    assert set(Event.objects.values_list("kind", flat=True)) == {
        "live-broadcast",
        "virtual-social",
        "virtual-guest-experience",
    }
    assert all(e.mission.slug == "perseverance" and e.source_note for e in Event.objects.all())
    assert set(Lighting.objects.values_list("city", flat=True)) == {
        "New York",
        "Los Angeles",
        "Chicago",
    }
    assert all(lighting.source_note for lighting in Lighting.objects.all())
