"""QTI import on items we write ourselves: every version, both templates, inline forms, true/false,
skipped items with their reasons, hostile XML, and content packages (zip-slip refused)."""

from __future__ import annotations

import io
import stat
import zipfile
from decimal import Decimal

import pytest

from app.bank.qti import import_qti, parse_item
from app.bank.qti_convert import paper_file_json, to_paper
from app.bank.qti_scoring import Unsupported
from app.bank.qti_xml import UnsafeXml, parse_xml
from app.domain.canonical import canonical_json
from app.domain.paper import ItemKind
from app.errors import KnownError
from app.package.fields import Fields, parse_json
from app.package.work_codec import paper_from_json

NS = {"2.1": "http://www.imsglobal.org/xsd/imsqti_v2p1", "2.2": "http://www.imsglobal.org/xsd/imsqti_v2p2",
      "3.0": "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"}
TEMPLATE = {"2.1": "http://www.imsglobal.org/question/qti_v2p1/rptemplates/{}",
            "2.2": "http://www.imsglobal.org/question/qti_v2p2/rptemplates/{}.xml",
            "3.0": "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/{}.xml"}
VERSIONS = tuple(NS)


def _tag(version: str, camel: str) -> str:
    if version != "3.0":
        return camel
    return "qti-" + "".join(f"-{c.lower()}" if c.isupper() else c for c in camel)


def _attr(version: str, camel: str) -> str:
    return _tag(version, camel)[4:] if version == "3.0" else camel


def item_xml(version="2.1", *, identifier="ITEM-1", stem="<p>What is 2 + 2?</p>",
             choices=(("c1", "3"), ("c2", "4"), ("c3", "5")), correct=("c2",), cardinality="single",
             template="match_correct", mapping=None, normal_maximum=None, processing=None, max_choices=None,
             outcomes="", response="RESPONSE") -> bytes:
    t = lambda name: _tag(version, name)  # noqa: E731
    a = lambda name: _attr(version, name)  # noqa: E731
    values = "".join(f"<{t('value')}>{c}</{t('value')}>" for c in correct)
    correct_block = f"<{t('correctResponse')}>{values}</{t('correctResponse')}>" if correct else ""
    mapping_block = ""
    if mapping is not None:
        entries, bounds = mapping
        entry_xml = "".join(f'<{t("mapEntry")} {a("mapKey")}="{k}" {a("mappedValue")}="{v}"/>' for k, v in entries)
        bound_xml = " ".join(f'{a(key)}="{value}"' for key, value in bounds.items())
        mapping_block = f"<{t('mapping')} {bound_xml}>{entry_xml}</{t('mapping')}>"
    normal = f' {a("normalMaximum")}="{normal_maximum}"' if normal_maximum is not None else ""
    choice_xml = "".join(f'<{t("simpleChoice")} identifier="{c}">{text}</{t("simpleChoice")}>' for c, text in choices)
    most = max_choices if max_choices is not None else (1 if cardinality == "single" else 0)
    if processing is None:
        processing = f'<{t("responseProcessing")} template="{TEMPLATE[version].format(template)}"/>'
    body = "itemBody" if version != "3.0" else "qti-item-body"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<{t('assessmentItem')} xmlns="{NS[version]}" identifier="{identifier}" title="T {identifier}" adaptive="false"
    {a('timeDependent')}="false">
  <{t('responseDeclaration')} identifier="{response}" cardinality="{cardinality}" {a('baseType')}="identifier">
    {correct_block}{mapping_block}
  </{t('responseDeclaration')}>
  <{t('outcomeDeclaration')} identifier="SCORE" cardinality="single" {a('baseType')}="float"{normal}/>
  {outcomes}
  <{body}>{stem}
    <{t('choiceInteraction')} {a('responseIdentifier')}="{response}" {a('maxChoices')}="{most}">
      <{t('prompt')}>Choose.</{t('prompt')}>{choice_xml}
    </{t('choiceInteraction')}>
  </{body}>
  {processing}
