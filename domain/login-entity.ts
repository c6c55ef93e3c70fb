// One e-mail and password may open users of several entities: the API then answers ChooseEntity
// naming them (api/auth/login.ts), and the login is sent again with the chosen slug. Both login
// screens (console and back office, one origin) remember the slug chosen per e-mail on the
// device under one key — never the password — so the next login preselects it.

export interface EntityOption {
  slug: string;
  name: string;
}

/** The part of the Web Storage API this needs (localStorage in the browsers). */
export interface SmallStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const STORAGE_KEY = 'ventanilla.loginEntity';
/** A shared desk computer sees a handful of people; older e-mails are forgotten first. */
const MAX_REMEMBERED = 20;

const isOption = (v: unknown): v is EntityOption =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as EntityOption).slug === 'string' &&
  typeof (v as EntityOption).name === 'string';

/** The entities named by a ChooseEntity refusal's params; undefined when they are not a usable list. */
export function entityOptionsOf(params: Record<string, unknown>): EntityOption[] | undefined {
  const list = params.entities;
  return Array.isArray(list) && list.length > 0 && list.every(isOption) ? list : undefined;
}

/** The API compares e-mails trimmed and in lower case; so does this memory. */
const keyOf = (email: string): string => email.trim().toLowerCase();

function readAll(storage: SmallStorage): [string, string][] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(
          (e): e is [string, string] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string',
        )
      : [];
  } catch {
    return []; // unreadable (edited by hand, another version): start again
  }
}

/** The slug chosen last time for this e-mail, if it is among `entities`. */
export function rememberedEntity(storage: SmallStorage, email: string, entities: EntityOption[]): string | undefined {
  const slug = readAll(storage).find(([e]) => e === keyOf(email))?.[1];
  return entities.some((x) => x.slug === slug) ? slug : undefined;
}

export function rememberEntity(storage: SmallStorage, email: string, slug: string): void {
  const rest = readAll(storage).filter(([e]) => e !== keyOf(email));
  storage.setItem(STORAGE_KEY, JSON.stringify([[keyOf(email), slug], ...rest].slice(0, MAX_REMEMBERED)));
}
