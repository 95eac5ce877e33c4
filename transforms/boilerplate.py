"""Page chrome and boilerplate rules, compiled from the reviewed file data/boilerplate.yaml."""

from __future__ import annotations

import re

# re's own parser: there is no public API for a pattern's structure.
import re._constants as re_constants  # type: ignore[import-not-found]
import re._parser as re_parser  # type: ignore[import-not-found]
from dataclasses import dataclass
from functools import cache

import yaml

__all__ = ["CHROME_LINE_MAX_CHARS", "Boilerplate", "LineRule", "parse_boilerplate"]

# No line of chrome (a promo, a footer, a share bar, a newsletter pitch) is longer than
# this; longer lines are paragraphs or run-on bodies and are not tried against the rules.
CHROME_LINE_MAX_CHARS = 400


@dataclass(frozen=True, slots=True)
class LineRule:
    name: str
    action: str  # drop / cut_rest
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class NamedPattern:
    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Boilerplate:
    related_markers: tuple[re.Pattern[str], ...]
    line_rules: tuple[LineRule, ...]
    html_line_rules: tuple[LineRule, ...]
    outlet_footers: tuple[NamedPattern, ...]
    copyright_footers: tuple[NamedPattern, ...]
    outlet_promos: tuple[NamedPattern, ...]
    sentence_rules: tuple[NamedPattern, ...]
    # Whether any rule of each list matches (the lists still decide which one did).
    any_line_rule: RuleFilter
    any_html_line_rule: RuleFilter
    any_sentence_rule: RuleFilter
    inline_promo: re.Pattern[str]
    sentence_openers: frozenset[str]
    photo_credit: re.Pattern[str]
    photo_credit_sources: frozenset[str]  # casefolded
    # Rules marked `in_body: never`, unanchored and case-insensitive: phrases to look for
    # inside stored bodies (the data-quality check on chrome).
    body_chrome_patterns: tuple[str, ...]

    def is_photo_agency(self, name: str) -> bool:
        return name.strip().casefold() in self.photo_credit_sources

    def is_related_marker(self, line: str) -> bool:
        return any(p.search(line) for p in self.related_markers)

    def line_rule(self, line: str) -> LineRule | None:
        """The first rule that matches the stripped line, if any."""
        if len(line) > CHROME_LINE_MAX_CHARS or not self.any_line_rule.search(line):
            return None
        return next((rule for rule in self.line_rules if rule.pattern.search(line)), None)

    def furniture_rule(self, line: str) -> LineRule | None:
        """Rules for the page furniture left inside an article's text by either route
        (teaser links, update stamps, section labels), then the general chrome rules."""
        found = None
        if len(line) <= CHROME_LINE_MAX_CHARS and self.any_html_line_rule.search(line):
            found = next(rule for rule in self.html_line_rules if rule.pattern.search(line))
        return found or self.line_rule(line)

    def footer_outlet(self, line: str) -> str | None:
        """The outlet a syndication footer names ("This article originally appeared in X")."""
        return _named_group(self.outlet_footers, line)

    def copyright_holder(self, line: str) -> str | None:
        """The holder a copyright line names ("© 2019 Hearst Media")."""
        return _named_group(self.copyright_footers, line)

    def promo_outlet(self, line: str) -> str | None:
        return _named_group(self.outlet_promos, line)

    def find_inline_promo(self, text: str) -> re.Match[str] | None:
        # The label is followed by '|' or ':': text with neither is not searched (the
        # pattern opens with an alternation, so it is tried at every position).
        if "|" not in text and ":" not in text:
            return None
        return self.inline_promo.search(text)

    def is_boilerplate_sentence(self, sentence: str) -> bool:
        return self.any_sentence_rule.search(sentence)


