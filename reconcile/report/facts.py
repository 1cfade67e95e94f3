"""`reconcile facts`: every date of one document with its readings, evidence and choice."""

from __future__ import annotations

import json
from typing import Any

from reconcile.model import Document, ResolvedDate, Timeline
from reconcile.words import ORDER_WORDS, long_date


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
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def facts_text(document: Document, timeline: Timeline) -> str:
    lines = [
        f"{document.path}: {document.locale.tag} ({document.locale.source}), "
        f"{len(document.sentences)} sentences, dates written {ORDER_WORDS[timeline.order]} "
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
    return "\n".join(lines) + "\n"


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
