"""JSON Lines: one story of the report per line, written as each story is done."""

from __future__ import annotations

import json
from typing import ClassVar

from reconcile.model import Report, StoryReport

from .common import Totals
from .json import story_json


class JsonLinesFormatter:
    """Each line is one story object of reconcile.report (its `stories` item), compact."""

    name: ClassVar[str] = "jsonl"

    def render(self, report: Report) -> str:
        return self.begin() + "".join(self.story(s) for s in report.stories)

    def begin(self) -> str:
        return ""

    def story(self, story: StoryReport) -> str:
        return json.dumps(story_json(story), ensure_ascii=False, separators=(",", ":")) + "\n"

    def end(self, totals: Totals) -> str:
        return ""
