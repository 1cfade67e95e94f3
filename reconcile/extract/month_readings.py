"""dateparser's reading of every CLDR month name of the languages we know best, shipped.

A month name ("novembro", "Jänner", "sept.") is read by dateparser in the document's
language. Its first use of a language loads that language's data, 50-250 ms, more than all
our date extraction of a hundred stories; so its readings of every month name CLDR gives
these languages (in any region) are kept in month_readings.json. A name not in it, or a
language not in it, is read by dateparser when first met.

    python -m reconcile.extract.month_readings    # writes month_readings.json again

A test reads every name with the installed dateparser and compares: an upgrade that reads a
name otherwise fails the tests until the file is written again.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Mapping
from pathlib import Path

from babel.localedata import locale_identifiers

from reconcile import locale as cldr

LANGUAGES = ("de", "en", "es", "fr", "it", "nl", "pt")
PATH = Path(__file__).with_name("month_readings.json")


def read_month(name: str, language: str) -> int | None:
    """The month dateparser reads a month name (lower case) as in `language`, never guessing
    the language; None if it cannot. The relative base is a fixed leap year and the day the
    first, so that nothing but the name can make it fail."""
    import dateparser  # only when a name is not shipped: its import alone takes 0.2 s

    parsed = dateparser.parse(
        f"1 {name}",
        languages=[language],
        settings={
            "DATE_ORDER": "DMY",
            "RELATIVE_BASE": dt.datetime(2024, 1, 1),
            "REQUIRE_PARTS": ["day", "month"],
        },
    )
    return None if parsed is None else parsed.month


def month_names(language: str) -> list[str]:
    """Every month name CLDR gives the language, in any of its regions."""
    # The language and its regions ("pt_PT", "es_419"), not its other scripts ("en_Dsrt").
    regions = (tag.split("_") for tag in locale_identifiers())
    tags = {language} | {
        f"{language}-{parts[1]}"
        for parts in regions
        if len(parts) == 2 and parts[0] == language and (parts[1].isupper() or parts[1].isdigit())
    }
    return sorted({name for tag in tags for name in cldr.month_names(tag)})


def build() -> dict[str, dict[str, int | None]]:
    return {
        language: {n: read_month(n, language) for n in month_names(language)}
        for language in LANGUAGES
    }


@functools.cache
def shipped() -> Mapping[str, Mapping[str, int | None]]:
    """language -> month name -> dateparser's month (None: it cannot read the name)."""
    readings: dict[str, dict[str, int | None]] = json.loads(PATH.read_text(encoding="utf-8"))
    return readings


if __name__ == "__main__":
    PATH.write_text(
        json.dumps(build(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
