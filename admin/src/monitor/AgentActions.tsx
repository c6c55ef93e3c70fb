// Issue 19: the monitor acts on an agent at a desk — puts them in a state, or ends a forgotten
// session (a customer they call or serve goes back to the queue first, keeping their arrival,
// with the reason on that ticket's timeline). api/monitor/agents.ts; the shift's own rules
// refuse the rest, worded from their codes.
import type { MonitorAgent } from '@domain/contracts/monitor';
import type { ShiftView } from '@domain/contracts/shifts';
import { AGENT_STATES, type AgentState } from '@domain/agents';
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
import type { VentanillaDataProvider } from '../dataProvider';
import { useErrorText } from '../shared/errors';
import { queryKeys } from '../shared/queryKeys';

type AgentAction = 'state' | 'end';

export function AgentActions({ agent, branchId }: { agent: MonitorAgent; branchId: number }) {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [open, setOpen] = useState<AgentAction | null>(null);
  if (!agent.shiftId) return null;
  return (
    <>
      <IconButton
        size="small"
        aria-label={translate('ventanilla.monitor.agent_act.menu', { name: agent.name })}
        aria-haspopup="menu"
        onClick={(e) => setAnchor(e.currentTarget)}
        data-testid={`agent-actions-${agent.userId}`}
      >
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {(['state', 'end'] as const).map((a) => (
          <MenuItem
            key={a}
            data-testid={`agent-act-${a}`}
            onClick={() => {
              setAnchor(null);
              setOpen(a);
            }}
          >
            {translate(`ventanilla.monitor.agent_act.${a}.menu`)}
          </MenuItem>
        ))}
      </Menu>
      {open && <AgentDialog action={open} agent={agent} branchId={branchId} onClose={() => setOpen(null)} />}
    </>
  );
}

function AgentDialog({
  action,
  agent,
  branchId,
  onClose,
}: {
  action: AgentAction;
  agent: MonitorAgent;
  branchId: number;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const t = (k: string) => translate(`ventanilla.monitor.agent_act.${action}.${k}`, { name: agent.name });
  const dp = useDataProvider<VentanillaDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const errorText = useErrorText();
  const titleId = useId();
  const [state, setState] = useState<AgentState>(agent.state);
  const [reason, setReason] = useState('');
  const shift = `/monitor/shifts/${encodeURIComponent(agent.shiftId!)}`;
  const step = useMutation({
    mutationFn: () =>
      action === 'state'
        ? dp.post<ShiftView>(`${shift}/state`, { state })
        : dp.post<ShiftView>(`${shift}/end`, reason.trim() ? { reason: reason.trim() } : {}),
    onSuccess: async () => {
      notify(t('done'), { type: 'success' });
      onClose();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.snapshot(branchId) }),
        queryClient.invalidateQueries({ queryKey: ['shifts'] }),
        queryClient.invalidateQueries({ queryKey: ['tickets'] }),
      ]);
    },
  });
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="xs" data-testid="monitor-agent-dialog">
      <DialogTitle id={titleId}>{t('title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('content')}</DialogContentText>
        {action === 'state' ? (
          <TextField
            select
            fullWidth
            size="small"
            margin="dense"
            label={translate('ventanilla.monitor.state')}
            value={state}
            onChange={(e) => setState(e.target.value as AgentState)}
            data-testid="agent-act-state-field"
          >
            {AGENT_STATES.map((s) => (
              <MenuItem key={s} value={s}>
                {translate(`ventanilla.state.${s}`)}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <TextField
            fullWidth
            size="small"
            margin="dense"
            label={translate('ventanilla.monitor.act.fields.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 300 } }}
          />
        )}
        {step.error && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="agent-act-error">
            {errorText(step.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('no')}</Button>
        <Button
          variant="contained"
          color={action === 'end' ? 'error' : 'primary'}
          disabled={step.isPending || (action === 'state' && state === agent.state)}
          onClick={() => step.mutate()}
        >
          {t('yes')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
