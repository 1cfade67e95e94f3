"""Name rules: one entity spelled two ways across versions, names dropped in translation."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from reconcile import lexicon
from reconcile import locale as cldr
from reconcile.extract.names import name_tokens
from reconcile.model import CheckedStory, Document, Finding, NameMention, Sentence, Severity
from reconcile.rules.base import Rule, per_story
from reconcile.rules.beads import Pair, aligned_pairs

_PART = re.compile(r"[-'’]")
# A word, or words joined by hyphens or apostrophes ("SUD-Rail"). Possessive (++): a run of
# letters is never given back letter by letter.
_COMPOUND = re.compile(r"[^\W\d_]++(?:[-'’][^\W\d_]++)*")
_LETTERS = re.compile(r"[^\W\d_]+")
# Letters two spellings of one name may differ by: one in a short name, two in a long one.
_SHORT_NAME = 5
# A target spelling this common in its language is a word of it ("Lisbon", "Ivan"), so the
# difference may be the language's own form of the name rather than a slip.
_COMMON_SPELLING = 3.0
# rapidfuzz ratio at which a source name counts as present in the translation ("Venezuela"
# in "Venezuelan", "Zelensky" for "Zelenskiy").
_PRESENT = 80.0
# A stem this long shared by two words marks one word with two languages' endings.
_STEM = 5
_DERIVED_SPELLING = 2.0

# Endings a language puts on a name, so that a name with one is the same name: the German
# genitive ("Merkels", "des Bundestages") and place adjective ("Pariser"), the Scandinavian and
# Dutch genitive, the case endings of the Slavic, Baltic and Finnic languages. Folded, as the
# rules compare words. Other endings at a name's end are letters changed ("Okafor"/"Okafo").
_NAME_ENDINGS: Mapping[str, frozenset[str]] = {
    language: frozenset(endings.split())
    for language, endings in {
        "de": "s es er",
        "nl": "s",
        "da": "s",
        "sv": "s",
        "nb": "s",
        "no": "s",
        "pl": "a u owi em iem ie y ego emu iego iemu im ym e",
        "cs": "a u ovi em e y ou ho mu m ovou ove",
        "sk": "a u ovi om e y ou ho mu m ovej",
        "sl": "a u om em e i ju ja ovi ev",
        "hr": "a u om em e i ju ja ovi ev",
        "sr": "a u om em e i ju ja ovi ev",
        "bs": "a u om em e i ju ja ovi ev",
        "ru": "а у ом ем е ым им ой ей ы и ю я ого ому",
        "uk": "а у ом ем е ым им ой ей ы и ю я ого ому ові",
        "lt": "o ui u e as is us a s ai",
        "lv": "a am u s i",
        "fi": "n a lla lle lta ssa sta in iin ksi sen",
        "et": "i d ga le lt st s",
    }.items()
}
# A family's name in the plural ("the Kennedys", "os Bolsonaros") after the language's plural
# article; without the article "Kesslers" for "Kessler" is a slip.
_PLURAL_ENDINGS = frozenset({"s", "es"})
_PLURAL_ARTICLES: Mapping[str, frozenset[str]] = {
    language: frozenset(articles.split())
    for language, articles in {
        "en": "the",
        "pt": "os dos aos nos pelos",
        "es": "los",
        "fr": "les des aux",
        "de": "die den der",
        "nl": "de",
        "ca": "els dels",
    }.items()
}
# A compound ("Airbus-Aktie") or a possessive ("Berlin's") is another word than its first part.
_JOINERS = frozenset("-'’")
# Where the rest of a name stands unchanged, a word in place of the source's is the target
# language's rendering only if that language prefers it: it is this much more common there
# than in the source's language (Zipf: twice as common), or this much more common there than
# the source's word, which the source's language prefers by as much ("Charles" for "Carlos").
# "Garcia" for "Garza" is neither: Spanish writes "Garcia" as often as English.
_OWN_LANGUAGE = 0.3
# The endings one suffix takes in different languages, folded: two words with one stem and
# endings of one group are one word translated ("Flagellazione"/"Flagellation",
# "Universidad"/"University", "Liberazione"/"Liberation"), however rare, not a name misspelt.
_SUFFIXES = tuple(
    frozenset(group.split())
    for group in (
        "tion zione cion cao cio tie",
        "sion sione sao sio",
        "ity ita ite idad idade itat iteit",
        "ism ismo isme ismus",
        "ist ista iste",
        "logy logia logie",
        "ic ical ico ica ique isch",
        "ment mento miento",
        "ence enza encia enz",
        "ance anza ancia anz",
        "ure ura ur",
        "ary ario aria aire",
        "al ale",
        "ion ione",
    )
)
_SUFFIX_STEM = 4  # letters a stem keeps before the suffix, so that "Dal"/"Dale" stay names


class _NameRule(Rule):
    """A name rule: it reads each bead with both documents' name indexes."""

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        if len(story.versions) < 2:
            return  # no translation: no bead to read, and no need to spell every name
        indexes = _indexes_of(story)
        for pair in aligned_pairs(story):
            yield from self._pair(pair, indexes[id(pair.source)], indexes[id(pair.target)])

    def _pair(self, pair: Pair, source: _NameIndex, target: _NameIndex) -> Iterator[Finding]:
        raise NotImplementedError