</{t('assessmentItem')}>""".encode()


def parsed(data: bytes):
    return parse_item(parse_xml(data, "item.xml"), "item.xml")


@pytest.mark.parametrize("version", VERSIONS)
def test_match_correct_single_in_every_version(version):
    item = parsed(item_xml(version))
    assert item.version == version and item.kind is ItemKind.SINGLE
    assert item.to_json() == {"identifier": "ITEM-1", "type": "single", "choices": ["c1", "c2", "c3"],
                              "correct": ["c2"], "max_score": 1}
    assert item.stem == "What is 2 + 2?\nChoose." and [text for _, text in item.choices] == ["3", "4", "5"]
    assert item.score(["c2"]) == 1 and item.score(["c1"]) == 0 and item.score([]) == 0


@pytest.mark.parametrize("version", VERSIONS)
def test_match_correct_takes_normal_maximum_and_multiple_needs_the_exact_set(version):
    item = parsed(item_xml(version, cardinality="multiple", correct=("c1", "c3"), normal_maximum="2.5"))
    assert item.kind is ItemKind.MULTIPLE and item.correct == ("c1", "c3") and item.max_score == Decimal("2.5")
    assert item.score(["c3", "c1"]) == Decimal("2.5")
    assert item.score(["c1"]) == 0 and item.score(["c1", "c2", "c3"]) == 0


@pytest.mark.parametrize("version", VERSIONS)
def test_map_response_sums_clamps_and_uses_the_default(version):
    mapping = ((("c1", "1"), ("c2", "1.5"), ("c3", "-2")), {"lowerBound": "0", "upperBound": "2", "defaultValue": "-0.5"})
    choices = (("c1", "a"), ("c2", "b"), ("c3", "c"), ("c4", "d"))
    item = parsed(item_xml(version, cardinality="multiple", choices=choices, correct=("c1", "c2"),
                           template="map_response", mapping=mapping))
    assert item.scoring.template == "map_response"
    assert item.max_score == 2  # 1 + 1.5 clamped to the upper bound
    assert item.score(["c1"]) == 1 and item.score(["c1", "c4"]) == Decimal("0.5")
    assert item.score(["c3"]) == 0  # -2 clamped to the lower bound
    assert item.score(["c1", "c1"]) == 1  # each choice counts once
    assert item.to_json()["correct"] == ["c1", "c2"]


def test_map_response_without_a_correct_response_derives_the_best_one():
    mapping = ((("A", "2"), ("B", "1"), ("C", "-1")), {})
    item = parsed(item_xml("2.2", cardinality="multiple", choices=(("A", "x"), ("B", "y"), ("C", "z")), correct=(),
                           template="map_response", mapping=mapping, max_choices=2))
    assert item.max_score == 3 and item.correct == ("A", "B")


def test_map_response_single_cardinality_and_unbounded_mapping():
    mapping = ((("c1", "0.5"), ("c2", "3")), {"defaultValue": "0"})
    item = parsed(item_xml("3.0", template="map_response", mapping=mapping))
    assert item.kind is ItemKind.SINGLE and item.max_score == 3 and item.score(["c1"]) == Decimal("0.5")


@pytest.mark.parametrize("texts, keys", [
    (("True", "False"), ("T", "F")), (("正确", "错误"), ("T", "F")), (("错", "对"), ("F", "T")),
    (("Yes.", "No."), ("T", "F")),
])
def test_true_false_items_are_recognised_by_their_choices(texts, keys):
    item = parsed(item_xml("2.1", choices=(("x", texts[0]), ("y", texts[1])), correct=("y",)))
    assert item.kind is ItemKind.TRUE_FALSE and item.to_json()["type"] == "truefalse"
    paper, converted, refused = to_paper([item], code="P1", title="t", duration_minutes=10)
    assert not refused and [c.key for c in paper.items[0].choices] == list(keys)
    assert paper.items[0].correct == (keys[1],) and converted[0].keys == {"x": keys[0], "y": keys[1]}


def test_two_choices_that_are_not_true_false_stay_single():
    assert parsed(item_xml(choices=(("a", "Red"), ("b", "Blue")), correct=("a",))).kind is ItemKind.SINGLE


INLINE_MATCH = """<responseProcessing><responseCondition>
  <responseIf><isNull><variable identifier="RESPONSE"/></isNull>
    <setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">empty</baseValue></setOutcomeValue></responseIf>
  <responseElseIf><match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>
    <setOutcomeValue identifier="SCORE"><sum><variable identifier="SCORE"/><variable identifier="MAXSCORE"/></sum>
    </setOutcomeValue></responseElseIf>
  <responseElse><setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">no</baseValue>
    </setOutcomeValue></responseElse>
