"""How the tool that dumped a page laid its text out, undone: hard wraps and Markdown marks.

Pages reach the text route from many tools. A browser's rendered text keeps one line per
paragraph; text browsers and mail-style converters (lynx -dump, w3m -dump, html2text, fmt)
break every paragraph into lines of at most a fixed width, and Markdown converters keep
each link as "[text](url)". The article finder judges lines by their words and their
ending, so a wrapped paragraph would read as a dozen short lines that end mid-sentence. A
dump is wrapped when its lines of text run up to one width and none past it; its
paragraphs are then joined back the way `fmt` would have broken them: a line is continued
by the next when the next line's first word would not have fitted on it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

__all__ = ["as_running_text", "plain_markdown", "unwrap", "without_link_numbers", "wrap_width"]

# Widths text tools wrap at: lynx and w3m take a terminal's 80 columns less a margin, mail
# tools 72, fmt 75; wider terminals up to 132.
MIN_WIDTH, MAX_WIDTH = 60, 140
# A wrapped dump's lines of text pile up just under one width: at least this many of them
# (and this share) end within WIDTH_SLACK characters of it (the rest are paragraphs' last
# lines, headings and menu items)...
MIN_FULL_LINES = 8
FULL_LINE_SHARE = 0.1
WIDTH_SLACK = 15
# ...and the pile ends in a cliff: as many characters past the width, at most this many
# lines for each line under it (a rendered page's paragraph lengths have no cliff; a tool
# may leave a few lines unbroken, a list item or a table's row).
CLIFF_RATIO = 0.1
# At most this share of its lines of text run past the width at all (a rendered page with
# a pile of lines at one length has paragraphs far longer than it).
MAX_OVERLONG_SHARE = 0.1
# A line of this many words or more is a line of text when the width is judged.
TEXT_LINE_MIN_WORDS = 4
# A word this long cannot be broken (a link): its line may pass the width.
UNBREAKABLE_CHARS = 30
# What text browsers print for controls and pictures: "(BUTTON)", "[IMG]", "[INLINE]",
# "[logo-135x105.png]" (an image with no alt text by its file name).
_TOOL_LABEL = re.compile(
    r"\((?:BUTTON|IMAGE|FORM|RADIO|CHECKBOX)\)\s?|\[(?:IMG|INLINE|LINK|EMBED|spacer|image)\]\s?"
    r"|\[[^\]\s]+\.(?:jpe?g|png|gif|svg|webp)\]\s?",
    re.I,
)
_LINK_RELATION = re.compile(r"^\s*#\S")
# A list item's marker as lynx and Markdown print it ("*", "+", "o", "#" by depth); a
# bullet a page prints itself ("•", as w3m draws one too) stays, as in rendered text.
_LIST_MARKER = re.compile(r"^(\s*)(?:[*+#@]|o(?=\s))\s+(?=\S)")
_BROKEN_COMPOUND = re.compile(r"[^\W\d_]-$")
# A line opening with a list marker or a heading's mark starts a block of its own.
# (Not a dash: a wrapped line may open with a sentence's "— …".)
_BLOCK_START = re.compile(r"^\s*(?:[*+•◦▪·\-#>|]\s|\d{1,3}[.)]\s|\[\d+\]|\(BUTTON\))")


def as_running_text(text: str) -> str:
    """A dump's text with its paragraphs on one line each and no Markdown marks: the shape
    the article finder reads. Text already in that shape comes back as it was."""
    return plain_markdown(unwrap(without_link_numbers(text)))


def wrap_width(lines: list[str]) -> int | None:
    """The width the dump was wrapped at, or None when it was not wrapped."""
    lengths = Counter(
        len(line.rstrip())
        for line in lines
        if len(words := line.split()) >= TEXT_LINE_MIN_WORDS
        and max(map(len, words)) < UNBREAKABLE_CHARS
        and not _BLOCK_START.match(line)
    )
    total = sum(lengths.values())
    if total < MIN_FULL_LINES:
        return None
    # up_to[n]: how many lines are n characters long or shorter.
    up_to = list(itertools.accumulate(lengths[n] for n in range(MAX_WIDTH + WIDTH_SLACK + 1)))
    best: tuple[int, int] | None = None
    for width in range(MIN_WIDTH, MAX_WIDTH + 1):
        full = up_to[width] - up_to[width - WIDTH_SLACK]
        past = up_to[width + WIDTH_SLACK] - up_to[width]
        overlong = total - up_to[width]
        if (
            full >= max(MIN_FULL_LINES, FULL_LINE_SHARE * total)
            and past <= CLIFF_RATIO * full
            and overlong <= MAX_OVERLONG_SHARE * total
            and (best is None or full > best[0])
        ):
            best = (full, width)
    if best is None:
        return None
    # The width is the longest line of the pile (the widths under it hold fewer lines).
    full, width = best
    while width > MIN_WIDTH and not lengths[width]:
        width -= 1
    return width


def unwrap(text: str) -> str:
    """The text with each wrapped paragraph on one line; text that is not wrapped as is."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    # lynx prints a page's <link> relations first, each on a line opening with "#" ("#RSS
    # feed"): what comes before the page's own text is no part of it.
    start = 0
    while start < len(lines) and (not lines[start].strip() or _LINK_RELATION.match(lines[start])):
        start += 1
    out: list[str] = []
    previous = ""  # the last line as the dump printed it
    for line in (_TOOL_LABEL.sub("", line) for line in lines[start:]):
        if out and _continues(previous, line, width):
            joined = out[-1].rstrip()
            # A compound broken at its hyphen ("long-" / "awaited") joins with none.
            space = "" if _BROKEN_COMPOUND.search(joined) else " "
            out[-1] = f"{joined}{space}{line.strip()}"
        else:
            out.append(line)
        previous = line
    # What a browser's rendered text would show: list items with no marker before them.
    return "\n".join(_LIST_MARKER.sub(r"\1", line) for line in out)