class NameSpelling(_NameRule):
    """A name is spelled differently in the translation than in the source.

    Anti-pattern: the source quotes "Fernando Haddad" and the translation "Fernando Hadad"; or
    "Yván Gil" becomes "Yvan Gil" (a dropped accent, reported as info).
    Best practice: copy names letter for letter from the source, diacritics included, unless
    the target language has its own established form (Lisboa/Lisbon, which CLDR knows).
    """

    id = "name-spelling"
    severity = Severity.WARNING

    def _pair(self, pair: Pair, source: _NameIndex, target: _NameIndex) -> Iterator[Finding]:
        reported: set[tuple[int, int]] = set()  # (line, column) of each word reported
        for found in self._words(pair, source, target):
            reported.add((found.location.line, found.location.column))
            yield found
        # Words the word by word reading leaves: another word in the place of one of the
        # source name's words, alike enough to be that word misspelt ("Garcia" for "Garza").
        for change in _substitutions(pair, source, target):
            if change.similar:
                found = self._substitution(pair, change)
                if (found.location.line, found.location.column) not in reported:
                    yield found

    def _substitution(self, pair: Pair, change: _Substitution) -> Finding:
        name, (start, end, word, _) = change.target_name, change.target_token
        source_name, (s_start, s_end, s_word, _) = change.source_name, change.source_token
        return self.finding(
            pair.target,
            name.start + start,
            name.start + end,
            f"{word!r} is written {s_word!r} in the source ({pair.source.path}): "
            f"one name spelled two ways ({name.text!r} for {source_name.text!r})",
            related=(
                pair.source.source.locate(source_name.start + s_start, source_name.start + s_end),
            ),
            suggestion=s_word,
        )

    def _words(self, pair: Pair, source: _NameIndex, target: _NameIndex) -> Iterator[Finding]:
        """Each word of the translation's names against the source's words and names."""
        source_names = source.names_in(pair.bead.source)
        target_names = target.names_in(pair.bead.target)
        if not source_names or not target_names:
            return
        source_tokens = [(n, t) for n, spelling in source_names for t in spelling.tokens]
        source_folded = {token[3] for _, token in source_tokens}
        # Whether a target word is among the source's words settles most words; the source
        # names' own words settle most of those without the sentences' words.
        certain = source.whole_words_in(pair.bead.source)
        source_places = cldr.place_names(pair.source.locale.language)
        target_places = cldr.place_names(pair.target.locale.language)
        target_language = pair.target.locale.language
        for name, spelling in target_names:
            tokens = spelling.tokens
            for start, end, word, folded in tokens:
                if folded in certain:
                    in_source = True
                elif folded not in source_folded and (
                    folded in target_places
                    or not _near(folded, name, source_tokens, source_places, pair)
                ):
                    # No source word has these letters with other diacritics, and none is
                    # another spelling of it: nothing to report, whatever the words.
                    continue
                else:
                    in_source = folded in source.words_in(pair.bead.source)
                if in_source:
                    # Other diacritics need another spelling of the word: most have none.
                    if source.respelled(folded, word):
                        found = self._accents(pair, name, start, end, word, folded, source_tokens)
                        if found is not None:
                            yield found
                    continue
                if folded in target_places:
                    continue
                source_words = source.words_in(pair.bead.source)
                anchored = any(f in source_words for _, _, w, f in tokens if w != word)
                if not anchored and lexicon.frequency(folded, target_language) >= _COMMON_SPELLING:
                    continue
                target_words = target.words_in(pair.bead.target)
                match = _closest(folded, name, source_tokens, target_words, source_places, pair)
                if match is None:
                    continue
                source_name, (s_start, s_end, s_word, s_folded) = match
                if _translated(folded, target_language, s_folded, pair):
                    continue
                # A typing slip does not add diacritics: "Iguaçu" for "Iguazú" is the
                # translator's chosen form of the name, worth a look but not a warning. Nor is
                # a slip made every time: a version that writes "Montevideo" for the source's
                # "Montevidéu" throughout, and never the source's form, chose its own form.
                chosen = bool(_marks(word) - _marks(s_word))
                throughout = target.writes_throughout(folded, s_folded)
                yield self.finding(
                    pair.target,
                    name.start + start,
                    name.start + end,
                    f"{word!r} is written {s_word!r} in the source ({pair.source.path}): "
                    + (
                        "this version writes it so throughout, its own form of the name?"
                        if throughout
                        else "one name spelled two ways"
                    ),
                    severity=Severity.INFO if chosen or throughout else None,
                    related=(
                        pair.source.source.locate(
                            source_name.start + s_start, source_name.start + s_end
                        ),
                    ),
                    suggestion=None if throughout else s_word,
                )

    def _accents(
        self,
        pair: Pair,
        name: NameMention,
        start: int,
        end: int,
        word: str,
        folded: str,
        source_tokens: list[tuple[NameMention, _Token]],
    ) -> Finding | None:
        """The same letters with other diacritics ("Yvan" for "Yván", info) or other capitals
        inside the name ("Fitzgerald" for "FitzGerald", a warning)."""
        for source_name, (s_start, s_end, s_word, s_folded) in source_tokens:
            if s_folded != folded or s_word == word:
                continue
            if name.weak and source_name.weak:
                continue
            if not _same_capitals(word, s_word):
                return self.finding(
                    pair.target,
                    name.start + start,
                    name.start + end,
                    f"{word!r} is written {s_word!r} in the source ({pair.source.path}): "
                    "the capitals inside the name differ",
                    related=(
                        pair.source.source.locate(
                            source_name.start + s_start, source_name.start + s_end
                        ),
                    ),
                    suggestion=s_word,
                )
            if _accented(s_word) == _accented(word):
                continue
            if lexicon.frequency(folded, pair.target.locale.language) >= _COMMON_SPELLING:
                continue  # the target language's own word: "Union" for "Unión", "Metro"
            return self.finding(
                pair.target,
                name.start + start,
                name.start + end,
                f"{word!r} is written {s_word!r} in the source ({pair.source.path}): "
                "the diacritics differ",
                severity=Severity.INFO,
                related=(
                    pair.source.source.locate(
                        source_name.start + s_start, source_name.start + s_end
                    ),
                ),
                suggestion=_recase(s_word, word),
            )
        return None


