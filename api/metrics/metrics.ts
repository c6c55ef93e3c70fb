// The API's Prometheus series (issue 15): request latency by route and status, live socket
// connections, and each service's queue read from the database when Prometheus scrapes.
import type { RequestHandler } from 'express';
import type { Server } from 'socket.io';
import { Gauge, Histogram } from 'prom-client';
import type { Db } from '../../db/knex.js';
import { queueFigures } from '../../db/metrics.js';
import { createRegistry, type Registry } from '../../platform/metrics/registry.js';

export interface ApiMetrics {
  registry: Registry;
  /** Times every request; the route is the matched pattern (`/api/tickets/:id/attend`), never the raw path. */
  timeRequests: RequestHandler;
  /** Counts the sockets of this server's namespaces on each scrape. */
  watchSockets(io: Server): void;
}

export function createApiMetrics(db: Db): ApiMetrics {
  const registry = createRegistry('api');
  const duration = new Histogram({
    name: 'ventanilla_http_request_duration_seconds',
    help: 'HTTP requests to the API by method, matched route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  let io: Server | undefined;
  new Gauge({
    name: 'ventanilla_socket_connections',
    help: 'Open socket.io connections: staff (logged in) and public (displays, kiosks).',
    labelNames: ['namespace'] as const,
    registers: [registry],
    collect() {
      this.set({ namespace: 'staff' }, io?.of('/').sockets.size ?? 0);
      this.set({ namespace: 'public' }, io?.of('/public').sockets.size ?? 0);
    },
  });
  // One query fills both queue gauges; the second scrape's collect reuses the first's answer.
  let figures: ReturnType<typeof queueFigures> | undefined;
  const readQueues = () => {
    figures ??= queueFigures(db).finally(() => setImmediate(() => (figures = undefined)));
    return figures;
  };
  new Gauge({
    name: 'ventanilla_queue_waiting_tickets',
    help: 'Tickets waiting, per active service.',
    labelNames: ['branch_id', 'service_id'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const q of await readQueues())
        this.set({ branch_id: String(q.branchId), service_id: String(q.serviceId) }, q.waiting);
    },
  });
  new Gauge({
    name: 'ventanilla_queue_oldest_wait_seconds',
    help: 'How long the longest-waiting ticket of each active service has waited (0: nobody waits).',
    labelNames: ['branch_id', 'service_id'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const q of await readQueues())
        this.set({ branch_id: String(q.branchId), service_id: String(q.serviceId) }, q.oldestSeconds);
    },
  });

  return {
    registry,
    timeRequests: (req, res, next) => {
      const end = duration.startTimer();
      res.once('finish', () => {
        const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
        end({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    },
    watchSockets(server) {
      io = server;
    },
  };
}
