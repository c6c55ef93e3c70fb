// H3: waiting, walking, service, idle and break time; SLA; how tickets ended — per branch,
// department, service, agent or day over a date range, with charts, a CSV export in the user's
// language and a printable view (issue 19).
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, GlobalStyles, MenuItem, TextField, Typography } from '@mui/material';
import type { GroupBy } from '@domain/contracts/resources';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useDataProvider, useGetList, useTranslate } from 'react-admin';
import { API, reportSearch, type ReportQuery, type VentanillaDataProvider } from '../dataProvider';
import { retryUnlessRefused, useErrorText } from '../shared/errors';
import { isoDay } from '../shared/format';
import { queryKeys } from '../shared/queryKeys';
import { ReportCharts } from './ReportCharts';
import { DayPicker, ReportDatesProvider, useReportLang, writtenDay } from './ReportDates';
import { ReportTables } from './ReportTables';
import { HourHeatMap, TopicTable } from './ReportBreakdowns';
import { ReportTrends } from './ReportTrends';
import { NO_NARROWING, ReportNarrowing, narrowingQuery, type Narrowing } from './ReportNarrowing';

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
  const [narrowing, setNarrowing] = useState<Narrowing>(NO_NARROWING);
  const errorText = useErrorText();
  const lang = useReportLang();

  const scope = { from, to, ...(branchId ? { branchId: Number(branchId) } : {}), ...narrowingQuery(narrowing) };
  const query: ReportQuery = { ...scope, groupBy };
  // Keyed by every parameter: each answer lands under its own question, so a slow older one
  // never replaces a newer one. The last report stays on screen while the next one loads.
  const { data, error } = useQuery({
    queryKey: queryKeys.report(query),
    queryFn: () => dp.reportSummary(query),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
  const report = error ? undefined : data;

  const branchName = branches.find((b) => String(b.id) === branchId)?.name;
  return (
    <ReportDatesProvider>
      <GlobalStyles styles={PRINT} />
      <Box sx={{ p: 2 }} data-testid="reports">
        <Title title={t('title')} />
        <Box className="report-filters" sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2, alignItems: 'center' }}>
          <DayPicker label={t('from')} value={from} onChange={setFrom} testId="report-from" />
          <DayPicker label={t('to')} value={to} onChange={setTo} testId="report-to" />
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
            onChange={(e) => {
              setBranchId(e.target.value);
              setNarrowing(NO_NARROWING); // another branch's departments, services and agents
            }}
            sx={{ minWidth: 200 }}
          >
            <MenuItem value="">{t('all_branches')}</MenuItem>
            {branches.map((b) => (
              <MenuItem key={b.id} value={String(b.id)}>
                {String(b.name)}
              </MenuItem>
            ))}
          </TextField>
          <ReportNarrowing branchId={branchId} value={narrowing} onChange={setNarrowing} />
          <Box sx={{ flex: 1 }} />
          <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => window.print()} data-testid="print">
            {t('print')}
          </Button>
          <Button
            variant="contained"
            startIcon={<DownloadIcon />}
            href={`${API}/reports/summary.csv?${reportSearch(query)}&lang=${lang}`}
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
        {report && (
          // What the report covers, named at the top (on paper too: the filters are not printed).
          <Typography variant="h6" component="h1" data-testid="report-scope">
            {`${t('title')} · ${translate('ventanilla.reports.range', {
              from: writtenDay(report.from, lang),
              to: writtenDay(report.to, lang),
            })} · ${branchName ? translate('ventanilla.reports.printed_branch', { branch: String(branchName) }) : t('all_branches')} · ${translate(
              'ventanilla.reports.grouped_by',
              { group: t(report.groupBy).toLowerCase() },
            )}${narrowing.names.map((n) => ` · ${n}`).join('')}`}
          </Typography>
        )}
        {report && report.rows.length === 0 && <Alert severity="info">{t('empty')}</Alert>}
        {report && report.rows.length > 0 && (
          <>
            <ReportCharts rows={report.rows} />
            <ReportTables rows={report.rows} groupBy={report.groupBy} />
          </>
        )}
        {/* Issue 19: the same range and branch over time, by topic, and by hour of day. */}
        <ReportTrends query={scope} />
        <TopicTable query={scope} />
        <HourHeatMap query={scope} />
      </Box>
    </ReportDatesProvider>
  );
}

/**
 * On paper (the "Imprimir" button): the report alone — no app bar, menu or filters (the title
 * names the range and branch) — its tables whole, a chart or a table row never cut in two.
 */
const PRINT = {
  '@media print': {
    '.RaAppBar-appBar, header.MuiAppBar-root, .RaSidebar-fixed, .RaLayout-sidebar, .MuiDrawer-root, .report-filters': {
      display: 'none !important',
    },
    '.RaLayout-appFrame': { marginTop: '0 !important' },
    '.RaLayout-content': { padding: '0 !important' },
    body: { background: 'white' },
    '.report-table-card, [data-testid="report-charts"] .MuiCard-root': { breakInside: 'avoid' },
    'tr, .recharts-wrapper': { breakInside: 'avoid' },
    thead: { display: 'table-header-group' },
  },
} as const;
