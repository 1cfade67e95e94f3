"""The English words findings are written in: dates, times, weekdays and day-month orders."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal

from reconcile.model import DateOrder

ORDER_WORDS = {
    DateOrder.MDY: "month/day",
    DateOrder.DMY: "day/month",
    DateOrder.YMD: "year-month-day",
}


# Read once: `calendar` formats a date with strftime at every lookup.
_WEEKDAYS = tuple(calendar.day_name)
_MONTHS = tuple(calendar.month_name)


def weekday_name(weekday: int) -> str:
    return _WEEKDAYS[weekday]


def long_date(value: dt.date) -> str:
    """`2 December 2025`: day-first with the month spelled out, unambiguous in any locale."""
    return f"{value.day} {_MONTHS[value.month]} {value.year}"


def day_and_month(value: dt.date) -> str:
    return f"{value.day} {_MONTHS[value.month]}"


def clock_time(minutes: int) -> str:
    """A time of day, given in minutes after midnight, on the 24-hour clock: 1110 -> "18:30"."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def clock_times(value: Decimal, other: Decimal | None) -> str:
    """A time's reading, and the other half of the day's when it may be either: "4:00 or 16:00"."""
    shown = clock_time(int(value))
    return shown if other is None else f"{shown} or {clock_time(int(other))}"
