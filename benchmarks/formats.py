"""How fast `read_file` turns each format into text, and how much memory it takes.

    .venv/bin/python benchmarks/formats.py [--documents 40] [--pages 100] [--compare-pypdf]

Documents are generated from the test samples (tests/knowledge/documents/formats/
documents.py: minutes of 3 to 14 agenda items, with a table every fourth item and bullets
every third, one to five pages) as .txt, .md, .html, .docx and .pdf; writing them is not
timed. Figures per format: documents per second and milliseconds per document (wall clock,
one core), pages per second for PDF, and the peak of Python allocations while reading one
document (tracemalloc, measured in a second pass so it does not slow the timing). Then one
long PDF (`--pages`) to show that memory stays flat as pages go by (each page's objects are
released once it is read). `--compare-pypdf` times pypdf's plain `extract_text` on the same
PDFs, the alternative weighed in knowledge/documents/formats/pdf.py.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the project and its test support

from knowledge.documents.formats import read_file  # noqa: E402
from tests.knowledge.documents.formats.documents import (  # noqa: E402
    Sample,
    long_minutes,
    to_docx,
    to_html,
    to_pdf,
    to_text,
)

WRITERS: dict[str, Callable[[Sample], bytes]] = {
    "txt": lambda s: to_text(s).encode(),
    "md": lambda s: to_text(s).encode(),
    "html": lambda s: to_html(s).encode(),
    "docx": to_docx,
    "pdf": to_pdf,
}


def _documents(count: int) -> list[Sample]:
    return [long_minutes(3 + n % 12) for n in range(count)]


def _time(name: str, files: list[bytes]) -> tuple[float, int]:
    pages = 0
    started = time.perf_counter()
    for data in files:
        pages += len(read_file(name, data).pages)
    return time.perf_counter() - started, pages


def _peak_kib(name: str, data: bytes) -> float:
    tracemalloc.start()
    read_file(name, data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**10


def _pypdf(files: list[bytes]) -> float:
    from pypdf import PdfReader

    started = time.perf_counter()
    for data in files:
        "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=40, help="documents per format")
    parser.add_argument("--pages", type=int, default=100, help="pages in the long PDF")
    parser.add_argument("--compare-pypdf", action="store_true")
    args = parser.parse_args(argv)
    samples = _documents(args.documents)
    read_file("warm.pdf", to_pdf(samples[0]))  # import pdfminer and python-docx once
    read_file("warm.docx", to_docx(samples[0]))
    print(f"{'format':6} {'docs':>5} {'docs/s':>8} {'ms/doc':>8} {'pages/s':>8} {'peak KiB':>9}")
    pdfs: list[bytes] = []
    for extension, write in WRITERS.items():
        files = [write(sample) for sample in samples]
        name = f"sample.{extension}"
        seconds, pages = _time(name, files)
        peak = max(_peak_kib(name, data) for data in files[:5])
        per_page = f"{pages / seconds:8.1f}" if pages else f"{'':8}"
        print(
            f"{extension:6} {len(files):5d} {len(files) / seconds:8.1f} "
            f"{1000 * seconds / len(files):8.2f} {per_page} {peak:9.0f}"
        )
        if extension == "pdf":
            pdfs = files
    if args.compare_pypdf:
        seconds = _pypdf(pdfs)
        print(f"pypdf extract_text on the same PDFs: {len(pdfs) / seconds:.1f} docs/s")
    long_pdf = to_pdf(long_minutes(args.pages * 7))  # about seven agenda items a page
    started = time.perf_counter()
    pages = len(read_file("long.pdf", long_pdf).pages)
    seconds = time.perf_counter() - started
    peak = _peak_kib("long.pdf", long_pdf) / 2**10
    print(
        f"long PDF: {pages} pages in {seconds:.2f} s ({pages / seconds:.1f} pages/s), "
        f"peak Python allocations {peak:.1f} MiB"
    )
    resident = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak resident memory: {resident:.0f} MiB")


if __name__ == "__main__":
    main()
