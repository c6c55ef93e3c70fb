// H4: a branch's queues, agents and SLA today. Its query is made stale by every ticket or shift
// event of that branch (shared/LiveInvalidation.tsx) and refetched every 15 s; its clocks tick
// every second from the server's durations (clock.ts). Issue 19: it acts on tickets (QueueActions).
import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  Grid,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { MonitorAgent } from '@domain/contracts/monitor';
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Title, useDataProvider, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import type { VentanillaDataProvider } from '../dataProvider';
import { retryUnlessRefused, useErrorText } from '../shared/errors';
import { duration, percent } from '../shared/format';
import { useLiveConnected } from '../shared/live';
import { queryKeys } from '../shared/queryKeys';
import { StateChip } from '../shared/StatusChip';
import { TemporalLink } from '../shared/TemporalLink';
import { AlertChips, OpenAlerts } from './OpenAlerts';
import { StuckWork } from './StuckWork';
import { TemporalLists } from './TemporalLists';
import { AgentActions } from './AgentActions';
import { activitySeconds, agentActivity, AgentStatus } from './AgentStatus';
import { ticking, useNow } from './clock';
import { QueueActions } from './QueueActions';

/** A duration or percentage never breaks over two lines ("9 min 05 s", "100.0 %"). */
const NUMBERS_STAY_WHOLE = { '& td.MuiTableCell-alignRight': { whiteSpace: 'nowrap' } } as const;

/** Agents by what they do: serving (or calling) someone, free to serve, else their state. */
function agentCounts(agents: MonitorAgent[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const a of agents) {
    const activity = agentActivity(a);
    const key = activity === 'away' ? a.state : activity === 'available' ? 'available' : 'busy';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b));
}
const ORDER = ['busy', 'available', 'documenting', 'resting', 'lunch', 'offline'];

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="overline" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="h4" data-testid={testId}>
          {value}
        </Typography>
      </CardContent>
    </Card>
  );
}