class NameMissing(_NameRule):
    """A name in the source sentence is absent from its translation.

    Anti-pattern: "O ministro Fernando Haddad anunciou o plano" translated as "The minister
    announced the plan", while the rest of the translation names Haddad.
    Best practice: keep every person, place and organisation the source names; a pronoun may
    replace a name the story has already given, which this rule allows.
    """

    id = "name-missing"
    severity = Severity.WARNING

    def _pair(self, pair: Pair, source: _NameIndex, target: _NameIndex) -> Iterator[Finding]:
        if _headline(pair.source, pair.bead.source):
            return  # a headline is rewritten to fit, not translated word for word
        # Found when first needed: most names are skipped before.
        target_entities: set[str] | None = None
        certain: frozenset[str] | None = None  # words the target sentences surely have
        reported: set[str] = set()
        vanished: list[_Named] = []  # names of several words the translation has nowhere
        for name, spelling in source.names_in(pair.bead.source):
            if name.weak:
                continue
            if pair.source.sentences[name.sentence].start == name.start:
                # A capital that proves little (a sentence's first word may be a common noun
                # a translation renders: "Banco de México"); an acronym it may translate.
                continue
            if not spelling.identifying or _acronym(name.text):
                continue
            if name.key in reported:
                continue
            if name.entity is not None:
                if target_entities is None:
                    target_entities = {
                        n.entity
                        for n, _ in target.names_in(pair.bead.target)
                        if n.entity is not None
                    }
                if name.entity in target_entities:
                    continue
            words = spelling.identifying
            if certain is None:
                certain = target.whole_words_in(pair.bead.target)
            if not certain.isdisjoint(words):
                continue  # one of its words is in the translation (_present)
            target_words = target.words_in(pair.bead.target)
            if any(_present(w, target_words) for w in words):
                continue
            if source.named_before(name, spelling.word_set):
                continue  # a repeated name may become a pronoun
            if not target.kept_elsewhere(pair.bead.target, spelling.word_set):
                if len(words) > 1:
                    vanished.append((name, spelling))
                continue
            reported.add(name.key)
            start, end = pair.target_span()
            yield self.finding(
                pair.target,
                start,
                end,
                f"{name.text!r}, named in the source ({pair.source.path}), is missing from "
                "this translation of the sentence",
                related=(pair.source.source.locate(name.start, name.end),),
            )
        if len(vanished) == 1:
            # A name the translation has nowhere, and in its place a name the source has
            # nowhere: "Pedro López" for "Ana Garza" is someone else, not a translation.
            name, spelling = vanished[0]
            other = _stranger(pair, source, target, spelling)
            if other is not None:
                yield self.finding(
                    pair.target,
                    other.start,
                    other.end,
                    f"{name.text!r}, named in the source ({pair.source.path}), is missing from "
                    f"this translation of the sentence, which names {other.text!r} instead",
                    related=(pair.source.source.locate(name.start, name.end),),
                )
        # A word of a name the translation keeps in part, another word in its place: "Ana
        # López" for "Ana Garza" names someone else.
        for change in _substitutions(pair, source, target):
            if change.similar:
                continue  # name-spelling's
            name, (start, end, word, _) = change.target_name, change.target_token
            source_name, (s_start, s_end, s_word, _) = change.source_name, change.source_token
            yield self.finding(
                pair.target,
                name.start + start,
                name.start + end,
                f"{s_word!r} of {source_name.text!r}, named in the source "
                f"({pair.source.path}), is missing from this translation, which writes "
                f"{word!r} in its place ({name.text!r}): another name?",
                related=(
                    pair.source.source.locate(
                        source_name.start + s_start, source_name.start + s_end
                    ),
                ),
            )


