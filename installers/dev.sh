#!/usr/bin/env bash
# ExamSite developer entry point for Debian-family systems (Debian, Ubuntu, 统信UOS, Kylin).
#
#   installers/dev.sh demo [examsite demo args...]   install what is missing, open the demo console
#   installers/dev.sh test [pytest args...]          install what is missing, run the test suite
#
# "Install what is missing" is idempotent and quick when everything is present:
#   - Debian packages (Qt runtime libraries, zbar, CJK fonts; PostgreSQL server for `test`),
#     checked with one dpkg-query; `apt-get update` runs only when something must be installed;
#   - a Python >= 3.11 and a .venv in the repository root;
#   - `pip install -e '.[test,build]'` only when pyproject.toml or that list of extras changed since
#     the last install (the build extra brings PyInstaller: tests/installers builds the app).
# Environment: EXAMSITE_SKIP_APT=1 skips the Debian package step (for machines you don't administer).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$REPO_ROOT"

VENV="$REPO_ROOT/.venv"
STAMP="$VENV/.examsite-pyproject.sha256"
# the extras of pyproject.toml both commands install; `test` runs tests/installers, which needs `build`
EXTRAS="test,build"

# Runtime libraries. "a|b" means either package will do (names differ between releases:
# Debian 13 / Ubuntu 24.04 renamed several libraries with a t64 suffix).
RUNTIME_PACKAGES=(
    libzbar0 fonts-noto-cjk
    # a TrueType CJK font that reportlab can embed in printed PDFs (tickets, sign-in sheets)
    fonts-wqy-microhei
    # what PySide6 needs to import QtGui/QtWidgets and run offscreen
    libegl1 libgl1 "libglib2.0-0t64|libglib2.0-0" libfontconfig1 libfreetype6 libx11-6
    libxkbcommon0 libdbus-1-3
    # Qt's xcb platform plugin, for a real window on an X11 display
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
)
TEST_PACKAGES=(postgresql)
# the PDF tests render pages with pdftoppm/pdftotext; the ffmpeg recorder backend's tests need ffmpeg
TEST_TOOLS=(poppler-utils ffmpeg)

say() { printf 'dev.sh: %s\n' "$*" >&2; }
die() { printf 'dev.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
    cat >&2 <<'EOF'
usage: installers/dev.sh demo [args for `examsite demo`...]
       installers/dev.sh test [args for pytest...]
EOF
    exit 2
}

# --- Debian packages ---------------------------------------------------------------------

