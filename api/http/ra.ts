// The react-admin ra-data-simple-rest list contract: ?sort=["field","ASC"]&range=[0,24]&filter={...}
// answered with a JSON array and `Content-Range: <resource> <start>-<end>/<total>`.
import type { Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';

const json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'invalid_format' });
        return z.NEVER;
      }
    })
    .pipe(schema);

export const ListQuery = z.object({
  sort: json(z.tuple([z.string().max(60), z.enum(['ASC', 'DESC', 'asc', 'desc'])])).optional(),
  /** [start, end], at most 1000 rows. */
  range: json(
    z
      .tuple([z.number().int().min(0), z.number().int().min(0)])
      .refine(([a, b]) => b >= a && b - a < 1000, 'invalid_value'),
  ).optional(),
  filter: json(z.record(z.string(), z.unknown())).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

/** Maps API field names (camelCase, as react-admin sees them) to SQL columns. */
export type FieldMap = Record<string, string>;

export const cannotSortBy = (field: string): DomainError =>
  new DomainError(
    'Validation',
    { field },
    { message: `Cannot sort by ${field}.`, fields: { sort: { code: 'invalid_value', params: { field } } } },
  );
export const cannotFilterBy = (field: string): DomainError =>
  new DomainError(
    'Validation',
    { field },
    { message: `Cannot filter by ${field}.`, fields: { [`filter.${field}`]: { code: 'unknown_field' } } },
  );

export function applySort(
  q: Knex.QueryBuilder,
  fields: FieldMap,
  sort: ListQuery['sort'],
  fallback: [string, 'asc' | 'desc'],
): void {
  if (!sort) {
    q.orderBy(fallback[0], fallback[1]);
    return;
  }
  const col = fields[sort[0]];
  if (!col) throw cannotSortBy(sort[0]);
  q.orderBy(col, sort[1].toLowerCase() as 'asc' | 'desc');
}

/**
 * Counts at most `cap` rows (issue 18): an exact count of a year of tickets reads every one of
 * them (2–3 s at a million), and nobody pages that far. A capped total says so in
 * `X-Total-Count-Capped: true`; Content-Range then carries the cap.
 */
export async function cappedCount(
  db: Knex,
  q: Knex.QueryBuilder,
  cap: number,
): Promise<{ total: number; capped: boolean }> {
  const probe = q
    .clone()
    .clearSelect()
    .clearOrder()
    .select(db.raw('1'))
    .limit(cap + 1);
  const [{ count }] = (await db.count({ count: '*' }).from(probe.as('probe'))) as [{ count: number | string }];
  return Number(count) > cap ? { total: cap, capped: true } : { total: Number(count), capped: false };
}

/** Runs the count and the page, and sets Content-Range. */
export async function sendPage<R, T>(
  res: Response,
  resource: string,
  q: Knex.QueryBuilder,
  range: ListQuery['range'],
  map: (row: R) => T,
  countCap?: { db: Knex; cap: number },
): Promise<void> {
  let total: number;
  if (countCap) {
    const counted = await cappedCount(countCap.db, q, countCap.cap);
    total = counted.total;
    if (counted.capped) res.setHeader('X-Total-Count-Capped', 'true');
  } else {
    const [{ count }] = (await q.clone().clearSelect().clearOrder().count({ count: '*' })) as [
      { count: number | string },
    ];
    total = Number(count);
  }
  const [start, end] = range ?? [0, 24];
  // The query's select is the caller's: `map` names the row type it produces.
  const rows: R[] = await q.offset(start).limit(end - start + 1);
  const last = rows.length ? start + rows.length - 1 : start;
  res.setHeader('Content-Range', `${resource} ${start}-${last}/${total}`);
  res.setHeader('Access-Control-Expose-Headers', 'Content-Range, X-Total-Count-Capped');
  res.json(rows.map(map));
}

/** `filter={"id":[1,2]}` is react-admin's getMany. */
export const idsFilter = (filter: Record<string, unknown> | undefined): unknown[] | undefined =>
  Array.isArray(filter?.id) ? (filter.id as unknown[]) : undefined;