def _stranger(
    pair: Pair, source: _NameIndex, target: _NameIndex, missing: _Spelling
) -> NameMention | None:
    """The one name of several words in the bead's translation that the source has nowhere
    and that translates no word of the `missing` source name, if there is one."""
    source_words = source.words_in(pair.bead.source)
    target_places = cldr.place_names(pair.target.locale.language)
    language = pair.target.locale.language
    found: NameMention | None = None
    for name, spelling in target.names_in(pair.bead.target):
        words = spelling.identifying
        if len(words) < 2 or _acronym(name.text) or name.entity is not None:
            continue
        if any(w in target_places or _present(w, source_words) for w in words):
            continue
        if source.named_anywhere(spelling.word_set):
            continue
        if found is not None:
            return None  # two: which replaced the missing name is anyone's guess
        found = name
        if any(
            _translated(w, language, m, pair, strict=True)
            for w in words
            for m in missing.identifying
        ):
            return None  # "White House" for "Casa Branca": the name translated
    return found


def _headline(document: Document, sentences: tuple[int, ...]) -> bool:
    """Whether the sentences are a headline: the document's first paragraph, a single
    sentence with no full stop."""
    if sentences != (0,):
        return False
    sentence = document.sentences[0]
    following = document.sentences[1] if len(document.sentences) > 1 else None
    alone = following is None or following.paragraph != sentence.paragraph
    return alone and not sentence.text.rstrip().endswith((".", "!", "?", "…"))


# A word of a name: (start, end) from the name's start, the word, and the word folded.
_Token = tuple[int, int, str, str]

# Two words this alike (rapidfuzz ratio) in one place of a name are one word misspelt
# ("Garza"/"Garcia", "Dyke"/"Dijk"); less alike, another name in its place ("Garza"/"López").
_SIMILAR = 50.0


@dataclass(frozen=True, slots=True)
class _Substitution:
    """A word of a source name that the translation's form of the name replaces."""

    target_name: NameMention
    target_token: _Token
    source_name: NameMention
    source_token: _Token
    similar: bool  # alike enough to be the word misspelt (_SIMILAR)


def _substitutions(pair: Pair, source: _NameIndex, target: _NameIndex) -> list[_Substitution]:
    """_changes, found once for both rules: by the translation's index, which is compared
    with one source only."""
    key = (pair.bead.source, pair.bead.target)
    found = target.substitutions.get(key)
    if found is None:
        found = target.substitutions[key] = _changes(pair, source, target)
    return found


def _changes(pair: Pair, source: _NameIndex, target: _NameIndex) -> list[_Substitution]:
    """The words of the bead's source names that the translation's forms of the names write
    as other words: a name of the translation shares words with a source name, in order, and
    after the first shared word has one word in a place where the source name has another
    ("Ana López" for "Ana Garza", "Di Luca" for "De Luca"). Words before the first shared
    one are not compared: titles and given names a language translates ("Queen Elizabeth II"
    for "la reina Isabel II"). Nor is a word that the other version has elsewhere in the
    bead, a place, the same name with an ending (_same_name), or a translation."""
    source_named = source.names_in(pair.bead.source)
    target_named = target.names_in(pair.bead.target)
    found: list[_Substitution] = []
    if not source_named or not target_named:
        return found
    for name, spelling in target_named:
        if len(spelling.tokens) < 2:
            continue  # a word shared and a word replaced
        counterpart = _counterpart(name, spelling, source_named)
        if counterpart is None:
            continue
        source_name, source_spelling = counterpart
        for i, j in _replaced(source_spelling.identifying, spelling.identifying):
            source_token, token = source_spelling.tokens[i], spelling.tokens[j]
            if (
                _has(source, pair.bead.source, token[3], pair.source)
                or _has(target, pair.bead.target, source_token[3], pair.target)
                or not _replacement(token[3], name, source_token[3], source_name, pair)
            ):
                continue
            similar = fuzz.ratio(token[3], source_token[3]) >= _SIMILAR
            found.append(_Substitution(name, token, source_name, source_token, similar))
    return found


