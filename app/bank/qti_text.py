"""Flattening QTI's XHTML content into the plain text a paper item carries.

Paragraphs and line breaks are kept as new lines, runs of spaces collapse, images and media are
noted in brackets (their alt text or file name), formulas give their alt text. Feedback, rubric
blocks and other content meant for scorers or for after the answer never reach the stem.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from app.bank.qti_xml import attr, name

BLOCKS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
          "pre", "table", "tr", "caption", "figure", "figcaption", "section", "article", "aside", "header",
          "footer", "hr", "address", "prompt", "simpleChoice", "itemBody", "choiceInteraction"}
HIDDEN = {"feedbackInline", "feedbackBlock", "modalFeedback", "rubricBlock", "templateBlock", "templateInline",
          "printedVariable", "stylesheet", "catalogInfo", "companionMaterialsInfo", "script", "style", "rp"}
_SPACES = re.compile(r"[ \t\r\n\u00a0\u3000]+")


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []

    def text(self, value: str | None) -> None:
        if value:
            self.current.append(value)

    def newline(self) -> None:
        line = _SPACES.sub(" ", "".join(self.current)).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def result(self) -> str:
        self.newline()
        return "\n".join(self.lines)


def _media_note(element: ET.Element, kind: str) -> str:
    label = attr(element, "alt") or attr(element, "title") or ""
    source = attr(element, "src") or attr(element, "data") or ""
    shown = label or source.rsplit("/", 1)[-1]
    return f"[{kind}: {shown}]" if shown else f"[{kind}]"


def _walk(element: ET.Element, out: _Writer, skip: set[int]) -> None:
    tag = name(element)
    if id(element) in skip or tag in HIDDEN or not tag:
        out.text(element.tail)
        return
    block = tag in BLOCKS
    if block:
        out.newline()
    if tag == "br":
        out.newline()
    elif tag == "img":
        out.text(_media_note(element, "image"))
    elif tag in ("object", "video", "audio"):
        out.text(_media_note(element, "media"))
    elif tag == "rt":
        out.text("(" + " ".join("".join(element.itertext()).split()) + ")")
    elif tag == "math":
        out.text(f"[{attr(element, 'alttext')}]" if attr(element, "alttext") else
                 "[formula: " + " ".join("".join(element.itertext()).split()) + "]")
    else:
        out.text(element.text)
        for node in element:
            _walk(node, out, skip)
    if block:
        out.newline()
    out.text(element.tail)


def flatten(element: ET.Element, *, leave_out: tuple[ET.Element, ...] = ()) -> str:
    """The text of `element` without its tail; `leave_out` elements are dropped (with their content)."""
    out = _Writer()
    skip = {id(node) for node in leave_out}
    tail, element.tail = element.tail, None
    try:
        _walk(element, out, skip)
    finally:
        element.tail = tail
    return out.result()


def flatten_many(elements, *, leave_out: tuple[ET.Element, ...] = ()) -> str:
    parts = [flatten(element, leave_out=leave_out) for element in elements]
    return "\n".join(part for part in parts if part)
