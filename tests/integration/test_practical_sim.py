"""The simulated practical day on LAN stations, then `examsite verify` on the site and on an edited copy."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from app.cli.main import main
from app.persistence import scoring_store
from app.simulation import practical_stage
from app.simulation.demo_site import create_demo_site

pytestmark = pytest.mark.slow


def verify(capsys, home) -> tuple[int, str]:
    code = main(["--lang", "en", "--home", str(home), "verify"])
    out, err = capsys.readouterr()
    return code, out + err


def test_the_practical_stage_verifies_and_a_plain_sql_edit_of_a_copy_is_caught(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("EXAMSITE_DB", raising=False)
    root = tmp_path / "site"
    demo = create_demo_site(root, candidates=16)
    try:
        summary = practical_stage.run(demo, root)
        with demo.site.db.read() as session:
            resolutions = len(scoring_store.resolutions(session))
    finally:
        demo.site.close()
    assert f"{practical_stage.SCORED} candidates scored by 3 examiners" in summary
    assert "resolved by the examiner lead" in summary and "corrected with a reason" in summary
    assert "caught" in summary and resolutions == 1

    code, out = verify(capsys, root)
    assert code == 0 and "Every score sheet" in out

    copy = tmp_path / "copy"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(practical_stage.COPY, "stations"))
    with sqlite3.connect(copy / "site.db") as connection:
        sheet_id, entries = connection.execute(
            "SELECT id, entries FROM score_sheet WHERE state = 'signed' ORDER BY id DESC LIMIT 1").fetchone()
        connection.execute("UPDATE score_sheet SET entries = ? WHERE id = ?",
                           (entries.replace('"T2-04":"0"', '"T2-04":"4"').replace('"T2-04":"0.5"', '"T2-04":"4"')
                            .replace('"T2-04":"1"', '"T2-04":"4"'), sheet_id))
    connection.close()
    code, out = verify(capsys, copy)
    assert code == 1 and "VERIFICATION FAILED" in out and f"Score sheet {sheet_id}" in out
