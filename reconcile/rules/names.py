"""Name rules: one entity spelled two ways across versions, names dropped in translation."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rapidfuzz import fuzz

from reconcile import lexicon
from reconcile import locale as cldr
from reconcile.model import CheckedStory, Document, Finding, NameMention, Severity
from reconcile.rules.base import Rule
from reconcile.rules.beads import Pair, aligned_pairs
from reconcile.rules.name_forms import (
    COMMON_SPELLING,
    accented,
    closest,
    exonym,
    marks,
    near,
    present,
    recase,
    rendered,
    same_capitals,
    same_name,
    translated,
)
from reconcile.rules.name_index import (
    Named,
    NameIndex,
    Spelling,
    Substitution,
    Token,
    indexes_of,
)


class _NameRule(Rule):
    """A name rule: it reads each bead with both documents' name indexes."""

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        if len(story.versions) < 2:
            return  # no translation: no bead to read, and no need to spell every name
        indexes = indexes_of(story)
        for pair in aligned_pairs(story):
            yield from self._pair(pair, indexes[id(pair.source)], indexes[id(pair.target)])

    def _pair(self, pair: Pair, source: NameIndex, target: NameIndex) -> Iterator[Finding]:
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

    def _pair(self, pair: Pair, source: NameIndex, target: NameIndex) -> Iterator[Finding]:
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

    def _substitution(self, pair: Pair, change: Substitution) -> Finding:
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

    def _words(self, pair: Pair, source: NameIndex, target: NameIndex) -> Iterator[Finding]:
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
                    or not near(folded, name, source_tokens, source_places, pair)
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
                if not anchored and lexicon.frequency(folded, target_language) >= COMMON_SPELLING:
                    continue
                target_words = target.words_in(pair.bead.target)
                match = closest(folded, name, source_tokens, target_words, source_places, pair)
                if match is None:
                    continue
                source_name, (s_start, s_end, s_word, s_folded) = match
                if translated(folded, target_language, s_folded, pair):
                    continue
                if exonym(word, folded, name, s_folded, source_name, pair):
                    continue  # "in Tyrol" for "im Tirol": the target language's own name
                # A typing slip does not add diacritics: "Iguaçu" for "Iguazú" is the
                # translator's chosen form of the name, worth a look but not a warning. Nor is
                # a slip made every time: a version that writes "Montevideo" for the source's
                # "Montevidéu" throughout, and never the source's form, chose its own form.
                chosen = bool(marks(word) - marks(s_word))
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
        source_tokens: list[tuple[NameMention, Token]],
    ) -> Finding | None:
        """The same letters with other diacritics ("Yvan" for "Yván", info) or other capitals
        inside the name ("Fitzgerald" for "FitzGerald", a warning)."""
        for source_name, (s_start, s_end, s_word, s_folded) in source_tokens:
            if s_folded != folded or s_word == word:
                continue
            if name.weak and source_name.weak:
                continue
            if not same_capitals(word, s_word):
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
            if accented(s_word) == accented(word):
                continue
            if lexicon.frequency(folded, pair.target.locale.language) >= COMMON_SPELLING:
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
                suggestion=recase(s_word, word),
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

    def _pair(self, pair: Pair, source: NameIndex, target: NameIndex) -> Iterator[Finding]:
        if _headline(pair.source, pair.bead.source):
            return  # a headline is rewritten to fit, not translated word for word
        # Found when first needed: most names are skipped before.
        target_entities: set[str] | None = None
        certain: frozenset[str] | None = None  # words the target sentences surely have
        reported: set[str] = set()
        vanished: list[Named] = []  # names of several words the translation has nowhere
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
                continue  # one of its words is in the translation (present)
            target_words = target.words_in(pair.bead.target)
            if any(present(w, target_words) for w in words):
                continue
            if source.named_before(name, spelling.word_set):
                continue  # a repeated name may become a pronoun
            if not target.kept_elsewhere(pair.bead.target, spelling.word_set):
                if len(words) > 1:
                    vanished.append((name, spelling))
                continue
            if _rendered(pair, words, target):
                continue  # translated, its words reordered
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
            if other is not None and not _rendered(pair, spelling.identifying, target):
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


