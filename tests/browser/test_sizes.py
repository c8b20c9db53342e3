"""What the look promises at a phone's and a desktop's size: the countdown above the fold,
the landing chart readable, every link of the navigation whole, wide screens used, motion only for
visitors who allow it."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from missions.models import Mission
from missions.rehearsal import mission_rehearse
from missions.seed_data import MISSIONS
from missions.seeding import missions_seed

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def landing_soon():
    call_command("seed", stdout=StringIO())  # missions, their events, the lights
    return mission_rehearse(mission=Mission.objects.get(slug="perseverance"), minutes=12)


def open_page(browser, live_server, path, viewport, **options):
    context = browser.new_context(base_url=live_server.url, viewport=viewport, **options)
    page = context.new_page()
    page.goto(path)
    return context, page


@pytest.mark.parametrize("path", ["/", "/missions/perseverance-rehearsal/"])
def test_the_countdown_and_what_it_counts_to_are_above_the_fold_on_a_phone(
    browser, live_server, landing_soon, path
):
    context, page = open_page(browser, live_server, path, PHONE)
    for part in ("#countdown .countdown-value", "#countdown .countdown-unit"):
        box = page.locator(part).bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], part
    digits = page.locator("#countdown .countdown-value .num").first
    assert float(digits.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 40
    assert digits.evaluate("e => getComputedStyle(e).fontVariantNumeric") == "tabular-nums"
    unit = page.locator("#countdown .countdown-unit")
    assert float(unit.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 16
    context.close()


def test_the_landing_chart_labels_are_at_least_12px_on_a_phone(browser, live_server):
    missions_seed(missions=MISSIONS)
    context, page = open_page(browser, live_server, "/missions/perseverance/", PHONE)
    chart = page.locator(".edl-svg.narrow")
    assert chart.is_visible() and page.locator(".edl-svg.wide").is_hidden()
    sizes = chart.evaluate(
        """svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')]
                .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
        }"""
    )
    assert len(sizes) > 10
    assert min(sizes) >= 12
    context.close()


@pytest.mark.parametrize("language", ["", "/es", "/ar"])
def test_every_navigation_link_shows_whole_on_a_phone_in_every_language(
    browser, live_server, landing_soon, language
):
    """Before, the fifth link was cut mid-word in Spanish and Arabic ("Hora de Marte",
    "توقيت ال…") in a strip that gave no sign it scrolled."""
    context, page = open_page(browser, live_server, f"{language}/", PHONE)
    boxes = page.locator(".nav-list a").evaluate_all(
        """links => links.map(a => {
            const box = a.getBoundingClientRect(), nav = a.closest("nav").getBoundingClientRect();
            return {left: box.left, right: box.right, top: Math.round(box.top),
                    inside: box.left >= nav.left - 0.5 && box.right <= nav.right + 0.5,
                    clipped: a.scrollWidth > a.clientWidth + 1};
        })"""
    )
    assert len(boxes) == 5
    assert all(b["inside"] and not b["clipped"] for b in boxes), boxes
    assert all(b["left"] >= 0 and b["right"] <= PHONE["width"] for b in boxes), boxes
    assert len({b["top"] for b in boxes}) <= 2  # at most two lines
    nav = page.locator(".main-nav")
    assert nav.evaluate("n => n.scrollWidth <= n.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


@pytest.mark.parametrize(
    ("path", "left", "right"),
    [
        ("/", ".home-live", ".tonight"),  # during live coverage
        ("/lights/", ".lights-side", ".map"),
        ("/events/perseverance-virtual-nasa-social-rehearsal/", ".event-live", ".rsvp"),
        ("/missions/perseverance/", ".mission-story", ".mission-aside"),
    ],
)
def test_a_wide_screen_sets_the_page_in_columns(
    browser, live_server, landing_soon, path, left, right
):
    context, page = open_page(browser, live_server, path, DESKTOP)
    first = page.locator(left).first.bounding_box()
    second = page.locator(right).first.bounding_box()
    assert second["x"] >= first["x"] + first["width"]  # beside it, not below
    assert abs(second["y"] - first["y"]) < 80
    context.close()


@pytest.mark.parametrize(
    ("motion", "animation"), [("no-preference", "touchdown"), ("reduce", "none")]
)
def test_the_touchdown_flourish_plays_only_for_visitors_who_allow_motion(
    browser, live_server, landing_soon, motion, animation
):
    with time_machine.travel(landing_soon.landed_at + timedelta(seconds=5), tick=True):
        context, page = open_page(browser, live_server, "/", DESKTOP, reduced_motion=motion)
        box = page.locator("#countdown")
        assert "phase-landed" in box.get_attribute("class")
        # static/js/countdown.js marks a phase change once it has happened while watching.
        box.evaluate("e => e.classList.add('just-changed')")
        assert box.evaluate("e => getComputedStyle(e).animationName") == animation
        context.close()


@pytest.mark.parametrize("language", ["", "/ar"])
def test_the_landing_charts_words_stay_clear_of_its_data_on_a_phone(browser, live_server, language):
    """Before, in Arabic the axis labels sat over the data points, the axis title was cut to
    "ا" and "ground" was struck through by the axis."""
    missions_seed(missions=MISSIONS)
    context, page = open_page(browser, live_server, f"{language}/missions/perseverance/", PHONE)
    chart = page.locator(".edl-svg.narrow")
    found = chart.evaluate(
        """svg => {
            const frame = svg.getBoundingClientRect(), problems = [];
            const boxOf = e => e.getBoundingClientRect();
            const axisLeft = Math.min(...[...svg.querySelectorAll('line.ground')].map(l => boxOf(l).left));
            const words = [...svg.querySelectorAll('text.tick-label, text.axis-title')];
            for (const t of words) {
                const b = boxOf(t);
                if (b.left < frame.left - 0.5 || b.right > frame.right + 0.5) problems.push('outside: ' + t.textContent);
            }
            for (const t of svg.querySelectorAll('text.tick-label[text-anchor=end]')) {
                if (boxOf(t).right > axisLeft + 0.5) problems.push('over the axis: ' + t.textContent);
            }
            const marks = [...svg.querySelectorAll('circle.step, text.number')].map(boxOf);
            for (const t of words) {
                const b = boxOf(t);
                for (const m of marks) {
                    if (b.left < m.right && m.left < b.right && b.top < m.bottom && m.top < b.bottom) {
                        problems.push('over a step: ' + t.textContent);
                        break;
                    }
                }
            }
            return problems;
        }"""
    )
    assert found == []
    # The list below keeps each number with its unit.
    measures = page.locator(".edl-legend .nowrap").all_text_contents()
    assert len(measures) >= 10
    assert all("\u00a0" in m for m in measures)
    context.close()


@pytest.mark.parametrize("language", ["", "/ar"])
def test_on_a_phone_the_landing_scene_lies_below_the_heros_buttons(
    browser, live_server, landing_soon, language
):
    """Before, "Watch it with us" sat on the crater's line drawn through the picture."""
    context, page = open_page(browser, live_server, f"{language}/", PHONE)
    hero = page.locator(".hero").bounding_box()
    buttons = page.locator(".hero-actions").bounding_box()
    scene_height = page.locator(".hero").evaluate(
        """hero => {
            const style = getComputedStyle(hero), own = style.backgroundImage !== 'none';
            const size = own ? style.backgroundSize : getComputedStyle(hero, '::before').backgroundSize;
            return parseFloat(size.split(' ')[1]);
        }"""
    )
    # The sky crane fills the scene's upper part down from 28 % of its height.
    clear_of_the_scene = hero["y"] + hero["height"] - scene_height * 0.72
    assert buttons["y"] + buttons["height"] <= clear_of_the_scene
    context.close()


