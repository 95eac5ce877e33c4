"""Names recognised without a registry entry: what a span is, and who it is in the article.

The sentences are written for these tests (no names of the benchmark's articles): each
case is one shape of English news copy and what must come out of it.
"""

from __future__ import annotations

import pytest

from tests.conftest import KNOWLEDGE
from transforms.mentions import article_mentions, discovered_id

RECOGNISER = KNOWLEDGE.recogniser
assert RECOGNISER is not None


def _names(*paragraphs: str) -> set[tuple[str, str]]:
    return {(f.name, f.type) for f in RECOGNISER.article(list(paragraphs))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # persons: a first name, a title, a title inside the span, a bare surname after
        # a speech verb, two rare words
        ("The budget was written by Margaret Oduya last year.", {("Margaret Oduya", "person")}),
        ("Sen. Tobias Wrenfield voted against it.", {("Tobias Wrenfield", "person")}),
        (
            "Energy Secretary Halvard Quint and Gov. Lise Marrow spoke.",
            {("Halvard Quint", "person"), ("Lise Marrow", "person")},
        ),
        ("“We will appeal,” Okonkwo said.", {("Okonkwo", "person")}),
        ("The club signed Zorvan Pelikhov on loan.", {("Zorvan Pelikhov", "person")}),
        # organisations: a head word, "Ministry of", an acronym, camel case, a "The" name
        # mid-sentence
        ("Shares of Halcyon Robotics Inc. fell.", {("Halcyon Robotics Inc", "organization")}),
        (
            "The Ministry of Fisheries said the quota would stay.",
            {("Ministry of Fisheries", "organization")},
        ),
        ("The deal was cleared by the FTC on Monday.", {("FTC", "organization")}),
        ("Staff at BrightLoop were told on Friday.", {("BrightLoop", "organization")}),
        ("He told The Clarion that he would stay.", {("The Clarion", "organization")}),
        # places: the gazetteer, a short form, a party-state tag, "-based", a dateline
        ("Flights from Nairobi to Lisbon resumed.", {("Nairobi", "place"), ("Lisbon", "place")}),
        ("Rep. Ada Kell, D-Minn., objected.", {("Ada Kell", "person"), ("Minnesota", "place")}),
        ("A Toronto-based lender collapsed.", {("Toronto", "place")}),
        ("NAIROBI (Reuters) — Talks resumed.", {("Nairobi", "place")}),
        ("Prices rose across the U.S. last month.", {("United States", "place")}),
        ("Floods reached Marlow County on Sunday.", {("Marlow County", "place")}),
        ("Rents in the Harbour Bay Area rose.", {("Harbour Bay Area", "place")}),
        # an organisation's word with its remit; a common word's possessive inside a name,
        # not a place's or an organisation's possessive before another name
        (
            "The Tribunal of Coastal Fisheries ruled.",
            {("Tribunal of Coastal Fisheries", "organization")},
        ),
        (
            "Nurses at Children's Hospital of Varnley struck.",
            {("Children's Hospital of Varnley", "organization")},
        ),
        ("A column in the People's Herald said so.", {("People's Herald", "organization")}),
        (
            "Lisbon's Kestrel Institute and Halcyon Media's Brightloop Unit agreed.",
            {
                ("Lisbon", "place"),
                ("Kestrel Institute", "organization"),
                ("Halcyon Media", "organization"),
            },
        ),
        # a celestial body's name inside a person's name is part of it
        (
            "The singer Rowan Mercury toured Lisbon.",
            {("Rowan Mercury", "person"), ("Lisbon", "place")},
        ),
    ],
)
def test_recognised(text: str, expected: set[tuple[str, str]]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation's people, shares and posts after a word no one else is
        (
            "Kestrel founder Ada Kell left the company in the spring of that year.",
            {("Kestrel", "organization"), ("Ada Kell", "person")},
        ),
        (
            "Oil may rise again this winter, a Varnholt analyst said on the radio.",
            {("Varnholt", "organization")},
        ),
        ("In a Quillory post she thanked fans.", {("Quillory", "organization")}),
        ("Its rival Brass Lantern reported the deal first.", {("Brass Lantern", "organization")}),
        # a phrase before it: someone at it, an outlet quoted, a platform posted on
        ("said an analyst at Brackwell on Monday.", {("Brackwell", "organization")}),
        ("She posted on Quillory last week.", {("Quillory", "organization")}),
        ("A doctor told Vantrix that he tried.", {("Vantrix", "organization")}),
        # an apposition says what it is
        (
            "He joined Corvane, the Lisbon-based geopolitical intelligence firm.",
            {("Corvane", "organization"), ("Lisbon", "place")},
        ),
        ("“I was sent back,” said Tarsem Dhillwal, 24.", {("Tarsem Dhillwal", "person")}),
        # a place word after it or before it with "of"
        ("Families in the Qarvun refugee camp waited.", {("Qarvun", "place")}),
        ("Fighting reached the area of Qarvun, Logar.", {("Qarvun", "place"), ("Logar", "place")}),
        # one type for a word throughout the article: "in Tarvo" says it is a place
        ("Tarvo voted. Troops stayed in Tarvo.", {("Tarvo", "place")}),
        # lists join names of one kind
        (
            "Over the years it bought Harbour Entertainment, Quillfilm and BrightLoop.",
            {
                ("Harbour Entertainment", "organization"),
                ("Quillfilm", "organization"),
                ("BrightLoop", "organization"),
            },
        ),
        # an acronym spelt out is its long form's actor
        (
            "The Harbour Transit Authority (HTA) said fares rise. HTA staff agreed.",
            {("Harbour Transit Authority", "organization")},
        ),
        # titles: several stack, an office joined by "of" or "and" leaves what it is of
        (
            "Lisbon's Chief Minister Ravi Anand spoke.",
            {("Lisbon", "place"), ("Ravi Anand", "person")},
        ),
        (
            "He named Lise Marrow as Chair and CEO.",
            {("Lise Marrow", "person")},
        ),
        (
            "The Speaker of the Harbour Assembly objected.",
            {("Harbour Assembly", "organization")},
        ),
        (
            "Officials said the Office of the Chief Economist found delays.",
            {("Office of the Chief Economist", "organization")},
        ),
        ("He became the first Chief Marketing Officer of the company.", set()),
        # a surname cased like a brand is a surname; an acronym before a rare name splits
        (
            "Singer Rowan McAdry returned. McAdry sang.",
            {("Rowan McAdry", "person")},
        ),
        (
            "He told KTV Pentagon correspondent Ada Kell.",
            {("KTV", "organization"), ("Pentagon", "organization"), ("Ada Kell", "person")},
        ),
        ("The journal ACM Queue published it.", {("ACM Queue", "organization")}),
        # lower-case heads: a country's or its people's ministry, a label's party
        (
            "Officials said Lisbon's fisheries ministry would appeal the quota ruling.",
            {("Lisbon", "place"), ("Lisbon's fisheries ministry", "organization")},
        ),
        (
            "The report said the Portuguese interior ministry had been warned twice.",
            {("Portuguese interior ministry", "organization")},
        ),
        (
            "The paper, the mouthpiece of the Communist party, warned against it.",
            {("Communist Party", "organization")},
        ),
        # a US state's postal code after "in" or a town and a comma
        (
            "Drought is a serious problem in ND, the governor wrote on Monday.",
            {("North Dakota", "place")},
        ),
        (
            "The launch was watched from Orlando, FL, and from New York, NY, by officials.",
            {("Orlando", "place"), ("Florida", "place"), ("New York", "place")},
        ),
        # initials before a surname are a person's; a role's abbreviation closes a name
        ("The motion honoured B. U. Okafor and others.", {("B. U. Okafor", "person")}),
        (
            "Lisbon DL Ravi Anand was fined after the game.",
            {("Lisbon", "place"), ("Ravi Anand", "person")},
        ),
        # "-based" before a name ends a place's mention; dotted initials open a person's
        (
            "He spoke to the Lisbon-based Council on Fisheries about the quota.",
            {("Lisbon", "place"), ("Council on Fisheries", "organization")},
        ),
        ("The film is directed by R.J. Quintero this year.", {("R.J. Quintero", "person")}),
        (
            "Awards came from Sandra & Voss and from KTB and Harbour & Dock this year.",
            {
                ("Sandra & Voss", "organization"),
                ("KTB", "organization"),
                ("Harbour & Dock", "organization"),
            },
        ),
        # a district's head word names one place, not a list of them
        (
            "Flights from Nairobi, Kenya and Harbour Town were cancelled on Sunday.",
            {("Nairobi", "place"), ("Kenya", "place"), ("Harbour Town", "place")},
        ),
        # a role's abbreviation before a person comes off like a title
        (
            "The team said CB R.J. Quintero and QB Ravi Anand would both play on Sunday.",
            {("R.J. Quintero", "person"), ("Ravi Anand", "person")},
        ),
        # a generational suffix is part of the name as written, not the surname
        (
            "Attorney Halvard Quint Jr. filed the motion on Monday. Quint said it was late.",
            {("Halvard Quint Jr.", "person")},
        ),
        # a verb of speech is weak beside an organisation the article keeps naming
        (
            "Analysts expect more from Quorvex. Quorvex said on Monday that Quorvex would"
            " cut prices, and shares of Quorvex rose.",
            {("Quorvex", "organization")},
        ),
        # a phrase cut at "of" or "and" has no names by their words alone, but beside a
        # person the parts are names
        ("He spoke to the Joint Lantern Chiefs of Staff on Tuesday at noon.", set()),
        (
            "The quote came via Ravi Anand of the Copper Lantern, who was there.",
            {("Ravi Anand", "person"), ("Copper Lantern", "organization")},
        ),
        # partners' names joined by "&" are one firm; a comma alone makes no list
        (
            "It won awards from Brannock & Voss and from the jury this year.",
            {("Brannock & Voss", "organization")},
        ),
        (
            "After the game in Lisbon, Quorvane defensive end Ravi Anand spoke.",
            {("Lisbon", "place"), ("Ravi Anand", "person")},
        ),
        # a place's venue is the place's alone
        ("The crowd at Lisbon's Harbour Centre was full.", {("Lisbon", "place")}),
    ],
)
def test_read_from_the_words_around(text: str, expected: set[tuple[str, str]]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "But the plan failed.",  # a sentence's opening word
        "In November the talks resumed on Tuesday.",  # months and days
        "Ukrainian and Syrian officials met.",  # demonyms
        "Republicans and Democrats disagreed.",  # parties as labels
        "The Trump administration said nothing.",  # "administration" is lower case
        "He bought a ticket for the Harbour Cup Final.",  # an event ends in a common word
        "YES, the VOTE is OUT.",  # emphasis, not acronyms
        "Oil fell 2% as EUR and GBP rose.",  # currencies
        "Follow @JaneRoe and #Budget2026 for updates.",  # handles and tags
        "In her letter, the First Lady wrote of peace.",  # a title with no name
        "The Brightwater Finals were played at Harlow Field.",  # an event, a venue
        "Fans gathered outside Kestrel Arena on Quay Street.",  # a venue, a street
        "The probe reached Jupiter in July, then Titan.",  # a planet (and a Florida town)
        "The Quorvex conference opened.",  # an event's name
        "It ordered 30 jets of the 787-9 Quorvane type.",  # a model's name
        "Fans packed in Kestrel Center on Friday.",  # a venue after "in"
        "The memory of Economic Nationalism remains.",  # a doctrine
        "New Zealanders and Uzbeks voted.",  # peoples, one of several words
        "Rates: Euro EUR= and JP10YT=RR fell.",  # tickers
        "© Harbour Press",  # a credit line
        "Nine men were sent back to the border on Sunday. AFP",  # an agency closing it
        "The pan-Asian KSE 600 index lost 0.12% on the day.",  # a market index
        "The fund helps HRAP (Harbour Rent Assistance Programme) recipients.",
        "He said that Quint's party had lost the seat to the other party.",  # a person's
    ],
)
def test_not_names(text: str) -> None:
    assert _names(text) == set()


