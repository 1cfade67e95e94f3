"""extract_names on the cases its fast paths take apart: particles found from the words either
side, initials, titles, possessives, Arabic articles, common first words, clause openers,
headlines, German acronyms, words inside links, and sentence edges that cut a word."""

from __future__ import annotations

from itertools import pairwise

import pytest
from sample_documents import make_document

from reconcile.extract.links import extract_links
from reconcile.extract.names import extract_names
from reconcile.model import Sentence

# (text, key, sentence, weak, entity) of every name found
Found = list[tuple[str, str, int, bool, str | None]]

CASES: dict[str, tuple[list[str], str, Found]] = {
    "particles, articles and a possessive": (
        [
            "Yesterday the president Luiz Inácio Lula da Silva visited the minister Hans van der"
            " Berg and later travelled with Bashar al-Assad through Washington's historic quarter."
        ],
        "en",
        [
            ("Luiz Inácio Lula da Silva", "luiz inacio lula da silva", 0, False, None),
            ("Hans", "hans", 0, False, None),
            ("Berg", "berg", 0, False, None),
            ("Bashar al-Assad", "bashar al-assad", 0, False, None),
            ("Washington", "washington", 0, False, None),
        ],
    ),
    "initials and titles": (
        [
            "Later that evening Gerald R. Ford and Sr. Smith spoke with the former Gov. Brown"
            " about the report written by J. Edgar Hoover."
        ],
        "en",
        [
            ("Gerald R. Ford", "gerald r ford", 0, False, None),
            ("Smith", "smith", 0, False, None),
            ("Brown", "brown", 0, False, None),
            ("J. Edgar Hoover", "j edgar hoover", 0, False, None),
        ],
    ),
    "common first words and calendar words": (
        [
            "The U.S. Army said on Monday that Brazil would join in March.",
            "Segundo the report, the segundo army left.",
            "Segundo Silva said so.",
        ],
        "en",
        [
            ("U.S. Army", "u.s. army", 0, False, None),
            ("Brazil", "brazil", 0, False, "territory:BR"),
            ("Silva", "silva", 2, False, None),
        ],
    ),
    "clause openers": (
        ['He told reporters: "Paris remains calm" (Berlin also) and then Rome — Madrid agrees.'],
        "en",
        [("Rome", "rome", 0, False, None)],
    ),
    "a sentence starting inside a quotation": (
        [
            'Ele disse: "Nunca vimos tanta chuva. Em algumas áreas a água subiu! Na volta,'
            ' Mateus Simões decide", e saiu.'
        ],
        "pt",
        [("Mateus Simões", "mateus simoes", 0, False, None)],
    ),
    "headline": (
        [
            "Brazil Launches New Space Program In Lisbon Today",
            "Lula visited Lisbon on Tuesday with the Portuguese delegation.",
        ],
        "en",
        [
            (
                "Launches New Space Program In Lisbon Today",
                "launches new space program in lisbon today",
                0,
                True,
                None,
            ),
            ("Lula", "lula", 1, False, None),
            ("Lisbon", "lisbon", 1, False, "city:Europe/Lisbon"),
            ("Portuguese", "portuguese", 1, False, "language:pt"),
        ],
    ),
    "German: only an acronym makes a name firm": (
        [
            "Die NATO's Pläne für Berlin und die NATO Zentrale sind heute leider nicht"
            " besonders klar."
        ],
        "de",
        [
            ("NATO's Pläne", "nato's plane", 0, True, None),
            ("Berlin", "berlin", 0, True, None),
            ("NATO Zentrale", "nato zentrale", 0, False, None),
        ],
    ),
    "one-letter function words starting a sentence": (
        [
            "O ministro chegou.",
            "A Petrobras cresceu.",
            "E Lula falou com jornalistas.",
            "À noite, O Globo noticiou.",
        ],
        "pt",
        [
            ("Petrobras", "petrobras", 1, False, None),
            ("Lula", "lula", 2, False, None),
            ("O Globo", "o globo", 3, False, None),
        ],
    ),
    "es: one-letter function word starting a sentence": (
        ["Y Lula habló con el presidente de Argentina durante la cumbre."],
        "es",
        [("Lula", "lula", 0, False, None), ("Argentina", "argentina", 0, False, "territory:AR")],
    ),
    "it: one-letter function word starting a sentence": (
        ["E Draghi ha risposto ai giornalisti dopo la riunione."],
        "it",
        [("Draghi", "draghi", 0, False, None)],
    ),
    "en: one-letter function word starting a sentence": (
        ["A Petrobras spokesman later met the officials in the capital."],
        "en",
        [("Petrobras", "petrobras", 0, False, None)],
    ),
    "an initial starting a sentence": (
        ["J. Edgar Hoover wrote the report."],
        "en",
        [("J. Edgar Hoover", "j edgar hoover", 0, False, None)],
    ),
    "a particle starting a sentence starts a name where the language has no such word": (
        ["De Luca said so.", "Van Dyke dissented.", "Le Pen lost in Paris."],
        "en",
        [
            ("De Luca", "de luca", 0, False, None),
            ("Van Dyke", "van dyke", 1, False, None),
            ("Le Pen", "le pen", 2, False, None),
            ("Paris", "paris", 2, False, None),
        ],
    ),
    "a particle starting a sentence is a word where the language has it": (
        ["Da Silva falou com jornalistas.", "De Luca falou em Paris."],
        "pt",
        [
            ("Silva", "silva", 0, False, None),
            ("Luca", "luca", 1, False, None),
            ("Paris", "paris", 1, False, None),
        ],
    ),
    "words inside a link": (
        ["Visit https://Example.com/Reuters for Reuters News now."],
        "en",
        [("Reuters News", "reuters news", 0, True, None)],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_names_found(case: str) -> None:
    sentences, language, expected = CASES[case]
    document = make_document("a.txt", sentences, language)
    text = document.source.text
    links = extract_links(text, document.sentences)
    names = extract_names(text, document.sentences, document.locale, links=links)
    assert [(n.text, n.key, n.sentence, n.weak, n.entity) for n in names] == expected


def test_sentence_edges_inside_words_read_each_sentence_alone() -> None:
    document = make_document("a.txt", ["Maria Santos and José Sánchez-Pérez met."], "es")
    text = document.source.text
    cuts = [0, 8, 30, len(text)]
    sentences = tuple(
        Sentence(i, 0, start, end, text[start:end]) for i, (start, end) in enumerate(pairwise(cuts))
    )
    names = extract_names(text, sentences, document.locale)
    assert [(n.text, n.start, n.end, n.sentence) for n in names] == [
        ("Sa", 6, 8, 0),
        ("José Sánchez", 17, 29, 1),
    ]