@cache
def parse_boilerplate(raw_yaml: bytes) -> Boilerplate:
    """The rules of a boilerplate.yaml (compiled once per content)."""
    raw = yaml.safe_load(raw_yaml)
    flags = re.IGNORECASE

    def named(entries: list[dict[str, str]]) -> tuple[NamedPattern, ...]:
        return tuple(NamedPattern(e["name"], re.compile(e["pattern"], flags)) for e in entries)

    line_rules = _line_rules(raw["line_rules"])
    html_line_rules = _line_rules(raw["html_line_rules"])
    sentence_rules = named(raw["sentence_rules"])
    labels = "|".join(re.escape(label) for label in raw["inline_promo_labels"])
    credits = "|".join(re.escape(source) for source in raw["photo_credit_sources"])
    return Boilerplate(
        related_markers=tuple(re.compile(p, flags) for p in raw["section_markers"]["related"]),
        line_rules=line_rules,
        html_line_rules=html_line_rules,
        outlet_footers=named(raw["outlet_footers"]),
        copyright_footers=named(raw["copyright_footers"]),
        outlet_promos=named(raw["outlet_promos"]),
        sentence_rules=sentence_rules,
        any_line_rule=_rule_filter(line_rules),
        any_html_line_rule=_rule_filter(html_line_rules),
        any_sentence_rule=_rule_filter(sentence_rules),
        # "Also Read | Headline words ..." — the label and separator; the headline's end is
        # found by the caller with sentence_openers.
        inline_promo=re.compile(rf"\b(?:{labels})\s*[|:]\s*", flags),
        sentence_openers=frozenset(raw["sentence_openers"]),
        # A caption ending in a credit: "... by Shutterstock.com / someone." or "(Getty Images)".
        photo_credit=re.compile(
            rf"(?:\bby\s+\S+\.(?:com|net|org)\s*/\s*\S+\.?$)"
            # "... (Image: GETTY )", "(Photo: Jane Roe/AP)": a credit closing a caption.
            rf"|(?:\((?:image|photo|picture|credit|pic)s?\s*:\s*[^)]{{1,60}}\)\s*\|?$)"
            rf"|(?:[(/]\s*(?:{credits})\b[^)/]{{0,40}}\)?\.?$)",
            flags,
        ),
        photo_credit_sources=frozenset(s.casefold() for s in raw["photo_credit_sources"]),
        body_chrome_patterns=tuple(
            "(?i)" + _unanchored(e["pattern"])
            for e in (*raw["line_rules"], *raw["html_line_rules"])
            if e.get("in_body") == "never"
        ),
    )


def _unanchored(pattern: str) -> str:
    """A whole-line pattern made to match inside text: its ^ and $ anchors removed, its
    groups made non-capturing (pandas warns about groups it is not asked to extract)."""
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern.removeprefix("^").removesuffix("$"))


def _named_group(patterns: tuple[NamedPattern, ...], line: str) -> str | None:
    if len(line) > CHROME_LINE_MAX_CHARS:
        return None
    for named in patterns:
        if match := named.pattern.search(line):
            return match.group("outlet").strip()
    return None


def _line_rules(entries: list[dict[str, str]]) -> tuple[LineRule, ...]:
    return tuple(
        LineRule(e["name"], e["action"], re.compile(e["pattern"], re.IGNORECASE)) for e in entries
    )


@dataclass(frozen=True, slots=True)
class RuleFilter:
    """Whether any rule of a list matches: most lines match none, and that answer must be
    cheap. Rules anchored at the line start share one alternation tried at position 0 only
    (an unanchored alternation would be tried at every position, slower than the rules one
    by one); the few unanchored rules are searched one by one."""

    anchored: re.Pattern[str]
    unanchored: tuple[re.Pattern[str], ...]

    def search(self, line: str) -> bool:
        return self.anchored.match(line) is not None or any(p.search(line) for p in self.unanchored)


def _rule_filter(rules: tuple[LineRule, ...] | tuple[NamedPattern, ...]) -> RuleFilter:
    anchored = [r.pattern.pattern for r in rules if _starts_anchored(r.pattern.pattern)]
    unanchored = tuple(r.pattern for r in rules if not _starts_anchored(r.pattern.pattern))
    combined = "|".join(f"(?:{pattern})" for pattern in anchored) or r"(?!)"
    return RuleFilter(re.compile(combined, re.IGNORECASE), unanchored)


def _starts_anchored(pattern: str) -> bool:
    """True when every match starts at the string start: '^x', not '^x|y'."""
    first = re_parser.parse(pattern)[0] if pattern else None
    return (
        first is not None
        and first[0] == re_constants.AT
        and (first[1] == re_constants.AT_BEGINNING)
    )
