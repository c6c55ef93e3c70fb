#!/usr/bin/env bash
# Prints (last stdout line) the absolute path of a mediasoup-worker that runs on this machine,
# for the mediasoup version installed in node_modules. Order: $MEDIASOUP_WORKER_BIN, the
# per-version cache, a fresh offline build into that cache. Progress goes to stderr.
#
# Why we build at all: mediasoup's postinstall downloads a prebuilt worker from GitHub (or builds
# with pip + wrapdb sources); neither is reachable offline, so we build the worker against
# Debian bookworm's libraries (recipe: /work/shared/notes/mediasoup-offline.md).
#
# Env: MEDIASOUP_WORKER_BIN  use this binary (ignored when unset or /dev/null)
#      VENTANILLA_CACHE      cache root (default ~/.cache/ventanilla)
#      VENTANILLA_ROOT       repo root holding node_modules/mediasoup (default: parent of sfu/)
set -Eeuo pipefail

# Everything below writes to stderr; only the final path goes to the caller's stdout (fd 3).
exec 3>&1 1>&2

say() { echo "install-worker: $*"; }
die() { echo "install-worker: error: $*"; exit 1; }
trap 'echo "install-worker: unexpected failure at line $LINENO ($BASH_COMMAND): rerun with \`bash -x $0\` to see where"' ERR

RUNTIME_PKGS=(libuv1 libsrtp2-1 libusrsctp2 libabsl20220623 libssl3)
BUILD_PKGS=(build-essential pkg-config python3 meson ninja-build flatbuffers-compiler
  libflatbuffers-dev libssl-dev libuv1-dev libsrtp2-dev libusrsctp-dev libabsl-dev)
TESTED_VERSION=3.19.3

ROOT=$(cd "${VENTANILLA_ROOT:-$(dirname "${BASH_SOURCE[0]}")/..}" && pwd)
MS_DIR="$ROOT/node_modules/mediasoup"
[ -f "$MS_DIR/package.json" ] || die "no $MS_DIR/package.json: run \`npm ci\` in $ROOT first"
command -v node >/dev/null 2>&1 || die "node not found: install Node 20 (see README), then rerun"
VERSION=$(node -p 'require(process.argv[1]).version' "$MS_DIR/package.json") \
  || die "cannot read the version from $MS_DIR/package.json: reinstall mediasoup with \`npm ci\`"
CACHE_ROOT="${VENTANILLA_CACHE:-$HOME/.cache/ventanilla}"
CACHE_DIR="$CACHE_ROOT/mediasoup-worker-$VERSION"
BIN="$CACHE_DIR/mediasoup-worker"

print_path() { echo "$1" >&3; exit 0; }

# The worker exits 41 when started without MEDIASOUP_VERSION (i.e. not by mediasoup's Node
# side): reaching that exit proves the dynamic linker resolved every library and main() ran.
runs() { local rc=0; env -u MEDIASOUP_VERSION "$1" </dev/null >/dev/null 2>&1 || rc=$?; [ "$rc" = 41 ]; }

is_root() { [ "$(id -u)" = 0 ]; }

# Prints the packages of $@ that dpkg does not report as installed.
missing_pkgs() {
  local p
  for p in "$@"; do
    case "$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)" in ii*) ;; *) echo "$p" ;; esac
  done
}

apt_install() {
  say "apt-get install $*"
  apt-get update -qq || die "apt-get update failed: check the network/apt sources, then rerun"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
    || die "apt-get install $* failed: install them by hand, then rerun"
}

# Maps a missing shared library (from ldd) to the Debian bookworm package that ships it.
pkg_of_soname() {
  case "$1" in
    libuv.so.*) echo libuv1 ;;
    libsrtp2.so.*) echo libsrtp2-1 ;;
    libusrsctp.so.*) echo libusrsctp2 ;;
    libabsl_*) echo libabsl20220623 ;;
    libssl.so.* | libcrypto.so.*) echo libssl3 ;;
    *) echo "?$1" ;;
  esac
}

ensure_runtime_libs() {
  local bin=$1 missing pkgs
  missing=$(ldd "$bin" 2>/dev/null | awk '/=> not found/ {print $1}' || true)
  [ -z "$missing" ] && return 0
  pkgs=$(for so in $missing; do pkg_of_soname "$so"; done | sort -u | paste -sd' ')
  say "libraries missing for $bin: $(tr "\n" " " <<<"$missing")"
  case "$pkgs" in *'?'*) die "unknown libraries ($pkgs): delete $CACHE_DIR and rerun to rebuild against this system" ;; esac
  is_root || die "missing runtime packages: run \`sudo apt-get install -y $pkgs\`, then rerun"
  # shellcheck disable=SC2086 # one word per package
  apt_install $pkgs
}

