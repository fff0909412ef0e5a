"""whosaid: who said what, when, through whom — and what the outlet asserts
on its own.

A Rust engine for attributions in news text, for Python::

    >>> import whosaid
    >>> doc = whosaid.analyze("“We will try again,” Jane Roe said on Friday.",
    ...                       published="2024-05-03")
    >>> a = doc["attributions"][0]
    >>> doc["speakers"][a["speaker"]]["name"], a["cue"][0]["text"], a["time"]["value"]
    ('Jane Roe', 'said', '2024-05-03')

- :func:`analyze` one text, :func:`extract` attributions alone,
  :func:`analyze_many` an iterable on all cores (GIL released, input order),
- :func:`read` the files the CLI reads (text, HTML, JSONL, WARC),
- :func:`analyze_arrow` Arrow in, flat statements out (``statements_schema()``),
  the table ``whosaid extract --format parquet`` writes,
- :class:`Store` a store built by ``whosaid ingest``,
- :mod:`whosaid.spark` for PySpark's ``mapInArrow``, :mod:`whosaid.spacy` a
  spaCy pipeline component.

Offsets are code points, i.e. Python string indices into the returned
``text`` (the input with line ends normalized to ``\\n``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Union

from ._whosaid import (
    RecordError,
    Store,
    StoreError,
    WhosaidError,
    __version__,
    analyze,
    analyze_many,
    extract,
    read,
    statements_schema,
)
from ._whosaid import analyze_arrow as _analyze_arrow

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "RecordError",
    "Store",
    "StoreError",
    "WhosaidError",
    "__version__",
    "analyze",
    "analyze_arrow",
    "analyze_many",
    "extract",
    "read",
    "statements_schema",
]


def analyze_arrow(
    data: Union["pyarrow.RecordBatch", "pyarrow.Table"],
    *,
    text_column: str = "text",
    id_column: Optional[str] = "id",
    url_column: Optional[str] = "url",
    title_column: Optional[str] = "title",
    outlet_column: Optional[str] = "outlet",
    published_column: Optional[str] = "published",
    jobs: Optional[int] = None,
    max_text_bytes: int = 1 << 20,
) -> Any:
    """Statements of the documents in ``data``, one row each, as Arrow.

    ``data`` is a ``pyarrow.RecordBatch`` (a ``RecordBatch`` comes back) or
    a ``pyarrow.Table`` (a ``Table`` comes back, batch by batch). One row
    per document: text in ``text_column``; ``id``, ``url``, ``title``,
    ``outlet`` and ``published`` read when present. The result has
    ``statements_schema()``; a document that cannot be analyzed is one row
    with its id and the reason in ``error``.
    """
    options = dict(
        text_column=text_column,
        id_column=id_column,
        url_column=url_column,
        title_column=title_column,
        outlet_column=outlet_column,
        published_column=published_column,
        jobs=jobs,
        max_text_bytes=max_text_bytes,
    )
    import pyarrow as pa

    if isinstance(data, pa.Table):
        batches = [_analyze_arrow(b, **options) for b in data.to_batches()]
        return pa.Table.from_batches(batches, schema=statements_schema())
    return _analyze_arrow(data, **options)
