"""The English words findings are written in: dates, weekdays and day-month orders."""

from __future__ import annotations

import calendar
import datetime as dt

from reconcile.model import DateOrder

ORDER_WORDS = {
    DateOrder.MDY: "month/day",
    DateOrder.DMY: "day/month",
    DateOrder.YMD: "year-month-day",
}


def weekday_name(weekday: int) -> str:
    return calendar.day_name[weekday]


def long_date(value: dt.date) -> str:
    """`2 December 2025`: day-first with the month spelled out, unambiguous in any locale."""
    return f"{value.day} {calendar.month_name[value.month]} {value.year}"


def day_and_month(value: dt.date) -> str:
    return f"{value.day} {calendar.month_name[value.month]}"
