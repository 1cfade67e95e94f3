"""When two spellings are one name: the endings a language puts on names, translated words,
and how far a slip may take a spelling."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from reconcile import lexicon
from reconcile import locale as cldr
from reconcile.model import Document, NameMention
from reconcile.rules.beads import Pair
from reconcile.rules.name_index import Token

# The marks that join the parts of a word ("Fitz-Gerald", "d’Orsay").
_PART = re.compile(r"[-'’]")
# Letters two spellings of one name may differ by: one in a short name, two in a long one.
_SHORT_NAME = 5
# A target spelling this common in its language is a word of it ("Lisbon", "Ivan"), so the
# difference may be the language's own form of the name rather than a slip.
COMMON_SPELLING = 3.0
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
_NAME_ENDINGS: Mapping[str, frozenset[str]] = lexicon.word_sets(
    {
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
    }
)
# A family's name in the plural ("the Kennedys", "os Bolsonaros") after the language's plural
# article; without the article "Kesslers" for "Kessler" is a slip.
_PLURAL_ENDINGS = frozenset({"s", "es"})
_PLURAL_ARTICLES: Mapping[str, frozenset[str]] = lexicon.word_sets(
    {
        "en": "the",
        "pt": "os dos aos nos pelos",
        "es": "los",
        "fr": "les des aux",
        "de": "die den der",
        "nl": "de",
        "ca": "els dels",
    }
)
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
        "ics ica icas iques",
        "ory orio oria oire",
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


def present(word: str, words: frozenset[str]) -> bool:
    """`word` or a form of it ("Venezuela" in "Venezuelan") is among `words`."""
    if word in words:
        return True
    # Words that share a beginning ("venezuelan", "venezuelans") are compared once.
    size = len(word)
    beginnings = {other[:size] for other in words if len(other) >= size - 1}
    return any(fuzz.ratio(word, other) >= _PRESENT for other in beginnings)


def translated(
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
        if source_frequency < COMMON_SPELLING:
            return False
        frequency = lexicon.frequency(a, language)
        # The same stem with the language's own ending ("Balearic"/"Baleares") is a word
        # of that language even where it is rarer. A letter doubled or undoubled is no
        # ending but a slip ("Barretto" for "Barreto", "Mattos" for "Matos"), unless both
        # spellings are common words of their languages ("Philip"/"Philipp").
        derived = _shared_prefix(a, b) >= _STEM and _undoubled(a) != _undoubled(b)
        if frequency < (_DERIVED_SPELLING if derived else COMMON_SPELLING):
            return False
        if not strict or derived:
            return True
        elsewhere = lexicon.frequency(a, source_language)
        return frequency >= elsewhere + _OWN_LANGUAGE or (
            frequency >= lexicon.frequency(b, language) + _OWN_LANGUAGE
            and source_frequency >= elsewhere + _OWN_LANGUAGE
        )

    return bool(differing) and all(own_word(a, b) for a, b in differing)


def _undoubled(word: str) -> str:
    """The word with each run of one letter written once: "barreto" for "barretto"."""
    return "".join(letter for i, letter in enumerate(word) if i == 0 or word[i - 1] != letter)


# How languages regularly render each other's place names, as (spelling, its plain form), on
# folded words (so "ü"/"u" and "ö"/"o" are already one): "Tyrol"/"Tirol", "Köln"/"Koeln",
# "Catalunya"/"Cataluña", "Bretagne"/"Bretanha". Applied in order, to both spellings alike.
_RENDERINGS = (
    ("ph", "f"),
    ("ny", "n"),
    ("y", "i"),
    ("k", "c"),
    ("ae", "a"),
    ("oe", "o"),
    ("ue", "u"),
    ("nh", "n"),
    ("gn", "n"),
    ("w", "v"),
)
# A place name's ending in one language and not another: "Sevilla"/"Seville",
# "Milano"/"Milan", "Bremen"/"Brema", "Lombardia"/"Lombardy".
_PLACE_ENDINGS = re.compile(r"(?:en|[aeiou]+)$")
# Words before a name that make it a place ("in Tyrol", "im Tirol"), per language. Not "a",
# "de", "para" or "to": they stand before persons as often ("disse a Rossi", "de Souza").
_PLACE_PREPOSITIONS: Mapping[str, frozenset[str]] = lexicon.word_sets(
    {
        "en": "in at near across throughout of",
        "de": "in im ins nach aus",
        "pt": "em no na nos nas",
        "es": "en",
        "fr": "à au aux en dans",
        "it": "in nel nella nei nelle negli",
        "nl": "in naar uit",
        "ca": "en",
    }
)
# An exonym is an established word of the target language, as a slip is not: "Tyrol" is
# (Zipf 2.7 in English), "Sevila" for "Sevilla" is not (0).
_EXONYM_FREQUENCY = 2.0


def exonym(
    word: str,
    folded: str,
    name: NameMention,
    source_folded: str,
    source_name: NameMention,
    pair: Pair,
) -> bool:
    """Whether the translation's `word` (folded `folded`, of `name`) is its language's own
    name for the place the source writes `source_folded`: a place (after a preposition of
    place in either version), the two spellings one by the ways languages render each other's
    names (_RENDERINGS, _PLACE_ENDINGS), and the target's spelling a word of its language.
    A person's name is copied letter for letter, so this asks for a place."""
    if _rendering(folded) != _rendering(source_folded):
        return False
    if lexicon.frequency(word.casefold(), pair.target.locale.language) < _EXONYM_FREQUENCY:
        return False
    return _after_place_preposition(name, pair.target) or _after_place_preposition(
        source_name, pair.source
    )


