// The worker's /metrics (issue 15): its process series, dispatch latency read from the database
// on each scrape, and the Temporal SDK's own series (task slots, poll and task latencies, sticky
// cache), which the SDK exports on a loopback port of its own and this listener appends.
import { Gauge } from 'prom-client';
import type { Db } from '../db/knex.js';
import { dispatchFigures } from '../db/metrics.js';
import type { Logger } from '../platform/logger.js';
import { createRegistry } from '../platform/metrics/registry.js';
import { serveMetrics, type MetricsServer } from '../platform/metrics/server.js';

export function startWorkerMetrics(opts: {
  db: Db;
  host: string;
  port: number;
  token?: string;
  /** Where the SDK's Prometheus exporter listens (Runtime telemetryOptions), if it does. */
  sdkMetricsUrl?: string;
  log: Logger;
}): Promise<MetricsServer> {
  const registry = createRegistry('worker');
  let figures: ReturnType<typeof dispatchFigures> | undefined;
  const readDispatch = () => {
    figures ??= dispatchFigures(opts.db).finally(() => setImmediate(() => (figures = undefined)));
    return figures;
  };
  new Gauge({
    name: 'ventanilla_dispatch_wait_seconds',
    help: 'Waiting → calling of the tickets each branch called in the last 5 minutes, by quantile.',
    labelNames: ['branch_id', 'quantile'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const f of await readDispatch()) {
        const branch_id = String(f.branchId);
        this.set({ branch_id, quantile: '0.5' }, f.p50);
        this.set({ branch_id, quantile: '0.95' }, f.p95);
        this.set({ branch_id, quantile: '0.99' }, f.p99);
      }
    },
  });
  new Gauge({
    name: 'ventanilla_dispatch_calls',
    help: 'Tickets each branch called in the last 5 minutes.',
    labelNames: ['branch_id'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const f of await readDispatch()) this.set({ branch_id: String(f.branchId) }, f.calls);
    },
  });
  const sdk = opts.sdkMetricsUrl;
  return serveMetrics({
    registry,
    host: opts.host,
    port: opts.port,
    token: opts.token,
    log: opts.log,
    extra: sdk
      ? async () => {
          // The worker's own series are still worth a scrape when the SDK's exporter does not answer.
          const res = await fetch(sdk, { signal: AbortSignal.timeout(5000) }).catch((err: unknown) => err as Error);
          if (res instanceof Response && res.ok) return res.text();
          opts.log.warn({ err: res instanceof Error ? res.message : res.status }, 'Temporal SDK metrics unavailable');
          return '# Temporal SDK metrics unavailable at this scrape\n';
        }
      : undefined,
  });
}