def _rendered(pair: Pair, words: Sequence[str], target: NameIndex) -> bool:
    """Whether a name of the translation's bead renders one of a source name's `words`
    (name_forms.rendered): the name is translated, not missing."""
    source_language, target_language = pair.source.locale.language, pair.target.locale.language
    target_words = target.name_words_in(pair.bead.target)
    return any(rendered(w, source_language, target_words, target_language) for w in words)


def _stranger(
    pair: Pair, source: NameIndex, target: NameIndex, missing: Spelling
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
        if any(w in target_places or present(w, source_words) for w in words):
            continue
        if source.named_anywhere(spelling.word_set):
            continue
        if found is not None:
            return None  # two: which replaced the missing name is anyone's guess
        found = name
        if any(
            translated(w, language, m, pair, strict=True)
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


# Two words this alike (rapidfuzz ratio) in one place of a name are one word misspelt
# ("Garza"/"Garcia", "Dyke"/"Dijk"); less alike, another name in its place ("Garza"/"López").
_SIMILAR = 50.0


def _substitutions(pair: Pair, source: NameIndex, target: NameIndex) -> list[Substitution]:
    """_changes, found once for both rules: by the translation's index, which is compared
    with one source only."""
    key = (pair.bead.source, pair.bead.target)
    found = target.substitutions.get(key)
    if found is None:
        found = target.substitutions[key] = _changes(pair, source, target)
    return found


def _changes(pair: Pair, source: NameIndex, target: NameIndex) -> list[Substitution]:
    """The words of the bead's source names that the translation's forms of the names write
    as other words: a name of the translation shares words with a source name, in order, and
    after the first shared word has one word in a place where the source name has another
    ("Ana López" for "Ana Garza", "Di Luca" for "De Luca"). Words before the first shared
    one are not compared: titles and given names a language translates ("Queen Elizabeth II"
    for "la reina Isabel II"). Nor is a word that the other version has elsewhere in the
    bead, a place, the same name with an ending (same_name), or a translation."""
    source_named = source.names_in(pair.bead.source)
    target_named = target.names_in(pair.bead.target)
    found: list[Substitution] = []
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
                or _rendered_elsewhere(pair, source, target, source_token[3], token[3])
            ):
                continue
            similar = fuzz.ratio(token[3], source_token[3]) >= _SIMILAR
            found.append(Substitution(name, token, source_name, source_token, similar))
    return found


def _rendered_elsewhere(
    pair: Pair, source: NameIndex, target: NameIndex, source_word: str, word: str
) -> bool:
    """Whether a name of the translation's bead renders the source's `source_word` in another
    place, or a name of the source's bead so renders the translation's `word`: the name's words
    translated and reordered ("General Directorate of Epidemiology" for "Dirección General de
    Epidemiología", where "Directorate" stands in the place of "Epidemiología")."""
    source_language, target_language = pair.source.locale.language, pair.target.locale.language
    target_words = target.name_words_in(pair.bead.target) - {word}
    source_words = source.name_words_in(pair.bead.source) - {source_word}
    return rendered(source_word, source_language, target_words, target_language) or rendered(
        word, target_language, source_words, source_language
    )


def _counterpart(
    name: NameMention, spelling: Spelling, source_named: Sequence[Named]
) -> Named | None:
    """The source name that shares most words with the translation's name, if it differs."""
    best: Named | None = None
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


def _has(index: NameIndex, sentences: tuple[int, ...], word: str, document: Document) -> bool:
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
    if (word.startswith(source_word) or source_word.startswith(word)) and same_name(
        word, name, source_word, source_name, pair
    ):
        return False
    return not translated(word, target_language, source_word, pair, strict=True)


def _acronym(text: str) -> bool:
    """Whether every word of a text (with words) is in capitals. A text with no capital has
    a word without one, so most texts are settled by one str.isupper."""
    return text.isupper() and all(w.isupper() for w in text.split())