def _continues(previous: str, line: str, width: int) -> bool:
    """Whether `line` goes on the paragraph `previous` is a line of: both text, no less
    indented (a list item's text may hang under its marker), no new list item, and its
    first word would not have fitted on `previous`."""
    if not previous.strip() or not line.strip() or _BLOCK_START.match(line):
        return False
    if _indent(line) < _indent(previous):
        return False
    return len(previous.rstrip()) + 1 + len(line.split()[0]) > width


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


# Markdown converters (html2text, pandoc, trafilatura's markdown) keep every link as
# "[text](url)": a dump with this many is Markdown.
MARKDOWN_MIN_LINKS = 3
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]*)\]\(\s*[^()\s]*(?:\s[^()]*)?\)")
_MARKDOWN_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_HEADING_MARK = re.compile(r"^(\s*)#{1,6}\s+", re.M)


def plain_markdown(text: str) -> str:
    """Markdown's marks taken off a Markdown dump: links become their text, images go,
    emphasis and heading marks go (the heading's words stay, on their line)."""
    if len(_MARKDOWN_LINK.findall(text)) < MARKDOWN_MIN_LINKS:
        return text
    text = _MARKDOWN_IMAGE.sub("", text)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\1", text)
    return _HEADING_MARK.sub(r"\1", text)


# Text browsers number each link where it stands ("Trump [17]tweeted") and list the
# addresses at the end: a dump with this many numbers glued to words has them.
LINK_NUMBERS_MIN = 5
_LINK_NUMBER = re.compile(r"\[\d{1,4}\](?=[^\W_]|[“\"‘'(\[])")


def without_link_numbers(text: str) -> str:
    """A text browser's link numbers taken out of the text they stand in ("[17]tweeted"
    is "tweeted"); a few bracketed numbers in a text are its own ("[1]" notes) and stay."""
    if len(_LINK_NUMBER.findall(text)) < LINK_NUMBERS_MIN:
        return text
    return _LINK_NUMBER.sub("", text)
