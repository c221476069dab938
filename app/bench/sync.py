"""`examsite bench sync`: streaming encryption beside `openssl speed`, and a large upload over loopback.

1. cipher: `StreamSealer` encrypting one buffer of the chunk size over and over (what
   `openssl speed -evp aes-256-gcm -bytes N` does in C), and the ratio to openssl's rate at the
   same block size on this machine. Goal: ≥ 70 %.
2. file: sealing a generated file to disk (read, hash, encrypt, hash, write), as the outbox does.
3. upload: the sealed file sent by `UpstreamClient.upload` in chunks to the platform service
   running as its own process on 127.0.0.1, then completed (verified and decrypted there).

Peak memory is this process's resident set (VmRSS sampled every 20 ms, and VmHWM after a
reset of the high-water mark) above the level before each phase: it must not grow with the file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.security import SiteKeys, StreamSealer
from app.security.kdf import FAST_FOR_TESTS
from app.sync.client import UpstreamClient
from app.sync.files import seal_file, signed_upload
from app.sync.link import PlatformLink
from app.upstream.platform import Platform

MIB = 1 << 20
PASSPHRASE = "bench-platform"
ROUNDS = 3


@dataclass
class SyncFigures:
    chunk_bytes: int
    openssl_mb_s: float
    stream_mb_s: float
    ratio_to_openssl: float
    file_bytes: int
    seal_file_mb_s: float
    seal_peak_rss_mib: float
    upload_mb_s: float
    complete_s: float
    upload_peak_rss_mib: float
    server_peak_rss_mib: float
    baseline_rss_mib: float
    delivered: bool


def openssl_rate(block: int, seconds: int = 3) -> float:
    """openssl's AES-256-GCM rate at `block` bytes, in bytes per second (machine-readable output)."""
    output = subprocess.run(["openssl", "speed", "-mr", "-evp", "aes-256-gcm", "-bytes", str(block),
                             "-seconds", str(seconds)], capture_output=True, text=True, timeout=120,
                            check=True).stdout
    return parse_openssl(output)


def parse_openssl(output: str) -> float:
    """The rate from `openssl speed -mr` output: the `+F:…:AES-256-GCM:rate` line (bytes/s)."""
    match = re.search(r"^\+F:\d+:[^:]*:([0-9.]+)\s*$", output, re.MULTILINE | re.IGNORECASE)
    if match is None:
        raise ValueError("no +F line in openssl speed output")
    return float(match.group(1))


def stream_rate(block: int, seconds: float = 3.0) -> float:
    """StreamSealer's rate encrypting one `block`-byte buffer repeatedly, bytes per second."""
    keys = SiteKeys.generate("BENCH", "bench")
    sealer = StreamSealer(keys.public.encryption_public, b"bench", chunk_size=block)
    plain, out = memoryview(os.urandom(block)), bytearray(block + 16)
    done, index = 0, 0
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for _ in range(16):
            sealer.seal_chunk_into(index, plain, False, out)
            index += 1
        done += 16 * block
    return done / elapsed


def rss_mib(pid: int | str = "self", field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


class PeakSampler:
    """The highest VmRSS seen while the block runs (a sampling thread), and VmHWM at the end."""

    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, rss_mib())

    def __enter__(self) -> PeakSampler:
        reset_peak()
        self.peak = rss_mib()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mib("self", "VmHWM"))


def generate(path: Path, size: int) -> None:
    block = os.urandom(4 * MIB)
    with open(path, "wb") as out:
        left = size
        while left > 0:
            out.write(block[:min(left, len(block))])
            left -= len(block)


def start_platform(folder: Path) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "EXAMSITE_UPSTREAM_PASSPHRASE": PASSPHRASE}
    process = subprocess.Popen([sys.executable, "-m", "app.cli.main", "--lang", "en", "upstream", "serve", "--dir",
                                str(folder), "--port", "0"], env=env, stdout=subprocess.PIPE, text=True)
    for line in process.stdout:
        if "listening on" in line:
            return process, line.strip().rsplit(" ", 1)[-1]
    process.wait(timeout=30)
    raise RuntimeError("the platform service did not start")


def run(*, size: int = 256 * MIB, chunk: int = MIB, upload_chunk: int = 4 * MIB, seconds: float = 2.0,
        folder: Path | None = None, report: Callable[[str], None] = lambda line: None) -> SyncFigures:
    work = Path(tempfile.mkdtemp(prefix="examsite-bench-sync-", dir=folder))
    try:
        openssl = stream = 0.0
        for round_no in range(1, ROUNDS + 1):  # alternated, best of each: a busy machine slows both alike
            report(f"round {round_no}/{ROUNDS}: openssl speed -evp aes-256-gcm -bytes {chunk}, then StreamSealer …")
            openssl = max(openssl, openssl_rate(chunk, max(1, round(seconds))))
            stream = max(stream, stream_rate(chunk, seconds))
        report(f"generating {size} bytes …")
        source = work / "segment.ts"
        generate(source, size)

        site = SiteKeys.generate("BENCH-SITE", "bench site")
        platform = Platform.open(work / "platform", PASSPHRASE, params=FAST_FOR_TESTS)
        platform.register_site(site.public)
        baseline = rss_mib()
        report("sealing the file …")
        sealed = work / "segment.ess"
        with PeakSampler() as seal_peak:
            start = time.perf_counter()
            digest = seal_file(source, sealed, platform_encryption_public=platform.keys.public.encryption_public,
                               site_id="BENCH-SITE", kind="file", subject="video:bench", name=source.name,
                               chunk_size=chunk)
            seal_seconds = time.perf_counter() - start
        source.unlink()

        key = "bench-" + digest.plain_sha256[:32]
        upload = signed_upload({"idempotency_key": key, "site_id": "BENCH-SITE", "kind": "file",
                                "subject": "video:bench", "name": source.name, "size": digest.sealed_size,
                                "sha256": digest.sealed_sha256, "content_size": digest.plain_size,
                                "content_sha256": digest.plain_sha256}, site.sign)
        process, url = start_platform(work / "platform")
        try:
            link = PlatformLink(url, platform.keys.public.signing_public, platform.keys.public.encryption_public)
            report("uploading over loopback …")
            sent_at: list[float] = []
            with UpstreamClient(link, chunk_size=upload_chunk, read_timeout=600) as client, PeakSampler() as peak:
                start = time.perf_counter()
                receipt = client.upload(key, sealed, upload, lambda offset: sent_at.append(time.perf_counter()))
                finished = time.perf_counter()
            server_peak = rss_mib(process.pid, "VmHWM")
        finally:
            process.terminate()
            process.wait(timeout=60)
            process.stdout.close()
        upload_seconds = (sent_at[-1] if sent_at else finished) - start
        return SyncFigures(
            chunk_bytes=chunk, openssl_mb_s=round(openssl / 1e6, 1), stream_mb_s=round(stream / 1e6, 1),
            ratio_to_openssl=round(stream / openssl, 3), file_bytes=size,
            seal_file_mb_s=round(size / seal_seconds / 1e6, 1),
            seal_peak_rss_mib=round(seal_peak.peak - baseline, 1),
            upload_mb_s=round(digest.sealed_size / upload_seconds / 1e6, 1),
            complete_s=round(finished - (sent_at[-1] if sent_at else start), 2),
            upload_peak_rss_mib=round(peak.peak - baseline, 1), server_peak_rss_mib=round(server_peak, 1),
            baseline_rss_mib=round(baseline, 1),
            delivered=receipt.fields["content_sha256"] == digest.plain_sha256)
    finally:
        shutil.rmtree(work, ignore_errors=True)