def _counterpart(
    name: NameMention, spelling: _Spelling, source_named: Sequence[_Named]
) -> _Named | None:
    """The source name that shares most words with the translation's name, if it differs."""
    best: _Named | None = None
    shared = 0
    for source_name, source_spelling in source_named:
        if name.weak and source_name.weak:
            continue
        common = len(spelling.word_set & source_spelling.word_set)
        if common > shared:
            best, shared = (source_name, source_spelling), common
    if best is None:
        return None
    words, source_words = spelling.word_set, best[1].word_set
    if words <= source_words or source_words <= words:
        return None  # no word in the place of another: most names, and "President Lula"
    return best


def _replaced(words: Sequence[str], others: Sequence[str]) -> list[tuple[int, int]]:
    """Where `others` has one word in the place of one of `words`, after their first shared
    word or a particle before it, as (index in words, index in others): aligned on their
    longest common subsequence, each gap between (or after) shared words that holds one word
    on each side."""
    n, m = len(words), len(others)
    # common[i][j]: the longest common subsequence of words[i:] and others[j:]
    common = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            common[i][j] = (
                common[i + 1][j + 1] + 1
                if words[i] == others[j]
                else max(common[i + 1][j], common[i][j + 1])
            )
    replaced: list[tuple[int, int]] = []
    # The words of the gap since the last shared word, in `words` and in `others`.
    gap: list[int] = []
    gap_others: list[int] = []
    anchored = False
    i = j = 0
    while i < n or j < m:
        if i < n and j < m and words[i] == others[j]:
            # Before the first shared word only a particle: "Di Luca" for "De Luca".
            if (
                len(gap) == 1
                and len(gap_others) == 1
                and (
                    anchored
                    or (
                        words[gap[0]] in lexicon.PARTICLES
                        and others[gap_others[0]] in lexicon.PARTICLES
                    )
                )
            ):
                replaced.append((gap[0], gap_others[0]))
            anchored = True
            gap, gap_others = [], []
            i += 1
            j += 1
        elif j == m or (i < n and common[i + 1][j] >= common[i][j + 1]):
            gap.append(i)
            i += 1
        else:
            gap_others.append(j)
            j += 1
    if anchored and len(gap) == 1 and len(gap_others) == 1:
        replaced.append((gap[0], gap_others[0]))
    return replaced


def _has(index: _NameIndex, sentences: tuple[int, ...], word: str, document: Document) -> bool:
    """Whether the sentences have the other version's word `word` (folded): where it is one
    of the document language's function words ("di" in "il presidente di ..."), only as a
    word of a name."""
    if word not in index.words_in(sentences):
        return False
    if word not in lexicon.function_words(document.locale.language):
        return True
    return any(word in spelling.word_set for _, spelling in index.names_in(sentences))


def _replacement(
    word: str, name: NameMention, source_word: str, source_name: NameMention, pair: Pair
) -> bool:
    """Whether the translation's `word` in place of the source's `source_word` is another
    word: not a place, the name with an ending or a translation."""
    target_language = pair.target.locale.language
    if word in cldr.place_names(target_language) or source_word in cldr.place_names(
        pair.source.locale.language
    ):
        return False
    if (word.startswith(source_word) or source_word.startswith(word)) and _same_name(
        word, name, source_word, source_name, pair
    ):
        return False
    return not _translated(word, target_language, source_word, pair, strict=True)


class _Spelling:
    """The words of a name's text, as the name rules read them."""

    __slots__ = ("identifying", "plain", "tokens", "word_set")

    def __init__(self, text: str) -> None:
        pieces = text.split(" ")
        if "".join(pieces).isalpha():
            # Letters and single spaces ("Banco do México"), as most names are: its words
            # are the pieces name_tokens keeps, found here as it finds them, so that each
            # piece is folded once for both uses.
            folded = _fold_each(pieces)
            self.plain: frozenset[str] = frozenset(folded)
            tokens = []
            start = 0
            for piece, folded_piece in zip(pieces, folded, strict=True):
                if len(piece) > 1 and piece not in lexicon.PARTICLES:
                    tokens.append((start, start + len(piece), piece, folded_piece))
                start += len(piece) + 1
        else:
            # No folded words for any other name ("Jean-Pierre", "R. Ford").
            self.plain = frozenset()
            tokens = [(s, e, w, cldr.fold(w)) for s, e, w in name_tokens(text)]
        self.tokens: tuple[_Token, ...] = tuple(tokens)
        self.identifying = tuple([t[3] for t in tokens])  # the folded words
        self.word_set = frozenset(self.identifying)


# A name of a document with its spelling.
_Named = tuple[NameMention, _Spelling]


