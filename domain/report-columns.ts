// Issue 19: the report's columns, each labelled once in both languages (Spanish first), with its
// unit. The CSV export (api/reports/csv.ts) writes `label (unit)` as its header; the back office's
// report table shows the label (its cells carry their own units: "1 min 15 s", "12.5 %").
import type { GroupBy, HourReportCell, ReportRow, TopicReportRow } from './contracts/resources.js';
import type { TrendGrain } from './report-periods.js';

export const REPORT_LANGS = ['es', 'en'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];
type Label = Record<ReportLang, string>;

/** How a figure is written: a count, minutes (from the row's seconds) or a percentage. */
export type ReportUnit = 'count' | 'min' | '%';

export interface ReportColumn {
  field: Exclude<keyof ReportRow, 'key' | 'label'>;
  unit: ReportUnit;
  label: Label;
}

/** In the order the CSV and the table show them: volumes, times, SLA, how tickets ended, agent time. */
export const REPORT_COLUMNS: readonly ReportColumn[] = [
  { field: 'tickets', unit: 'count', label: { es: 'Turnos', en: 'Tickets' } },
  { field: 'served', unit: 'count', label: { es: 'Atendidos', en: 'Served' } },
  { field: 'avgWaitSeconds', unit: 'min', label: { es: 'Espera media', en: 'Average wait' } },
  { field: 'avgWalkSeconds', unit: 'min', label: { es: 'Traslado medio', en: 'Average walk to desk' } },
  { field: 'avgServiceSeconds', unit: 'min', label: { es: 'Atención media', en: 'Average service' } },
  { field: 'called', unit: 'count', label: { es: 'Llamados', en: 'Called' } },
  { field: 'withinSla', unit: 'count', label: { es: 'Llamados dentro del SLA', en: 'Called within SLA' } },
  {
    field: 'waitingOverSla',
    unit: 'count',
    label: { es: 'Esperando fuera del SLA', en: 'Waiting past the SLA' },
  },
  { field: 'slaPercent', unit: '%', label: { es: 'En SLA', en: 'Within SLA' } },
  {
    field: 'leftBeforeCalled',
    unit: 'count',
    label: { es: 'Se fueron antes del llamado', en: 'Left before the call' },
  },
  { field: 'cancelledByStaff', unit: 'count', label: { es: 'Cancelados por el personal', en: 'Cancelled by staff' } },
  {
    field: 'noShowTimeout',
    unit: 'count',
    label: { es: 'No se presentaron (tiempo agotado)', en: 'No-show (call timed out)' },
  },
  {
    field: 'noShowMarked',
    unit: 'count',
    label: { es: 'No se presentaron (marcado por el asesor)', en: 'No-show (marked by the agent)' },
  },
  { field: 'missedAppointment', unit: 'count', label: { es: 'Citas perdidas', en: 'Missed appointments' } },
  { field: 'noShow', unit: 'count', label: { es: 'No se presentaron (total)', en: 'No-shows (total)' } },
  { field: 'cancelled', unit: 'count', label: { es: 'Cancelados (total)', en: 'Cancelled (total)' } },
  { field: 'abandonmentPercent', unit: '%', label: { es: 'Abandono', en: 'Abandonment' } },
  { field: 'occupancyPercent', unit: '%', label: { es: 'Ocupación', en: 'Occupancy' } },
  { field: 'idleSeconds', unit: 'min', label: { es: 'Tiempo ocioso', en: 'Idle time' } },
  { field: 'breakSeconds', unit: 'min', label: { es: 'Pausas', en: 'Breaks' } },
  { field: 'wrapUpSeconds', unit: 'min', label: { es: 'Documentación', en: 'Wrap-up' } },
];

/** The row's group, by the report's grouping (the CSV's label column). */
export const GROUP_LABELS: Record<GroupBy, Label> = {
  branch: { es: 'Sucursal', en: 'Branch' },
  department: { es: 'Departamento', en: 'Department' },
  service: { es: 'Servicio', en: 'Service' },
  agent: { es: 'Asesor', en: 'Agent' },
  day: { es: 'Día', en: 'Day' },
};

