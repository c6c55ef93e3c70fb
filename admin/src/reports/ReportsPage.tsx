// H3: waiting, walking, service, idle and break time; SLA; abandonment — per branch,
// department, service, agent or day over a date range, with charts and a CSV export.
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { GroupBy, Report } from '@domain/contracts/resources';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useDataProvider, useGetList, useTranslate } from 'react-admin';
import { API, reportSearch, type ReportQuery, type VentanillaDataProvider } from '../dataProvider';
import { retryUnlessRefused, useErrorText } from '../shared/errors';
import { duration, isoDay, percent } from '../shared/format';
import { queryKeys } from '../shared/queryKeys';
import { ReportCharts } from './ReportCharts';

/** The groupings offered, the default (per service) first. */
const GROUPS: GroupBy[] = ['service', 'department', 'branch', 'agent', 'day'];

export function ReportsPage() {
  const translate = useTranslate();
  const t = (k: string) => translate(`ventanilla.reports.${k}`);
  const dp = useDataProvider<VentanillaDataProvider>();
  const { data: branches = [] } = useGetList('branches', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 6 * 86_400_000)));
  const [to, setTo] = useState(() => isoDay(new Date()));
  const [groupBy, setGroupBy] = useState<GroupBy>('service');
  const [branchId, setBranchId] = useState<string>('');
  const errorText = useErrorText();

  const query: ReportQuery = { from, to, groupBy, ...(branchId ? { branchId: Number(branchId) } : {}) };
  // Keyed by every parameter: each answer lands under its own question, so a slow older one
  // never replaces a newer one. The last report stays on screen while the next one loads.
  const { data, error } = useQuery({
    queryKey: queryKeys.report(query),
    queryFn: () => dp.reportSummary(query),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
  const report = error ? undefined : data;

  const cols: [string, (r: Report['rows'][number]) => string | number][] = [
    ['tickets', (r) => r.tickets],
    ['served', (r) => r.served],
    ['avg_wait', (r) => duration(r.avgWaitSeconds)],
    ['avg_walk', (r) => duration(r.avgWalkSeconds)],
    ['avg_service', (r) => duration(r.avgServiceSeconds)],
    ['sla', (r) => `${percent(r.slaPercent)} (${r.withinSla}/${r.called})`],
    ['left', (r) => r.leftBeforeCalled],
    ['no_show', (r) => r.noShow],
    ['cancelled', (r) => r.cancelled],
    ['abandonment', (r) => percent(r.abandonmentPercent)],
    ['idle', (r) => duration(r.idleSeconds)],
    ['break', (r) => duration(r.breakSeconds)],
    ['wrap_up', (r) => duration(r.wrapUpSeconds)],
  ];
  // Agent time (idle, breaks, wrap-up) exists per branch, agent and day only.
  const shown = report?.rows.some((r) => r.idleSeconds !== null)
    ? cols
    : cols.filter(([k]) => !['idle', 'break', 'wrap_up'].includes(k));
  return (
    <Box sx={{ p: 2 }} data-testid="reports">
      <Title title={t('title')} />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2, alignItems: 'center' }}>
        <TextField
          fullWidth={false}
          type="date"
          size="small"
          label={t('from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          fullWidth={false}
          type="date"
          size="small"
          label={t('to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          fullWidth={false}
          select
          size="small"
          label={t('group_by')}
          value={groupBy}
          onChange={(e) => setGroupBy(e.target.value as GroupBy)}
          sx={{ minWidth: 160 }}
          data-testid="group-by"
        >
          {GROUPS.map((g) => (
            <MenuItem key={g} value={g}>
              {t(g)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          fullWidth={false}
          select
          size="small"
          label={t('branch')}
          value={branchId}
          onChange={(e) => setBranchId(e.target.value)}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">—</MenuItem>
          {branches.map((b) => (
            <MenuItem key={b.id} value={String(b.id)}>
              {String(b.name)}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flex: 1 }} />
        <Button
          variant="contained"
          startIcon={<DownloadIcon />}
          href={`${API}/reports/summary.csv?${reportSearch(query)}`}
          download
          data-testid="export-csv"
        >
          {t('export')}
        </Button>
      </Box>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errorText(error)}
        </Alert>
      )}
      {report && report.rows.length === 0 && <Alert severity="info">{t('empty')}</Alert>}
      {report && report.rows.length > 0 && (
        <>
          <ReportCharts rows={report.rows} />
          <Card variant="outlined" sx={{ mt: 2 }}>
            <CardContent sx={{ overflowX: 'auto' }}>
              <Typography variant="subtitle1">{`${report.from} → ${report.to}`}</Typography>
              <Table size="small" data-testid="report-table">
                <TableHead>
                  <TableRow>
                    <TableCell>{t(groupBy)}</TableCell>
                    {shown.map(([k]) => (
                      <TableCell key={k} align="right">
                        {t(k)}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {report.rows.map((r) => (
                    <TableRow key={r.key ?? 'none'}>
                      <TableCell>{r.label}</TableCell>
                      {shown.map(([k, f]) => (
                        <TableCell key={k} align="right">
                          {f(r)}
                        </TableCell>
                      ))}
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
