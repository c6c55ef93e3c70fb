// RFC 4180 CSV: fields with the separator, quotes or line breaks are quoted (quotes doubled), and
// a field a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe.
// Issue 19: the report's export speaks the requester's language (domain/report-columns.ts).
import {
  GROUP_LABELS,
  KEY_LABELS,
  REPORT_COLUMNS,
  columnHeader,
  type ReportLang,
  type ReportUnit,
} from '../../domain/report-columns.js';
import type { GroupBy, ReportRow } from '../../domain/contracts/resources.js';

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

/** The report as CSV: the group's id (a day: ISO), its name (a day: as the language writes it), the figures. */
export function reportCsv(rows: ReportRow[], groupBy: GroupBy, lang: ReportLang): string {
  const { sep } = FORMAT[lang];
  const header = [
    (groupBy === 'day' ? KEY_LABELS.day : KEY_LABELS.id)[lang],
    GROUP_LABELS[groupBy][lang],
    ...REPORT_COLUMNS.map((c) => columnHeader(c, lang)),
  ];
  const lines = [header.map((h) => csvField(h)).join(sep)];
  for (const r of rows) {
    const label = groupBy === 'day' && r.key ? localDay(r.key, lang) : r.label;
    const cells = [csvField(r.key), csvField(label), ...REPORT_COLUMNS.map((c) => figure(r[c.field], c.unit, lang))];
    lines.push(cells.join(sep));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`; // BOM: spreadsheets then read UTF-8 (tildes, ñ)
}
