"""Outlet and wire-agency names: aliases mapped to canonical names from reviewed CSV files.

The files only map spellings; an outlet that is not listed keeps the name the page gives,
so a new outlet is still parsed (the page structure, not this list, says what is an outlet).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

__all__ = ["OutletRegistry", "parse_outlets"]

_SPACES = re.compile(r"\s+")


def _key(name: str) -> str:
    return _SPACES.sub(" ", name).strip().casefold()


# eq=False: hashed by identity, so the compiled patterns built from it can be cached.
@dataclass(frozen=True, slots=True, eq=False)
class OutletRegistry:
    outlets: dict[str, tuple[str, ...]]  # canonical name -> aliases
    outlet_by_key: dict[str, str]
    outlet_by_host: dict[str, str]
    wire_by_key: dict[str, str]
    wire_spellings: tuple[str, ...]  # every spelling as written, longest first

    def canonical_outlet(self, name: str) -> str:
        """The canonical name for a spelling, or the spelling itself (tidied) if unlisted."""
        tidy = _SPACES.sub(" ", name).strip(" \t-–—•·|:")
        return self.outlet_by_key.get(_key(tidy), tidy)

    def outlet_for_url(self, url: str) -> str | None:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        while host:
            if host in self.outlet_by_host:
                return self.outlet_by_host[host]
            _, _, host = host.partition(".")
        return None

    def canonical_wire(self, name: str) -> str | None:
        """The canonical agency name, or None when the name is not a known wire agency."""
        return self.wire_by_key.get(_key(name))

    def wire_names(self) -> tuple[str, ...]:
        """Every spelling of every wire agency, longest first (for regex alternations)."""
        return self.wire_spellings


@cache
def parse_outlets(outlets_csv: bytes, wires_csv: bytes) -> OutletRegistry:
    """The registry of an outlets.csv and a wires.csv (built once per content)."""
    outlets: dict[str, tuple[str, ...]] = {}
    by_key: dict[str, str] = {}
    by_host: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(outlets_csv.decode("utf-8"))):
        name = row["name"].strip()
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        outlets[name] = aliases
        for spelling in (name, *aliases):
            by_key[_key(spelling)] = name
        for host in row["hosts"].split("|"):
            if host.strip():
                by_host[host.strip().casefold()] = name
    wires: dict[str, str] = {}
    spellings: set[str] = set()
    for row in csv.DictReader(io.StringIO(wires_csv.decode("utf-8"))):
        name = row["name"].strip()
        for spelling in (name, *row["aliases"].split("|")):
            if spelling.strip():
                wires[_key(spelling)] = name
                spellings.add(spelling.strip())
    ordered = tuple(sorted(spellings, key=len, reverse=True))
    return OutletRegistry(outlets, by_key, by_host, wires, ordered)
