// Issue 19: the monitor acts on a ticket — call it to a named agent, transfer it (service and/or
// agent, with a reason), call again, put it back in the queue, cancel it — through the ticket
// routes the desk uses, with their rights (a supervisor on their own branch) and refusals worded
// from their codes. An action is offered only from the statuses the state machine accepts it
// from; each asks first, with buttons that say what they do.
import type { BranchSnapshot, MonitorQueueItem } from '@domain/contracts/monitor';
import { actionsAllowedFrom } from '@domain/ticket-actions';
import { MenuItem, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { MonitorTicketAction, VentanillaDataProvider } from '../dataProvider';
import { queryKeys } from '../shared/queryKeys';
import { ActionDialog, ActionMenu } from './ActionDialog';
import { agentActivity } from './AgentStatus';

const ACTIONS: readonly MonitorTicketAction[] = ['call', 'transfer', 'recall', 'requeue', 'cancel'];

export function QueueActions({ item, snap }: { item: MonitorQueueItem; snap: BranchSnapshot }) {
  const translate = useTranslate();
  const allowed = actionsAllowedFrom(item.status);
  const offered = ACTIONS.filter((a) => allowed.includes(a));
  if (!offered.length) return null;
  return (
    <ActionMenu<MonitorTicketAction>
      label={translate('ventanilla.monitor.act.menu', { number: item.number })}
      testId={`actions-${item.number}`}
      itemTestId={(a) => `act-${a}`}
      actions={offered}
      itemLabel={(a) => translate(`ventanilla.monitor.act.${a}.menu`)}
      dialog={(action, close) => <TicketDialog action={action} item={item} snap={snap} onClose={close} />}
    />
  );
}

function TicketDialog({
  action,
  item,
  snap,
  onClose,
}: {
  action: MonitorTicketAction;
  item: MonitorQueueItem;
  snap: BranchSnapshot;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const t = (k: string, o?: object) =>
    translate(`ventanilla.monitor.act.${action}.${k}`, { number: item.number, ...o });
  const f = (k: string) => translate(`ventanilla.monitor.act.fields.${k}`);
  const dp = useDataProvider<VentanillaDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [serviceId, setServiceId] = useState<number>(item.serviceId);
  const [agentId, setAgentId] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const step = useMutation({
    mutationFn: () => {
      const why = reason.trim() ? { reason: reason.trim() } : {};
      const body: Record<string, unknown> =
        action === 'call'
          ? { agentId }
          : action === 'transfer'
            ? {
                ...(serviceId !== item.serviceId ? { serviceId } : {}),
                ...(agentId !== '' ? { agentId } : {}),
                ...why,
              }
            : action === 'requeue'
              ? { keepArrival: true, ...why }
              : action === 'cancel'
                ? why
                : {};
      return dp.ticketAction(item.id, action, body);
    },
    onSuccess: async () => {
      notify(t('done'), { type: 'success' });
      onClose();
      // The monitor and every ticket view show it as it is now (socket.io also announces it).
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.snapshot(snap.branch.id) }),
        queryClient.invalidateQueries({ queryKey: ['tickets'] }),
      ]);
    },
  });
  // Who may be named: the branch's agents at a desk; for a call, only those Online and free are
  // offered (the API refuses the rest with AgentNotOnline / AgentNotFree anyway).
  const atDesk = snap.agents.filter((a) => a.shiftId !== null);
  const needsAgent = action === 'call';
  const ready =
    action === 'call' ? agentId !== '' : action === 'transfer' ? serviceId !== item.serviceId || agentId !== '' : true;
  const withReason = action === 'transfer' || action === 'requeue' || action === 'cancel';
  return (
    <ActionDialog
      title={t('title')}
      content={t('content')}
      error={step.error}
      no={t('no')}
      yes={t('yes')}
      danger={action === 'cancel'}
      disabled={!ready || step.isPending}
      onYes={() => step.mutate()}
      onClose={onClose}
      testIds={{ dialog: 'monitor-act-dialog', error: 'act-error', no: 'act-no', yes: 'act-yes' }}
    >
      {action === 'transfer' && (
        <TextField
          select
          fullWidth
          size="small"
          margin="dense"
          label={f('service')}
          value={serviceId}
          onChange={(e) => setServiceId(Number(e.target.value))}
          data-testid="act-service"
        >
          {snap.services
            .filter((s) => s.active || s.id === item.serviceId)
            .map((s) => (
              <MenuItem key={s.id} value={s.id}>{`${s.label} · ${s.name}`}</MenuItem>
            ))}
        </TextField>
      )}
      {(action === 'call' || action === 'transfer') && (
        <TextField
          select
          fullWidth
          size="small"
          margin="dense"
          required={needsAgent}
          label={needsAgent ? f('agent') : f('agent_optional')}
          value={agentId}
          onChange={(e) => setAgentId(e.target.value === '' ? '' : Number(e.target.value))}
          data-testid="act-agent"
        >
          {!needsAgent && <MenuItem value="">{f('any_agent')}</MenuItem>}
          {atDesk.map((a) => {
            const activity = agentActivity(a);
            const free = activity === 'available';
            const why =
              activity === 'away'
                ? translate(`ventanilla.state.${a.state}`)
                : activity === 'available'
                  ? translate('ventanilla.monitor.activity.available')
                  : `${translate(`ventanilla.monitor.activity.${activity}`)} ${a.ticket?.number ?? ''}`;
            return (
              <MenuItem key={a.userId} value={a.userId} disabled={needsAgent && !free}>
                {`${a.name} — ${why}`}
              </MenuItem>
            );
          })}
        </TextField>
      )}
      {withReason && (
        <TextField
          fullWidth
          size="small"
          margin="dense"
          label={f('reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 300 } }}
          data-testid="act-reason"
        />
      )}
    </ActionDialog>
  );
}