# 1. An explicit binary wins (the /dev/null value only exists to skip mediasoup's postinstall).
if [ -n "${MEDIASOUP_WORKER_BIN:-}" ] && [ "$MEDIASOUP_WORKER_BIN" != /dev/null ]; then
  if [ -f "$MEDIASOUP_WORKER_BIN" ] && [ -x "$MEDIASOUP_WORKER_BIN" ]; then
    print_path "$(cd "$(dirname "$MEDIASOUP_WORKER_BIN")" && pwd)/$(basename "$MEDIASOUP_WORKER_BIN")"
  fi
  say "MEDIASOUP_WORKER_BIN=$MEDIASOUP_WORKER_BIN is not an executable file; ignoring it"
fi

# 2. The per-version cache.
use_cache_if_good() {
  [ -x "$BIN" ] || return 1
  ensure_runtime_libs "$BIN"
  runs "$BIN" && print_path "$BIN"
  say "cached $BIN does not run; rebuilding it"
  return 1
}
use_cache_if_good || true

# 3. Build. Serialise concurrent callers (e.g. parallel test files) on a lock, then re-check
#    the cache: whoever waited gets the binary the first one built.
command -v flock >/dev/null 2>&1 || die "flock not found: apt-get install -y util-linux, then rerun"
mkdir -p "$CACHE_ROOT" || die "cannot create $CACHE_ROOT: set VENTANILLA_CACHE to a writable directory"
exec 9>"$CACHE_ROOT/.mediasoup-worker-$VERSION.lock"
if ! flock -n 9; then
  say "another install-worker is building mediasoup-worker $VERSION; waiting for it…"
  flock 9
fi
use_cache_if_good || true

WORKER_SRC="$MS_DIR/worker"
[ -f "$WORKER_SRC/meson.build" ] || die "no $WORKER_SRC/meson.build: reinstall mediasoup@$VERSION with \`npm ci\`"
[ "$VERSION" = "$TESTED_VERSION" ] || say "warning: this recipe was validated on mediasoup $TESTED_VERSION, not $VERSION"

if command -v dpkg-query >/dev/null 2>&1; then
  mapfile -t need < <(missing_pkgs "${BUILD_PKGS[@]}" "${RUNTIME_PKGS[@]}")
  if [ "${#need[@]}" -gt 0 ]; then
    is_root || die "missing build packages: run \`sudo apt-get install -y ${need[*]}\`, then rerun"
    apt_install "${need[@]}"
  fi
fi
for tool in meson ninja flatc pkg-config c++ strip; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found: install ${BUILD_PKGS[*]} (Debian bookworm), then rerun"
done

say "building mediasoup-worker $VERSION (first run only, ~4 min)…"
START=$(date +%s)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/mediasoup-worker-$VERSION.XXXXXX")
LOG="$CACHE_ROOT/mediasoup-worker-$VERSION-build.log"
trap 'rm -rf "$TMP"' EXIT
# A copy, because the recipe edits sources and node_modules belongs to npm.
cp -a "$WORKER_SRC" "$TMP/worker"
rm -rf "$TMP/worker/out"

"$(dirname "${BASH_SOURCE[0]}")/worker-recipe/apply.sh" "$TMP/worker" \
  || die "the offline recipe did not apply to mediasoup $VERSION: see the message above"

step() { # step LABEL CMD... — full output to the log; on failure, its tail and where to look.
  say "$1"; shift
  if ! "$@" >>"$LOG" 2>&1; then
    tail -n 25 "$LOG"
    die "build step failed (full log: $LOG): fix the cause shown above, then rerun"
  fi
}
: >"$LOG"
cd "$TMP/worker"
# liburing is disabled: bookworm's liburing 2.3 lacks functions DepLibUring.cpp uses.
step "configuring (meson)…" meson setup out/Release --buildtype=release --wrap-mode=nodownload -Dms_disable_liburing=true
# The flatbuffers headers must be generated before any C++ file that includes them compiles.
step "generating flatbuffers headers…" meson compile -C out/Release flatbuffers-generator
step "compiling with $(nproc) jobs (the long part)…" ninja -C out/Release -j"$(nproc)" mediasoup-worker
strip out/Release/mediasoup-worker
runs out/Release/mediasoup-worker || die "the freshly built worker does not start (see $LOG): report it with the log"

# Copy next to the target first, then rename: readers never see a half-written binary.
mkdir -p "$CACHE_DIR"
cp out/Release/mediasoup-worker "$CACHE_DIR/.mediasoup-worker.$$"
mv -f "$CACHE_DIR/.mediasoup-worker.$$" "$BIN"
cd /
say "built $BIN ($(du -h "$BIN" | cut -f1)) in $(($(date +%s) - START)) s"
print_path "$BIN"
