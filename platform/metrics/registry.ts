// Prometheus exposition shared by the API and the worker (issue 15). Each part keeps its own
// registry (never prom-client's global one: tests run several stacks in one process), with the
// Node process's standard series under the `ventanilla_` prefix and a `part` label.
import { collectDefaultMetrics, Registry } from 'prom-client';

export type { Registry };

export function createRegistry(part: 'api' | 'worker'): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ part });
  collectDefaultMetrics({ register: registry, prefix: 'ventanilla_' });
  return registry;
}
