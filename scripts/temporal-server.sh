#!/usr/bin/env bash
# Prints the bin folder holding the production Temporal server (temporal-server) and its schema
# tool (temporal-sql-tool), building the pinned version from the Go module proxy into a cache
# outside the clone the first time. The folder beside it, schema/, keeps the PostgreSQL schema
# files the tool applies (they ship in the module's source, which the build then deletes).
# Only `./ventanilla bench --topology production` needs this; progress goes to stderr so callers
# can capture the path.
set -euo pipefail
# v1.29.1 is what the dev server of CLI 1.5.1 embeds and builds with this machine's Go; v1.30+
# would need GOTOOLCHAIN=go1.27.3 (docs: /work/shared/notes/temporal-offline.md).
VERSION="${TEMPORAL_SERVER_VERSION:-1.29.1}"
CACHE="${VENTANILLA_CACHE:-$HOME/.cache/ventanilla}/temporal-server-$VERSION"
BIN="$CACHE/bin"
MODULE=go.temporal.io/server

if [ -x "$BIN/temporal-server" ] && [ -x "$BIN/temporal-sql-tool" ] && [ -d "$CACHE/schema/postgresql/v12" ]; then
  echo "$BIN"; exit 0
fi

command -v go >/dev/null 2>&1 || { echo "No Temporal server in $BIN and no Go toolchain to build one: install Go (https://go.dev/dl)." >&2; exit 1; }
echo "Building Temporal server v$VERSION and temporal-sql-tool from the Go module proxy into $CACHE (first run only, 5–15 minutes)…" >&2
mkdir -p "$BIN"
# A private GOPATH/GOCACHE inside the cache keeps the build out of the clone and of other builds.
export GOPATH="$CACHE/gopath" GOCACHE="$CACHE/gocache" GOFLAGS=-modcacherw
# A half-finished build must not leave gigabytes behind (or a bin folder that looks complete).
trap 'rm -rf "$CACHE/gocache" "$CACHE/gopath"' EXIT
# `go install` builds a module's command at a version only when its go.mod has no replace
# directive; v1.29.1 has none. The tool's package is cmd/tools/sql, hence the rename below.
GOBIN="$BIN.partial" go install "$MODULE/cmd/server@v$VERSION" "$MODULE/cmd/tools/sql@v$VERSION" >&2
mv "$BIN.partial/server" "$BIN/temporal-server"
mv "$BIN.partial/sql" "$BIN/temporal-sql-tool"
rmdir "$BIN.partial"
echo "Keeping the PostgreSQL schema files (the sources are deleted)…" >&2
src=$(go mod download -json "$MODULE@v$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$src/schema/postgresql/v12" ] || { echo "The module source at '$src' has no schema/postgresql/v12: is $VERSION a server release?" >&2; exit 1; }
rm -rf "$CACHE/schema"
mkdir -p "$CACHE/schema/postgresql"
cp -R "$src/schema/postgresql/v12" "$CACHE/schema/postgresql/v12"
chmod -R u+w "$CACHE/schema"
echo "$BIN"
