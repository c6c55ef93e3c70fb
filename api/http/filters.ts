// Building blocks for list filters: react-admin sends ids as numbers (getMany, getManyReference)
// and the UI's filter inputs as strings, so both are accepted and coerced. Free text goes
// through the one text schema like any body field.
import { z } from 'zod';
import { text } from '../../domain/text.js';

export const intId = z.coerce.number().int().positive().max(2_147_483_647);
export const oneOrMany = <T extends z.ZodType>(t: T) => z.union([t, z.array(t).max(500)]);
export const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
/** A filter on a text column (exact or ilike). */
export const textFilter = (max: number) => text({ max });

/** `id` (getMany) and `q` (free text) are understood by every resource. */
export const baseFilter = {
  id: oneOrMany(intId).optional(),
  q: textFilter(100).optional(),
};
