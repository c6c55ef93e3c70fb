// Issue 17: the estimated wait (domain/wait-estimate.ts, in minutes rounded to 5) in plain words.
import type { Dictionary } from '../i18n/es';
import { fill } from '../i18n';

/** The sentence for `minutes`; undefined when there is no estimate (the page then says nothing about time). */
export function waitText(t: Dictionary, minutes: number | null): string | undefined {
  if (minutes === null) return undefined;
  if (minutes <= 5) return t.status.waitSoon;
  if (minutes > 60) return t.status.waitLong;
  return fill(t.status.waitAbout, { minutes });
}
