"""Sentence alignment: the beads a reader of two versions would draw between their sentences."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sample_documents import date_mention, make_document
from test_corpora import story_paths

from reconcile import api
from reconcile.align import MAX_BEAD, MAX_SIDE, align, sentence_pairs
from reconcile.model import Alignment

PT = [
    "O presidente Luiz Inácio Lula da Silva anunciou nesta terça-feira (2/12) um pacote de "
    "R$ 15,7 bilhões para a reconstrução do Rio Grande do Sul.",
    "Segundo o Ministério da Fazenda, 1.200 municípios foram afetados pelas enchentes de maio.",
    "A ministra Simone Tebet disse que os recursos serão liberados até 31 de janeiro de 2026.",
    "“Não vamos deixar ninguém para trás”, afirmou Lula durante a cerimônia em Porto Alegre.",
    "O governador Eduardo Leite agradeceu o apoio do governo federal e pediu mais agilidade na "
    "liberação das verbas.",
    "De acordo com a Defesa Civil, 183 pessoas morreram e 27 continuam desaparecidas.",
    "O Banco Mundial estima que os prejuízos superam 2,5% do PIB do estado.",
    "Mais informações estão disponíveis em https://www.gov.br/reconstrucao.",
]

EN = [
    "President Luiz Inácio Lula da Silva on Tuesday (12/2) announced a R$15.7 billion package "
    "to rebuild Rio Grande do Sul.",
    "According to the Finance Ministry, 1,200 municipalities were hit by the floods in May.",
    "Minister Simone Tebet said the funds will be released by January 31, 2026.",
    "“We will not leave anyone behind,” Lula said during the ceremony in Porto Alegre.",
    "Governor Eduardo Leite thanked the federal government for its support and called for the "
    "money to be released faster.",
    "According to Civil Defense, 183 people died and 27 remain missing.",
    "The World Bank estimates the losses exceed 2.5% of the state's GDP.",
    "More information is available at https://www.gov.br/reconstrucao.",
]


Beads = list[tuple[tuple[int, ...], tuple[int, ...]]]


def shapes(alignment: Alignment) -> Beads:
    return [(bead.source, bead.target) for bead in alignment.beads]


def assert_well_formed(alignment: Alignment, n: int, m: int) -> None:
    """Beads are monotonic, at most MAX_SIDE sentences a side, and cover each sentence once."""
    sources = [i for bead in alignment.beads for i in bead.source]
    targets = [j for bead in alignment.beads for j in bead.target]
    assert sources == list(range(n))
    assert targets == list(range(m))
    for bead in alignment.beads:
        assert bead.source or bead.target
        assert len(bead.source) <= MAX_SIDE and len(bead.target) <= MAX_SIDE
        assert len(bead.source) + len(bead.target) <= MAX_BEAD
        assert 0.0 <= bead.score <= 1.0


def one_to_one(n: int) -> Beads:
    return [((i,), (i,)) for i in range(n)]


def test_identical_texts_align_one_to_one() -> None:
    doc = make_document("en.txt", EN)
    alignment = align(doc, doc)
    assert shapes(alignment) == one_to_one(len(EN))
    assert (alignment.source_path, alignment.target_path) == ("en.txt", "en.txt")


def test_translation_aligns_one_to_one() -> None:
    alignment = align(make_document("pt.txt", PT, "pt"), make_document("en.txt", EN))
    assert shapes(alignment) == one_to_one(len(PT))
    # Translated institution names ("Banco Mundial", "World Bank") lower a bead's score a little.
    assert all(bead.score > 0.7 for bead in alignment.beads)
    assert list(sentence_pairs(alignment)) == [(i, i) for i in range(len(PT))]


@pytest.mark.parametrize("dropped", range(len(EN)))
def test_a_dropped_sentence_becomes_one_to_zero(dropped: int) -> None:
    target = EN[:dropped] + EN[dropped + 1 :]
    alignment = align(make_document("pt.txt", PT, "pt"), make_document("en.txt", target))
    expected: Beads = [
        ((i,), (i if i < dropped else i - 1,)) for i in range(len(PT)) if i != dropped
    ]
    expected.insert(dropped, ((dropped,), ()))
    assert shapes(alignment) == expected
    assert_well_formed(alignment, len(PT), len(target))


@pytest.mark.parametrize("added", range(len(EN)))
def test_an_added_sentence_becomes_zero_to_one(added: int) -> None:
    source = PT[:added] + PT[added + 1 :]
    alignment = align(make_document("pt.txt", source, "pt"), make_document("en.txt", EN))
    assert ((), (added,)) in shapes(alignment)
    assert sum(1 for bead in alignment.beads if len(bead.source) != len(bead.target)) == 1


def test_a_skipped_sentence_has_low_confidence() -> None:
    target = EN[:4] + EN[5:]
    alignment = align(make_document("pt.txt", PT, "pt"), make_document("en.txt", target))
    skipped = next(bead for bead in alignment.beads if not bead.target)
    assert skipped.score < 0.5
    assert min(bead.score for bead in alignment.beads if bead.target) > 0.7


def test_a_split_sentence_becomes_one_to_two() -> None:
    target = [
        *EN[:4],
        "Governor Eduardo Leite thanked the federal government for its support.",
        "He also called for the money to be released faster.",
        *EN[5:],
    ]
    alignment = align(make_document("pt.txt", PT, "pt"), make_document("en.txt", target))
    assert ((4,), (4, 5)) in shapes(alignment)
    assert sum(1 for bead in alignment.beads if len(bead.source) != len(bead.target)) == 1
    assert_well_formed(alignment, len(PT), len(target))


def test_merged_sentences_become_two_to_one() -> None:
    source = [*EN[:5], "183 people died.", "27 remain missing.", *EN[6:]]
    alignment = align(make_document("a.txt", source), make_document("b.txt", EN))
    assert ((5, 6), (5,)) in shapes(alignment)
    assert_well_formed(alignment, len(source), len(EN))


def test_dates_match_across_day_month_orders() -> None:
    # Two look-alike sentences that differ only in their date; the target keeps the second.
    source = [
        "The first hearing is set for 2/12.",
        "The second hearing is set for 9/12.",
        "The court did not say why.",
    ]
    target = ["The second hearing is set for 12/9.", "The court did not say why."]
    source_doc = make_document(
        "pt.txt",
        source,
        "pt",
        dates=[
            date_mention(source, 0, "2/12", (12, 2)),
            date_mention(source, 1, "9/12", (12, 9)),
        ],
    )
    target_doc = make_document("en.txt", target, dates=[date_mention(target, 0, "12/9", (12, 9))])
    assert shapes(align(source_doc, target_doc)) == [((0,), ()), ((1,), (0,)), ((2,), (1,))]


def test_an_ambiguous_date_matches_any_of_its_readings() -> None:
    source = ["The talks start on 2/12.", "The talks end on 3/12.", "Nobody expects a deal."]
    target = ["The talks end on 12/3.", "Nobody expects a deal."]
    source_doc = make_document(
        "pt.txt",
        source,
        "pt",
        dates=[
            date_mention(source, 0, "2/12", (2, 12), (12, 2)),
            date_mention(source, 1, "3/12", (3, 12), (12, 3)),
        ],
    )
    target_doc = make_document(
        "en.txt", target, dates=[date_mention(target, 0, "12/3", (12, 3), (3, 12))]
    )
    assert shapes(align(source_doc, target_doc))[0] == ((0,), ())


def test_numbers_match_across_decimal_separators() -> None:
    source = [
        "O incêndio destruiu 1.500 casas.",
        "O incêndio destruiu 2.700 casas.",
        "A polícia investiga.",
    ]
    target = ["The fire destroyed 2,700 homes.", "Police are investigating."]
    alignment = align(make_document("pt.txt", source, "pt"), make_document("en.txt", target))
    assert shapes(alignment) == [((0,), ()), ((1,), (0,)), ((2,), (1,))]


def test_names_match_despite_small_spelling_differences() -> None:
    source = [
        "Officials met Volodymyr Zelenskyy in Kyiv on the day.",
        "Officials met Emmanuel Macron in Paris on the day.",
        "The talks ended without a statement.",
    ]
    target = ["Officials met Emmanuel Macrón in Pariz on the day.", source[2]]
    alignment = align(make_document("a.txt", source), make_document("b.txt", target))
    assert shapes(alignment)[0] == ((0,), ())


def test_a_merge_across_a_paragraph_break_is_less_certain() -> None:
    source = [
        "The storm hit the northern coast at dawn.",
        "It tore the roofs off dozens of fishing huts.",
    ]
    target = make_document(
        "b.txt",
        ["The storm hit the northern coast at dawn and tore the roofs off dozens of fishing huts."],
    )
    within = align(make_document("a.txt", source, paragraphs=[0, 0]), target)
    across = align(make_document("a.txt", source, paragraphs=[0, 1]), target)
    assert shapes(within) == shapes(across) == [((0, 1), (0,))]
    assert across.beads[0].score < within.beads[0].score
    assert within.beads[0].score > 0.9


def test_one_sentence_documents() -> None:
    one = make_document("a.txt", ["Nothing happened."])
    assert shapes(align(one, one)) == [((0,), (0,))]
    three = make_document("b.txt", ["Nothing happened.", "Really.", "Nothing at all."])
    assert_well_formed(align(one, three), 1, 3)
    assert_well_formed(align(three, one), 3, 1)


def test_a_dropped_paragraph_in_a_long_story() -> None:
    source = [f"Report {i} counts {i * 37 + 11} cases in district {i % 13}." for i in range(300)]
    target = source[:140] + source[165:]
    alignment = align(make_document("a.txt", source), make_document("b.txt", target))
    assert_well_formed(alignment, len(source), len(target))
    dropped = [bead.source[0] for bead in alignment.beads if not bead.target]
    assert dropped == list(range(140, 165))
    assert sum(1 for bead in alignment.beads if not bead.source) == 0


sentence_text = st.lists(
    st.sampled_from(
        ["the", "council", "voted", "Lisbon", "Ana", "Silva", "12", "1.500", "2025", "“no”", "on"]
    ),
    min_size=1,
    max_size=12,
).map(lambda words: " ".join(words).capitalize() + ".")


@settings(max_examples=60, deadline=None)
@given(st.lists(sentence_text, min_size=1, max_size=30))
def test_a_text_aligns_with_itself(sentences: list[str]) -> None:
    doc = make_document("a.txt", sentences)
    assert shapes(align(doc, doc)) == one_to_one(len(sentences))


@settings(max_examples=60, deadline=None)
@given(st.lists(sentence_text, min_size=2, max_size=30), st.data())
def test_beads_cover_both_texts_after_a_deletion(sentences: list[str], data: st.DataObject) -> None:
    dropped = data.draw(st.integers(0, len(sentences) - 1))
    target = sentences[:dropped] + sentences[dropped + 1 :]
    alignment = align(make_document("a.txt", sentences), make_document("b.txt", target))
    assert_well_formed(alignment, len(sentences), len(target))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(sentence_text, min_size=1, max_size=25),
    st.lists(sentence_text, min_size=1, max_size=25),
)
def test_beads_cover_unrelated_texts(source: list[str], target: list[str]) -> None:
    alignment = align(make_document("a.txt", source), make_document("b.txt", target))
    assert_well_formed(alignment, len(source), len(target))


# Sentences of news length from a mixed vocabulary: names, figures, common words.
_VOCABULARY = [
    "the",
    "council",
    "voted",
    "Lisbon",
    "Ana",
    "Silva",
    "minister",
    "budget",
    "floods",
    "12",
    "1.500",
    "2025",
    "“no”",
    "on",
    "in",
    "parliament",
    "strike",
    "workers",
    "union",
    "Porto",
    "reform",
    "tax",
    "48",
    "percent",
    "deal",
    "talks",
    "police",
]
news_sentence = st.lists(st.sampled_from(_VOCABULARY), min_size=10, max_size=24).map(
    lambda words: " ".join(words).capitalize() + "."
)
# Stories whose sentences each say something of their own (here, a place and a figure no other
# sentence has): where sentences differ only in length, which one was dropped is a guess.
news_story = st.lists(
    st.tuples(news_sentence, st.integers(100, 99_999)), unique_by=lambda pair: pair[1]
).map(
    lambda pairs: [
        f"{text[:-1]} in {_place(figure)} with {figure} votes." for text, figure in pairs
    ]
)


def _place(figure: int) -> str:
    return "".join(chr(ord("a") + int(d)) for d in str(figure)).capitalize() + "ville"


# In a story of two sentences, one dropped, a merge fits the lengths about as well as a
# deletion: the property holds from three sentences on.
@settings(max_examples=60, deadline=None)
@given(news_story.filter(lambda story: 3 <= len(story) <= 30), st.data())
def test_deleting_a_sentence_gives_one_deletion_there(
    sentences: list[str], data: st.DataObject
) -> None:
    dropped = data.draw(st.integers(0, len(sentences) - 1))
    target = sentences[:dropped] + sentences[dropped + 1 :]
    alignment = align(make_document("a.txt", sentences), make_document("b.txt", target))
    assert_well_formed(alignment, len(sentences), len(target))
    deletions = [bead for bead in alignment.beads if not bead.target]
    assert len(deletions) == 1
    assert all(len(b.source) == len(b.target) == 1 for b in alignment.beads if b.target)
    # Among equal neighbours any one may be the deleted one; the rest must still read the same.
    (k,) = deletions[0].source
    assert sentences[:k] + sentences[k + 1 :] == target


@settings(max_examples=60, deadline=None)
@given(news_story.filter(lambda story: 1 <= len(story) <= 30), st.data())
def test_splitting_a_sentence_gives_one_split_there(
    sentences: list[str], data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(sentences) - 1))
    words = sentences[index].rstrip(".").split()
    cut = data.draw(st.integers(4, len(words) - 4))
    halves = [" ".join(words[:cut]) + ".", " ".join(words[cut:]).capitalize() + "."]
    target = sentences[:index] + halves + sentences[index + 1 :]
    alignment = align(make_document("a.txt", sentences), make_document("b.txt", target))
    assert_well_formed(alignment, len(sentences), len(target))
    assert ((index,), (index, index + 1)) in shapes(alignment)
    assert sum(1 for b in alignment.beads if len(b.source) != len(b.target)) == 1


def test_beads_up_to_five_sentences_a_side() -> None:
    source = [
        "The storm destroyed 120 homes in Porto, cut power to 40,000 people, closed 12 schools, "
        "flooded the 3 main roads into the city and forced 2,500 residents from their houses."
    ]
    target = [
        "The storm destroyed 120 homes in Porto.",
        "It cut power to 40,000 people.",
        "It closed 12 schools.",
        "It flooded the 3 main roads into the city.",
        "It forced 2,500 residents from their houses.",
    ]
    alignment = align(make_document("a.txt", source), make_document("b.txt", target))
    assert shapes(alignment) == [((0,), (0, 1, 2, 3, 4))]


def test_cldr_names_match_across_languages() -> None:
    # Only the country names tell which sentence the translation kept.
    source = [
        "Los Estados Unidos anunciaron nuevas sanciones contra el gobierno esta semana.",
        "Alemania anunció nuevas sanciones contra el gobierno esta semana también.",
        "Las negociaciones seguirán abiertas durante el resto del mes.",
    ]
    target = [
        "Germany also announced new sanctions against the government this week.",
        "The negotiations will remain open for the rest of the month.",
    ]
    alignment = align(make_document("es.txt", source, "es"), make_document("en.txt", target))
    assert shapes(alignment)[0] == ((0,), ())


def test_cognates_match_across_languages() -> None:
    source = [
        "Die Expedition erreichte den Gipfel des Makalu nach einer langen Traverse.",
        "Die Regierung diskutierte die Finanzierung einer neuen Eisenbahnlinie.",
        "Niemand wurde verletzt.",
    ]
    target = [
        "Le gouvernement a discuté du financement d'une nouvelle ligne de chemin de fer.",
        "Personne n'a été blessé.",
    ]
    alignment = align(make_document("de.txt", source, "de"), make_document("fr.txt", target, "fr"))
    assert shapes(alignment)[0] == ((0,), ())


def test_memory_grows_linearly_with_length() -> None:
    # Back-pointers are one byte per cell of a band of bounded width: four times the
    # sentences take about four times the memory, not sixteen.
    import tracemalloc

    def peak(n: int) -> int:
        sentences = [
            f"Report {i} counts {i * 37 + 11} cases in district {i % 13}." for i in range(n)
        ]
        source, target = make_document("a.txt", sentences), make_document("b.txt", sentences)
        tracemalloc.start()
        align(source, target)
        result = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return result

    small, large = peak(1_000), peak(4_000)
    assert large < 6 * small


# Gold beads of the corpus: corpora/stories/<story>/beads.<target stem>.gold, checked by hand.

STORIES = Path(__file__).parent.parent / "corpora" / "stories"
GOLD_FILES = sorted(STORIES.glob("*/beads.*.gold"))


def test_every_bundle_with_gold_covers_its_translations() -> None:
    assert len(GOLD_FILES) >= 22
    for bundle in {path.parent for path in GOLD_FILES}:
        paths, _ = story_paths(bundle)
        stems = sorted(Path(p).stem for p in paths[1:])
        assert (
            sorted(p.name.split(".", 1)[1][: -len(".gold")] for p in bundle.glob("beads.*.gold"))
            == stems
        )


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_aligner_reproduces_the_corpus_gold_beads(gold: Path) -> None:
    paths, options = story_paths(gold.parent)
    stem = gold.name[len("beads.") : -len(".gold")]
    target = next(p for p in paths[1:] if Path(p).stem == stem)
    alignment = align(api.load_document(paths[0], options), api.load_document(target, options))
    assert [_vecalign(b.source, b.target) for b in alignment.beads] == gold.read_text(
        encoding="utf-8"
    ).splitlines()


def _vecalign(source: tuple[int, ...], target: tuple[int, ...]) -> str:
    return f"[{', '.join(map(str, source))}]:[{', '.join(map(str, target))}]"


# The command line.


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reconcile", *args], capture_output=True, text=True, check=False
    )


def test_cli_beads_format_one_sentence_per_line(tmp_path: Path) -> None:
    pt = tmp_path / "pt.txt"
    en = tmp_path / "en.txt"
    pt.write_text("\n".join(PT) + "\n", encoding="utf-8")
    en.write_text("\n".join(EN[:4] + EN[5:]) + "\n", encoding="utf-8")
    result = _run("align", str(pt), str(en), "--format", "beads", "--one-sentence-per-line")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "[0]:[0]",
        "[1]:[1]",
        "[2]:[2]",
        "[3]:[3]",
        "[4]:[]",
        "[5]:[4]",
        "[6]:[5]",
        "[7]:[6]",
    ]


def test_cli_one_sentence_per_line_keeps_lines_whole(tmp_path: Path) -> None:
    # Without the option the segmenter splits "Dr. Silva spoke. Then" lines; with it, a line
    # is a sentence even when it holds two.
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The mayor spoke first. Then the minister replied.\nThe vote was 12 to 3.\n")
    b.write_text("The mayor spoke first. Then the minister replied.\nThe vote was 12 to 3.\n")
    lines = _run("align", str(a), str(b), "-f", "beads", "--one-sentence-per-line").stdout
    assert lines.splitlines() == ["[0]:[0]", "[1]:[1]"]
    segmented = _run("align", str(a), str(b), "-f", "beads").stdout
    assert segmented.splitlines() == ["[0]:[0]", "[1]:[1]", "[2]:[2]"]


def test_cli_marks_low_confidence_beads(tmp_path: Path) -> None:
    pt = tmp_path / "pt.txt"
    en = tmp_path / "en.txt"
    pt.write_text("\n".join(PT) + "\n", encoding="utf-8")
    en.write_text("\n".join(EN[:4] + EN[5:]) + "\n", encoding="utf-8")
    base = ("align", str(pt), str(en), "--one-sentence-per-line")
    beads = json.loads(_run(*base, "--format", "json").stdout)["beads"]
    assert [b["low_confidence"] for b in beads] == [b["score"] < 0.5 for b in beads]
    assert [b["source"] for b in beads if b["low_confidence"]] == [[4]]
    tsv = _run(*base, "--format", "tsv").stdout.splitlines()
    assert [line.split("\t")[3] for line in tsv] == ["", "", "", "", "low", "", "", ""]
    text = _run(*base).stdout
    assert text.count("low confidence") == 1
    (marked,) = [line for line in text.splitlines() if "low confidence" in line]
    assert marked.split("|")[0].strip() == "[4]"


def test_cli_rejects_an_unknown_format(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("One sentence.\n")
    b = tmp_path / "b.txt"
    b.write_text("One sentence.\n")
    result = _run("align", str(a), str(b), "--format", "ladder")
    assert result.returncode == 2
    assert "beads" in result.stderr


def test_cldr_names_share_an_id_in_every_language() -> None:
    from reconcile.locale import cldr_names

    assert cldr_names("es")["Estados Unidos"] == "territory:US"
    assert cldr_names("en")["United States"] == "territory:US"
    assert cldr_names("fr")["États-Unis"] == "territory:US"
    assert cldr_names("pt")["dezembro"] == cldr_names("en")["December"] == "month:12"
    assert cldr_names("de")["Donnerstag"] == cldr_names("it")["giovedì"] == "weekday:3"
    assert cldr_names("de")["Euro"] == "currency:EUR"
    assert cldr_names("xx-unknown") == {}
