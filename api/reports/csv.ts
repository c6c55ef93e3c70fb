// RFC 4180 CSV: fields with the separator, quotes or line breaks are quoted (quotes doubled), and
// a field a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe.
// Issue 19: the report's export speaks the requester's language (domain/report-columns.ts).
import {
  GROUP_LABELS,
  HOUR_COLUMNS,
  KEY_LABELS,
  REPORT_COLUMNS,
  TOPIC_COLUMNS,
  TREND_KEY_LABELS,
  WEEKDAY_LABEL,
  WEEKDAY_NAMES,
  columnHeader,
  type CsvColumn,
  type ReportLang,
  type ReportUnit,
} from '../../domain/report-columns.js';
import type { GroupBy, HourReportCell, ReportRow, TopicReportRow } from '../../domain/contracts/resources.js';
import type { TrendGrain } from '../../domain/report-periods.js';

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * How each language's spreadsheets read a CSV: Spanish ones (es-CO, es-ES) take the decimal comma
 * and so the semicolon between fields; English ones the decimal point and the comma.
 */
const FORMAT: Record<ReportLang, { sep: string; decimal: string; dateLocale: string }> = {
  es: { sep: ';', decimal: ',', dateLocale: 'es-CO' },
  en: { sep: ',', decimal: '.', dateLocale: 'en-US' },
};

/** A figure in its column's unit: minutes with one decimal (from seconds), a percentage, a count. */
function figure(v: number | null, unit: ReportUnit, lang: ReportLang): string {
  if (v === null) return '';
  const n = unit === 'min' ? Math.round((v / 60) * 10) / 10 : v;
  return String(n).replace('.', FORMAT[lang].decimal);
}

/** A YYYY-MM-DD day as the language writes it: 05/03/2026 in Spanish, 03/05/2026 in English. */
export const localDay = (day: string, lang: ReportLang): string =>
  new Intl.DateTimeFormat(FORMAT[lang].dateLocale, {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(`${day}T00:00:00Z`));

/** Header, lines, BOM: spreadsheets then read UTF-8 (tildes, ñ). */
function csv(lang: ReportLang, header: string[], lines: string[][]): string {
  const { sep } = FORMAT[lang];
  return `\uFEFF${[header.map((h) => csvField(h)), ...lines].map((l) => l.join(sep)).join('\r\n')}\r\n`;
}

/** The report's rows under a key and label column: the figures in REPORT_COLUMNS' order. */
function rowsCsv(rows: ReportRow[], key: string, label: string, labelOf: (r: ReportRow) => string, lang: ReportLang) {
  return csv(
    lang,
    [key, label, ...REPORT_COLUMNS.map((c) => columnHeader(c, lang))],
    rows.map((r) => [
      csvField(r.key),
      csvField(labelOf(r)),
      ...REPORT_COLUMNS.map((c) => figure(r[c.field], c.unit, lang)),
    ]),
  );
}

/** The report as CSV: the group's id (a day: ISO), its name (a day: as the language writes it), the figures. */
export function reportCsv(rows: ReportRow[], groupBy: GroupBy, lang: ReportLang): string {
  const key = (groupBy === 'day' ? KEY_LABELS.day : KEY_LABELS.id)[lang];
  return rowsCsv(
    rows,
    key,
    GROUP_LABELS[groupBy][lang],
    (r) => (groupBy === 'day' && r.key ? localDay(r.key, lang) : r.label),
    lang,
  );
}

/** Issue 19: the trends as CSV — the period's first day (ISO), its name (a day as the language writes it; an ISO week), the figures. */
export function trendCsv(periods: ReportRow[], grain: TrendGrain, lang: ReportLang): string {
  const h = TREND_KEY_LABELS[grain];
  return rowsCsv(
    periods,
    h.key[lang],
    h.label[lang],
    (r) => (grain === 'day' && r.key ? localDay(r.key, lang) : r.label),
    lang,
  );
}

/** A list of rows by its columns: text as it is, figures in their unit and the language's decimals. */
function columnsCsv<R>(rows: R[], columns: readonly CsvColumn<R>[], lang: ReportLang): string[][] {
  return rows.map((r) =>
    columns.map((c) => {
      const v = r[c.field];
      return typeof v === 'number' || v === null ? figure(v as number | null, c.unit, lang) : csvField(v);
    }),
  );
}

/** Issue 19: the report by topic as CSV. */
export const topicCsv = (rows: TopicReportRow[], lang: ReportLang): string =>
  csv(
    lang,
    TOPIC_COLUMNS.map((c) => columnHeader(c, lang)),
    columnsCsv(rows, TOPIC_COLUMNS, lang),
  );

/** Issue 19: the heat map as CSV, a line per weekday and hour with arrivals; the weekday also by name. */
export function hourCsv(cells: HourReportCell[], lang: ReportLang): string {
  const [weekday, ...rest] = HOUR_COLUMNS;
  const lines = columnsCsv(cells, HOUR_COLUMNS, lang).map((l, i) => [
    l[0]!,
    csvField(WEEKDAY_NAMES[lang][cells[i]!.weekday - 1]),
    ...l.slice(1),
  ]);
  return csv(
    lang,
    [columnHeader(weekday!, lang), WEEKDAY_LABEL[lang], ...rest.map((c) => columnHeader(c, lang))],
    lines,
  );
}
