import { z } from 'zod';
import { GROUP_BYS, TREND_GRAINS } from '../../domain/contracts/resources.js';
import { REPORT_LANGS } from '../../domain/report-columns.js';

export { GROUP_BYS, type GroupBy } from '../../domain/contracts/resources.js';
export const MAX_RANGE_DAYS = 366;

const id = z.coerce.number().int().positive().max(2_147_483_647);
const day = z.string().date('a date as YYYY-MM-DD');

const fields = {
  from: day,
  to: day,
  groupBy: z.enum(GROUP_BYS).default('service'),
  branchId: id.optional(),
  departmentId: id.optional(),
  serviceId: id.optional(),
  agentId: id.optional(),
};
/** A range of service days, in order, of at most MAX_RANGE_DAYS. */
const ranged = <S extends z.ZodType<{ from: string; to: string }>>(s: S) =>
  s
    .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
    .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_RANGE_DAYS, {
      message: `at most ${MAX_RANGE_DAYS} days`,
      path: ['to'],
    });

/** H3 report query: a date range of service days (≤ 366), a grouping, optional narrowing. */
export const ReportQuery = ranged(z.object(fields).strict());
export type ReportQuery = z.infer<typeof ReportQuery>;

/**
 * The CSV export's query (issue 19): the report's, and the language of its headers, decimals and
 * dates — the back office sends its own; without it, the browser's (Accept-Language), Spanish first.
 */
export const ReportCsvQuery = ranged(z.object({ ...fields, lang: z.enum(REPORT_LANGS).optional() }).strict());
export type ReportCsvQuery = z.infer<typeof ReportCsvQuery>;

/** Issue 19: the report by topic — the summary's range and narrowing, no grouping (always per topic). */
const { groupBy: _g, ...narrowing } = fields;
export const TopicQuery = ranged(z.object(narrowing).strict());
export type TopicQuery = z.infer<typeof TopicQuery>;
/** Issue 19: the heat map — narrowed like the others (an agent: the customers they last called). */
export const HourQuery = ranged(z.object(narrowing).strict());
export type HourQuery = z.infer<typeof HourQuery>;
/** Issue 19: trends per service day or ISO week. */
export const TrendQuery = ranged(z.object({ ...narrowing, grain: z.enum(TREND_GRAINS).default('day') }).strict());
export type TrendQuery = z.infer<typeof TrendQuery>;

/** The CSV exports of the topic, hour and trend reports: their query and the language (as ReportCsvQuery). */
const lang = { lang: z.enum(REPORT_LANGS).optional() };
export const TopicCsvQuery = ranged(z.object({ ...narrowing, ...lang }).strict());
export const HourCsvQuery = TopicCsvQuery;
export const TrendCsvQuery = ranged(
  z.object({ ...narrowing, grain: z.enum(TREND_GRAINS).default('day'), ...lang }).strict(),
);
