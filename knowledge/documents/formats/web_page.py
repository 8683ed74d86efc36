"""A saved web page: its main content as text, without the site around it.

What goes: scripts, styles, forms' controls, navigation, the page's own header and footer
(a `<header>`/`<footer>` inside `<main>` or `<article>` stays: it holds the article's title
and date), cookie banners and dialogs, breadcrumbs, skip links, share ("Del på") widgets,
hidden elements, and elements whose class or id names such a thing. What stays is `<main>`
(or `role="main"`), else the page's one `<article>`, else the body with every block that is
mostly links (a menu, a link list: link text over 60% of three or more links) dropped.

Why lxml (`lxml.html`): libxml2's HTML parser is fast, mends the broken markup real pages
have, and gives a tree with parents and tails, which the pruning and the table grid need; it
ships wheels and is already the parser python-docx stands on, so it adds no dependency.
selectolax is faster still but gives no tail text (the text after a `<br>`) as easily, and
python-docx needs lxml anyway. trafilatura 2.3 was measured on the three sample pages in
tests/knowledge/documents/formats/pages and not taken: its URL helper (courlan) requires
babel>=2.16, which cannot be installed beside botbuilder-dialogs 4.17.1 (babel==2.9.1); it
took 6-16 ms a page against 0.4-4 ms here; and it left out an article's own footer and
read a definition list as four bullets, where this reader keeps "Mødeleder: Anne Holm".

The page's title is its first `<h1>` in what stays, else `og:title`, else `<title>` (before
a " | Site name"). Its date is the one the page states as its publication date
(`article:published_time`, Dublin Core `dcterms.date/issued/created`, JSON-LD
`datePublished`), never a modification date and never a date in the text (those belong to
the document reader: a meeting date is not the page's date).
"""

from __future__ import annotations

import json
import re
from datetime import date

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from knowledge.core.errors import CorruptDocument, EmptyDocument
from knowledge.documents.formats.html_blocks import BlockWriter, inline_text
from knowledge.documents.formats.plain import decode
from knowledge.documents.formats.source_text import Block, SourceText, render