RECOGNISER = KNOWLEDGE.recogniser
assert RECOGNISER is not None


def test_a_surname_or_first_name_alone_is_the_person_named_in_full() -> None:
    found = RECOGNISER.article(
        [
            "Ambassador Corwin Aldane testified on Tuesday.",
            "Aldane said he had acted on instructions. Corwin, as colleagues call him, left.",
        ]
    )
    assert {(f.surface, f.name) for f in found} == {
        ("Ambassador Corwin Aldane", "Corwin Aldane"),
        ("Aldane", "Corwin Aldane"),
        ("Corwin", "Corwin Aldane"),
    }


RECOGNISER = KNOWLEDGE.recogniser
assert RECOGNISER is not None


def test_a_longer_name_is_not_a_mention_of_a_shorter_one() -> None:
    # The registry knows "Donald Trump" (alias "Trump"); "Ivanka Trump" is someone else.
    found = article_mentions(
        ["Ivanka Trump sat on the board.", "Donald Trump was president then."],
        KNOWLEDGE.actors,
        RECOGNISER,
    )
    names = {(a.name, a.source) for a in found.actors.values()}
    assert ("Ivanka Trump", "discovered") in names
    assert ("Donald Trump", "registry") in names
    assert [m.surface for m in found.paragraphs[0]] == ["Ivanka Trump"]


