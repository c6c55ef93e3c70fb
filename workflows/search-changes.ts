// Search attributes are a visibility write on the Temporal server each time they are upserted,
// and most steps change one of them or none (a note, topics, a recall). This keeps what a run has
// published and lets only the changed keys through; a new run (continue-as-new, or a worker that
// replays) starts empty and publishes everything once.
import type { SearchAttributeUpdatePair } from '@temporalio/common';

export function createSearchChanges() {
  const shown = new Map<string, unknown>();
  return (pairs: SearchAttributeUpdatePair[]): SearchAttributeUpdatePair[] => {
    const changed = pairs.filter((p) => shown.get(p.key.name) !== p.value || !shown.has(p.key.name));
    for (const p of changed) shown.set(p.key.name, p.value);
    return changed;
  };
}