def test_on_a_phone_the_stage_under_way_is_named_under_the_track(
    browser, live_server, landing_soon
):
    """Before, a phone showed the landing's stages as bars with no words at all."""
    context, page = open_page(browser, live_server, "/", PHONE)
    caption = page.locator("#countdown .phase-track-caption")
    assert caption.is_visible()
    assert " ".join(caption.text_content().split()) == "Stage 2 of 7: Approach"
    context.close()
    context, page = open_page(browser, live_server, "/", DESKTOP)
    assert page.locator("#countdown .phase-track-caption").is_hidden()  # the labels show
    assert page.locator("#countdown .phase-track .label").first.is_visible()
    context.close()


@pytest.mark.parametrize("path", ["/events/", "/lights/"])
def test_a_wide_screen_leaves_no_empty_column_beside_a_few_cards(
    browser, live_server, landing_soon, path
):
    """Before, three events filled three quarters of /events/, and one lighting left the
    middle of /lights/ empty: a grid kept room for cards that were not there."""
    context, page = open_page(browser, live_server, path, DESKTOP)
    gaps = page.evaluate(
        """() => [...document.querySelectorAll('.grid, .lighting-list')].map(grid => {
            const cards = [...grid.children].map(c => c.getBoundingClientRect());
            const row = cards.filter(c => Math.abs(c.top - cards[0].top) < 2);
            return grid.getBoundingClientRect().right - Math.max(...row.map(c => c.right));
        })"""
    )
    assert gaps and max(gaps) < 2, gaps
    context.close()


@pytest.mark.parametrize("size", [PHONE, DESKTOP])
def test_the_mars_time_button_and_the_now_link_stand_apart(browser, live_server, size):
    """Before, "Convert" and "Now" touched."""
    context, page = open_page(browser, live_server, "/mars-time/", size)
    button = page.get_by_role("button", name="Convert").bounding_box()
    link = page.get_by_role("link", name="Now", exact=True).bounding_box()
    gap = link["x"] - (button["x"] + button["width"])
    assert gap >= 16 or link["y"] >= button["y"] + button["height"]
    context.close()
