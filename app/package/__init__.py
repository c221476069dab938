"""The exam package (考务数据包), format version 1: writing, verifying and opening it.

docs/exam-package.md is the specification. This package never imports `cryptography`; all the
cryptography goes through app.security.
"""

from app.package.errors import CODES, PackageError
from app.package.limits import DEFAULT_LIMITS, Limits
from app.package.manifest import FORMAT_VERSION
from app.package.reader import open_package, open_sealed_paper, verify_package
from app.package.sample import SampleInfo, make_sample
from app.package.writer import assemble, build_package, package_members, write_zip

__all__ = [
    "CODES",
    "DEFAULT_LIMITS",
    "FORMAT_VERSION",
    "Limits",
    "PackageError",
    "SampleInfo",
    "assemble",
    "build_package",
    "make_sample",
    "open_package",
    "open_sealed_paper",
    "package_members",
    "verify_package",
    "write_zip",
]
