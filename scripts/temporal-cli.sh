#!/usr/bin/env bash
# Prints the path of a Temporal CLI, building the pinned version from the Go module proxy
# into a cache outside the clone the first time. Order: $TEMPORAL_CLI, `temporal` on PATH,
# the cache, a fresh build. Progress goes to stderr so callers can capture the path.
set -euo pipefail
VERSION="${TEMPORAL_CLI_VERSION:-1.5.1}"
CACHE="${VENTANILLA_CACHE:-$HOME/.cache/ventanilla}/temporal-$VERSION"
BIN="$CACHE/bin/temporal"

if [ -n "${TEMPORAL_CLI:-}" ]; then
  [ -x "$TEMPORAL_CLI" ] || { echo "TEMPORAL_CLI=$TEMPORAL_CLI is not an executable file: fix the path or unset it" >&2; exit 1; }
  echo "$TEMPORAL_CLI"; exit 0
fi
if command -v temporal >/dev/null 2>&1; then command -v temporal; exit 0; fi
if [ -x "$BIN" ]; then echo "$BIN"; exit 0; fi

command -v go >/dev/null 2>&1 || { echo "No Temporal CLI found and no Go toolchain to build one: install Go (https://go.dev/dl) or set TEMPORAL_CLI=/path/to/temporal" >&2; exit 1; }
mkdir -p "$CACHE/bin"
# Serialise concurrent callers (parallel worktrees, a start beside a test run): a second build
# into the same GOPATH would have its sources removed by the first one's clean-up below.
exec 9>"$CACHE/.build.lock"
flock 9
if [ -x "$BIN" ]; then echo "$BIN"; exit 0; fi
echo "Building Temporal CLI v$VERSION from the Go module proxy into $CACHE (first run only, several minutes)…" >&2
# A private GOPATH/GOCACHE inside the cache keeps the build reusable and out of the clone.
GOBIN="$CACHE/bin" GOPATH="$CACHE/gopath" GOCACHE="$CACHE/gocache" GOFLAGS=-modcacherw \
  go install "github.com/temporalio/cli/cmd/temporal@v$VERSION" >&2
# Sources and build cache are only useful for a rebuild, which never happens for a pinned
# version: drop them (~2 GB) and keep the binary.
rm -rf "$CACHE/gocache" "$CACHE/gopath"
echo "$BIN"
