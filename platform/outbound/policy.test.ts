// Issue 13: the outbound destination policy on its own — every spelling of a forbidden address
// is the same address, names are judged by what they resolve to (every time), and only the
// operator's allow-list opens a door, no wider than it says.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowList } from './allow.js';
import { outboundPolicy, OutboundRefused, type Lookup, type ResolvedAddress } from './policy.js';
import { postChecked } from './post.js';

const noDns: Lookup = async (host) => {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};
const dnsSays =
  (answers: Record<string, string[]>): Lookup =>
  async (host) => {
    const found = answers[host];
    if (!found) return noDns(host);
    return found.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

async function refusal(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    if (err instanceof OutboundRefused) return err.reason;
    throw err;
  }
}

describe('issue 13: outbound destination policy', () => {
  const policy = outboundPolicy([], { lookup: noDns });

  it('refuses loopback, private, link-local, unique-local, carrier NAT, metadata and reserved addresses in every spelling', async () => {
    const cases: [string, string][] = [
      ['http://127.0.0.1:5488/', 'loopback'],
      ['http://127.9.9.9/', 'loopback'],
      ['http://[::1]:7233/', 'loopback'],
      ['http://2130706433/', 'loopback'],
      ['http://0x7f000001/', 'loopback'],
      ['http://0177.0.0.1/', 'loopback'],
      ['http://017700000001/', 'loopback'],
      ['http://127.1/', 'loopback'],
      ['http://0x7f.1/', 'loopback'],
      ['http://%31%32%37.0.0.1/', 'loopback'],
      ['http://127.0.0.1./', 'loopback'],
      ['http://[::ffff:127.0.0.1]/', 'loopback'],
      ['http://[0:0:0:0:0:ffff:7f00:1]/', 'loopback'],
      ['http://localhost:5488/', 'loopback'],
      ['http://api.localhost/', 'loopback'],
      ['http://0.0.0.0/', 'unspecified'],
      ['http://0/', 'unspecified'],
      ['http://[::]/', 'unspecified'],
      ['http://10.1.2.3/', 'private'],
      ['http://172.16.0.1/', 'private'],
      ['http://172.31.255.255/', 'private'],
      ['http://192.168.1.1/', 'private'],
      ['http://[::ffff:192.168.1.1]/', 'private'],
      ['http://169.254.169.254/latest/meta-data/', 'metadata'],
      ['http://2852039166/', 'metadata'],
      ['http://[::ffff:a9fe:a9fe]/', 'metadata'],
      ['http://169.254.1.1/', 'link_local'],
      ['http://[fe80::1]/', 'link_local'],
      ['http://[fd00::1]/', 'unique_local'],
      ['http://[fd00:ec2::254]/', 'metadata'],
      ['http://100.64.0.1/', 'carrier_nat'],
      ['http://100.100.100.200/', 'metadata'],
      ['http://224.0.0.1/', 'multicast'],
      ['http://[ff02::1]/', 'multicast'],
      ['http://255.255.255.255/', 'reserved'],
      ['http://192.0.2.1/', 'reserved'],
      ['http://[2001:db8::1]/', 'reserved'],
      ['http://[::7f00:1]/', 'reserved'],
      // IPv6 forms that carry an IPv4 address: NAT64 and 6to4 reach it, so it decides.
      ['http://[64:ff9b::7f00:1]/', 'loopback'],
      ['http://[2002:a00:1::]/', 'private'],
    ];
    for (const [url, reason] of cases) expect(await refusal(policy.checkUrl(new URL(url))), url).toBe(reason);
  });

  it('lets public addresses through, and a name that does not resolve when saved', async () => {
    for (const url of [
      'http://93.184.215.14/',
      'https://[2606:4700::6810:84e5]/',
      'http://[64:ff9b::5db8:d70e]/',
      'http://172.32.0.1/',
      'https://hooks.example.test/x',
    ]) {
      expect(await refusal(policy.checkUrl(new URL(url))), url).toBeUndefined();
    }
  });

  it('judges a name by every address it resolves to, and again at each call (DNS rebinding)', async () => {
    const answers: Record<string, string[]> = {
      'hooks.example.test': ['93.184.215.14'],
      'mixed.example.test': ['93.184.215.14', '10.0.0.7'],
    };
    const p = outboundPolicy([], { lookup: dnsSays(answers) });
    expect(await refusal(p.checkUrl(new URL('https://hooks.example.test/')))).toBeUndefined();
    expect(await refusal(p.checkUrl(new URL('https://mixed.example.test/')))).toBe('private');
    answers['hooks.example.test'] = ['127.0.0.1']; // the attacker's DNS answers differently now
    expect(await refusal(p.resolve('hooks.example.test', 443))).toBe('loopback');
  });

  it('refuses a name whose resolution is the metadata service, without echoing its address', async () => {
    const p = outboundPolicy([], { lookup: dnsSays({ 'metadata.google.internal': ['169.254.169.254'] }) });
    const err = await p.resolve('metadata.google.internal', 80).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutboundRefused);
    expect((err as Error).message).toContain('metadata.google.internal resolves to a metadata address');
    expect((err as Error).message).not.toContain('169.254');
  });

  it('opens only what the allow-list names: an address and port, a block, or a host name', async () => {
    const p = outboundPolicy(parseAllowList('127.0.0.1:8025, 10.20.0.0/16 [fd00::5]:443 hooks.internal'), {
      lookup: dnsSays({ 'hooks.internal': ['10.99.0.1'], localhost: ['127.0.0.1'] }),
    });
    expect(await refusal(p.resolve('127.0.0.1', 8025))).toBeUndefined();
    expect(await refusal(p.resolve('localhost', 8025))).toBeUndefined();
    expect(await refusal(p.resolve('127.0.0.1', 5488))).toBe('loopback'); // same host, the database's port
    expect(await refusal(p.resolve('::ffff:127.0.0.1', 8025))).toBeUndefined();
    expect(await refusal(p.resolve('10.20.3.4', 5432))).toBeUndefined();
    expect(await refusal(p.resolve('10.21.0.1', 80))).toBe('private');
    expect(await refusal(p.resolve('fd00::5', 443))).toBeUndefined();
    expect(await refusal(p.resolve('fd00::5', 80))).toBe('unique_local');
    expect(await refusal(p.resolve('hooks.internal', 443))).toBeUndefined();
    expect(await refusal(p.resolve('169.254.169.254', 80))).toBe('metadata');
  });

  it('refuses an allow-list it cannot read, naming the entry', () => {
    for (const bad of ['10.0.0.0/33', '127.0.0.1:0', '127.0.0.1:99999', 'not a host!', 'a/b']) {
      expect(() => parseAllowList(bad), bad).toThrow(/OUTBOUND_ALLOW entry/);
    }
    expect(parseAllowList('')).toEqual([]);
  });
});

