// Issue 17: API answers travel compressed. A long list (the back office's customers page) comes
// back brotli or gzip, whichever the client asks for, and still reads as the same JSON; a client
// that asks for nothing gets it plain.
import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';

let app: AppStack;
let admin: ApiClient;
const LIST = `/api/customers?range=${encodeURIComponent('[0,299]')}&sort=${encodeURIComponent('["id","ASC"]')}`;

beforeAll(async () => {
  app = await createAppStack();
  admin = await app.login('admin@andino.demo');
  const { entity_id } = await app.db('customers').first('entity_id');
  await app.db('customers').insert(
    Array.from({ length: 300 }, (_, i) => ({
      entity_id,
      first_name: `Cliente ${i}`,
      last_name: 'De Prueba Compresión',
      email: `cliente${i}@correo.demo`,
      id_number: `9000${i}`,
    })),
  );
});
afterAll(() => app?.closeAll());

/** A raw GET with the session: fetch would decompress the body and hide what went over the wire. */
function get(path: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const headers: Record<string, string> = { cookie: admin.cookie };
    if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding;
    http
      .get(app.url + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

describe('issue 17: compressed API answers', () => {
  it('a long JSON list comes back brotli or gzip as asked, several times smaller, the same JSON', async () => {
    const plain = await get(LIST);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const rows = JSON.parse(plain.body.toString('utf8')) as unknown[];
    expect(rows.length).toBeGreaterThan(250);

    const br = await get(LIST, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(JSON.parse(zlib.brotliDecompressSync(br.body).toString('utf8'))).toEqual(rows);

    const gz = await get(LIST, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.body).toString('utf8'))).toEqual(rows);
    // ra-data-simple-rest reads the total from this header; compression leaves it alone.
    expect(gz.headers['content-range']).toBe(plain.headers['content-range']);
  });
});
