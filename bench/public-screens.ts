// Weight of the public screens and the back office's login (issue 17): each loaded cold in
// Chromium as on a slow phone (bench/support/screen-load.ts), printing the bytes that crossed the
// wire (the compressed JavaScript, then with its response headers, then everything) and the time
// until its primary control answered a tap, each beside its target. Each screen is visited once
// unmeasured first, so the server is warm as in production.
//   ./ventanilla bench-screens [--runs 3] [--screens kiosk,status]   (--screens: those whose name starts so)
// Times are the median of the runs; bytes are the first run's (they do not vary). Writes
// bench/results/public-screens-<time>.json.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemo } from '../db/seed/demo.js';
import { REPO_ROOT } from '../platform/config.js';
import { launchBrowser } from '../tests/support/browser.js';
import { guestLinkPath } from './support/guest-link.js';
import { surveyPath } from './support/survey-link.js';
import { measureLoad, SLOW_PHONE, warmUp, type LoadResult, type Surface } from './support/screen-load.js';
import { fmt, summary } from './support/stats.js';
import { startSystem } from './support/system.js';

const { values: v } = parseArgs({ options: { runs: { type: 'string', default: '3' }, screens: { type: 'string' } } });
const runs = Number(v.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of at least 1');

for (const app of ['console', 'admin'])
  if (!fs.existsSync(path.join(REPO_ROOT, app, 'dist/index.html')))
    throw new Error(`${app}/dist is missing: run it through ./ventanilla bench-screens, which builds the UIs`);

const KB = 1000;
console.log('Starting a fresh local system (PostgreSQL, Temporal dev server, worker, API) with the demo data…');
const sys = await startSystem();
const browser = await launchBrowser();
try {
  await seedDemo(sys.db);
  const branch = await sys.db('branches').where({ code: 'CEN' }).first('id');
  const branchId = branch.id as number;
  const service = await sys.db('services').where({ branch_id: branchId, label: 'C' }).first('id');
  /** A fresh ticket's status address, as the kiosk prints it. */
  const statusPath = async (): Promise<string> => {
    const res = await fetch(`${sys.apiUrl}/api/public/branches/${branchId}/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: service.id }),
    });
    if (res.status !== 201) throw new Error(`kiosk ticket: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { statusUrl: string }).statusUrl;
  };

  const surfaces: Surface[] = [
    {
      name: 'kiosk',
      path: `/kiosk/${branchId}`,
      jsTargetBytes: 100 * KB,
      usableTargetMs: 1_500,
      async use(page) {
        await page.getByRole('button', { name: /Depósitos y retiros/ }).waitFor();
        await page.getByRole('button', { name: 'Tengo una cita' }).click();
        await page.getByRole('heading', { name: 'Registre su llegada a la cita' }).waitFor();
      },
    },
    {
      name: 'status page',
      path: await statusPath(),
      jsTargetBytes: 100 * KB,
      usableTargetMs: 1_500,
      async use(page) {
        await page.getByRole('button', { name: 'Salir de la fila' }).click();
        await page.getByRole('button', { name: 'No, seguir en la fila' }).waitFor();
      },
    },
    {
      // Issue 20: the satisfaction page a message or the status page's QR opens; usable once a
      // tap on a score is stored and thanked for (a later run edits the same answer).
      name: 'survey page',
      path: await surveyPath(sys.db, sys.apiUrl, branchId, service.id),
      jsTargetBytes: 100 * KB,
      usableTargetMs: 1_500,
      async use(page) {
        await page.getByRole('button', { name: /^5/ }).click();
        await page.getByText('¡Gracias! Su calificación quedó registrada.', { exact: false }).waitFor();
      },
    },
    {
      // A wall screen: usable once it shows the branch's calls and its sound can be switched on.
      name: 'display',
      path: `/display/${branchId}`,
      jsTargetBytes: 100 * KB,
      async use(page) {
        await page.getByTestId('display-recent').waitFor({ state: 'attached' });
        await page.locator('.display-head .brand', { hasText: 'Sucursal' }).waitFor();
        const blocked = page.getByTestId('display-sound-blocked');
        if (await blocked.isVisible()) {
          await blocked.getByRole('button').click();
          await blocked.waitFor({ state: 'detached' });
        }
      },
    },
    {
      // The device check before a call, reached by a real link (a made-up one says the call ended).
      name: 'guest video page',
      path: await guestLinkPath(sys.db, sys.apiUrl, branchId, 'diego@andino.demo'),
      jsTargetBytes: 250 * KB,
      usableTargetMs: 2_500,
      async use(page) {
        await page.getByRole('button', { name: 'Entrar a la videollamada' }).click();
        await page.getByTestId('device-check').waitFor({ state: 'detached' });
      },
    },
    {
      // Tapping "Ingresar" with nothing typed: the form answers that the e-mail is required.
      name: 'back office login',
      path: '/admin/',
      usableTargetMs: 4_000,
      async use(page) {
        await page.getByRole('button', { name: 'Ingresar' }).click();
        await page.locator('input[name="username"][aria-invalid="true"]').waitFor();
      },
    },
  ];

  console.log(
    `Each screen ${runs}× cold (empty cache): ${SLOW_PHONE.downloadBitsPerSecond / 1e6} Mbit/s down, ` +
      `${SLOW_PHONE.uploadBitsPerSecond / 1e3} kbit/s up, ${SLOW_PHONE.latencyMs} ms RTT, CPU ${SLOW_PHONE.cpuSlowdown}× slower.\n`,
  );
  const wanted = v.screens?.split(',').map((w) => w.trim().toLowerCase());
  const chosen = surfaces.filter((s) => !wanted || wanted.some((w) => s.name.startsWith(w)));
  if (chosen.length === 0) throw new Error(`--screens names none of: ${surfaces.map((s) => s.name).join(', ')}`);
  const results: { surface: Surface; first: LoadResult; usable: number[] }[] = [];
  for (const surface of chosen) {
    await warmUp(browser, sys.apiUrl, surface);
    const loads: LoadResult[] = [];
    for (let i = 0; i < runs; i++) loads.push(await measureLoad(browser, sys.apiUrl, surface));
    results.push({ surface, first: loads[0]!, usable: loads.map((l) => l.usableMs) });
  }

  const kb = (b: number) => `${(b / KB).toFixed(1)} KB`;
  const verdict = (value: number, target: number | undefined) =>
    target === undefined ? '' : value <= target ? ' ✓' : ' ✗';
  const rows = results.map(({ surface, first, usable }) => {
    const p50 = summary(usable).p50;
    return [
      surface.name,
      `${kb(first.jsBodyBytes)}${verdict(first.jsBodyBytes, surface.jsTargetBytes)}`,
      surface.jsTargetBytes === undefined ? '—' : `≤ ${kb(surface.jsTargetBytes)}`,
      kb(first.jsBytes),
      String(first.requests),
      kb(first.totalBytes),
      first.jsEncodings.join('+'),
      `${fmt(p50)}${verdict(p50, surface.usableTargetMs)}`,
      surface.usableTargetMs === undefined ? '—' : `≤ ${fmt(surface.usableTargetMs)}`,
      kb(first.repeatJsBytes),
    ];
  });
  const head = [
    'screen',
    'JS',
    'target',
    'JS+headers',
    'requests',
    'all+headers',
    'JS encoding',
    'usable p50',
    'target',
    'JS 2nd visit',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));

  const out = path.join(
    REPO_ROOT,
    'bench/results',
    `public-screens-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        conditions: SLOW_PHONE,
        runs,
        screens: results.map(({ surface, first, usable }) => ({
          name: surface.name,
          path: surface.path.replace(/\/(status|join|survey)\/.*/, '/$1/…'),
          jsTargetBytes: surface.jsTargetBytes ?? null,
          usableTargetMs: surface.usableTargetMs ?? null,
          ...first,
          usableMs: usable,
        })),
      },
      null,
      2,
    ),
  );
  console.log(`\nWrote ${path.relative(REPO_ROOT, out)}`);
} finally {
  await browser.close();
  await sys.stop();
}
