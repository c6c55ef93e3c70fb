#!/usr/bin/env bash
# Prints (last stdout line) the absolute path of a Docker Compose v2 binary, so `"$path" config`
# works on machines without the compose plugin (e.g. CI, which has only the docker client).
# Order:
#   1. the docker CLI's compose plugin, when `docker compose version` works (its binary's path);
#   2. `docker-compose` on PATH when it is v2 or newer;
#   3. the per-version cache  ${VENTANILLA_CACHE:-~/.cache/ventanilla}/compose-<version>/docker-compose;
#   4. a fresh build of the pinned version from the Go module proxy into that cache, which is
#      also linked as the docker CLI plugin (${DOCKER_CONFIG:-~/.docker}/cli-plugins/docker-compose)
#      so that `docker compose …` works afterwards.
# Progress goes to stderr. Exit status is non-zero when no compose v2 could be had; if Debian's
# docker-compose 1.x is the only one present, its path is printed with a warning (it cannot do
# `config --format json`).
#
# Env: VENTANILLA_COMPOSE_VERSION  compose version to build (default below, without the "v")
#      VENTANILLA_CACHE            cache root (default ~/.cache/ventanilla)
#      DOCKER_CONFIG               docker CLI config dir (default ~/.docker)
set -Eeuo pipefail

exec 3>&1 1>&2 # everything goes to stderr; only the final path goes to the caller's stdout (fd 3)

VERSION="${VENTANILLA_COMPOSE_VERSION:-2.40.3}"
VERSION="${VERSION#v}"
MODULE=github.com/docker/compose/v2
CACHE_ROOT="${VENTANILLA_CACHE:-$HOME/.cache/ventanilla}"
CACHE_DIR="$CACHE_ROOT/compose-$VERSION"
BIN="$CACHE_DIR/docker-compose"
PLUGIN_DIR="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"

say() { echo "docker-compose-cli: $*"; }
die() { echo "docker-compose-cli: error: $*"; exit 1; }
print_path() { echo "$1" >&3; exit 0; }

# Major version of a compose binary ("2.40.3" -> 2), or nothing when it does not run.
major_of() { "$@" version --short 2>/dev/null | sed -E 's/^v//; s/\..*//' | head -n1; }
is_v2plus() { local m; m=$(major_of "$@" || true); [[ "$m" =~ ^[0-9]+$ ]] && [ "$m" -ge 2 ]; }

# 1. The docker CLI plugin. The plugin binary also runs standalone, so print where it lives.
if command -v docker >/dev/null 2>&1 && is_v2plus docker compose; then
  plugin=$(docker info --format '{{range .ClientInfo.Plugins}}{{if eq .Name "compose"}}{{.Path}}{{end}}{{end}}' 2>/dev/null || true)
  plugin=$(printf '%s\n' "$plugin" | grep -m1 '^/' || true)
  if [ -z "$plugin" ]; then
    for d in "$PLUGIN_DIR" /usr/local/lib/docker/cli-plugins /usr/local/libexec/docker/cli-plugins \
      /usr/lib/docker/cli-plugins /usr/libexec/docker/cli-plugins; do
      [ -x "$d/docker-compose" ] && { plugin="$d/docker-compose"; break; }
    done
  fi
  if [ -n "$plugin" ] && is_v2plus "$plugin"; then print_path "$(readlink -f "$plugin")"; fi
fi

# 2. A standalone docker-compose v2+ on PATH.
if command -v docker-compose >/dev/null 2>&1 && is_v2plus docker-compose; then
  print_path "$(command -v docker-compose)"
fi

install_plugin() { # make `docker compose` work too (best effort)
  if [ ! -e "$PLUGIN_DIR/docker-compose" ] || [ -L "$PLUGIN_DIR/docker-compose" ]; then
    if mkdir -p "$PLUGIN_DIR" 2>/dev/null && ln -sfn "$BIN" "$PLUGIN_DIR/docker-compose" 2>/dev/null; then
      say "linked $PLUGIN_DIR/docker-compose -> $BIN (\`docker compose\` now works)"
    else
      say "warning: could not link $BIN into $PLUGIN_DIR; \`docker compose\` stays unavailable"
    fi
  else
    say "warning: $PLUGIN_DIR/docker-compose exists and does not work; left it alone (use $BIN)"
  fi
}

# 3. The per-version cache.
use_cache_if_good() {
  [ -x "$BIN" ] || return 1
  if is_v2plus "$BIN"; then install_plugin; print_path "$BIN"; fi
  say "cached $BIN does not run; rebuilding it"
  return 1
}
use_cache_if_good || true

