"""Exam package v1: the sample opens; every kind of bad package is refused with the right code."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.plan import SessionKind
from app.package import Limits, PackageError, assemble, make_sample, open_package, open_sealed_paper, verify_package
from app.package.manifest import MANIFEST, SIGNATURE
from app.security import FAST_FOR_TESTS, SigningKey, SiteKeys, WrongExamPassword

ISSUER = SigningKey.sample_issuer()
TRUSTED = [ISSUER.public_key]


@pytest.fixture(scope="module")
def site() -> SiteKeys:
    return SiteKeys.generate("SITE-3201-01", "测试考点")


@pytest.fixture(scope="module")
def sample(site, tmp_path_factory):
    out = tmp_path_factory.mktemp("sample") / "sample.espkg"
    return make_sample(site.public, out, exam_password="20261123", exam_date=date(2026, 11, 23), seed=7,
                       paper_params=FAST_FOR_TESTS)


def members_of(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_raw(path, members: dict[str, bytes], compression=zipfile.ZIP_STORED) -> None:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def resign(path, members: dict[str, bytes], site: SiteKeys, issuer: SigningKey = ISSUER) -> None:
    """Write `members` (without manifest and signature) as a package correctly signed by `issuer`."""
    manifest = json.loads(members[MANIFEST])
    body = {name: data for name, data in members.items() if name not in (MANIFEST, SIGNATURE)}
    assemble(path, body, issuer=issuer, site=site.public, package_id=manifest["package_id"],
             issued_at=datetime.fromisoformat(manifest["issued_at"]))


def refused(path, site: SiteKeys, trusted=TRUSTED, **kwargs) -> PackageError:
    with pytest.raises(PackageError) as caught:
        verify_package(path, site.public, trusted, **kwargs)
    assert "\n" not in caught.value.message and caught.value.message
    return caught.value


def test_sample_verifies_and_summarises(site, sample):
    summary = verify_package(sample.path, site.public, TRUSTED)
    assert (summary.candidates, summary.rooms, summary.sessions, summary.papers, summary.tasks) == (60, 2, 2, 1, 3)
    assert summary.staff == 10 and summary.level == 4 and summary.occupation == "电工"
    assert summary.issuer_fingerprint == ISSUER.fingerprint == sample.issuer_fingerprint
    assert summary.package_id == sample.package_id and summary.site_id == site.public.site_id


def test_sample_opens_with_valid_people_and_a_100_point_paper(site, sample):
    package = open_package(sample.path, site, TRUSTED)
    assert len(package.roster) == 60 and len({e.ticket_no for e in package.roster}) == 60
    assert all(e.photo.startswith(b"\x89PNG") and len(e.id_number) == 18 for e in package.roster)
    assert {e.gender for e in package.roster} == {"M", "F"}
    assert all(int(e.id_number[16]) % 2 == (e.gender == "M") for e in package.roster)
    theory = next(s for s in package.plan.sessions if s.kind is SessionKind.THEORY)
    starts, ends = (moment.astimezone(ZoneInfo("Asia/Shanghai")) for moment in (theory.starts_at, theory.ends_at))
    assert (starts.hour, ends.hour, ends.minute) == (9, 10, 30)
    paper = open_sealed_paper(package.papers[0], sample.package_id, site, sample.exam_password)
    assert paper.total_points == 100 and len(paper.items) == 100
    assert all(any(rubric.kind.value == "veto" for rubric in task.rubric) for task in package.tasks)
    assert len(package.manifest_sha256) == 64
    with pytest.raises(WrongExamPassword):
        open_sealed_paper(package.papers[0], sample.package_id, site, "00000000")
    with pytest.raises(PackageError) as other_package:
        open_sealed_paper(package.papers[0], "00000000-0000-0000-0000-000000000000", site, sample.exam_password)
    assert other_package.value.code == "tampered"


def test_missing_file(site, tmp_path):
    assert refused(tmp_path / "absent.espkg", site).code == "no_file"


def test_tampered_member(site, sample, tmp_path):
    members = members_of(sample.path)
    members["plan.json"] = members["plan.json"].replace("第一考场".encode(), "第九考场".encode())
    write_raw(tmp_path / "t.espkg", members)
    error = refused(tmp_path / "t.espkg", site)
    assert error.code == "tampered" and error.member == "plan.json" and "plan.json" in error.message


@pytest.mark.parametrize("change", ["extra", "missing"])
def test_member_extra_or_missing(site, sample, tmp_path, change):
    members = members_of(sample.path)
    if change == "extra":
        members["papers/extra.bin"] = b"x"
    else:
        del members["staff.json"]
    write_raw(tmp_path / "t.espkg", members)
    assert refused(tmp_path / "t.espkg", site).code == "tampered"


@pytest.mark.parametrize("keep", [0.5, 0.99, 0.0])
def test_truncated(site, sample, tmp_path, keep):
    data = sample.path.read_bytes()
    (tmp_path / "cut.espkg").write_bytes(data[:int(len(data) * keep)])
    assert refused(tmp_path / "cut.espkg", site).code == "truncated"


def test_not_a_zip(site, tmp_path):
    (tmp_path / "x.espkg").write_bytes(b"PK\x05\x06 this is not a package" * 3)
    assert refused(tmp_path / "x.espkg", site).code == "truncated"


def test_resigned_with_another_key(site, sample, tmp_path):
    members = members_of(sample.path)
    members["roster.json"] = members["roster.json"].replace(b'"gender":"F"', b'"gender":"M"')
    resign(tmp_path / "r.espkg", members, site, SigningKey.generate())
    assert refused(tmp_path / "r.espkg", site).code == "bad_signature"


def test_signature_swapped_or_missing(site, sample, tmp_path):
    members = members_of(sample.path)
    members[SIGNATURE] = bytes(64)
    write_raw(tmp_path / "s.espkg", members)
    assert refused(tmp_path / "s.espkg", site).code == "bad_signature"
    del members[SIGNATURE]
    write_raw(tmp_path / "u.espkg", members)
    assert refused(tmp_path / "u.espkg", site).code == "unsigned"
    assert refused(sample.path, site, trusted=[]).code == "bad_signature"


def test_wrong_site(site, sample):
    other = SiteKeys.generate("SITE-OTHER", "别的考点")
    error = refused(sample.path, other)
    assert error.code == "wrong_site" and site.public.site_id in error.message
    impostor = SiteKeys.generate(site.public.site_id, "同名考点")
    assert refused(sample.path, impostor).code == "wrong_site"


@pytest.mark.parametrize("name", ["../evil", "/etc/evil", "papers/../../evil", "C:/evil", "a\\evil", "./x", "a//b"])
def test_zip_slip_names(site, sample, tmp_path, name):
    members = members_of(sample.path)
    members[name] = b"evil"
    write_raw(tmp_path / "z.espkg", members)
    error = refused(tmp_path / "z.espkg", site)
    assert error.code == "unsafe_path" and error.member == name


def test_symlink_and_duplicate_entries(site, sample, tmp_path):
    members = members_of(sample.path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        link = zipfile.ZipInfo("link")
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
    (tmp_path / "l.espkg").write_bytes(buffer.getvalue())
    assert refused(tmp_path / "l.espkg", site).code == "unsafe_path"
    buffer = io.BytesIO()
    with pytest.warns(UserWarning), zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        archive.writestr("plan.json", b"{}")
    (tmp_path / "d.espkg").write_bytes(buffer.getvalue())
    assert refused(tmp_path / "d.espkg", site).code == "unsafe_path"


def test_zip_bomb_member(site, sample, tmp_path):
    members = members_of(sample.path)
    members["bomb.json"] = bytes(40 << 20)
    write_raw(tmp_path / "b.espkg", members, zipfile.ZIP_DEFLATED)
    error = refused(tmp_path / "b.espkg", site)
    assert error.code == "oversized" and error.member == "bomb.json"


def test_suspicious_compression_ratio(site, sample, tmp_path):
    members = members_of(sample.path)
    members["ratio.json"] = bytes(4 << 20)
    write_raw(tmp_path / "b.espkg", members, zipfile.ZIP_DEFLATED)
    assert refused(tmp_path / "b.espkg", site).code == "oversized"


def test_too_many_members_and_too_large(site, sample, tmp_path):
    assert refused(sample.path, site, limits=Limits(max_members=50)).code == "oversized"
    assert refused(sample.path, site, limits=Limits(max_file_bytes=1000)).code == "oversized"
    assert refused(sample.path, site, limits=Limits(max_total_bytes=10_000)).code == "oversized"
    many = {f"m{index}": b"" for index in range(300)}
    write_raw(tmp_path / "many.espkg", many)
    assert refused(tmp_path / "many.espkg", site, limits=Limits(max_members=200)).code == "oversized"


def test_declared_size_lie_is_caught_while_reading(site, sample, tmp_path):
    data = bytearray(sample.path.read_bytes())
    with zipfile.ZipFile(sample.path) as archive:
        info = archive.getinfo("roster.json")
    header = data.find(b"roster.json", data.find(b"PK\x01\x02")) - 46  # its central directory record
    assert data[header:header + 4] == b"PK\x01\x02"
    data[header + 24:header + 28] = (info.file_size // 2).to_bytes(4, "little")  # "uncompressed size"
    (tmp_path / "lie.espkg").write_bytes(bytes(data))
    assert refused(tmp_path / "lie.espkg", site).code == "tampered"


def test_issuer_signed_garbage_is_malformed(site, sample, tmp_path):
    members = members_of(sample.path)
    members["plan.json"] = b'{"plan_code": "X", '
    resign(tmp_path / "g.espkg", members, site)
    error = refused(tmp_path / "g.espkg", site)
    assert error.code == "malformed" and error.member == "plan.json"


@pytest.mark.parametrize("mutate, member", [
    (lambda plan: plan.pop("occupation_code"), "plan.json"),
    (lambda plan: plan["sessions"][0].update(room_codes=["R99"]), "plan.json"),
    (lambda plan: plan["sessions"][0].update(paper_code="NOPE"), "plan.json"),
    (lambda plan: plan["sessions"][0].update(starts_at="2026-11-23T09:00:00"), "plan.json"),
    (lambda plan: plan["rules"].update(examiner_count="3"), "plan.json"),
    (lambda plan: plan["rules"].update(bribes_allowed=True), "plan.json"),
    (lambda plan: plan.update(level=9), "plan.json"),
])
def test_signed_but_invalid_plan_is_malformed(site, sample, tmp_path, mutate, member):
    members = members_of(sample.path)
    plan = json.loads(members["plan.json"])
    mutate(plan)
    members["plan.json"] = json.dumps(plan).encode()
    resign(tmp_path / "m.espkg", members, site)
    error = refused(tmp_path / "m.espkg", site)
    assert (error.code, error.member) == ("malformed", member)


def test_duplicate_ticket_and_bad_seat_are_malformed(site, sample, tmp_path):
    members = members_of(sample.path)
    roster = json.loads(members["roster.json"])
    roster["candidates"][1]["seats"] = roster["candidates"][0]["seats"]
    members["roster.json"] = json.dumps(roster).encode()
    resign(tmp_path / "s.espkg", members, site)
    assert refused(tmp_path / "s.espkg", site).code == "malformed"
    roster["candidates"][1] = roster["candidates"][0]
    members["roster.json"] = json.dumps(roster).encode()
    resign(tmp_path / "d.espkg", members, site)
    error = refused(tmp_path / "d.espkg", site)
    assert error.code == "malformed" and roster["candidates"][0]["ticket_no"] in error.message


def test_unsupported_version(site, sample, tmp_path):
    members = members_of(sample.path)
    manifest = json.loads(members[MANIFEST])
    manifest["format_version"] = 2
    members[MANIFEST] = json.dumps(manifest).encode()
    members[SIGNATURE] = ISSUER.sign(members[MANIFEST])
    write_raw(tmp_path / "v.espkg", members)
    error = refused(tmp_path / "v.espkg", site)
    assert error.code == "unsupported_version" and "2" in error.message


def test_personal_member_for_another_candidate_is_refused_on_open(site, sample, tmp_path):
    members = members_of(sample.path)
    roster = json.loads(members["roster.json"])
    first, second = (f"personal/{c['ticket_no']}.bin" for c in roster["candidates"][:2])
    members[first], members[second] = members[second], members[first]
    resign(tmp_path / "p.espkg", members, site)
    verify_package(tmp_path / "p.espkg", site.public, TRUSTED)  # sealed: verify cannot look inside
    with pytest.raises(PackageError) as caught:
        open_package(tmp_path / "p.espkg", site, TRUSTED)
    assert caught.value.code == "malformed" and caught.value.member == first