RECOGNISER = KNOWLEDGE.recogniser
assert RECOGNISER is not None


def test_the_registry_wins_and_matches_a_dateline_in_capitals() -> None:
    found = article_mentions(
        ["KYIV (AP) — President Volodymyr Zelenskyy met Halvard Quint."],
        KNOWLEDGE.actors,
        RECOGNISER,
    )
    sources = {(a.name, a.source) for a in found.actors.values()}
    assert ("Volodymyr Zelenskyy", "registry") in sources
    assert ("Halvard Quint", "discovered") in sources
    kyiv = [a for a in found.actors.values() if a.type == "place"]
    assert [a.source for a in kyiv] == ["registry"]


RECOGNISER = KNOWLEDGE.recogniser
assert RECOGNISER is not None


def test_spelling_variants_share_one_discovered_id_and_a_bare_surname_stays_local() -> None:
    assert discovered_id("Oleksandr Zelensky", "person") == discovered_id(
        "Oleksandr Zelenskyy", "person"
    )
    assert discovered_id("Oleksandr Zelenskiy", "person") == discovered_id(
        "Oleksandr Zelensky", "person"
    )
    assert discovered_id("Zelensky", "person", "a1") != discovered_id("Zelensky", "person", "a2")
    assert discovered_id("Nairobi", "place", "a1") == discovered_id("Nairobi", "place", "a2")
    assert discovered_id("Margaret Oduya", "person") != discovered_id("Margaret Oduya", "place")