v1_fallback() { # last resort, loudly
  if command -v docker-compose >/dev/null 2>&1; then
    say "warning: only $(docker-compose version --short 2>/dev/null || echo '1.x') docker-compose is available;"
    say "warning: it lacks compose v2 features (e.g. \`config --format json\`)"
    print_path "$(command -v docker-compose)"
  fi
  exit 1
}

# 4. Build. Serialise concurrent callers on a lock, then re-check the cache.
mkdir -p "$CACHE_ROOT" || die "cannot create $CACHE_ROOT: set VENTANILLA_CACHE to a writable directory"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE_ROOT/.compose-$VERSION.lock"
  if ! flock -n 9; then
    say "another docker-compose-cli is building compose $VERSION; waiting for it…"
    flock 9
  fi
  use_cache_if_good || true
fi

if ! command -v go >/dev/null 2>&1; then
  say "no compose v2 found and no Go toolchain to build one: install Go (https://go.dev/dl) or Docker's compose plugin"
  v1_fallback
fi

START=$(date +%s)
TMP=$(mktemp -d "$CACHE_ROOT/.compose-build.XXXXXX")
# The module cache and build cache (~1 GB) are only useful for a rebuild of a pinned version:
# they live in TMP and go away with it; only the binary is kept.
GO_PID=""
# shellcheck disable=SC2317 # called by the traps
cleanup() { rm -rf "$TMP" 2>/dev/null || { chmod -R u+w "$TMP"; rm -rf "$TMP"; }; }
# shellcheck disable=SC2317
on_signal() { [ -z "$GO_PID" ] || kill "$GO_PID" 2>/dev/null || true; wait 2>/dev/null; exit 143; }
trap cleanup EXIT
trap on_signal TERM INT HUP # stop the go command (e.g. a caller's timeout), then clean up
# Runs go in the background and waits, so that a signal reaches the trap (and go) at once.
run_go() { local rc=0; go "$@" & GO_PID=$!; wait "$GO_PID" || rc=$?; GO_PID=""; return "$rc"; }
export GOPATH="$TMP/gopath" GOMODCACHE="$TMP/gopath/pkg/mod" GOCACHE="$TMP/gocache" \
  GOFLAGS="-modcacherw -buildvcs=false" CGO_ENABLED=0
LDFLAGS="-s -w -X $MODULE/internal.Version=v$VERSION"
say "building Docker Compose v$VERSION from the Go module proxy with $(go version | cut -d' ' -f3) (first run only, a few minutes)…"

built=""
# a) The plain way. go install refuses modules whose go.mod has replace or exclude directives
#    (compose 2.40.x excludes two go-spew/go-difflib pseudo-versions), hence b).
rc=0
GOBIN="$TMP/bin" run_go install -trimpath -ldflags "$LDFLAGS" "$MODULE/cmd@v$VERSION" 2>"$TMP/install.log" || rc=$?
cat "$TMP/install.log"
if [ "$rc" = 0 ]; then
  built="$TMP/bin/cmd"
else
  if grep -qE 'replace|exclude' "$TMP/install.log"; then
    # b) Build compose as the main module, from its own module zip (the Go module proxy serves
    #    it with go.mod and go.sum), so its replace/exclude directives and checksums apply verbatim.
    say "go install refuses compose's go.mod directives; building the module as the main module instead"
    dir=$(go mod download -json "$MODULE@v$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p') || true
    if [ -f "$dir/go.mod" ]; then
      cp -R "$dir" "$TMP/src" && chmod -R u+w "$TMP/src"
      if run_go -C "$TMP/src" build -trimpath -ldflags "$LDFLAGS" -o "$TMP/bin/cmd" ./cmd; then
        built="$TMP/bin/cmd"
      fi
    else
      say "could not download $MODULE@v$VERSION (GOPROXY=$(go env GOPROXY))"
    fi
  fi
fi
if [ -z "$built" ] || ! is_v2plus "$built"; then
  say "could not build compose v$VERSION from the Go module proxy (see the go output above)"
  v1_fallback
fi

# Copy next to the target, then rename: readers never see a half-written binary.
mkdir -p "$CACHE_DIR"
cp "$built" "$CACHE_DIR/.docker-compose.$$"
chmod 755 "$CACHE_DIR/.docker-compose.$$"
mv -f "$CACHE_DIR/.docker-compose.$$" "$BIN"
say "built $BIN ($("$BIN" version --short), $(du -h "$BIN" | cut -f1)) in $(($(date +%s) - START)) s"
install_plugin
print_path "$BIN"
