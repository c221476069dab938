"""Export one session's video with its manifest, for the platform or a USB drive.

The source must verify first. Only evidence is copied: the manifest, its signed head, the signed
segments, the recorder's public key and the archive receipt when present (never a `.part` file).
Each file is copied and fsynced into a hidden folder on the destination, the copy is verified
with `verify_directory` against the same key, a README and a SHA256SUMS list are added, and only
then is the folder renamed to the session's name: a drive pulled out half way holds no folder
that looks complete.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.durable import fsync_directory
from app.errors import InvalidState, KnownError, NotFound
from app.i18n import tr
from app.video.disk import gigabytes
from app.video.manifest import (
    HEAD_FILE,
    MANIFEST_FILE,
    PUBLIC_KEY_FILE,
    VerifyReport,
    verify_directory,
)
from app.video.retention import ARCHIVE_RECEIPT_FILE

README_FILE = "README.txt"
SUMS_FILE = "SHA256SUMS"
COPY_BLOCK = 1 << 20
SPACE_MARGIN = 16 << 20


@dataclass(frozen=True)
class ExportResult:
    source: Path
    destination: Path
    files: int
    bytes: int
    report: VerifyReport


def _copy(source: Path, target: Path) -> str:
    """Copy one file, fsync it; the SHA-256 of the bytes written."""
    digest = hashlib.sha256()
    with open(source, "rb") as reader, open(target, "xb") as writer:
        for block in iter(lambda: reader.read(COPY_BLOCK), b""):
            writer.write(block)
            digest.update(block)
        writer.flush()
        os.fsync(writer.fileno())
    shutil.copystat(source, target)
    return digest.hexdigest()


def _readme(report: VerifyReport, public_key: bytes | None, source: Path, exported_at: datetime) -> str:
    key = (public_key.hex() if public_key is not None else report.signer)
    state = "sealed / 已封存" if report.sealed else "NOT sealed (recording was still open) / 未封存"
    return f"""ExamSite session video export / 考点通 场次录像导出
==================================================

Session 场次:            {report.session}
Exported 导出时间:       {exported_at.isoformat(timespec="seconds")}
From 来源:               {source}
State 状态:              {state}
Segments 分段:           {report.segments} ({report.seconds:.1f} s)
Gaps 中断:               {report.gaps}
Incident markers 标记:   {report.markers}
Signer 签名公钥 (Ed25519): {key}

Files 文件
- manifest.jsonl: one entry per line (canonical JSON). Each entry's "prev" is the SHA-256 of the
  previous line; "segment" entries give each .ts file's SHA-256, "gap" entries the outages,
  "marker" entries the incidents, "action" entries operator actions, "seal" the end.
- manifest.head.json: the number of entries, the SHA-256 of the last line, and an Ed25519
  signature by the signer above over the canonical JSON of the other fields.
- *.ts: the video segments, MPEG-TS, copied from the cameras without re-encoding.
- {SUMS_FILE}: the SHA-256 of every file here (`sha256sum -c {SUMS_FILE}`).
- {PUBLIC_KEY_FILE} (only for stand-alone recordings): a key made for the recording; it proves the
  video was not changed afterwards, not who recorded it.

How to check 如何校验
    examsite video verify <this folder> --public-key {key}
It fails naming the first modified, missing, reordered or inserted segment, or the first changed
manifest line. Check the signer against the site's registered public key.
"""


def export_session(directory: str | Path, destination_root: str | Path,
                   public_key: bytes | None = None) -> ExportResult:
    """Copy the session in `directory` to `destination_root/<its name>`, verified; raises KnownError if it cannot."""
    source = Path(directory)
    if not (source / HEAD_FILE).is_file():
        raise NotFound(tr("{path} holds no recorded session.", path=str(source)))
    report = verify_directory(source, public_key)
    if not report.ok:
        raise InvalidState(tr("The session in {path} does not verify, so it is not exported: {message}",
                              path=str(source), message=report.first_problem.message))
    names = [MANIFEST_FILE, HEAD_FILE, *report.listed_files]
    names += [name for name in (PUBLIC_KEY_FILE, ARCHIVE_RECEIPT_FILE) if (source / name).is_file()]
    need = sum((source / name).stat().st_size for name in names)
    root = Path(destination_root)
    if not root.is_dir():
        raise NotFound(tr("There is no directory {path}.", path=str(root)))
    final = root / source.name
    if final.exists():
        raise InvalidState(tr("{path} already exists; choose another destination.", path=str(final)))
    free = shutil.disk_usage(root).free
    if free < need + SPACE_MARGIN:
        raise KnownError(tr("The destination has {free} free but the export needs {need}.",
                            free=gigabytes(free), need=gigabytes(need + SPACE_MARGIN)), code="no_space")
    staging = root / f".{source.name}.exporting"
    if staging.exists():
        shutil.rmtree(staging)  # left by an export that was interrupted
    staging.mkdir()
    try:
        sums = [(name, _copy(source / name, staging / name)) for name in names]
        copied = verify_directory(staging, public_key if public_key is not None else bytes.fromhex(report.signer))
        if not copied.ok:
            raise KnownError(tr("The copy on {path} does not verify ({message}); the drive may be failing.",
                                path=str(root), message=copied.first_problem.message), code="export_failed")
        _write_synced(staging / SUMS_FILE, "".join(f"{digest}  {name}\n" for name, digest in sums))
        _write_synced(staging / README_FILE, _readme(report, public_key, source, datetime.now(UTC)))
        fsync_directory(staging)
        os.replace(staging, final)
        fsync_directory(root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ExportResult(source, final, len(names) + 2, need, copied)


def _write_synced(path: Path, text: str) -> None:
    with open(path, "x", encoding="utf-8", newline="\n") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