class _NameIndex:
    """What the name rules ask of a document for its beads. Every name's spelling is found
    at once (both rules read nearly every name); the rest only when first asked for: most
    beads need little of it."""

    __slots__ = (
        "_bead_words",
        "_by_sentence",
        "_counts",
        "_document",
        "_named",
        "_spelled",
        "_whole_words",
        "_words",
        "substitutions",
    )

    def __init__(self, document: Document) -> None:
        self._document = document
        named = [(name, _spelling(name.text)) for name in document.names]
        self._named = named  # in text order
        self._by_sentence: dict[int, list[_Named]] = {}
        for item in named:
            self._by_sentence.setdefault(item[0].sentence, []).append(item)
        self._words: dict[int, frozenset[str]] = {}
        self._bead_words: dict[tuple[int, ...], frozenset[str]] = {}
        self._whole_words: dict[int, frozenset[str]] = {}  # by sentence (whole_words_in)
        self._spelled: dict[str, set[str]] | None = None  # each folded word's spellings
        self._counts: Counter[str] | None = None  # how often the names hold each folded word
        # The translation's words in the place of the source's, by bead (_substitutions).
        self.substitutions: dict[tuple[tuple[int, ...], tuple[int, ...]], list[_Substitution]]
        self.substitutions = {}

    def names_in(self, sentences: tuple[int, ...]) -> Sequence[_Named]:
        if len(sentences) == 1:  # most beads
            return self._by_sentence.get(sentences[0], ())
        # Sentences ascend and names are in text order, so this keeps the text order.
        return [n for i in sentences for n in self._by_sentence.get(i, ())]

    def respelled(self, folded: str, word: str) -> bool:
        """Whether a name of the document writes `folded` otherwise than `word`."""
        if self._spelled is None:
            self._spelled = {}
            for _, spelling in self._named:
                for token in spelling.tokens:
                    self._spelled.setdefault(token[3], set()).add(token[2])
        spellings = self._spelled.get(folded)
        return spellings is not None and (len(spellings) > 1 or word not in spellings)

    def writes_throughout(self, folded: str, other: str) -> bool:
        """Whether the document's names hold the word `folded` more than once, and the word
        `other` never."""
        if self._counts is None:
            self._counts = Counter(t[3] for _, spelling in self._named for t in spelling.tokens)
        return self._counts[folded] > 1 and not self._counts[other]

    def words_in(self, sentences: tuple[int, ...]) -> frozenset[str]:
        """The folded words of the sentences (_folded_words)."""
        if len(sentences) == 1:
            return self._sentence_words(sentences[0])
        # A word never spans the space joining two sentences, so a bead's words are the
        # union of its sentences' words.
        words = self._bead_words.get(sentences)
        if words is None:
            words = frozenset().union(*map(self._sentence_words, sentences))
            self._bead_words[sentences] = words
        return words

    def whole_words_in(self, sentences: tuple[int, ...]) -> frozenset[str]:
        """Folded words of the sentences' names that words_in holds for certain (_whole_words),
        with no need to read the sentences."""
        if len(sentences) == 1:
            return self._sentence_whole_words(sentences[0])
        return frozenset().union(*map(self._sentence_whole_words, sentences))

    def _sentence_whole_words(self, sentence: int) -> frozenset[str]:
        words = self._whole_words.get(sentence)
        if words is None:
            whole = self._document.sentences[sentence]
            words = frozenset().union(
                *(_whole_words(n, s, whole) for n, s in self._by_sentence.get(sentence, ()))
            )
            self._whole_words[sentence] = words
        return words

    def _sentence_words(self, sentence: int) -> frozenset[str]:
        words = self._words.get(sentence)
        if words is None:
            words = self._words[sentence] = _folded_words(self._document.sentences[sentence].text)
        return words

    def named_before(self, name: NameMention, words: frozenset[str]) -> bool:
        """Whether a name in an earlier sentence shares one of `words`."""
        return any(
            not words.isdisjoint(spelling.word_set)
            for other, spelling in self._named
            if other.sentence < name.sentence
        )

    def named_anywhere(self, words: frozenset[str]) -> bool:
        """Whether a name of the document shares one of `words`."""
        return any(not words.isdisjoint(spelling.word_set) for _, spelling in self._named)

    def kept_elsewhere(self, bead: tuple[int, ...], words: frozenset[str]) -> bool:
        """Whether the translation keeps the name outside this bead, so does not translate it.

        As a whole, or a part of it ("Haddad" for "Fernando Haddad", "President Lula" for
        "Lula"), but not inside a longer name ("Consorzio Venezia Nuova" for "Venezia").
        """
        # A name kept shares a word with `words` (never empty): most names share none.
        return any(
            not words.isdisjoint(spelling.word_set) and _kept(words, spelling.word_set)
            for other, spelling in self._named
            if other.sentence not in bead
        )


