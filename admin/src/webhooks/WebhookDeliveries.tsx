// Issue 13: a webhook's deliveries on its edit page — status, attempts, the receiver's last
// answer or why it was refused, and when — with "send test" and "resend". Both answer the
// delivery after its attempt, so the notice says at once whether it arrived.
import type { ResourceRecord } from '@domain/contracts/resources';
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  useDataProvider,
  useGetManyReference,
  useNotify,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import type { VentanillaDataProvider } from '../dataProvider';
import { useNotifyError } from '../shared/errors';

type Delivery = ResourceRecord<'webhook_deliveries'>;

const COLOR = { delivered: 'success', failed: 'error', pending: 'warning' } as const;
const PER_PAGE = 10;
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

export function WebhookDeliveries() {
  const hook = useRecordContext();
  const translate = useTranslate();
  const dp = useDataProvider<VentanillaDataProvider>();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const [page, setPage] = useState(0);
  const t = (k: string, o?: object) => translate(`ventanilla.webhooks.${k}`, o);
  const {
    data = [],
    total = 0,
    refetch,
  } = useGetManyReference<Delivery>(
    'webhook_deliveries',
    {
      target: 'webhookId',
      id: hook?.id,
      pagination: { page: page + 1, perPage: PER_PAGE },
      sort: { field: 'id', order: 'DESC' },
    },
    {
      enabled: hook?.id !== undefined,
      // Retries happen in the background: follow them while any shown delivery is still pending.
      refetchInterval: (q) => (q.state.data?.data.some((d) => d.status === 'pending') ? 5000 : false),
    },
  );
  const outcome = (d: Delivery, ok: string) => {
    if (d.status === 'delivered') notify(t(ok), { type: 'success' });
    else notify(t('not_delivered', { error: d.lastError ?? '' }), { type: 'warning' });
    void refetch();
  };
  const sendTest = useMutation({
    mutationFn: () => dp.post<Delivery>(`/webhooks/${String(hook?.id)}/test`, {}),
    onSuccess: (d) => {
      setPage(0);
      outcome(d, 'test_delivered');
    },
    onError: (err: unknown) => notifyError(err),
  });
  const resend = useMutation({
    mutationFn: (id: RaRecord['id']) => dp.post<Delivery>(`/webhook_deliveries/${String(id)}/resend`, {}),
    onSuccess: (d) => outcome(d, 'resent'),
    onError: (err: unknown) => notifyError(err),
  });
  if (!hook) return null;
  const busy = sendTest.isPending || resend.isPending;
  return (
    <Card variant="outlined" sx={{ m: 2 }} data-testid="webhook-deliveries">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            {t('deliveries')}
          </Typography>
          <Button variant="outlined" size="small" onClick={() => void refetch()}>
            {translate('ra.action.refresh')}
          </Button>
          <Button
            variant="contained"
            size="small"
            disabled={busy}
            onClick={() => sendTest.mutate()}
            data-testid="webhook-send-test"
          >
            {t('send_test')}
          </Button>
        </Box>
        {data.length === 0 ? (
          <Typography color="text.secondary">{t('none')}</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('created')}</TableCell>
                <TableCell>{t('event')}</TableCell>
                <TableCell>{t('status')}</TableCell>
                <TableCell align="right">{t('attempts')}</TableCell>
                <TableCell>{t('last_attempt')}</TableCell>
                <TableCell>{t('result')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((d) => (
                <TableRow key={String(d.id)} data-testid={`delivery-${String(d.id)}`}>
                  <TableCell>{when(d.createdAt)}</TableCell>
                  <TableCell>{d.event}</TableCell>
                  <TableCell>
                    <Chip size="small" color={COLOR[d.status]} label={t(`state.${d.status}`)} />
                  </TableCell>
                  <TableCell align="right">{d.attempts}</TableCell>
                  <TableCell>{when(d.lastAttemptAt)}</TableCell>
                  <TableCell sx={{ maxWidth: 360, overflowWrap: 'anywhere', color: 'text.secondary' }}>
                    {d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : '')}
                  </TableCell>
                  <TableCell>
                    <Button size="small" disabled={busy} onClick={() => resend.mutate(d.id)}>
                      {t('resend')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {total > PER_PAGE && (
          <TablePagination
            component="div"
            count={total}
            page={page}
            rowsPerPage={PER_PAGE}
            rowsPerPageOptions={[PER_PAGE]}
            onPageChange={(_, p) => setPage(p)}
            labelDisplayedRows={({ from, to, count }) =>
              translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })
            }
          />
        )}
      </CardContent>
    </Card>
  );
}
