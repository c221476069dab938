"""`examsite bank …`: the question bank; `import-qti` reads QTI 2.1/2.2/3.0 choice items.

`import-qti PATH --json` prints a JSON list, one object per imported item: identifier, type
(single, multiple, truefalse), choices and correct (QTI choice identifiers) and max_score.
Skipped items go to standard error with their reasons. Exit 0 when at least one item was
imported, 2 when the input cannot be read or holds no importable item. `--out FILE` also writes
the items as a paper in the exam package's paper format.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.bank.qti import ImportResult, import_qti, json_number
from app.bank.qti_convert import paper_file_json, to_paper
from app.domain.canonical import canonical_json
from app.errors import KnownError
from app.i18n import tr


def register(subparsers, parent) -> None:
    bank = subparsers.add_parser("bank", help="the question bank (题库)", parents=[parent])
    verbs = bank.add_subparsers(dest="verb", required=True)
    qti = verbs.add_parser("import-qti", help="read QTI 2.1/2.2/3.0 choice items: an .xml, a folder or a .zip package",
                           parents=[parent])
    qti.add_argument("path", type=Path)
    qti.add_argument("--json", action="store_true", help="print the items as one JSON list")
    qti.add_argument("--out", type=Path, default=None, help="also write them as a paper (the package's paper format)")
    qti.add_argument("--paper-code", default="QTI", help="the paper's code in --out (default QTI)")
    qti.add_argument("--title", default=None, help="the paper's title in --out (default: the input's name)")
    qti.add_argument("--duration", type=int, default=90, help="the paper's duration in minutes in --out (default 90)")
    qti.set_defaults(run=run_import_qti)


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _report_skipped(result: ImportResult) -> None:
    for skipped in result.skipped:
        if skipped.identifier:
            _err(tr("Skipped {item} ({file}): {reason}", item=skipped.identifier, file=skipped.source,
                    reason=skipped.reason))
        else:
            _err(tr("Skipped {file}: {reason}", file=skipped.source, reason=skipped.reason))
    if result.not_items:
        _err(tr("{count} XML files are not assessment items (tests, manifests…) and were left aside.",
                count=len(result.not_items)))


def _table(result: ImportResult) -> None:
    print(f"{tr('identifier'):<28} {tr('type'):<10} {tr('choices'):>7} {tr('correct'):<16} "
          f"{tr('max score'):>9}  {tr('stem')}")
    for item in result.items:
        stem = " ".join(item.stem.split())
        print(f"{item.identifier[:28]:<28} {item.kind.value:<10} {len(item.choices):>7} "
              f"{','.join(item.correct)[:16]:<16} {json_number(item.max_score)!s:>9}  {stem[:50]}")
    print(tr("{items} items imported, {skipped} skipped, from {files} files.", items=len(result.items),
             skipped=len(result.skipped), files=result.files))


def _write_paper(args: argparse.Namespace, result: ImportResult) -> None:
    title = args.title or args.path.name
    paper, converted, refused = to_paper(result.items, code=args.paper_code, title=title,
                                         duration_minutes=args.duration)
    for item, reason in refused:
        _err(tr("Left out of the paper {item}: {reason}", item=item.identifier, reason=reason))
    for entry in converted:
        if entry.partial_credit:
            _err(tr("{item} gives partial credit: the paper grades it all or nothing; the exact mapping is kept "
                    "under \"qti\" in {path}.", item=entry.item.code, path=args.out))
    if not paper.items:
        raise KnownError(tr("None of the items fits a paper; {path} was not written.", path=args.out), code="no_items")
    try:
        args.out.write_bytes(canonical_json(paper_file_json(paper, converted)))
    except OSError as exc:
        raise KnownError(tr("Cannot write {path}: {detail}", path=args.out, detail=exc.strerror or exc),
                         code="unwritable") from None
    _err(tr("Paper {code} with {count} items written to {path}.", code=paper.code, count=len(paper.items),
            path=args.out))


def run_import_qti(args: argparse.Namespace) -> int:
    result = import_qti(args.path)
    if args.json:
        print(json.dumps([item.to_json() for item in result.items], ensure_ascii=False, indent=2), flush=True)
    else:
        _table(result)
    _report_skipped(result)
    if not result.items:
        raise KnownError(tr("No choice item could be imported from {path}.", path=args.path), code="no_items")
    if args.out is not None:
        _write_paper(args, result)
    return 0
