// B7: requeue (a called or attended ticket goes back to the queue, keeping its arrival) and
// cancel, each behind a confirmation. Refusals (409) are worded from their code and params.
import CancelIcon from '@mui/icons-material/Cancel';
import ReplayIcon from '@mui/icons-material/Replay';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { VentanillaDataProvider } from '../dataProvider';
import { useNotifyError } from '../shared/errors';

const ALLOWED: Record<'requeue' | 'cancel', string[]> = { requeue: ['calling', 'attending'], cancel: ['scheduled', 'waiting', 'calling'] };

export function TicketActionButton({ action }: { action: 'requeue' | 'cancel' }) {
  const t = useRecordContext();
  const dp = useDataProvider<VentanillaDataProvider>();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [isPending, setPending] = useState(false);
  const mutate = () => {
    if (!t) return;
    setPending(true);
    dp.ticketAction(t.id, action).then(
      () => { notify(action === 'requeue' ? 'ventanilla.tickets.requeued' : 'ventanilla.tickets.cancelled', { type: 'success' }); refresh(); },
      notifyError,
    ).finally(() => { setPending(false); setOpen(false); });
  };
  if (!t) return null;
  const enabled = ALLOWED[action].includes(String(t.status));
  return (
    <>
      <Button label={`ventanilla.tickets.${action}`} onClick={() => setOpen(true)} disabled={!enabled || isPending}
        color={action === 'cancel' ? 'error' : 'primary'} data-testid={`ticket-${action}`}>
        {action === 'cancel' ? <CancelIcon /> : <ReplayIcon />}
      </Button>
      <Confirm isOpen={open} loading={isPending} title={`ventanilla.tickets.${action}_title`} content={`ventanilla.tickets.${action}_content`}
        translateOptions={{ number: String(t.number) }} onConfirm={() => mutate()} onClose={() => setOpen(false)} />
    </>
  );
}
