// Issue 20: satisfaction answers as the back office and the desk read them.
import { z } from 'zod';
import { SURVEY_GROUP_BYS } from '../surveys.js';
import { Id, Instant, Uuid } from './common.js';

const Score = z.number().int().min(1).max(5);

/** One answer in the back office's list (GET /api/surveys): the ticket's service, agent and topics. */
export const Survey = z
  .object({
    id: Uuid, // the ticket's id: one answer per ticket
    number: z.string(),
    branchId: Id,
    serviceId: Id,
    serviceName: z.string(),
    agentId: Id.nullable(),
    agentName: z.string().nullable(),
    topics: z.array(z.string()),
    score: Score,
    comment: z.string().nullable(),
    serviceDay: z.string(),
    answeredAt: Instant,
  })
  .strict();
export type Survey = z.infer<typeof Survey>;

/** One group of GET /api/surveys/summary: the average score, how many answers, the share of 1–2. */
export const SurveySummaryRow = z
  .object({
    key: z.string(),
    label: z.string(),
    answers: z.number().int().nonnegative(),
    avgScore: z.number().nullable(),
    /** Percent of answers at or below LOW_SCORE, one decimal. */
    lowPct: z.number().nullable(),
  })
  .strict();
export type SurveySummaryRow = z.infer<typeof SurveySummaryRow>;

export const SurveySummary = z
  .object({ from: z.string(), to: z.string(), groupBy: z.enum(SURVEY_GROUP_BYS), rows: z.array(SurveySummaryRow) })
  .strict();
export type SurveySummary = z.infer<typeof SurveySummary>;
