"""`examsite bank import-qti`: the JSON contract, skipped items on stderr, exit codes, --out."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from app.cli.main import main
from app.package.fields import Fields, parse_json
from app.package.work_codec import paper_from_json

V21 = "http://www.imsglobal.org/xsd/imsqti_v2p1"
V3 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"

SINGLE_21 = f"""<assessmentItem xmlns="{V21}" identifier="Q1" title="Ohm" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>b</value></correctResponse></responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float" normalMaximum="2"/>
  <itemBody><p>电阻 10 Ω，电流 2 A，电压是多少？</p>
    <choiceInteraction responseIdentifier="RESPONSE" maxChoices="1">
      <simpleChoice identifier="a">5 V</simpleChoice><simpleChoice identifier="b">20 V</simpleChoice>
      <simpleChoice identifier="c">12 V</simpleChoice></choiceInteraction></itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
</assessmentItem>"""

MULTIPLE_3 = f"""<qti-assessment-item xmlns="{V3}" identifier="Q2" title="Safety" adaptive="false" time-dependent="false">
  <qti-response-declaration identifier="RESPONSE" cardinality="multiple" base-type="identifier">
    <qti-correct-response><qti-value>x</qti-value><qti-value>z</qti-value></qti-correct-response>
    <qti-mapping lower-bound="0" upper-bound="3" default-value="0">
      <qti-map-entry map-key="x" mapped-value="2"/><qti-map-entry map-key="z" mapped-value="2"/>
      <qti-map-entry map-key="y" mapped-value="-1"/></qti-mapping></qti-response-declaration>
  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>
  <qti-item-body><qti-choice-interaction response-identifier="RESPONSE" max-choices="0">
    <qti-prompt>哪些做法安全？</qti-prompt>
    <qti-simple-choice identifier="x">断电操作</qti-simple-choice><qti-simple-choice identifier="y">带电作业</qti-simple-choice>
    <qti-simple-choice identifier="z">佩戴绝缘手套</qti-simple-choice></qti-choice-interaction></qti-item-body>
  <qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/map_response.xml"/>
</qti-assessment-item>"""

TRUE_FALSE_3 = MULTIPLE_3.replace('identifier="Q2"', 'identifier="Q3"').replace(
    'cardinality="multiple"', 'cardinality="single"').replace('max-choices="0"', 'max-choices="1"').replace(
    "<qti-value>x</qti-value><qti-value>z</qti-value>", "<qti-value>x</qti-value>").replace(
    '<qti-simple-choice identifier="z">佩戴绝缘手套</qti-simple-choice>', "").replace(
    "断电操作", "正确").replace("带电作业", "错误").replace("map_response.xml", "match_correct.xml")

ORDER_21 = f"""<assessmentItem xmlns="{V21}" identifier="Q4" title="Order" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="ordered" baseType="identifier"/>
  <itemBody><orderInteraction responseIdentifier="RESPONSE"><simpleChoice identifier="a">1</simpleChoice>
  </orderInteraction></itemBody></assessmentItem>"""


@pytest.fixture
def bank(tmp_path):
    folder = tmp_path / "bank"
    (folder / "sub").mkdir(parents=True)
    (folder / "q1.xml").write_text(SINGLE_21, encoding="utf-8")
    (folder / "sub" / "q2.xml").write_text(MULTIPLE_3, encoding="utf-8")
    (folder / "sub" / "q3.xml").write_text(TRUE_FALSE_3, encoding="utf-8")
    (folder / "q4.xml").write_text(ORDER_21, encoding="utf-8")
    return folder


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_one_object_per_item_and_skips_go_to_stderr(bank, capsys):
    code, out, err = run(capsys, "bank", "import-qti", str(bank), "--json")
    assert code == 0
    assert json.loads(out) == [
        {"identifier": "Q1", "type": "single", "choices": ["a", "b", "c"], "correct": ["b"], "max_score": 2},
        {"identifier": "Q2", "type": "multiple", "choices": ["x", "y", "z"], "correct": ["x", "z"], "max_score": 3},
        {"identifier": "Q3", "type": "truefalse", "choices": ["x", "y"], "correct": ["x"], "max_score": 1},
    ]
    assert "Skipped Q4 (q4.xml): its orderInteraction is not a choiceInteraction" in err


def test_human_table_and_a_content_package(bank, tmp_path, capsys):
    package = tmp_path / "items.zip"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("imsmanifest.xml", '<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"><resources>'
                         '<resource identifier="r1" type="imsqti_item_xmlv2p1" href="q1.xml"/></resources></manifest>')
        archive.writestr("q1.xml", SINGLE_21)
    code, out, _ = run(capsys, "bank", "import-qti", str(package))
    assert code == 0 and "Q1" in out and "single" in out and "1 items imported, 0 skipped, from 1 files." in out


def test_out_writes_a_paper_in_the_package_format(bank, tmp_path, capsys):
    target = tmp_path / "paper.json"
    code, _, err = run(capsys, "bank", "import-qti", str(bank), "--out", str(target), "--paper-code", "QTI-1",
                       "--title", "电工")
    assert code == 0 and "Paper QTI-1 with 3 items" in err and "Q2 gives partial credit" in err
    data = json.loads(target.read_text(encoding="utf-8"))
    paper = paper_from_json(Fields(parse_json(target.read_bytes())))
    assert [i.code for i in paper.items] == ["Q1", "Q2", "Q3"] and paper.total_points == 6
    assert paper.items[1].correct == ("A", "C") and paper.items[2].correct == ("T",)
    assert data["qti"]["Q2"]["keys"] == {"x": "A", "y": "B", "z": "C"} and data["qti"]["Q2"]["partial_credit"]


def test_unreadable_or_empty_input_exits_2(tmp_path, capsys):
    code, out, err = run(capsys, "bank", "import-qti", str(tmp_path / "missing.xml"), "--json")
    assert code == 2 and out == "" and "Cannot read" in err
    (tmp_path / "evil.xml").write_text('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')
    code, _, err = run(capsys, "bank", "import-qti", str(tmp_path / "evil.xml"), "--json")
    assert code == 2 and "DTD or entities" in err
    (tmp_path / "only.xml").write_text(ORDER_21)
    code, out, err = run(capsys, "bank", "import-qti", str(tmp_path / "only.xml"), "--json")
    assert code == 2 and json.loads(out) == [] and "No choice item" in err


def test_the_console_script_prints_clean_json(bank):
    done = subprocess.run([sys.executable, "-m", "app.cli.main", "--lang", "en", "bank", "import-qti", str(bank),
                           "--json"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and len(json.loads(done.stdout)) == 3
