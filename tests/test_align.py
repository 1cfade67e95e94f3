"""Sentence alignment: the beads a reader of two versions would draw between their sentences."""

from __future__ import annotations

import pytest
from docs import date_mention, make_document
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.align import align, sentence_pairs
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
    """Beads are monotonic, at most two sentences a side, and cover each sentence once."""
    sources = [i for bead in alignment.beads for i in bead.source]
    targets = [j for bead in alignment.beads for j in bead.target]
    assert sources == list(range(n))
    assert targets == list(range(m))
    for bead in alignment.beads:
        assert bead.source or bead.target
        assert len(bead.source) <= 2 and len(bead.target) <= 2
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