describe('issue 13: a checked POST connects only where the policy said yes', () => {
  let server: http.Server;
  let port: number;
  const hits: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(`${req.headers.host} ${req.url}`);
      res
        .writeHead(
          req.url === '/moved' ? 302 : 204,
          req.url === '/moved' ? { location: `http://127.0.0.1:${port}/elsewhere` } : {},
        )
        .end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('refuses before connecting, then connects to the pinned address with the name as Host, and follows no redirect', async () => {
    const refused = outboundPolicy([], { lookup: dnsSays({ 'receiver.test': ['127.0.0.1'] }) });
    await expect(
      postChecked(refused, new URL(`http://receiver.test:${port}/a`), '{}', { headers: {}, timeoutMs: 2000 }),
    ).rejects.toBeInstanceOf(OutboundRefused);
    expect(hits).toEqual([]);

    const allowed = outboundPolicy(parseAllowList(`127.0.0.1:${port}`), {
      lookup: dnsSays({ 'receiver.test': ['127.0.0.1'] }),
    });
    expect(
      await postChecked(allowed, new URL(`http://receiver.test:${port}/a?b=1`), '{}', { headers: {}, timeoutMs: 2000 }),
    ).toBe(204);
    expect(
      await postChecked(allowed, new URL(`http://receiver.test:${port}/moved`), '{}', { headers: {}, timeoutMs: 2000 }),
    ).toBe(302);
    expect(hits).toEqual([`receiver.test:${port} /a?b=1`, `receiver.test:${port} /moved`]);
  });
});
