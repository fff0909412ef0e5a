"""The spaCy component (skipped when spaCy is not installed)."""

import pytest

spacy = pytest.importorskip("spacy")

import whosaid  # noqa: E402
import whosaid.spacy  # noqa: E402,F401
from conftest import EXAMPLE  # noqa: E402


def test_attributions_and_span_groups_follow_the_engine():
    nlp = spacy.blank("en")
    nlp.add_pipe("whosaid")
    text = EXAMPLE.read_text()
    doc = nlp(text)
    account = whosaid.analyze(text)
    assert len(doc._.attributions) == len(account["attributions"]) >= 10
    for item, a in zip(doc._.attributions, account["attributions"]):
        for role in ("source", "cue", "content"):
            assert len(item[role]) == len(a[role])
            for span, part in zip(item[role], a[role]):
                # Expanded to whole tokens: the part is inside the span.
                assert span.start_char <= part["start"] and part["end"] <= span.end_char
                assert part["text"] in span.text
        speaker = account["speakers"][a["speaker"]]["name"] if a["speaker"] is not None else None
        assert item["speaker"] == speaker
    contents = sum(len(a["content"]) for a in account["attributions"])
    assert len(doc.spans["whosaid_content"]) == contents
    assert {s.label_ for s in doc.spans["whosaid_cue"]} == {"CUE"}
    assert doc._.whosaid["speakers"]


def test_windows_line_ends_map_back_to_the_doc():
    nlp = spacy.blank("en")
    nlp.add_pipe("whosaid", config={"resolve": False})
    text = "Talks\r\n\r\nJohn Smith said that the talks failed.\r\nHe said so."
    doc = nlp(text)
    want = whosaid.extract(text)
    assert len(doc._.attributions) == len(want) >= 1
    assert doc._.attributions[0]["source"][0].text == "John Smith"
    for item, a in zip(doc._.attributions, want):
        # The engine's offsets are into the text with \n line ends; the
        # spans are on the Doc's own text.
        assert [s.text for s in item["content"]] == [p["text"] for p in a["content"]]
        assert item["speaker"] is None
