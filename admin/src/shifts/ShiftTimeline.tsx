// Issue 19: a shift's timeline in its show page — logged in, each state change, logged out — with
// who did it (the agent, or the supervisor who acted from the monitor) and their reason.
import { Alert, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ShiftTimelineEntry } from '@domain/contracts/shifts';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { API, httpClient } from '../dataProvider';
import { retryUnlessRefused, useErrorText } from '../shared/errors';

export function ShiftTimeline() {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const t = (k: string, o?: Record<string, unknown>) => translate(`ventanilla.shift_timeline.${k}`, o);
  const [locale] = useLocaleState();
  const errorText = useErrorText();
  const { data, error } = useQuery({
    queryKey: ['shifts', 'events', record?.id] as const,
    queryFn: async () => (await httpClient(`${API}/shifts/${record!.id}/events`)).json as ShiftTimelineEntry[],
    enabled: Boolean(record?.id),
    retry: retryUnlessRefused,
  });
  const when = new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'es-CO', {
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  const state = (s: string | null) => (s ? translate(`ventanilla.state.${s}`) : '');
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2">
          {t('title')}
        </Typography>
        {error ? (
          <Alert severity="error">{errorText(error)}</Alert>
        ) : data && data.length === 0 ? (
          <Alert severity="info">{t('empty')}</Alert>
        ) : (
          <Table size="small" data-testid="shift-timeline">
            <TableHead>
              <TableRow>
                <TableCell>{t('at')}</TableCell>
                <TableCell>{t('event')}</TableCell>
                <TableCell>{t('by')}</TableCell>
                <TableCell>{t('reason')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(data ?? []).map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{when.format(new Date(e.at))}</TableCell>
                  <TableCell>{t(`type.${e.type}`, { state: state(e.state) })}</TableCell>
                  <TableCell>
                    {e.actorType === 'agent' ? t('agent_self', { name: e.actorName ?? '' }) : (e.actorName ?? '—')}
                  </TableCell>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{e.reason ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
