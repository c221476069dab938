"""Why a package is refused: a stable code for programs and one clear sentence for the desk."""

from __future__ import annotations

from app.errors import KnownError
from app.i18n import tr

CODES = ("truncated", "oversized", "unsafe_path", "unsigned", "bad_signature", "tampered", "wrong_site",
         "malformed", "unsupported_version", "no_file")


class PackageError(KnownError):
    """An exam package that cannot be used; `.code` is one of CODES, `.member` the member concerned."""

    code = "package"

    def __init__(self, code: str, message: str, member: str | None = None) -> None:
        super().__init__(message, code=code)
        self.member = member


class Malformed(Exception):
    """Raised by the codecs with a translated detail; the reader adds the member's name."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def no_file(path) -> PackageError:
    return PackageError("no_file", tr("There is no file {path}.", path=path))


def truncated() -> PackageError:
    return PackageError("truncated", tr("The package file is incomplete or is not an exam package; copy it again."))


def oversized(member: str | None = None) -> PackageError:
    if member is None:
        return PackageError("oversized", tr("The package is larger than an exam package may be."))
    return PackageError("oversized", tr("The package member {member} is larger than allowed.", member=member),
                        member)


def unsafe_path(member: str) -> PackageError:
    return PackageError("unsafe_path", tr("The package contains an unsafe file name: {member}", member=member),
                        member)


def unsigned() -> PackageError:
    return PackageError("unsigned", tr("The package has no signature and cannot be trusted."))


def bad_signature() -> PackageError:
    return PackageError("bad_signature", tr("The package is not signed by a trusted issuer."))


def tampered(member: str) -> PackageError:
    return PackageError("tampered", tr("The package was altered after it was signed: {member} does not match "
                                       "its manifest.", member=member), member)


def wrong_site(site: str) -> PackageError:
    return PackageError("wrong_site", tr("This package is meant for site {site}, not for this site.", site=site))


def malformed(member: str, detail: str) -> PackageError:
    return PackageError("malformed", tr("The package member {member} is invalid: {detail}", member=member,
                                        detail=detail), member)


def unsupported_version(version: object) -> PackageError:
    return PackageError("unsupported_version", tr("The package has format version {version}, which this version "
                                                  "of ExamSite cannot read.", version=version))
