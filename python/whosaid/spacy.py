"""A spaCy pipeline component: whosaid's attributions on a ``Doc``.

::

    import spacy
    import whosaid.spacy  # registers the "whosaid" factory

    nlp = spacy.blank("en")          # or any pipeline
    nlp.add_pipe("whosaid")
    doc = nlp(text)
    for a in doc._.attributions:
        print(a["speaker"], a["cue"], a["content"])   # Spans, speaker name
    doc.spans["whosaid_content"]                       # every content span

whosaid works on characters, not on spaCy's tokens: its spans are mapped
onto the ``Doc``'s tokens (``alignment_mode="expand"``), so a span that ends
inside a token covers that token. The whole account is ``doc._.whosaid``.
"""

from __future__ import annotations

from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

import whosaid

__all__ = ["WhosaidComponent"]

for _name in ("attributions", "whosaid"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

ROLES = ("source", "cue", "content")


class WhosaidComponent:
    """Sets ``doc._.attributions`` (one dict per attribution: ``source``,
    ``cue``, ``content`` as lists of Spans, ``kind``, ``speaker`` name,
    ``speaker_kind``, ``channel``, ``time``), ``doc._.whosaid`` (the whole
    account, as ``whosaid.analyze`` gives it) and the span groups
    ``whosaid_source``, ``whosaid_cue``, ``whosaid_content``."""

    def __init__(self, resolve: bool = True) -> None:
        self.resolve = resolve

    def __call__(self, doc: Doc) -> Doc:
        if self.resolve:
            account = whosaid.analyze(doc.text)
        else:
            account = {"attributions": whosaid.extract(doc.text), "speakers": []}
        to_original = _offset_map(doc.text)
        groups: dict[str, list[Span]] = {role: [] for role in ROLES}
        attributions = []
        for a in account["attributions"]:
            item: dict[str, Any] = {"kind": a["kind"]}
            for role in ROLES:
                spans = []
                for part in a[role]:
                    span = doc.char_span(
                        to_original[part["start"]],
                        to_original[part["end"]],
                        label=role.upper(),
                        alignment_mode="expand",
                    )
                    if span is not None:
                        spans.append(span)
                        groups[role].append(span)
                item[role] = spans
            speaker: Optional[dict[str, Any]] = None
            if a.get("speaker") is not None:
                speaker = account["speakers"][a["speaker"]]
            item["speaker"] = speaker["name"] if speaker else None
            item["speaker_kind"] = speaker["kind"] if speaker else None
            item["channel"] = a.get("channel", [])
            item["time"] = (a.get("time") or {}).get("value")
            attributions.append(item)
        for role, spans in groups.items():
            doc.spans[f"whosaid_{role}"] = spans
        doc._.attributions = attributions
        doc._.whosaid = account
        return doc


def _offset_map(text: str) -> list[int]:
    """Offsets of whosaid's text (line ends normalized to ``\\n``) into
    ``text``: index i of the normalized text is ``map[i]`` in the original,
    with one entry past the end."""
    if "\r" not in text:
        return list(range(len(text) + 1))
    out = []
    i = 0
    while i < len(text):
        out.append(i)
        i += 2 if text.startswith("\r\n", i) else 1
    out.append(len(text))
    return out


@Language.factory("whosaid", default_config={"resolve": True})
def make_whosaid(nlp: Language, name: str, resolve: bool) -> WhosaidComponent:
    """The ``whosaid`` factory: ``nlp.add_pipe("whosaid")``, or
    ``config={"resolve": False}`` for attributions without speakers."""
    return WhosaidComponent(resolve=resolve)
