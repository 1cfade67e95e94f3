"""The reference date and the reading of every date, weighed on the evidence."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from reconcile import api
from reconcile import timeline as timeline_module
from reconcile.model import DateOrder, Timeline
from reconcile.words import long_date

SEED_EN = (
    "On Saturday (11/29) the airspace closed. On Sunday (11/30) Caracas answered.\n"
    "A Thursday (11/27) call came first. Envoys meet on Tuesday (2/12).\n"
)


def timeline(tmp_path: Path, name: str, text: str, **options: object) -> Timeline:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return api.document_timeline(str(path), api.Options(**options))[1]  # type: ignore[arg-type]


def test_reference_year_inferred_from_weekday_pairs(tmp_path: Path) -> None:
    result = timeline(tmp_path, "en.txt", SEED_EN, today=dt.date(2026, 11, 25))
    assert result.reference_from == "inferred"
    assert result.reference_date.year == 2025
    assert "Saturday 11/29" in result.reference_note


def test_fitting_year_nearest_today_wins(tmp_path: Path) -> None:
    # 29 Nov is a Saturday in 2014, 2025 and 2031 (and others): the nearest to today wins.
    assert (
        timeline(tmp_path, "en.txt", SEED_EN, today=dt.date(2015, 3, 1)).reference_date.year == 2014
    )
    assert (
        timeline(tmp_path, "en.txt", SEED_EN, today=dt.date(2030, 6, 1)).reference_date.year == 2031
    )


def test_reference_from_option_metadata_or_today(tmp_path: Path) -> None:
    given = timeline(tmp_path, "en.txt", SEED_EN, reference_date=dt.date(2025, 12, 1))
    assert (given.reference_date, given.reference_from) == (dt.date(2025, 12, 1), "option")
    front = "---\nlang: en-US\ndate: 2025-12-01\n---\nThe vote is on 12/3.\n"
    meta = timeline(tmp_path, "story.md", front)
    assert (meta.reference_date, meta.reference_from) == (dt.date(2025, 12, 1), "metadata")
    today = timeline(tmp_path, "en-US.txt", "The vote is on 12/3.\n", today=dt.date(2026, 1, 5))
    assert (today.reference_date, today.reference_from) == (dt.date(2026, 1, 5), "today")


def test_weekday_outweighs_document_order(tmp_path: Path) -> None:
    result = timeline(tmp_path, "en.txt", SEED_EN, today=dt.date(2026, 11, 25))
    assert result.order is DateOrder.MDY and result.order_from == "document"
    two_twelve = next(r for r in result.dates if r.mention.text == "2/12")
    assert two_twelve.value == dt.date(2025, 12, 2)
    assert two_twelve.reader_value == dt.date(2026, 2, 12)
    kinds = {e.kind for a in two_twelve.assessments for e in a.evidence}
    assert {"weekday", "document", "reference"} <= kinds


def test_document_order_decides_without_weekday(tmp_path: Path) -> None:
    text = "Talks began on 11/29 and resumed on 2/12.\n"
    result = timeline(tmp_path, "en.txt", text, reference_date=dt.date(2025, 12, 1))
    two_twelve = result.dates[1]
    assert two_twelve.value == dt.date(2026, 2, 12)
    assert two_twelve.decided


def test_locale_decides_when_document_has_no_unambiguous_date(tmp_path: Path) -> None:
    result = timeline(
        tmp_path, "pt-BR.txt", "A reunião foi em 3/4.\n", reference_date=dt.date(2025, 4, 1)
    )
    assert result.order_from == "locale"
    assert result.dates[0].value == dt.date(2025, 4, 3)
    assert result.dates[0].decided


def test_bare_english_with_nothing_else_is_undecided(tmp_path: Path) -> None:
    result = timeline(
        tmp_path, "en.txt", "The meeting was on 3/4.\n", reference_date=dt.date(2025, 4, 1)
    )
    assert not result.dates[0].decided


def test_document_against_settled_locale_is_undecided(tmp_path: Path) -> None:
    text = "O edital saiu em 11/28/2025.\nAs propostas abrem em 4/12/2025.\n"
    result = timeline(tmp_path, "pt-BR.txt", text)
    assert result.order is DateOrder.MDY
    assert not result.dates[1].decided


def test_aligned_version_settles_the_reading(tmp_path: Path) -> None:
    source = tmp_path / "pt-BR.txt"
    source.write_text("As propostas abrem em 3/12.\n", encoding="utf-8")
    target = tmp_path / "en.txt"
    target.write_text("Bids open on 11/29. Bids close on 3/12.\n", encoding="utf-8")
    story = api.build_story(
        [str(source), str(target)], api.Options(reference_date=dt.date(2025, 12, 1))
    )
    english = story.versions[1].timeline.dates[1]
    assert english.value == dt.date(2025, 12, 3)  # the Portuguese says 3 December
    assert english.reader_value == dt.date(2026, 3, 12)
    assert any(e.kind == "aligned" for e in english.assessments[english.chosen].evidence)


def test_day_alone_takes_the_month_the_story_last_named(tmp_path: Path) -> None:
    text = "MONTEVIDEO, 15 dic - Se reunirán el jueves 18 y firmarán el viernes 19.\n"
    result = timeline(tmp_path, "es.txt", text, reference_date=dt.date(2025, 11, 20))
    assert [r.value for r in result.dates] == [
        dt.date(2025, 12, 15),
        dt.date(2025, 12, 18),
        dt.date(2025, 12, 19),
    ]


def test_a_translation_slip_does_not_move_the_story_year(tmp_path: Path) -> None:
    source = tmp_path / "en-US.txt"
    source.write_text("Charging began on Sunday, Jan. 5, in Manhattan.\n", encoding="utf-8")
    target = tmp_path / "es.txt"
    target.write_text("El cobro empezó el martes 5 de enero en Manhattan.\n", encoding="utf-8")
    options = api.Options(today=dt.date(2026, 11, 25))
    story = api.build_story([str(source), str(target)], options)
    # Sunday 5 January fits 2025, Tuesday 5 January 2027: the source decides the tie.
    assert story.versions[1].timeline.reference_date == dt.date(2025, 1, 5)
    report = api.check([str(source), str(target)], options)
    assert [(f.rule, f.location.path) for f in report.stories[0].findings] == [
        ("date-weekday-mismatch", str(target))
    ]


def test_a_year_the_story_writes_breaks_the_tie_between_fitting_years(tmp_path: Path) -> None:
    # Tuesday 19 May fits 2015, 2020 and 2026; the text names the 2020 harvest.
    text = "A colheita de 2020 começou na terça-feira (19/5) em Minas Gerais.\n"
    written = timeline(tmp_path, "pt-BR.txt", text, today=dt.date(2026, 11, 25))
    assert written.reference_date == dt.date(2020, 5, 19)
    silent = timeline(
        tmp_path, "pt-BR.txt", text.replace("de 2020 ", ""), today=dt.date(2026, 11, 25)
    )
    assert silent.reference_date == dt.date(2026, 5, 19)  # the fitting year nearest today


def test_second_pass_reusing_the_first_resolves_as_from_scratch(tmp_path: Path) -> None:
    # The second pass keeps a date's first resolution when nothing is lent to it and it is
    # weighed around the same centre; a lent date that moves a month must still move the day
    # named alone after it ("el miércoles 4": 4 March 2026 is a Wednesday, 4 December 2025
    # is not).
    path = tmp_path / "es.txt"
    path.write_text(
        "El 3/12 abren las ofertas. Se reunirán el miércoles 4 y el 6/12 firmarán.\n"
        "El 12/1 cierra el plazo, y el viernes 9 se sabrá el resultado.\n",
        encoding="utf-8",
    )
    options = api.Options(reference_date=dt.date(2025, 12, 1))
    document = api.load_document(str(path), options)
    reference = timeline_module.Reference(dt.date(2025, 12, 1), "option", "--reference-date")
    first = timeline_module.resolve(document, reference, True)
    lent_dates = [dt.date(2025, 3, 12), dt.date(2025, 12, 3), dt.date(2025, 1, 12)]
    indexes = range(len(document.dates))
    for size in range(len(document.dates) + 1):
        for chosen in itertools.combinations(indexes, size):
            for lent in lent_dates:
                aligned = {index: [(lent, "the other version")] for index in chosen}
                reused = timeline_module.resolve(document, reference, True, aligned, first)
                assert reused == timeline_module.resolve(document, reference, True, aligned)
    moved = timeline_module.resolve(document, reference, True, {0: [(lent_dates[0], "x")]}, first)
    assert moved.dates[0].value == dt.date(2026, 3, 12)  # the lent reading, nearest the story
    assert moved.dates[1].value != first.dates[1].value  # the day alone follows the month


def test_a_year_written_beside_the_pair_dates_it_even_near_today(tmp_path: Path) -> None:
    # Tuesday 19 May fits 2020 and 2026; a story checked in June 2026 is most likely about
    # May 2026, but this sentence says the 2020 harvest.
    text = "A colheita de 2020 começou na terça-feira (19/5) em Minas Gerais.\n"
    result = timeline(tmp_path, "pt-BR.txt", text, today=dt.date(2026, 6, 1))
    assert result.reference_date == dt.date(2020, 5, 19)
    june = dt.date(2026, 6, 1)
    silent = timeline(tmp_path, "pt-BR.txt", text.replace("de 2020 ", ""), today=june)
    assert silent.reference_date == dt.date(2026, 5, 19)


def test_a_background_date_does_not_move_a_story_checked_today(tmp_path: Path) -> None:
    # Sunday 29 November fits 2015 and 2026; the 2015 vote is background, and the story is
    # checked three days before the 2026 one.
    text = (
        "Die Abstimmung findet am Sonntag, 29. November, statt.\n"
        "Die letzte Vorlage war am 14. Juni 2015 abgelehnt worden.\n"
    )
    result = timeline(tmp_path, "de-CH.txt", text, today=dt.date(2026, 11, 26))
    assert result.reference_date == dt.date(2026, 11, 29)


def write_pair(tmp_path: Path, source: tuple[str, str], target: tuple[str, str]) -> list[str]:
    paths = []
    for name, text in (source, target):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_a_translation_slip_and_a_background_year_do_not_date_the_source(
    tmp_path: Path,
) -> None:
    # The source's Thursday 3 December is 2026, a week from today; the translation's
    # Wednesday fits 2025, near the November 2024 strike both versions mention.
    paths = write_pair(
        tmp_path,
        ("de-AT.txt", "Zuletzt wurde im November 2024 gestreikt.\n\n"
                      "Die nächste Runde ist für Donnerstag, 3.12., angesetzt.\n"),
        ("en-GB.txt", "The last strike was in November 2024.\n\n"
                      "The next round is set for Wednesday 3 December.\n"),
    )  # fmt: skip
    report = api.check(paths, api.Options(today=dt.date(2026, 11, 26)))
    story = report.stories[0]
    assert {d.reference_date for d in story.documents} == {"2026-12-03"}
    assert [(f.rule, f.location.path) for f in story.findings] == [
        ("date-weekday-mismatch", paths[1])
    ]


def test_a_translation_never_makes_the_source_read_otherwise(tmp_path: Path) -> None:
    # Tuesday fits 1 December 2026 and 12 January 2027 alike: the German writes day/month,
    # so the slip is the translation's "1/12", never the German "1.12.".
    paths = write_pair(
        tmp_path,
        ("de.txt", "Der Bundesrat tagt am Freitag, 18.12.\n\n"
                   "Zuvor berät der Ausschuss am Dienstag, 1.12., über die Liste.\n"),
        ("en-US.txt", "The Bundesrat meets on Friday (12/18).\n\n"
                      "Before that, the committee meets on Tuesday (1/12) on the list.\n"),
    )  # fmt: skip
    report = api.check(paths, api.Options(reference_date=dt.date(2026, 11, 26)))
    findings = report.stories[0].findings
    assert {f.location.path for f in findings} == {paths[1]}
    assert "date-mismatch" in {f.rule for f in findings}


def test_a_reading_against_the_documents_order_counts_less_for_the_year(tmp_path: Path) -> None:
    # Thursday fits 12/3 as 3 December 2026 (month/day, as this copy writes) and as 12 March
    # 2026; the slipped "Monday (11/24)" fits 2025, near March 2026 only.
    text = (
        "The court set Thursday (12/3) for the trial.\n"
        "The justice decided on Monday (11/24). The hearing on Thursday (12/3) is public.\n"
    )
    result = timeline(tmp_path, "en-US.txt", text, today=dt.date(2026, 11, 26))
    assert result.reference_date == dt.date(2026, 12, 3)
    assert [r.value for r in result.dates if r.mention.text == "12/3"] == [dt.date(2026, 12, 3)] * 2


@pytest.mark.parametrize(
    ("locale", "dateline"),
    [
        ("de-DE", "Frankfurt, 5. November 2026 (Reuters) -"),
        ("fr-FR", "LE HAVRE, 5 novembre 2026 (AFP) -"),
        ("en-US", "LE HAVRE, France, Nov. 5, 2026 (AFP) -"),
        ("pt-BR", "Rio de Janeiro, 5 de novembro de 2026 -"),
    ],
)
def test_the_dateline_is_the_story_date_when_the_others_fit_around_it(
    tmp_path: Path, locale: str, dateline: str
) -> None:
    # Two announced dates three months ahead fit a story dated in February as well: the
    # dateline says when it was filed.
    later = {
        "de-DE": "am Donnerstag, 11.2.2027, und am Freitag, 12.2.",
        "fr-FR": "le jeudi 11 février 2027 et le vendredi 12 février",
        "en-US": "on Thursday, Feb. 11, 2027, and on Friday, Feb. 12",
        "pt-BR": "na quinta-feira (11/2/2027) e na sexta-feira (12/2)",
    }[locale]
    text = f"{dateline} Bank X. Results {later}.\n"
    result = timeline(tmp_path, f"{locale}.txt", text, today=dt.date(2026, 11, 26))
    assert result.reference_date == dt.date(2026, 11, 5)


def test_a_date_near_a_paragraph_start_after_a_word_is_no_dateline(tmp_path: Path) -> None:
    text = (
        "Die Schlichtungsvereinbarung (Stand: 2025-11-27) gilt.\n\n"
        "Am Donnerstag, 11.12., und am Freitag, 12.12., wird verhandelt.\n"
    )
    result = timeline(tmp_path, "de-DE.txt", text, today=dt.date(2025, 11, 20))
    assert "dateline" not in result.reference_note


def test_the_dateline_outweighs_background_dates(tmp_path: Path) -> None:
    text = (
        "MADRID, 24 November 2026. The court upheld the sentence on Tuesday.\n\n"
        "The provincial court ruled on 3/3/2025, and an order of 2/12/2025 upheld the wiretaps.\n\n"
        "The trial ran from 14 September to 22 October 2024. He entered prison on 10 March 2025.\n"
    )
    result = timeline(tmp_path, "en-GB.txt", text, today=dt.date(2026, 11, 26))
    assert result.reference_date == dt.date(2026, 11, 24)
    moved = text.replace("MADRID, 24 November 2026.", "On 24 November 2026,")
    assert timeline(tmp_path, "en-GB.txt", moved, today=dt.date(2026, 11, 26)).reference_date < (
        dt.date(2026, 1, 1)
    )


@pytest.mark.parametrize(
    ("locale", "text", "reference"),
    [
        # A dateline without a year was filed by today: the latest such day, not the nearest.
        ("es-ES", "VALLADOLID, 16 de abril (Reuters) - Las ayudas llegarán.\n", (2026, 4, 16)),
        ("en-US", "MILAN, Nov 5 (Reuters) - Profit rose.\n", (2026, 11, 5)),
        # Weekday pairs choose the year; the dateline's day is the story's date.
        (
            "en-US",
            "BRASILIA, Dec 1 (Reuters) - Trump spoke on Saturday (11/29) and Sunday (11/30).\n",
            (2025, 12, 1),
        ),
    ],
)
def test_a_dateline_without_a_year_dates_the_story(
    tmp_path: Path, locale: str, text: str, reference: tuple[int, int, int]
) -> None:
    result = timeline(tmp_path, f"{locale}.txt", text, today=dt.date(2026, 11, 26))
    assert result.reference_date == dt.date(*reference)


def test_a_weekday_and_day_alone_fit_nearest_the_story_date(tmp_path: Path) -> None:
    # A deadline named in passing does not move "this Friday 17" to July.
    text = (
        "VALLADOLID, 16 de abril (Reuters) - Las ayudas se pagarán antes del 30 de junio.\n"
        "La Aemet ha activado el aviso amarillo para la noche del viernes 17.\n"
    )
    result = timeline(tmp_path, "es-ES.txt", text, today=dt.date(2026, 11, 26))
    assert [r.value for r in result.dates if r.mention.text == "17"] == [dt.date(2026, 4, 17)]


def _best_centre_one_by_one(
    points: list[tuple[int, int, bool]],
    scores: list[float],
    from_source: list[bool],
    written: Counter[int],
    today: dt.date,
) -> int:
    """infer_reference's ranking as its docstring says, one candidate centre at a time."""
    half = timeline_module.WINDOW.days

    def rank(centre: int) -> tuple[float, float, int, int, int]:
        shares = [0.0] * len(scores)
        for day, owner, contrary in points:
            if abs(day - centre) <= half:
                share = timeline_module.CONTRARY_SHARE if contrary else 1.0
                shares[owner] = max(shares[owner], share)
        current = timeline_module.TODAY_SCORE if abs(centre - today.toordinal()) <= half else 0
        total = sum(s * score for s, score in zip(shares, scores, strict=True))
        sourced = sum(
            s * score for s, score, first in zip(shares, scores, from_source, strict=True) if first
        )
        year = dt.date.fromordinal(centre).year
        return (
            -(sourced + current),
            -(total + current),
            -written[year],
            abs(centre - today.toordinal()),
            centre,
        )

    return min({day for day, _, _ in points}, key=rank)