postgres_binaries_present() {
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        return 0
    fi
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

# Prints the entries of "$@" (each "a|b|..." alternatives) none of whose packages is installed.
missing_packages() {
    local names=() entry
    for entry in "$@"; do
        IFS='|' read -r -a alts <<<"$entry"
        names+=("${alts[@]}")
    done
    local installed
    installed=" $(dpkg-query -W -f='${Package}:${Status}\n' "${names[@]}" 2>/dev/null \
        | awk -F: '$2 ~ / installed$/ {printf "%s ", $1}' || true) "
    for entry in "$@"; do
        IFS='|' read -r -a alts <<<"$entry"
        local found=0 alt
        for alt in "${alts[@]}"; do
            if [[ "$installed" == *" $alt "* ]]; then found=1; break; fi
        done
        [[ $found == 1 ]] || printf '%s\n' "$entry"
    done
}

# Picks, for each "a|b" entry, the first alternative apt knows; warns about entries it can't find.
installable_packages() {
    local entry alt policy
    for entry in "$@"; do
        IFS='|' read -r -a alts <<<"$entry"
        local chosen=""
        for alt in "${alts[@]}"; do
            policy="$(apt-cache policy "$alt" 2>/dev/null || true)"
            if [[ "$policy" =~ Candidate:\ [^\(] ]]; then
                chosen="$alt"; break
            fi
        done
        if [[ -n "$chosen" ]]; then
            printf '%s\n' "$chosen"
        else
            say "warning: no Debian package '$entry' in the configured apt sources; skipping it"
        fi
    done
}

ensure_system_packages() {
    local wanted=("${RUNTIME_PACKAGES[@]}")
    if [[ "$1" == test ]] && ! postgres_binaries_present; then
        wanted+=("${TEST_PACKAGES[@]}")
    fi
    if [[ "$1" == test ]]; then
        wanted+=("${TEST_TOOLS[@]}")
    fi
    if [[ "${EXAMSITE_SKIP_APT:-}" == 1 ]]; then
        return 0
    fi
    if ! command -v dpkg-query >/dev/null 2>&1; then
        say "not a Debian-family system: install the equivalents of these yourself: ${wanted[*]}"
        return 0
    fi
    local missing=()
    mapfile -t missing < <(missing_packages "${wanted[@]}")
    [[ ${#missing[@]} -eq 0 ]] && return 0

    local as_root=()
    if [[ $(id -u) -ne 0 ]]; then
        if command -v sudo >/dev/null 2>&1; then
            as_root=(sudo)
            [[ -t 0 ]] || as_root=(sudo -n)
        else
            say "warning: missing Debian packages and neither root nor sudo; ask an administrator to run:"
            say "  apt-get install ${missing[*]//|/ or }"
            return 0
        fi
    fi
    say "installing Debian packages: ${missing[*]}"
    local apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y
               -o Dpkg::Use-Pty=0 -o APT::Install-Recommends=false)
    "${apt[@]}" update </dev/null >&2 || die "apt-get update failed"
    local to_install=()
    mapfile -t to_install < <(installable_packages "${missing[@]}")
    [[ ${#to_install[@]} -eq 0 ]] && return 0
    "${apt[@]}" install "${to_install[@]}" </dev/null >&2 \
        || die "apt-get install failed for: ${to_install[*]}"
}

# --- Python and the virtual environment ---------------------------------------------------

python_ok() {  # python_ok CMD: CMD runs and is Python >= 3.11
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1
}

find_python() {
    local candidate
    for candidate in python3.11 python3.12 python3.13 python3; do
        if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    return 1
}

ensure_venv() {
    if [[ -x "$VENV/bin/python" ]] && python_ok "$VENV/bin/python"; then
        return 0
    fi
    local python
    python="$(find_python)" || die "no Python 3.11 or newer found (looked for python3.11, python3.12,
python3.13, python3). On Debian 12 / UOS / Kylin: apt-get install python3 python3-venv;
elsewhere install Python 3.11+ and put it on PATH."
    if [[ -e "$VENV" ]]; then
        say "the existing .venv does not run a Python >= 3.11; recreating it"
        rm -rf "$VENV"
    fi
    say "creating .venv with $("$python" -c 'import sys; print(sys.executable, sys.version.split()[0])')"
    if ! "$python" -m venv "$VENV" >&2; then
        rm -rf "$VENV"
        die "could not create .venv with $python. On Debian-family systems: apt-get install python3-venv"
    fi
}

ensure_project_installed() {
    # the stamp holds pyproject.toml's hash and the extras installed: a change to either reinstalls
    local want have=""
    want="$(sha256sum pyproject.toml | cut -d' ' -f1) [$EXTRAS]"
    [[ -f "$STAMP" ]] && have="$(<"$STAMP")"
    [[ "$want" == "$have" ]] && return 0
    say "installing the project, its test and build tools into .venv (pyproject.toml changed or first run)"
    "$VENV/bin/python" -m pip install --disable-pip-version-check -q -e ".[$EXTRAS]" </dev/null >&2 \
        || die "pip install -e '.[$EXTRAS]' failed"
    printf '%s\n' "$want" >"$STAMP"
}

# --- main --------------------------------------------------------------------------------

[[ $# -ge 1 ]] || usage
command="$1"
shift
case "$command" in
    demo|test) ;;
    -h|--help|help) usage ;;
    *) say "unknown command: $command"; usage ;;
esac

ensure_system_packages "$command"
ensure_venv
ensure_project_installed

case "$command" in
    test)
        export QT_QPA_PLATFORM=offscreen
        if [ "$#" -eq 0 ]; then
            # the whole suite: one worker per core, each test file kept on one worker (many tests wait
            # on subprocesses, servers and cameras, so two workers nearly halve the time on 2 cores)
            set -- -n auto --dist loadfile
        fi
        exec "$VENV/bin/python" -m pytest "$@"
        ;;
    demo)
        if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
            export QT_QPA_PLATFORM=offscreen
            say "no DISPLAY or WAYLAND_DISPLAY: running offscreen, so the window cannot be seen."
            say "to see it without a screen: xvfb-run -a installers/dev.sh demo (apt-get install xvfb),"
            say "or save a picture: installers/dev.sh demo --screenshot demo.png"
        fi
        exec "$VENV/bin/examsite" demo "$@"
        ;;
esac
