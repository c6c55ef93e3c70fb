// One ra-data-simple-rest resource over an objection model: list (sort, range, filter, getMany,
// getManyReference), get, create, update, delete. Each resource states its own schemas, scope
// and rules (see api/<resource>/routes.ts); this file only removes the repeated plumbing.
// Database refusals (unique, foreign keys…) propagate to errorHandler, which classifies them
// (db/failures.ts). An update writes only the fields its body names: update schemas carry no
// defaults (issue 12), so a PUT of one field never resets another. A configuration resource
// (`audited`) writes each change and its log entry (audit.ts) in one transaction (issue 19).
import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Model, ModelClass, QueryBuilderType } from 'objection';
import { z } from 'zod';
import type { Db } from '../../db/knex.js';
import { DomainError, type FieldErrors } from '../../domain/errors.js';
import type { WriteOp } from '../../domain/config-rights.js';
import { requireUser } from '../auth/middleware.js';
import type { SessionUser } from '../auth/sessions.js';
import type { ApiDeps } from '../deps.js';
import { recordChange } from './audit.js';
import { idempotent } from './idempotent.js';
import { cannotFilterBy, cannotSortBy, ListQuery, type FieldMap } from './ra.js';
import type { Refusal } from './reach.js';
import { parse } from './validate.js';

export type { WriteOp } from '../../domain/config-rights.js';
type Body = Record<string, unknown>;
type Q<M extends Model> = QueryBuilderType<M>;

export interface CrudResource<M extends Model> {
  /** Folder, path, table and react-admin resource: one spelling (STYLE 6). */
  name: string;
  model: ModelClass<M>;
  /** API field (camelCase) → SQL column, for sort and filter. */
  fields: FieldMap;
  defaultSort: [string, 'asc' | 'desc'];
  /** Filters this resource understands (unknown ones are refused, not ignored). */
  filter: z.ZodType<Body>;
  /** Free-text filter `q`. */
  search?: (q: Q<M>, text: string) => void;
  /** Filters that are not a column equality (e.g. `unread`). */
  customFilters?: Record<string, (q: Q<M>, value: unknown) => void>;
  create?: z.ZodType<Body>;
  /** Partial and without defaults: what a body leaves out stays as it is. */
  update?: z.ZodType<Body>;
  /** Fields react-admin echoes back on PUT: accepted when unchanged, refused when changed. */
  readOnly?: string[];
  /** Derived, live fields (e.g. an agent's current state): dropped from PUT bodies unread. */
  computed?: string[];
  /** Restricts a query to the rows the user may see; writes use the same reach. */
  scope: (q: Q<M>, u: SessionUser, db: Db) => void;
  /** Refuses reading altogether (403) for some users; rows are scoped by `scope` anyway. */
  refuseRead?: (u: SessionUser) => Refusal;
  /** undefined = allowed; an error = why not. */
  refuse: (u: SessionUser, op: WriteOp, existing?: M) => Refusal;
  /** Turns a valid body into columns, checking referenced rows are within the user's reach. */
  toRow: (db: Db, u: SessionUser, body: Body, existing?: M) => Promise<Body>;
  /** Replaces the generic insert, e.g. when a workflow creates the row. Returns the new id. */
  insert?: (db: Db, u: SessionUser, body: Body, req: Request) => Promise<number>;
  /**
   * What an update or delete entails beyond its row. `before` runs once the rules passed and may
   * still refuse (nothing is stored then); `after` runs once the row is stored. E.g. a user's
   * deactivation hands back their customer first and ends their sessions after.
   */
  consequences?: {
    before?: (u: SessionUser, op: WriteOp, existing: M, row: Body, req: Request) => Promise<void>;
    after?: (u: SessionUser, op: WriteOp, existing: M, row: Body, req: Request) => Promise<void>;
  };
  /** Extra list metadata sent as headers (e.g. unread counts). */
  listHeaders?: (db: Db, u: SessionUser) => Promise<Record<string, string>>;
  /** Configuration: every create, update and delete is recorded in the audit log (issue 19). */
  audited?: boolean;
}

const idParam = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(2_147_483_647));

