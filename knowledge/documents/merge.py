"""A precise shape reader's records merged with the general reader's.

The precise reader knows its layout better: for the same item or meeting its record wins.
The general reader adds what the shape does not read: the sections, the bodies and their
members, and the items and meetings the shape's rules leave out.
"""

from __future__ import annotations

from dataclasses import replace

from knowledge.documents.records import ParsedDocument


def merged(precise: ParsedDocument, general: ParsedDocument) -> ParsedDocument:
    """`precise` with the sections, bodies, format and source of `general`."""
    return replace(
        precise,
        sections=general.sections,
        bodies=general.bodies,
        format=general.format,
        source_url=general.source_url,
    )
