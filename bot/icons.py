"""The Teams app icons, drawn in code: no image library, no binary files in the repository.

Teams wants a full-colour icon of 192x192 and an outline icon of 32x32 that is white on a
transparent background. Both show the same mark, three linked nodes (a cluster of
partners), drawn with signed distances so the edges are smooth at any size. `png` is a
minimal PNG encoder: 8-bit RGBA, filter 0 on every row, one zlib stream.
"""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Callable, Iterator

Rgba = tuple[int, int, int, int]
ACCENT = (0x1F, 0x6E, 0x8C)  # the manifest's accentColor, #1F6E8C
WHITE = (255, 255, 255)

# The mark in unit coordinates (0..1): three nodes and the links between them.
_NODES = ((0.5, 0.27), (0.27, 0.7), (0.73, 0.7))
_NODE_RADIUS = 0.12
_LINK_WIDTH = 0.055


def png(width: int, height: int, pixels: Callable[[int, int], Rgba]) -> bytes:
    """An RGBA PNG whose pixel (x, y) is `pixels(x, y)`."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixels(x, y)) for x in range(width)) for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8 bit, RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows, 9))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data)
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def color_icon(size: int = 192) -> bytes:
    """The accent colour edge to edge, with the mark in white."""

    def pixel(x: int, y: int) -> Rgba:
        cover = _coverage(x, y, size)
        r, g, b = (round(c + (w - c) * cover) for c, w in zip(ACCENT, WHITE, strict=True))
        return (r, g, b, 255)

    return png(size, size, pixel)


def outline_icon(size: int = 32) -> bytes:
    """The mark in white on a transparent background; only alpha varies."""
    return png(size, size, lambda x, y: (*WHITE, round(255 * _coverage(x, y, size))))


def _coverage(x: int, y: int, size: int) -> float:
    """How much of pixel (x, y) the mark covers, from 0 to 1 (a one-pixel soft edge)."""
    distance = _mark_distance((x + 0.5) / size, (y + 0.5) / size) * size
    return min(1.0, max(0.0, 0.5 - distance))


def _mark_distance(u: float, v: float) -> float:
    """Signed distance from (u, v) to the mark, negative inside."""
    nodes = (math.dist((u, v), node) - _NODE_RADIUS for node in _NODES)
    links = (_segment_distance((u, v), a, b) - _LINK_WIDTH / 2 for a, b in _links())
    return min(*nodes, *links)


def _links() -> Iterator[tuple[tuple[float, float], tuple[float, float]]]:
    for i, a in enumerate(_NODES):
        for b in _NODES[i + 1 :]:
            yield a, b


def _segment_distance(
    p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]
) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.dist(p, (ax + t * dx, ay + t * dy))
