// For the video e2e: builds the harness with the console's Vite setup and serves it on one
// origin with the API behind /api, as the real deployment does (same-origin cookies and CSRF).
// The agent's call is the console's component on React (video-harness/); the guest's page is the
// real public build (vite.public.config.ts, on Preact), served for /join/… as the API serves it.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function buildHarness(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ventanilla-video-e2e-'));
  await build({
    configFile: path.join(here, '../vite.public.config.ts'),
    root: path.join(here, '..'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.join(here, 'video-harness'),
    base: '/',
    plugins: [react()],
    resolve: { alias: { '@domain': path.join(here, '../../domain') } },
    build: { outDir, emptyOutDir: false, sourcemap: false },
  });
  return outDir;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

/** Static files from `dir` (public.html for the guest's page, index.html for any other route) and /api proxied to `apiUrl()`. */
export async function serveHarness(
  dir: string,
  apiUrl: () => string,
): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      const upstream = http.request(apiUrl() + url, { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', (err) => res.writeHead(502).end(err.message));
      req.pipe(upstream);
      return;
    }
    const file = path.join(dir, path.normalize(url.split('?')[0] ?? '/'));
    const page = url.startsWith('/join/') ? 'public.html' : 'index.html';
    const target =
      file.startsWith(dir) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(dir, page);
    res.writeHead(200, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream' });
    fs.createReadStream(target).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
