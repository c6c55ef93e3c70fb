// One ra-data-simple-rest resource over an objection model: list (sort, range, filter, getMany,
// getManyReference), get, create, update, delete. Each resource states its own schemas, scope
// and rules (see api/<resource>/routes.ts); this file only removes the repeated plumbing.
import { Router, type Request, type Response } from 'express';
import type { Model, ModelClass, QueryBuilderType } from 'objection';
import { z } from 'zod';
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';
import { requireUser } from '../auth/middleware.js';
import type { SessionUser } from '../auth/sessions.js';
import type { ApiDeps } from '../deps.js';
import { toDomainError } from './db-errors.js';
import { idempotent } from './idempotent.js';
import { ListQuery, type FieldMap } from './ra.js';
import { parse } from './validate.js';

export type WriteOp = 'create' | 'update' | 'delete';
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
  update?: z.ZodType<Body>;
  /** Fields react-admin echoes back on PUT: accepted when unchanged, refused when changed. */
  readOnly?: string[];
  /** Derived, live fields (e.g. an agent's current state): dropped from PUT bodies unread. */
  computed?: string[];
  /** Restricts a query to the rows the user may see; writes use the same reach. */
  scope: (q: Q<M>, u: SessionUser, db: Db) => void;
  /** Refuses reading altogether (403) for some users; rows are scoped by `scope` anyway. */
  refuseRead?: (u: SessionUser) => string | undefined;
  /** undefined = allowed; a string = why not (403). */
  refuse: (u: SessionUser, op: WriteOp, existing?: M) => string | undefined;
  /** Turns a valid body into columns, checking referenced rows are within the user's reach. */
  toRow: (db: Db, u: SessionUser, body: Body, existing?: M) => Promise<Body>;
  /** Replaces the generic insert, e.g. when a workflow creates the row. Returns the new id. */
  insert?: (db: Db, u: SessionUser, body: Body, req: Request) => Promise<number>;
  /** Extra list metadata sent as headers (e.g. unread counts). */
  listHeaders?: (db: Db, u: SessionUser) => Promise<Record<string, string>>;
}

const idParam = z.string().regex(/^\d{1,10}$/).transform(Number).pipe(z.number().int().positive().max(2_147_483_647));

export function crudRoutes<M extends Model>(deps: Pick<ApiDeps, 'db' | 'log'>, def: CrudResource<M>): Router {
  const { db } = deps;
  const r = Router();
  const base = `/${def.name}`;
  const table = def.model.tableName;
  r.use(base, requireUser(db), (_req, res, next) => {
    const why = def.refuseRead?.(res.locals.user);
    next(why ? new DomainError('Forbidden', why) : undefined);
  });

  const scoped = (u: SessionUser): Q<M> => {
    const q = def.model.query(db);
    def.scope(q, u, db);
    return q;
  };
  const findOr404 = async (u: SessionUser, raw: string): Promise<M> => {
    const id = idParam.safeParse(raw);
    const row = id.success ? await scoped(u).where(`${table}.id`, id.data).first() : undefined;
    if (!row) throw new DomainError('NotFound', `No ${def.name} with id ${raw} here.`);
    return row as M;
  };
  const check = (u: SessionUser, op: WriteOp, existing?: M) => {
    const why = def.refuse(u, op, existing);
    if (why) throw new DomainError('Forbidden', why);
  };

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
      if (!col) throw new DomainError('Validation', `Cannot filter by ${field}.`, { field: `filter.${field}` });
      if (Array.isArray(value)) q.whereIn(col, value);
      else if (value === null) q.whereNull(col);
      else q.where(col, value as string | number | boolean);
    }
    const [sortField, dir] = query.sort ?? def.defaultSort;
    const sortCol = def.fields[sortField];
    if (!sortCol) throw new DomainError('Validation', `Cannot sort by ${sortField}.`, { field: 'sort' });
    q.orderBy(sortCol, dir.toLowerCase() as 'asc' | 'desc').orderBy(`${table}.id`, 'asc');
    await sendModelPage(res, def.name, q, query.range, def.listHeaders ? await def.listHeaders(db, u) : {});
  });

  r.get(`${base}/:id`, async (req, res) => {
    res.json(await findOr404(res.locals.user, req.params.id));
  });

  r.post(base, idempotent(db, deps.log), async (req, res) => {
    const u = res.locals.user;
    check(u, 'create');
    if (!def.create) throw new DomainError('Forbidden', `${def.name} cannot be created through the API.`);
    const body = parse(def.create, req.body);
    let id: number;
    if (def.insert) id = await def.insert(db, u, body, req);
    else {
      const row = await def.toRow(db, u, body);
      id = await toDomainError(def.name, async () => (await def.model.query(db).insert(row)).$id() as number);
    }
    res.status(201).json(await findOr404(u, String(id)));
  });

  r.put(`${base}/:id`, async (req: Request<{ id: string }>, res: Response) => {
    const u = res.locals.user;
    const existing = await findOr404(u, req.params.id);
    check(u, 'update', existing);
    if (!def.update) throw new DomainError('Forbidden', `${def.name} cannot be edited through the API.`);
    const body = parse(def.update, dropEchoedReadOnly(req.body, existing, def.readOnly ?? [], def.computed ?? []));
    const row = await def.toRow(db, u, body, existing);
    if (Object.keys(row).length) {
      await toDomainError(def.name, async () => def.model.query(db).patch(row).where(`${table}.id`, existing.$id() as number));
    }
    res.json(await findOr404(u, req.params.id));
  });

  r.delete(`${base}/:id`, async (req, res) => {
    const u = res.locals.user;
    const existing = await findOr404(u, req.params.id);
    check(u, 'delete', existing);
    await toDomainError(def.name, async () => def.model.query(db).deleteById(existing.$id() as number));
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
  const fields: Record<string, string> = {};
  for (const k of ['id', 'createdAt', 'updatedAt', ...readOnly]) {
    if (!(k in out)) continue;
    const same = JSON.stringify(out[k]) === JSON.stringify(stored[k] instanceof Date ? stored[k].toISOString() : stored[k]);
    if (!same) fields[k] = 'is read-only';
    delete out[k];
  }
  if (Object.keys(fields).length) throw new DomainError('Validation', 'Some fields cannot be changed.', { fields });
  return out;
}

/** Runs the count and the page of an objection query and sets Content-Range. */
async function sendModelPage<M extends Model>(res: Response, resource: string, q: Q<M>, range: ListQuery['range'], headers: Record<string, string>): Promise<void> {
  const total = await q.clone().resultSize();
  const [start, end] = range ?? [0, 24];
  const rows = await q.offset(start).limit(end - start + 1);
  const last = rows.length ? start + rows.length - 1 : start;
  res.setHeader('Content-Range', `${resource} ${start}-${last}/${total}`);
  res.setHeader('Access-Control-Expose-Headers', ['Content-Range', ...Object.keys(headers)].join(', '));
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.json(rows);
}
