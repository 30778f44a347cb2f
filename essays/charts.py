"""Server-side charts: the geometry of an inline SVG for a data series, bars or a line (no JavaScript)."""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 16, 56


def nice_step(span, ticks=5):
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) so that about ``ticks`` steps cover ``span``."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power  # pragma: no cover - the loop always returns


def format_number(value):
    value = Decimal(str(value))
    places = max(0, -value.normalize().as_tuple().exponent)
    return number_format(value, decimal_pos=min(places, 3), use_l10n=True, force_grouping=True)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: str
    label_x: float
    value_y: float


@dataclass(frozen=True)
class Tick:
    y: float
    text: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: int
    baseline: float
    top: int
    bottom: int
    bars: list
    ticks: list
    line: str = ""  # the SVG path through the points of a line chart
    kind: str = "bar"


def chart_for(series, points):
    """The chart a series asks for: a line for a time series, bars otherwise."""
    return line_chart(points) if series.chart == "line" else bar_chart(points)


def line_chart(points):
    """A line through ``points`` on the same scale and slots as ``bar_chart``; each point keeps its
    marker and value (the ``bars`` of the result, with no height), so the line reads without colour."""
    chart = bar_chart(points)
    marks = []
    for bar in chart.bars:
        point_y = bar.y if bar.y < chart.baseline else bar.y + bar.height  # the end of the bar away from 0
        marks.append(
            Bar(
                x=round(bar.label_x - 4, 1),
                y=round(point_y - 4, 1),
                width=8,
                height=8,
                label=bar.label,
                value=bar.value,
                label_x=bar.label_x,
                value_y=round(point_y - 10, 1),
            )
        )
    path = " ".join(f"{'M' if n == 0 else 'L'} {m.label_x} {round(m.y + 4, 1)}" for n, m in enumerate(marks))
    return Chart(**{**chart.__dict__, "bars": marks, "line": path, "kind": "line"})


def bar_chart(points):
    """Bars for ``points`` (objects with ``label`` and ``value``), on a scale from 0 (or the lowest
    negative value) to a round number above the highest value."""
    values = [float(p.value) for p in points]
    low, high = min([0.0, *values]), max([0.0, *values])
    step = nice_step(high - low)
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step if high > 0 else 0.0
    if high == low:
        high = low + step
    plot_height = HEIGHT - TOP - BOTTOM
    plot_width = WIDTH - LEFT - RIGHT

    def y_of(value):
        return TOP + (high - value) / (high - low) * plot_height

    baseline = y_of(0.0)
    slot = plot_width / max(1, len(points))
    bar_width = slot * 0.6
    bars = []
    for index, (point, value) in enumerate(zip(points, values, strict=True)):
        x = LEFT + index * slot + (slot - bar_width) / 2
        top, bottom = sorted((y_of(value), baseline))
        bars.append(
            Bar(
                x=round(x, 1),
                y=round(top, 1),
                width=round(bar_width, 1),
                height=round(max(bottom - top, 0.5), 1),
                label=point.label,
                value=format_number(point.value),
                label_x=round(x + bar_width / 2, 1),
                value_y=round(top - 4 if value >= 0 else bottom + 14, 1),
            )
        )
    count = round((high - low) / step)
    ticks = [
        Tick(y=round(y_of(low + i * step), 1), text=format_number(round(low + i * step, 6))) for i in range(count + 1)
    ]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        baseline=round(baseline, 1),
        top=TOP,
        bottom=HEIGHT - BOTTOM,
        bars=bars,
        ticks=ticks,
    )
