// Issue 16: the names behind the ids a ticket's steps keep in their details (desk, agents,
// services, topics, a linked customer), read in one query per table for a whole timeline, so the
// UIs show "Módulo 3 · Ana Restrepo" where the step stored { deskId: 7, agentId: 8 }.
import type { StepNames } from '../../domain/contracts/tickets.js';
import type { Db } from '../knex.js';

type Details = Record<string, unknown>;
const ONE_ID_KEYS = {
  deskId: 'desks',
  agentId: 'users',
  toAgentId: 'users',
  serviceId: 'services',
  fromServiceId: 'services',
  toServiceId: 'services',
  linkedCustomerId: 'customers',
} as const satisfies Partial<Record<keyof StepNames, string>>;
type Table = (typeof ONE_ID_KEYS)[keyof typeof ONE_ID_KEYS] | 'topics';

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const topicIdsOf = (d: Details): number[] => (Array.isArray(d.topicIds) ? d.topicIds.filter(isId) : []);

const NAME_SQL: Record<Table, string> = {
  desks: 'name',
  services: 'name',
  topics: 'name',
  users: `trim(first_name || ' ' || last_name)`,
  customers: `nullif(trim(first_name || ' ' || last_name), '')`,
};

/** Each step's names, in the order of `details`. */
export async function stepNames(db: Db, details: Details[]): Promise<StepNames[]> {
  const wanted = new Map<Table, Set<number>>();
  const want = (table: Table, id: number) => wanted.set(table, (wanted.get(table) ?? new Set()).add(id));
  for (const d of details) {
    for (const [key, table] of Object.entries(ONE_ID_KEYS)) if (isId(d[key])) want(table, d[key]);
    topicIdsOf(d).forEach((id) => want('topics', id));
  }
  const names = new Map<string, string>();
  await Promise.all(
    [...wanted].map(async ([table, ids]) => {
      const rows: { id: number; name: string | null }[] = await db(table)
        .whereIn('id', [...ids])
        .select('id', db.raw(`${NAME_SQL[table]} as name`));
      for (const r of rows) if (r.name) names.set(`${table}:${r.id}`, r.name);
    }),
  );
  return details.map((d) => {
    const out: StepNames = {};
    for (const [key, table] of Object.entries(ONE_ID_KEYS) as [keyof typeof ONE_ID_KEYS, Table][]) {
      const name = isId(d[key]) ? names.get(`${table}:${d[key]}`) : undefined;
      if (name) out[key] = name;
    }
    const topics = topicIdsOf(d)
      .map((id) => names.get(`topics:${id}`))
      .filter((n): n is string => !!n);
    if (topics.length) out.topicIds = topics;
    return out;
  });
}
