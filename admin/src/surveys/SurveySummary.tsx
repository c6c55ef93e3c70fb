// Issue 20: satisfaction per agent, service or topic over a range of service days — answers, the
// average score and the share of 1–2 — from GET /api/surveys/summary (the reports' rights).
import { Alert, Box, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import type { SurveySummary as Summary } from '@domain/contracts/surveys';
import { SURVEY_GROUP_BYS, type SurveyGroupBy } from '@domain/surveys';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { API, httpClient } from '../dataProvider';
import { retryUnlessRefused, useErrorText } from '../shared/errors';
import { isoDay } from '../shared/format';

export function SurveySummary() {
  const t = useTranslate();
  const [locale] = useLocaleState();
  const errorText = useErrorText();
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 29 * 86_400_000)));
  const [to, setTo] = useState(() => isoDay(new Date()));
  const [groupBy, setGroupBy] = useState<SurveyGroupBy>('agent');
  const search = new URLSearchParams({ from, to, groupBy }).toString();
  const { data, error } = useQuery({
    queryKey: ['surveys', 'summary', search],
    queryFn: async () => (await httpClient(`${API}/surveys/summary?${search}`)).json as Summary,
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
  const num = (n: number | null, digits = 1) =>
    n === null ? '—' : n.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return (
    <Box sx={{ p: 2 }} data-testid="survey-summary">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
        <TextField
          fullWidth={false}
          type="date"
          label={t('ventanilla.surveys.from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          fullWidth={false}
          type="date"
          label={t('ventanilla.surveys.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          fullWidth={false}
          select
          label={t('ventanilla.surveys.groupBy')}
          value={groupBy}
          onChange={(e) => setGroupBy(e.target.value as SurveyGroupBy)}
          sx={{ minWidth: 180 }}
        >
          {SURVEY_GROUP_BYS.map((g) => (
            <MenuItem key={g} value={g}>
              {t(`ventanilla.surveys.by.${g}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {error && <Alert severity="error">{errorText(error)}</Alert>}
      {data && (
        <Table size="small" aria-label={t('ventanilla.surveys.summary')}>
          <TableHead>
            <TableRow>
              <TableCell>{t(`ventanilla.surveys.by.${data.groupBy}`)}</TableCell>
              <TableCell align="right">{t('ventanilla.surveys.answers')}</TableCell>
              <TableCell align="right">{t('ventanilla.surveys.avg')}</TableCell>
              <TableCell align="right">{t('ventanilla.surveys.low')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={4}>{t('ventanilla.surveys.none')}</TableCell>
              </TableRow>
            )}
            {data.rows.map((r) => (
              <TableRow key={r.key} data-testid="survey-summary-row">
                <TableCell>{r.label}</TableCell>
                <TableCell align="right">{r.answers}</TableCell>
                <TableCell align="right">{num(r.avgScore)}</TableCell>
                <TableCell align="right">{r.lowPct === null ? '—' : `${num(r.lowPct)} %`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