def _whole_words(name: NameMention, spelling: _Spelling, sentence: Sentence) -> frozenset[str]:
    """Folded words of the name that the words of its sentence hold for certain, with no
    need to read them: those of a name of plain words (_Spelling.plain) that stands whole in
    its sentence, no letter or digit against either end, so that each of its words is a
    whole run of letters there, which _folded_words keeps."""
    plain = spelling.plain
    if not plain:
        return plain
    text = sentence.text
    start = name.start - sentence.start
    end = start + len(name.text)
    if start < 0 or not text.startswith(name.text, start):
        return frozenset()
    if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        return frozenset()
    return plain


# Both name rules walk every bead of a story: its documents are indexed once.
@per_story
def _indexes_of(story: CheckedStory) -> dict[int, _NameIndex]:
    """Each document's index, by id() of the document."""
    return {id(v.document): _NameIndex(v.document) for v in story.versions}


# By text: a name's words depend on its text alone, and stories repeat their names (a
# translation copies most of the source's; a batch names the same people and places).
_spelling = functools.lru_cache(maxsize=65536)(_Spelling)


@functools.lru_cache(maxsize=65536)
def _folded_words(text: str) -> frozenset[str]:
    """Words and hyphenated compounds, both whole and in parts: "SUD-Rail", "sud", "rail"."""
    # No word spans a space, and most words stand alone between spaces: str.split and
    # str.isalpha find those in C, and the regexes read only the other pieces.
    pieces = text.split()
    words = set(filter(str.isalpha, pieces))
    rest = " ".join(itertools.filterfalse(str.isalpha, pieces))
    words.update(_COMPOUND.findall(rest))
    if "-" in rest or "'" in rest or "’" in rest:
        words.update(_LETTERS.findall(rest))  # the parts of compounds: their runs of letters
    # Each distinct word is folded once.
    return frozenset(_fold_each(list(words)))


def _fold_each(words: list[str]) -> list[str]:
    """Each word (no word holds a space) folded by locale.fold. Where all are ASCII, fold is
    lower(): one str.lower of them all costs less than a call of fold for each."""
    joined = " ".join(words)
    if joined.isascii():
        return joined.lower().split(" ") if words else []
    return list(map(cldr.fold, words))


def _acronym(text: str) -> bool:
    """Whether every word of a text (with words) is in capitals. A text with no capital has
    a word without one, so most texts are settled by one str.isupper."""
    return text.isupper() and all(w.isupper() for w in text.split())


def _kept(name: AbstractSet[str], other: AbstractSet[str]) -> bool:
    if not other:
        return False
    return other <= name or (name <= other and len(other) <= len(name) + 1)


def _present(word: str, words: frozenset[str]) -> bool:
    """`word` or a form of it ("Venezuela" in "Venezuelan") is among `words`."""
    if word in words:
        return True
    # Words that share a beginning ("venezuelan", "venezuelans") are compared once.
    size = len(word)
    beginnings = {other[:size] for other in words if len(other) >= size - 1}
    return any(fuzz.ratio(word, other) >= _PRESENT for other in beginnings)


def _translated(
    word: str, language: str, source_word: str, pair: Pair, *, strict: bool = False
) -> bool:
    """Whether each differing part is a common word of its own language: a translation.

    "Espaciales"/"Espaciais" or "Marsella-Fos"/"Marseille-Fos" are the two languages' own
    words; a slip such as "Hadad" for "Haddad" is rare in either. So is one stem with each
    language's suffix ("Flagellazione"/"Flagellation"), however rare the words. A name's
    particle is not translated ("Di" for "De"), nor is a word into one of the source
    language's own function words ("La" for Italian "Lo"). `strict`: where the rest of the
    name stands unchanged, the target language must prefer the word too (_OWN_LANGUAGE).
    """
    if _PART.sub("", word) == _PART.sub("", source_word):
        return False  # "Fitzgerald" for "Fitz-Gerald": the same letters, joined otherwise
    source_language = pair.source.locale.language
    parts, source_parts = _PART.split(word), _PART.split(source_word)
    if len(parts) != len(source_parts):
        parts, source_parts = [word], [source_word]
    differing = [(a, b) for a, b in zip(parts, source_parts, strict=True) if a != b]

    def own_word(a: str, b: str) -> bool:
        if a in lexicon.PARTICLES and b in lexicon.PARTICLES:
            return False
        if a in lexicon.function_words(source_language):
            return False
        if _cognate(a, b):
            return True
        source_frequency = lexicon.frequency(b, source_language)
        if source_frequency < _COMMON_SPELLING:
            return False
        frequency = lexicon.frequency(a, language)
        # The same stem with the language's own ending ("Balearic"/"Baleares") is a word
        # of that language even where it is rarer.
        derived = _shared_prefix(a, b) >= _STEM
        if frequency < (_DERIVED_SPELLING if derived else _COMMON_SPELLING):
            return False
        if not strict or derived:
            return True
        elsewhere = lexicon.frequency(a, source_language)
        return frequency >= elsewhere + _OWN_LANGUAGE or (
            frequency >= lexicon.frequency(b, language) + _OWN_LANGUAGE
            and source_frequency >= elsewhere + _OWN_LANGUAGE
        )

    return bool(differing) and all(own_word(a, b) for a, b in differing)


