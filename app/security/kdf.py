"""scrypt with its parameters kept beside the output, and the limits we accept when reading them.

Stored parameters come from files and packages that may be hostile, so every reader checks them
against `check_params` before running scrypt (a huge `n` would exhaust memory).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

MIN_LOG2_N = 10
MAX_LOG2_N = 20
MAX_R = 16
MAX_P = 4


@dataclass(frozen=True)
class ScryptParams:
    """scrypt cost parameters. The defaults are the production strength (about 0.1 s, 32 MiB)."""

    n: int = 2**15
    r: int = 8
    p: int = 1

    def check(self) -> ScryptParams:
        """Return self if the parameters are within what we are willing to compute, else raise ValueError."""
        if not (isinstance(self.n, int) and isinstance(self.r, int) and isinstance(self.p, int)):
            raise ValueError("scrypt parameters must be integers")
        if self.n < 2**MIN_LOG2_N or self.n > 2**MAX_LOG2_N or self.n & (self.n - 1):
            raise ValueError("scrypt n must be a power of two within limits")
        if not (1 <= self.r <= MAX_R and 1 <= self.p <= MAX_P):
            raise ValueError("scrypt r or p out of range")
        return self


PRODUCTION = ScryptParams()
#: For tests only: fast, still a real scrypt. Callers pass it explicitly; nothing picks it by default.
FAST_FOR_TESTS = ScryptParams(n=2**10, r=8, p=1)


def scrypt(secret: bytes, salt: bytes, params: ScryptParams, length: int = 32) -> bytes:
    params.check()
    maxmem = 128 * params.r * params.n * params.p + 128 * params.r * (params.n + params.p + 2) + (1 << 20)
    return hashlib.scrypt(secret, salt=salt, n=params.n, r=params.r, p=params.p, maxmem=maxmem, dklen=length)
