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
    """Points for the landing picture: each landing step placed along the seven minutes.

    ``steps`` holds (moment, altitude in m, speed in m/s). Altitudes are drawn on a log scale
    so that 125 km and the sky crane's 20 m both show; a step without a known altitude sits
    on the line between its neighbours.
    """
    landing = sorted(
        (s for s in steps if s[0].kind in EDL_STEPS), key=lambda s: s[0].earth_received_at
    )
    if len(landing) < 2:
        return []
    entry_at = landing[0][0].earth_received_at
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


EDL_SVG = {"width": 820, "height": 320, "left": 40, "right": 40, "top": 40, "bottom": 70}


def edl_svg_points(diagram: list[DiagramStep]) -> dict | None:
    """Pixel positions for the landing picture's SVG (viewBox units)."""
    if not diagram:
        return None
    box = EDL_SVG
    inner_w = box["width"] - box["left"] - box["right"]
    inner_h = box["height"] - box["top"] - box["bottom"]
    ground = box["top"] + inner_h
    points = []
    for i, step in enumerate(diagram):
        x = round(box["left"] + step.x * inner_w, 1)
        y = round(box["top"] + (1 - step.y) * inner_h, 1)
        points.append(
            {
                "step": step,
                "x": x,
                "y": y,
                "number": i + 1,
                # Time labels alternate between two rows below the ground: neighbours a few
                # seconds apart never collide.
                "label_y": ground + 22 + (i % 2) * 22,
            }
        )
    return {
        **box,
        "ground": ground,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "points": points,
        "current": next((p["step"] for p in points if p["step"].is_current), None),
    }
