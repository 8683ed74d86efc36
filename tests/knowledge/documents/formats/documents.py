"""Documents built at run time from our own sample text, as .txt, .html, .docx and .pdf,
for the format tests and benchmarks/formats.py. A `Sample` is a list of blocks:
("title", text), ("heading", text), ("paragraph", text), ("bullets", [items]),
("numbers", [items]), ("table", [[cells]])."""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Sequence
from typing import Any

import docx
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

Block = tuple[str, Any]
Sample = Sequence[Block]

MINUTES: Sample = (
    ("title", "Referat af møde i Klyngestyregruppe Vest"),
    ("paragraph", "Mødet blev holdt tirsdag den 5. marts 2024 kl. 13.00 i Sundhedshuset."),
    ("heading", "1. Godkendelse af dagsorden"),
    ("paragraph", "Dagsordenen blev godkendt. Formanden bød velkommen til to nye medlemmer."),
    ("heading", "2. Status på fælles indsatser"),
    (
        "paragraph",
        "Sekretariatet gennemgik klyngens indsatser for borgere med kronisk sygdom. "
        "IV-behandling i eget hjem fortsætter, og de fælles akutteams er nu i drift i "
        "alle kommuner i klyngen. Der blev spurgt til bemandingen i sommerperioden.",
    ),
    (
        "table",
        [
            ["Indsats", "Status", "Ansvarlig"],
            ["Tidlig opsporing", "I gang", "Kommunerne"],
            ["Fælles akutteam", "Afsluttet", "Regionen"],
        ],
    ),
    ("heading", "3. Beslutninger"),
    ("bullets", ["Styregruppen tog status til efterretning.", "Næste møde er 4. juni 2024."]),
    ("numbers", ["Sekretariatet følger op på bemandingen.", "Økonomien drøftes i juni."]),
)


def to_text(sample: Sample) -> str:
    lines: list[str] = []
    for kind, value in sample:
        if kind in ("title", "heading"):
            lines.append(("# " if kind == "title" else "## ") + value)
        elif kind == "paragraph":
            lines.append(value)
        elif kind == "bullets":
            lines.append("\n".join(f"- {item}" for item in value))
        elif kind == "numbers":
            lines.append("\n".join(f"{n}. {item}" for n, item in enumerate(value, 1)))
        elif kind == "table":
            lines.append("\n".join(" | ".join(row) for row in value))
    return "\n\n".join(lines) + "\n"


def to_html(sample: Sample) -> str:
    parts = ["<!DOCTYPE html><html><head><title>Side</title></head><body>"]
    parts.append('<nav><a href="/">Forside</a> <a href="/om">Om</a></nav><main>')
    for kind, value in sample:
        if kind in ("title", "heading"):
            tag = "h1" if kind == "title" else "h2"
            parts.append(f"<{tag}>{html.escape(value)}</{tag}>")
        elif kind == "paragraph":
            parts.append(f"<p>{html.escape(value)}</p>")
        elif kind in ("bullets", "numbers"):
            tag = "ul" if kind == "bullets" else "ol"
            items = "".join(f"<li>{html.escape(item)}</li>" for item in value)
            parts.append(f"<{tag}>{items}</{tag}>")
        elif kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                for row in value
            )
            parts.append(f"<table>{rows}</table>")
    parts.append("</main><footer>Region Eksempel</footer></body></html>")
    return "\n".join(parts)


_WORD_STYLES = {"title": "Title", "heading": "Heading 1", "paragraph": None}


def to_docx(sample: Sample) -> bytes:
    def build(document: Document) -> None:
        for kind, value in sample:
            if kind in _WORD_STYLES:
                document.add_paragraph(value, style=_WORD_STYLES[kind])
            elif kind in ("bullets", "numbers"):
                style = "List Bullet" if kind == "bullets" else "List Number"
                for item in value:
                    document.add_paragraph(item, style=style)
            elif kind == "table":
                table = document.add_table(rows=len(value), cols=len(value[0]))
                for r, row in enumerate(value):
                    for c, cell in enumerate(row):
                        table.cell(r, c).text = cell
        document.sections[0].header.paragraphs[0].text = "Klyngestyregruppe Vest"

    return word(build)


def to_pdf(sample: Sample, *, header: str | None = "Klyngestyregruppe Vest · Referat") -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (
        ListFlowable,
        Paragraph,
        SimpleDocTemplate,
        Table,
        TableStyle,
    )

    styles = getSampleStyleSheet()
    story: list[Any] = []
    for kind, value in sample:
        if kind in ("title", "heading"):
            style = styles["Title"] if kind == "title" else styles["Heading2"]
            story.append(Paragraph(html.escape(value), style))
        elif kind == "paragraph":
            story.append(Paragraph(html.escape(value), styles["BodyText"]))
        elif kind in ("bullets", "numbers"):
            items = [Paragraph(html.escape(item), styles["BodyText"]) for item in value]
            kwargs = {"bulletType": "bullet", "start": "•"} if kind == "bullets" else {}
            kwargs = kwargs or {"bulletFormat": "%s."}
            story.append(ListFlowable(items, **kwargs))
        elif kind == "table":
            table = Table(value)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            story.append(table)

    def page_furniture(canvas: Any, document: Any) -> None:
        canvas.setFont("Helvetica", 8)
        if header:
            canvas.drawString(72, A4[1] - 40, header)
        canvas.drawString(A4[0] - 110, 30, f"Side {document.page}")

    buffer = io.BytesIO()
    template = SimpleDocTemplate(buffer, pagesize=A4, title="Referat (PDF)")
    template.build(story, onFirstPage=page_furniture, onLaterPages=page_furniture)
    return buffer.getvalue()


