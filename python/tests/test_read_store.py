"""read over the CLI's inputs; Store over a store the CLI built."""

import gzip
import json
import subprocess

import pytest

import whosaid
from conftest import DEMO, EXAMPLE


def test_read_text_html_and_jsonl(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Talks fail</title>"
        '<meta property="og:url" content="https://example.com/talks"></head>'
        "<body><article><h1>Talks fail</h1><p>John Smith said that the talks "
        "failed, and that no date was set for a new round.</p>"
        "<p>“We will try again,” he added in a statement on Friday.</p>"
        "</article></body></html>"
    )
    with gzip.open(tmp_path / "more.jsonl.gz", "wt") as f:
        f.write(json.dumps({"id": "j1", "text": "Jane Roe said no."}) + "\n")
    docs = list(whosaid.read([EXAMPLE, tmp_path]))
    ids = [d["id"] for d in docs]
    assert ids == ["nato-rutte", "j1", "page"]
    page = docs[2]
    assert page["url"] == "https://example.com/talks"
    assert "John Smith said" in page["text"]
    assert page["source"].endswith("page.html")
    analyzed = whosaid.analyze(page["text"], url=page["url"])
    assert len(analyzed["attributions"]) == 2


def test_a_bad_record_names_the_file_and_line(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text('{"id": "a", "text": "Jane Roe said no."}\n{not json\n{"id": "c", "text": "He said yes."}\n')
    docs = whosaid.read(path)
    assert next(docs)["id"] == "a"
    with pytest.raises(whosaid.RecordError, match=r"corpus\.jsonl line 2"):
        next(docs)
    assert next(docs)["id"] == "c"
    assert [d["id"] for d in whosaid.read(path, on_error="skip")] == ["a", "c"]
    with pytest.warns(UserWarning, match=r"corpus\.jsonl line 2"):
        assert len(list(whosaid.read(path, on_error="warn"))) == 2
    with pytest.raises(ValueError, match="on_error"):
        whosaid.read(path, on_error="ignore")
    with pytest.raises(ValueError, match="format"):
        whosaid.read(path, format="pdf")


def test_read_feeds_analyze_many():
    docs = whosaid.read(DEMO)
    analyzed = list(whosaid.analyze_many(docs))
    assert len(analyzed) >= 3
    assert all("error" not in d and d["attributions"] for d in analyzed)


@pytest.fixture(scope="module")
def store(whosaid_bin, tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "s.db"
    subprocess.run([whosaid_bin, "ingest", "--db", db, EXAMPLE, DEMO], check=True, capture_output=True)
    return whosaid.Store(db)


def test_store_search_speakers_and_documents(store):
    totals = store.totals()
    assert totals["documents"] >= 4
    hits = store.search("Ukraine")
    assert hits and all("ukraine" in json.dumps(h).lower() for h in hits)
    ranked = store.speakers(limit=5)
    assert len(ranked) == 5
    assert ranked[0]["statements"] >= ranked[-1]["statements"]
    rutte = store.speaker("Mark Rutte")
    assert rutte["name"] == "Mark Rutte" and rutte["statements"] >= 3
    by_rutte = store.search(speaker="Mark Rutte", limit=100)
    assert len(by_rutte) == rutte["statements"]
    assert len(store.timeline("Mark Rutte", limit=2)) == 2
    doc = store.document("nato-rutte")
    assert doc["text"].startswith("NATO Chief")
    assert doc["attributions"]
    assert store.document("no-such-document") is None


def test_store_follows_quotes_across_documents(whosaid_bin, tmp_path):
    quote = "We will rebuild the harbor bridge before the winter storms arrive, whatever the cost"
    corpus = tmp_path / "q.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": i, "outlet": o, "published": d, "text": f"Bridge\n\n“{quote},” Governor Ana Ruiz said."}) + "\n"
            for i, o, d in [("a", "Wire", "2025-03-02"), ("b", "Daily", "2025-03-03")]
        )
    )
    db = tmp_path / "q.db"
    subprocess.run([whosaid_bin, "ingest", "--db", db, corpus], check=True, capture_output=True)
    store = whosaid.Store(db)
    (q,) = store.quotes("winter storms")
    assert (q["outlets"], q["first_document"], q["conflicting"]) == (2, "a", False)
    detail = store.quote(q["id"])
    assert [a["outlet"] for a in detail["appearances"]] == ["Wire", "Daily"]
    assert store.quote(-1) is None


def test_store_errors_are_store_errors(store, tmp_path):
    with pytest.raises(whosaid.StoreError, match="no speaker"):
        store.speaker("Nobody Atall")
    with pytest.raises(whosaid.StoreError):
        store.search('"unclosed')
    with pytest.raises(ValueError, match="sort"):
        store.search(sort="random")
    with pytest.raises(whosaid.StoreError, match="no such store"):
        whosaid.Store(tmp_path / "missing.db")
