"""One decoded text page to its articles: the text route of the pipeline."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Container
from dataclasses import KW_ONLY, dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

from transforms.boilerplate import Boilerplate
from transforms.bylines import split_dateline, wire_credit
from transforms.dates import before_capture, relative_delta
from transforms.decode import DecodedText, decode_text_page
from transforms.outlets import OutletRegistry
from transforms.page_meta import (
    header_authors,
    host_name,
    labelled_delta,
    printed_date,
    printed_site_name,
)
from transforms.paragraphs import parse_body
from transforms.records import Article, DroppedBlock, FileExtraction, Paragraph, Rejected
from transforms.segment import RawArticle, segment_page
from transforms.sidecar import Sidecar
from transforms.site_chrome import SiteChrome
from transforms.text_shape import (
    identify_language,
    is_name_like,
    is_prose_block,
    is_sentence,
    text_sample,
)

if TYPE_CHECKING:
    from transforms.knowledge import Knowledge

__all__ = [
    "PageContext",
    "extract_file",
    "extract_text_file",
    "extract_text_page",
    "looks_like_html",
]


@dataclass(frozen=True, slots=True)
class PageContext:
    """What is known about a page besides its bytes."""

    captured_at: datetime
    sidecar: Sidecar = field(default_factory=Sidecar)
    _: KW_ONLY
    captured_at_source: str = "sidecar"  # sidecar / mtime
    # Lines learnt as the site's chrome from its other files (transforms.site_chrome).
    site_chrome: SiteChrome | None = None


# An HTML page announces itself in its first bytes, whatever the file is called.
_HTML_SNIFF = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# Longer than any outlet name with its punctuation: such a line is never a masthead.
MAX_OUTLET_NAME_CHARS = 120
# A date printed after the body sits in its first lines of closing chrome.
DATE_TAIL_LINES = 10


def looks_like_html(data: bytes, name: str) -> bool:
    return name.lower().endswith(_HTML_SUFFIXES) or bool(_HTML_SNIFF.match(data[:4096]))


def extract_file(
    data: bytes,
    context: PageContext,
    name: str,
    knowledge: Knowledge,
    text: DecodedText | None = None,
) -> FileExtraction:
    """Route a file to the HTML or the text extractor by its bytes and name; text is a
    text page's bytes already decoded, when they were."""
    if looks_like_html(data, name):
        from transforms.html import extract_html_file  # trafilatura loads only for HTML

        return extract_html_file(
            data, context.captured_at, context.sidecar.url, context.sidecar.outlet, knowledge
        )
    return extract_text_file(data, context, knowledge, text)


def extract_text_file(
    data: bytes, context: PageContext, knowledge: Knowledge, text: DecodedText | None = None
) -> FileExtraction:
    """Decode and extract a text page; raises Rejected with a reason code."""
    text = text if text is not None else decode_text_page(data)
    articles, dropped = read_text_page(text, context, knowledge)
    if not articles:
        raise Rejected("no_article", "no article body found on the page")
    if not any(is_sentence(p.text) for a in articles for p in a.paragraphs):
        # A list of words, numbers or one-character lines has lines but no article.
        raise Rejected("no_article", "no running text: not one sentence")
    return FileExtraction(
        format="text",
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        encoding=text.encoding,
        articles=tuple(articles),
        dropped=tuple(dropped),
    )


def extract_text_page(text: str, context: PageContext, knowledge: Knowledge) -> list[Article]:
    return read_text_page(text, context, knowledge)[0]


def read_text_page(
    text: str, context: PageContext, knowledge: Knowledge
) -> tuple[list[Article], list[DroppedBlock]]:
    """The page's articles, and the prose-like lines none of them kept (with why)."""
    rules, registry = knowledge.boilerplate, knowledge.outlets
    articles: list[Article] = []
    dropped: list[DroppedBlock] = []
    chrome: Container[str] = frozenset()
    if context.site_chrome is not None:
        chrome = context.site_chrome.for_page(text.split("\n"))
    for raw in segment_page(text, rules, context.sidecar.url, chrome):
        article, body_dropped = _build_article(
            raw, len(articles), context, rules, registry, text, chrome
        )
        if article is not None:
            articles.append(article)
        dropped += [d for d in (*raw.dropped, *body_dropped) if is_prose_block(d.text)]
    if articles:
        # A page's articles share the language its main article is written in (telling it
        # costs ~0.5 ms an article, and an aggregator's related articles are the page's).
        language = identify_language(text_sample(articles[0].paragraphs))
        articles = [replace(a, language=language) for a in articles]
    return articles, sorted(dropped)


