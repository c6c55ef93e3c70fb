// H3 tables, issue 19: times and service level in one, how the tickets ended (by who ended them)
// in another, so neither needs more width than a 1440 px screen gives (the wrap-up column was cut
// off when all of it was one table). Column labels come from domain/report-columns.ts.
import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { GroupBy, ReportRow } from '@domain/contracts/resources';
import { useTranslate } from 'react-admin';
import { duration } from '../shared/format';
import { useReportLang } from './ReportDates';

/** A percentage as the language writes it: "33,3 %", "33.3 %". */
type Pct = (v: number | null) => string;
type Column = [field: keyof ReportRow, cell: (r: ReportRow, pct: Pct) => string | number];

const TIMES: Column[] = [
  ['tickets', (r) => r.tickets],
  ['served', (r) => r.served],
  ['avgWaitSeconds', (r) => duration(r.avgWaitSeconds)],
  ['avgWalkSeconds', (r) => duration(r.avgWalkSeconds)],
  ['avgServiceSeconds', (r) => duration(r.avgServiceSeconds)],
  // Issue 19: over the called and those still waiting past the target (the monitor's SLA).
  ['slaPercent', (r, pct) => `${pct(r.slaPercent)} (${r.withinSla}/${r.called + r.waitingOverSla})`],
  ['occupancyPercent', (r, pct) => pct(r.occupancyPercent)],
  ['idleSeconds', (r) => duration(r.idleSeconds)],
  ['breakSeconds', (r) => duration(r.breakSeconds)],
  ['wrapUpSeconds', (r) => duration(r.wrapUpSeconds)],
];
/** Every ended ticket in exactly one of these (domain/report-outcomes.ts). */
const OUTCOMES: Column[] = [
  ['tickets', (r) => r.tickets],
  ['served', (r) => r.served],
  ['leftBeforeCalled', (r) => r.leftBeforeCalled],
  ['noShowTimeout', (r) => r.noShowTimeout],
  ['noShowMarked', (r) => r.noShowMarked],
  ['cancelledByStaff', (r) => r.cancelledByStaff],
  ['missedAppointment', (r) => r.missedAppointment],
  ['abandonmentPercent', (r, pct) => pct(r.abandonmentPercent)],
];
const AGENT_TIME: (keyof ReportRow)[] = ['occupancyPercent', 'idleSeconds', 'breakSeconds', 'wrapUpSeconds'];

function FigureTable(props: { title: string; groupBy: GroupBy; rows: ReportRow[]; columns: Column[]; testId: string }) {
  const translate = useTranslate();
  const t = (k: string) => translate(`ventanilla.reports.${k}`);
  const digits = new Intl.NumberFormat(useReportLang(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pct: Pct = (v) => (v === null ? '—' : `${digits.format(v)} %`);
  return (
    <Card variant="outlined" sx={{ mt: 2 }} className="report-table-card">
      <CardContent>
        <Typography variant="subtitle1" component="h2">
          {props.title}
        </Typography>
        {/* The columns share the card's width: long headers wrap between words, never scroll. */}
        <Table size="small" data-testid={props.testId} sx={{ width: '100%', '& th, & td': { px: 1 } }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ verticalAlign: 'bottom', minWidth: 160 }}>{t(props.groupBy)}</TableCell>
              {props.columns.map(([k]) => (
                <TableCell key={k} align="right" sx={{ verticalAlign: 'bottom', hyphens: 'manual' }}>
                  {t(`columns.${k}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {props.rows.map((r) => (
              <TableRow key={r.key ?? 'none'}>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{r.label}</TableCell>
                {props.columns.map(([k, cell]) => (
                  <TableCell key={k} align="right">
                    {cell(r, pct)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

export function ReportTables({ rows, groupBy }: { rows: ReportRow[]; groupBy: GroupBy }) {
  const translate = useTranslate();
  // Agent time (idle, breaks, wrap-up) exists per branch, agent and day only.
  const times = rows.some((r) => r.idleSeconds !== null) ? TIMES : TIMES.filter(([k]) => !AGENT_TIME.includes(k));
  return (
    <>
      <FigureTable
        title={translate('ventanilla.reports.times_title')}
        groupBy={groupBy}
        rows={rows}
        columns={times}
        testId="report-table"
      />
      <FigureTable
        title={translate('ventanilla.reports.outcomes_title')}
        groupBy={groupBy}
        rows={rows}
        columns={OUTCOMES}
        testId="report-outcomes"
      />
    </>
  );
}
