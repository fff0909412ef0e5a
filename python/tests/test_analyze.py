"""analyze, extract and analyze_many against the CLI's pinned output."""

import itertools
import json

import pytest

import whosaid
from conftest import DEMO, EXAMPLE, GOLDEN


def test_analyze_gives_the_cli_json_document():
    want = json.loads(GOLDEN.read_text())
    got = whosaid.analyze(EXAMPLE.read_text(), id="nato-rutte")
    assert got == want


def test_offsets_are_python_string_indices():
    doc = whosaid.analyze("“Nein,” sagte er. “We will not,” Jane Roe said.")
    assert doc["attributions"], doc
    for a in doc["attributions"]:
        for role in ("source", "cue", "content"):
            for span in a[role]:
                assert doc["text"][span["start"] : span["end"]] == span["text"]


def test_published_dates_resolve_relative_times():
    text = "“We will try again,” Jane Roe said on Friday."
    import datetime

    for published in ("2024-05-03", datetime.date(2024, 5, 3), datetime.datetime(2024, 5, 3, 9)):
        doc = whosaid.analyze(text, published=published)
        assert doc["published"] == "2024-05-03"
        assert doc["attributions"][0]["time"]["value"] == "2024-05-03"
    with pytest.raises(ValueError, match="not a date"):
        whosaid.analyze(text, published="last Friday")
    with pytest.raises(TypeError, match="published"):
        whosaid.analyze(text, published=20240503)


def test_line_ends_are_normalized_like_the_cli():
    doc = whosaid.analyze("Title\r\n\r\nJane Roe said it failed.\r\n")
    assert "\r" not in doc["text"]
    assert doc["attributions"][0]["source"][0]["text"] == "Jane Roe"


def test_a_text_over_the_limit_is_a_record_error():
    with pytest.raises(whosaid.RecordError, match="over the limit"):
        whosaid.analyze("Jane Roe said it failed. " * 10, max_text_bytes=100)
    assert issubclass(whosaid.RecordError, whosaid.WhosaidError)


def test_extract_gives_attributions_alone():
    attributions = whosaid.extract("John Smith said that the talks failed.")
    assert attributions == [
        {
            "source": [{"start": 0, "end": 10, "text": "John Smith"}],
            "cue": [{"start": 11, "end": 15, "text": "said"}],
            "content": [{"start": 16, "end": 37, "text": "that the talks failed"}],
            "kind": "indirect",
        }
    ]


def _demo_records():
    return [json.loads(line) for line in DEMO.read_text().splitlines() if line.strip()]


@pytest.mark.parametrize("jobs", [1, 2, None])
def test_analyze_many_is_analyze_in_input_order(jobs):
    records = _demo_records()
    assert len(records) >= 3
    got = list(whosaid.analyze_many(records, jobs=jobs, chunk_size=2))
    assert [d["id"] for d in got] == [r["id"] for r in records]
    for record, doc in zip(records, got):
        fields = {k: record[k] for k in ("id", "url", "title", "outlet", "published") if k in record}
        want = whosaid.analyze(record["text"], **fields)
        want["byline"] = record.get("byline")
        if want["byline"] is None:
            del want["byline"]
        assert doc == want


def test_a_bad_item_is_an_error_row_and_the_batch_goes_on():
    items = [
        "John Smith said it failed.",
        42,
        {"id": "no-text"},
        {"id": "bad-date", "text": "x", "published": "soon"},
        {"id": "big", "text": "Jane Roe said no. " * 100},
        {"text": "He said no."},
    ]
    got = list(whosaid.analyze_many(items, max_text_bytes=1000))
    assert len(got) == len(items)
    assert got[0]["id"] == "0" and got[0]["attributions"]
    assert got[1] == {"id": "1", "index": 1, "error": "expected a str or a mapping with 'text', got int"}
    assert got[2]["error"] == "no 'text' in the mapping" and got[2]["id"] == "no-text"
    assert "not a date" in got[3]["error"] and got[3]["index"] == 3
    assert "over the limit" in got[4]["error"]
    assert got[5]["id"] == "5" and "error" not in got[5]


def test_analyze_many_reads_its_input_lazily():
    # An endless generator: only what is consumed (and one chunk) is read.
    pulled = []

    def endless():
        for i in itertools.count():
            pulled.append(i)
            yield f"Official {i} said the plan failed."

    first = list(itertools.islice(whosaid.analyze_many(endless(), chunk_size=8), 10))
    assert len(first) == 10
    assert len(pulled) == 16


def test_analyze_many_rejects_zero_jobs():
    with pytest.raises(ValueError, match="jobs"):
        whosaid.analyze_many([], jobs=0)
