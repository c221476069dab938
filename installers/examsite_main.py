"""The frozen `examsite` program's entry point (PyInstaller runs this file, not `python -m`).

A one-folder build has no Python interpreter to run `python -m MODULE` or `python -c CODE`, yet
parts of ExamSite start helper processes with `sys.executable` (the recorder under the site host,
the crashing terminal of `examsite simulate`, the LAN server of `examsite bench lan`). Inside the
build `sys.executable` is this program, so it understands those two forms itself and runs the
module or code with the bundled interpreter; every other command line is the `examsite` CLI.
"""

from __future__ import annotations

import runpy
import sys


def main() -> int:
    argv = sys.argv[1:]
    if getattr(sys, "frozen", False) and len(argv) >= 2 and argv[0] in ("-m", "-c"):
        if argv[0] == "-m":
            sys.argv = [argv[1], *argv[2:]]
            runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        else:
            sys.argv = ["-c", *argv[2:]]
            exec(compile(argv[1], "<string>", "exec"), {"__name__": "__main__"})  # noqa: S102 - python -c
        return 0
    from app.cli.main import main as examsite

    return examsite()


if __name__ == "__main__":
    sys.exit(main())