def _rendering(folded: str) -> str:
    """The plain form of a folded place name that its renderings in other languages share."""
    plain = _undoubled(folded)
    for spelling, replacement in _RENDERINGS:
        plain = plain.replace(spelling, replacement)
    return _PLACE_ENDINGS.sub("", _undoubled(plain))


def _after_place_preposition(name: NameMention, document: Document) -> bool:
    """Whether the word before the name is one of its language's prepositions of place."""
    prepositions = _PLACE_PREPOSITIONS.get(document.locale.language, frozenset())
    # 12: longer than any preposition, so that a word cut at the start is never taken for one.
    return _word_before(name, document, 12).casefold() in prepositions


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


def rendered(word: str, language: str, words: AbstractSet[str], other_language: str) -> bool:
    """Whether `words`, another version's words (folded), hold `word` translated by its form,
    wherever they stand: one stem with each language's suffix ("Epidemiología"/"Epidemiology",
    _cognate), or one stem of _STEM letters with each language's ending, a word of each
    language ("Aeronáutica"/"Aeronautics")."""
    for other in words:
        if _cognate(word, other):
            return True
        if (
            _shared_prefix(word, other) >= _STEM
            and lexicon.frequency(word, language) >= _DERIVED_SPELLING
            and lexicon.frequency(other, other_language) >= _DERIVED_SPELLING
        ):
            return True
    return False


def _shared_prefix(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def near(
    folded: str,
    name: NameMention,
    source_tokens: list[tuple[NameMention, Token]],
    source_places: Mapping[str, str],
    pair: Pair,
) -> bool:
    """Whether a source word is close to `folded`, whatever words the translation has:
    closest finds none where this finds none."""
    return closest(folded, name, source_tokens, frozenset(), source_places, pair) is not None


def closest(
    folded: str,
    name: NameMention,
    source_tokens: list[tuple[NameMention, Token]],
    target_words: frozenset[str],
    source_places: Mapping[str, str],
    pair: Pair,
) -> tuple[NameMention, Token] | None:
    """The source spelling this target word most likely changed, if one is close enough: the
    name `name` of the translation holds the word."""
    best: tuple[float, NameMention, Token] | None = None
    size = len(folded)
    for source_name, token in source_tokens:
        other = token[3]
        limit = 1 if min(size, len(other)) <= _SHORT_NAME else 2
        if abs(size - len(other)) > limit:
            # The distance is at least the difference in length. Tested first: it leaves
            # out most words, and each test only leaves words out, in any order.
            continue
        if name.weak and source_name.weak:
            continue
        if other == folded or other in target_words:
            continue  # the translation has the source spelling too
        if other in source_places:
            continue
        if (folded.startswith(other) or other.startswith(folded)) and same_name(
            folded, name, other, source_name, pair
        ):
            continue  # "Merkel"/"Merkels": the name with an ending, not another spelling
        distance = OSA.distance(folded, other)  # a swap of two letters is one slip
        if distance > limit:
            continue
        score = fuzz.ratio(folded, other)
        if best is None or score > best[0]:
            best = (score, source_name, token)
    return None if best is None else (best[1], best[2])


def same_name(
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
    articles = _PLURAL_ARTICLES.get(document.locale.language, frozenset())
    # 8: longer than any article, so that a word cut at the start is never taken for one.
    return _word_before(name, document, 8).lower() in articles


def _word_before(name: NameMention, document: Document, reach: int) -> str:
    """The word right before the name, a space between, within `reach` characters; "" if
    none."""
    before = document.source.text[max(0, name.start - reach) : name.start]
    words = before.split()
    return words[-1] if words and before[-1:].isspace() else ""


def marks(word: str) -> set[str]:
    """The letters of a word that carry diacritics: {"ç"} for "Iguaçu"."""
    return {c for c in word.casefold() if cldr.fold(c) != c}


def same_capitals(word: str, other: str) -> bool:
    """Whether two spellings of a word put capitals at the same places after each part's
    first letter. A part in capitals ("BRASÍLIA", "NATO" for "Nato") says nothing."""
    parts, other_parts = _PART.split(word), _PART.split(other)
    if len(parts) != len(other_parts):
        return True
    return all(
        a.isupper() or b.isupper() or [c.isupper() for c in a[1:]] == [c.isupper() for c in b[1:]]
        for a, b in zip(parts, other_parts, strict=True)
    )


def accented(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold()


def recase(word: str, like: str) -> str:
    """`word` in the case of `like`: "BRASÍLIA" for "BRASILIA"."""
    if like.isupper():
        return word.upper()
    return word
