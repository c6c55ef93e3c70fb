// Building blocks of the contracts: how ids, instants and days travel in JSON.
import { z } from 'zod';

/** A serial id (PostgreSQL integer). */
export const Id = z.number().int().positive();
/** A ticket, shift, room or file id. */
export const Uuid = z.uuid();
/** An instant as the API sends it: `Date.toISOString()`. */
export const Instant = z.iso.datetime({ offset: true });
/** A calendar day (a ticket's service day, a report's day), 'YYYY-MM-DD'. */
export const Day = z.iso.date();