RECOGNISER = KNOWLEDGE.recogniser
assert RECOGNISER is not None


def test_every_curated_word_is_text() -> None:
    # YAML reads a bare `on`, `y`, `yes` or `no` as a boolean: such a word would silently
    # stop being a connector or a non-name.
    import yaml

    from tests.conftest import ROOT

    def words(values: object) -> list[object]:
        if isinstance(values, dict):
            return [*values, *(w for v in values.values() for w in words(v))]
        return list(values) if isinstance(values, list) else [values]

    lists = yaml.safe_load((ROOT / "transforms/data/recognition.yaml").read_text("utf-8"))
    for key, values in lists.items():
        assert all(isinstance(v, str) for v in words(values)), key


def test_recognition_reads_only_the_languages_it_knows() -> None:
    # An article the language identifier tells is German: every noun has a capital there,
    # so only the registry is matched; the same words in an English article are read.
    import polars as pl

    from transforms.actor_rows import derive_actor_rows

    text = "Die Patientenakte speichert Befunde, sagte Halvard Quint in Kyiv."
    paragraphs = pl.DataFrame(
        {
            "article_id": ["de1", "en1"],
            "paragraph_id": ["de1:0", "en1:0"],
            "text": [text, "The records were kept, Halvard Quint said in Kyiv."],
            "language": ["de", "en"],
        }
    )
    frames = derive_actor_rows(paragraphs, KNOWLEDGE.actors, RECOGNISER)
    surfaces = {
        (row["article_id"], row["surface"]) for row in frames["incoming_mentions"].to_dicts()
    }
    assert ("de1", "Kyiv") in surfaces  # the registry's place
    assert not any(article == "de1" and s != "Kyiv" for article, s in surfaces)
    assert {("en1", "Halvard Quint"), ("en1", "Kyiv")} <= surfaces


def test_a_credit_read_before_does_not_silence_the_same_name_in_running_text() -> None:
    # Readings are kept per span's words: a credit line must not leave its "no actor"
    # for the same name where it is a mention ("… spoke to Quillby Press").
    assert _names("© Quillby Press") == set()
    assert _names("The mayor said so in an interview with Quillby Press") == {
        ("Quillby Press", "organization")
    }
