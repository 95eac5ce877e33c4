"""HTML pages to articles: trafilatura reads text and metadata from one parse of the page.

Paragraphs come from the extractor's document tree (headings, list items and paragraphs
keep their kinds), not from re-splitting flattened text. What the extractor leaves of
page furniture (newsletter prompts, teaser links, update stamps) is removed by the same
reviewed rule file as the text route; the title loses its site-name suffix.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import trafilatura
from lxml import etree
from trafilatura.settings import Document
from trafilatura.utils import load_html

from transforms.boilerplate import Boilerplate
from transforms.bylines import parse_author_line, split_dateline, wire_credit
from transforms.decode import decode_raw, normalise_text
from transforms.html_metadata import page_metadata
from transforms.outlets import OutletRegistry
from transforms.records import Article, FileExtraction, Paragraph, Rejected
from transforms.text_shape import count_stored_words, identify_language, text_sample

if TYPE_CHECKING:
    from transforms.knowledge import Knowledge

__all__ = ["MAX_HTML_BYTES", "extract_html_file"]

# lxml needs several times a page's size in memory; real article pages are under 2 MB.
MAX_HTML_BYTES = 8 * 1024 * 1024
# Fewer words of body text than this is an index page, a shell or an error page.
MIN_ARTICLE_WORDS = 40
# A "By A and B" line is looked for among the first paragraphs only.
BYLINE_WINDOW = 3
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w\-]+)""", re.IGNORECASE)
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")
# A suffix after a separator is a site name when it is this short (or names the site).
_SITE_SUFFIX_MAX_WORDS = 4


def extract_html_file(
    data: bytes,
    captured_at: datetime,
    url: str | None,
    outlet_hint: str | None,
    knowledge: Knowledge,
) -> FileExtraction:
    """Extract one HTML page; raises Rejected (too_large, not_text, no_article)."""
    if len(data) > MAX_HTML_BYTES:
        raise Rejected("too_large", f"{len(data)} bytes of HTML, over {MAX_HTML_BYTES}")
    html, encoding = _decode_html(data)
    tree = load_html(html)
    if tree is None:
        raise Rejected("no_article", "no HTML document in the file")
    document = page_metadata(tree, url)
    # The body alone: the metadata is read above, and "txt" leaves the extractor's tree
    # unserialised (the paragraphs are read from the tree, not from its text rendering).
    extracted = trafilatura.bare_extraction(
        tree,
        url=url or document.url,
        fast=True,
        with_metadata=False,
        include_comments=False,
        output_format="txt",
    )
    # bare_extraction returns a dict only when asked to (as_dict=True); never here.
    if not isinstance(extracted, Document) or extracted.body is None:
        raise Rejected("no_article", "the extractor found no main text")
    document.body = extracted.body
    rules, registry = knowledge.boilerplate, knowledge.outlets
    title = _strip_site_suffix(document.title, document.sitename, document.hostname or url)
    paragraphs = _paragraphs(document.body, rules)
    echoes = {_norm(t) for t in (document.title, title) if t}
    subtitle = None
    while paragraphs and _norm(paragraphs[0].text) in echoes:
        paragraphs.pop(0)
    if (
        paragraphs
        and paragraphs[0].kind == "heading"
        and document.description
        and _norm(paragraphs[0].text) == _norm(document.description)
    ):
        # A standfirst set as a heading above the body. (A description equal to the first
        # *paragraph* is only the page's summary copied from its lead, which stays.)
        subtitle = paragraphs.pop(0).text
    bylines = [p for p in paragraphs[:BYLINE_WINDOW] if parse_author_line(p.text) is not None]
    paragraphs = [p for p in paragraphs if p not in bylines]
    n_words = sum(count_stored_words(p.text) for p in paragraphs if p.kind == "text")
    if n_words < MIN_ARTICLE_WORDS:
        raise Rejected("no_article", f"{n_words} words of body text: an index or empty page")

    outlet, outlet_source = _outlet(document, url, outlet_hint, registry)
    authors, wire = _authors(document.author or "", registry)
    for line in bylines:
        authors = tuple(dict.fromkeys((*authors, *(parse_author_line(line.text) or ()))))
    dateline = None
    first = next(i for i, p in enumerate(paragraphs) if p.kind == "text")
    if parsed := split_dateline(paragraphs[first].text):
        dateline = parsed.place
        wire = wire or (registry.canonical_wire(parsed.agency) if parsed.agency else None)
        paragraphs[first] = Paragraph("text", parsed.rest)
    wire = wire or wire_credit(paragraphs[first].text, registry)
    published_at = _metadata_date(document.date)
    article = Article(
        position=0,
        kind="main",
        title=title,
        subtitle=subtitle,
        paragraphs=tuple(paragraphs),
        outlet=outlet,
        outlet_source=outlet_source,
        wire=wire,
        authors=authors,
        dateline=dateline,
        published_at=published_at,
        published_at_source="metadata" if published_at else None,
        language=document.language or identify_language(text_sample(paragraphs)),
    )
    text = "\n\n".join(p.text for p in paragraphs)
    return FileExtraction(
        format="html",
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        encoding=encoding,
        articles=(article,),
    )