def _build_article(
    raw: RawArticle,
    position: int,
    context: PageContext,
    rules: Boilerplate,
    registry: OutletRegistry,
    page: str,
    chrome: Container[str],
) -> tuple[Article | None, list[DroppedBlock]]:
    body = parse_body(raw.body, rules, chrome)
    dropped = [
        DroppedBlock(raw.body_line + i, reason, raw.body[i].strip())
        for i, reason in body.dropped_lines
    ]
    paragraphs = list(body.paragraphs)
    if not any(p.kind == "text" for p in paragraphs):
        kept = [
            DroppedBlock(raw.body_line + i, "no_body_text", line.strip())
            for i, line in enumerate(raw.body)
        ]
        return None, dropped + kept
    footer = body.footer_outlet or _first_named(raw.tail, rules.footer_outlet)
    outlet, outlet_source = _outlet(raw, footer, body.promo_outlet)
    wire: str | None = None
    dateline: str | None = None

    first = next(i for i, p in enumerate(paragraphs) if p.kind == "text")
    if parsed := split_dateline(paragraphs[first].text):
        dateline = parsed.place
        wire = registry.canonical_wire(parsed.agency) if parsed.agency else None
        paragraphs[first] = Paragraph("text", parsed.rest)
    wire = wire or wire_credit(paragraphs[first].text, registry)

    if body.sign_off and not rules.is_photo_agency(body.sign_off):
        # ("... caption. | Getty Images" is a photo credit, not wire copy signing off.)
        if outlet is None:
            outlet, outlet_source = body.sign_off, "sign_off"
        elif wire is None:
            wire = registry.canonical_wire(body.sign_off)

    if outlet is None and raw.kind == "main":
        holder = body.copyright_holder or _first_named(raw.tail, rules.copyright_holder)
        outlet, outlet_source = _page_outlet(context, registry, rules, page, holder)
    if outlet is not None:
        outlet = registry.canonical_outlet(outlet)
        # The outlet's name alone on a line is a masthead, not a heading or a paragraph.
        paragraphs = [p for p in paragraphs if not _is_masthead(p.text, outlet, registry)]

    published_at, published_source = None, None
    if raw.relative_time and (delta := relative_delta(raw.relative_time)) is not None:
        published_at, published_source = before_capture(context.captured_at, delta), "relative"
    elif raw.kind == "main":
        published_at, published_source = printed_date(
            [*raw.above, *raw.head], body.dates, context.sidecar.url, context.captured_at
        )
        if published_at is None and (delta := labelled_delta([*raw.above, *raw.head])):
            published_at, published_source = before_capture(context.captured_at, delta), "relative"
        if published_at is None:
            published_at, published_source = printed_date(
                raw.tail[:DATE_TAIL_LINES], [], context.sidecar.url, context.captured_at
            )
    authors = (*body.authors, *header_authors(raw.head + raw.above))

    article = Article(
        position=position,
        kind=raw.kind,
        title=raw.title,
        subtitle=raw.subtitle,
        paragraphs=tuple(p for p in paragraphs if p.text),
        outlet=outlet,
        outlet_source=outlet_source,
        wire=wire,
        authors=tuple(dict.fromkeys(authors)),
        dateline=dateline,
        relative_time=raw.relative_time,
        published_at=published_at,
        published_at_source=published_source,
    )
    return _drop_title_echo(article), dropped


def _first_named(lines: list[str], find: Callable[[str], str | None]) -> str | None:
    """The first name a footer finder reads in the page's closing lines after the body."""
    return next((name for line in lines if (name := find(line.strip()))), None)


def _page_outlet(
    context: PageContext,
    registry: OutletRegistry,
    rules: Boilerplate,
    page: str,
    copyright_holder: str | None,
) -> tuple[str | None, str | None]:
    """The outlet of a page's own article: the sidecar's, the URL host's registered one,
    the name the page prints for its host, a copyright holder, then the host itself."""
    url = context.sidecar.url
    if context.sidecar.outlet:
        return context.sidecar.outlet, "sidecar"
    if url and (registered := registry.outlet_for_url(url)):
        return registered, "url"
    if url and (printed := printed_site_name(page.split("\n"), url)):
        return printed, "page"
    if copyright_holder and not _is_year_or_credit(copyright_holder, rules):
        return copyright_holder, "copyright"
    if host := host_name(url):
        return host, "host"
    return None, None


def _is_year_or_credit(name: str, rules: Boilerplate) -> bool:
    """A copyright 'holder' that is a year range or a photo agency's credit names no outlet."""
    return (
        not any(c.isalpha() for c in name)
        or rules.is_photo_agency(name)
        or not is_name_like(name)  # "Designed by X - Powered by Y" is a credit line
    )


def _is_masthead(text: str, outlet: str, registry: OutletRegistry) -> bool:
    # Only a short line can be a name: paragraphs are not tidied and looked up for nothing.
    return len(text) <= MAX_OUTLET_NAME_CHARS and registry.canonical_outlet(text) == outlet


def _outlet(
    raw: RawArticle, footer: str | None, promo: str | None
) -> tuple[str | None, str | None]:
    if raw.outlet:
        return raw.outlet, "header"
    if footer:
        return footer, "footer"
    if promo:
        return promo, "promo"
    return None, None


def _drop_title_echo(article: Article) -> Article:
    """A body that opens by repeating the title or standfirst loses that line."""
    echoes = {t for t in (article.title, article.subtitle) if t}
    paragraphs = article.paragraphs
    while paragraphs and paragraphs[0].text in echoes:
        paragraphs = paragraphs[1:]
    return article if paragraphs is article.paragraphs else replace(article, paragraphs=paragraphs)
