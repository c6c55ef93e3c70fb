// B7: a ticket with its full timeline (cronología), the customer, its Temporal workflow (G7),
// and the requeue / cancel actions. Follows the ticket live.
import type { Ticket } from '@domain/contracts/tickets';
import { machineActorOf } from '@domain/tickets';
import {
  Box,
  Card,
  CardContent,
  Grid,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  DateField,
  FunctionField,
  Labeled,
  ReferenceField,
  SelectField,
  Show,
  TextField,
  TopToolbar,
  useDataProvider,
  useRecordContext,
  useTranslate,
  ListButton,
} from 'react-admin';
import type { VentanillaDataProvider } from '../dataProvider';
import { kindChoices } from '../shared/choices';
import { retryUnlessRefused, useNotifyQueryError } from '../shared/errors';
import { useFollowTicket } from '../shared/live';
import { queryKeys } from '../shared/queryKeys';
import { StateChip, StatusField } from '../shared/StatusChip';
import { TemporalLink } from '../shared/TemporalLink';
import { TicketActionButton } from './TicketActions';

const SUMMARY: string[] = [
  'kind',
  'serviceName',
  'deskName',
  'agentName',
  'arrivalAt',
  'calledAt',
  'attendingAt',
  'endedAt',
];

/** The steps so far; the ticket's live events make it stale (shared/LiveInvalidation.tsx), and so do its actions. */
function Timeline({ ticketId }: { ticketId: string }) {
  const dp = useDataProvider<VentanillaDataProvider>();
  const translate = useTranslate();
  const { data = [], error } = useQuery({
    queryKey: queryKeys.timeline(ticketId),
    queryFn: () => dp.ticketTimeline(ticketId),
    retry: retryUnlessRefused,
  });
  useNotifyQueryError(error);
  const actor = (a: { type: string; name: string | null }) => {
    const machine = machineActorOf(a);
    return machine
      ? translate(`ventanilla.machineActor.${machine}`)
      : (a.name ?? translate(`ventanilla.actor.${a.type}`));
  };
  const value = (v: unknown) =>
    typeof v === 'boolean'
      ? translate(v ? 'ra.boolean.true' : 'ra.boolean.false')
      : Array.isArray(v)
        ? v.join(', ')
        : String(v);
  const details = (d: Record<string, unknown>) =>
    Object.entries(d)
      .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length))
      .map(
        ([k, v]) =>
          `${translate(`ventanilla.detail.${k}`, { _: k })}: ${k === 'kind' ? translate(`ventanilla.kind.${String(v)}`, { _: String(v) }) : value(v)}`,
      )
      .join(' · ');
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('ventanilla.tickets.timeline')}
        </Typography>
        <Table size="small" data-testid="timeline">
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              <TableCell>{translate('ventanilla.tickets.when')}</TableCell>
              <TableCell>{translate('ventanilla.tickets.step')}</TableCell>
              <TableCell>{translate('ventanilla.tickets.actor')}</TableCell>
              <TableCell>{translate('ventanilla.tickets.transition')}</TableCell>
              <TableCell>{translate('ventanilla.tickets.details')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((e) => (
              <TableRow key={e.seq} data-testid={`event-${e.type}`}>
                <TableCell>{e.seq}</TableCell>
                <TableCell>{new Date(e.at).toLocaleString()}</TableCell>
                <TableCell>{translate(`ventanilla.event.${e.type}`, { _: e.type })}</TableCell>
                <TableCell>{actor(e.actor)}</TableCell>
                <TableCell>
                  {e.from && e.from !== e.to ? (
                    <>
                      <StateChip value={e.from} /> →{' '}
                    </>
                  ) : null}
                  <StateChip value={e.to} />
                </TableCell>
                <TableCell sx={{ color: 'text.secondary' }}>{details(e.details)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

function TicketDetail() {
  const t = useRecordContext<Ticket>();
  const translate = useTranslate();
  useFollowTicket(t ? t.id : null);
  if (!t) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
        <Typography variant="h4" data-testid="ticket-number">
          {t.number}
        </Typography>
        <StatusField />
        <Box sx={{ flex: 1 }} />
        <TemporalLink href={t.temporalUrl} />
      </Box>
      <Grid container spacing={2}>
        {(t.kind === 'appointment' ? [...SUMMARY, 'scheduledAt'] : SUMMARY).map((f) => (
          <Grid key={f} size={{ xs: 6, md: 3 }}>
            <Labeled source={f} resource="tickets">
              {f === 'kind' ? (
                <SelectField source="kind" choices={kindChoices} />
              ) : f.endsWith('At') ? (
                <DateField source={f} showTime emptyText="—" />
              ) : (
                <TextField source={f} emptyText="—" />
              )}
            </Labeled>
          </Grid>
        ))}
        <Grid size={{ xs: 12, md: 6 }}>
          <Labeled label="ventanilla.tickets.customer">
            {t.customerId ? (
              <ReferenceField source="customerId" reference="customers" link="edit">
                <FunctionField
                  render={(c: {
                    firstName: string;
                    lastName: string;
                    idNumber?: string;
                    phone?: string;
                    email?: string;
                  }) =>
                    [`${c.firstName} ${c.lastName}`.trim(), c.idNumber, c.phone, c.email].filter(Boolean).join(' · ')
                  }
                />
              </ReferenceField>
            ) : (
              <span>—</span>
            )}
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Labeled label="resources.tickets.fields.workflowId">
            <TextField source="workflowId" />
          </Labeled>
        </Grid>
      </Grid>
      <Timeline ticketId={t.id} />
      <Typography variant="caption" color="text.secondary">
        {translate('ventanilla.tickets.follow')}
      </Typography>
    </Box>
  );
}

const ShowActions = () => (
  <TopToolbar>
    <ListButton />
    <TicketActionButton action="check-in" />
    <TicketActionButton action="requeue" />
    <TicketActionButton action="cancel" />
  </TopToolbar>
);

export const TicketShow = () => (
  <Show actions={<ShowActions />}>
    <TicketDetail />
  </Show>
);