def test_best_centre_ranks_every_candidate_as_one_by_one() -> None:
    # The centres are scored all at once (a run of centres marked per point); on random
    # stories that must pick the centre a plain loop over the candidates picks.
    pick = random.Random(7)
    today = dt.date(2026, 11, 26)
    first, last = dt.date(2018, 1, 1).toordinal(), dt.date(2029, 12, 31).toordinal()
    for _ in range(300):
        mentions = pick.randint(1, 10)
        scores = [pick.choice((1.0, 2.0, 4.0)) for _ in range(mentions)]
        from_source = [pick.random() < 0.6 for _ in range(mentions)]
        points = [
            (pick.randint(first, last), owner, pick.random() < 0.3)
            for owner in range(mentions)
            for _ in range(pick.randint(1, 8))
        ]
        written = Counter({pick.randint(2018, 2029): pick.randint(1, 3) for _ in range(2)})
        arrays = timeline_module._Points(
            np.array([p[0] for p in points]),
            np.array([p[1] for p in points]),
            np.array([p[2] for p in points]),
        )
        expected = _best_centre_one_by_one(points, scores, from_source, written, today)
        found = timeline_module._best_centre(
            arrays, np.array(scores), np.array(from_source), written, today
        )
        assert found == expected


def test_a_wrong_weekday_beside_a_date_the_source_settles_is_reported(tmp_path: Path) -> None:
    # "Wednesday (11/3)" could be 11 March 2026, a Wednesday; the source's "segunda-feira
    # (3/11)" makes it 3 November, a Monday: the weekday is the slip.
    paths = write_pair(
        tmp_path,
        ("pt-BR.txt", "SÃO PAULO, 14 out (Pressline) - A autoridade informou nesta terça-feira "
                      "(14/10) que a licitação será aberta na segunda-feira (3/11), e o "
                      "contrato deve ser assinado até 19/12.\n"),
        ("en-US.txt", "SAO PAULO, Oct 14 (Pressline) - The authority said on Tuesday (10/14) "
                      "that bidding will open on Wednesday (11/3), and the contract is expected "
                      "to be signed by 12/19.\n"),
    )  # fmt: skip
    report = api.check(paths, api.Options(today=dt.date(2026, 11, 26)))
    [finding] = report.stories[0].findings
    assert (finding.rule, finding.location.path) == ("date-weekday-mismatch", paths[1])
    assert finding.location.excerpt == "Wednesday (11/3)"
    assert "3 November 2025 is a Monday, not a Wednesday; the Portuguese" in finding.message
    assert finding.suggestion == "Monday (11/3)"
    # Alone, the weekday argues for 11 March; the message says the weekday may be the slip.
    alone = api.check([paths[1]], api.Options(today=dt.date(2026, 11, 26))).stories[0]
    [finding] = alone.findings
    assert finding.rule == "date-order-mixed"
    assert finding.message.endswith(
        "unless the weekday is wrong: 3 November 2025 is nearer the story's dates"
    )