def word(build: Callable[[Document], None]) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def set_outline_level(paragraph: Any, level: int) -> None:
    """Give a paragraph an outline level (0-based), as Word's paragraph dialog does."""
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    paragraph._p.get_or_add_pPr().append(outline)


def tracked_change(paragraph: Any, text: str, *, deleted: bool) -> None:
    """Append a tracked insertion (or deletion) of `text` to the paragraph."""
    change = OxmlElement("w:del" if deleted else "w:ins")
    for name, value in (("w:id", "1"), ("w:author", "Test"), ("w:date", "2024-01-01T00:00:00Z")):
        change.set(qn(name), value)
    run = OxmlElement("w:r")
    piece = OxmlElement("w:delText" if deleted else "w:t")
    piece.text = text
    piece.set(qn("xml:space"), "preserve")
    run.append(piece)
    change.append(run)
    paragraph._p.append(change)


def long_minutes(items: int) -> Sample:
    """Minutes with `items` agenda items, long enough to run over several pages."""
    blocks: list[Block] = [("title", "Referat af møde i Sundhedsforum Nord")]
    topics = ["genoptræning", "akutfunktioner", "sundhedsfremme", "psykiatri", "rehabilitering"]
    for n in range(1, items + 1):
        topic = topics[n % len(topics)]
        blocks.append(("heading", f"{n}. Opfølgning på {topic}"))
        blocks.append(
            (
                "paragraph",
                f"Forummet drøftede status for {topic} i klyngen. Arbejdsgruppen fremlagde "
                f"et notat om erfaringerne fra det første år, og der var enighed om at "
                f"fortsætte indsatsen med de samme parter. Punkt {n} blev afsluttet med en "
                f"kort drøftelse af tidsplanen for det videre arbejde.",
            )
        )
        if n % 4 == 0:
            blocks.append(("table", [["Indsats", "Status"], [topic.capitalize(), "I gang"]]))
        if n % 3 == 0:
            blocks.append(
                ("bullets", [f"Sekretariatet følger op på {topic}.", "Sagen tages op igen."])
            )
    return tuple(blocks)


def drawn_pdf(pages: Sequence[Sequence[str]], *, size: float = 11, image: bool = False) -> bytes:
    """A PDF with exactly these lines on each page (no wrapping), 1.2 x size apart; a line
    "## text" is set at twice the size. With `image`, each page holds only a picture."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for lines in pages:
        y = A4[1] - 90
        if image:
            canvas.drawImage(ImageReader(_picture()), 72, 400, width=300, height=200)
        for line in lines:
            big = line.startswith("## ")
            canvas.setFont("Helvetica-Bold" if big else "Helvetica", size * 2 if big else size)
            y -= size * (2.4 if big else 1.2)
            canvas.drawString(72, y, line.removeprefix("## "))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _picture() -> io.BytesIO:
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (300, 200), "white")
    ImageDraw.Draw(picture).text((20, 90), "Scannet side", fill="black")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    buffer.seek(0)
    return buffer


def encrypted(pdf: bytes, *, user_password: str, owner_password: str = "ejer") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def plain_to_docx(text: str) -> bytes:
    """A plain text as Word paragraphs (one per block between blank lines, its lines kept
    as line breaks), for reading back texts we did not write without committing them."""

    def build(document: Document) -> None:
        for block in _plain_blocks(text):
            paragraph = document.add_paragraph()
            for n, line in enumerate(block):
                if n:
                    paragraph.add_run().add_break()
                paragraph.add_run(line)

    return word(build)


def plain_to_pdf(text: str) -> bytes:
    """The same as `plain_to_docx`, as a PDF in Helvetica (so only Windows-1252 letters)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"]
    style.splitLongWords = False  # a long address runs into the margin instead of breaking
    story = [
        Paragraph("<br/>".join(html.escape(line) for line in block), style)
        for block in _plain_blocks(pdf_safe(text))
    ]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def pdf_safe(text: str) -> str:
    """The text without the characters reportlab's standard fonts cannot draw."""
    return "".join(c for c in text if c == "\n" or (c.isprintable() and _in_cp1252(c)))


def _in_cp1252(character: str) -> bool:
    try:
        character.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _plain_blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]
