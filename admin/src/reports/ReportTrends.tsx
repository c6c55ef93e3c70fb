// Issue 19: trends per service day or ISO week for the page's range and branch — arrivals and
// served, waits and attention, SLA and how tickets ended — as charts, with the same figures in a
// table under them (what a screen reader reads; each chart names the table), and their CSV.
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Grid,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { ReportRow, TrendGrain, TrendReport } from '@domain/contracts/resources';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslate } from 'react-admin';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { API, httpClient } from '../dataProvider';
import { retryUnlessRefused, useErrorText } from '../shared/errors';
import { duration, minutes } from '../shared/format';
import { breakdownSearch, type BreakdownQuery } from './ReportBreakdowns';
import { useReportLang, writtenDay } from './ReportDates';

const search = (q: BreakdownQuery, grain: TrendGrain) => breakdownSearch(q, { grain });

function TrendChart(props: { title: string; describedBy: string; children: ReactElement }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle2" component="h3" gutterBottom>
          {props.title}
        </Typography>
        {/* The chart is a picture of the table below: named as such, its figures read there. */}
        <Box role="img" aria-label={props.title} aria-describedby={props.describedBy}>
          <ResponsiveContainer width="99%" height={240}>
            {props.children}
          </ResponsiveContainer>
        </Box>
      </CardContent>
    </Card>
  );
}

export function ReportTrends({ query }: { query: BreakdownQuery }) {
  const translate = useTranslate();
  const t = (k: string, o?: Record<string, unknown>) => translate(`ventanilla.report_trends.${k}`, o);
  const c = (k: keyof ReportRow) => translate(`ventanilla.reports.columns.${k}`);
  const errorText = useErrorText();
  const lang = useReportLang();
  // A long range reads better by week.
  const long = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 > 31;
  const [chosen, setGrain] = useState<TrendGrain | null>(null);
  const grain = chosen ?? (long ? 'week' : 'day');
  const { data, error } = useQuery({
    queryKey: ['reports', 'trends', query, grain] as const,
    queryFn: async () => (await httpClient(`${API}/reports/trends?${search(query, grain)}`)).json as TrendReport,
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
  const digits = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pct = (v: number | null) => (v === null ? '—' : `${digits.format(v)} %`);
  const name = (r: ReportRow) =>
    data?.grain === 'week' ? t('week_of', { week: r.label, day: writtenDay(r.key!, lang) }) : writtenDay(r.key!, lang);
  const points = (data?.periods ?? []).map((r) => ({
    name: data?.grain === 'week' ? r.label : writtenDay(r.key!, lang),
    tickets: r.tickets,
    served: r.served,
    wait: minutes(r.avgWaitSeconds),
    service: minutes(r.avgServiceSeconds),
    sla: r.slaPercent,
    abandonment: r.abandonmentPercent,
  }));
  const tableId = 'report-trends-table';
  return (
    <Card variant="outlined" sx={{ mt: 2 }} className="report-table-card" data-testid="report-trends">
      <CardContent>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mb: 1 }}>
          <Typography variant="subtitle1" component="h2" sx={{ flex: 1 }}>
            {t('title')}
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={grain}
            onChange={(_e, g: TrendGrain | null) => g && setGrain(g)}
            aria-label={t('grain')}
            className="report-filters"
          >
            <ToggleButton value="day" data-testid="trend-day">
              {t('by_day')}
            </ToggleButton>
            <ToggleButton value="week" data-testid="trend-week">
              {t('by_week')}
            </ToggleButton>
          </ToggleButtonGroup>
          <Button
            size="small"
            variant="outlined"
            startIcon={<DownloadIcon />}
            href={`${API}/reports/trends.csv?${search(query, grain)}&lang=${lang}`}
            download
            className="report-filters"
            data-testid="export-trends-csv"
          >
            {t('export')}
          </Button>
        </Box>
        {error ? (
          <Alert severity="error">{errorText(error)}</Alert>
        ) : (
          <>
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, md: 6 }}>
                <TrendChart title={t('volume_chart')} describedBy={tableId}>
                  <ComposedChart data={points}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="name" />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Legend />
                    <Bar isAnimationActive={false} dataKey="tickets" name={c('tickets')} fill="#90caf9" />
                    <Line
                      isAnimationActive={false}
                      dataKey="served"
                      name={c('served')}
                      stroke="#2e7d32"
                      strokeWidth={2}
                    />
                  </ComposedChart>
                </TrendChart>
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <TrendChart title={t('quality_chart')} describedBy={tableId}>
                  <LineChart data={points}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="name" />
                    <YAxis yAxisId="min" />
                    <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} unit=" %" />
                    <Tooltip />
                    <Legend />
                    <Line
                      isAnimationActive={false}
                      yAxisId="min"
                      dataKey="wait"
                      name={`${c('avgWaitSeconds')} (min)`}
                      stroke="#1976d2"
                      strokeWidth={2}
                    />
                    <Line
                      isAnimationActive={false}
                      yAxisId="min"
                      dataKey="service"
                      name={`${c('avgServiceSeconds')} (min)`}
                      stroke="#9c27b0"
                      strokeDasharray="6 3"
                      strokeWidth={2}
                    />
                    <Line
                      isAnimationActive={false}
                      yAxisId="pct"
                      dataKey="sla"
                      name={`${c('slaPercent')} (%)`}
                      stroke="#ed6c02"
                      strokeDasharray="2 2"
                      strokeWidth={2}
                    />
                  </LineChart>
                </TrendChart>
              </Grid>
            </Grid>
            <Table
              size="small"
              id={tableId}
              data-testid={tableId}
              sx={{ mt: 2, width: '100%', '& th, & td': { px: 1 } }}
            >
              <caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('table_caption')}</caption>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    {t(grain === 'week' ? 'week' : 'day')}
                  </TableCell>
                  {(
                    [
                      'tickets',
                      'served',
                      'avgWaitSeconds',
                      'avgServiceSeconds',
                      'slaPercent',
                      'leftBeforeCalled',
                      'noShow',
                      'cancelledByStaff',
                      'abandonmentPercent',
                    ] as const
                  ).map((k) => (
                    <TableCell key={k} component="th" scope="col" align="right" sx={{ verticalAlign: 'bottom' }}>
                      {c(k)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {(data?.periods ?? []).map((r) => (
                  <TableRow key={r.key}>
                    <TableCell component="th" scope="row">
                      {name(r)}
                    </TableCell>
                    <TableCell align="right">{r.tickets}</TableCell>
                    <TableCell align="right">{r.served}</TableCell>
                    <TableCell align="right">{duration(r.avgWaitSeconds)}</TableCell>
                    <TableCell align="right">{duration(r.avgServiceSeconds)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {pct(r.slaPercent)}
                    </TableCell>
                    <TableCell align="right">{r.leftBeforeCalled}</TableCell>
                    <TableCell align="right">{r.noShow}</TableCell>
                    <TableCell align="right">{r.cancelledByStaff}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {pct(r.abandonmentPercent)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
}
