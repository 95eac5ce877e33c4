"""The HTML route on small hand-made pages: fields, kinds, chrome, comments, encodings."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import KNOWLEDGE, ROOT
from transforms.extract import PageContext, extract_file, looks_like_html
from transforms.html import _strip_site_suffix, extract_html_file
from transforms.records import Article, Rejected
from transforms.sidecar import Sidecar
from transforms.text_shape import count_stored_words

FIXTURES = ROOT / "tests" / "fixtures" / "html"
NOW = datetime(2025, 8, 16, 12, tzinfo=UTC)


def article(name: str, url: str | None = None) -> Article:
    return extract_html_file((FIXTURES / name).read_bytes(), NOW, url, None, KNOWLEDGE).articles[0]


def test_article_page_fields_and_paragraph_kinds() -> None:
    page = article("article.html")
    assert page.title == "Envoys meet in Geneva as ceasefire talks resume"
    assert page.subtitle == "Negotiators returned to the table on Thursday after a week of silence."
    assert (page.outlet, page.outlet_source) == ("The Harbour Gazette", "metadata")
    assert (page.authors, page.wire, page.dateline) == (("Ana Lima",), "Reuters", "GENEVA")
    assert page.published_at == datetime(2025, 8, 14, tzinfo=UTC)
    assert page.published_at_source == "metadata"
    kinds = [p.kind for p in page.paragraphs]
    assert kinds == ["text", "text", "heading", "text", "bullet", "bullet", "text"]
    assert page.paragraphs[0].text.startswith("Envoys from both sides met in Geneva")
    body = page.body
    for chrome in ("newsletter", "Thanks for signing up", "Storm hits coast", "©", "Home"):
        assert chrome not in body


def test_comments_are_not_body_and_a_byline_becomes_authors() -> None:
    page = article("comments.html")
    assert page.title == "City council approves new tram line"
    assert page.authors == ("Tom Reyes",)
    assert len(page.paragraphs) == 3
    assert "waste of money" not in page.body and "buses are always late" not in page.body


def test_meta_charset_cp1252_page() -> None:
    extraction = extract_html_file(
        (FIXTURES / "cp1252.html").read_bytes(), NOW, None, None, KNOWLEDGE
    )
    page = extraction.articles[0]
    assert extraction.encoding == "windows-1252"
    assert page.title == "Le président a rencontré les négociateurs à Genève"
    assert page.outlet == "Journal du Lac"
    assert "« Nous sommes prêts à signer un accord équitable »" in page.body


def test_index_page_is_no_article() -> None:
    with pytest.raises(Rejected) as caught:
        article("index.html")
    assert caught.value.reason == "no_article"


def test_outlet_from_sidecar_url_when_the_page_names_none(tmp_path: Path) -> None:
    page = (
        (FIXTURES / "comments.html")
        .read_bytes()
        .replace(b'<meta property="og:site_name" content="Valley Courier">', b"")
    )
    context = PageContext(NOW, Sidecar(url="https://www.nytimes.com/2025/08/16/world/x.html"))
    extracted = extract_file(page, context, "saved-page.bin", KNOWLEDGE)
    assert extracted.format == "html"
    assert extracted.articles[0].outlet == "The New York Times"


@pytest.mark.parametrize(
    ("title", "site", "host", "expected"),
    [
        ("Headline here | The Site", "The Site", None, "Headline here"),
        ("Headline here - thesite.com", None, "https://www.thesite.com/a", "Headline here"),
        ("The Site — Headline here", "The Site", None, "Headline here"),
        ("Headline - Site - Tagline of it", "Site - Tagline of it", None, "Headline"),
        ("Star Wars review - shoots for the moon, lands among the stars", "VG247", None,
         "Star Wars review - shoots for the moon, lands among the stars"),
    ],
)  # fmt: skip
def test_site_suffixes_are_stripped_from_titles(
    title: str, site: str | None, host: str | None, expected: str
) -> None:
    assert _strip_site_suffix(title, site, host) == expected


def test_html_is_recognised_by_bytes_not_only_by_name() -> None:
    assert looks_like_html(b"  <!DOCTYPE html><html>", "page.txt")
    assert looks_like_html(b"<!-- saved --><html lang=en>", "page")
    assert looks_like_html(b"anything", "page.HTM")
    assert not looks_like_html(b"Title\nBody text <b>with</b> a tag", "page.txt")


def test_oversized_html_is_refused_before_parsing() -> None:
    huge = b"<html><body>" + b"<div>" * 10 + b"x" * (9 * 1024 * 1024) + b"</body></html>"
    with pytest.raises(Rejected) as caught:
        extract_html_file(huge, NOW, None, None, KNOWLEDGE)
    assert caught.value.reason == "too_large"


def test_a_japanese_page_is_an_article_and_its_language_is_told() -> None:
    # Japanese is written without spaces: its words are counted one character each, so a
    # story of a few sentences is not an index page.
    sentences = "東京都は新しい橋の建設計画を発表した。工事は来年の春に始まる予定である。" * 3
    page = f"""<html lang="ja"><head><title>新しい橋の建設計画</title></head><body><article>
    <h1>新しい橋の建設計画</h1><p>{sentences}</p><p>{sentences}</p></article></body></html>"""
    extracted = extract_html_file(
        page.encode("utf-8"), NOW, "https://news.example.jp/a/1", None, KNOWLEDGE
    )
    (found,) = extracted.articles
    assert found.language == "ja"
    assert sum(count_stored_words(p.text) for p in found.paragraphs) >= 100


@pytest.mark.parametrize("declared", ['<meta charset="utf-8">', ""])
def test_invisible_and_odd_spaces_leave_the_text_whether_or_not_a_charset_is_declared(
    declared: str,
) -> None:
    """Soft hyphens and zero-width spaces split a name for every later rule; the page
    source is parsed as it is, and every text taken from it is normalised."""
    sentence = (
        "Volodymyr Zelen\u00adskyy met the envoys in Ge\u200bneva\u00a0on Thursday to press "
        "for a ceasefire before winter, officials said after a meeting that ran late. "
    )
    html = (
        f"<html><head>{declared}<title>Zelen\u00adskyy in Geneva</title>"
        '<meta name="author" content="Ana\u00a0Lima"></head><body><article>'
        f"<h1>Zelen\u00adskyy in Geneva</h1><p>{sentence * 2}</p><p>{sentence}</p>"
        "</article></body></html>"
    )
    page = extract_html_file(html.encode("utf-8"), NOW, None, None, KNOWLEDGE).articles[0]
    assert page.title == "Zelenskyy in Geneva"
    assert page.authors == ("Ana Lima",)
    assert page.paragraphs[0].text.startswith("Volodymyr Zelenskyy met the envoys in Geneva on")
    assert not any(c in page.body for c in "\u00ad\u200b\u00a0")