</responseCondition></responseProcessing>"""
MAXSCORE = ('<outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float">'
            '<defaultValue><value>4</value></defaultValue></outcomeDeclaration>'
            '<outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>')
INLINE_MAP = """<responseProcessing><responseCondition>
  <responseIf><isNull><variable identifier="RESPONSE"/></isNull>
    <setOutcomeValue identifier="SCORE"><baseValue baseType="float">0</baseValue></setOutcomeValue></responseIf>
  <responseElse><setOutcomeValue identifier="SCORE"><mapResponse identifier="RESPONSE"/></setOutcomeValue>
  </responseElse></responseCondition></responseProcessing>"""
CUSTOM = """<responseProcessing><responseCondition>
  <responseIf><match><variable identifier="RESPONSE"/><baseValue baseType="identifier">c1</baseValue></match>
    <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue></responseIf>
</responseCondition></responseProcessing>"""


def test_inline_forms_of_the_templates_are_recognised():
    item = parsed(item_xml("2.2", processing=INLINE_MATCH, outcomes=MAXSCORE))
    assert item.scoring.template == "match_correct" and item.max_score == 4
    mapping = ((("c1", "1"), ("c2", "2")), {})
    item = parsed(item_xml("2.1", processing=INLINE_MAP, template="map_response", mapping=mapping))
    assert item.scoring.template == "map_response" and item.max_score == 2


@pytest.mark.parametrize("change, reason", [
    (dict(processing=CUSTOM), "custom response processing"),
    (dict(processing=""), "no response processing"),
    (dict(template="map_response_point"), "map_response_point"),
    (dict(template="something_else"), "not supported"),
    (dict(cardinality="ordered"), "ordered cardinality"),
    (dict(correct=()), "needs a correct response"),
    (dict(correct=("zz",)), "a choice the item does not have"),
    (dict(template="map_response"), "needs a mapping"),
    (dict(response="ANSWER"), "scores RESPONSE"),
    (dict(choices=(("a", "x"), ("a", "y"))), "repeated"),
])
def test_unsupported_items_name_their_reason(change, reason):
    with pytest.raises(Unsupported, match=reason):
        parsed(item_xml("2.1", **change))


def test_other_interactions_are_skipped_with_their_name(tmp_path):
    text_entry = item_xml("3.0").replace(b"qti-choice-interaction", b"qti-text-entry-interaction")
    (tmp_path / "a.xml").write_bytes(text_entry)
    (tmp_path / "b.xml").write_bytes(item_xml("2.2", identifier="OK"))
    (tmp_path / "test.xml").write_bytes(b'<assessmentTest xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1"/>')
    result = import_qti(tmp_path)
    assert [i.identifier for i in result.items] == ["OK"] and result.files == 3 and result.not_items == ["test.xml"]
    assert len(result.skipped) == 1 and "textEntryInteraction is not a choiceInteraction" in result.skipped[0].reason


def test_stem_keeps_paragraphs_and_notes_images():
    stem = '<p>Look at <b>this</b>\n   circuit:</p><p><img src="img/c1.png" alt="circuit"/><br/>Line two</p>' \
           '<feedbackInline outcomeIdentifier="F" identifier="x" showHide="show">secret</feedbackInline>'
    item = parsed(item_xml("2.1", stem=stem))
    assert item.stem == "Look at this circuit:\n[image: circuit]\nLine two\nChoose."


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="x">&lol3;</assessmentItem>"""
EXTERNAL = b"""<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="x">&e;</assessmentItem>"""


@pytest.mark.parametrize("hostile", [BILLION_LAUGHS, EXTERNAL, b'<?xml version="1.0"?><!DOCTYPE a SYSTEM "x.dtd"><a/>'])
def test_hostile_xml_is_refused_with_a_clear_message(hostile, tmp_path):
    with pytest.raises(UnsafeXml, match="DTD or entities"):
        parse_xml(hostile, "evil.xml")
    (tmp_path / "evil.xml").write_bytes(hostile)
    with pytest.raises(KnownError, match="DTD or entities"):
        import_qti(tmp_path / "evil.xml")
    (tmp_path / "good.xml").write_bytes(item_xml())
    result = import_qti(tmp_path)  # in a folder, the hostile file is one skipped entry
    assert len(result.items) == 1 and "DTD" in result.skipped[0].reason


def test_broken_xml_is_an_unreadable_input(tmp_path):
    (tmp_path / "broken.xml").write_bytes(b"<assessmentItem")
    with pytest.raises(KnownError, match="not well-formed"):
        import_qti(tmp_path / "broken.xml")


