"""Size limits checked before anything is decompressed, and again while reading.

They are far above a real package (thousands of candidates with photos) and far below what would
exhaust the site host's memory or disk.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 1 << 30  # the .espkg file itself
    max_members: int = 20_000
    max_member_bytes: int = 32 << 20  # one member, uncompressed
    max_total_bytes: int = 1 << 30  # all members, uncompressed
    max_ratio: int = 200  # uncompressed / compressed, for members above ratio_floor_bytes
    ratio_floor_bytes: int = 1 << 20
    max_json_bytes: int = 16 << 20  # manifest.json and other JSON members
    max_name_bytes: int = 200


DEFAULT_LIMITS = Limits()
