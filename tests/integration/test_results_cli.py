"""`examsite results …` and `examsite verify` on a sealed plan, through the console script."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.cli.main import main
from app.persistence import repositories
from app.simulation.demo_site import DEMO_ADMIN_PASSWORD, DEMO_PASSPHRASE, create_demo_site


@pytest.fixture
def home(tmp_path, monkeypatch):
    demo = create_demo_site(tmp_path / "site", candidates=4)
    with demo.site.db.read() as session:
        plan_code = repositories.current_plan(session).plan_code
    demo.site.close()
    monkeypatch.setenv("EXAMSITE_PASSPHRASE", DEMO_PASSPHRASE)
    monkeypatch.setenv("EXAMSITE_ADMIN_PASSWORD", DEMO_ADMIN_PASSWORD)
    return tmp_path / "site", plan_code


@pytest.mark.slow
def test_compute_list_seal_and_verify_catches_a_plain_sql_edit(home, capsys, tmp_path):
    root, plan_code = home
    assert main(["--lang", "en", "--home", str(root), "results", "check-certificate", "S000032000123264000007"]) == 0
    assert "level 4, sequence 7" in capsys.readouterr().out
    assert main(["--lang", "en", "--home", str(root), "results", "check-certificate", "S00003200012326400000"]) == 2
    assert "22 characters" in capsys.readouterr().err
    assert main(["--lang", "en", "--home", str(root), "results", "compute"]) == 0
    assert "Computed 4 results: 0 passed." in capsys.readouterr().out  # nobody checked in: all absent
    out = tmp_path / "list.xlsx"
    assert main(["--home", str(root), "results", "public-list", "--out", str(out)]) == 0 and out.exists()
    record = tmp_path / "r01.pdf"
    assert main(["--home", str(root), "results", "room-record", "--session", "TH1", "--room", "R01",
                 "--out", str(record)]) == 0 and record.read_bytes().startswith(b"%PDF")
    assert main(["--lang", "en", "--home", str(root), "results", "seal", "--confirm", "wrong"]) == 2
    assert main(["--lang", "en", "--home", str(root), "results", "seal", "--confirm", plan_code]) == 0
    assert "No platform is configured" in capsys.readouterr().out
    assert main(["--lang", "en", "--home", str(root), "verify"]) == 0
    assert "sealed results and every signed room record verify" in capsys.readouterr().out
    from app.services.home import SiteHome
    from app.services.site import open_site

    site = open_site(SiteHome(root))
    with site.db.transaction() as tx:
        ticket = tx.execute(text("SELECT min(ticket_no) FROM candidate_result")).scalar()
        tx.execute(text("UPDATE candidate_result SET outcome = 'passed' WHERE ticket_no = :t"), {"t": ticket})
    site.close()
    assert main(["--lang", "en", "--home", str(root), "verify"]) == 1
    assert f"results {ticket} (changed) was changed after the seal" in capsys.readouterr().out
