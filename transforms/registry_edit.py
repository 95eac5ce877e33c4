"""Edits a curator makes to the actor registry's text: promote, merge, block.

The registry (data/actors.yaml) is a reviewed file with comments and one flow-style entry
per line or two; rewriting it through a YAML dumper would reflow every entry. These
functions change only the lines an edit needs — a new entry at the end of `actors:`, new
aliases inside one entry's `aliases: [...]`, a new name at the end of `blocked:` —
and check the result parses to what was meant, so a curator's diff is one line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

import yaml

from transforms.actors import ACTOR_TYPES

__all__ = ["RegistryEditError", "add_actor", "add_aliases", "block_phrase"]

_TOP_LEVEL_KEY = re.compile(r"^[A-Za-z_]+:")


class RegistryEditError(ValueError):
    """An edit the registry's text cannot take (unknown actor, a name already listed)."""


def add_actor(text: str, name: str, kind: str, aliases: Sequence[str]) -> str:
    """The registry with a new actor at the end of its `actors:` list."""
    if kind not in ACTOR_TYPES:
        raise RegistryEditError(f"type {kind!r}: expected one of {', '.join(ACTOR_TYPES)}")
    if _entry(yaml.safe_load(text), name) is not None:
        raise RegistryEditError(f"{name!r} is already in the registry")
    others = [a for a in dict.fromkeys(aliases) if a != name]
    line = (
        f"  - {{name: {_quoted(name)}, type: {kind},"
        f" aliases: [{', '.join(_quoted(a) for a in others)}]}}"
    )
    edited = _append_to_block(text, "actors", line)
    entry = _entry(yaml.safe_load(edited), name)
    if entry is None or entry.get("type") != kind:
        raise RegistryEditError(f"could not add {name!r}: the registry did not parse as expected")
    return edited


def add_aliases(text: str, name: str, aliases: Sequence[str]) -> str:
    """The registry with more aliases for the actor called `name`."""
    entry = _entry(yaml.safe_load(text), name)
    if entry is None:
        raise RegistryEditError(f"no actor called {name!r} in the registry")
    known = {name, *_aliases(entry)}
    new = [a for a in dict.fromkeys(aliases) if a not in known]
    if not new:
        return text
    lines = text.split("\n")
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if re.match(rf"\s*-\s*\{{\s*name:\s*{_name_pattern(name)}\s*,", line)
        ),
        None,
    )
    if start is None:
        raise RegistryEditError(f"{name!r} is not a one-entry flow map; edit it by hand")
    end = start
    while lines[start : end + 1] and _depth("\n".join(lines[start : end + 1])) > 0:
        end += 1
    block = "\n".join(lines[start : end + 1])
    opening = block.find("aliases: [")
    if opening < 0:
        block = block.rstrip().removesuffix("}") + f", aliases: [{', '.join(map(_quoted, new))}]}}"
    else:
        closing = block.index("]", opening)
        inside = block[opening + len("aliases: [") : closing].strip()
        joiner = ", " if inside else ""
        block = block[:closing] + joiner + ", ".join(map(_quoted, new)) + block[closing:]
    edited = "\n".join([*lines[:start], block, *lines[end + 1 :]])
    entry = _entry(yaml.safe_load(edited), name)
    if entry is None or not set(new) <= set(_aliases(entry)):
        raise RegistryEditError(f"could not add aliases to {name!r}; edit it by hand")
    return edited


def block_phrase(text: str, phrase: str) -> str:
    """The registry with a name that is never an actor, whatever recognition finds."""
    if phrase in (yaml.safe_load(text).get("blocked") or ()):
        return text
    edited = _append_to_block(text, "blocked", f"  - {_quoted(phrase)}")
    if phrase not in (yaml.safe_load(edited).get("blocked") or ()):
        raise RegistryEditError(f"could not block {phrase!r}; edit the registry by hand")
    return edited


def _append_to_block(text: str, key: str, line: str) -> str:
    """The text with a line after the last item of a top-level list (before the blank
    lines and comments that introduce the next key)."""
    lines = text.split("\n")
    try:
        start = lines.index(f"{key}:")
    except ValueError:
        return text.rstrip("\n") + f"\n\n{key}:\n{line}\n"
    end = next(
        (i for i in range(start + 1, len(lines)) if _TOP_LEVEL_KEY.match(lines[i])), len(lines)
    )
    last = max(
        (
            i
            for i in range(start + 1, end)
            if lines[i].strip() and not lines[i].lstrip().startswith("#")
        ),
        default=start,
    )
    return "\n".join([*lines[: last + 1], line, *lines[last + 1 :]])


def _entry(data: object, name: str) -> dict[str, object] | None:
    actors = data.get("actors") if isinstance(data, dict) else None
    for entry in actors or ():
        if isinstance(entry, dict) and entry.get("name") == name:
            return entry
    return None


def _aliases(entry: dict[str, object]) -> list[str]:
    aliases = entry.get("aliases")
    return [str(a) for a in aliases] if isinstance(aliases, list) else []


def _depth(block: str) -> int:
    """How many braces the block leaves open (quoted text aside)."""
    unquoted = re.sub(r'"(?:[^"\\]|\\.)*"', "", block)
    return unquoted.count("{") - unquoted.count("}")


def _name_pattern(name: str) -> str:
    return rf"(?:{re.escape(name)}|{re.escape(_quoted(name))})"


def _quoted(value: str) -> str:
    """A YAML flow scalar for any string: a double-quoted JSON string is one."""
    return json.dumps(value, ensure_ascii=False)
