"""The terminal's answer journal: durable, encrypted, torn tails dropped, tampering refused."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.security import JournalCipher
from app.terminal.journal import HEADER_BYTES, Journal, JournalDamaged

SECRET = b"terminal-device-token-0123456789"
SITTING = "TK0001|TH1"


def cipher(secret: bytes = SECRET, sitting: str = SITTING) -> JournalCipher:
    return JournalCipher(secret, sitting)


def fill(path: Path, count: int) -> list:
    journal = Journal(path, cipher())
    entries = [journal.record(f"Q{n % 7}", ("A", "C") if n % 2 else ("B",), n % 3 == 0, f"2026-05-01T09:{n:02d}:00+00:00")
               for n in range(count)]
    journal.close()
    return entries


def record_offsets(path: Path) -> list[int]:
    data = path.read_bytes()
    offsets, offset = [], HEADER_BYTES
    while offset < len(data):
        offsets.append(offset)
        offset += 4 + int.from_bytes(data[offset:offset + 4], "big")
    return offsets


def test_records_come_back_in_order_with_latest_answer_per_item(tmp_path):
    path = tmp_path / "j.journal"
    entries = fill(path, 20)
    journal = Journal(path, cipher())
    assert [e.revision for e in journal.pending()] == list(range(1, 21))
    assert journal.pending() == entries
    latest = {e.item_code: (e.response, e.flagged) for e in entries}
    assert journal.answers() == latest and journal.answers()["Q6"] == (("A", "C"), False)  # n=13 changed Q6 last
    assert journal.last_revision == 20 and journal.dropped_bytes == 0
    journal.close()


def test_the_file_holds_no_plaintext(tmp_path):
    path = tmp_path / "j.journal"
    journal = Journal(path, cipher())
    journal.record("ITEM-SECRET-CODE", ("C",), True, "2026-05-01T09:00:00+00:00")
    journal.close()
    data = path.read_bytes()
    assert b"ITEM-SECRET-CODE" not in data and b"response" not in data


def test_acknowledged_changes_are_not_replayed(tmp_path):
    path = tmp_path / "j.journal"
    journal = Journal(path, cipher())
    for n in range(5):
        journal.record(f"Q{n}", ("A",), False, "t")
    journal.acknowledge(3)
    journal.record("Q9", ("B",), False, "t")
    journal.close()
    reopened = Journal(path, cipher())
    assert [e.revision for e in reopened.pending()] == [4, 5, 6]
    assert reopened.unsynced() == 3 and reopened.acknowledged == 3
    reopened.acknowledge(6)
    reopened.close()
    assert Journal(path, cipher()).pending() == []


@pytest.mark.parametrize("cut", [1, 3, 4, 5, 20, -1])
def test_a_torn_last_record_is_dropped_and_the_others_kept(tmp_path, cut):
    path = tmp_path / "j.journal"
    entries = fill(path, 6)
    last = record_offsets(path)[-1]
    size = path.stat().st_size
    keep = last + cut if cut > 0 else size + cut
    with open(path, "r+b") as handle:
        handle.truncate(keep)
    journal = Journal(path, cipher())
    assert journal.pending() == entries[:5]
    assert journal.dropped_bytes == keep - last
    after = journal.record("Q1", ("D",), False, "t")  # appends after the good records
    journal.close()
    assert after.revision == 6
    assert Journal(path, cipher()).pending() == entries[:5] + [after]


def test_a_tail_of_zeros_after_a_power_cut_is_dropped(tmp_path):
    path = tmp_path / "j.journal"
    entries = fill(path, 4)
    with open(path, "ab") as handle:
        handle.write(b"\x00" * 4096)
    journal = Journal(path, cipher())
    assert journal.pending() == entries and journal.dropped_bytes == 4096
    journal.close()


def test_an_altered_record_in_the_middle_is_refused(tmp_path):
    path = tmp_path / "j.journal"
    fill(path, 6)
    second = record_offsets(path)[1]
    data = bytearray(path.read_bytes())
    data[second + 20] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(JournalDamaged):
        Journal(path, cipher())


def test_swapped_records_are_refused(tmp_path):
    path = tmp_path / "j.journal"
    fill(path, 4)
    offsets = record_offsets(path) + [path.stat().st_size]
    data = path.read_bytes()
    first, second = data[offsets[0]:offsets[1]], data[offsets[1]:offsets[2]]
    path.write_bytes(data[:offsets[0]] + second + first + data[offsets[2]:])
    with pytest.raises(JournalDamaged):
        Journal(path, cipher())


@pytest.mark.parametrize("other", [cipher(secret=b"another-terminal-token-987654321"), cipher(sitting="TK0002|TH1")])
def test_another_terminal_or_sitting_cannot_open_the_journal(tmp_path, other):
    path = tmp_path / "j.journal"
    fill(path, 3)
    with pytest.raises(JournalDamaged):
        Journal(path, other)


def test_adopting_the_hosts_answers_continues_above_its_revision(tmp_path):
    path = tmp_path / "j.journal"
    journal = Journal(path, cipher())
    journal.adopt({"Q1": (("A",), False), "Q2": ((), True)}, revision=41)
    assert journal.unsynced() == 0 and journal.acknowledged == 41
    entry = journal.record("Q3", ("B",), False, "t")
    journal.close()
    assert entry.revision == 42
    reopened = Journal(path, cipher())
    assert reopened.answers() == {"Q1": (("A",), False), "Q2": ((), True), "Q3": (("B",), False)}
    assert [e.revision for e in reopened.pending()] == [42]
    reopened.close()


def test_pending_changes_survive_adopting_an_older_host_state(tmp_path):
    path = tmp_path / "j.journal"
    journal = Journal(path, cipher())
    journal.record("Q1", ("A",), False, "t")
    journal.record("Q2", ("B",), False, "t")
    journal.adopt({"Q1": (("C",), False)}, revision=0)  # the host has not seen them yet
    assert journal.answers() == {"Q1": (("A",), False), "Q2": (("B",), False)}
    assert journal.unsynced() == 2
    journal.close()


CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from app.security import JournalCipher
    from app.terminal.journal import Journal
    journal = Journal(Path(sys.argv[1]), JournalCipher(sys.argv[2].encode(), sys.argv[3]))
    n = 0
    while True:
        n += 1
        entry = journal.record(f"Q{n % 50}", ("A", "B")[: 1 + n % 2], n % 5 == 0, "t")
        if n % 4 == 0:
            journal.acknowledge(entry.revision - 2)
        print(entry.revision, journal.acknowledged, flush=True)
""")


def test_every_change_returned_before_a_kill_9_is_in_the_journal(tmp_path):
    path = tmp_path / "j.journal"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), SECRET.decode(), SITTING],
                             stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
    try:
        lines = [child.stdout.readline() for _ in range(300)]
    finally:
        child.kill()  # SIGKILL: no flush, no close
        child.wait()
        child.stdout.close()
    assert child.returncode == -9 if os.name == "posix" else True
    revision, acknowledged = map(int, lines[-1].split())
    journal = Journal(path, cipher())
    assert journal.last_revision >= revision
    assert journal.acknowledged >= acknowledged
    assert [e.revision for e in journal.pending()] == list(range(journal.acknowledged + 1, journal.last_revision + 1))
    assert journal.record("Q0", ("C",), False, "t").revision == journal.last_revision
    journal.close()
