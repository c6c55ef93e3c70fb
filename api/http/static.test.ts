// Issue 17: the built UIs go out compressed and cached by what their names promise — hashed
// assets for a year, index.html revalidated every time — and a missing asset is a 404.
import express from 'express';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFiles, consolePage, sendIndex } from './static.js';

const JS = 'export const answer = 42;\n'.repeat(100);
const INDEX = '<!doctype html><html><body><div id="root"></div></body></html>';
const PUBLIC = '<!doctype html><html><body><div id="root" data-page="public"></div></body></html>';
let dir: string;
let server: http.Server;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'static-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const write = (name: string, body: string, variants: boolean) => {
    fs.writeFileSync(path.join(dir, name), body);
    if (!variants) return;
    fs.writeFileSync(path.join(dir, `${name}.br`), zlib.brotliCompressSync(body));
    fs.writeFileSync(path.join(dir, `${name}.gz`), zlib.gzipSync(body));
  };
  write('assets/index-Cw_Y0xJh.js', JS, true);
  write('assets/tiny-AbCd1234.js', 'export {};', false);
  write('index.html', INDEX, true);
  write('public.html', PUBLIC, true);
  const app = express();
  app.use('/', builtFiles(dir));
  app.get(/.*/, sendIndex(dir, consolePage));
  server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
});
afterAll(() => {
  server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw GET: fetch would decompress the body and hide what went over the wire. */
function get(urlPath: string, acceptEncoding?: string) {
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    http
      .get({ port, path: urlPath, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

describe('issue 17: built UIs', () => {
  it('sends brotli to a browser that accepts it, gzip to one that accepts only gzip, plain to the rest', async () => {
    const br = await get('/assets/index-Cw_Y0xJh.js', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(JS);
    expect(br.body.length).toBeLessThan(JS.length / 10);

    const gz = await get('/assets/index-Cw_Y0xJh.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(JS);

    for (const acceptEncoding of ['identity', 'br;q=0, gzip;q=0', undefined]) {
      const plain = await get('/assets/index-Cw_Y0xJh.js', acceptEncoding);
      expect(plain.headers['content-encoding'], acceptEncoding).toBeUndefined();
      expect(plain.body.toString(), acceptEncoding).toBe(JS);
    }
  });

  it('caches hashed assets for a year as immutable, compressed or not', async () => {
    for (const res of [await get('/assets/index-Cw_Y0xJh.js', 'br'), await get('/assets/tiny-AbCd1234.js', 'br')]) {
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('revalidates index.html on every load, for client routes and by its own name', async () => {
    for (const urlPath of ['/tickets', '/index.html', '/', '/kiosk', '/kiosk/1/x']) {
      const res = await get(urlPath, 'br');
      expect(res.status, urlPath).toBe(200);
      expect(res.headers['cache-control'], urlPath).toBe('no-cache');
      expect(res.headers['content-type'], urlPath).toMatch(/^text\/html/);
      expect(zlib.brotliDecompressSync(res.body).toString(), urlPath).toBe(INDEX);
    }
  });

  it("answers a public address with the public pages' own build, revalidated and compressed", async () => {
    for (const urlPath of ['/kiosk/1', '/display/7/', '/status/Ab_c-9', '/join/x%2Fy?utm=1', '/public.html']) {
      const res = await get(urlPath, 'br');
      expect(res.status, urlPath).toBe(200);
      expect(res.headers['cache-control'], urlPath).toBe('no-cache');
      expect(res.headers['content-type'], urlPath).toMatch(/^text\/html/);
      expect(zlib.brotliDecompressSync(res.body).toString(), urlPath).toBe(PUBLIC);
    }
  });

  it('names the data a public page shows first, for the browser to fetch alongside its code', async () => {
    const link = async (urlPath: string) => (await get(urlPath, 'br')).headers['link'];
    expect(await link('/status/Ab_c-9')).toBe('</api/public/tickets/Ab_c-9>; rel=preload; as=fetch; crossorigin');
    expect(await link('/kiosk/12')).toBe('</api/public/branches/12>; rel=preload; as=fetch; crossorigin');
    expect(await link('/display/12/')).toBe('</api/public/branches/12/display>; rel=preload; as=fetch; crossorigin');
    // The address the page's own fetch uses: decoded from the page's, encoded again.
    expect(await link('/status/a%20b%3E%3B')).toBe(
      '</api/public/tickets/a%20b%3E%3B>; rel=preload; as=fetch; crossorigin',
    );
    for (const none of ['/kiosk/abc', '/join/Ab_c-9', '/tickets', '/']) expect(await link(none), none).toBeUndefined();
  });

  it('answers 404 for an asset this build does not have, never the index page', async () => {
    const res = await get('/assets/index-OLDHASH1.js', 'br');
    expect(res.status).toBe(404);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('serves nothing outside the build folder', async () => {
    const res = await get('/assets/..%2f..%2fetc%2fpasswd', 'br');
    expect(res.body.toString()).not.toMatch(/root:/);
    expect(res.status).toBe(404);
  });
});
