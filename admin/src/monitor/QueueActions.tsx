// Issue 19: the monitor acts on a ticket — call it to a named agent, transfer it (service and/or
// agent, with a reason), call again, put it back in the queue, cancel it — through the ticket
// routes the desk uses, with their rights (a supervisor on their own branch) and refusals worded
// from their codes. An action is offered only from the statuses the state machine accepts it
// from; each asks first, with buttons that say what they do.
import type { BranchSnapshot, MonitorQueueItem } from '@domain/contracts/monitor';
import { actionsAllowedFrom } from '@domain/ticket-actions';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  Menu,
  MenuItem,
  TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { MonitorTicketAction, VentanillaDataProvider } from '../dataProvider';
import { useErrorText } from '../shared/errors';
import { queryKeys } from '../shared/queryKeys';
import { agentActivity } from './AgentStatus';

const ACTIONS: readonly MonitorTicketAction[] = ['call', 'transfer', 'recall', 'requeue', 'cancel'];

export function QueueActions({ item, snap }: { item: MonitorQueueItem; snap: BranchSnapshot }) {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [open, setOpen] = useState<MonitorTicketAction | null>(null);
  const allowed = actionsAllowedFrom(item.status);
  const offered = ACTIONS.filter((a) => allowed.includes(a));
  if (!offered.length) return null;
  return (
    <>
      <IconButton
        size="small"
        aria-label={translate('ventanilla.monitor.act.menu', { number: item.number })}
        aria-haspopup="menu"
        onClick={(e) => setAnchor(e.currentTarget)}
        data-testid={`actions-${item.number}`}
      >
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {offered.map((a) => (
          <MenuItem
            key={a}
            data-testid={`act-${a}`}
            onClick={() => {
              setAnchor(null);
              setOpen(a);
            }}
          >
            {translate(`ventanilla.monitor.act.${a}.menu`)}
          </MenuItem>
        ))}
      </Menu>
      {open && <ActionDialog action={open} item={item} snap={snap} onClose={() => setOpen(null)} />}
    </>
  );
}

function ActionDialog({
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
  const errorText = useErrorText();
  const titleId = useId();
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
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="xs" data-testid="monitor-act-dialog">
      <DialogTitle id={titleId}>{t('title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('content')}</DialogContentText>
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
        {step.error && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="act-error">
            {errorText(step.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid="act-no">
          {t('no')}
        </Button>
        <Button
          variant="contained"
          color={action === 'cancel' ? 'error' : 'primary'}
          disabled={!ready || step.isPending}
          onClick={() => step.mutate()}
          data-testid="act-yes"
        >
          {t('yes')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
