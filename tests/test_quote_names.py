"""quote-mismatch on a name a quotation loses: whole words only."""

from __future__ import annotations

from pathlib import Path

from reconcile import api


def rules_of(tmp_path: Path, source: str, target: str) -> list[str]:
    paths = []
    for name, text in (("en-GB.txt", source), ("es.txt", target)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return [f.rule for f in api.check(paths, api.Options()).stories[0].findings]


SOURCE = (
    "Voters approved a treaty with the European Union.\n"
    '"We have chosen a stable path with Europe," the minister said.\n'
)


def test_a_name_inside_a_longer_word_elsewhere_is_not_kept_out_of_the_quote(
    tmp_path: Path,
) -> None:
    # "europe" is in "Unión Europea", not as a word: the quotation's "Europa" is its rendering.
    faithful = (
        "Los votantes aprobaron un tratado con la Unión Europea.\n"
        "«Hemos elegido un camino estable con Europa», dijo el ministro.\n"
    )
    assert rules_of(tmp_path, SOURCE, faithful) == []


def test_a_name_kept_outside_the_quote_but_not_in_it_is_reported(tmp_path: Path) -> None:
    moved = (
        "Los votantes de Europe aprobaron un tratado con la Unión Europea.\n"
        "«Hemos elegido un camino estable», dijo el ministro.\n"
    )
    assert "quote-mismatch" in rules_of(tmp_path, SOURCE, moved)
