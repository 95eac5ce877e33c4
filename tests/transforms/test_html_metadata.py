"""The HTML route's metadata reader gives what trafilatura's own gives, for less work.

Differential tests: every field newsdesk stores is compared with trafilatura's
`extract_metadata`, and the author reader with `extract_author`, on hand-made pages and on
generated ones that mix author marks with the parts trafilatura prunes first.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from trafilatura.metadata import extract_author, extract_metadata
from trafilatura.utils import load_html

from tests.conftest import ROOT
from transforms.html_metadata import _marked_author, page_metadata

FIXTURES = ROOT / "tests" / "fixtures" / "html"
STORED = ("title", "author", "url", "hostname", "date", "sitename", "description")

# Tags and attribute values that trafilatura's author expressions and its pruning test.
TAGS = ["div", "span", "p", "a", "section", "h3", "h4", "strong", "address", "li", "time"]
CLASSES = [
    "", "author", "byline", "author-name", "AuthorName", "post-author", "comments",
    "sidebar", "meta-date", "title", "date", "quote", "writer", "channel-name", "print",
    "story-Byline", "username", "related",
]  # fmt: skip
IDS = ["", "author", "comments", "commentlist", "page-Author", "main"]
ITEMPROPS = ["", "author", "author name", "name"]
NAMES = ["Ana Lima", "By Jo Marsh and Tom Reyes", "Al", "Staff", "Priya Natarajan, Reuters"]


def stored(document: object) -> dict[str, object]:
    return {name: getattr(document, name) for name in STORED}


def test_fixture_pages_read_the_same_fields_as_trafilatura() -> None:
    for page in sorted(FIXTURES.glob("*.html")):
        html = page.read_bytes().decode("utf-8", "replace")
        for url in (None, "https://www.harbourgazette.example/world/2025/08/14/envoys"):
            ours = page_metadata(load_html(html), url)
            theirs = extract_metadata(load_html(html), url)
            assert stored(ours) == stored(theirs), page.name


def test_an_author_in_a_byline_outside_comments_and_dates() -> None:
    html = """<html><body>
    <div class="comments"><span class="author">Reader Name</span></div>
    <div class="byline">By Ana Lima <time>14 August 2025</time></div>
    <p>Text of the article, long enough to be one.</p></body></html>"""
    assert _marked_author(load_html(html)) == extract_author(load_html(html)) == "Ana Lima"


def test_a_specific_mark_wins_over_an_earlier_generic_one() -> None:
    html = """<html><body>
    <div class="byline">Staff Reporter Desk</div>
    <span class="post-meta"><a rel="author" href="/jo">Jo Marsh</a></span>
    </body></html>"""
    assert _marked_author(load_html(html)) == extract_author(load_html(html)) == "Jo Marsh"


@st.composite
def marked_pages(draw: st.DrawFn) -> str:
    """A page of nested elements carrying author marks and pruned parts in any mix."""

    def element(depth: int) -> str:
        tag = draw(st.sampled_from(TAGS))
        attributes = []
        for name, values in (("class", CLASSES), ("id", IDS), ("itemprop", ITEMPROPS)):
            if value := draw(st.sampled_from(values)):
                attributes.append(f'{name}="{value}"')
        if draw(st.booleans()) and tag == "a":
            attributes.append('rel="author"')
        inner = draw(st.sampled_from(NAMES))
        if depth < 3:
            children = draw(st.integers(0, 3))
            inner += "".join(element(depth + 1) + draw(st.sampled_from(["", " tail "]))
                             for _ in range(children))  # fmt: skip
        return f"<{tag} {' '.join(attributes)}>{inner}</{tag}>"

    blocks = "".join(element(0) for _ in range(draw(st.integers(1, 4))))
    return f"<html><head><title>t</title></head><body>{blocks}</body></html>"


@settings(
    max_examples=1000 if os.environ.get("CI") else 200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(marked_pages())
def test_the_author_reader_agrees_with_trafilatura_on_generated_pages(html: str) -> None:
    assert _marked_author(load_html(html)) == extract_author(load_html(html))
