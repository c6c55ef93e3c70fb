// GET /api/docs (a plain HTML list, no external assets) and /api/docs/openapi.json.
import { Router, type Request } from 'express';
import { apiRoutesOf } from './discover.js';
import { allOperations, buildOpenApi } from './openapi.js';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function docsRoutes(): Router {
  const r = Router();
  // Built on first use, when every router is mounted; routes do not change at run time.
  let cached: { doc: Record<string, unknown>; html: string } | undefined;
  const docs = (req: Request) => (cached ??= render(apiRoutesOf(req.app)));

  r.get('/docs/openapi.json', (req, res) => {
    res.json(docs(req).doc);
  });
  r.get('/docs', (req, res) => {
    res.type('html').send(docs(req).html);
  });
  return r;
}

function render(mounted: ReturnType<typeof apiRoutesOf>): { doc: Record<string, unknown>; html: string } {
  const rows = allOperations(mounted)
    .map(
      (op) =>
        `<tr><td><code>${op.method.toUpperCase()}</code></td><td><code>/api${escape(op.path)}</code></td><td>${escape(op.summary)}</td><td>${escape(op.auth ?? 'public')}</td></tr>`,
    )
    .join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ventanilla API</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem}td{padding:.2rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}</style></head>
<body><h1>Ventanilla API</h1><p>OpenAPI 3.1: <a href="/api/docs/openapi.json">/api/docs/openapi.json</a></p>
<table><thead><tr><th>Method</th><th>Path</th><th>What</th><th>Who</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
  return { doc: buildOpenApi(mounted), html };
}
