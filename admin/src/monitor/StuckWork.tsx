// Stuck work of the branch (issue 12, item 5): each ticket or shift that does not move, with why
// and since when, and the supervisor's way out — requeue or cancel a ticket, end a shift. The
// release is recorded on the ticket's timeline with the supervisor as actor.
import type { BranchSnapshot } from '@domain/contracts/monitor';
import type { ReleaseAction, StuckItem } from '@domain/stuck';
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
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { VentanillaDataProvider } from '../dataProvider';
import { useNotifyError } from '../shared/errors';
import { queryKeys } from '../shared/queryKeys';
import { TemporalLink } from '../shared/TemporalLink';

const ACTIONS: Record<StuckItem['kind'], ReleaseAction[]> = { ticket: ['requeue', 'cancel'], shift: ['end'] };

/** `generatedAt`: the server's time of the snapshot; `clock` carries seconds counted then on to now (clock.ts). */
export function StuckWork({
  items,
  generatedAt,
  clock,
}: {
  items: BranchSnapshot['stuck'];
  generatedAt: string;
  clock: (seconds: number | null) => string;
}) {
  const translate = useTranslate();
  const dp = useDataProvider<VentanillaDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const t = (k: string, o?: object) => translate(`ventanilla.monitor.stuck.${k}`, o);
  const release = useMutation({
    mutationFn: (v: { item: StuckItem; action: ReleaseAction }) => dp.releaseStuck(v.item, v.action),
    onSuccess: (_released, v) => {
      notify(t('released'), { type: 'success' });
      // The branch's monitor shows the work as it is now.
      return queryClient.invalidateQueries({ queryKey: queryKeys.snapshot(v.item.branchId) });
    },
    onError: (err: unknown) => notifyError(err),
  });
  if (!items.length) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2, borderColor: 'warning.main' }} data-testid="monitor-stuck">
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('title', { smart_count: items.length })}
        </Typography>
        <Alert severity="warning" sx={{ my: 1 }}>
          {t('explain')}
        </Alert>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('what')}</TableCell>
              <TableCell>{t('reason')}</TableCell>
              <TableCell align="right">{t('since')}</TableCell>
              <TableCell>{t('detail')}</TableCell>
              <TableCell>{t('actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((i) => (
              <TableRow key={`${i.kind}:${i.id}`} data-testid={`stuck-${i.id}`}>
                <TableCell>
                  {i.kind === 'ticket' && i.number ? (
                    <Link to={`/tickets/${i.id}/show`}>{i.number}</Link>
                  ) : (
                    t(`kind.${i.kind}`)
                  )}
                </TableCell>
                <TableCell>{t(`reasons.${i.reason}`)}</TableCell>
                <TableCell align="right">
                  {clock(Math.max(0, Math.round((Date.parse(generatedAt) - Date.parse(i.since)) / 1000)))}
                </TableCell>
                <TableCell sx={{ maxWidth: 320, overflowWrap: 'anywhere' }}>
                  {i.activity ? t('activity', { activity: i.activity, attempt: i.attempt ?? 0 }) : ''}
                  <TemporalLink compact href={i.temporalUrl} label="ventanilla.tickets.temporal" />
                </TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', gap: 1 }}>
                    {ACTIONS[i.kind].map((action) => (
                      <Button
                        key={action}
                        size="small"
                        variant="outlined"
                        color={action === 'requeue' ? 'primary' : 'warning'}
                        disabled={release.isPending}
                        onClick={() => release.mutate({ item: i, action })}
                      >
                        {t(`release.${action}`)}
                      </Button>
                    ))}
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
