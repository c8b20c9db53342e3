"""The seven minutes of terror, drawn: each landing step placed along time and altitude.

Pure functions (no Django): ``edl_diagram`` places the steps on a unit square,
``edl_svg_points`` turns that into the SVG coordinates the mission page draws.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from marsweb.countdown import Moment
from missions.countdown import EDL_STEPS


@dataclass(frozen=True)
class DiagramStep:
    kind: str
    title: str
    title_lang: str  # "en" when the title is the English in place of a translation
    x: float  # 0–1 along the seven minutes
    y: float  # 0 (ground) – 1 (entry altitude), on a log scale of altitude
    altitude_m: int | None
    speed_m_s: float | None
    seconds_after_entry: int
    at_ms: int  # Earth-received time, ms since the Unix epoch, for the live page
    is_current: bool
    is_passed: bool


def edl_diagram(
    *, steps: Sequence[tuple[Moment, int | None, float | None]], now: datetime
) -> list[DiagramStep]:
    """Points for the landing picture: each landing step placed along the seven minutes,
    counted from atmospheric entry (none without an entry step).

    ``steps`` holds (moment, altitude in m, speed in m/s). Altitudes are drawn on a log scale
    so that 125 km and the sky crane's 20 m both show; a step without a known altitude sits
    on the line between its neighbours.
    """
    entry = next((s for s in steps if s[0].kind == "entry-interface"), None)
    if entry is None:  # no atmospheric entry to count from: no picture rather than a wrong one
        return []
    entry_at = entry[0].earth_received_at
    landing = sorted(
        (s for s in steps if s[0].kind in EDL_STEPS and s[0].earth_received_at >= entry_at),
        key=lambda s: s[0].earth_received_at,
    )
    if len(landing) < 2:
        return []
    span = (landing[-1][0].earth_received_at - entry_at).total_seconds() or 1.0
    top = math.log10(max((s[1] or 0) for s in landing) + 1) or 1.0

    def height(altitude: int | None) -> float | None:
        return None if altitude is None else math.log10(altitude + 1) / top

    xs = [(s[0].earth_received_at - entry_at).total_seconds() / span for s in landing]
    ys = [height(s[1]) for s in landing]
    # Fill unknown altitudes by straight lines between known neighbours.
    for i, y in enumerate(ys):
        if y is None:
            before = next(
                ((xs[j], ys[j]) for j in range(i - 1, -1, -1) if ys[j] is not None), (0.0, 1.0)
            )
            after = next(
                ((xs[j], ys[j]) for j in range(i + 1, len(ys)) if ys[j] is not None), (1.0, 0.0)
            )
            share = (xs[i] - before[0]) / ((after[0] - before[0]) or 1.0)
            ys[i] = before[1] + (after[1] - before[1]) * share
    passed = [s[0].earth_received_at <= now for s in landing]
    current = max((i for i, p in enumerate(passed) if p), default=None)
    during = current is not None and not passed[-1]
    return [
        DiagramStep(
            kind=moment.kind,
            title=moment.title,
            title_lang=moment.title_lang,
            x=xs[i],
            y=ys[i],
            altitude_m=altitude,
            speed_m_s=speed,
            seconds_after_entry=round((moment.earth_received_at - entry_at).total_seconds()),
            at_ms=int(moment.earth_received_at.timestamp() * 1000),
            is_current=during and i == current,
            is_passed=passed[i],
        )
        for i, (moment, altitude, speed) in enumerate(landing)
    ]


@dataclass(frozen=True)
class ChartBox:
    """An SVG viewBox and the plot's margins inside it, in viewBox units (CSS px at 1:1)."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    minutes_per_tick: int  # a time label every this many minutes
    altitude_ticks: tuple[int, ...]  # metres labelled on the altitude axis


# Wide for a desktop; narrow for a phone, drawn near 1:1 at 390 px so that its 13 px labels
# stay at least 12 px on screen.
WIDE = ChartBox(820, 380, 78, 30, 58, 70, 1, (10, 100, 1_000, 10_000, 100_000))
NARROW = ChartBox(350, 400, 62, 18, 58, 70, 2, (10, 1_000, 100_000))


def edl_svg_points(diagram: list[DiagramStep], box: ChartBox = WIDE) -> dict | None:
    """Pixel positions for the landing picture's SVG in ``box``: the steps, the path and
    the labelled axes (minutes after entry; altitude on a log scale)."""
    if not diagram:
        return None
    inner_w = box.width - box.left - box.right
    inner_h = box.height - box.top - box.bottom
    ground = box.top + inner_h

    def x_at(share: float) -> float:
        return round(box.left + share * inner_w, 1)

    def y_at(share: float) -> float:
        return round(box.top + (1 - share) * inner_h, 1)

    points = [
        {"step": step, "x": x_at(step.x), "y": y_at(step.y), "number": i + 1}
        for i, step in enumerate(diagram)
    ]
    span = diagram[-1].seconds_after_entry or 1
    step_s = 60 * box.minutes_per_tick
    x_ticks = [
        {"x": x_at(seconds / span), "label": f"{seconds // 60}"}
        for seconds in range(0, span + 1, step_s)
    ]
    highest = max((s.altitude_m or 0) for s in diagram)
    top = math.log10(highest + 1) or 1.0
    y_ticks = [
        {"y": y_at(math.log10(metres + 1) / top), "metres": metres}
        for metres in box.altitude_ticks
        if metres <= highest
    ]
    return {
        "box": box,
        "ground": ground,
        "right_edge": box.width - box.right,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "points": points,
        "x_ticks": x_ticks,
        "y_ticks": y_ticks,
        "x_title_x": round(box.left + inner_w / 2),
        "x_title_y": ground + 52,
        "current": next((p["step"] for p in points if p["step"].is_current), None),
    }
