"""Article body lines to paragraphs: chrome, captions and promos out; run-on text split."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field

import blingfire

from transforms.boilerplate import Boilerplate
from transforms.bylines import parse_author_line, parse_header_byline, split_trailing_agency
from transforms.dates import PrintedDate, split_date_line
from transforms.locate import prose_resumes
from transforms.records import Paragraph
from transforms.text_shape import word_count

__all__ = ["RUN_ON_CHARS", "BodyParse", "parse_body", "split_run_on"]

# An end-of-article rule (comments, related lists) cuts only after this many words of
# body text: a news article's first paragraph alone is longer.
CUT_MIN_BODY_WORDS = 30
# A line longer than this lost its paragraph breaks (aggregators flatten bodies to one
# line); the seeds' longest real paragraph is ~950 characters.
RUN_ON_CHARS = 1200
# Rebuilt paragraphs: a few sentences each, the size of a typical news paragraph.
PARAGRAPH_TARGET_CHARS = 600
PARAGRAPH_MAX_SENTENCES = 4
# A heading is a short line with no closing punctuation, followed by body text.
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 100
# A label in capitals ("KEY POINTS") introduces a list; it is not a heading.
LABEL_MAX_WORDS = 5
LABEL_MAX_CHARS = 60
# A credit line under a caption is a name or agency, not a sentence.
CREDIT_MAX_WORDS = 8
# Captions are a sentence or two; a longer line ending in a credit is body text.
CAPTION_MAX_CHARS = 400
# How far ahead a second lone dash must follow for a dash to open a teaser list.
TEASER_LOOKAHEAD_LINES = 8
# An inline promo headline with no sentence opener after it ends after this many words.
PROMO_HEADLINE_MAX_WORDS = 30

_BULLET = re.compile(r"^\s*[•·▪‣◦●■*]\s+(?P<text>\S.*)$")
_LONE_DASH = re.compile(r"^[-–—]$")
_CLOSING_PUNCTUATION = re.compile(r"[.,;:!\"”'’…)\]|]$")
_SOCIAL_CREDIT = re.compile(r"\s*\((?:[A-Za-z]+/@\w+(?:,\s*)?)+\)\s*")
# After "caption. | ": "Sputnik / POOL / VIA AFP-JIJI", "Pool / via REUTERS", "AFP".
_PIPE_CREDIT = re.compile(
    r"^(?:[\w.&'’\-]+(?: [\w.&'’\-]+){0,3} / )*"
    r"(?:(?:via|VIA) )?[A-Z][A-Z0-9&.\-]+(?:\s+(?=[A-Z][a-z]))?"
)
_DOUBLE_QUOTES_OPEN = re.compile(r"[“]")
_DOUBLE_QUOTES_CLOSE = re.compile(r"[”]")


@dataclass(slots=True)
class BodyParse:
    paragraphs: list[Paragraph] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    sign_off: str | None = None  # "| AGENCY" closing wire copy
    footer_outlet: str | None = None  # from "This article originally appeared in X"
    copyright_holder: str | None = None  # from "© 2019 X"
    promo_outlet: str | None = None  # from "Sign up for X's newsletters"
    dropped: list[str] = field(default_factory=list)  # names of the rules that fired
    dates: list[PrintedDate] = field(default_factory=list)  # from date lines in the body
    cut: tuple[int, str] | None = None  # (line index, rule) where an end rule cut the body
    # (line index, reason) of each line left out of the paragraphs
    dropped_lines: list[tuple[int, str]] = field(default_factory=list)

    def drop(self, index: int, reason: str) -> None:
        self.dropped.append(reason)
        self.dropped_lines.append((index, reason))

    def drop_rest(self, lines: list[str], index: int, reason: str) -> None:
        """Every non-blank line after index goes with the rule that ended the body."""
        self.dropped_lines += [(i, reason) for i in range(index + 1, len(lines)) if lines[i]]


def parse_body(
    lines: list[str], rules: Boilerplate, chrome: Container[str] = frozenset()
) -> BodyParse:
    """Classify body lines into paragraphs, dropping chrome by the reviewed rules and the
    lines the site prints on its other pages (chrome)."""
    result = BodyParse()
    items: list[Paragraph] = []
    stripped = [line.strip() for line in lines]
    skip_next_credit = False
    resume_at = 0  # after an inline list of links, the index where prose resumes
    for index, line in enumerate(stripped):
        if not line or index < resume_at:
            if line:
                result.drop(index, "inline_list")
            continue
        if skip_next_credit:
            skip_next_credit = False
            if _looks_like_credit(line):
                result.drop(index, "caption_credit")
                continue
        if (outlet := rules.footer_outlet(line)) is not None:
            result.footer_outlet = outlet
            result.drop(index, "outlet_footer")
            result.drop_rest(stripped, index, "outlet_footer")
            break
        if (holder := rules.copyright_holder(line)) is not None:
            result.copyright_holder = holder
            result.drop(index, "copyright_footer")
            result.drop_rest(stripped, index, "copyright_footer")
            break
        if result.promo_outlet is None:
            result.promo_outlet = rules.promo_outlet(line)
        if rule := rules.furniture_rule(line):
            result.drop(index, rule.name)
            # An end-of-article rule ends only a body that has begun: in a share bar over
            # the first paragraph, "Comments" is a link, not the comment section.
            if rule.action == "cut_list" and (resume := prose_resumes(stripped, index)):
                resume_at = resume  # a list set inside the article: its links go
                continue
            ends = rule.action in ("cut_rest", "cut_list")
            if ends and _text_words(items) >= CUT_MIN_BODY_WORDS:
                result.cut = (index, rule.name)
                result.drop_rest(stripped, index, rule.name)
                break
            continue
        if (dated := split_date_line(line)) is not None:
            # "Nov. 19, 2019 8:03 am ET", "By Jane Roe November 19, 2019, 07:47 PM EST".
            date, rest = dated
            result.dates.append(date)
            result.authors.extend(parse_header_byline(rest) or ())
            result.drop(index, "date_line")
            continue
        if (authors := parse_author_line(line)) is not None:
            result.authors.extend(authors)
            result.drop(index, "byline")
            continue
        if line in chrome:
            result.drop(index, "site_chrome")
            continue
        if line.endswith(" |") or line == "|":
            # "Caption text. |" with the photographer or agency on the next line.
            result.drop(index, "caption")
            skip_next_credit = True
            continue
        if _is_doubled(line):
            result.drop(index, "image_alt_text")
            continue
        if len(line) <= CAPTION_MAX_CHARS and rules.photo_credit.search(line):
            result.drop(index, "caption")
            continue
        if _LONE_DASH.match(line) and _opens_teaser_list(stripped, index):
            result.drop(index, "teaser_list")
            result.drop_rest(stripped, index, "teaser_list")
            break
        if _is_label(line):
            result.drop(index, "label")
            continue
        if bullet := _BULLET.match(line):
            items.append(Paragraph("bullet", clean_inline(bullet.group("text"), rules)))
            continue
        if signed := split_trailing_agency(line):
            # Wire copy signing off ("... text. | BGNES"): the name is a source, not a caption.
            line, result.sign_off = signed
        if len(line) > RUN_ON_CHARS:
            items.extend(Paragraph("text", p) for p in split_run_on(line, rules))
            continue
        if text := clean_inline(line, rules):
            items.append(Paragraph("text", text))
        else:
            result.drop(index, "boilerplate_sentence")  # a notice, a footer, a caption
    result.paragraphs = _mark_headings(items)
    return result


def _text_words(items: list[Paragraph]) -> int:
    return sum(word_count(p.text) for p in items if p.kind == "text")


def split_run_on(text: str, rules: Boilerplate) -> list[str]:
    """Split a flattened body into paragraphs of whole sentences, captions and promos out."""
    sentences = [s for s in (_clean_sentence(s, rules) for s in _sentences(text)) if s]
    paragraphs: list[str] = []
    current: list[str] = []
    size = 0
    for sentence in sentences:
        if current and (
            size + len(sentence) > RUN_ON_CHARS
            or (
                (size >= PARAGRAPH_TARGET_CHARS or len(current) >= PARAGRAPH_MAX_SENTENCES)
                and not _inside_quotation(" ".join(current))
            )
        ):
            paragraphs.append(" ".join(current))
            current, size = [], 0
        current.append(sentence)
        size += len(sentence) + 1
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def clean_inline(text: str, rules: Boilerplate) -> str:
    """Remove inline captions, credits and promos from one paragraph of normal length."""
    if "|" not in text and "/@" not in text and not rules.find_inline_promo(text):
        return "" if rules.is_boilerplate_sentence(text) else text
    cleaned = (_clean_sentence(s, rules) for s in _sentences(text))
    return " ".join(s for s in cleaned if s)


def _sentences(text: str) -> list[str]:
    return [s for s in blingfire.text_to_sentences(text).split("\n") if s.strip()]


def _clean_sentence(sentence: str, rules: Boilerplate) -> str:
    sentence = _remove_inline_promo(sentence, rules)
    if " | " in sentence or sentence.endswith(" |"):
        # "Caption of a photo. | Credit / AGENCY Next sentence": the caption is everything
        # before the pipe; the credit is stripped from what follows.
        _, _, after = sentence.partition("|")
        after = after.strip()
        credit = _PIPE_CREDIT.match(after)
        sentence = after[credit.end() :].strip() if credit else after
    if "/@" in sentence and (social := _SOCIAL_CREDIT.search(sentence)):
        # "Caption in Alaska(X/@handle, X/@other) Next sentence": caption and credit out.
        sentence = sentence[social.end() :].strip()
    if not sentence or rules.is_boilerplate_sentence(sentence):
        return ""
    return sentence


def _remove_inline_promo(sentence: str, rules: Boilerplate) -> str:
    match = rules.find_inline_promo(sentence)
    if not match:
        return sentence
    words = sentence[match.end() :].split(" ")
    end = min(len(words), PROMO_HEADLINE_MAX_WORDS)
    for i in range(1, end):
        previous = words[i - 1]
        if words[i] in rules.sentence_openers and not _CLOSING_PUNCTUATION.search(previous):
            end = i
            break
    rest = " ".join(words[end:])
    return (sentence[: match.start()].rstrip() + " " + rest).strip()


def _inside_quotation(text: str) -> bool:
    """True while a double quotation opened in text has not closed (keep it in one piece)."""
    straight = text.count('"') % 2 == 1
    curly = len(_DOUBLE_QUOTES_OPEN.findall(text)) > len(_DOUBLE_QUOTES_CLOSE.findall(text))
    return straight or curly


def _looks_like_credit(line: str) -> bool:
    return len(line.split()) <= CREDIT_MAX_WORDS and not _CLOSING_PUNCTUATION.search(line)


def _is_doubled(line: str) -> bool:
    """Image alt text printed twice on one line ("A portrait of X. A portrait of X.")."""
    half = len(line) // 2
    if len(line) < 40:
        return False
    first, second = line[:half].strip(), line[half:].strip()
    return first == second


def _is_label(line: str) -> bool:
    # Cheap tests first: this runs on every line, including run-on bodies of many kB.
    if len(line) > LABEL_MAX_CHARS or len(line.split()) > LABEL_MAX_WORDS:
        return False
    letters = [c for c in line if c.isalpha()]
    return (
        bool(letters)
        and all(c.isupper() for c in letters)
        and not _CLOSING_PUNCTUATION.search(line)
    )


def _opens_teaser_list(lines: list[str], index: int) -> bool:
    ahead = lines[index + 1 : index + 1 + TEASER_LOOKAHEAD_LINES]
    return any(_LONE_DASH.match(line) for line in ahead)


def _is_heading_candidate(text: str) -> bool:
    return (
        len(text) <= HEADING_MAX_CHARS
        and len(text.split()) <= HEADING_MAX_WORDS
        and (text[0].isupper() or text[0].isdigit())
        and not _CLOSING_PUNCTUATION.search(text)
    )


def _mark_headings(items: list[Paragraph]) -> list[Paragraph]:
    marked: list[Paragraph] = []
    for i, item in enumerate(items):
        following = items[i + 1] if i + 1 < len(items) else None
        if (
            item.kind == "text"
            and _is_heading_candidate(item.text)
            and following is not None
            and following.kind == "text"
            and len(following.text) > 2 * len(item.text)
        ):
            marked.append(Paragraph("heading", item.text))
        else:
            marked.append(item)
    return marked
