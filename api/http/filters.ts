// Building blocks for list filters: react-admin sends ids as numbers (getMany, getManyReference)
// and the UI's filter inputs as strings, so both are accepted and coerced.
import { z } from 'zod';

export const intId = z.coerce.number().int().positive().max(2_147_483_647);
export const oneOrMany = <T extends z.ZodType>(t: T) => z.union([t, z.array(t).max(500)]);
export const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** `id` (getMany) and `q` (free text) are understood by every resource. */
export const baseFilter = {
  id: oneOrMany(intId).optional(),
  q: z.string().max(100).optional(),
};
