// Refusals in the reader's language: a code and its params become the dictionary's sentence
// (errors.<code>), never the server's English `message`. Vocabulary inside params (a ticket
// status, an agent state, a role, a ticket step) is translated too.
import type { ErrorParams } from '@domain/errors';
import type { NextReason } from '@domain/queue-order';
import { ApiError } from '../api/errors';
import type { Dictionary } from './es';
import { word as lookup } from './index';

const word = (words: Readonly<Record<string, string>>, key: string): string => lookup(words, key) ?? key;

/** "a, b o c": a list read as alternatives (the statuses a step allows, the roles it needs). */
const alternatives = (t: Dictionary, items: string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${t.app.or} ${items.at(-1)!}`;

function paramText(t: Dictionary, name: string, value: unknown): string {
  if (Array.isArray(value))
    return alternatives(
      t,
      value.map((v) => paramText(t, name, v)),
    );
  // Objects (CustomerExists' customer) are shown by their screens, not inside a sentence.
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const v = String(value);
  switch (name) {
    // Status and state names sit mid-sentence, so they lose their capital.
    case 'status':
    case 'allowed':
      return word(t.statuses, v).toLocaleLowerCase();
    case 'state':
      return word(t.states, v).toLocaleLowerCase();
    case 'roles':
      return word(t.roles, v);
    case 'action':
      // Call events name themselves ("record video_joined on"): one wording covers them all.
      return lookup(t.ticketActions, v.startsWith('record ') ? 'record' : v) ?? t.ticketActions.other;
    default:
      return v;
  }
}

const fillParams = (t: Dictionary, text: string, params: ErrorParams): string =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => paramText(t, k, params[k]));

/** errors.<code> with its params; a code this console does not know gets the generic sentence. */
export function codeText(t: Dictionary, code: string, params: ErrorParams = {}): string {
  const errors: Record<string, string> = t.errors;
  return fillParams(t, Object.hasOwn(errors, code) ? errors[code]! : t.errors.unknown, params);
}

/** Any failure as one sentence for the screen (a camera's or microphone's: video/media-failure.ts). */
export function errorText(t: Dictionary, err: unknown): string {
  if (err instanceof ApiError) return codeText(t, err.code, err.params);
  return codeText(t, 'unknown');
}

/** Field errors of a refusal, worded, by field path (e.g. `customer.idNumber`). */
export function fieldTexts(t: Dictionary, err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  return Object.fromEntries(Object.entries(err.fields).map(([field, e]) => [field, codeText(t, e.code, e.params)]));
}

/** H1 "why is this next" in the reader's language. */
export const nextText = (t: Dictionary, why: NextReason): string => fillParams(t, t.next[why.code], why.params);