def _cognate(a: str, b: str) -> bool:
    """Whether two words are one stem with endings of one suffix group (_SUFFIXES); the stems
    may differ by a letter ("Constituição"/"Constitution", "Resurrezione"/"Resurrection")."""
    for group in _SUFFIXES:
        for ending in group:
            if not a.endswith(ending):
                continue
            stem = a[: -len(ending)]
            for other in group:
                if other == ending or not b.endswith(other):
                    continue
                other_stem = b[: -len(other)]
                shorter = min(len(stem), len(other_stem))
                if shorter >= _SUFFIX_STEM and (
                    stem == other_stem
                    or (shorter > _SUFFIX_STEM and OSA.distance(stem, other_stem) <= 1)
                ):
                    return True
    return False


def _shared_prefix(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def _near(
    folded: str,
    name: NameMention,
    source_tokens: list[tuple[NameMention, _Token]],
    source_places: Mapping[str, str],
    pair: Pair,
) -> bool:
    """Whether a source word is close to `folded`, whatever words the translation has:
    _closest finds none where this finds none."""
    return _closest(folded, name, source_tokens, frozenset(), source_places, pair) is not None


def _closest(
    folded: str,
    name: NameMention,
    source_tokens: list[tuple[NameMention, _Token]],
    target_words: frozenset[str],
    source_places: Mapping[str, str],
    pair: Pair,
) -> tuple[NameMention, _Token] | None:
    """The source spelling this target word most likely changed, if one is close enough: the
    name `name` of the translation holds the word."""
    best: tuple[float, NameMention, _Token] | None = None
    for source_name, token in source_tokens:
        if name.weak and source_name.weak:
            continue
        other = token[3]
        if other == folded or other in target_words:
            continue  # the translation has the source spelling too
        if other in source_places:
            continue
        if (folded.startswith(other) or other.startswith(folded)) and _same_name(
            folded, name, other, source_name, pair
        ):
            continue  # "Merkel"/"Merkels": the name with an ending, not another spelling
        limit = 1 if min(len(folded), len(other)) <= _SHORT_NAME else 2
        if abs(len(folded) - len(other)) > limit:
            continue  # the distance is at least the difference in length
        distance = OSA.distance(folded, other)  # a swap of two letters is one slip
        if distance > limit:
            continue
        score = fuzz.ratio(folded, other)
        if best is None or score > best[0]:
            best = (score, source_name, token)
    return None if best is None else (best[1], best[2])


def _same_name(
    word: str, name: NameMention, other: str, other_name: NameMention, pair: Pair
) -> bool:
    """Whether the translation's word `word` (of `name`) and the source's `other` (of
    `other_name`), one the beginning of the other, are one name: the longer is the shorter
    with an ending the longer one's language puts on names, a compound or a possessive."""
    if len(word) > len(other):
        longer, document, tail = name, pair.target, word[len(other) :]
    else:
        longer, document, tail = other_name, pair.source, other[len(word) :]
    if not tail or tail[0] in _JOINERS:
        return True
    language = document.locale.language
    if tail in _NAME_ENDINGS.get(language, ()):
        return True
    return tail in _PLURAL_ENDINGS and _after_plural_article(longer, document)


def _after_plural_article(name: NameMention, document: Document) -> bool:
    """Whether the word before the name is its language's plural article ("the Kennedys")."""
    articles = _PLURAL_ARTICLES.get(document.locale.language)
    if not articles:
        return False
    # Longer than any article, so that a word cut at the start is never taken for one.
    before = document.source.text[max(0, name.start - 8) : name.start]
    words = before.split()
    return before[-1:].isspace() and bool(words) and words[-1].lower() in articles


def _marks(word: str) -> set[str]:
    """The letters of a word that carry diacritics: {"ç"} for "Iguaçu"."""
    return {c for c in word.casefold() if cldr.fold(c) != c}


def _same_capitals(word: str, other: str) -> bool:
    """Whether two spellings of a word put capitals at the same places after each part's
    first letter. A part in capitals ("BRASÍLIA", "NATO" for "Nato") says nothing."""
    parts, other_parts = _PART.split(word), _PART.split(other)
    if len(parts) != len(other_parts):
        return True
    return all(
        a.isupper() or b.isupper() or [c.isupper() for c in a[1:]] == [c.isupper() for c in b[1:]]
        for a, b in zip(parts, other_parts, strict=True)
    )


def _accented(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold()


def _recase(word: str, like: str) -> str:
    """`word` in the case of `like`: "BRASÍLIA" for "BRASILIA"."""
    if like.isupper():
        return word.upper()
    return word
