"""Per-language word data that CLDR lacks: common words (wordfreq), name particles, negation."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from types import MappingProxyType

from wordfreq import available_languages, top_n_list, zipf_frequency


# Lower-case words that join the parts of a name: "Lula da Silva", "van der Leyen",
# "bin Salman", "Abu Bakr al-Baghdadi". Shared by every language: names travel. Not "e" and
# "y" ("Ortega y Gasset"): far more often they join two names ("Avianca e Gol").
def word_sets(words_by_language: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """Each language's words, written as one space-separated string, as a set."""
    return {language: frozenset(words.split()) for language, words in words_by_language.items()}


PARTICLES = frozenset(
    {"da", "das", "de", "del", "della", "der", "des", "di", "do", "dos", "du", "la", "le"}
    | {"van", "von", "den", "ter", "ten", "bin", "ibn", "al", "el"}
)

# Languages that capitalise every noun: a capital there says "noun", not "name".
NOUNS_CAPITALISED = frozenset({"de", "lb"})

# Words that negate a statement, per language, "without" included ("sans réponse" = "keine
# Antwort"). French "ne ... pas" counts once: a quotation is compared by whether it negates
# at all, not by how many negation words it has.
_NEGATION: Mapping[str, frozenset[str]] = word_sets(
    {
        "en": "not no never none nobody nothing neither nor cannot nowhere without",
        "pt": "não nunca nenhum nenhuma nem jamais ninguém nada sem",
        "es": "no nunca ningún ninguna ninguno nadie nada jamás ni tampoco sin",
        "fr": "ne pas jamais aucun aucune rien ni non sans",
        "it": "non mai nessuno nessuna niente nulla né senza",
        "de": "nicht kein keine keinen keinem keiner keines nie niemals nichts niemand weder ohne",
        "nl": "niet geen nooit niets niemand noch",
        "ca": "no mai cap ningú res",
    }
)

# How many of a language's most frequent words count as its function words.
_FUNCTION_WORDS = 120

# A word at least this frequent (Zipf scale: 6 is once per thousand words, 3 once per
# million) is an ordinary word of the language, even if a name is spelled the same.
COMMON_ZIPF = 4.0


def negation_words(language: str) -> frozenset[str]:
    """Lower-case words that negate in `language`; empty when no list is kept for it."""
    return _NEGATION.get(language, frozenset())


# Cached: names and their rules ask for the same common words in every sentence.
@functools.lru_cache(maxsize=1 << 16)
def frequency(word: str, language: str) -> float:
    """How common a lower-cased word is in `language`, on the Zipf scale; 0 if unknown."""
    if language not in _languages():
        return 0.0
    return float(zipf_frequency(word, language))


@functools.cache
def function_words(language: str) -> frozenset[str]:
    """The language's most frequent words ("de", "que", "não"); empty if wordfreq lacks it."""
    if language not in _languages():
        return frozenset()
    return frozenset(top_n_list(language, _FUNCTION_WORDS))


@functools.cache
def distinctive_function_words(language: str, other: str) -> frozenset[str]:
    """Function words of `language` that are not function words of `other`."""
    return function_words(language) - function_words(other)


@functools.cache
def _languages() -> Mapping[str, object]:
    return MappingProxyType(dict(available_languages("small")))


# Contracted negation that a word list cannot hold: English "don't", French "n'a".
_NEGATION_PATTERNS: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(r"n['’]t\b", re.IGNORECASE),
    "fr": re.compile(r"\bn['’]", re.IGNORECASE),
    "it": re.compile(r"\bnon\b", re.IGNORECASE),
}
_LETTERS = re.compile(r"[^\W\d_]+")


# Phrases built on a negation word that negate nothing: "wie nie zuvor" = "than ever before".
_NOT_NEGATING: Mapping[str, re.Pattern[str]] = {
    language: re.compile(pattern, re.IGNORECASE)
    for language, pattern in {
        "de": r"\b(?:wie|als) (?:noch )?nie(?:mals)?(?: zuvor)?\b|\bnicht nur\b",
        "pt": r"\bcomo nunca\b|\bnão só\b|\bnão apenas\b",
        "es": r"\bcomo nunca\b|\bno solo\b|\bno sólo\b",
        "fr": r"\b(?:comme|que) jamais\b|\bnon seulement\b",
        "it": r"\bcome mai\b|\bnon solo\b",
        "en": r"\bnot only\b|\bno doubt\b",
    }.items()
}


