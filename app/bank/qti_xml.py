"""Reading QTI XML safely, and one vocabulary for QTI 2.x (camelCase) and 3.0 (qti-kebab-case).

The standard library's parser is used with defusedxml's care: a document that carries a DOCTYPE
is refused before any tree is built, so no entity can be declared (billion laughs, quadratic
blow-up) and no external entity or DTD is ever fetched. Sizes are capped by the caller.

QTI 3.0 renamed the elements (`qti-choice-interaction`) and attributes (`response-identifier`) of
2.x (`choiceInteraction`, `responseIdentifier`); `name()` and `attr()` read both spellings, so the
rest of the importer is written once, in the 2.x vocabulary.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from xml.parsers import expat

from app.errors import KnownError
from app.i18n import tr

NAMESPACES = {
    "http://www.imsglobal.org/xsd/imsqti_v2p0": "2.0",
    "http://www.imsglobal.org/xsd/imsqti_v2p1": "2.1",
    "http://www.imsglobal.org/xsd/imsqti_v2p2": "2.2",
    "http://www.imsglobal.org/xsd/imsqtiasi_v3p0": "3.0",
}
MAX_XML_BYTES = 8 << 20


class UnsafeXml(KnownError):
    code = "unsafe_xml"


class _Refused(Exception):
    pass


def _refuse(*_args) -> None:
    raise _Refused()


def parse_xml(data: bytes, where: str) -> ET.Element:
    """The root element of `data`; DTDs, entity declarations and oversized documents are refused."""
    if len(data) > MAX_XML_BYTES:
        raise UnsafeXml(tr("{file} is larger than a QTI item may be ({limit} MiB).", file=where,
                           limit=MAX_XML_BYTES >> 20))
    guard = expat.ParserCreate()
    guard.StartDoctypeDeclHandler = _refuse
    guard.EntityDeclHandler = _refuse
    guard.UnparsedEntityDeclHandler = _refuse
    guard.ExternalEntityRefHandler = _refuse
    try:
        guard.Parse(data, True)
    except _Refused:
        raise UnsafeXml(tr("{file} declares a DTD or entities; such XML is refused because it can "
                           "expand without limit or read other files.", file=where)) from None
    except expat.ExpatError as exc:
        raise KnownError(tr("{file} is not well-formed XML: {detail}", file=where, detail=str(exc)),
                         code="bad_xml") from None
    return ET.fromstring(data)


def namespace(element: ET.Element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _camel(kebab: str) -> str:
    head, *rest = kebab.split("-")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def name(element: ET.Element) -> str:
    """The element's local name in the QTI 2.x spelling ("qti-simple-choice" -> "simpleChoice")."""
    if not isinstance(element.tag, str):
        return ""  # comments and processing instructions
    local = element.tag.rsplit("}", 1)[-1]
    return _camel(local[4:]) if local.startswith("qti-") else local


def _kebab(camel: str) -> str:
    return "".join(f"-{c.lower()}" if c.isupper() else c for c in camel)


def attr(element: ET.Element, camel: str, default: str | None = None) -> str | None:
    """An attribute read in either spelling: attr(e, "responseIdentifier") finds response-identifier."""
    value = element.get(camel)
    if value is None:
        value = element.get(_kebab(camel))
    return default if value is None else value.strip()


def children(element: ET.Element, wanted: str) -> list[ET.Element]:
    return [child for child in element if name(child) == wanted]


def child(element: ET.Element, wanted: str) -> ET.Element | None:
    found = children(element, wanted)
    return found[0] if found else None


def descendants(element: ET.Element, wanted: str) -> list[ET.Element]:
    return [node for node in element.iter() if name(node) == wanted]
