// Issue 16: a timeline step in the console's words — the shared facts (domain/timeline-steps.ts)
// through this screen's dictionary. The timeline and the desk's lost-call notice both word steps so.
import type { StepActor, StepFact } from '@domain/timeline-steps';
import { fill } from '../i18n';
import type { Dictionary } from '../i18n/es';

export const factText = (t: Dictionary, f: StepFact): string => fill(t.timeline.fact[f.key], f.params);

export const actorText = (t: Dictionary, a: StepActor): string =>
  'machine' in a ? t.actors[a.machine] : 'name' in a ? a.name : t.timelineActors[a.kind];
