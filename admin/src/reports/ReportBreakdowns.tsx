// Issue 19: the report by topic ("Por tema") and the heat map of arrivals and waits by hour of
// day and weekday, for the page's range and branch. The heat map is a table: each cell writes its
// arrivals and mean wait, and its shade only repeats the arrivals (colour is never the sole cue).
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { HourReport, HourReportCell, TopicReport } from '@domain/contracts/resources';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { API, httpClient } from '../dataProvider';
import { retryUnlessRefused, useErrorText } from '../shared/errors';
import { duration } from '../shared/format';
import { useReportLang } from './ReportDates';

export interface BreakdownQuery {
  from: string;
  to: string;
  branchId?: number;
  departmentId?: number;
  serviceId?: number;
  agentId?: number;
}
/** The range and every narrowing asked (issue 19: the heat map and trends honour them all). */
export const breakdownSearch = (q: BreakdownQuery, extra: Record<string, string> = {}) =>
  new URLSearchParams({
    from: q.from,
    to: q.to,
    ...extra,
    ...Object.fromEntries(
      (['branchId', 'departmentId', 'serviceId', 'agentId'] as const).filter((k) => q[k]).map((k) => [k, String(q[k])]),
    ),
  }).toString();
const search = (q: BreakdownQuery) => breakdownSearch(q);

/** One read per report, keyed by every parameter (as the summary's, shared/queryKeys.ts). */
function useBreakdown<T>(path: 'topics' | 'hours', q: BreakdownQuery) {
  return useQuery({
    queryKey: ['reports', path, q] as const,
    queryFn: async () => (await httpClient(`${API}/reports/${path}?${search(q)}`)).json as T,
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

/** A report section; `csv`: its export (issue 19), the same query in the page's language. */
function Section(props: { title: string; testId: string; csv: string; children: React.ReactNode }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mt: 2 }} className="report-table-card">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Typography variant="subtitle1" component="h2" sx={{ flex: 1 }}>
            {props.title}
          </Typography>
          <Button
            size="small"
            variant="outlined"
            startIcon={<DownloadIcon />}
            href={props.csv}
            download
            className="report-filters"
            data-testid={`${props.testId}-csv`}
          >
            {translate('ventanilla.report_trends.export')}
          </Button>
        </Box>
        <Box data-testid={props.testId}>{props.children}</Box>
      </CardContent>
    </Card>
  );
}

export function TopicTable({ query }: { query: BreakdownQuery }) {
  const translate = useTranslate();
  const t = (k: string) => translate(`ventanilla.reports.${k}`);
  const errorText = useErrorText();
  const { data, error } = useBreakdown<TopicReport>('topics', query);
  const lang = useReportLang();
  const csv = `${API}/reports/topics.csv?${search(query)}&lang=${lang}`;
  return (
    <Section title={t('topics_title')} testId="report-topics" csv={csv}>
      {error ? (
        <Alert severity="error">{errorText(error)}</Alert>
      ) : data && data.rows.length === 0 ? (
        <Alert severity="info">{t('topics_empty')}</Alert>
      ) : (
        <Table size="small" sx={{ width: '100%', '& th, & td': { px: 1 } }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('topic')}</TableCell>
              <TableCell>{t('service')}</TableCell>
              <TableCell align="right">{t('columns.tickets')}</TableCell>
              <TableCell align="right">{t('columns.served')}</TableCell>
              <TableCell align="right">{t('columns.avgServiceSeconds')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(data?.rows ?? []).map((r) => (
              <TableRow key={r.topicId}>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{r.topic}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{r.service}</TableCell>
                <TableCell align="right">{r.tickets}</TableCell>
                <TableCell align="right">{r.served}</TableCell>
                <TableCell align="right">{duration(r.avgServiceSeconds)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Typography variant="caption" color="text.secondary">
        {t('topics_note')}
      </Typography>
    </Section>
  );
}

/** ISO weekdays 1 (Monday) … 7, named in the language (1 Jan 2024 was a Monday). */
const weekdayNames = (lang: string) =>
  [1, 2, 3, 4, 5, 6, 7].map((d) =>
    new Date(Date.UTC(2024, 0, d, 12)).toLocaleDateString(lang, { weekday: 'short', timeZone: 'UTC' }),
  );

export function HourHeatMap({ query }: { query: BreakdownQuery }) {
  const translate = useTranslate();
  const t = (k: string) => translate(`ventanilla.reports.${k}`);
  const errorText = useErrorText();
  const lang = useReportLang();
  const { data, error } = useBreakdown<HourReport>('hours', query);
  const cells = data?.cells ?? [];
  const at = new Map<string, HourReportCell>(cells.map((c) => [`${c.weekday}/${c.hour}`, c]));
  const most = Math.max(1, ...cells.map((c) => c.tickets));
  // The hours with arrivals, and those between them: a day's span, not 24 mostly empty rows.
  const hours = cells.length
    ? Array.from(
        { length: Math.max(...cells.map((c) => c.hour)) - Math.min(...cells.map((c) => c.hour)) + 1 },
        (_, i) => Math.min(...cells.map((c) => c.hour)) + i,
      )
    : [];
  const names = weekdayNames(lang);
  return (
    <Section
      title={t('hours_title')}
      testId="report-hours"
      csv={`${API}/reports/hours.csv?${search(query)}&lang=${lang}`}
    >
      {error ? (
        <Alert severity="error">{errorText(error)}</Alert>
      ) : data && cells.length === 0 ? (
        <Alert severity="info">{t('empty')}</Alert>
      ) : (
        <Table size="small" sx={{ width: '100%', tableLayout: 'fixed', '& th, & td': { px: 1 } }}>
          <caption style={{ captionSide: 'bottom', textAlign: 'left' }}>{t('hours_note')}</caption>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col" sx={{ width: 72 }}>
                {t('hour')}
              </TableCell>
              {names.map((n) => (
                <TableCell key={n} component="th" scope="col" align="center">
                  {n}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {hours.map((h) => (
              <TableRow key={h}>
                <TableCell component="th" scope="row">{`${String(h).padStart(2, '0')}:00`}</TableCell>
                {[1, 2, 3, 4, 5, 6, 7].map((d) => {
                  const c = at.get(`${d}/${h}`);
                  return (
                    <TableCell
                      key={d}
                      align="center"
                      data-testid={`hour-${d}-${h}`}
                      // The shade repeats the arrivals written in the cell; the text stays dark on it.
                      sx={(theme) => ({
                        bgcolor: c ? alpha(theme.palette.primary.main, 0.08 + (0.32 * c.tickets) / most) : undefined,
                      })}
                    >
                      {c ? (
                        <>
                          <Box component="span" sx={{ fontWeight: 600, display: 'block' }}>
                            {translate('ventanilla.reports.arrivals', { smart_count: c.tickets })}
                          </Box>
                          <Box component="span" sx={{ fontSize: '0.75rem' }}>
                            {duration(c.avgWaitSeconds)}
                          </Box>
                        </>
                      ) : (
                        '—'
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
