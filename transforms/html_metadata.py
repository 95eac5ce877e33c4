"""The page metadata the HTML route stores, read as trafilatura reads it, for less work.

trafilatura's `extract_metadata` also reads a page's categories, tags and licence, which
newsdesk does not store, and its author finder copies the whole page and runs regular
expressions on every element through XPath: 5.0 ms per page on the extraction
benchmark's news pages, against 1.9 ms here. This reads title, author, URL, host, date,
site name and description from the same sources in the same order (meta tags, then
JSON-LD, then the page's elements), so a page's stored metadata is what
`bare_extraction(with_metadata=True)` gives it (the tests compare the two).
"""

from __future__ import annotations

import re
from contextlib import suppress
from copy import deepcopy

from courlan import extract_domain
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document, set_date_params
from trafilatura.utils import trim
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

from transforms.decode import normalise_text

__all__ = ["page_metadata"]

_TEXT_FIELDS = ("title", "author", "sitename", "description")
# An author element's text is a name when it is this long (trafilatura's limits).
_AUTHOR_MIN_CHARS, _AUTHOR_MAX_CHARS = 3, 119


def page_metadata(tree: HtmlElement, url: str | None) -> Document:
    """The stored metadata fields of a parsed page (the tree is read, not changed)."""
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None  # a one-word "author" meta tag is a handle or a site name
    with suppress(Exception):  # malformed JSON-LD: the other sources still stand
        metadata = extract_meta_json(tree, metadata)
    metadata.title = metadata.title or extract_title(tree)
    metadata.author = metadata.author or _marked_author(tree)
    metadata.url = metadata.url or extract_url(tree, url)
    if metadata.url:
        metadata.hostname = extract_domain(metadata.url, fast=True)
    # The extractor's default date settings: htmldate's extensive search (the page's text
    # as well as its markup), original (published) dates before updates.
    metadata.date = find_date(tree, **{**set_date_params(extensive=True), "url": metadata.url})
    metadata.sitename = metadata.sitename or extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")  # a Twitter handle
        if (
            metadata.sitename
            and "." not in metadata.sitename
            and not metadata.sitename[0].isupper()
        ):
            metadata.sitename = metadata.sitename.title()
    elif metadata.url and (host := META_URL.match(metadata.url)):
        metadata.sitename = host[1]
    metadata.clean_and_trim()
    for name in _TEXT_FIELDS:  # the markup is parsed as it is; its text is normalised
        if value := getattr(metadata, name):
            setattr(metadata, name, normalise_text(value))
    return metadata


def _marked_author(tree: HtmlElement) -> str | None:
    """The first element marked as the author's (rel="author", class="byline", ...) outside
    comments, dates, figures and sidebars: what trafilatura's `extract_author` returns.

    That function prunes a deep copy of the page, then tries XPath expressions whose
    regular expressions call back into Python for every element: ~5 ms on a news page.
    Their tests read only an element's tag and attributes, so one pass over the elements
    applies them all (_author_marks), and a candidate is copied only when a pruned part
    inside it must leave its text.
    """
    pruned: set[HtmlElement] = set()
    candidates: list[list[HtmlElement]] = [[] for _ in range(_AUTHOR_LEVELS)]
    for element in tree.iter(etree.Element):
        is_pruned, level = _author_marks(element, element is tree)
        if is_pruned:
            pruned.add(element)
        if level is not None:
            candidates[level].append(element)
    for marked in candidates:
        for element in marked:
            if element in pruned or any(a in pruned for a in element.iterancestors()):
                continue
            if any(d in pruned for d in element.iterdescendants()):
                element = prune_unwanted_nodes(deepcopy(element), AUTHOR_DISCARD_XPATHS)
            text = trim(" ".join(element.itertext()))
            if text and _AUTHOR_MIN_CHARS <= len(text) <= _AUTHOR_MAX_CHARS:
                return normalize_authors(None, text) or None
    return None


# trafilatura's author expressions (xpaths.AUTHOR_DISCARD_XPATHS and AUTHOR_XPATHS) as
# tests of one element's tag and attributes. tests/transforms/test_html_metadata.py
# compares this reader with trafilatura's on generated pages: a trafilatura release that
# changed its expressions fails there.
_AUTHOR_LEVELS = 3  # specific marks, generic ones, a last resort
_PRUNED_TAGS = frozenset({"a", "div", "section", "span"})
_PRUNED_ID = re.compile(r"^comments|comment-?list|ProductReviews")
_PRUNED_CLASS = re.compile(
    r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
    r"|article-(?:share|support)|print|category|meta-date|meta-reviewer"
)
_SPECIFIC_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_SPECIFIC_CLASS = re.compile(r"author-?name|AuthorName|authorName")
_GENERIC_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_GENERIC_ID = re.compile(r"author|zuozhe|bianji|xiaobian")
_GENERIC_CLASS = re.compile(
    r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
)
_LAST_ID = re.compile(r"[Aa]uthor")
_LAST_CLASS = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")


def _author_marks(element: HtmlElement, is_root: bool) -> tuple[bool, int | None]:
    """Whether the element is pruned before authors are looked for, and the first level
    of author expressions that matches it (None: none does)."""
    tag = element.tag
    if not element.attrib:
        return tag in ("time", "figure"), 0 if tag == "author" else None
    cls = element.get("class") or ""
    ident = element.get("id") or ""
    itemprop = element.get("itemprop") or ""
    component = element.get("data-component") or ""
    pruned = tag in ("time", "figure") or (
        tag in _PRUNED_TAGS
        and not is_root  # ".//*": below the root
        and (
            ident == "comments"
            or cls in ("comments", "title", "date")
            or bool(_PRUNED_ID.search(ident) or _PRUNED_CLASS.search(cls))
            or "Figure" in component
        )
    )
    if tag == "author" or (
        tag in _SPECIFIC_TAGS
        and (
            element.get("rel") == "author"
            or ident == "author"
            or cls == "author"
            or itemprop == "author name"
            or element.get("data-testid") in ("AuthorCard", "AuthorURL")
            or bool(_SPECIFIC_CLASS.search(cls))
            # "rel='me'" without "@": a child element <rel> reading "me".
            or any(child.text_content() == "me" for child in element.iterchildren("rel"))
        )
    ):
        return pruned, 0
    if tag in _GENERIC_TAGS and (
        cls in ("byline", "username", "byl", "BBL")
        or "author" in itemprop
        or bool(_GENERIC_ID.search(ident) or _GENERIC_CLASS.search(cls))
    ):
        return pruned, 1
    if (
        "Byline" in component
        or "author" in itemprop
        or bool(_LAST_ID.search(ident) or _LAST_CLASS.search(cls))
    ):
        return pruned, 2
    return pruned, None
