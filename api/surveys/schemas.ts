import { z } from 'zod';
import { SURVEY_GROUP_BYS } from '../../domain/surveys.js';
import { intId, oneOrMany } from '../http/filters.js';
import { MAX_RANGE_DAYS } from '../reports/schemas.js';

const day = z.string().date('a date as YYYY-MM-DD');
const narrowing = {
  branchId: intId.optional(),
  serviceId: intId.optional(),
  agentId: intId.optional(),
};

/** The list's filter (react-admin's `filter`): the narrowing, a range of service days, scores. */
export const SurveyFilter = z
  .object({
    ...narrowing,
    from: day.optional(),
    to: day.optional(),
    score: oneOrMany(z.coerce.number().int().min(1).max(5)).optional(),
  })
  .strict();

/** GET /api/surveys/summary: a range of service days like the reports', a grouping, the narrowing. */
export const SurveySummaryQuery = z
  .object({ from: day, to: day, groupBy: z.enum(SURVEY_GROUP_BYS).default('agent'), ...narrowing })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_RANGE_DAYS, {
    message: `at most ${MAX_RANGE_DAYS} days`,
    path: ['to'],
  });
