"""`reconcile facts`: one document's dates (readings, evidence, choice) and numbers (values)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from reconcile.model import (
    Document,
    NumberKind,
    NumberMention,
    NumberStyle,
    ResolvedDate,
    Timeline,
)
from reconcile.words import ORDER_WORDS, clock_times, long_date


def facts_json(document: Document, timeline: Timeline) -> str:
    data = {
        "schema": "reconcile.facts/1",
        "path": document.path,
        "language": document.locale.language,
        "locale": document.locale.tag,
        "locale_from": document.locale.source,
        "date_order": timeline.order.value,
        "date_order_from": timeline.order_from,
        "reference_date": timeline.reference_date.isoformat(),
        "reference_date_from": timeline.reference_from,
        "reference_date_note": timeline.reference_note,
        "sentences": len(document.sentences),
        "dates": [_date_json(document, r) for r in timeline.dates],
        "weekdays": [
            {**_where(document, w.start, w.end), "weekday": w.weekday} for w in document.weekdays
        ],
        "number_style": _number_style_json(document.number_style),
        "numbers": [_number_json(document, n) for n in document.numbers],
        **_mention_json(document),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def facts_text(document: Document, timeline: Timeline) -> str:
    count = len(document.sentences)
    lines = [
        f"{document.path}: {document.locale.tag} ({document.locale.source}), "
        f"{count} sentence{'' if count == 1 else 's'}, dates written {ORDER_WORDS[timeline.order]} "
        f"(from the {timeline.order_from})",
        f"reference date {timeline.reference_date} ({timeline.reference_from}: "
        f"{timeline.reference_note})",
    ]
    for resolved in timeline.dates:
        mention = resolved.mention
        line, column = document.source.position(mention.start)
        beside = f" beside {mention.weekday.text!r}" if mention.weekday else ""
        lines.append(f"{line}:{column} {mention.text!r} {mention.form.value}{beside}")
        for index, assessment in enumerate(resolved.assessments):
            marks = "".join(
                (
                    "chosen" if index == resolved.chosen else "",
                    ", " if index == resolved.chosen and index == resolved.reader else "",
                    "reader's" if index == resolved.reader else "",
                )
            )
            value = long_date(assessment.value) if assessment.value else "invalid"
            lines.append(
                f"    {assessment.reading.order.value} {value}  score {assessment.score:+.1f}"
                + (f"  [{marks}]" if marks else "")
            )
            for evidence in assessment.evidence:
                lines.append(f"        {evidence.weight:+.1f} {evidence.kind}: {evidence.note}")
        if not resolved.decided:
            lines.append("    undecided: nothing but an unsettled locale default separates these")
    for weekday in document.weekdays:
        line, column = document.source.position(weekday.start)
        lines.append(f"{line}:{column} {weekday.text!r} weekday alone")
    lines.extend(_number_lines(document))
    lines.extend(_mention_lines(document))
    return "\n".join(lines) + "\n"


def _mention_json(document: Document) -> dict[str, Any]:
    """Names, quotations and links, each with its place and the value versions compare."""
    return {
        "names": [
            {**_where(document, n.start, n.end), "key": n.key, "entity": n.entity, "weak": n.weak}
            for n in document.names
        ],
        "quotes": [
            {
                **_where(document, q.start, q.end),
                "quoted": q.text,
                "marks": q.opening + q.closing,
                "depth": q.depth,
            }
            for q in document.quotes
        ],
        "links": [
            {**_where(document, k.start, k.end), "kind": k.kind, "key": k.key}
            for k in document.links
        ],
    }


def _mention_lines(document: Document) -> list[str]:
    lines = []
    for name in document.names:
        line, column = document.source.position(name.start)
        notes = [f"= {name.entity}"] if name.entity else []
        notes += ["(weak: sentence start, headline or capitalised noun)"] if name.weak else []
        lines.append(f"{line}:{column} {name.text!r} name {' '.join(notes)}".rstrip())
    for quote in document.quotes:
        line, column = document.source.position(quote.start)
        nested = " nested" if quote.depth else ""
        lines.append(f"{line}:{column} {quote.opening}{quote.text}{quote.closing} quote{nested}")
    for link in document.links:
        line, column = document.source.position(link.start)
        lines.append(f"{line}:{column} {link.text!r} {link.kind} = {link.key}")
    return lines


def _date_json(document: Document, resolved: ResolvedDate) -> dict[str, Any]:
    mention = resolved.mention
    return {
        **_where(document, mention.start, mention.end),
        "form": mention.form.value,
        "weekday": mention.weekday.weekday if mention.weekday else None,
        "readings": [
            {
                "order": a.reading.order.value,
                "value": a.value.isoformat() if a.value else None,
                "score": round(a.score, 3),
                "evidence": [
                    {"kind": e.kind, "weight": e.weight, "note": e.note} for e in a.evidence
                ],
            }
            for a in resolved.assessments
        ],
        "chosen": resolved.chosen,
        "reader": resolved.reader,
        "decided": resolved.decided,
        "value": resolved.value.isoformat() if resolved.value else None,
    }


def _where(document: Document, start: int, end: int) -> dict[str, Any]:
    location = document.source.locate(start, end)
    return {"line": location.line, "column": location.column, "text": location.excerpt}


def _number_style_json(style: NumberStyle | None) -> dict[str, Any] | None:
    if style is None:
        return None
    return {
        "decimal": style.decimal,
        "from": style.source,
        "locale_decimal": style.locale_decimal,
        "locale_settled": style.locale_settled,
        "evidence": dict(style.evidence),
    }


def _number_json(document: Document, number: NumberMention) -> dict[str, Any]:
    return {
        **_where(document, number.start, number.end),
        "kind": number.kind.value,
        "value": _json_number(number.value),
        "upper": _json_number(number.upper) if number.upper is not None else None,
        "unit": number.unit or None,
        "scale": number.scale or None,
        "scale_value": number.scale_value,
        "spelled": number.spelled,
        "decimal_mark": number.decimal_mark or None,
        "ambiguous": number.ambiguous,
        "alternative": (
            _json_number(number.alternative) if number.alternative is not None else None
        ),
    }


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _number_lines(document: Document) -> list[str]:
    style = document.number_style
    if style is None:
        return []
    mark = {",": "comma", ".": "point"}.get(style.decimal, repr(style.decimal))
    counts = ", ".join(f"{count} with {m!r}" for m, count in style.evidence if count)
    lines = [
        f"numbers: decimal {mark} (from the {style.source}"
        + (f": {counts}" if style.source == "document" else f" {document.locale.tag}")
        + ")"
    ]
    for number in document.numbers:
        line, column = document.source.position(number.start)
        lines.append(f"{line}:{column} {number.text!r} {number.kind.value} {_shown(number)}")
    return lines


def _shown(number: NumberMention) -> str:
    if number.kind is NumberKind.TIME:
        return f"= {clock_times(number.value, number.alternative)}  (time of day)"
    if number.kind is NumberKind.IDENTIFIER:
        return "(not a quantity)"
    value = _decimal_text(number.value)
    if number.upper is not None:
        value += f" to {_decimal_text(number.upper)}"
    notes = [
        note
        for note in (
            number.unit,
            f"scale {number.scale!r} = {number.scale_value}" if number.scale else "",
            "in words" if number.spelled else "",
            f"or {_decimal_text(number.alternative)} with the other separator"
            if number.alternative is not None
            else "",
        )
        if note
    ]
    return f"= {value}" + (f"  ({'; '.join(notes)})" if notes else "")


def _decimal_text(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