_DROP_TAGS = {
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
    "nav", "aside", "dialog", "menu", "button", "select", "textarea", "input", "label",
    "link", "meta",
}  # fmt: skip
_DROP_ROLES = {
    "navigation", "banner", "contentinfo", "search", "complementary", "dialog",
    "alertdialog", "menu", "menubar", "toolbar", "tablist",
}  # fmt: skip
# One class or id token that names boilerplate.
_BOILERPLATE = re.compile(
    r"cookie|consent|gdpr|breadcrumb|skip|share(?!point)|social|newsletter|nyhedsbrev|"
    r"sr-only|visually-?hidden|screen-?reader|readspeaker|feedback|^nav|navbar|navigation|"
    r"menu|^footer|site-?footer|site-?header|^header$|masthead|sidebar|pagination|toolbar|"
    r"del-?p(aa|å)|back-?to-?top|til-?toppen",
    re.IGNORECASE,
)
_SKIP_LINK = re.compile(r"^\s*(spring|gå|hop|skip|jump|til)\b.*\b(indhold|content|menu|top)", re.I)
_SHARE = re.compile(r"^\s*(del|share)\b", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_DATE_METAS = (
    "article:published_time", "dcterms.date", "dcterms.issued", "dcterms.created",
    "dc.date", "dc.date.issued", "dc.date.created", "date", "pubdate", "publishdate",
    "datepublished",
)  # fmt: skip
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_CONTENT_BLOCKS = "div|section|ul|ol|table|p|dl"


def read_html(name: str, data: bytes) -> SourceText:
    text, warnings = decode(data, declared=_charset(data))
    root = _parse(name, text)
    published = _published(root)
    page_title = _page_title(root)
    _prune(root)
    content, how = _content(root)
    blocks = _blocks(root, content)
    if not blocks:
        raise EmptyDocument(name, "the page has no text once navigation and scripts are left out")
    headings = [b.text for b in blocks if b.kind == "heading" and b.level == 1]
    title = headings[0] if headings else page_title
    body, _ = render(blocks)
    return SourceText(body, "html", title, published, (), warnings + how)


def _charset(data: bytes) -> str | None:
    found = _CHARSET.search(data[:4096])
    return found.group(1).decode("ascii", errors="replace") if found else None


def _parse(name: str, text: str) -> HtmlElement:
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", text))
    except lxml.etree.ParserError:
        raise EmptyDocument(name, "the page is empty") from None
    except (lxml.etree.LxmlError, ValueError) as error:
        raise CorruptDocument(name, f"the HTML cannot be read ({error})") from None


def _metas(root: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        found.setdefault(key.strip().lower(), (meta.get("content") or "").strip())
    return found


def _published(root: HtmlElement) -> date | None:
    metas = _metas(root)
    texts = [metas[key] for key in _DATE_METAS if metas.get(key)]
    texts += _json_ld_dates(root)
    for text in texts:
        day = _iso_day(text)
        if day is not None:
            return day
    return None


def _json_ld_dates(root: HtmlElement) -> list[str]:
    found = []
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for entry in data if isinstance(data, list) else [data]:
            if isinstance(entry, dict) and isinstance(entry.get("datePublished"), str):
                found.append(entry["datePublished"])
    return found


def _iso_day(text: str) -> date | None:
    found = _ISO_DAY.match(text)
    if found is None:
        return None
    try:
        return date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None


def _page_title(root: HtmlElement) -> str | None:
    og = _metas(root).get("og:title")
    if og:
        return og
    titles = root.xpath("//title")
    if titles:
        text = inline_text(titles[0])
        text = re.split(r"\s+[|·]\s+", text)[0].strip()
        return text or None
    return None


def _tag(element: HtmlElement) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def _protected(root: HtmlElement) -> set[HtmlElement]:
    """The content elements and their ancestors, which no class name may prune."""
    keep: set[HtmlElement] = set()
    for element in root.xpath("//main | //article | //*[@role='main']"):
        keep.add(element)
        keep.update(element.iterancestors())
    return keep


def _prune(root: HtmlElement) -> None:
    keep = _protected(root)
    doomed = [
        e
        for e in root.iter()
        if not isinstance(e.tag, str) or (e not in keep and _is_boilerplate(e))
    ]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _is_boilerplate(element: HtmlElement) -> bool:
    tag = element.tag
    if tag in ("head", "title", "html", "body"):
        return False
    if tag in _DROP_TAGS or (element.get("role") or "").lower() in _DROP_ROLES:
        return True
    if tag in ("header", "footer"):
        return next(element.iterancestors("main", "article"), None) is None
    if tag == "form":
        return not element.xpath(".//p | .//table | .//h1 | .//h2 | .//h3 | .//ul | .//ol")
    return _hidden(element) or _named_boilerplate(element) or _skip_or_share(element)


def _hidden(element: HtmlElement) -> bool:
    return (
        element.get("hidden") is not None
        or (element.get("aria-hidden") or "").lower() == "true"
        or bool(_HIDDEN_STYLE.search(element.get("style") or ""))
    )


def _named_boilerplate(element: HtmlElement) -> bool:
    tokens = (element.get("class") or "").split() + (element.get("id") or "").split()
    return any(_BOILERPLATE.search(token) for token in tokens)


def _skip_or_share(element: HtmlElement) -> bool:
    text = " ".join(element.text_content().split())
    if element.tag == "a" and (element.get("href") or "").startswith("#"):
        return bool(_SKIP_LINK.match(text))
    if element.tag in ("div", "ul", "p", "section", "span") and len(text) < 120:
        return bool(_SHARE.match(text)) and element.find(".//a") is not None
    return False


def _content(root: HtmlElement) -> tuple[HtmlElement, tuple[str, ...]]:
    mains = root.xpath("//main | //*[@role='main']")
    if mains:
        return max(mains, key=_text_length), ()
    articles = root.xpath("//article")
    if len(articles) == 1:
        return articles[0], ()
    body = root.find("body")
    body = root if body is None else body
    _drop_link_blocks(body)
    return body, ("the page has no <main> or single <article>: link lists were left out",)


def _text_length(element: HtmlElement) -> int:
    return len("".join(element.text_content().split()))


def _drop_link_blocks(element: HtmlElement) -> None:
    for child in list(element):
        if not isinstance(child.tag, str):
            continue
        if re.fullmatch(_CONTENT_BLOCKS, child.tag) and _link_heavy(child):
            child.drop_tree()
        else:
            _drop_link_blocks(child)


def _link_heavy(element: HtmlElement) -> bool:
    total = _text_length(element)
    links = element.findall(".//a")
    if total == 0 or len(links) < 3:
        return False
    return sum(_text_length(link) for link in links) > 0.6 * total


def _blocks(root: HtmlElement, content: HtmlElement) -> list[Block]:
    writer = BlockWriter()
    if content.find(".//h1") is None:  # the page's heading may stand just outside <article>
        outside = root.find(".//h1")
        if outside is not None:
            writer.element(outside)
    writer.element(content)
    return writer.finish()