export function crudRoutes<M extends Model>(deps: Pick<ApiDeps, 'db' | 'log'>, def: CrudResource<M>): Router {
  const { db } = deps;
  const r = Router();
  const base = `/${def.name}`;
  const table = def.model.tableName;
  r.use(base, requireUser(db), (_req, res, next) => {
    next(def.refuseRead?.(res.locals.user));
  });

  const scoped = (u: SessionUser, conn: Db = db): Q<M> => {
    const q = def.model.query(conn);
    def.scope(q, u, conn);
    return q;
  };
  const findOr404 = async (u: SessionUser, raw: string, conn: Db = db): Promise<M> => {
    const id = idParam.safeParse(raw);
    const row = id.success ? await scoped(u, conn).where(`${table}.id`, id.data).first() : undefined;
    if (!row)
      throw new DomainError('NotFound', { resource: def.name }, { message: `No ${def.name} with id ${raw} here.` });
    return row as M;
  };
  const check = (u: SessionUser, op: WriteOp, existing?: M) => {
    const why = def.refuse(u, op, existing);
    if (why) throw why;
  };
  /** A write and, for configuration, its log entry: one transaction, so neither is stored alone. */
  const write = <T>(fn: (conn: Db | Knex.Transaction) => Promise<T>): Promise<T> =>
    def.audited ? db.transaction(fn) : fn(db);
  /** A record as the log keeps it: its stored fields, not the live ones derived on reading (computed). */
  const stored = (m: M | null): Body | null =>
    m && Object.fromEntries(Object.entries(m.toJSON()).filter(([k]) => !def.computed?.includes(k)));
  const log = (conn: Db, u: SessionUser, op: WriteOp, before: M | null, after: M | null, written: Body = {}) =>
    def.audited ? recordChange(conn, u, def.name, op, stored(before), stored(after), Object.keys(written)) : undefined;
  const notWritable = (how: string) =>
    new DomainError(
      'NotWritable',
      { resource: def.name },
      { message: `${def.name} cannot be ${how} through the API.` },
    );

  r.get(base, async (req, res) => {
    const u = res.locals.user;
    const query = parse(ListQuery, req.query);
    const { q: text, ...filters } = parse(def.filter, query.filter ?? {});
    const q = scoped(u);
    if (typeof text === 'string' && text && def.search) def.search(q, text);
    for (const [field, value] of Object.entries(filters)) {
      if (value === undefined) continue;
      const custom = def.customFilters?.[field];
      if (custom) {
        custom(q, value);
        continue;
      }
      const col = def.fields[field];
      if (!col) throw cannotFilterBy(field);
      if (Array.isArray(value)) q.whereIn(col, value);
      else if (value === null) q.whereNull(col);
      else q.where(col, value as string | number | boolean);
    }
    const [sortField, dir] = query.sort ?? def.defaultSort;
    const sortCol = def.fields[sortField];
    if (!sortCol) throw cannotSortBy(sortField);
    q.orderBy(sortCol, dir.toLowerCase() as 'asc' | 'desc').orderBy(`${table}.id`, 'asc');
    await sendModelPage(res, def.name, q, query.range, def.listHeaders ? await def.listHeaders(db, u) : {});
  });

  r.get(`${base}/:id`, async (req, res) => {
    res.json(await findOr404(res.locals.user, req.params.id));
  });

  r.post(base, idempotent(db, deps.log), async (req, res) => {
    const u = res.locals.user;
    check(u, 'create');
    if (!def.create) throw notWritable('created');
    const body = parse(def.create, req.body);
    let id: number;
    if (def.insert) id = await def.insert(db, u, body, req);
    else {
      const row = await def.toRow(db, u, body);
      id = await write(async (conn) => {
        const created = (await def.model.query(conn).insert(row)).$id() as number;
        await log(conn, u, 'create', null, await findOr404(u, String(created), conn));
        return created;
      });
    }
    res.status(201).json(await findOr404(u, String(id)));
  });

  // PUT is what ra-data-simple-rest sends; PATCH says the same thing for other clients: either
  // way only the named fields change.
  const update = async (req: Request<{ id: string }>, res: Response) => {
    const u = res.locals.user;
    const existing = await findOr404(u, req.params.id);
    check(u, 'update', existing);
    if (!def.update) throw notWritable('edited');
    const body = parse(def.update, dropEchoedReadOnly(req.body, existing, def.readOnly ?? [], def.computed ?? []));
    const row = await def.toRow(db, u, body, existing);
    await def.consequences?.before?.(u, 'update', existing, row, req);
    if (Object.keys(row).length)
      await write(async (conn) => {
        await def.model
          .query(conn)
          .patch(row)
          .where(`${table}.id`, existing.$id() as number);
        await log(conn, u, 'update', existing, await findOr404(u, req.params.id, conn), row);
      });
    await def.consequences?.after?.(u, 'update', existing, row, req);
    res.json(await findOr404(u, req.params.id));
  };
  r.put(`${base}/:id`, update);
  r.patch(`${base}/:id`, update);

  r.delete(`${base}/:id`, async (req, res) => {
    const u = res.locals.user;
    const existing = await findOr404(u, req.params.id);
    check(u, 'delete', existing);
    await def.consequences?.before?.(u, 'delete', existing, {}, req);
    await write(async (conn) => {
      await def.model.query(conn).deleteById(existing.$id() as number);
      await log(conn, u, 'delete', existing, null);
    });
    await def.consequences?.after?.(u, 'delete', existing, {}, req);
    res.json(existing);
  });
  return r;
}

/**
 * react-admin PUTs the whole record back. Read-only fields (id, timestamps, entity) are accepted
 * when they still hold the stored value and refused with a field error when they differ.
 */
function dropEchoedReadOnly(body: unknown, existing: Model, readOnly: string[], computed: string[]): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const stored = existing.toJSON() as Body;
  const out: Body = { ...(body as Body) };
  for (const k of computed) delete out[k];
  const fields: FieldErrors = {};
  for (const k of ['id', 'createdAt', 'updatedAt', ...readOnly]) {
    if (!(k in out)) continue;
    const same =
      JSON.stringify(out[k]) === JSON.stringify(stored[k] instanceof Date ? stored[k].toISOString() : stored[k]);
    if (!same) fields[k] = { code: 'read_only' };
    delete out[k];
  }
  if (Object.keys(fields).length)
    throw new DomainError('Validation', {}, { message: 'Some fields cannot be changed.', fields });
  return out;
}

/** Runs the count and the page of an objection query and sets Content-Range. */
async function sendModelPage<M extends Model>(
  res: Response,
  resource: string,
  q: Q<M>,
  range: ListQuery['range'],
  headers: Record<string, string>,
): Promise<void> {
  const total = await q.clone().resultSize();
  const [start, end] = range ?? [0, 24];
  const rows = await q.offset(start).limit(end - start + 1);
  const last = rows.length ? start + rows.length - 1 : start;
  res.setHeader('Content-Range', `${resource} ${start}-${last}/${total}`);
  res.setHeader('Access-Control-Expose-Headers', ['Content-Range', ...Object.keys(headers)].join(', '));
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.json(rows);
}
