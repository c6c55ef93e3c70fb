import type { z } from 'zod';

/** Parses with a zod schema; a ZodError becomes a 400 with field messages in errorHandler. */
export const parse = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> => schema.parse(value);
