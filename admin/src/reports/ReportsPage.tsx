// H3: waiting, walking, service, idle and break time; SLA; abandonment — per branch,
// department, service, agent or day over a date range, with charts and a CSV export.
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, Card, CardContent, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Title, useDataProvider, useGetList, useTranslate } from 'react-admin';
import { API, type VentanillaDataProvider } from '../dataProvider';
import { useErrorText } from '../shared/errors';
import { duration, isoDay, percent } from '../shared/format';
import { ReportCharts } from './ReportCharts';
import type { GroupBy, Report } from './types';

const GROUPS: GroupBy[] = ['service', 'department', 'branch', 'agent', 'day'];

export function ReportsPage() {
  const translate = useTranslate();
  const t = (k: string) => translate(`ventanilla.reports.${k}`);
  const dp = useDataProvider<VentanillaDataProvider>();
  const { data: branches = [] } = useGetList('branches', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 6 * 86_400_000)));
  const [to, setTo] = useState(() => isoDay(new Date()));
  const [groupBy, setGroupBy] = useState<GroupBy>('service');
  const [branchId, setBranchId] = useState<string>('');
  const [report, setReport] = useState<Report | null>(null);
  // Boxed, worded at render: the alert follows the language switch.
  const [failed, setFailed] = useState<{ err: unknown }>();
  const errorText = useErrorText();

  const query = useMemo(() => new URLSearchParams({ from, to, groupBy, ...(branchId ? { branchId } : {}) }).toString(), [from, to, groupBy, branchId]);
  useEffect(() => {
    dp.get<Report>(`/reports/summary?${query}`).then((r) => { setReport(r); setFailed(undefined); }, (err: unknown) => { setReport(null); setFailed({ err }); });
  }, [dp, query]);

  const cols: [string, (r: Report['rows'][number]) => string | number][] = [
    ['tickets', (r) => r.tickets], ['served', (r) => r.served], ['avg_wait', (r) => duration(r.avgWaitSeconds)],
    ['avg_walk', (r) => duration(r.avgWalkSeconds)], ['avg_service', (r) => duration(r.avgServiceSeconds)],
    ['sla', (r) => `${percent(r.slaPercent)} (${r.withinSla}/${r.called})`], ['left', (r) => r.leftBeforeCalled], ['no_show', (r) => r.noShow],
    ['cancelled', (r) => r.cancelled], ['abandonment', (r) => percent(r.abandonmentPercent)],
    ['idle', (r) => duration(r.idleSeconds)], ['break', (r) => duration(r.breakSeconds)], ['wrap_up', (r) => duration(r.wrapUpSeconds)],
  ];
  // Agent time (idle, breaks, wrap-up) exists per branch, agent and day only.
  const shown = report?.rows.some((r) => r.idleSeconds !== null) ? cols : cols.filter(([k]) => !['idle', 'break', 'wrap_up'].includes(k));
  return (
    <Box sx={{ p: 2 }} data-testid="reports">
      <Title title={t('title')} />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2, alignItems: 'center' }}>
        <TextField fullWidth={false} type="date" size="small" label={t('from')} value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField fullWidth={false} type="date" size="small" label={t('to')} value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField fullWidth={false} select size="small" label={t('group_by')} value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)} sx={{ minWidth: 160 }} data-testid="group-by">
          {GROUPS.map((g) => <MenuItem key={g} value={g}>{t(g)}</MenuItem>)}
        </TextField>
        <TextField fullWidth={false} select size="small" label={t('branch')} value={branchId} onChange={(e) => setBranchId(e.target.value)} sx={{ minWidth: 200 }}>
          <MenuItem value="">—</MenuItem>
          {branches.map((b) => <MenuItem key={b.id} value={String(b.id)}>{String(b.name)}</MenuItem>)}
        </TextField>
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" startIcon={<DownloadIcon />} href={`${API}/reports/summary.csv?${query}`} download data-testid="export-csv">{t('export')}</Button>
      </Box>
      {failed && <Alert severity="error" sx={{ mb: 2 }}>{errorText(failed.err)}</Alert>}
      {report && report.rows.length === 0 && <Alert severity="info">{t('empty')}</Alert>}
      {report && report.rows.length > 0 && (
        <>
          <ReportCharts rows={report.rows} />
          <Card variant="outlined" sx={{ mt: 2 }}>
            <CardContent sx={{ overflowX: 'auto' }}>
              <Typography variant="subtitle1">{`${report.from} → ${report.to}`}</Typography>
              <Table size="small" data-testid="report-table">
                <TableHead><TableRow>
                  <TableCell>{t(groupBy)}</TableCell>
                  {shown.map(([k]) => <TableCell key={k} align="right">{t(k)}</TableCell>)}
                </TableRow></TableHead>
                <TableBody>
                  {report.rows.map((r) => (
                    <TableRow key={r.key ?? 'none'}>
                      <TableCell>{r.label}</TableCell>
                      {shown.map(([k, f]) => <TableCell key={k} align="right">{f(r)}</TableCell>)}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        </>
      )}
    </Box>
  );
}
