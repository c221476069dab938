"""Property tests: any edit, deletion, reordering, insertion or truncation breaks the chain."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from app.audit.chain import GENESIS_HASH, EventRecord, SignedHead, event_hash, head_message, verify_chain
from app.domain.canonical import canonical_json
from app.security import SigningKey, verify_signature

SITE = "TEST-SITE"
KEY = SigningKey.from_seed(bytes(range(32)))
START = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)

texts = st.text(min_size=0, max_size=12)
payloads = st.dictionaries(st.text(min_size=1, max_size=6), st.one_of(st.integers(), texts, st.booleans()), max_size=3)
event_specs = st.lists(st.tuples(texts, texts, texts, payloads), min_size=2, max_size=12)


def build(specs) -> tuple[list[EventRecord], SignedHead]:
    events, prev = [], GENESIS_HASH
    for seq, (actor, action, subject, after) in enumerate(specs, start=1):
        at = START + timedelta(seconds=seq)
        after_text = canonical_json(after).decode()
        digest = event_hash(seq, at, actor, "proctor", action, subject, "{}", after_text, prev)
        events.append(EventRecord(seq, at, actor, "proctor", action, subject, "{}", after_text, prev, digest))
        prev = digest
    last = events[-1]
    head = SignedHead(last.seq, last.hash, KEY.sign(head_message(SITE, last.seq, last.hash)))
    return events, head


def check(events, head, checkpoints=()):
    return verify_chain(events, head, checkpoints, SITE, lambda sig, msg: verify_signature(KEY.public_key, sig, msg))


@given(event_specs)
def test_intact_chain_verifies(specs):
    events, head = build(specs)
    report = check(events, head)
    assert report.ok, report.problem
    assert report.events == len(specs)
    assert report.head_hash == events[-1].hash


@given(event_specs, st.data())
def test_edited_event_is_named(specs, data):
    events, head = build(specs)
    index = data.draw(st.integers(0, len(events) - 1))
    field = data.draw(st.sampled_from(["actor", "action", "subject", "after", "at"]))
    original = events[index]
    changed = (original.at + timedelta(seconds=1)) if field == "at" else getattr(original, field) + "!"
    events[index] = replace(original, **{field: changed})
    report = check(events, head)
    assert not report.ok
    assert report.problem.seq == original.seq


@given(event_specs, st.data())
def test_deleted_event_is_named(specs, data):
    events, head = build(specs)
    index = data.draw(st.integers(0, len(events) - 2))  # the last one is truncation, tested below
    removed = events.pop(index)
    report = check(events, head)
    assert not report.ok
    assert report.problem.seq == removed.seq


@given(event_specs, st.data())
def test_reordered_events_are_caught(specs, data):
    events, head = build(specs)
    i = data.draw(st.integers(0, len(events) - 2))
    a, b = events[i], events[i + 1]
    # swap the contents but keep the seq numbers in order, as an UPDATE behind the app's back would
    events[i] = replace(b, seq=a.seq)
    events[i + 1] = replace(a, seq=b.seq)
    report = check(events, head)
    assert not report.ok
    assert report.problem.seq == a.seq


@given(event_specs, st.data())
def test_inserted_event_is_caught(specs, data):
    events, head = build(specs)
    i = data.draw(st.integers(0, len(events) - 1))
    forged = replace(events[i], action="forged")
    events = events[:i] + [forged] + [replace(e, seq=e.seq + 1) for e in events[i:]]
    report = check(events, head)
    assert not report.ok
    assert report.problem.seq is not None and report.problem.seq <= i + 2


@given(event_specs, st.integers(1, 5))
@settings(max_examples=50)
def test_truncated_tail_is_caught(specs, cut):
    events, head = build(specs)
    cut = min(cut, len(events) - 1)
    report = check(events[:-cut], head)
    assert not report.ok
    assert report.problem.seq == len(events) - cut + 1


def test_unsigned_tail_and_forged_head_are_caught():
    events, head = build([("a", "x", "s", {}), ("b", "y", "s", {})])
    report = check(events[:1], replace(head, seq=1, hash=events[0].hash))
    assert not report.ok and "altered" in report.problem.message
    extra = EventRecord(3, START, "z", "proctor", "late", "s", "{}", "{}", events[-1].hash,
                        event_hash(3, START, "z", "proctor", "late", "s", "{}", "{}", events[-1].hash))
    report = check(events + [extra], head)
    assert not report.ok and report.problem.seq == 3


def test_checkpoint_past_the_end_reveals_truncation_even_with_an_older_head():
    events, _ = build([("a", "x", "s", {})] * 5)
    old = events[2]
    older_head = SignedHead(old.seq, old.hash, KEY.sign(head_message(SITE, old.seq, old.hash)))
    checkpoint = SignedHead(5, events[4].hash, KEY.sign(head_message(SITE, 5, events[4].hash)))
    report = check(events[:3], older_head, [checkpoint])
    assert not report.ok and report.problem.seq == 4


def test_empty_chain_without_head_is_fine():
    assert check([], None).ok