def negates(text: str, language: str) -> bool | None:
    """Whether `text` contains a negation; None when no negation words are kept for it."""
    words = negation_words(language)
    if not words:
        return None
    idiom = _NOT_NEGATING.get(language)
    if idiom is not None:
        text = idiom.sub(" ", text)
    if any(word in words for word in _LETTERS.findall(text.lower())):
        return True
    pattern = _NEGATION_PATTERNS.get(language)
    return bool(pattern and pattern.search(text))


# Verbs that introduce a speaker after a dialogue dash ("—Vamos —afirmó el ministro"), in the
# third person; the words that may come before one ("le dijo", "ha detto", "tinha afirmado").
# Only for the languages that close direct speech with the speaker's dash: French opens a
# reply with a dash but lets it run on past the speaker's words ("— Non, a-t-il dit").
_SPEECH_VERBS: Mapping[str, frozenset[str]] = word_sets(
    {
        "es": (
            "dijo dice decía afirmó afirma afirmaba aseguró asegura declaró declara señaló "
            "señala explicó explica explicaba añadió añade agregó agrega indicó indica comentó "
            "comenta sostuvo sostiene advirtió advierte respondió responde contestó contesta "
            "preguntó pregunta subrayó subraya precisó precisa insistió insiste manifestó "
            "expresó concluyó concluye destacó destaca reconoció reconoce admitió admite "
            "apuntó apunta remarcó recalcó aclaró aclara contó cuenta relató denunció denuncia "
            "criticó lamentó lamenta defendió defiende anunció anuncia prometió promete opinó "
            "opina consideró considera estimó valoró replicó exclamó sentenció resumió "
            "puntualizó enfatizó detalló informó confirmó confirma reiteró reitera "
            "dicho afirmado asegurado declarado señalado explicado añadido agregado indicado "
            "comentado advertido respondido subrayado precisado insistido destacado "
            "reconocido admitido aclarado contado denunciado anunciado prometido confirmado"
        ),
        "pt": (
            "disse diz dizia afirmou afirma afirmava declarou declara explicou explica "
            "acrescentou acrescenta completou completa ressaltou ressalta destacou destaca "
            "observou observa comentou comenta garantiu garante respondeu responde perguntou "
            "pergunta argumentou argumenta pontuou pontua avaliou avalia contou conta relatou "
            "admitiu admite reconheceu reconhece alertou alerta advertiu adverte salientou "
            "frisou enfatizou sublinhou defendeu defende criticou critica lamentou lamenta "
            "anunciou anuncia prometeu promete concluiu conclui insistiu insiste informou "
            "confirmou confirma reiterou disparou emendou "
            "dito afirmado declarado explicado acrescentado destacado garantido respondido "
            "admitido reconhecido alertado anunciado prometido confirmado"
        ),
        "it": (
            "disse dice diceva afferma affermò spiega spiegò aggiunge aggiunse sottolinea "
            "sottolineò precisa precisò osserva osservò commenta commentò conferma confermò "
            "dichiara dichiarò risponde rispose chiede chiese ammette ammise avverte avvertì "
            "assicura assicurò conclude concluse racconta raccontò insiste ribadisce ribadì "
            "annuncia annunciò replica replicò incalza "
            "detto affermato spiegato aggiunto sottolineato precisato osservato commentato "
            "confermato dichiarato risposto chiesto ammesso avvertito assicurato concluso "
            "raccontato ribadito annunciato replicato"
        ),
    }
)
_SPEECH_LEADS: Mapping[str, frozenset[str]] = word_sets(
    {
        "es": "ha había han habían habría le les me nos se lo la te",
        "pt": "tem tinha teria havia lhe lhes me nos se",
        "it": "ha aveva hanno avevano gli le mi ci si",
    }
)


def speech_verbs(language: str) -> frozenset[str]:
    """Verbs that introduce a speaker after a dialogue dash in `language`; empty where
    direct speech is not closed by the speaker's dash."""
    return _SPEECH_VERBS.get(language, frozenset())


def speech_leads(language: str) -> frozenset[str]:
    """Words that may stand between a dialogue dash and the speaker's verb: auxiliaries and
    pronouns ("ha dicho", "le dijo")."""
    return _SPEECH_LEADS.get(language, frozenset())
