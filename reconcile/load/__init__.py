"""Readers that turn an input file into a SourceText, chosen by the file's extension."""

from __future__ import annotations

import os
from collections.abc import Callable

from reconcile.load import markdown, text
from reconcile.model import SourceText

_READERS: dict[str, Callable[[str], SourceText]] = {
    ".md": markdown.read,
    ".markdown": markdown.read,
}


def read(path: str) -> SourceText:
    """Read one version of a story; `path` is kept as given, for reports.

    Raises InputError when the file is missing, unreadable, binary, empty or not UTF-8.
    """
    extension = os.path.splitext(path)[1].lower()
    return _READERS.get(extension, text.read)(path)
