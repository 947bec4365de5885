"""Small statistics for timings: medians, spreads and straight-line fits."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    """The median of repeated measurements, with their range."""

    median: float
    low: float
    high: float
    runs: int

    def as_dict(self) -> dict[str, float | int]:
        return {"median": self.median, "min": self.low, "max": self.high, "runs": self.runs}


def summarise(values: Sequence[float]) -> Summary:
    """Return the median, minimum and maximum of at least one measurement."""
    if not values:
        raise ValueError("no measurements to summarise")
    return Summary(statistics.median(values), min(values), max(values), len(values))


@dataclass(frozen=True)
class Fit:
    """y = intercept + slope * x, fitted by least squares, with its coefficient of determination."""

    slope: float
    intercept: float
    r_squared: float


def linear_fit(xs: Sequence[float], ys: Sequence[float]) -> Fit:
    """Fit a straight line through at least two points with distinct x."""
    if len(xs) != len(ys) or len(xs) < 2:
        raise ValueError("a fit needs at least two (x, y) pairs")
    slope, intercept = statistics.linear_regression(xs, ys)
    mean_y = statistics.fmean(ys)
    total = sum((y - mean_y) ** 2 for y in ys)
    residual = sum((y - (intercept + slope * x)) ** 2 for x, y in zip(xs, ys, strict=True))
    return Fit(slope, intercept, 1.0 - residual / total if total else 1.0)


def growth_exponent(x1: float, y1: float, x2: float, y2: float) -> float:
    """Return k in y ~ x**k between two points: 1 is linear growth, 2 quadratic."""
    return math.log(y2 / y1) / math.log(x2 / x1)