/**
 * The CSV's first column: the group's id, or for a day its date as ISO 8601 (YYYY-MM-DD, the
 * same in every language, so a spreadsheet sorts it), said in the header.
 */
export const KEY_LABELS: { id: Label; day: Label } = {
  id: { es: 'Id', en: 'Id' },
  day: { es: 'Fecha (AAAA-MM-DD)', en: 'Date (YYYY-MM-DD)' },
};

/** A column's header with its unit: "Espera media (min)", "Abandono (%)"; counts have none. */
export const columnHeader = (c: { unit: ReportUnit; label: Label }, lang: ReportLang): string =>
  c.unit === 'count' ? c.label[lang] : `${c.label[lang]} (${c.unit})`;

/** The columns' labels in one language, by field (the back office's `reports.columns` messages). */
export const columnLabels = (lang: ReportLang): Record<ReportColumn['field'], string> =>
  Object.fromEntries(REPORT_COLUMNS.map((c) => [c.field, c.label[lang]])) as Record<ReportColumn['field'], string>;

/** Issue 19: the trend export's first two columns, by grain: the period's first day (ISO) and its name. */
export const TREND_KEY_LABELS: Record<TrendGrain, { key: Label; label: Label }> = {
  day: { key: { es: 'Fecha (AAAA-MM-DD)', en: 'Date (YYYY-MM-DD)' }, label: { es: 'Día', en: 'Day' } },
  week: {
    key: { es: 'Semana desde el lunes (AAAA-MM-DD)', en: 'Week from Monday (YYYY-MM-DD)' },
    label: { es: 'Semana ISO', en: 'ISO week' },
  },
};

/** Any report's CSV column: its field, unit and label in both languages. */
export interface CsvColumn<R> {
  field: keyof R & string;
  unit: ReportUnit;
  label: Label;
}

/** Issue 19: the report by topic's export. */
export const TOPIC_COLUMNS: readonly CsvColumn<TopicReportRow>[] = [
  { field: 'topicId', unit: 'count', label: { es: 'Id del tema', en: 'Topic id' } },
  { field: 'topic', unit: 'count', label: { es: 'Tema', en: 'Topic' } },
  { field: 'serviceId', unit: 'count', label: { es: 'Id del servicio', en: 'Service id' } },
  { field: 'service', unit: 'count', label: { es: 'Servicio', en: 'Service' } },
  { field: 'tickets', unit: 'count', label: { es: 'Turnos', en: 'Tickets' } },
  { field: 'served', unit: 'count', label: { es: 'Atendidos', en: 'Served' } },
  { field: 'avgServiceSeconds', unit: 'min', label: { es: 'Atención media', en: 'Average service' } },
];

/** Issue 19: the heat map's export, a line per weekday and hour with arrivals. */
export const HOUR_COLUMNS: readonly CsvColumn<HourReportCell>[] = [
  { field: 'weekday', unit: 'count', label: { es: 'Día de la semana (1 = lunes)', en: 'Weekday (1 = Monday)' } },
  { field: 'hour', unit: 'count', label: { es: 'Hora de llegada (0-23)', en: 'Arrival hour (0-23)' } },
  { field: 'tickets', unit: 'count', label: { es: 'Llegadas', en: 'Arrivals' } },
  { field: 'avgWaitSeconds', unit: 'min', label: { es: 'Espera media', en: 'Average wait' } },
  { field: 'called', unit: 'count', label: { es: 'Llamados', en: 'Called' } },
  { field: 'withinSla', unit: 'count', label: { es: 'Llamados dentro del SLA', en: 'Called within SLA' } },
  {
    field: 'leftBeforeCalled',
    unit: 'count',
    label: { es: 'Se fueron antes del llamado', en: 'Left before the call' },
  },
];

/** The weekdays' names, Monday first (the heat map's export names the weekday beside its number). */
export const WEEKDAY_NAMES: Record<ReportLang, readonly string[]> = {
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
export const WEEKDAY_LABEL: Label = { es: 'Día', en: 'Day' };
