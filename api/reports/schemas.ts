import { z } from 'zod';
import { GROUP_BYS } from '../../domain/contracts/resources.js';

export { GROUP_BYS, type GroupBy } from '../../domain/contracts/resources.js';
export const MAX_RANGE_DAYS = 366;

const id = z.coerce.number().int().positive().max(2_147_483_647);
const day = z.string().date('a date as YYYY-MM-DD');

/** H3 report query: a date range of service days (≤ 366), a grouping, optional narrowing. */
export const ReportQuery = z
  .object({
    from: day,
    to: day,
    groupBy: z.enum(GROUP_BYS).default('service'),
    branchId: id.optional(),
    departmentId: id.optional(),
    serviceId: id.optional(),
    agentId: id.optional(),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_RANGE_DAYS, {
    message: `at most ${MAX_RANGE_DAYS} days`,
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof ReportQuery>;
