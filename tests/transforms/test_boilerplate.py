"""Each boilerplate rule against the examples it carries in boilerplate.yaml (lines it must\ncatch, body lines it must leave alone), and the body parser's use of them."""

from __future__ import annotations

import pytest
import yaml

from flows.settings import CuratedFiles
from tests.conftest import KNOWLEDGE
from transforms.paragraphs import parse_body

RULES = KNOWLEDGE.boilerplate


RAW = yaml.safe_load(CuratedFiles().boilerplate.read_bytes())
LINE_RULES = [(r["name"], r) for r in RAW["line_rules"]]
HTML_RULES = [(r["name"], r) for r in RAW["html_line_rules"]]
NAMING_RULES = [
    (section, r) for section in ("outlet_footers", "copyright_footers", "outlet_promos")
    for r in RAW[section]
]  # fmt: skip
KEPT = sorted({
    line for section in ("line_rules", "html_line_rules", "sentence_rules", *(s for s, _ in NAMING_RULES))
    for rule in RAW[section] for line in rule["keep"]
})  # fmt: skip


def test_every_rule_carries_examples_of_what_it_catches_and_keeps() -> None:
    sections = ("line_rules", "html_line_rules", "sentence_rules", "outlet_footers",
                "copyright_footers", "outlet_promos")  # fmt: skip
    bare = [r["name"] for s in sections for r in RAW[s] if not (r.get("catch") and r.get("keep"))]
    assert bare == []


@pytest.mark.parametrize(("name", "rule"), LINE_RULES, ids=[n for n, _ in LINE_RULES])
def test_a_line_rule_catches_its_examples(name: str, rule: dict[str, list[str]]) -> None:
    for line in rule["catch"]:
        matched = RULES.line_rule(line)
        assert matched is not None and matched.name == name, line


@pytest.mark.parametrize(("name", "rule"), HTML_RULES, ids=[n for n, _ in HTML_RULES])
def test_a_furniture_rule_catches_its_examples(name: str, rule: dict[str, list[str]]) -> None:
    for line in rule["catch"]:
        matched = RULES.furniture_rule(line)
        assert matched is not None and matched.name == name, line


@pytest.mark.parametrize(
    ("section", "rule"), NAMING_RULES, ids=[f"{s}-{r['name']}" for s, r in NAMING_RULES]
)
def test_a_rule_that_names_an_outlet_gives_the_name_of_its_examples(
    section: str, rule: dict[str, dict[str, str]]
) -> None:
    read = {
        "outlet_footers": RULES.footer_outlet,
        "copyright_footers": RULES.copyright_holder,
        "outlet_promos": RULES.promo_outlet,
    }[section]
    for line, outlet in rule["catch"].items():
        assert read(line) == outlet, line


def test_a_sentence_rule_catches_its_examples() -> None:
    for rule in RAW["sentence_rules"]:
        for sentence in rule["catch"]:
            assert RULES.is_boilerplate_sentence(sentence), sentence


@pytest.mark.parametrize("line", KEPT)
def test_body_lines_every_rule_keeps_are_left_alone(line: str) -> None:
    assert RULES.furniture_rule(line) is None
    assert not RULES.is_boilerplate_sentence(line)
    assert RULES.footer_outlet(line) is None and RULES.copyright_holder(line) is None


def test_caption_with_credit_line_and_inline_caption_are_removed() -> None:
    parsed = parse_body(
        [
            "First paragraph of the story, long enough to be body text.",
            "Soldiers walk past a destroyed building in the city on Monday. |",
            "Jane Smith / The Daily Planet",
            "Second paragraph continues the story with more detail.",
        ],
        RULES,
    )
    assert [p.text for p in parsed.paragraphs] == [
        "First paragraph of the story, long enough to be body text.",
        "Second paragraph continues the story with more detail.",
    ]


def test_inline_pipe_credit_and_promo_in_run_on_text() -> None:
    run_on = (
        "The talks began on Friday in the capital. " * 20
        + "Leaders shake hands before the talks on Friday. | Pool / via REUTERS "
        + "The meeting lasted three hours. Also Read | Minister resigns over budget row "
        + "The statement said more talks would follow. "
        + "Delegates wave at the airport in Alaska(X/@somebody, X/@other) Officials later left."
    )
    parsed = parse_body([run_on], RULES)
    body = " ".join(p.text for p in parsed.paragraphs)
    for gone in ("shake hands", "REUTERS", "Also Read", "Minister resigns", "X/@", "wave at"):
        assert gone not in body
    for kept in ("The meeting lasted three hours.", "The statement said", "Officials later left."):
        assert kept in body
    assert all(len(p.text) <= 1200 for p in parsed.paragraphs)


def test_outlet_named_by_a_footer_ends_the_body() -> None:
    parsed = parse_body(
        ["Body text of the article.", "This article originally appeared in The Globe © 2025", "x"],
        RULES,
    )
    assert parsed.footer_outlet == "The Globe"
    assert [p.text for p in parsed.paragraphs] == ["Body text of the article."]


def test_teaser_list_ends_the_article() -> None:
    parsed = parse_body(
        ["Body text of the article.", "-", "Other headline", "Speed Read teaser", "-", "More"],
        RULES,
    )
    assert [p.text for p in parsed.paragraphs] == ["Body text of the article."]
