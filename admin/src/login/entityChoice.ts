// One e-mail and password may open users of several entities: the API then answers ChooseEntity
// naming them, and the login is sent again with the chosen slug. The slug chosen for an e-mail
// is remembered on this device (never the password) so the next login preselects it. The
// console (console/src/auth/entityChoice.ts) keeps the same key: same origin, same memory.
import { refusalOf } from '../shared/errors';

export interface EntityOption { slug: string; name: string }

const STORAGE_KEY = 'ventanilla.loginEntity';
/** A shared desk computer sees a handful of people; older e-mails are forgotten first. */
const MAX_REMEMBERED = 20;

const isOption = (v: unknown): v is EntityOption =>
  typeof v === 'object' && v !== null && typeof (v as EntityOption).slug === 'string' && typeof (v as EntityOption).name === 'string';

/** The entities of a ChooseEntity refusal; undefined for any other failure. */
export function entitiesToChoose(err: unknown): EntityOption[] | undefined {
  const { code, params } = refusalOf(err);
  const list = params.entities;
  return code === 'ChooseEntity' && Array.isArray(list) && list.length > 0 && list.every(isOption) ? list : undefined;
}

/** The API compares e-mails trimmed and in lower case; so does this memory. */
const keyOf = (email: string): string => email.trim().toLowerCase();

function readAll(): [string, string][] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((e): e is [string, string] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string') : [];
  } catch {
    return []; // unreadable (edited by hand, another version): start again
  }
}

/** The slug chosen last time for this e-mail, if it is among `entities`. */
export function rememberedEntity(email: string, entities: EntityOption[]): string | undefined {
  const slug = readAll().find(([e]) => e === keyOf(email))?.[1];
  return entities.some((x) => x.slug === slug) ? slug : undefined;
}

export function rememberEntity(email: string, slug: string): void {
  const rest = readAll().filter(([e]) => e !== keyOf(email));
  localStorage.setItem(STORAGE_KEY, JSON.stringify([[keyOf(email), slug], ...rest].slice(0, MAX_REMEMBERED)));
}