def _decode_html(data: bytes) -> tuple[str, str]:
    """Bytes to text, honouring a declared <meta charset> before guessing. The markup is
    not normalised (the parser reads it as it is): the text taken from it is."""
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared.group(1).decode("ascii", "replace").lower()
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    text = decode_raw(data)
    return str(text), text.encoding


def _paragraphs(body: etree._Element, rules: Boilerplate) -> list[Paragraph]:
    out: list[Paragraph] = []
    for kind, text in _blocks(body):
        if not text:
            continue
        rule = rules.furniture_rule(text)
        if rule is not None and rule.action == "cut_rest":
            break
        if rule is None:
            out.append(Paragraph(kind, text))
    return out


def _blocks(body: etree._Element) -> Iterator[tuple[str, str]]:
    """(kind, text) for each block of the extractor's tree, in reading order."""
    if body.text and body.text.strip():
        yield "text", _squeeze(body.text)
    for element in body:
        if element.tag == "list":
            for item in element.iter("item"):
                yield "bullet", _text(item)
        elif element.tag == "head":
            yield "heading", _text(element)
        elif element.tag == "table":
            for row in element.iter("row"):
                yield "text", " ".join(_text(cell) for cell in row.iter("cell"))
        else:
            yield "text", _text(element)
        # Text between blocks hangs on the previous element's tail in the tree.
        if element.tail and element.tail.strip():
            yield "text", _squeeze(element.tail)


def _squeeze(text: str) -> str:
    return " ".join(normalise_text(text).split())


def _text(element: etree._Element) -> str:
    return _squeeze("".join(element.itertext()))


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _strip_site_suffix(title: str | None, sitename: str | None, host: str | None) -> str | None:
    """'Headline | Outlet' → 'Headline' (also ' - ', ' — ', …), and 'Outlet | Headline'."""
    if not title:
        return None
    names = {_norm(n) for n in (sitename or "", _host_stem(host)) if n}
    title = title.strip()
    # A site name may itself hold a separator ("Site - Tagline"): strip it whole first.
    if sitename and len(title) > len(sitename):
        for separator in _TITLE_SEPARATORS:
            if title.endswith(separator + sitename):
                title = title[: -len(separator + sitename)].strip()
    for separator in _TITLE_SEPARATORS:
        if separator not in title:
            continue
        head, _, tail = title.rpartition(separator)
        if _norm(tail) in names or (
            len(tail.split()) <= _SITE_SUFFIX_MAX_WORDS and _looks_like_site(tail, names)
        ):
            return head.strip()
        first, _, rest = title.partition(separator)
        if _norm(first) in names:
            return rest.strip()
    return title


def _looks_like_site(tail: str, names: set[str]) -> bool:
    squeezed = _norm(tail).replace(" ", "")
    return any(squeezed and (squeezed in n.replace(" ", "") or n.replace(" ", "") in squeezed)
               for n in names if n)  # fmt: skip


def _host_stem(host: str | None) -> str:
    if not host:
        return ""
    name = (urlsplit(host).hostname if "://" in host else host) or ""
    parts = name.removeprefix("www.").split(".")
    return parts[0] if parts else ""


def _outlet(
    document: Document,
    url: str | None,
    hint: str | None,
    registry: OutletRegistry,
) -> tuple[str | None, str | None]:
    if hint:
        return registry.canonical_outlet(hint), "sidecar"
    if document.sitename:
        if " " not in document.sitename and "." in document.sitename:
            # The extractor falls back to the host name ("nytimes.com") for a site name.
            from_host = registry.outlet_for_url(f"https://{document.sitename}")
            if from_host:
                return from_host, "url"
        return registry.canonical_outlet(document.sitename), "metadata"
    if url and (from_url := registry.outlet_for_url(url)):
        return from_url, "url"
    if document.hostname:
        return registry.canonical_outlet(document.hostname), "url"
    return None, None


def _authors(raw: str, registry: OutletRegistry) -> tuple[tuple[str, ...], str | None]:
    authors: list[str] = []
    wire = None
    for part in re.split(r"\s*(?:;|\band\b|,)\s*", raw):
        if not part:
            continue
        # An agency credited as the author ("The Associated Press") is the wire (wires.csv).
        if agency := registry.canonical_wire(re.sub(r"^the\s+", "", part, flags=re.I)):
            wire = wire or agency
            continue
        authors.append(part.strip())
    return tuple(dict.fromkeys(authors)), wire


def _metadata_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
