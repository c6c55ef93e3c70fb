#!/usr/bin/env bash
# Applies the offline recipe to a COPY of node_modules/mediasoup/worker (argument 1), so that
# `meson setup --wrap-mode=nodownload` builds it against Debian bookworm's system libraries.
# Each edit is verified: a recipe that silently stops matching a newer mediasoup would
# otherwise produce a worker that builds but crashes in production.
set -euo pipefail
W=${1:?usage: apply.sh <copy of mediasoup/worker>}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fail() { echo "worker-recipe: $*" >&2; exit 1; }
[ -f "$W/meson.build" ] || fail "$W is not a mediasoup worker source tree"
case "$W" in */node_modules/*) fail "refusing to edit $W: pass a copy, node_modules belongs to npm" ;; esac

# 1. The download-only wraps go; local stub subprojects (same variable names, pkg-config system
#    libraries) take their place. libsrtp3's stub carries the libsrtp2 compatibility header.
for w in openssl libuv libsrtp3 usrsctp abseil-cpp catch2 flatbuffers; do
  rm -f "$W/subprojects/$w.wrap"
  rm -rf "${W:?}/subprojects/$w"
  cp -R "$HERE/subprojects/$w" "$W/subprojects/$w"
done

# 2. Debian bookworm ships meson 1.0.1; nothing the worker uses needs 1.1.
sed -i "s/meson_version: '>= 1.1.0'/meson_version: '>= 1.0.0'/" "$W/meson.build"
if grep -q "meson_version: '>= 1.1.0'" "$W/meson.build"; then fail "meson version floor not lowered"; fi
if ! grep -q "meson_version: '>= 1.0.0'" "$W/meson.build"; then
  echo "worker-recipe: warning: unknown meson_version floor in meson.build; meson setup will tell" >&2
fi

# 3. Debian's libssl3 is built with kTLS and asks mediasoup's memory BIO whether kTLS send is on.
#    mediasoup's BIO callback tests `operationType == BIO_CB_RETURN`, which never matches, so it
#    answers 1 to every control query; libssl then never allocates its write buffer and the worker
#    dies (SIGSEGV) on the first DTLS handshake with a real browser. Test the flag bit instead.
DTLS="$W/src/RTC/DtlsTransport.cpp"
sed -i 's/(operationType == BIO_CB_RETURN)/(operationType \& BIO_CB_RETURN)/' "$DTLS"
grep -q '(operationType & BIO_CB_RETURN)' "$DTLS" \
  || fail "DTLS BIO callback fix did not apply to $DTLS (upstream changed it): check the BIO callback by hand before building"
if grep -q '(operationType == BIO_CB_RETURN)' "$DTLS"; then fail "DTLS BIO callback still compares with =="; fi
echo "worker-recipe: applied (system-library subprojects, libsrtp2 shim, meson floor, DTLS BIO fix)" >&2