@pytest.mark.parametrize(
    ("name", "text", "meant"),
    [
        # The start read in the document's order runs the range backwards.
        ("en-US.txt", "The first loans came on 11/7 and 11/10. Technicians will tour the farms "
                      "between 12/11 and 11/21.", "2025-11-12"),
        ("en-US.txt", "The first loans came on 11/7 and 11/10. Technicians will tour the farms "
                      "from 12/11 to 11/21.", "2025-11-12"),
        ("es-ES.txt", "Las ventas del 28/11 y del 29/11 fueron buenas. La feria será entre el "
                      "12/3 y el 20/12.", "2025-12-03"),
        # The end read so runs it backwards: 13 November to 12 October.
        ("pt-BR.txt", "As vendas de 29/11 e 30/11 foram boas. A feira vai de 13/11 a 12/10.",
                      "2025-12-10"),
    ],
)  # fmt: skip
def test_a_range_running_backwards_tells_the_order(
    tmp_path: Path, name: str, text: str, meant: str
) -> None:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    options = api.Options(reference_date=dt.date(2025, 11, 30), today=dt.date(2026, 11, 26))
    report = api.check([str(path)], options)
    [finding] = report.stories[0].findings
    assert finding.rule == "date-order-mixed"
    assert "the range " in finding.message
    assert long_date(dt.date.fromisoformat(meant)) in finding.message


@pytest.mark.parametrize(
    "text",
    [
        # Across the new year, not backwards.
        "Sales on 11/28 and 11/29 were strong. The fair runs from 12/20 to 1/5.",
        # Two dates, not a range: either order is fine.
        "Sales on 11/28 and 11/29 were strong. Votes were held on 12/11 and 11/21.",
    ],
)
def test_a_range_forwards_or_a_pair_leaves_the_order_alone(tmp_path: Path, text: str) -> None:
    path = tmp_path / "en-US.txt"
    path.write_text(text + "\n", encoding="utf-8")
    options = api.Options(reference_date=dt.date(2025, 11, 30), today=dt.date(2026, 11, 26))
    assert api.check([str(path)], options).stories[0].findings == ()
