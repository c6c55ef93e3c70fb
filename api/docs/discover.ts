// Reads the routes actually mounted on the Express app, so the OpenAPI document lists every
// route — also those whose schemas operations.ts does not know yet (they get a bare entry).
// Relies on Express 5's router stack: layers carry rawPath, routes carry path and methods.
export interface MountedRoute {
  method: 'get' | 'post' | 'put' | 'delete' | 'patch';
  path: string;
}

interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean | undefined> };
  handle: { stack?: Layer[] };
}

const METHODS = new Set(['get', 'post', 'put', 'delete', 'patch']);

export function discoverRoutes(stack: Layer[], prefix = ''): MountedRoute[] {
  const out: MountedRoute[] = [];
  for (const layer of stack) {
    if (layer.route && typeof layer.route.path === 'string') {
      for (const [m, on] of Object.entries(layer.route.methods)) {
        if (on && METHODS.has(m)) out.push({ method: m as MountedRoute['method'], path: prefix + layer.route.path });
      }
    } else if (layer.handle.stack) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      out.push(...discoverRoutes(layer.handle.stack, prefix + mount));
    }
  }
  return out;
}

/** The routes below /api of an Express app. */
export function apiRoutesOf(app: unknown): MountedRoute[] {
  const router = (app as { router?: { stack: Layer[] } }).router;
  if (!router) return [];
  return discoverRoutes(router.stack)
    .filter((r) => r.path.startsWith('/api/'))
    .map((r) => ({ ...r, path: r.path.slice(4) }));
}
