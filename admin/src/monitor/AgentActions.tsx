// Issue 19: the monitor acts on an agent at a desk — puts them in a state, or ends a forgotten
// session (a customer they call or serve goes back to the queue first, keeping their arrival,
// with the reason on that ticket's timeline). api/monitor/agents.ts; the shift's own rules
// refuse the rest, worded from their codes.
import type { MonitorAgent } from '@domain/contracts/monitor';
import type { ShiftView } from '@domain/contracts/shifts';
import { AGENT_STATES, type AgentState } from '@domain/agents';
import { MenuItem, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { VentanillaDataProvider } from '../dataProvider';
import { queryKeys } from '../shared/queryKeys';
import { ActionDialog, ActionMenu } from './ActionDialog';

type AgentAction = 'state' | 'end';

export function AgentActions({ agent, branchId }: { agent: MonitorAgent; branchId: number }) {
  const translate = useTranslate();
  if (!agent.shiftId) return null;
  return (
    <ActionMenu<AgentAction>
      label={translate('ventanilla.monitor.agent_act.menu', { name: agent.name })}
      testId={`agent-actions-${agent.userId}`}
      itemTestId={(a) => `agent-act-${a}`}
      actions={['state', 'end']}
      itemLabel={(a) => translate(`ventanilla.monitor.agent_act.${a}.menu`)}
      dialog={(action, close) => <AgentDialog action={action} agent={agent} branchId={branchId} onClose={close} />}
    />
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
    <ActionDialog
      title={t('title')}
      content={t('content')}
      error={step.error}
      no={t('no')}
      yes={t('yes')}
      danger={action === 'end'}
      disabled={step.isPending || (action === 'state' && state === agent.state)}
      onYes={() => step.mutate()}
      onClose={onClose}
      testIds={{ dialog: 'monitor-agent-dialog', error: 'agent-act-error' }}
    >
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
    </ActionDialog>
  );
}
