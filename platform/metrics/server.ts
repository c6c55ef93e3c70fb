// A small HTTP listener serving /metrics, for processes without a web server of their own (the
// worker). `extra` appends another exporter's text (the Temporal SDK's), so Prometheus scrapes
// one address per process.
import http from 'node:http';
import type { Logger } from '../logger.js';
import { mayScrape } from './access.js';
import type { Registry } from './registry.js';

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

export async function serveMetrics(opts: {
  registry: Registry;
  host: string;
  port: number;
  token?: string;
  extra?: () => Promise<string>;
  log: Logger;
}): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') return void res.writeHead(404).end();
    if (!mayScrape(req, opts.token))
      return void res.writeHead(403).end('Scrape from loopback or with METRICS_TOKEN.\n');
    Promise.all([opts.registry.metrics(), opts.extra?.() ?? ''])
      .then(([own, extra]) => {
        res.writeHead(200, { 'content-type': opts.registry.contentType }).end(`${own}\n${extra}`);
      })
      .catch((err: unknown) => {
        opts.log.warn({ err }, 'metrics scrape failed');
        res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : opts.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
