// GET /metrics for Prometheus (issue 15): from loopback, or with METRICS_TOKEN as a bearer from
// anywhere else (README, Configuration).
import { Router } from 'express';
import { mayScrape } from '../../platform/metrics/access.js';
import type { ApiDeps } from '../deps.js';
import type { ApiMetrics } from './metrics.js';

export function metricsRoutes(deps: Pick<ApiDeps, 'config' | 'log'>, metrics: ApiMetrics): Router {
  const r = Router();
  r.get('/metrics', (req, res) => {
    if (!mayScrape(req, deps.config.METRICS_TOKEN, req.ip)) {
      res.status(403).type('text/plain').send('Scrape from loopback or with METRICS_TOKEN.\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.type(metrics.registry.contentType).send(text),
      (err: unknown) => {
        deps.log.warn({ err }, 'metrics scrape failed');
        res.status(500).type('text/plain').send('Metrics unavailable.\n');
      },
    );
  });
  return r;
}
