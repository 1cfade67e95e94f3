"""Per-language number vocabulary: scale words, percent words, currencies and units, as data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

# Languages text2num reads spelled-out numbers in.
SPELLED_LANGUAGES = frozenset({"en", "es", "fr", "de", "it", "nl", "pt"})


@dataclass(frozen=True, slots=True)
class Scale:
    value: int
    money_only: bool = False  # an abbreviation read as a scale only beside a currency ("$5m")


def _scales(table: Mapping[str, int], money_only: Mapping[str, int]) -> Mapping[str, Scale]:
    scales = {word: Scale(value) for word, value in table.items()}
    scales.update({word: Scale(value, money_only=True) for word, value in money_only.items()})
    return MappingProxyType(scales)


K, M, G, T = 10**3, 10**6, 10**9, 10**12

# Scale words with their real values. The long scale (Spanish "billón", European Portuguese
# "bilião", German "Billion", French "billion" = 10^12) and the short scale (English and
# Brazilian Portuguese "billion"/"bilhão" = 10^9) are where translators go wrong.
SCALES: Mapping[str, Mapping[str, Scale]] = MappingProxyType(
    {
        "en": _scales(
            {
                "thousand": K,
                "million": M,
                "millions": M,
                "billion": G,
                "billions": G,
                "trillion": T,
                "trillions": T,
                "mln": M,
                "bln": G,
                "bn": G,
                "tn": T,
                "trn": T,
            },
            {"m": M, "k": K, "b": G},
        ),
        "pt": _scales(
            {
                "mil": K,
                "milhão": M,
                "milhões": M,
                "bilhão": G,
                "bilhões": G,
                "bilião": T,
                "biliões": T,
                "trilhão": T,
                "trilhões": T,
                "mi": M,
                "bi": G,
                "tri": T,
            },
            {},
        ),
        "es": _scales(
            {
                "mil": K,
                "millón": M,
                "millones": M,
                "millardo": G,
                "millardos": G,
                "billón": T,
                "billones": T,
                "trillón": 10**18,
                "trillones": 10**18,
                "mdd": M,
            },
            {"M": M, "mill.": M},
        ),
        "fr": _scales(
            {
                "mille": K,
                "million": M,
                "millions": M,
                "milliard": G,
                "milliards": G,
                "billion": T,
                "billions": T,
                "md": G,
                "mds": G,
                "mrd": G,
                "mrds": G,
            },
            {"M": M, "Md": G},
        ),
        "de": _scales(
            {
                "tausend": K,
                "million": M,
                "millionen": M,
                "mio.": M,
                "mio": M,
                "milliarde": G,
                "milliarden": G,
                "mrd.": G,
                "mrd": G,
                "billion": T,
                "billionen": T,
                "bio.": T,
            },
            {},
        ),
        "it": _scales(
            {
                "mila": K,
                "mille": K,
                "milione": M,
                "milioni": M,
                "miliardo": G,
                "miliardi": G,
                "bilione": T,
                "bilioni": T,
                "mln": M,
                "mld": G,
                "mrd": G,
            },
            {},
        ),
        "nl": _scales(
            {
                "duizend": K,
                "miljoen": M,
                "miljoenen": M,
                "miljard": G,
                "miljarden": G,
                "biljoen": T,
                "biljoenen": T,
                "mln": M,
                "mld": G,
                "mrd": G,
            },
            {},
        ),
    }
)

# Portuguese writes the big scales two ways. Brazil uses the short scale ("bilhão", 10^9;
# "trilhão", 10^12); Portugal, Angola, Mozambique and the other varieties the long one ("mil
# milhões" for 10^9, "bilião" for 10^12). A fix suggested to a version uses its own variety's.
BRAZILIAN_ONLY_SCALES = frozenset({"bilhão", "bilhões", "trilhão", "trilhões", "mi", "bi", "tri"})
EUROPEAN_ONLY_SCALES = frozenset({"bilião", "biliões"})
EUROPEAN_BILLION = "mil milhões"  # 10^9 outside Brazil: two words, read by extract as one scale

# Scale words that are abbreviations, by language; a fix keeps a translation's abbreviation
# an abbreviation ("€1.46m" -> "€1.46bn", not "€1.46billion").
ABBREVIATED_SCALES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "en": frozenset({"m", "k", "b", "mln", "bln", "bn", "tn", "trn"}),
        "pt": frozenset({"mi", "bi", "tri"}),
        "es": frozenset({"m", "mill.", "mdd"}),
        "fr": frozenset({"m", "md", "mds", "mrd", "mrds"}),
        "de": frozenset({"mio.", "mio", "mrd.", "mrd", "bio."}),
        "it": frozenset({"mln", "mld", "mrd"}),
        "nl": frozenset({"mln", "mld", "mrd"}),
    }
)
# The abbreviation a fix writes for a scale, by language and value.
SCALE_ABBREVIATIONS: Mapping[str, Mapping[int, str]] = MappingProxyType(
    {
        "en": MappingProxyType({M: "m", G: "bn", T: "tn"}),
        "pt": MappingProxyType({M: "mi", G: "bi", T: "tri"}),
        "es": MappingProxyType({M: "M"}),
        "fr": MappingProxyType({M: "M", G: "Md"}),
        "de": MappingProxyType({M: "Mio.", G: "Mrd.", T: "Bio."}),
        "it": MappingProxyType({M: "mln", G: "mld"}),
        "nl": MappingProxyType({M: "mln", G: "mld"}),
    }
)

# Words that stand for "one" before a scale word: "a billion", "un millón", "eine Milliarde".
ONE_WORDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "en": frozenset({"a", "one"}),
        "pt": frozenset({"um", "uma"}),
        "es": frozenset({"un", "uno", "una"}),
        "fr": frozenset({"un", "une"}),
        "de": frozenset({"ein", "eine", "einer", "einen", "einem"}),
        "it": frozenset({"un", "uno", "una"}),
        "nl": frozenset({"een", "één"}),
    }
)

# "And a half" after a scale word ("um milhão e meio", "dos millones y medio", "deux millions
# et demi", "due milioni e mezzo", "a million and a half"): half the scale more. Regexes read
# from just after the scale word.
HALF_AFTER_SCALE: Mapping[str, str] = MappingProxyType(
    {
        "en": r"\s+and\s+a\s+half\b",
        "pt": r"\s+e\s+meio\b",
        "es": r"\s+y\s+medio\b",
        "fr": r"\s+et\s+demi\b",
        "it": r"\s+e\s+mezzo\b",
    }
)
# "And a half" between a number and its scale word ("two and a half million"); the group is the
# scale word. Read from just after the number.
HALF_BEFORE_SCALE: Mapping[str, str] = MappingProxyType({"en": r"\s+and\s+a\s+half\s+(\w+)"})

# One word for a number and a half, before a scale word ("zweieinhalb Millionen", "anderhalf
# miljoen"), where German and Dutch write it as one.
_GERMAN_UNITS = ("ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun")
_DUTCH_UNITS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
HALF_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "de": MappingProxyType(
            {"anderthalb": "1.5"}
            | {f"{u}einhalb": f"{n}.5" for n, u in enumerate(_GERMAN_UNITS, 1)}
        ),
        "nl": MappingProxyType(
            {"anderhalf": "1.5", "tweeënhalf": "2.5", "drieënhalf": "3.5"}
            | {f"{u}enhalf": f"{n}.5" for n, u in enumerate(_DUTCH_UNITS, 1) if n > 3}
        ),
    }
)

# Spelled-out words that are numbers only some of the time: French "neuf" is also "new",
# Italian "sei" also "you are", German "Elf" also a football team.
# Italian "secondo" and Portuguese "segundo" also mean "according to"; Portuguese "segunda"
# is also Monday.
HOMOGRAPHS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "fr": frozenset({"neuf"}),
        "pt": frozenset({"segundo", "segunda"}),
        "it": frozenset({"sei", "secondo"}),
        "de": frozenset({"elf"}),
    }
)

# Plural round numbers that say "many", not how many: "hundreds of millions", "milhares".
VAGUE: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "en": frozenset(
            ["hundreds", "thousands", "millions", "billions", "dozens", "tens", "scores"]
        ),
        "pt": frozenset(["centenas", "milhares", "milhões", "bilhões", "dezenas"]),
        "es": frozenset(["cientos", "centenares", "miles", "millones", "decenas"]),
        "fr": frozenset(["centaines", "milliers", "millions", "milliards", "dizaines"]),
        "de": frozenset(["hunderte", "tausende", "millionen", "milliarden", "dutzende"]),
        "it": frozenset(["centinaia", "migliaia", "milioni", "miliardi", "decine"]),
        "nl": frozenset(["honderden", "duizenden", "miljoenen", "miljarden", "tientallen"]),
    }
)

# Words after which "9.40" or "18.30" is a time of day: "alle 9.40", "às 18.30", "um 9.30".
# Spanish "las" is the article of "horas" whatever comes before it ("a las", "desde las",
# "a partir de las", "sobre las", "pasadas las", "entre las 8.00 y las 20.00").
# English has none: "stood at 3.45" is a rate, and English copy writes "9.40am" or "9:40".
# A clock form before an hour word is a time too, whatever precedes it ("20.00 horas").
TIME_WORDS = (
    "às", "até às", "las", "a la", "à", "vers", "dès", "um", "gegen", "alle", "ore", "dalle",
    "entro le", "tra le", "fra le", "le", "om",
)  # fmt: skip

# An hour with no minutes and no clock word ("a las 16", "alle 9 del mattino", "à 16 heures")
# is told from a count ("a las 16 empresas", "réduite à 16 heures") only by what is around it:
# - a part of the day after it ("9 de la mañana", "9 heures du matin") makes it a time;
# - after "à", "vers", "a las"..., an hour word makes it a time ("à 16 heures", "a las 21 hs");
# - after an article that only an hour takes (Spanish "a las", Italian "alle", "dalle",
#   Portuguese "às"), the end of the clause does too ("a las 16."), and so does a word that
#   cannot be a counted noun (HOUR_FOLLOWERS: "alle 9 e chiude alle 18", "a las 9 y", "às 9
#   no plenário"): a count goes on with its noun ("alle 9 squadre", "a las 16 empresas").
HOUR_ARTICLES = ("a las", "a la", "hasta las", "desde las", "alle", "dalle", "às", "até às")
HOUR_PREPOSITIONS = (
    "à", "vers", "dès", "jusqu'à", "jusqu’à", "de las", "entre las", "das", "entro le",
    "tra le", "fra le", "om", "tegen",
)  # fmt: skip
# Words after such an hour that are no noun it could count: conjunctions, prepositions,
# articles, a few adverbs and verbs ("alle 17 per 15 settimane"). Not those that may join the
# hour to a figure after them (a range's link, FIGURE_JOINERS: "alle 9 e 30", "dalle 9 alle 12
# unità"), where that figure decides. Spanish "de" and Portuguese "de", "das" are left out:
# "a las 3 de ellas" counts.
FIGURE_JOINERS = ("o", "ou", "u", "di", "del", "della", "dello", "dei", "degli")
HOUR_FOLLOWERS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "it": frozenset(
            ("e", "ed", "o", "con", "in", "a", "ad", "al", "allo", "alla", "ai", "agli", "all'",
             "all’", "da", "dal", "dallo", "dalla", "dai", "dagli", "dall'", "dall’", "di",
             "del", "dello", "della", "dei", "degli", "dell'", "dell’", "su", "sul", "sulla",
             "sull'", "sull’", "per", "tra", "fra", "nel", "nella", "nell'", "nell’", "il", "lo",
             "la", "i", "gli", "le", "l'", "l’", "un", "una", "uno", "un'", "un’", "ma",
             "quando", "mentre", "poi", "circa", "precise", "esatte", "ora", "è", "sarà", "si",
             "ci", "non", "che", "come")
        ),
        "es": frozenset(
            ("y", "e", "o", "u", "con", "en", "a", "al", "desde", "hasta", "para", "por",
             "sobre", "tras", "el", "la", "los", "las", "un", "una", "pero", "cuando",
             "mientras", "aproximadamente", "hora", "se", "no", "que", "como",
             "será", "es")
        ),
        "pt": frozenset(
            ("e", "ou", "com", "em", "no", "na", "nos", "nas", "a", "ao", "à", "para", "por",
             "pelo", "pela", "o", "os", "as", "um", "uma", "mas", "quando", "enquanto", "até",
             "desde", "hora", "se", "não", "que", "como", "será")
        ),
    }
)  # fmt: skip
HOUR_WORDS = ("horas", "hora", "hs", "hrs", "heures", "heure", "ore", "uur")
# Words for "hours" written before the hour, which make the figure after them a time whatever
# follows: Italian "alle ore 10", "dalle ore 9", "entro le ore 12" (a count of hours is "10 ore").
HOUR_NOUNS: Mapping[str, frozenset[str]] = MappingProxyType({"it": frozenset({"ore"})})
# What joins the two ends of a range of times besides a dash: "von 10 bis 22 Uhr", "zwischen 8
# und 18 Uhr", "de 10 à 18 heures", "das 10h às 18h", "de 10.00 a 14.00 horas", "dalle 10
# alle 18", "from 10 to 6 p.m.", "entre las 8.00 y las 20.00", "tussen 8 en 18 uur". The first
# end is an hour when the second is a time ("um" or "at" join no range: "5 um 10 Uhr").
TIME_RANGE_LINKS = (
    "to", "and", "until", "till", "bis", "und", "à", "au", "et", "a", "al", "y", "e", "ed",
    "às", "alle", "a las", "y las", "e as", "e le", "tot", "en",
)  # fmt: skip
DAY_PARTS = (
    "de la mañana", "de la tarde", "de la noche", "de la madrugada", "del mediodía",
    "da manhã", "da tarde", "da noite", "da madrugada",
    "del mattino", "di mattina", "della mattina", "del pomeriggio", "di pomeriggio",
    "della sera", "di sera", "della notte", "di notte",
    "du matin", "de l'après-midi", "de l’après-midi", "du soir",
)  # fmt: skip

# Words after a time that say which half of the day it falls in, so that "9" or "9.30" is not
# also read as 21:00: "am" (morning), "pm" (afternoon, evening) or "night", whose hour says
# which ("10 de la noche" is 22:00, "2 da madrugada" and "2 at night" are 2:00).
DAY_HALVES: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(
            ("de la mañana", "de la madrugada", "da manhã", "da madrugada", "del mattino",
             "di mattina", "della mattina", "du matin", "in the morning", "morgens",
             "vormittags", "früh", "in der Früh"),
            "am",
        ),
        **dict.fromkeys(
            ("de la tarde", "del mediodía", "da tarde", "del pomeriggio", "di pomeriggio",
             "della sera", "di sera", "de l'après-midi", "de l’après-midi", "du soir",
             "in the afternoon", "in the evening", "tonight", "nachmittags", "abends"),
            "pm",
        ),
        **dict.fromkeys(
            ("de la noche", "da noite", "della notte", "di notte", "de la nuit", "at night",
             "nachts"),
            "night",
        ),
    }
)  # fmt: skip

# Time-zone markers beside a time. Translators convert zones ("às 10h (hora de Brasília)"
# rendered "9 a.m. ET") and add or drop them, so a time with a zone is compared only with a
# time in the same zone. A zone is told by the first letters of its name, the same in every
# language ("ora italiana", "Italian time"; "hora de Madrid", "Madrid time"): the codes here
# map to such a name, and TIME_ZONE_NAMED finds the names written out.
TIME_ZONES: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(("GMT", "UTC", "Z"), "utc"),
        **dict.fromkeys(("ET", "EST", "EDT"), "eastern"),
        **dict.fromkeys(("CT", "CST", "CDT"), "central"),
        **dict.fromkeys(("MT",), "mountain"),
        **dict.fromkeys(("PT", "PST", "PDT"), "pacific"),
        **dict.fromkeys(("CET", "CEST", "MEZ", "MESZ"), "cet"),
        "BST": "british", "WET": "wet", "BRT": "brasília", "ART": "argentina",
    }
)  # fmt: skip
# "Local time" where TIME_ZONE_NAMED does not find it ("hora local", "heure locale" it does).
TIME_ZONE_LOCAL = ("local time", "Ortszeit", "lokale tijd")
# A zone named by a place or a nationality: "hora de Brasília", "horário de Brasília", "heure de
# Paris", "ora di Roma", "ora italiana", "hora argentina", "heure française", "hora peninsular";
# "Italian time", "New York time"; "deutscher Zeit", "New Yorker Zeit". The group "zone" is
# the name; lower-case after "hora" it must end like an adjective of place ("hora punta" is
# rush hour).
TIME_ZONE_NAMED = (
    r"(?<![^\W\d_])(?:hora|horário|horario|ora|heure)\s+(?:(?:de|di|du|del|da|do)\s+)?"
    r"(?P<zone>[A-ZÀ-Ý][^\W\d_]+(?:\s[A-ZÀ-Ý][^\W\d_]+)?"
    r"|[^\W\d_]+(?:an[ao]|en[ao]|in[ao]|es[ae]|ês|aise|ais|ol[ae]?|al[e]?|ar))(?![^\W\d_])"
    r"|(?<![^\W\d_])(?P<zone_en>[A-ZÀ-Ý][^\W\d_]+(?:\s[A-ZÀ-Ý][^\W\d_]+)?)\s+time(?![^\W\d_])"
    r"|(?<![^\W\d_])(?P<zone_de>[^\W\d_]+er)\s+Zeit(?![^\W\d_])"
)

PERCENT_WORDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "en": ("percent", "per cent", "pct"),
        "pt": ("por cento",),
        "es": ("por ciento",),
        "fr": ("pour cent", "pourcent"),
        "de": ("Prozent",),
        "it": ("per cento",),
        "nl": ("procent",),
    }
)
# Percentage points, and the plain point words (PLAIN_POINT_WORDS) that may stand for them.
POINT_WORDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "en": ("percentage points", "percentage point", "points", "point"),
        "pt": ("pontos percentuais", "ponto percentual", "p.p.", "pontos", "ponto"),
        "es": ("puntos porcentuales", "punto porcentual", "p.p.", "puntos", "punto"),
        "fr": ("points de pourcentage", "point de pourcentage", "points", "point"),
        "de": ("Prozentpunkte", "Prozentpunkten", "Prozentpunkt", "Punkte", "Punkten"),
        "it": ("punti percentuali", "punto percentuale", "punti", "punto"),
        "nl": ("procentpunt", "procentpunten", "punten", "punt"),
    }
)
# Point words that an index or a score counts too ("the Ibovespa closed at 148,250 points",
# "Arsenal stay top with 19 points", "le CAC 40 a perdu 80 points"): read as percentage
# points only after a figure that can be a change of a percentage (under 100), in a sentence
# that speaks of a percentage or a rate (PERCENTAGE_CONTEXT, or "%"): "rates fell 0.5
# points", "le taux a reculé de 2,1 points". Elsewhere they are a count of points (unit
# "points"), which is still not a percentage: "300 points" is not "300%".
PLAIN_POINT_WORDS = frozenset(
    {"points", "point", "pontos", "ponto", "puntos", "punto", "punkte", "punkten", "punti",
     "punten", "punt"}
)  # fmt: skip
# Words that make a sentence speak of a percentage or a rate, by language.
PERCENTAGE_CONTEXT: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "en": (
            "percent", "per cent", "pct", "percentage", "rate", "rates", "rating", "ratings",
            "inflation", "unemployment", "jobless", "yield", "yields", "poll", "polls",
            "polling",
        ),
        "pt": (
            "por cento", "percentual", "percentuais", "percentagem", "porcentagem", "taxa",
            "taxas", "juros", "inflação", "desemprego", "rendimento", "sondagem", "sondagens",
            "Selic",
        ),
        "es": (
            "por ciento", "porcentaje", "porcentual", "tasa", "tasas", "interés", "inflación",
            "desempleo", "paro", "rendimiento", "encuesta", "encuestas", "sondeo", "sondeos",
        ),
        "fr": (
            "pour cent", "pourcentage", "taux", "inflation", "chômage", "rendement",
            "rendements", "sondage", "sondages",
        ),
        "de": (
            "Prozent", "Quote", "Rate", "Zins", "Zinsen", "Leitzins", "Inflation",
            "Inflationsrate", "Arbeitslosenquote", "Arbeitslosigkeit", "Rendite", "Umfrage",
            "Umfragen",
        ),
        "it": (
            "per cento", "percentuale", "tasso", "tassi", "inflazione", "disoccupazione",
            "rendimento", "sondaggio", "sondaggi",
        ),
        "nl": ("procent", "percentage", "rente", "inflatie", "werkloosheid", "peiling"),
    }
)  # fmt: skip

# Currency symbols and codes written before or after a figure -> the currency they name.
# "$" alone is left as "$": dollars in the US, pesos in Latin America.
CURRENCY_SYMBOLS: Mapping[str, str] = MappingProxyType(
    {
        "R$": "BRL",
        "US$": "USD",
        "U$S": "USD",
        "USD": "USD",
        "A$": "AUD",
        "C$": "CAD",
        "HK$": "HKD",
        "€": "EUR",
        "EUR": "EUR",
        "£": "GBP",
        "GBP": "GBP",
        "¥": "JPY",
        "JPY": "JPY",
        "CHF": "CHF",
        "BRL": "BRL",
        "ARS": "ARS",
        "MXN": "MXN",
        "CLP": "CLP",
        "COP": "COP",
        "CNY": "CNY",
        "$": "$",
        "Fr.": "CHF",
    }
)
# Currency names written after a figure, with the linking word some languages need
# ("1,5 bilhão de reais", "5 millions d'euros", "mil millones de dólares").
CURRENCY_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "en": {
            "dollars": "USD",
            "dollar": "USD",
            "euros": "EUR",
            "euro": "EUR",
            "pounds sterling": "GBP",
            "reais": "BRL",
            "reals": "BRL",
            "pesos": "peso",
            "yen": "JPY",
            "yuan": "CNY",
            "francs": "CHF",
        },
        "pt": {
            "reais": "BRL",
            "real": "BRL",
            "dólares": "USD",
            "dólar": "USD",
            "euros": "EUR",
            "euro": "EUR",
            "libras": "GBP",
            "pesos": "peso",
            "ienes": "JPY",
        },
        "es": {
            "dólares": "USD",
            "dólar": "USD",
            "euros": "EUR",
            "euro": "EUR",
            "pesos": "peso",
            "peso": "peso",
            "libras": "GBP",
            "reales": "BRL",
            "yenes": "JPY",
        },
        "fr": {
            "dollars": "USD",
            "dollar": "USD",
            "euros": "EUR",
            "euro": "EUR",
            "livres": "GBP",
            "pesos": "peso",
            "réais": "BRL",
            "reais": "BRL",
            "francs": "CHF",
            "yens": "JPY",
        },
        "de": {
            "dollar": "USD",
            "us-dollar": "USD",
            "euro": "EUR",
            "pfund": "GBP",
            "franken": "CHF",
            "pesos": "peso",
            "real": "BRL",
            "reais": "BRL",
            "yen": "JPY",
        },
        "it": {
            "dollari": "USD",
            "dollaro": "USD",
            "euro": "EUR",
            "sterline": "GBP",
            "franchi": "CHF",
            "pesos": "peso",
            "real": "BRL",
            "yen": "JPY",
        },
        "nl": {"dollar": "USD", "euro": "EUR", "pond": "GBP", "frank": "CHF", "peso": "peso"},
    }
)
CURRENCY_LINKS = ("de", "d'", "d’", "of", "di", "del")


@dataclass(frozen=True, slots=True)
class Unit:
    symbol: str  # how the report writes it: "km", "°C"
    dimension: str  # "length", "temperature", ...
    factor: float  # to the dimension's base unit
    offset: float = 0.0  # added after the factor (temperatures, to kelvin)


_U = {
    "km": Unit("km", "length", 1000.0),
    "mi": Unit("mi", "length", 1609.344),
    "m": Unit("m", "length", 1.0),
    "cm": Unit("cm", "length", 0.01),
    "mm": Unit("mm", "length", 0.001),
    "ft": Unit("ft", "length", 0.3048),
    "in": Unit("in", "length", 0.0254),
    "km/h": Unit("km/h", "speed", 1 / 3.6),
    "mph": Unit("mph", "speed", 0.44704),
    "°C": Unit("°C", "temperature", 1.0, 273.15),
    "°F": Unit("°F", "temperature", 5 / 9, 273.15 - 32 * 5 / 9),
    "°": Unit("°", "temperature", 1.0, 273.15),  # a bare degree: Celsius or Fahrenheit
    "kg": Unit("kg", "mass", 1.0),
    "g": Unit("g", "mass", 0.001),
    "lb": Unit("lb", "mass", 0.45359237),
    "t": Unit("t", "mass", 1000.0),
    "km²": Unit("km²", "area", 1e6),
    "sq mi": Unit("sq mi", "area", 2589988.110336),
    "ha": Unit("ha", "area", 1e4),
    "acres": Unit("acres", "area", 4046.8564224),
    "l": Unit("l", "volume", 1.0),
    "m³": Unit("m³", "volume", 1000.0),
    "hm³": Unit("hm³", "volume", 1e9),  # a cubic hectometre, Spain's reservoirs
    "ft³": Unit("ft³", "volume", 28.316846592),
    "gal": Unit("gal", "volume", 3.785411784),
}
UNITS: Mapping[str, Unit] = MappingProxyType(_U)

# Unit symbols written the same in every language.
UNIT_SYMBOLS: Mapping[str, str] = MappingProxyType(
    {
        "km/h": "km/h",
        "km²": "km²",
        "km2": "km²",
        "hm³": "hm³",
        "hm3": "hm³",
        "m³": "m³",
        "m3": "m³",
        "km": "km",
        "mph": "mph",
        "cm": "cm",
        "mm": "mm",
        "kg": "kg",
        "°C": "°C",
        "ºC": "°C",
        "° C": "°C",
        "°F": "°F",
        "ºF": "°F",
        "° F": "°F",
        "°": "°",
        "º": "°",
        "lb": "lb",
        "lbs": "lb",
        "ha": "ha",
        "m": "m",
        "ft": "ft",
        "sq mi": "sq mi",
    }
)
# Unit words per language (Spanish "miles" is "thousands", not miles).
UNIT_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "en": {
            "kilometres": "km",
            "kilometers": "km",
            "kilometre": "km",
            "kilometer": "km",
            "miles": "mi",
            "mile": "mi",
            "metres": "m",
            "meters": "m",
            "feet": "ft",
            "inches": "in",
            "degrees celsius": "°C",
            "degrees fahrenheit": "°F",
            "degrees": "°",
            "kilograms": "kg",
            "kilos": "kg",
            "tonnes": "t",
            "tons": "t",
            "hectares": "ha",
            "acres": "acres",
            "square miles": "sq mi",
            "square kilometres": "km²",
            "square kilometers": "km²",
            "litres": "l",
            "liters": "l",
            "cubic metres": "m³",
            "cubic meters": "m³",
            "cubic metre": "m³",
            "cubic meter": "m³",
            "cubic feet": "ft³",
            "gallons": "gal",
        },
        "pt": {
            "quilômetros": "km",
            "quilómetros": "km",
            "quilômetro": "km",
            "milhas": "mi",
            "metros": "m",
            "pés": "ft",
            "polegadas": "in",
            "graus celsius": "°C",
            "graus": "°",
            "quilos": "kg",
            "toneladas": "t",
            "hectares": "ha",
            "quilômetros quadrados": "km²",
            "litros": "l",
            "metros cúbicos": "m³",
            "metro cúbico": "m³",
            "hectômetros cúbicos": "hm³",
            "hectómetros cúbicos": "hm³",
        },
        "es": {
            "kilómetros": "km",
            "kilómetro": "km",
            "millas": "mi",
            "metros": "m",
            "pies": "ft",
            "pulgadas": "in",
            "grados celsius": "°C",
            "grados": "°",
            "kilos": "kg",
            "toneladas": "t",
            "hectáreas": "ha",
            "kilómetros cuadrados": "km²",
            "litros": "l",
            "metros cúbicos": "m³",
            "metro cúbico": "m³",
            "hectómetros cúbicos": "hm³",
        },
        "fr": {
            "kilomètres": "km",
            "kilomètre": "km",
            "milles": "mi",
            "mètres": "m",
            "pieds": "ft",
            "pouces": "in",
            "degrés celsius": "°C",
            "degrés": "°",
            "kilos": "kg",
            "tonnes": "t",
            "hectares": "ha",
            "kilomètres carrés": "km²",
            "litres": "l",
            "mètres cubes": "m³",
            "mètre cube": "m³",
        },
        "de": {
            "kilometer": "km",
            "kilometern": "km",
            "metern": "m",
            "litern": "l",
            "meilen": "mi",
            "meter": "m",
            "fuß": "ft",
            "zoll": "in",
            "grad celsius": "°C",
            "grad": "°",
            "kilo": "kg",
            "kilogramm": "kg",
            "tonnen": "t",
            "hektar": "ha",
            "quadratkilometer": "km²",
            "liter": "l",
            "kubikmeter": "m³",
            "kubikmetern": "m³",
        },
        "it": {
            "chilometri": "km",
            "chilometro": "km",
            "miglia": "mi",
            "metri": "m",
            "piedi": "ft",
            "pollici": "in",
            "gradi celsius": "°C",
            "gradi": "°",
            "chili": "kg",
            "tonnellate": "t",
            "ettari": "ha",
            "litri": "l",
            "metri cubi": "m³",
            "metro cubo": "m³",
        },
        "nl": {
            "kilometer": "km",
            "mijl": "mi",
            "meter": "m",
            "voet": "ft",
            "graden": "°",
            "kilo": "kg",
            "ton": "t",
            "hectare": "ha",
            "liter": "l",
            "kubieke meter": "m³",
        },
    }
)

# Words that join the two ends of a range: "10 a 12", "10 to 12", "zwischen 10 und 12".
RANGE_WORDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "en": ("to",),
        "pt": ("a", "até"),
        "es": ("a", "al", "hasta"),
        "fr": ("à", "au"),
        "de": ("bis",),
        "it": ("a", "al"),
        "nl": ("tot",),
    }
)
# "between 10 and 12": the conjunction joins a range only after one of these.
BETWEEN_WORDS: Mapping[str, tuple[tuple[str, str], ...]] = MappingProxyType(
    {
        "en": (("between", "and"),),
        "pt": (("entre", "e"),),
        "es": (("entre", "y"),),
        "fr": (("entre", "et"),),
        "de": (("zwischen", "und"),),
        "it": (("tra", "e"), ("fra", "e")),
        "nl": (("tussen", "en"),),
    }
)

# Words before a figure that make it an identifier: "Lei nº 14.133", "No. 5", "Nr. 12".
IDENTIFIER_WORDS = ("nº", "n.º", "n°", "no.", "nr.", "núm.", "num.", "número", "number", "isbn")

# Words that tell a document speaks of the weather, where a figure with "C" or "F" glued on
# ("minus 4C", "highs of 25C", British house style) is a temperature and not a code such as
# "seat 12C" or Italian "la 4C" (a school class). See numbers._speaks_of_temperature.
TEMPERATURE_WORDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "en": (
            "temperature", "temperatures", "degree", "degrees", "celsius", "centigrade",
            "fahrenheit", "thermometer", "thermometers", "mercury", "heat", "heatwave",
            "heatwaves", "hotter", "hottest", "warm", "warmer", "warmest", "cold", "colder",
            "coldest", "chill", "chilly", "freezing", "frost", "frosts", "frosty", "snow",
            "weather", "forecast", "forecasters", "highs", "lows", "Met Office",
        ),
        "pt": (
            "temperatura", "temperaturas", "graus", "celsius", "termômetro", "termômetros",
            "termómetro", "termómetros", "calor", "frio", "geada", "geadas", "neve", "máxima",
            "máximas", "mínima", "mínimas", "meteorologia",
        ),
        "es": (
            "temperatura", "temperaturas", "grados", "celsius", "termómetro", "termómetros",
            "calor", "frío", "helada", "heladas", "nieve", "máxima", "máximas", "mínima",
            "mínimas", "Aemet", "meteorología",
        ),
        "fr": (
            "température", "températures", "degrés", "celsius", "thermomètre", "thermomètres",
            "chaleur", "froid", "canicule", "gel", "gelée", "gelées", "neige", "maximales",
            "minimales", "météo",
        ),
        "de": (
            "Temperatur", "Temperaturen", "Grad", "Celsius", "Thermometer", "Hitze",
            "Hitzewelle", "Kälte", "Frost", "Schnee", "Höchstwerte", "Tiefstwerte", "Wetter",
            "Wetterdienst",
        ),
        "it": (
            "temperatura", "temperature", "gradi", "celsius", "termometro", "caldo", "freddo",
            "gelo", "gelate", "neve", "massime", "minime", "meteo",
        ),
        "nl": (
            "temperatuur", "temperaturen", "graden", "celsius", "thermometer", "hitte",
            "hittegolf", "kou", "vorst", "sneeuw", "weer", "KNMI",
        ),
    }
)  # fmt: skip

# Words for a temperature's minus sign: "minus 3 Grad" is "-3 °C". Read only before a
# temperature, where "menos" cannot be "less": "pelo menos 3 graus" ("at least") is kept apart
# by the words of MINUS_NOT_AFTER before it ("ao menos", "al menos", "por lo menos", "au moins",
# "du moins").
MINUS_WORDS = ("minus", "moins", "menos", "meno", "min")
MINUS_NOT_AFTER = ("pelo", "ao", "al", "lo", "au", "du")
