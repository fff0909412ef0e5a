"""Type stubs of the compiled module (see ``whosaid``'s docstrings)."""

import datetime
import os
from typing import Any, Iterable, Iterator, Mapping, Optional, Sequence, Union

import pyarrow

__version__: str

Date = Union[str, datetime.date, datetime.datetime, None]
Document = dict[str, Any]
"""The CLI's JSON document: id, url, title, byline, published, outlet,
language, text, attributions, speakers, unattributed."""

class WhosaidError(Exception):
    """Base class of whosaid's errors."""

class RecordError(WhosaidError):
    """A record that could not be read or analyzed; the message names it."""

class StoreError(WhosaidError):
    """A store that could not be opened or queried."""

def analyze(
    text: str,
    *,
    published: Date = None,
    url: Optional[str] = None,
    title: Optional[str] = None,
    id: Optional[str] = None,
    outlet: Optional[str] = None,
    max_text_bytes: int = ...,
) -> Document:
    """One article analyzed: attributions resolved to speakers, channels,
    times; the outlet's own assertions. Raises RecordError for a text over
    ``max_text_bytes`` (1 MiB)."""

def extract(text: str, *, max_text_bytes: int = ...) -> list[dict[str, Any]]:
    """Attributions alone (source, cue, content, kind), no resolution."""

class AnalyzeMany(Iterator[Document]):
    def __iter__(self) -> AnalyzeMany: ...
    def __next__(self) -> Document: ...

def analyze_many(
    items: Iterable[Union[str, Mapping[str, Any]]],
    *,
    jobs: Optional[int] = None,
    chunk_size: Optional[int] = None,
    max_text_bytes: int = ...,
) -> AnalyzeMany:
    """Documents analyzed on all cores (or ``jobs``), GIL released, yielded
    in input order; a bad item yields ``{"id", "index", "error"}``."""

class Documents(Iterator[Document]):
    def __iter__(self) -> Documents: ...
    def __next__(self) -> Document: ...

def read(
    paths: Union[str, os.PathLike[str], Sequence[Union[str, os.PathLike[str]]]],
    *,
    format: Optional[str] = None,
    on_error: str = "raise",
) -> Documents:
    """Documents of files or directories (text, HTML, JSONL, WARC, gzipped
    or not). ``on_error``: "raise" (RecordError), "warn" or "skip"."""

def analyze_arrow(
    batch: pyarrow.RecordBatch,
    *,
    text_column: str = "text",
    id_column: Optional[str] = "id",
    url_column: Optional[str] = "url",
    title_column: Optional[str] = "title",
    outlet_column: Optional[str] = "outlet",
    published_column: Optional[str] = "published",
    jobs: Optional[int] = None,
    max_text_bytes: int = ...,
) -> pyarrow.RecordBatch: ...
def statements_schema() -> pyarrow.Schema:
    """The flat statements table's schema."""

class Store:
    """A store built by ``whosaid ingest``, opened read-only."""

    def __init__(self, path: Union[str, os.PathLike[str]]) -> None: ...
    def search(
        self,
        text: str = "",
        *,
        speaker: Optional[str] = None,
        outlet: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        kind: Optional[str] = None,
        anonymous: Optional[bool] = None,
        channel: Optional[str] = None,
        said_since: Optional[str] = None,
        said_until: Optional[str] = None,
        document: Optional[str] = None,
        sort: str = "relevance",
        limit: int = 20,
        offset: int = 0,
    ) -> list[dict[str, Any]]: ...
    def speakers(
        self, *, limit: int = 50, offset: int = 0, affiliation: Optional[str] = None
    ) -> list[dict[str, Any]]: ...
    def speaker(self, name_or_id: str) -> dict[str, Any]: ...
    def timeline(
        self, name_or_id: str, *, limit: int = 50, offset: int = 0
    ) -> list[dict[str, Any]]: ...
    def document(self, id: str) -> Optional[Document]: ...
    def quotes(
        self,
        text: str = "",
        *,
        speaker: Optional[str] = None,
        outlet: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        min_documents: int = 2,
        conflicts: bool = False,
        variants: bool = False,
        limit: int = 20,
        offset: int = 0,
    ) -> list[dict[str, Any]]: ...
    def quote(self, id: int) -> Optional[dict[str, Any]]: ...
    def totals(self) -> dict[str, Any]: ...