def manifest(*hrefs: str) -> bytes:
    resources = "".join(f'<resource identifier="r{i}" type="imsqti_item_xmlv3p0" href="{h}"/>' for i, h in enumerate(hrefs))
    return (f'<manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="m">'
            f'<resources>{resources}<resource identifier="t" type="imsqti_test_xmlv3p0" href="test.xml"/>'
            f'</resources></manifest>').encode()


def make_zip(path, members: dict[str, bytes], symlinks=()):
    with zipfile.ZipFile(path, "w") as archive:
        for member, data in members.items():
            info = zipfile.ZipInfo(member)
            if member in symlinks:
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, data)
    return path


def test_content_package_reads_the_items_its_manifest_lists(tmp_path):
    package = make_zip(tmp_path / "p.zip", {
        "imsmanifest.xml": manifest("items/one.xml", "items/two.xml", "items/missing.xml", "../outside.xml"),
        "items/one.xml": item_xml("3.0", identifier="ONE"), "items/two.xml": item_xml("3.0", identifier="TWO"),
        "test.xml": b"<x/>"})
    result = import_qti(package)
    assert [i.identifier for i in result.items] == ["ONE", "TWO"]
    reasons = sorted(s.reason for s in result.skipped)
    assert any("does not hold it" in r for r in reasons) and any("leaves the package" in r for r in reasons)


@pytest.mark.parametrize("evil", ["../../etc/cron.d/x.xml", "/abs/item.xml", "items\\..\\x.xml", "C:/x.xml", "link.xml"])
def test_zip_slip_refuses_the_whole_package(tmp_path, evil):
    package = make_zip(tmp_path / "p.zip", {"imsmanifest.xml": manifest("items/one.xml"),
                                            "items/one.xml": item_xml(), evil: item_xml()}, symlinks=("link.xml",))
    with pytest.raises(KnownError, match="outside its folder") as caught:
        import_qti(package)
    assert caught.value.code == "unsafe_path"


def test_zip_without_manifest_or_not_a_zip_is_unreadable(tmp_path):
    with pytest.raises(KnownError, match="imsmanifest"):
        import_qti(make_zip(tmp_path / "p.zip", {"one.xml": item_xml()}))
    (tmp_path / "fake.zip").write_bytes(b"not a zip")
    with pytest.raises(KnownError, match="not a ZIP"):
        import_qti(tmp_path / "fake.zip")


def test_a_member_larger_than_it_claims_or_too_large_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest("big.xml"))
        archive.writestr("big.xml", b"<a>" + b" " * (9 << 20) + b"</a>")
    (tmp_path / "p.zip").write_bytes(buffer.getvalue())
    with pytest.raises(KnownError, match="too large"):
        import_qti(tmp_path / "p.zip")


def test_items_become_a_paper_in_the_package_format():
    items = [parsed(item_xml("2.1", identifier="one/1")), parsed(item_xml("3.0", identifier="one/1")),
             parsed(item_xml("2.2", identifier="M", cardinality="multiple", correct=("c1", "c3"))),
             parsed(item_xml("2.2", identifier="P", cardinality="multiple", correct=("c1", "c2"), template="map_response",
                             mapping=((("c1", "1"), ("c2", "1")), {"defaultValue": "0"})))]
    paper, converted, refused = to_paper(items, code="QTI-1", title="Imported", duration_minutes=60)
    assert not refused and [i.code for i in paper.items] == ["one_1", "one_1-2", "M", "P"]
    assert paper.items[2].correct == ("A", "C") and paper.items[2].kind is ItemKind.MULTIPLE
    assert paper.total_points == 5 and [c.partial_credit for c in converted] == [False, False, False, True]
    data = paper_file_json(paper, converted)
    assert data["qti"]["P"]["mapping"]["values"] == {"A": "1", "B": "1", "C": "0"}
    again = paper_from_json(Fields(parse_json(canonical_json(data))))
    assert again == paper


def test_a_key_that_does_not_earn_the_best_score_is_refused_for_a_paper():
    item = parsed(item_xml("2.1", correct=("c1",), template="map_response",
                           mapping=((("c1", "1"), ("c2", "2")), {})))
    _, converted, refused = to_paper([item], code="P", title="t", duration_minutes=5)
    assert not converted and "not its best score" in refused[0][1]
