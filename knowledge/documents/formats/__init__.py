"""A document file's bytes as text the document reader can read: `read_file(name, data)`
returns a `SourceText` (the text with light Markdown structure, the format, a title and a
date where the format carries them, PDF page offsets, warnings), or raises an
`UnreadableFile` saying why not and what to send instead.

Formats: plain text and Markdown (`plain`: passed through, so spans are the source's own),
HTML (`web_page`, `html_blocks`: a saved web page without the site around it), Word .docx
(`word`) and PDF (`pdf`, `pdf_lines`); which one a file is comes from its content first
(`sniffing`). `source_text` holds the shared text convention and its writer.

May import: core (nothing else in documents: the document reader stands on this).
"""

from knowledge.documents.formats.reading import read_file
from knowledge.documents.formats.source_text import Format, SourceText

__all__ = ["Format", "SourceText", "read_file"]