export function MonitorPage() {
  const translate = useTranslate();
  const dp = useDataProvider<VentanillaDataProvider>();
  const { identity, isPending: identityPending } = useGetIdentity();
  const { data: branches = [] } = useGetList('branches', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  const [chosen, setChosen] = useState<number>();
  // Until the user picks one: their own branch, else the first they see.
  const branchId =
    chosen ??
    (identityPending || !branches.length
      ? null
      : ((identity?.branchId as number | null) ?? (branches[0]!.id as number)));
  const {
    data: snap,
    error,
    dataUpdatedAt: receivedAt,
  } = useQuery({
    queryKey: queryKeys.snapshot(branchId),
    queryFn: branchId === null ? skipToken : () => dp.branchSnapshot(branchId),
    refetchInterval: 15_000,
    retry: retryUnlessRefused,
    // Another branch's figures stay until the chosen one's arrive, as the page always did.
    placeholderData: keepPreviousData,
  });
  const errorText = useErrorText();
  const live = useLiveConnected();
  const now = useNow();
  const clock = (seconds: number | null) => duration(ticking(seconds, receivedAt, now));

  const t = (k: string, o?: object) => translate(`ventanilla.monitor.${k}`, o);
  return (
    <Box sx={{ p: 2 }} data-testid="monitor">
      <Title title={t('title')} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
        <TextField
          fullWidth={false}
          select
          size="small"
          label={t('branch')}
          value={branchId ?? ''}
          onChange={(e) => setChosen(Number(e.target.value))}
          sx={{ minWidth: 240 }}
        >
          {branches.map((b) => (
            <MenuItem key={b.id} value={b.id}>
              {String(b.name)}
            </MenuItem>
          ))}
        </TextField>
        <Chip
          size="small"
          color={live ? 'success' : 'default'}
          label={live ? t('live') : t('offline')}
          data-testid="live-status"
        />
        {snap && (
          <Chip
            size="small"
            variant="outlined"
            label={`${translate('resources.branches.fields.orderingPolicy')}: ${translate(`ventanilla.policy.${snap.policy.policy}`)}`}
          />
        )}
        {snap && (
          <Typography variant="caption" color="text.secondary">
            {t('updated', { time: new Date(snap.generatedAt).toLocaleTimeString() })}
          </Typography>
        )}
      </Box>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errorText(error)}
        </Alert>
      )}
      {snap && (
        <>
          <OpenAlerts snap={snap} clock={clock} />
          <TemporalLists branchId={snap.branch.id} />
          <StuckWork items={snap.stuck} generatedAt={snap.generatedAt} clock={clock} />
          <Grid container spacing={2} sx={{ mb: 2 }}>
            <Grid size={{ xs: 6, md: 3 }}>
              <Stat label={t('waiting')} value={String(snap.totals.waiting)} testId="total-waiting" />
            </Grid>
            <Grid size={{ xs: 6, md: 3 }}>
              <Stat label={t('longest_wait')} value={clock(snap.totals.longestWaitSeconds)} testId="longest-wait" />
            </Grid>
            <Grid size={{ xs: 6, md: 3 }}>
              <Stat label={t('sla_today')} value={percent(snap.totals.slaPercent)} testId="sla-today" />
            </Grid>
            <Grid size={{ xs: 6, md: 3 }}>
              <Card variant="outlined" sx={{ height: '100%' }}>
                <CardContent>
                  <Typography variant="overline" color="text.secondary">
                    {t('agents')}
                  </Typography>
                  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1 }}>
                    {agentCounts(snap.agents).map(([key, count]) => (
                      <Chip
                        key={key}
                        size="small"
                        data-testid={`agents-${key}`}
                        label={`${translate(key === 'busy' || key === 'available' ? `ventanilla.monitor.count.${key}` : `ventanilla.state.${key}`)}: ${count}`}
                      />
                    ))}
                  </Box>
                </CardContent>
              </Card>
            </Grid>
          </Grid>
          <Grid container spacing={2}>
            <Grid size={12}>
              <Card variant="outlined">
                <CardContent>
                  <Typography variant="h6">{t('services')}</Typography>
                  <Table size="small" sx={NUMBERS_STAY_WHOLE} data-testid="monitor-services">
                    <TableHead>
                      <TableRow>
                        <TableCell>{t('service')}</TableCell>
                        <TableCell align="right">{t('waiting')}</TableCell>
                        <TableCell align="right">{t('longest_wait')}</TableCell>
                        <TableCell align="right">{t('calling')}</TableCell>
                        <TableCell align="right">{t('attending')}</TableCell>
                        <TableCell align="right">{t('finished')}</TableCell>
                        <TableCell align="right">{t('abandoned')}</TableCell>
                        <TableCell align="right">{t('sla')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {snap.services.map((s) => (
                        <TableRow key={s.id} data-testid={`service-${s.label}`}>
                          <TableCell sx={{ whiteSpace: 'nowrap' }}>
                            {`${s.label} · ${s.name}`}
                            <AlertChips alerts={snap.alerts.filter((a) => a.serviceId === s.id)} />
                            <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                              {s.departmentName}
                            </Typography>
                            {s.next && (
                              <Typography
                                variant="caption"
                                color="primary"
                                sx={{ display: 'block', whiteSpace: 'normal', maxWidth: 520 }}
                                data-testid="why-next"
                              >{`${t('next')}: ${translate(`next.${s.next.code}`, s.next.params)}`}</Typography>
                            )}
                          </TableCell>
                          <TableCell align="right">
                            <b>{s.waiting}</b>
                          </TableCell>
                          <TableCell
                            align="right"
                            sx={{
                              color:
                                (ticking(s.longestWaitSeconds, receivedAt, now) ?? 0) > s.slaTargetSeconds
                                  ? 'error.main'
                                  : undefined,
                            }}
                          >
                            {clock(s.longestWaitSeconds)}
                          </TableCell>
                          <TableCell align="right">{s.calling}</TableCell>
                          <TableCell align="right">{s.attending}</TableCell>
                          <TableCell align="right">{s.finished}</TableCell>
                          <TableCell align="right">{s.abandoned}</TableCell>
                          <TableCell align="right" data-testid="service-sla">
                            {percent(s.slaPercent)}
                            {s.waitingOverSla > 0 && (
                              <Typography variant="caption" color="error" sx={{ display: 'block' }}>
                                {t('over_sla', { smart_count: s.waitingOverSla })}
                              </Typography>
                            )}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </CardContent>
              </Card>
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <Card variant="outlined">
                <CardContent>
                  <Typography variant="h6">{t('queue')}</Typography>
                  {snap.queue.length === 0 ? (
                    <Typography color="text.secondary">{t('no_queue')}</Typography>
                  ) : (
                    <Table size="small" sx={NUMBERS_STAY_WHOLE} data-testid="monitor-queue">
                      <TableHead>
                        <TableRow>
                          <TableCell>{t('number')}</TableCell>
                          <TableCell>{t('state')}</TableCell>
                          <TableCell align="right">{t('waited')}</TableCell>
                          <TableCell>{t('agent')}</TableCell>
                          <TableCell>{t('desk')}</TableCell>
                          <TableCell />
                        </TableRow>
                      </TableHead>
                      <TableBody>
                        {snap.queue.map((q) => (
                          <TableRow key={q.id} data-testid={`queue-${q.number}`}>
                            <TableCell>
                              <Link to={`/tickets/${q.id}/show`}>{q.number}</Link>
                              {q.priority > 0 ? ' ★' : ''}
                            </TableCell>
                            <TableCell>
                              <StateChip value={q.status} />
                            </TableCell>
                            <TableCell align="right" data-testid="queue-waited">
                              {clock(q.waitedSeconds)}
                            </TableCell>
                            <TableCell>{q.agentName ?? '—'}</TableCell>
                            <TableCell>{q.deskName ?? '—'}</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>
                              <QueueActions item={q} snap={snap} />
                              <TemporalLink compact href={q.temporalUrl} label="ventanilla.tickets.temporal" />
                            </TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  )}
                </CardContent>
              </Card>
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <Card variant="outlined">
                <CardContent>
                  <Typography variant="h6">{t('agents')}</Typography>
                  <Table size="small" sx={NUMBERS_STAY_WHOLE} data-testid="monitor-agents">
                    <TableHead>
                      <TableRow>
                        <TableCell>{t('agent')}</TableCell>
                        <TableCell>{t('state')}</TableCell>
                        <TableCell align="right">{t('since')}</TableCell>
                        <TableCell>{t('desk')}</TableCell>
                        <TableCell />
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {snap.agents.map((a) => (
                        <TableRow key={a.userId} data-testid={`agent-${a.userId}`}>
                          <TableCell>
                            {a.name}
                            <AlertChips
                              alerts={snap.alerts.filter((x) => x.kind === 'break_over_cap' && x.userId === a.userId)}
                            />
                          </TableCell>
                          <TableCell data-testid="agent-activity">
                            <AgentStatus agent={a} />
                          </TableCell>
                          <TableCell align="right" data-testid="agent-time">
                            {activitySeconds(a, receivedAt, now)}
                          </TableCell>
                          <TableCell>{a.deskName ?? '—'}</TableCell>
                          <TableCell sx={{ whiteSpace: 'nowrap' }}>
                            <AgentActions agent={a} branchId={snap.branch.id} />
                            <TemporalLink compact href={a.temporalUrl} label="ventanilla.tickets.temporal" />
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </CardContent>
              </Card>
            </Grid>
          </Grid>
        </>
      )}
    </Box>
  );
}
