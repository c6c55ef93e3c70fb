// B7: requeue (a called or attended ticket goes back to the queue, keeping its arrival),
// cancel and, for an appointment, check in (H6, issue 16: where a service waits for the
// customer's check-in, staff check them in when they arrive), each behind a confirmation. A button is enabled only from the statuses the state
// machine accepts the action from (domain/ticket-actions.ts); refusals (409) are worded from their
// code and params.
import type { Ticket } from '@domain/contracts/tickets';
import { actionsAllowedFrom } from '@domain/ticket-actions';
import CancelIcon from '@mui/icons-material/Cancel';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import ReplayIcon from '@mui/icons-material/Replay';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext } from 'react-admin';
import type { VentanillaDataProvider } from '../dataProvider';
import { useNotifyError } from '../shared/errors';

type Action = 'requeue' | 'cancel' | 'check-in';
const DONE: Record<Action, string> = {
  requeue: 'ventanilla.tickets.requeued',
  cancel: 'ventanilla.tickets.cancelled',
  'check-in': 'ventanilla.tickets.checked_in',
};
const ICON: Record<Action, ReactElement> = {
  requeue: <ReplayIcon />,
  cancel: <CancelIcon />,
  'check-in': <HowToRegIcon />,
};

export function TicketActionButton({ action }: { action: Action }) {
  const t = useRecordContext<Ticket>();
  const dp = useDataProvider<VentanillaDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const [open, setOpen] = useState(false);
  const step = useMutation({
    mutationFn: (id: string) => dp.ticketAction(id, action),
    onSuccess: () => {
      notify(DONE[action], { type: 'success' });
      // The ticket, its timeline and the lists that show it; the dialog closes without waiting for them.
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
    onError: (err: unknown) => notifyError(err),
    onSettled: () => setOpen(false),
  });
  if (!t || (action === 'check-in' && t.kind !== 'appointment')) return null;
  const enabled = actionsAllowedFrom(t.status).includes(action);
  return (
    <>
      <Button
        label={`ventanilla.tickets.${action}`}
        onClick={() => setOpen(true)}
        disabled={!enabled || step.isPending}
        color={action === 'cancel' ? 'error' : 'primary'}
        data-testid={`ticket-${action}`}
      >
        {ICON[action]}
      </Button>
      <Confirm
        isOpen={open}
        loading={step.isPending}
        title={`ventanilla.tickets.${action}_title`}
        content={`ventanilla.tickets.${action}_content`}
        translateOptions={{ number: t.number }}
        // Buttons that say what they do: "Cancelar" / "Confirmar" under "¿Cancelar el turno?" read backwards.
        confirm={`ventanilla.tickets.${action}_yes`}
        cancel={`ventanilla.tickets.${action}_no`}
        onConfirm={() => step.mutate(t.id)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
