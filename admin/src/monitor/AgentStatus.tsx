// Issue 19: what an agent is doing, as a supervisor asks it — serving (which ticket, for how
// long), being called to by a customer, free to serve, or away (their state) — not "En línea" for
// a busy agent and an idle one alike. The time is the server's, ticking (clock.ts).
import type { MonitorAgent } from '@domain/contracts/monitor';
import { Box, Chip } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { duration } from '../shared/format';
import { StateChip } from '../shared/StatusChip';
import { ticking } from './clock';

/** What the agent is doing, for the monitor's state column. */
export function agentActivity(a: MonitorAgent): 'serving' | 'calling' | 'available' | 'away' {
  if (a.ticket) return a.ticket.status === 'attending' ? 'serving' : 'calling';
  return a.state === 'online' ? 'available' : 'away';
}

export function AgentStatus({ agent: a }: { agent: MonitorAgent }) {
  const translate = useTranslate();
  const activity = agentActivity(a);
  if (activity === 'away') return <StateChip value={a.state} vocabulary="state" />;
  if (activity === 'available')
    return (
      <Chip
        size="small"
        color="success"
        variant="outlined"
        label={translate('ventanilla.monitor.activity.available')}
      />
    );
  return (
    <Chip
      size="small"
      color={activity === 'serving' ? 'primary' : 'info'}
      label={
        <Box component="span">
          {translate(`ventanilla.monitor.activity.${activity}`)}{' '}
          <Link to={`/tickets/${a.ticket!.id}/show`} sx={{ color: 'inherit', fontWeight: 700 }}>
            {a.ticket!.number}
          </Link>
        </Box>
      }
    />
  );
}

/** How long the agent has been doing it: the attention's time while serving, else the state's. */
export function activitySeconds(a: MonitorAgent, receivedAt: number, now: number): string {
  return duration(ticking(a.ticket ? a.ticket.secondsInStatus : a.secondsInState, receivedAt, now));
}
